/**
 * The app's own folders beside its database, and the staging area where uploads and exports wait
 * between calls. Paths are only ever built here, from ids and names the backend made, never from a
 * path the window sent.
 *
 * A data file may come from elsewhere (a copy from another office, a restored backup), and with it
 * whatever its rows say: a stored name such as `dinh-kem/../../etc/passwd`, or a data folder whose
 * sub-folders are links to other places. So every path read, opened or deleted goes through
 * `fileInDataDir`: its parts are checked one by one to be plain names, each folder and the file are
 * looked at without following links, and the resolved path must lie inside the data folder.
 */
import { randomUUID } from 'node:crypto';
import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  realpathSync,
  rmSync,
  writeFileSync,
  writeSync,
  type Stats,
} from 'node:fs';
import { basename, extname, join, relative, sep, isAbsolute } from 'node:path';
import { FILE_CHUNK_BYTES, type FileChunk, type filesContract } from '../shared/contracts/files';
import { conflict, notFound, validationFailure } from '../shared/errors';
import { withoutControlCharacters } from '../shared/text';
import type { Context } from './context';
import type { HandlersFor } from './handlerTypes';

/** An upload larger than this is refused: no list an office keeps comes near it. */
const MAX_UPLOAD_BYTES = 300 * 1024 * 1024;

/** File systems (ext4, APFS, NTFS in UTF-16 units) hold a name of at most 255 bytes. */
const MAX_NAME_BYTES = 255;
/** A name on disk keeps room for the " (12)" added when it is already taken. */
const DISK_NAME_BYTES = MAX_NAME_BYTES - 15;
/** An extension longer than this is not one a person would recognise: it is cut with the rest. */
const MAX_EXTENSION_BYTES = 16;

const STAGING_FOLDER = 'staging';

/** Opening refuses a link; Windows has no O_NOFOLLOW, and there the lstat checks before are what holds. */
const noFollow = (constants as Partial<typeof constants>).O_NOFOLLOW ?? 0;

function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** The longest start of `text` of at most `bytes` UTF-8 bytes, never cutting a character in two. */
function withinBytes(text: string, bytes: number): string {
  if (byteLength(text) <= bytes) return text;
  let kept = '';
  let used = 0;
  for (const char of text) {
    const size = byteLength(char);
    if (used + size > bytes) break;
    kept += char;
    used += size;
  }
  return kept;
}

/** Names Windows keeps for devices: `CON.pdf` can be neither written nor read there. */
const windowsDeviceName = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

/**
 * A file's name as the person sees it: no folders, no control or direction characters, not empty.
 * Its length is the person's (see `diskFileName` for the name on disk).
 */
