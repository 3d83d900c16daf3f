/**
 * Reading an .xls (Excel 97–2003): the BIFF8 records of the "Workbook" stream of an OLE compound
 * file — first the globals (sheets, shared strings, fonts, cell formats, date system), then the
 * cells of one sheet. The file is read whole: an .xls holds at most 65,536 rows of 256 columns,
 * a few tens of megabytes. Everything the file says is checked against its own size, so a damaged
 * or crafted file ends in a refusal, never in a loop or a read past its end.
 */
import { readFile, stat } from 'node:fs/promises';
import { legacyFontNamed, readInFont, type LegacyFont, type StringRun } from './legacyFonts';
import { MAX_CELL_CHARS, MAX_HEAD_MERGES, MAX_MERGES_DOWN, MAX_XLS_BYTES, unreadable } from './limits';
import type { CellValue, MergedRange, SheetHead, SheetInfo, SourceRow } from './types';
import { builtInDateFormats, isDateFormat, isoOfExcelSerial } from './values';
import { toNfc } from './xml';

/** The file is not a sound compound file or BIFF8 stream; worded for the person by the caller. */
export class XlsDamaged extends Error {}

/** An .xls the reader does not read, and why: a password, or a format older than Excel 97. */
export class XlsRefused extends Error {
  constructor(readonly reason: 'encrypted' | 'beforeExcel97') {
    super(reason);
  }
}

// ---------------------------------------------------------------------------------------------
// The compound file

const END_OF_CHAIN = 0xfffffffe;
const FREE_SECTOR = 0xffffffff;

function damaged(what: string): never {
  throw new XlsDamaged(what);
}

/** Runs a read of the file's bytes: a record shorter than the fields it should hold is damage too. */
function guarded<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof RangeError) damaged(error.message);
    throw error;
  }
}

/**
 * The streams of a compound file (MS-CFB) by name: the directory's entries, each stream read
 * through its chain of sectors, small ones from the mini stream.
 */
