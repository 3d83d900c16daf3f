/**
 * The whole data as one file, to move the office to another computer: a backup folder as a .zip
 * (the database compressed, the attached files as they are), its `thong-tin.json` last with a
 * sha256 of every file. Reading one back checks every name (nothing may land outside the folder
 * it is read into), the sizes against the free disk, and every checksum, before SQLite's own check.
 * A plain .sqlite data file is taken too, without attached files.
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, rmSync, statfsSync, statSync, writeSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { constants, deflateRawSync } from 'node:zlib';
import { Unzip, UnzipInflate, Zip, ZipPassThrough } from 'fflate';
import { AppFailure, validationFailure } from '../../shared/errors';
import { formatFileSize } from '../../shared/format';
import type { JobControl } from '../jobs';
import { BACKUP_DATABASE, BACKUP_FILES, MANIFEST, manifestSchema, type Manifest, type StoredBackup } from './backups';

const CHUNK_BYTES = 1024 * 1024;

/**
 * DEFLATE by Node's own zlib inside fflate's zip: three to four times the speed of fflate's
 * JavaScript deflate on a database. Each chunk is compressed on its own and ends with a sync
 * flush (the last with the stream's end), which joins into one valid DEFLATE stream.
 */
class NativeDeflate extends ZipPassThrough {
  constructor(filename: string) {
    super(filename);
    this.compression = 8;
  }

  protected override process(chunk: Uint8Array, final: boolean): void {
    this.ondata(null, deflateRawSync(chunk, { level: 6, finishFlush: final ? constants.Z_FINISH : constants.Z_SYNC_FLUSH }), final);
  }
}
/** A .zip holds files up to 4 GB, and fflate writes no ZIP64. */
const MAX_ARCHIVE_BYTES = 4 * 1024 * 1024 * 1024 - 64 * 1024 * 1024;
/** Room left on the disk after reading an archive in. */
const SPARE_DISK_BYTES = 256 * 1024 * 1024;
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');
const ZIP_HEADER = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** The files of a backup folder by their path inside it, with `/` between folders, the database first. */
function filesOf(dir: string): string[] {
  const found: string[] = [BACKUP_DATABASE];
  const walk = (folder: string) => {
    if (!existsSync(folder)) return;
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) found.push(relative(dir, path).split(sep).join('/'));
    }
  };
  walk(join(dir, BACKUP_FILES));
  return found;
}

