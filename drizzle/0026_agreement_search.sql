CREATE TABLE `agreement_search` (
	`agreement_id` integer PRIMARY KEY NOT NULL,
	`search_text` text NOT NULL
);
