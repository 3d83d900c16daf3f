/**
 * One source row read through the mapping: each mapped field's value, typed as its field says,
 * and each problem at the cell it came from ("C12: …"). What a value means for the register is
 * left to the contract's schemas (see kinds.ts); this file only reads cells.
 */
import { formatCount, formatDecimal, formatMoney, formatQuantity } from '../../../shared/format';
import { foldText, formatIsoDateVi } from '../../../shared/text';
import { organizationKindOfName } from '../../../shared/names';
import { emailAddressesOf } from '../../../shared/typed';
import { aMonth, amountInWords, aYear, countInWords, isCountField, lossBefore, type CountField } from '../../../shared/writtenAmounts';
import { isoOfExcelSerial, parseDateCell, parseNumberCell } from '../read/values';
import type { CellValue, SourceRow } from '../read/types';
import type { ImportProblem } from '../../../shared/contracts/imports';
import type { ImportField } from './fields';
import { readPeriod, type YearRound } from './periods';

/** A mapped column: which field it feeds, where it is, and how its amounts are scaled. */
export interface MappedColumn {
  field: ImportField;
  index: number;
  letter: string;
  header: string;
  /** "Vốn điều lệ (triệu đồng)" holds millions: a money column's amounts are stored in đồng. */
  scale: number;
  /**
   * The unit a column's header names, as written: the one a price column's amounts are for ("kg"
   * of "Giá bán (đồng/kg)"), or a quantity column's words in brackets when they name a unit of the
   * list ("tấn" of "Sản lượng (tấn)", "tấn/năm"; not "(dự kiến)"); null when the header names none.
   */
  headerUnit: string | null;
  /**
   * A month's amount (Thu nhập bình quân) in a column whose header says its amounts are a year's
   * ("(triệu đồng/người/năm)"): each is stored as its twelfth, and said.
   */
  perYear: boolean;
}

/** What a unit of đồng is written as after a multiple: "đồng", "đ", "VNĐ" (folded). */
const DONG = String.raw`(?:dong|d|vnd)\b`;

/**
 * The multiples of the đồng a header may name, folded (đ as d), as offices write them: "(triệu
 * đồng)", "(tr.đ)", "(Tr.đồng)", "(trđ)", "(triệu)", "(tr.đ/người/tháng)", "(tỷ)", "(tỉ)", "(1.000 đ)".
 * A bare "tr", "tỷ" or "ngàn" counts only alone in brackets: elsewhere it may be part of a word
 * ("công ty", "ngân hàng").
 */
const multiples: readonly [RegExp, number][] = [
  [new RegExp(String.raw`(?<!cong )\bt[yi]\s*${DONG}|\(\s*t[yi]\s*\)`), 1_000_000_000],
  [new RegExp(String.raw`\btrieu\b|\btr\s*\.?\s*${DONG}|\(\s*tr\s*\.?\s*\)`), 1_000_000],
  [new RegExp(String.raw`\b(?:nghin|ngan)\s*${DONG}|\(\s*(?:nghin|ngan)\s*\)|\b1[.,]?000\s*${DONG}`), 1_000],
];

/** How many đồng one unit of a money column is, by its header: "(triệu đồng)" → 1,000,000. */
export function scaleOfHeader(header: string): number {
  const folded = foldText(header);
  return multiples.find(([pattern]) => pattern.test(folded))?.[1] ?? 1;
}

/** A header that says its amounts are a year's, folded: "(triệu đồng/người/năm)", "(đồng/năm)", "một năm". */
const aYearInHeader = /\/\s*(?:(?:nguoi|ng|lao dong|ld|thanh vien|tv)\s*\/\s*)?nam\b|\b(?:mot|moi|hang) nam\b/;

export function headerSaysAYear(header: string): boolean {
  return aYearInHeader.test(foldText(header));
}

/**
 * The unit a price column's header says its amounts are for: "kg" of "Giá bán (đồng/kg)" or
 * "(nghìn đ/kg)"; null when it names none.
 */
export function priceUnitOfHeader(header: string): string | null {
  return /\([^)/]*\/\s*([^)/]+?)\s*\)/u.exec(header)?.[1] ?? null;
}

/** The words in a quantity column's header's last brackets: "tấn" of "Sản lượng (tấn)" or "(ĐVT: tấn)", "tấn/năm" of "(tấn/năm)". */
export function quantityUnitOfHeader(header: string): string | null {
  const words = /\(\s*(?:đvt|đơn vị(?: tính)?)?\s*:?\s*([^()]+?)\s*\)\s*$/iu.exec(header)?.[1];
  return words ?? null;
}

/**
 * A cell as a person reads it: dates dd/mm/yyyy, numbers as stored. Text comes from the readers
 * already in NFC (types.ts, `toNfc`): normalizing it again, for each of the cells of 100,000 rows
 * read more than once, changed nothing.
 */
export function shownCell(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'object') return formatIsoDateVi(value.date);
  if (typeof value === 'boolean') return value ? 'Có' : 'Không';
  return String(value);
}

/**
 * A phone number Excel stored as a number lost its leading 0: 912345678 was 0912345678 (a mobile),
 * 2963852123 was 02963852123 (a landline with its area code). Written with the country code, it
 * lost its +: 84912345678 was +84912345678 (no number without it has 11 or 12 digits beginning
 * 84, since an area code begins 2). `note` says so, as for a tax code. A CSV that Excel saved
 * gives those digits as text (`untyped`): read the same way. A number typed as text is kept as
 * typed, but one of nine digits starting with 0 is a digit short — a mobile has ten, a landline
 * eleven with its area code — and is asked about (`heed`).
 */
