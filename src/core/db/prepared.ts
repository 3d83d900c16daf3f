/**
 * Queries that run for every row of a large import are built by drizzle once per connection and
 * kept, with placeholders for their values: building a query's SQL costs drizzle several times
 * what SQLite takes to run it (an import of 50,000 cooperatives spent 35 of its 50 seconds there).
 */
import type BetterSqlite3 from 'better-sqlite3';
import { Column, getTableColumns, getTableName, sql, type Placeholder, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Db } from './open';

/** `build(db)` for each connection, built on its first use. */
export function perConnection<T>(build: (db: Db) => T): (db: Db) => T {
  const built = new WeakMap<Db, T>();
  return (db) => {
    let found = built.get(db);
    if (found === undefined) {
      found = build(db);
      built.set(db, found);
    }
    return found;
  };
}

/**
 * A placeholder for each column of an insert, from an object naming every column once (so the
 * compiler checks that none is missing): `{ name: true, kind: true }` → `{ name: sql.placeholder('name'), … }`.
 */
export function placeholdersFor<K extends string>(columns: Record<K, true>): Record<K, Placeholder<K>> {
  return Object.fromEntries(Object.keys(columns).map((key) => [key, sql.placeholder(key)])) as Record<K, Placeholder<K>>;
}

/**
 * A placeholder for a JSON column that takes the text as given (`jsonText`): through the column's
 * encoder, a missing value would be stored as the text "null" instead of NULL.
 */
export function jsonPlaceholder(name: string): SQL {
  return sql`${sql.placeholder(name)}`;
}

export function jsonText(value: unknown): string | null {
  return value === null || value === undefined ? null : JSON.stringify(value);
}

/**
 * `column` among `values` (ids, name keys), bound as one parameter (a JSON array read by
 * `json_each`): thousands of ids as as many placeholders make drizzle build, and SQLite parse and
 * bind, a statement that costs more than the query it serves (35,000 agreements' ids took 1.5 s to
 * build at national scale).
 */
export function among(column: SQLWrapper, values: readonly (number | string)[]): SQL {
  return sql`${column} IN (SELECT value FROM json_each(${JSON.stringify(values)}))`;
}

/**
 * An insert of one row into `table`, of the columns `columns` names (each once, as for
 * `placeholdersFor`), bound by position through each column's own encoder (a flag as 0 or 1).
 * For the inserts an import makes by the hundred thousand: drizzle's named placeholders, filled
 * value by value, cost about as much as SQLite's insert itself.
 */
export function rowInsert<T extends SQLiteTable, K extends keyof T['$inferInsert'] & string>(
  db: Db,
  table: T,
  columns: Record<K, true>,
): (values: Record<K, unknown>) => BetterSqlite3.RunResult {
  const all = getTableColumns(table) as Record<string, SQLiteColumn>;
  const keys = Object.keys(columns) as K[];
  const chosen = keys.map((key) => {
    const column = all[key];
    if (!column) throw new Error(`${getTableName(table)} has no column ${key}`);
    return column;
  });
  // Only the columns whose encoder changes a value are encoded: most pass theirs as they are, and
  // an import calls this for every row it writes.
  const encoders = chosen.map((column) => (column.mapToDriverValue === Column.prototype.mapToDriverValue ? null : column));
  const statement = db.$client.prepare(
    `INSERT INTO "${getTableName(table)}" (${chosen.map((column) => `"${column.name}"`).join(', ')}) VALUES (${chosen.map(() => '?').join(', ')})`,
  );
  return (values) => {
    const bound: unknown[] = new Array(keys.length);
    for (let at = 0; at < keys.length; at++) {
      const value = values[keys[at] as K];
      const encoder = encoders[at];
      // An encoder's answer is bound as it is, even one that says null.
      bound[at] = value === null || value === undefined ? null : encoder ? encoder.mapToDriverValue(value) : value;
    }
    return statement.run(bound);
  };
}

/** Rows an insert of `BatchedInsert` takes at once: SQLite binds at most 32,766 values. */
const ROWS_PER_INSERT = 100;

/**
 * Rows of one table written many to an INSERT, for writers of tens of thousands of rows (an
 * import's bookkeeping): one statement for a hundred rows costs SQLite and the driver about what
 * a few single-row ones do. Each row's values come in the order of `columns`, as stored (JSON as
 * text); rows reach the table in the order they were added, at `flush` at the latest.
 */
export class BatchedInsert {
  private pending: unknown[] = [];
  private readonly statements = new Map<number, BetterSqlite3.Statement>();
  private readonly sqlite: BetterSqlite3.Database;
  private readonly table: string;
  private readonly columns: string[];

  constructor(db: Db, table: SQLiteTable, columns: readonly SQLiteColumn[]) {
    this.sqlite = db.$client;
    this.table = getTableName(table);
    this.columns = columns.map((column) => column.name);
  }

  add(values: readonly unknown[]): void {
    for (const value of values) this.pending.push(value);
    if (this.pending.length >= this.columns.length * ROWS_PER_INSERT) this.flush();
  }

  flush(): void {
    const rows = this.pending.length / this.columns.length;
    if (rows === 0) return;
    let statement = this.statements.get(rows);
    if (!statement) {
      const row = `(${this.columns.map(() => '?').join(', ')})`;
      const names = this.columns.map((name) => `"${name}"`).join(', ');
      statement = this.sqlite.prepare(`INSERT INTO "${this.table}" (${names}) VALUES ${Array.from({ length: rows }, () => row).join(', ')}`);
      this.statements.set(rows, statement);
    }
    statement.run(this.pending);
    this.pending = [];
  }
}
