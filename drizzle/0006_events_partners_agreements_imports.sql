CREATE TABLE `agreement_attachments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`agreement_id` integer NOT NULL,
	`file_name` text NOT NULL,
	`stored_name` text NOT NULL,
	`size` integer NOT NULL,
	`media_type` text NOT NULL,
	`added_at` text NOT NULL,
	FOREIGN KEY (`agreement_id`) REFERENCES `agreements`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `agreement_attachments_agreement` ON `agreement_attachments` (`agreement_id`);--> statement-breakpoint
CREATE TABLE `agreement_commitments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`agreement_id` integer NOT NULL,
	`product` text NOT NULL,
	`product_folded` text NOT NULL,
	`quantity` real NOT NULL,
	`unit` text NOT NULL,
	`value` integer,
	`starts_on` text,
	`due_on` text,
	FOREIGN KEY (`agreement_id`) REFERENCES `agreements`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "agreement_commitments_quantity_positive" CHECK("agreement_commitments"."quantity" > 0)
);
--> statement-breakpoint
CREATE INDEX `agreement_commitments_agreement` ON `agreement_commitments` (`agreement_id`);--> statement-breakpoint
CREATE INDEX `agreement_commitments_due` ON `agreement_commitments` (`due_on`);--> statement-breakpoint
CREATE TABLE `agreement_deliveries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`commitment_id` integer NOT NULL,
	`delivered_on` text NOT NULL,
	`quantity` real NOT NULL,
	`value` integer,
	`note` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`commitment_id`) REFERENCES `agreement_commitments`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "agreement_deliveries_quantity_positive" CHECK("agreement_deliveries"."quantity" > 0)
);
--> statement-breakpoint
CREATE INDEX `agreement_deliveries_commitment` ON `agreement_deliveries` (`commitment_id`);--> statement-breakpoint
CREATE TABLE `agreement_notes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`agreement_id` integer NOT NULL,
	`noted_on` text NOT NULL,
	`text` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`agreement_id`) REFERENCES `agreements`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `agreement_notes_agreement` ON `agreement_notes` (`agreement_id`,`noted_on`);--> statement-breakpoint
CREATE TABLE `agreement_parties` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`agreement_id` integer NOT NULL,
	`kind` text NOT NULL,
	`organization_id` integer,
	`partner_id` integer,
	`role` text NOT NULL,
	FOREIGN KEY (`agreement_id`) REFERENCES `agreements`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "agreement_parties_side" CHECK(("agreement_parties"."kind" = 'organization' AND "agreement_parties"."organization_id" IS NOT NULL AND "agreement_parties"."partner_id" IS NULL)
        OR ("agreement_parties"."kind" = 'partner' AND "agreement_parties"."partner_id" IS NOT NULL AND "agreement_parties"."organization_id" IS NULL)
        OR ("agreement_parties"."kind" = 'alliance' AND "agreement_parties"."organization_id" IS NULL AND "agreement_parties"."partner_id" IS NULL))
);
--> statement-breakpoint
CREATE INDEX `agreement_parties_agreement` ON `agreement_parties` (`agreement_id`);--> statement-breakpoint
CREATE INDEX `agreement_parties_organization` ON `agreement_parties` (`organization_id`);--> statement-breakpoint
CREATE INDEX `agreement_parties_partner` ON `agreement_parties` (`partner_id`);--> statement-breakpoint
CREATE TABLE `agreements` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`number` text DEFAULT '' NOT NULL,
	`title` text NOT NULL,
	`title_folded` text NOT NULL,
	`signed_on` text,
	`event_id` integer,
	`valid_from` text,
	`valid_until` text,
	`terminated_on` text,
	`termination_reason` text DEFAULT '' NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `agreements_event` ON `agreements` (`event_id`);--> statement-breakpoint
