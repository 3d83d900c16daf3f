/**
 * Reading a CSV: its text encoding (UTF-8 with or without BOM, UTF-16 with a BOM or found by its
 * NUL bytes, Windows-1258 found by its tone marks), its delimiter (, ; or tab, whichever splits
 * the first lines most consistently), then its records streamed through csv-parse. Every field
 * stays text (NFC); an empty field is null.
 */
import { open } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { TextDecoder } from 'node:util';
import { CsvError, parse } from 'csv-parse';
import { detectLegacyEncoding } from './legacyFonts';
import { MAX_COLUMNS, MAX_CSV_RECORD_CHARS, unreadable, type Unreadable } from './limits';
import type { OpenedSource, SourceRow } from './types';
import { toNfc } from './xml';

type Encoding = NonNullable<OpenedSource['encoding']>;
type Delimiter = NonNullable<OpenedSource['delimiter']>;

/** Thrown when the bytes are not UTF-8; the caller words it for the person. */
export class NotUtf8 extends Error {}

const sampleBytes = 64 * 1024;
const chunkBytes = 256 * 1024;

function bomLength(encoding: Encoding, bytes: Uint8Array): number {
  if (encoding === 'windows-1258') return 0;
  if (encoding === 'utf-8') return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  if (encoding === 'utf-16le') return bytes[0] === 0xff && bytes[1] === 0xfe ? 2 : 0;
  return bytes[0] === 0xfe && bytes[1] === 0xff ? 2 : 0;
}

/** The encoding of the file's first bytes. UTF-16 without a BOM shows as NULs beside ASCII. */
export function detectEncoding(bytes: Uint8Array): Encoding {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  let evenNuls = 0;
  let oddNuls = 0;
  const checked = Math.min(bytes.length, 4096) & ~1;
  for (let at = 0; at < checked; at += 2) {
    if (bytes[at] === 0) evenNuls++;
    if (bytes[at + 1] === 0) oddNuls++;
  }
  const pairs = checked / 2;
  if (pairs > 0 && oddNuls > pairs / 4 && oddNuls > evenNuls) return 'utf-16le';
  if (pairs > 0 && evenNuls > pairs / 4) return 'utf-16be';
  return 'utf-8';
}

/** Windows-1258's tone marks, bytes of their own: huyền, sắc, hỏi, ngã, nặng. */
const WINDOWS_1258_TONES = new Set([0xcc, 0xec, 0xd2, 0xde, 0xf2]);
/** The vowels a tone sits on: a e i o u y, and Windows-1258's â ă ê ô ơ ư in both cases. */
const WINDOWS_1258_VOWELS = new Set([...Buffer.from('aeiouyAEIOUY', 'latin1'), 0xc2, 0xc3, 0xca, 0xd4, 0xd5, 0xdd, 0xe2, 0xe3, 0xea, 0xf4, 0xf5, 0xfd]);

/**
 * Whether bytes that are not UTF-8 are Vietnamese in Windows-1258, the code page Excel saves a
 * "CSV (Comma delimited)" in on a Vietnamese Windows: every tone mark there is a byte right after
 * its vowel ("Hợp" is H, ơ, nặng, p). Text in the codes of the TCVN3 or VNI fonts puts those bytes
 * after consonants too ("vÒ" for "về"), and has a look of its own (`detectLegacyEncoding`); a file
 * saved in another code page has no tone marks at all.
 */
function looksWindows1258(bytes: Uint8Array): boolean {
  let tones = 0;
  for (let at = 0; at < bytes.length; at++) {
    if (!WINDOWS_1258_TONES.has(bytes[at] ?? 0)) continue;
    if (!WINDOWS_1258_VOWELS.has(bytes[at - 1] ?? 0)) return false;
    tones++;
  }
  if (tones === 0) return false;
  const lines = Buffer.from(bytes).toString('latin1').split(/\r?\n/);
  return detectLegacyEncoding(lines) === null;
}

