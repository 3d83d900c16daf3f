/**
 * Never changing what a person typed behind their back: a number read in the unit its column's
 * header names is shown as it is stored before anything is written, a number that unit makes
 * absurd is said (or refused past what the field holds), and a row whose own year is not the one
 * the list's title names is said.
 */
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { organizations, yearlyFigures } from '../../src/core/db/schema';
import type { ImportPreview } from '../../src/shared/contract';
import type { ImportKind } from '../../src/shared/domain';
import { analyze, commitOf, previewOf, proposedMapping, stage } from './importWorkbooks';
import { AN_GIANG, call, openTestApp, XA_VINH_AN, XA_VINH_BINH } from './support';

type TestApp = ReturnType<typeof openTestApp>;
let app: TestApp;

beforeEach(async () => {
  app = openTestApp(new Date('2026-11-23T08:00:00Z'));
  await call(app, 'alliance:save', { name: 'Liên minh Hợp tác xã tỉnh An Giang', provinceCode: AN_GIANG });
});
afterEach(() => app.close());

/** A one-sheet workbook: title rows, if any, then a header row and data rows. */
async function workbook(titles: string[], header: string[], rows: ExcelJS.CellValue[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Danh sách');
  for (const title of titles) sheet.addRow([title]);
  sheet.addRow(header);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function previewFile(bytes: Buffer | string, kind: ImportKind, year?: number): Promise<{ jobId: string; preview: ImportPreview }> {
  const { jobId, analysis } = await analyze(app, stage(app, kind === 'offers' ? 'Nguon cung.csv' : 'DS HTX.xlsx', bytes), kind);
  return previewOf(app, jobId, proposedMapping(analysis), year);
}

/** What the preview says of each row, but of its place: how an address was read is not this file's. */
const said = (preview: ImportPreview, list: 'problems' | 'notes') =>
  preview.page.rows.map((row) => row[list].filter((item) => !item.cell.startsWith('B')).map((item) => `${item.cell}: ${item.message}${item.heed ? ' [heed]' : ''}`));

describe('numbers read in the unit their header names', () => {
  it('shows each amount of a column in millions as written and as stored, and names the column’s unit', async () => {
    const bytes = await workbook(
      [],
      ['Tên HTX', 'Địa chỉ', 'Vốn điều lệ (triệu đồng)', 'Doanh thu (tr.đ)', 'Số thành viên'],
      [
        // A decimal comma (12,5 triệu): 1,5 triệu would be too little a revenue to be meant, and held back.
        ['HTX Nông nghiệp Vĩnh An', 'xã Vĩnh An, tỉnh An Giang', 1500, '12,5', 30],
        ['HTX Xoài Vĩnh Bình', 'xã Vĩnh Bình, tỉnh An Giang', '2.000', '1,5 tỷ', 12],
        ['HTX Rau Vĩnh An', 'xã Vĩnh An, tỉnh An Giang', '300.000.000 đ', null, 8],
      ],
    );
    const { jobId, preview } = await previewFile(bytes, 'organizations', 2025);
    expect(preview.columns.map(({ letter, field, multiple }) => [letter, field, multiple ?? null])).toEqual([
      ['A', 'name', null],
      ['B', 'address', null],
      ['C', 'charterCapital', 1_000_000],
      ['D', 'revenue', 1_000_000],
      ['E', 'membersOfficial', null],
    ]);
    // The no-break space Intl writes before ₫.
    expect(preview.page.rows.map((row) => row.values.slice(2).map((value) => value.replace(/\u00a0/g, ' ')))).toEqual([
      ['1500 → 1.500.000.000 ₫', '12,5 → 12.500.000 ₫', '30'],
      ['2.000 → 2.000.000.000 ₫', '1,5 tỷ → 1.500.000.000 ₫', '12'],
      ['300.000.000 đ → 300.000.000 ₫', '', '8'],
    ]);
    await commitOf(app, { previewJobId: jobId, decisions: [] });
    const stored = app.ctx.db
      .select({ capital: organizations.charterCapital, revenue: yearlyFigures.revenue })
      .from(organizations)
      .innerJoin(yearlyFigures, eq(yearlyFigures.organizationId, organizations.id))
      .orderBy(organizations.id)
      .all();
    expect(stored).toEqual([
      { capital: 1_500_000_000, revenue: 12_500_000 },
      { capital: 2_000_000_000, revenue: 1_500_000_000 },
      { capital: 300_000_000, revenue: null },
    ]);
  });

  it('says of an amount the header’s unit makes absurd that it was likely written in đồng, and refuses one past what the field holds', async () => {
    const bytes = await workbook(
      [],
      ['Tên HTX', 'Địa chỉ', 'Vốn điều lệ (triệu đồng)', 'Doanh thu (triệu đồng)', 'Tổng tài sản (tỷ đồng)', 'Thu nhập bình quân (nghìn đồng/người/tháng)'],
      [
        // Written in đồng under headers in millions, thousands: the typical slip.
        ['HTX Nông nghiệp Vĩnh An', 'xã Vĩnh An, tỉnh An Giang', '1.250.000.000', 1_250_000, null, 4_500_000],
        // Past the largest whole number stored: refused, with what was meant.
        ['HTX Xoài Vĩnh Bình', 'xã Vĩnh Bình, tỉnh An Giang', 800, 3_500, '1.250.000.000', 4_500],
        // Large, but no sum in đồng: the number and the header are to be looked at.
        ['HTX Rau Vĩnh An', 'xã Vĩnh An, tỉnh An Giang', null, null, 2_000, null],
      ],
    );
    const { jobId, preview } = await previewFile(bytes, 'organizations', 2025);
    expect(preview.page.rows.map((row) => row.status)).toEqual(['valid', 'invalid', 'valid']);
    expect(said(preview, 'problems')).toEqual([
      [],
      [
        'E3: Tổng tài sản: «1.250.000.000» ở cột tính bằng tỷ đồng là 1.250.000.000.000.000.000 đồng, quá mức có thể lưu, có lẽ ô đã ghi bằng đồng. Nếu là 1.250.000.000 đồng, hãy sửa ô thành 1,25 (hoặc ghi «1.250.000.000 đ») rồi nhập lại.',
      ],
      [],
    ]);
    expect(said(preview, 'notes')).toEqual([
      [
        'C2: Vốn điều lệ: «1.250.000.000» ở cột tính bằng triệu đồng là 1.250.000.000.000.000 đồng, lớn bất thường, có lẽ ô đã ghi bằng đồng. Nếu là 1.250.000.000 đồng, hãy sửa ô thành 1.250 (hoặc ghi «1.250.000.000 đ»). Dòng để «Bỏ qua» cho đến khi chọn việc cần làm cho dòng này. [heed]',
        'D2: Doanh thu: «1.250.000» ở cột tính bằng triệu đồng là 1.250.000.000.000 đồng, lớn bất thường, có lẽ ô đã ghi bằng đồng. Nếu là 1.250.000 đồng, hãy sửa ô thành 1,25 (hoặc ghi «1.250.000 đ»). Dòng để «Bỏ qua» cho đến khi chọn việc cần làm cho dòng này. [heed]',
        'F2: Thu nhập bình quân: «4.500.000» ở cột tính bằng nghìn đồng là 4.500.000.000 đồng, lớn bất thường, có lẽ ô đã ghi bằng đồng. Nếu là 4.500.000 đồng, hãy sửa ô thành 4.500 (hoặc ghi «4.500.000 đ»). Dòng để «Bỏ qua» cho đến khi chọn việc cần làm cho dòng này. [heed]',
      ],
      [],
      ['E4: Tổng tài sản: «2.000» ở cột tính bằng tỷ đồng là 2.000.000.000.000 đồng, lớn bất thường: hãy xem lại số và đơn vị ở tiêu đề cột. Dòng để «Bỏ qua» cho đến khi chọn việc cần làm cho dòng này. [heed]'],
    ]);
    // Held back until the person chooses; chosen, the row is written as it was read: the person was told.
    expect(preview.page.rows.map((row) => row.defaultAction)).toEqual(['skip', 'skip', 'skip']);
    const decisions = [2, 4].map((row) => ({ row, action: 'create' as const }));
    expect((await commitOf(app, { previewJobId: jobId, decisions })).summary).toMatchObject({ created: 2, failed: 1 });
    const stored = app.ctx.db
      .select({ capital: organizations.charterCapital, revenue: yearlyFigures.revenue, assets: yearlyFigures.totalAssets, income: yearlyFigures.averageIncome })
      .from(organizations)
      .leftJoin(yearlyFigures, eq(yearlyFigures.organizationId, organizations.id))
      .orderBy(organizations.id)
      .all();
    expect(stored).toEqual([
      { capital: 1_250_000_000_000_000, revenue: 1_250_000_000_000, assets: null, income: 4_500_000_000 },
      { capital: null, revenue: null, assets: 2_000_000_000_000, income: null },
    ]);
  });

  it('names the unit a quantity column’s header gives its numbers, and the multiple of a price column', async () => {
    await call(app, 'organizations:create', { kind: 'htx', name: 'HTX Xoài cát Phú Thạnh', communeCode: XA_VINH_BINH });
    const csv = ['Tên HTX;Địa chỉ;Tên sản phẩm;Sản lượng (tấn);Thu hoạch từ;Giá bán (nghìn đồng/kg)', 'HTX Xoài cát Phú Thạnh;Xã Vĩnh Bình;Xoài cát Hòa Lộc;30;15/06/2026;25'].join('\n');
    const { preview } = await previewFile(csv, 'offers');
    expect(preview.columns.filter((column) => column.unit !== undefined || column.multiple !== undefined)).toEqual([
      { letter: 'D', header: 'Sản lượng (tấn)', field: 'quantity', unit: 'tấn' },
      { letter: 'F', header: 'Giá bán (nghìn đồng/kg)', field: 'priceMin', multiple: 1_000 },
    ]);
    // A price is stated for the row's unit once read: its cell is shown as written, its note says how it was read.
    expect(preview.page.rows[0]?.values.slice(3)).toEqual(['30', '15/06/2026', '25']);
  });

  it('says a number whose comma was read as grouping thousands with what it counts: the đồng stored, a price with its unit, a quantity in the header’s unit', async () => {
    await call(app, 'organizations:create', { kind: 'htx', name: 'HTX Xoài cát Phú Thạnh', communeCode: XA_VINH_BINH });
    const csv = [
      'Tên HTX;Địa chỉ;Tên sản phẩm;Sản lượng (kg);Thu hoạch từ;Giá bán (nghìn đồng/kg)',
      'HTX Xoài cát Phú Thạnh;Xã Vĩnh Bình;Xoài cát Hòa Lộc;1,500;15/06/2026;7,500',
      'HTX Xoài cát Phú Thạnh;Xã Vĩnh Bình;Xoài keo;khoảng 20;15/06/2026;12',
    ].join('\n');
    const { preview } = await previewFile(csv, 'offers');
    expect(said(preview, 'notes').map((notes) => notes.filter((note) => /^[DF]\d/.test(note)).map((note) => note.replace(/\u00a0/g, ' ')))).toEqual([
      [
        'D2: Số lượng: «1,500» ghi nhận là 1.500 kg (dấu phẩy ngăn hàng nghìn); nếu là 1,5 thì hãy sửa trong tệp.',
        // 7.500 nghìn đồng, as the line above the rows says the column's numbers are read.
        'F2: Giá từ: «7,500» ghi nhận là 7.500 nghìn đồng = 7.500.000 ₫/kg (dấu phẩy ngăn hàng nghìn); nếu là 7,5 thì hãy sửa trong tệp.',
      ],
      ['D3: Số lượng: «khoảng 20» ghi nhận là 20 kg.'],
    ]);
  });

  it('says a number whose comma was read as grouping thousands in đồng in a column of đồng', async () => {
    const bytes = await workbook([], ['Tên HTX', 'Địa chỉ', 'Vốn điều lệ (đồng)'], [['HTX Nông nghiệp Vĩnh An', 'xã Vĩnh An, tỉnh An Giang', '25,000']]);
    const { preview } = await previewFile(bytes, 'organizations', 2025);
    expect(said(preview, 'notes')).toEqual([
      [
        'C2: Vốn điều lệ: «25,000» ghi nhận là 25.000\u00a0₫ (dấu phẩy ngăn hàng nghìn); nếu là 25 thì hãy sửa trong tệp.',
        // Read either way, too little for a charter capital: the row is held back.
        'C2: Vốn điều lệ: «25,000» ở cột tính bằng đồng là 25.000 đồng, nhỏ bất thường, có lẽ ô đã ghi bằng nghìn đồng. Nếu là 25.000.000 đồng, hãy sửa ô thành 25.000.000. Dòng để «Bỏ qua» cho đến khi chọn việc cần làm cho dòng này. [heed]',
      ],
    ]);
  });

  it('takes a sum written out in đồng from a million as typed, and holds back only a smaller one or a small one in a larger unit', async () => {
    const bytes = await workbook(
      [],
      ['Tên HTX', 'Địa chỉ', 'Vốn điều lệ (đồng)', 'Doanh thu (triệu đồng)'],
      [
        // A cooperative group's capital of five million, written out: what was typed.
        ['Tổ hợp tác Rau sạch Vĩnh An', 'xã Vĩnh An, tỉnh An Giang', 5_000_000, 300],
        ['HTX Nông nghiệp Vĩnh Bình', 'xã Vĩnh Bình, tỉnh An Giang', 800_000, 450],
        ['HTX Dịch vụ Vĩnh An', 'xã Vĩnh An, tỉnh An Giang', 2_000_000_000, 5],
      ],
    );
    const { preview } = await previewFile(bytes, 'organizations', 2025);
    expect(said(preview, 'notes')).toEqual([
      [],
      [
        'C3: Vốn điều lệ: «800.000» ở cột tính bằng đồng là 800.000 đồng, nhỏ bất thường, có lẽ ô đã ghi bằng nghìn đồng. Nếu là 800.000.000 đồng, hãy sửa ô thành 800.000.000. Dòng để «Bỏ qua» cho đến khi chọn việc cần làm cho dòng này. [heed]',
      ],
      [
        'D4: Doanh thu: «5» ở cột tính bằng triệu đồng là 5.000.000 đồng, nhỏ bất thường, có lẽ ô đã ghi bằng tỷ đồng. Nếu là 5.000.000.000 đồng, hãy sửa ô thành 5.000. Dòng để «Bỏ qua» cho đến khi chọn việc cần làm cho dòng này. [heed]',
      ],
    ]);
  });
});

describe('a row whose own year is not the list’s', () => {
  it('says at the Năm cell that the row’s figures go into the year it writes, not the one the title names', async () => {
    await call(app, 'organizations:create', { kind: 'htx', name: 'HTX Nông nghiệp Vĩnh An', registrationNo: '1600111222', communeCode: XA_VINH_AN });
    await call(app, 'organizations:create', { kind: 'htx', name: 'HTX Xoài Vĩnh Bình', registrationNo: '1600333444', communeCode: XA_VINH_BINH });
    const bytes = await workbook(
      ['SỐ LIỆU HỢP TÁC XÃ NĂM 2025'],
      ['Năm', 'Mã số HTX', 'Số thành viên'],
      [
        [2025, '1600111222', 30],
        [2026, '1600333444', 12],
        ['Năm 2024', '1600111222', 28],
      ],
    );
    const { jobId, preview } = await previewFile(bytes, 'figures');
    expect(said(preview, 'notes')).toEqual([
      [],
      ['A4: Năm: dòng ghi năm 2026, khác năm 2025 ở tiêu đề danh sách; số liệu của dòng được ghi vào năm 2026. Nếu là năm 2025, hãy sửa ô Năm trong tệp. [heed]'],
      ['A5: Năm: dòng ghi năm 2024, khác năm 2025 ở tiêu đề danh sách; số liệu của dòng được ghi vào năm 2024. Nếu là năm 2025, hãy sửa ô Năm trong tệp. [heed]'],
    ]);
    expect(preview.counts.noted).toBe(2);
    // A note, not a refusal: left as they are, the rows go into the years they write.
    expect((await commitOf(app, { previewJobId: jobId, decisions: [] })).summary).toMatchObject({ created: 3, failed: 0 });
    expect(app.ctx.db.$client.prepare('SELECT year, members_official AS members FROM yearly_figures ORDER BY organization_id, year').all()).toEqual([
      { year: 2024, members: 28 },
      { year: 2025, members: 30 },
      { year: 2026, members: 12 },
    ]);
  });

  it('says nothing of the rows’ years when the list names none', async () => {
    await call(app, 'organizations:create', { kind: 'htx', name: 'HTX Nông nghiệp Vĩnh An', registrationNo: '1600111222', communeCode: XA_VINH_AN });
    const bytes = await workbook([], ['Năm', 'Mã số HTX', 'Số thành viên'], [[2024, '1600111222', 28], [2025, '1600111222', 30]]);
    const { preview } = await previewFile(bytes, 'figures');
    expect(said(preview, 'notes')).toEqual([[], []]);
  });
});