CREATE INDEX `agreements_valid_until` ON `agreements` (`valid_until`);--> statement-breakpoint
CREATE INDEX `agreements_signed` ON `agreements` (`signed_on`);--> statement-breakpoint
CREATE TABLE `event_participants` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`event_id` integer NOT NULL,
	`organization_id` integer,
	`partner_id` integer,
	`role` text DEFAULT 'attendee' NOT NULL,
	`status` text DEFAULT 'invited' NOT NULL,
	`representative` text DEFAULT '' NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "event_participants_one_side" CHECK(("event_participants"."organization_id" IS NULL) <> ("event_participants"."partner_id" IS NULL))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `event_participants_organization` ON `event_participants` (`event_id`,`organization_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `event_participants_partner` ON `event_participants` (`event_id`,`partner_id`);--> statement-breakpoint
CREATE INDEX `event_participants_by_organization` ON `event_participants` (`organization_id`);--> statement-breakpoint
CREATE INDEX `event_participants_by_partner` ON `event_participants` (`partner_id`);--> statement-breakpoint
CREATE TABLE `events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`title_folded` text NOT NULL,
	`starts_on` text NOT NULL,
	`ends_on` text NOT NULL,
	`venue` text DEFAULT '' NOT NULL,
	`province_code` text,
	`organizer` text DEFAULT '' NOT NULL,
	`co_organizers` text DEFAULT '' NOT NULL,
	`budget` integer,
	`description` text DEFAULT '' NOT NULL,
	`outcome` text DEFAULT '' NOT NULL,
	`search_text` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	CONSTRAINT "events_dates_in_order" CHECK("events"."ends_on" >= "events"."starts_on")
);
--> statement-breakpoint
CREATE INDEX `events_starts` ON `events` (`starts_on`);--> statement-breakpoint
CREATE INDEX `events_title` ON `events` (`title_folded`);--> statement-breakpoint
CREATE TABLE `import_batches` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`file_name` text NOT NULL,
	`sheet_name` text DEFAULT '' NOT NULL,
	`created` integer DEFAULT 0 NOT NULL,
	`updated` integer DEFAULT 0 NOT NULL,
	`skipped` integer DEFAULT 0 NOT NULL,
	`failed` integer DEFAULT 0 NOT NULL,
	`created_at` text NOT NULL,
	`undone_at` text
);
--> statement-breakpoint
CREATE TABLE `import_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`batch_id` integer NOT NULL,
	`entity` text NOT NULL,
	`entity_id` integer NOT NULL,
	`action` text NOT NULL,
	`before` text,
	FOREIGN KEY (`batch_id`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `import_changes_batch` ON `import_changes` (`batch_id`);--> statement-breakpoint
CREATE INDEX `import_changes_entity` ON `import_changes` (`entity`,`entity_id`);--> statement-breakpoint
CREATE TABLE `import_mappings` (
	`kind` text NOT NULL,
	`header_signature` text NOT NULL,
	`mapping` text NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`kind`, `header_signature`)
);
--> statement-breakpoint
CREATE TABLE `partners` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`business_line` text,
	`name` text NOT NULL,
	`short_name` text DEFAULT '' NOT NULL,
	`tax_code` text,
	`province_code` text NOT NULL,
	`address` text DEFAULT '' NOT NULL,
	`contact_name` text DEFAULT '' NOT NULL,
	`contact_role` text DEFAULT '' NOT NULL,
	`phone` text DEFAULT '' NOT NULL,
	`email` text DEFAULT '' NOT NULL,
	`website` text DEFAULT '' NOT NULL,
	`buys` text DEFAULT '' NOT NULL,
	`quality_requirements` text DEFAULT '' NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`name_folded` text NOT NULL,
	`name_key` text DEFAULT '' NOT NULL,
	`search_text` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `partners_tax_code_unique` ON `partners` (`tax_code`) WHERE "partners"."tax_code" IS NOT NULL AND "partners"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX `partners_name` ON `partners` (`name_folded`);--> statement-breakpoint
CREATE INDEX `partners_kind_name` ON `partners` (`kind`,`name_folded`);--> statement-breakpoint
CREATE INDEX `partners_province_key` ON `partners` (`province_code`,`name_key`);