function phoneOf(value: CellValue, shown: string, untyped: boolean): { phone: string; note?: string; heed?: true } {
  const isNumber = typeof value === 'number';
  const digits = isNumber ? (Number.isInteger(value) && value > 0 ? String(value) : '') : untyped && /^[1-9]\d{8,11}$/.test(shown) ? shown : '';
  const why = (lost: string) => (isNumber ? `ô dạng số, Excel bỏ ${lost} ở đầu` : `thiếu ${lost} ở đầu, như khi Excel lưu ô dạng số`);
  if (digits.length === 9 || digits.length === 10) return { phone: `0${digits}`, note: `«${digits}» ghi nhận là 0${digits} (${why('số 0')})` };
  if ((digits.length === 11 || digits.length === 12) && digits.startsWith('84')) {
    return { phone: `+${digits}`, note: `«${digits}» ghi nhận là +${digits} (${why('dấu + của mã nước')})` };
  }
  if (!isNumber && /^0\d{8}$/.test(shown.replace(/[\s.()-]/g, ''))) {
    return { phone: shown, note: `«${shown}» chỉ có 9 chữ số (số di động có 10, số cố định 11 kể cả mã vùng), ghi như đã nhập; hãy kiểm tra lại số này`, heed: true };
  }
  return { phone: shown };
}

/**
 * A tax code as lists write it around its digits: after a label ("MST: 1600123456", "Mã số thuế:
 * …"), in groups set off by dots or dashes ("1600.123.456", "1600-123-456"), with its branch after a slash ("1600123456/001"),
 * or after the apostrophe that keeps Excel from making it a number. Read as the code when its
 * digits make one; `note` says how, for the preview. Anything else is left as written, for the
 * contract to refuse with what a code is.
 */
function codeOf(value: CellValue, shown: string, untyped: boolean): { code: string; note?: string } {
  // A number cell drops the leading zero of a tax code starting with 0 (Hà Nội's 01…), and so does
  // a CSV Excel saved from one (`untyped`). Said: nine digits may also be a code missing one, which
  // the zero would make look whole.
  if (typeof value === 'number') {
    if (!Number.isInteger(value) || shown.length !== 9) return { code: shown };
    return { code: `0${shown}`, note: `«${shown}» ghi nhận là 0${shown} (ô dạng số, Excel bỏ số 0 ở đầu)` };
  }
  if (untyped && /^[1-9]\d{8}$/.test(shown)) return { code: `0${shown}`, note: `«${shown}» ghi nhận là 0${shown} (thiếu số 0 ở đầu, như khi Excel lưu ô dạng số)` };
  // Groups are set off by spaces, dots or dashes ("1600 123 456", "1600.123.456", "1600-123-456");
  // a branch follows a slash, or the last dash when the groups hold ten digits before it.
  const parts = /^'?\s*(?:(?:m[ãa]\s*s[ốo](?:\s*(?:thu[ếe]|doanh\s*nghi[ệe]p|htx))?|mst|msdn)\s*[:.]?\s*)?(\d[\d .\-–]*\d)(?:\s*\/\s*(\d{3}))?$/iu.exec(shown);
  const grouped = parts?.[1] ?? '';
  const digitsOf = (text: string) => text.replace(/[ .\-–]/g, '');
  let main = digitsOf(grouped);
  let branch = parts?.[2];
  const afterDash = /^(.*\d)\s*[-–]\s*(\d{3})$/u.exec(grouped);
  if (main.length !== 10 && branch === undefined && afterDash) [main, branch] = [digitsOf(afterDash[1] ?? ''), afterDash[2]];
  if (main.length !== 10) return { code: shown };
  const code = branch === undefined ? main : `${main}-${branch}`;
  // Spaces between the groups are dropped by the contract, as on a person's save: only the rest is said.
  return code === shown.replace(/\s/g, '') ? { code } : { code, note: `«${shown}» ghi nhận là ${code}` };
}

/** One e-mail address, roughly: what the contract checks fully. */
const anAddress = /^[^\s@<>;,]+@[^\s@<>;,]+\.[^\s@<>;,.]+$/;

/**
 * E-mail addresses as lists write them around what they are: after a label ("Email: …",
 * "mailto:…"), in angle brackets, with the full stop of a sentence, or a space typed beside the @.
 * Read as the addresses when each then is one; `note` says how. Anything else is left as written,
 * for the contract to refuse.
 */
function emailOf(shown: string): { email: string; note?: string } {
  const email = shown
    .replace(/^(?:e-?mail|mail|thư điện tử|hộp thư)\s*[:.]?\s*|mailto:/giu, '')
    .replace(/[<>]/g, '')
    .replace(/\s*@\s*/g, '@')
    .replace(/[\s.;,]+$/, '');
  if (email === shown || !emailAddressesOf(email).every((one) => anAddress.test(one))) return { email: shown };
  return { email, note: `«${shown}» ghi nhận là ${email}` };
}

/**
 * What a cell writes for "nothing here", folded: a dash, "x", dots, "?", "N/A", "không", "không rõ",
 * "chưa có", "chưa cấp", "chưa có MST", "đang cập nhật"…
 */
const nothingWritten = /^(?:[-–—.…?x ]+|n\/?a|kxd|khong|(?:khong|chua) (?:ro|biet|xac dinh)|(?:khong|chua|dang) (?:co|cap|cap nhat|dang ky)(?: [a-z]+){0,3})$/;
/**
 * What a price cell writes when no price is set: "thỏa thuận", "liên hệ", "theo giá thị trường".
 * Only a price's: "Thỏa thuận" is a way of delivering goods, in a column of delivery terms.
 */
const noPriceWritten = /^(?:gia )?(?:theo )?(?:thoa thuan|lien he|gia thi truong|thi truong)$/;

/**
 * How what `nothingWritten` and `noPriceWritten` read begins, as written: a name, an address or a
 * number is told apart at its first letters, without being folded (an import reads every cell).
 */
