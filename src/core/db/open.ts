/**
/**
 * The one way into a database file: pragmas, a refusal of a database written by a newer HTX Desk
 * and a quick check of its pages (both before anything is written), a backup before pending
 * migrations, then drizzle's migrations, the data upgrades tied to them and the derived structures
 * (search index, statistics counters and their triggers: see derived.ts). A damaged file, or one
 * another app holds, is opened read-only and never migrated.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { AppFailure } from '../../shared/errors';
import { dropDerivedStructures, ensureDerivedStructures, type DerivedRepair } from './derived';
import { DamageFound, isBusy, isDamage, isDiskFull, quickCheck } from './health';
import * as schema from './schema';
import { defineSearchCloseness, defineVocabularyWords } from './sqlFunctions';
import { dataUpgrades } from './upgrades';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export interface OpenDatabaseOptions {
  /** A file path, or ':memory:' for tests. */
  file: string;
  migrationsFolder: string;
  /** Opens without writing anything: no WAL switch, no migration (another app holds the file). */
  readOnly?: boolean;
  /**
   * Takes the backup before pending migrations run, and returns where its database file went;
   * throws DamageFound when the copy fails the full check (the file then opens read-only).
   */
  backupBeforeMigration?: (sqlite: Database.Database) => string;
}

export interface OpenedDatabase {
  db: Db;
  file: string;
  /** Number of migrations the database is at after opening. */
  schemaVersion: number;
  /** Where the copy taken before migrating went, if one was needed. */
  backupFile: string | null;
  /** What opening did to the derived structures: created them, refilled them, or nothing. */
  derived: DerivedRepair;
  /** SQLite's finding when the file's pages are damaged: it is then open read-only. */
  damage: string | null;
  close(): void;
}

interface JournalEntry {
  when: number;
  tag: string;
}

function readJournal(migrationsFolder: string): JournalEntry[] {
  const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
    entries: JournalEntry[];
  };
  return journal.entries;
}

/** The `created_at` of the newest migration this version of the app has. */
export function newestMigration(migrationsFolder: string): number {
  return Math.max(...readJournal(migrationsFolder).map((entry) => entry.when));
}

/** The `created_at` of the newest migration recorded in the file, or null for a fresh database. */
function lastAppliedMigration(sqlite: Database.Database): number | null {
  const table = sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'")
    .get();
  if (!table) return null;
  // drizzle declares created_at NUMERIC; better-sqlite3 hands it back as a number.
  const row = sqlite.prepare('SELECT MAX(created_at) AS last FROM __drizzle_migrations').get() as {
    last: number | null;
  };
  return row.last;
}

/** Statements kept for reuse; the app's own queries are far fewer than this. */
const STATEMENT_CACHE_SIZE = 2000;

/**
 * drizzle prepares a new statement for every query it runs, and better-sqlite3 frees one only when
 * V8 collects it, which does not count the statement's native memory: an import of 100,000 rows
 * prepared close to a million statements and held gigabytes. Statements are kept by their SQL and
 * reused; drizzle switches some to raw rows, so a reused one is put back to returning objects.
 * One that is still being iterated is never handed out twice.
 */
function reuseStatements(sqlite: Database.Database): void {
  const prepare = sqlite.prepare.bind(sqlite);
  const cache = new Map<string, Database.Statement>();
  const reuse = (source: string): Database.Statement => {
    const cached = cache.get(source);
    if (cached && !cached.busy) {
      if (cached.reader) cached.pluck(false).expand(false).raw(false);
      return cached;
    }
    const statement = prepare(source);
    if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value ?? '');
    cache.set(source, statement);
    return statement;
  };
  sqlite.prepare = reuse as typeof sqlite.prepare;
}

/** How long a write waits for another connection's transaction before it gives up. */
export const BUSY_TIMEOUT_MS = 5000;

/**
 * SQLite's page cache per connection, in KiB (64 MiB; SQLite's own default is 2 MiB). A year's
 * results of a national programme read some 6,600 connections with their offers, sellers and
 * demands, rows scattered over tables of hundreds of thousands: in 2 MiB those pages evict each
 * other and every run reads them again from the operating system (≈145 ms against ≈45 ms for the
 * same query, measured). The cache grows only as pages are read.
 */
export const PAGE_CACHE_KIB = 65_536;

