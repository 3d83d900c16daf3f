/**
 * Queries that run for every row of a large import are built by drizzle once per connection and
 * kept, with placeholders for their values: building a query's SQL costs drizzle several times
 * what SQLite takes to run it (an import of 50,000 cooperatives spent 35 of its 50 seconds there).
 */
import { sql, type Placeholder, type SQL, type SQLWrapper } from 'drizzle-orm';
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
 * `column` among `ids`, bound as one parameter (a JSON array read by `json_each`): thousands of ids
 * as as many placeholders make drizzle build, and SQLite parse and bind, a statement that costs more
 * than the query it serves (35,000 agreements' ids took 1.5 s to build at national scale).
 */
export function amongIds(column: SQLWrapper, ids: readonly number[]): SQL {
  return sql`${column} IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`;
}
