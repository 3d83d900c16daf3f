/**
 * What a row of a list is when it is not a unit's: a section heading ("I. HUYỆN CHÂU THÀNH"), a
 * subtotal or total ("Tổng cộng 12 HTX"), a line of the footer ("Người lập biểu"). One rule for
 * every list read: the Excel import passes such rows over, and so does a pasted sign-in sheet.
 */
import { foldText } from '../../../shared/text';
import type { CellValue, SourceRow } from '../read/types';
import { shownCell } from './cells';

/**
 * The cells of a row that hold something, with their columns; the first `most` of them when that
 * is all a caller asks (every row of a list is asked whether it is a heading).
 */
export function filledCells(row: SourceRow, most = Infinity): { index: number; value: CellValue; text: string }[] {
  const filled: { index: number; value: CellValue; text: string }[] = [];
  for (let index = 0; index < row.cells.length && filled.length < most; index++) {
    const value = row.cells[index];
    const text = shownCell(value);
    if (text !== '') filled.push({ index, value: value ?? null, text });
  }
  return filled;
}

/** A section's or a row's number: "I", "II.", "A", "b)", "1.", 3. */
export function isNumbering(value: CellValue): boolean {
  if (typeof value === 'number') return Number.isInteger(value) && value > 0 && value < 1000;
  return typeof value === 'string' && /^(?:[IVXLC]+|[A-ZĐa-zđ]|\d{1,3}(?:\.\d{1,3})*)\s*[.)/-]?$/u.test(value.trim());
}

/** Section numbering, never a row's: a Roman numeral, a letter, or levels ("I", "II.", "A", "b)", "1.2"). */
function isSectionNumbering(value: CellValue): boolean {
  return typeof value === 'string' && /^(?:[IVXLC]+|[A-ZĐa-zđ]|\d{1,3}(?:\.\d{1,3})+)\s*[.)/-]?$/u.test(value.trim());
}

/**
 * Words a section of a list is named by, folded: a place ("Huyện Châu Thành", "Thị xã Tân Châu",
 * "Xã Bình Hòa"), an area or a field of work ("Khu vực I", "Lĩnh vực nông nghiệp", "Khối…"). An
 * organization's name starts with what it is (HTX, Tổ hợp tác, Quỹ tín dụng…), never with these.
 */
const sectionWords = /^(?:huyen|quan|thi xa|thanh pho|tp|xa|phuong|thi tran|dac khu|tinh|khu vuc|linh vuc|nganh|khoi|nhom|loai hinh|vung|dia ban|cum|phan|muc)(?![a-z0-9])/;

/** Text in capitals, with at least two capital letters ("HUYỆN CHÂU THÀNH", "KHỐI NÔNG NGHIỆP"). */
function inCapitals(text: string): boolean {
  return text === text.toLocaleUpperCase('vi') && /\p{Lu}.*\p{Lu}/u.test(text);
}

/**
 * A section heading inside the table ("I. HUYỆN CHÂU THÀNH" in one cell, or "I" | "HUYỆN CHÂU
 * THÀNH" in the numbering and name columns, "1." | "Khu vực I"): a heading and at most its number.
 * A row of data says more than its name — an address, a number — so a row with any third cell is
 * data; and a row numbered as data rows are (1, 2, 3…) is data unless its text names a place or a
 * field, so a cooperative written in capitals with its other cells left empty is shown and refused
 * with why, never passed over.
 */
export function isSectionHeading(row: SourceRow): boolean {
  // A third cell is enough to say it is not one.
  const filled = filledCells(row, 3);
  const [first, second] = filled;
  if (!first || filled.length > 2) return false;
  const numbering = second ? first.value : null;
  const heading = second ?? first;
  if (typeof heading.value !== 'string' || (numbering !== null && !isNumbering(numbering))) return false;
  const text = heading.text.normalize('NFC');
  const numbered = /^(?:[IVXLC]+|[A-ZĐ]|\d{1,2})[.)/-]\s*(\S.*)$/u.exec(text);
  if (sectionWords.test(foldText(numbered?.[1] ?? text))) return true;
  if (numbering === null) return numbered !== null || inCapitals(text);
  if (isSectionNumbering(numbering)) return true;
  // "1." or "2)" numbers a sub-section; a bare 1, 2, 3 numbers the rows.
  return typeof numbering === 'string' && /[.)/-]$/.test(numbering.trim()) && inCapitals(text);
}

/**
 * Other cells of a totals row: amounts, counts ("12 HTX"), marks of none ("-", "x"), or a sum typed
 * into a cell formatted as text, which Excel keeps as written ("=SUM(H6:H17)").
 */
