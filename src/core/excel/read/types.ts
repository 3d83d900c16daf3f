/**
 * The reading layer of the Excel/CSV import: what it gives the import pipeline. Implementations
 * live beside this file; import the functions from `src/core/excel/read` (index.ts).
 *
 * Nothing here depends on the time zone: a date is a calendar day as text, never a `Date`.
 */

/** A cell the workbook formats as a date (or date-time): the calendar day Excel shows, `yyyy-mm-dd`. */
export interface DateCell {
  date: string;
}

/**
 * One cell's value. Text is NFC-normalised but otherwise as typed (not trimmed). Numbers are the
 * stored numbers (an Excel serial stays a number unless its cell has a date format). Empty cells,
 * error cells (#N/A…) and formulas without a cached value are `null`.
 */
export type CellValue = string | number | boolean | DateCell | null;

export interface SheetInfo {
  name: string;
  /** 0-based position in the workbook's tab order. */
  index: number;
  hidden: boolean;
  /** The sheet's own `<dimension ref>` (e.g. `A1:O100001`), when the writer gave one. */
  dimension: string | null;
  /** The sheet has no cell at all (CSV: the file has no text). */
  empty: boolean;
}

export interface SourceRow {
  /** 1-based, as Excel shows it (CSV: the record's number, counting the first as 1). */
  rowNumber: number;
  /** Index 0 = column A. Trailing empty cells may be absent. */
  cells: CellValue[];
  /** 0-based column indexes of formula cells that had no cached value (value given as null). */
  formulaCells?: number[];
  /** 0-based column indexes of error cells (#N/A, #VALUE!, …; value given as null). */
  errorCells?: number[];
  /** The legacy fonts (".VnTime", "VNI-Times") whose text in this row was read into Unicode (`decodeLegacyText`). */
  legacyFonts?: string[];
  /** Hidden in the workbook: by hand, or by a filter that leaves it out. */
  hidden?: true;
  /** 0-based column indexes of cells with a value in a struck-through font (offices strike out a record rather than delete it). */
  struckCells?: number[];
}

/** A merged range, 1-based and inclusive (rows as Excel shows them; column A = 1). */
export interface MergedRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface OpenedSource {
  fileName: string;
  /** 'html': a web page's first table, or each sheet's of a web archive of a workbook (html.ts). */
  format: 'xlsx' | 'xls' | 'csv' | 'html';
  /** A CSV or a web page has exactly one sheet, named after the file; a web archive of a workbook, its sheets. */
  sheets: SheetInfo[];
  /**
   * CSV and web page only: the text encoding found (Windows-1258: Excel's "CSV (Comma delimited)"
   * on a Vietnamese Windows) or, for a web page, the one its `<meta charset>` declares (a web
   * archive's pages each have their own: `webArchivePages`).
   */
  encoding?: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1258';
  /** CSV and web page only: the file is named as a workbook (.xlsx, .xls) but holds text, and was read as what it holds. */
  namedAsWorkbook?: boolean;
  /** Web page only: the file is a web archive (.mht, Excel's "Single File Web Page"); each sheet's page is a part of it, in the order of `sheets`. */
  webArchivePages?: WebArchiveSheet[];
  /** CSV only: the field delimiter found. */
  delimiter?: ',' | ';' | '\t';
  /** xlsx only: the workbook counts dates from 1904 (old Mac Excel). */
  date1904?: boolean;
  /** The file's size in bytes (progress reports count against the part being read). */
  sizeBytes: number;
}

/** Where a part of a web archive is in the file, and how its bytes are written there (webArchive.ts). */
export interface WebArchivePart {
  /** The part's body: from byte `start` of the file up to, not including, byte `end`. */
  start: number;
  end: number;
  transferEncoding: 'quoted-printable' | 'base64' | 'identity';
}

/** The page of a sheet of a web archive: its part, and the encoding its text is in. */
export interface WebArchiveSheet {
  part: WebArchivePart;
  encoding: NonNullable<OpenedSource['encoding']>;
}

export interface SheetHead {
  rows: SourceRow[];
  /** The head's merged ranges, and those merged down over several rows anywhere in the sheet. */
  merges: MergedRange[];
  /** 0-based indexes of the columns the sheet hides, in order. */
  hiddenColumns: number[];
}

export interface ReadRowsOptions {
  /** The first row to give (1-based); earlier rows are skipped. */
  fromRow: number;
  /** Aborting stops the read; the generator then throws the signal's reason. */
  signal?: AbortSignal;
  /** Bytes of the sheet (or CSV) read so far, of the total. Called once per batch at most. */
  onProgress?: (bytesRead: number, totalBytes: number) => void;
  /** Rows per batch; about 1000 unless told. */
  batchRows?: number;
  /** Cells from this 0-based column on are left out (the table ends before it); all unless told. */
  columns?: number;
}

export interface DetectedColumn {
  /** 0-based column index (0 = A). */
  index: number;
  /** Column letter as Excel shows it: A, B, …, AA. */
  letter: string;
  /** Multi-row headers joined with ' - ' after filling merged cells across; NFC, white space folded. */
  header: string;
}

export interface DetectedHeader {
  /** e.g. [4, 5] for a two-row merged header. */
  headerRows: number[];
  dataStartRow: number;
  columns: DetectedColumn[];
}

export type ParsedDate = { iso: string } | { error: string } | null;
export type ParsedNumber = { value: number } | { error: string } | null;
export type LegacyEncoding = 'tcvn3' | 'vni';
/** How a legacy font's text is read: TCVN3, TCVN3 in a font that shows every letter as a capital, or VNI. */
export type LegacyFontKind = 'tcvn3' | 'tcvn3Capitals' | 'vni';

/** Signatures of the functions index.ts exports, so the pipeline may type its own seams. */
export interface ExcelReader {
  openSource(path: string, fileName: string): Promise<OpenedSource>;
  readHead(path: string, source: OpenedSource, sheet: string, rows?: number): Promise<SheetHead>;
  readRows(path: string, source: OpenedSource, sheet: string, options: ReadRowsOptions): AsyncGenerator<SourceRow[]>;
  detectHeader(head: SheetHead, knownHeaders: (folded: string) => boolean): DetectedHeader | null;
  parseDateCell(value: CellValue): ParsedDate;
  parseNumberCell(value: CellValue): ParsedNumber;
  detectLegacyEncoding(texts: string[]): LegacyEncoding | null;
}