function compoundStreams(file: Buffer): Map<string, () => Buffer> {
  if (file.length < 512) damaged('header');
  const sectorShift = file.readUInt16LE(0x1e);
  if (sectorShift !== 9 && sectorShift !== 12) damaged('sector size');
  const sectorSize = 1 << sectorShift;
  const miniSectorSize = 1 << file.readUInt16LE(0x20);
  if (miniSectorSize !== 64) damaged('mini sector size');
  const sectorCount = Math.ceil((file.length - sectorSize) / sectorSize);
  const sector = (index: number): Buffer => {
    if (index >= sectorCount) damaged(`sector ${index}`);
    const start = (index + 1) * sectorSize;
    return file.subarray(start, Math.min(start + sectorSize, file.length));
  };

  // The sectors of the allocation table: 109 listed in the header, the rest in a chain of its own.
  const fatSectors: number[] = [];
  for (let at = 0; at < 109; at++) fatSectors.push(file.readUInt32LE(0x4c + at * 4));
  let difat = file.readUInt32LE(0x44);
  for (let seen = 0; difat !== END_OF_CHAIN && difat !== FREE_SECTOR; seen++) {
    if (seen > sectorCount) damaged('allocation chain');
    const entries = sector(difat);
    for (let at = 0; at + 4 < sectorSize; at += 4) fatSectors.push(entries.readUInt32LE(at));
    difat = entries.readUInt32LE(sectorSize - 4);
  }
  const fatCount = file.readUInt32LE(0x2c);
  const used = fatSectors.filter((index) => index !== FREE_SECTOR && index !== END_OF_CHAIN).slice(0, fatCount);
  const fat = Buffer.concat(used.map(sector));
  const next = (index: number) => (index * 4 + 4 <= fat.length ? fat.readUInt32LE(index * 4) : damaged(`allocation of sector ${index}`));

  /** A chain's sectors, each once: a chain that loops or runs past the file is damage. */
  const chain = (first: number, nextOf: (index: number) => number, limit: number): number[] => {
    const indexes: number[] = [];
    for (let index = first; index !== END_OF_CHAIN; index = nextOf(index)) {
      if (index === FREE_SECTOR || indexes.length > limit) damaged('chain');
      indexes.push(index);
    }
    return indexes;
  };
  const read = (first: number, size: number) => Buffer.concat(chain(first, next, sectorCount).map(sector)).subarray(0, size);

  const directory = Buffer.concat(chain(file.readUInt32LE(0x30), next, sectorCount).map(sector));
  const entries: { name: string; type: number; start: number; size: number }[] = [];
  for (let at = 0; at + 128 <= directory.length; at += 128) {
    const nameBytes = Math.min(directory.readUInt16LE(at + 64), 64);
    entries.push({
      name: directory.toString('utf16le', at, at + Math.max(0, nameBytes - 2)),
      type: directory[at + 66] ?? 0,
      start: directory.readUInt32LE(at + 116),
      size: directory.readUInt32LE(at + 120),
    });
  }
  const root = entries[0];
  if (root?.type !== 5) damaged('root');
  const cutoff = file.readUInt32LE(0x38);
  let mini: { stream: Buffer; fat: Buffer } | null = null;
  const miniParts = () => {
    mini ??= { stream: read(root.start, root.size), fat: Buffer.concat(chain(file.readUInt32LE(0x3c), next, sectorCount).map(sector)) };
    return mini;
  };
  const readMini = (first: number, size: number) => {
    const { stream, fat: miniFat } = miniParts();
    const nextMini = (index: number) => (index * 4 + 4 <= miniFat.length ? miniFat.readUInt32LE(index * 4) : damaged(`mini allocation of ${index}`));
    const parts = chain(first, nextMini, stream.length / 64).map((index) => {
      if ((index + 1) * 64 > stream.length) damaged(`mini sector ${index}`);
      return stream.subarray(index * 64, (index + 1) * 64);
    });
    return Buffer.concat(parts).subarray(0, size);
  };
  const streams = new Map<string, () => Buffer>();
  for (const entry of entries.slice(1)) {
    if (entry.type !== 2) continue;
    streams.set(entry.name.toLowerCase(), () => {
      const stream = entry.size < cutoff ? readMini(entry.start, entry.size) : read(entry.start, entry.size);
      if (stream.length < entry.size) damaged(`stream ${entry.name}`);
      return stream;
    });
  }
  return streams;
}

// ---------------------------------------------------------------------------------------------
// BIFF8 records

const BOF = 0x0809;
const EOF = 0x000a;
const CONTINUE = 0x003c;
const FILEPASS = 0x002f;
const DATEMODE = 0x0022;
const FONT = 0x0031;
/** A FONT record's option flag: struck through (fStrikeOut). */
const FONT_STRUCK = 0x0008;
const FORMAT = 0x041e;
const XF = 0x00e0;
const SST = 0x00fc;
const BOUNDSHEET = 0x0085;
const DIMENSIONS = 0x0200;
const LABELSST = 0x00fd;
const LABEL = 0x0204;
const NUMBER = 0x0203;
const RK = 0x027e;
const MULRK = 0x00bd;
const FORMULA = 0x0006;
const STRING = 0x0207;
const BOOLERR = 0x0205;
const MERGECELLS = 0x00e5;
const ROW = 0x0208;
const COLINFO = 0x007d;
/** A ROW record's option flag: the row is hidden (fDyZero). */
const ROW_HIDDEN = 0x0020;

interface BiffRecord {
  type: number;
  data: Buffer;
}

function* recordsFrom(stream: Buffer, from: number): Generator<BiffRecord> {
  for (let at = from; at + 4 <= stream.length; ) {
    const type = stream.readUInt16LE(at);
    const size = stream.readUInt16LE(at + 2);
    if (at + 4 + size > stream.length) damaged(`record at ${at}`);
    yield { type, data: stream.subarray(at + 4, at + 4 + size) };
    at += 4 + size;
  }
}

