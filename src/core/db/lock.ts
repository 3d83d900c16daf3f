/**
 * One app per data file: a lock file beside the database (`htx-desk.sqlite.khoa`) says which
 * computer and which process have it open, and since when. A second app that finds it opens the
 * file read-only and says who holds it. The lock of a process that is gone from this computer
 * (the app crashed, the machine lost power) is stale and taken over; a lock from another computer
 * (a file on a shared folder) can only be judged by the person, so it is kept.
 */
import { linkSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';

export interface LockHolder {
  /** The computer's name, as the operating system gives it. */
  host: string;
  pid: number;
  /** When it opened the file, ISO. */
  since: string;
}

export type LockAttempt = { held: true; release: () => void } | { held: false; holder: LockHolder };

export function lockFileOf(databaseFile: string): string {
  return `${databaseFile}.khoa`;
}

function readHolder(lockFile: string): LockHolder | null {
  try {
    const parsed = JSON.parse(readFileSync(lockFile, 'utf8')) as Partial<LockHolder>;
    if (typeof parsed.host !== 'string' || typeof parsed.pid !== 'number' || typeof parsed.since !== 'string') return null;
    return { host: parsed.host, pid: parsed.pid, since: parsed.since };
  } catch {
    return null;
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function isStale(holder: LockHolder | null): boolean {
  // A lock without a readable holder was left by a writer that died before it finished the file:
  // the file is written whole before it is linked into place, so a live holder is always readable.
  if (holder === null) return true;
  return holder.host === hostname() && !processAlive(holder.pid);
}

/**
 * Puts the lock file in place unless one is there. A link fails when the lock file exists, so of
 * two apps starting at once exactly one gets it, and nobody reads a half-written one; a disk that
 * has no links (a FAT USB stick) gets an exclusive create instead.
 */
function place(draft: string, lockFile: string, content: string): boolean {
  try {
    linkSync(draft, lockFile);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
  }
  try {
    writeFileSync(lockFile, content, { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/** Tries to take the lock of a database file. */
export function takeLock(databaseFile: string, now: Date): LockAttempt {
  const lockFile = lockFileOf(databaseFile);
  const mine: LockHolder = { host: hostname(), pid: process.pid, since: now.toISOString() };
  const content = JSON.stringify({ app: 'HTX Desk', ...mine });
  const draft = `${lockFile}.${process.pid}.${Date.now()}`;
  writeFileSync(draft, content);
  try {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      if (place(draft, lockFile, content)) {
        return {
          held: true,
          release: () => {
            const current = readHolder(lockFile);
            if (current?.pid === mine.pid && current.since === mine.since && current.host === mine.host) rmSync(lockFile, { force: true });
          },
        };
      }
      const holder = readHolder(lockFile);
      if (!isStale(holder)) return { held: false, holder: holder as LockHolder };
      rmSync(lockFile, { force: true });
    }
    const holder = readHolder(lockFile);
    if (holder) return { held: false, holder };
    throw new Error(`Could not take the lock ${lockFile}`);
  } finally {
    rmSync(draft, { force: true });
  }
}
