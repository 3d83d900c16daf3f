/**
 * Where HTX Desk keeps a data file and the files that belong to it. Kept apart from opening the
 * database (app.ts) so that the Electron main process and the web host's HTTP thread, which only
 * need these names, load nothing of the database.
 */
import { mkdtempSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { basename, dirname, extname, join } from 'node:path';

/**
 * Files that belong to a database live in a folder named after it (`htx-desk.sqlite` →
 * `htx-desk-tep/`), so that opening another data file never mixes their attachments.
 */
export function dataDirOf(databaseFile: string): string {
  if (databaseFile === ':memory:') return mkdtempSync(join(tmpdir(), 'htx-desk-'));
  return join(dirname(databaseFile), `${basename(databaseFile, extname(databaseFile))}-tep`);
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
