/**
 * A list as an alliance office keeps it, built here with every trait real lists have: title rows
 * and the national motto, a two-row merged header with a numbering row under it, section headings
 * by district, addresses from before 1 July 2025 in commune and district columns (a district's
 * commune that shares its name with a commune of today elsewhere in the merged province; old
 * communes divided between several; a town, thị trấn), dates written five ways, amounts with
 * thousands dots, a decimal comma and spaces in "triệu đồng", phone numbers and a tax code Excel
 * stored as numbers, coded values in words that are not the lookups' own, one cooperative written
 * twice in two spellings, figures (members, workers) beside each organization for the year the
 * title names, rows an office cannot import as they are, a totals row and a signature block.
 * Shared by the core test and the end-to-end journey.
 */
import ExcelJS from 'exceljs';

export const OFFICE_LIST_FILE = 'DS HTX THT nam 2024.xlsx';

/** What each organization of the list must become; `row` is its row in the sheet. */
export interface ExpectedOrganization {
  row: number;
  name: string;
  kind: 'htx' | 'lhhtx' | 'tht' | 'qtdnd';
  registrationNo: string | null;
  /** The commune of today; for an old commune divided between several, the one the person picks. */
  communeCode: string;
  oldAddress: string;
  street: string;
  foundedOn: string | null;
  sectorCode: string | null;
  phone: string;
  charterCapital: number | null;
  figures: { membersOfficial: number | null; membersAssociate: number | null; workers: number | null } | null;
  /** The place could not be settled alone: the person is asked (the two divided old communes, and one name not found). */
  asked?: { candidates: string[] } | 'anyCommune';
}

export const XA_VINH_AN = '30604';
export const XA_BINH_HOA = '30607';
export const XA_VINH_XUONG = '30385';
export const XA_TAN_AN = '30388';
export const PHUONG_TAN_CHAU = '30376';
export const XA_AN_PHU = '30337';
export const XA_NHON_HOI = '30346';
export const XA_PHU_HUU = '30352';
export const XA_MY_HOA_HUNG = '30313';

type Cell = string | number | Date | null;

/** The organizations' rows, in sheet order, with what each must become. */
const entries: { cells: Cell[]; expected: ExpectedOrganization | null }[] = [];
const sectionRows: number[] = [];

function add(cells: Cell[], expected: Omit<ExpectedOrganization, 'row'> | null): void {
  entries.push({ cells, expected: expected && { row: 0, ...expected } });
}

