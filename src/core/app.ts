/**
 * Opens HTX Desk without a window: the database, the shipped data and the handler context.
 * The core's own process or worker (src/core/remote/serveCore.ts), the tests and the scripts all
 * start here.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadAdminUnits, defaultAdminUnitsFile } from './adminUnits';
import { Backups, type AutoBackupOptions } from './backup/backups';
import type { Context, Desktop } from './context';
import { dataDirOf } from './dataFiles';
import { databaseFailure, explainDatabaseError, type DataAccess } from './db/health';
import { takeLock, type LockAttempt } from './db/lock';
import { openDatabase, type OpenedDatabase } from './db/open';
import { clearStaging } from './files';
import { Jobs } from './jobs';
import { refreshShippedData } from './shippedData';

export interface OpenAppOptions {
  databaseFile: string;
  /** The folder holding `drizzle/` and `resources/`: the repository, or the packaged app. */
  appRoot: string;
  appVersion: string;
  clock?: () => Date;
  desktop?: Desktop;
  /** Automatic backups: how often at most (default 15 minutes); tests make it short. */
  autoBackup?: AutoBackupOptions;
}

export interface OpenedApp {
  ctx: Context;
  /** Where the copy taken before a schema update went, if one was taken on this opening. */
  backupFile: string | null;
  close(): void;
}

/**
 * The data file, held by this app alone (see db/lock.ts): when another app holds it, it is opened
 * read-only and nothing of it is cleaned, backed up or rotated from here.
 */
function openDataFile(databaseFile: string, migrationsFolder: string, clock: () => Date, backups: Backups | null) {
  let lock: LockAttempt | null = null;
  try {
    lock = backups ? takeLock(databaseFile, clock()) : null;
    const opened: OpenedDatabase = backups
      ? backups.openDataFile(clock, lock?.held === false)
      : openDatabase({ file: databaseFile, migrationsFolder });
    const access: DataAccess =
      lock?.held === false ? { mode: 'locked', holder: lock.holder } : opened.damage !== null ? { mode: 'damaged', detail: opened.damage } : { mode: 'write' };
    return { opened, access, release: () => (lock?.held ? lock.release() : undefined) };
  } catch (error) {
    if (lock?.held) lock.release();
    // A folder that cannot be written, a file that cannot be opened: said in Vietnamese too.
    throw databaseFailure(error, { mode: 'write' }) ?? error;
  }
}

export function openApp({ databaseFile, appRoot, appVersion, clock = () => new Date(), desktop, autoBackup }: OpenAppOptions): OpenedApp {
  if (databaseFile !== ':memory:') mkdirSync(dirname(databaseFile), { recursive: true });
  const places = loadAdminUnits(defaultAdminUnitsFile(join(appRoot, 'resources')));
  const dataDir = dataDirOf(databaseFile);
  const migrationsFolder = join(appRoot, 'drizzle');
  const backups = databaseFile === ':memory:' ? null : new Backups({ databaseFile, dataDir, migrationsFolder, appVersion }, autoBackup);
  const { opened, access, release } = openDataFile(databaseFile, migrationsFolder, clock, backups);
  const ctx: Context = {
    db: opened.db,
    clock,
    places,
    databaseFile,
    dataDir,
    jobs: new Jobs(console.error, (error) => explainDatabaseError(ctx, error)),
    ...(desktop ? { desktop } : {}),
    schemaVersion: opened.schemaVersion,
    appVersion,
    access,
    ...(backups ? { backups } : {}),
  };
  // What is left from an earlier run belongs to whoever holds the file: another app's uploads in
  // progress are not ours to remove.
  if (access.mode !== 'locked') {
    clearStaging(ctx);
    backups?.removeDrafts();
  }
  // The administrative units and the abbreviations the names are keyed by come with the app: when
  // they changed, so does what the database keeps of them.
  if (access.mode === 'write') refreshShippedData(ctx);
  if (access.mode === 'write' && backups) {
    backups.startAuto(ctx);
    backups.adoptOldCopies(ctx).catch(console.error);
  }
  return {
    ctx,
    backupFile: opened.backupFile,
    close: () => {
      // A checkpoint still running would touch the file after it is closed.
      ctx.jobs.waitForTrailing();
      backups?.stopAuto();
      // The connection of the moment: a restore replaces the one opened here.
      ctx.db.$client.close();
      release();
    },
  };
}
