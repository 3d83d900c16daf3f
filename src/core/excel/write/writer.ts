/**
 * The one writer of every export and report: it reads a layout (see layout.ts) and streams the
 * rows into an .xlsx in the administrative style of Vietnamese offices — issuing body top left,
 * national motto top right, title and period centred, the table under merged multi-row headers,
 * a totals row, then place and date and the signature block at the bottom right — a report of
 * several sheets being one document, the heading on its first and the signature on its last, the
 * columns widened where a narrow table would break a heading in two; A4, scaled to
 * the page's width, the header rows repeated on every printed page — and so the end never printed
 * alone on a page under the repeated header: the writer foresees where the pages end and, when the
 * end does not fit under the last rows, sends the last of them over with it. It can foresee them
 * because it sets the print scale itself (see `printScale`) and every row's height: each reader
 * then prints the same rows at the same size.
 *
 * Rows are committed as they come (exceljs's streaming WorkbookWriter), so a register of 100,000
 * organizations never sits in memory as a workbook; the writer yields to the event loop every few
 * hundred rows, so the process keeps answering the window and a cancel takes effect.
 */
import ExcelJS from 'exceljs';
import { percentShown } from '../../../shared/format';
import type { JobControl } from '../../jobs';
import type { LayoutColumn, LayoutSheet, ReportLayout } from './layout';

export type CellValue = string | number | boolean | null;
export type Row = Readonly<Record<string, CellValue>>;

export interface SheetData {
  /** The table's rows, produced as they are written (a generator reading the database page by page). */
  rows: Iterable<Row> | AsyncIterable<Row>;
  /** How many rows will come, for the progress bar; null when not known in advance. */
  count: number | null;
  /** Totals of the columns whose layout says `total: "given"`, asked for once the rows are written. */
  totals?: () => Row;
  /** What this report's figures leave out, said after the layout's note (its own sentence). */
  note?: string;
}

/** What the frame around the tables says: who issues it, for when, where and who signs. */
export interface ReportFrame {
  /** The issuing body in capitals: "LIÊN MINH HỢP TÁC XÃ TỈNH AN GIANG". */
  issuer: string;
  /** "Năm 2025", "Từ ngày 01/01/2025 đến ngày 30/06/2025". */
  period: string;
  /** "An Giang, ngày 22 tháng 11 năm 2026". */
  placeAndDate: string;
  /** "Số: 125/BC-LMHTX", or with dots to fill in by hand; absent on a list, which is no document. */
  documentNumber?: string;
  signerName: string;
}

export type WriteProgress = Pick<JobControl, 'report' | 'throwIfCancelled'>;

/** Rows written between two yields to the event loop (and two progress reports). */
const CHUNK_ROWS = 500;

const FONT_NAME = 'Times New Roman';
/** Excel's code of the A4 paper size. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-enum-assignment -- exceljs's PaperSize is an ambient const enum, which isolatedModules cannot read
const A4 = 9 as ExcelJS.PaperSize;
/** The page's margins, in inches. */
const MARGINS = { left: 0.6, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 };
/** A4's sides in points. */
const A4_POINTS = { short: 595, long: 842 };
/** The height of an empty row of the frame (set on it: a reader's own default depends on its fonts). */
const DEFAULT_ROW_HEIGHT = 15;
/**
 * The share of a page by which where it ends may differ from what the writer foresees: the readers
 * print the same scale and heights, but round them each its own way.
 */
const PAGE_DOUBT = 0.01;
/** How many of the table's last rows go over with the signature block when it does not fit under them. */
const ROWS_KEPT_WITH_END = 3;
/** Rows a page break would leave too few of at the top of a page: it falls before them instead. */
const ROWS_LEFT_ALONE = 2;
const thin = { style: 'thin' } as const;
const allBorders: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };

function font(size: number, extra: Partial<ExcelJS.Font> = {}): Partial<ExcelJS.Font> {
  return { name: FONT_NAME, size, ...extra };
}

/** A capital letter of Times New Roman is about half as wide again as a small one. */
const CAPITAL_WIDTH = 1.45;

const capitals = /\p{Lu}/gu;

/** A word's width in small letters: a heading in capitals takes more room than its length says. */
function widthOfWord(word: string): number {
  return word.length + (word.match(capitals)?.length ?? 0) * (CAPITAL_WIDTH - 1);
}

