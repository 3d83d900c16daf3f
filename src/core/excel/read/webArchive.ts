/**
 * Excel's "Single File Web Page" (.mht, .mhtml — some offices and portals send it named .xls): a
 * MIME message (RFC 2557) whose parts are the page, the pages of its sheets, its style sheet and
 * pictures, each written quoted-printable, base64 or as is. Here the parts that are web pages are
 * found, and a part's bytes are decoded as they are read, so the web page reader (html.ts) reads
 * it as it reads a page saved alone, and a large archive is never held whole.
 */
import { open, type FileHandle } from 'node:fs/promises';
import type { WebArchivePart } from './types';

const CHUNK_BYTES = 256 * 1024;
/** A header block longer than this is no archive's: Excel writes a few lines. */
const MAX_HEADER_BYTES = 16 * 1024;
/** RFC 2046 keeps a boundary to 70 characters. */
const MAX_BOUNDARY_CHARS = 70;

/** A part that is a web page, the charset its Content-Type names (null when none), and where it says it is (its Content-Location, '' when none). */
export interface WebArchivePage {
  part: WebArchivePart;
  charset: string | null;
  location: string;
}

interface HeaderBlock {
  /** Field names lower-cased; a field folded over several lines joined into one. */
  fields: Map<string, string>;
  /** Characters (bytes: the text is read as Latin-1) up to the body, the blank line included. */
  length: number;
}

/** The MIME header block `text` starts with; null when it starts with anything else or the block does not end in it. */
function headerBlock(text: string): HeaderBlock | null {
  const fields = new Map<string, string>();
  let last: string | null = null;
  let at = 0;
  while (at < text.length) {
    const lineEnd = text.indexOf('\n', at);
    if (lineEnd < 0) return null;
    const line = text.slice(at, lineEnd).replace(/\r$/, '');
    at = lineEnd + 1;
    if (line === '') return fields.size > 0 ? { fields, length: at } : null;
    const folded = /^[ \t]+(.*)$/.exec(line);
    if (folded && last !== null) {
      fields.set(last, `${fields.get(last) ?? ''} ${folded[1] ?? ''}`);
      continue;
    }
    const field = /^([!-9;-~]+):[ \t]*(.*)$/.exec(line);
    if (!field) return null;
    last = (field[1] ?? '').toLowerCase();
    fields.set(last, field[2] ?? '');
  }
  return null;
}

/** A parameter of a header field's value: `boundary` of `multipart/related; boundary="…"`. */
function parameterOf(value: string, name: string): string | null {
  const found = new RegExp(String.raw`;\s*${name}\s*=\s*(?:"([^"]*)"|([^;\s]+))`, 'i').exec(value);
  return found ? (found[1] ?? found[2] ?? null) : null;
}

function mediaTypeOf(fields: Map<string, string>): string {
  return (fields.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

function transferEncodingOf(fields: Map<string, string>): WebArchivePart['transferEncoding'] {
  const written = (fields.get('content-transfer-encoding') ?? '').trim().toLowerCase();
  return written === 'quoted-printable' || written === 'base64' ? written : 'identity';
}

/**
 * Whether text (the file's first bytes read as Latin-1) starts as a web archive does: a MIME
 * header block naming its version and a content that is several parts, or a web page.
 */
export function isWebArchive(head: string): boolean {
  const block = headerBlock(head);
  if (!block?.fields.has('mime-version')) return false;
  const media = mediaTypeOf(block.fields);
  return media.startsWith('multipart/') || media === 'text/html';
}

/** Reads up to `length` bytes of the file from `position`, as Latin-1 text (one character per byte). */
async function textAt(file: FileHandle, position: number, length: number): Promise<string> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await file.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead).toString('latin1');
}

/** Where each line starting with `--boundary` starts, in file order. */
async function delimiterLines(file: FileHandle, size: number, boundary: string): Promise<number[]> {
  const marker = Buffer.from(`\n--${boundary}`, 'latin1');
  const lines: number[] = [];
  const chunk = Buffer.alloc(CHUNK_BYTES);
  // Chunks overlap by one byte less than the marker: a marker cut by a chunk's end is whole in the next, and none is found twice.
  for (let position = 0; position < size; position += CHUNK_BYTES - marker.length + 1) {
    const { bytesRead } = await file.read(chunk, 0, CHUNK_BYTES, position);
    const read = chunk.subarray(0, bytesRead);
    for (let at = read.indexOf(marker); at >= 0; at = read.indexOf(marker, at + 1)) lines.push(position + at + 1);
    if (position + bytesRead >= size) break;
  }
  return lines;
}

/**
 * The parts of the archive that are web pages, in the order written. A part Excel writes for the
 * sheet tabs of a workbook of several sheets (tabstrip.htm, a table of links) is no list.
 */
