/**
 * Reading an .xlsx: the workbook's sheets and date system, its shared strings and which styles are
 * dates, then the rows of one sheet streamed from the archive. Large files: the sheet XML is
 * inflated and tokenized chunk by chunk, rows go out in batches, and nothing keeps the sheet.
 */
import { open, stat, type FileHandle } from 'node:fs/promises';
import { posix } from 'node:path';
import { formatCount } from '../../../shared/format';
import { columnLetter } from './header';
import {
  MAX_CELL_CHARS,
  MAX_COLUMNS,
  MAX_HEAD_MERGES,
  MAX_MERGES_DOWN,
  MAX_PART_BYTES,
  MAX_RAW_CELL_CHARS,
  MAX_ROWS,
  MAX_SHARED_STRINGS_BYTES,
  MAX_SHEET_BYTES,
  MAX_SHEETS,
  MAX_TAG_CHARS,
  unreadable,
} from './limits';
import { builtInDateFormats, isDateFormat, isoOfExcelSerial } from './values';
import { legacyFontNamed, readInFont, type LegacyFont, type StringRun } from './legacyFonts';
import type { CellValue, MergedRange, SheetHead, SheetInfo, SourceRow } from './types';
import { attribute, decodeXmlText, toNfc, XmlTokenizer, type XmlHandler } from './xml';
import { readZipDirectory, readZipEntry, ZipDamaged, type ZipEntry } from './zip';

/** What is known of a workbook once opened; kept for the next read of the same file. */
export interface Workbook {
  entries: Map<string, ZipEntry>;
  sheets: (SheetInfo & { part: string })[];
  date1904: boolean;
  sharedStringsPart: string | null;
  stylesPart: string | null;
}

/** A workbook part that is not where the workbook says it is; worded for the person by the caller. */
export class NotAWorkbook extends Error {}

async function partText(file: FileHandle, size: number, entries: Map<string, ZipEntry>, part: string): Promise<string | null> {
  const entry = entries.get(part);
  if (!entry) return null;
  const decoder = new TextDecoder('utf-8');
  let text = '';
  for await (const chunk of readZipEntry(file, size, entry, MAX_PART_BYTES)) text += decoder.decode(chunk, { stream: true });
  return text + decoder.decode();
}

/** Each tag of a small part with its raw attributes, in order. */
function tagsOf(xml: string, part: string): { name: string; attributes: string }[] {
  const tags: { name: string; attributes: string }[] = [];
  const tokenizer = new XmlTokenizer(
    {
      open: (name, attributes) => tags.push({ name, attributes }),
      close: () => undefined,
      text: () => undefined,
    },
    part,
  );
  tokenizer.push(xml);
  return tags;
}

/** Relationship id → part path, resolved against the folder of the part the relationships belong to. */
function relationships(xml: string | null, ofPart: string): Map<string, { target: string; type: string }> {
  const found = new Map<string, { target: string; type: string }>();
  if (xml === null) return found;
  const base = posix.dirname(ofPart);
  for (const tag of tagsOf(xml, relsPathOf(ofPart))) {
    if (tag.name !== 'Relationship') continue;
    const id = attribute(tag.attributes, 'Id');
    const target = attribute(tag.attributes, 'Target');
    if (id === null || target === null || attribute(tag.attributes, 'TargetMode') === 'External') continue;
    const path = target.startsWith('/') ? target.slice(1) : posix.normalize(posix.join(base, target));
    found.set(id, { target: path, type: attribute(tag.attributes, 'Type') ?? '' });
  }
  return found;
}

function relsPathOf(part: string): string {
  return posix.join(posix.dirname(part), '_rels', `${posix.basename(part)}.rels`);
}

/**
 * The `<dimension ref>` near the start of a sheet and whether it has any cell, read without
 * inflating more than the start of the sheet data.
 */
