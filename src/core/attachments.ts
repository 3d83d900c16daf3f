/**
 * Files attached to a record (the scans of a signed agreement, of a signed plan): an upload staged
 * by files:begin/append is checked and moved into a folder of the data folder named after the
 * record, and read back from there. The tables that list them belong to each record's service.
 */
import { existsSync, mkdirSync, renameSync, rmdirSync, statSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { attachmentMediaTypes, MAX_ATTACHMENT_BYTES } from '../shared/contracts/agreements';
import { notFound, validationFailure } from '../shared/errors';
import type { Context } from './context';
import { safeFileName, stagedFile } from './files';

/** `biên bản.pdf`, then `biên bản (2).pdf`, … : the first name not taken in the folder. */
function freeName(folder: string, fileName: string): string {
  const safe = safeFileName(fileName);
  const extension = extname(safe);
  const stem = safe.slice(0, safe.length - extension.length);
  let candidate = safe;
  for (let copy = 2; existsSync(join(folder, candidate)); copy += 1) candidate = `${stem} (${copy})${extension}`;
  return candidate;
}

function megabytes(bytes: number): string {
  return `${new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }).format(bytes / 1024 / 1024)} MB`;
}

export interface KeptFile {
  fileName: string;
  /** Relative to the data folder, with '/' between its parts. */
  storedName: string;
  size: number;
  mediaType: string;
  /** Where it now lies, to remove it again if recording it fails. */
  path: string;
}

/** Checks an uploaded file (type, size) and moves it into `<data folder>/<folder…>/`. */
export function keepStagedFile(ctx: Context, fileId: string, folder: readonly string[]): KeptFile {
  const staged = stagedFile(ctx, fileId);
  const mediaType = attachmentMediaTypes[extname(staged.fileName).slice(1).toLowerCase()];
  if (mediaType === undefined) {
    throw validationFailure([
      {
        path: 'fileId',
        message: `Tệp «${staged.fileName}» không phải loại được đính kèm. Hãy đính kèm bản chụp (PDF, JPG, PNG…) hoặc văn bản Word, Excel.`,
      },
    ]);
  }
  const size = statSync(staged.path).size;
  if (size > MAX_ATTACHMENT_BYTES) {
    throw validationFailure([
      {
        path: 'fileId',
        message: `Tệp «${staged.fileName}» nặng ${megabytes(size)}, quá giới hạn ${megabytes(MAX_ATTACHMENT_BYTES)} của tệp đính kèm. Hãy chụp lại với độ phân giải thấp hơn hoặc chia thành nhiều tệp.`,
      },
    ]);
  }
  const directory = join(ctx.dataDir, ...folder);
  mkdirSync(directory, { recursive: true });
  const name = freeName(directory, staged.fileName);
  const path = join(directory, name);
  // The staging area is inside the data folder, so this is a rename on one disk, not a copy.
  renameSync(staged.path, path);
  rmdirSync(dirname(staged.path));
  return { fileName: staged.fileName, storedName: [...folder, name].join('/'), size, mediaType, path };
}

/** The file of an attachment: built here only, from the stored name the backend chose. */
export function storedPath(ctx: Context, storedName: string): string {
  return join(ctx.dataDir, ...storedName.split('/'));
}

/** The file of an attachment, or a plain message when it was removed outside the app. */
export function existingStoredFile(ctx: Context, row: { storedName: string; fileName: string }): string {
  const path = storedPath(ctx, row.storedName);
  if (!existsSync(path)) {
    const folder = row.storedName.split('/')[0] ?? '';
    throw notFound(`Tệp «${row.fileName}» không còn trong thư mục dữ liệu (${folder}); có thể đã bị xóa ngoài ứng dụng.`);
  }
  return path;
}