/**
 * The delimiter of the first lines — per candidate, how many times it occurs outside quotes on each
 * line — and on how many of them it occurs the same number of times (0 when it occurs on none).
 */
export function delimiterOf(sample: string): { delimiter: Delimiter; consistentLines: number } {
  const candidates: Delimiter[] = [',', ';', '\t'];
  const counts = candidates.map(() => [] as number[]);
  let perLine = candidates.map(() => 0);
  let quoted = false;
  let lines = 0;
  for (let at = 0; at < sample.length && lines < 50; at++) {
    const char = sample[at];
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) {
      if (char === '\r' && sample[at + 1] === '\n') at++;
      candidates.forEach((_candidate, index) => counts[index]?.push(perLine[index] ?? 0));
      perLine = candidates.map(() => 0);
      lines++;
    } else if (!quoted) {
      const index = candidates.indexOf(char as Delimiter);
      if (index >= 0) perLine[index] = (perLine[index] ?? 0) + 1;
    }
  }
  if (lines === 0) candidates.forEach((_candidate, index) => counts[index]?.push(perLine[index] ?? 0));
  // Score: lines that share the commonest non-zero count, then that count.
  let best: Delimiter = ',';
  let bestScore = [0, 0];
  candidates.forEach((candidate, index) => {
    const tally = new Map<number, number>();
    for (const count of counts[index] ?? []) if (count > 0) tally.set(count, (tally.get(count) ?? 0) + 1);
    for (const [count, lineCount] of tally) {
      const [bestLines = 0, bestCount = 0] = bestScore;
      if (lineCount > bestLines || (lineCount === bestLines && count > bestCount)) {
        best = candidate;
        bestScore = [lineCount, count];
      }
    }
  });
  return { delimiter: best, consistentLines: bestScore[0] ?? 0 };
}

/** The file's bytes, chunk by chunk, telling `onRead` how many of its bytes are read so far. */
async function* fileChunks(path: string, onRead?: (bytes: number, total: number) => void): AsyncGenerator<Uint8Array> {
  const file = await open(path, 'r');
  try {
    const { size } = await file.stat();
    let position = 0;
    while (position < size) {
      const buffer = Buffer.alloc(Math.min(chunkBytes, size - position));
      const { bytesRead } = await file.read(buffer, 0, buffer.length, position);
      if (bytesRead === 0) break;
      position += bytesRead;
      onRead?.(position, size);
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    await file.close();
  }
}

/** Text of bytes given chunk by chunk, without a byte order mark; throws NotUtf8 on bytes that are not of `encoding`. */
export async function* decodedChunks(chunks: AsyncIterable<Uint8Array>, encoding: Encoding): AsyncGenerator<string> {
  const decoder = new TextDecoder(encoding, { fatal: true });
  let first = true;
  for await (const chunk of chunks) {
    if (chunk.length === 0) continue;
    yield decode(decoder, first ? chunk.subarray(bomLength(encoding, chunk)) : chunk, true);
    first = false;
  }
  yield decode(decoder, new Uint8Array(0), false);
}

/** Decoded text of the file, chunk by chunk; throws NotUtf8 on bytes that are not UTF-8. */
export function decodedText(path: string, encoding: Encoding, onRead?: (bytes: number, total: number) => void): AsyncGenerator<string> {
  return decodedChunks(fileChunks(path, onRead), encoding);
}

function decode(decoder: TextDecoder, bytes: Uint8Array, stream: boolean): string {
  try {
    return decoder.decode(bytes, { stream });
  } catch {
    throw new NotUtf8();
  }
}

/** The file's first 64 KB, and whether that is the whole file. */
export async function readSample(path: string): Promise<{ bytes: Uint8Array; whole: boolean }> {
  const file = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(sampleBytes);
    const { bytesRead } = await file.read(buffer, 0, sampleBytes, 0);
    return { bytes: buffer.subarray(0, bytesRead), whole: bytesRead < sampleBytes };
  } finally {
    await file.close();
  }
}