const nothingStart = /^(?:[-–—.…?]|x$|n\/?a$|kx|kh[oô]ng|ch[uư]a|[đd]ang|th[oỏ][aả]|li[eê]n|gi[aá]|theo)/i;

/** Whether a text cell says there is nothing to write in `field`: short, without a digit. */
function saysNothing(field: ImportField, value: CellValue, shown: string): boolean {
  if (typeof value !== 'string' || shown.length > 30 || !nothingStart.test(shown) || /\d/.test(shown)) return false;
  const folded = foldText(shown);
  return nothingWritten.test(folded) || (field.price === true && noPriceWritten.test(folded));
}

export type FieldValue = string | number | boolean | null;

export interface ReadRow {
  /** Values of the fields whose cell was not blank; a blank cell leaves its field out. */
  values: Map<string, FieldValue>;
  /**
   * The unit a cell wrote with its number, as written ("tấn" of "1,5 tấn", "kg" of "7.500 đ/kg"),
   * by field (`ImportField.unitAfter`, `price`): what it means is the kind's to say. Made only for a row that has one.
   */
  units?: Map<string, string>;
  /**
   * A price written as a range ("12.000 – 15.000"): its upper end, by field; the field's value is
   * the lower. A ceiling alone ("đến 15.000", as buyers write theirs) is an upper end without one.
   */
  upperEnds?: Map<string, number>;
  problems: ImportProblem[];
  /** How a cell written loosely was read ("5/6/19" as 05/06/2019), said so the person sees it. */
  notes: ImportProblem[];
  /**
   * The fields whose cell held a mark read as blank ("-", "không có"): written in, though left out
   * of `values`, so that what the row lacks is said at the cell the person wrote. Made only for a row that has one.
   */
  markedBlank?: Set<string>;
  /**
   * The date fields written as a year or a month alone ("2013", "06/2019"), read as its first day:
   * a stored date within it is the same date told more precisely, kept by an update. Made only for a row that has one.
   */
  datesWithin?: Map<string, DateWithin>;
  /** An amount likely not what was meant (`implausibleAmount`): the row is written only when the person chooses. */
  doubtful?: true;
}

/** How much of a date a cell wrote: its year alone, or its month. */
export type DateWithin = 'year' | 'month';

/** A number with a unit after it, as a quantity cell may hold one: "1,5 tấn", "10.000 trái". */
const numberAndUnit = /^(\d[\d.,\s]*?)\s*([^\d\s.,].*)$/u;
/** A price and the unit it is for: "7.500 đ/kg", "25 nghìn/kg", "15.000đ / trái". */
const pricePerUnit = /^(.*?)\s*\/\s*([^\d\s/][^/]*)$/u;
/** The two ends of a range: "12.000 - 15.000", "12 – 15 nghìn", "12.000 đến 15.000". */
const rangeBetween = /\s*[-–—]\s*|\s+(?:đến|tới)\s+/u;
/** What writes a price as its ceiling alone: "đến 15.000", "tối đa 15.000 đ/kg", "không quá 15 nghìn". */
const ceilingBefore = /^(?:đến|tới|tối đa|không quá|cao nhất)\s*:?\s*/iu;

/** A cell that names the đồng itself ("4.800.000 đ", "VNĐ 500.000") is in đồng, whatever multiple its header names. */
const namesDong = /(?:vnđ|vnd|đồng|đ)\.?\s*$|^\s*(?:vnđ|vnd|đồng|đ)(?![\p{L}])/iu;

/**
 * A number with one comma before three digits ("1,500", "25,000 đ/kg"), which `parseNumberCell`
 * reads as grouping thousands, as lists copied from English ones write amounts; in Vietnamese a
 * comma marks decimals, so the preview says how it was read.
 */
const commaThousands = /(?<![\d.,])([1-9]\d{0,2}),(\d{3})(?![\d.,])/u;

/**
 * «1,500» ghi nhận là 1.500 …; nếu là 1,5 … — the number as `stated` says it was stored, with
 * what it counts (`groupedAsStored`).
 */
function commaThousandsSaid(whole: string, group: string, stated: (grouped: number) => string): { read: string; warning: string } {
  const decimals = group.replace(/0+$/, '');
  return {
    read: `«${whole},${group}» ghi nhận là ${stated(Number(whole + group))}`,
    warning: `(dấu phẩy ngăn hàng nghìn); nếu là ${decimals ? `${whole},${decimals}` : whole} thì hãy sửa trong tệp`,
  };
}

/** A multiple of the đồng a header names (`scaleOfHeader`), as a sentence says it: "triệu đồng". */
function multipleSaid(scale: number): string {
  const named: Readonly<Record<number, string>> = { 1: 'đồng', 1_000: 'nghìn đồng', 1_000_000: 'triệu đồng', 1_000_000_000: 'tỷ đồng' };
  return named[scale] ?? `${formatCount(scale)} đồng`;
}

/**
 * A number a comma grouped (`commaThousands`) as it was stored, with what it counts: in a money
 * column its đồng, as the preview shows the cell («2,000 → 2.000.000.000 ₫»): «2.000 triệu đồng =
 * 2.000.000.000 ₫» under «(triệu đồng)», a price with the unit it is for; in a quantity column
 * the unit its header names («1.500 kg»: one written in the cell is said by the kind, with the
 * quantity); a count alone. Said bare only where the number is not what was stored (the lower end
 * of a range the multiple after it scaled).
 */
function groupedAsStored(field: ImportField, column: MappedColumn, read: ReadRow, grouped: number): string {
  if (field.type === 'money') {
    const unit = field.price ? read.units?.get(field.key) : undefined;
    const per = unit === undefined ? '' : `/${unit}`;
    const stored = [read.values.get(field.key), read.upperEnds?.get(field.key)];
    const scaled = grouped * column.scale;
    if (column.scale !== 1 && stored.includes(scaled)) return `${formatCount(grouped)} ${multipleSaid(column.scale)} = ${formatMoney(scaled)}${per}`;
    return stored.includes(grouped) ? `${formatMoney(grouped)}${per}` : formatCount(grouped);
  }
  return field.unitAfter && column.headerUnit !== null ? formatQuantity(grouped, column.headerUnit) : formatCount(grouped);
}

