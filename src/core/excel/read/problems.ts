/**
 * The messages a person sees when a file cannot be read. Each is a validation failure on the path
 * `file`, so the import screen shows it beside the file it was given.
 */
import { validationFailure, type AppFailure } from '../../../shared/errors';

export function importProblem(message: string): AppFailure {
  return validationFailure([{ path: 'file', message }]);
}

export const problems = {
  notSpreadsheet: (fileName: string) => `Tệp «${fileName}» không phải bảng tính Excel (.xlsx, .xls) hay CSV.`,
  webPageWithoutTable: (fileName: string) =>
    `Tệp «${fileName}» là một trang web (HTML) nhưng không có bảng nào để nhập. Hãy mở tệp bằng Excel để xem, rồi Lưu thành (Save As) → Sổ làm việc Excel (.xlsx) và nhập tệp mới.`,
  webArchiveWithoutTable: (fileName: string) =>
    `Tệp «${fileName}» là một trang web lưu thành một tệp (MHT, «Single File Web Page») nhưng không có bảng nào để nhập. Hãy mở tệp bằng Excel để xem, rồi Lưu thành (Save As) → Sổ làm việc Excel (.xlsx) và nhập tệp mới.`,
  xmlSpreadsheet2003: (fileName: string) =>
    `Tệp «${fileName}» là «Bảng tính XML 2003», một dạng cũ HTX Desk chưa đọc được. Hãy mở tệp bằng Excel rồi chọn Lưu thành (Save As) → Sổ làm việc Excel (.xlsx), sau đó nhập tệp mới.`,
  truncated: (fileName: string) =>
    `Tệp «${fileName}» bị cắt cụt hoặc hỏng, không đọc hết được. Hãy gửi lại tệp, hoặc mở trong Excel và Lưu lại.`,
  encrypted: (fileName: string) =>
    `Tệp «${fileName}» có đặt mật khẩu. Hãy mở trong Excel, bỏ mật khẩu (Tệp › Thông tin › Bảo vệ sổ làm việc) rồi Lưu lại.`,
  beforeExcel97: () => 'Tệp .xls này lưu theo dạng của Excel 5.0/95, cũ hơn Excel 97, nên chưa đọc được; hãy mở trong Excel và Lưu thành .xlsx.',
  binaryXlsb: () => 'Tệp .xlsb (sổ làm việc nhị phân) chưa đọc được; hãy mở trong Excel và Lưu thành .xlsx.',
  /** A limit of the reader (see limits.ts) was passed; `what` says which, and where. */
  unreadable: (fileName: string, what: string) => `Tệp «${fileName}»: ${what}`,
  tooMuchMemory: (fileName: string, megabytes: number) =>
    `Tệp «${fileName}» cần hơn ${megabytes} MB bộ nhớ để đọc, nên HTX Desk đã dừng đọc; dữ liệu đã lưu không bị ảnh hưởng. ` +
    'Tệp có thể bị hỏng hoặc được tạo cố ý; nếu đúng là một danh sách lớn, hãy chia thành nhiều tệp nhỏ hơn.',
  emptyWorkbook: (fileName: string) => `Tệp «${fileName}» không có trang tính nào có dữ liệu.`,
  noSheet: (sheet: string) => `Không có trang tính «${sheet}» trong tệp.`,
  legacyCsvEncoding: (fileName: string) =>
    `Tệp «${fileName}» không lưu bằng bảng mã UTF-8 (có thể là Windows-1258, TCVN3 hay VNI). ` +
    'Hãy mở trong Excel và Lưu thành “CSV UTF-8 (Comma delimited)”.',
} as const;
