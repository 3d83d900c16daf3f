/**
 * The fields each kind of import fills, how a cell becomes a value for each, and the Vietnamese
 * headers offices write above them. Headers are compared folded (`headerKey`), so "Mã số thuế",
 * "MÃ SỐ THUẾ" and "Ma so thue (*)" are one header.
 */
import type { ImportKind } from '../../../shared/domain';
import { foldText } from '../../../shared/text';
import { figureAmountWords, type FigureAmountWords } from '../../../shared/writtenAmounts';

/**
 * How a cell is read: the row's converter then hands the values to the contract's own schema. A
 * `money` amount is a number in đồng, multiplied by the unit its header names ("(triệu đồng)").
 */
export type FieldType = 'text' | 'email' | 'code' | 'phone' | 'date' | 'period' | 'number' | 'money' | 'choice' | 'flag';

/**
 * `perMonth`, `lossWord` (`FigureAmountWords`): an amount a month that may say so ("5 triệu/tháng"),
 * a profit that may be written as a loss ("lỗ 20", "Lỗ 1,5 tỷ") — the figures' own
 * (`figureAmountWords`), read the same way by the year grid and the figures form.
 */
export interface ImportField extends FigureAmountWords {
  key: string;
  /** As it reads in a message: "Ngày thành lập". */
  label: string;
  type: FieldType;
  required: boolean;
  /** Headers that mean this field, as written; folded when compared. */
  headers: string[];
  /** Another field whose column feeds this required one when it has none (`ImportFieldInfo.fedAlsoBy`). */
  fedAlsoBy?: string;
  /**
   * A less precise column of another field, read only where that field's own column is blank: the
   * founding year beside the founding day.
   */
  fallbackFor?: string;
  /** A period in one cell ("tháng 3–5/2025"): the date fields its first and last day fill (periods.ts). */
  fills?: { from: string; until: string };
  /** A quantity that may be written with its unit after it ("1,5 tấn"): the unit is read apart (`ReadRow.units`). */
  unitAfter?: boolean;
  /** A price that may say the unit it is for ("7.500 đ/kg") or be written as a range ("12.000 – 15.000"). */
  price?: boolean;
  /** A year that may be written with its word ("Năm 2025"). */
  yearWord?: boolean;
}

function field(key: string, label: string, type: FieldType, headers: string[], required = false): ImportField {
  return { key, label, type, required, headers: [label, ...headers] };
}

