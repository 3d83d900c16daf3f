PRAGMA foreign_keys=OFF;--> statement-breakpoint
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
	CONSTRAINT "agreement_parties_kind_code" CHECK("kind" = 'organization' OR "kind" = 'partner' OR "kind" = 'alliance'),
	CONSTRAINT "agreement_parties_role_code" CHECK("role" = 'seller' OR "role" = 'buyer' OR "role" = 'cooperating' OR "role" = 'witness')
);
--> statement-breakpoint
INSERT INTO `__new_agreement_parties`("id", "agreement_id", "kind", "organization_id", "partner_id", "role", "position") SELECT "id", "agreement_id", "kind", "organization_id", "partner_id", "role", "position" FROM `agreement_parties`;--> statement-breakpoint
DROP TABLE `agreement_parties`;--> statement-breakpoint
ALTER TABLE `__new_agreement_parties` RENAME TO `agreement_parties`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
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
	CONSTRAINT "agreements_kind_code" CHECK("kind" = 'mou' OR "kind" = 'sales_contract' OR "kind" = 'cooperation_programme'),
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
CREATE INDEX `agreements_in_force` ON `agreements` (`valid_until`,`signed_on`,`terminated_on`,`valid_from`) WHERE "agreements"."deleted_at" IS NULL AND "agreements"."signed_on" IS NOT NULL;--> statement-breakpoint
CREATE TABLE `__new_audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`entity` text NOT NULL,
	`entity_id` integer NOT NULL,
	`action` text NOT NULL,
	`at` text NOT NULL,
	`before` text,
	`after` text,
	CONSTRAINT "audit_log_action_code" CHECK("action" = 'create' OR "action" = 'update' OR "action" = 'delete' OR "action" = 'restore')
);
--> statement-breakpoint
INSERT INTO `__new_audit_log`("id", "entity", "entity_id", "action", "at", "before", "after") SELECT "id", "entity", "entity_id", "action", "at", "before", "after" FROM `audit_log`;--> statement-breakpoint
DROP TABLE `audit_log`;--> statement-breakpoint
ALTER TABLE `__new_audit_log` RENAME TO `audit_log`;--> statement-breakpoint
CREATE INDEX `audit_log_entity` ON `audit_log` (`entity`,`entity_id`);--> statement-breakpoint
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
	CONSTRAINT "event_participants_status_code" CHECK("status" = 'invited' OR "status" = 'registered' OR "status" = 'attended' OR "status" = 'absent')
);
--> statement-breakpoint
INSERT INTO `__new_event_participants`("id", "event_id", "organization_id", "partner_id", "role", "status", "representative", "note") SELECT "id", "event_id", "organization_id", "partner_id", "role", "status", "representative", "note" FROM `event_participants`;--> statement-breakpoint
DROP TABLE `event_participants`;--> statement-breakpoint
ALTER TABLE `__new_event_participants` RENAME TO `event_participants`;--> statement-breakpoint
CREATE UNIQUE INDEX `event_participants_organization` ON `event_participants` (`event_id`,`organization_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `event_participants_partner` ON `event_participants` (`event_id`,`partner_id`);--> statement-breakpoint
CREATE INDEX `event_participants_by_organization` ON `event_participants` (`organization_id`);--> statement-breakpoint
CREATE INDEX `event_participants_by_partner` ON `event_participants` (`partner_id`);--> statement-breakpoint
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
	CONSTRAINT "import_batches_kind_code" CHECK("kind" = 'organizations' OR "kind" = 'figures' OR "kind" = 'partners' OR "kind" = 'products' OR "kind" = 'offers' OR "kind" = 'demands')
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
	`after_in_audit` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`batch_id`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "import_changes_action_code" CHECK("action" = 'create' OR "action" = 'update')
);
--> statement-breakpoint
INSERT INTO `__new_import_changes`("id", "batch_id", "entity", "entity_id", "action", "before", "after", "after_in_audit") SELECT "id", "batch_id", "entity", "entity_id", "action", "before", "after", "after_in_audit" FROM `import_changes`;--> statement-breakpoint
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
	CONSTRAINT "import_mappings_kind_code" CHECK("kind" = 'organizations' OR "kind" = 'figures' OR "kind" = 'partners' OR "kind" = 'products' OR "kind" = 'offers' OR "kind" = 'demands')
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
	CONSTRAINT "import_value_mappings_kind_code" CHECK("kind" = 'organizations' OR "kind" = 'figures' OR "kind" = 'partners' OR "kind" = 'products' OR "kind" = 'offers' OR "kind" = 'demands')
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
	CONSTRAINT "lifecycle_events_kind_code" CHECK("kind" = 'founding' OR "kind" = 'renaming' OR "kind" = 'suspension' OR "kind" = 'resumption' OR "kind" = 'split' OR "kind" = 'separation' OR "kind" = 'consolidation' OR "kind" = 'merger' OR "kind" = 'dissolution' OR "kind" = 'bankruptcy'),
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
	CONSTRAINT "lifecycle_participants_role_code" CHECK("role" = 'subject' OR "role" = 'predecessor' OR "role" = 'successor')
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
	CONSTRAINT "organizations_kind_code" CHECK("kind" = 'htx' OR "kind" = 'lhhtx' OR "kind" = 'tht' OR "kind" = 'qtdnd'),
	CONSTRAINT "organizations_status_code" CHECK("status" = 'active' OR "status" = 'suspended' OR "status" = 'dissolving' OR "status" = 'dissolved' OR "status" = 'bankrupt' OR "status" = 'reorganized'),
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
CREATE INDEX `organizations_province` ON `organizations` (`province_code`);--> statement-breakpoint
CREATE INDEX `organizations_commune_key` ON `organizations` (`commune_code`,`name_key`);--> statement-breakpoint
CREATE INDEX `organizations_status_name` ON `organizations` (`status`,`name_folded`);--> statement-breakpoint
CREATE INDEX `organizations_trash` ON `organizations` (`deleted_at`) WHERE "organizations"."deleted_at" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `organizations_name_search` ON `organizations` (`name_folded`,`id`,`search_text`) WHERE "organizations"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX `organizations_statistics` ON `organizations` (`commune_code`,`kind`,`sector_code`,`founded_on`,`ended_on`,`province_code`) WHERE "organizations"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX `organizations_founded` ON `organizations` (`founded_on`,`ended_on`,`commune_code`,`kind`,`sector_code`) WHERE "organizations"."deleted_at" IS NULL AND "organizations"."founded_on" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `organizations_ended` ON `organizations` (`ended_on`,`founded_on`,`commune_code`,`kind`,`sector_code`) WHERE "organizations"."deleted_at" IS NULL AND "organizations"."ended_on" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `organizations_value_chain` ON `organizations` (`kind`,`founded_on`,`ended_on`,`commune_code`,`sector_code`,`province_code`) WHERE "organizations"."deleted_at" IS NULL AND "organizations"."value_chain" = 1;--> statement-breakpoint
CREATE INDEX `organizations_high_tech` ON `organizations` (`kind`,`founded_on`,`ended_on`,`commune_code`,`sector_code`,`province_code`) WHERE "organizations"."deleted_at" IS NULL AND "organizations"."high_tech" = 1;--> statement-breakpoint
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
	CONSTRAINT "partners_kind_code" CHECK("kind" = 'enterprise' OR "kind" = 'wholesale_market' OR "kind" = 'retail_outlet' OR "kind" = 'online_channel' OR "kind" = 'logistics' OR "kind" = 'alliance' OR "kind" = 'state_agency'),
	CONSTRAINT "partners_business_line_code" CHECK("business_line" = 'distribution' OR "business_line" = 'supermarket' OR "business_line" = 'processing' OR "business_line" = 'export' OR "business_line" = 'other')
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
	CONSTRAINT "plan_targets_comparison_code" CHECK("comparison" = 'at_least' OR "comparison" = 'at_most' OR "comparison" = 'exactly'),
	CONSTRAINT "plan_targets_unit_code" CHECK("unit" = 'count' OR "unit" = 'percent' OR "unit" = 'money' OR "unit" = 'quantity')
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
	CONSTRAINT "plans_kind_code" CHECK("kind" = 'year' OR "kind" = 'programme'),
	CONSTRAINT "plans_status_code" CHECK("status" = 'draft' OR "status" = 'issued' OR "status" = 'cancelled'),
	CONSTRAINT "plans_sector_group_code" CHECK("sector_group" = 'agriculture' OR "sector_group" = 'non_agriculture'),
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
	CONSTRAINT "products_volume_period_code" CHECK("volume_period" = 'year' OR "volume_period" = 'season')
);
--> statement-breakpoint
INSERT INTO `__new_products`("id", "organization_id", "name", "name_folded", "product_group", "unit", "volume", "volume_period", "price", "note") SELECT "id", "organization_id", "name", "name_folded", "product_group", "unit", "volume", "volume_period", "price", "note" FROM `products`;--> statement-breakpoint
DROP TABLE `products`;--> statement-breakpoint
ALTER TABLE `__new_products` RENAME TO `products`;--> statement-breakpoint
CREATE INDEX `products_organization` ON `products` (`organization_id`);--> statement-breakpoint
CREATE INDEX `products_name` ON `products` (`name_folded`);--> statement-breakpoint
CREATE TABLE `__new_sectors` (
	`code` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`sector_group` text NOT NULL,
	`sort_order` integer NOT NULL,
	CONSTRAINT "sectors_group_code" CHECK("sector_group" = 'agriculture' OR "sector_group" = 'non_agriculture')
);
--> statement-breakpoint
INSERT INTO `__new_sectors`("code", "name", "sector_group", "sort_order") SELECT "code", "name", "sector_group", "sort_order" FROM `sectors`;--> statement-breakpoint
DROP TABLE `sectors`;--> statement-breakpoint
ALTER TABLE `__new_sectors` RENAME TO `sectors`;--> statement-breakpoint
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
	CONSTRAINT "yearly_figures_classification_code" CHECK("classification" = 'good' OR "classification" = 'fair' OR "classification" = 'average' OR "classification" = 'weak')
);
--> statement-breakpoint
INSERT INTO `__new_yearly_figures`("organization_id", "year", "members_official", "members_associate", "workers", "revenue", "profit", "average_income", "total_assets", "managers", "managers_with_degree", "classification", "score", "updated_at") SELECT "organization_id", "year", "members_official", "members_associate", "workers", "revenue", "profit", "average_income", "total_assets", "managers", "managers_with_degree", "classification", "score", "updated_at" FROM `yearly_figures`;--> statement-breakpoint
DROP TABLE `yearly_figures`;--> statement-breakpoint
ALTER TABLE `__new_yearly_figures` RENAME TO `yearly_figures`;--> statement-breakpoint
CREATE INDEX `yearly_figures_year` ON `yearly_figures` (`year`);--> statement-breakpoint
CREATE INDEX `yearly_figures_statistics` ON `yearly_figures` (`year`,`organization_id`,`members_official`,`members_associate`,`workers`,`revenue`,`profit`,`average_income`,`classification`);