/** The encoding of a file's first bytes and their text, a character cut at the end left out. Throws NotUtf8. */
export function decodeSample(bytes: Uint8Array, whole: boolean): { encoding: Encoding; sample: string } {
  const encoding = detectEncoding(bytes);
  try {
    return { encoding, sample: decode(new TextDecoder(encoding, { fatal: true }), bytes.subarray(bomLength(encoding, bytes)), !whole) };
  } catch (error) {
    if (!(error instanceof NotUtf8) || encoding !== 'utf-8' || !looksWindows1258(bytes)) throw error;
    return { encoding: 'windows-1258', sample: new TextDecoder('windows-1258').decode(bytes) };
  }
}

/** Encoding and delimiter of a CSV, from its first 64 KB. Throws NotUtf8. */
export async function inspectCsv(path: string): Promise<{ encoding: Encoding; delimiter: Delimiter }> {
  const { bytes, whole } = await readSample(path);
  const { encoding, sample } = decodeSample(bytes, whole);
  return { encoding, delimiter: delimiterOf(sample).delimiter };
}

function rowOf(record: string[], rowNumber: number, columns: number): SourceRow {
  if (record.length > MAX_COLUMNS) throw unreadable.csvTooManyColumns(rowNumber);
  const kept = record.length > columns ? record.slice(0, columns) : record;
  return {
    rowNumber,
    cells: kept.map((field) => (field === '' ? null : toNfc(field))),
  };
}

/** csv-parse's refusal of the record after `records` whole ones, said for the person. */
function refusalOf(error: CsvError): Unreadable {
  const line = (typeof error.records === 'number' ? error.records : 0) + 1;
  if (error.code === 'CSV_QUOTE_NOT_CLOSED') return unreadable.csvUnclosedQuote(line);
  if (error.code === 'CSV_MAX_RECORD_SIZE') return unreadable.csvRecordTooLong(line);
  return unreadable.csvMalformed(line);
}

/**
 * The records from `fromRow` (1-based), in batches, with the bytes of the file read so far; fields
 * from index `columns` on are left out.
 */
export async function* readCsvRows(
  path: string,
  encoding: Encoding,
  delimiter: Delimiter,
  options: { fromRow: number; batchRows: number; columns: number },
): AsyncGenerator<{ batch: SourceRow[]; read: number; total: number }> {
  const { fromRow, batchRows, columns } = options;
  let read = 0;
  let total = 0;
  const text = Readable.from(
    decodedText(path, encoding, (bytes, size) => {
      read = bytes;
      total = size;
    }),
    { objectMode: false, encoding: 'utf8' },
  );
  // A record past a megabyte is an unclosed quote or not a CSV: refused before it fills memory.
  const parser = parse({ delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, max_record_size: MAX_CSV_RECORD_CHARS });
  const records = text.pipe(parser);
  text.on('error', (error) => parser.destroy(error));
  let rowNumber = 0;
  let batch: SourceRow[] = [];
  try {
    for await (const record of parsed(records as AsyncIterable<string[]>)) {
      rowNumber++;
      if (rowNumber < fromRow) continue;
      batch.push(rowOf(record, rowNumber, columns));
      if (batch.length >= batchRows) {
        yield { batch, read, total };
        batch = [];
      }
    }
    if (batch.length > 0) yield { batch, read: total, total };
  } finally {
    // Stopped early (Hủy, a totals row), the parser goes but the text stream would keep the file
    // open until it is collected.
    text.destroy();
  }
}

/** The parser's records, its refusals said for the person. */
async function* parsed(records: AsyncIterable<string[]>): AsyncGenerator<string[]> {
  try {
    yield* records;
  } catch (error) {
    throw error instanceof CsvError ? refusalOf(error) : error;
  }
}