async function sheetStartOf(file: FileHandle, size: number, entry: ZipEntry): Promise<{ dimension: string | null; empty: boolean }> {
  const decoder = new TextDecoder('utf-8');
  let head = '';
  let empty = true;
  for await (const chunk of readZipEntry(file, size, entry, MAX_SHEET_BYTES)) {
    head += decoder.decode(chunk, { stream: true });
    if (/<(?:\w+:)?c[\s>/]/.test(head)) {
      empty = false;
      break;
    }
    if (/<(?:\w+:)?sheetData\s*\/>|<\/(?:\w+:)?sheetData>/.test(head)) break;
    // Only the start is wanted; a sheet of styled but empty rows is still scanned for its first cell.
    if (head.length > 65_536) head = head.slice(0, 16_384) + head.slice(-1024);
  }
  const match = /<(?:\w+:)?dimension\s[^>]*ref="([^"]*)"/.exec(head);
  return { dimension: match?.[1] ?? null, empty };
}

let cachedWorkbook: { key: string; workbook: Workbook } | null = null;

/** The file's identity for the caches: the same path, size and modification time. */
async function fileKey(path: string): Promise<string> {
  const { size, mtimeMs } = await stat(path);
  return `${path}\n${size}\n${mtimeMs}`;
}

/**
 * The workbook structure, kept for the last file opened (the import opens it, reads its head, then
 * its rows). Throws NotAWorkbook, or ZipDamaged for a cut or broken archive.
 */
export async function openWorkbook(path: string): Promise<Workbook> {
  const key = await fileKey(path);
  if (cachedWorkbook?.key === key) return cachedWorkbook.workbook;
  const workbook = await readWorkbook(path);
  cachedWorkbook = { key, workbook };
  return workbook;
}

async function readWorkbook(path: string): Promise<Workbook> {
  const file = await open(path, 'r');
  try {
    const { size } = await file.stat();
    const entries = await readZipDirectory(file, size);
    const rootRels = relationships(await partText(file, size, entries, '_rels/.rels'), '');
    const officeDocument = [...rootRels.values()].find((rel) => rel.type.endsWith('/officeDocument'));
    const workbookPart = officeDocument?.target ?? 'xl/workbook.xml';
    const workbookXml = await partText(file, size, entries, workbookPart);
    if (workbookXml === null) {
      throw new NotAWorkbook(entries.has('xl/workbook.bin') ? 'xlsb' : 'no workbook part');
    }
    const rels = relationships(await partText(file, size, entries, relsPathOf(workbookPart)), workbookPart);
    const partOfType = (suffix: string): string | null =>
      [...rels.values()].find((rel) => rel.type.endsWith(suffix))?.target ?? null;

    let date1904 = false;
    const sheets: Workbook['sheets'] = [];
    const tags = tagsOf(workbookXml, workbookPart);
    // Counted before any is opened: each is inflated to see whether it has cells.
    if (tags.filter((tag) => tag.name === 'sheet').length > MAX_SHEETS) throw unreadable.tooManySheets();
    for (const tag of tags) {
      if (tag.name === 'workbookPr') {
        const flag = attribute(tag.attributes, 'date1904');
        date1904 = flag === '1' || flag === 'true';
      }
      if (tag.name !== 'sheet') continue;
      const relId = attribute(tag.attributes, 'r:id') ?? attribute(tag.attributes, 'id');
      const rel = relId === null ? undefined : rels.get(relId);
      // Chart sheets and macro sheets hold no rows.
      if (!rel?.type.endsWith('/worksheet')) continue;
      const entry = entries.get(rel.target);
      if (!entry) continue;
      const state = attribute(tag.attributes, 'state');
      const start = await sheetStartOf(file, size, entry);
      sheets.push({
        name: toNfc(attribute(tag.attributes, 'name') ?? `Sheet${sheets.length + 1}`),
        index: sheets.length,
        hidden: state === 'hidden' || state === 'veryHidden',
        dimension: start.dimension,
        empty: start.empty,
        part: rel.target,
      });
    }
    return {
      entries,
      sheets,
      date1904,
      sharedStringsPart: partOfType('/sharedStrings'),
      stylesPart: partOfType('/styles'),
    };
  } finally {
    await file.close();
  }
}

/** Excel holds at most 64,000 cell formats; a cell pointing past them is read as no date. */
const MAX_CELL_FORMATS = 65_536;

/** For each style index (a cell's `s`): whether it formats numbers as dates, its font when that is a legacy one, and whether its font is struck through. */
interface CellStyles {
  dates: boolean[];
  legacyFonts: (LegacyFont | null)[];
  struck: boolean[];
}