/** How many small letters of Times New Roman at this size fit in one unit of a column's width. */
function lettersPerWidth(size: number, bold: boolean): number {
  return ((bold ? 0.92 : 1) * 12) / size;
}

/** The width a text needs to stay on one line (the inverse of `linesNeeded`'s one line). */
export function widthForOneLine(text: string, size: number, bold = false): number {
  return widthOfWord(text) / lettersPerWidth(size, bold) + 0.5;
}

/**
 * How many lines a text takes in a cell of the given width (Excel's character widths) at a font
 * size, wrapping at spaces. LibreOffice and Excel do not grow the rows of a generated file to fit
 * wrapped text, and Excel cuts off what a row is too short for, so the writer sets each row's
 * height itself. The estimate is made for Excel's widths (a unit is the width of a digit of
 * Arial 10, the workbook's Normal font, against which Times New Roman at 12 points fits about
 * one small letter, bold a little less) and errs on the generous side: LibreOffice, whose units
 * are a little wider, shows some rows a little taller than they need.
 */
export function linesNeeded(text: string, width: number, size: number, bold = false): number {
  const capacity = Math.max(1, (width - 0.5) * lettersPerWidth(size, bold));
  if (text.length * CAPITAL_WIDTH <= capacity) return 1;
  let lines = 1;
  let used = 0;
  for (const word of text.split(' ')) {
    const length = widthOfWord(word);
    if (used === 0) used = length;
    else if (used + 1 + length <= capacity) used += 1 + length;
    else {
      lines += 1;
      used = length;
    }
    // A word longer than a line is broken over as many as it needs.
    while (used > capacity) {
      lines += 1;
      used -= capacity;
    }
  }
  return lines;
}

/** A pixel of the screen (96 to the inch) in points: Excel gives a row a whole number of them. */
const PIXEL_POINTS = 0.75;

/**
 * The height in points of a row of this many lines at a font size, in whole pixels, so that Excel
 * keeps it as written instead of rounding it, and prints the rows as tall as the writer counts them.
 */
function heightOf(lines: number, size: number): number {
  return Math.ceil((lines * size * 1.3 + 3) / PIXEL_POINTS) * PIXEL_POINTS;
}

/**
 * Numbers formatted in Vietnamese (the language tag 42A): LibreOffice then sets thousands off with
 * dots and decimals with a comma whatever its own language, 1.500,5 as the screens write it,
 * instead of 1,500.5, which a Vietnamese reader takes for a number a thousand times smaller. (Excel
 * shows the separators of the computer's regional settings, a Vietnamese office's the same.)
 */
const VIETNAMESE = '[$-42A]';

const numberFormats: Record<LayoutColumn['format'], string | undefined> = {
  index: '0',
  text: undefined,
  count: `${VIETNAMESE}#,##0`,
  money: `${VIETNAMESE}#,##0`,
  quantity: `${VIETNAMESE}#,##0`,
  percent: `${VIETNAMESE}0.0"%"`,
  date: 'dd/mm/yyyy',
};

const horizontalOf: Record<LayoutColumn['format'], ExcelJS.Alignment['horizontal']> = {
  index: 'center',
  text: 'left',
  count: 'right',
  money: 'right',
  quantity: 'right',
  percent: 'right',
  date: 'center',
};

/**
 * A quantity with a fraction shows up to three decimals. Only such a one gets this format: Excel
 * writes a whole number under it with a trailing decimal separator («188.000,»).
 */
const QUANTITY_WITH_FRACTION = `${VIETNAMESE}#,##0.###`;

function hasFraction(value: unknown): boolean {
  return typeof value === 'number' && !Number.isInteger(value);
}

/**
 * One style object per column and kind of row, shared by all its cells: exceljs recognises an
 * object it has seen and reuses its style id, instead of building the style again for each cell.
 * `fraction`: the style of the column's cells whose number has a fraction (`hasFraction`).
 */
/**
 * Text is set in from the cell's left border: LibreOffice prints a cell's text against its borders,
 * so a unit beside the number before it read as one word («5tấn», «31.908kg»).
 */
const TEXT_INDENT = 1;