const nameHeaders = [
  'Tên HTX',
  'Tên hợp tác xã',
  'Tên HTX/THT',
  'Tên HTX, THT',
  'Tên HTX, LH HTX',
  'Tên HTX/LH HTX/THT',
  'Tên đơn vị',
  'Tên tổ chức kinh tế tập thể',
  'Tên tổ chức KTTT',
  'Tên TCKTTT',
  'Tên HTX, QTD',
  'Tên HTX, QTDND',
  'Tên HTX/QTDND',
  'Tên HTX, LHHTX, QTDND',
  'Tên THT',
  'Tên tổ hợp tác',
  'Tên',
];
const addressHeaders = ['Địa chỉ trụ sở', 'Trụ sở', 'Địa chỉ trụ sở chính', 'Địa chỉ cũ', 'Địa chỉ liên hệ', 'Địa chỉ (cũ)', 'Địa bàn'];
// A district's own list writes «Xã, thị trấn»: before 1 July 2025 a huyện had no phường.
const communeHeaders = [
  'Xã',
  'Phường',
  'Xã/phường',
  'Phường/xã',
  'Xã, phường',
  'Xã, phường, đặc khu',
  'Xã/phường/thị trấn',
  'Xã, phường, thị trấn',
  'Phường, xã, thị trấn',
  'Xã/phường/đặc khu',
  'Xã, thị trấn',
  'Xã/thị trấn',
  'Xã, TT',
  'Xã/TT',
  'Phường, thị trấn',
];
/** Districts ended on 1 July 2025: a district column is part of an old address, never the address. */
const districtHeaders = [
  'Huyện',
  'Quận',
  'Quận/huyện',
  'Quận, huyện',
  'Huyện/thị xã',
  'Huyện, thị xã',
  'Huyện/thị xã/thành phố',
  'Huyện, thị xã, thành phố',
  'Quận/huyện/thị xã',
  'Huyện/TX/TP',
  'Huyện/thành phố',
  'Thị xã',
];
const phoneHeaders = ['Số điện thoại', 'SĐT', 'Số ĐT', 'ĐT', 'Điện thoại liên hệ', 'Số điện thoại liên hệ', 'SĐT liên hệ', 'ĐT liên hệ', 'Điện thoại di động', 'Di động', 'Điện thoại cố định'];
/** Yearly figures an organizations list often carries beside each organization. */
const figureFieldsInList = (): ImportField[] => [
  field('membersOfficial', 'Số thành viên chính thức', 'number', ['Số thành viên', 'Thành viên chính thức', 'Tổng số thành viên', 'Số TV', 'Số TV chính thức', 'Thành viên', 'TV chính thức', 'Số xã viên', 'Xã viên', 'Tổng số TV', 'Số tổ viên', 'Tổ viên']),
  field('membersAssociate', 'Số thành viên liên kết', 'number', ['Thành viên liên kết', 'TV liên kết', 'Số TV liên kết']),
  field('workers', 'Số lao động thường xuyên', 'number', ['Lao động thường xuyên', 'Số lao động', 'Lao động', 'LĐ thường xuyên', 'Số LĐ', 'Số lao động thường xuyên (người)']),
  field('revenue', 'Doanh thu', 'money', ['Doanh thu (đồng)', 'Tổng doanh thu', 'Doanh thu năm']),
  { ...field('profit', 'Lợi nhuận', 'money', ['Lợi nhuận (đồng)', 'Lãi', 'Lợi nhuận trước thuế', 'Lợi nhuận sau thuế', 'Lãi/lỗ', 'Lãi, lỗ']), ...figureAmountWords.profit },
  { ...field('averageIncome', 'Thu nhập bình quân', 'money', [
      'Thu nhập bình quân người lao động',
      'Thu nhập bình quân (đồng/người/tháng)',
      'Thu nhập BQ',
      'Thu nhập',
      'Thu nhập bình quân của thành viên',
      'Thu nhập BQ của thành viên',
      'Thu nhập bình quân thành viên',
      'Thu nhập bình quân của người lao động',
      'Thu nhập BQ của người lao động',
      'Thu nhập bình quân của thành viên, người lao động',
      'Thu nhập bình quân/người/tháng',
      'Thu nhập bình quân/người/năm',
      'TNBQ',
      'TN bình quân',
    ]), ...figureAmountWords.averageIncome },
  field('totalAssets', 'Tổng tài sản', 'money', ['Tài sản', 'Tổng tài sản (đồng)']),
  field('managers', 'Số cán bộ quản lý', 'number', ['Cán bộ quản lý', 'Số CBQL']),
  field('managersWithDegree', 'Số cán bộ quản lý có trình độ cao đẳng trở lên', 'number', ['Cán bộ quản lý có trình độ cao đẳng trở lên', 'Trình độ cao đẳng trở lên', 'CBQL trình độ cao đẳng trở lên']),
  field('classification', 'Xếp loại', 'choice', ['Kết quả xếp loại', 'Phân loại', 'Đánh giá, phân loại', 'Xếp loại năm']),
  field('score', 'Điểm xếp loại', 'number', ['Điểm', 'Tổng điểm']),
];

/** The organization a row of figures or products belongs to: by number, else by name and place. */
const organizationKeyFields: ImportField[] = [
  field('registrationNo', 'Mã số HTX', 'code', [
    'Mã số thuế',
    'MST',
    'Mã số HTX (mã số thuế)',
    'Mã số doanh nghiệp',
    'Số ĐKKD',
    'Mã số ĐKKD',
    'Mã số đăng ký',
    'Số đăng ký kinh doanh',
    'Mã số',
    'Mã số thuế/ĐKKD',
    'MST/Mã số ĐKKD',
    'Mã số HTX/MST',
    'Số ĐKKD/MST',
    'Số GCN ĐKKD',
    'Số giấy chứng nhận đăng ký',
  ]),
  field('organizationName', 'Tên tổ chức', 'text', [...nameHeaders, 'Đơn vị']),
  field('address', 'Địa chỉ', 'text', addressHeaders),
  field('commune', 'Xã, phường', 'text', communeHeaders),
  field('district', 'Quận, huyện (cũ)', 'text', districtHeaders),
];

