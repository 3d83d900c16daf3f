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
ALTER TABLE `import_changes` ADD `after` text;