/**
 * From what amount a bare number its header's multiple scaled is more likely one already written
 * in đồng — «1.250.000» under «(triệu đồng)» reads as 1.250 tỷ đồng: 1.000 tỷ đồng, beyond the
 * capital, revenue or assets of nearly any cooperative; 1 tỷ đồng for an income a month.
 */
function implausibleFrom(field: ImportField): number {
  return field.perMonth ? 1_000_000_000 : 1_000_000_000_000;
}

/** Anything a sum in đồng is written as starts at a million: a smaller number was not written in đồng. */
const LEAST_SUM_IN_DONG = 1_000_000;

/**
 * Below what a bare amount is more likely written in a larger unit than its column's — «1,5» under
 * «(triệu đồng)» for 1,5 tỷ đồng: 10 triệu đồng of capital, revenue or assets, 100.000 đồng of
 * income a month. A price or a profit may be any amount.
 */
function implausibleBelow(field: ImportField): number {
  if (field.price || field.lossWord) return 0;
  return field.perMonth ? 100_000 : 10_000_000;
}

/**
 * Below what an amount of `column` is doubted: `implausibleBelow`, except that a sum written out in
 * đồng is taken as typed from a million (a cooperative group's capital of 5.000.000 đồng is real).
 */
function doubtedBelow(field: ImportField, column: MappedColumn): number {
  const least = implausibleBelow(field);
  return column.scale === 1 ? Math.min(least, LEAST_SUM_IN_DONG) : least;
}

/** How a row held back by an amount to check is left: skipped until the person says what to do. */
const HELD_BACK = 'Dòng để «Bỏ qua» cho đến khi chọn việc cần làm cho dòng này.';

/**
 * What is said of a bare number `written` its column made `stored` đồng, when that is too large or
 * too small to be meant (the header's multiple slipped): a note to heed, the row then held back
 * (`ReadRow.doubtful`), or a refusal past what the field holds. Said with what was most likely
 * meant and how to write it so; null for a likely amount.
 */
function implausibleAmount(field: ImportField, column: MappedColumn, value: CellValue, written: number, stored: number): { message: string; refused: boolean } | null {
  const refused = !Number.isSafeInteger(stored);
  const amount = Math.abs(column.perYear ? stored / 12 : stored);
  const typed = typeof value === 'string' ? value.trim() : formatDecimal(written);
  const read = `${field.label}: «${typed}» ở cột tính bằng ${multipleSaid(column.scale)} là ${formatCount(stored)} đồng`;
  if (!refused && amount > 0 && amount < doubtedBelow(field, column)) {
    // Written in the next multiple that makes it likely: tỷ under «(triệu đồng)», triệu under «(đồng)».
    const larger = [1_000, 1_000_000, 1_000_000_000].find((times) => amount * times >= implausibleBelow(field)) ?? 1_000;
    const fix = `Nếu là ${formatCount(stored * larger)} đồng, hãy sửa ô thành ${formatDecimal(written * larger)}`;
    return { message: `${read}, nhỏ bất thường, có lẽ ô đã ghi bằng ${multipleSaid(column.scale * larger)}. ${fix}. ${HELD_BACK}`, refused };
  }
  if (column.scale === 1 || (!refused && amount < implausibleFrom(field))) return null;
  const why = refused ? 'quá mức có thể lưu' : 'lớn bất thường';
  if (Math.abs(written) < LEAST_SUM_IN_DONG) return { message: `${read}, ${why}: hãy xem lại số và đơn vị ở tiêu đề cột.${refused ? '' : ` ${HELD_BACK}`}`, refused };
  // Written so in the header's multiple when that takes at most three decimals (1,25 triệu); else in đồng alone.
  const inMultiple = written / column.scale;
  const inDong = `«${formatCount(written)} đ»`;
  const fix = Number(inMultiple.toFixed(3)) === inMultiple ? `${formatDecimal(inMultiple)} (hoặc ghi ${inDong})` : inDong;
  const then = refused ? ' rồi nhập lại.' : `. ${HELD_BACK}`;
  return { message: `${read}, ${why}, có lẽ ô đã ghi bằng đồng. Nếu là ${formatCount(written)} đồng, hãy sửa ô thành ${fix}${then}`, refused };
}

/**
 * An amount in a cell: a number (scaled by its header's multiple, unless it says đồng) or one that
 * names its own ("1,5 tỷ"). Not rounded to the đồng here: a price per kilogram keeps its decimals
 * until it is stated per tonne (3.250,5 đồng/kg is 3.250.500 đồng/tấn, not 3.251.000).
 */
function amountOf(text: string, scale: number): number | null {
  const number = bareNumber(text);
  return number === null ? amountInWords(text) : number * (namesDong.test(text) ? 1 : scale);
}

/** `amountOf` to the đồng, for an amount stored as it is read. */
function roundedAmountOf(text: string, scale: number): number | null {
  const amount = amountOf(text, scale);
  return amount === null ? null : Math.round(amount);
}

/**
 * A price as a cell may write one beyond a bare amount: with the unit it is for, as a range, or
 * both ("12.000 – 15.000 đ/kg"), or its ceiling alone ("đến 15.000 đ/kg": no lower end); null when
 * it is not one.
 */