function cellStyle(column: LayoutColumn, bold: boolean, fraction = false): Partial<ExcelJS.Style> {
  const numFmt = fraction && column.format === 'quantity' ? QUANTITY_WITH_FRACTION : numberFormats[column.format];
  const text = column.format === 'text';
  return {
    font: font(12, bold ? { bold: true } : {}),
    alignment: { horizontal: horizontalOf[column.format], vertical: 'middle', wrapText: text, ...(text ? { indent: TEXT_INDENT } : {}) },
    border: allBorders,
    ...(numFmt ? { numFmt } : {}),
  };
}

// Characters XML 1.0 cannot carry; they would make the file unreadable.
// eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
const xmlInvalid = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/**
 * Text as a cell holds it: always a string value, never a formula, even when it begins with
 * = + - @ (exceljs writes a string as `t="str"` with a `<v>` and no `<f>`; LibreOffice and Excel
 * read it as text — tests/core/reports.test.ts checks both), with characters XML cannot carry removed.
 */
export function textCell(value: string): string {
  return value.replace(xmlInvalid, '');
}

/** An ISO calendar date as the Excel date of that same day (UTC midnight: no time zone shifts it). */
export function excelDate(iso: string): Date | string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : textCell(iso);
}

function cellValueOf(column: LayoutColumn, value: CellValue | undefined): ExcelJS.CellValue {
  if (value === null || value === undefined) return null;
  if (column.format === 'date' && typeof value === 'string') return excelDate(value);
  if (column.format === 'percent' && typeof value === 'number') return percentShown(value);
  if (column.format === 'text') {
    const text = typeof value === 'string' ? value : String(value);
    const shown = textCell(column.labels?.[text] ?? text);
    return shown === '' ? null : shown;
  }
  return typeof value === 'string' ? textCell(value) : value;
}

interface Merge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * The merges of a multi-row header: a column's last header part runs down to the bottom header
 * row; a group part above it runs across the neighbours sharing the same path up to that level.
 * Positions are 0-based (row level, column index).
 */
export function headerMerges(columns: readonly Pick<LayoutColumn, 'header'>[]): { depth: number; merges: Merge[] } {
  const depth = Math.max(...columns.map((column) => column.header.length));
  const merges: Merge[] = [];
  columns.forEach((column, index) => {
    const leaf = column.header.length - 1;
    if (leaf < depth - 1) merges.push({ top: leaf, left: index, bottom: depth - 1, right: index });
  });
  const samePrefix = (a: readonly string[], b: readonly string[], level: number) =>
    a.length > level + 1 && b.length > level + 1 && a.slice(0, level + 1).every((part, at) => part === b[at]);
  for (let level = 0; level < depth - 1; level += 1) {
    let start = 0;
    while (start < columns.length) {
      let end = start;
      const header = columns[start]?.header ?? [];
      while (end + 1 < columns.length && samePrefix(header, columns[end + 1]?.header ?? [], level)) end += 1;
      if (end > start) merges.push({ top: level, left: start, bottom: level, right: end });
      start = end + 1;
    }
  }
  return { depth, merges };
}

/**
 * Where the frame's left block (issuer, recipients) ends and the right block (motto, signature)
 * begins: after the first columns holding about 45 % of the table's width.
 */
function leftBlockColumns(columns: readonly LayoutColumn[]): number {
  const total = columns.reduce((sum, column) => sum + column.width, 0);
  let width = 0;
  for (let index = 0; index < columns.length - 1; index += 1) {
    width += columns[index]?.width ?? 0;
    if (width >= total * 0.45) return index + 1;
  }
  return Math.max(1, columns.length - 1);
}

/**
 * The workbook's Normal font, whose widest digit is the unit of every column's width. exceljs makes
 * it Calibri, which a Linux computer may lack: LibreOffice then counts the columns in DejaVu Sans, a
 * third wider, and prints the table smaller. Arial, which Excel long had as its Normal font, is on
 * every Windows, and LibreOffice ships its metric twin (Liberation Sans) everywhere, so all readers
 * count the columns alike.
 */
const NORMAL_FONT: Partial<ExcelJS.Font> = { name: 'Arial', size: 10 };

/** exceljs's style manager, of which the writer uses one thing its typings do not show. */
interface StyleManager {
  /** Adds a font to the workbook's list; the first one added is the Normal style's. */
  _addFont(font: Partial<ExcelJS.Font>): number;
}