/**
 * Reads across a record and the CONTINUE records after it, as one: a string's characters that
 * cross into the next record start there with a byte of their own saying whether they are one or
 * two bytes each (MS-XLS 2.5.293).
 */
class Continued {
  private part = 0;
  private at = 0;

  constructor(private readonly parts: Buffer[]) {}

  private current(): Buffer {
    for (;;) {
      const buffer = this.parts[this.part];
      if (buffer === undefined) damaged('continued record');
      if (this.at < buffer.length) return buffer;
      this.part += 1;
      this.at = 0;
    }
  }

  get done(): boolean {
    return this.part >= this.parts.length || (this.part === this.parts.length - 1 && this.at >= (this.parts[this.part]?.length ?? 0));
  }

  byte(): number {
    const buffer = this.current();
    return buffer[this.at++] ?? 0;
  }

  u16(): number {
    return this.byte() | (this.byte() << 8);
  }

  u32(): number {
    return (this.u16() | (this.u16() << 16)) >>> 0;
  }

  skip(bytes: number): void {
    for (let left = bytes; left > 0; ) {
      const buffer = this.current();
      const step = Math.min(left, buffer.length - this.at);
      this.at += step;
      left -= step;
    }
  }

  /** `count` characters, one or two bytes each as `wide` says, a new flag byte at each record's start. */
  characters(count: number, wide: boolean): string {
    let text = '';
    let twoBytes = wide;
    for (let left = count; left > 0; ) {
      let buffer = this.parts[this.part];
      if (buffer === undefined) damaged('string');
      if (this.at >= buffer.length) {
        this.part += 1;
        this.at = 0;
        buffer = this.parts[this.part];
        if (buffer === undefined) damaged('string');
        twoBytes = ((buffer[this.at++] ?? 0) & 0x01) === 1;
      }
      const width = twoBytes ? 2 : 1;
      const fit = Math.min(left, Math.floor((buffer.length - this.at) / width));
      if (fit === 0) damaged('string');
      text += buffer.toString(twoBytes ? 'utf16le' : 'latin1', this.at, this.at + fit * width);
      this.at += fit * width;
      left -= fit;
    }
    return text;
  }
}

/** An XLUnicodeRichExtendedString (the shared strings'): its text, and its runs of fonts when it has any. */
function richString(reader: Continued): { text: string; runs: { from: number; font: number }[] } {
  const count = reader.u16();
  const flags = reader.byte();
  const runCount = flags & 0x08 ? reader.u16() : 0;
  const extended = flags & 0x04 ? reader.u32() : 0;
  const text = reader.characters(count, (flags & 0x01) === 1);
  const runs: { from: number; font: number }[] = [];
  for (let at = 0; at < runCount; at++) runs.push({ from: reader.u16(), font: reader.u16() });
  reader.skip(extended);
  return { text, runs };
}

/** A string in one record: a count of `countBytes` bytes, a flag byte, the characters. */
function plainString(data: Buffer, at: number, countBytes: 1 | 2): string {
  if (at + countBytes + 1 > data.length) damaged('string');
  const count = countBytes === 1 ? (data[at] ?? 0) : data.readUInt16LE(at);
  return new Continued([data.subarray(at + countBytes + 1)]).characters(count, ((data[at + countBytes] ?? 0) & 0x01) === 1);
}

/** An RK number (MS-XLS 2.5.217): a 30-bit integer or the high bits of a double, perhaps × 100. */
function rkNumber(rk: number): number {
  const value = rk & 0x02 ? rk >> 2 : Buffer.from([0, 0, 0, 0, rk & 0xfc, (rk >>> 8) & 0xff, (rk >>> 16) & 0xff, rk >>> 24]).readDoubleLE(0);
  return rk & 0x01 ? value / 100 : value;
}

// ---------------------------------------------------------------------------------------------
// The workbook

interface SharedString {
  text: string;
  /** The string's runs when it has rich text, as the xlsx reader keeps them (`StringRun`). */
  runs?: StringRun[];
}

