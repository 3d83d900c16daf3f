/**
 * The reading layer of the Excel/CSV import: open a file, read the head of a sheet to find its
 * header, then stream its rows in batches. Types in ./types.ts.
 */
import { open, stat } from 'node:fs/promises';
import { extname, basename } from 'node:path';
import { inspectCsv, NotUtf8, readCsvRows } from './csv';
import { encodingOfCharset, hasTableRow, listedSheets, readHtmlHead, readHtmlRows, type WebPage } from './html';
import { MAX_COLUMNS, Unreadable } from './limits';
import { importProblem, problems } from './problems';
import { textContent, webPageEncoding } from './sniff';
import type { OpenedSource, ReadRowsOptions, SheetHead, SheetInfo, SourceRow, WebArchivePart } from './types';
import { webArchivePages, webArchivePartBytes } from './webArchive';
import { openXls, readXlsHead, readXlsRows, xlsSheet, XlsDamaged, XlsRefused, type XlsWorkbook } from './xls';
import { NotAWorkbook, openWorkbook, readXlsxHead, readXlsxRows, sheetOf, type Workbook } from './xlsx';
import { ZipDamaged } from './zip';

export { asYearHeading, detectHeader, columnLetter } from './header';
export { detectLegacyEncoding } from './legacyFonts';
export { parseDateCell, parseNumberCell, isoOfExcelSerial } from './values';
export type * from './types';

const zipMagic = [0x50, 0x4b];
const compoundFileMagic = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const textExtensions = new Set(['.csv', '.tsv', '.txt']);
const webPageExtensions = new Set(['.htm', '.html', '.mht', '.mhtml']);
/** The first bytes of a web archive's page, its encoding found from them as from a page saved alone. */
const PAGE_SAMPLE_BYTES = 64 * 1024;
const defaultBatchRows = 1000;

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((byte, at) => bytes[at] === byte);
}

/**
 * Whether an OLE compound file holds an encrypted OOXML package (a password-protected .xlsx) —
 * its directory names the stream "EncryptedPackage" — rather than an old binary workbook.
 */
async function isEncryptedPackage(path: string): Promise<boolean> {
  const marker = Buffer.from('EncryptedPackage', 'utf16le');
  const file = await open(path, 'r');
  try {
    const { size } = await file.stat();
    const chunk = Buffer.alloc(1024 * 1024);
    for (let position = 0; position < size; position += chunk.length - marker.length) {
      const { bytesRead } = await file.read(chunk, 0, chunk.length, position);
      if (chunk.subarray(0, bytesRead).includes(marker)) return true;
      if (bytesRead < chunk.length) break;
    }
    return false;
  } finally {
    await file.close();
  }
}

/** Runs a read, turning the reader's own failures into messages for the person. */
async function worded<T>(fileName: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof Unreadable) throw importProblem(problems.unreadable(fileName, error.message));
    if (error instanceof ZipDamaged || error instanceof XlsDamaged) throw importProblem(problems.truncated(fileName));
    if (error instanceof XlsRefused) throw importProblem(error.reason === 'encrypted' ? problems.encrypted(fileName) : problems.beforeExcel97());
    if (error instanceof NotUtf8) throw importProblem(problems.legacyCsvEncoding(fileName));
    throw error;
  }
}

/** An opened .xlsx or .xls: its sheets, refused when none has a cell. */
function workbookSource(fileName: string, format: 'xlsx' | 'xls', workbook: { sheets: SheetInfo[]; date1904: boolean }, size: number): OpenedSource {
  if (workbook.sheets.every((sheet) => sheet.empty)) throw importProblem(problems.emptyWorkbook(fileName));
  return {
    fileName,
    format,
    sheets: workbook.sheets.map(({ name, index, hidden, dimension, empty }) => ({ name, index, hidden, dimension, empty })),
    date1904: workbook.date1904,
    sizeBytes: size,
  };
}

/** The encoding of a web archive's page that its part's Content-Type does not name: found from its first bytes, as a page's own. */
async function archivePageEncoding(path: string, part: WebArchivePart): Promise<NonNullable<OpenedSource['encoding']>> {
  const chunks: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of webArchivePartBytes(path, part)) {
    chunks.push(chunk);
    length += chunk.length;
    if (length >= PAGE_SAMPLE_BYTES) break;
  }
  const bytes = Buffer.concat(chunks).subarray(0, PAGE_SAMPLE_BYTES);
  try {
    return webPageEncoding(bytes, length < PAGE_SAMPLE_BYTES);
  } catch (error) {
    // Neither UTF-8 nor Windows-1258: reading the page says so, naming the encoding tried.
    if (error instanceof NotUtf8) return 'utf-8';
    throw error;
  }
}

/** A sheet's page in a web archive: where its part is, and the encoding it is in. */
type ArchivePage = WebPage & { part: WebArchivePart };

