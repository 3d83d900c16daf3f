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

let rows: AsyncGenerator<SourceRow[]> | null = null;
/** The next batch, read while the window's thread checks the one before. */
let ahead: Promise<IteratorResult<SourceRow[]>> | null = null;
let progress = { read: 0, total: 0 };

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
      ahead = rows.next();
      return null;
    case 'next': {
      if (!rows || !ahead) throw new Error('no rows are being read');
      const next = await ahead;
      if (next.done === true) {
        rows = null;
        ahead = null;
        return null;
      }
      const batch = { batch: next.value, ...progress };
      ahead = rows.next();
      // A failure of the read ahead belongs to the next request, not to this one.
      ahead.catch(() => undefined);
      return batch;
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