/**
 * The height LibreOffice leaves below the rows for the page's footer, from the paper's edge: less
 * than Excel's bottom margin. Measured on its PDFs, where the rows of a landscape A4 page reach
 * 511.3 to 511.7 points below the top margin, as it rounds the scaled heights; the writer counts
 * the most, so that Excel (the fewest) and LibreOffice bound every reader between them.
 */
const LIBREOFFICE_FOOTER_POINTS = 39.8;

/**
 * How wide a column of width 1 prints at 100 %, in points, in the reader that prints it the widest:
 * Excel counts 7 whole pixels for Arial 10's digit (5.25 points; its standard 8.43 is 64 pixels);
 * LibreOffice the digit's own width and a margin, a little more.
 */
const WIDEST_COLUMN_UNIT_POINTS = 5.6;

/**
 * The print scale, in percent: as large as lets the table's width fit the page in every reader, at
 * most 100. Set by the writer rather than asked of the reader ("fit to the page's width"), since
 * each reader would work it out from its own column widths and so print a different number of rows
 * on a page (LibreOffice's table is a few percent wider than Excel's, and far wider where it lacks the
 * Normal font), and the writer could not foresee where the pages end.
 */
function printScale(columns: readonly Pick<LayoutColumn, 'width'>[], orientation: ReportLayout['orientation']): number {
  const pageWidth = orientation === 'landscape' ? A4_POINTS.long : A4_POINTS.short;
  const tableWidth = columns.reduce((sum, column) => sum + column.width * WIDEST_COLUMN_UNIT_POINTS, 0);
  return Math.min(100, Math.floor((100 * (pageWidth - (MARGINS.left + MARGINS.right) * 72)) / tableWidth));
}

/**
 * The height a printed page holds for the rows, in points at 100 %, in each reader: Excel prints
 * them between the top and bottom margins, the footer inside the bottom one; LibreOffice gives the
 * footer only the room its line takes below the footer margin, and the rows the rest.
 */
function bodyHeights(orientation: ReportLayout['orientation']): number[] {
  const pageHeight = orientation === 'landscape' ? A4_POINTS.short : A4_POINTS.long;
  return [pageHeight - (MARGINS.top + MARGINS.bottom) * 72, pageHeight - MARGINS.top * 72 - LIBREOFFICE_FOOTER_POINTS];
}

/**
 * Where the printed pages end, foreseen from the heights and the scale the writer sets, in each
 * reader at once (LibreOffice fits a little more on a page): each page after the first begins with
 * the table's header again (the print titles), then the rows that did not fit on the one before.
 */
class PageFlow {
  private readonly rooms: number[];
  /** In each reader, the height used on the current page and the rows placed on it. */
  private readonly pages: { used: number; rows: number }[];
  /** The height of the header rows repeated at the top of every page after the first. */
  titles = 0;

  constructor(orientation: ReportLayout['orientation'], scale: number) {
    this.rooms = bodyHeights(orientation).map((height) => (height * 100) / scale);
    this.pages = this.rooms.map(() => ({ used: 0, rows: 0 }));
  }

  /** Places a row of this height: on this page, or at the top of the next under the titles. */
  place(height: number): void {
    this.rooms.forEach((room, at) => {
      const page = this.pages[at];
      if (!page) return;
      if (page.used + height > room) {
        page.used = this.titles + height;
        page.rows = 1;
      } else {
        page.used += height;
        page.rows += 1;
      }
    });
  }

  /**
   * How many of the table's last rows the end (rows of this height) takes over to the next page:
   * none when, in every reader, it follows at least `least` of them on their page (the page began
   * before them) and fits under them with room to spare. Else `least`, or more where a reader's
   * page began just before that many, so that the break falls where that page begins rather than
   * leaving one or two rows alone on it.
   */
  carried(height: number, least: number): number {
    const follows = this.rooms.every((room, at) => {
      const page = this.pages[at];
      return page !== undefined && page.used + height <= room * (1 - PAGE_DOUBT) && page.rows >= least;
    });
    if (follows) return 0;
    return Math.max(least, ...this.pages.map((page) => (page.rows > least && page.rows <= least + ROWS_LEFT_ALONE ? page.rows : least)));
  }
}

/** A block of text in the frame: from one column to another, merged. */
interface FrameCell {
  from: number;
  to: number;
  text: string;
  style: Partial<ExcelJS.Style>;
}