export function safeFileName(name: string): string {
  const cleaned = basename(withoutControlCharacters(name.normalize('NFC')).replace(/\\/g, '/'))
    .replace(/[\t\n\r]/g, ' ')
    .replace(/[<>:"|?*]/g, '_')
    .trim();
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? 'tep' : cleaned;
}

/**
 * The name a file is kept under on disk: `safeFileName`, shortened to fit a file system's 255
 * bytes with room for a copy number, keeping its extension; no trailing dots or spaces and no
 * device names, which Windows cannot hold. A 204-letter Vietnamese name (272 bytes) fits this way.
 */
export function diskFileName(name: string): string {
  const safe = safeFileName(name);
  let extension = extname(safe);
  if (byteLength(extension) > MAX_EXTENSION_BYTES) extension = '';
  let stem = withinBytes(safe.slice(0, safe.length - extension.length), DISK_NAME_BYTES - byteLength(extension));
  stem = stem.replace(/[. ]+$/, '');
  if (stem === '' || windowsDeviceName.test(stem)) stem = `_${stem}`;
  return `${stem}${extension}`;
}

/** Why a stored path was refused; the caller words it for the person. */
export class UnsafePath extends Error {
  constructor(readonly reason: 'name' | 'link' | 'outside' | 'notFile' | 'missing') {
    super(`unsafe path: ${reason}`);
  }
}

/**
 * Whether one part of a stored path is a plain name: not empty, not `.` or `..`, no separator of
 * any system, no control character, no `:` (a drive or a Windows stream), within 255 bytes.
 */
function isPlainName(part: string): boolean {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  return part !== '' && part !== '.' && part !== '..' && !/[/\\:\u0000-\u001f\u007f]/.test(part) && byteLength(part) <= MAX_NAME_BYTES;
}

function lstatOrNull(path: string): Stats | null {
  try {
    return lstatSync(path);
  } catch {
    return null;
  }
}

/** The data folder with its links resolved, made if missing, for comparing resolved paths with. */
function realDataDir(ctx: Pick<Context, 'dataDir'>): string {
  mkdirSync(ctx.dataDir, { recursive: true });
  return realpathSync(ctx.dataDir);
}

function assertInside(root: string, path: string): void {
  const rest = relative(root, path);
  if (rest === '' || rest === '..' || rest.startsWith(`..${sep}`) || isAbsolute(rest)) throw new UnsafePath('outside');
}

/**
 * The path of `parts` under the data folder, checked: every part a plain name, every folder on
 * the way a real folder (not a link), the last a regular file — or a folder when `kind` says so —
 * and its resolved path inside the data folder. Throws UnsafePath; 'missing' when it is simply not
 * there.
 */
export function fileInDataDir(ctx: Pick<Context, 'dataDir'>, parts: readonly string[], kind: 'file' | 'folder' = 'file'): string {
  if (parts.length === 0 || !parts.every(isPlainName)) throw new UnsafePath('name');
  let path = ctx.dataDir;
  for (const [index, part] of parts.entries()) {
    path = join(path, part);
    const stats = lstatOrNull(path);
    if (stats === null) throw new UnsafePath('missing');
    if (stats.isSymbolicLink()) throw new UnsafePath('link');
    const wantsFile = index === parts.length - 1 && kind === 'file';
    if (wantsFile ? !stats.isFile() : !stats.isDirectory()) throw new UnsafePath('notFile');
  }
  assertInside(realDataDir(ctx), realpathSync(path));
  return path;
}

/**
 * Makes (if need be) the folder of `parts` under the data folder and gives its path, checked as
 * `fileInDataDir` checks files: a folder that is a link to elsewhere is refused, not written into.
 */
export function folderInDataDir(ctx: Pick<Context, 'dataDir'>, parts: readonly string[]): string {
  if (!parts.every(isPlainName)) throw new UnsafePath('name');
  let path = ctx.dataDir;
  mkdirSync(path, { recursive: true });
  for (const part of parts) {
    path = join(path, part);
    let stats = lstatOrNull(path);
    if (stats === null) {
      mkdirSync(path);
      stats = lstatSync(path);
    }
    if (stats.isSymbolicLink()) throw new UnsafePath('link');
    if (!stats.isDirectory()) throw new UnsafePath('notFile');
  }
  assertInside(realDataDir(ctx), realpathSync(path));
  return path;
}

/** Whether anything — a file, a folder, a link, even a broken one — has this name in the folder. */
export function nameTaken(folder: string, name: string): boolean {
  return lstatOrNull(join(folder, name)) !== null;
}

/** Removes a file checked by `fileInDataDir`; a file already gone is no failure. */
export function removeFileInDataDir(ctx: Pick<Context, 'dataDir'>, parts: readonly string[]): void {
  try {
    rmSync(fileInDataDir(ctx, parts));
  } catch (error) {
    if (error instanceof UnsafePath && error.reason === 'missing') return;
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// Staging

function stagingDir(ctx: Pick<Context, 'dataDir'>): string {
  return join(ctx.dataDir, STAGING_FOLDER);
}

/** The staged file's name as the person gave it, kept beside its folder: the name on disk may be shortened. */
function nameFileOf(fileId: string): string {
  return `${fileId}.ten`;
}

/** Creates an empty staged file and returns its id and path. */
export function stageFile(ctx: Pick<Context, 'dataDir'>, fileName: string): { fileId: string; path: string } {
  const fileId = randomUUID();
  const dir = folderInDataDir(ctx, [STAGING_FOLDER, fileId]);
  writeFileSync(join(stagingDir(ctx), nameFileOf(fileId)), safeFileName(fileName), { flag: 'wx' });
  const path = join(dir, diskFileName(fileName));
  closeSync(openSync(path, 'wx'));
  return { fileId, path };
}

/** The staged file of an id, with the name it was given; links and anything outside are refused. */
export function stagedFile(ctx: Pick<Context, 'dataDir'>, fileId: string): { path: string; fileName: string } {
  const id = basename(fileId);
  try {
    const folder = fileInDataDir(ctx, [STAGING_FOLDER, id], 'folder');
    const names = readdirSync(folder);
    const diskName = names[0];
    if (diskName === undefined || names.length > 1) throw new UnsafePath('missing');
    const path = fileInDataDir(ctx, [STAGING_FOLDER, id, diskName]);
    return { path, fileName: stagedName(ctx, id) ?? diskName };
  } catch (error) {
    if (!(error instanceof UnsafePath)) throw error;
    if (error.reason === 'missing' || error.reason === 'name') {
      throw notFound('Không tìm thấy tệp đã gửi; có thể ứng dụng đã khởi động lại. Hãy chọn lại tệp.');
    }
    throw conflict(
      'Tệp đã gửi không còn là một tệp thường trong thư mục dữ liệu (đã bị thay bằng lối tắt hay thư mục khác); HTX Desk không đọc nó. Hãy chọn lại tệp.',
    );
  }
}

function stagedName(ctx: Pick<Context, 'dataDir'>, id: string): string | null {
  try {
    const path = fileInDataDir(ctx, [STAGING_FOLDER, nameFileOf(id)]);
    return safeFileName(readFileSync(path, 'utf8').slice(0, 1024));
  } catch {
    return null;
  }
}

/** Forgets a staged file: its folder and the name kept beside it. */
export function discardStaged(ctx: Pick<Context, 'dataDir'>, fileId: string): void {
  const id = basename(fileId);
  rmSync(join(stagingDir(ctx), id), { recursive: true, force: true });
  rmSync(join(stagingDir(ctx), nameFileOf(id)), { force: true });
}

/**
 * Reads one chunk of a file the backend chose and checked (a staged file, an attachment). Opened
 * without following a link, should one have been put there since it was checked.
 */
export function readChunk(path: string, fileName: string, offset: number): FileChunk {
  const fd = openSync(path, constants.O_RDONLY | noFollow);
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw new UnsafePath('notFile');
    const size = stats.size;
    const length = Math.max(0, Math.min(FILE_CHUNK_BYTES, size - offset));
    const buffer = Buffer.alloc(length);
    readSync(fd, buffer, 0, length, offset);
    const next = offset + length;
    return { fileName, chunk: buffer.toString('base64'), size, nextOffset: next < size ? next : null };
  } finally {
    closeSync(fd);
  }
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
    const size = lstatSync(path).size + bytes.length;
    if (size > MAX_UPLOAD_BYTES) {
      throw validationFailure([{ path: 'chunk', message: 'Tệp lớn hơn 300 MB; HTX Desk không nhận tệp lớn như vậy.' }]);
    }
    const fd = openSync(path, constants.O_WRONLY | constants.O_APPEND | noFollow);
    try {
      writeSync(fd, bytes);
    } finally {
      closeSync(fd);
    }
    return { size };
  },
  'files:read': (ctx, { fileId, offset }) => {
    const { path, fileName } = stagedFile(ctx, fileId);
    return readChunk(path, fileName, offset);
  },
};
