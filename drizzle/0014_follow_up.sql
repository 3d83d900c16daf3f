ALTER TABLE `agreement_commitments` ADD `supplier_party_id` integer;--> statement-breakpoint
ALTER TABLE `agreement_commitments` ADD `receiver_party_id` integer;--> statement-breakpoint
CREATE INDEX `agreement_commitments_supplier` ON `agreement_commitments` (`supplier_party_id`);--> statement-breakpoint
CREATE INDEX `agreement_commitments_receiver` ON `agreement_commitments` (`receiver_party_id`);--> statement-breakpoint
ALTER TABLE `agreement_parties` ADD `position` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `agreements` ADD `closed_on` text;--> statement-breakpoint
ALTER TABLE `agreements` ADD `closing_reason` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `events` ADD `starts_at` text;