DROP INDEX `organizations_commune_key`;--> statement-breakpoint
CREATE INDEX `organizations_name_key` ON `organizations` (`name_key`,`commune_code`);--> statement-breakpoint
DROP INDEX `partners_province_key`;--> statement-breakpoint
CREATE INDEX `partners_name_key` ON `partners` (`name_key`,`province_code`);