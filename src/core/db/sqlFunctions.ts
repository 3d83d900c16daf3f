/**
 * The SQL functions every connection of the app has, defined when it is opened (`connect` in
 * open.ts): rules of the app's own that queries ask of every row.
 */
import type Database from 'better-sqlite3';
import { searchCloseness } from '../../shared/closeness';

/**
 * Makes `searchCloseness` an SQL function of the connection, `search_closeness(query, name_folded)`,
 * so that a list orders every match by how close its name reads to what was typed and SQLite keeps
 * only the page (`closenessOrder` in services/search.ts), however many rows match, instead of the
 * rows being read into memory to be ranked. The rule is worked out once for each query: a list asks
 * it of every row.
 */
export function defineSearchCloseness(sqlite: Pick<Database.Database, 'function'>): void {
  let last: { query: string; closeness: (name: string) => number } | undefined;
  sqlite.function('search_closeness', { deterministic: true }, (query: unknown, name: unknown) => {
    if (typeof query !== 'string' || typeof name !== 'string') return null;
    if (last?.query !== query) last = { query, closeness: searchCloseness(query) };
    return last.closeness(name);
  });
}