function cellStylesOf(xml: string | null, part: string): CellStyles {
  const styles: CellStyles = { dates: [], legacyFonts: [], struck: [] };
  if (xml === null) return styles;
  const customDates = new Set<number>();
  const fonts: (LegacyFont | null)[] = [];
  const struckFonts: boolean[] = [];
  let inFonts = false;
  let inCellXfs = false;
  const tokenizer = new XmlTokenizer(
    {
      open(name, attributes) {
        if (name === 'numFmt') {
          const id = Number(attribute(attributes, 'numFmtId'));
          if (isDateFormat(attribute(attributes, 'formatCode') ?? '')) customDates.add(id);
        } else if (name === 'fonts') inFonts = true;
        else if (name === 'font' && inFonts) {
          fonts.push(null);
          struckFonts.push(false);
        }
        // A font's name; the differential formats' fonts (`dxfs`) come after `fonts` is closed.
        else if (name === 'name' && inFonts && fonts.length > 0) fonts[fonts.length - 1] = legacyFontNamed(attribute(attributes, 'val'));
        else if (name === 'strike' && inFonts && struckFonts.length > 0) struckFonts[struckFonts.length - 1] = !['0', 'false'].includes(attribute(attributes, 'val') ?? '1');
        else if (name === 'cellXfs') inCellXfs = true;
        else if (name === 'cellStyles' || name === 'dxfs' || name === 'cellStyleXfs') inCellXfs = false;
        else if (name === 'xf' && inCellXfs && styles.dates.length < MAX_CELL_FORMATS) {
          const id = Number(attribute(attributes, 'numFmtId') ?? '0');
          styles.dates.push(builtInDateFormats.has(id) || customDates.has(id));
          const font = Number(attribute(attributes, 'fontId') ?? '0');
          styles.legacyFonts.push(fonts[font] ?? null);
          styles.struck.push(struckFonts[font] === true);
        }
      },
      close(name) {
        if (name === 'fonts') inFonts = false;
      },
      text: () => undefined,
    },
    part,
  );
  tokenizer.push(xml);
  return styles;
}

/**
 * The shared strings, rich-text runs joined and phonetic guides (`rPh`) left out, read only as far
 * as the rows read so far need (`upTo`). Writers put a string in the table where it is first used,
 * so the head of a sheet needs the first few hundred of a table of a million; finding the header
 * then costs nothing of the table's size, and reading every row parses the table beside the rows
 * instead of before the first.
 */
class SharedStrings {
  /** The strings parsed so far, by index; a rich-text one whose runs name fonts also has its runs in `runs`. */
  readonly strings: string[] = [];
  /** By index, the runs of the strings whose runs name their own fonts: a legacy run is read by its font, not the cell's. */
  readonly runs = new Map<number, StringRun[]>();
  private chunks: AsyncGenerator<Uint8Array> | null;
  private readonly tokenizer: XmlTokenizer;
  private readonly decoder = new TextDecoder('utf-8');

  constructor(file: FileHandle, size: number, entry: ZipEntry | undefined) {
    this.chunks = entry ? readZipEntry(file, size, entry, MAX_SHARED_STRINGS_BYTES) : null;
    const { strings, runs } = this;
    let text = '';
    let inText = false;
    let inPhonetic = false;
    /** The rich-text runs of the string being read, their text still raw. */
    let stringRuns: StringRun[] = [];
    let runStart = 0;
    let runFont: LegacyFont | null | undefined;
    const finish = () => {
      const value = toNfc(decodeXmlText(text));
      if (value.length > MAX_CELL_CHARS) throw unreadable.sharedStringTooLong(strings.length);
      if (stringRuns.some((run) => run.font !== undefined)) runs.set(strings.length, stringRuns.map((run) => ({ ...run, text: toNfc(decodeXmlText(run.text)) })));
      strings.push(value);
    };
    this.tokenizer = new XmlTokenizer(
      {
        open(name, attributes, selfClosing) {
          if (name === 'si') {
            text = '';
            stringRuns = [];
            if (selfClosing) finish();
          } else if (name === 'r') {
            runStart = text.length;
            runFont = undefined;
          } else if (name === 'rFont' && !inPhonetic) runFont = legacyFontNamed(attribute(attributes, 'val'));
          else if (name === 't' && !inPhonetic && !selfClosing) inText = true;
          else if (name === 'rPh') inPhonetic = !selfClosing;
        },
        close(name) {
          if (name === 't') inText = false;
          else if (name === 'r') stringRuns.push({ text: text.slice(runStart), ...(runFont === undefined ? {} : { font: runFont }) });
          else if (name === 'rPh') inPhonetic = false;
          else if (name === 'si') finish();
        },
        text(raw) {
          if (!inText) return;
          text += raw;
          if (text.length > MAX_RAW_CELL_CHARS) throw unreadable.sharedStringTooLong(strings.length);
        },
      },
      entry?.name ?? '',
    );
  }

