/**
 * The one way into a database file: pragmas, a copy before pending migrations, a refusal of a
 * database written by a newer HTX Desk, then drizzle's migrations and the derived structures
 * (search index, statistics counters and their triggers: see derived.ts).
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { AppFailure } from '../../shared/errors';
import { dropDerivedStructures, ensureDerivedStructures, type DerivedRepair } from './derived';
import * as schema from './schema';
import { dataUpgrades } from './upgrades';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export interface OpenDatabaseOptions {
  /** A file path, or ':memory:' for tests. */
  file: string;
  migrationsFolder: string;
  /** Used to name the copy taken before migrating; injectable so tests are repeatable. */
  now?: () => Date;
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

/** A connection with the app's pragmas and statement reuse; the schema is the caller's concern. */
function connect(file: string): Database.Database {
  const sqlite = new Database(file);
  reuseStatements(sqlite);
  try {
    if (file !== ':memory:') sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    return sqlite;
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

/**
 * A second connection to a database the app has already opened (and migrated), for work that
 * must not hold the app's own connection: see `inLongTransaction`.
 */
export function openConnection(file: string): { db: Db; close(): void } {
  if (file === ':memory:') throw new Error('An in-memory database has no second connection.');
  const sqlite = connect(file);
  return { db: drizzle({ client: sqlite, schema }), close: () => sqlite.close() };
}

export function openDatabase({ file, migrationsFolder, now = () => new Date() }: OpenDatabaseOptions): OpenedDatabase {
  const inMemory = file === ':memory:';
  const sqlite = connect(file);
  try {
    const journal = readJournal(migrationsFolder);
    const newestKnown = Math.max(...journal.map((entry) => entry.when));
    const lastApplied = lastAppliedMigration(sqlite);

    if (lastApplied !== null && lastApplied > newestKnown) {
      throw new AppFailure({
        kind: 'conflict',
        message:
          `Tệp dữ liệu ${file} do một phiên bản HTX Desk mới hơn ghi. ` +
          'Hãy cập nhật HTX Desk lên phiên bản mới nhất rồi mở lại; tệp không bị thay đổi.',
      });
    }

    let backupFile: string | null = null;
    const pendingTags = journal.filter((entry) => lastApplied === null || entry.when > lastApplied).map((entry) => entry.tag);
    const pending = pendingTags.length > 0;
    if (!inMemory && lastApplied !== null && pending) {
      const stamp = now().toISOString().replace(/[:.]/g, '-');
      backupFile = `${file}.truoc-cap-nhat-${stamp}.sqlite`;
      if (existsSync(backupFile)) throw new Error(`Backup file already exists: ${backupFile}`);
      sqlite.prepare('VACUUM INTO ?').run(backupFile);
    }

    // A migration may rebuild a table, which the derived structures over it would break.
    if (pending) dropDerivedStructures(sqlite);
    const db = drizzle({ client: sqlite, schema });
    migrate(db, { migrationsFolder });
    sqlite.transaction(() => pendingTags.forEach((tag) => dataUpgrades[tag]?.(sqlite)))();
    const derived = ensureDerivedStructures(sqlite, { rebuild: pending });
    const schemaVersion = journal.filter((entry) => entry.when <= (lastAppliedMigration(sqlite) ?? 0)).length;

    return { db, file, schemaVersion, backupFile, derived, close: () => sqlite.close() };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}
