/**
 * A period written in one cell, as supply and demand lists give when an offer is available or goods
 * are needed ("Thời gian thu hoạch", "Thời gian cần hàng"): a day, a range of days, a month or a
 * range of months, a quarter, a year. Read into the first and the last day it covers. And the years
 * a list's title names together ("giai đoạn 2021 - 2025"), which are no one year of its figures.
 */
import { foldText, formatIsoDateVi } from '../../../shared/text';
import { parseDateCell } from '../read/values';
import type { CellValue } from '../read/types';

export type ReadPeriod =
  | {
      from: string;
      /** Null for a single day: available, or needed, from then on. */
      until: string | null;
      /** How a period written loosely was read, for the preview; absent for days written in full. */
      note?: string;
    }
  | { error: string };

/**
 * What "Quanh năm" means in a list: the period of the programme it is imported into, else the
 * whole of the year its title names ("… NĂM 2025").
 */
export interface YearRound {
  /** What the period is, as the preview's note says it: "thời gian của chương trình «…»". */
  said: string;
  from: string;
  until: string | null;
}

/** The first and the last day a piece of a period covers; `year` is absent when the piece does not say it. */
interface Span {
  from: { year?: number; month: number; day: number };
  until: { year?: number; month: number; day: number };
  /** A whole month, quarter or year: read as its days, which the note says. */
  loose: boolean;
}

const pad = (value: number) => String(value).padStart(2, '0');

function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const romanQuarters: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };

/**
 * A piece of a period, folded: "15/3/2025", "15/3", "tháng 3/2025", "tháng 3", "quý II/2025", "năm
 * 2025"; a day that cannot be (31/02/2025) as why; null when it is none of these.
 */
function spanOf(piece: string, written: string): Span | string | null {
  const dayMonth = /^(?:ngay\s*)?(\d{1,2})[/.-](\d{1,2})$/.exec(piece);
  if (dayMonth) {
    const [day, month] = [Number(dayMonth[1]), Number(dayMonth[2])];
    return { from: { month, day }, until: { month, day }, loose: false };
  }
  const month = /^(?:thang|t)\s*(\d{1,2})(?:\s*(?:\/|nam)\s*(\d{4}))?$/.exec(piece) ?? /^(\d{1,2})\/(\d{4})$/.exec(piece);
  if (month) {
    const [number, year] = [Number(month[1]), month[2] === undefined ? undefined : Number(month[2])];
    return { from: { year, month: number, day: 1 }, until: { year, month: number, day: 0 }, loose: true };
  }
  const quarter = /^quy\s*(iv|i{1,3}|[1-4])\s*(?:\/|nam)\s*(\d{4})$/.exec(piece);
  if (quarter) {
    const [number, year] = [Number(romanQuarters[quarter[1] ?? ''] ?? quarter[1]), Number(quarter[2])];
    return { from: { year, month: number * 3 - 2, day: 1 }, until: { year, month: number * 3, day: 0 }, loose: true };
  }
  const year = /^(?:nam\s*)?(\d{4})$/.exec(piece);
  if (year) return { from: { year: Number(year[1]), month: 1, day: 1 }, until: { year: Number(year[1]), month: 12, day: 0 }, loose: true };
  const day = parseDateCell(written);
  if (day && 'iso' in day) {
    const [y, m, d] = day.iso.split('-').map(Number) as [number, number, number];
    return { from: { year: y, month: m, day: d }, until: { year: y, month: m, day: d }, loose: false };
  }
  // Written as a whole day, it is said why it is none ("31/02/2025", "15/03/25").
  return day && /^\d{1,2}([/.-])\d{1,2}\1\d{1,4}$/.test(piece) ? day.error : null;
}

/** A day of a span as `yyyy-mm-dd`, day 0 being the month's last; null when it is no real day. */
function isoOf({ year, month, day }: { year?: number; month: number; day: number }): string | null {
  if (year === undefined || month < 1 || month > 12) return null;
  const last = lastDay(year, month);
  const real = day === 0 ? last : day;
  return real >= 1 && real <= last ? `${year}-${pad(month)}-${pad(real)}` : null;
}

/**
 * Where a range is cut in two: at a hyphen with a space beside it (a day's own hyphens have none), a
 * dash, "đến", "tới" or "~" ("tháng 3-5/2025" is read apart).
 */
const rangeCut = /\s+-\s*|\s*-\s+|\s+(?:đến|tới)\s+|\s*[–—~]\s*/iu;

/** The first and the last piece of a period (the same one for a single piece); why not, or null when it is no period. */
function spansOf(written: string, folded: string): [Span, Span] | string | null {
  // "Tháng 3-5/2025", "T3-T5/2025": months joined by an unspaced hyphen, the year after the last.
  const months = /^(?:tu\s+)?(?:thang|t)\s*(\d{1,2})\s*-\s*(?:thang|t)?\s*(\d{1,2})\s*(?:\/|nam)\s*(\d{4})$/.exec(folded);
  if (months) {
    const [first, last, year] = [Number(months[1]), Number(months[2]), Number(months[3])];
    return [
      { from: { year, month: first, day: 1 }, until: { year, month: first, day: 0 }, loose: true },
      { from: { year, month: last, day: 1 }, until: { year, month: last, day: 0 }, loose: true },
    ];
  }
  const pieces = written.replace(/^từ\s+/iu, '').split(rangeCut);
  if (pieces.length > 2) return null;
  const read = pieces.map((piece) => spanOf(foldText(piece), piece));
  const why = read.find((span) => typeof span === 'string');
  if (why !== undefined) return why;
  const [start, end] = read as (Span | null)[];
  if (!start || (pieces.length === 2 && !end)) return null;
  return [start, end ?? start];
}