  /** Whether the whole table is parsed. */
  get complete(): boolean {
    return this.chunks === null;
  }

  /** Parses until the string at `index` is known, or to the table's end (`Infinity`: the whole table). */
  async upTo(index: number): Promise<void> {
    while (this.chunks !== null && this.strings.length <= index) {
      const next = await this.chunks.next();
      if (next.done === true) {
        this.tokenizer.push(this.decoder.decode());
        this.chunks = null;
      } else this.tokenizer.push(this.decoder.decode(next.value, { stream: true }));
    }
  }

  /** Stops reading the part (before its file is closed). */
  async close(): Promise<void> {
    const chunks = this.chunks;
    this.chunks = null;
    await chunks?.return(undefined);
  }
}

/** What reading a sheet needs besides the sheet: kept for the last file read. */
interface SheetContext {
  /** The whole table once a read parsed it to its end, with its runs; until then each read parses what it needs. */
  sharedStrings: { strings: string[]; runs: ReadonlyMap<number, StringRun[]> } | null;
  styles: CellStyles;
  date1904: boolean;
}

let cached: { key: string; context: SheetContext } | null = null;

async function sheetContext(path: string, workbook: Workbook, file: FileHandle, size: number): Promise<SheetContext> {
  const key = await fileKey(path);
  if (cached?.key === key) return cached.context;
  const stylesXml = workbook.stylesPart === null ? null : await partText(file, size, workbook.entries, workbook.stylesPart);
  const context: SheetContext = {
    sharedStrings: workbook.sharedStringsPart === null ? { strings: [], runs: new Map() } : null,
    styles: cellStylesOf(stylesXml, workbook.stylesPart ?? ''),
    date1904: workbook.date1904,
  };
  cached = { key, context };
  return context;
}

/**
 * 0-based column of a cell reference (`AB12` → 27); -1 when there is none. Letters past XFD give
 * MAX_COLUMNS or more (counting stops there, so `AAAAAAAAAAAA1` is no huge number).
 */
function columnOfReference(reference: string): number {
  let column = 0;
  let at = 0;
  for (; at < reference.length; at++) {
    const code = reference.charCodeAt(at);
    if (code >= 65 && code <= 90) column = column * 26 + (code - 64);
    else if (code >= 97 && code <= 122) column = column * 26 + (code - 96);
    else break;
    if (column > MAX_COLUMNS) return MAX_COLUMNS;
  }
  return at === 0 ? -1 : column - 1;
}

function parseReference(reference: string): { row: number; column: number } | null {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(reference);
  return match ? { column: columnOfReference(match[1] ?? ''), row: Number(match[2]) } : null;
}

/**
 * A merged range from its `ref` ("A1:C2"), or null when it is not one Excel could hold: cells past
 * XFD or row 1,048,576, or corners the wrong way round.
 */
export function parseMergeRange(ref: string): MergedRange | null {
  const [from = '', to = from] = ref.split(':');
  const start = parseReference(from);
  const end = parseReference(to);
  if (!start || !end) return null;
  const range = { top: start.row, left: start.column + 1, bottom: end.row, right: end.column + 1 };
  const inside = range.top >= 1 && range.bottom <= MAX_ROWS && range.right <= MAX_COLUMNS;
  return inside && range.top <= range.bottom && range.left <= range.right ? range : null;
}

