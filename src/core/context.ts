/**
 * What every service receives: the database, the clock (injectable so tests can move time) and
 * the administrative units shipped with the app.
 */
import type { AdminUnits } from './adminUnits';
import type { Backups } from './backup/backups';
import type { DataAccess } from './db/health';
import type { Db } from './db/open';
import type { Jobs } from './jobs';

export interface Context {
  /** Replaced, with `schemaVersion` and `access`, when a backup is restored: read it at each use. */
  db: Db;
  clock: () => Date;
  places: AdminUnits;
  databaseFile: string;
  /** The database's own folder for files: attachments, and the staging area of uploads and exports. */
  dataDir: string;
  jobs: Jobs;
  /** What only the desktop app can do; absent under the web host and in tests. */
  desktop?: Desktop;
  schemaVersion: number;
  appVersion: string;
  /** Whether the data file may be written: read-only when it is damaged or another app holds it. */
  access: DataAccess;
  /** The backups beside the data file; absent for an in-memory database. */
  backups?: Backups;
}

export interface Desktop {
  /** Opens a file with the system's viewer for its type (a PDF reader, an image viewer). */
  openPath(path: string): Promise<void>;
}

/** The last timestamp written out: an import asks for one several times a row, mostly within the same millisecond. */
let lastTimestamp = { ms: Number.NaN, text: '' };

/** Now as an ISO timestamp (UTC), for created/updated columns and the audit trail. */
export function timestamp(ctx: Pick<Context, 'clock'>): string {
  const now = ctx.clock();
  const ms = now.getTime();
  if (ms !== lastTimestamp.ms) lastTimestamp = { ms, text: now.toISOString() };
  return lastTimestamp.text;
}

/**
 * Today's date where the office is, as ISO text. The process's local time zone is the office's:
 * between midnight and 7 a.m. in Vietnam the UTC date would still be yesterday.
 */
export function todayIso(ctx: Pick<Context, 'clock'>): string {
  const now = ctx.clock();
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