export const importFields: Record<ImportKind, ImportField[]> = {
  organizations: [
    field('kind', 'Loại hình', 'choice', ['Loại hình tổ chức', 'Loại hình kinh tế tập thể', 'Loại', 'Loại hình HTX', 'Mô hình', 'Loại hình tổ chức kinh tế tập thể']),
    field('name', 'Tên tổ chức', 'text', nameHeaders, true),
    field('shortName', 'Tên viết tắt', 'text', ['Tên giao dịch', 'Tên ngắn']),
    organizationKeyFields[0] as ImportField,
    // The commune column places an organization whose list has no address column.
    { ...field('address', 'Địa chỉ', 'text', addressHeaders, true), fedAlsoBy: 'commune' },
    field('commune', 'Xã, phường', 'text', communeHeaders),
    field('district', 'Quận, huyện (cũ)', 'text', districtHeaders),
    field('province', 'Tỉnh, thành phố', 'text', ['Tỉnh', 'Tỉnh/thành phố', 'Tỉnh/TP', 'Tỉnh, TP']),
    field('street', 'Số nhà, đường, ấp/thôn', 'text', ['Số nhà', 'Ấp', 'Thôn', 'Ấp/thôn', 'Ấp, khóm', 'Ấp/số nhà', 'Số nhà, ấp', 'Thôn/ấp', 'Ấp, khu phố', 'Ấp/khóm', 'Số nhà, đường']),
    field('foundedOn', 'Ngày thành lập', 'date', [
      'Ngày đăng ký',
      'Ngày cấp ĐKKD',
      'Ngày cấp GCN ĐKKD',
      'Ngày cấp giấy chứng nhận đăng ký',
      'Ngày, tháng, năm thành lập',
      'Ngày tháng năm thành lập',
      'Ngày đăng ký thành lập',
      'Thành lập',
      'Ngày TL',
      'Ngày thành lập HTX',
      'Thời gian thành lập',
      // A tổ hợp tác begins with its cooperation contract, certified by the commune.
      'Ngày chứng thực hợp đồng hợp tác',
      'Ngày ký hợp đồng hợp tác',
    ]),
    // Alone, it is the founding date (as its first day); beside a column of the day, the day wins.
    { ...field('foundedYear', 'Năm thành lập', 'date', ['Năm TL', 'Năm thành lập HTX']), fallbackFor: 'foundedOn' },
    field('sectorCode', 'Lĩnh vực hoạt động', 'choice', ['Lĩnh vực', 'Ngành nghề', 'Ngành nghề kinh doanh', 'Lĩnh vực sản xuất kinh doanh', 'Ngành', 'Lĩnh vực hoạt động chính', 'Ngành nghề chính', 'Lĩnh vực SXKD', 'Ngành nghề SXKD', 'Lĩnh vực kinh doanh']),
    field('phone', 'Điện thoại', 'phone', phoneHeaders),
    field('email', 'Thư điện tử', 'email', ['Email', 'E-mail', 'Thư điện tử']),
    field('website', 'Trang web', 'text', ['Website']),
    field('representative', 'Người đại diện theo pháp luật', 'text', [
      'Người đại diện',
      'Họ và tên người đại diện',
      'Họ tên người đại diện',
      'Người đại diện pháp luật',
      'Giám đốc',
      'Họ tên giám đốc',
      'Họ và tên giám đốc',
      'Chủ nhiệm',
      'Giám đốc/Chủ nhiệm',
      'Chủ nhiệm/Giám đốc',
      'Chủ tịch HĐQT',
      'Chủ tịch HĐQT kiêm giám đốc',
      'Chủ tịch HĐQT/Giám đốc',
      'Đại diện',
      'Tổ trưởng',
      'Chủ nhiệm HTX',
      'Giám đốc HTX',
      'Họ tên chủ nhiệm',
      'Họ và tên chủ nhiệm',
    ]),
    field('charterCapital', 'Vốn điều lệ', 'money', ['Vốn điều lệ (đồng)', 'Vốn điều lệ (triệu đồng)', 'Vốn', 'Vốn điều lệ đăng ký', 'VĐL', 'Vốn ĐL', 'Vốn đăng ký', 'Vốn góp', 'Tổng vốn điều lệ']),
    field('sizeClass', 'Quy mô', 'choice', ['Quy mô doanh nghiệp']),
    field('memberSince', 'Ngày gia nhập Liên minh', 'date', ['Ngày gia nhập', 'Ngày vào Liên minh', 'Thành viên Liên minh từ']),
    // Read to be checked, not stored: a status follows the dated events of Quá trình hoạt động.
    field('status', 'Tình trạng hoạt động', 'text', ['Tình trạng', 'Trạng thái', 'Trạng thái hoạt động', 'Hiện trạng', 'Hiện trạng hoạt động']),
    // Read to be checked, not stored either: the register keeps no remark of an organization, and
    // one saying "đã giải thể năm 2023" must not pass unseen.
    field('remark', 'Ghi chú', 'text', ['Chú thích', 'Ghi chú khác']),
    field('highTech', 'Ứng dụng công nghệ cao', 'flag', ['Công nghệ cao', 'UDCNC']),
    field('valueChain', 'Sản xuất theo chuỗi giá trị', 'flag', ['Chuỗi giá trị', 'Liên kết chuỗi']),
    ...figureFieldsInList(),
  ],
  figures: [...organizationKeyFields, { ...field('year', 'Năm', 'number', ['Năm báo cáo', 'Năm số liệu']), yearWord: true }, ...figureFieldsInList()],
  partners: [
    field('name', 'Tên đối tác', 'text', ['Tên doanh nghiệp', 'Tên đơn vị', 'Tên công ty', 'Tên', 'Đơn vị'], true),
    field('kind', 'Loại đối tác', 'choice', ['Loại hình', 'Loại']),
    // An enterprise's line: the contract refuses one for another kind, at its cell.
    field('businessLine', 'Ngành kinh doanh', 'choice', ['Lĩnh vực kinh doanh', 'Ngành nghề', 'Ngành nghề kinh doanh', 'Lĩnh vực', 'Ngành']),
    field('shortName', 'Tên viết tắt', 'text', ['Tên giao dịch']),
    field('taxCode', 'Mã số thuế', 'code', ['MST', 'Mã số doanh nghiệp', 'Mã số']),
    // A list of enterprises often writes the province only at the end of the address.
    { ...field('province', 'Tỉnh, thành phố', 'text', ['Tỉnh', 'Tỉnh/thành phố', 'Tỉnh/TP'], true), fedAlsoBy: 'address' },
    field('address', 'Địa chỉ', 'text', ['Địa chỉ trụ sở', 'Trụ sở']),
    field('contactName', 'Người liên hệ', 'text', ['Người đại diện', 'Liên hệ', 'Họ tên người liên hệ']),
    field('contactRole', 'Chức vụ', 'text', ['Chức vụ người liên hệ']),
    field('phone', 'Điện thoại', 'phone', phoneHeaders),
    field('email', 'Thư điện tử', 'email', ['Email', 'E-mail']),
    field('website', 'Trang web', 'text', ['Website']),
    field('buys', 'Mặt hàng cần mua', 'text', ['Mặt hàng', 'Nhu cầu', 'Sản phẩm cần mua', 'Mặt hàng thu mua', 'Mặt hàng quan tâm', 'Sản phẩm quan tâm']),
    field('qualityRequirements', 'Yêu cầu chất lượng', 'text', ['Tiêu chuẩn chất lượng', 'Yêu cầu']),
    field('note', 'Ghi chú', 'text', []),
  ],
  products: [
    ...organizationKeyFields,
    field('name', 'Tên sản phẩm', 'text', ['Sản phẩm', 'Tên hàng', 'Mặt hàng'], true),
    field('productGroup', 'Nhóm sản phẩm', 'text', ['Nhóm', 'Nhóm hàng', 'Loại sản phẩm']),
    field('unit', 'Đơn vị tính', 'text', ['ĐVT', 'Đơn vị']),
    { ...field('volume', 'Sản lượng', 'number', ['Sản lượng/năm', 'Sản lượng năm', 'Sản lượng mỗi năm', 'Sản lượng/vụ', 'Sản lượng mỗi vụ', 'Khối lượng']), unitAfter: true },
    { ...field('price', 'Giá bán', 'money', ['Giá', 'Đơn giá', 'Giá bán (đồng)']), price: true },
    field('note', 'Ghi chú', 'text', []),
  ],
  offers: [
    ...organizationKeyFields,
    field('product', 'Sản phẩm', 'text', ['Tên sản phẩm', 'Tên hàng', 'Mặt hàng', 'Sản phẩm, hàng hóa', 'Tên sản phẩm, hàng hóa'], true),
    field('productGroup', 'Nhóm sản phẩm', 'text', ['Nhóm', 'Nhóm hàng', 'Loại sản phẩm', 'Ngành hàng']),
    { ...field('quantity', 'Số lượng', 'number', ['Sản lượng', 'Khối lượng', 'Sản lượng cần tiêu thụ', 'Sản lượng có thể cung ứng', 'Số lượng cung ứng'], true), unitAfter: true },
    field('unit', 'Đơn vị tính', 'text', ['ĐVT', 'Đơn vị'], true),
    {
      ...field('availableFrom', 'Có hàng từ ngày', 'date', ['Thời gian thu hoạch từ', 'Thời gian cung ứng từ', 'Từ ngày', 'Bắt đầu thu hoạch', 'Thu hoạch từ'], true),
      fedAlsoBy: 'availablePeriod',
    },
    field('availableUntil', 'Có hàng đến ngày', 'date', ['Thời gian thu hoạch đến', 'Thời gian cung ứng đến', 'Đến ngày', 'Kết thúc thu hoạch', 'Thu hoạch đến']),
    // Lists mostly give the harvest as one cell: "15/3/2025", "tháng 3–5/2025", "01/05 – 30/09/2025".
    {
      ...field('availablePeriod', 'Thời gian có hàng', 'period', ['Thời gian thu hoạch', 'Thời gian cung ứng', 'Thời điểm thu hoạch', 'Mùa vụ', 'Thời vụ', 'Thời gian']),
      fills: { from: 'availableFrom', until: 'availableUntil' },
    },
    { ...field('priceMin', 'Giá từ', 'money', ['Giá', 'Giá bán', 'Đơn giá', 'Giá bán (đồng)', 'Giá thấp nhất', 'Giá bán dự kiến', 'Giá dự kiến']), price: true },
    { ...field('priceMax', 'Giá đến', 'money', ['Giá cao nhất']), price: true },
    field('packaging', 'Quy cách đóng gói', 'text', ['Quy cách', 'Đóng gói', 'Bao bì']),
    field('deliveryTerms', 'Điều kiện giao hàng', 'text', ['Giao hàng', 'Phương thức giao hàng']),
    field('contactName', 'Người liên hệ', 'text', ['Liên hệ', 'Họ tên người liên hệ']),
    field('contactPhone', 'Điện thoại liên hệ', 'phone', ['Điện thoại', 'Số điện thoại', 'SĐT', 'ĐT']),
    field('note', 'Ghi chú', 'text', []),
  ],
  demands: [
    field('buyerName', 'Bên có nhu cầu', 'text', ['Tên đối tác', 'Tên doanh nghiệp', 'Đơn vị thu mua', 'Đơn vị có nhu cầu', 'Tên đơn vị', 'Doanh nghiệp', 'Đơn vị'], true),
    field('buyerTaxCode', 'Mã số thuế', 'code', ['MST', 'Mã số doanh nghiệp', 'Mã số HTX']),
    // Where the buyer is: kept on a buyer the list adds to the partners, whose province it gives.
    field('buyerAddress', 'Địa chỉ bên có nhu cầu', 'text', ['Địa chỉ', 'Địa chỉ doanh nghiệp', 'Địa chỉ đơn vị', 'Trụ sở']),
    // The kind of a buyer whose name does not say it ("Co.opmart Cần Thơ"), for one the list adds.
    // Not a bare «Loại»: in a list of what is asked for, that is the goods' grade ("Loại 1").
    field('buyerKind', 'Loại bên có nhu cầu', 'choice', ['Loại đối tác', 'Loại hình', 'Loại doanh nghiệp']),
    field('product', 'Sản phẩm', 'text', ['Tên sản phẩm', 'Tên hàng', 'Mặt hàng', 'Mặt hàng cần mua', 'Sản phẩm cần mua'], true),
    field('productGroup', 'Nhóm sản phẩm', 'text', ['Nhóm', 'Nhóm hàng', 'Loại sản phẩm', 'Ngành hàng']),
    { ...field('quantity', 'Số lượng', 'number', ['Số lượng cần mua', 'Khối lượng', 'Sản lượng', 'Nhu cầu'], true), unitAfter: true },
    field('unit', 'Đơn vị tính', 'text', ['ĐVT', 'Đơn vị'], true),
    { ...field('neededFrom', 'Cần từ ngày', 'date', ['Thời gian từ', 'Từ ngày', 'Thời gian nhận hàng từ', 'Ngày cần hàng'], true), fedAlsoBy: 'neededPeriod' },
    field('neededUntil', 'Cần đến ngày', 'date', ['Thời gian đến', 'Đến ngày', 'Thời gian nhận hàng đến', 'Hạn nhận hàng']),
    {
      ...field('neededPeriod', 'Thời gian cần hàng', 'period', ['Thời gian nhận hàng', 'Thời gian thu mua', 'Thời điểm cần hàng', 'Thời gian']),
      fills: { from: 'neededFrom', until: 'neededUntil' },
    },
    field('deliveryProvince', 'Tỉnh, thành phố giao hàng', 'text', ['Tỉnh giao hàng', 'Tỉnh, thành phố', 'Tỉnh/TP']),
    field('deliveryPlace', 'Nơi giao hàng', 'text', ['Địa điểm giao hàng', 'Địa chỉ giao hàng', 'Nơi nhận hàng']),
    field('requirements', 'Chứng nhận yêu cầu', 'text', ['Tiêu chuẩn', 'Tiêu chuẩn chất lượng', 'Yêu cầu chứng nhận', 'Chứng nhận']),
    field('qualityNote', 'Yêu cầu chất lượng khác', 'text', ['Yêu cầu chất lượng', 'Yêu cầu khác']),
    { ...field('priceMin', 'Giá từ', 'money', ['Giá', 'Giá mua', 'Đơn giá', 'Giá thu mua', 'Giá mua dự kiến', 'Giá dự kiến', 'Giá thấp nhất']), price: true },
    // A buyer's ceiling: the most it pays, alone or above a Giá từ.
    { ...field('priceMax', 'Giá đến', 'money', ['Giá cao nhất', 'Giá tối đa', 'Giá mua tối đa']), price: true },
    field('contactName', 'Người liên hệ', 'text', ['Liên hệ', 'Họ tên người liên hệ']),
    field('contactPhone', 'Điện thoại liên hệ', 'phone', ['Điện thoại', 'Số điện thoại', 'SĐT', 'ĐT']),
    field('note', 'Ghi chú', 'text', []),
  ],
};

