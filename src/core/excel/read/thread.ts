/**
 * The reader in a worker thread with a memory ceiling: the import opens, reads the head of and
 * streams the rows of a file through `openReader`, whose calls mirror index.ts's. A file that
 * makes the reader run past the ceiling ends its own job with a message; the thread that answers
 * the window never holds the file's XML, and keeps answering while the file is read.
 *
 * One worker is kept between jobs (an analysis and the preview after it read the same file, and
 * the reader keeps the last file's shared strings), and let go after a minute without work.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppFailure, type AppError } from '../../../shared/errors';
import { importProblem, problems } from './problems';
import type { OpenedSource, ReadRowsOptions, SheetHead, SourceRow } from './types';

/** The heap a reader may use. Far above what a real list needs (100,000 rows: about 100 MB). */
export const READER_MEMORY_MB = 512;
/** An idle worker is let go after this long. */
const IDLE_MS = 60_000;

type RowsOptions = Pick<ReadRowsOptions, 'fromRow' | 'batchRows' | 'columns'>;

export type ReaderRequest =
  | { op: 'open'; path: string; fileName: string }
  | { op: 'head'; path: string; source: OpenedSource; sheet: string; rows: number }
  | { op: 'rows'; path: string; source: OpenedSource; sheet: string; options: RowsOptions }
  | { op: 'next' };

export type ReaderReply =
  | { ok: true; value: unknown }
  | { ok: false; error: AppError }
  | { ok: false; unexpected: { message: string; stack: string } };

/**
 * Where the worker's code is. Run from the sources (tests, the web host and scripts under tsx),
 * it is readerWorker.ts, loaded through tsx; built by electron-vite, it is readerWorker.js beside
 * the chunk this code is in (electron.vite.config.ts keeps all of main's chunks in one folder).
 */
function workerEntry(): { url: URL; execArgv: string[] } {
  if (!import.meta.url.endsWith('.ts')) return { url: new URL('./readerWorker.js', import.meta.url), execArgv: [] };
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  return { url: new URL('./readerWorker.ts', import.meta.url), execArgv: ['--import', tsx] };
}

/**
 * Batches of rows asked for before the one being checked is done: the worker sends each as soon as
 * it is read, so the window's thread finds the next waiting instead of asking and waiting for the
 * worker to finish the piece of the sheet it is in the middle of.
 */
const ROWS_ASKED_AHEAD = 4;

/** One worker thread and the requests it is answering: one at a time, or several `next` in a row (answered in order). */
class ReaderWorker {
  private readonly worker: Worker;
  private pending: { resolve: (value: unknown) => void; reject: (error: unknown) => void }[] = [];
  /** Why the worker stopped, once it has. */
  private ended: Error | null = null;
  private idleTimer: NodeJS.Timeout | null = null;
  /** The file being read, for the message when the worker runs out of memory. */
  fileName = '';

  constructor(readonly memoryMb: number) {
    const entry = workerEntry();
    this.worker = new Worker(entry.url, {
      execArgv: entry.execArgv,
      resourceLimits: { maxOldGenerationSizeMb: memoryMb, maxYoungGenerationSizeMb: 32 },
    });
    this.worker.on('message', (reply: ReaderReply) => this.settle(reply));
    this.worker.on('error', (error: Error) => this.end(this.failureOf(error)));
    this.worker.on('messageerror', (error) => this.end(error));
    this.worker.on('exit', (code) => this.end(new Error(`the reader's worker stopped (exit code ${code})`)));
  }

  get alive(): boolean {
    return this.ended === null;
  }

  request(message: ReaderRequest): Promise<unknown> {
    if (this.ended !== null) return Promise.reject(this.ended);
    if (this.pending.length > 0 && message.op !== 'next') return Promise.reject(new Error('the reader is answering another request'));
    return new Promise((resolve, reject) => {
      this.pending.push({ resolve, reject });
      this.worker.postMessage(message);
    });
  }

  /** Stops the worker; what it was answering fails with `reason`. */
  stop(reason: Error): void {
    this.end(reason);
    void this.worker.terminate();
  }

  /** Kept for the next job, and stopped if none comes within a minute. */
  rest(onExpired: () => void): void {
    // Resting, it does not keep the process alive; answering, it does (see wake).
    this.worker.unref();
    this.idleTimer = setTimeout(() => {
      onExpired();
      this.stop(new Error('the reader was idle'));
    }, IDLE_MS);
    this.idleTimer.unref();
  }