/**
 * Reads the quick attributes of a `<c>` tag: r, s and t. A hand loop because this runs for every
 * cell of the sheet.
 */
function cellAttributes(attributes: string, into: { r: string; s: number; t: string }): void {
  into.r = '';
  into.s = 0;
  into.t = '';
  const length = attributes.length;
  let at = 0;
  while (at < length) {
    while (at < length && attributes.charCodeAt(at) <= 32) at++;
    const eq = attributes.indexOf('=', at);
    if (eq < 0) return;
    const name = attributes.slice(at, eq).trim();
    const quote = attributes[eq + 1] === "'" ? "'" : '"';
    const end = attributes.indexOf(quote, eq + 2);
    if (end < 0) return;
    const value = attributes.slice(eq + 2, end);
    if (name === 'r') into.r = value;
    else if (name === 's') into.s = Number(value);
    else if (name === 't') into.t = value;
    at = end + 1;
  }
}

/** Builds rows from the sheet XML as it streams past. */
class SheetRows implements XmlHandler {
  /** Finished rows not yet taken. */
  rows: SourceRow[] = [];
  merges: MergedRange[] = [];
  /** 0-based indexes of the columns the sheet hides (its `cols`, before the rows). */
  hiddenColumns: number[] = [];
  /** Rows before this one are skipped without building their cells. */
  fromRow = 1;
  /** Cells from this column index on are not kept: the import's table ends before it. */
  columns = MAX_COLUMNS;
  /** Once set, rows are no longer built at all: only merged ranges are collected. */
  mergesOnly = false;
  /** Merged ranges starting below this row are not kept: they do not touch the head. */
  mergesUpTo = MAX_ROWS;
  /**
   * Reading a head: once this many rows are built, no more are (`mergesOnly`), even within the
   * piece of XML at hand, which may hold thousands.
   */
  headRows = Number.POSITIVE_INFINITY;

  private rowNumber = 0;
  private headMerges = 0;
  private downMerges = 0;
  private cells: CellValue[] = [];
  /** The row being read, given once it ends; a shared string read later is still put in its cell. */
  private row: SourceRow = { rowNumber: 0, cells: this.cells };
  private formulaCells: number[] | undefined;
  private errorCells: number[] | undefined;
  private inRow = false;
  private column = -1;
  private readonly cell = { r: '', s: 0, t: '' };
  private value = '';
  private hasValue = false;
  private hasFormula = false;
  /** 0 outside, 1 in `<v>`, 2 in an inline string's `<t>`. */
  private capturing = 0;
  private inPhonetic = false;
  /** Cells of shared strings not parsed yet when they were read: filled by `fillStrings`. */
  private waiting: { row: SourceRow; column: number; index: number; style: number }[] = [];
  private readonly strings: readonly string[];
  private readonly runs: ReadonlyMap<number, StringRun[]>;

  constructor(
    private readonly context: SheetContext,
    /** The shared strings being parsed, when the table is not whole in `context` yet. */
    private readonly shared: SharedStrings | null,
    /** The sheet's name, for the messages that refuse it. */
    private readonly sheet: string,
  ) {
    this.strings = shared?.strings ?? context.sharedStrings?.strings ?? [];
    this.runs = shared?.runs ?? context.sharedStrings?.runs ?? new Map<number, StringRun[]>();
  }

  /** Parses the shared strings the rows built so far use, and puts them in their cells. */
  async fillStrings(): Promise<void> {
    const waiting = this.waiting;
    if (waiting.length === 0 || !this.shared) return;
    this.waiting = [];
    let highest = 0;
    for (const cell of waiting) highest = Math.max(highest, cell.index);
    await this.shared.upTo(highest);
    for (const { row, column, index, style } of waiting) row.cells[column] = this.sharedString(index, style, row);
  }

  /** The shared string `index` as a cell of style `style` shows it (`asShown`), each run that names its font by that font. */
  private sharedString(index: number, style: number, row: SourceRow): string | null {
    const text = this.strings[index];
    if (text === undefined) return null;
    const runs = this.runs.size === 0 ? undefined : this.runs.get(index);
    if (runs === undefined) return this.asShown(text, style, row);
    return runs.map((run) => (run.font === undefined ? this.asShown(run.text, style, row) : run.font === null ? run.text : readInFont(run.text, run.font, row))).join('');
  }

