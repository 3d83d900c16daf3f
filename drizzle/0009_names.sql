CREATE TABLE `search_word_deletions` (
	`deletion` text NOT NULL,
	`word` text NOT NULL,
	PRIMARY KEY(`deletion`, `word`)
);
--> statement-breakpoint
CREATE TABLE `search_words` (
	`word` text PRIMARY KEY NOT NULL,
	`uses` integer NOT NULL
);
