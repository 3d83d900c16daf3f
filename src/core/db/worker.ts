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
const Database = require(workerData.driver);
let db = null;
try {
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
  if (db) db.close();
}
`;

const driver = createRequire(import.meta.url).resolve('better-sqlite3');

/** Runs `statements` in order against `file` in a worker thread; each gives its rows or its failure. */
export function runInWorker(file: string, statements: readonly string[], { readonly }: { readonly: boolean }): Promise<Outcome[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerSource, { eval: true, workerData: { driver, file, statements, readonly } });
    let answered = false;
    worker.once('message', (outcomes: Outcome[]) => {
      answered = true;
      resolve(outcomes);
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (!answered) reject(new Error(`The worker on ${file} stopped with code ${code}`));
    });
  });
}
