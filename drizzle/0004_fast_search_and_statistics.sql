-- Performance at national scale (100,000 organizations, ten years of figures). See
-- src/core/services/search.ts, organizations.ts (listOrganizations) and statistics.ts for how each
-- of these is read; every structure here is kept in step by triggers, so every way a row is written
-- (services, import, demo data, a hand-run UPDATE) keeps it right.
--
-- 1. Search. The trigram index of 0003 could not look up words of one or two letters ("v", "vi"),
-- which then read every row with LIKE, and it held rows in the trash, so counting matches needed
-- the table. It is rebuilt here over the live rows only (an external-content view), on the search
-- text with every space doubled and two more at the start: "  vinh  binh ". Then the start of a
-- word is itself a trigram: "  v" for a word typed as one letter, " vi" for two, so every word of a
-- query, long or short, is one term of one FTS5 expression over one index, and matches can be
-- counted from the index alone (trigram rather than a second, unicode61 index: one index cannot be
-- intersected with another inside FTS5, and "htx t" needs both kinds of word at once).
DROP TRIGGER `organizations_search_insert`;
--> statement-breakpoint
DROP TRIGGER `organizations_search_update`;
--> statement-breakpoint
DROP TRIGGER `organizations_search_delete`;
--> statement-breakpoint
DROP TABLE `organizations_search`;
--> statement-breakpoint
CREATE VIEW `organizations_search_source` AS
  SELECT `id`, '  ' || replace(`search_text`, ' ', '  ') AS `search_text`
  FROM `organizations` WHERE `deleted_at` IS NULL;
--> statement-breakpoint
CREATE VIRTUAL TABLE `organizations_search` USING fts5(
  `search_text`,
  content = 'organizations_search_source',
  content_rowid = 'id',
  tokenize = 'trigram'
);
--> statement-breakpoint
INSERT INTO `organizations_search` (`organizations_search`) VALUES ('rebuild');
--> statement-breakpoint
CREATE TRIGGER `organizations_search_insert` AFTER INSERT ON `organizations` WHEN new.`deleted_at` IS NULL BEGIN
  INSERT INTO `organizations_search` (`rowid`, `search_text`)
    VALUES (new.`id`, '  ' || replace(new.`search_text`, ' ', '  '));
END;
--> statement-breakpoint
CREATE TRIGGER `organizations_search_update` AFTER UPDATE OF `search_text`, `deleted_at` ON `organizations` BEGIN
  INSERT INTO `organizations_search` (`organizations_search`, `rowid`, `search_text`)
    SELECT 'delete', old.`id`, '  ' || replace(old.`search_text`, ' ', '  ') WHERE old.`deleted_at` IS NULL;
  INSERT INTO `organizations_search` (`rowid`, `search_text`)
    SELECT new.`id`, '  ' || replace(new.`search_text`, ' ', '  ') WHERE new.`deleted_at` IS NULL;
END;
--> statement-breakpoint
CREATE TRIGGER `organizations_search_delete` AFTER DELETE ON `organizations` WHEN old.`deleted_at` IS NULL BEGIN
  INSERT INTO `organizations_search` (`organizations_search`, `rowid`, `search_text`)
    VALUES ('delete', old.`id`, '  ' || replace(old.`search_text`, ' ', '  '));
END;
--> statement-breakpoint
-- 2. The register's total without filters ("100.001 tổ chức"): a counter of the rows not in the
-- trash, instead of counting 100,000 rows on every visit.
CREATE TABLE `register_counts` (
  `id` integer PRIMARY KEY NOT NULL CHECK (`id` = 1),
  `live` integer NOT NULL
);
--> statement-breakpoint
INSERT INTO `register_counts` (`id`, `live`) SELECT 1, count(*) FROM `organizations` WHERE `deleted_at` IS NULL;
--> statement-breakpoint
CREATE TRIGGER `register_counts_insert` AFTER INSERT ON `organizations` WHEN new.`deleted_at` IS NULL BEGIN
  UPDATE `register_counts` SET `live` = `live` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `register_counts_delete` AFTER DELETE ON `organizations` WHEN old.`deleted_at` IS NULL BEGIN
  UPDATE `register_counts` SET `live` = `live` - 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `register_counts_update` AFTER UPDATE OF `deleted_at` ON `organizations`
  WHEN (old.`deleted_at` IS NULL) <> (new.`deleted_at` IS NULL) BEGIN
  UPDATE `register_counts` SET `live` = `live` + (CASE WHEN new.`deleted_at` IS NULL THEN 1 ELSE -1 END) WHERE `id` = 1;
