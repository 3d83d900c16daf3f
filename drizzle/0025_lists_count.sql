DROP INDEX `organizations_statistics`;--> statement-breakpoint
CREATE INDEX `organizations_statistics` ON `organizations` (`commune_code`,`kind`,`sector_code`,`founded_on`,`ended_on`,`province_code`) WHERE "organizations"."deleted_at" IS NULL;--> statement-breakpoint
DROP INDEX `supply_connections_programme`;--> statement-breakpoint
CREATE INDEX `supply_connections_programme` ON `supply_connections` (`programme_id`,`connected_on`,`deleted_at`);--> statement-breakpoint
DROP INDEX `supply_demands_programme`;--> statement-breakpoint
DROP INDEX `supply_demands_group_period`;--> statement-breakpoint
CREATE INDEX `supply_demands_programme` ON `supply_demands` (`programme_id`,`deleted_at`);--> statement-breakpoint
CREATE INDEX `supply_demands_group_period` ON `supply_demands` (`product_group_code`,`needed_from`,`needed_until`,`partner_id`,`organization_id`) WHERE "supply_demands"."deleted_at" IS NULL;--> statement-breakpoint
DROP INDEX `supply_offers_programme`;--> statement-breakpoint
DROP INDEX `supply_offers_group_window`;--> statement-breakpoint
CREATE INDEX `supply_offers_programme` ON `supply_offers` (`programme_id`,`deleted_at`);--> statement-breakpoint
CREATE INDEX `supply_offers_group_window` ON `supply_offers` (`product_group_code`,`available_from`,`available_until`,`organization_id`) WHERE "supply_offers"."deleted_at" IS NULL;