/**
 * A connection with the app's pragmas and statement reuse; the schema is the caller's concern.
 * It does not switch the file to WAL, which writes to it: see `useWal`.
 */
function connect(file: string, readOnly = false): Database.Database {
  const sqlite = new Database(file, readOnly ? { readonly: true, fileMustExist: true } : {});
  reuseStatements(sqlite);
  defineSearchCloseness(sqlite);
  defineVocabularyWords(sqlite);
  try {
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    return sqlite;
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

/** Set once the file is known to be a sound database: the pragma reads it, and a damaged one must open read-only first. */
function useLargeCache(sqlite: Database.Database): void {
  sqlite.pragma(`cache_size = -${PAGE_CACHE_KIB}`);
}

/**
 * The size of a database page, in bytes (SQLite's default is 4 KiB). An import of 100,000 rows writes
 * some 230 MB and then builds the register's indexes and search index from it: with pages four times
 * larger its commit took about a second less of seven, and its undo half a second less of three.
 * A new file is made with it (`useWal`); an older file is written again with it once (`rewriteFile`).
 */
export const PAGE_SIZE = 16_384;

/**
 * Readers keep reading while a long write runs; set once the file is known to be ours to write.
 * A file still empty takes `PAGE_SIZE` first: in WAL mode the page size no longer changes.
 */
function useWal(sqlite: Database.Database, file: string): void {
  if (sqlite.pragma('page_count', { simple: true }) === 0) sqlite.pragma(`page_size = ${PAGE_SIZE}`);
  if (file !== ':memory:') sqlite.pragma('journal_mode = WAL');
}

/**
 * Where the database stands: commits by other connections (data_version) and changes by this one
 * (total_changes). Equal marks mean nothing was written in between, so what was read still holds.
 */
export function changeMark(db: Db): string {
  const client = db.$client;
  return `${String(client.pragma('data_version', { simple: true }))}:${String(client.prepare('SELECT total_changes()').pluck().get())}`;
}

/**
 * A second connection to a database the app has already opened (and migrated), for work that
 * must not hold the app's own connection: see `inLongTransaction`.
 */
export function openConnection(file: string): { db: Db; close(): void } {
  if (file === ':memory:') throw new Error('An in-memory database has no second connection.');
  const sqlite = connect(file);
  useWal(sqlite, file);
  useLargeCache(sqlite);
  return { db: drizzle({ client: sqlite, schema }), close: () => sqlite.close() };
}

/**
 * What SQLite keeps of each table outside it, which a table rebuilt by drizzle-kit (copied into a
 * new one, the old one dropped) loses:
 * - its AUTOINCREMENT counter (`sqlite_sequence`), the highest id it ever gave. The new table
 *   counts again from the highest id copied, so the ids of rows deleted for good above it (the
 *   organizations of an undone import) would be given again, and a new organization would take
 *   over the old one's history in the audit trail;
 * - the planner's statistics of the table and its indexes (`sqlite_stat1`), where an ANALYZE
 *   gathered them: without them a query over a rebuilt table may take another, slower plan than
 *   over the others (a sign-in sheet matched against the national register: 41 → 145 ms).
 */
interface TableBookkeeping {
  counters: Map<string, number>;
  /** Each statistics row, with its index's definition (null for a table's own row and a key's index). */
  statistics: { tbl: string; idx: string | null; stat: string; definition: string | null }[];
}

function tableExists(sqlite: Database.Database, name: string): boolean {
  return sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

function readBookkeeping(sqlite: Database.Database): TableBookkeeping {
  const counters = tableExists(sqlite, 'sqlite_sequence')
    ? new Map(sqlite.prepare<[], [string, number]>('SELECT name, seq FROM sqlite_sequence').raw().all())
    : new Map<string, number>();
  const statistics = tableExists(sqlite, 'sqlite_stat1')
    ? (sqlite
        .prepare("SELECT s.tbl, s.idx, s.stat, i.sql AS definition FROM sqlite_stat1 s LEFT JOIN sqlite_master i ON i.type = 'index' AND i.name = s.idx")
        .all() as TableBookkeeping['statistics'])
    : [];
  return { counters, statistics };
}

/** Free space worth writing the file again for: this much, and a quarter of the file. */
const FREED_WORTH_VACUUM_BYTES = 1024 * 1024;

/**
 * Writes the file again (VACUUM), keeping every row, id and counter, where that is worth it: its
 * pages are smaller than `PAGE_SIZE` (a file made by an earlier version, rewritten once), or a
 * migration just ran and left much of it free — drizzle-kit's rebuild of a table (copy, drop,
 * rename) leaves the old table's pages free, and every backup copies them: migration 0028 left the
 * national demo at 646 MB instead of 394. The page size changes only outside WAL mode, so the file
 * leaves it for the rewrite and goes back to it.
 */
function rewriteFile(sqlite: Database.Database, file: string, { migrated }: { migrated: boolean }): void {
  const free = sqlite.pragma('freelist_count', { simple: true }) as number;
  const pages = sqlite.pragma('page_count', { simple: true }) as number;
  const pageSize = sqlite.pragma('page_size', { simple: true }) as number;
  const freedWorthIt = migrated && free * pageSize >= FREED_WORTH_VACUUM_BYTES && free * 4 >= pages;
  const smallPages = pageSize < PAGE_SIZE && file !== ':memory:';
  if (!freedWorthIt && !smallPages) return;
  try {
    if (smallPages) {
      // Out of WAL mode the VACUUM writes the file itself, with the new page size.
      try {
        sqlite.pragma('journal_mode = DELETE');
        sqlite.pragma(`page_size = ${PAGE_SIZE}`);
        sqlite.exec('VACUUM');
      } finally {
        sqlite.pragma('journal_mode = WAL');
      }
    } else {
      sqlite.exec('VACUUM');
      // The new file is in the log until a checkpoint writes it over the old one.
      sqlite.pragma('wal_checkpoint(TRUNCATE)');
    }
  } catch (error) {
    // Without room for the copy VACUUM writes, or while another program reads the file (which
    // keeps it in WAL mode and the copy from replacing it), the file stays as it was: sound, only
    // larger or slower until a later opening.
    if (!isDiskFull(error) && !isBusy(error)) throw error;
  }
}

/** Puts back what `readBookkeeping` read before the migrations, where a rebuilt table lost it. */
function restoreBookkeeping(sqlite: Database.Database, { counters, statistics }: TableBookkeeping): void {
  const raise = sqlite.prepare<[number, string, number]>('UPDATE sqlite_sequence SET seq = ? WHERE name = ? AND seq < ?');
  const addCounter = sqlite.prepare<[string, number, string]>('INSERT INTO sqlite_sequence (name, seq) SELECT ?, ? WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = ?)');
  for (const [name, seq] of counters) {
    // A table a migration dropped for good has no counter to keep.
    if (!tableExists(sqlite, name)) continue;
    raise.run(seq, name, seq);
    addCounter.run(name, seq, name);
  }
  if (statistics.length === 0 || !tableExists(sqlite, 'sqlite_stat1')) return;
  const index = sqlite.prepare<[string, string], string | null>("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ? AND tbl_name = ?").pluck();
  const addStatistics = sqlite.prepare<[string, string | null, string, string, string | null]>(
    'INSERT INTO sqlite_stat1 (tbl, idx, stat) SELECT ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM sqlite_stat1 WHERE tbl = ? AND idx IS ?)',
  );
  for (const { tbl, idx, stat, definition } of statistics) {
    if (!tableExists(sqlite, tbl)) continue;
    // An index's figures hold only for the same index (an index SQLite made for a key has no
    // definition, and its name says which): one a migration changed is left to the next ANALYZE.
    if (idx !== null && index.get(idx, tbl) !== definition) continue;
    addStatistics.run(tbl, idx, stat, tbl, idx);
  }
  // The planner reads the statistics when the schema loads: told to read them again.
  sqlite.exec('ANALYZE sqlite_schema');
}

/** A damaged file, open read-only: nothing is migrated or written into it. */
function openDamaged(file: string, damage: string, schemaVersion: number): OpenedDatabase {
  const sqlite = connect(file, true);
  const db = drizzle({ client: sqlite, schema });
  return { db, file, schemaVersion, backupFile: null, derived: 'none', damage, close: () => sqlite.close() };
}

export function openDatabase({ file, migrationsFolder, readOnly = false, backupBeforeMigration }: OpenDatabaseOptions): OpenedDatabase {
  const sqlite = connect(file, readOnly);
  try {
    const journal = readJournal(migrationsFolder);
    const newestKnown = Math.max(...journal.map((entry) => entry.when));
    const versionOf = (last: number | null) => journal.filter((entry) => entry.when <= (last ?? 0)).length;
    let lastApplied: number | null;
    try {
      lastApplied = lastAppliedMigration(sqlite);
    } catch (error) {
      // Not even the list of tables can be read: the file is not (or no longer) a database.
      if (!isDamage(error)) throw error;
      sqlite.close();
      return openDamaged(file, error instanceof Error ? error.message : String(error), 0);
    }

    if (lastApplied !== null && lastApplied > newestKnown) {
      throw new AppFailure({
        kind: 'conflict',
        message:
          `Tệp dữ liệu ${file} do một phiên bản HTX Desk mới hơn ghi. ` +
          'Hãy cập nhật HTX Desk lên phiên bản mới nhất rồi mở lại; tệp không bị thay đổi.',
      });
    }

    const damage = file === ':memory:' ? null : quickCheck(sqlite);
    if (damage !== null) {
      sqlite.close();
      return openDamaged(file, damage, versionOf(lastApplied));
    }
    useLargeCache(sqlite);

    if (readOnly) {
      if (lastApplied === null || lastApplied < newestKnown) {
        throw new AppFailure({
          kind: 'conflict',
          message:
            `Tệp dữ liệu ${file} đang được một HTX Desk khác mở và cần cập nhật cấu trúc cho phiên bản này, ` +
            'nên chưa mở được ở đây. Hãy đóng HTX Desk kia rồi mở lại.',
        });
      }
      const db = drizzle({ client: sqlite, schema });
      return { db, file, schemaVersion: versionOf(lastApplied), backupFile: null, derived: 'none', damage: null, close: () => sqlite.close() };
    }

    useWal(sqlite, file);
    let backupFile: string | null = null;
    const pendingTags = journal.filter((entry) => lastApplied === null || entry.when > lastApplied).map((entry) => entry.tag);
    const pending = pendingTags.length > 0;
    try {
      if (lastApplied !== null && pending) backupFile = backupBeforeMigration?.(sqlite) ?? null;
    } catch (error) {
      if (!(error instanceof DamageFound)) throw error;
      sqlite.close();
      return openDamaged(file, error.detail, versionOf(lastApplied));
    }

    // A migration may rebuild a table, which the derived structures over it would break.
    if (pending) dropDerivedStructures(sqlite);
    const db = drizzle({ client: sqlite, schema });
    // drizzle-kit rebuilds a table (copy, drop the old one, rename) for what SQLite cannot ALTER,
    // and turns foreign keys off around it; but drizzle runs every migration in one transaction,
    // where that pragma does nothing, and dropping `organizations` would cascade into every row
    // that refers to it. So the keys are off for the migrations and checked once after them —
    // only when some ran: the check reads every row (about a second for a national register),
    // and with the keys on, no write since can have broken one.
    sqlite.pragma('foreign_keys = OFF');
    try {
      const bookkeeping = pending ? readBookkeeping(sqlite) : null;
      migrate(db, { migrationsFolder });
      sqlite.transaction(() => {
        if (bookkeeping) restoreBookkeeping(sqlite, bookkeeping);
        pendingTags.forEach((tag) => dataUpgrades[tag]?.(sqlite));
      })();
      const broken = pending ? (sqlite.pragma('foreign_key_check') as { table: string }[]) : [];
      if (broken.length > 0) {
        throw new AppFailure({
          kind: 'internal',
          message:
            `Cập nhật cấu trúc tệp dữ liệu ${file} để lại ${broken.length} dòng tham chiếu tới dữ liệu không còn (bảng ${[...new Set(broken.map((row) => row.table))].join(', ')}). ` +
            'Hãy khôi phục bản sao lưu trước khi cập nhật (trong thư mục sao lưu cạnh tệp dữ liệu) và báo cho người phát triển.',
        });
      }
    } finally {
      sqlite.pragma('foreign_keys = ON');
    }
    const derived = ensureDerivedStructures(sqlite, { rebuild: pending });
    rewriteFile(sqlite, file, { migrated: pending });
    const schemaVersion = versionOf(lastAppliedMigration(sqlite));

    return { db, file, schemaVersion, backupFile, derived, damage: null, close: () => sqlite.close() };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}
