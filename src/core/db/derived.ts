/**
 * Derived structures: what the database keeps beside the rows so that search and statistics stay
 * instant at national scale — the register's full-text search index, the statistics' counter
 * tables, and the triggers that keep both exact on every write, however a row is written (a
 * service, an import, a hand-run UPDATE).
 *
 * They are owned by this module, not by migrations. drizzle-kit rebuilds a table by creating a copy
 * and dropping the original, which a view over the table makes fail and which silently drops the
 * table's triggers; so before pending migrations run every trigger, view and virtual table is
 * dropped (`dropDerivedStructures`), and after them this module creates them again from the
 * definitions below and fills them from the rows (`ensureDerivedStructures`). The counter tables
 * themselves are declared in schema.ts, like any table. Every trigger, view and virtual table in
 * the database belongs to this module.
 *
 * Each structure can be rebuilt from the rows and verified against them (`npm run db:verify`), and
 * a cheap check at start catches counters gone wrong. Rules the triggers apply (which organizations
 * exist in a year) come from `predicates.ts`, the same ones the queries use.
 */
import type Database from 'better-sqlite3';
import { getTableName, sql, type SQL, type SQLChunk } from 'drizzle-orm';
import { integer, sqliteTable, SQLiteSyncDialect, text as textColumn, type SQLiteColumn, type SQLiteTable } from 'drizzle-orm/sqlite-core';
import { columnsAs, existsAtYearEnd } from './predicates';
import { NEAR_MAX, vocabularyWords } from './sqlFunctions';
import { agreementCommitments, agreementParties, agreements, agreementSearch, organizations, partners, searchWordDeletions, searchWords, statisticsCommuneCounts, statisticsFigureTotals, statisticsKindSectorCounts, yearlyFigures } from './schema';

const dialect = new SQLiteSyncDialect();

/** A fragment as SQL text; definitions are fixed text, so a parameter in one is a mistake. */
function text(fragment: SQL): string {
  const { sql: source, params } = dialect.sqlToQuery(fragment);
  if (params.length) throw new Error(`A derived structure's SQL cannot take parameters: ${source}`);
  return source;
}

const id = (name: string) => sql.identifier(name);
const ident = (column: SQLiteColumn) => sql.identifier(column.name);
const list = (items: SQLChunk[]) => sql.join(items, sql`, `);

interface DerivedObject {
  type: 'view' | 'table' | 'trigger';
  name: string;
  /** The CREATE statement, as SQLite keeps it in `sqlite_master.sql`. */
  sql: string;
}

export interface DerivedStructure {
  /** What it is, for the verify command's report. */
  name: string;
  /** Created in this order. */
  objects: DerivedObject[];
  /** Empties it, to be filled again from the rows. */
  clear(sqlite: Database.Database): void;
  /**
   * Adds what the organizations with ids from `first` to `last` (and what belongs to them)
   * contribute: filled range by range, a rebuild of the whole register can yield between ranges.
   */
  fill(sqlite: Database.Database, first: number, last: number): void;
  /** How it differs from what the rows give; empty when it is exact. */
  verify(sqlite: Database.Database): string[];
}

function trigger(name: string, timing: SQL, body: SQL[]): DerivedObject {
  return {
    type: 'trigger',
    name,
    sql: text(sql`CREATE TRIGGER ${id(name)} ${timing} BEGIN\n  ${sql.join(body.map((statement) => sql`${statement};`), sql`\n  `)}\nEND`),
  };
}

// ---------------------------------------------------------------------------------------------
// Search as you type over the register

const SEARCH_INDEX = 'organizations_search';
const SEARCH_SOURCE = 'organizations_search_source';

/**
 * The search index as queries read it: its rowid is the organization's id. Declared here, not in
 * schema.ts, because this module creates it (drizzle-kit cannot make an FTS5 table).
 */
export const searchIndex = sqliteTable(SEARCH_INDEX, { id: integer('rowid').notNull(), searchText: textColumn('search_text').notNull() });

/** The rows of `searchIndex` whose indexed text matches `expression` (FTS5 syntax, see search.ts). */
export function searchIndexMatches(expression: string): SQL {
  return sql`${searchIndex} MATCH ${expression}`;
}

const o = columnsAs(organizations, 'organizations');

/**
 * The indexed text: the search text with every space doubled, two more at the start and one at the
 * end ("  vinh  binh "), so that the start of a word is itself a trigram, and every word, the last
 * too, stands between spaces as a whole word (see search.ts).
 */
function indexedText(searchText: SQL): SQL {
  return sql`'  ' || replace(${searchText}, ' ', '  ') || ' '`;
}