export interface XlsWorkbook {
  stream: Buffer;
  sheets: (SheetInfo & { offset: number })[];
  date1904: boolean;
  strings: SharedString[];
  /** By cell format (a cell's `ixfe`): whether it shows a date, its font when that is a legacy one, and whether its font is struck through. */
  dates: boolean[];
  legacyFonts: (LegacyFont | null)[];
  struck: boolean[];
}

/** The workbook's globals, up to their EOF: fonts, formats and cell formats, the date system, the shared strings, the worksheets. */
function readGlobals(stream: Buffer): Omit<XlsWorkbook, 'sheets' | 'stream'> & { bounds: { name: string; hidden: boolean; offset: number }[] } {
  const records = recordsFrom(stream, 0);
  const first = records.next();
  if (first.done === true || first.value.type !== BOF) damaged('first record');
  if (first.value.data.readUInt16LE(0) !== 0x0600) throw new XlsRefused('beforeExcel97');
  const fonts: string[] = [];
  const struckFonts: boolean[] = [];
  const formats = new Map<number, string>();
  const formatOfStyle: number[] = [];
  const fontOfStyle: number[] = [];
  const bounds: { name: string; hidden: boolean; offset: number }[] = [];
  let date1904 = false;
  let sstParts: Buffer[] | null = null;
  let last = 0;
  for (const record of records) {
    if (record.type === CONTINUE && last === SST && sstParts) {
      sstParts.push(record.data);
      continue;
    }
    last = record.type;
    const { data } = record;
    if (record.type === EOF) break;
    if (record.type === FILEPASS) throw new XlsRefused('encrypted');
    if (record.type === DATEMODE) date1904 = data.readUInt16LE(0) === 1;
    else if (record.type === FONT) {
      fonts.push(plainString(data, 14, 1));
      struckFonts.push((data.readUInt16LE(2) & FONT_STRUCK) !== 0);
    }
    else if (record.type === FORMAT) formats.set(data.readUInt16LE(0), plainString(data, 2, 2));
    else if (record.type === XF) {
      fontOfStyle.push(data.readUInt16LE(0));
      formatOfStyle.push(data.readUInt16LE(2));
    } else if (record.type === SST) sstParts = [data];
    // Worksheets only: charts, macro sheets and modules hold no list.
    else if (record.type === BOUNDSHEET && data[5] === 0) bounds.push({ offset: data.readUInt32LE(0), hidden: ((data[4] ?? 0) & 0x03) !== 0, name: plainString(data, 6, 1) });
  }
  // Font 4 does not exist: the fifth FONT record is font 5 (MS-XLS 2.5.129).
  const fontName = (index: number) => fonts[index < 4 ? index : index - 1];
  const fontStruck = (index: number) => struckFonts[index < 4 ? index : index - 1] === true;
  const strings: SharedString[] = [];
  if (sstParts) {
    const reader = new Continued(sstParts);
    reader.skip(4);
    const unique = reader.u32();
    for (let at = 0; at < unique && !reader.done; at++) {
      const { text, runs } = richString(reader);
      if (text.length > MAX_CELL_CHARS) throw unreadable.sharedStringTooLong(at);
      if (runs.length === 0) {
        strings.push({ text: toNfc(text) });
        continue;
      }
      // Before the first run, the cell's own font; each run to the next in the font it names.
      const pieces: StringRun[] = [];
      const starts = [{ from: 0, font: -1 }, ...runs];
      starts.forEach((run, index) => {
        const piece = text.slice(run.from, starts[index + 1]?.from ?? text.length);
        if (piece === '') return;
        pieces.push(run.font < 0 ? { text: toNfc(piece) } : { text: toNfc(piece), font: legacyFontNamed(fontName(run.font)) });
      });
      strings.push({ text: toNfc(text), runs: pieces });
    }
  }
  const dates = formatOfStyle.map((format) => builtInDateFormats.has(format) || isDateFormat(formats.get(format) ?? ''));
  const legacyFonts = fontOfStyle.map((font) => legacyFontNamed(fontName(font)));
  const struck = fontOfStyle.map(fontStruck);
  return { date1904, strings, dates, legacyFonts, struck, bounds };
}

