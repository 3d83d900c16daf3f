CREATE INDEX `certifications_product` ON `certifications` (`product_id`);--> statement-breakpoint
CREATE INDEX `supply_offers_product` ON `supply_offers` (`product_id`);