function isTotalsValue(value: CellValue, text: string): boolean {
  return typeof value !== 'string' || /^\d/.test(text) || /^[-–x]$/i.test(text) || /^=\s*[a-z]+\s*\(/i.test(text);
}

/**
 * A subtotal or total ("Cộng", "Cộng I", "Cộng huyện Châu Thành", "Tổng cộng", "TỔNG CỘNG (12
 * HTX)", "Tổng số:"): the label, after at most a number, and only amounts or counts beside it.
 * Read with its marks: "Công ty…" and "Tổng công ty…" are names, not totals.
 */
export function isTotalsRow(row: SourceRow): boolean {
  // Nearly every row is data, whose first text is no total's word: said so before the cells are read whole.
  const first = row.cells.find((cell): cell is string => typeof cell === 'string' && cell.trim() !== '' && !isNumbering(cell));
  if (first === undefined || !/^\s*(?:tổng|cộng)/iu.test(first.normalize('NFC'))) return false;
  const filled = filledCells(row);
  const at = filled.findIndex((cell) => typeof cell.value === 'string' && !isNumbering(cell.value));
  const label = filled[at];
  if (!label || filled.slice(0, at).some((cell) => !isNumbering(cell.value))) return false;
  const words = /^(?:tổng cộng|tổng số|cộng|tổng)\s*[:.-]?\s*(.*)$/u.exec(label.text.normalize('NFC').toLocaleLowerCase('vi'));
  if (!words) return false;
  const rest = foldText(words[1] ?? '');
  const totalsLabel =
    rest === '' ||
    rest.startsWith('(') ||
    /^\d/.test(rest) ||
    /^(?:[ivxlc]+|[a-z])\s*[.)]?$/.test(rest) ||
    sectionWords.test(rest) ||
    /^(?:toan|chung|cac|tat ca)(?![a-z])/.test(rest);
  return totalsLabel && filled.every((cell) => cell === label || isTotalsValue(cell.value, cell.text));
}

/**
 * A line of the footer a list ends with, folded: the place and date ("An Giang, ngày 15 tháng 01
 * năm 2025", "Ngày … tháng … năm …"), the signers' titles ("NGƯỜI LẬP BIỂU", "KT. CHỦ TỊCH",
 * "TM. BAN THƯỜNG VỤ"), "(Ký, ghi rõ họ tên)", "Nơi nhận:", a note under the table ("Ghi chú: …").
 */
const footerLines = [
  /ngay[\s\d.…_]*thang[\s\d.…_]*nam[\s\d.…_]*$/,
  /^\(?\s*(?:ky|da ky|ghi ro ho ten)(?![a-z])/,
  /^(?:noi nhan|ghi chu|nguon(?: so lieu)?)\s*:/,
  /^(?:tm|kt|tl|tuq)\s*[.:]\s*\S/,
  /^(?:thay mat|thua lenh|thua uy quyen|xac nhan cua)(?![a-z])/,
  /^(?:nguoi lap(?: bieu| bang)?|lap bieu|nguoi tong hop|nguoi ky|(?:pho )?(?:giam doc|tong giam doc|chu tich|truong phong|truong ban|chanh van phong)|ke toan(?: truong)?|thu truong(?: don vi| co quan)?)(?:\s+(?:ubnd|hdqt|lien minh|so|ban|hoi dong|uy ban)(?![a-z]).*)?[.:]?$/,
];

/** A row of the footer: each of its cells a footer's line. */
export function isFooterRow(row: SourceRow): boolean {
  let filled = false;
  for (const value of row.cells) {
    const text = shownCell(value);
    if (text === '') continue;
    // Asked of every row: the first cell that is no footer line ends the question.
    if (typeof value !== 'string' || !footerLines.some((line) => line.test(foldText(text)))) return false;
    filled = true;
  }
  return filled;
}

/**
 * The sums of each column's numbers over the rows of data read, to tell a subtotal or total row
 * written without its label: numbers alone, each the sum of its column since the last heading, the
 * last total, or the list's start (a «=SUM(…)» under each column, its label forgotten or in a
 * column not mapped). Such a row is passed over as a labelled one is, where it was refused for
 * want of a name.
 */
export class RunningSums {
  private readonly sums = { sinceHeading: new Map<number, number>(), sinceTotal: new Map<number, number>(), all: new Map<number, number>() };

  /** A row of data: its numbers count in every sum. */
  add(row: SourceRow): void {
    const { sinceHeading, sinceTotal, all } = this.sums;
    for (let index = 0; index < row.cells.length; index++) {
      const value = row.cells[index];
      if (typeof value !== 'number') continue;
      sinceHeading.set(index, (sinceHeading.get(index) ?? 0) + value);
      sinceTotal.set(index, (sinceTotal.get(index) ?? 0) + value);
      all.set(index, (all.get(index) ?? 0) + value);
    }
  }

  /** A section heading: the sums of its section start. */
  heading(): void {
    this.sums.sinceHeading.clear();
  }

  /** A total, with or without its label: the sums of the next start. */
  total(): void {
    this.sums.sinceHeading.clear();
    this.sums.sinceTotal.clear();
  }

  /**
   * Numbers alone, at least two, each the sum of its column — every filled cell, mapped or not: a
   * row of data repeating the one before it has its own number (STT), which sums nothing.
   */
  isSumRow(row: SourceRow): boolean {
    // Asked of every row of a list: the cells are looked at as they are, without a copy, and a row
    // with a word in it (nearly every row of data) is answered at that cell.
    let numbers = 0;
    for (const value of row.cells) {
      if (typeof value === 'number') numbers += 1;
      else if (value !== null && (typeof value !== 'string' || value.trim() !== '')) return false;
    }
    if (numbers < 2) return false;
    return Object.values(this.sums).some((sums) =>
      row.cells.every((value, index) => typeof value !== 'number' || sameAmount(value, sums.get(index))),
    );
  }
}

/** Equal but for what floating point leaves of a sum (0.1 + 0.2). */
function sameAmount(value: number, sum: number | undefined): boolean {
  return sum !== undefined && Math.abs(value - sum) <= 1e-9 * Math.max(1, Math.abs(sum));
}