// Columns: STT | Tên HTX/THT | Loại hình | Mã số thuế | Ấp/số nhà | Xã/phường | Huyện | Ngày thành lập |
//          Lĩnh vực | SĐT | TV chính thức | TV liên kết | Số lao động | Vốn điều lệ (triệu đồng)
const sections: { heading: string; rows: [Cell[], Omit<ExpectedOrganization, 'row'> | null][] }[] = [
  {
    heading: 'I. HUYỆN CHÂU THÀNH',
    rows: [
      [
        [1, 'HTX NN Vĩnh Bình', 'HTX', 1600123456, 'ấp Vĩnh Hòa', 'Thị trấn Vĩnh Bình', 'Châu Thành', '15/03/2019', 'Trồng trọt', 912345678, 25, 10, 12, '1.250,5'],
        {
          name: 'HTX NN Vĩnh Bình',
          kind: 'htx',
          registrationNo: '1600123456',
          // Thị trấn Vĩnh Bình went into Xã Vĩnh An; a Xã Vĩnh Bình of today lies elsewhere.
          communeCode: XA_VINH_AN,
          oldAddress: 'ấp Vĩnh Hòa, Thị trấn Vĩnh Bình, Châu Thành',
          street: 'ấp Vĩnh Hòa',
          foundedOn: '2019-03-15',
          sectorCode: 'trong_trot',
          phone: '0912345678',
          charterCapital: 1_250_500_000,
          figures: { membersOfficial: 25, membersAssociate: 10, workers: 12 },
        },
      ],
      [
        [2, 'Hợp tác xã Dịch vụ nông nghiệp Bình Hòa', 'HTX DVNN', null, 'ấp Bình Phú', 'Xã Bình Hòa', 'Châu Thành', '5/6/19', 'Dịch vụ nông nghiệp', '0296 3841 234', 40, null, 20, 800],
        {
          name: 'Hợp tác xã Dịch vụ nông nghiệp Bình Hòa',
          kind: 'htx',
          registrationNo: null,
          communeCode: XA_BINH_HOA,
          oldAddress: 'ấp Bình Phú, Xã Bình Hòa, Châu Thành',
          street: 'ấp Bình Phú',
          foundedOn: '2019-06-05',
          // No sector is "dịch vụ nông nghiệp": left blank unless the person maps it.
          sectorCode: null,
          phone: '0296 3841 234',
          charterCapital: 800_000_000,
          figures: { membersOfficial: 40, membersAssociate: null, workers: 20 },
        },
      ],
      [
        [3, 'THT Rau an toàn An Hòa', 'THT', null, 'ấp An Thạnh', 'xã An Hòa', 'Châu Thành', 'năm 2018', 'Trồng trọt', null, 8, null, 8, null],
        {
          name: 'THT Rau an toàn An Hòa',
          kind: 'tht',
          registrationNo: null,
          // Not Kiên Giang's Phường An Hòa (Rạch Giá): the district says which.
          communeCode: XA_BINH_HOA,
          oldAddress: 'ấp An Thạnh, xã An Hòa, Châu Thành',
          street: 'ấp An Thạnh',
          foundedOn: '2018-01-01',
          sectorCode: 'trong_trot',
          phone: '',
          charterCapital: null,
          figures: { membersOfficial: 8, membersAssociate: null, workers: 8 },
        },
      ],
      // The first row again, spelled out: one cooperative, never two.
      [[4, 'Hợp tác xã Nông nghiệp Vĩnh Bình', 'Hợp tác xã', null, 'ấp Vĩnh Hòa', 'TT Vĩnh Bình', 'Châu Thành', null, null, null, 25, 10, 12, null], null],
      // Refused: a 31 February, and a negative number of workers.
      [[5, 'HTX Rau sạch Vĩnh An', 'HTX', null, 'ấp Vĩnh Thuận', 'Xã Vĩnh An', 'Châu Thành', '31/02/2024', 'Trồng trọt', null, 9, null, -5, 100], null],
    ],
  },
  {
    heading: 'II. THỊ XÃ TÂN CHÂU',
    rows: [
      [
        [6, 'HTX Vĩnh Hòa', 'Hợp tác xã', null, 'ấp Vĩnh Thạnh', 'Xã Vĩnh Hòa', 'TX Tân Châu', 43466, 'Thương mại dịch vụ', 2963822111, 12, null, 6, '2 000'],
        {
          name: 'HTX Vĩnh Hòa',
          kind: 'htx',
          registrationNo: null,
          // Tân Châu's Xã Vĩnh Hòa went into Xã Vĩnh Xương, not into today's Xã Vĩnh Hòa (old Kiên Giang's).
          communeCode: XA_VINH_XUONG,
          oldAddress: 'ấp Vĩnh Thạnh, Xã Vĩnh Hòa, TX Tân Châu',
          street: 'ấp Vĩnh Thạnh',
          foundedOn: '2019-01-01',
          sectorCode: 'thuong_mai_dich_vu',
          phone: '02963822111',
          charterCapital: 2_000_000_000,
          figures: { membersOfficial: 12, membersAssociate: null, workers: 6 },
        },
      ],
      [
        [7, 'HTX Đan lát Tân Thạnh', 'HTX', 101234567, 'ấp Tân Hậu', 'Tân Thạnh', 'Tân Châu', new Date(Date.UTC(2020, 6, 1)), 'Tiểu thủ công nghiệp', null, 15, 5, 30, 350],
        {
          name: 'HTX Đan lát Tân Thạnh',
          kind: 'htx',
          // Stored by Excel as a number: its leading 0 comes back.
          registrationNo: '0101234567',
          communeCode: XA_TAN_AN,
          oldAddress: 'ấp Tân Hậu, Tân Thạnh, Tân Châu',
          street: 'ấp Tân Hậu',
          foundedOn: '2020-07-01',
          sectorCode: 'cong_nghiep',
          phone: '',
          charterCapital: 350_000_000,
          figures: { membersOfficial: 15, membersAssociate: 5, workers: 30 },
        },
      ],
      [
        [8, 'HTX Nông nghiệp Long Thạnh', 'HTX', null, 'khóm Long Hưng', 'Phường Long Thạnh', 'Tân Châu', 2017, 'Tổng hợp', null, 9, null, null, null],
        {
          name: 'HTX Nông nghiệp Long Thạnh',
          kind: 'htx',
          registrationNo: null,
          communeCode: PHUONG_TAN_CHAU,
          oldAddress: 'khóm Long Hưng, Phường Long Thạnh, Tân Châu',
          street: 'khóm Long Hưng',
          foundedOn: '2017-01-01',
          sectorCode: 'nong_nghiep_tong_hop',
          phone: '',
          charterCapital: null,
          figures: { membersOfficial: 9, membersAssociate: null, workers: null },
        },
      ],
      // Refused: a tax code of five digits.
      [[9, 'HTX Thủy sản Tân An', 'HTX', '12345', 'ấp Tân Bình', 'Xã Tân An', 'Tân Châu', '01/01/2021', null, null, 10, null, 4, null], null],
    ],
  },
  {
    heading: 'III. HUYỆN AN PHÚ',
    rows: [
      [
        [10, 'HTX Dịch vụ nông nghiệp Phú Hội', 'HTX', null, 'ấp Phú Hiệp', 'Xã Phú Hội', 'An Phú', '20/05/2015', 'Trồng trọt', null, 30, null, 10, 500],
        {
          name: 'HTX Dịch vụ nông nghiệp Phú Hội',
          kind: 'htx',
          registrationNo: null,
          // Divided between Xã An Phú and Xã Nhơn Hội: asked; the person picks Nhơn Hội.
          communeCode: XA_NHON_HOI,
          oldAddress: 'ấp Phú Hiệp, Xã Phú Hội, An Phú',
          street: 'ấp Phú Hiệp',
          foundedOn: '2015-05-20',
          sectorCode: 'trong_trot',
          phone: '',
          charterCapital: 500_000_000,
          figures: { membersOfficial: 30, membersAssociate: null, workers: 10 },
          asked: { candidates: [XA_AN_PHU, XA_NHON_HOI] },
        },
      ],
      [
        [11, 'HTX Chăn nuôi Phước Hưng', 'HTX', null, 'ấp Phước Thạnh', 'Xã Phước Hưng', 'An Phú', '2016-09-12', 'Chăn nuôi', null, 11, null, 5, null],
        {
          name: 'HTX Chăn nuôi Phước Hưng',
          kind: 'htx',
          registrationNo: null,
          communeCode: XA_PHU_HUU,
          oldAddress: 'ấp Phước Thạnh, Xã Phước Hưng, An Phú',
          street: 'ấp Phước Thạnh',
          foundedOn: '2016-09-12',
          sectorCode: 'chan_nuoi',
          phone: '',
          charterCapital: null,
          figures: { membersOfficial: 11, membersAssociate: null, workers: 5 },
          asked: { candidates: [XA_AN_PHU, XA_NHON_HOI, XA_PHU_HUU] },
        },
      ],
      [
        [12, 'LH HTX An Phú', 'LH HTX', null, 'khóm An Hưng', 'Thị trấn An Phú', 'An Phú', '10/10/2022', 'Thương mại dịch vụ', null, 3, null, 4, 1500],
        {
          name: 'LH HTX An Phú',
          kind: 'lhhtx',
          registrationNo: null,
          communeCode: XA_AN_PHU,
          oldAddress: 'khóm An Hưng, Thị trấn An Phú, An Phú',
          street: 'khóm An Hưng',
          foundedOn: '2022-10-10',
          sectorCode: 'thuong_mai_dich_vu',
          phone: '',
          charterCapital: 1_500_000_000,
          figures: { membersOfficial: 3, membersAssociate: null, workers: 4 },
        },
      ],
      [
        [13, 'QTDND Phú Hữu', 'QTDND', null, 'ấp Phú Thạnh', 'Xã Phú Hữu', 'An Phú', '01/04/1997', 'Tín dụng', null, 1200, null, 9, '3.000'],
        {
          name: 'QTDND Phú Hữu',
          kind: 'qtdnd',
          registrationNo: null,
          communeCode: XA_PHU_HUU,
          oldAddress: 'ấp Phú Thạnh, Xã Phú Hữu, An Phú',
          street: 'ấp Phú Thạnh',
          foundedOn: '1997-04-01',
          sectorCode: 'tin_dung',
          phone: '',
          charterCapital: 3_000_000_000,
          figures: { membersOfficial: 1200, membersAssociate: null, workers: 9 },
        },
      ],
    ],
  },
  {
    heading: 'IV. CÁC ĐƠN VỊ KHÁC',
    rows: [
      [
        // Written after the reform: a commune of today, no district.
        [14, 'HTX Thủy sản Mỹ Hòa Hưng', 'HTX', 1600999888, 'tổ 5', 'Xã Mỹ Hòa Hưng', null, '01/08/2015', 'Thủy sản', '0296 3999 888', 20, 5, 15, 600],
        {
          name: 'HTX Thủy sản Mỹ Hòa Hưng',
          kind: 'htx',
          registrationNo: '1600999888',
          communeCode: XA_MY_HOA_HUNG,
          oldAddress: '',
          street: 'tổ 5',
          foundedOn: '2015-08-01',
          sectorCode: 'thuy_san',
          phone: '0296 3999 888',
          charterCapital: 600_000_000,
          figures: { membersOfficial: 20, membersAssociate: 5, workers: 15 },
        },
      ],
      [
        // A commune no list knows: the person chooses any commune.
        [15, 'HTX Mây tre Vĩnh Phước', 'HTX', null, 'ấp Vĩnh Phước', 'Xã Vĩnh Phước Mới', null, '12/12/2012', 'Tiểu thủ công nghiệp', null, 7, null, 7, null],
        {
          name: 'HTX Mây tre Vĩnh Phước',
          kind: 'htx',
          registrationNo: null,
          communeCode: XA_VINH_AN,
          oldAddress: 'ấp Vĩnh Phước, Xã Vĩnh Phước Mới',
          street: 'ấp Vĩnh Phước',
          foundedOn: '2012-12-12',
          sectorCode: 'cong_nghiep',
          phone: '',
          charterCapital: null,
          figures: { membersOfficial: 7, membersAssociate: null, workers: 7 },
          asked: 'anyCommune',
        },
      ],
    ],
  },
];

