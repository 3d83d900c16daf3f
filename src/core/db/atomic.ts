import type { Db } from './open';

/**
 * Runs `work` as one atomic change: in a transaction of its own, or — when one is already open
 * (an import's, a lifecycle event creating its successors) — as part of it. No savepoint is taken
 * there: every caller lets a failure abort the whole enclosing transaction, never catching it to
 * go on, and a savepoint per row cost an import of 50,000 cooperatives about five seconds.
 */
export function atomically<T>(db: Db, work: () => T): T {
  return db.$client.inTransaction ? work() : db.transaction(work);
}
