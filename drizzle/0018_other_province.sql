PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_statistics_figure_totals` (
	`year` integer NOT NULL,
	`province_code` text NOT NULL,
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
	PRIMARY KEY(`year`, `province_code`, `kind`)
);
--> statement-breakpoint
INSERT INTO `__new_statistics_figure_totals`("year", "province_code", "kind", "reporting", "members_official", "members_associate", "workers", "revenue_sum", "revenue_count", "profit_sum", "profit_count", "income_weighted", "income_workers", "good", "fair", "average", "weak") SELECT "year", "province_code", "kind", "reporting", "members_official", "members_associate", "workers", "revenue_sum", "revenue_count", "profit_sum", "profit_count", "income_weighted", "income_workers", "good", "fair", "average", "weak" FROM `statistics_figure_totals`;--> statement-breakpoint
DROP TABLE `statistics_figure_totals`;--> statement-breakpoint
ALTER TABLE `__new_statistics_figure_totals` RENAME TO `statistics_figure_totals`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE TABLE `__new_statistics_kind_sector_counts` (
	`province_code` text NOT NULL,
	`kind` text NOT NULL,
	`sector_code` text NOT NULL,
	`live` integer NOT NULL,
	PRIMARY KEY(`province_code`, `kind`, `sector_code`)
);
--> statement-breakpoint
INSERT INTO `__new_statistics_kind_sector_counts`("province_code", "kind", "sector_code", "live") SELECT "province_code", "kind", "sector_code", "live" FROM `statistics_kind_sector_counts`;--> statement-breakpoint
DROP TABLE `statistics_kind_sector_counts`;--> statement-breakpoint
ALTER TABLE `__new_statistics_kind_sector_counts` RENAME TO `statistics_kind_sector_counts`;--> statement-breakpoint
CREATE TABLE `__new_statistics_commune_counts` (
	`commune_code` text NOT NULL,
	`province_code` text NOT NULL,
	`live` integer NOT NULL,
	PRIMARY KEY(`commune_code`, `province_code`)
);
--> statement-breakpoint
INSERT INTO `__new_statistics_commune_counts`("commune_code", "province_code", "live") SELECT "commune_code", "province_code", "live" FROM `statistics_commune_counts`;--> statement-breakpoint
DROP TABLE `statistics_commune_counts`;--> statement-breakpoint
ALTER TABLE `__new_statistics_commune_counts` RENAME TO `statistics_commune_counts`;--> statement-breakpoint
CREATE INDEX `organizations_province` ON `organizations` (`province_code`);