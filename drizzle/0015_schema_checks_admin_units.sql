CREATE TABLE `communes` (
	`code` text PRIMARY KEY NOT NULL,
	`type` text NOT NULL,
	`name` text NOT NULL,
	`province_code` text NOT NULL,
	`sort_order` integer NOT NULL,
	FOREIGN KEY (`province_code`) REFERENCES `provinces`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `communes_province` ON `communes` (`province_code`,`sort_order`);--> statement-breakpoint
CREATE TABLE `event_kinds` (
	`code` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`sort_order` integer NOT NULL,
	`retired` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE `participant_roles` (
	`code` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`sort_order` integer NOT NULL,
	`retired` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE `provinces` (
	`code` text PRIMARY KEY NOT NULL,
	`type` text NOT NULL,
	`name` text NOT NULL,
	`sort_order` integer NOT NULL
);
--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_agreement_commitments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`agreement_id` integer NOT NULL,
	`product` text NOT NULL,
	`product_folded` text NOT NULL,
	`quantity` real NOT NULL,
	`unit` text NOT NULL,
	`value` integer,
	`starts_on` text,
	`due_on` text,
	`supplier_party_id` integer,
	`receiver_party_id` integer,
	FOREIGN KEY (`agreement_id`) REFERENCES `agreements`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "agreement_commitments_quantity_positive" CHECK("__new_agreement_commitments"."quantity" > 0),
	CONSTRAINT "agreement_commitments_starts_on_date" CHECK(date("starts_on") IS "starts_on"),
	CONSTRAINT "agreement_commitments_due_on_date" CHECK(date("due_on") IS "due_on")
);
--> statement-breakpoint
INSERT INTO `__new_agreement_commitments`("id", "agreement_id", "product", "product_folded", "quantity", "unit", "value", "starts_on", "due_on", "supplier_party_id", "receiver_party_id") SELECT "id", "agreement_id", "product", "product_folded", "quantity", "unit", "value", "starts_on", "due_on", "supplier_party_id", "receiver_party_id" FROM `agreement_commitments`;--> statement-breakpoint
DROP TABLE `agreement_commitments`;--> statement-breakpoint
ALTER TABLE `__new_agreement_commitments` RENAME TO `agreement_commitments`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `agreement_commitments_supplier` ON `agreement_commitments` (`supplier_party_id`);--> statement-breakpoint
CREATE INDEX `agreement_commitments_receiver` ON `agreement_commitments` (`receiver_party_id`);--> statement-breakpoint
CREATE INDEX `agreement_commitments_agreement` ON `agreement_commitments` (`agreement_id`);--> statement-breakpoint
CREATE INDEX `agreement_commitments_due` ON `agreement_commitments` (`due_on`);--> statement-breakpoint
CREATE TABLE `__new_agreement_deliveries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`commitment_id` integer NOT NULL,
	`delivered_on` text NOT NULL,
	`quantity` real NOT NULL,
	`value` integer,
	`note` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`commitment_id`) REFERENCES `agreement_commitments`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "agreement_deliveries_quantity_positive" CHECK("__new_agreement_deliveries"."quantity" > 0),
	CONSTRAINT "agreement_deliveries_delivered_on_date" CHECK(date("delivered_on") IS "delivered_on")
);
--> statement-breakpoint
INSERT INTO `__new_agreement_deliveries`("id", "commitment_id", "delivered_on", "quantity", "value", "note", "created_at") SELECT "id", "commitment_id", "delivered_on", "quantity", "value", "note", "created_at" FROM `agreement_deliveries`;--> statement-breakpoint
DROP TABLE `agreement_deliveries`;--> statement-breakpoint
ALTER TABLE `__new_agreement_deliveries` RENAME TO `agreement_deliveries`;--> statement-breakpoint
CREATE INDEX `agreement_deliveries_commitment` ON `agreement_deliveries` (`commitment_id`);--> statement-breakpoint
CREATE TABLE `__new_agreement_notes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`agreement_id` integer NOT NULL,
	`noted_on` text NOT NULL,
	`text` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`agreement_id`) REFERENCES `agreements`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "agreement_notes_noted_on_date" CHECK(date("noted_on") IS "noted_on")
);
--> statement-breakpoint
INSERT INTO `__new_agreement_notes`("id", "agreement_id", "noted_on", "text", "created_at") SELECT "id", "agreement_id", "noted_on", "text", "created_at" FROM `agreement_notes`;--> statement-breakpoint
DROP TABLE `agreement_notes`;--> statement-breakpoint
ALTER TABLE `__new_agreement_notes` RENAME TO `agreement_notes`;--> statement-breakpoint
CREATE INDEX `agreement_notes_agreement` ON `agreement_notes` (`agreement_id`,`noted_on`);--> statement-breakpoint
CREATE TABLE `__new_agreement_parties` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`agreement_id` integer NOT NULL,
	`kind` text NOT NULL,
	`organization_id` integer,
	`partner_id` integer,
	`role` text NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`agreement_id`) REFERENCES `agreements`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "agreement_parties_side" CHECK(("__new_agreement_parties"."kind" = 'organization' AND "__new_agreement_parties"."organization_id" IS NOT NULL AND "__new_agreement_parties"."partner_id" IS NULL)
        OR ("__new_agreement_parties"."kind" = 'partner' AND "__new_agreement_parties"."partner_id" IS NOT NULL AND "__new_agreement_parties"."organization_id" IS NULL)
        OR ("__new_agreement_parties"."kind" = 'alliance' AND "__new_agreement_parties"."organization_id" IS NULL AND "__new_agreement_parties"."partner_id" IS NULL)),
	CONSTRAINT "agreement_parties_kind_code" CHECK("kind" IN ('organization', 'partner', 'alliance')),
	CONSTRAINT "agreement_parties_role_code" CHECK("role" IN ('seller', 'buyer', 'cooperating', 'witness'))
);
--> statement-breakpoint
INSERT INTO `__new_agreement_parties`("id", "agreement_id", "kind", "organization_id", "partner_id", "role", "position") SELECT "id", "agreement_id", "kind", "organization_id", "partner_id", "role", "position" FROM `agreement_parties`;--> statement-breakpoint
DROP TABLE `agreement_parties`;--> statement-breakpoint
ALTER TABLE `__new_agreement_parties` RENAME TO `agreement_parties`;--> statement-breakpoint
CREATE INDEX `agreement_parties_agreement` ON `agreement_parties` (`agreement_id`);--> statement-breakpoint
CREATE INDEX `agreement_parties_organization` ON `agreement_parties` (`organization_id`);--> statement-breakpoint
CREATE INDEX `agreement_parties_partner` ON `agreement_parties` (`partner_id`);--> statement-breakpoint
CREATE TABLE `__new_agreements` (
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
	`closed_on` text,
	`closing_reason` text DEFAULT '' NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "agreements_kind_code" CHECK("kind" IN ('mou', 'sales_contract', 'cooperation_programme')),
	CONSTRAINT "agreements_signed_on_date" CHECK(date("signed_on") IS "signed_on"),
	CONSTRAINT "agreements_valid_from_date" CHECK(date("valid_from") IS "valid_from"),
	CONSTRAINT "agreements_valid_until_date" CHECK(date("valid_until") IS "valid_until"),
	CONSTRAINT "agreements_terminated_on_date" CHECK(date("terminated_on") IS "terminated_on"),
	CONSTRAINT "agreements_closed_on_date" CHECK(date("closed_on") IS "closed_on")
);
--> statement-breakpoint
INSERT INTO `__new_agreements`("id", "kind", "number", "title", "title_folded", "signed_on", "event_id", "valid_from", "valid_until", "terminated_on", "termination_reason", "closed_on", "closing_reason", "note", "created_at", "updated_at", "deleted_at") SELECT "id", "kind", "number", "title", "title_folded", "signed_on", "event_id", "valid_from", "valid_until", "terminated_on", "termination_reason", "closed_on", "closing_reason", "note", "created_at", "updated_at", "deleted_at" FROM `agreements`;--> statement-breakpoint
DROP TABLE `agreements`;--> statement-breakpoint
ALTER TABLE `__new_agreements` RENAME TO `agreements`;--> statement-breakpoint
CREATE INDEX `agreements_event` ON `agreements` (`event_id`);--> statement-breakpoint
CREATE INDEX `agreements_valid_until` ON `agreements` (`valid_until`);--> statement-breakpoint
CREATE INDEX `agreements_signed` ON `agreements` (`signed_on`);--> statement-breakpoint
CREATE TABLE `__new_audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`entity` text NOT NULL,
	`entity_id` integer NOT NULL,
	`action` text NOT NULL,
	`at` text NOT NULL,
	`before` text,
	`after` text,
	CONSTRAINT "audit_log_action_code" CHECK("action" IN ('create', 'update', 'delete', 'restore'))
);
--> statement-breakpoint
INSERT INTO `__new_audit_log`("id", "entity", "entity_id", "action", "at", "before", "after") SELECT "id", "entity", "entity_id", "action", "at", "before", "after" FROM `audit_log`;--> statement-breakpoint
DROP TABLE `audit_log`;--> statement-breakpoint
ALTER TABLE `__new_audit_log` RENAME TO `audit_log`;--> statement-breakpoint
CREATE INDEX `audit_log_entity` ON `audit_log` (`entity`,`entity_id`);--> statement-breakpoint
CREATE TABLE `__new_certifications` (
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
	FOREIGN KEY (`kind_code`) REFERENCES `certification_kinds`(`code`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "certifications_issued_on_date" CHECK(date("issued_on") IS "issued_on"),
	CONSTRAINT "certifications_expires_on_date" CHECK(date("expires_on") IS "expires_on")
);
--> statement-breakpoint
INSERT INTO `__new_certifications`("id", "organization_id", "product_id", "kind_code", "stars", "number", "issuer", "issued_on", "expires_on") SELECT "id", "organization_id", "product_id", "kind_code", "stars", "number", "issuer", "issued_on", "expires_on" FROM `certifications`;--> statement-breakpoint
DROP TABLE `certifications`;--> statement-breakpoint
ALTER TABLE `__new_certifications` RENAME TO `certifications`;--> statement-breakpoint
CREATE INDEX `certifications_organization` ON `certifications` (`organization_id`);--> statement-breakpoint
CREATE INDEX `certifications_expires` ON `certifications` (`expires_on`);--> statement-breakpoint
CREATE INDEX `certifications_kind` ON `certifications` (`kind_code`,`organization_id`);--> statement-breakpoint
CREATE TABLE `__new_event_participants` (
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
	FOREIGN KEY (`role`) REFERENCES `participant_roles`(`code`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "event_participants_one_side" CHECK(("__new_event_participants"."organization_id" IS NULL) <> ("__new_event_participants"."partner_id" IS NULL)),
	CONSTRAINT "event_participants_status_code" CHECK("status" IN ('invited', 'registered', 'attended', 'absent'))
);
--> statement-breakpoint
INSERT INTO `__new_event_participants`("id", "event_id", "organization_id", "partner_id", "role", "status", "representative", "note") SELECT "id", "event_id", "organization_id", "partner_id", "role", "status", "representative", "note" FROM `event_participants`;--> statement-breakpoint
DROP TABLE `event_participants`;--> statement-breakpoint
ALTER TABLE `__new_event_participants` RENAME TO `event_participants`;--> statement-breakpoint
CREATE UNIQUE INDEX `event_participants_organization` ON `event_participants` (`event_id`,`organization_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `event_participants_partner` ON `event_participants` (`event_id`,`partner_id`);--> statement-breakpoint
CREATE INDEX `event_participants_by_organization` ON `event_participants` (`organization_id`);--> statement-breakpoint
CREATE INDEX `event_participants_by_partner` ON `event_participants` (`partner_id`);--> statement-breakpoint
CREATE TABLE `__new_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`title_folded` text NOT NULL,
	`starts_on` text NOT NULL,
	`starts_at` text,
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
	FOREIGN KEY (`kind`) REFERENCES `event_kinds`(`code`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "events_dates_in_order" CHECK("__new_events"."ends_on" >= "__new_events"."starts_on"),
	CONSTRAINT "events_starts_on_date" CHECK(date("starts_on") IS "starts_on"),
	CONSTRAINT "events_ends_on_date" CHECK(date("ends_on") IS "ends_on"),
	CONSTRAINT "events_starts_at_time" CHECK(time("starts_at") IS ("starts_at" || ':00'))
);
--> statement-breakpoint
INSERT INTO `__new_events`("id", "kind", "title", "title_folded", "starts_on", "starts_at", "ends_on", "venue", "province_code", "organizer", "co_organizers", "budget", "description", "outcome", "search_text", "created_at", "updated_at", "deleted_at") SELECT "id", "kind", "title", "title_folded", "starts_on", "starts_at", "ends_on", "venue", "province_code", "organizer", "co_organizers", "budget", "description", "outcome", "search_text", "created_at", "updated_at", "deleted_at" FROM `events`;--> statement-breakpoint
DROP TABLE `events`;--> statement-breakpoint
ALTER TABLE `__new_events` RENAME TO `events`;--> statement-breakpoint
CREATE INDEX `events_starts` ON `events` (`starts_on`);--> statement-breakpoint
CREATE INDEX `events_title` ON `events` (`title_folded`);--> statement-breakpoint
CREATE TABLE `__new_import_batches` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`file_name` text NOT NULL,
	`sheet_name` text DEFAULT '' NOT NULL,
	`created` integer DEFAULT 0 NOT NULL,
	`updated` integer DEFAULT 0 NOT NULL,
	`skipped` integer DEFAULT 0 NOT NULL,
	`failed` integer DEFAULT 0 NOT NULL,
	`created_at` text NOT NULL,
	`undone_at` text,
	CONSTRAINT "import_batches_kind_code" CHECK("kind" IN ('organizations', 'figures', 'partners', 'products', 'offers', 'demands'))
);
--> statement-breakpoint
INSERT INTO `__new_import_batches`("id", "kind", "file_name", "sheet_name", "created", "updated", "skipped", "failed", "created_at", "undone_at") SELECT "id", "kind", "file_name", "sheet_name", "created", "updated", "skipped", "failed", "created_at", "undone_at" FROM `import_batches`;--> statement-breakpoint
DROP TABLE `import_batches`;--> statement-breakpoint
ALTER TABLE `__new_import_batches` RENAME TO `import_batches`;--> statement-breakpoint
CREATE TABLE `__new_import_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`batch_id` integer NOT NULL,
	`entity` text NOT NULL,
	`entity_id` integer NOT NULL,
	`action` text NOT NULL,
	`before` text,
	`after` text,
	FOREIGN KEY (`batch_id`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "import_changes_action_code" CHECK("action" IN ('create', 'update'))
);
--> statement-breakpoint
INSERT INTO `__new_import_changes`("id", "batch_id", "entity", "entity_id", "action", "before", "after") SELECT "id", "batch_id", "entity", "entity_id", "action", "before", "after" FROM `import_changes`;--> statement-breakpoint
DROP TABLE `import_changes`;--> statement-breakpoint
ALTER TABLE `__new_import_changes` RENAME TO `import_changes`;--> statement-breakpoint
CREATE INDEX `import_changes_batch` ON `import_changes` (`batch_id`);--> statement-breakpoint
CREATE INDEX `import_changes_entity` ON `import_changes` (`entity`,`entity_id`);--> statement-breakpoint
CREATE TABLE `__new_import_mappings` (
	`kind` text NOT NULL,
	`header_signature` text NOT NULL,
	`mapping` text NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`kind`, `header_signature`),
	CONSTRAINT "import_mappings_kind_code" CHECK("kind" IN ('organizations', 'figures', 'partners', 'products', 'offers', 'demands'))
);
--> statement-breakpoint
INSERT INTO `__new_import_mappings`("kind", "header_signature", "mapping", "updated_at") SELECT "kind", "header_signature", "mapping", "updated_at" FROM `import_mappings`;--> statement-breakpoint
DROP TABLE `import_mappings`;--> statement-breakpoint
ALTER TABLE `__new_import_mappings` RENAME TO `import_mappings`;--> statement-breakpoint
CREATE TABLE `__new_import_value_mappings` (
	`kind` text NOT NULL,
	`field` text NOT NULL,
	`written` text NOT NULL,
	`value` text,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`kind`, `field`, `written`),
	CONSTRAINT "import_value_mappings_kind_code" CHECK("kind" IN ('organizations', 'figures', 'partners', 'products', 'offers', 'demands'))
);
--> statement-breakpoint
INSERT INTO `__new_import_value_mappings`("kind", "field", "written", "value", "updated_at") SELECT "kind", "field", "written", "value", "updated_at" FROM `import_value_mappings`;--> statement-breakpoint
DROP TABLE `import_value_mappings`;--> statement-breakpoint
ALTER TABLE `__new_import_value_mappings` RENAME TO `import_value_mappings`;--> statement-breakpoint
CREATE TABLE `__new_lifecycle_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`date` text NOT NULL,
	`decision_no` text DEFAULT '' NOT NULL,
	`old_name` text,
	`new_name` text,
	`note` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	CONSTRAINT "lifecycle_events_kind_code" CHECK("kind" IN ('founding', 'renaming', 'suspension', 'resumption', 'split', 'separation', 'consolidation', 'merger', 'dissolution', 'bankruptcy')),
	CONSTRAINT "lifecycle_events_date_date" CHECK(date("date") IS "date")
);
--> statement-breakpoint
INSERT INTO `__new_lifecycle_events`("id", "kind", "date", "decision_no", "old_name", "new_name", "note", "created_at") SELECT "id", "kind", "date", "decision_no", "old_name", "new_name", "note", "created_at" FROM `lifecycle_events`;--> statement-breakpoint
DROP TABLE `lifecycle_events`;--> statement-breakpoint
ALTER TABLE `__new_lifecycle_events` RENAME TO `lifecycle_events`;--> statement-breakpoint
CREATE INDEX `lifecycle_events_date` ON `lifecycle_events` (`date`);--> statement-breakpoint
CREATE TABLE `__new_lifecycle_participants` (
	`event_id` integer NOT NULL,
	`organization_id` integer NOT NULL,
	`role` text NOT NULL,
	PRIMARY KEY(`event_id`, `organization_id`, `role`),
	FOREIGN KEY (`event_id`) REFERENCES `lifecycle_events`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "lifecycle_participants_role_code" CHECK("role" IN ('subject', 'predecessor', 'successor'))
);
--> statement-breakpoint
INSERT INTO `__new_lifecycle_participants`("event_id", "organization_id", "role") SELECT "event_id", "organization_id", "role" FROM `lifecycle_participants`;--> statement-breakpoint
DROP TABLE `lifecycle_participants`;--> statement-breakpoint
ALTER TABLE `__new_lifecycle_participants` RENAME TO `lifecycle_participants`;--> statement-breakpoint
CREATE INDEX `lifecycle_participants_organization` ON `lifecycle_participants` (`organization_id`);--> statement-breakpoint
CREATE TABLE `__new_organizations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`short_name` text DEFAULT '' NOT NULL,
	`registration_no` text,
	`province_code` text NOT NULL,
	`commune_code` text NOT NULL,
	`street` text DEFAULT '' NOT NULL,
	`old_address` text DEFAULT '' NOT NULL,
	`founded_on` text,
	`sector_code` text,
	`phone` text DEFAULT '' NOT NULL,
	`email` text DEFAULT '' NOT NULL,
	`website` text DEFAULT '' NOT NULL,
	`representative` text DEFAULT '' NOT NULL,
	`charter_capital` integer,
	`size_class` text,
	`member_since` text,
	`member_until` text,
	`high_tech` integer DEFAULT false NOT NULL,
	`value_chain` integer DEFAULT false NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`ended_on` text,
	`name_folded` text NOT NULL,
	`name_key` text DEFAULT '' NOT NULL,
	`search_text` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`sector_code`) REFERENCES `sectors`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`size_class`) REFERENCES `size_classes`(`code`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "organizations_kind_code" CHECK("kind" IN ('htx', 'lhhtx', 'tht', 'qtdnd')),
	CONSTRAINT "organizations_status_code" CHECK("status" IN ('active', 'suspended', 'dissolving', 'dissolved', 'bankrupt', 'reorganized')),
	CONSTRAINT "organizations_founded_on_date" CHECK(date("founded_on") IS "founded_on"),
	CONSTRAINT "organizations_member_since_date" CHECK(date("member_since") IS "member_since"),
	CONSTRAINT "organizations_member_until_date" CHECK(date("member_until") IS "member_until"),
	CONSTRAINT "organizations_ended_on_date" CHECK(date("ended_on") IS "ended_on")
);
--> statement-breakpoint
INSERT INTO `__new_organizations`("id", "kind", "name", "short_name", "registration_no", "province_code", "commune_code", "street", "old_address", "founded_on", "sector_code", "phone", "email", "website", "representative", "charter_capital", "size_class", "member_since", "member_until", "high_tech", "value_chain", "status", "ended_on", "name_folded", "name_key", "search_text", "created_at", "updated_at", "deleted_at") SELECT "id", "kind", "name", "short_name", "registration_no", "province_code", "commune_code", "street", "old_address", "founded_on", "sector_code", "phone", "email", "website", "representative", "charter_capital", "size_class", "member_since", "member_until", "high_tech", "value_chain", "status", "ended_on", "name_folded", "name_key", "search_text", "created_at", "updated_at", "deleted_at" FROM `organizations`;--> statement-breakpoint
DROP TABLE `organizations`;--> statement-breakpoint
ALTER TABLE `__new_organizations` RENAME TO `organizations`;--> statement-breakpoint
CREATE UNIQUE INDEX `organizations_registration_no_unique` ON `organizations` (`registration_no`) WHERE "organizations"."registration_no" IS NOT NULL AND "organizations"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX `organizations_commune_name` ON `organizations` (`commune_code`,`name_folded`);--> statement-breakpoint
CREATE INDEX `organizations_name` ON `organizations` (`name_folded`);--> statement-breakpoint
CREATE INDEX `organizations_kind_name` ON `organizations` (`kind`,`name_folded`);--> statement-breakpoint
CREATE INDEX `organizations_commune_key` ON `organizations` (`commune_code`,`name_key`);--> statement-breakpoint
CREATE INDEX `organizations_status_name` ON `organizations` (`status`,`name_folded`);--> statement-breakpoint
CREATE INDEX `organizations_trash` ON `organizations` (`deleted_at`) WHERE "organizations"."deleted_at" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `organizations_name_search` ON `organizations` (`name_folded`,`id`,`search_text`) WHERE "organizations"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX `organizations_statistics` ON `organizations` (`commune_code`,`kind`,`sector_code`,`founded_on`,`ended_on`) WHERE "organizations"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX `organizations_founded` ON `organizations` (`founded_on`,`ended_on`,`commune_code`,`kind`,`sector_code`) WHERE "organizations"."deleted_at" IS NULL AND "organizations"."founded_on" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `organizations_ended` ON `organizations` (`ended_on`,`founded_on`,`commune_code`,`kind`,`sector_code`) WHERE "organizations"."deleted_at" IS NULL AND "organizations"."ended_on" IS NOT NULL;--> statement-breakpoint
CREATE TABLE `__new_partners` (
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
	`deleted_at` text,
	CONSTRAINT "partners_kind_code" CHECK("kind" IN ('enterprise', 'wholesale_market', 'retail_outlet', 'online_channel', 'logistics', 'alliance', 'state_agency')),
	CONSTRAINT "partners_business_line_code" CHECK("business_line" IN ('distribution', 'supermarket', 'processing', 'export', 'other'))
);
--> statement-breakpoint
INSERT INTO `__new_partners`("id", "kind", "business_line", "name", "short_name", "tax_code", "province_code", "address", "contact_name", "contact_role", "phone", "email", "website", "buys", "quality_requirements", "note", "name_folded", "name_key", "search_text", "created_at", "updated_at", "deleted_at") SELECT "id", "kind", "business_line", "name", "short_name", "tax_code", "province_code", "address", "contact_name", "contact_role", "phone", "email", "website", "buys", "quality_requirements", "note", "name_folded", "name_key", "search_text", "created_at", "updated_at", "deleted_at" FROM `partners`;--> statement-breakpoint
DROP TABLE `partners`;--> statement-breakpoint
ALTER TABLE `__new_partners` RENAME TO `partners`;--> statement-breakpoint
CREATE UNIQUE INDEX `partners_tax_code_unique` ON `partners` (`tax_code`) WHERE "partners"."tax_code" IS NOT NULL AND "partners"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX `partners_name` ON `partners` (`name_folded`);--> statement-breakpoint
CREATE INDEX `partners_kind_name` ON `partners` (`kind`,`name_folded`);--> statement-breakpoint
CREATE INDEX `partners_province_key` ON `partners` (`province_code`,`name_key`);--> statement-breakpoint
CREATE TABLE `__new_plan_targets` (
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
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "plan_targets_comparison_code" CHECK("comparison" IN ('at_least', 'at_most', 'exactly')),
	CONSTRAINT "plan_targets_unit_code" CHECK("unit" IN ('count', 'percent', 'money', 'quantity'))
);
--> statement-breakpoint
INSERT INTO `__new_plan_targets`("id", "plan_id", "position", "title", "comparison", "value", "unit", "unit_label", "measure", "denominator", "typed_actual", "typed_note", "typed_by", "typed_at", "comment") SELECT "id", "plan_id", "position", "title", "comparison", "value", "unit", "unit_label", "measure", "denominator", "typed_actual", "typed_note", "typed_by", "typed_at", "comment" FROM `plan_targets`;--> statement-breakpoint
DROP TABLE `plan_targets`;--> statement-breakpoint
ALTER TABLE `__new_plan_targets` RENAME TO `plan_targets`;--> statement-breakpoint
CREATE INDEX `plan_targets_plan` ON `plan_targets` (`plan_id`,`position`);--> statement-breakpoint
CREATE TABLE `__new_plans` (
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
	CONSTRAINT "plans_period_in_order" CHECK("__new_plans"."period_to" >= "__new_plans"."period_from"),
	CONSTRAINT "plans_kind_code" CHECK("kind" IN ('year', 'programme')),
	CONSTRAINT "plans_status_code" CHECK("status" IN ('draft', 'issued', 'cancelled')),
	CONSTRAINT "plans_sector_group_code" CHECK("sector_group" IN ('agriculture', 'non_agriculture')),
	CONSTRAINT "plans_issued_on_date" CHECK(date("issued_on") IS "issued_on"),
	CONSTRAINT "plans_period_from_date" CHECK(date("period_from") IS "period_from"),
	CONSTRAINT "plans_period_to_date" CHECK(date("period_to") IS "period_to")
);
--> statement-breakpoint
INSERT INTO `__new_plans`("id", "kind", "number", "title", "title_folded", "issued_on", "issuer", "period_from", "period_to", "commune_codes", "organization_kinds", "sector_group", "status", "copied_from_id", "note", "created_at", "updated_at", "deleted_at") SELECT "id", "kind", "number", "title", "title_folded", "issued_on", "issuer", "period_from", "period_to", "commune_codes", "organization_kinds", "sector_group", "status", "copied_from_id", "note", "created_at", "updated_at", "deleted_at" FROM `plans`;--> statement-breakpoint
DROP TABLE `plans`;--> statement-breakpoint
ALTER TABLE `__new_plans` RENAME TO `plans`;--> statement-breakpoint
CREATE INDEX `plans_period` ON `plans` (`period_from`,`period_to`);--> statement-breakpoint
CREATE TABLE `__new_products` (
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
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "products_volume_period_code" CHECK("volume_period" IN ('year', 'season'))
);
--> statement-breakpoint
INSERT INTO `__new_products`("id", "organization_id", "name", "name_folded", "product_group", "unit", "volume", "volume_period", "price", "note") SELECT "id", "organization_id", "name", "name_folded", "product_group", "unit", "volume", "volume_period", "price", "note" FROM `products`;--> statement-breakpoint
DROP TABLE `products`;--> statement-breakpoint
ALTER TABLE `__new_products` RENAME TO `products`;--> statement-breakpoint
CREATE INDEX `products_organization` ON `products` (`organization_id`);--> statement-breakpoint
CREATE INDEX `products_name` ON `products` (`name_folded`);--> statement-breakpoint
CREATE TABLE `__new_programmes` (
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
	CONSTRAINT "programmes_dates_in_order" CHECK("__new_programmes"."ends_on" IS NULL OR "__new_programmes"."ends_on" >= "__new_programmes"."starts_on"),
	CONSTRAINT "programmes_starts_on_date" CHECK(date("starts_on") IS "starts_on"),
	CONSTRAINT "programmes_ends_on_date" CHECK(date("ends_on") IS "ends_on")
);
--> statement-breakpoint
INSERT INTO `__new_programmes`("id", "name", "name_folded", "decision_no", "starts_on", "ends_on", "description", "created_at", "updated_at", "deleted_at") SELECT "id", "name", "name_folded", "decision_no", "starts_on", "ends_on", "description", "created_at", "updated_at", "deleted_at" FROM `programmes`;--> statement-breakpoint
DROP TABLE `programmes`;--> statement-breakpoint
ALTER TABLE `__new_programmes` RENAME TO `programmes`;--> statement-breakpoint
CREATE INDEX `programmes_starts` ON `programmes` (`starts_on`);--> statement-breakpoint
CREATE TABLE `__new_sectors` (
	`code` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`sector_group` text NOT NULL,
	`sort_order` integer NOT NULL,
	CONSTRAINT "sectors_group_code" CHECK("sector_group" IN ('agriculture', 'non_agriculture'))
);
--> statement-breakpoint
INSERT INTO `__new_sectors`("code", "name", "sector_group", "sort_order") SELECT "code", "name", "sector_group", "sort_order" FROM `sectors`;--> statement-breakpoint
DROP TABLE `sectors`;--> statement-breakpoint
ALTER TABLE `__new_sectors` RENAME TO `sectors`;--> statement-breakpoint
CREATE TABLE `__new_supply_connections` (
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
	CONSTRAINT "supply_connections_quantity_positive" CHECK("__new_supply_connections"."quantity" > 0),
	CONSTRAINT "supply_connections_connected_on_date" CHECK(date("connected_on") IS "connected_on")
);
--> statement-breakpoint
INSERT INTO `__new_supply_connections`("id", "offer_id", "demand_id", "programme_id", "quantity", "unit_code", "offer_quantity", "demand_quantity", "base_quantity", "base_unit_code", "price", "value", "channel_code", "connected_on", "agreement_id", "commitment_id", "note", "created_at", "updated_at", "deleted_at") SELECT "id", "offer_id", "demand_id", "programme_id", "quantity", "unit_code", "offer_quantity", "demand_quantity", "base_quantity", "base_unit_code", "price", "value", "channel_code", "connected_on", "agreement_id", "commitment_id", "note", "created_at", "updated_at", "deleted_at" FROM `supply_connections`;--> statement-breakpoint
DROP TABLE `supply_connections`;--> statement-breakpoint
ALTER TABLE `__new_supply_connections` RENAME TO `supply_connections`;--> statement-breakpoint
CREATE INDEX `supply_connections_offer` ON `supply_connections` (`offer_id`);--> statement-breakpoint
CREATE INDEX `supply_connections_demand` ON `supply_connections` (`demand_id`);--> statement-breakpoint
CREATE INDEX `supply_connections_programme` ON `supply_connections` (`programme_id`,`connected_on`);--> statement-breakpoint
CREATE INDEX `supply_connections_connected` ON `supply_connections` (`connected_on`);--> statement-breakpoint
CREATE INDEX `supply_connections_agreement` ON `supply_connections` (`agreement_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `supply_connections_commitment` ON `supply_connections` (`commitment_id`) WHERE "supply_connections"."commitment_id" IS NOT NULL;--> statement-breakpoint
CREATE TABLE `__new_supply_demands` (
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
	CONSTRAINT "supply_demands_buyer" CHECK(("__new_supply_demands"."partner_id" IS NULL) <> ("__new_supply_demands"."organization_id" IS NULL)),
	CONSTRAINT "supply_demands_quantity_positive" CHECK("__new_supply_demands"."quantity" > 0),
	CONSTRAINT "supply_demands_period" CHECK("__new_supply_demands"."needed_until" IS NULL OR "__new_supply_demands"."needed_until" >= "__new_supply_demands"."needed_from"),
	CONSTRAINT "supply_demands_needed_from_date" CHECK(date("needed_from") IS "needed_from"),
	CONSTRAINT "supply_demands_needed_until_date" CHECK(date("needed_until") IS "needed_until"),
	CONSTRAINT "supply_demands_withdrawn_on_date" CHECK(date("withdrawn_on") IS "withdrawn_on")
);
--> statement-breakpoint
INSERT INTO `__new_supply_demands`("id", "programme_id", "partner_id", "organization_id", "product", "product_folded", "product_group_code", "quantity", "unit_code", "needed_from", "needed_until", "price_min", "price_max", "delivery_province_code", "delivery_place", "quality_note", "contact_name", "contact_phone", "note", "withdrawn_on", "created_at", "updated_at", "deleted_at") SELECT "id", "programme_id", "partner_id", "organization_id", "product", "product_folded", "product_group_code", "quantity", "unit_code", "needed_from", "needed_until", "price_min", "price_max", "delivery_province_code", "delivery_place", "quality_note", "contact_name", "contact_phone", "note", "withdrawn_on", "created_at", "updated_at", "deleted_at" FROM `supply_demands`;--> statement-breakpoint
DROP TABLE `supply_demands`;--> statement-breakpoint
ALTER TABLE `__new_supply_demands` RENAME TO `supply_demands`;--> statement-breakpoint
CREATE INDEX `supply_demands_partner` ON `supply_demands` (`partner_id`);--> statement-breakpoint
CREATE INDEX `supply_demands_organization` ON `supply_demands` (`organization_id`);--> statement-breakpoint
CREATE INDEX `supply_demands_programme` ON `supply_demands` (`programme_id`);--> statement-breakpoint
CREATE INDEX `supply_demands_group_period` ON `supply_demands` (`product_group_code`,`needed_from`,`needed_until`) WHERE "supply_demands"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX `supply_demands_from` ON `supply_demands` (`needed_from`);--> statement-breakpoint
CREATE TABLE `__new_supply_offers` (
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
	CONSTRAINT "supply_offers_quantity_positive" CHECK("__new_supply_offers"."quantity" > 0),
	CONSTRAINT "supply_offers_window" CHECK("__new_supply_offers"."available_until" IS NULL OR "__new_supply_offers"."available_until" >= "__new_supply_offers"."available_from"),
	CONSTRAINT "supply_offers_available_from_date" CHECK(date("available_from") IS "available_from"),
	CONSTRAINT "supply_offers_available_until_date" CHECK(date("available_until") IS "available_until"),
	CONSTRAINT "supply_offers_withdrawn_on_date" CHECK(date("withdrawn_on") IS "withdrawn_on")
);
--> statement-breakpoint
INSERT INTO `__new_supply_offers`("id", "programme_id", "organization_id", "product_id", "product", "product_folded", "product_group_code", "quantity", "unit_code", "available_from", "available_until", "price_min", "price_max", "commune_code", "province_code", "packaging", "delivery_terms", "contact_name", "contact_phone", "note", "withdrawn_on", "created_at", "updated_at", "deleted_at") SELECT "id", "programme_id", "organization_id", "product_id", "product", "product_folded", "product_group_code", "quantity", "unit_code", "available_from", "available_until", "price_min", "price_max", "commune_code", "province_code", "packaging", "delivery_terms", "contact_name", "contact_phone", "note", "withdrawn_on", "created_at", "updated_at", "deleted_at" FROM `supply_offers`;--> statement-breakpoint
DROP TABLE `supply_offers`;--> statement-breakpoint
ALTER TABLE `__new_supply_offers` RENAME TO `supply_offers`;--> statement-breakpoint
CREATE INDEX `supply_offers_organization` ON `supply_offers` (`organization_id`);--> statement-breakpoint
CREATE INDEX `supply_offers_programme` ON `supply_offers` (`programme_id`);--> statement-breakpoint
CREATE INDEX `supply_offers_group_window` ON `supply_offers` (`product_group_code`,`available_from`,`available_until`) WHERE "supply_offers"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX `supply_offers_from` ON `supply_offers` (`available_from`);--> statement-breakpoint
CREATE TABLE `__new_union_members` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`union_id` integer NOT NULL,
	`member_id` integer NOT NULL,
	`joined_on` text,
	`left_on` text,
	FOREIGN KEY (`union_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`member_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "union_members_joined_on_date" CHECK(date("joined_on") IS "joined_on"),
	CONSTRAINT "union_members_left_on_date" CHECK(date("left_on") IS "left_on")
);
--> statement-breakpoint
INSERT INTO `__new_union_members`("id", "union_id", "member_id", "joined_on", "left_on") SELECT "id", "union_id", "member_id", "joined_on", "left_on" FROM `union_members`;--> statement-breakpoint
DROP TABLE `union_members`;--> statement-breakpoint
ALTER TABLE `__new_union_members` RENAME TO `union_members`;--> statement-breakpoint
CREATE INDEX `union_members_union` ON `union_members` (`union_id`);--> statement-breakpoint
CREATE INDEX `union_members_member` ON `union_members` (`member_id`);--> statement-breakpoint
CREATE TABLE `__new_yearly_figures` (
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
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "yearly_figures_classification_code" CHECK("classification" IN ('good', 'fair', 'average', 'weak'))
);
--> statement-breakpoint
INSERT INTO `__new_yearly_figures`("organization_id", "year", "members_official", "members_associate", "workers", "revenue", "profit", "average_income", "total_assets", "managers", "managers_with_degree", "classification", "score", "updated_at") SELECT "organization_id", "year", "members_official", "members_associate", "workers", "revenue", "profit", "average_income", "total_assets", "managers", "managers_with_degree", "classification", "score", "updated_at" FROM `yearly_figures`;--> statement-breakpoint
DROP TABLE `yearly_figures`;--> statement-breakpoint
ALTER TABLE `__new_yearly_figures` RENAME TO `yearly_figures`;--> statement-breakpoint
CREATE INDEX `yearly_figures_year` ON `yearly_figures` (`year`);--> statement-breakpoint
CREATE INDEX `yearly_figures_statistics` ON `yearly_figures` (`year`,`organization_id`,`members_official`,`members_associate`,`workers`,`revenue`,`profit`,`average_income`,`classification`);