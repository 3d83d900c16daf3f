/**
 * Just enough of the zip format to read an .xlsx lean: the central directory at the end of the file
 * says where each part starts, so a part is read by seeking to it and inflating it chunk by chunk,
 * never holding the whole archive or a whole inflated sheet in memory.
 */
import type { FileHandle } from 'node:fs/promises';
import { Readable, pipeline } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import { Unreadable, unreadable } from './limits';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}

/** What went wrong reading the archive; the caller words it for the person. */
export class ZipDamaged extends Error {}

const endOfDirectorySignature = 0x06054b50;
const directoryEntrySignature = 0x02014b50;
const localHeaderSignature = 0x04034b50;
/** The end record is 22 bytes plus a comment of at most 65,535. */
const endSearchBytes = 22 + 65_535;
/** Compressed bytes read from the file at a time. */
const chunkBytes = 256 * 1024;

async function readAt(file: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await file.read(buffer, 0, length, position);
  return bytesRead === length ? buffer : buffer.subarray(0, bytesRead);
}

/** The entries of the archive, by name. Throws ZipDamaged when the directory is missing or cut. */
export async function readZipDirectory(file: FileHandle, fileSize: number): Promise<Map<string, ZipEntry>> {
  const tailStart = Math.max(0, fileSize - endSearchBytes);
  const tail = await readAt(file, tailStart, fileSize - tailStart);
  let end = -1;
  for (let at = tail.length - 22; at >= 0; at--) {
    if (tail.readUInt32LE(at) === endOfDirectorySignature) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new ZipDamaged('no end of central directory');
  const count = tail.readUInt16LE(end + 10);
  const directorySize = tail.readUInt32LE(end + 12);
  const directoryOffset = tail.readUInt32LE(end + 16);
  if (directoryOffset === 0xffffffff || count === 0xffff) throw new ZipDamaged('zip64 archives are not read');
  if (directoryOffset + directorySize > fileSize) throw new ZipDamaged('central directory past the end');
  const directory = await readAt(file, directoryOffset, directorySize);
  const entries = new Map<string, ZipEntry>();
  let at = 0;
  for (let index = 0; index < count; index++) {
    if (at + 46 > directory.length || directory.readUInt32LE(at) !== directoryEntrySignature) {
      throw new ZipDamaged('broken central directory');
    }
    const nameLength = directory.readUInt16LE(at + 28);
    const extraLength = directory.readUInt16LE(at + 30);
    const commentLength = directory.readUInt16LE(at + 32);
    const name = directory.toString('utf8', at + 46, at + 46 + nameLength);
    entries.set(name, {
      name,
      method: directory.readUInt16LE(at + 10),
      compressedSize: directory.readUInt32LE(at + 20),
      size: directory.readUInt32LE(at + 24),
      localHeaderOffset: directory.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * The inflated bytes of one part, in chunks as they come. `onCompressedRead` is told how many of
 * the part's compressed bytes have been read so far. Stop early by leaving the loop.
 *
 * The size the archive declares for the part is held to: a part declared larger than `maxBytes`
 * is refused before anything is inflated, and one that inflates to more or fewer bytes than
 * declared is refused as it happens — so a small file cannot unfold into gigabytes unannounced.
 */
export async function* readZipEntry(
  file: FileHandle,
  fileSize: number,
  entry: ZipEntry,
  maxBytes: number,
  onCompressedRead?: (bytes: number) => void,
): AsyncGenerator<Uint8Array> {
  if (entry.size > maxBytes) throw unreadable.partTooLarge(entry.name, maxBytes);
  const header = await readAt(file, entry.localHeaderOffset, 30);
  if (header.length < 30 || header.readUInt32LE(0) !== localHeaderSignature) throw new ZipDamaged('bad local header');
  const dataStart = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  if (dataStart + entry.compressedSize > fileSize) throw new ZipDamaged('part runs past the end of the file');
  if (entry.method !== 0 && entry.method !== 8) throw new ZipDamaged(`compression method ${entry.method}`);
  if (entry.method === 0 && entry.compressedSize !== entry.size) throw unreadable.sizeMismatch(entry.name);

  async function* compressed(): AsyncGenerator<Buffer> {
    let read = 0;
    while (read < entry.compressedSize) {
      const length = Math.min(chunkBytes, entry.compressedSize - read);
      const chunk = await readAt(file, dataStart + read, length);
      if (chunk.length < length) throw new ZipDamaged('file ends inside a part');
      read += length;
      onCompressedRead?.(read);
      yield chunk;
    }
  }
  if (entry.method === 0) {
    yield* compressed();
    return;
  }
  // Node's own zlib: several times faster than inflating in JavaScript on the hot path.
  const inflater = createInflateRaw({ chunkSize: chunkBytes });
  pipeline(Readable.from(compressed()), inflater, () => undefined);
  let inflated = 0;
  try {
    for await (const chunk of inflater as AsyncIterable<Buffer>) {
      inflated += chunk.length;
      if (inflated > entry.size) throw unreadable.sizeMismatch(entry.name);
      yield chunk;
    }
  } catch (error) {
    if (error instanceof ZipDamaged || error instanceof Unreadable) throw error;
    throw new ZipDamaged(`inflate failed: ${String(error)}`);
  } finally {
    inflater.destroy();
  }
  if (inflated !== entry.size) throw unreadable.sizeMismatch(entry.name);
}
