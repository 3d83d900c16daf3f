/** Messages of the exports and reports screens: Vietnamese first; English must cover every key. */
import type { Translations } from '../messages';

export const reportsVi = {
  title: 'Báo cáo',
  intro: 'Báo cáo gửi Liên minh HTX Việt Nam theo mẫu hành chính: tệp Excel khổ A4, có tiêu đề, bảng tổng hợp, nơi nhận và chữ ký của Chủ tịch (theo Cài đặt).',
  sheets: 'Gồm: {{sheets}}',
  year: 'Năm báo cáo',
  from: 'Từ ngày',
  to: 'Đến ngày',
  today: 'Danh sách tính đến hôm nay.',
  make: 'Tạo báo cáo',
  documentNumber: 'Số văn bản',
  documentNumberPrefix: 'Số:',
  documentNumberHint: 'Số trong sổ văn bản đi; để trống thì báo cáo in dấu chấm để ghi tay.',
  report: {
    'register-statistics': 'Thống kê tổ chức kinh tế tập thể theo năm',
    'trade-promotion': 'Hoạt động xúc tiến thương mại',
    agreements: 'Thỏa thuận ký kết và kết quả thực hiện',
    register: 'Danh sách tổ chức kinh tế tập thể',
  },
  job: {
    reportTitle: 'Đang tạo báo cáo',
    exportTitle: 'Đang xuất Excel',
    downloaded: 'Đã tải về {{fileName}}.',
    cancelled: 'Đã hủy; không có tệp nào được tạo.',
    failed: 'Không tạo được tệp Excel',
    close: 'Đóng',
  },
  export: 'Xuất Excel',
  exportHint: 'Xuất danh sách đang xem (đúng bộ lọc, thứ tự và các cột đang hiện) ra tệp Excel.',
};

export const reportsEn: Translations<typeof reportsVi> = {
  title: 'Reports',
  intro: 'Reports to the Vietnam Cooperative Alliance in the administrative format: an A4 Excel workbook with the heading, the tables, the recipients and the chair’s signature block (from Settings).',
  sheets: 'Contains: {{sheets}}',
  year: 'Year',
  from: 'From',
  to: 'To',
  today: 'The register as it stands today.',
  make: 'Make the report',
  documentNumber: 'Document number',
  documentNumberPrefix: 'No.',
  documentNumberHint: 'The number in the outgoing register; leave empty to print dots and write it by hand.',
  report: {
    'register-statistics': 'Statistics of the collective economic organizations for a year',
    'trade-promotion': 'Trade-promotion activity',
    agreements: 'Agreements signed and their fulfilment',
    register: 'List of the collective economic organizations',
  },
  job: {
    reportTitle: 'Making the report',
    exportTitle: 'Exporting to Excel',
    downloaded: 'Downloaded {{fileName}}.',
    cancelled: 'Cancelled; no file was made.',
    failed: 'The Excel file could not be made',
    close: 'Close',
  },
  export: 'Export to Excel',
  exportHint: 'Exports the list as shown (the same filters, order and visible columns) to an Excel file.',
};
