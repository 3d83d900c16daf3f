/**
 * A pasted sign-in sheet read line by line: the unit each line names and who signed for it, or that
 * the line names no unit. Two kinds of line come in one paste. A typed line holds a name and maybe
 * its signer ("1. HTX NN Vĩnh Bình - Nguyễn Văn An"). A row copied from a spreadsheet has its cells
 * set apart by tabs, and offices lay their sheets out every way: «STT | Tên đơn vị | Họ tên | Chức
 * vụ | Ký tên», «STT | Họ và tên | Chức vụ | Đơn vị công tác | Điện thoại», with the sheet's title
 * above, a totals row under it. Which column holds the unit and which the signer is decided once for
 * the whole sheet: by its header row when the paste has one, else by what the cells hold, never row
 * by row, so that one odd row cannot swap them.
 */
import { parse, type Options } from 'csv-parse/sync';
import { hasLegalForm, organizationKindOfName } from '../../shared/names';
import { cleanText, foldText } from '../../shared/text';
import { isFooterRow, isSectionHeading, isTotalsRow } from '../excel/import/rows';

/** One line of the sheet as read. */
export interface SheetLine {
  /** The line as pasted, trimmed, its cells set apart by spaces. */
  line: string;
  /** The unit's name, without numbering and signer; empty when `skipped`. */
  name: string;
  representative: string;
  /**
   * Names no unit: the sheet's title, its header row, a totals, section or footer row, or a row
   * whose unit cell is empty or only a number (a row of column numbers under the header).
   */
  skipped: boolean;
}

/** "1. ", "12) ", "3 ", "- ", "• " before the name. */
const numbering = /^(?:\d{1,4}\s*[.):/-]\s*|\d{1,4}\s+|[-–•*+]\s*)/;

/**
 * A typed line (or a spreadsheet's unit cell) split into the unit's name and who signed: "HTX NN
 * Vĩnh Bình - Nguyễn Văn An" or "HTX NN Vĩnh Bình (ông Nguyễn Văn An)". A dash inside a word
 * ("Cung-Cầu") does not split.
 */
function readTyped(raw: string): { name: string; representative: string } {
  const text = cleanText(raw).replace(numbering, '').trim();
  const bracketed = /^(.*?)\s*\(([^()]*)\)$/.exec(text);
  if (bracketed?.[1]) return { name: bracketed[1], representative: bracketed[2]?.trim() ?? '' };
  const dashed = /^(.*?)\s+[-–—]\s+(.*)$/.exec(text);
  if (dashed?.[1]) return { name: dashed[1], representative: dashed[2] ?? '' };
  return { name: text, representative: '' };
}

/** A cell with words in it: not empty, not a row number, a phone number or an amount. */
function hasWords(cell: string): boolean {
  return /\p{L}/u.test(cell);
}

/** The words a header names a column of units by, folded: «Đơn vị công tác», «Cơ quan», «Tên HTX», «Doanh nghiệp»… */
const unitWords = String.raw`(?:don vi(?: cong tac| tham du| tham gia)?|co quan(?: cong tac)?|noi (?:cong tac|lam viec)|to chuc|htx|hop tac xa|tht|to hop tac|lhhtx|lien hiep(?: htx| hop tac xa)?|doanh nghiep|dn|cong ty|doi tac|co so)`;
/** A unit column's header: its words, alone or several ("Tên HTX/Doanh nghiệp", "Cơ quan, đơn vị"). */
const unitHeader = new RegExp(String.raw`^(?:ten )?${unitWords}(?:\s*(?:[/,;-]|\bva\b|\bhoac\b)\s*(?:ten )?${unitWords})*$`);
/** A signer column's header: «Họ và tên», «Họ tên đại biểu», «Người tham dự», «Đại diện đơn vị», «Họ tên, chức vụ»… */
const personHeader =
  /^(?:ho (?:va )?ten(?: (?:dai bieu|nguoi (?:tham du|dai dien|ky)|khach moi))?|ten (?:dai bieu|nguoi (?:tham du|dai dien|ky))|dai bieu|khach moi|nguoi (?:tham du|dai dien|ky|du hop)|dai dien(?: (?:don vi|co quan|to chuc|htx|doanh nghiep))?)(?:\s*[,/-]\s*chuc vu)?$/;

