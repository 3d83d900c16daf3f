/**
 * Vietnamese, the app's first language and the source of the message keys: `Messages` is derived
 * from this object, so the English file must cover every key.
 */
import { historyVi } from './areas/history';
import { figuresVi } from './areas/figures';
import { overviewVi } from './areas/overview';
import { partnersVi } from './areas/partners';
import { eventsVi } from './areas/events';
import { agreementsVi } from './areas/agreements';
import { attentionVi } from './areas/attention';
import { excelVi } from './areas/excel';
import { reportsVi } from './areas/reports';
import { registerVi } from './areas/register';
import { backupsVi } from './areas/backups';
import { supplyVi } from './areas/supply';
import { plansVi } from './areas/plans';

export const vi = {
  history: historyVi,
  register: registerVi,
  figures: figuresVi,
  overview: overviewVi,
  partners: partnersVi,
  events: eventsVi,
  agreements: agreementsVi,
  attention: attentionVi,
  excel: excelVi,
  reports: reportsVi,
  backups: backupsVi,
  supply: supplyVi,
  plans: plansVi,
  jobs: {
    phase: {
      starting: 'Đang bắt đầu',
      reading: 'Đang đọc tệp',
      validating: 'Đang kiểm tra từng dòng',
      matching: 'Đang đối chiếu với dữ liệu đã có',
      saving: 'Đang lưu',
      writing: 'Đang ghi tệp Excel',
      undoing: 'Đang hoàn tác',
      rebuilding: 'Đang cập nhật chỉ mục tìm kiếm và số liệu thống kê',
      backingUp: 'Đang sao lưu dữ liệu',
      checking: 'Đang kiểm tra toàn vẹn dữ liệu',
      writingArchive: 'Đang ghi tệp sao lưu',
      readingArchive: 'Đang đọc tệp sao lưu',
      working: 'Đang xử lý',
    },
    doneOfTotal: '{{done}} / {{total}} dòng',
    cancel: 'Hủy',
    progress: 'Tiến độ',
  },
  common: {
    appName: 'HTX Desk',
    loading: 'Đang tải…',
    retry: 'Thử lại',
    cancel: 'Hủy',
    close: 'Đóng',
    undo: 'Hoàn tác',
    moveToTrash: 'Chuyển vào Thùng rác',
    unexpectedError: 'Đã có lỗi ngoài dự kiến. Hãy thử lại.',
    loadFailed: 'Không tải được dữ liệu',
    saveAnyway: 'Vẫn lưu',
    pagination: '{{from, number}}–{{to, number}} trong {{total, number}}',
    unsaved: {
      title: 'Bỏ các thay đổi chưa lưu?',
      message: 'Những gì vừa nhập hoặc sửa trong biểu mẫu này chưa được lưu và sẽ mất.',
      discard: 'Bỏ thay đổi',
      keepEditing: 'Tiếp tục sửa',
    },
    noRecords: 'Không có dòng nào.',
    recordsPerPage: 'Số dòng mỗi trang',
    selectAll: 'Chọn tất cả',
    selectRow: 'Chọn dòng {{n}}',
    pageControl: {
      first: 'Trang đầu',
      previous: 'Trang trước',
      next: 'Trang sau',
      last: 'Trang cuối',
    },
  },
  fields: {
    /** Said by a form without a schema about a box it could not read; the box says why. */
    unreadable: 'Ô này chưa đúng.',
    number: {
      notNumber: '«{{text}}» không phải một số. Ghi chữ số; dấu chấm ngăn cách hàng nghìn, dấu phẩy trước phần lẻ (ví dụ 1.250,5).',
      notWholeNumber: '«{{text}}»: chỉ ghi số nguyên bằng chữ số, ví dụ 14 hoặc 1.250.',
      withUnit: '«{{text}}»: chỉ ghi số, theo đơn vị {{unit}} ghi bên cạnh ô (đổi ra {{unit}} nếu số đang theo đơn vị khác).',
      dotGrouping: '«{{text}}»: dấu chấm chỉ dùng để ngăn cách hàng nghìn (1.250); phần lẻ ghi sau dấu phẩy (1,5).',
      tooLarge: '«{{text}}» lớn quá mức cho phép.',
      notInteger: 'Chỉ nhận số nguyên, không có phần lẻ sau dấu phẩy.',
      tooManyDecimals: 'Chỉ ghi tối đa {{decimals}} chữ số sau dấu phẩy.',
      negative: 'Không được là số âm.',
      notPositive: 'Phải lớn hơn 0.',
      outOfRange: 'Phải từ {{min}} đến {{max}}.',
      belowMin: 'Không được nhỏ hơn {{min}}.',
      aboveMax: 'Không được lớn hơn {{max}}.',
      readAsAmount: '«{{typed}}» ghi nhận là {{amount}} đồng. Nếu không đúng, hãy sửa lại.',
      readAsCount: '«{{typed}}» ghi nhận là {{count}}.',
    },
    date: {
      format: '«{{text}}» chưa đúng dạng ngày/tháng/năm, ví dụ 05/06/2019.',
      shortYear: '«{{text}}»: hãy ghi năm đủ bốn chữ số, ví dụ 05/06/2019.',
      noMonth: 'Ngày {{text}} không có thật: không có tháng {{month}}.',
      noDay: 'Ngày {{text}} không có thật: tháng {{month}}/{{year}} có {{lastDay}} ngày.',
      beforeMin: 'Không được trước ngày {{date}}.',
      afterMax: 'Không được sau ngày {{date}}.',
    },
    time: {
      format: '«{{text}}» chưa đúng dạng giờ:phút, ví dụ 08:30 hoặc 14:00.',
      noMinutes: '«{{text}}»: hãy ghi cả phút, ví dụ {{example}}.',
      noHour: 'Giờ {{text}} không có thật: giờ chỉ từ 0 đến 23.',
      noMinute: 'Giờ {{text}} không có thật: phút chỉ từ 00 đến 59.',
    },
  },
  nav: {
    skipToMain: 'Bỏ qua đến nội dung chính',
    label: 'Các phần của ứng dụng',
    toggle: 'Mở hoặc đóng danh mục',
    overview: 'Tổng quan',
    attention: 'Cần chú ý',
    members: 'Thành viên',
    partners: 'Đối tác',
    events: 'Sự kiện',
    agreements: 'Thỏa thuận',
    plans: 'Kế hoạch, chỉ tiêu',
    supplyDemand: 'Kết nối cung – cầu',
    import: 'Nhập từ Excel',
    reports: 'Báo cáo',
    settings: 'Cài đặt',
  },
  alliance: {
    name: 'Tên Liên minh',
    province: 'Tỉnh, thành phố',
    provincePlaceholder: 'Gõ để tìm, ví dụ: dong thap',
    noProvince: 'Không có tỉnh, thành phố nào khớp',
    address: 'Địa chỉ',
    chairName: 'Họ tên Chủ tịch',
    chairNameHint: 'Dùng ở phần ký tên của các báo cáo.',
    phone: 'Điện thoại',
    email: 'Thư điện tử',
  },
  firstRun: {
    title: 'Chào mừng đến với HTX Desk',
    intro: 'Trước khi bắt đầu, hãy cho biết thông tin của Liên minh. Sau này có thể sửa lại trong phần Cài đặt.',
    submit: 'Bắt đầu sử dụng',
  },
  settings: {
    title: 'Cài đặt',
    allianceSection: 'Thông tin Liên minh',
    save: 'Lưu thay đổi',
    saved: 'Đã lưu thông tin Liên minh.',
    languageSection: 'Ngôn ngữ',
    languageLabel: 'Ngôn ngữ giao diện',
    language: { vi: 'Tiếng Việt', en: 'English' },
    dataSection: 'Về dữ liệu',
    version: 'Phiên bản HTX Desk',
    databaseFile: 'Tệp dữ liệu',
    schemaVersion: 'Phiên bản cấu trúc dữ liệu',
    otherFile: 'Trong ứng dụng trên máy tính, trình đơn Tệp → Mở tệp dữ liệu khác… dùng để mở một tệp dữ liệu khác.',
  },
  places: {
    nowIn: '{{province}} — nay gồm {{former}} (trước 01/07/2025)',
  },
  members: {
    title: 'Thành viên',
    total_other: '{{count, number}} tổ chức',
    // A broad search stops counting at a cap, to stay instant at national scale.
    totalCapped: 'Hơn {{count, number}} tổ chức',
    nearMatch: 'Gần đúng',
    nearMatchHint: 'Tìm thấy khi bỏ qua một chữ gõ nhầm',
    // Under a name found by its address from before 1 July 2025, which neither the name nor today's commune says.
    matchedOldAddress: 'Địa chỉ cũ: {{address}}',
    elsewhere: 'Ngoài tỉnh',
    elsewhereHint: 'Trụ sở ở {{province}}: có trong danh sách, không tính vào số liệu thống kê, báo cáo, kế hoạch của tỉnh',
    searchLabel: 'Tìm kiếm thành viên',
    searchPlaceholder: 'Tìm theo tên, mã số HTX, xã phường, địa chỉ cũ — gõ không dấu cũng được',
    allKinds: 'Tất cả',
    add: 'Thêm tổ chức',
    emptyTitle: 'Chưa có tổ chức thành viên nào',
    emptyDescription: 'Bấm «Thêm tổ chức» để nhập tổ chức đầu tiên.',
    noMatchTitle: 'Không tìm thấy tổ chức nào',
    column: {
      name: 'Tên tổ chức',
      kind: 'Loại hình',
      registrationNo: 'Mã số HTX',
      commune: 'Xã, phường',
      status: 'Trạng thái',
    },
  },
  organization: {
    kind: {
      htx: 'Hợp tác xã (HTX)',
      lhhtx: 'Liên hiệp HTX',
      tht: 'Tổ hợp tác (THT)',
      qtdnd: 'Quỹ tín dụng nhân dân (QTDND)',
    },
    kindShort: {
      htx: 'HTX',
      lhhtx: 'Liên hiệp HTX',
      tht: 'THT',
      qtdnd: 'QTDND',
    },
    status: {
      active: 'Đang hoạt động',
      suspended: 'Tạm ngừng',
      dissolving: 'Đang giải thể',
      dissolved: 'Đã giải thể',
      bankrupt: 'Phá sản',
      reorganized: 'Đã tổ chức lại',
    },
    form: {
      title: 'Thêm tổ chức',
      kind: 'Loại hình',
      kindPlaceholder: 'Chọn loại hình',
      name: 'Tên tổ chức',
      shortName: 'Tên viết tắt',
      // Each kind's own number, which is also its tax code: a THT has a Mã số THT, not a Mã số HTX.
      registrationNo: {
        htx: 'Mã số HTX (mã số thuế)',
        lhhtx: 'Mã số liên hiệp HTX (mã số thuế)',
        tht: 'Mã số THT (mã số thuế)',
        qtdnd: 'Mã số thuế',
      },
      registrationNoHint: '10 chữ số; chi nhánh thêm gạch ngang và 3 chữ số.',
      commune: 'Xã, phường',
      communePlaceholder: 'Gõ tên để tìm, không cần dấu',
      noCommune: 'Không có xã, phường nào khớp',
      street: 'Số nhà, đường, ấp/thôn',
      submit: 'Lưu tổ chức',
      created: 'Đã thêm {{name}}.',
    },
  },
};