class SheetWriter {
  private rowNumber = 0;
  private readonly last: number;
  private readonly split: number;
  private readonly widths: number[];

  constructor(
    private readonly sheet: ExcelJS.Worksheet,
    columns: readonly LayoutColumn[],
    readonly pages: PageFlow,
  ) {
    this.last = columns.length;
    this.split = leftBlockColumns(columns);
    this.widths = columns.map((column) => column.width);
  }

  /** The width of columns `from`..`to` (1-based, inclusive). */
  widthOf(from: number, to: number): number {
    return this.widths.slice(from - 1, to).reduce((sum, width) => sum + width, 0);
  }

  get current(): number {
    return this.rowNumber;
  }

  /** The height of a row of the frame: as tall as its longest block; an empty row, the default. */
  heightOfLine(cells: readonly FrameCell[]): number {
    if (cells.length === 0) return DEFAULT_ROW_HEIGHT;
    return Math.max(
      ...cells.map(({ from, to, text, style }) => {
        const size = style.font?.size ?? 12;
        return heightOf(style.alignment?.wrapText ? linesNeeded(text, this.widthOf(from, to), size, style.font?.bold) : 1, size);
      }),
    );
  }

  /** Writes one row of the frame, tall enough for its longest block; no blocks, an empty row. */
  line(cells: readonly FrameCell[]): void {
    if (cells.length === 0) {
      this.blank();
      return;
    }
    this.rowNumber += 1;
    const row = this.sheet.getRow(this.rowNumber);
    for (const { from, to, text, style } of cells) {
      const cell = row.getCell(from);
      cell.value = textCell(text);
      cell.style = style;
      if (to > from) this.sheet.mergeCells(this.rowNumber, from, this.rowNumber, to);
    }
    row.height = this.heightOfLine(cells);
    this.pages.place(row.height);
    row.commit();
  }

  left(text: string, style: Partial<ExcelJS.Style>): FrameCell {
    return { from: 1, to: this.split, text, style };
  }

  right(text: string, style: Partial<ExcelJS.Style>): FrameCell {
    return { from: this.split + 1, to: this.last, text, style };
  }

  across(text: string, style: Partial<ExcelJS.Style>): FrameCell {
    return { from: 1, to: this.last, text, style };
  }

  blank(): void {
    this.rowNumber += 1;
    const row = this.sheet.getRow(this.rowNumber);
    row.height = DEFAULT_ROW_HEIGHT;
    this.pages.place(DEFAULT_ROW_HEIGHT);
    row.commit();
  }

  nextRow(): ExcelJS.Row {
    this.rowNumber += 1;
    return this.sheet.getRow(this.rowNumber);
  }
}

const centred = (extra: Partial<ExcelJS.Alignment> = {}): Partial<ExcelJS.Alignment> => ({
  horizontal: 'center',
  vertical: 'middle',
  wrapText: true,
  ...extra,
});

/** Writes the header rows of the table, merged as the columns' paths say; returns the rows used. */
function writeHeader(writer: SheetWriter, sheet: ExcelJS.Worksheet, columns: readonly LayoutColumn[]): { first: number; last: number } {
  const { depth, merges } = headerMerges(columns);
  const style: Partial<ExcelJS.Style> = { font: font(12, { bold: true }), alignment: centred(), border: allBorders };
  const first = writer.current + 1;
  const rows: ExcelJS.Row[] = [];
  for (let level = 0; level < depth; level += 1) {
    const row = writer.nextRow();
    rows.push(row);
    columns.forEach((column, index) => {
      const cell = row.getCell(index + 1);
      // Every cell of the header gets the borders, also those a merge covers.
      cell.style = style;
      const part = column.header[level];
      const shownAbove = merges.some((merge) => merge.left <= index && index <= merge.right && merge.top < level && level <= merge.bottom);
      const coveredFromLeft = merges.some((merge) => merge.top === level && merge.left < index && index <= merge.right);
      if (part !== undefined && !shownAbove && !coveredFromLeft) cell.value = textCell(part);
    });
  }
  // Each header row as tall as its texts need; a text merged down over several rows may share them.
  const heights = Array.from({ length: depth }, () => heightOf(1, 12));
  const spans: { top: number; bottom: number; height: number }[] = [];
  columns.forEach((column, index) => {
    column.header.forEach((part, level) => {
      // A group's text is in its first column only.
      if (merges.some((merge) => merge.top === level && merge.left < index && index <= merge.right)) return;
      const across = merges.find((merge) => merge.top === level && merge.left === index && merge.bottom === level);
      const down = merges.find((merge) => merge.top === level && merge.left === index && merge.bottom > level);
      const width = writer.widthOf(index + 1, (across?.right ?? index) + 1);
      const height = heightOf(linesNeeded(part, width, 12, true), 12);
      if (down) spans.push({ top: level, bottom: down.bottom, height });
      else heights[level] = Math.max(heights[level] ?? 0, height);
    });
  });
  for (const span of spans) {
    const have = heights.slice(span.top, span.bottom + 1).reduce((sum, height) => sum + height, 0);
    if (have < span.height) heights[span.bottom] = (heights[span.bottom] ?? 0) + span.height - have;
  }
  rows.forEach((row, level) => (row.height = heights[level] ?? heightOf(1, 12)));
  for (const row of rows) writer.pages.place(row.height);
  writer.pages.titles = rows.reduce((sum, row) => sum + row.height, 0);
  // A streamed row can no longer be merged once committed.
  for (const merge of merges) sheet.mergeCells(first + merge.top, merge.left + 1, first + merge.bottom, merge.right + 1);
  for (const row of rows) row.commit();
  return { first, last: first + depth - 1 };
}

