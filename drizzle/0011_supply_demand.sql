CREATE TABLE `demand_requirements` (
	`demand_id` integer NOT NULL,
	`kind_code` text NOT NULL,
	`min_stars` integer,
	PRIMARY KEY(`demand_id`, `kind_code`),
	FOREIGN KEY (`demand_id`) REFERENCES `supply_demands`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`kind_code`) REFERENCES `certification_kinds`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `product_groups` (
	`code` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`keywords` text DEFAULT '' NOT NULL,
	`sort_order` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `programme_channels` (
	`programme_id` integer NOT NULL,
	`channel_code` text NOT NULL,
	PRIMARY KEY(`programme_id`, `channel_code`),
	FOREIGN KEY (`programme_id`) REFERENCES `programmes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`channel_code`) REFERENCES `sales_channels`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `programme_events` (
	`programme_id` integer NOT NULL,
	`event_id` integer NOT NULL,
	PRIMARY KEY(`programme_id`, `event_id`),
	FOREIGN KEY (`programme_id`) REFERENCES `programmes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `programme_events_event` ON `programme_events` (`event_id`);--> statement-breakpoint
CREATE TABLE `programme_members` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`programme_id` integer NOT NULL,
	`name` text NOT NULL,
	`role` text DEFAULT '' NOT NULL,
	`position` text DEFAULT '' NOT NULL,
	`phone` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`programme_id`) REFERENCES `programmes`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `programme_members_programme` ON `programme_members` (`programme_id`);--> statement-breakpoint
CREATE TABLE `programmes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`name_folded` text NOT NULL,
	`decision_no` text DEFAULT '' NOT NULL,
	`starts_on` text NOT NULL,
	`ends_on` text,
	`description` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	CONSTRAINT "programmes_dates_in_order" CHECK("programmes"."ends_on" IS NULL OR "programmes"."ends_on" >= "programmes"."starts_on")
);
--> statement-breakpoint
CREATE INDEX `programmes_starts` ON `programmes` (`starts_on`);--> statement-breakpoint
CREATE TABLE `sales_channels` (
	`code` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`sort_order` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `supply_connections` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`offer_id` integer NOT NULL,
	`demand_id` integer NOT NULL,
	`programme_id` integer,
	`quantity` real NOT NULL,
	`unit_code` text NOT NULL,
	`offer_quantity` real NOT NULL,
	`demand_quantity` real NOT NULL,
	`base_quantity` real NOT NULL,
	`base_unit_code` text NOT NULL,
	`price` integer,
	`value` integer,
	`channel_code` text NOT NULL,
	`connected_on` text NOT NULL,
	`agreement_id` integer,
	`commitment_id` integer,
	`note` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`offer_id`) REFERENCES `supply_offers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`demand_id`) REFERENCES `supply_demands`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`programme_id`) REFERENCES `programmes`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`unit_code`) REFERENCES `units`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`base_unit_code`) REFERENCES `units`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`channel_code`) REFERENCES `sales_channels`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`agreement_id`) REFERENCES `agreements`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`commitment_id`) REFERENCES `agreement_commitments`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "supply_connections_quantity_positive" CHECK("supply_connections"."quantity" > 0)
);
--> statement-breakpoint
CREATE INDEX `supply_connections_offer` ON `supply_connections` (`offer_id`);--> statement-breakpoint
CREATE INDEX `supply_connections_demand` ON `supply_connections` (`demand_id`);--> statement-breakpoint
CREATE INDEX `supply_connections_programme` ON `supply_connections` (`programme_id`,`connected_on`);--> statement-breakpoint
CREATE INDEX `supply_connections_connected` ON `supply_connections` (`connected_on`);--> statement-breakpoint
CREATE INDEX `supply_connections_agreement` ON `supply_connections` (`agreement_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `supply_connections_commitment` ON `supply_connections` (`commitment_id`) WHERE "supply_connections"."commitment_id" IS NOT NULL;--> statement-breakpoint
CREATE TABLE `supply_demands` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`programme_id` integer,
	`partner_id` integer,
	`organization_id` integer,
	`product` text NOT NULL,
	`product_folded` text NOT NULL,
	`product_group_code` text NOT NULL,
	`quantity` real NOT NULL,
	`unit_code` text NOT NULL,
	`needed_from` text NOT NULL,
	`needed_until` text,
	`price_min` integer,
	`price_max` integer,
	`delivery_province_code` text NOT NULL,
	`delivery_place` text DEFAULT '' NOT NULL,
	`quality_note` text DEFAULT '' NOT NULL,
	`contact_name` text DEFAULT '' NOT NULL,
	`contact_phone` text DEFAULT '' NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`withdrawn_on` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`programme_id`) REFERENCES `programmes`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`product_group_code`) REFERENCES `product_groups`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_code`) REFERENCES `units`(`code`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "supply_demands_buyer" CHECK(("supply_demands"."partner_id" IS NULL) <> ("supply_demands"."organization_id" IS NULL)),
	CONSTRAINT "supply_demands_quantity_positive" CHECK("supply_demands"."quantity" > 0),
	CONSTRAINT "supply_demands_period" CHECK("supply_demands"."needed_until" IS NULL OR "supply_demands"."needed_until" >= "supply_demands"."needed_from")
);
--> statement-breakpoint
CREATE INDEX `supply_demands_partner` ON `supply_demands` (`partner_id`);--> statement-breakpoint
CREATE INDEX `supply_demands_organization` ON `supply_demands` (`organization_id`);--> statement-breakpoint
CREATE INDEX `supply_demands_programme` ON `supply_demands` (`programme_id`);--> statement-breakpoint
CREATE INDEX `supply_demands_group_period` ON `supply_demands` (`product_group_code`,`needed_from`,`needed_until`) WHERE "supply_demands"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX `supply_demands_from` ON `supply_demands` (`needed_from`);--> statement-breakpoint
CREATE TABLE `supply_offers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`programme_id` integer,
	`organization_id` integer NOT NULL,
	`product_id` integer,
	`product` text NOT NULL,
	`product_folded` text NOT NULL,
	`product_group_code` text NOT NULL,
	`quantity` real NOT NULL,
	`unit_code` text NOT NULL,
	`available_from` text NOT NULL,
	`available_until` text,
	`price_min` integer,
	`price_max` integer,
	`commune_code` text NOT NULL,
	`province_code` text NOT NULL,
	`packaging` text DEFAULT '' NOT NULL,
	`delivery_terms` text DEFAULT '' NOT NULL,
	`contact_name` text DEFAULT '' NOT NULL,
	`contact_phone` text DEFAULT '' NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`withdrawn_on` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`programme_id`) REFERENCES `programmes`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`product_group_code`) REFERENCES `product_groups`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_code`) REFERENCES `units`(`code`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "supply_offers_quantity_positive" CHECK("supply_offers"."quantity" > 0),
	CONSTRAINT "supply_offers_window" CHECK("supply_offers"."available_until" IS NULL OR "supply_offers"."available_until" >= "supply_offers"."available_from")
);
--> statement-breakpoint
CREATE INDEX `supply_offers_organization` ON `supply_offers` (`organization_id`);--> statement-breakpoint
CREATE INDEX `supply_offers_programme` ON `supply_offers` (`programme_id`);--> statement-breakpoint
CREATE INDEX `supply_offers_group_window` ON `supply_offers` (`product_group_code`,`available_from`,`available_until`) WHERE "supply_offers"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX `supply_offers_from` ON `supply_offers` (`available_from`);--> statement-breakpoint
CREATE TABLE `units` (
	`code` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`aliases` text DEFAULT '' NOT NULL,
	`base_code` text,
	`per_base` real DEFAULT 1 NOT NULL,
	`sort_order` integer NOT NULL,
	FOREIGN KEY (`base_code`) REFERENCES `units`(`code`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "units_base" CHECK(("units"."base_code" IS NULL AND "units"."per_base" = 1) OR ("units"."base_code" IS NOT NULL AND "units"."per_base" > 0))
);