function priceOf(text: string, scale: number): { lower: number | null; upper: number | null; unit: string | null } | null {
  const ceiling = ceilingBefore.exec(text);
  if (ceiling) {
    const price = priceOf(text.slice(ceiling[0].length), scale);
    // "đến 12.000 – 15.000" is no ceiling.
    return price && price.lower !== null && price.upper === null ? { lower: null, upper: price.lower, unit: price.unit } : null;
  }
  const perUnit = pricePerUnit.exec(text);
  const amounts = (perUnit?.[1] ?? text).split(rangeBetween);
  if (amounts.length > 2 || amounts.some((amount) => amount.trim() === '')) return null;
  const [lowerText = '', upperText] = amounts;
  let lower = amountOf(lowerText, scale);
  const upper = upperText === undefined ? null : amountOf(upperText, scale);
  if (lower === null || (upperText !== undefined && upper === null)) return null;
  // "12 – 15 nghìn": the multiple written after the upper end is a bare lower end's too, when that
  // keeps it the lower ("12.000 – 15 nghìn" keeps its 12.000).
  const multiple = upperText === undefined ? undefined : /\d\s*(\D+)$/u.exec(upperText)?.[1];
  if (multiple && upper !== null && bareNumber(lowerText) !== null) {
    const sharing = amountInWords(`${lowerText} ${multiple}`);
    if (sharing !== null && sharing <= upper) lower = sharing;
  }
  return { lower, upper, unit: perUnit?.[2]?.trim() ?? null };
}

/** A number written bare ("1,5", "1.250"), or null. */
function bareNumber(text: string): number | null {
  const number = parseNumberCell(text);
  return number && !('error' in number) ? number.value : null;
}

/** A count as written alone or with its own unit ("25", "25 người"; `countInWords`); null when it is not one. */
function countOf(text: string, field: CountField): number | null {
  return bareNumber(text) ?? countInWords(text, field);
}

/** A row's number before a name, as a list numbers its rows in the name cell: "1. HTX …", "12) Tổ hợp tác …", "3 - HTX …". */
const numberedName = /^\d{1,4}\s*[.)\-–]\s*(\S.*)$/u;

/** A count with a remark in brackets after it: "25 (10 nữ)", "30 người (trong đó 12 nữ)". */
const countWithRemark = /^(.*?\S)\s*\([^()]*\)$/u;

/** How a year's amount is stored in a field of a month's: its twelfth, to the đồng. */
function aMonthOf(yearly: number): string {
  return `là ${formatCount(yearly)} đồng một năm, ghi nhận là ${formatCount(Math.round(yearly / 12))} đồng một tháng`;
}

/** Words before a quantity that make it an estimate or a floor: "khoảng 20 tấn", "dự kiến 5 tấn", "hơn 5 tấn". */
const estimateBefore = /^(?:khoảng|khoang|ước tính|ước khoảng|ước|uoc|dự kiến|du kien|tầm|hơn|trên|~|≈)\s*/iu;
/** A quantity written as a range: "50-60 tấn", "1.000 – 1.500 kg". */
const quantityRange = /^(\d[\d.,]*)\s*[-–—]\s*(\d[\d.,]*)\s*(.*)$/u;

/**
 * Why a count or an amount written as an estimate or a floor ("khoảng 20", "hơn 2 tỷ") is refused,
 * where the words before a number the field reads are all that is wrong: what a report states is
 * a number, not «khoảng» one (a quantity, an estimate by nature, is read: `quantityOf`). Null when
 * the cell is not such a number.
 */
function estimateRefused(field: ImportField, column: MappedColumn, shown: string): string | null {
  const estimate = estimateBefore.exec(shown);
  const rest = estimate ? shown.slice(estimate[0].length) : '';
  if (!estimate || rest === '' || (bareNumber(rest) === null && numberInWords(field, rest, column) === null)) return null;
  return `«${shown}» không phải một số chính xác; hãy ghi đúng số, không kèm «${estimate[0].trim()}».`;
}

/**
 * A quantity as supply lists write one: with its unit ("1,5 tấn"), as an estimate or a floor
 * ("khoảng 20 tấn", "hơn 5 tấn": the number), or as a range ("50-60 tấn": its lower end, what can
 * be counted on); null when it is not one. A quantity is an estimate by nature, unlike an amount
 * of money a report states ("khoảng 2 tỷ" is refused). What is more than the number is said.
 */
function quantityOf(written: string, headerUnit: string | null): NumberInWords | null {
  const estimate = estimateBefore.exec(written);
  let rest = estimate ? written.slice(estimate[0].length) : written;
  const range = quantityRange.exec(rest);
  const lower = range ? bareNumber(range[1] ?? '') : null;
  const upper = range ? bareNumber(range[2] ?? '') : null;
  if (range && (lower === null || upper === null || upper <= lower)) return null;
  if (range) rest = `${range[1] ?? ''} ${range[3] ?? ''}`.trim();
  const withUnit = numberAndUnit.exec(rest);
  const value = bareNumber(withUnit ? (withUnit[1] ?? '') : rest);
  if (value === null || (!withUnit && !estimate && !range)) return null;
  const unit = withUnit?.[2]?.trim();
  const read: NumberInWords = { value, ...(unit === undefined ? {} : { unit }) };
  // A quantity keeps its decimals ("khoảng 1,5" is 1,5): a count's rounding would misstate it. Said
  // with the unit its header names, «khoảng 20» under «(tấn)» is 20 tấn (a unit written in the cell
  // is quoted, and said by the kind with the quantity).
  const stated = unit === undefined && headerUnit !== null ? formatQuantity(value, headerUnit) : formatDecimal(value);
  if (range) read.note = `là một khoảng, ghi nhận số thấp là ${stated}`;
  else if (estimate) read.note = `ghi nhận là ${stated}`;
  return read;
}

