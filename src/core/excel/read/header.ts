/**
 * Finding the header row of a sheet the way a person would: skip the title and the administrative
 * lines above the table, take the row naming the most columns the importer knows, and take the row
 * under it too when the header is split over two rows ("Số thành viên" merged over "Chính thức" and
 * "Liên kết").
 */
import { cleanText, foldText } from '../../../shared/text';
import { MAX_COLUMNS } from './limits';
import type { CellValue, DetectedHeader, MergedRange, SheetHead, SourceRow } from './types';

/** Column letter of a 0-based index: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let rest = index + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  }
  return letters;
}

/** A header is never spread over more rows than this. */
const maxHeaderRows = 3;

function textOf(value: CellValue | undefined): string {
  if (typeof value === 'string') return cleanText(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '';
}

/**
 * The sheet's head as a grid with each merged range's value copied into all its cells. Only the
 * head's own rows are visited, and the cells filled are counted: a crafted sheet's thousands of
 * merges over whole columns stop at a few times the head's size instead of running for minutes.
 */
class FilledGrid {
  private readonly byRow = new Map<number, CellValue[]>();

  constructor(rows: SourceRow[], merges: MergedRange[]) {
    for (const row of rows) this.byRow.set(row.rowNumber, [...row.cells]);
    let budget = 2 * Math.max(1, rows.length) * MAX_COLUMNS;
    for (const merge of merges) {
      const value = this.byRow.get(merge.top)?.[merge.left - 1] ?? null;
      if (value === null) continue;
      for (const [rowNumber, cells] of this.byRow) {
        if (rowNumber < merge.top || rowNumber > merge.bottom) continue;
        budget -= merge.right - merge.left + 1;
        if (budget < 0) return;
        for (let column = merge.left - 1; column < merge.right; column++) cells[column] = value;
      }
    }
  }

  cells(rowNumber: number): CellValue[] {
    return this.byRow.get(rowNumber) ?? [];
  }
}

function knownCount(cells: CellValue[], knownHeaders: (folded: string) => boolean): number {
  let count = 0;
  for (const cell of cells) {
    const text = textOf(cell);
    if (text !== '' && typeof cell === 'string' && knownHeaders(foldText(text))) count++;
  }
  return count;
}

/** Whether a row holds only text (no numbers, dates or booleans) and some of it. */
function onlyText(cells: CellValue[]): boolean {
  let texts = 0;
  for (const cell of cells) {
    if (cell === null) continue;
    if (typeof cell !== 'string') return false;
    // Text that reads as a number or a date ("1.234", "15/03/2024") is data typed as text.
    if (/^[\d\s.,/()-]+$/.test(cell.trim())) return false;
    if (cell.trim() !== '') texts++;
  }
  return texts > 0;
}

/** A header cell that is only a year ("2024", typed as a number or as text) as the heading it is, "Năm 2024"; any other cell as it is. */
export function asYearHeading(cell: CellValue): CellValue {
  const text = typeof cell === 'number' || typeof cell === 'string' ? String(cell).trim() : '';
  return /^(?:19|20)\d{2}$/.test(text) ? `Năm ${text}` : cell;
}

/** Whether a row above a header reads as part of it: text, and years. */
function headingText(cells: CellValue[]): boolean {
  return onlyText(cells.map(asYearHeading));
}

/** The "(1) (2) (3)…" or "1 2 3…" line government forms put under the header. */
function isNumberingRow(cells: CellValue[]): boolean {
  const numbers: number[] = [];
  for (const cell of cells) {
    if (cell === null || (typeof cell === 'string' && cell.trim() === '')) continue;
    const match = /^\(?(\d{1,3})\)?$/.exec(typeof cell === 'number' ? String(cell) : textOf(cell));
    if (!match) return false;
    numbers.push(Number(match[1]));
  }
  return numbers.length >= 2 && numbers.every((number, at) => at === 0 || number > (numbers[at - 1] ?? 0));
}

/**
 * The header of the sheet, or null when no row names any column the importer knows (then the
 * import asks the person to say which row is the header). Columns whose header is empty are left
 * out.
 */
export function detectHeader(head: Pick<SheetHead, 'rows' | 'merges'>, knownHeaders: (folded: string) => boolean): DetectedHeader | null {
  const grid = new FilledGrid(head.rows, head.merges);
  // Count on the row as typed plus its own merges across (not merges coming down from above), so
  // the second row of a split header does not win by inheriting the first one's names.
  const own = new FilledGrid(
    head.rows,
    head.merges.filter((merge) => merge.top === merge.bottom),
  );
  let best: SourceRow | undefined;
  let bestCount = 0;
  for (const row of head.rows) {
    const count = knownCount(own.cells(row.rowNumber), knownHeaders);
    if (count > bestCount) {
      best = row;
      bestCount = count;
    }
  }
  if (!best) return null;

  const rowNumbers = head.rows.map((row) => row.rowNumber);
  const headerRows = [best.rowNumber];
  // The row naming the most columns may be the header's lower row: names merged down from the row
  // above it ("Tên HTX" over two rows), or years and groups over its figures ("Năm 2023" and "Năm
  // 2024", each merged over "Số thành viên" and "Doanh thu"). A title or a note above the table is
  // one cell, however wide.
  for (;;) {
    const first = headerRows[0] ?? best.rowNumber;
    const above = head.rows.find((row) => row.rowNumber === first - 1);
    if (!above || headerRows.length >= maxHeaderRows || !headingText(above.cells)) break;
    const mergesOfAbove = head.merges.filter((merge) => merge.top === above.rowNumber);
    const spansDown = mergesOfAbove.some((merge) => merge.bottom >= first);
    const groups = mergesOfAbove.some((merge) => merge.bottom === above.rowNumber && merge.right > merge.left) && above.cells.filter((cell) => textOf(cell) !== '').length > 1;
    if (!spansDown && !groups && knownCount(above.cells, knownHeaders) === 0) break;
    headerRows.unshift(above.rowNumber);
  }
  for (;;) {
    const last = headerRows[headerRows.length - 1] ?? best.rowNumber;
    const next = rowNumbers.find((number) => number > last);
    if (next === undefined || headerRows.length >= maxHeaderRows) break;
    const nextCells = head.rows.find((row) => row.rowNumber === next)?.cells ?? [];
    const spansDown = head.merges.some((merge) => merge.top <= last && merge.bottom >= next && merge.top >= best.rowNumber);
    const spansAcross = head.merges.some((merge) => merge.top === last && merge.bottom === last && merge.right > merge.left);
    // A header's own name under it never starts with a count: "12 lao động" is a first row of
    // data written in words, which a header read folded ("lao dong") would otherwise take.
    const namesUnder = (folded: string) => !/^\d/.test(folded) && knownHeaders(folded);
    const continues =
      (spansDown || spansAcross) && onlyText(nextCells)
        ? true
        : onlyText(nextCells) && knownCount(nextCells, namesUnder) > 0 && !isNumberingRow(nextCells);
    if (!continues) break;
    headerRows.push(next);
  }

  const width = Math.max(0, ...headerRows.map((number) => grid.cells(number).length));
  const columns: DetectedHeader['columns'] = [];
  for (let index = 0; index < width; index++) {
    const parts: string[] = [];
    for (const number of headerRows) {
      const text = textOf(grid.cells(number)[index]);
      if (text !== '' && parts[parts.length - 1] !== text) parts.push(text);
    }
    if (parts.length > 0) columns.push({ index, letter: columnLetter(index), header: parts.join(' - ') });
  }

  const lastHeader = headerRows[headerRows.length - 1] ?? best.rowNumber;
  let dataStartRow = lastHeader + 1;
  const after = head.rows.find((row) => row.rowNumber > lastHeader);
  if (after && isNumberingRow(after.cells)) dataStartRow = after.rowNumber + 1;
  return { headerRows, dataStartRow, columns };
}
