/**
 * How far the reader goes before it calls a file unreadable. A workbook is a zip of XML written by
 * a program, and a damaged or crafted one can say anything: a cell in column 8,031,810, a tag that
 * never closes, a part that inflates to gigabytes. Excel's own limits are taken where it has them
 * (16,384 columns, 1,048,576 rows, 32,767 characters in a cell); elsewhere the limits are far above
 * any list an office keeps. Each refusal says what and where, in Vietnamese.
 */
import { formatCount } from '../../../shared/format';

/** Column XFD, the last Excel has (0-based index 16,383). */
export const MAX_COLUMNS = 16_384;
/** Excel's last row. */
export const MAX_ROWS = 1_048_576;
/** The most characters Excel keeps in a cell. */
export const MAX_CELL_CHARS = 32_767;
/** The raw XML of a cell's text may spell each character as an entity (`&#x1EA1;`): eight at most. */
export const MAX_RAW_CELL_CHARS = MAX_CELL_CHARS * 8;
/** A tag, comment or CDATA section longer than this is not from a spreadsheet program. */
export const MAX_TAG_CHARS = 1024 * 1024;
/** Inflated size of a sheet: a million rows of twenty columns fit. */
export const MAX_SHEET_BYTES = 1024 * 1024 * 1024;
/** Inflated size of the shared strings. */
export const MAX_SHARED_STRINGS_BYTES = 256 * 1024 * 1024;
/** Inflated size of any other part read whole (workbook, relationships, styles). */
export const MAX_PART_BYTES = 32 * 1024 * 1024;
/** An .xls is read whole: Excel 97–2003 holds 65,536 rows of 256 columns, far less than this. */
export const MAX_XLS_BYTES = 256 * 1024 * 1024;
/** Merged ranges kept for finding the header: real headers have a few dozen. */
export const MAX_HEAD_MERGES = 5_000;
/**
 * Ranges merged down over several rows kept for the rows under the header (a list merges an
 * organization's name over its products, or a commune over its cooperatives): a sheet of a million
 * rows merged two by two in one column has half a million.
 */
export const MAX_MERGES_DOWN = 500_000;
/** Sheets in a workbook. */
export const MAX_SHEETS = 1_000;
/** One CSV record, quoted line breaks included: an unclosed quote runs into this. */
export const MAX_CSV_RECORD_CHARS = 1024 * 1024;

/**
 * A file the reader will not go on with, and why — a sentence that names the place (sheet, cell,
 * row or part) but not the file; the caller puts the file's name in front.
 */
export class Unreadable extends Error {}

const megabytes = (bytes: number) => `${formatCount(Math.round(bytes / 1024 / 1024))} MB`;
const advice = 'Tệp có thể bị hỏng hoặc không do Excel tạo ra; hãy mở bằng Excel, Lưu lại rồi nhập lại.';

export const unreadable = {
  /** `cell` is «AAAAAAA2», or where a cell without a name is ("thứ 16.385 của dòng 2"). */
  columnPastXfd: (sheet: string, cell: string) =>
    new Unreadable(`trang tính «${sheet}» có ô ${cell} ở ngoài cột XFD, cột cuối cùng của Excel. ${advice}`),
  rowPastLast: (sheet: string, row: string) =>
    new Unreadable(`trang tính «${sheet}» có dòng «${row}», không phải số dòng từ 1 đến ${formatCount(MAX_ROWS)} như Excel đánh số. ${advice}`),
  cellTooLong: (sheet: string, reference: string) =>
    new Unreadable(`ô ${reference} của trang tính «${sheet}» có hơn ${formatCount(MAX_CELL_CHARS)} ký tự, quá giới hạn một ô của Excel. Hãy rút gọn ô đó rồi nhập lại.`),
  sharedStringTooLong: (index: number) =>
    new Unreadable(`chuỗi chữ thứ ${formatCount(index + 1)} trong bảng chữ dùng chung có hơn ${formatCount(MAX_CELL_CHARS)} ký tự, quá giới hạn một ô của Excel. ${advice}`),
  tagTooLong: (part: string) =>
    new Unreadable(`phần «${part}» có một thẻ XML dài hơn ${megabytes(MAX_TAG_CHARS)} hoặc không được đóng. ${advice}`),
  partTooLarge: (part: string, limit: number) =>
    new Unreadable(`phần «${part}» khi giải nén lớn hơn ${megabytes(limit)}; HTX Desk không đọc phần lớn như vậy. ${advice}`),
  sizeMismatch: (part: string) =>
    new Unreadable(`phần «${part}» khi giải nén có kích thước khác với kích thước ghi trong tệp, nên tệp đã bị hỏng hoặc bị sửa. Hãy gửi lại tệp gốc.`),
  /** `row` as Excel numbers it. */
  xlsColumnPastIv: (sheet: string, row: number) =>
    new Unreadable(`trang tính «${sheet}» có ô ở dòng ${formatCount(row)} ngoài cột IV, cột cuối cùng của tệp .xls. ${advice}`),
  xlsTooLarge: () => new Unreadable(`tệp .xls lớn hơn ${megabytes(MAX_XLS_BYTES)}; HTX Desk không đọc tệp .xls lớn như vậy. ${advice}`),
  tooManySheets: () => new Unreadable(`sổ làm việc có hơn ${formatCount(MAX_SHEETS)} trang tính. ${advice}`),
  csvRecordTooLong: (line: number) =>
    new Unreadable(
      `từ dòng ${formatCount(line)}, một dòng dài hơn ${megabytes(MAX_CSV_RECORD_CHARS)} — thường vì một dấu ngoặc kép (") mở mà không đóng, hoặc vì đây không phải tệp CSV. Hãy mở tệp bằng Excel để kiểm tra dòng đó.`,
    ),
  csvUnclosedQuote: (line: number) =>
    new Unreadable(`dấu ngoặc kép (") mở ở dòng ${formatCount(line)} không được đóng đến hết tệp. Hãy thêm dấu ngoặc kép đóng rồi nhập lại.`),
  csvTooManyColumns: (line: number) =>
    new Unreadable(`dòng ${formatCount(line)} có hơn ${formatCount(MAX_COLUMNS)} cột, nhiều hơn Excel có. Hãy kiểm tra dấu phân cách của tệp.`),
  tableColumnPastXfd: (row: number) =>
    new Unreadable(`dòng ${formatCount(row)} của bảng trong trang web có ô ở ngoài cột XFD, cột cuối cùng của Excel. ${advice}`),
  tableTooLong: () => new Unreadable(`bảng trong trang web có hơn ${formatCount(MAX_ROWS)} dòng, nhiều hơn Excel có. Hãy chia bảng thành nhiều tệp nhỏ hơn.`),
  webPageEncoding: (encoding: string) =>
    new Unreadable(`trang web có chữ không đọc được theo bảng mã ${encoding} của trang. Hãy mở tệp bằng Excel rồi Lưu thành (Save As) → Sổ làm việc Excel (.xlsx), sau đó nhập tệp mới.`),
  csvMalformed: (line: number) => new Unreadable(`dòng ${formatCount(line)} không đúng dạng CSV. Hãy mở tệp bằng Excel, Lưu lại thành “CSV UTF-8” rồi nhập lại.`),
};