/** Whether a part's Content-Location is the address a page of frames gives (`Book1_files/sheet001.htm`, relative to the frames' own). */
function isAt(location: string, href: string): boolean {
  const plain = (address: string) => {
    let decoded = address;
    try {
      decoded = decodeURIComponent(address);
    } catch {
      // A stray «%» in an address: compared as written.
    }
    return decoded.replace(/\\/g, '/').toLowerCase();
  };
  const target = plain(href).replace(/^(?:\.{1,2}\/)+/, '');
  const at = plain(location);
  return at === target || at.endsWith(`/${target}`);
}

/**
 * The sheets of a web archive, each with its page. Excel saves a workbook of several sheets as a
 * page of frames that lists them (the name on each tab, and its own page), then a page for each:
 * they are the archive's sheets, in tab order, as in the workbook. An archive without that list
 * (a workbook of one sheet, a page a browser saved) has one sheet, named after the file: its first
 * page with a table. Null when no page has one.
 */
async function archiveSheets(path: string, fileName: string): Promise<{ sheets: SheetInfo[]; pages: ArchivePage[] } | null> {
  const pages: (ArchivePage & { location: string })[] = [];
  for (const { part, charset, location } of await webArchivePages(path)) {
    pages.push({ path, part, location, encoding: encodingOfCharset(charset) ?? (await archivePageEncoding(path, part)) });
  }
  for (const frames of pages) {
    const listed = (await listedSheets(frames)).flatMap(({ name, href }) => {
      const page = pages.find((one) => one !== frames && isAt(one.location, href));
      return page ? [{ name, page }] : [];
    });
    if (listed.length === 0) continue;
    const sheets: SheetInfo[] = [];
    for (const [index, { name, page }] of listed.entries()) {
      sheets.push({ name, index, hidden: false, dimension: null, empty: !(await hasTableRow(page, name)) });
    }
    return sheets.every((sheet) => sheet.empty) ? null : { sheets, pages: listed.map(({ page }) => page) };
  }
  const sheet = textSheet(fileName);
  for (const page of pages) if (await hasTableRow(page, sheet.name)) return { sheets: [sheet], pages: [page] };
  return null;
}

/** Where the page of a sheet of an opened web page or web archive is. */
function webPageOf(path: string, source: OpenedSource, sheet: string): WebPage {
  if (!source.webArchivePages) return { path, encoding: source.encoding ?? 'utf-8' };
  const page = source.webArchivePages[source.sheets.findIndex((info) => info.name === sheet)];
  if (!page) throw importProblem(problems.noSheet(sheet));
  return { path, ...page };
}

/** The one sheet of a CSV or a web page, named after the file as Excel names it. */
function textSheet(fileName: string): SheetInfo {
  return { name: basename(fileName, extname(fileName)), index: 0, hidden: false, dimension: null, empty: false };
}

/**
 * Opens an .xlsx, an .xls, a CSV or a web page's table and lists its sheets, by what the file
 * holds rather than its name: a portal's list exported as text named .xls is read as the text it
 * is, and says so (`namedAsWorkbook`). Throws a validation failure on `file` with a Vietnamese
 * message when the file is not a spreadsheet, is cut short, has a password, is an .xls older than
 * Excel 97, an .xlsb or Excel 2003's XML, is a CSV not in UTF-8, is a web page or web archive
 * without a table, or has no sheet with any cell.
 */
export async function openSource(path: string, fileName: string): Promise<OpenedSource> {
  const { size } = await stat(path);
  const head = Buffer.alloc(8);
  const file = await open(path, 'r');
  try {
    await file.read(head, 0, 8, 0);
  } finally {
    await file.close();
  }
  const extension = extname(fileName).toLowerCase();

  if (size >= 4 && startsWith(head, zipMagic)) {
    const workbook: Workbook = await worded(fileName, async () => {
      try {
        return await openWorkbook(path);
      } catch (error) {
        if (error instanceof NotAWorkbook) {
          throw importProblem(error.message === 'xlsb' ? problems.binaryXlsb() : problems.notSpreadsheet(fileName));
        }
        throw error;
      }
    });
    return workbookSource(fileName, 'xlsx', workbook, size);
  }
  if (startsWith(head, compoundFileMagic)) {
    if (await isEncryptedPackage(path)) throw importProblem(problems.encrypted(fileName));
    return workbookSource(fileName, 'xls', await worded(fileName, () => openXls(path)), size);
  }
  const content = await textContent(path);
  if (content.kind === 'webPage') {
    const sheet = textSheet(fileName);
    if (!(await worded(fileName, () => hasTableRow({ path, encoding: content.encoding }, sheet.name)))) throw importProblem(problems.webPageWithoutTable(fileName));
    return { fileName, format: 'html', sheets: [sheet], encoding: content.encoding, namedAsWorkbook: !webPageExtensions.has(extension), sizeBytes: size };
  }
  if (content.kind === 'webArchive') {
    const archive = await worded(fileName, () => archiveSheets(path, fileName));
    if (!archive) throw importProblem(problems.webArchiveWithoutTable(fileName));
    return {
      fileName,
      format: 'html',
      sheets: archive.sheets,
      webArchivePages: archive.pages.map(({ part, encoding }) => ({ part, encoding })),
      namedAsWorkbook: !webPageExtensions.has(extension),
      sizeBytes: size,
    };
  }
  if (content.kind === 'xmlSpreadsheet2003') throw importProblem(problems.xmlSpreadsheet2003(fileName));
  const namedAsWorkbook = !textExtensions.has(extension);
  if (namedAsWorkbook && content.kind !== 'delimited') throw importProblem(problems.notSpreadsheet(fileName));
  const { encoding, delimiter } = await worded(fileName, () => inspectCsv(path));
  if (size <= 3) throw importProblem(problems.emptyWorkbook(fileName));
  return { fileName, format: 'csv', sheets: [textSheet(fileName)], encoding, delimiter, namedAsWorkbook, sizeBytes: size };
}

