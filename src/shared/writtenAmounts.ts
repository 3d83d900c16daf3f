/**
 * Numbers and amounts of money as offices write them in a list, whatever software wrote it: the
 * Excel import reads every number cell with it (core/excel/read/values.ts, core/excel/import/cells.ts),
 * and the year grid reads an amount typed or pasted into a money cell with it when the stricter
 * Vietnamese reading (typed.ts) cannot, so that «1,5 tỷ» is the same amount in both; a count with its
 * own unit («14 người») likewise. Pure.
 */
import type { FigureField } from './contracts/figures';
import { foldText } from './text';

/** Words and signs for đồng written after (or before) an amount. */
const currency = /^(?:vnđ|vnd|đồng|đ)\.?\s*|\s*(?:vnđ|vnd|đồng|đ)\.?$/giu;
/** Every kind of space a thousands group may be set off with. */
const spaces = /[\s\u00a0\u2007\u202f]+/g;

/** Whether `groups` (after the first) are all three digits and the first one to three. */
function isGrouped(parts: string[]): boolean {
  const [first = '', ...rest] = parts;
  return /^\d{1,3}$/.test(first) && rest.length > 0 && rest.every((part) => /^\d{3}$/.test(part));
}

/**
 * A number as Vietnamese offices write it, from text already in NFC and trimmed; null when it is
 * not one. Rules, in order:
 * - spaces (also no-break) are thousands separators: "3 000" = 3000; "đ", "đồng", "VNĐ", "VND" around
 *   the amount are dropped; a leading "-" or "+" is the sign; "(1.000)" is negative;
 * - both "." and "," present: the later one is the decimal mark, the other groups thousands
 *   ("1.234.567,5" = 1234567.5, "1,234,567.5" likewise);
 * - one kind repeated ("1.234.567", "1,234,567"): thousands separators;
 * - a single "." or "," followed by exactly three digits after a non-zero whole part groups
 *   thousands ("1.234" = 1234, "1,500" = 1500), because amounts and counts are what offices type
 *   and three decimals almost never;
 * - otherwise a single "," or "." is the decimal mark ("12,5" = 12.5, "0,125" = 0.125).
 */
export function readWrittenNumber(shown: string): number | null {
  let text = shown.replace(currency, '').replace(spaces, '');
  let sign = 1;
  const bracketed = /^\((.*)\)$/.exec(text);
  if (bracketed) {
    sign = -1;
    text = bracketed[1] ?? '';
  }
  if (text.startsWith('-') || text.startsWith('+')) {
    if (text.startsWith('-')) sign = -sign;
    text = text.slice(1);
  }
  if (!/^[\d.,]+$/.test(text) || !/\d/.test(text)) return null;
  const lastDot = text.lastIndexOf('.');
  const lastComma = text.lastIndexOf(',');
  let whole: string;
  let fraction = '';
  if (lastDot >= 0 && lastComma >= 0) {
    const decimalAt = Math.max(lastDot, lastComma);
    const grouping = lastDot > lastComma ? ',' : '.';
    const wholePart = text.slice(0, decimalAt);
    fraction = text.slice(decimalAt + 1);
    if (!isGrouped(wholePart.split(grouping)) || !/^\d+$/.test(fraction)) return null;
    whole = wholePart.split(grouping).join('');
  } else if (lastDot >= 0 || lastComma >= 0) {
    const mark = lastDot >= 0 ? '.' : ',';
    const parts = text.split(mark);
    if (parts.length > 2) {
      if (!isGrouped(parts)) return null;
      whole = parts.join('');
    } else {
      const [head = '', tail = ''] = parts;
      if (head === '' || tail === '') return null;
      if (tail.length === 3 && isGrouped(parts) && !/^0+$/.test(head)) whole = head + tail;
      else {
        whole = head;
        fraction = tail;
      }
    }
  } else whole = text;
  const number = Number(fraction === '' ? whole : `${whole}.${fraction}`);
  return Number.isFinite(number) ? sign * number : null;
}

/** A number and the multiple of the đồng written after it in a cell, folded: "1,5 ty", "500 trieu", "500tr". */
const amountPart = /\s*(\d[\d.,\s]*?)\s*(ty|ti|trieu|tr|nghin|ngan)\b\.?/y;
/** "tỉ" is written as often as "tỷ"; both spellings are right. */
const multipleOfWord: Record<string, number> = { ty: 1_000_000_000, ti: 1_000_000_000, trieu: 1_000_000, tr: 1_000_000, nghin: 1_000, ngan: 1_000 };

/** A minus sign or the word «âm» (folded) before an amount written with its multiples: a loss. */
const negativeAmount = /^(?:[-\u2212]|am\s)\s*/;

/**
 * An amount written with its multiples of the đồng, as offices write one: "1,5 tỷ", "500 triệu",
 * "500tr", "2 tỷ 500 triệu", "1,2 tỷ đồng", a loss "-200 triệu" or "âm 200 triệu" — in đồng; null
 * when the text is not written so (each number must name its multiple, the larger first). Whether
 * a negative amount is taken is the field's to say, as of a bare "-200.000.000".
 */
