/**
 * What the host and the core ask each other. The core answers the host's calls of the contract
 * and manages the opened data file; the host does for the core what only it can (in the desktop
 * app: open a file with the system's viewer).
 */
import type { Result } from '../../shared/errors';
import type { JobsOnClose } from '../jobs';

/** How the core opens its data file; all of it crosses a process boundary, so no functions. */
export interface CoreOpenOptions {
  databaseFile: string;
  /** The folder holding `drizzle/` and `resources/`: the repository, or the packaged app. */
  appRoot: string;
  appVersion: string;
  /**
   * For end-to-end tests: "now" is the ISO time written in this file, read at each call; absent
   * or empty file, the real time.
   */
  clockFile?: string;
  /** The host can open files with the system's viewer (`HostMethods.openPath`). */
  desktop: boolean;
  /** For end-to-end tests: at most one automatic backup per this many ms, instead of 15 minutes. */
  autoBackupIntervalMs?: number;
}

export interface OpenedCore {
  /** Where the copy taken before a schema update went, if one was taken on this opening. */
  backupFile: string | null;
  /** Why the file is open read-only (damaged, or held by another app), for the host to say. */
  readOnlyReason: string | null;
}

export type CoreMethods = {
  open(options: CoreOpenOptions): OpenedCore;
  call(channel: unknown, input: unknown): Promise<Result<unknown>>;
  /** How many jobs (imports, exports) are running now. */
  runningJobs(): number;
  /** Ends or waits for the running jobs, refusing new ones, then closes the database. */
  close(jobs: JobsOnClose): Promise<void>;
};

export type HostMethods = {
  /** Opens a file of the data folder with the system's viewer; fails with a message for the person. */
  openPath(path: string): Promise<void>;
};

/** What a call meets when no data file is open (between two files, or after a failed opening). */
export const NOT_OPEN_MESSAGE = 'Chưa mở tệp dữ liệu nào. Hãy mở một tệp dữ liệu rồi thử lại.';