/**
 * A header as compared: folded, what is in brackets dropped ("(*)", "(đồng)", "(dd/mm/yyyy)"),
 * punctuation as spaces, and a leading numbering ("1.", "a)") dropped.
 */
export function headerKey(header: string): string {
  return foldText(header)
    .replace(/\([^)]*\)|\[[^\]]*\]/g, ' ')
    .replace(/[.,;:/\\_*\-–—"'“”]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(\d+|[a-z])\s+(?=\p{L})/u, '');
}

/** What a header names, per kind: folded header → field key. */
const headerIndexes = new Map<ImportKind, Map<string, string>>(
  Object.entries(importFields).map(([kind, fields]) => {
    const index = new Map<string, string>();
    // Earlier fields win a header two fields share ("Tên" names the organization, not the product).
    for (const { key, headers } of [...fields].reverse()) for (const header of headers) index.set(headerKey(header), key);
    return [kind as ImportKind, index];
  }),
);

/**
 * A year a folded header names in its text, with what leads up to it: "nam 2024", "2024",
 * "tinh den 31 12 2024" (31/12/2024 once folded).
 */
const yearInHeader = /(?:^| )(?:(?:tinh )?den (?:het )?(?:ngay )?|tai (?:ngay )?|ngay )?(?:\d{1,2} ){0,2}(?:nam )?(?:19|20)\d{2}(?= |$)/g;

/**
 * A folded header without the one year it names ("doanh thu nam 2024" → "doanh thu"); null when it
 * names none, or several ("Doanh thu 2023–2024" is of no one year, so it names no field by itself).
 * Whether that year is the list's is the analysis's to judge (`ofYear` in pipeline.ts).
 */
function withoutItsYear(key: string): string | null {
  const years = new Set(Array.from(key.matchAll(/(?<!\d)(?:19|20)\d{2}(?!\d)/g), (match) => match[0]));
  return years.size === 1 ? key.replace(yearInHeader, ' ').replace(/\s+/g, ' ').trim() : null;
}

/**
 * The field a header names. A multi-row header reads "Thông tin liên hệ - Điện thoại": the whole,
 * then its last part, then its first part are tried, each as written and then without the year it
 * names ("Doanh thu năm 2024 (triệu đồng)" is "Doanh thu").
 */
export function fieldOfHeader(kind: ImportKind, header: string): string | null {
  const index = headerIndexes.get(kind);
  if (!index) return null;
  const parts = header.split(' - ');
  const keys = [header, parts.at(-1) ?? '', parts[0] ?? ''].map(headerKey);
  for (const key of [...keys, ...keys.map(withoutItsYear)]) {
    const field = key === null ? undefined : index.get(key);
    if (field) return field;
  }
  for (const key of keys.map(otherWording)) {
    const field = key === null ? undefined : index.get(key);
    if (field) return field;
  }
  return null;
}

/**
 * A folded header in the words the headers above are listed in, when it words them otherwise;
 * null when it does not. A cooperative's certificate is a «Giấy chứng nhận đăng ký hợp tác xã»
 * (GCN ĐKHTX), what other lists call the «đăng ký kinh doanh» (ĐKKD); «CNC» is «công nghệ cao»
 * ("Ứng dụng CNC"); a person's column is often headed by «Họ tên» before the role ("Họ tên Chủ
 * tịch HĐQT kiêm Giám đốc"), which names the same column as the role alone, and a column of the
 * main one of several by «chính» after it ("Ngành nghề SXKD chính") names the column without it.
 */
function otherWording(key: string): string | null {
  const reworded = key
    .replace(/\bdkhtx\b/g, 'dkkd')
    .replace(/\bcnc\b/g, 'cong nghe cao')
    .replace(/\bdang ky (?:htx|hop tac xa)\b/g, 'dang ky')
    .replace(/^ho (?:va )?ten (?=\S)/, '')
    .replace(/(?<=\S) chinh$/, '');
  return reworded === key ? null : reworded;
}

/** Whether any kind's field is named by this (folded) header: how the reader tells the header row. */
export function isKnownHeader(kind: ImportKind, folded: string): boolean {
  return fieldOfHeader(kind, folded) !== null;
}

/** The key a mapping is remembered under: the file's headers, folded, in order. */
export function headerSignature(headers: readonly string[]): string {
  return headers.map(headerKey).join('|');
}

export function fieldsOf(kind: ImportKind): ImportField[] {
  return importFields[kind];
}