export function amountInWords(text: string): number | null {
  const written = foldText(text).replace(/\s*(?:dong|d|vnd)\.?$/, '');
  const negative = negativeAmount.exec(written);
  const folded = negative ? written.slice(negative[0].length) : written;
  let total = 0;
  let previous = Infinity;
  let at = 0;
  while (at < folded.length) {
    amountPart.lastIndex = at;
    const part = amountPart.exec(folded);
    const multiple = multipleOfWord[part?.[2] ?? ''];
    const number = part ? readWrittenNumber((part[1] ?? '').trim()) : null;
    if (!part || multiple === undefined || multiple >= previous || number === null || number < 0) return null;
    total += number * multiple;
    previous = multiple;
    at = amountPart.lastIndex;
  }
  if (at === 0) return null;
  const amount = Math.round(total);
  return negative && amount !== 0 ? -amount : amount;
}

/** An amount of money as a list writes it, a bare number or one with its multiples; null when it is neither. */
export function readWrittenAmount(text: string): number | null {
  const shown = text.normalize('NFC').trim();
  return shown === '' ? null : (readWrittenNumber(shown) ?? amountInWords(shown));
}

/** The word that makes a profit a loss: "lỗ 20 triệu", "Lỗ: 1,5 tỷ". */
export const lossBefore = /^(?:lỗ|lo)\s*:?\s*(?=\d)/iu;
/** What says an amount is for a month: "4,5 triệu/tháng", "4.500.000 đ/người/tháng". */
export const aMonth = /\s*\/\s*(?:(?:người|ng|lao động|lđ)\s*\/\s*)?tháng\.?$/iu;
/** The same for a year: "60 triệu/năm", "60 tr/người/năm". */
export const aYear = /\s*\/\s*(?:(?:người|ng|lao động|lđ)\s*\/\s*)?năm\.?$/iu;

/** How a figure's amount may be written besides a plain amount: a profit as a loss, an income as a month's or a year's. */
export interface FigureAmountWords {
  lossWord?: boolean;
  perMonth?: boolean;
}

/** The figures whose amounts take words of their own: a profit «lỗ 50 triệu», an income a month «3,8 tr/tháng». */
export const figureAmountWords: Partial<Record<FigureField, FigureAmountWords>> = { profit: { lossWord: true }, averageIncome: { perMonth: true } };

/**
 * A figure's amount in đồng as a report writes it — what the Excel import reads of the same cell
 * when its column is in đồng: `readWrittenAmount`, and, as `words` allows, a loss after its word
 * («lỗ 50 triệu»: −50.000.000), an amount said to be a month's («3,8 tr/tháng») or a year's, stored
 * as its twelfth to the đồng («45 triệu/năm»: 3.750.000). Null when it is none of these.
 */
export function readFigureAmount(text: string, words: FigureAmountWords = {}): number | null {
  const shown = text.normalize('NFC').trim();
  if (words.perMonth && aMonth.test(shown)) return roundedAmount(shown.replace(aMonth, ''));
  const yearly = words.perMonth && aYear.test(shown) ? roundedAmount(shown.replace(aYear, '')) : null;
  if (yearly !== null) return Math.round(yearly / 12);
  const loss = words.lossWord ? lossBefore.exec(shown) : null;
  const lost = loss ? roundedAmount(shown.slice(loss[0].length)) : null;
  if (lost !== null) return -lost;
  return readWrittenAmount(shown);
}

function roundedAmount(text: string): number | null {
  const amount = readWrittenAmount(text);
  return amount === null ? null : Math.round(amount);
}

const memberUnits = ['nguoi', 'thanh vien', 'tv', 'xa vien', 'ho'];
const managerUnits = ['nguoi', 'can bo', 'cb', 'cbql', 'can bo quan ly'];
/**
 * The words each count may be written with after its number, folded, by what it counts: members of
 * a cooperative are people or households (hộ thành viên), written out or cut to TV, of old called xã
 * viên; workers are people (LĐ); managers are people (cán bộ, CB, CBQL). Any other word («14 tấn» of
 * members, «12 hộ» of workers) or one before the number («khoảng 14») makes no count.
 */
export const countUnits = {
  membersOfficial: memberUnits,
  membersAssociate: memberUnits,
  workers: ['nguoi', 'lao dong', 'ld'],
  managers: managerUnits,
  managersWithDegree: managerUnits,
} as const satisfies Partial<Record<FigureField, readonly string[]>>;
export type CountField = keyof typeof countUnits;

export function isCountField(field: string): field is CountField {
  return Object.hasOwn(countUnits, field);
}

/** A number and the word after it, folded: "25 nguoi", "1.250 tv", "8 ld.". */
const numberAndWord = /^(\d[\d.,\s]*?)\s*(\p{L}[\p{L}\s]*?)\.?$/u;

/**
 * A count written with its own unit after the number («14 người», «1.250 TV», «8 LĐ» of workers),
 * as the Excel import and the year grid read one: the number; null when the word is not one of the
 * field's (`countUnits`) or the text is not a number and a word.
 */
export function countInWords(text: string, field: CountField): number | null {
  const written = numberAndWord.exec(foldText(text.normalize('NFC')).trim());
  const units: readonly string[] = countUnits[field];
  return written && units.includes(written[2] ?? '') ? readWrittenNumber(written[1] ?? '') : null;
}
