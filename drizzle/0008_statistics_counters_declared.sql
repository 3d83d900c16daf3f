CREATE TABLE `statistics_commune_counts` (
	`commune_code` text PRIMARY KEY NOT NULL,
	`live` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `statistics_figure_totals` (
	`year` integer NOT NULL,
	`kind` text NOT NULL,
	`reporting` integer DEFAULT 0 NOT NULL,
	`members_official` integer DEFAULT 0 NOT NULL,
	`members_associate` integer DEFAULT 0 NOT NULL,
	`workers` integer DEFAULT 0 NOT NULL,
	`revenue_sum` integer DEFAULT 0 NOT NULL,
	`revenue_count` integer DEFAULT 0 NOT NULL,
	`profit_sum` integer DEFAULT 0 NOT NULL,
	`profit_count` integer DEFAULT 0 NOT NULL,
	`income_weighted` integer DEFAULT 0 NOT NULL,
	`income_workers` integer DEFAULT 0 NOT NULL,
	`good` integer DEFAULT 0 NOT NULL,
	`fair` integer DEFAULT 0 NOT NULL,
	`average` integer DEFAULT 0 NOT NULL,
	`weak` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`year`, `kind`)
);
--> statement-breakpoint
CREATE TABLE `statistics_kind_sector_counts` (
	`kind` text NOT NULL,
	`sector_code` text NOT NULL,
	`live` integer NOT NULL,
	PRIMARY KEY(`kind`, `sector_code`)
);
--> statement-breakpoint
CREATE INDEX `organizations_trash` ON `organizations` (`deleted_at`) WHERE "organizations"."deleted_at" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `organizations_name_search` ON `organizations` (`name_folded`,`id`,`search_text`) WHERE "organizations"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX `organizations_statistics` ON `organizations` (`commune_code`,`kind`,`sector_code`,`founded_on`,`ended_on`) WHERE "organizations"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX `organizations_founded` ON `organizations` (`founded_on`,`ended_on`,`commune_code`,`kind`,`sector_code`) WHERE "organizations"."deleted_at" IS NULL AND "organizations"."founded_on" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `organizations_ended` ON `organizations` (`ended_on`,`founded_on`,`commune_code`,`kind`,`sector_code`) WHERE "organizations"."deleted_at" IS NULL AND "organizations"."ended_on" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `yearly_figures_statistics` ON `yearly_figures` (`year`,`organization_id`,`members_official`,`members_associate`,`workers`,`revenue`,`profit`,`average_income`,`classification`);