/**
 * Building blocks for the contract: how a channel is declared, and the zod pieces every area uses
 * so that the same kind of field gets the same cleaning and the same Vietnamese message everywhere.
 */
import { z } from 'zod';
import { formatCount } from '../format';
import { cleanText, withoutControlCharacters } from '../text';
import { emailAddressesOf, isIsoDate, isPhoneText } from '../typed';

// Messages zod writes itself (a wrong type, a number out of range) read in Vietnamese too.
z.config(z.locales.vi());

/** Declares a channel: its input schema, and its output type as a phantom (no runtime value). */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the phantom is the point
export function channel<Output>() {
  return <Input extends z.ZodType>(input: Input) => ({ input, output: undefined as unknown as Output });
}

/** For channels that take no input. */
export const none = z.undefined();

/** A required line of text: NFC, white space folded, 1..max characters; messages name the field. */
export function requiredText(label: string, max: number) {
  return z
    .string({ error: `${label}: cần nhập chữ.` })
    .transform(cleanText)
    .pipe(
      z
        .string()
        .min(1, { error: `${label} không được để trống.` })
        .max(max, { error: `${label} dài quá ${max} ký tự.` }),
    );
}

/** An optional line of text: missing or blank becomes ''. */
export function optionalText(label: string, max: number) {
  return z
    .string({ error: `${label}: cần nhập chữ.` })
    .optional()
    .transform((value) => cleanText(value ?? ''))
    .pipe(z.string().max(max, { error: `${label} dài quá ${max} ký tự.` }));
}

/** A numeric code of a fixed length (province: 2 digits, commune: 5). */
export function code(label: string, digits: number) {
  return z
    .string({ error: `Chưa chọn ${label}.` })
    .regex(new RegExp(`^\\d{${digits}}$`), { error: `Chưa chọn ${label}.` });
}

const anEmail = z.email();

/**
 * An optional e-mail field: missing or blank becomes ''. Like a phone field it may hold several,
 * set apart by semicolons, commas or slashes (`emailAddressesOf`), kept as typed.
 */
export function optionalEmail(label: string) {
  return optionalText(label, 200).refine((text) => text === '' || emailAddressesOf(text).every((one) => anEmail.safeParse(one).success), {
    error: `${label} không đúng dạng (ví dụ: lienminh@angiang.gov.vn).`,
  });
}

/**
 * An optional phone field: missing or blank becomes ''. What is typed must read as phone numbers
 * (see isPhoneText): "abc" or a name typed into it is refused, with how a number is written.
 */
export function optionalPhone(label: string) {
  return optionalText(label, 100).refine(isPhoneText, {
    error: `${label} chỉ gồm chữ số, có thể có dấu cách, dấu chấm, gạch ngang, ngoặc đơn, +84 và số máy lẻ; mỗi số 8–13 chữ số, có thể có nhãn trước (ĐT:, DĐ:) và ghi chú trong ngoặc sau; nhiều số cách nhau bằng dấu chấm phẩy (ví dụ: 0277 3851 234; 0913 123 456 hoặc +84 913 123 456 máy lẻ 12).`,
  });
}

/**
 * A calendar date as ISO `YYYY-MM-DD` text (how dates cross the contract and are stored; screens
 * show dd/mm/yyyy). Rejects dates that do not exist, such as 31/02.
 */
export function isoDate(label: string) {
  return z
    .string({ error: `${label}: cần một ngày.` })
    .refine(isIsoDate, { error: `${label} không phải một ngày có thật (dạng ngày/tháng/năm).` });
}

/**
 * An optional date: missing, null or '' become null. Any other text must be a real day, and is
 * refused with the date's own message (not a union's "invalid input").
 */
export function optionalIsoDate(label: string) {
  return z
    .string({ error: `${label}: cần một ngày.` })
    .nullable()
    .optional()
    .transform((value) => (value === '' || value === undefined ? null : value))
    .pipe(isoDate(label).nullable());
}

/** An optional time of day as `HH:MM` (24 hours); missing, null or '' become null. */
export function optionalTimeOfDay(label: string) {
  return z
    .union([
      z.literal(''),
      z.null(),
      z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: `${label} phải có dạng giờ:phút trong ngày, ví dụ 08:00 hoặc 14:30.` }),
    ])
    .optional()
    .transform((value) => (value === '' || value === undefined ? null : value));
}

/** A whole number ≥ 0 (a count, or money in đồng), or null when not known. */
export function optionalCount(label: string, max = Number.MAX_SAFE_INTEGER) {
  return z
    .number({ error: `${label} phải là một số.` })
    .int({ error: `${label} phải là số nguyên.` })
    .min(0, { error: `${label} không được âm.` })
    .max(max, { error: `${label} lớn quá mức cho phép.` })
    .nullable()
    .optional()
    .transform((value) => value ?? null);
}

/** What is typed into a search box: characters that are not text (NUL, ESC…) dropped, at most 200 characters. */
export function searchText() {
  return z
    .string({ error: 'Nội dung tìm kiếm phải là chữ.' })
    .max(200, { error: 'Nội dung tìm kiếm dài quá 200 ký tự.' })
    .transform(withoutControlCharacters);
}

/**
 * A list of values (filter choices, ids) with a ceiling: no screen sends more, and SQLite takes
 * at most 32,766 values in one statement. `what` names the items in the message ("xã, phường").
 */
export function listOf<T extends z.ZodType>(item: T, max: number, what: string) {
  return z.array(item, { error: `Danh sách ${what} không đúng dạng.` }).max(max, { error: `Chọn tối đa ${formatCount(max)} ${what}.` });
}

/** Far more pages than any list has (100,000 organizations are 200 pages of 500). */
const MAX_PAGE = 1_000_000;

export const pageInput = {
  page: z.number().int().min(1).max(MAX_PAGE, { error: 'Số trang lớn quá mức cho phép.' }).default(1),
  pageSize: z.number().int().min(1).max(500).default(50),
};

/**
 * The records a refused save's conflict listed as possibly the same one (`similar`), which the
 * person was shown and says this one is not («Vẫn lưu»). A save is refused again while any such
 * record is not among them: one added since was not seen.
 */
export const confirmedSimilarIds = z.array(z.number().int().positive()).max(1000).optional().default([]);