/** A header cell folded, without a note in brackets or a mark after it ("Đơn vị (*)", "Họ tên:"). */
function headerText(cell: string): string {
  return foldText(cell)
    .replace(/\s*\([^()]*\)\s*$/, '')
    .replace(/[\s:.*]+$/, '');
}

/**
 * The columns a header row names, or null when the row is no header: a header has two cells or
 * more, no digit (a data row has its number, a phone, a date), and names the unit's column or the
 * signer's.
 */
function headerColumns(cells: readonly string[]): { unit: number | null; person: number | null } | null {
  const filled = cells.filter((cell) => cell !== '');
  if (filled.length < 2 || filled.some((cell) => /\d/.test(cell))) return null;
  const texts = cells.map(headerText);
  const person = texts.findIndex((text) => personHeader.test(text));
  const unit = texts.findIndex((text, index) => index !== person && unitHeader.test(text));
  return unit < 0 && person < 0 ? null : { unit: unit < 0 ? null : unit, person: person < 0 ? null : person };
}

/** Whether a cell reads as a unit's name by its form: it starts with what the unit is (HTX, Công ty…). */
function looksLikeUnit(cell: string): boolean {
  return organizationKindOfName(cell) !== undefined || hasLegalForm(cell);
}

const honorific = /^(?:ông|bà|anh|chị|đ\/c|đồng chí)\s+/iu;

/** Whether a cell reads as a person's name: two to six words, each capitalised ("Nguyễn Văn An", "Bà Lê Thị Hoa"). */
function looksLikePerson(cell: string): boolean {
  const words = cell.replace(honorific, '').split(' ');
  return words.length >= 2 && words.length <= 6 && words.every((word) => /^\p{Lu}\p{L}*$/u.test(word)) && !looksLikeUnit(cell);
}

/** The rows of a sheet without header its columns are chosen by: enough to tell, few enough to stay instant on a long sheet. */
const SAMPLE_ROWS = 40;

/** The column of `columns` whose scores are highest, compared one after another; the leftmost of equals. */
function bestColumn(columns: readonly number[], scores: (column: number) => readonly number[]): number | undefined {
  let best: { column: number; score: readonly number[] } | undefined;
  for (const column of columns) {
    const score = scores(column);
    const differs = best ? score.findIndex((value, index) => value !== best?.score[index]) : -1;
    if (!best || (differs >= 0 && (score[differs] ?? 0) > (best.score[differs] ?? 0))) best = { column, score };
  }
  return best?.column;
}

/**
 * The pasted text's rows and their cells, as Excel puts a copied range on the clipboard: cells
 * parted by tabs, rows by line breaks, and a cell that holds a line break, a tab or a quote
 * wrapped in quotes, its quotes doubled. A quote inside a typed line is the line's own
 * (`relax_quotes`). A quote that opens a cell and is not closed where a cell ends is a typed one
 * too: csv-parse then keeps it, but as the start of a cell running over the lines after it, which
 * are read as written instead.
 */
function pastedRecords(text: string): string[][] {
  const options: Options = { delimiter: '\t', record_delimiter: ['\r\n', '\n', '\r'], relax_column_count: true, relax_quotes: true };
  try {
    const records = parse(text, options);
    if (!records.some((cells) => cells.some((cell) => cell.startsWith('"') && /[\r\n]/.test(cell)))) return records;
  } catch {
    // A quote opened and never closed: read as written below.
  }
  return parse(text, { ...options, quote: false });
}

/** A pasted line: its cells, one for a typed line. */
interface PastedRow {
  line: string;
  cells: string[];
  /** A row of the spreadsheet's, its cells set apart by tabs. */
  tabbed: boolean;
}

/**
 * The sheet's header rows (several when its header spans rows) and the columns they name. A
 * header stands above the data: once a row names a unit ("HTX…", "Công ty…"), no later row is
 * taken for one unless it repeats a header row (a second table pasted under the first).
 */
