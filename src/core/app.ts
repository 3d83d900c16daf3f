/**
 * Opens HTX Desk without a window: the database, the shipped data and the handler context.
 * The core's own process or worker (src/core/remote/serveCore.ts), the tests and the scripts all
 * start here.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadAdminUnits, defaultAdminUnitsFile } from './adminUnits';
import type { Context, Desktop } from './context';
import { dataDirOf } from './dataFiles';
import { openDatabase } from './db/open';
import { clearStaging } from './files';
import { Jobs } from './jobs';

export interface OpenAppOptions {
  databaseFile: string;
  /** The folder holding `drizzle/` and `resources/`: the repository, or the packaged app. */
  appRoot: string;
  appVersion: string;
  clock?: () => Date;
  desktop?: Desktop;
}

export interface OpenedApp {
  ctx: Context;
  /** Where the copy taken before a schema update went, if one was taken on this opening. */
  backupFile: string | null;
  close(): void;
}

export function openApp({ databaseFile, appRoot, appVersion, clock = () => new Date(), desktop }: OpenAppOptions): OpenedApp {
  if (databaseFile !== ':memory:') mkdirSync(dirname(databaseFile), { recursive: true });
  const places = loadAdminUnits(defaultAdminUnitsFile(join(appRoot, 'resources')));
  const opened = openDatabase({ file: databaseFile, migrationsFolder: join(appRoot, 'drizzle'), now: clock });
  const ctx: Context = {
    db: opened.db,
    clock,
    places,
    databaseFile,
    dataDir: dataDirOf(databaseFile),
    jobs: new Jobs(),
    ...(desktop ? { desktop } : {}),
    schemaVersion: opened.schemaVersion,
    appVersion,
  };
  clearStaging(ctx);
  return { ctx, backupFile: opened.backupFile, close: () => opened.close() };
}
