-- The statistics counters are derived rows (src/core/db/derived.ts fills them again from the
-- register after every migration). Emptied here and given the province column that the next
-- migration keys them by, so that its copy of the old rows has a column to read.
DELETE FROM `statistics_commune_counts`;--> statement-breakpoint
DELETE FROM `statistics_kind_sector_counts`;--> statement-breakpoint
DELETE FROM `statistics_figure_totals`;--> statement-breakpoint
ALTER TABLE `statistics_commune_counts` ADD `province_code` text NOT NULL DEFAULT '';--> statement-breakpoint
ALTER TABLE `statistics_kind_sector_counts` ADD `province_code` text NOT NULL DEFAULT '';--> statement-breakpoint
ALTER TABLE `statistics_figure_totals` ADD `province_code` text NOT NULL DEFAULT '';
