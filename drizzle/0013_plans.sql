CREATE TABLE `plan_attachments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`plan_id` integer NOT NULL,
	`file_name` text NOT NULL,
	`stored_name` text NOT NULL,
	`size` integer NOT NULL,
	`media_type` text NOT NULL,
	`added_at` text NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `plan_attachments_plan` ON `plan_attachments` (`plan_id`);--> statement-breakpoint
CREATE TABLE `plan_targets` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`plan_id` integer NOT NULL,
	`position` integer NOT NULL,
	`title` text NOT NULL,
	`comparison` text NOT NULL,
	`value` real NOT NULL,
	`unit` text NOT NULL,
	`unit_label` text DEFAULT '' NOT NULL,
	`measure` text,
	`denominator` text,
	`typed_actual` real,
	`typed_note` text DEFAULT '' NOT NULL,
	`typed_by` text DEFAULT '' NOT NULL,
	`typed_at` text,
	`comment` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `plan_targets_plan` ON `plan_targets` (`plan_id`,`position`);--> statement-breakpoint
CREATE TABLE `plans` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`number` text DEFAULT '' NOT NULL,
	`title` text NOT NULL,
	`title_folded` text NOT NULL,
	`issued_on` text,
	`issuer` text DEFAULT '' NOT NULL,
	`period_from` text NOT NULL,
	`period_to` text NOT NULL,
	`commune_codes` text DEFAULT '[]' NOT NULL,
	`organization_kinds` text DEFAULT '[]' NOT NULL,
	`sector_group` text,
	`status` text DEFAULT 'draft' NOT NULL,
	`copied_from_id` integer,
	`note` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	CONSTRAINT "plans_period_in_order" CHECK("plans"."period_to" >= "plans"."period_from")
);
--> statement-breakpoint
CREATE INDEX `plans_period` ON `plans` (`period_from`,`period_to`);