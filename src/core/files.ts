/**
 * The app's own folders beside its database, and the staging area where uploads and exports wait
 * between calls. Paths are only ever built here, from ids the backend made, never from a path the
 * window sent.
 */
import { randomUUID } from 'node:crypto';
import { appendFileSync, closeSync, mkdirSync, openSync, readdirSync, readSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { FILE_CHUNK_BYTES, type FileChunk, type filesContract } from '../shared/contracts/files';
import { notFound, validationFailure } from '../shared/errors';
import type { Context } from './context';
import type { HandlersFor } from './handlerTypes';

/** An upload larger than this is refused: no list an office keeps comes near it. */
const MAX_UPLOAD_BYTES = 300 * 1024 * 1024;

function stagingDir(ctx: Pick<Context, 'dataDir'>): string {
  return join(ctx.dataDir, 'staging');
}

/** A file name safe to keep: no folders, no control characters, not empty. */
export function safeFileName(name: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  const cleaned = basename(name.replace(/\\/g, '/')).replace(/[\u0000-\u001f<>:"|?*]/g, '_').trim();
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? 'tep' : cleaned;
}

/** Creates an empty staged file and returns its id and path. */
export function stageFile(ctx: Pick<Context, 'dataDir'>, fileName: string): { fileId: string; path: string } {
  const fileId = randomUUID();
  const dir = join(stagingDir(ctx), fileId);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, safeFileName(fileName));
  closeSync(openSync(path, 'w'));
  return { fileId, path };
}

/** The staged file of an id, with the name it was given. */
export function stagedFile(ctx: Pick<Context, 'dataDir'>, fileId: string): { path: string; fileName: string } {
  const dir = join(stagingDir(ctx), basename(fileId));
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    throw notFound('Không tìm thấy tệp đã gửi; có thể ứng dụng đã khởi động lại. Hãy chọn lại tệp.');
  }
  const fileName = names[0];
  if (fileName === undefined) throw notFound('Không tìm thấy tệp đã gửi. Hãy chọn lại tệp.');
  return { path: join(dir, fileName), fileName };
}

/** Reads one chunk of any file the backend chose (a staged export, an attachment). */
export function readChunk(path: string, fileName: string, offset: number): FileChunk {
  const size = statSync(path).size;
  const length = Math.max(0, Math.min(FILE_CHUNK_BYTES, size - offset));
  const buffer = Buffer.alloc(length);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, buffer, 0, length, offset);
  } finally {
    closeSync(fd);
  }
  const next = offset + length;
  return { fileName, chunk: buffer.toString('base64'), size, nextOffset: next < size ? next : null };
}

/** Staged files live only as long as the process: anything left from an earlier run is removed. */
export function clearStaging(ctx: Pick<Context, 'dataDir'>): void {
  rmSync(stagingDir(ctx), { recursive: true, force: true });
}

export const filesHandlers: HandlersFor<typeof filesContract> = {
  'files:begin': (ctx, { fileName }) => ({ fileId: stageFile(ctx, fileName).fileId }),
  'files:append': (ctx, { fileId, chunk }) => {
    const { path } = stagedFile(ctx, fileId);
    const bytes = Buffer.from(chunk, 'base64');
    const size = statSync(path).size + bytes.length;
    if (size > MAX_UPLOAD_BYTES) {
      throw validationFailure([{ path: 'chunk', message: 'Tệp lớn hơn 300 MB; HTX Desk không nhận tệp lớn như vậy.' }]);
    }
    appendFileSync(path, bytes);
    return { size };
  },
  'files:read': (ctx, { fileId, offset }) => {
    const { path, fileName } = stagedFile(ctx, fileId);
    return readChunk(path, fileName, offset);
  },
};