END;
--> statement-breakpoint
-- The trash, newest first, without reading the whole table.
CREATE INDEX `organizations_trash` ON `organizations` (`deleted_at`) WHERE `deleted_at` IS NOT NULL;
--> statement-breakpoint
-- A search that matches thousands of rows (a first letter, "htx") walks the register in name order
-- through this index, checking the search text in the index itself: the first page is found after
-- a few hundred entries, without reading the table or every match.
CREATE INDEX `organizations_name_search` ON `organizations` (`name_folded`, `id`, `search_text`) WHERE `deleted_at` IS NULL;
--> statement-breakpoint
-- A year's figure totals, by kind of organization, over the organizations existing that year (the
-- rule of `existingInYear`: not in the trash, founded by 31 December or founding date unknown, not
-- ended by 31 December). Summing 90,000 figure rows joined to their organizations took ~50 ms a
-- year; this table holds the sums, kept exact by triggers on every write to yearly_figures and to
-- the columns of organizations the rule reads. tests/core/statistics.test.ts compares it with the
-- sums computed from the rows after every kind of write.
CREATE TABLE `statistics_figure_totals` (
  `year` integer NOT NULL,
  `kind` text NOT NULL,
  `reporting` integer NOT NULL DEFAULT 0,
  `members_official` integer NOT NULL DEFAULT 0,
  `members_associate` integer NOT NULL DEFAULT 0,
  `workers` integer NOT NULL DEFAULT 0,
  `revenue_sum` integer NOT NULL DEFAULT 0,
  `revenue_count` integer NOT NULL DEFAULT 0,
  `profit_sum` integer NOT NULL DEFAULT 0,
  `profit_count` integer NOT NULL DEFAULT 0,
  `income_weighted` integer NOT NULL DEFAULT 0,
  `income_workers` integer NOT NULL DEFAULT 0,
  `good` integer NOT NULL DEFAULT 0,
  `fair` integer NOT NULL DEFAULT 0,
  `average` integer NOT NULL DEFAULT 0,
  `weak` integer NOT NULL DEFAULT 0,
  PRIMARY KEY (`year`, `kind`)
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `statistics_figure_totals` (`year`, `kind`, `reporting`, `members_official`, `members_associate`, `workers`, `revenue_sum`, `revenue_count`, `profit_sum`, `profit_count`, `income_weighted`, `income_workers`, `good`, `fair`, `average`, `weak`)
  SELECT f.year, o.kind, coalesce(sum(1), 0), coalesce(sum(coalesce(f.members_official, 0)), 0), coalesce(sum(coalesce(f.members_associate, 0)), 0), coalesce(sum(coalesce(f.workers, 0)), 0), coalesce(sum(coalesce(f.revenue, 0)), 0), coalesce(sum((f.revenue IS NOT NULL)), 0), coalesce(sum(coalesce(f.profit, 0)), 0), coalesce(sum((f.profit IS NOT NULL)), 0), coalesce(sum(coalesce(f.average_income * f.workers, 0)), 0), coalesce(sum(CASE WHEN f.average_income IS NOT NULL THEN coalesce(f.workers, 0) ELSE 0 END), 0), coalesce(sum((f.classification IS 'good')), 0), coalesce(sum((f.classification IS 'fair')), 0), coalesce(sum((f.classification IS 'average')), 0), coalesce(sum((f.classification IS 'weak')), 0)
  FROM yearly_figures f JOIN organizations o ON o.id = f.organization_id
  WHERE o.deleted_at IS NULL AND (o.founded_on IS NULL OR o.founded_on <= printf('%04d-12-31', f.year)) AND (o.ended_on IS NULL OR o.ended_on > printf('%04d-12-31', f.year))
  GROUP BY f.year, o.kind;
--> statement-breakpoint
CREATE TRIGGER `statistics_figures_insert` AFTER INSERT ON `yearly_figures` BEGIN
  INSERT INTO `statistics_figure_totals` (`year`, `kind`, `reporting`, `members_official`, `members_associate`, `workers`, `revenue_sum`, `revenue_count`, `profit_sum`, `profit_count`, `income_weighted`, `income_workers`, `good`, `fair`, `average`, `weak`)
    SELECT new.year, o.kind, 1, coalesce(new.members_official, 0), coalesce(new.members_associate, 0), coalesce(new.workers, 0), coalesce(new.revenue, 0), (new.revenue IS NOT NULL), coalesce(new.profit, 0), (new.profit IS NOT NULL), coalesce(new.average_income * new.workers, 0), CASE WHEN new.average_income IS NOT NULL THEN coalesce(new.workers, 0) ELSE 0 END, (new.classification IS 'good'), (new.classification IS 'fair'), (new.classification IS 'average'), (new.classification IS 'weak')
    FROM organizations o WHERE o.id = new.organization_id AND o.deleted_at IS NULL AND (o.founded_on IS NULL OR o.founded_on <= printf('%04d-12-31', new.year)) AND (o.ended_on IS NULL OR o.ended_on > printf('%04d-12-31', new.year))
    ON CONFLICT (`year`, `kind`) DO UPDATE SET `reporting` = `reporting` + excluded.`reporting`, `members_official` = `members_official` + excluded.`members_official`, `members_associate` = `members_associate` + excluded.`members_associate`, `workers` = `workers` + excluded.`workers`, `revenue_sum` = `revenue_sum` + excluded.`revenue_sum`, `revenue_count` = `revenue_count` + excluded.`revenue_count`, `profit_sum` = `profit_sum` + excluded.`profit_sum`, `profit_count` = `profit_count` + excluded.`profit_count`, `income_weighted` = `income_weighted` + excluded.`income_weighted`, `income_workers` = `income_workers` + excluded.`income_workers`, `good` = `good` + excluded.`good`, `fair` = `fair` + excluded.`fair`, `average` = `average` + excluded.`average`, `weak` = `weak` + excluded.`weak`;
END;
--> statement-breakpoint
CREATE TRIGGER `statistics_figures_update` AFTER UPDATE OF `organization_id`, `year`, `members_official`, `members_associate`, `workers`, `revenue`, `profit`, `average_income`, `classification` ON `yearly_figures` BEGIN
  INSERT INTO `statistics_figure_totals` (`year`, `kind`, `reporting`, `members_official`, `members_associate`, `workers`, `revenue_sum`, `revenue_count`, `profit_sum`, `profit_count`, `income_weighted`, `income_workers`, `good`, `fair`, `average`, `weak`)
    SELECT old.year, o.kind, -(1), -(coalesce(old.members_official, 0)), -(coalesce(old.members_associate, 0)), -(coalesce(old.workers, 0)), -(coalesce(old.revenue, 0)), -((old.revenue IS NOT NULL)), -(coalesce(old.profit, 0)), -((old.profit IS NOT NULL)), -(coalesce(old.average_income * old.workers, 0)), -(CASE WHEN old.average_income IS NOT NULL THEN coalesce(old.workers, 0) ELSE 0 END), -((old.classification IS 'good')), -((old.classification IS 'fair')), -((old.classification IS 'average')), -((old.classification IS 'weak'))
    FROM organizations o WHERE o.id = old.organization_id AND o.deleted_at IS NULL AND (o.founded_on IS NULL OR o.founded_on <= printf('%04d-12-31', old.year)) AND (o.ended_on IS NULL OR o.ended_on > printf('%04d-12-31', old.year))
    ON CONFLICT (`year`, `kind`) DO UPDATE SET `reporting` = `reporting` + excluded.`reporting`, `members_official` = `members_official` + excluded.`members_official`, `members_associate` = `members_associate` + excluded.`members_associate`, `workers` = `workers` + excluded.`workers`, `revenue_sum` = `revenue_sum` + excluded.`revenue_sum`, `revenue_count` = `revenue_count` + excluded.`revenue_count`, `profit_sum` = `profit_sum` + excluded.`profit_sum`, `profit_count` = `profit_count` + excluded.`profit_count`, `income_weighted` = `income_weighted` + excluded.`income_weighted`, `income_workers` = `income_workers` + excluded.`income_workers`, `good` = `good` + excluded.`good`, `fair` = `fair` + excluded.`fair`, `average` = `average` + excluded.`average`, `weak` = `weak` + excluded.`weak`;
  INSERT INTO `statistics_figure_totals` (`year`, `kind`, `reporting`, `members_official`, `members_associate`, `workers`, `revenue_sum`, `revenue_count`, `profit_sum`, `profit_count`, `income_weighted`, `income_workers`, `good`, `fair`, `average`, `weak`)
    SELECT new.year, o.kind, 1, coalesce(new.members_official, 0), coalesce(new.members_associate, 0), coalesce(new.workers, 0), coalesce(new.revenue, 0), (new.revenue IS NOT NULL), coalesce(new.profit, 0), (new.profit IS NOT NULL), coalesce(new.average_income * new.workers, 0), CASE WHEN new.average_income IS NOT NULL THEN coalesce(new.workers, 0) ELSE 0 END, (new.classification IS 'good'), (new.classification IS 'fair'), (new.classification IS 'average'), (new.classification IS 'weak')
    FROM organizations o WHERE o.id = new.organization_id AND o.deleted_at IS NULL AND (o.founded_on IS NULL OR o.founded_on <= printf('%04d-12-31', new.year)) AND (o.ended_on IS NULL OR o.ended_on > printf('%04d-12-31', new.year))
    ON CONFLICT (`year`, `kind`) DO UPDATE SET `reporting` = `reporting` + excluded.`reporting`, `members_official` = `members_official` + excluded.`members_official`, `members_associate` = `members_associate` + excluded.`members_associate`, `workers` = `workers` + excluded.`workers`, `revenue_sum` = `revenue_sum` + excluded.`revenue_sum`, `revenue_count` = `revenue_count` + excluded.`revenue_count`, `profit_sum` = `profit_sum` + excluded.`profit_sum`, `profit_count` = `profit_count` + excluded.`profit_count`, `income_weighted` = `income_weighted` + excluded.`income_weighted`, `income_workers` = `income_workers` + excluded.`income_workers`, `good` = `good` + excluded.`good`, `fair` = `fair` + excluded.`fair`, `average` = `average` + excluded.`average`, `weak` = `weak` + excluded.`weak`;
END;
--> statement-breakpoint
CREATE TRIGGER `statistics_figures_delete` AFTER DELETE ON `yearly_figures` BEGIN
  INSERT INTO `statistics_figure_totals` (`year`, `kind`, `reporting`, `members_official`, `members_associate`, `workers`, `revenue_sum`, `revenue_count`, `profit_sum`, `profit_count`, `income_weighted`, `income_workers`, `good`, `fair`, `average`, `weak`)
    SELECT old.year, o.kind, -(1), -(coalesce(old.members_official, 0)), -(coalesce(old.members_associate, 0)), -(coalesce(old.workers, 0)), -(coalesce(old.revenue, 0)), -((old.revenue IS NOT NULL)), -(coalesce(old.profit, 0)), -((old.profit IS NOT NULL)), -(coalesce(old.average_income * old.workers, 0)), -(CASE WHEN old.average_income IS NOT NULL THEN coalesce(old.workers, 0) ELSE 0 END), -((old.classification IS 'good')), -((old.classification IS 'fair')), -((old.classification IS 'average')), -((old.classification IS 'weak'))
    FROM organizations o WHERE o.id = old.organization_id AND o.deleted_at IS NULL AND (o.founded_on IS NULL OR o.founded_on <= printf('%04d-12-31', old.year)) AND (o.ended_on IS NULL OR o.ended_on > printf('%04d-12-31', old.year))
    ON CONFLICT (`year`, `kind`) DO UPDATE SET `reporting` = `reporting` + excluded.`reporting`, `members_official` = `members_official` + excluded.`members_official`, `members_associate` = `members_associate` + excluded.`members_associate`, `workers` = `workers` + excluded.`workers`, `revenue_sum` = `revenue_sum` + excluded.`revenue_sum`, `revenue_count` = `revenue_count` + excluded.`revenue_count`, `profit_sum` = `profit_sum` + excluded.`profit_sum`, `profit_count` = `profit_count` + excluded.`profit_count`, `income_weighted` = `income_weighted` + excluded.`income_weighted`, `income_workers` = `income_workers` + excluded.`income_workers`, `good` = `good` + excluded.`good`, `fair` = `fair` + excluded.`fair`, `average` = `average` + excluded.`average`, `weak` = `weak` + excluded.`weak`;
END;
--> statement-breakpoint
CREATE TRIGGER `statistics_organizations_update` AFTER UPDATE OF `kind`, `founded_on`, `ended_on`, `deleted_at` ON `organizations` BEGIN
  INSERT INTO `statistics_figure_totals` (`year`, `kind`, `reporting`, `members_official`, `members_associate`, `workers`, `revenue_sum`, `revenue_count`, `profit_sum`, `profit_count`, `income_weighted`, `income_workers`, `good`, `fair`, `average`, `weak`)
    SELECT f.year, old.kind, -(1), -(coalesce(f.members_official, 0)), -(coalesce(f.members_associate, 0)), -(coalesce(f.workers, 0)), -(coalesce(f.revenue, 0)), -((f.revenue IS NOT NULL)), -(coalesce(f.profit, 0)), -((f.profit IS NOT NULL)), -(coalesce(f.average_income * f.workers, 0)), -(CASE WHEN f.average_income IS NOT NULL THEN coalesce(f.workers, 0) ELSE 0 END), -((f.classification IS 'good')), -((f.classification IS 'fair')), -((f.classification IS 'average')), -((f.classification IS 'weak'))
    FROM yearly_figures f WHERE f.organization_id = old.id AND old.deleted_at IS NULL AND (old.founded_on IS NULL OR old.founded_on <= printf('%04d-12-31', f.year)) AND (old.ended_on IS NULL OR old.ended_on > printf('%04d-12-31', f.year))
    ON CONFLICT (`year`, `kind`) DO UPDATE SET `reporting` = `reporting` + excluded.`reporting`, `members_official` = `members_official` + excluded.`members_official`, `members_associate` = `members_associate` + excluded.`members_associate`, `workers` = `workers` + excluded.`workers`, `revenue_sum` = `revenue_sum` + excluded.`revenue_sum`, `revenue_count` = `revenue_count` + excluded.`revenue_count`, `profit_sum` = `profit_sum` + excluded.`profit_sum`, `profit_count` = `profit_count` + excluded.`profit_count`, `income_weighted` = `income_weighted` + excluded.`income_weighted`, `income_workers` = `income_workers` + excluded.`income_workers`, `good` = `good` + excluded.`good`, `fair` = `fair` + excluded.`fair`, `average` = `average` + excluded.`average`, `weak` = `weak` + excluded.`weak`;
  INSERT INTO `statistics_figure_totals` (`year`, `kind`, `reporting`, `members_official`, `members_associate`, `workers`, `revenue_sum`, `revenue_count`, `profit_sum`, `profit_count`, `income_weighted`, `income_workers`, `good`, `fair`, `average`, `weak`)
    SELECT f.year, new.kind, 1, coalesce(f.members_official, 0), coalesce(f.members_associate, 0), coalesce(f.workers, 0), coalesce(f.revenue, 0), (f.revenue IS NOT NULL), coalesce(f.profit, 0), (f.profit IS NOT NULL), coalesce(f.average_income * f.workers, 0), CASE WHEN f.average_income IS NOT NULL THEN coalesce(f.workers, 0) ELSE 0 END, (f.classification IS 'good'), (f.classification IS 'fair'), (f.classification IS 'average'), (f.classification IS 'weak')
    FROM yearly_figures f WHERE f.organization_id = new.id AND new.deleted_at IS NULL AND (new.founded_on IS NULL OR new.founded_on <= printf('%04d-12-31', f.year)) AND (new.ended_on IS NULL OR new.ended_on > printf('%04d-12-31', f.year))
    ON CONFLICT (`year`, `kind`) DO UPDATE SET `reporting` = `reporting` + excluded.`reporting`, `members_official` = `members_official` + excluded.`members_official`, `members_associate` = `members_associate` + excluded.`members_associate`, `workers` = `workers` + excluded.`workers`, `revenue_sum` = `revenue_sum` + excluded.`revenue_sum`, `revenue_count` = `revenue_count` + excluded.`revenue_count`, `profit_sum` = `profit_sum` + excluded.`profit_sum`, `profit_count` = `profit_count` + excluded.`profit_count`, `income_weighted` = `income_weighted` + excluded.`income_weighted`, `income_workers` = `income_workers` + excluded.`income_workers`, `good` = `good` + excluded.`good`, `fair` = `fair` + excluded.`fair`, `average` = `average` + excluded.`average`, `weak` = `weak` + excluded.`weak`;
END;
--> statement-breakpoint
-- Before, not after: the figures go with the organization (ON DELETE CASCADE), and once it is gone
-- their delete trigger can no longer tell what they had added.
CREATE TRIGGER `statistics_organizations_delete` BEFORE DELETE ON `organizations` BEGIN
  INSERT INTO `statistics_figure_totals` (`year`, `kind`, `reporting`, `members_official`, `members_associate`, `workers`, `revenue_sum`, `revenue_count`, `profit_sum`, `profit_count`, `income_weighted`, `income_workers`, `good`, `fair`, `average`, `weak`)
    SELECT f.year, old.kind, -(1), -(coalesce(f.members_official, 0)), -(coalesce(f.members_associate, 0)), -(coalesce(f.workers, 0)), -(coalesce(f.revenue, 0)), -((f.revenue IS NOT NULL)), -(coalesce(f.profit, 0)), -((f.profit IS NOT NULL)), -(coalesce(f.average_income * f.workers, 0)), -(CASE WHEN f.average_income IS NOT NULL THEN coalesce(f.workers, 0) ELSE 0 END), -((f.classification IS 'good')), -((f.classification IS 'fair')), -((f.classification IS 'average')), -((f.classification IS 'weak'))
    FROM yearly_figures f WHERE f.organization_id = old.id AND old.deleted_at IS NULL AND (old.founded_on IS NULL OR old.founded_on <= printf('%04d-12-31', f.year)) AND (old.ended_on IS NULL OR old.ended_on > printf('%04d-12-31', f.year))
    ON CONFLICT (`year`, `kind`) DO UPDATE SET `reporting` = `reporting` + excluded.`reporting`, `members_official` = `members_official` + excluded.`members_official`, `members_associate` = `members_associate` + excluded.`members_associate`, `workers` = `workers` + excluded.`workers`, `revenue_sum` = `revenue_sum` + excluded.`revenue_sum`, `revenue_count` = `revenue_count` + excluded.`revenue_count`, `profit_sum` = `profit_sum` + excluded.`profit_sum`, `profit_count` = `profit_count` + excluded.`profit_count`, `income_weighted` = `income_weighted` + excluded.`income_weighted`, `income_workers` = `income_workers` + excluded.`income_workers`, `good` = `good` + excluded.`good`, `fair` = `fair` + excluded.`fair`, `average` = `average` + excluded.`average`, `weak` = `weak` + excluded.`weak`;
END;
--> statement-breakpoint
-- 3. Statistics. Organizations in the register (not in the trash) by commune, and by kind and
-- sector, as counters kept by triggers: the overview takes from them those that did not exist at
-- the end of the year (founded later or ended by then), found through the two indexes below, instead
-- of reading 100,000 rows in two grouped scans.
CREATE TABLE `statistics_commune_counts` (
  `commune_code` text PRIMARY KEY NOT NULL,
  `live` integer NOT NULL
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `statistics_kind_sector_counts` (
  `kind` text NOT NULL,
  -- '' for an organization without a sector: a primary key cannot hold NULL here.
  `sector_code` text NOT NULL,
  `live` integer NOT NULL,
  PRIMARY KEY (`kind`, `sector_code`)
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `statistics_commune_counts` (`commune_code`, `live`)
  SELECT `commune_code`, count(*) FROM `organizations` WHERE `deleted_at` IS NULL GROUP BY `commune_code`;
--> statement-breakpoint
INSERT INTO `statistics_kind_sector_counts` (`kind`, `sector_code`, `live`)
  SELECT `kind`, coalesce(`sector_code`, ''), count(*) FROM `organizations` WHERE `deleted_at` IS NULL GROUP BY `kind`, coalesce(`sector_code`, '');
--> statement-breakpoint
CREATE TRIGGER `statistics_counts_insert` AFTER INSERT ON `organizations` BEGIN
  INSERT INTO `statistics_commune_counts` (`commune_code`, `live`) SELECT new.`commune_code`, 1 WHERE new.`deleted_at` IS NULL
    ON CONFLICT (`commune_code`) DO UPDATE SET `live` = `live` + excluded.`live`;
  INSERT INTO `statistics_kind_sector_counts` (`kind`, `sector_code`, `live`) SELECT new.`kind`, coalesce(new.`sector_code`, ''), 1 WHERE new.`deleted_at` IS NULL
    ON CONFLICT (`kind`, `sector_code`) DO UPDATE SET `live` = `live` + excluded.`live`;
END;
--> statement-breakpoint
CREATE TRIGGER `statistics_counts_update` AFTER UPDATE OF `kind`, `sector_code`, `commune_code`, `deleted_at` ON `organizations` BEGIN
  INSERT INTO `statistics_commune_counts` (`commune_code`, `live`) SELECT old.`commune_code`, -1 WHERE old.`deleted_at` IS NULL
    ON CONFLICT (`commune_code`) DO UPDATE SET `live` = `live` + excluded.`live`;
  INSERT INTO `statistics_kind_sector_counts` (`kind`, `sector_code`, `live`) SELECT old.`kind`, coalesce(old.`sector_code`, ''), -1 WHERE old.`deleted_at` IS NULL
    ON CONFLICT (`kind`, `sector_code`) DO UPDATE SET `live` = `live` + excluded.`live`;
  INSERT INTO `statistics_commune_counts` (`commune_code`, `live`) SELECT new.`commune_code`, 1 WHERE new.`deleted_at` IS NULL
    ON CONFLICT (`commune_code`) DO UPDATE SET `live` = `live` + excluded.`live`;
  INSERT INTO `statistics_kind_sector_counts` (`kind`, `sector_code`, `live`) SELECT new.`kind`, coalesce(new.`sector_code`, ''), 1 WHERE new.`deleted_at` IS NULL
    ON CONFLICT (`kind`, `sector_code`) DO UPDATE SET `live` = `live` + excluded.`live`;
END;
--> statement-breakpoint
CREATE TRIGGER `statistics_counts_delete` AFTER DELETE ON `organizations` BEGIN
  INSERT INTO `statistics_commune_counts` (`commune_code`, `live`) SELECT old.`commune_code`, -1 WHERE old.`deleted_at` IS NULL
    ON CONFLICT (`commune_code`) DO UPDATE SET `live` = `live` + excluded.`live`;
  INSERT INTO `statistics_kind_sector_counts` (`kind`, `sector_code`, `live`) SELECT old.`kind`, coalesce(old.`sector_code`, ''), -1 WHERE old.`deleted_at` IS NULL
    ON CONFLICT (`kind`, `sector_code`) DO UPDATE SET `live` = `live` + excluded.`live`;
END;
--> statement-breakpoint
CREATE INDEX `organizations_founded` ON `organizations` (`founded_on`, `ended_on`, `commune_code`, `kind`, `sector_code`) WHERE `deleted_at` IS NULL AND `founded_on` IS NOT NULL;
--> statement-breakpoint
CREATE INDEX `organizations_ended` ON `organizations` (`ended_on`, `founded_on`, `commune_code`, `kind`, `sector_code`) WHERE `deleted_at` IS NULL AND `ended_on` IS NOT NULL;
