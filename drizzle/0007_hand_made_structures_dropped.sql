-- The search index, triggers, counter tables and indexes that migrations 0003 and 0004 wrote by
-- hand are owned by code from here on: the counter tables and indexes are declared in schema.ts
-- (migration 0008 creates them again), and the search index and every trigger are created, filled
-- and verified by src/core/db/derived.ts after the migrations have run. A database coming from 0006
-- has them dropped by that module before migrating too; these statements are for a database
-- created from scratch, where 0003 and 0004 have just made them.
DROP TRIGGER IF EXISTS `organizations_search_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `organizations_search_update`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `organizations_search_delete`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `register_counts_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `register_counts_delete`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `register_counts_update`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `statistics_figures_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `statistics_figures_update`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `statistics_figures_delete`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `statistics_organizations_update`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `statistics_organizations_delete`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `statistics_counts_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `statistics_counts_update`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `statistics_counts_delete`;
--> statement-breakpoint
DROP TABLE IF EXISTS `organizations_search`;
--> statement-breakpoint
DROP VIEW IF EXISTS `organizations_search_source`;
--> statement-breakpoint
DROP TABLE IF EXISTS `register_counts`;
--> statement-breakpoint
DROP TABLE IF EXISTS `statistics_figure_totals`;
--> statement-breakpoint
DROP TABLE IF EXISTS `statistics_commune_counts`;
--> statement-breakpoint
DROP TABLE IF EXISTS `statistics_kind_sector_counts`;
--> statement-breakpoint
DROP INDEX IF EXISTS `organizations_trash`;
--> statement-breakpoint
DROP INDEX IF EXISTS `organizations_name_search`;
--> statement-breakpoint
DROP INDEX IF EXISTS `organizations_statistics`;
--> statement-breakpoint
DROP INDEX IF EXISTS `organizations_founded`;
--> statement-breakpoint
DROP INDEX IF EXISTS `organizations_ended`;
--> statement-breakpoint
DROP INDEX IF EXISTS `yearly_figures_statistics`;