  /** A cell's text: read by the cell's font when that is a legacy one. */
  private asShown(text: string, style: number, row: SourceRow): string {
    const font = this.context.styles.legacyFonts[style];
    return font ? readInFont(text, font, row) : text;
  }

  open(name: string, attributes: string, selfClosing: boolean): void {
    switch (name) {
      case 'row': {
        const r = attribute(attributes, 'r');
        this.rowNumber = r === null ? this.rowNumber + 1 : Number(r);
        if (!Number.isInteger(this.rowNumber) || this.rowNumber < 1 || this.rowNumber > MAX_ROWS) {
          throw unreadable.rowPastLast(this.sheet, r ?? String(this.rowNumber));
        }
        this.column = -1;
        this.inRow = !this.mergesOnly && this.rowNumber >= this.fromRow;
        if (!this.inRow) return;
        this.cells = [];
        this.row = { rowNumber: this.rowNumber, cells: this.cells };
        const hidden = attribute(attributes, 'hidden');
        if (hidden === '1' || hidden === 'true') this.row.hidden = true;
        this.formulaCells = undefined;
        this.errorCells = undefined;
        if (selfClosing) this.endRow();
        return;
      }
      case 'c': {
        if (!this.inRow) return;
        cellAttributes(attributes, this.cell);
        const column = this.cell.r === '' ? -1 : columnOfReference(this.cell.r);
        this.column = column < 0 ? this.column + 1 : column;
        // A column past XFD would have every row stretched to it, cell by empty cell.
        if (this.column >= MAX_COLUMNS) throw unreadable.columnPastXfd(this.sheet, this.cell.r === '' ? this.reference() : `«${this.reference()}»`);
        this.value = '';
        this.hasValue = false;
        this.hasFormula = false;
        if (selfClosing) this.endCell();
        return;
      }
      case 'v':
        if (this.inRow && !selfClosing) {
          this.capturing = 1;
          this.hasValue = true;
        }
        return;
      case 't':
        if (this.inRow && !selfClosing && !this.inPhonetic && this.cell.t === 'inlineStr') {
          this.capturing = 2;
          this.hasValue = true;
        }
        return;
      case 'rPh':
        this.inPhonetic = !selfClosing;
        return;
      case 'f':
        this.hasFormula = true;
        return;
      case 'col': {
        const hidden = attribute(attributes, 'hidden');
        if (hidden !== '1' && hidden !== 'true') return;
        const [min, max] = [Number(attribute(attributes, 'min')), Number(attribute(attributes, 'max'))];
        // A range may run to the sheet's last column: only those a table can have are kept.
        if (Number.isInteger(min) && Number.isInteger(max) && min >= 1) for (let column = min; column <= Math.min(max, MAX_COLUMNS); column++) this.hiddenColumns.push(column - 1);
        return;
      }
      case 'mergeCell': {
        const ref = attribute(attributes, 'ref');
        const range = ref === null ? null : parseMergeRange(ref);
        if (range) this.addMerge(range);
        return;
      }
      default:
        return;
    }
  }

  close(name: string): void {
    switch (name) {
      case 'v':
      case 't':
        this.capturing = 0;
        return;
      case 'rPh':
        this.inPhonetic = false;
        return;
      case 'c':
        if (this.inRow) this.endCell();
        return;
      case 'row':
        if (this.inRow) this.endRow();
        return;
      default:
        return;
    }
  }

  text(raw: string): void {
    if (this.capturing === 0) return;
    this.value += raw;
    if (this.value.length > MAX_RAW_CELL_CHARS) throw unreadable.cellTooLong(this.sheet, this.reference());
  }

  /**
   * Keeps a merged range the head may need, and one merged down over several rows anywhere, for
   * the rows under the header; a sheet of a million merges (no real header has more than a few
   * dozen) keeps the first few thousand of its head's.
   */
  addMerge(range: MergedRange): void {
    if (range.top <= this.mergesUpTo && this.headMerges < MAX_HEAD_MERGES) this.headMerges += 1;
    else if (range.bottom > range.top && this.downMerges < MAX_MERGES_DOWN) this.downMerges += 1;
    else return;
    this.merges.push(range);
  }

