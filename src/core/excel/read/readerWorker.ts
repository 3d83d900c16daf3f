/**
 * Runs in a worker thread (see thread.ts): the reader's three calls — open a file, read the head
 * of a sheet, stream its rows — answered one request at a time over the thread's port. Whatever a
 * hostile file makes the reader do, it does here, under the thread's memory ceiling, while the
 * thread that answers the window goes on answering.
 */
import { parentPort } from 'node:worker_threads';
import { AppFailure } from '../../../shared/errors';
import { openSource, readHead, readRows } from './index';
import type { ReaderReply, ReaderRequest } from './thread';
import type { SourceRow } from './types';

const port = parentPort;
if (!port) throw new Error('readerWorker.ts runs only as a worker thread');

/**
 * Batches read ahead while the window's thread checks the ones before: several, so that a stretch
 * of the sheet slow to read (a piece of the shared strings parsed on the way, a chunk inflated)
 * is read while that thread still has rows to check, not while it waits. A few megabytes at most.
 */
const READ_AHEAD = 4;

let rows: AsyncGenerator<SourceRow[]> | null = null;
/** The batches asked of `rows` and not yet given, in order, each with the progress when it was read. */
let ahead: Promise<{ next: IteratorResult<SourceRow[]>; read: number; total: number }>[] = [];
let progress = { read: 0, total: 0 };

/** Asks `rows` for batches until READ_AHEAD are on their way. */
function readAhead(): void {
  const source = rows;
  if (!source) return;
  while (ahead.length < READ_AHEAD) {
    const batch = source.next().then((next) => ({ next, ...progress }));
    // A failure of a read ahead belongs to the request that takes its batch, not to this one.
    batch.catch(() => undefined);
    ahead.push(batch);
  }
}

async function answer(request: ReaderRequest): Promise<unknown> {
  switch (request.op) {
    case 'open':
      return openSource(request.path, request.fileName);
    case 'head':
      return readHead(request.path, request.source, request.sheet, request.rows);
    case 'rows':
      progress = { read: 0, total: 0 };
      rows = readRows(request.path, request.source, request.sheet, {
        ...request.options,
        onProgress: (read, total) => (progress = { read, total }),
      });
      ahead = [];
      readAhead();
      return null;
    case 'next': {
      const first = ahead.shift();
      // Asked past the end: the window's thread asks for a few batches ahead.
      if (!rows || !first) return null;
      const { next, read, total } = await first;
      if (next.done === true) {
        rows = null;
        ahead = [];
        return null;
      }
      readAhead();
      return { batch: next.value, read, total };
    }
  }
}

function failureOf(error: unknown): ReaderReply {
  if (error instanceof AppFailure) return { ok: false, error: error.error };
  const unexpected = error instanceof Error ? error : new Error(String(error));
  return { ok: false, unexpected: { message: unexpected.message, stack: unexpected.stack ?? '' } };
}

port.on('message', (request: ReaderRequest) => {
  answer(request).then(
    (value) => port.postMessage({ ok: true, value } satisfies ReaderReply),
    (error: unknown) => port.postMessage(failureOf(error)),
  );
});
