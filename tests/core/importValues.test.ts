/**
 * Values as offices write them in the lists they import: money in the units their headers name,
 * formula results, counts and dates in words, phone numbers Excel stored as numbers, header
 * spellings, enterprises among the members, figures a save would refuse, and members named
 * without an address.
 */
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { organizations, yearlyFigures } from '../../src/core/db/schema';
import { scaleOfHeader } from '../../src/core/excel/import/cells';
import { fieldOfHeader } from '../../src/core/excel/import/fields';
import type { ImportAnalysis, ImportPreview } from '../../src/shared/contract';
import type { ImportKind } from '../../src/shared/domain';
import { analyze, commitOf, previewOf, proposedMapping, settle, stage } from './importWorkbooks';
import { AN_GIANG, call, openTestApp, XA_VINH_AN, XA_VINH_BINH } from './support';

type TestApp = ReturnType<typeof openTestApp>;
let app: TestApp;

beforeEach(async () => {
  app = openTestApp(new Date('2026-11-23T08:00:00Z'));
  await call(app, 'alliance:save', { name: 'Liên minh Hợp tác xã tỉnh An Giang', provinceCode: AN_GIANG });
});
afterEach(() => app.close());

/** A one-sheet workbook of a header row and data rows, as an office saves it. */
async function workbook(header: string[], rows: ExcelJS.CellValue[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Danh sách');
  sheet.addRow(header);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function previewFile(fileName: string, bytes: Buffer | string, kind: ImportKind, year?: number): Promise<{ jobId: string; preview: ImportPreview }> {
  const { jobId, analysis } = await analyze(app, stage(app, fileName, bytes), kind);
  return previewOf(app, jobId, proposedMapping(analysis), year);
}

const problemsOf = (preview: ImportPreview) => preview.page.rows.map((row) => [row.row, row.status, row.problems.map((problem) => `${problem.cell}: ${problem.message}`)]);

describe('money in the unit its header names', () => {
  it.each([
    ['Vốn điều lệ (tr.đ)', 1_000_000],
    ['Vốn điều lệ (Tr.đ)', 1_000_000],
    ['Vốn điều lệ (triệu đ)', 1_000_000],
    ['Doanh thu (Tr.đồng)', 1_000_000],
    ['Doanh thu (trđ)', 1_000_000],
    ['Doanh thu (tr đồng)', 1_000_000],
    ['Doanh thu (triệu)', 1_000_000],
    ['Doanh thu (Triệu VNĐ)', 1_000_000],
    ['Thu nhập BQ (tr.đ/người/tháng)', 1_000_000],
    ['Tổng tài sản (tỷ)', 1_000_000_000],
    ['Tổng tài sản (tỉ đồng)', 1_000_000_000],
    ['Tổng tài sản (tỷ đồng)', 1_000_000_000],
    ['Giá (nghìn đồng/kg)', 1_000],
    ['Giá (1.000đ)', 1_000],
    ['Vốn điều lệ (đồng)', 1],
    ['Vốn vay ngân hàng (đồng)', 1],
    ['Vốn góp của công ty đồng sáng lập', 1],
    ['Trị giá', 1],
  ])('reads «%s» as %d đồng a unit', (header, scale) => {
    expect(scaleOfHeader(header)).toBe(scale);
  });

  it('stores the amounts in đồng, and a formula result as Excel shows it', async () => {
    const bytes = await workbook(
      ['Tên HTX', 'Địa chỉ', 'Vốn điều lệ (tr.đ)', 'Thu nhập BQ (tr.đ/người/tháng)', 'Số thành viên'],
      [
        ['HTX Nông nghiệp Vĩnh An', 'xã Vĩnh An, tỉnh An Giang', 500, '4,5', 30],
        // The cached result of =C2*12, as Excel stores it.
        ['HTX Xoài Vĩnh Bình', 'xã Vĩnh Bình, tỉnh An Giang', { formula: 'C2*12', result: 6000.000000000001 }, null, { formula: 'E2/3', result: 10.000000000000002 }],
      ],
    );
    const { jobId, preview } = await previewFile('DS HTX.xlsx', bytes, 'organizations', 2025);
    expect(problemsOf(preview)).toEqual([
      [2, 'valid', []],
      [3, 'valid', []],
    ]);
    expect((await commitOf(app, { previewJobId: jobId, decisions: [] })).summary).toMatchObject({ created: 2, failed: 0 });
    const stored = app.ctx.db
      .select({ name: organizations.name, capital: organizations.charterCapital, income: yearlyFigures.averageIncome, members: yearlyFigures.membersOfficial })
      .from(organizations)
      .innerJoin(yearlyFigures, eq(yearlyFigures.organizationId, organizations.id))
      .orderBy(organizations.id)
      .all();
    expect(stored).toEqual([
      { name: 'HTX Nông nghiệp Vĩnh An', capital: 500_000_000, income: 4_500_000, members: 30 },
      { name: 'HTX Xoài Vĩnh Bình', capital: 6_000_000_000, income: null, members: 10 },
    ]);
  });

  it('reads an amount that names its own multiple ("1,5 tỷ", "500 triệu") as that many đồng, says so, and refuses one it cannot read', async () => {
    const bytes = await workbook(
      ['Tên HTX', 'Địa chỉ', 'Vốn điều lệ (triệu đồng)', 'Doanh thu (đồng)'],
      [
        ['HTX Nông nghiệp Vĩnh An', 'xã Vĩnh An, tỉnh An Giang', '1,5 tỷ', '2 tỷ 500 triệu'],
        ['HTX Xoài Vĩnh Bình', 'xã Vĩnh Bình, tỉnh An Giang', '500tr', '850 triệu đồng'],
        ['HTX Rau Vĩnh An', 'xã Vĩnh An, tỉnh An Giang', 300, '1.200.000.000 đ'],
        ['HTX Lúa Vĩnh Bình', 'xã Vĩnh Bình, tỉnh An Giang', 'khoảng 2 tỷ', null],
        // Written in đồng under a header in millions: the cell says which.
        ['HTX Nấm Vĩnh An', 'xã Vĩnh An, tỉnh An Giang', '300.000.000 đ', null],
        // "tỉ" is as right a spelling as "tỷ".
        ['HTX Cá Vĩnh Bình', 'xã Vĩnh Bình, tỉnh An Giang', '3,2 tỉ', '1 tỉ 200 triệu'],
      ],
    );
    const { jobId, preview } = await previewFile('DS HTX.xlsx', bytes, 'organizations', 2025);
    expect(problemsOf(preview)).toEqual([
      [2, 'valid', []],
      [3, 'valid', []],
      [4, 'valid', []],
      [5, 'invalid', ['C5: Vốn điều lệ: «khoảng 2 tỷ» không phải một số chính xác; hãy ghi đúng số, không kèm «khoảng».']],
      [6, 'valid', []],
      [7, 'valid', []],
    ]);
    expect(preview.page.rows.map((row) => row.notes.map((note) => `${note.cell}: ${note.message}`))).toEqual([
      ['C2: Vốn điều lệ: «1,5 tỷ» ghi nhận là 1.500.000.000 đồng.', 'D2: Doanh thu: «2 tỷ 500 triệu» ghi nhận là 2.500.000.000 đồng.'],
      ['C3: Vốn điều lệ: «500tr» ghi nhận là 500.000.000 đồng.', 'D3: Doanh thu: «850 triệu đồng» ghi nhận là 850.000.000 đồng.'],
      [],
      [],
      ['C6: Vốn điều lệ: «300.000.000 đ» ghi bằng đồng, ghi nhận là 300.000.000 đồng (không nhân theo tiêu đề cột).'],
      ['C7: Vốn điều lệ: «3,2 tỉ» ghi nhận là 3.200.000.000 đồng.', 'D7: Doanh thu: «1 tỉ 200 triệu» ghi nhận là 1.200.000.000 đồng.'],
    ]);
    await commitOf(app, { previewJobId: jobId, decisions: [] });
    const stored = app.ctx.db
      .select({ capital: organizations.charterCapital, revenue: yearlyFigures.revenue })
      .from(organizations)
      .leftJoin(yearlyFigures, eq(yearlyFigures.organizationId, organizations.id))
      .orderBy(organizations.id)
      .all();
    // The header's "(triệu đồng)" scales a bare number only.
    expect(stored).toEqual([
      { capital: 1_500_000_000, revenue: 2_500_000_000 },
      { capital: 500_000_000, revenue: 850_000_000 },
      { capital: 300_000_000, revenue: 1_200_000_000 },
      { capital: 300_000_000, revenue: null },
      { capital: 3_200_000_000, revenue: 1_200_000_000 },
    ]);
  });

  it('reads an income that says it is a month’s ("5 triệu/tháng", "4,5/tháng") or a year’s ("60 triệu/năm", stored as its twelfth)', async () => {
    const bytes = await workbook(
      ['Tên HTX', 'Địa chỉ', 'Thu nhập BQ (tr.đ/người/tháng)'],
      [
        ['HTX Nông nghiệp Vĩnh An', 'xã Vĩnh An, tỉnh An Giang', '5 triệu/tháng'],
        ['HTX Xoài Vĩnh Bình', 'xã Vĩnh Bình, tỉnh An Giang', '4,5/tháng'],
        ['HTX Rau Vĩnh An', 'xã Vĩnh An, tỉnh An Giang', '4.800.000 đ/người/tháng'],
        ['HTX Lúa Vĩnh Bình', 'xã Vĩnh Bình, tỉnh An Giang', '60 triệu/năm'],
        ['HTX Nếp Vĩnh Bình', 'xã Vĩnh Bình, tỉnh An Giang', '50 triệu/quý'],
      ],
    );
    const { jobId, preview } = await previewFile('DS HTX.xlsx', bytes, 'organizations', 2025);
    expect(problemsOf(preview)).toEqual([
      [2, 'valid', []],
      [3, 'valid', []],
      [4, 'valid', []],
      [5, 'valid', []],
      [6, 'invalid', ['C6: Thu nhập bình quân: «50 triệu/quý» không phải số.']],
    ]);
    expect(preview.page.rows.map((row) => row.notes.map((note) => note.message))).toEqual([
      ['Thu nhập bình quân: «5 triệu/tháng» ghi nhận là 5.000.000 đồng một tháng.'],
      ['Thu nhập bình quân: «4,5/tháng» ghi nhận là 4.500.000 đồng một tháng.'],
      ['Thu nhập bình quân: «4.800.000 đ/người/tháng» ghi nhận là 4.800.000 đồng một tháng.'],
      ['Thu nhập bình quân: «60 triệu/năm» là 60.000.000 đồng một năm, ghi nhận là 5.000.000 đồng một tháng.'],
      [],
    ]);
    await commitOf(app, { previewJobId: jobId, decisions: [] });
    expect(app.ctx.db.select({ income: yearlyFigures.averageIncome }).from(yearlyFigures).orderBy(yearlyFigures.organizationId).all()).toEqual([
      { income: 5_000_000 },
      { income: 4_500_000 },
      { income: 4_800_000 },
      { income: 5_000_000 },
    ]);
  });

  it('stores a year’s income from a column whose header says so ("triệu đồng/người/năm") as its twelfth, unless the cell says a month', async () => {
    const bytes = await workbook(
      ['Tên HTX', 'Địa chỉ', 'Thu nhập bình quân (triệu đồng/người/năm)'],
      [
        ['HTX Nông nghiệp Vĩnh An', 'xã Vĩnh An, tỉnh An Giang', 60],
        ['HTX Xoài Vĩnh Bình', 'xã Vĩnh Bình, tỉnh An Giang', '50'],
        ['HTX Rau Vĩnh An', 'xã Vĩnh An, tỉnh An Giang', '4 triệu/tháng'],
      ],
    );
    const { jobId, preview } = await previewFile('DS HTX.xlsx', bytes, 'organizations', 2025);
    expect(problemsOf(preview)).toEqual([
      [2, 'valid', []],
      [3, 'valid', []],
      [4, 'valid', []],
    ]);
    expect(preview.page.rows.map((row) => row.notes.map((note) => note.message))).toEqual([
      ['Thu nhập bình quân: «60» là 60.000.000 đồng một năm, ghi nhận là 5.000.000 đồng một tháng (cột ghi số một năm).'],
      ['Thu nhập bình quân: «50» là 50.000.000 đồng một năm, ghi nhận là 4.166.667 đồng một tháng (cột ghi số một năm).'],
      ['Thu nhập bình quân: «4 triệu/tháng» ghi nhận là 4.000.000 đồng một tháng.'],
    ]);
    await commitOf(app, { previewJobId: jobId, decisions: [] });
    expect(app.ctx.db.select({ income: yearlyFigures.averageIncome }).from(yearlyFigures).orderBy(yearlyFigures.organizationId).all()).toEqual([
      { income: 5_000_000 },
      { income: 4_166_667 },
      { income: 4_000_000 },
    ]);
  });

  it('reads a loss written as one («lỗ 20», «Lỗ: 1,5 tỷ», «(35)») as a negative profit, and says so', async () => {
    const bytes = await workbook(
      ['Tên HTX', 'Địa chỉ', 'Lãi/lỗ (triệu đồng)'],
      [
        ['HTX Nông nghiệp Vĩnh An', 'xã Vĩnh An, tỉnh An Giang', 'lỗ 20'],
        ['HTX Xoài Vĩnh Bình', 'xã Vĩnh Bình, tỉnh An Giang', 'Lỗ: 1,5 tỷ'],
        ['HTX Rau Vĩnh An', 'xã Vĩnh An, tỉnh An Giang', '(35)'],
        ['HTX Lúa Vĩnh Bình', 'xã Vĩnh Bình, tỉnh An Giang', 'lỗ nặng'],
      ],
    );
    const { jobId, preview } = await previewFile('DS HTX.xlsx', bytes, 'organizations', 2025);
    expect(problemsOf(preview)).toEqual([
      [2, 'valid', []],
      [3, 'valid', []],
      [4, 'valid', []],
      [5, 'invalid', ['C5: Lợi nhuận: «lỗ nặng» không phải số.']],
    ]);
    expect(preview.page.rows.slice(0, 3).map((row) => row.notes.map((note) => note.message))).toEqual([
      ['Lợi nhuận: «lỗ 20» là một khoản lỗ, ghi nhận là -20.000.000 đồng.'],
      ['Lợi nhuận: «Lỗ: 1,5 tỷ» là một khoản lỗ, ghi nhận là -1.500.000.000 đồng.'],
      ['Lợi nhuận: «(35)» là số âm (ghi trong ngoặc), ghi nhận là -35.000.000 đồng.'],
    ]);
    await commitOf(app, { previewJobId: jobId, decisions: [] });
    expect(app.ctx.db.select({ profit: yearlyFigures.profit }).from(yearlyFigures).orderBy(yearlyFigures.organizationId).all()).toEqual([
      { profit: -20_000_000 },
      { profit: -1_500_000_000 },
      { profit: -35_000_000 },
    ]);
  });

  it('never scales a count whose header happens to name a unit', async () => {
    const bytes = await workbook(
      ['Tên HTX', 'Địa chỉ', 'Số thành viên (triệu đồng vốn góp)'],
      [['HTX Nông nghiệp Vĩnh An', 'xã Vĩnh An, tỉnh An Giang', 30]],
    );
    const { jobId } = await previewFile('DS.xlsx', bytes, 'organizations', 2025);
    await commitOf(app, { previewJobId: jobId, decisions: [] });
    expect(app.ctx.db.select({ members: yearlyFigures.membersOfficial }).from(yearlyFigures).all()).toEqual([{ members: 30 }]);
  });
});

describe('counts of people written with their noun', () => {
  it('read "25 người", "12 lao động", "5 hộ" as the number, say so, and refuse any other words', async () => {
    // The first row of data is all words, one of them ending in a header's name ("lao động"): it
    // stays a row of data, not a second row of the header.
    const bytes = await workbook(
      ['Tên HTX', 'Địa chỉ', 'Số thành viên', 'TV liên kết', 'Số lao động'],
      [
        ['HTX Nông nghiệp Vĩnh An', 'xã Vĩnh An, tỉnh An Giang', '25 người', '5 hộ', '12 lao động'],
        ['HTX Xoài Vĩnh Bình', 'xã Vĩnh Bình, tỉnh An Giang', '1.250 TV', null, '8 LĐ'],
        ['HTX Lúa Vĩnh Bình', 'xã Vĩnh Bình, tỉnh An Giang', '25 người/tổ', null, null],
        // A word that is not the count's own unit: tonnes of members, households of workers, an estimate.
        ['HTX Cá Vĩnh An', 'xã Vĩnh An, tỉnh An Giang', '14 tấn', 'khoảng 14', '12 hộ'],
      ],
    );
    const { jobId, preview } = await previewFile('DS HTX.xlsx', bytes, 'organizations', 2025);
    expect(problemsOf(preview)).toEqual([
      [2, 'valid', []],
      [3, 'valid', []],
      [4, 'invalid', ['C4: Số thành viên chính thức: «25 người/tổ» không phải số.']],
      [5, 'invalid', ['C5: Số thành viên chính thức: «14 tấn» không phải số.', 'D5: Số thành viên liên kết: «khoảng 14» không phải một số chính xác; hãy ghi đúng số, không kèm «khoảng».', 'E5: Số lao động thường xuyên: «12 hộ» không phải số.']],
    ]);
    expect(preview.page.rows[0]?.notes.map((note) => `${note.cell}: ${note.message}`)).toEqual([
      'C2: Số thành viên chính thức: «25 người» ghi nhận là 25.',
      'D2: Số thành viên liên kết: «5 hộ» ghi nhận là 5.',
      'E2: Số lao động thường xuyên: «12 lao động» ghi nhận là 12.',
    ]);
    await commitOf(app, { previewJobId: jobId, decisions: [] });
    const stored = app.ctx.db
      .select({ official: yearlyFigures.membersOfficial, associate: yearlyFigures.membersAssociate, workers: yearlyFigures.workers })
      .from(yearlyFigures)
      .orderBy(yearlyFigures.organizationId)
      .all();
    expect(stored).toEqual([
      { official: 25, associate: 5, workers: 12 },
      { official: 1_250, associate: null, workers: 8 },
    ]);
  });
});

describe('founding dates as offices write them', () => {
  it('reads a day written in words as decisions write it, a month or a year alone with a note, and refuses a day that never was', async () => {
    const bytes = await workbook(
      ['Tên HTX', 'Địa chỉ', 'Ngày thành lập'],
      [
        ['HTX Nông nghiệp Vĩnh An', 'xã Vĩnh An, tỉnh An Giang', 'ngày 05 tháng 7 năm 2017'],
        ['HTX Xoài Vĩnh Bình', 'xã Vĩnh Bình, tỉnh An Giang', 'Ngày 5/7/2018'],
        ['HTX Lúa Vĩnh Bình', 'xã Vĩnh Bình, tỉnh An Giang', 'tháng 6 năm 2019'],
        ['HTX Cá Vĩnh An', 'xã Vĩnh An, tỉnh An Giang', '06/2020'],
        ['HTX Rau Vĩnh An', 'xã Vĩnh An, tỉnh An Giang', 'năm 2021'],
        ['HTX Nấm Vĩnh Bình', 'xã Vĩnh Bình, tỉnh An Giang', 'ngày 30 tháng 2 năm 2022'],
        ['HTX Sen Vĩnh An', 'xã Vĩnh An, tỉnh An Giang', 'T3/2016'],
        ['HTX Sả Vĩnh An', 'xã Vĩnh An, tỉnh An Giang', '2015-11'],
        ['HTX Tre Vĩnh An', 'xã Vĩnh An, tỉnh An Giang', '01/01/2030'],
        // A date pasted as its value into a text cell: Excel's day number.
        ['HTX Mía Vĩnh An', 'xã Vĩnh An, tỉnh An Giang', '43500'],
      ],
    );
    const { jobId, preview } = await previewFile('DS HTX.xlsx', bytes, 'organizations', 2025);
    expect(problemsOf(preview)).toEqual([
      [2, 'valid', []],
      [3, 'valid', []],
      [4, 'valid', []],
      [5, 'valid', []],
      [6, 'valid', []],
      [7, 'invalid', ['C7: Ngày thành lập: Ngày «ngày 30 tháng 2 năm 2022» không có thật: tháng 2/2022 không có ngày 30.']],
      [8, 'valid', []],
      [9, 'valid', []],
      // As on a person's save: the test's today is 23/11/2026.
      [10, 'invalid', ['C10: Ngày thành lập không được sau hôm nay (23/11/2026).']],
      [11, 'valid', []],
    ]);
    // A whole day is read as written; only what lacks a day or a month is said.
    expect(preview.page.rows.map((row) => row.notes.map((note) => `${note.cell}: ${note.message}`))).toEqual([
      [],
      [],
      ['C4: Ngày thành lập: chỉ ghi tháng 06/2019; ghi nhận là 01/06/2019.'],
      ['C5: Ngày thành lập: chỉ ghi tháng 06/2020; ghi nhận là 01/06/2020.'],
      ['C6: Ngày thành lập: chỉ ghi năm 2021; ghi nhận là 01/01/2021.'],
      [],
      ['C8: Ngày thành lập: chỉ ghi tháng 03/2016; ghi nhận là 01/03/2016.'],
      ['C9: Ngày thành lập: chỉ ghi tháng 11/2015; ghi nhận là 01/11/2015.'],
      [],
      ['C11: Ngày thành lập: «43500» là số ngày Excel lưu thay cho ngày, hiểu là 04/02/2019.'],
    ]);
    await commitOf(app, { previewJobId: jobId, decisions: [] });
    const stored = app.ctx.db.select({ name: organizations.name, foundedOn: organizations.foundedOn }).from(organizations).orderBy(organizations.id).all();
    expect(stored).toEqual([
      { name: 'HTX Nông nghiệp Vĩnh An', foundedOn: '2017-07-05' },
      { name: 'HTX Xoài Vĩnh Bình', foundedOn: '2018-07-05' },
      { name: 'HTX Lúa Vĩnh Bình', foundedOn: '2019-06-01' },
      { name: 'HTX Cá Vĩnh An', foundedOn: '2020-06-01' },
      { name: 'HTX Rau Vĩnh An', foundedOn: '2021-01-01' },
      { name: 'HTX Sen Vĩnh An', foundedOn: '2016-03-01' },
      { name: 'HTX Sả Vĩnh An', foundedOn: '2015-11-01' },
      { name: 'HTX Mía Vĩnh An', foundedOn: '2019-02-04' },
    ]);
  });
});

describe('a founding day ahead', () => {
  it('is refused in a list, unless it is the day the organization the row names already has', async () => {
    const successor = await call(app, 'organizations:create', { kind: 'htx', name: 'HTX Hợp nhất Vĩnh An', registrationNo: '1600999999', communeCode: XA_VINH_AN });
    // As a merger recorded ahead leaves its successor (the test's today is 23/11/2026).
    app.ctx.db.update(organizations).set({ foundedOn: '2027-01-01' }).where(eq(organizations.id, successor.id)).run();
    const bytes = await workbook(
      ['Tên HTX', 'Mã số HTX', 'Địa chỉ', 'Ngày thành lập'],
      [
        ['HTX Hợp nhất Vĩnh An', '1600999999', 'xã Vĩnh An, tỉnh An Giang', '01/01/2027'],
        ['HTX Hợp nhất Vĩnh An', '1600999999', 'xã Vĩnh An, tỉnh An Giang', '01/02/2027'],
        ['HTX Mới Vĩnh Bình', '', 'xã Vĩnh Bình, tỉnh An Giang', '01/01/2027'],
      ],
    );
    const { preview } = await previewFile('DS HTX.xlsx', bytes, 'organizations', 2025);
    expect(problemsOf(preview)).toEqual([
      [2, 'valid', []],
      [3, 'invalid', ['D3: Ngày thành lập không được sau hôm nay (23/11/2026).']],
      [4, 'invalid', ['D4: Ngày thành lập không được sau hôm nay (23/11/2026).']],
    ]);
  });
});

describe('headers as offices write them', () => {
  it.each([
    ['Mã số thuế/ĐKKD', 'registrationNo'],
    ['MST/Mã số ĐKKD', 'registrationNo'],
    ['Mã số HTX/MST', 'registrationNo'],
    ['Số ĐKKD/MST', 'registrationNo'],
    ['Số điện thoại liên hệ', 'phone'],
    ['Họ và tên người đại diện', 'representative'],
    ['Chủ nhiệm', 'representative'],
    ['Giám đốc/Chủ nhiệm', 'representative'],
    ['Ngày, tháng, năm thành lập', 'foundedOn'],
    ['Ngày cấp GCN ĐKKD', 'foundedOn'],
    ['Tên HTX, QTD', 'name'],
    ['Tên tổ chức KTTT', 'name'],
    ['Thu nhập BQ của thành viên (triệu đồng/người/năm)', 'averageIncome'],
    ['Thu nhập bình quân/người/năm', 'averageIncome'],
    ['TNBQ (tr.đ/người/tháng)', 'averageIncome'],
    ['Vốn ĐL (tr.đ)', 'charterCapital'],
    ['Vốn góp (triệu đồng)', 'charterCapital'],
    ['Năm TL', 'foundedYear'],
    ['Ngày TL', 'foundedOn'],
    ['Số xã viên', 'membersOfficial'],
    ['Họ tên Chủ nhiệm', 'representative'],
    ['Lợi nhuận sau thuế (tr.đ)', 'profit'],
    ['Xã, thị trấn', 'commune'],
    ['Xã/TT', 'commune'],
    // A year in the header's own cell: whether it is the list's year is the analysis's to judge.
    ['Doanh thu năm 2024 (triệu đồng)', 'revenue'],
    ['Lợi nhuận 2024', 'profit'],
    ['Số TV tính đến 31/12/2024', 'membersOfficial'],
    ['Số thành viên đến ngày 31/12/2024', 'membersOfficial'],
    ['Năm 2024 - Số lao động', 'workers'],
    // Two years, or a year alone, name no field.
    ['Doanh thu 2023-2024', null],
    ['Doanh thu năm 2023 so với năm 2024', null],
    ['Năm 2024', null],
  ])('reads «%s» as %s', (header, field) => {
    expect(fieldOfHeader('organizations', header)).toBe(field);
  });
});

describe('headers of a list of partners', () => {
  it.each([
    ['Mặt hàng quan tâm', 'buys'],
    ['Sản phẩm quan tâm', 'buys'],
    ['Mặt hàng thu mua', 'buys'],
    ['Tỉnh/TP', 'province'],
    ['MST', 'taxCode'],
  ])('reads «%s» as %s', (header, field) => {
    expect(fieldOfHeader('partners', header)).toBe(field);
  });
});

describe('phone numbers Excel stored as numbers', () => {
  it('gives an offer’s contact phone its leading 0 back, and says so', async () => {
    await call(app, 'organizations:create', { kind: 'htx', name: 'HTX Nông nghiệp Vĩnh Bình', registrationNo: '1600123456', communeCode: XA_VINH_AN });
    const programme = await call(app, 'programmes:create', { name: 'Kết nối cung – cầu 2026', startsOn: '2026-01-01' });
    const bytes = await workbook(
      ['Mã số HTX', 'Tên sản phẩm', 'Sản lượng', 'ĐVT', 'Thu hoạch từ', 'SĐT'],
      [['1600123456', 'Gạo thơm ST 25', 120, 'tấn', '01/12/2026', 912345678]],
    );
    const { jobId, analysis } = await analyze(app, stage(app, 'Nguon cung.xlsx', bytes), 'offers');
    const started = await call(app, 'imports:preview', { analysisJobId: jobId, mapping: proposedMapping(analysis), programmeId: programme.id });
    expect((await settle(app, started.jobId)).state).toBe('done');
    const preview = await call(app, 'imports:previewResult', { jobId: started.jobId, page: 1, pageSize: 10 });
    expect(preview.page.rows[0]?.notes).toEqual([{ cell: 'F2', message: 'Điện thoại liên hệ: «912345678» ghi nhận là 0912345678 (ô dạng số, Excel bỏ số 0 ở đầu).' }]);
    expect((await commitOf(app, { previewJobId: started.jobId, decisions: [] })).summary).toMatchObject({ created: 1, failed: 0 });
    const [offer] = (await call(app, 'offers:list', { programmeId: programme.id })).rows;
    expect((await call(app, 'offers:get', { id: offer?.id ?? 0 })).contactPhone).toBe('0912345678');
  });

  it('gives a phone written with the country code its + back, and says so', async () => {
    const bytes = await workbook(['Tên HTX', 'Địa chỉ', 'Điện thoại'], [['HTX Dịch vụ Số 7', 'xã Vĩnh An, tỉnh An Giang', 84912345678]]);
    const { jobId, analysis } = await analyze(app, stage(app, 'DS HTX.xlsx', bytes));
    const { jobId: previewJob, preview } = await previewOf(app, jobId, proposedMapping(analysis));
    expect(preview.page.rows[0]?.notes).toEqual([{ cell: 'C2', message: 'Điện thoại: «84912345678» ghi nhận là +84912345678 (ô dạng số, Excel bỏ dấu + của mã nước ở đầu).' }]);
    await commitOf(app, { previewJobId: previewJob, decisions: [] });
    expect(app.ctx.db.select({ phone: organizations.phone }).from(organizations).all()).toEqual([{ phone: '+84912345678' }]);
  });
});

describe('a phone number typed as text a digit short', () => {
  it('is kept as typed and asked about, where a whole one passes without a word', async () => {
    const bytes = await workbook(
      ['Tên HTX', 'Địa chỉ', 'Điện thoại'],
      [
        ['HTX Dịch vụ Số 7', 'xã Vĩnh An, tỉnh An Giang', '091 234 567'],
        ['HTX Dịch vụ Số 8', 'xã Vĩnh An, tỉnh An Giang', '0912 345 678'],
        ['HTX Dịch vụ Số 9', 'xã Vĩnh An, tỉnh An Giang', '0296 3852 123'],
      ],
    );
    const { jobId, analysis } = await analyze(app, stage(app, 'DS HTX.xlsx', bytes));
    const { jobId: previewJob, preview } = await previewOf(app, jobId, proposedMapping(analysis));
    expect(preview.page.rows.map((row) => row.notes)).toEqual([
      [{ cell: 'C2', message: 'Điện thoại: «091 234 567» chỉ có 9 chữ số (số di động có 10, số cố định 11 kể cả mã vùng), ghi như đã nhập; hãy kiểm tra lại số này.', heed: true }],
      [],
      [],
    ]);
    await commitOf(app, { previewJobId: previewJob, decisions: [] });
    expect(app.ctx.db.select({ phone: organizations.phone }).from(organizations).all().map((row) => row.phone)).toEqual(['091 234 567', '0912 345 678', '0296 3852 123']);
  });
});

describe('phone numbers and tax codes a CSV gives as bare digits', () => {
  it('gives them their leading 0 back as from a number cell, and says so', async () => {
    // Excel saves a number cell's digits into a CSV: the 0 it dropped does not come back as text.
    const csv = [
      'Mã số thuế;Tên HTX;Địa chỉ;Điện thoại',
      '101234567;HTX Dịch vụ Số 1;xã Vĩnh An, tỉnh An Giang;912345678',
      '1600123456;HTX Dịch vụ Số 2;xã Vĩnh An, tỉnh An Giang;2963852123',
      '1600123457;HTX Dịch vụ Số 3;xã Vĩnh An, tỉnh An Giang;84912345678',
      '1600123458;HTX Dịch vụ Số 4;xã Vĩnh An, tỉnh An Giang;0913123456',
    ].join('\n');
    const { jobId, preview } = await previewFile('DS HTX.csv', csv, 'organizations');
    expect(problemsOf(preview).map(([row, status]) => [row, status])).toEqual([
      [2, 'valid'],
      [3, 'valid'],
      [4, 'valid'],
      [5, 'valid'],
    ]);
    expect(preview.page.rows.map((row) => row.notes.map((note) => `${note.cell}: ${note.message}`))).toEqual([
      [
        'A2: Mã số HTX: «101234567» ghi nhận là 0101234567 (thiếu số 0 ở đầu, như khi Excel lưu ô dạng số).',
        'D2: Điện thoại: «912345678» ghi nhận là 0912345678 (thiếu số 0 ở đầu, như khi Excel lưu ô dạng số).',
      ],
      ['D3: Điện thoại: «2963852123» ghi nhận là 02963852123 (thiếu số 0 ở đầu, như khi Excel lưu ô dạng số).'],
      ['D4: Điện thoại: «84912345678» ghi nhận là +84912345678 (thiếu dấu + của mã nước ở đầu, như khi Excel lưu ô dạng số).'],
      [],
    ]);
    await commitOf(app, { previewJobId: jobId, decisions: [] });
    const stored = app.ctx.db.select({ code: organizations.registrationNo, phone: organizations.phone }).from(organizations).orderBy(organizations.id).all();
    expect(stored).toEqual([
      { code: '0101234567', phone: '0912345678' },
      { code: '1600123456', phone: '02963852123' },
      { code: '1600123457', phone: '+84912345678' },
      { code: '1600123458', phone: '0913123456' },
    ]);
  });
});

describe('two phone numbers in one cell', () => {
  it('takes them on two lines or with a spaced hyphen between, as the cell reads', async () => {
    const bytes = await workbook(
      ['Tên HTX', 'Địa chỉ', 'Điện thoại'],
      [
        ['HTX Nông nghiệp Vĩnh An', 'xã Vĩnh An, tỉnh An Giang', '0296 3841 234\n0913 123 456'],
        ['HTX Nông nghiệp Vĩnh Bình', 'xã Vĩnh Bình, tỉnh An Giang', '0296.3841.235 - 0913.123.457'],
        ['HTX Rau an toàn Vĩnh Bình', 'xã Vĩnh Bình, tỉnh An Giang', '0296 3841 236 5678'],
      ],
    );
    const { jobId, preview } = await previewFile('DS HTX.xlsx', bytes, 'organizations');
    expect(problemsOf(preview)).toEqual([
      [2, 'valid', []],
      [3, 'valid', []],
      [4, 'invalid', [expect.stringMatching(/^C4: Điện thoại chỉ gồm chữ số/) as unknown]],
    ]);
    expect((await commitOf(app, { previewJobId: jobId, decisions: [] })).summary).toMatchObject({ created: 2, failed: 1 });
    const stored = app.ctx.db.select({ name: organizations.name, phone: organizations.phone }).from(organizations).orderBy(organizations.id).all();
    expect(stored).toEqual([
      { name: 'HTX Nông nghiệp Vĩnh An', phone: '0296 3841 234 0913 123 456' },
      { name: 'HTX Nông nghiệp Vĩnh Bình', phone: '0296.3841.235 - 0913.123.457' },
    ]);
  });
});

describe('phone numbers with whose they are', () => {
  it('keeps a label before a number and a note after it as written, and still refuses a name run into one', async () => {
    const phones = ['ĐT: 0296 3851 234; DĐ: 0912.345.678', '0912 345 678 (anh Tâm, Giám đốc)', 'Anh Nam: 0912345678', '0913 123 456 – Chủ tịch HĐQT', 'SĐT 0913 123 457', '0913 123 458 anh Tâm'];
    const bytes = await workbook(
      ['Tên HTX', 'Địa chỉ', 'Điện thoại'],
      phones.map((phone, index) => [`HTX Nông nghiệp Số ${index + 1}`, 'xã Vĩnh An, tỉnh An Giang', phone]),
    );
    const { jobId, preview } = await previewFile('DS HTX.xlsx', bytes, 'organizations');
    expect(problemsOf(preview)).toEqual([
      [2, 'valid', []],
      [3, 'valid', []],
      [4, 'valid', []],
      [5, 'valid', []],
      [6, 'valid', []],
      [7, 'invalid', [expect.stringMatching(/^C7: Điện thoại chỉ gồm chữ số.*có thể có nhãn trước \(ĐT:, DĐ:\) và ghi chú trong ngoặc sau/) as unknown]],
    ]);
    expect((await commitOf(app, { previewJobId: jobId, decisions: [] })).summary).toMatchObject({ created: 5, failed: 1 });
    const stored = app.ctx.db.select({ phone: organizations.phone }).from(organizations).orderBy(organizations.id).all();
    expect(stored.map((row) => row.phone)).toEqual(phones.slice(0, 5));
  });
});

describe('cells that say there is nothing', () => {
  it('reads «-», «x», «chưa có», «N/A» as blank in every field but a flag’s, says so at the cell, and keeps what is stored', async () => {
    const existing = await call(app, 'organizations:create', {
      kind: 'htx',
      name: 'HTX Nông nghiệp Vĩnh An',
      registrationNo: '1600123456',
      communeCode: XA_VINH_AN,
      phone: '0296 3841 234',
      email: 'vinhan@gmail.com',
    });
    const bytes = await workbook(
      ['Tên HTX', 'Mã số HTX', 'Địa chỉ', 'Điện thoại', 'Email', 'Ngày thành lập', 'Số thành viên', 'Vốn điều lệ (triệu đồng)', 'Ứng dụng công nghệ cao'],
      [
        ['HTX Nông nghiệp Vĩnh An', '1600123456', 'xã Vĩnh An, tỉnh An Giang', '-', 'không có', 'Không rõ', 'x', 'N/A', 'x'],
        ['HTX Nông nghiệp Vĩnh Bình', 'Chưa cấp', 'xã Vĩnh Bình, tỉnh An Giang', 'chưa có', '…', '--', 'không', '-', ''],
        ['HTX Xoài Vĩnh Bình', 'chưa có MST', 'xã Vĩnh Bình, tỉnh An Giang', 'Đang cập nhật', '?', 'KXĐ', '12 người', '500', '-'],
      ],
    );
    const { jobId, preview } = await previewFile('DS HTX.xlsx', bytes, 'organizations', 2025);
    const notesOf = (row: number) => preview.page.rows.find((one) => one.row === row)?.notes.map((note) => `${note.cell}: ${note.message}`);
    expect(problemsOf(preview)).toEqual([
      [2, 'valid', []],
      [3, 'valid', []],
      [4, 'valid', []],
    ]);
    expect(notesOf(2)).toEqual([
      'D2: Điện thoại: «-» ghi nhận là để trống.',
      'E2: Thư điện tử: «không có» ghi nhận là để trống.',
      'F2: Ngày thành lập: «Không rõ» ghi nhận là để trống.',
      'G2: Số thành viên chính thức: «x» ghi nhận là để trống.',
      'H2: Vốn điều lệ: «N/A» ghi nhận là để trống.',
    ]);
    expect(notesOf(3)).toEqual([
      'B3: Mã số HTX: «Chưa cấp» ghi nhận là để trống.',
      'D3: Điện thoại: «chưa có» ghi nhận là để trống.',
      'E3: Thư điện tử: «…» ghi nhận là để trống.',
      'F3: Ngày thành lập: «--» ghi nhận là để trống.',
      'G3: Số thành viên chính thức: «không» ghi nhận là để trống.',
      'H3: Vốn điều lệ: «-» ghi nhận là để trống.',
    ]);
    // A flag's «-» is its «không»: nothing is said of it.
    expect(notesOf(4)).toEqual(['B4: Mã số HTX: «chưa có MST» ghi nhận là để trống.', 'D4: Điện thoại: «Đang cập nhật» ghi nhận là để trống.', 'E4: Thư điện tử: «?» ghi nhận là để trống.', 'F4: Ngày thành lập: «KXĐ» ghi nhận là để trống.', 'G4: Số thành viên chính thức: «12 người» ghi nhận là 12.']);
    expect((await commitOf(app, { previewJobId: jobId, decisions: [], bulk: { matched: 'update' } })).summary).toMatchObject({ created: 2, updated: 1, failed: 0 });
    // The list's blanks leave what the register holds; its tick is taken.
    expect(await call(app, 'organizations:get', { id: existing.id })).toMatchObject({ phone: '0296 3841 234', email: 'vinhan@gmail.com', highTech: true });
    const created = app.ctx.db.select().from(organizations).where(eq(organizations.name, 'HTX Nông nghiệp Vĩnh Bình')).get();
    expect(created).toMatchObject({ registrationNo: null, phone: '', email: '', foundedOn: null, charterCapital: null });
  });
});

describe('tax codes as lists write them', () => {
  it('reads the digits after a label, in dotted groups, with a branch after a slash or behind an apostrophe, and says so', async () => {
    const codes = ['MST: 1600123457', 'Mã số thuế: 1600 123 458', '1600.123.459', '1600123460/001', "'1600123461", '1600 123 462', '160012346', '1600.123.46'];
    const bytes = await workbook(
      ['Tên HTX', 'Mã số HTX', 'Địa chỉ'],
      codes.map((code, index) => [`HTX Dịch vụ Số ${index + 1}`, code, 'xã Vĩnh An, tỉnh An Giang']),
    );
    const { jobId, preview } = await previewFile('DS HTX.xlsx', bytes, 'organizations');
    const refusal = 'Mã số HTX (mã số thuế) gồm 10 chữ số, hoặc 10 chữ số, gạch ngang và 3 chữ số.';
    expect(problemsOf(preview).filter(([, status]) => status === 'invalid')).toEqual([
      // Nine digits in a text cell: the code asked for, as a person's save asks (`taxCodeField`).
      [8, 'invalid', ['B8: Mã số HTX có 10 chữ số, «160012346» mới có 9 — nếu Excel đã bỏ số 0 ở đầu, hãy ghi 0160012346.']],
      [9, 'invalid', [`B9: ${refusal}`]],
    ]);
    expect(preview.page.rows.flatMap((row) => row.notes.map((note) => `${note.cell}: ${note.message}`))).toEqual([
      'B2: Mã số HTX: «MST: 1600123457» ghi nhận là 1600123457.',
      'B3: Mã số HTX: «Mã số thuế: 1600 123 458» ghi nhận là 1600123458.',
      'B4: Mã số HTX: «1600.123.459» ghi nhận là 1600123459.',
      'B5: Mã số HTX: «1600123460/001» ghi nhận là 1600123460-001.',
      "B6: Mã số HTX: «'1600123461» ghi nhận là 1600123461.",
    ]);
    expect((await commitOf(app, { previewJobId: jobId, decisions: [] })).summary).toMatchObject({ created: 6, failed: 2 });
    const stored = app.ctx.db.select({ registrationNo: organizations.registrationNo }).from(organizations).orderBy(organizations.id).all();
    expect(stored.map((row) => row.registrationNo)).toEqual(['1600123457', '1600123458', '1600123459', '1600123460-001', '1600123461', '1600123462']);
  });
});

describe('values written among words', () => {
  it('reads an e-mail after its label or in brackets, a count with a remark, a day inside a sentence, and says how', async () => {
    const bytes = await workbook(
      ['Tên HTX', 'Địa chỉ', 'Email', 'Ngày thành lập', 'Số thành viên'],
      [
        ['HTX Dịch vụ Số 1', 'xã Vĩnh An, tỉnh An Giang', 'Email: so1@gmail.com', 'QĐ số 12 ngày 15/3/2019', '25 (10 nữ)'],
        ['HTX Dịch vụ Số 2', 'xã Vĩnh An, tỉnh An Giang', '<so2@gmail.com>', '15/3/2019 (cấp lại năm 2021)', '30 người (trong đó 12 nữ)'],
        ['HTX Dịch vụ Số 3', 'xã Vĩnh An, tỉnh An Giang', 'so3 @gmail.com.', 'Thành lập 01/4/2018, đổi tên 20/5/2021', '~30'],
        ['HTX Dịch vụ Số 4', 'xã Vĩnh An, tỉnh An Giang', 'so4@gmail,com', '', ''],
        ['HTX Dịch vụ Số 5', 'xã Vĩnh An, tỉnh An Giang', 'Email: so5@gmail.com / ketoan5@gmail.com', '', ''],
      ],
    );
    const { jobId, preview } = await previewFile('DS HTX.xlsx', bytes, 'organizations', 2025);
    expect(problemsOf(preview)).toEqual([
      [2, 'valid', []],
      [3, 'valid', []],
      [4, 'invalid', ['D4: Ngày thành lập: «Thành lập 01/4/2018, đổi tên 20/5/2021» không phải ngày dạng dd/mm/yyyy.', 'E4: Số thành viên chính thức: «~30» không phải một số chính xác; hãy ghi đúng số, không kèm «~».']],
      [5, 'invalid', ['C5: Thư điện tử không đúng dạng (ví dụ: lienminh@angiang.gov.vn).']],
      [6, 'valid', []],
    ]);
    expect(preview.page.rows.slice(0, 3).map((row) => row.notes.map((note) => `${note.cell}: ${note.message}`))).toEqual([
      [
        'C2: Thư điện tử: «Email: so1@gmail.com» ghi nhận là so1@gmail.com.',
        'D2: Ngày thành lập: «QĐ số 12 ngày 15/3/2019» ghi nhận là 15/03/2019.',
        'E2: Số thành viên chính thức: «25 (10 nữ)» ghi nhận là 25, không lưu phần trong ngoặc.',
      ],
      [
        'C3: Thư điện tử: «<so2@gmail.com>» ghi nhận là so2@gmail.com.',
        'D3: Ngày thành lập: «15/3/2019 (cấp lại năm 2021)» ghi nhận là 15/03/2019.',
        'E3: Số thành viên chính thức: «30 người (trong đó 12 nữ)» ghi nhận là 30, không lưu phần trong ngoặc.',
      ],
      ['C4: Thư điện tử: «so3 @gmail.com.» ghi nhận là so3@gmail.com.'],
    ]);
    expect(preview.page.rows[4]?.notes.map((note) => `${note.cell}: ${note.message}`)).toEqual(['C6: Thư điện tử: «Email: so5@gmail.com / ketoan5@gmail.com» ghi nhận là so5@gmail.com / ketoan5@gmail.com.']);
    expect((await commitOf(app, { previewJobId: jobId, decisions: [] })).summary).toMatchObject({ created: 3, failed: 2 });
    const stored = app.ctx.db.select({ email: organizations.email, foundedOn: organizations.foundedOn }).from(organizations).orderBy(organizations.id).all();
    expect(stored).toEqual([
      { email: 'so1@gmail.com', foundedOn: '2019-03-15' },
      { email: 'so2@gmail.com', foundedOn: '2019-03-15' },
      { email: 'so5@gmail.com / ketoan5@gmail.com', foundedOn: null },
    ]);
    const members = app.ctx.db.select({ members: yearlyFigures.membersOfficial }).from(yearlyFigures).orderBy(yearlyFigures.organizationId).all();
    expect(members).toEqual([{ members: 25 }, { members: 30 }]);
  });
});

describe('a comma before three digits', () => {
  it('reads it as grouping thousands, as lists copied from English ones write amounts, and says so, a comma being a decimal mark in Vietnamese', async () => {
    const bytes = await workbook(
      ['Tên HTX', 'Địa chỉ', 'Vốn điều lệ (triệu đồng)', 'Số thành viên'],
      [
        ['HTX Dịch vụ Số 1', 'xã Vĩnh An, tỉnh An Giang', '1,500', '1,200 người'],
        ['HTX Dịch vụ Số 2', 'xã Vĩnh An, tỉnh An Giang', '2,000', '25'],
        // Unambiguous: a decimal comma, thousands grouped by dots or by several commas.
        ['HTX Dịch vụ Số 3', 'xã Vĩnh An, tỉnh An Giang', '12,5', '1.200'],
        ['HTX Dịch vụ Số 4', 'xã Vĩnh An, tỉnh An Giang', '0,500', '1,234,567'],
      ],
    );
    const { jobId, preview } = await previewFile('DS HTX.xlsx', bytes, 'organizations', 2025);
    expect(preview.page.rows.map((row) => [row.row, row.status, row.notes.map((note) => `${note.cell}: ${note.message}`)])).toEqual([
      [
        2,
        'valid',
        [
          // In the column's millions, and in đồng as the cell shows it stored («1,500 → 1.500.000.000 ₫»).
          'C2: Vốn điều lệ: «1,500» ghi nhận là 1.500 triệu đồng = 1.500.000.000\u00a0₫ (dấu phẩy ngăn hàng nghìn); nếu là 1,5 thì hãy sửa trong tệp.',
          // One note at the cell: its words read, then the comma.
          'D2: Số thành viên chính thức: «1,200 người» ghi nhận là 1.200 (dấu phẩy ngăn hàng nghìn); nếu là 1,2 thì hãy sửa trong tệp.',
        ],
      ],
      [3, 'valid', ['C3: Vốn điều lệ: «2,000» ghi nhận là 2.000 triệu đồng = 2.000.000.000\u00a0₫ (dấu phẩy ngăn hàng nghìn); nếu là 2 thì hãy sửa trong tệp.']],
      [4, 'valid', []],
      [
        5,
        'valid',
        // Read as 0,5 triệu: too little a capital to be meant, so the row waits for the person.
        ['C5: Vốn điều lệ: «0,500» ở cột tính bằng triệu đồng là 500.000 đồng, nhỏ bất thường, có lẽ ô đã ghi bằng tỷ đồng. Nếu là 500.000.000 đồng, hãy sửa ô thành 500. Dòng để «Bỏ qua» cho đến khi chọn việc cần làm cho dòng này.'],
      ],
    ]);
    expect((await commitOf(app, { previewJobId: jobId, decisions: [{ row: 5, action: 'create' }] })).summary).toMatchObject({ created: 4, failed: 0 });
    const stored = app.ctx.db.select({ capital: organizations.charterCapital }).from(organizations).orderBy(organizations.id).all();
    expect(stored.map((row) => row.capital)).toEqual([1_500_000_000, 2_000_000_000, 12_500_000, 500_000]);
    const members = app.ctx.db.select({ members: yearlyFigures.membersOfficial }).from(yearlyFigures).orderBy(yearlyFigures.organizationId).all();
    expect(members.map((row) => row.members)).toEqual([1200, 25, 1200, 1_234_567]);
  });
});

describe('a members list\'s Tình trạng column', () => {
  it('takes working cooperatives, refuses at that cell those that no longer work as usual, and says other words are left aside', async () => {
    const csv = [
      'Tên HTX;Địa chỉ;Tình trạng hoạt động',
      'HTX Dịch vụ Số 1;xã Vĩnh An, tỉnh An Giang;Đang hoạt động',
      'HTX Dịch vụ Số 2;xã Vĩnh An, tỉnh An Giang;Ngừng hoạt động',
      'HTX Dịch vụ Số 3;xã Vĩnh An, tỉnh An Giang;Đã giải thể',
      'HTX Dịch vụ Số 4;xã Vĩnh An, tỉnh An Giang;Đang củng cố',
      'HTX Dịch vụ Số 5;xã Vĩnh An, tỉnh An Giang;',
      'HTX Dịch vụ Số 6;xã Vĩnh An, tỉnh An Giang;Tạm ngưng SXKD',
    ].join('\n');
    const { jobId, preview } = await previewFile('DS HTX.csv', csv, 'organizations');
    const refused = (row: number, written: string) =>
      `C${row}: Tình trạng «${written}»: việc tạm ngừng, giải thể, phá sản hay sáp nhập được ghi bằng sự kiện có ngày ở trang của tổ chức (mục Quá trình hoạt động), không từ danh sách. Hãy để trống ô này để nhập dòng, rồi ghi sự kiện đó.`;
    expect(preview.page.rows.map((row) => [row.row, row.status, [...row.problems, ...row.notes].map((said) => `${said.cell}: ${said.message}`)])).toEqual([
      [2, 'valid', []],
      [3, 'invalid', [refused(3, 'Ngừng hoạt động')]],
      [4, 'invalid', [refused(4, 'Đã giải thể')]],
      [5, 'valid', ['C5: Tình trạng «Đang củng cố» không được lưu: tình trạng của tổ chức đi theo các sự kiện ở mục Quá trình hoạt động.']],
      [6, 'valid', []],
      [7, 'invalid', [refused(7, 'Tạm ngưng SXKD')]],
    ]);
    expect((await commitOf(app, { previewJobId: jobId, decisions: [] })).summary).toMatchObject({ created: 3, failed: 3 });
    const stored = app.ctx.db.select({ name: organizations.name, status: organizations.status }).from(organizations).orderBy(organizations.id).all();
    expect(stored).toEqual([
      { name: 'HTX Dịch vụ Số 1', status: 'active' },
      { name: 'HTX Dịch vụ Số 4', status: 'active' },
      { name: 'HTX Dịch vụ Số 5', status: 'active' },
    ]);
  });

  it("reads back the register's own list: a status its events already say is not refused", async () => {
    const suspended = await call(app, 'organizations:create', { kind: 'htx', name: 'HTX Dịch vụ Tạm Nghỉ', registrationNo: '1600777001', communeCode: XA_VINH_AN });
    await call(app, 'lifecycle:record', { kind: 'suspension', date: '2025-03-01', subjectId: suspended.id });
    await call(app, 'organizations:create', { kind: 'htx', name: 'HTX Dịch vụ Vẫn Làm', registrationNo: '1600777002', communeCode: XA_VINH_AN });
    const dissolved = await call(app, 'organizations:create', { kind: 'htx', name: 'HTX Dịch vụ Đã Thôi', registrationNo: '1600777003', communeCode: XA_VINH_AN });
    await call(app, 'lifecycle:record', { kind: 'dissolution', date: '2025-06-30', subjectId: dissolved.id });
    const csv = [
      'Mã số HTX;Tên HTX;Địa chỉ;Điện thoại;Trạng thái',
      '1600777001;HTX Dịch vụ Tạm Nghỉ;xã Vĩnh An, tỉnh An Giang;0296 3850 001;Tạm ngừng',
      '1600777002;HTX Dịch vụ Vẫn Làm;xã Vĩnh An, tỉnh An Giang;0296 3850 002;Đã giải thể',
      '1600777003;HTX Dịch vụ Đã Thôi;xã Vĩnh An, tỉnh An Giang;0296 3850 003;Đang hoạt động',
      '1600777001;HTX Dịch vụ Tạm Nghỉ;xã Vĩnh An, tỉnh An Giang;0296 3850 001;Hoạt động',
    ].join('\n');
    const { preview } = await previewFile('So dang ky.csv', csv, 'organizations');
    expect(preview.page.rows.map((row) => [row.row, row.status, row.match?.reason ?? null, row.problems.map((problem) => problem.cell)])).toEqual([
      [2, 'valid', 'registrationNo', []],
      // The register says it works: the dissolution is an event to record, not a cell to read.
      [3, 'invalid', null, ['E3']],
      [4, 'valid', 'registrationNo', []],
      // Row 2's organization again: a repeat of that row.
      [5, 'valid', 'inFile', []],
    ]);
    // The list says it works where the register's events say otherwise: said at the cell, never
    // changed, marked as a note to heed; and the row of one that ended held back at its name.
    expect(preview.page.rows.slice(2).map((row) => row.notes.map((note) => note.heed))).toEqual([[true, true], [true, true]]);
    expect(preview.page.rows.slice(2).map((row) => row.defaultAction)).toEqual(['skip', 'skip']);
    expect(preview.page.rows.slice(2).map((row) => row.notes.map((note) => `${note.cell}: ${note.message}`))).toEqual([
      [
        'E4: Tình trạng «Đang hoạt động»: trong dữ liệu, tổ chức đã giải thể từ 30/06/2025 theo mục Quá trình hoạt động; danh sách không đổi tình trạng này. Nếu tổ chức đã hoạt động trở lại, hãy ghi sự kiện đó ở trang của tổ chức.',
        'B4: HTX Dịch vụ Đã Thôi (mã số 1600777003) đã chấm dứt hoạt động (giải thể) từ ngày 30/06/2025 theo mục Quá trình hoạt động, nên danh sách này có thể đã cũ: ' +
          '«Cập nhật» sẽ ghi các thông tin của dòng này vào hồ sơ của tổ chức đã chấm dứt đó (tình trạng của tổ chức vẫn như cũ). ' +
          'Nếu đúng là muốn vậy, hãy chọn «Cập nhật» cho dòng này (dòng để «Bỏ qua» cho đến khi chọn); nếu mã số trong tệp ghi nhầm, hãy sửa trong tệp. ' +
          'Dòng này không theo lựa chọn chung cho các dòng trùng.',
      ],
      [
        '5: Cùng một hồ sơ với dòng 2: dòng này được bỏ qua, để hồ sơ không bị cập nhật hai lần. Nếu dòng này đúng hơn, hãy chọn «Bỏ qua» ở dòng 2 và «Cập nhật» ở dòng này.',
        'E5: Tình trạng «Hoạt động»: trong dữ liệu, tổ chức đang tạm ngừng hoạt động theo mục Quá trình hoạt động; danh sách không đổi tình trạng này. Nếu tổ chức đã hoạt động trở lại, hãy ghi sự kiện đó ở trang của tổ chức.',
      ],
    ]);
  });
});

describe("a members list's Ghi chú column", () => {
  it('is read, never stored, and a remark that the organization stopped working is said at its cell', async () => {
    const dissolved = await call(app, 'organizations:create', { kind: 'htx', name: 'HTX Dịch vụ Đã Thôi', registrationNo: '1600777003', communeCode: XA_VINH_AN });
    await call(app, 'lifecycle:record', { kind: 'dissolution', date: '2023-06-30', subjectId: dissolved.id });
    const csv = [
      'Mã số HTX;Tên HTX;Địa chỉ;Ghi chú',
      ';HTX Dịch vụ Số 1;xã Vĩnh An, tỉnh An Giang;Chuyển đổi theo Luật HTX 2012',
      ';HTX Dịch vụ Số 2;xã Vĩnh An, tỉnh An Giang;đã giải thể năm 2023',
      ';HTX Dịch vụ Số 3;xã Vĩnh An, tỉnh An Giang;Tạm ngưng SXKD từ 2024',
      ';HTX Dịch vụ Số 4;xã Vĩnh An, tỉnh An Giang;Hợp nhất từ 2 HTX năm 2019',
      // The register already has it dissolved: nothing to say.
      '1600777003;HTX Dịch vụ Đã Thôi;xã Vĩnh An, tỉnh An Giang;Đã giải thể',
    ].join('\n');
    const { jobId, preview } = await previewFile('DS HTX.csv', csv, 'organizations');
    const said = (row: number, written: string) =>
      `D${row}: Ghi chú «${written}»: dòng vẫn được ghi là tổ chức đang hoạt động. Nếu tổ chức đã giải thể hay tạm ngừng, hãy chọn «Bỏ qua» cho dòng này, hoặc sau khi nhập ghi sự kiện có ngày ở mục Quá trình hoạt động của tổ chức.`;
    expect(preview.page.rows.map((row) => [row.row, row.status, [...row.problems, ...row.notes].map((note) => `${note.cell}: ${note.message}`)])).toEqual([
      [2, 'valid', []],
      [3, 'valid', [said(3, 'đã giải thể năm 2023')]],
      [4, 'valid', [said(4, 'Tạm ngưng SXKD từ 2024')]],
      [5, 'valid', []],
      [6, 'valid', []],
    ]);
    // Each marked as a note to heed, apart from those that say how a cell was read.
    expect(preview.page.rows.flatMap((row) => row.notes.map((note) => [row.row, note.heed]))).toEqual([
      [3, true],
      [4, true],
    ]);
    // The person skips the dissolved one; the matched one is left as the register has it.
    await commitOf(app, { previewJobId: jobId, decisions: [{ row: 3, action: 'skip' }] });
    const stored = app.ctx.db.select({ name: organizations.name, status: organizations.status }).from(organizations).orderBy(organizations.id).all();
    expect(stored).toEqual([
      { name: 'HTX Dịch vụ Đã Thôi', status: 'dissolved' },
      { name: 'HTX Dịch vụ Số 1', status: 'active' },
      { name: 'HTX Dịch vụ Số 3', status: 'active' },
      { name: 'HTX Dịch vụ Số 4', status: 'active' },
    ]);
  });
});

describe('a remark in brackets after the name', () => {
  it('that the organization stopped working is said at the name, which is stored as written', async () => {
    const csv = [
      'Tên HTX;Địa chỉ',
      'HTX Nông nghiệp Tân Lập (đã giải thể);xã Vĩnh An, tỉnh An Giang',
      'HTX Dịch vụ Số 5 (tạm ngưng hoạt động);xã Vĩnh An, tỉnh An Giang',
      // Brackets that say something else are part of a name like any other word.
      'HTX Dịch vụ Số 6 (Vĩnh An);xã Vĩnh An, tỉnh An Giang',
    ].join('\n');
    const { jobId, preview } = await previewFile('DS HTX.csv', csv, 'organizations');
    const advice = 'Nếu tổ chức đã giải thể hay tạm ngừng, hãy chọn «Bỏ qua» cho dòng này, hoặc sau khi nhập ghi sự kiện có ngày ở mục Quá trình hoạt động của tổ chức.';
    expect(preview.page.rows.map((row) => [row.row, row.status, row.notes.map((note) => `${note.cell}: ${note.message}`), row.notes.map((note) => note.heed)])).toEqual([
      [
        2,
        'valid',
        [`A2: Tên «HTX Nông nghiệp Tân Lập (đã giải thể)» có ghi «(đã giải thể)»: dòng vẫn được ghi là tổ chức đang hoạt động, với tên đúng như trong ô. ${advice} Nếu tổ chức còn hoạt động, hãy bỏ phần trong ngoặc khỏi tên trong tệp.`],
        [true],
      ],
      [
        3,
        'valid',
        [`A3: Tên «HTX Dịch vụ Số 5 (tạm ngưng hoạt động)» có ghi «(tạm ngưng hoạt động)»: dòng vẫn được ghi là tổ chức đang hoạt động, với tên đúng như trong ô. ${advice} Nếu tổ chức còn hoạt động, hãy bỏ phần trong ngoặc khỏi tên trong tệp.`],
        [true],
      ],
      [4, 'valid', [], []],
    ]);
    await commitOf(app, { previewJobId: jobId, decisions: [{ row: 2, action: 'skip' }] });
    expect(app.ctx.db.select({ name: organizations.name }).from(organizations).orderBy(organizations.id).all()).toEqual([
      { name: 'HTX Dịch vụ Số 5 (tạm ngưng hoạt động)' },
      { name: 'HTX Dịch vụ Số 6 (Vĩnh An)' },
    ]);
  });
});

describe('a mapping remembered for the next list with the same headers', () => {
  const headers = 'Tên HTX;Địa chỉ;Tình trạng hoạt động;Cột phụ';
  const list = [headers, 'HTX Dịch vụ Số 1;xã Vĩnh An, tỉnh An Giang;Đang hoạt động;x'].join('\n');
  const fieldsOf = (analysis: ImportAnalysis) => analysis.columns.map((column) => [column.letter, column.field, column.proposedAnew]);
  const stored = () => app.ctx.db.$client.prepare('SELECT mapping FROM import_mappings').pluck().all() as string[];

  it("keeps the person's choice to leave out a column the app proposed, and nothing for a column it could not read", async () => {
    const first = await analyze(app, stage(app, 'DS HTX.csv', list));
    expect(fieldsOf(first.analysis)).toEqual([
      ['A', 'name', false],
      ['B', 'address', false],
      ['C', 'status', false],
      ['D', null, false],
    ]);
    // The person leaves the status out.
    const { jobId } = await previewOf(app, first.jobId, [
      { column: 0, field: 'name' },
      { column: 1, field: 'address' },
    ]);
    await commitOf(app, { previewJobId: jobId, decisions: [] });
    expect(stored().map((mapping) => JSON.parse(mapping) as unknown)).toEqual([{ 'ten htx': 'name', 'dia chi': 'address', 'tinh trang hoat dong': null }]);

    const again = await analyze(app, stage(app, 'DS HTX 2.csv', list));
    expect(again.analysis.rememberedMapping).toBe(true);
    expect(fieldsOf(again.analysis)).toEqual([
      ['A', 'name', false],
      ['B', 'address', false],
      ['C', null, false],
      ['D', null, false],
    ]);
  });

  it('proposes a field for a column the remembered mapping did not decide, saying it is new', async () => {
    // As a mapping kept before the app read Tình trạng: the column is not in it.
    app.ctx.db.$client
      .prepare("INSERT INTO import_mappings (kind, header_signature, mapping, updated_at) VALUES ('organizations', ?, ?, '2026-06-01T08:00:00.000Z')")
      .run('ten htx|dia chi|tinh trang hoat dong|cot phu', JSON.stringify({ 'ten htx': 'name', 'dia chi': 'address', 'cot phu': 'phone' }));
    const { analysis } = await analyze(app, stage(app, 'DS HTX.csv', list));
    expect(analysis.rememberedMapping).toBe(true);
    expect(fieldsOf(analysis)).toEqual([
      ['A', 'name', false],
      ['B', 'address', false],
      ['C', 'status', true],
      // What the person mapped stays, whatever its header says.
      ['D', 'phone', false],
    ]);
  });
});

describe('enterprises in a list of members', () => {
  it('refuses them at the cell that says so, and offers no kind for them', async () => {
    const csv = [
      'Tên đơn vị;Loại hình;Địa chỉ',
      'HTX Nông nghiệp Vĩnh An;HTX;xã Vĩnh An, tỉnh An Giang',
      'Cty CP Nông sản Xanh;;xã Vĩnh An, tỉnh An Giang',
      'Nông sản Tám Lợi;Doanh nghiệp;xã Vĩnh Bình, tỉnh An Giang',
    ].join('\n');
    const { jobId, preview } = await previewFile('DS thanh vien.csv', csv, 'organizations');
    expect(problemsOf(preview)).toEqual([
      [2, 'valid', []],
      [
        3,
        'invalid',
        ['A3: «Cty CP Nông sản Xanh» là doanh nghiệp, không phải tổ chức kinh tế tập thể (hợp tác xã, liên hiệp hợp tác xã, tổ hợp tác, quỹ tín dụng nhân dân); doanh nghiệp được nhập ở danh sách Đối tác.'],
      ],
      [
        4,
        'invalid',
        ['B4: Loại hình «Doanh nghiệp» là doanh nghiệp, không phải tổ chức kinh tế tập thể (hợp tác xã, liên hiệp hợp tác xã, tổ hợp tác, quỹ tín dụng nhân dân); doanh nghiệp được nhập ở danh sách Đối tác.'],
      ],
    ]);
    expect(preview.valueChoices.filter((choice) => choice.field === 'kind')).toEqual([]);
    expect((await commitOf(app, { previewJobId: jobId, decisions: [] })).summary).toMatchObject({ created: 1, failed: 2 });
  });
});

describe('figures a save would refuse', () => {
  beforeEach(async () => {
    const created = await call(app, 'organizations:create', { kind: 'htx', name: 'HTX Nông nghiệp Vĩnh Bình', registrationNo: '1600123456', communeCode: XA_VINH_AN });
    await call(app, 'figures:save', { organizationId: created.id, year: 2025, managers: 3 });
  });

  it('are said in the preview, at their cells, and the other rows are written', async () => {
    const csv = [
      'Mã số HTX;Năm;Số thành viên;CBQL trình độ cao đẳng trở lên',
      '1600123456;1998;20;',
      '1600123456;2027;20;',
      '1600123456;2025;;5',
      '1600123456;2024;25;',
      // The year with its word, as lists also write it.
      '1600123456;Năm 2023;22;',
    ].join('\n');
    const { jobId, preview } = await previewFile('So lieu.csv', csv, 'figures');
    expect(problemsOf(preview)).toEqual([
      [2, 'invalid', ['B2: Số liệu hằng năm chỉ lưu từ năm 2000, không nhận năm 1998.']],
      [3, 'invalid', ['B3: Năm 2027 chưa bắt đầu, nên chưa có số liệu; chỉ nhập được số liệu đến năm 2026.']],
      [4, 'invalid', ['D4: Số cán bộ quản lý có trình độ cao đẳng trở lên (5) không được lớn hơn số cán bộ quản lý (3).']],
      [5, 'valid', []],
      [6, 'valid', []],
    ]);
    expect((await commitOf(app, { previewJobId: jobId, decisions: [] })).summary).toMatchObject({ created: 2, failed: 3 });
    expect(app.ctx.db.select({ year: yearlyFigures.year, members: yearlyFigures.membersOfficial }).from(yearlyFigures).orderBy(yearlyFigures.year).all()).toEqual([
      { year: 2023, members: 22 },
      { year: 2024, members: 25 },
      { year: 2025, members: null },
    ]);
  });

  it('in a list of members: the year chosen, and a value against the one stored for the organization it updates', async () => {
    const csv = ['Mã số HTX;Tên HTX;Địa chỉ;CBQL trình độ cao đẳng trở lên', '1600123456;HTX NN Vĩnh Bình;xã Vĩnh An, tỉnh An Giang;5'].join('\n');
    const outOfRange = await previewFile('DS.csv', csv, 'organizations', 2027);
    expect(problemsOf(outOfRange.preview)).toEqual([
      [2, 'invalid', ['Dòng 2: Năm 2027 chưa bắt đầu, nên chưa có số liệu; chỉ nhập được số liệu đến năm 2026. Hãy chọn lại năm của số liệu ở bước ghép cột.']],
    ]);
    const against = await previewFile('DS.csv', csv, 'organizations', 2025);
    expect(problemsOf(against.preview)).toEqual([[2, 'invalid', ['D2: Số cán bộ quản lý có trình độ cao đẳng trở lên (5) không được lớn hơn số cán bộ quản lý (3).']]]);
  });
});

describe('members named without an address', () => {
  beforeEach(async () => {
    await call(app, 'organizations:create', { kind: 'htx', name: 'HTX Nông nghiệp Vĩnh Bình', registrationNo: '1600123456', communeCode: XA_VINH_AN });
    await call(app, 'organizations:create', { kind: 'htx', name: 'HTX Xoài cát Phú Thạnh', communeCode: XA_VINH_AN });
    await call(app, 'organizations:create', { kind: 'htx', name: 'Hợp tác xã Xoài cát Phú Thạnh', communeCode: XA_VINH_BINH });
  });

  it('are found by a name one organization of the province bears, and a name two bear is asked about', async () => {
    const csv = ['Tên HTX;Năm;Số thành viên', 'HTX NN Vĩnh Bình;2025;40', 'HTX Xoài cát Phú Thạnh;2025;12'].join('\n');
    const { preview } = await previewFile('So lieu.csv', csv, 'figures');
    expect(problemsOf(preview)).toEqual([
      [2, 'valid', []],
      [
        3,
        'invalid',
        [
          'A3: Có 2 tổ chức tên «HTX Xoài cát Phú Thạnh» (HTX Xoài cát Phú Thạnh, Xã Vĩnh An; Hợp tác xã Xoài cát Phú Thạnh, Xã Vĩnh Bình): hãy ghi thêm mã số HTX, địa chỉ hoặc xã, phường để biết là tổ chức nào.',
        ],
      ],
    ]);
  });
});

describe('a value that cannot be read', () => {
  it('is said once, in the words of the cell', async () => {
    await call(app, 'organizations:create', { kind: 'htx', name: 'HTX Nông nghiệp Vĩnh Bình', registrationNo: '1600123456', communeCode: XA_VINH_AN });
    const programme = await call(app, 'programmes:create', { name: 'Kết nối cung – cầu 2026', startsOn: '2026-01-01' });
    // "1,5 tấn" with its unit written again beside it is read as 1,5 (see supplyImport.test.ts).
    const csv = ['Mã số HTX;Tên sản phẩm;Sản lượng;ĐVT;Thu hoạch từ', '1600123456;Gạo thơm ST 25;vài tấn;tấn;01/12/2026', '1600123456;Gạo thơm ST 24;1,5 tấn;tấn;01/12/2026'].join('\n');
    const { jobId, analysis } = await analyze(app, stage(app, 'Nguon cung.csv', csv), 'offers');
    const started = await call(app, 'imports:preview', { analysisJobId: jobId, mapping: proposedMapping(analysis), programmeId: programme.id });
    expect((await settle(app, started.jobId)).state).toBe('done');
    expect(problemsOf(await call(app, 'imports:previewResult', { jobId: started.jobId, pageSize: 10 }))).toEqual([
      [2, 'invalid', ['C2: Số lượng: «vài tấn» không phải số.']],
      [3, 'valid', []],
    ]);
  });

  it('an address too long for the register is said at the address it was read from', async () => {
    const csv = ['Tên HTX;Địa chỉ', `HTX Nông nghiệp Vĩnh An;${'ấp Vĩnh Thành, '.repeat(40)}xã Vĩnh An, huyện Châu Thành, tỉnh An Giang`].join('\n');
    const { preview } = await previewFile('DS.csv', csv, 'organizations');
    expect(problemsOf(preview)).toEqual([
      [2, 'invalid', ['B2: Số nhà, đường, ấp/thôn dài quá 300 ký tự.', 'B2: Địa chỉ cũ (trước 01/07/2025) dài quá 500 ký tự.']],
    ]);
  });
});
