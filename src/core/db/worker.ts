/**
 * SQL run on a connection of its own in a worker thread, for work on a whole database file that
 * takes seconds (the full check of a backup, the checkpoint after a long write): the core's thread
 * keeps answering the window meanwhile.
 *
 * The worker is given as source text, not as a module file: a file of its own would have to be
 * found again under tsx, in the test runner and in the built app alike. It only runs the
 * statements it is given; what they mean is decided by the caller.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** One statement's rows (as arrays), or why it failed. */
export type Outcome = { rows: unknown[][] } | { error: string; code?: string };

const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
let db = null;
try {
  const Database = require(workerData.driver);
  db = new Database(workerData.file, { readonly: workerData.readonly, fileMustExist: true });
  parentPort.postMessage(workerData.statements.map((sql) => {
    try {
      return { rows: db.prepare(sql).raw().all() };
    } catch (error) {
      return { error: String(error && error.message), code: error && error.code };
    }
  }));
} catch (error) {
  parentPort.postMessage(workerData.statements.map(() => ({ error: String(error && error.message), code: error && error.code })));
} finally {
  try {
    if (db) db.close();
  } finally {
    Atomics.store(workerData.closed, 0, 1);
    Atomics.notify(workerData.closed, 0);
  }
}
`;

const driver = createRequire(import.meta.url).resolve('better-sqlite3');

/** Work started in a worker thread (`startInWorker`). */
export interface WorkerRun {
  /** Each statement's rows or failure, in order. */
  outcomes: Promise<Outcome[]>;
  /**
   * Blocks the calling thread until the worker has closed its connection, at most `timeoutMs`:
   * for a caller that must not return while the file is still open elsewhere (closing the app).
   */
  waitClosed(timeoutMs: number): void;
}

/** Runs `statements` in order against `file` in a worker thread; each gives its rows or its failure. */
export function startInWorker(file: string, statements: readonly string[], { readonly }: { readonly: boolean }): WorkerRun {
  // Set by the worker once its connection is closed, readable while this thread is blocked.
  const closed = new Int32Array(new SharedArrayBuffer(4));
  // A worker that never started, or is gone, has nothing open: nobody waits for it.
  let gone = false;
  const outcomes = new Promise<Outcome[]>((resolve, reject) => {
    const worker = new Worker(workerSource, { eval: true, workerData: { driver, file, statements, readonly, closed } });
    let answered = false;
    worker.once('message', (answer: Outcome[]) => {
      answered = true;
      resolve(answer);
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      gone = true;
      if (!answered) reject(new Error(`The worker on ${file} stopped with code ${code}`));
    });
  }).catch((error: unknown) => {
    gone = true;
    throw error;
  });
  return {
    outcomes,
    waitClosed: (timeoutMs) => {
      if (!gone) Atomics.wait(closed, 0, 0, timeoutMs);
    },
  };
}

export function runInWorker(file: string, statements: readonly string[], options: { readonly: boolean }): Promise<Outcome[]> {
  return startInWorker(file, statements, options).outcomes;
}
