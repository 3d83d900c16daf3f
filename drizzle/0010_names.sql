CREATE TABLE `import_place_answers` (
	`place_key` text PRIMARY KEY NOT NULL,
	`commune_code` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `import_value_mappings` (
	`kind` text NOT NULL,
	`field` text NOT NULL,
	`written` text NOT NULL,
	`value` text,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`kind`, `field`, `written`)
);
--> statement-breakpoint
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
--> statement-breakpoint
ALTER TABLE `import_changes` ADD `after` text;