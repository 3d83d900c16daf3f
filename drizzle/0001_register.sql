CREATE TABLE `certification_kinds` (
	`code` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`has_stars` integer DEFAULT false NOT NULL,
	`sort_order` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `certifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`organization_id` integer NOT NULL,
	`product_id` integer,
	`kind_code` text NOT NULL,
	`stars` integer,
	`number` text DEFAULT '' NOT NULL,
	`issuer` text DEFAULT '' NOT NULL,
	`issued_on` text,
	`expires_on` text,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`kind_code`) REFERENCES `certification_kinds`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `certifications_organization` ON `certifications` (`organization_id`);--> statement-breakpoint
CREATE INDEX `certifications_expires` ON `certifications` (`expires_on`);--> statement-breakpoint
CREATE INDEX `certifications_kind` ON `certifications` (`kind_code`,`organization_id`);--> statement-breakpoint
CREATE TABLE `contacts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`organization_id` integer NOT NULL,
	`name` text NOT NULL,
	`role` text DEFAULT '' NOT NULL,
	`phone` text DEFAULT '' NOT NULL,
	`email` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `contacts_organization` ON `contacts` (`organization_id`);--> statement-breakpoint
CREATE TABLE `lifecycle_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`date` text NOT NULL,
	`decision_no` text DEFAULT '' NOT NULL,
	`new_name` text,
	`note` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `lifecycle_events_date` ON `lifecycle_events` (`date`);--> statement-breakpoint
CREATE TABLE `lifecycle_participants` (
	`event_id` integer NOT NULL,
	`organization_id` integer NOT NULL,
	`role` text NOT NULL,
	PRIMARY KEY(`event_id`, `organization_id`, `role`),
	FOREIGN KEY (`event_id`) REFERENCES `lifecycle_events`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `lifecycle_participants_organization` ON `lifecycle_participants` (`organization_id`);--> statement-breakpoint
CREATE TABLE `products` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`organization_id` integer NOT NULL,
	`name` text NOT NULL,
	`name_folded` text NOT NULL,
	`product_group` text DEFAULT '' NOT NULL,
	`unit` text DEFAULT '' NOT NULL,
	`volume` real,
	`volume_period` text DEFAULT 'year' NOT NULL,
	`price` integer,
	`note` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `products_organization` ON `products` (`organization_id`);--> statement-breakpoint
CREATE INDEX `products_name` ON `products` (`name_folded`);--> statement-breakpoint
CREATE TABLE `sectors` (
	`code` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`sector_group` text NOT NULL,
	`sort_order` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`note` text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE `size_classes` (
	`code` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`sort_order` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `union_members` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`union_id` integer NOT NULL,
	`member_id` integer NOT NULL,
	`joined_on` text,
	`left_on` text,
	FOREIGN KEY (`union_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`member_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `union_members_union` ON `union_members` (`union_id`);--> statement-breakpoint
CREATE INDEX `union_members_member` ON `union_members` (`member_id`);--> statement-breakpoint
CREATE TABLE `yearly_figures` (
	`organization_id` integer NOT NULL,
	`year` integer NOT NULL,
	`members_official` integer,
	`members_associate` integer,
	`workers` integer,
	`revenue` integer,
	`profit` integer,
	`average_income` integer,
	`total_assets` integer,
	`managers` integer,
	`managers_with_degree` integer,
	`classification` text,
	`score` integer,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`organization_id`, `year`),
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `yearly_figures_year` ON `yearly_figures` (`year`);--> statement-breakpoint
ALTER TABLE `organizations` ADD `old_address` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `organizations` ADD `founded_on` text;--> statement-breakpoint
ALTER TABLE `organizations` ADD `sector_code` text REFERENCES sectors(code);--> statement-breakpoint
ALTER TABLE `organizations` ADD `phone` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `organizations` ADD `email` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `organizations` ADD `website` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `organizations` ADD `representative` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `organizations` ADD `charter_capital` integer;--> statement-breakpoint
ALTER TABLE `organizations` ADD `size_class` text REFERENCES size_classes(code);--> statement-breakpoint
ALTER TABLE `organizations` ADD `member_since` text;--> statement-breakpoint
ALTER TABLE `organizations` ADD `member_until` text;--> statement-breakpoint
ALTER TABLE `organizations` ADD `high_tech` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `organizations` ADD `value_chain` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `organizations` ADD `ended_on` text;--> statement-breakpoint
ALTER TABLE `organizations` ADD `name_key` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX `organizations_kind_name` ON `organizations` (`kind`,`name_folded`);--> statement-breakpoint
CREATE INDEX `organizations_commune_key` ON `organizations` (`commune_code`,`name_key`);--> statement-breakpoint
CREATE INDEX `organizations_status_name` ON `organizations` (`status`,`name_folded`);