/** Quốc hiệu and tiêu ngữ as Nghị định 30/2020/NĐ-CP (Phụ lục I) writes them: the phrases of the motto joined by hyphens. */
const NATION = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
const MOTTO = 'Độc lập - Tự do - Hạnh phúc';

/** A text of the frame that must stay on one line: in which block, at which size. */
interface OneLine {
  block: 'left' | 'right' | 'across';
  text: string;
  size: number;
  bold: boolean;
}

/**
 * The columns, all widened alike when the blocks of the frame are too narrow for its headings on
 * one line: the table of a narrow sheet (six columns) would otherwise break the national name, the
 * issuer's or a section's title in the middle of a phrase. The blocks keep their proportions, so
 * the left block ends after the same column.
 */
function widenedForFrame(columns: readonly LayoutColumn[], lines: readonly OneLine[]): LayoutColumn[] {
  const widths = columns.map((column) => column.width);
  const split = leftBlockColumns(columns);
  const sum = (part: number[]) => part.reduce((total, width) => total + width, 0);
  const have = { left: sum(widths.slice(0, split)), right: sum(widths.slice(split)), across: sum(widths) };
  const factor = Math.max(1, ...lines.map(({ block, text, size, bold }) => widthForOneLine(text, size, bold) / have[block]));
  return factor === 1 ? [...columns] : columns.map((column) => ({ ...column, width: column.width * factor }));
}

export interface ReportToWrite {
  layout: ReportLayout;
  frame: ReportFrame;
  /** The data of each sheet's `table`. */
  tables: Readonly<Record<string, SheetData>>;
  /** Only these columns, in this order (a list exported as shown); absent: the layout's columns. */
  columns?: (sheet: LayoutSheet) => LayoutColumn[];
}

