/**
 * Reading what a person types into a field as Vietnamese write it: numbers with dots between
 * thousands and a comma before the decimals, dates as dd/mm/yyyy, phone numbers as offices write
 * them. Pure (no node, DOM or electron): the screens read with it and the contract checks phones
 * with it, so a form and the backend agree on what is valid.
 *
 * A form is stricter than an import (core/excel/read/values.ts). A list from Excel may come from
 * anywhere, so the import guesses ("1,500" = 1500 there). A person typing under a Vietnamese
 * interface is read by the Vietnamese rule alone, and anything else is questioned, never guessed.
 */

/** What a typed number means, or why it cannot be read. */
export type NumberReading =
  | { kind: 'empty' }
  | {
      kind: 'number';
      value: number;
      /** Digits after the comma as typed ("1,50" has 2), for the field's limit on decimals. */
      decimals: number;
      /** The same number as typed, with its thousands grouped: "1250,50" → "1.250,50". */
      text: string;
    }
  | { kind: 'problem'; problem: NumberProblem };

/**
 * Why a typed number is refused. `notNumber`: letters or signs a number does not have;
 * `dotGrouping`: a dot that does not set off a group of three digits ("1.5" — a dot only groups
 * thousands; the decimal sign is the comma); `tooLarge`: past what can be stored exactly.
 */
export type NumberSyntaxProblem = { code: 'notNumber' } | { code: 'dotGrouping' } | { code: 'tooLarge' };

/** A number read well but outside what the field takes. */
export type NumberRangeProblem =
  | { code: 'notInteger' }
  | { code: 'tooManyDecimals'; decimals: number }
  | { code: 'negative' }
  | { code: 'notPositive' }
  | { code: 'outOfRange'; min: number; max: number }
  | { code: 'belowMin'; min: number }
  | { code: 'aboveMax'; max: number };

export type NumberProblem = NumberSyntaxProblem | NumberRangeProblem;

/** What a number field takes. */
export interface NumberRules {
  /** Digits allowed after the comma; 0 (the default) takes whole numbers only. */
  decimals?: number;
  /** The least value taken, 0 unless said; null takes any negative number (a loss). */
  min?: number | null;
  max?: number;
  /** Greater than 0, not merely at least 0 (a quantity committed or delivered). */
  positive?: boolean;
}

/** A leading sign: the hyphen, the minus sign (U+2212) and the dashes people paste for it. */
const minusSigns = /^[-\u2212\u2013]/;
/** Spaces that may set off thousands, as a dot does: "1 250 000". */
const groupSpaces = /[ \u00a0\u202f\u2007]/g;

