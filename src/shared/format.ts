/**
 * How Vietnamese office documents write dates and money. Pure: no node, DOM or electron, so the
 * screens and the report writers format the same way.
 */

import { QUANTITY_ENTRY_DECIMALS } from './agreements';
import { formatIsoDateVi } from './text';

const calendarDate = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A date as dd/mm/yyyy. A calendar date (`2025-07-01`) is taken as written, with no time zone to
 * shift it a day; a timestamp shows its day in the local time zone. Missing or invalid gives ''.
 */
export function formatDate(value: string | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'string' && calendarDate.test(value)) return formatIsoDateVi(value);
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return '';
  const pad = (part: number) => String(part).padStart(2, '0');
  return `${pad(date.getDate())}/${pad(date.getMonth() + 1)}/${date.getFullYear()}`;
}

/**
 * A moment as dd/mm/yyyy HH:mm in the local time zone, the office's; an invalid one as given.
 * With `seconds`, HH:mm:ss: for moments that often fall within one minute of each other (backups).
 */
export function formatDateTime(value: string, { seconds = false }: { seconds?: boolean } = {}): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const pad = (part: number) => String(part).padStart(2, '0');
  const time = `${pad(date.getHours())}:${pad(date.getMinutes())}`;
  return `${formatDate(date)} ${seconds ? `${time}:${pad(date.getSeconds())}` : time}`;
}

/**
 * Years as a sentence names them: three or more consecutive years as a range with an en dash, the
 * rest listed — `2012, 2016–2019` rather than `2012, 2016, 2017, 2018, 2019`. Two in a row stay
 * listed (`2024, 2025`): `2024–2025` reads as one school or fiscal year. Sorted and deduplicated first.
 */
export function formatYears(years: readonly number[]): string {
  const sorted = [...new Set(years)].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const year of sorted) {
    const last = runs.at(-1);
    if (last && year === last[1] + 1) last[1] = year;
    else runs.push([year, year]);
  }
  return runs.map(([from, to]) => (to - from >= 2 ? `${from}–${to}` : from === to ? String(from) : `${from}, ${to}`)).join(', ');
}

const dong = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });

/**
 * Money in đồng: dots between thousands and the ₫ sign after, `1.234.567 ₫`. The đồng has no
 * subunit, so amounts are rounded to whole đồng. The space is a no-break space (U+00A0), as
 * Intl writes it, so the sign never wraps onto a line of its own.
 */
export function formatMoney(amount: number): string {
  return `${dong.format(amount)}\u00a0₫`;
}

const count = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });
const quantity = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: QUANTITY_ENTRY_DECIMALS });
const percent = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });

/** A count with dots between thousands: `100.000`. */
export function formatCount(value: number): string {
  return count.format(value);
}

/**
 * A quantity with its unit, `12,5 tấn`: up to three decimals (kilograms in tonnes), comma as the
 * decimal sign. Quantities never appear without their unit.
 */
export function formatQuantity(value: number, unit: string): string {
  return unit === '' ? formatDecimal(value) : `${formatDecimal(value)} ${unit}`;
}

/**
 * A delivery's quantity in its commitment's unit, after what was written when it was another unit:
 * «500 kg = 0,5 tấn», so the conversion is never silent.
 */
export function formatDeliveredQuantity(quantity: number, unit: string, written: { quantity: number; unit: string } | null): string {
  const stored = formatQuantity(quantity, unit);
  return written ? `${formatQuantity(written.quantity, written.unit)} = ${stored}` : stored;
}

/**
 * A number as a list may write it, up to three decimals, comma as the decimal sign: `12,5`,
 * `1.250,5`. For a price per unit as written before it is stated per another unit (12,5 đồng/kg
 * is 12.500 đồng/tấn), which `formatCount` would round.
 */
export function formatDecimal(value: number): string {
  return quantity.format(value);
}

/** The type words an administrative unit's full name starts with, of today and of before 1 July 2025. */
const unitTypeWord = /^(?:Tỉnh|Thành phố|Xã|Phường|Đặc khu|Huyện|Quận|Thị xã|Thị trấn) (?=\S)/u;

/**
 * An administrative unit's full name as a sentence writes it (Nghị định 30/2020/NĐ-CP, phụ lục II):
 * its type word in lower case — «nay thuộc xã Vĩnh Hậu», «không thuộc tỉnh An Giang» — except
 * before a number («Phường 2», «Quận 1») and in «Thành phố Hồ Chí Minh», written so everywhere.
 * A label, an option, a cell or the start of a sentence shows the full name as it is.
 */
export function unitNameInSentence(fullName: string): string {
  const type = unitTypeWord.exec(fullName)?.[0];
  if (type === undefined || fullName === 'Thành phố Hồ Chí Minh' || /^\d/.test(fullName.slice(type.length))) return fullName;
  return `${type.toLocaleLowerCase('vi')}${fullName.slice(type.length)}`;
}

/** Where an organization is: its commune, and its province too when that is not the alliance's. */
export function formatPlace(place: { communeName: string; otherProvinceName: string | null }): string {
  return place.otherProvinceName ? `${place.communeName}, ${place.otherProvinceName}` : place.communeName;
}

/**
 * A share in percent as it may be shown to one decimal: a share short of the whole never reads
 * `100%`, nor one above nothing `0%`: 99.96% of a commitment delivered is still a commitment to
 * chase. Reports write it so too, since a spreadsheet would round it for the eye.
 */
export function percentShown(value: number): number {
  return value > 0 && value < 100 ? Math.min(Math.max(value, 0.1), 99.9) : value;
}

/** A share given in percent (45.55 → `45,6%`), as Vietnamese documents write it (`percentShown`). */
export function formatPercent(value: number): string {
  return `${percent.format(percentShown(value))}%`;
}

const size = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });

/** A file's size as people read it: `850 byte`, `12,5 KB`, `3,2 MB`, `1,4 GB`. */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${String(bytes)} byte`;
  if (bytes < 1024 * 1024) return `${size.format(bytes / 1024)} KB`;
  if (bytes < 1024 * 1024 * 1024) return `${size.format(bytes / 1024 / 1024)} MB`;
  return `${size.format(bytes / 1024 / 1024 / 1024)} GB`;
}
