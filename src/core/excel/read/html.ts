/**
 * Reading a web page saved under an Excel name — a portal's "Xuất Excel", Excel's own "Web Page"
 * — the way Excel opens it: the rows of the page's first table, each `<tr>` a row and each `<td>`
 * or `<th>` a cell; a cell spanning columns or rows (colspan, rowspan) is a merged range with its
 * text in its first cell. A cell's text is what a browser shows: white space folded, `<br>` a line
 * break, entities decoded, a lone `&nbsp;` (a portal's empty cell) empty, a `<` that starts no tag
 * (a portal's «Doanh thu < 1 tỷ», «<5 ha») kept. Every cell stays text, as in a CSV, but for a
 * number Excel wrote itself (`x:num`): what it stores, as the workbook's cell gives it, when the
 * cell shows it as a number («1.235» of 1234.567, «912345678»); a date or a percentage it shows
 * stays the text shown. A row or a column Excel hides (`display:none` on its `<tr>` or `<col>`) is
 * said to be hidden, as in the workbook. A table inside a cell (a page laid out with tables) is
 * left out of that cell. The page may be a part of
 * a web archive (.mht, Excel's "Single File Web Page"), decoded as it is read (webArchive.ts).
 *
 * The page is streamed through the tokenizer the .xlsx reader uses, so a huge or crafted page is
 * held to the same limits: a tag that never closes, a cell past Excel's 32,767 characters, a row
 * past column XFD or a table past Excel's last row is refused with a message, never read on.
 */
import { NotUtf8, decodedChunks, decodedText } from './csv';
import { columnLetter } from './header';
import { MAX_CELL_CHARS, MAX_COLUMNS, MAX_HEAD_MERGES, MAX_MERGES_DOWN, MAX_RAW_CELL_CHARS, MAX_ROWS, unreadable } from './limits';
import type { CellValue, MergedRange, OpenedSource, SheetHead, SourceRow, WebArchivePart } from './types';
import { webArchivePartBytes } from './webArchive';
import { characterOf, toNfc, XmlTokenizer, type XmlHandler } from './xml';

type Encoding = NonNullable<OpenedSource['encoding']>;

/** Where a page is: the file, or a part of the web archive the file is; and the encoding its text is in. */
export interface WebPage {
  path: string;
  encoding: Encoding;
  part?: WebArchivePart | undefined;
}

/** The spans the HTML standard allows; a larger one is read as the largest. */
const MAX_COLSPAN = 1000;
const MAX_ROWSPAN = 65_534;

/** The entities of Latin-1 (U+00A0 to U+00FF) in order: Vietnamese pages written before UTF-8 spell à, á, â, ã, è… this way. */
const latin1Entities =
  'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm ' +
  'raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde ' +
  'Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring aelig ccedil egrave ' +
  'eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml';

const namedEntities = new Map<string, string>([
  ...latin1Entities.split(' ').map((name, at) => [name, String.fromCharCode(0xa0 + at)] as const),
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
  ['ndash', '–'],
  ['mdash', '—'],
  ['lsquo', '‘'],
  ['rsquo', '’'],
  ['ldquo', '“'],
  ['rdquo', '”'],
  ['hellip', '…'],
  ['bull', '•'],
  ['euro', '€'],
]);