function grouped(whole: string): string {
  return whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/**
 * A number as a Vietnamese person types it: "1.250,75" = 1250.75; "1,5" = 1.5; "0,5" = 0.5;
 * "1.250" = 1250 (a dot groups thousands — never a decimal sign, so the ambiguous "1.250" is one
 * thousand two hundred fifty, as Vietnamese read it); "1 250" = 1250; "-12" and "−12" are negative.
 * A dot must set off exactly three digits, and there is at most one comma; anything else is a
 * problem to show, not a number to guess.
 */
export function readTypedNumber(typed: string): NumberReading {
  let text = typed.normalize('NFC').trim();
  if (text === '') return { kind: 'empty' };
  let negative = false;
  if (minusSigns.test(text)) {
    negative = true;
    text = text.slice(1).trimStart();
  } else if (text.startsWith('+')) text = text.slice(1).trimStart();
  text = text.replace(groupSpaces, '.');
  if (!/^[\d.,]+$/.test(text) || !/\d/.test(text)) return { kind: 'problem', problem: { code: 'notNumber' } };
  const parts = text.split(',');
  if (parts.length > 2) return { kind: 'problem', problem: { code: 'notNumber' } };
  const [wholePart = '', fraction = ''] = parts;
  if (parts.length === 2 && !/^\d+$/.test(fraction)) {
    // "1.250,5.3" has a dot after the comma, "5," nothing after it.
    return { kind: 'problem', problem: { code: fraction.includes('.') ? 'dotGrouping' : 'notNumber' } };
  }
  const groups = wholePart.split('.');
  const [first = '', ...rest] = groups;
  if (rest.length > 0 && (!/^\d{1,3}$/.test(first) || !rest.every((group) => /^\d{3}$/.test(group)))) {
    return { kind: 'problem', problem: { code: 'dotGrouping' } };
  }
  // ",5" is 0,5; leading zeros ("007") say nothing.
  const whole = groups.join('').replace(/^0+(?=\d)/, '') || '0';
  const value = Number(`${whole}.${fraction || '0'}`);
  if (!Number.isSafeInteger(Math.trunc(value)) || whole.length > 16) return { kind: 'problem', problem: { code: 'tooLarge' } };
  const signed = negative && value !== 0 ? -value : value;
  return {
    kind: 'number',
    value: signed,
    decimals: fraction.length,
    text: `${negative && value !== 0 ? '-' : ''}${grouped(whole)}${fraction ? `,${fraction}` : ''}`,
  };
}

/** Whether a number read from a field is one the field takes; null when it is. */
export function checkNumber(value: number, decimals: number, rules: NumberRules = {}): NumberRangeProblem | null {
  const allowed = rules.decimals ?? 0;
  if (decimals > allowed) return allowed === 0 ? { code: 'notInteger' } : { code: 'tooManyDecimals', decimals: allowed };
  if (rules.positive && value <= 0) return { code: 'notPositive' };
  const min = rules.min === undefined ? 0 : rules.min;
  if (rules.max !== undefined && min !== null && (value < min || value > rules.max)) return { code: 'outOfRange', min, max: rules.max };
  if (min === 0 && value < 0) return { code: 'negative' };
  if (min !== null && value < min) return { code: 'belowMin', min };
  if (rules.max !== undefined && value > rules.max) return { code: 'aboveMax', max: rules.max };
  return null;
}

/**
 * A number as a field shows it: "1.250,75", with up to `decimals` digits after the comma; a year
 * without its thousands set off (`grouping` false).
 */
export function formatTypedNumber(value: number, decimals = 0, grouping = true): string {
  return new Intl.NumberFormat('vi-VN', { maximumFractionDigits: decimals, useGrouping: grouping }).format(value);
}

// ---------------------------------------------------------------------------------------------
// Dates

/** What a typed date means, or why it cannot be read. */
export type DateReading =
  | { kind: 'empty' }
  | { kind: 'date'; iso: string }
  | { kind: 'problem'; problem: DateProblem };

/**
 * `format`: not dd/mm/yyyy; `shortYear`: a year of two digits (15/03/24 could be 1924 or 2024);
 * `noMonth`: a month past 12; `noDay`: a day the month does not have (31/02), with the month's
 * last day.
 */
export type DateProblem =
  | { code: 'format' }
  | { code: 'shortYear' }
  | { code: 'noMonth'; month: number }
  | { code: 'noDay'; day: number; month: number; year: number; lastDay: number };

const dayMonthYear = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d+)$/;

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** `1/7/2025`, `01/07/2025`, `1.7.2025` or `1-7-2025` → `2025-07-01`; a day that does not exist is a problem. */
export function readTypedDate(typed: string): DateReading {
  const text = typed.trim();
  if (text === '') return { kind: 'empty' };
  const match = dayMonthYear.exec(text);
  if (!match) return { kind: 'problem', problem: { code: 'format' } };
  const [day, month] = [Number(match[1]), Number(match[2])];
  const yearText = match[3] ?? '';
  if (yearText.length !== 4) return { kind: 'problem', problem: { code: yearText.length === 2 ? 'shortYear' : 'format' } };
  const year = Number(yearText);
  if (month < 1 || month > 12) return { kind: 'problem', problem: { code: 'noMonth', month } };
  const lastDay = daysInMonth(year, month);
  if (day < 1 || day > lastDay) return { kind: 'problem', problem: { code: 'noDay', day, month, year, lastDay } };
  return { kind: 'date', iso: `${yearText}-${pad(month, 2)}-${pad(day, 2)}` };
}

