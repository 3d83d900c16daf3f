/**
 * Long writes — the commit of an import of 100,000 rows, the undo of one — run as one transaction
 * on a connection of their own, in steps with a turn of the event loop between them. Meanwhile the
 * app keeps answering the window on its own connection, whose reads see the data as it was until
 * the whole commits; a cancel or a failure rolls all of it back.
 *
 * A write through the app's connection cannot take the lock meanwhile, and waiting for it would
 * block the very thread the long transaction needs to finish: while one runs, such a write is
 * refused at once (busy timeout 0) and `busyFailure` says why.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import type Database from 'better-sqlite3';
import { AppFailure } from '../shared/errors';
import type { Context } from './context';
import { requireWritable } from './db/health';
import { BUSY_TIMEOUT_MS, openConnection } from './db/open';
import { startInWorker } from './db/worker';
import type { TrailingWork } from './jobs';

/** Work done between two turns of the event loop: short enough that the window never waits long. */
const STEP_MS = 25;

/** Pages the transaction may keep in memory (64 MiB) before spilling them to the write-ahead log. */
const CACHE_KIB = 65_536;

export interface LongTransaction {
  /** The app's context with the transaction's connection: services called with it write inside it. */
  ctx: Context;
  /** Lets the app answer the window; cheap to call after every row, it yields once a step is long enough. */
  pause: () => Promise<void>;
}

/**
 * A `pause` for long work on the core's thread: cheap to call after every row, it yields to the
 * event loop once a step is long enough, so the window's questions are answered meanwhile.
 */
export function stepper(): () => Promise<void> {
  let stepStarted = performance.now();
  return async () => {
    if (performance.now() - stepStarted < STEP_MS) return;
    await nextTurn();
    stepStarted = performance.now();
  };
}

/** Long transactions running on each app connection, to give it back its busy timeout after the last. */
const running = new WeakMap<Database.Database, number>();

function setRunning(appConnection: Database.Database, change: 1 | -1): void {
  const count = (running.get(appConnection) ?? 0) + change;
  running.set(appConnection, count);
  if (count === 1 && change === 1) appConnection.pragma('busy_timeout = 0');
  if (count === 0) appConnection.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
}

export async function inLongTransaction<T>(ctx: Context, work: (transaction: LongTransaction) => Promise<T>): Promise<T> {
  // Its own connection would write past the read-only one of a damaged file, or of another app's.
  requireWritable(ctx.access);
  const connection = openConnection(ctx.databaseFile);
  const client = connection.db.$client;
  try {
    client.pragma('busy_timeout = 0');
    client.pragma(`cache_size = -${CACHE_KIB}`);
    // Its commit leaves the log to `checkpointInBackground`, not to SQLite's checkpoint at commit.
    client.pragma('wal_autocheckpoint = 0');
    // IMMEDIATE takes the write lock now: a second long write is refused before it does any work.
    client.exec('BEGIN IMMEDIATE');
    setRunning(ctx.db.$client, 1);
    try {
      const result = await work({ ctx: { ...ctx, db: connection.db }, pause: stepper() });
      client.exec('COMMIT');
      ctx.jobs.trail(checkpointInBackground(ctx.databaseFile));
      return result;
    } catch (error) {
      if (client.inTransaction) client.exec('ROLLBACK');
      throw error;
    } finally {
      setRunning(ctx.db.$client, -1);
    }
  } finally {
    connection.close();
  }
}

/** The longest closing the app waits for a checkpoint still running (one of 100,000 rows takes about a second). */
const CHECKPOINT_WAIT_MS = 30_000;

/**
 * Copies what a long transaction wrote from the write-ahead log into the database file, in a
 * worker thread. After an import of 100,000 rows that is a quarter of a gigabyte: done at the
 * commit, as SQLite would, it held the end of the progress bar for most of a second. A checkpoint
 * that fails or meets a busy file loses nothing: the app's connection does it at its next write.
 */
function checkpointInBackground(file: string): TrailingWork {
  const run = startInWorker(file, ['PRAGMA wal_checkpoint(PASSIVE)'], { readonly: false });
  return {
    done: run.outcomes.then(
      () => undefined,
      // As said above: the next write's checkpoint takes it over.
      () => undefined,
    ),
    waitInPlace: () => run.waitClosed(CHECKPOINT_WAIT_MS),
  };
}

/** The refusal a write meets while another connection holds the database for a long write. */
export function busyFailure(error: unknown): AppFailure | null {
  if (!(error instanceof Error) || !('code' in error) || typeof error.code !== 'string' || !error.code.startsWith('SQLITE_BUSY')) return null;
  return new AppFailure({
    kind: 'conflict',
    message: 'Đang lưu một lần nhập dữ liệu từ Excel, nên thay đổi này chưa được ghi. Hãy thử lại khi thanh tiến độ nhập dữ liệu chạy xong; dữ liệu đã lưu không bị ảnh hưởng.',
  });
}