/** Excel 97–2003 has 256 columns, A to IV. */
const XLS_COLUMNS = 256;

interface SheetCells {
  rows: SourceRow[];
  merges: MergedRange[];
  hiddenColumns: number[];
}

interface SheetReading {
  /** Cells from this column index on are left out. */
  columns: number;
  /** Rows before this one (as Excel numbers them) are left out. */
  fromRow: number;
  /** Only the first this many rows are built: a head. */
  rows: number;
}

/**
 * The cells of the sheet, in rows in order, and its merged ranges (which come after the cells, so
 * the sheet is read to its end even for a head).
 */
function readSheet(workbook: Omit<XlsWorkbook, 'sheets'>, sheet: { name: string; offset: number }, reading: Partial<SheetReading> = {}): SheetCells {
  const { columns = XLS_COLUMNS, fromRow = 1, rows: rowsWanted = Number.POSITIVE_INFINITY } = reading;
  const byRow = new Map<number, SourceRow>();
  const merges: MergedRange[] = [];
  /** 1-based numbers of the rows the sheet hides: their ROW records come before their cells. */
  const hiddenRows = new Set<number>();
  const hiddenColumns = new Set<number>();
  /** The row a cell goes in; null when the reading leaves it out. Cells come row by row, so a head ends at its last row. */
  const rowOf = (row: number): SourceRow | null => {
    let found = byRow.get(row + 1);
    if (found) return found;
    if (row + 1 < fromRow || byRow.size >= rowsWanted) return null;
    byRow.set(row + 1, (found = { rowNumber: row + 1, cells: [] }));
    return found;
  };
  /** Where a cell record puts its cell (0-based row and column), and its cell format. */
  const cellAt = (data: Buffer): { row: number; column: number; style: number } => {
    const row = data.readUInt16LE(0);
    const column = data.readUInt16LE(2);
    // A column past IV would have its row stretched to it, cell by empty cell.
    if (column >= XLS_COLUMNS) throw unreadable.xlsColumnPastIv(sheet.name, row + 1);
    return { row, column, style: data.readUInt16LE(4) };
  };
  const put = (row: number, column: number, value: CellValue) => {
    const cells = column < columns ? rowOf(row)?.cells : undefined;
    if (!cells) return;
    while (cells.length < column) cells.push(null);
    cells[column] = value;
  };
  const error = (row: number, column: number) => {
    const target = column < columns ? rowOf(row) : null;
    if (!target) return;
    put(row, column, null);
    (target.errorCells ??= []).push(column);
  };
  /** A cell written in a struck-through font, noted on its row. */
  const struckOut = (row: number, column: number, style: number) => {
    const target = workbook.struck[style] === true && column < columns ? rowOf(row) : null;
    if (target) (target.struckCells ??= []).push(column);
  };
  const text = (row: number, column: number, style: number, value: string, runs?: StringRun[]) => {
    if (value.length > MAX_CELL_CHARS) throw unreadable.cellTooLong(sheet.name, `${columnName(column)}${row + 1}`);
    const target = column < columns ? rowOf(row) : null;
    if (!target) return;
    const asShown = (piece: string) => {
      const font = workbook.legacyFonts[style];
      return font ? readInFont(piece, font, target) : piece;
    };
    put(row, column, runs ? runs.map((run) => (run.font === undefined ? asShown(run.text) : run.font === null ? run.text : readInFont(run.text, run.font, target))).join('') : asShown(value));
    struckOut(row, column, style);
  };
  const number = (row: number, column: number, style: number, value: number) => {
    const iso = workbook.dates[style] === true ? isoOfExcelSerial(value, workbook.date1904) : null;
    put(row, column, iso === null ? value : { date: iso });
    struckOut(row, column, style);
  };
  /** A formula whose text result comes in the STRING record after it. */
  let pendingText: { row: number; column: number; style: number } | null = null;
  const records = recordsFrom(workbook.stream, sheet.offset);
  const first = records.next();
  if (first.done === true || first.value.type !== BOF) damaged('sheet start');
  /** Inside a chart drawn on the sheet: its own BOF to EOF, whose cached series values are not cells. */
  let nested = 0;
  for (const record of records) {
    const { data } = record;
    if (record.type === BOF) nested++;
    if (record.type === EOF && nested-- === 0) break;
    if (nested > 0) continue;
    if (record.type === LABELSST && data.length >= 10) {
      const { row, column, style } = cellAt(data);
      const shared = workbook.strings[data.readUInt32LE(6)];
      if (shared) text(row, column, style, shared.text, shared.runs);
      else put(row, column, null);
    } else if (record.type === LABEL && data.length >= 9) {
      const { row, column, style } = cellAt(data);
      text(row, column, style, toNfc(plainString(data, 6, 2)));
    } else if (record.type === NUMBER && data.length >= 14) {
      const { row, column, style } = cellAt(data);
      number(row, column, style, data.readDoubleLE(6));
    } else if (record.type === RK && data.length >= 10) {
      const { row, column, style } = cellAt(data);
      number(row, column, style, rkNumber(data.readUInt32LE(6)));
    } else if (record.type === MULRK && data.length >= 12) {
      const row = data.readUInt16LE(0);
      const firstColumn = data.readUInt16LE(2);
      if (firstColumn + (data.length - 6) / 6 > XLS_COLUMNS) throw unreadable.xlsColumnPastIv(sheet.name, row + 1);
      for (let at = 4, column = firstColumn; at + 6 <= data.length - 2; at += 6, column++) number(row, column, data.readUInt16LE(at), rkNumber(data.readUInt32LE(at + 2)));
    } else if (record.type === FORMULA && data.length >= 14) {
      const { row, column, style } = cellAt(data);
      if (data.readUInt16LE(12) !== 0xffff) number(row, column, style, data.readDoubleLE(6));
      else if (data[6] === 0) pendingText = { row, column, style };
      else if (data[6] === 1) put(row, column, data[8] === 1);
      else if (data[6] === 2) error(row, column);
    } else if (record.type === STRING && pendingText) {
      text(pendingText.row, pendingText.column, pendingText.style, toNfc(plainString(data, 0, 2)));
      pendingText = null;
    } else if (record.type === BOOLERR && data.length >= 8) {
      const { row, column } = cellAt(data);
      if (data[7] === 1) error(row, column);
      else put(row, column, data[6] === 1);
    } else if (record.type === COLINFO && data.length >= 10) {
      // A range of columns and its flags, the first of which hides them.
      if (data.readUInt16LE(8) & 1) for (let column = data.readUInt16LE(0); column <= Math.min(data.readUInt16LE(2), XLS_COLUMNS - 1); column++) hiddenColumns.add(column);
    } else if (record.type === ROW && data.length >= 16) {
      if (data.readUInt16LE(12) & ROW_HIDDEN) hiddenRows.add(data.readUInt16LE(0) + 1);
    } else if (record.type === MERGECELLS && data.length >= 2) {
      for (let at = 2; at + 8 <= data.length; at += 8) {
        const range = { top: data.readUInt16LE(at) + 1, bottom: data.readUInt16LE(at + 2) + 1, left: data.readUInt16LE(at + 4) + 1, right: data.readUInt16LE(at + 6) + 1 };
        // The first few thousand for the head; those merged down over several rows for the rows under it.
        if (merges.length < MAX_HEAD_MERGES || (range.bottom > range.top && merges.length < MAX_HEAD_MERGES + MAX_MERGES_DOWN)) merges.push(range);
      }
    }
  }
  const rows = [...byRow.values()].filter((row) => row.cells.length > 0 || row.errorCells).sort((a, b) => a.rowNumber - b.rowNumber);
  for (const row of rows) if (hiddenRows.has(row.rowNumber)) row.hidden = true;
  return { rows, merges, hiddenColumns: [...hiddenColumns].sort((a, b) => a - b) };
}