/** Whether text is a real calendar day as ISO `YYYY-MM-DD` (how dates cross the contract). */
export function isIsoDate(value: string): boolean {
  // Read by character codes: every date of every row of an import is asked this.
  if (value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return false;
  const year = digitsAt(value, 0, 4);
  const month = digitsAt(value, 5, 7);
  const day = digitsAt(value, 8, 10);
  return year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** The number the ASCII digits of `text` from `start` to `end` write, or -1 where one is not a digit. */
function digitsAt(text: string, start: number, end: number): number {
  let number = 0;
  for (let at = start; at < end; at++) {
    const digit = text.charCodeAt(at) - 48;
    if (digit < 0 || digit > 9) return -1;
    number = number * 10 + digit;
  }
  return number;
}

/** The days of a month (1–12) in the Gregorian calendar. */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

// ---------------------------------------------------------------------------------------------
// Phone numbers

/**
 * Words that introduce an extension: "máy lẻ 12", "ml 12", "nhánh 12", "ext. 12", "x12", "#12",
 * also in parentheses.
 * Folded text is not used, so both "máy lẻ" and "may le" are listed.
 */
const extension = /\s*\(?(?:máy lẻ|may le|ml|nhánh|nhanh|số lẻ|ext|x|#)\.?:?\s*\d{1,6}\)?$/iu;
/** Between two numbers in one field: "0277 3851 234; 0913 123 456" (also "," and "/"). */
const numberSeparator = /\s*[;,/]\s*|\s+(?:hoặc|hoac|or)\s+/iu;
/**
 * Who answers, or what the number is, in parentheses after it: "(anh Nam)", "(Zalo)", "(Ô. Tâm,
 * Giám đốc)". A letter in it and no digit: "(ext. 5)" is an extension, "(0296)" an area code.
 */
const noteInBrackets = /\s*\((?=[^)]*\p{L})[^)\d]*\)/gu;
/** The same after a spaced dash: "0913 123 456 – Chủ tịch HĐQT" (" - 0913…" is a second number). */
const noteAfterDash = /\s+[-–]\s+(?=[^\d]*\p{L})[^\d]*$/u;
/**
 * What a number is, before it: a label ending in a colon ("ĐT:", "Nhà riêng:", "Anh Nam:"), or one of
 * the short ones offices write without it ("SĐT 0913…", "Hotline 1900…").
 */
const labelBefore = /^(?:[^\d:;,/]{1,30}:|(?:đt|dđ|sđt|sdt|dt|dd|tel|fax|mobile|hotline|zalo)\.?)\s*/iu;

/**
 * The addresses of an e-mail field, as offices set several apart: semicolons, commas or slashes
 * ("kd@saota.vn; ketoan@saota.vn", "kd@saota.vn / ketoan@saota.vn"). No address has one of them.
 */
export function emailAddressesOf(text: string): string[] {
  return text.split(/\s*[;,/]\s*/);
}

/**
 * Whether a phone field holds phone numbers as Vietnamese offices write them: digits set off by
 * spaces, dots, hyphens or parentheses, an optional +84 (or 84) in front, an optional extension,
 * and several numbers separated by ";", "," or "/", or written one after another (a line break in
 * a cell of a list, " - "). A number may have a label before it ("ĐT:", "DĐ:") and a note after it,
 * in parentheses or after a dash ("(anh Nam)"): kept as typed, they say whose it is; a name
 * written after a number without either is refused, as it cannot be told from the number. Each number has 8 to 13 digits: a hotline
 * 1900 1234 has 8, a mobile 10, a landline 11 (02xx xxxx xxx), +84 with the leading 0 kept 13;
 * 9 is a mobile whose leading 0 Excel dropped. Blank is valid (the field is optional).
 */
export function isPhoneText(value: string): boolean {
  const text = value.normalize('NFC').trim();
  if (text === '') return true;
  // Digits and the signs written among them, nothing else, hold no separator and no extension
  // (each has a letter, ";", ",", "/" or "#"): numbers checked without looking for them, which
  // costs several times the check itself on every row of an imported list.
  if (/^[\d\s.()+-]+$/.test(text)) return isNumbers(text);
  return text
    .replace(noteInBrackets, '')
    .split(numberSeparator)
    .every((one) => isNumbers(one.replace(labelBefore, '').replace(noteAfterDash, '').replace(extension, '')));
}

/** One phone number, or several written one after another (`isNumbersInARow`). */
function isNumbers(text: string): boolean {
  return isOneNumber(text) || isNumbersInARow(text);
}

/** One phone number without its extension: digits set off by spaces, dots, hyphens or parentheses, 8 to 13 of them. */
function isOneNumber(number: string): boolean {
  if (!/^\(?\+?[\d\s.()-]+$/.test(number) || !/^\(?\+?\d/.test(number)) return false;
  const digits = number.replace(/\D/g, '').length;
  return digits >= 8 && digits <= 13;
}

/** A group of digits a number written after another begins with: 0…, +84…, (0…), a hotline's 1800 or 1900. */
const numberStart = /^(?:\(?0|\(?\+|1[89]00)/;

/**
 * Numbers written one after another with only white space or a spaced hyphen between them, as a
 * line break in a cell of a list becomes ("0296 3841 234 0913 123 456", "0296 3841 234 - 0913 123
 * 456"): read when its groups of digits divide into whole numbers, each from a group that begins
 * one (`numberStart`). Several ways of dividing them are tried, shortest first: a field holds a
 * few groups.
 */
function isNumbersInARow(text: string): boolean {
  const groups = text.split(/\s+/).filter((group) => group !== '' && group !== '-');
  if (groups.length < 2) return false;
  /** Whether the first `count` groups divide into whole numbers, for each count. */
  const divides = [true];
  for (let end = 1; end <= groups.length; end += 1) {
    let found = false;
    for (let start = end - 1; start >= 0 && !found; start -= 1) {
      found = divides[start] === true && (start === 0 || numberStart.test(groups[start] ?? '')) && isOneNumber(groups.slice(start, end).join(' '));
    }
    divides.push(found);
  }
  return divides[groups.length] === true;
}
