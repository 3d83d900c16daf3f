PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_lifecycle_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`date` text NOT NULL,
	`decision_no` text DEFAULT '' NOT NULL,
	`old_name` text,
	`new_name` text,
	`note` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	CONSTRAINT "lifecycle_events_kind_code" CHECK("kind" = 'founding' OR "kind" = 'renaming' OR "kind" = 'suspension' OR "kind" = 'resumption' OR "kind" = 'split' OR "kind" = 'separation' OR "kind" = 'consolidation' OR "kind" = 'merger' OR "kind" = 'conversion' OR "kind" = 'dissolution' OR "kind" = 'bankruptcy'),
	CONSTRAINT "lifecycle_events_date_date" CHECK(date("date") IS "date")
);
--> statement-breakpoint
INSERT INTO `__new_lifecycle_events`("id", "kind", "date", "decision_no", "old_name", "new_name", "note", "created_at") SELECT "id", "kind", "date", "decision_no", "old_name", "new_name", "note", "created_at" FROM `lifecycle_events`;--> statement-breakpoint
DROP TABLE `lifecycle_events`;--> statement-breakpoint
ALTER TABLE `__new_lifecycle_events` RENAME TO `lifecycle_events`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `lifecycle_events_date` ON `lifecycle_events` (`date`);--> statement-breakpoint
DROP INDEX `lifecycle_participants_organization`;--> statement-breakpoint
CREATE INDEX `lifecycle_participants_organization` ON `lifecycle_participants` (`organization_id`,`role`);--> statement-breakpoint
DROP INDEX `organizations_ended`;--> statement-breakpoint
CREATE INDEX `organizations_ended` ON `organizations` (`ended_on`,`founded_on`,`commune_code`,`kind`,`sector_code`,`status`) WHERE "organizations"."deleted_at" IS NULL AND "organizations"."ended_on" IS NOT NULL;