function findHeader(rows: readonly PastedRow[]): { rows: Set<number>; unit: number | null; person: number | null } {
  const found = { rows: new Set<number>(), unit: null as number | null, person: null as number | null };
  const headerLines = new Set<string>();
  let dataBegun = false;
  rows.forEach((row, at) => {
    if (!row.tabbed) return;
    if (headerLines.has(row.line)) {
      found.rows.add(at);
      return;
    }
    const columns = dataBegun ? null : headerColumns(row.cells);
    if (columns) {
      found.rows.add(at);
      headerLines.add(row.line);
      found.unit ??= columns.unit;
      found.person ??= columns.person;
    } else if (row.cells.some(looksLikeUnit)) {
      dataBegun = true;
    }
  });
  return found;
}

/**
 * Reads a pasted sheet. `namesUnits` tells which of some names name a unit (a participant, a
 * member, a partner): for a sheet without header, the column whose cells name the most units is
 * the units' column; ties go to the column whose cells read as units' names, then the leftmost.
 * The signers' column is the header's, else the one whose cells read most as people's names.
 */
export function readSignInSheet(text: string, namesUnits: (names: readonly string[]) => ReadonlySet<string>): SheetLine[] {
  const rows: PastedRow[] = pastedRecords(text)
    // A line break inside a cell is a space within it, as any run of white space.
    .map((record) => record.map(cleanText))
    .filter((cells) => cells.some((cell) => cell !== ''))
    .map((cells) => ({ line: cleanText(cells.join(' ')), cells, tabbed: cells.length > 1 }));
  const header = findHeader(rows);
  // Above the header: the sheet's title, its date and place.
  const firstHeaderRow = header.rows.size ? Math.min(...header.rows) : -1;
  const skipped = rows.map(({ cells, tabbed }, at) => {
    if (at < firstHeaderRow || header.rows.has(at)) return true;
    const row = { rowNumber: at + 1, cells };
    // A typed line is never a section heading: «1. HTX Mỹ Hòa» alone on a line is how lists are typed.
    return isTotalsRow(row) || isFooterRow(row) || (tabbed && isSectionHeading(row));
  });
  const sample = rows.filter((row, at) => row.tabbed && !skipped[at]).slice(0, SAMPLE_ROWS);
  const width = Math.max(0, ...sample.map((row) => row.cells.length));
  const columns = Array.from({ length: width }, (_, column) => column);
  const wordsOf = (column: number) => sample.map((row) => row.cells[column] ?? '').filter(hasWords);

  let unit = header.unit;
  if (unit === null && sample.length > 0) {
    const candidates = columns.filter((column) => column !== header.person && wordsOf(column).length > 0);
    const names = candidates.flatMap((column) => wordsOf(column).map((cell) => readTyped(cell).name));
    const units = namesUnits([...new Set(names)]);
    const count = (cells: string[], test: (cell: string) => boolean) => cells.filter(test).length;
    unit =
      bestColumn(candidates, (column) => {
        const cells = wordsOf(column);
        return [count(cells, (cell) => units.has(readTyped(cell).name)), count(cells, looksLikeUnit), -count(cells, looksLikePerson)];
      }) ?? 0;
  }
  const unitColumn = unit ?? 0;
  const person =
    header.person ??
    bestColumn(
      columns.filter((column) => column !== unitColumn && wordsOf(column).some(looksLikePerson)),
      (column) => [wordsOf(column).filter(looksLikePerson).length],
    ) ??
    null;

  return rows.map(({ line, cells, tabbed }, at): SheetLine => {
    const nothing = { line, name: '', representative: '', skipped: true };
    if (skipped[at]) return nothing;
    if (!tabbed) return { line, ...readTyped(line), skipped: false };
    const unitCell = cells[unitColumn] ?? '';
    if (!hasWords(unitCell)) return nothing;
    const own = readTyped(unitCell);
    const signer = person === null ? '' : (cells[person] ?? '');
    return { line, name: own.name, representative: signer || own.representative, skipped: false };
  });
}