/** HTML text as the characters it stands for; an entity it does not know stays as written. */
function decodeHtmlText(raw: string): string {
  if (!raw.includes('&')) return raw;
  return raw.replace(/&(#[xX][0-9a-fA-F]{1,8}|#\d{1,8}|[A-Za-z][A-Za-z0-9]{1,31});/g, (whole, name: string) => {
    if (name.startsWith('#')) return characterOf(/^#x/i.test(name) ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10));
    return namedEntities.get(name) ?? whole;
  });
}

const colspanAttribute = /(?:^|\s)colspan\s*=\s*["']?\s*(\d{1,6})/i;
const rowspanAttribute = /(?:^|\s)rowspan\s*=\s*["']?\s*(\d{1,6})/i;
/** A `<col>` standing for several columns. */
const spanAttribute = /(?:^|\s)span\s*=\s*["']?\s*(\d{1,6})/i;
/** Excel's own mark of a number cell: bare when the text shown is the number, else with the number stored (`x:num="1234.567"`). */
const numberAttribute = /(?:^|\s)x:num(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/i;
/** Excel hides a row or a column of a sheet it saves as a web page with this style. */
const hiddenStyle = /(?:^|\s)style\s*=\s*["'][^"']*display\s*:\s*none/i;
/** Text a cell shows a number as: digits grouped and with decimals («1.234,57», «1,235»), a sign or brackets; not a date, a time or a percentage. */
const shownNumber = /^[-+(]?\d[\d., ]*\)?$/;

/** A span (`colspan="2"`, `rowspan=3`) in a tag's raw attribute text: 1 when absent or not a number, `most` at most. */
function spanOf(attributes: string, attribute: RegExp, most: number): number {
  const span = Number(attribute.exec(attributes)?.[1] ?? 1);
  return Math.min(Math.max(span, 1), most);
}

/** A line of a cell's raw text as a browser shows it: runs of white space one space, entities decoded (a non-breaking space a space), trimmed. */
function shownLine(raw: string): string {
  return decodeHtmlText(raw.replace(/[ \t\n\r\f]+/g, ' '))
    .replace(/\u00a0/g, ' ')
    .trim();
}

/** A cell being read: where it is, and its raw text — the lines a `<br>` ended, and the line being read. */
interface OpenCell {
  column: number;
  lines: string[];
  line: string;
  rawChars: number;
  /** The number Excel stored, as its `x:num` writes it ('' when bare: the text shown); null for any other cell. */
  stored: string | null;
}

/**
 * Builds the rows of the page's first table as the tokenizer reads it. Rows are taken as they are
 * finished (`take`). Reading a head, only its rows are built, and merged ranges are kept as
 * readXlsxHead keeps them: those of the head and those merged down over several rows anywhere.
 */
class FirstTable implements XmlHandler {
  /** Open tables: 1 inside the first table, more inside a table nested in it. */
  private depth = 0;
  private seen = false;
  /** The first table has been closed: the rest of the page is not read. */
  done = false;
  private finished: SourceRow[] = [];
  private row: CellValue[] | null = null;
  private rowNumber = 0;
  private column = 0;
  private cell: OpenCell | null = null;
  private rowHidden = false;
  /** Columns the table's `<col>` elements have stood for so far. */
  private colElements = 0;
  readonly hiddenColumns: number[] = [];
  /** Per column, the last row a cell spanning rows from above covers. */
  private readonly coveredUntil: number[] = [];
  readonly merges: MergedRange[] = [];
  private headMerges = 0;
  private downMerges = 0;

  constructor(
    private readonly sheet: string,
    /** The rows of the head being read; null when every row is read (and no merged range kept). */
    private readonly head: number | null = null,
  ) {}

  open(tag: string, attributes: string): void {
    if (this.done) return;
    const name = tag.toLowerCase();
    if (name === 'table') {
      if (this.depth > 0 || !this.seen) this.depth++;
      this.seen = true;
      return;
    }
    if (this.depth !== 1) return;
    if (name === 'tr') {
      this.endRow();
      this.startRow();
      this.rowHidden = hiddenStyle.test(attributes);
    } else if (name === 'col') {
      const span = spanOf(attributes, spanAttribute, MAX_COLUMNS);
      if (hiddenStyle.test(attributes)) for (let column = this.colElements; column < Math.min(this.colElements + span, MAX_COLUMNS); column++) this.hiddenColumns.push(column);
      this.colElements += span;
    } else if (name === 'td' || name === 'th') {
      if (this.row === null) this.startRow();
      this.endCell();
      this.startCell(attributes);
    } else if (this.cell && (name === 'br' || ((name === 'p' || name === 'div' || name === 'li') && [...this.cell.lines, this.cell.line].some((line) => line.trim() !== '')))) {
      this.cell.lines.push(this.cell.line);
      this.cell.line = '';
    }
  }

  close(tag: string): void {
    if (this.done || this.depth === 0) return;
    const name = tag.toLowerCase();
    if (name === 'table') {
      this.depth--;
      if (this.depth === 0) this.end();
    } else if (this.depth === 1 && (name === 'td' || name === 'th')) this.endCell();
    else if (this.depth === 1 && name === 'tr') this.endRow();
  }

  text(raw: string): void {
    const cell = this.cell;
    if (cell === null || this.depth !== 1) return;
    cell.rawChars += raw.length;
    if (cell.rawChars > MAX_RAW_CELL_CHARS) throw unreadable.cellTooLong(this.sheet, `${columnLetter(cell.column)}${this.rowNumber}`);
    cell.line += raw;
  }

  /** The page ended (or the first table closed): a row left open is finished. */
  end(): void {
    this.endRow();
    this.done = true;
  }

  /** The rows finished since the last call. */
  take(): SourceRow[] {
    const rows = this.finished;
    this.finished = [];
    return rows;
  }

  private startRow(): void {
    if (this.rowNumber >= MAX_ROWS) throw unreadable.tableTooLong();
    this.rowNumber++;
    this.row = [];
    this.rowHidden = false;
    this.column = 0;
  }

  private startCell(attributes: string): void {
    while ((this.coveredUntil[this.column] ?? 0) >= this.rowNumber) this.column++;
    const column = this.column;
    const colspan = spanOf(attributes, colspanAttribute, MAX_COLSPAN);
    const rowspan = spanOf(attributes, rowspanAttribute, MAX_ROWSPAN);
    if (column + colspan > MAX_COLUMNS) throw unreadable.tableColumnPastXfd(this.rowNumber);
    if (rowspan > 1) for (let covered = column; covered < column + colspan; covered++) this.coveredUntil[covered] = this.rowNumber + rowspan - 1;
    if (colspan > 1 || rowspan > 1) this.merge({ top: this.rowNumber, left: column + 1, bottom: this.rowNumber + rowspan - 1, right: column + colspan });
    // Past the head only the spans matter: the cell's text is not gathered.
    const stored = numberAttribute.exec(attributes);
    this.cell = this.head !== null && this.rowNumber > this.head ? null : { column, lines: [], line: '', rawChars: 0, stored: stored ? (stored[1] ?? stored[2] ?? stored[3] ?? '') : null };
    this.column = column + colspan;
  }

  private merge(range: MergedRange): void {
    if (this.head === null) return;
    if (range.top <= this.head && this.headMerges < MAX_HEAD_MERGES) this.headMerges++;
    else if (range.bottom > range.top && this.downMerges < MAX_MERGES_DOWN) this.downMerges++;
    else return;
    this.merges.push(range);
  }

  private endCell(): void {
    const cell = this.cell;
    const row = this.row;
    if (cell === null || row === null) return;
    this.cell = null;
    const text = cell.lines.length === 0 ? shownLine(cell.line) : [...cell.lines, cell.line].map(shownLine).join('\n').trim();
    if (text.length > MAX_CELL_CHARS) throw unreadable.cellTooLong(this.sheet, `${columnLetter(cell.column)}${this.rowNumber}`);
    while (row.length < cell.column) row.push(null);
    row[cell.column] = text === '' ? null : (storedNumber(cell.stored, text) ?? toNfc(text));
  }

  private endRow(): void {
    this.endCell();
    if (this.row === null) return;
    while (this.row.length > 0 && this.row.at(-1) === null) this.row.pop();
    // Excel ends a sheet's table with a hidden row of empty cells that only sets the columns' widths: it hides nothing.
    const hidden = this.rowHidden && this.row.length > 0 ? { hidden: true as const } : {};
    if (this.head === null || this.rowNumber <= this.head) this.finished.push({ rowNumber: this.rowNumber, cells: this.row, ...hidden });
    this.row = null;
  }
}

/** The number Excel stored in a cell it shows as a number; null when it stored none, or shows it otherwise (a date, a percentage). */
function storedNumber(stored: string | null, shown: string): number | null {
  if (stored === null || !shownNumber.test(shown)) return null;
  const written = (stored === '' ? shown : stored).trim();
  // Excel writes the stored number as JavaScript does; a bare mark beside «1.234,5» leaves it as text.
  if (!/^-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?$/i.test(written)) return null;
  const value = Number(written);
  return Number.isFinite(value) ? value : null;
}

/** The rows of the table as the page is read, with the bytes read so far; stops when the table closes. */
async function* tableRows(page: WebPage, table: FirstTable): AsyncGenerator<{ rows: SourceRow[]; read: number; total: number }> {
  let read = 0;
  let total = 0;
  const onRead = (bytes: number, size: number) => {
    read = bytes;
    total = size;
  };
  const { path, encoding, part } = page;
  const tokenizer = new XmlTokenizer(table, 'trang web', 'html');
  try {
    for await (const text of part ? decodedChunks(webArchivePartBytes(path, part, onRead), encoding) : decodedText(path, encoding, onRead)) {
      tokenizer.push(text);
      if (table.done) break;
      yield { rows: table.take(), read, total };
    }
  } catch (error) {
    throw error instanceof NotUtf8 ? unreadable.webPageEncoding(encoding) : error;
  }
  table.end();
  yield { rows: table.take(), read: total, total };
}

/** The encoding a charset names (a page's `<meta>`, a web archive part's Content-Type), when it is one the reader knows. */
export function encodingOfCharset(charset: string | null | undefined): Encoding | null {
  const named = charset?.trim().toLowerCase();
  if (named === 'utf-8' || named === 'utf8') return 'utf-8';
  if (named === 'windows-1258' || named === 'cp1258' || named === 'x-cp1258') return 'windows-1258';
  return null;
}

/** The page's charset as its `<meta>` declares it, when it is one the reader knows. */
export function declaredCharset(head: string): Encoding | null {
  return encodingOfCharset(/<meta\b[^>]*?charset\s*=\s*["']?\s*([\w-]+)/i.exec(head)?.[1]);
}

/** A sheet Excel's page of frames lists: its name on the tab, and the address of its own page. */
export interface ListedSheet {
  name: string;
  href: string;
}

/** Excel writes the list of sheets in the head of its page of frames, a few hundred characters a sheet. */
const MAX_SHEET_LIST_CHARS = 1024 * 1024;

/**
 * The sheets Excel lists in the head of the page of frames it writes for a workbook of several
 * sheets saved as a web page (`<x:ExcelWorksheet>`: `<x:Name>` and `<x:WorksheetSource HRef>`), in
 * tab order; none for any other page (a sheet's own page names its sheet but no source).
 */
export async function listedSheets(page: WebPage): Promise<ListedSheet[]> {
  const { path, encoding, part } = page;
  let head = '';
  try {
    for await (const text of part ? decodedChunks(webArchivePartBytes(path, part), encoding) : decodedText(path, encoding)) {
      head += text;
      if (head.length >= MAX_SHEET_LIST_CHARS || /<\/head\s*>|<(?:body|frameset)[\s>]/i.test(head)) break;
    }
  } catch (error) {
    // Reading the page's table says so, naming the encoding tried.
    if (error instanceof NotUtf8) return [];
    throw error;
  }
  const sheets: ListedSheet[] = [];
  for (const [, block = ''] of head.slice(0, MAX_SHEET_LIST_CHARS).matchAll(/<x:ExcelWorksheet>([\s\S]*?)<\/x:ExcelWorksheet>/gi)) {
    const name = toNfc(shownLine(/<x:Name>([\s\S]*?)<\/x:Name>/i.exec(block)?.[1] ?? ''));
    const href = /<x:WorksheetSource\s+HRef\s*=\s*["']?([^"'\s>]+)/i.exec(block)?.[1];
    if (name !== '' && href !== undefined && !sheets.some((sheet) => sheet.name === name)) sheets.push({ name, href: decodeHtmlText(href) });
  }
  return sheets;
}

/** Whether the page has a table with a row: read up to its first row only. */
export async function hasTableRow(page: WebPage, sheet: string): Promise<boolean> {
  for await (const { rows } of tableRows(page, new FirstTable(sheet))) if (rows.length > 0) return true;
  return false;
}

/** The table's first `count` rows, and its merged ranges as readXlsxHead gives them. */
export async function readHtmlHead(page: WebPage, sheet: string, count: number): Promise<SheetHead> {
  const table = new FirstTable(sheet, count);
  const head: SourceRow[] = [];
  for await (const { rows } of tableRows(page, table)) head.push(...rows);
  return { rows: head, merges: table.merges, hiddenColumns: table.hiddenColumns };
}

/**
 * The table's rows from `fromRow` (1-based), in batches, with the bytes of the page (or archive part) read so far;
 * cells from index `columns` on are left out.
 */
export async function* readHtmlRows(
  page: WebPage,
  sheet: string,
  options: { fromRow: number; batchRows: number; columns: number },
): AsyncGenerator<{ batch: SourceRow[]; read: number; total: number }> {
  const { fromRow, batchRows, columns } = options;
  let batch: SourceRow[] = [];
  let progress = { read: 0, total: 0 };
  for await (const { rows, read, total } of tableRows(page, new FirstTable(sheet))) {
    progress = { read, total };
    for (const row of rows) {
      if (row.rowNumber < fromRow) continue;
      batch.push(row.cells.length > columns ? { ...row, cells: row.cells.slice(0, columns) } : row);
      if (batch.length >= batchRows) {
        yield { batch, ...progress };
        batch = [];
      }
    }
  }
  if (batch.length > 0) yield { batch, read: progress.total, total: progress.total };
}
