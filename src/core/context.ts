/**
 * What every service receives: the database, the clock (injectable so tests can move time) and
 * the administrative units shipped with the app.
 */
import type { AdminUnits } from './adminUnits';
import type { Db } from './db/open';

export interface Context {
  db: Db;
  clock: () => Date;
  places: AdminUnits;
  databaseFile: string;
  schemaVersion: number;
  appVersion: string;
}

/** Now as an ISO timestamp (UTC), for created/updated columns and the audit trail. */
export function timestamp(ctx: Pick<Context, 'clock'>): string {
  return ctx.clock().toISOString();
}
