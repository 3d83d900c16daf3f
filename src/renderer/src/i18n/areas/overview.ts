/** Messages of the overview screens: Vietnamese first; English must cover every key. */
import type { Translations } from '../messages';

export const overviewVi = {
  title: 'Tổng quan',
  subtitle: 'Năm {{year}}, so với năm {{previous}}',
  year: 'Năm thống kê',
  noFiguresTitle: 'Chưa có số liệu hằng năm',
  noFiguresDescription: 'Các số đếm tổ chức vẫn được tính từ danh sách thành viên; thành viên, lao động, doanh thu sẽ có khi văn phòng nhập số liệu năm (Cập nhật số liệu năm).',
  none: 'Chưa có dữ liệu.',
  countLabel: 'Số tổ chức',
  change: {
    vs: '{{change}} so với năm {{year}}',
    same: 'Không đổi so với năm {{year}}',
  },
  card: {
    organizations: 'Tổ chức kinh tế tập thể',
    members: 'Thành viên',
    membersSplit: '{{official}} chính thức · {{associate}} liên kết',
    workers: 'Lao động thường xuyên',
    revenue: 'Doanh thu bình quân một HTX',
    profit: 'Lợi nhuận bình quân: {{value}}',
    income: 'Thu nhập bình quân người lao động / tháng',
    reporting: '{{reporting}} trong {{total}} tổ chức đã có số liệu năm',
  },
  classification: {
    title: 'Xếp loại năm {{year}}',
    goodOrFair: '{{percent}}% xếp loại Tốt hoặc Khá.',
  },
  flow: {
    title: 'Thành lập mới và chấm dứt trong năm {{year}}',
    founded: 'Thành lập mới',
    ended: 'Chấm dứt',
    total: 'Tổng cộng',
  },
  sector: {
    title: 'Số tổ chức theo lĩnh vực hoạt động',
  },
  commune: {
    title: 'Số tổ chức theo xã, phường ({{n}} nơi nhiều nhất)',
    tableLabel: 'Số tổ chức theo xã, phường',
    commune: 'Xã, phường',
    count: 'Số tổ chức',
  },
  attention: {
    title: 'Cần chú ý: chứng nhận sắp hết hạn (90 ngày tới)',
    count: '{{n}} chứng nhận',
    none: 'Không có chứng nhận nào hết hạn trong 90 ngày tới.',
    number: 'số {{number}}',
    today: 'Hết hạn hôm nay',
    daysLeft: 'Còn {{n}} ngày',
    more: 'Và {{n}} chứng nhận khác.',
  },
};

export const overviewEn: Translations<typeof overviewVi> = {
  title: 'Overview',
  subtitle: '{{year}}, compared with {{previous}}',
  year: 'Year',
  noFiguresTitle: 'No yearly figures yet',
  noFiguresDescription: 'Organization counts still come from the register; members, workers and revenue appear once the office enters yearly figures (Update yearly figures).',
  none: 'No data yet.',
  countLabel: 'Organizations',
  change: {
    vs: '{{change}} compared with {{year}}',
    same: 'Unchanged from {{year}}',
  },
  card: {
    organizations: 'Collective economic organizations',
    members: 'Members',
    membersSplit: '{{official}} official · {{associate}} associate',
    workers: 'Regular workers',
    revenue: 'Average revenue per cooperative',
    profit: 'Average profit: {{value}}',
    income: 'Average income per worker per month',
    reporting: '{{reporting}} of {{total}} organizations have entered figures',
  },
  classification: {
    title: 'Classification {{year}}',
    goodOrFair: '{{percent}}% classified Good or Fair.',
  },
  flow: {
    title: 'Founded and ended in {{year}}',
    founded: 'Founded',
    ended: 'Ended',
    total: 'Total',
  },
  sector: {
    title: 'Organizations by sector',
  },
  commune: {
    title: 'Organizations by commune (top {{n}})',
    tableLabel: 'Organizations by commune',
    commune: 'Commune / ward',
    count: 'Organizations',
  },
  attention: {
    title: 'Needs attention: certifications expiring (next 90 days)',
    count: '{{n}} certifications',
    none: 'No certification expires in the next 90 days.',
    number: 'no. {{number}}',
    today: 'Expires today',
    daysLeft: '{{n}} days left',
    more: 'And {{n}} more.',
  },
};