const CELL_RECORDS = new Set([LABELSST, LABEL, NUMBER, RK, MULRK, FORMULA, BOOLERR]);

/** A sheet's `<dimension>` and whether it has a cell, from its first records: the size Excel says comes before the cells. */
function sheetSummary(stream: Buffer, offset: number): { dimension: string | null; empty: boolean } {
  let dimension: string | null = null;
  const records = recordsFrom(stream, offset);
  const first = records.next();
  if (first.done === true || first.value.type !== BOF) damaged('sheet start');
  let nested = 0;
  for (const { type, data } of records) {
    if (type === BOF) nested++;
    if (type === EOF && nested-- === 0) break;
    if (nested > 0) continue;
    if (CELL_RECORDS.has(type)) return { dimension, empty: false };
    if (type === DIMENSIONS && data.length >= 12) dimension = dimensionOf(data);
  }
  return { dimension, empty: true };
}

/** The range a DIMENSIONS record gives, as Excel writes it ("A1:F400"); null for an empty sheet. */
function dimensionOf(data: Buffer): string | null {
  const [top, bottom, left, right] = [data.readUInt32LE(0), data.readUInt32LE(4), data.readUInt16LE(8), data.readUInt16LE(10)];
  return bottom > top && right > left ? `${columnName(left)}${top + 1}:${columnName(right - 1)}${bottom}` : null;
}

