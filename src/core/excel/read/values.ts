/**
 * Turning a cell into a date or a number the way a Vietnamese office writes them. Pure: no node,
 * no time zone — days are counted in UTC arithmetic and given as `yyyy-mm-dd` text.
 */
import { foldText } from '../../../shared/text';
import { readWrittenNumber } from '../../../shared/writtenAmounts';
import type { CellValue, ParsedDate, ParsedNumber } from './types';

/** Day 0 of Excel's 1900 system as it counts after 28/02/1900 (it wrongly believes 1900 was a leap year), from 1970-01-01. */
const epoch1900 = -25_569;
/** Day 0 of the 1904 system (01/01/1904), from 1970-01-01. */
const epoch1904 = -24_107;
/** 31/12/9999, the last day Excel knows. */
const lastSerial = 2_958_465;

/**
 * `yyyy-mm-dd` of a day counted from 1970-01-01, by integer arithmetic (H. Hinnant's
 * civil-from-days): no Date object per cell and no time zone anywhere.
 */
function isoOfEpochDay(epochDay: number): string {
  const z = epochDay + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/**
 * The calendar day an Excel serial shows (the time of day is dropped), or null for a serial Excel
 * itself cannot show as a day: negative, past 9999, or 60 in the 1900 system — the 29/02/1900 that
 * never was.
 */
export function isoOfExcelSerial(serial: number, date1904 = false): string | null {
  if (!Number.isFinite(serial) || serial < 0 || serial > lastSerial) return null;
  // A hair over, so a date-time stored as 45366.99999999999 for midnight is not a day early.
  const day = Math.floor(serial + 1e-9);
  if (date1904) return isoOfEpochDay(epoch1904 + day);
  if (day === 60 || day === 0) return null;
  // Before the phantom 29/02/1900 Excel's days are one later than a true count from 30/12/1899.
  return isoOfEpochDay(epoch1900 + (day < 60 ? day + 1 : day));
}

function isRealDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= last;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** A day first, its parts set apart by one of "/", "." or "-" — with spaces around them too, "15 / 3 / 2015". */
const dayFirst = /^(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{1,4})(?:[ T]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/;
/** A year of four digits first is never a day: "2024-03-15", also "2024/03/15" as English-language software exports it. */
const yearFirst = /^(\d{4})([/.-])(\d{1,2})\2(\d{1,2})(?:[ T]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
/**
 * A day as administrative writing gives it, folded: "ngày 05 tháng 7 năm 2017", "05 tháng 07, năm
 * 2017" (Nghị định 30/2020 writes every date so, and lists copy it from decisions).
 */
const dayInWords = /^(?:ngay\s*)?(\d{1,2})\s*,?\s*thang\s*(\d{1,2})\s*,?\s*nam\s*(\d{1,4})$/;
/** "ngày" before a day written with numbers: "ngày 05/7/2017", "Ngay 5/7/2017". */
const dayWord = /^ng[àa]y\s*(?=\d)/iu;

function dateOf(year: number, month: number, day: number, shown: string): ParsedDate {
  if (!isRealDay(year, month, day)) {
    return month >= 1 && month <= 12
      ? { error: `Ngày «${shown}» không có thật: tháng ${month}/${year} không có ngày ${day}.` }
      : { error: `Ngày «${shown}» không có thật: không có tháng ${month}.` };
  }
  return { iso: `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}` };
}

/**
 * A date from a cell: a date-formatted cell, an Excel serial number (1900 system unless told
 * `date1904` — the reader already converts date-formatted cells with the workbook's own system), or
 * text as dd/mm/yyyy, d/m/yyyy, dd-mm-yyyy, dd.mm.yyyy or yyyy-mm-dd (a time after it is ignored),
 * with or without "ngày" before it, or in words ("ngày 05 tháng 7 năm 2017"). Blank gives null.
 * Two-digit years are refused: 15/03/24 could be 1924 or 2024.
 */
export function parseDateCell(value: CellValue, options: { date1904?: boolean } = {}): ParsedDate {
  if (value === null) return null;
  if (typeof value === 'object') return { iso: value.date };
  if (typeof value === 'boolean') return { error: `«${value ? 'TRUE' : 'FALSE'}» không phải ngày.` };
  if (typeof value === 'number') {
    if (Number.isInteger(value) && value >= 1900 && value <= 2100) {
      return { error: `«${value}» chỉ là năm; hãy ghi đủ ngày, tháng, năm (dd/mm/yyyy).` };
    }
    const iso = isoOfExcelSerial(value, options.date1904);
    return iso === null ? { error: `Số «${value}» không phải một ngày Excel hiểu được.` } : { iso };
  }
  const text = value.normalize('NFC').trim();
  if (text === '') return null;
  const byDay = dayFirst.exec(text.replace(dayWord, ''));
  const inWords = byDay ? null : dayInWords.exec(foldText(text));
  const [dayText = '', monthText = '', yearText = ''] = byDay ? [byDay[1], byDay[3], byDay[4]] : inWords ? inWords.slice(1) : [];
  if (yearText) {
    if (yearText.length !== 4) {
      return { error: `Ngày «${text}» phải ghi năm đủ bốn chữ số (dd/mm/yyyy), ví dụ 15/03/2024.` };
    }
    return dateOf(Number(yearText), Number(monthText), Number(dayText), text);
  }
  const byYear = yearFirst.exec(text);
  if (byYear) {
    const [, year = '', , month = '', day = ''] = byYear;
    return dateOf(Number(year), Number(month), Number(day), text);
  }
  return { error: `«${text}» không phải ngày dạng dd/mm/yyyy.` };
}

/**
 * A number from a cell as Vietnamese offices write it (shared/writtenAmounts.ts, `readWrittenNumber`,
 * says how). Blank gives null; anything else is an error naming the text.
 */
export function parseNumberCell(value: CellValue): ParsedNumber {
  if (value === null) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? { value } : { error: 'Ô không chứa số hợp lệ.' };
  if (typeof value === 'boolean') return { error: `«${value ? 'TRUE' : 'FALSE'}» không phải số.` };
  if (typeof value === 'object') return { error: `Ngày ${value.date} không phải số.` };
  const shown = value.normalize('NFC').trim();
  if (shown === '') return null;
  const number = readWrittenNumber(shown);
  return number === null ? { error: `«${shown}» không phải số.` } : { value: number };
}

/** Built-in number formats that show a day (times alone, 18–21 and 45–47, stay numbers). */
export const builtInDateFormats = new Set([14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 57, 58]);

/**
 * Whether a custom format shows a day: it has d or y outside quoted text, [brackets] (colours,
 * locales, elapsed time) and escaped characters. "h:mm" is a time, "#,##0 \"đồng\"" a number.
 */
export function isDateFormat(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\\./g, '')
    .replace(/[_*]./g, '');
  return /[dy]/i.test(bare);
}