  wake(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    if (this.ended === null) this.worker.ref();
  }

  private settle(reply: ReaderReply): void {
    const pending = this.pending.shift();
    if (!pending) return;
    if (reply.ok) pending.resolve(reply.value);
    else if ('error' in reply) pending.reject(new AppFailure(reply.error));
    else {
      const error = new Error(reply.unexpected.message);
      error.stack = reply.unexpected.stack;
      pending.reject(error);
    }
  }

  private failureOf(error: Error): Error {
    if ((error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY') {
      return importProblem(problems.tooMuchMemory(this.fileName, this.memoryMb));
    }
    return error;
  }

  private end(reason: Error): void {
    if (this.ended === null) this.ended = reason;
    this.wake();
    const pending = this.pending;
    this.pending = [];
    for (const request of pending) request.reject(this.ended);
  }
}

/** The worker kept between jobs. */
let resting: ReaderWorker | null = null;

export interface Reader {
  openSource(path: string, fileName: string): Promise<OpenedSource>;
  readHead(path: string, source: OpenedSource, sheet: string, rows?: number): Promise<SheetHead>;
  /** As index.ts's readRows: batches of rows, progress in bytes, stopped by `options.signal`. */
  readRows(path: string, source: OpenedSource, sheet: string, options: ReadRowsOptions): AsyncGenerator<SourceRow[]>;
  /** Ends the job's use of the reader; call it when done, also after a failure. */
  close(): void;
}

/**
 * A reader for one job. `signal` (the job's Hủy) stops the worker at once, even in the middle of
 * a part; `memoryMb` is the heap the worker may use.
 */
export function openReader({ signal, memoryMb = READER_MEMORY_MB }: { signal?: AbortSignal; memoryMb?: number } = {}): Reader {
  let worker: ReaderWorker | null = null;
  /** A stream left before its end leaves the worker mid-read: it is not kept. */
  let streaming = false;
  const onAbort = () => worker?.stop(signal?.reason instanceof Error ? signal.reason : new Error('cancelled'));
  signal?.addEventListener('abort', onAbort, { once: true });

  const acquire = (fileName: string): ReaderWorker => {
    signal?.throwIfAborted();
    if (!worker?.alive) {
      if (resting?.alive && resting.memoryMb === memoryMb) {
        worker = resting;
        worker.wake();
      } else worker = new ReaderWorker(memoryMb);
      if (worker === resting) resting = null;
    }
    worker.fileName = fileName;
    return worker;
  };

  return {
    async openSource(path, fileName) {
      return (await acquire(fileName).request({ op: 'open', path, fileName })) as OpenedSource;
    },
    async readHead(path, source, sheet, rows = 40) {
      return (await acquire(source.fileName).request({ op: 'head', path, source, sheet, rows })) as SheetHead;
    },
    async *readRows(path, source, sheet, options) {
      const reader = acquire(source.fileName);
      const { fromRow, batchRows, columns } = options;
      streaming = true;
      await reader.request({ op: 'rows', path, source, sheet, options: { fromRow, batchRows, columns } });
      const asked: Promise<{ batch: SourceRow[]; read: number; total: number } | null>[] = [];
      const ask = () => {
        const next = reader.request({ op: 'next' }) as Promise<{ batch: SourceRow[]; read: number; total: number } | null>;
        // Left unread when the read fails or is left: its failure is the one already thrown.
        next.catch(() => undefined);
        asked.push(next);
      };
      while (asked.length < ROWS_ASKED_AHEAD) ask();
      for (;;) {
        options.signal?.throwIfAborted();
        const next = await asked.shift();
        if (!next) break;
        ask();
        // A batch already here comes without a turn of the event loop: the window's questions get one.
        await new Promise((resolve) => setImmediate(resolve));
        options.onProgress?.(next.read, next.total);
        yield next.batch;
      }
      // The answers to what was asked past the end (none), so the worker is left with nothing to send.
      await Promise.all(asked);
      streaming = false;
    },
    close() {
      signal?.removeEventListener('abort', onAbort);
      const done = worker;
      worker = null;
      if (!done?.alive) return;
      if (streaming || signal?.aborted === true || memoryMb !== READER_MEMORY_MB) {
        done.stop(new Error('the reader was closed'));
        return;
      }
      resting?.stop(new Error('another reader rests'));
      resting = done;
      done.rest(() => {
        if (resting === done) resting = null;
      });
    },
  };
}