export async function webArchivePages(path: string): Promise<WebArchivePage[]> {
  const file = await open(path, 'r');
  try {
    const { size } = await file.stat();
    const top = headerBlock(await textAt(file, 0, MAX_HEADER_BYTES));
    if (!top) return [];
    const contentType = top.fields.get('content-type') ?? '';
    if (mediaTypeOf(top.fields) === 'text/html') {
      const part = { start: top.length, end: size, transferEncoding: transferEncodingOf(top.fields) };
      return [{ part, charset: parameterOf(contentType, 'charset'), location: (top.fields.get('content-location') ?? '').trim() }];
    }
    const boundary = parameterOf(contentType, 'boundary');
    if (boundary === null || boundary === '' || boundary.length > MAX_BOUNDARY_CHARS) return [];
    const pages: WebArchivePage[] = [];
    let current: { block: HeaderBlock; start: number } | null = null;
    const close = (end: number) => {
      if (!current) return;
      const { block, start } = current;
      const location = (block.fields.get('content-location') ?? '').trim();
      if (mediaTypeOf(block.fields) === 'text/html' && !/(?:^|[/\\])tabstrip\.html?$/i.test(location)) {
        const part = { start, end: Math.max(start, end), transferEncoding: transferEncodingOf(block.fields) };
        pages.push({ part, charset: parameterOf(block.fields.get('content-type') ?? '', 'charset'), location });
      }
      current = null;
    };
    const escaped = boundary.replace(/[.*+?^$()|[\]\\{}]/g, '\\$&');
    // A delimiter line: `--boundary`, then `--` on the last one, white space, and its line break (none at the file's end).
    const delimiter = new RegExp(String.raw`^--${escaped}(--)?[ \t]*(?:\r?\n|$)`);
    for (const line of await delimiterLines(file, size, boundary)) {
      // The line break before a delimiter is the delimiter's, not the body's (RFC 2046).
      const before = line >= 2 ? await textAt(file, line - 2, 2) : '';
      const text = await textAt(file, line, MAX_HEADER_BYTES);
      const found = delimiter.exec(text);
      if (!found) continue;
      close(line - (before === '\r\n' ? 2 : 1));
      if (found[1] !== undefined) break;
      const block = headerBlock(text.slice(found[0].length));
      if (block) current = { block, start: line + found[0].length + block.length };
    }
    close(size);
    return pages;
  } finally {
    await file.close();
  }
}

function hexValue(byte: number | undefined): number {
  if (byte === undefined) return -1;
  if (byte >= 0x30 && byte <= 0x39) return byte - 0x30;
  if (byte >= 0x41 && byte <= 0x46) return byte - 0x37;
  if (byte >= 0x61 && byte <= 0x66) return byte - 0x57;
  return -1;
}

/** Decodes a chunk of a body; `last` says no chunk follows, so nothing is held back for it. */
type ChunkDecoder = (chunk: Uint8Array, last: boolean) => Uint8Array;

/**
 * Quoted-printable (RFC 2045): `=XX` is the byte XX, `=` at a line's end joins the line to the
 * next (a soft line break, where Excel cuts its 76-character lines). An `=` that is neither stays
 * as written, as mail readers keep it.
 */
function quotedPrintable(): ChunkDecoder {
  let held = Buffer.alloc(0);
  return (chunk, last) => {
    const bytes = held.length > 0 ? Buffer.concat([held, chunk]) : chunk;
    const out = Buffer.alloc(bytes.length);
    let written = 0;
    let at = 0;
    while (at < bytes.length) {
      const byte = bytes[at] ?? 0;
      if (byte !== 0x3d /* = */) {
        out[written++] = byte;
        at++;
        continue;
      }
      // What follows the `=` may be in the next chunk.
      if (!last && at + 2 >= bytes.length) break;
      const [first, second] = [bytes[at + 1], bytes[at + 2]];
      if (first === 0x0a) at += 2;
      else if (first === 0x0d && second === 0x0a) at += 3;
      else if (hexValue(first) >= 0 && hexValue(second) >= 0) {
        out[written++] = hexValue(first) * 16 + hexValue(second);
        at += 3;
      } else {
        out[written++] = byte;
        at++;
      }
    }
    held = Buffer.from(bytes.subarray(at));
    return out.subarray(0, written);
  };
}

/** Base64, its line breaks (and anything else not of its alphabet) left out; a group of four cut by a chunk's end waits for the rest. */
function base64(): ChunkDecoder {
  let held = '';
  return (chunk, last) => {
    const text = held + Buffer.from(chunk).toString('latin1').replace(/[^A-Za-z0-9+/]/g, '');
    const whole = last ? text.length : text.length - (text.length % 4);
    held = text.slice(whole);
    return Buffer.from(text.slice(0, whole), 'base64');
  };
}

/** The part's body decoded from its transfer encoding, chunk by chunk, telling `onRead` how many of the part's bytes are read so far. */
export async function* webArchivePartBytes(path: string, part: WebArchivePart, onRead?: (bytes: number, total: number) => void): AsyncGenerator<Uint8Array> {
  const decode: ChunkDecoder = part.transferEncoding === 'quoted-printable' ? quotedPrintable() : part.transferEncoding === 'base64' ? base64() : (chunk) => chunk;
  const file = await open(path, 'r');
  try {
    const total = part.end - part.start;
    for (let position = part.start; position < part.end; ) {
      const buffer = Buffer.alloc(Math.min(CHUNK_BYTES, part.end - position));
      const { bytesRead } = await file.read(buffer, 0, buffer.length, position);
      if (bytesRead === 0) break;
      position += bytesRead;
      onRead?.(position - part.start, total);
      yield decode(buffer.subarray(0, bytesRead), position >= part.end);
    }
  } finally {
    await file.close();
  }
}