/**
 * The period a cell holds; null for a blank cell. A single day has no last day: from then on.
 * "Quanh năm" is `yearRound`, when the list has one.
 */
export function readPeriod(value: CellValue, yearRound: YearRound | null = null): ReadPeriod | null {
  if (value === null) return null;
  if (typeof value === 'object') return { from: value.date, until: null };
  // A number is a year (2025), or a day Excel keeps as its serial without a date format.
  if (typeof value === 'number' && !(Number.isInteger(value) && value >= 1900 && value <= 2100)) {
    const day = parseDateCell(value);
    return day && 'iso' in day ? { from: day.iso, until: null } : day;
  }
  const written = String(value).normalize('NFC').trim();
  if (written === '') return null;
  const folded = foldText(written);
  if (/^(?:quanh|ca) nam$/.test(folded)) {
    if (yearRound) {
      const lasting = yearRound.until === null ? `từ ${formatIsoDateVi(yearRound.from)}` : `từ ${formatIsoDateVi(yearRound.from)} đến ${formatIsoDateVi(yearRound.until)}`;
      return { from: yearRound.from, until: yearRound.until, note: `«${written}» ghi nhận là ${yearRound.said}: ${lasting}` };
    }
    return { error: `«${written}» không nói năm nào; hãy ghi năm («năm 2025») hoặc khoảng ngày («01/01/2025 – 31/12/2025»), hoặc chọn chương trình cho cả tệp.` };
  }
  const unreadable = {
    error: `«${written}» không đọc được thành thời gian; hãy ghi ngày (15/03/2025), khoảng ngày (01/05/2025 – 30/09/2025), tháng (tháng 3/2025, tháng 3–5/2025), quý (quý II/2025) hoặc năm (năm 2025).`,
  };
  const spans = spansOf(written, folded);
  if (spans === null) return unreadable;
  if (typeof spans === 'string') return { error: spans };
  const [start, end] = spans;
  // "15/3 – 30/4/2025", "tháng 3 – tháng 5/2025": the first takes the year of the last.
  const year = end.until.year ?? start.from.year;
  const from = isoOf({ ...start.from, year: start.from.year ?? year });
  const until = isoOf({ ...end.until, year: end.until.year ?? year });
  if (!from || !until) return unreadable;
  if (until < from) return { error: `«${written}» kết thúc (${formatIsoDateVi(until)}) trước khi bắt đầu (${formatIsoDateVi(from)}).` };
  const single = spans[0] === spans[1] && !start.loose;
  const note = start.loose || end.loose || start.from.year === undefined ? `«${written}» ghi nhận là từ ${formatIsoDateVi(from)} đến ${formatIsoDateVi(until)}` : undefined;
  return { from, until: single ? null : until, ...(note ? { note } : {}) };
}

/** The first and the last of the years a list's title names together (`yearsOfTitle`). */
export interface TitleYears {
  first: number;
  last: number;
}

/**
 * A year and the next one a title names with it (folded text): joined as a span ("2024–2025",
 * "2021 - 2025", "2021 đến năm 2025") or a list ("2024, 2025", "2024 và 2025"). A year of a date
 * ("31/12/2024") is not one. The next is looked ahead at, so a list of three is read pair by pair.
 */
const yearsTogether = /(?<![\d/.-])((?:19|20)\d{2})(?=\s*(?:[-–—~,;&]|den|toi|va)\s*(?:(?:den|toi)\s+)?(?:nam\s*)?((?:19|20)\d{2})(?![\d/.-]))/g;

/**
 * The years a list's title names together — "Số liệu năm 2024–2025", "giai đoạn 2021 - 2025",
 * "Năm 2024, 2025" — when the year read for the list (`named`, from its title and headers) is one
 * of them, or none was read: such a title says no one year, and taking its first would file the
 * figures of the list under a year it did not say. Null when the title names no years together,
 * or when the year read is another (a header's "Số thành viên năm 2024" under "giai đoạn 2021 -
 * 2025"): that year stands.
 */
export function yearsOfTitle(titleTexts: readonly string[], named: number | null): TitleYears | null {
  const years = new Set<number>();
  for (const text of titleTexts) {
    for (const match of foldText(text).matchAll(yearsTogether)) {
      const [first, next] = [Number(match[1]), Number(match[2])];
      if (next <= first) continue;
      years.add(first);
      years.add(next);
    }
  }
  if (years.size === 0 || (named !== null && !years.has(named))) return null;
  return { first: Math.min(...years), last: Math.max(...years) };
}
