DROP INDEX `organizations_value_chain`;--> statement-breakpoint
DROP INDEX `organizations_high_tech`;--> statement-breakpoint
CREATE INDEX `organizations_value_chain` ON `organizations` (`kind`,`founded_on`,`ended_on`,`commune_code`,`sector_code`,`province_code`) WHERE "organizations"."deleted_at" IS NULL AND "organizations"."value_chain" = 1;--> statement-breakpoint
CREATE INDEX `organizations_high_tech` ON `organizations` (`kind`,`founded_on`,`ended_on`,`commune_code`,`sector_code`,`province_code`) WHERE "organizations"."deleted_at" IS NULL AND "organizations"."high_tech" = 1;--> statement-breakpoint
DROP INDEX `supply_connections_connected`;--> statement-breakpoint
CREATE INDEX `supply_connections_connected` ON `supply_connections` (`connected_on`,`base_unit_code`,`offer_id`,`demand_id`,`base_quantity`,`deleted_at`);--> statement-breakpoint
CREATE INDEX `agreement_deliveries_delivered` ON `agreement_deliveries` (`delivered_on`,`commitment_id`,`quantity`);