DROP INDEX `agreement_deliveries_commitment`;--> statement-breakpoint
CREATE INDEX `agreement_deliveries_commitment` ON `agreement_deliveries` (`commitment_id`,`delivered_on`,`quantity`,`value`);