function sheetPart(workbook: Workbook, sheet: string): string {
  const info = sheetOf(workbook, sheet);
  if (!info) throw importProblem(problems.noSheet(sheet));
  return info.part;
}

function xlsSheetNamed(workbook: XlsWorkbook, sheet: string): XlsWorkbook['sheets'][number] {
  const info = xlsSheet(workbook, sheet);
  if (!info) throw importProblem(problems.noSheet(sheet));
  return info;
}

/** The batches of a sheet of an .xls, opened (or taken from the last file opened) first. */
async function* xlsBatches(path: string, sheet: string, options: { fromRow: number; batchRows: number; columns: number }): AsyncGenerator<{ batch: SourceRow[]; read: number; total: number }> {
  const workbook = await openXls(path);
  yield* readXlsRows(workbook, xlsSheetNamed(workbook, sheet), options);
}

/** The first `rows` rows of the sheet (rows absent from the file are not given) and its merged ranges. */
export async function readHead(path: string, source: OpenedSource, sheet: string, rows = 40): Promise<SheetHead> {
  return worded(source.fileName, async () => {
    if (source.format === 'xlsx') {
      const workbook = await openWorkbook(path);
      return readXlsxHead(path, workbook, sheetPart(workbook, sheet), rows);
    }
    if (source.format === 'xls') {
      const workbook = await openXls(path);
      return readXlsHead(workbook, xlsSheetNamed(workbook, sheet), rows);
    }
    if (source.format === 'html') return readHtmlHead(webPageOf(path, source, sheet), sheet, rows);
    const options = { fromRow: 1, batchRows: rows, columns: MAX_COLUMNS };
    for await (const { batch } of readCsvRows(path, source.encoding ?? 'utf-8', source.delimiter ?? ',', options)) {
      return { rows: batch, merges: [], hiddenColumns: [] };
    }
    return { rows: [], merges: [], hiddenColumns: [] };
  });
}

function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * The sheet's rows from `options.fromRow` on, in batches of about 1000, giving the event loop a
 * turn between batches so the host keeps answering. Progress counts the sheet's compressed bytes
 * (xlsx) or the file's bytes (CSV, web page). Aborting throws the signal's reason at the next batch.
 */
export async function* readRows(
  path: string,
  source: OpenedSource,
  sheet: string,
  options: ReadRowsOptions,
): AsyncGenerator<SourceRow[]> {
  const read = { fromRow: options.fromRow, batchRows: options.batchRows ?? defaultBatchRows, columns: options.columns ?? MAX_COLUMNS };
  let batches: AsyncGenerator<{ batch: SourceRow[]; read: number; total: number }>;
  if (source.format === 'xlsx') {
    const workbook = await worded(source.fileName, () => openWorkbook(path));
    batches = readXlsxRows(path, workbook, sheetPart(workbook, sheet), read);
  } else if (source.format === 'xls') {
    batches = xlsBatches(path, sheet, read);
  } else if (source.format === 'html') {
    batches = readHtmlRows(webPageOf(path, source, sheet), sheet, read);
  } else {
    batches = readCsvRows(path, source.encoding ?? 'utf-8', source.delimiter ?? ',', read);
  }
  try {
    for (;;) {
      options.signal?.throwIfAborted();
      const next = await worded(source.fileName, () => batches.next());
      if (next.done === true) return;
      options.onProgress?.(next.value.read, next.value.total);
      yield next.value.batch;
      await nextTurn();
    }
  } finally {
    await batches.return(undefined);
  }
}
