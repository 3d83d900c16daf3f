/**
 * Opens HTX Desk without a window: the database, the shipped data and the handler context.
 * The Electron main process, the web host and the tests all start here.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { homedir, tmpdir } from 'node:os';
import { loadAdminUnits, defaultAdminUnitsFile } from './adminUnits';
import type { Context, Desktop } from './context';
import { openDatabase } from './db/open';
import { clearStaging } from './files';
import { Jobs } from './jobs';
import { refreshNameKeys } from './nameRules';

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

/**
 * Files that belong to a database live in a folder named after it (`htx-desk.sqlite` →
 * `htx-desk-tep/`), so that opening another data file never mixes their attachments.
 */
export function dataDirOf(databaseFile: string): string {
  if (databaseFile === ':memory:') return mkdtempSync(join(tmpdir(), 'htx-desk-'));
  return join(dirname(databaseFile), `${basename(databaseFile, extname(databaseFile))}-tep`);
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
  refreshNameKeys(ctx);
  return { ctx, backupFile: opened.backupFile, close: () => opened.close() };
}

/**
 * The folder the desktop app keeps its data in — Electron's `userData` for an app named
 * "HTX Desk" — so that the web host opens the same database by default.
 */
export function defaultDataDir(): string {
  const appName = 'HTX Desk';
  if (process.platform === 'win32') return join(process.env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), appName);
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', appName);
  return join(process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), appName);
}

export const databaseFileName = 'htx-desk.sqlite';
