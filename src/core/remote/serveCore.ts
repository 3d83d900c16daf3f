/**
 * The core's end, run in a thread or process of its own (the web host's worker, the desktop app's
 * utilityProcess): it opens the data file, answers every call of the contract through `dispatch`,
 * and holds the jobs, the long transactions and every service. The host's thread only carries
 * messages, so it never waits on the database.
 */
import { existsSync, readFileSync } from 'node:fs';
import { AppFailure, type Result } from '../../shared/errors';
import { openApp, type OpenedApp } from '../app';
import { dispatch } from '../handlers';
import { Peer, RemoteFailure, type Link } from './peer';
import { damagedMessage, lockedMessage } from '../db/health';
import { NOT_OPEN_MESSAGE, type CoreMethods, type CoreOpenOptions, type HostMethods } from './protocol';

/** "Now" as written in a file at each call (see `CoreOpenOptions.clockFile`); the real time without one. */
export function fileClock(file: string): () => Date {
  return () => {
    const written = existsSync(file) ? readFileSync(file, 'utf8').trim() : '';
    const date = new Date(written);
    return written === '' || Number.isNaN(date.getTime()) ? new Date() : date;
  };
}

const notOpen: Result<unknown> = { ok: false, error: { kind: 'internal', message: NOT_OPEN_MESSAGE } };

export function serveCore(link: Link): void {
  let opened: OpenedApp | null = null;
  const peer: Peer<CoreMethods, HostMethods> = new Peer<CoreMethods, HostMethods>(link, {
    open: ({ databaseFile, appRoot, appVersion, clockFile, desktop, autoBackupIntervalMs }: CoreOpenOptions) => {
      if (opened) throw new Error('A data file is open already; close it first.');
      opened = openApp({
        databaseFile,
        appRoot,
        appVersion,
        ...(clockFile === undefined ? {} : { clock: fileClock(clockFile) }),
        ...(desktop ? { desktop: { openPath: (path) => askHostToOpen(peer, path) } } : {}),
        ...(autoBackupIntervalMs === undefined ? {} : { autoBackup: { intervalMs: autoBackupIntervalMs } }),
      });
      const { access } = opened.ctx;
      const readOnlyReason = access.mode === 'damaged' ? damagedMessage : access.mode === 'locked' ? lockedMessage(access.holder) : null;
      return { backupFile: opened.backupFile, readOnlyReason };
    },
    call: async (channel, input) => (opened ? dispatch(opened.ctx, channel, input) : notOpen),
    runningJobs: () => opened?.ctx.jobs.running() ?? 0,
    close: async (jobs) => {
      const closing = opened;
      if (!closing) return;
      await closing.ctx.jobs.settle(jobs);
      closing.close();
      opened = null;
    },
  });
}

/** The host's refusal (a path outside the data folder, no viewer for the type) is said as it is. */
async function askHostToOpen(peer: Peer<CoreMethods, HostMethods>, path: string): Promise<void> {
  try {
    await peer.ask('openPath', path);
  } catch (error) {
    if (error instanceof RemoteFailure) throw new AppFailure({ kind: 'conflict', message: error.message });
    throw error;
  }
}
