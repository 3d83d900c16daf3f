CREATE TABLE `import_batch_place_answers` (
	`batch_id` integer NOT NULL,
	`place_key` text NOT NULL,
	`commune_code` text NOT NULL,
	PRIMARY KEY(`batch_id`, `place_key`),
	FOREIGN KEY (`batch_id`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `import_batch_place_answers_place` ON `import_batch_place_answers` (`place_key`,`batch_id`);