/** Writes the report to `path`; resolves when the file is complete. */
export async function writeReport(path: string, report: ReportToWrite, progress?: WriteProgress): Promise<void> {
  const { layout, frame, tables } = report;
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
  workbook.creator = 'HTX Desk';
  // The first font the style manager is given is the Normal one; its typings do not show it.
  (workbook as unknown as { styles: StyleManager }).styles._addFont(NORMAL_FONT);

  const sheetsData = layout.sheets.map((sheet) => {
    const data = tables[sheet.table];
    if (!data) throw new Error(`The report has no table "${sheet.table}" for the sheet "${sheet.name}".`);
    return data;
  });
  // The bar claims a share only when every sheet knows its count.
  const total = sheetsData.reduce<number | null>((sum, data) => (sum === null || data.count === null ? null : sum + data.count), 0);
  let done = 0;
  progress?.report(0, total, 'writing');

  // A report is one document whatever its sheets: the heading (issuer, Quốc hiệu, number, title,
  // period) opens the first sheet, each later one begins with its section's title, and Nơi nhận
  // and the signature close the last. Each sheet still prints whole on its own pages.
  const lastSheet = layout.sheets.length - 1;
  for (const [sheetIndex, sheetLayout] of layout.sheets.entries()) {
    const data = sheetsData[sheetIndex] as SheetData;
    const opens = sheetIndex === 0;
    const closes = sheetIndex === lastSheet;
    const oneLine = (block: OneLine['block'], text: string, size: number, bold = false): OneLine => ({ block, text, size, bold });
    const headings = [
      ...(opens
        ? [
            oneLine('left', frame.issuer, 12, true),
            oneLine('right', NATION, 12, true),
            ...(frame.documentNumber === undefined ? [] : [oneLine('left', frame.documentNumber, 13)]),
            oneLine('right', MOTTO, 13, true),
            oneLine('across', layout.title, 14, true),
          ]
        : []),
      ...(sheetLayout.heading === undefined ? [] : [oneLine('across', sheetLayout.heading, 13, true)]),
      ...(closes
        ? [
            oneLine('left', 'Nơi nhận:', 12, true),
            ...layout.recipients.map((recipient) => oneLine('left', recipient, 11)),
            oneLine('right', frame.placeAndDate, 13),
            oneLine('right', layout.signerTitle, 13, true),
            oneLine('right', frame.signerName, 13, true),
          ]
        : []),
    ];
    const columns = widenedForFrame(report.columns ? report.columns(sheetLayout) : sheetLayout.columns, headings);
    const scale = printScale(columns, layout.orientation);
    const sheet = workbook.addWorksheet(sheetLayout.name, {
      pageSetup: {
        paperSize: A4,
        orientation: layout.orientation,
        scale,
        // (Not centred on the page: exceljs's streaming writer never writes <printOptions>.)
        margins: MARGINS,
      },
      headerFooter: { oddFooter: '&C&"Times New Roman"&10Trang &P/&N' },
      views: [{ showGridLines: false }],
    });
    sheet.columns = columns.map((column) => ({ width: column.width }));
    const writer = new SheetWriter(sheet, columns, new PageFlow(layout.orientation, scale));

    const frameStyle = (size: number, extra: Partial<ExcelJS.Font> = {}, alignment = centred()): Partial<ExcelJS.Style> => ({
      font: font(size, extra),
      alignment,
    });
    if (opens) {
      writer.line([writer.left(frame.issuer, frameStyle(12, { bold: true })), writer.right(NATION, frameStyle(12, { bold: true }))]);
      writer.line([
        ...(frame.documentNumber === undefined ? [] : [writer.left(frame.documentNumber, frameStyle(13))]),
        writer.right(MOTTO, frameStyle(13, { bold: true, underline: true })),
      ]);
      writer.blank();
      writer.line([writer.across(layout.title, frameStyle(14, { bold: true }))]);
      writer.line([writer.across(frame.period, frameStyle(13, { italic: true }))]);
    }
    if (sheetLayout.heading !== undefined) writer.line([writer.across(sheetLayout.heading, frameStyle(13, { bold: true }))]);
    writer.blank();

    const header = writeHeader(writer, sheet, columns);
    sheet.pageSetup.printTitlesRow = `${header.first}:${header.last}`;

    const styles = columns.map((column) => cellStyle(column, false));
    const fractionStyles = columns.map((column) => cellStyle(column, false, true));
    const rowHeight = heightOf(1, 12);
    const sums = columns.map(() => 0);
    // The last rows are committed only once it is known whether they go over with the end.
    const held: ExcelJS.Row[] = [];
    // Rows written, and items numbered (STT): a row whose index column holds null continues the
    // item above (the same channel in another unit), unnumbered, as Vietnamese reports write it.
    let index = 0;
    let numbered = 0;
    for await (const record of data.rows) {
      index += 1;
      const row = writer.nextRow();
      let lines = 1;
      columns.forEach((column, at) => {
        const cell = row.getCell(at + 1);
        const value = record[column.key];
        cell.style = (hasFraction(value) ? fractionStyles : styles)[at] as Partial<ExcelJS.Style>;
        if (column.format === 'index') {
          if (record[column.key] !== null) numbered += 1;
          cell.value = record[column.key] === null ? null : numbered;
          return;
        }
        const shown = cellValueOf(column, value);
        cell.value = shown;
        if (column.format === 'text' && typeof shown === 'string') lines = Math.max(lines, linesNeeded(shown, column.width - TEXT_INDENT, 12));
        if (column.total === 'sum' && typeof value === 'number') sums[at] = (sums[at] ?? 0) + value;
      });
      row.height = lines === 1 ? rowHeight : heightOf(lines, 12);
      writer.pages.place(row.height);
      held.push(row);
      if (held.length > ROWS_KEPT_WITH_END + ROWS_LEFT_ALONE + 1) held.shift()?.commit();
      done += 1;
      if (index % CHUNK_ROWS === 0) {
        progress?.report(done, total, 'writing');
        // Lets the zip stream drain and the window's calls be answered between chunks.
        await new Promise((resolve) => setImmediate(resolve));
        progress?.throwIfCancelled();
      }
    }

    // What ends the sheet: the totals, the note, then Nơi nhận beside place, date and signature.
    const end: FrameCell[][] = [];
    const note = [sheetLayout.note, data.note].filter(Boolean).join(' ');
    if (note) {
      end.push([writer.across(note, frameStyle(11, { italic: true }, { horizontal: 'left', vertical: 'top', wrapText: true }))]);
    }
    if (closes) {
      end.push([]);
      const left = [
        writer.left('Nơi nhận:', frameStyle(12, { bold: true, italic: true }, { horizontal: 'left', vertical: 'top' })),
        ...layout.recipients.map((recipient) => writer.left(recipient, frameStyle(11, {}, { horizontal: 'left', vertical: 'top' }))),
      ];
      const right = [
        writer.right(frame.placeAndDate, frameStyle(13, { italic: true })),
        writer.right(layout.signerTitle, frameStyle(13, { bold: true })),
      ];
      // Room to sign between the title and the name.
      const signatureLines = 5;
      for (let line = 0; line < Math.max(left.length, signatureLines); line += 1) {
        end.push([left[line], right[line]].filter((cell) => cell !== undefined));
      }
      end.push([writer.right(frame.signerName, frameStyle(13, { bold: true }))]);
    }

    const given = data.totals?.();
    // A text the totals are given (Cách tính naming the commitments it left out) wraps as the rows' do.
    const totalsLines = Math.max(
      1,
      ...columns.map((column) => {
        const shown = column.total === 'given' ? cellValueOf(column, given?.[column.key]) : null;
        return column.format === 'text' && typeof shown === 'string' ? linesNeeded(shown, column.width - TEXT_INDENT, 12, true) : 1;
      }),
    );
    const totalsHeight = totalsLines === 1 ? rowHeight : heightOf(totalsLines, 12);
    // The end (the totals, a note, the signature) is never printed alone under the repeated
    // header: when it does not fit under the last rows, the last of them go over to the next page with it.
    const endHeight = (sheetLayout.totalsLabel === undefined ? 0 : totalsHeight) + end.reduce((sum, cells) => sum + writer.heightOfLine(cells), 0);
    const kept = endHeight === 0 ? 0 : Math.min(writer.pages.carried(endHeight, ROWS_KEPT_WITH_END), index - 1);
    if (kept > 0) held[held.length - kept - 1]?.addPageBreak();
    for (const row of held) row.commit();

    if (sheetLayout.totalsLabel !== undefined) {
      // The caption fills the columns before the first total (STT, the name, its descriptions).
      const firstFigure = columns.findIndex((column) => column.total !== 'none');
      const captionEnd = firstFigure < 0 ? columns.length : Math.max(1, firstFigure);
      const row = writer.nextRow();
      columns.forEach((column, at) => {
        const cell = row.getCell(at + 1);
        if (at === 0) cell.value = textCell(sheetLayout.totalsLabel ?? '');
        else if (column.total === 'sum') cell.value = sums[at] ?? 0;
        else if (column.total === 'given') cell.value = cellValueOf(column, given?.[column.key]);
        const style = cellStyle(column, true, hasFraction(cell.value));
        cell.style = at < captionEnd ? { ...style, alignment: centred() } : style;
      });
      if (captionEnd > 1) sheet.mergeCells(writer.current, 1, writer.current, captionEnd);
      row.height = totalsHeight;
      writer.pages.place(totalsHeight);
      row.commit();
    }

    for (const cells of end) writer.line(cells);
    sheet.commit();
  }
  progress?.report(done, total, 'writing');
  await workbook.commit();
}