function columnName(index: number): string {
  let name = '';
  for (let left = index + 1; left > 0; left = Math.floor((left - 1) / 26)) name = String.fromCharCode(65 + ((left - 1) % 26)) + name;
  return name;
}

let cached: { key: string; workbook: XlsWorkbook } | null = null;

/** The workbook of an .xls, kept for the last file opened (the import opens it, reads its head, then its rows). */
export async function openXls(path: string): Promise<XlsWorkbook> {
  const { size, mtimeMs } = await stat(path);
  const key = `${path}\n${size}\n${mtimeMs}`;
  if (cached?.key === key) return cached.workbook;
  if (size > MAX_XLS_BYTES) throw unreadable.xlsTooLarge();
  const file = await readFile(path);
  const streams = guarded(() => compoundStreams(file));
  const workbookStream = streams.get('workbook');
  if (!workbookStream) {
    if (streams.has('book')) throw new XlsRefused('beforeExcel97');
    damaged('no Workbook stream');
  }
  const stream = guarded(workbookStream);
  const { bounds, ...globals } = guarded(() => readGlobals(stream));
  const sheets = bounds.map(({ name, hidden, offset }, index) => ({ name, index, hidden, offset, ...guarded(() => sheetSummary(stream, offset)) }));
  const workbook: XlsWorkbook = { stream, sheets, ...globals };
  cached = { key, workbook };
  return workbook;
}

/** The sheet named `sheet`, undefined when the workbook has none. */
export function xlsSheet(workbook: XlsWorkbook, sheet: string): XlsWorkbook['sheets'][number] | undefined {
  return workbook.sheets.find((info) => info.name === sheet);
}

/** The first `count` rows of the sheet, and all its merged ranges. */
export function readXlsHead(workbook: XlsWorkbook, sheet: XlsWorkbook['sheets'][number], count: number): SheetHead {
  return guarded(() => readSheet(workbook, sheet, { rows: count }));
}

/** The rows from `fromRow`, in batches of `batchRows`, with how many are given so far; cells from column index `columns` on are left out. */
export function* readXlsRows(
  workbook: XlsWorkbook,
  sheet: XlsWorkbook['sheets'][number],
  options: { fromRow: number; batchRows: number; columns: number },
): Generator<{ batch: SourceRow[]; read: number; total: number }> {
  const { rows } = guarded(() => readSheet(workbook, sheet, { columns: options.columns, fromRow: options.fromRow }));
  for (let at = 0; at < rows.length; at += options.batchRows) yield { batch: rows.slice(at, at + options.batchRows), read: Math.min(at + options.batchRows, rows.length), total: rows.length };
}