  /** The current cell as Excel names it, for a message; by its place in the row when it has no name. */
  private reference(): string {
    const written = this.cell.r.slice(0, 20);
    if (written !== '') return written;
    return this.column < MAX_COLUMNS ? `${columnLetter(this.column)}${this.rowNumber}` : `thứ ${formatCount(this.column + 1)} của dòng ${this.rowNumber}`;
  }

  private endCell(): void {
    const { t, s } = this.cell;
    const column = this.column;
    if (column >= this.columns) return;
    let value: CellValue = null;
    if (!this.hasValue) {
      if (this.hasFormula) (this.formulaCells ??= []).push(column);
      else return;
    } else if (t === '' || t === 'n') {
      const number = Number(this.value);
      if (this.context.styles.dates[s] === true) {
        const iso = isoOfExcelSerial(number, this.context.date1904);
        value = iso === null ? number : { date: iso };
      } else value = number;
    } else if (t === 's') {
      const index = Number(this.value);
      value = this.sharedString(index, s, this.row);
      // Past the strings parsed so far: filled in before the row is given (`fillStrings`).
      if (value === null && this.shared?.complete === false && Number.isInteger(index) && index >= 0) this.waiting.push({ row: this.row, column, index, style: s });
    }
    else if (t === 'inlineStr' || t === 'str') {
      // An inline string's runs are read by the cell's font, whatever font they name.
      value = this.asShown(toNfc(decodeXmlText(this.value)), s, this.row);
      if (value.length > MAX_CELL_CHARS) throw unreadable.cellTooLong(this.sheet, this.reference());
    }
    else if (t === 'b') value = this.value.trim() === '1';
    else if (t === 'd') value = /^\d{4}-\d{2}-\d{2}/.test(this.value) ? { date: this.value.slice(0, 10) } : null;
    else if (t === 'e') (this.errorCells ??= []).push(column);
    if (this.hasValue && this.context.styles.struck[s] === true) (this.row.struckCells ??= []).push(column);
    const cells = this.cells;
    if (column === cells.length) cells.push(value);
    else if (column > cells.length) {
      while (cells.length < column) cells.push(null);
      cells.push(value);
    } else cells[column] = value;
  }

  private endRow(): void {
    const { row } = this;
    if (this.formulaCells) row.formulaCells = this.formulaCells;
    if (this.errorCells) row.errorCells = this.errorCells;
    this.rows.push(row);
    this.inRow = false;
    if (this.rows.length >= this.headRows) {
      this.mergesOnly = true;
      this.mergesUpTo = this.rowNumber;
    }
  }
}

export function sheetOf(workbook: Workbook, sheet: string): (SheetInfo & { part: string }) | undefined {
  return workbook.sheets.find((info) => info.name === sheet);
}

/**
 * Collects `<mergeCell ref>` from the raw bytes of the rest of a sheet once its head is read:
 * a byte search, without decoding or tokenizing the rows it passes.
 */
class MergeScanner {
  private carry: Buffer = Buffer.alloc(0);

  constructor(
    private readonly rows: SheetRows,
    private readonly part: string,
  ) {}

  push(chunk: Uint8Array): void {
    const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const buffer = this.carry.length > 0 ? Buffer.concat([this.carry, bytes]) : bytes;
    let at = 0;
    for (;;) {
      const hit = buffer.indexOf('mergeCell', at, 'latin1');
      if (hit < 0) break;
      const end = buffer.indexOf(62 /* > */, hit);
      if (end < 0) {
        if (buffer.length - hit > MAX_TAG_CHARS) throw unreadable.tagTooLong(this.part);
        this.carry = Buffer.from(buffer.subarray(hit));
        return;
      }
      const ref = /\sref\s*=\s*["']([^"']+)["']/.exec(buffer.toString('latin1', hit, end))?.[1];
      const range = ref === undefined ? null : parseMergeRange(ref);
      if (range) this.rows.addMerge(range);
      at = end + 1;
    }
    // Keep enough of the end for a name cut between two chunks.
    this.carry = Buffer.from(buffer.subarray(Math.max(at, buffer.length - 16)));
  }
}