const HEADER_ROW = 5;
const FIRST_DATA_ROW = 8;
{
  let row = FIRST_DATA_ROW;
  for (const section of sections) {
    sectionRows.push(row);
    row += 1;
    for (const [cells, expected] of section.rows) {
      add(cells, expected);
      const entry = entries.at(-1);
      if (entry?.expected) entry.expected.row = row;
      row += 1;
    }
  }
}

/** Every organization the list must give, with its row. */
export const expectedOrganizations: ExpectedOrganization[] = entries.flatMap((entry) => (entry.expected ? [entry.expected] : []));

/** Rows of the sheet and what refuses them, cell by cell. */
export const refusedRows = {
  /** 31/02/2024, and −5 workers. */
  impossible: 13,
  /** A tax code of five digits. */
  badTaxCode: 18,
};
/** The second spelling of the first cooperative. */
export const duplicateRow = 12;
export const sectionHeadingRows = sectionRows;

export async function officeListWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('DS HTX, THT 2024');
  sheet.getCell('A1').value = 'LIÊN MINH HTX TỈNH AN GIANG';
  sheet.mergeCells('A1:E1');
  sheet.getCell('H1').value = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
  sheet.mergeCells('H1:N1');
  sheet.getCell('H2').value = 'Độc lập - Tự do - Hạnh phúc';
  sheet.mergeCells('H2:N2');
  sheet.getCell('A3').value = 'DANH SÁCH HỢP TÁC XÃ, TỔ HỢP TÁC TRÊN ĐỊA BÀN TỈNH NĂM 2024';
  sheet.mergeCells('A3:N3');

  const single: [string, string][] = [
    ['A', 'STT'],
    ['B', 'Tên HTX/THT'],
    ['C', 'Loại hình'],
    ['D', 'Mã số thuế'],
    ['H', 'Ngày thành lập'],
    ['I', 'Lĩnh vực'],
    ['J', 'SĐT'],
    ['M', 'Số lao động'],
    ['N', 'Vốn điều lệ (triệu đồng)'],
  ];
  for (const [letter, title] of single) {
    sheet.getCell(`${letter}${HEADER_ROW}`).value = title;
    sheet.mergeCells(`${letter}${HEADER_ROW}:${letter}${HEADER_ROW + 1}`);
  }
  sheet.getCell(`E${HEADER_ROW}`).value = 'Địa chỉ trụ sở';
  sheet.mergeCells(`E${HEADER_ROW}:G${HEADER_ROW}`);
  sheet.getCell(`E${HEADER_ROW + 1}`).value = 'Ấp/số nhà';
  sheet.getCell(`F${HEADER_ROW + 1}`).value = 'Xã/phường';
  sheet.getCell(`G${HEADER_ROW + 1}`).value = 'Huyện';
  sheet.getCell(`K${HEADER_ROW}`).value = 'Số thành viên';
  sheet.mergeCells(`K${HEADER_ROW}:L${HEADER_ROW}`);
  sheet.getCell(`K${HEADER_ROW + 1}`).value = 'Chính thức';
  sheet.getCell(`L${HEADER_ROW + 1}`).value = 'Liên kết';
  // The numbering line government forms put under the header.
  sheet.getRow(HEADER_ROW + 2).values = Array.from({ length: 14 }, (_, index) => `(${index + 1})`);

  let row = FIRST_DATA_ROW;
  let entry = 0;
  const totals = { official: 0, associate: 0, workers: 0 };
  for (const section of sections) {
    sheet.getCell(`A${row}`).value = section.heading;
    sheet.mergeCells(`A${row}:N${row}`);
    row += 1;
    for (let index = 0; index < section.rows.length; index += 1) {
      const cells = entries[entry]?.cells ?? [];
      sheet.getRow(row).values = cells.map((cell) => cell ?? null);
      const [official, associate, workers] = [cells[10], cells[11], cells[12]];
      if (typeof official === 'number') totals.official += official;
      if (typeof associate === 'number') totals.associate += associate;
      if (typeof workers === 'number') totals.workers += workers;
      entry += 1;
      row += 1;
    }
  }
  // The totals row closes the table; what follows is the signature block.
  sheet.getRow(row).values = [null, 'Tổng cộng', null, null, null, null, null, null, null, null, totals.official, totals.associate, totals.workers, null];
  sheet.getCell(`H${row + 2}`).value = 'An Giang, ngày 15 tháng 01 năm 2025';
  sheet.getCell(`H${row + 3}`).value = 'CHỦ TỊCH';
  sheet.getCell(`H${row + 6}`).value = 'Nguyễn Văn Bình';
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