function organizationSearch(): DerivedStructure {
  const row = (alias: 'new' | 'old') => columnsAs(organizations, alias);
  const { new: added, old: removed } = { new: row('new'), old: row('old') };
  const insertEntry = (r: typeof added) =>
    sql`INSERT INTO ${id(SEARCH_INDEX)} (rowid, search_text) SELECT ${r.id}, ${indexedText(r.searchText)} WHERE ${r.deletedAt} IS NULL`;
  const deleteEntry = (r: typeof added) =>
    sql`INSERT INTO ${id(SEARCH_INDEX)} (${id(SEARCH_INDEX)}, rowid, search_text) SELECT 'delete', ${r.id}, ${indexedText(r.searchText)} WHERE ${r.deletedAt} IS NULL`;
  const table = id(getTableName(organizations));
  return {
    name: 'Chỉ mục tìm kiếm tổ chức',
    objects: [
      {
        type: 'view',
        name: SEARCH_SOURCE,
        // Only the rows not in the trash: matches can be counted from the index alone.
        sql: text(
          sql`CREATE VIEW ${id(SEARCH_SOURCE)} AS SELECT ${o.id} AS id, ${indexedText(o.searchText)} AS search_text FROM ${table} WHERE ${o.deletedAt} IS NULL`,
        ),
      },
      {
        type: 'table',
        name: SEARCH_INDEX,
        sql: `CREATE VIRTUAL TABLE "${SEARCH_INDEX}" USING fts5(search_text, content = '${SEARCH_SOURCE}', content_rowid = 'id', tokenize = 'trigram')`,
      },
      trigger(`${SEARCH_INDEX}_insert`, sql`AFTER INSERT ON ${table}`, [insertEntry(added)]),
      trigger(`${SEARCH_INDEX}_update`, sql`AFTER UPDATE OF ${ident(organizations.searchText)}, ${ident(organizations.deletedAt)} ON ${table}`, [
        deleteEntry(removed),
        insertEntry(added),
      ]),
      trigger(`${SEARCH_INDEX}_delete`, sql`AFTER DELETE ON ${table}`, [deleteEntry(removed)]),
    ],
    clear: (sqlite) => sqlite.prepare(`INSERT INTO "${SEARCH_INDEX}" ("${SEARCH_INDEX}") VALUES ('delete-all')`).run(),
    fill: (sqlite, first, last) =>
      sqlite.prepare(`INSERT INTO "${SEARCH_INDEX}" (rowid, search_text) SELECT id, search_text FROM "${SEARCH_SOURCE}" WHERE id BETWEEN ? AND ?`).run(first, last),
    verify: (sqlite) => {
      try {
        // With rank 1 the check compares the index with its content, not only with itself.
        sqlite.prepare(`INSERT INTO "${SEARCH_INDEX}" ("${SEARCH_INDEX}", rank) VALUES ('integrity-check', 1)`).run();
        return [];
      } catch {
        return ['chỉ mục không khớp với các hồ sơ'];
      }
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Counter tables

interface Counter {
  table: SQLiteTable;
  keys: SQLiteColumn[];
  values: SQLiteColumn[];
  /**
   * The counter's rows as the rows give them: keys then values, in the order above; `where` limits
   * the organizations counted (`everyOrganization`, or a range of ids).
   */
  fromRows(where: (organizationId: SQL) => SQL): SQL;
}

const everyOrganization = () => sql`1`;
/** Organizations of a range of ids, its ends bound when the statement runs. */
const organizationRange = (organizationId: SQL) => sql`${organizationId} BETWEEN ${sql.raw('?')} AND ${sql.raw('?')}`;

/** Adds `values` to the counter row of `keys`, creating it when missing. */
function addTo(counter: Counter, source: SQL): SQL {
  const columns = [...counter.keys, ...counter.values].map(ident);
  const sums = counter.values.map((column) => sql`${ident(column)} = ${ident(column)} + excluded.${ident(column)}`);
  return sql`INSERT INTO ${id(getTableName(counter.table))} (${list(columns)}) ${source} ON CONFLICT (${list(counter.keys.map(ident))}) DO UPDATE SET ${list(sums)}`;
}

function clearCounter(sqlite: Database.Database, counter: Counter): void {
  sqlite.exec(text(sql`DELETE FROM ${id(getTableName(counter.table))}`));
}

/** Adds the counts of a range of organizations to what the counter holds. */
function fillCounter(sqlite: Database.Database, counter: Counter, first: number, last: number): void {
  sqlite.prepare(text(addTo(counter, counter.fromRows(organizationRange)))).run(first, last);
}

/** Rows of the counter that differ from the rows (a row whose values are all 0 counts as absent). */
function verifyCounter(sqlite: Database.Database, counter: Counter): string[] {
  const name = getTableName(counter.table);
  const columns = [...counter.keys, ...counter.values].map(ident);
  const stored = sql`SELECT ${list(columns)} FROM ${id(name)} WHERE ${sql.join(
    counter.values.map((column) => sql`${ident(column)} <> 0`),
    sql` OR `,
  )}`;
  const describe = (row: Record<string, unknown>) => JSON.stringify(row);
  const fromRows = counter.fromRows(everyOrganization);
  const missing = sqlite.prepare(text(sql`${fromRows} EXCEPT ${stored} LIMIT 5`)).all() as Record<string, unknown>[];
  const extra = sqlite.prepare(text(sql`${stored} EXCEPT ${fromRows} LIMIT 5`)).all() as Record<string, unknown>[];
  return [
    ...missing.map((row) => `${name}: thiếu hoặc sai dòng ${describe(row)}`),
    ...extra.map((row) => `${name}: thừa dòng ${describe(row)}`),
  ];
}

type OrganizationColumns = ReturnType<typeof columnsAs<typeof organizations>>;

/**
 * Organizations not in the trash, counted by a key of their own columns (commune; kind and sector):
 * the statistics take from these the few that did not exist in a year, instead of counting 100,000.
 */
interface LiveCounter extends Counter {
  /** The key of an organization row, in the order of `keys`. */
  keyOf(row: OrganizationColumns): SQL[];
}

function liveCounter(table: SQLiteTable, keys: SQLiteColumn[], live: SQLiteColumn, keyOf: (row: OrganizationColumns) => SQL[]): LiveCounter {
  return {
    table,
    keys,
    values: [live],
    keyOf,
    fromRows: (where) =>
      sql`SELECT ${list(keyOf(o))}, count(*) FROM ${id(getTableName(organizations))} WHERE ${o.deletedAt} IS NULL AND ${where(o.id)} GROUP BY ${list(keyOf(o))}`,
  };
}

const liveCounters = [
  liveCounter(
    statisticsCommuneCounts,
    [statisticsCommuneCounts.communeCode, statisticsCommuneCounts.provinceCode],
    statisticsCommuneCounts.live,
    (row) => [row.communeCode, row.provinceCode],
  ),
  liveCounter(
    statisticsKindSectorCounts,
    [statisticsKindSectorCounts.provinceCode, statisticsKindSectorCounts.kind, statisticsKindSectorCounts.sectorCode],
    statisticsKindSectorCounts.live,
    (row) => [row.provinceCode, row.kind, sql`coalesce(${row.sectorCode}, '')`],
  ),
];

function liveCounts(): DerivedStructure {
  const table = id(getTableName(organizations));
  const change = (alias: 'new' | 'old', sign: 1 | -1) => {
    const row = columnsAs(organizations, alias);
    return liveCounters.map((counter) => addTo(counter, sql`SELECT ${list(counter.keyOf(row))}, ${sql.raw(String(sign))} WHERE ${row.deletedAt} IS NULL`));
  };
  const watched = [organizations.kind, organizations.sectorCode, organizations.provinceCode, organizations.communeCode, organizations.deletedAt].map(ident);
  return {
    name: 'Số tổ chức theo xã, loại hình và lĩnh vực',
    objects: [
      trigger('statistics_counts_insert', sql`AFTER INSERT ON ${table}`, change('new', 1)),
      trigger('statistics_counts_update', sql`AFTER UPDATE OF ${list(watched)} ON ${table}`, [...change('old', -1), ...change('new', 1)]),
      trigger('statistics_counts_delete', sql`AFTER DELETE ON ${table}`, change('old', -1)),
    ],
    clear: (sqlite) => liveCounters.forEach((counter) => clearCounter(sqlite, counter)),
    fill: (sqlite, first, last) => liveCounters.forEach((counter) => fillCounter(sqlite, counter, first, last)),
    verify: (sqlite) => liveCounters.flatMap((counter) => verifyCounter(sqlite, counter)),
  };
}

// ---------------------------------------------------------------------------------------------
// The vocabulary a mistyped word is looked up in (see `nearMatchExpression` in search.ts)

/**
 * The words of a search text the vocabulary keeps (`vocabularyWords`), as the rows of `json_each`
 * (column `value`): by the SQL function of the same rule, so the triggers and the check keep the
 * words a bulk load counts in JavaScript (`countWords`).
 */
function wordsOf(searchText: SQL): SQL {
  return sql`json_each(vocabulary_words(${searchText}))`;
}

const wordCounter: Counter = (() => {
  const org = columnsAs(organizations, 'o');
  return {
    table: searchWords,
    keys: [searchWords.word],
    values: [searchWords.uses],
    fromRows: (where) =>
      sql`SELECT value, count(*) FROM ${id(getTableName(organizations))} o, ${wordsOf(org.searchText)} WHERE ${org.deletedAt} IS NULL AND ${where(org.id)} GROUP BY value`,
  };
})();

/**
 * Adds the words of a range of organizations to `search_words`, counted in JavaScript: splitting
 * and grouping the words of 87,500 search texts in SQL took about 0.4 s of an import's rebuild;
 * reading the texts and counting them here, about 0.3.
 */
function countWords(sqlite: Database.Database, first: number, last: number): void {
  const org = columnsAs(organizations, 'o');
  const texts = sqlite
    .prepare<[number, number], string>(text(sql`SELECT ${org.searchText} FROM ${id(getTableName(organizations))} o WHERE ${org.deletedAt} IS NULL AND ${organizationRange(org.id)}`))
    .pluck()
    .all(first, last);
  const uses = new Map<string, number>();
  for (const searchText of texts) for (const word of vocabularyWords(searchText)) uses.set(word, (uses.get(word) ?? 0) + 1);
  if (uses.size === 0) return;
  // `WHERE true` tells SQLite the ON CONFLICT belongs to the INSERT, not to a join of the SELECT.
  const counted = sql`SELECT value ->> 0, value ->> 1 FROM json_each(${sql.raw('?')}) WHERE true`;
  sqlite.prepare(text(addTo(wordCounter, counted))).run(JSON.stringify([...uses]));
}

/** Positions 0 to `NEAR_MAX` − 1: the letter a deletion takes out. */
const letterPositions = sql.raw(`'[${Array.from({ length: NEAR_MAX }, (_, index) => index).join(',')}]'`);

/** The deletions of the words in `search_words`, from `word` (a column or `new.word`). */
function deletionsOf(word: SQL): SQL {
  return sql`SELECT substr(${word}, 1, value) || substr(${word}, value + 2), ${word} FROM json_each(${letterPositions}) WHERE value < length(${word})`;
}

function searchVocabulary(): DerivedStructure {
  const table = id(getTableName(organizations));
  const words = id(getTableName(searchWords));
  const deletions = id(getTableName(searchWordDeletions));
  const deletionColumns = list([ident(searchWordDeletions.deletion), ident(searchWordDeletions.word)]);
  const change = (alias: 'new' | 'old', sign: 1 | -1) => {
    const row = columnsAs(organizations, alias);
    return addTo(wordCounter, sql`SELECT value, ${sql.raw(String(sign))} FROM ${wordsOf(row.searchText)} WHERE ${row.deletedAt} IS NULL`);
  };
  return {
    name: 'Từ điển tìm kiếm gần đúng',
    objects: [
      trigger('search_words_insert', sql`AFTER INSERT ON ${table}`, [change('new', 1)]),
      trigger('search_words_update', sql`AFTER UPDATE OF ${ident(organizations.searchText)}, ${ident(organizations.deletedAt)} ON ${table}`, [
        change('old', -1),
        change('new', 1),
      ]),
      trigger('search_words_delete', sql`AFTER DELETE ON ${table}`, [change('old', -1)]),
      // A word keeps its row when its count falls to 0, so its deletions never need taking away.
      trigger('search_word_deletions_insert', sql`AFTER INSERT ON ${words}`, [sql`INSERT OR IGNORE INTO ${deletions} (${deletionColumns}) ${deletionsOf(sql`new.word`)}`]),
    ],
    clear: (sqlite) => {
      sqlite.exec(text(sql`DELETE FROM ${deletions}`));
      clearCounter(sqlite, wordCounter);
    },
    // Inserting a new word fills its deletions through the trigger.
    fill: countWords,
    verify: (sqlite) => {
      const stored = sql`SELECT ${deletionColumns} FROM ${deletions}`;
      const fromWords = sql`SELECT substr(w.word, 1, value) || substr(w.word, value + 2), w.word FROM ${words} w, json_each(${letterPositions}) WHERE value < length(w.word)`;
      const missing = sqlite.prepare(text(sql`${fromWords} EXCEPT ${stored} LIMIT 5`)).all();
      const extra = sqlite.prepare(text(sql`${stored} EXCEPT ${fromWords} LIMIT 5`)).all();
      return [
        ...verifyCounter(sqlite, wordCounter),
        ...missing.map((row) => `search_word_deletions: thiếu dòng ${JSON.stringify(row)}`),
        ...extra.map((row) => `search_word_deletions: thừa dòng ${JSON.stringify(row)}`),
      ];
    },
  };
}

// ---------------------------------------------------------------------------------------------
// A year's figure totals

export type FigureColumns = ReturnType<typeof columnsAs<typeof yearlyFigures>>;

const t = statisticsFigureTotals;

/**
 * What one figures row adds to its year's totals, column by column of `statistics_figure_totals`.
 * Plans read the same contributions for the few organizations whose existence differs between the
 * year's end and the day a plan is measured on (`plans/measures.ts`), so the two cannot drift.
 */
export const figureContributions: [SQLiteColumn, (f: FigureColumns) => SQL][] = [
  [t.reporting, () => sql`1`],
  [t.membersOfficial, (f) => sql`coalesce(${f.membersOfficial}, 0)`],
  [t.membersAssociate, (f) => sql`coalesce(${f.membersAssociate}, 0)`],
  [t.workers, (f) => sql`coalesce(${f.workers}, 0)`],
  [t.revenueSum, (f) => sql`coalesce(${f.revenue}, 0)`],
  [t.revenueCount, (f) => sql`(${f.revenue} IS NOT NULL)`],
  [t.profitSum, (f) => sql`coalesce(${f.profit}, 0)`],
  [t.profitCount, (f) => sql`(${f.profit} IS NOT NULL)`],
  [t.incomeWeighted, (f) => sql`coalesce(${f.averageIncome} * ${f.workers}, 0)`],
  [t.incomeWorkers, (f) => sql`CASE WHEN ${f.averageIncome} IS NOT NULL THEN coalesce(${f.workers}, 0) ELSE 0 END`],
  [t.managers, (f) => sql`coalesce(${f.managers}, 0)`],
  [t.managersWithDegree, (f) => sql`coalesce(${f.managersWithDegree}, 0)`],
  [t.good, (f) => sql`(${f.classification} IS 'good')`],
  [t.fair, (f) => sql`(${f.classification} IS 'fair')`],
  [t.average, (f) => sql`(${f.classification} IS 'average')`],
  [t.weak, (f) => sql`(${f.classification} IS 'weak')`],
];

/** The last day of the figures row's year, in SQL: the same text as `yearEnd`. */
function yearEndOf(f: FigureColumns): SQL {
  return sql`printf('%04d-12-31', ${f.year})`;
}

const figureCounter: Counter = (() => {
  const f = columnsAs(yearlyFigures, 'f');
  const org = columnsAs(organizations, 'o');
  return {
    table: t,
    keys: [t.year, t.provinceCode, t.kind],
    values: figureContributions.map(([column]) => column),
    fromRows: (where) => sql`SELECT ${f.year}, ${org.provinceCode}, ${org.kind}, ${list(figureContributions.map(([, of]) => sql`sum(${of(f)})`))}
      FROM ${id(getTableName(yearlyFigures))} f JOIN ${id(getTableName(organizations))} o ON ${org.id} = ${f.organizationId}
      WHERE ${existsAtYearEnd(org, yearEndOf(f))} AND ${where(org.id)} GROUP BY ${f.year}, ${org.provinceCode}, ${org.kind}`,
  };
})();

function figureTotals(): DerivedStructure {
  const figuresTable = id(getTableName(yearlyFigures));
  const organizationsTable = id(getTableName(organizations));
  /** Adds (sign 1) or takes away (-1) what figures rows `f` of organization `org` contribute. */
  const contribute = (f: FigureColumns, org: OrganizationColumns, from: SQL, sign: 1 | -1) => {
    const signed = (value: SQL) => (sign === 1 ? value : sql`-(${value})`);
    return addTo(
      figureCounter,
      sql`SELECT ${f.year}, ${org.provinceCode}, ${org.kind}, ${list(figureContributions.map(([, of]) => signed(of(f))))} ${from} AND ${existsAtYearEnd(org, yearEndOf(f))}`,
    );
  };
  // A figures row written: its organization read as `o`.
  const ofFigures = (alias: 'new' | 'old', sign: 1 | -1) => {
    const f = columnsAs(yearlyFigures, alias);
    const org = columnsAs(organizations, 'o');
    return contribute(f, org, sql`FROM ${organizationsTable} o WHERE ${org.id} = ${f.organizationId}`, sign);
  };
  // An organization written: its figures rows read as `f`.
  const ofOrganization = (alias: 'new' | 'old', sign: 1 | -1) => {
    const org = columnsAs(organizations, alias);
    const f = columnsAs(yearlyFigures, 'f');
    return contribute(f, org, sql`FROM ${figuresTable} f WHERE ${f.organizationId} = ${org.id}`, sign);
  };
  const figureColumns = [
    yearlyFigures.organizationId,
    yearlyFigures.year,
    yearlyFigures.membersOfficial,
    yearlyFigures.membersAssociate,
    yearlyFigures.workers,
    yearlyFigures.revenue,
    yearlyFigures.profit,
    yearlyFigures.averageIncome,
    yearlyFigures.managers,
    yearlyFigures.managersWithDegree,
    yearlyFigures.classification,
  ].map(ident);
  const organizationColumns = [organizations.kind, organizations.provinceCode, organizations.foundedOn, organizations.endedOn, organizations.deletedAt].map(ident);
  return {
    name: 'Tổng hợp số liệu hằng năm theo loại hình',
    objects: [
      trigger('statistics_figures_insert', sql`AFTER INSERT ON ${figuresTable}`, [ofFigures('new', 1)]),
      trigger('statistics_figures_update', sql`AFTER UPDATE OF ${list(figureColumns)} ON ${figuresTable}`, [ofFigures('old', -1), ofFigures('new', 1)]),
      trigger('statistics_figures_delete', sql`AFTER DELETE ON ${figuresTable}`, [ofFigures('old', -1)]),
      trigger('statistics_organizations_update', sql`AFTER UPDATE OF ${list(organizationColumns)} ON ${organizationsTable}`, [
        ofOrganization('old', -1),
        ofOrganization('new', 1),
      ]),
      // Before, not after: the figures go with the organization (ON DELETE CASCADE), and once it is
      // gone their own delete trigger can no longer tell what they had added.
      trigger('statistics_organizations_delete', sql`BEFORE DELETE ON ${organizationsTable}`, [ofOrganization('old', -1)]),
    ],
    clear: (sqlite) => clearCounter(sqlite, figureCounter),
    fill: (sqlite, first, last) => fillCounter(sqlite, figureCounter, first, last),
    verify: (sqlite) => verifyCounter(sqlite, figureCounter),
  };
}

// ---------------------------------------------------------------------------------------------
// The parties a commitment names

/**
 * A commitment names the party that supplies it and the one that receives it (schema.ts says why
 * these are not declared foreign keys). When a party's row goes, the commitment names no one, as
 * ON DELETE SET NULL would have it.
 */
function commitmentSides(): DerivedStructure {
  const commitments = id(getTableName(agreementCommitments));
  const parties = id(getTableName(agreementParties));
  const sides = [agreementCommitments.supplierPartyId, agreementCommitments.receiverPartyId];
  const dangling = (side: SQLiteColumn) =>
    sql`${ident(side)} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ${parties} WHERE ${parties}.${ident(agreementParties.id)} = ${commitments}.${ident(side)})`;
  return {
    name: 'bên cung ứng, bên nhận của cam kết',
    objects: [
      trigger(
        'commitment_sides_party_delete',
        sql`AFTER DELETE ON ${parties}`,
        sides.map((side) => sql`UPDATE ${commitments} SET ${ident(side)} = NULL WHERE ${ident(side)} = old.${ident(agreementParties.id)}`),
      ),
    ],
    // Not counted by organization: made exact whole, at once.
    clear: (sqlite) => {
      for (const side of sides) sqlite.exec(text(sql`UPDATE ${commitments} SET ${ident(side)} = NULL WHERE ${dangling(side)}`));
    },
    fill: () => undefined,
    verify: (sqlite) =>
      sides.flatMap((side) => {
        const count = sqlite.prepare(text(sql`SELECT count(*) FROM ${commitments} WHERE ${dangling(side)}`)).pluck().get() as number;
        return count ? [`${count} cam kết ghi một bên không còn trong thỏa thuận (${side.name})`] : [];
      }),
  };
}

// ---------------------------------------------------------------------------------------------
// What an agreement is searched by

/**
 * The search text of agreement `a`: its folded title, its number (lower case, Đ as d: numbers are
 * codes of ASCII letters and digits, save the Đ of HĐ, QĐ), every party's folded name (of a member
 * or a partner, in the trash or not) and every committed product, one space between each. A word
 * searched for has no space, so it is found in one of them or not at all.
 */
function agreementSearchText(): SQL {
  const a = columnsAs(agreements, 'a');
  const p = columnsAs(agreementParties, 'p');
  const o = columnsAs(organizations, 'o');
  const r = columnsAs(partners, 'r');
  const c = columnsAs(agreementCommitments, 'c');
  const parties = id(getTableName(agreementParties));
  /** ' ' and the texts `of` the rows `from` joins, or '' when there are none. */
  const joined = (of: SQL, from: SQL) => sql`coalesce(' ' || (SELECT group_concat(${of}, ' ') ${from}), '')`;
  return sql`${a.titleFolded} || ' ' || replace(replace(lower(${a.number}), 'Đ', 'd'), 'đ', 'd')
    || ${joined(o.nameFolded, sql`FROM ${parties} p JOIN ${id(getTableName(organizations))} o ON ${o.id} = ${p.organizationId} WHERE ${p.agreementId} = ${a.id}`)}
    || ${joined(r.nameFolded, sql`FROM ${parties} p JOIN ${id(getTableName(partners))} r ON ${r.id} = ${p.partnerId} WHERE ${p.agreementId} = ${a.id}`)}
    || ${joined(c.productFolded, sql`FROM ${id(getTableName(agreementCommitments))} c WHERE ${c.agreementId} = ${a.id}`)}`;
}

function agreementSearchStructure(): DerivedStructure {
  const table = id(getTableName(agreementSearch));
  const columns = list([ident(agreementSearch.agreementId), ident(agreementSearch.searchText)]);
  const agreementsTable = id(getTableName(agreements));
  const a = columnsAs(agreements, 'a');
  /** Writes again the search text of the agreements `which` selects (ids), those that still exist. */
  const refresh = (which: SQL) =>
    sql`INSERT OR REPLACE INTO ${table} (${columns}) SELECT ${a.id}, ${agreementSearchText()} FROM ${agreementsTable} a WHERE ${a.id} IN (${which})`;
  const parties = id(getTableName(agreementParties));
  const commitments = id(getTableName(agreementCommitments));
  /** The agreements the renamed member or partner (`new`) is a party of. */
  const ofParty = (side: SQLiteColumn) => sql`SELECT ${ident(agreementParties.agreementId)} FROM ${parties} WHERE ${ident(side)} = new.id`;
  /** The agreement of the party or commitment row `new` or `old` (its `agreementId` column). */
  const agreementOf = (alias: 'new' | 'old', column: SQLiteColumn) => sql`SELECT ${sql.raw(alias)}.${ident(column)}`;
  const ofPartyRow = (alias: 'new' | 'old') => agreementOf(alias, agreementParties.agreementId);
  const ofCommitmentRow = (alias: 'new' | 'old') => agreementOf(alias, agreementCommitments.agreementId);
  const stored = sql`SELECT ${columns} FROM ${table}`;
  const fromRows = sql`SELECT ${a.id}, ${agreementSearchText()} FROM ${agreementsTable} a`;
  return {
    name: 'Chỉ mục tìm kiếm thỏa thuận',
    objects: [
      trigger('agreement_search_insert', sql`AFTER INSERT ON ${agreementsTable}`, [refresh(sql`SELECT new.${ident(agreements.id)}`)]),
      trigger('agreement_search_update', sql`AFTER UPDATE OF ${ident(agreements.titleFolded)}, ${ident(agreements.number)} ON ${agreementsTable}`, [
        refresh(sql`SELECT new.${ident(agreements.id)}`),
      ]),
      trigger('agreement_search_delete', sql`AFTER DELETE ON ${agreementsTable}`, [
        sql`DELETE FROM ${table} WHERE ${ident(agreementSearch.agreementId)} = old.${ident(agreements.id)}`,
      ]),
      trigger('agreement_search_party_insert', sql`AFTER INSERT ON ${parties}`, [refresh(ofPartyRow('new'))]),
      trigger('agreement_search_party_update', sql`AFTER UPDATE ON ${parties}`, [refresh(sql`${ofPartyRow('old')} UNION ${ofPartyRow('new')}`)]),
      // Also when the agreement goes with them: `refresh` writes only for an agreement still there.
      trigger('agreement_search_party_delete', sql`AFTER DELETE ON ${parties}`, [refresh(ofPartyRow('old'))]),
      trigger('agreement_search_commitment_insert', sql`AFTER INSERT ON ${commitments}`, [refresh(ofCommitmentRow('new'))]),
      trigger(
        'agreement_search_commitment_update',
        sql`AFTER UPDATE OF ${ident(agreementCommitments.productFolded)}, ${ident(agreementCommitments.agreementId)} ON ${commitments}`,
        [refresh(sql`${ofCommitmentRow('old')} UNION ${ofCommitmentRow('new')}`)],
      ),
      trigger('agreement_search_commitment_delete', sql`AFTER DELETE ON ${commitments}`, [refresh(ofCommitmentRow('old'))]),
      trigger('agreement_search_organization_rename', sql`AFTER UPDATE OF ${ident(organizations.nameFolded)} ON ${id(getTableName(organizations))}`, [
        refresh(ofParty(agreementParties.organizationId)),
      ]),
      trigger('agreement_search_partner_rename', sql`AFTER UPDATE OF ${ident(partners.nameFolded)} ON ${id(getTableName(partners))}`, [
        refresh(ofParty(agreementParties.partnerId)),
      ]),
    ],
    // Not kept by organization: made whole at once (a few hundred agreements in a province; the
    // national demo's 34,479 take a third of a second).
    clear: (sqlite) => {
      sqlite.exec(text(sql`DELETE FROM ${table}`));
      sqlite.exec(text(sql`INSERT INTO ${table} (${columns}) ${fromRows}`));
    },
    fill: () => undefined,
    verify: (sqlite) => {
      const missing = sqlite.prepare(text(sql`${fromRows} EXCEPT ${stored} LIMIT 5`)).all();
      const extra = sqlite.prepare(text(sql`${stored} EXCEPT ${fromRows} LIMIT 5`)).all();
      return [
        ...missing.map((row) => `agreement_search: thiếu hoặc sai dòng ${JSON.stringify(row)}`),
        ...extra.map((row) => `agreement_search: thừa dòng ${JSON.stringify(row)}`),
      ];
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Keeping them

export const derivedStructures: readonly DerivedStructure[] = [
  organizationSearch(),
  searchVocabulary(),
  liveCounts(),
  figureTotals(),
  commitmentSides(),
  agreementSearchStructure(),
];

interface SchemaObject {
  type: string;
  name: string;
  sql: string | null;
}

/** The triggers, views and virtual tables in the database: all of them this module's. */
function ownedObjects(sqlite: Database.Database): SchemaObject[] {
  return sqlite
    .prepare(
      `SELECT type, name, sql FROM sqlite_master
       WHERE type IN ('trigger', 'view') OR (type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%')`,
    )
    .all() as SchemaObject[];
}

/** Drops every derived structure (triggers first, then views and virtual tables). */
export function dropDerivedStructures(sqlite: Database.Database): void {
  const owned = ownedObjects(sqlite);
  const order = ['trigger', 'view', 'table'];
  owned.sort((a, b) => order.indexOf(a.type) - order.indexOf(b.type));
  for (const object of owned) sqlite.exec(`DROP ${object.type.toUpperCase()} IF EXISTS "${object.name.replace(/"/g, '""')}"`);
}

function createAll(sqlite: Database.Database): void {
  for (const structure of derivedStructures) for (const object of structure.objects) sqlite.exec(object.sql);
}

/** Fills every derived structure again from the rows, whole. */
function refill(sqlite: Database.Database): void {
  for (const structure of derivedStructures) structure.clear(sqlite);
  for (const structure of derivedStructures) structure.fill(sqlite, Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
}

/** Rebuilds every derived structure from the rows, in one transaction. */
export function rebuildDerivedStructures(sqlite: Database.Database): void {
  sqlite.transaction(() => refill(sqlite))();
}

/** Whether the database holds exactly the structures defined here, as defined here. */
function definitionsMatch(sqlite: Database.Database): boolean {
  const expected = new Map(derivedStructures.flatMap((structure) => structure.objects).map((object) => [object.name, object.sql]));
  const owned = ownedObjects(sqlite);
  return owned.length === expected.size && owned.every((object) => expected.get(object.name) === object.sql);
}

/**
 * The cheap check at start (a few milliseconds at national scale): the organization counters add
 * up to the number of organizations not in the trash.
 */
function countersAddUp(sqlite: Database.Database): boolean {
  const live = sqlite.prepare(`SELECT count(*) FROM organizations INDEXED BY organizations_statistics WHERE deleted_at IS NULL`).pluck().get();
  const byCommune = sqlite.prepare('SELECT coalesce(sum(live), 0) FROM statistics_commune_counts').pluck().get();
  const byKind = sqlite.prepare('SELECT coalesce(sum(live), 0) FROM statistics_kind_sector_counts').pluck().get();
  return live === byCommune && live === byKind;
}

export type DerivedRepair = 'none' | 'created' | 'rebuilt';

/**
 * Makes the derived structures whole after opening: created afresh (and filled) when they are
 * missing or differ from their definitions, as after a migration; filled again from the rows when
 * `rebuild` is asked or the cheap check fails. Says what it did.
 */
export function ensureDerivedStructures(sqlite: Database.Database, { rebuild }: { rebuild: boolean }): DerivedRepair {
  if (!definitionsMatch(sqlite)) {
    sqlite.transaction(() => {
      dropDerivedStructures(sqlite);
      createAll(sqlite);
      refill(sqlite);
    })();
    return 'created';
  }
  if (rebuild || !countersAddUp(sqlite)) {
    rebuildDerivedStructures(sqlite);
    return 'rebuilt';
  }
  return 'none';
}

/**
 * Called before each step of a bulk rebuild (an index, a range of organizations) with how many are done: reports the
 * progress and yields to the event loop, so that the window's progress questions are answered
 * meanwhile (and a cancel is seen).
 */
export type BulkRebuildStep = (done: number, total: number) => Promise<void>;

/** Organizations filled per step of a bulk rebuild: a step of the whole register stays well under a second. */
const REFILL_STEP = 2_000;

/** A secondary index of a table, as SQLite keeps its definition. */
interface StoredIndex {
  name: string;
  sql: string;
}

/**
 * The indexes of `tables` a bulk load may set aside: those a migration declared (an index SQLite
 * made for a key has no `sql`) that enforce no rule. A UNIQUE index stays, so a taken Mã số HTX
 * is refused while the rows are written, as on a person's save.
 */
function suspendableIndexes(sqlite: Database.Database, tables: readonly SQLiteTable[]): StoredIndex[] {
  if (tables.length === 0) return [];
  const names = tables.map(getTableName);
  const stored = sqlite
    .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${names.map(() => '?').join(', ')}) ORDER BY name`)
    .all(...names) as StoredIndex[];
  return stored.filter((index) => !/^CREATE\s+UNIQUE\b/i.test(index.sql));
}

export interface BulkLoadOptions {
  /**
   * Tables the load fills or empties by the tens of thousands: their secondary indexes are dropped
   * for the load and created again from their stored definitions afterwards. The register's
   * thirteen indexes made each inserted or deleted organization cost ten times what the row alone
   * does; built once, sorted, they cost a fraction of that.
   */
  indexedTables?: readonly SQLiteTable[];
}

/**
 * Writes many rows (an import, its undo) with the derived structures suspended, then rebuilds them
 * once from the rows and checks the counters add up, in the caller's transaction: a database loads
 * in bulk that way. Row by row, every insert and delete updates the search index and the counters
 * through triggers, and every index of the table; past a share of the register, rebuilding them
 * whole costs less. Every check of a person's save still runs (the unique indexes stay): only what
 * is derived from the rows waits. The rebuild goes index by index, then range by range of
 * organizations, with a `step` between, so the window's progress questions are answered meanwhile.
 * A failure or a cancel rolls the suspension back with everything else.
 */
export async function loadInBulk<T>(sqlite: Database.Database, rows: number, load: () => Promise<T>, step: BulkRebuildStep, options: BulkLoadOptions = {}): Promise<T> {
  if (!worthSuspending(sqlite, rows)) return load();
  dropDerivedStructures(sqlite);
  const indexes = suspendableIndexes(sqlite, options.indexedTables ?? []);
  for (const index of indexes) sqlite.exec(`DROP INDEX "${index.name.replace(/"/g, '""')}"`);
  const result = await load();
  const { first, last } = sqlite.prepare('SELECT coalesce(min(id), 0) AS first, coalesce(max(id), -1) AS last FROM organizations').get() as { first: number; last: number };
  const ranges = Math.ceil(Math.max(0, last - first + 1) / REFILL_STEP);
  // Progress in steps: each index, then each range of organizations.
  const total = indexes.length + ranges;
  for (const [done, index] of indexes.entries()) {
    await step(done, total);
    sqlite.exec(index.sql);
  }
  createAll(sqlite);
  for (const structure of derivedStructures) structure.clear(sqlite);
  for (let range = 0; range < ranges; range++) {
    await step(indexes.length + range, total);
    const from = first + range * REFILL_STEP;
    for (const structure of derivedStructures) structure.fill(sqlite, from, Math.min(last, from + REFILL_STEP - 1));
  }
  await step(total, total);
  if (!countersAddUp(sqlite)) throw new Error('The statistics counters do not add up after a bulk load.');
  return result;
}

/** Rows written one by one keep the triggers; from this many, and a fifth of the register, a rebuild is cheaper. */
const BULK_MIN_ROWS = 2_000;

function worthSuspending(sqlite: Database.Database, rows: number): boolean {
  if (rows < BULK_MIN_ROWS) return false;
  const registered = sqlite.prepare('SELECT coalesce(sum(live), 0) FROM statistics_kind_sector_counts').pluck().get() as number;
  return rows * 5 >= registered;
}

/** Every difference between the derived structures and the rows, by structure; empty when exact. */
export function verifyDerivedStructures(sqlite: Database.Database): { name: string; problems: string[] }[] {
  const missing = definitionsMatch(sqlite) ? [] : [{ name: 'Cấu trúc dẫn xuất', problems: ['thiếu hoặc khác định nghĩa'] }];
  return [
    ...missing,
    ...derivedStructures.map((structure) => ({ name: structure.name, problems: structure.verify(sqlite) })).filter((result) => result.problems.length),
  ];
}