/**
 * Streams a sheet's XML into a SheetRows, pausing after each inflated chunk with how many of the
 * part's compressed bytes are read. Leaving the loop early closes the file.
 */
async function* streamSheet(
  path: string,
  workbook: Workbook,
  part: string,
  configure: (rows: SheetRows) => void,
): AsyncGenerator<{ rows: SheetRows; read: number; total: number; done: boolean }> {
  const entry = workbook.entries.get(part);
  if (!entry) throw new ZipDamaged(`missing part ${part}`);
  const file = await open(path, 'r');
  let shared: SharedStrings | null = null;
  try {
    const { size } = await file.stat();
    const sheet = workbook.sheets.find((info) => info.part === part)?.name ?? part;
    const context = await sheetContext(path, workbook, file, size);
    const entryOfStrings = workbook.sharedStringsPart === null ? undefined : workbook.entries.get(workbook.sharedStringsPart);
    shared = context.sharedStrings === null ? new SharedStrings(file, size, entryOfStrings) : null;
    // The table's first piece at once: a table declared too large is refused before any row.
    await shared?.upTo(0);
    const rows = new SheetRows(context, shared, sheet);
    configure(rows);
    const tokenizer = new XmlTokenizer(rows, part);
    const decoder = new TextDecoder('utf-8');
    let read = 0;
    let mergeScanner: MergeScanner | null = null;
    for await (const chunk of readZipEntry(file, size, entry, MAX_SHEET_BYTES, (bytes) => (read = bytes))) {
      if (rows.mergesOnly) {
        mergeScanner ??= new MergeScanner(rows, part);
        mergeScanner.push(chunk);
      } else tokenizer.push(decoder.decode(chunk, { stream: true }));
      await rows.fillStrings();
      yield { rows, read, total: entry.compressedSize, done: false };
    }
    if (mergeScanner === null) tokenizer.push(decoder.decode());
    await rows.fillStrings();
    if (shared && rows.headRows === Number.POSITIVE_INFINITY) {
      // Every row read: the rest of the table is parsed too (a string too long there refuses the
      // file as it did when the table was parsed first), and kept for the next read of the file.
      await shared.upTo(Number.POSITIVE_INFINITY);
      context.sharedStrings = { strings: shared.strings, runs: shared.runs };
    }
    yield { rows, read: entry.compressedSize, total: entry.compressedSize, done: true };
  } finally {
    await shared?.close();
    await file.close();
  }
}

/**
 * The first `count` rows of the sheet, and all its merged ranges. The XML keeps the merges after
 * the last row, so the rest of the sheet is still inflated and tokenized, but its rows are not built.
 */
export async function readXlsxHead(path: string, workbook: Workbook, part: string, count: number): Promise<SheetHead> {
  let sheetRows: SheetRows | null = null;
  for await (const { rows } of streamSheet(path, workbook, part, (rows) => (rows.headRows = count))) sheetRows = rows;
  return { rows: sheetRows?.rows ?? [], merges: sheetRows?.merges ?? [], hiddenColumns: sheetRows?.hiddenColumns ?? [] };
}

/**
 * Every row from `fromRow`, in batches of `batchRows`, with the compressed bytes read so far;
 * cells from column index `columns` on are left out.
 */
export async function* readXlsxRows(
  path: string,
  workbook: Workbook,
  part: string,
  options: { fromRow: number; batchRows: number; columns: number },
): AsyncGenerator<{ batch: SourceRow[]; read: number; total: number }> {
  const { fromRow, batchRows, columns } = options;
  const configure = (rows: SheetRows) => {
    rows.fromRow = fromRow;
    rows.columns = columns;
  };
  for await (const { rows, read, total, done } of streamSheet(path, workbook, part, configure)) {
    while (rows.rows.length >= batchRows || (done && rows.rows.length > 0)) {
      const batch = rows.rows.length > batchRows ? rows.rows.splice(0, batchRows) : rows.rows;
      if (batch === rows.rows) rows.rows = [];
      yield { batch, read, total };
    }
  }
}
