-- Search-as-you-type over the register at national scale (100,000 organizations): a trigram FTS5
-- index on the folded search text finds any substring of 3 letters or more without reading every
-- row. It holds no copy of the text (external content) and is kept in step by triggers, so every
-- way a row is written (services, import, demo data) updates it.
CREATE VIRTUAL TABLE `organizations_search` USING fts5(
  `search_text`,
  content = 'organizations',
  content_rowid = 'id',
  tokenize = 'trigram'
);
--> statement-breakpoint
INSERT INTO `organizations_search` (`organizations_search`) VALUES ('rebuild');
--> statement-breakpoint
CREATE TRIGGER `organizations_search_insert` AFTER INSERT ON `organizations` BEGIN
  INSERT INTO `organizations_search` (`rowid`, `search_text`) VALUES (new.`id`, new.`search_text`);
END;
--> statement-breakpoint
CREATE TRIGGER `organizations_search_update` AFTER UPDATE OF `search_text` ON `organizations` BEGIN
  INSERT INTO `organizations_search` (`organizations_search`, `rowid`, `search_text`) VALUES ('delete', old.`id`, old.`search_text`);
  INSERT INTO `organizations_search` (`rowid`, `search_text`) VALUES (new.`id`, new.`search_text`);
END;
--> statement-breakpoint
CREATE TRIGGER `organizations_search_delete` AFTER DELETE ON `organizations` BEGIN
  INSERT INTO `organizations_search` (`organizations_search`, `rowid`, `search_text`) VALUES ('delete', old.`id`, old.`search_text`);
END;
--> statement-breakpoint
-- Statistics and the register's total read only these columns of the rows not in the trash: a
-- narrow covering index lets them scan a fraction of the table's pages, and serves the
-- register's "how many" count too.
CREATE INDEX `organizations_statistics` ON `organizations` (`commune_code`, `kind`, `sector_code`, `founded_on`, `ended_on`) WHERE `deleted_at` IS NULL;
--> statement-breakpoint
-- One year's figures, read in full by the statistics without touching the table.
CREATE INDEX `yearly_figures_statistics` ON `yearly_figures` (`year`, `organization_id`, `members_official`, `members_associate`, `workers`, `revenue`, `profit`, `average_income`, `classification`);
