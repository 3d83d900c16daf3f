/**
 * Files attached to a record (the scans of a signed agreement, of a signed plan): an upload staged
 * by files:begin/append is checked and moved into `<data folder>/<folder>/<the record's id>/`, and
 * read, opened or removed from there only. The row may come from a data file made elsewhere, so a
 * stored name is taken only when it has exactly that shape. The tables that list the files belong
 * to each record's service.
 */
import { renameSync, rmSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { attachmentMediaTypes, MAX_ATTACHMENT_BYTES } from '../shared/contracts/agreements';
import { conflict, notFound, validationFailure } from '../shared/errors';
import type { Context } from './context';
import { discardStaged, diskFileName, fileInDataDir, folderInDataDir, nameTaken, removeFileInDataDir, stagedFile, UnsafePath } from './files';

/** Where one record's attachments live, and how a message names the record. */
export interface AttachmentPlace {
  /** The folder of this kind of record in the data folder: `dinh-kem`, `ke-hoach`. */
  folder: string;
  ownerId: number;
  /** "thỏa thuận", "kế hoạch". */
  noun: string;
}

/** `biên bản.pdf`, then `biên bản (2).pdf`, … : the first name not taken in the folder. */
function freeName(folder: string, fileName: string): string {
  const safe = diskFileName(fileName);
  const extension = extname(safe);
  const stem = safe.slice(0, safe.length - extension.length);
  let candidate = safe;
  for (let copy = 2; nameTaken(folder, candidate); copy += 1) candidate = `${stem} (${copy})${extension}`;
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

/** Checks an uploaded file (type, size) and moves it into the record's folder. */
export function keepStagedFile(ctx: Context, fileId: string, place: AttachmentPlace): KeptFile {
  const staged = stagedFile(ctx, fileId);
  const extension = extname(staged.fileName).slice(1).toLowerCase();
  // An own key only: `x.constructor` must not find Object's constructor.
  const mediaType = Object.hasOwn(attachmentMediaTypes, extension) ? attachmentMediaTypes[extension] : undefined;
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
  let folder: string;
  try {
    folder = folderInDataDir(ctx, [place.folder, String(place.ownerId)]);
  } catch (error) {
    if (error instanceof UnsafePath) {
      throw conflict(
        `Thư mục tệp đính kèm (${place.folder}) trong thư mục dữ liệu đã bị thay bằng một lối tắt hay một tệp; HTX Desk không ghi vào đó. Hãy kiểm tra thư mục dữ liệu.`,
      );
    }
    throw error;
  }
  const name = freeName(folder, staged.fileName);
  const path = join(folder, name);
  // The staging area is inside the data folder, so this is a rename on one disk, not a copy.
  renameSync(staged.path, path);
  discardStaged(ctx, fileId);
  return { fileName: staged.fileName, storedName: [place.folder, String(place.ownerId), name].join('/'), size, mediaType, path };
}

/** Removes a kept file that could not be recorded: a file no row points to would never be found again. */
export function forgetKeptFile(kept: KeptFile): void {
  rmSync(kept.path, { force: true });
}

/** The parts of a stored name, which must be `<folder>/<its owner>/<a name>`; null otherwise. */
function attachmentParts(storedName: string, place: AttachmentPlace): string[] | null {
  const parts = storedName.split('/');
  return parts.length === 3 && parts[0] === place.folder && parts[1] === String(place.ownerId) ? parts : null;
}

/** The checked path of an attachment's file, or a message saying why it cannot be given. */
export function attachedFilePath(ctx: Context, row: { storedName: string; fileName: string }, place: AttachmentPlace): string {
  const parts = attachmentParts(row.storedName, place);
  try {
    if (!parts) throw new UnsafePath('outside');
    return fileInDataDir(ctx, parts);
  } catch (error) {
    if (!(error instanceof UnsafePath)) throw error;
    if (error.reason === 'missing') {
      throw notFound(`Tệp «${row.fileName}» không còn trong thư mục dữ liệu (${place.folder}); có thể đã bị xóa ngoài ứng dụng.`);
    }
    throw conflict(
      `Tệp đính kèm «${row.fileName}» không nằm trong thư mục đính kèm của ${place.noun} này (hoặc là một lối tắt tới nơi khác), ` +
        'nên HTX Desk không đọc và không mở nó. Có thể tệp dữ liệu đã bị sửa ngoài ứng dụng; hãy xóa tệp đính kèm này và đính kèm lại bản chụp.',
    );
  }
}

/**
 * Removes an attachment's file when it is where an attachment's file must be. A stored name that
 * points elsewhere (a data file made outside the app) is left alone: nothing outside the record's
 * folder is ever deleted.
 */
export function removeAttachedFile(ctx: Context, storedName: string, place: AttachmentPlace): void {
  const parts = attachmentParts(storedName, place);
  try {
    if (parts) removeFileInDataDir(ctx, parts);
  } catch (error) {
    if (!(error instanceof UnsafePath)) throw error;
  }
}