/** What a number or money cell that holds more than a bare number says, as its field reads it. */
interface NumberInWords {
  value: number;
  /** The period the cell says its amount is for ("/tháng", "/năm"), over its column's. */
  period?: 'month' | 'year';
  /** The unit written with it (`ReadRow.units`). */
  unit?: string;
  /** The upper end of a range (`ReadRow.upperEnds`). */
  upper?: number;
  /** A price written as its ceiling alone ("đến 15.000"): `value` is that ceiling, with no lower end. */
  ceiling?: boolean;
  /** How it was read, said in the preview: "ghi nhận là 1.500.000.000 đồng". */
  note?: string;
}

/**
 * A number or money cell written with words, by what its field allows: a quantity with its unit
 * ("1,5 tấn"), a count with its noun ("25 người"), a year with its word ("Năm 2025"), a price for
 * a unit or a range ("7.500 đ/kg", "12 – 15 nghìn"), an amount with its multiples ("1,5 tỷ"); null
 * when none reads it.
 */
function numberInWords(field: ImportField, text: string, { scale, headerUnit }: MappedColumn): NumberInWords | null {
  const written = text.trim();
  const year = field.yearWord ? /^nam (\d{4})$/.exec(foldText(written)) : null;
  if (year) return { value: Number(year[1]) };
  const quantity = field.unitAfter ? quantityOf(written, headerUnit) : null;
  if (quantity) return quantity;
  if (isCountField(field.key)) {
    const count = countOf(written, field.key);
    if (count !== null) return { value: count, note: `ghi nhận là ${formatCount(count)}` };
    const remark = countWithRemark.exec(written);
    const beforeRemark = remark ? countOf(remark[1] ?? '', field.key) : null;
    if (beforeRemark !== null) return { value: beforeRemark, note: `ghi nhận là ${formatCount(beforeRemark)}, không lưu phần trong ngoặc` };
  }
  const price = field.price ? priceOf(written, scale) : null;
  if (price?.lower === null && price.upper !== null) return { value: price.upper, ceiling: true, unit: price.unit ?? undefined };
  if (price && price.lower !== null && (price.upper !== null || price.unit !== null)) return { value: price.lower, upper: price.upper ?? undefined, unit: price.unit ?? undefined };
  const monthly = field.perMonth && aMonth.test(written) ? roundedAmountOf(written.replace(aMonth, ''), scale) : null;
  if (monthly !== null) return { value: monthly, note: `ghi nhận là ${formatCount(monthly)} đồng một tháng`, period: 'month' };
  const yearly = field.perMonth && aYear.test(written) ? roundedAmountOf(written.replace(aYear, ''), scale) : null;
  if (yearly !== null) return { value: Math.round(yearly / 12), note: aMonthOf(yearly), period: 'year' };
  const loss = field.lossWord ? lossBefore.exec(written) : null;
  const lost = loss ? roundedAmountOf(written.slice(loss[0].length), scale) : null;
  if (lost !== null) return { value: -lost, note: `là một khoản lỗ, ghi nhận là ${formatCount(-lost)} đồng` };
  // "1,5 tỷ" names its own multiple, whatever the header's.
  const amount = field.type === 'money' ? amountInWords(written) : null;
  return amount === null ? null : { value: amount, note: `ghi nhận là ${formatCount(amount)} đồng` };
}

/** The year a two-digit year means in a date of the past: "19" is 2019, "85" is 1985. */
function fullYear(twoDigits: number, thisYear: number): number {
  return twoDigits <= thisYear % 100 ? 2000 + twoDigits : 1900 + twoDigits;
}

/**
 * Dates offices write without a full day: "năm 2019" or 2019 alone, "06/2019", "T6/2019", "tháng 6
 * năm 2019", "2019-06", "5/6/19". Read as the first day of that year or month, or with the century of the past, and said
 * in a note.
 */
function looseDate(value: CellValue, { thisYear, date1904 }: { thisYear: number; date1904: boolean }): { iso: string; note: string; within?: DateWithin } | null {
  const text = typeof value === 'number' && Number.isInteger(value) ? String(value) : typeof value === 'string' ? foldText(value) : '';
  const pad = (n: number) => String(n).padStart(2, '0');
  // A date pasted from another sheet as its value lands in a text cell as Excel's day number: five
  // digits are a day between 1927 and 2173, and no other way of writing a date.
  const serial = typeof value === 'string' && /^\d{5}$/.test(text) ? isoOfExcelSerial(Number(text), date1904) : null;
  if (serial !== null) return { iso: serial, note: `«${text}» là số ngày Excel lưu thay cho ngày, hiểu là ${formatIsoDateVi(serial)}` };
  const yearOnly = /^(?:nam\s*)?(\d{4})$/.exec(text);
  if (yearOnly) {
    const year = Number(yearOnly[1]);
    if (year >= 1900 && year <= thisYear) return { iso: `${year}-01-01`, note: `chỉ ghi năm ${year}; ghi nhận là 01/01/${year}`, within: 'year' };
  }
  // "tháng" is often cut to "T3/2016" or "Th3/2016"; a year first ("2016-03") is the ISO order.
  const monthYear = /^(?:(?:thang|th|t)\.?\s*)?(\d{1,2})[/.-](\d{4})$/.exec(text) ?? /^thang\s*(\d{1,2})\s*,?\s*nam\s*(\d{4})$/.exec(text);
  const yearMonth = monthYear ? null : /^(\d{4})[/.-](\d{1,2})$/.exec(text);
  if (monthYear || yearMonth) {
    const [month, year] = monthYear ? [Number(monthYear[1]), Number(monthYear[2])] : [Number(yearMonth?.[2]), Number(yearMonth?.[1])];
    if (month >= 1 && month <= 12 && year >= 1900 && year <= thisYear) return { iso: `${year}-${pad(month)}-01`, note: `chỉ ghi tháng ${pad(month)}/${year}; ghi nhận là 01/${pad(month)}/${year}`, within: 'month' };
  }
  const shortYear = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2})$/.exec(text);
  if (shortYear) {
    const [day, month, year] = [Number(shortYear[1]), Number(shortYear[2]), fullYear(Number(shortYear[3]), thisYear)];
    const real = month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
    if (real) return { iso: `${year}-${pad(month)}-${pad(day)}`, note: `«${typeof value === 'string' ? value : text}» hiểu là ${pad(day)}/${pad(month)}/${year}` };
  }
  // A day written among words ("QĐ số 12 ngày 15/3/2019", "15/3/2019 (cấp lại năm 2021)"): the one
  // day the cell names. A cell naming two is left to be refused: which one is meant cannot be told.
  if (typeof value !== 'string') return null;
  const days = [...value.matchAll(/(?<!\d)(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?!\d)/g)];
  const [only] = days;
  if (days.length === 1 && only) {
    const [day, month, year] = [Number(only[1]), Number(only[2]), Number(only[3])];
    const real = month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
    if (real) return { iso: `${year}-${pad(month)}-${pad(day)}`, note: `«${value}» ghi nhận là ${pad(day)}/${pad(month)}/${year}` };
  }
  return null;
}