/** Writes a backup as one .zip at `target`. */
export async function writeArchive(backup: StoredBackup, target: string, control: JobControl): Promise<void> {
  const files = filesOf(backup.dir);
  const total = files.reduce((sum, file) => sum + statSync(join(backup.dir, file)).size, 0);
  if (total > MAX_ARCHIVE_BYTES) {
    throw validationFailure([
      {
        path: '',
        message:
          `Dữ liệu và tệp đính kèm nặng ${formatFileSize(total)}, quá 4 GB mà một tệp .zip chứa được. ` +
          'Hãy chép cả tệp dữ liệu và thư mục tệp đính kèm bên cạnh nó sang máy kia.',
      },
    ]);
  }
  const output = openSync(target, 'w');
  // Set by the zip's callback, which runs within each push.
  const written: { failure: Error | null; finished: boolean } = { failure: null, finished: false };
  const zip = new Zip((error, chunk, final) => {
    if (error) written.failure = error;
    else writeSync(output, chunk);
    if (final) written.finished = true;
  });
  try {
    const checksums: Record<string, string> = {};
    const buffer = Buffer.alloc(CHUNK_BYTES);
    let done = 0;
    for (const name of files) {
      // The database compresses to a fraction; scans and photographs are compressed already.
      const entry = name === BACKUP_DATABASE ? new NativeDeflate(name) : new ZipPassThrough(name);
      zip.add(entry);
      const hash = createHash('sha256');
      const input = openSync(join(backup.dir, name), 'r');
      try {
        for (;;) {
          const read = readSync(input, buffer, 0, CHUNK_BYTES, null);
          const bytes = buffer.subarray(0, read);
          hash.update(bytes);
          entry.push(new Uint8Array(bytes), read === 0);
          if (written.failure) throw written.failure;
          done += read;
          if (read === 0) break;
          control.report(done, total, 'writingArchive');
          control.throwIfCancelled();
          await nextTurn();
        }
      } finally {
        closeSync(input);
      }
      checksums[name] = hash.digest('hex');
    }
    const manifest: Manifest = { ...backup.manifest, checksums };
    const info = new NativeDeflate(MANIFEST);
    zip.add(info);
    info.push(new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`), true);
    zip.end();
    if (written.failure) throw written.failure;
    if (!written.finished) throw new Error('The archive did not end');
  } finally {
    closeSync(output);
  }
}

function refused(message: string) {
  return validationFailure([{ path: 'fileId', message }]);
}

/**
 * Where an entry of the archive goes in `draft`; null for a folder entry. Anything else is refused:
 * an entry reaching outside its folder by name, and an archive laid out otherwise (a workbook, a
 * document: `notOurs`, which says what to choose instead).
 */
function entryTarget(draft: string, name: string, fileName: string, notOurs: string): string | null {
  if (name === BACKUP_DATABASE || name === MANIFEST) return join(draft, name);
  if (name.endsWith('/') && (name === `${BACKUP_FILES}/` || name.startsWith(`${BACKUP_FILES}/`))) return null;
  const segments = name.split('/');
  const [top, ...rest] = segments;
  // eslint-disable-next-line no-control-regex -- control characters have no place in a file name
  const unsafe = (segment: string) => segment === '' || segment === '.' || segment === '..' || /[\\:\u0000-\u001f]/.test(segment) || Buffer.byteLength(segment) > 255;
  if (segments.some(unsafe) || name.length > 1000 || (top === BACKUP_FILES && rest.length === 0)) {
    throw refused(`Tệp «${fileName}» không phải bản sao lưu của HTX Desk: trong đó có mục «${name.slice(0, 120)}» không đúng chỗ.`);
  }
  if (top !== BACKUP_FILES) throw refused(notOurs);
  return join(draft, BACKUP_FILES, ...rest);
}

export interface ReadArchive {
  /** The archive's own description; null for a plain .sqlite file. */
  manifest: Manifest | null;
  files: { files: number; bytes: number };
}

/**
 * Reads a .zip written by `writeArchive` (or a plain data file) into the empty folder `draft`, as
 * a backup folder without its description; checks it as said above. SQLite's check is the caller's.
 */
export async function readArchive(source: string, fileName: string, draft: string, control: JobControl): Promise<ReadArchive> {
  const size = statSync(source).size;
  const head = Buffer.alloc(16);
  const input = openSync(source, 'r');
  try {
    readSync(input, head, 0, 16, 0);
    const notOurs = `Tệp «${fileName}» không phải bản sao lưu của HTX Desk. Hãy chọn tệp .zip do «Xuất toàn bộ dữ liệu» tạo ra, hoặc một tệp dữ liệu .sqlite.`;
    const room = statfsSync(draft).bavail * statfsSync(draft).bsize - SPARE_DISK_BYTES;
    if (head.equals(SQLITE_HEADER)) {
      if (size > room) throw refused(`Ổ đĩa không đủ chỗ để mở tệp «${fileName}» (${formatFileSize(size)}). Hãy giải phóng chỗ trống rồi thử lại.`);
      await copyIn(input, size, join(draft, BACKUP_DATABASE), control);
      return { manifest: null, files: { files: 0, bytes: 0 } };
    }
    if (!head.subarray(0, 4).equals(ZIP_HEADER)) throw refused(notOurs);
    return await unzipInto(input, size, fileName, draft, Math.min(room, MAX_ARCHIVE_BYTES * 4), control, notOurs);
  } finally {
    closeSync(input);
  }
}

async function copyIn(input: number, size: number, target: string, control: JobControl): Promise<void> {
  const output = openSync(target, 'w');
  const buffer = Buffer.alloc(CHUNK_BYTES);
  try {
    for (let offset = 0; offset < size; ) {
      const read = readSync(input, buffer, 0, CHUNK_BYTES, offset);
      if (read === 0) break;
      writeSync(output, buffer, 0, read);
      offset += read;
      control.report(offset, size, 'readingArchive');
      control.throwIfCancelled();
      await nextTurn();
    }
  } finally {
    closeSync(output);
  }
}

async function unzipInto(
  input: number,
  size: number,
  fileName: string,
  draft: string,
  room: number,
  control: JobControl,
  notOurs: string,
): Promise<ReadArchive> {
  const checksums = new Map<string, string>();
  const open = new Set<number>();
  let written = 0;
  let failure: unknown = null;
  const unzip = new Unzip((entry) => {
    try {
      const target = entryTarget(draft, entry.name, fileName, notOurs);
      if (target === null) return;
      mkdirSync(dirname(target), { recursive: true });
      const output = openSync(target, 'w');
      open.add(output);
      const hash = createHash('sha256');
      entry.ondata = (error, data, final) => {
        if (failure) return;
        try {
          if (error) throw error;
          written += data.length;
          if (written > room) throw refused(`Ổ đĩa không đủ chỗ để mở hết tệp «${fileName}». Hãy giải phóng chỗ trống rồi thử lại.`);
          writeSync(output, data);
          hash.update(data);
          if (final) {
            closeSync(output);
            open.delete(output);
            checksums.set(entry.name, hash.digest('hex'));
          }
        } catch (caught) {
          failure = caught;
        }
      };
      entry.start();
    } catch (caught) {
      failure ??= caught;
    }
  });
  unzip.register(UnzipInflate);
  const buffer = Buffer.alloc(CHUNK_BYTES);
  try {
    for (let offset = 0; offset < size; ) {
      const read = readSync(input, buffer, 0, CHUNK_BYTES, offset);
      if (read === 0) break;
      offset += read;
      unzip.push(new Uint8Array(buffer.subarray(0, read)), offset >= size);
      if (failure) break;
      control.report(offset, size, 'readingArchive');
      control.throwIfCancelled();
      await nextTurn();
    }
  } catch (caught) {
    // fflate says "invalid zip data" and the like: the file is not a whole archive.
    failure ??= caught;
  } finally {
    for (const output of open) closeSync(output);
  }
  // The archive ended inside a file: it was cut short on the way.
  if (open.size > 0) failure ??= new Error('The archive ends inside an entry');
  if (failure) {
    if (failure instanceof AppFailure) throw failure;
    throw refused(`Tệp «${fileName}» bị hỏng hoặc chưa được chép hết, nên không đọc được. Hãy xuất lại ở máy cũ rồi chép lại.`);
  }
  const manifest = checkAgainstManifest(draft, checksums, fileName);
  if (!checksums.has(BACKUP_DATABASE)) throw refused(notOurs);
  return { manifest, files: countFiles(checksums, draft) };
}

function checkAgainstManifest(draft: string, checksums: Map<string, string>, fileName: string): Manifest | null {
  if (!checksums.has(MANIFEST)) return null;
  let written: unknown = null;
  try {
    written = JSON.parse(readFileSync(join(draft, MANIFEST), 'utf8'));
  } catch {
    // Left null: refused just below as unreadable.
  }
  const parsed = manifestSchema.safeParse(written);
  rmSync(join(draft, MANIFEST), { force: true });
  checksums.delete(MANIFEST);
  const damaged = (what: string) => refused(`Tệp «${fileName}» bị hỏng: ${what}. Hãy xuất lại ở máy cũ rồi chép lại.`);
  if (!parsed.success) throw damaged('phần mô tả bản sao lưu không đọc được');
  const expected = parsed.data.checksums ?? {};
  for (const [name, hash] of Object.entries(expected)) {
    const found = checksums.get(name);
    if (found === undefined) throw damaged(`thiếu «${name}»`);
    if (found !== hash) throw damaged(`nội dung của «${name}» không còn như lúc xuất`);
  }
  for (const name of checksums.keys()) if (!(name in expected)) throw damaged(`có thêm «${name}» không có lúc xuất`);
  return parsed.data;
}

function countFiles(checksums: Map<string, string>, draft: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const name of checksums.keys()) {
    if (!name.startsWith(`${BACKUP_FILES}/`)) continue;
    files += 1;
    bytes += statSync(join(draft, ...name.split('/'))).size;
  }
  return { files, bytes };
}
