ALTER TABLE `agreement_deliveries` ADD `written_quantity` real;--> statement-breakpoint
ALTER TABLE `agreement_deliveries` ADD `written_unit` text;