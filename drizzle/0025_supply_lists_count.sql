DROP INDEX `supply_demands_group_period`;--> statement-breakpoint
CREATE INDEX `supply_demands_group_period` ON `supply_demands` (`product_group_code`,`needed_from`,`needed_until`,`partner_id`,`organization_id`) WHERE "supply_demands"."deleted_at" IS NULL;--> statement-breakpoint
DROP INDEX `supply_offers_group_window`;--> statement-breakpoint
CREATE INDEX `supply_offers_group_window` ON `supply_offers` (`product_group_code`,`available_from`,`available_until`,`organization_id`) WHERE "supply_offers"."deleted_at" IS NULL;