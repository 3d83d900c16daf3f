CREATE TABLE `alliance` (
	`id` integer PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`province_code` text NOT NULL,
	`address` text DEFAULT '' NOT NULL,
	`chair_name` text DEFAULT '' NOT NULL,
	`phone` text DEFAULT '' NOT NULL,
	`email` text DEFAULT '' NOT NULL,
	`updated_at` text NOT NULL,
	CONSTRAINT "alliance_single_row" CHECK("alliance"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`entity` text NOT NULL,
	`entity_id` integer NOT NULL,
	`action` text NOT NULL,
	`at` text NOT NULL,
	`before` text,
	`after` text
);
--> statement-breakpoint
CREATE INDEX `audit_log_entity` ON `audit_log` (`entity`,`entity_id`);--> statement-breakpoint
CREATE TABLE `organizations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`short_name` text DEFAULT '' NOT NULL,
	`registration_no` text,
	`province_code` text NOT NULL,
	`commune_code` text NOT NULL,
	`street` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`name_folded` text NOT NULL,
	`search_text` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `organizations_registration_no_unique` ON `organizations` (`registration_no`) WHERE "organizations"."registration_no" IS NOT NULL AND "organizations"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX `organizations_commune_name` ON `organizations` (`commune_code`,`name_folded`);--> statement-breakpoint
CREATE INDEX `organizations_name` ON `organizations` (`name_folded`);