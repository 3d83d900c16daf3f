/**
 * SQL run on a connection of its own in a worker thread, for work on a whole database file that
 * takes seconds (the copy and full check of a backup, the checkpoint after a long write): the
 * core's thread keeps answering the window, and goes on with its own work, meanwhile.
 *
 * The worker is given as source text, not as a module file: a file of its own would have to be
 * found again under tsx, in the test runner and in the built app alike. It only copies a database
 * and runs the statements it is given; what they mean is decided by the caller.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** One statement's rows (as arrays), or why it failed. */
export type Outcome = { rows: unknown[][] } | { error: string; code?: string };

/** What the worker answers: each statement's outcome, or why the copy it was asked for failed. */
type Answer = { outcomes: Outcome[] } | { copyFailed: { error: string; code?: string } };

const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
/** A failure as an Outcome says it. */
const failure = (error) => ({ error: String(error && error.message), code: error && error.code });

/**
 * The online backup of copyFrom into file, made a single file (no write-ahead log) to be read alone.
 * It copies in one read transaction: the data as committed when it began. Without one, each write
 * committed meanwhile by another connection (a person's save) would start the copy over, and saves
 * a few seconds apart would keep a large file from ever being copied.
 */
async function copy() {
  const source = new Database(workerData.copyFrom, { readonly: true, fileMustExist: true });
  try {
    source.exec('BEGIN');
    source.prepare('SELECT count(*) FROM sqlite_master').get();
    await source.backup(workerData.file);
  } finally {
    source.close();
  }
  makeSingleFile();
}

/** The file in rollback-journal mode, a single file read alone as every backup is. */
function makeSingleFile() {
  const db = new Database(workerData.file, { fileMustExist: true });
  try {
    db.pragma('journal_mode = DELETE');
  } finally {
    db.close();
  }
}

function run() {
  let db = null;
  try {
    // A file too damaged for even that fails every statement: a finding of the check, never an error thrown.
    if (workerData.singleFile) makeSingleFile();
    db = new Database(workerData.file, { readonly: workerData.readonly, fileMustExist: true });
    return workerData.statements.map((sql) => {
      try {
        return { rows: db.prepare(sql).raw().all() };
      } catch (error) {
        return failure(error);
      }
    });
  } catch (error) {
    return workerData.statements.map(() => failure(error));
  } finally {
    if (db) db.close();
  }
}

(async () => {
  try {
    if (workerData.copyFrom) {
      try {
        await copy();
      } catch (error) {
        parentPort.postMessage({ copyFailed: failure(error) });
        return;
      }
    }
    parentPort.postMessage({ outcomes: run() });
  } finally {
    Atomics.store(workerData.closed, 0, 1);
    Atomics.notify(workerData.closed, 0);
  }
})();
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

export interface WorkerOptions {
  readonly: boolean;
  /** The database to copy into `file` first (SQLite's online backup), made a single file. */
  copyFrom?: string;
  /** `file`, from elsewhere, made a single file first: failing that fails every statement. */
  singleFile?: boolean;
}

/**
 * Runs `statements` in order against `file` in a worker thread; each gives its rows or its failure.
 * With `copyFrom`, `file` is first made a copy of that database by SQLite's online backup (a
 * failure of the copy fails `outcomes` with SQLite's error and code): the copy holds what was
 * committed when it began, whatever is written meanwhile.
 */
export function startInWorker(file: string, statements: readonly string[], { readonly, copyFrom, singleFile = false }: WorkerOptions): WorkerRun {
  // Set by the worker once its connections are closed, readable while this thread is blocked.
  const closed = new Int32Array(new SharedArrayBuffer(4));
  // A worker that never started, or is gone, has nothing open: nobody waits for it.
  let gone = false;
  const outcomes = new Promise<Outcome[]>((resolve, reject) => {
    const worker = new Worker(workerSource, { eval: true, workerData: { driver, file, statements, readonly, copyFrom, singleFile, closed } });
    let answered = false;
    worker.once('message', (answer: Answer) => {
      answered = true;
      if ('outcomes' in answer) resolve(answer.outcomes);
      else reject(Object.assign(new Error(answer.copyFailed.error), { code: answer.copyFailed.code }));
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

export function runInWorker(file: string, statements: readonly string[], options: WorkerOptions): Promise<Outcome[]> {
  return startInWorker(file, statements, options).outcomes;
}