const trueWords = new Set(['x', 'co', 'c', '1', 'true', 'yes', 'v', '✓', '√', '✔', 'dung', 'dat']);
const falseWords = new Set(['khong', 'k', '0', 'false', 'no', '-']);

/**
 * The cell reference of a field in a row ("C12"): its column's, else the period column's that fills
 * it or the less precise one read in its stead (`fallbackFor`); the row number alone when no column feeds it.
 */
export function cellRef(columns: readonly MappedColumn[], fieldKey: string, rowNumber: number): string {
  const column =
    columns.find((candidate) => candidate.field.key === fieldKey) ??
    columns.find(({ field: { fills, fallbackFor } }) => fallbackFor === fieldKey || (fills !== undefined && (fills.from === fieldKey || fills.until === fieldKey)));
  return column ? `${column.letter}${rowNumber}` : `Dòng ${rowNumber}`;
}

/** A cell's reference ("C12"), made only for a problem or a note: most cells have neither. */
function cellOf(column: MappedColumn, row: SourceRow): string {
  return `${column.letter}${row.rowNumber}`;
}

/**
 * Reads each mapped cell of a row. Formula cells without a computed value and error cells
 * (#N/A, #VALUE!) are problems, not blanks: the person would otherwise lose a value silently.
 */
export function readRow(
  row: SourceRow,
  columns: readonly MappedColumn[],
  /** `untyped`: the file cannot say which cells were numbers (a CSV), so a cell of bare digits may be one that lost its leading 0. */
  options: { date1904: boolean; thisYear: number; yearRound: YearRound | null; untyped: boolean },
): ReadRow {
  const values = new Map<string, FieldValue>();
  const problems: ImportProblem[] = [];
  const notes: ImportProblem[] = [];
  const read: ReadRow = { values, problems, notes };
  for (const column of columns) {
    const { field, index } = column;
    if (row.formulaCells?.includes(index)) {
      problems.push({ cell: cellOf(column, row), message: `${field.label}: ô có công thức chưa được tính; hãy mở tệp trong Excel, Lưu lại rồi nhập lại.` });
      continue;
    }
    if (row.errorCells?.includes(index)) {
      problems.push({ cell: cellOf(column, row), message: `${field.label}: ô báo lỗi công thức (#N/A, #VALUE!…); hãy sửa trong Excel rồi nhập lại.` });
      continue;
    }
    const value = row.cells[index] ?? null;
    const shown = shownCell(value);
    if (shown === '') continue;
    // "-", "không có", "chưa cấp" in a cell are read as a blank one, and said. A flag's "x" is a
    // tick, and a choice's written values are the person's to settle (choices.ts).
    if (field.type !== 'flag' && field.type !== 'choice' && saysNothing(field, value, shown)) {
      notes.push({ cell: cellOf(column, row), message: `${field.label}: «${shown}» ghi nhận là để trống.` });
      (read.markedBlank ??= new Set()).add(field.key);
      continue;
    }
    switch (field.type) {
      case 'text': {
        // A list without an STT column numbers its rows in the name cell: "1. HTX …", "2) Tổ hợp tác …".
        const numbered = field.key === 'name' || field.key === 'organizationName' ? numberedName.exec(shown) : null;
        const name = numbered?.[1];
        if (name !== undefined && organizationKindOfName(name)) {
          values.set(field.key, name);
          notes.push({ cell: cellOf(column, row), message: `${field.label}: «${shown}» ghi nhận là «${name}» (bỏ số thứ tự ở đầu).` });
        } else values.set(field.key, shown);
        break;
      }
      case 'choice':
        values.set(field.key, shown);
        break;
      case 'email': {
        const { email, note } = emailOf(shown);
        values.set(field.key, email);
        if (note !== undefined) notes.push({ cell: cellOf(column, row), message: `${field.label}: ${note}.` });
        break;
      }
      case 'code': {
        const { code, note } = codeOf(value, shown, options.untyped);
        values.set(field.key, code);
        if (note !== undefined) notes.push({ cell: cellOf(column, row), message: `${field.label}: ${note}.` });
        break;
      }
      case 'phone': {
        const { phone, note, heed } = phoneOf(value, shown, options.untyped);
        values.set(field.key, phone);
        if (note !== undefined) notes.push({ cell: cellOf(column, row), message: `${field.label}: ${note}.`, ...(heed ? { heed } : {}) });
        break;
      }
      case 'period': {
        const period = readPeriod(value, options.yearRound);
        if (!period || !field.fills) break;
        if ('error' in period) {
          problems.push({ cell: cellOf(column, row), message: `${field.label}: ${period.error}` });
          break;
        }
        // A column of its own for the first or the last day wins: the period fills what it leaves.
        if (!values.has(field.fills.from)) values.set(field.fills.from, period.from);
        if (period.until !== null && !values.has(field.fills.until)) values.set(field.fills.until, period.until);
        if (period.note !== undefined) notes.push({ cell: cellOf(column, row), message: `${field.label}: ${period.note}.` });
        break;
      }
      case 'date': {
        // A founding year is read only where the founding day is not written (`fallbackFor`).
        const key = field.fallbackFor ?? field.key;
        if (field.fallbackFor && columns.some((other) => other.field.key === key && shownCell(row.cells[other.index]) !== '')) break;
        const parsed = parseDateCell(value, options);
        const loose = parsed && 'error' in parsed ? looseDate(value, options) : null;
        if (loose) {
          values.set(key, loose.iso);
          if (loose.within) (read.datesWithin ??= new Map()).set(key, loose.within);
          notes.push({ cell: cellOf(column, row), message: `${field.label}: ${loose.note}.` });
        } else if (parsed && 'error' in parsed) problems.push({ cell: cellOf(column, row), message: `${field.label}: ${parsed.error}` });
        else if (parsed) values.set(key, parsed.iso);
        break;
      }
      case 'number':
      case 'money': {
        let tooFar: ReturnType<typeof implausibleAmount> = null;
        const parsed = parseNumberCell(value);
        const inWords = typeof value === 'string' && parsed && 'error' in parsed ? numberInWords(field, value, column) : null;
        if (inWords && column.perYear && inWords.period === undefined) {
          values.set(field.key, Math.round(inWords.value / 12));
          notes.push({ cell: cellOf(column, row), message: `${field.label}: «${shown}» ${aMonthOf(inWords.value)} (cột ghi số một năm).` });
        } else if (inWords) {
          if (inWords.ceiling) (read.upperEnds ??= new Map()).set(field.key, inWords.value);
          else values.set(field.key, inWords.value);
          if (inWords.unit !== undefined) (read.units ??= new Map()).set(field.key, inWords.unit);
          if (inWords.upper !== undefined) (read.upperEnds ??= new Map()).set(field.key, inWords.upper);
          if (inWords.note !== undefined) notes.push({ cell: cellOf(column, row), message: `${field.label}: «${shown}» ${inWords.note}.` });
        } else if (parsed && 'error' in parsed) problems.push({ cell: cellOf(column, row), message: `${field.label}: ${estimateRefused(field, column, shown) ?? parsed.error}` });
        else if (parsed) {
          // A formula's result carries float noise Excel does not show (6000000.000000001): the
          // value is read to the 15 significant digits Excel shows. A whole number under 10^15 has
          // no more, and most cells hold one: it is taken as it is, without the round trip through text.
          const shownValue = Number.isInteger(parsed.value) && Math.abs(parsed.value) < 1e15 ? parsed.value : Number(parsed.value.toPrecision(15));
          const scaled = field.type === 'money' && column.scale !== 1;
          const inDong = scaled && typeof value === 'string' && namesDong.test(value);
          const stored = scaled && !inDong ? Math.round(shownValue * column.scale) : shownValue;
          // A number the header's multiple made absurd was most likely written in another one.
          tooFar = field.type === 'money' && !inDong ? implausibleAmount(field, column, value, shownValue, stored) : null;
          if (tooFar?.refused) {
            problems.push({ cell: cellOf(column, row), message: tooFar.message });
            break;
          }
          values.set(field.key, column.perYear ? Math.round(stored / 12) : stored);
          if (column.perYear) notes.push({ cell: cellOf(column, row), message: `${field.label}: «${shown}» ${aMonthOf(stored)} (cột ghi số một năm).` });
          else if (inDong) notes.push({ cell: cellOf(column, row), message: `${field.label}: «${shown}» ghi bằng đồng, ghi nhận là ${formatCount(shownValue)} đồng (không nhân theo tiêu đề cột).` });
          // Accountants write a loss in brackets: read as one, and said, since a sign is easily missed.
          else if (typeof value === 'string' && shown.startsWith('(') && stored < 0) {
            notes.push({ cell: cellOf(column, row), message: `${field.label}: «${shown}» là số âm (ghi trong ngoặc), ghi nhận là ${formatCount(stored)}${field.type === 'money' ? ' đồng' : ''}.` });
          }
        }
        // A price the cell does not say the unit of is for the one its header names.
        const wrote = values.has(field.key) || read.upperEnds?.has(field.key) === true;
        if (field.price && column.headerUnit !== null && wrote && !read.units?.has(field.key)) (read.units ??= new Map()).set(field.key, column.headerUnit);
        const commaGrouped = typeof value === 'string' && wrote ? commaThousands.exec(value) : null;
        if (commaGrouped) {
          const { read: grouped, warning } = commaThousandsSaid(commaGrouped[1] ?? '', commaGrouped[2] ?? '', (number) => groupedAsStored(field, column, read, number));
          // One note a cell: what the cell's words were read as ("«1,200 người» ghi nhận là 1.200"), then the comma's warning.
          const earlier = notes.at(-1);
          if (earlier?.cell === cellOf(column, row)) earlier.message = `${earlier.message.replace(/\.$/, '')} ${warning}.`;
          else notes.push({ cell: cellOf(column, row), message: `${field.label}: ${grouped} ${warning}.` });
        }
        if (tooFar) {
          notes.push({ cell: cellOf(column, row), message: tooFar.message, heed: true });
          read.doubtful = true;
        }
        break;
      }
      case 'flag': {
        const word = foldText(shown);
        if (trueWords.has(word)) values.set(field.key, true);
        else if (falseWords.has(word)) values.set(field.key, false);
        else problems.push({ cell: cellOf(column, row), message: `${field.label}: «${shown}» không rõ là có hay không; ghi “x” hoặc “có”, bỏ trống nếu không.` });
        break;
      }
    }
  }
  return read;
}
