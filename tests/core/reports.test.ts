import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { unzipSync, strFromU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type ExcelJS from 'exceljs';
import { agreementCommitments, agreementDeliveries, agreementParties, agreements, eventParticipants, events, partners } from '../../src/core/db/schema';
import { layoutOf } from '../../src/core/excel/reports/layouts';
import { headerMerges, linesNeeded, writeReport } from '../../src/core/excel/write/writer';
import { placeAndDate } from '../../src/core/excel/reports/frame';
import type { InputOf } from '../../src/shared/contract';
import { AN_GIANG, call, callFailing, openTestApp, XA_VINH_AN, XA_VINH_BINH } from './support';
import {
  csvRow,
  exportList,
  readWithLibreOffice,
  readWorkbook,
  rowNumberOf,
  rowTexts,
  runReport,
  skipLibreOffice,
  type LibreOfficeReading,
} from './reportsSupport';

type TestApp = ReturnType<typeof openTestApp>;
let app: TestApp;
const run = promisify(execFile);

/** Each page as LibreOffice prints it, its lines laid out as on paper (a wrapped cell's text on two lines). */
async function printedPages(office: LibreOfficeReading | null): Promise<string[]> {
  const pages = (office?.pages ?? []).map(async (_, at) => (await run('pdftotext', ['-layout', '-f', String(at + 1), '-l', String(at + 1), office?.pdf ?? '', '-'])).stdout);
  return Promise.all(pages);
}

/** How many times `text` is printed in the whole document. */
function timesPrinted(pages: readonly string[], text: string): number {
  return pages.join('\n').split(text).length - 1;
}
const ids: Record<'a' | 'b' | 'c' | 'd', number> = { a: 0, b: 0, c: 0, d: 0 };

/**
 * A small register: in Vĩnh An an HTX (A) and a THT (C); in Vĩnh Bình an HTX founded in 2025 (B,
 * named "=1+1", which must stay text) and one dissolved in 2025 (D). Figures for 2025; two events
 * and two agreements in 2025, and one of each in 2024.
 */
async function seed(): Promise<void> {
  await call(app, 'alliance:save', {
    name: 'Liên minh Hợp tác xã tỉnh An Giang',
    provinceCode: AN_GIANG,
    chairName: 'Nguyễn Văn Bình',
  });
  const create = async (input: InputOf<'organizations:create'>) => (await call(app, 'organizations:create', input)).id;
  ids.a = await create({ kind: 'htx', name: 'HTX Nông nghiệp Vĩnh Bình', communeCode: XA_VINH_AN, foundedOn: '2019-04-02', sectorCode: 'trong_trot', registrationNo: '1600123456', street: '-2+3 ấp Vĩnh Hòa' });
  ids.b = await create({ kind: 'htx', name: '=1+1', communeCode: XA_VINH_BINH, foundedOn: '2025-03-15', sectorCode: 'trong_trot' });
  ids.c = await create({ kind: 'tht', name: 'THT Rau sạch An Phú', communeCode: XA_VINH_AN, foundedOn: '2020-01-01', street: '@SUM(A1)' });
  ids.d = await create({ kind: 'htx', name: 'HTX Giải Thể', communeCode: XA_VINH_BINH, foundedOn: '2010-05-05', street: '+84 ấp Tây' });
  await call(app, 'lifecycle:record', { kind: 'dissolution', date: '2025-06-30', subjectId: ids.d });
  await call(app, 'figures:save', { organizationId: ids.a, year: 2025, membersOfficial: 12, membersAssociate: 3, workers: 20, revenue: 1_500_000_000, classification: 'good' });
  await call(app, 'figures:save', { organizationId: ids.b, year: 2025, membersOfficial: 7, workers: 9, revenue: 500_000_000, classification: 'fair' });
  await call(app, 'figures:save', { organizationId: ids.c, year: 2025, membersOfficial: 5, workers: 6 });

  // Events and agreements go in as rows: their own engineers' channels are still changing.
  const db = app.ctx.db;
  const at = '2026-01-01T00:00:00.000Z';
  const partner = db
    .insert(partners)
    .values({ kind: 'enterprise', name: 'Công ty TNHH Nông sản Mekong', provinceCode: AN_GIANG, nameFolded: 'cong ty tnhh nong san mekong', searchText: 'mekong', createdAt: at, updatedAt: at })
    .returning()
    .get();
  const event = (values: Omit<typeof events.$inferInsert, 'titleFolded' | 'searchText' | 'createdAt' | 'updatedAt'>) =>
    db
      .insert(events)
      .values({ ...values, titleFolded: values.title.toLowerCase(), searchText: values.title.toLowerCase(), createdAt: at, updatedAt: at })
      .returning()
      .get().id;
  const conference = event({ kind: 'supply_demand_conference', title: 'Hội nghị kết nối cung – cầu nông sản 2025', startsOn: '2025-09-10', endsOn: '2025-09-11', venue: 'Trung tâm Hội nghị tỉnh', provinceCode: AN_GIANG, budget: 150_000_000 });
  const fair = event({ kind: 'fair', title: 'Hội chợ OCOP An Giang', startsOn: '2025-10-05', endsOn: '2025-10-07', venue: 'Quảng trường Long Xuyên', provinceCode: AN_GIANG });
  event({ kind: 'seminar', title: 'Tọa đàm năm trước', startsOn: '2024-05-01', endsOn: '2024-05-01', provinceCode: AN_GIANG, budget: 9_000_000 });
  db.insert(eventParticipants)
    .values([
      { eventId: conference, organizationId: ids.a, status: 'attended' },
      { eventId: conference, organizationId: ids.c, status: 'attended' },
      { eventId: conference, organizationId: ids.b, status: 'absent' },
      { eventId: conference, partnerId: partner.id, status: 'attended' },
      { eventId: fair, organizationId: ids.a, status: 'attended' },
      { eventId: fair, partnerId: partner.id, status: 'registered' },
    ])
    .run();
  const agreement = (values: Omit<typeof agreements.$inferInsert, 'titleFolded' | 'createdAt' | 'updatedAt'>) =>
    db.insert(agreements).values({ ...values, titleFolded: values.title.toLowerCase(), createdAt: at, updatedAt: at }).returning().get().id;
  const contract = agreement({ kind: 'sales_contract', number: '01/2025/HĐLK', title: 'Hợp đồng tiêu thụ lúa, xoài', signedOn: '2025-09-10', eventId: conference, validUntil: '2026-09-10' });
  const memorandum = agreement({ kind: 'mou', number: '02/2025/BBGN', title: 'Biên bản ghi nhớ hợp tác', signedOn: '2025-10-06', eventId: fair });
  agreement({ kind: 'mou', title: 'Thỏa thuận năm trước', signedOn: '2024-01-05' });
  const [seller, buyer] = db
    .insert(agreementParties)
    .values([
      { agreementId: contract, kind: 'organization', organizationId: ids.a, role: 'seller' },
      { agreementId: contract, kind: 'partner', partnerId: partner.id, role: 'buyer' },
      { agreementId: memorandum, kind: 'alliance', role: 'cooperating' },
      { agreementId: memorandum, kind: 'partner', partnerId: partner.id, role: 'cooperating' },
    ])
    .returning()
    .all();
  const commitment = (values: Omit<typeof agreementCommitments.$inferInsert, 'productFolded' | 'agreementId'>) =>
    db
      .insert(agreementCommitments)
      .values({ supplierPartyId: seller?.id, receiverPartyId: buyer?.id, ...values, agreementId: contract, productFolded: values.product.toLowerCase() })
      .returning()
      .get().id;
  const rice = commitment({ product: 'Lúa OM5451', quantity: 100, unit: 'tấn', value: 800_000_000, dueOn: '2026-03-01' });
  const mango = commitment({ product: 'Xoài cát Hòa Lộc', quantity: 5000, unit: 'kg', value: 100_000_000, dueOn: '2025-12-31' });
  db.insert(agreementDeliveries)
    .values([
      { commitmentId: rice, deliveredOn: '2025-11-01', quantity: 40, value: 320_000_000, createdAt: at },
      { commitmentId: mango, deliveredOn: '2025-12-20', quantity: 5000, value: 100_000_000, createdAt: at },
      // After the period: not counted in a report for 2025.
      { commitmentId: rice, deliveredOn: '2026-02-01', quantity: 10, value: 80_000_000, createdAt: at },
    ])
    .run();
}

beforeAll(async () => {
  app = openTestApp();
  await seed();
});
afterAll(() => app.close());

/** Every text of a sheet, row by row. */
function sheetTexts(sheet: ExcelJS.Worksheet): string[] {
  return Array.from({ length: sheet.rowCount }, (_, index) => rowTexts(sheet, index + 1)).flat();
}

/**
 * The frame every report carries, read back with exceljs: one document however many sheets — the
 * heading opens the first sheet, the signature closes the last, and no sheet repeats either.
 * `number`: the "Số: …/BC-LMHTX" line under the issuer, as the administrative format has it.
 */
function expectFrame(workbook: ExcelJS.Workbook, period: string, number = 'Số: ……….' + '/BC-LMHTX') {
  const sheets = workbook.worksheets;
  const [sheet, last] = [sheets[0], sheets.at(-1)] as [ExcelJS.Worksheet, ExcelJS.Worksheet];
  expect(sheet.getCell('A1').text).toBe('LIÊN MINH HỢP TÁC XÃ TỈNH AN GIANG');
  expect(sheet.getCell('A1').font.bold).toBe(true);
  expect(sheet.getCell('A1').font.name).toBe('Times New Roman');
  expect(rowTexts(sheet, 1)).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  // Tiêu ngữ as Nghị định 30/2020/NĐ-CP writes it: hyphens between its phrases.
  expect(rowTexts(sheet, 2)).toContain('Độc lập - Tự do - Hạnh phúc');
  expect(sheet.getCell('A2').text).toBe(number);
  expect(sheet.getCell('A5').text).toBe(period);
  // Today from the injected clock (23/11/2026), the province's short name, the chair's name.
  expect(sheetTexts(last)).toEqual(expect.arrayContaining(['Nơi nhận:', 'An Giang, ngày 23 tháng 11 năm 2026', 'CHỦ TỊCH', 'Nguyễn Văn Bình']));
  sheets.forEach((other, at) => {
    const texts = sheetTexts(other);
    if (at > 0) {
      expect(texts).not.toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
      expect(texts).not.toContain(number);
      // A later sheet begins with its section's title.
      expect(other.getCell('A1').text).toMatch(/^[IV]+\. /);
    }
    if (at < sheets.length - 1) expect(texts.filter((text) => ['Nơi nhận:', 'CHỦ TỊCH', 'Nguyễn Văn Bình'].includes(text))).toEqual([]);
    // Printed at the scale the writer sets (see reportPages.test.ts), fitting the widest table within 100 %.
    expect(other.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape' });
    expect(other.pageSetup.fitToPage).toBeFalsy();
    expect(other.pageSetup.scale).toBeLessThanOrEqual(100);
  });
}

describe('the frame and the header', () => {
  it('writes the date as administrative documents do', () => {
    expect(placeAndDate('An Giang', '2026-11-22')).toBe('An Giang, ngày 22 tháng 11 năm 2026');
    expect(placeAndDate('Cà Mau', '2026-02-05')).toBe('Cà Mau, ngày 05 tháng 02 năm 2026');
    expect(placeAndDate('Cà Mau', '2026-03-09')).toBe('Cà Mau, ngày 09 tháng 3 năm 2026');
  });

  it('merges a multi-row header: leaves down, groups across', () => {
    const { depth, merges } = headerMerges([
      { header: ['STT'] },
      { header: ['Thành viên', 'Chính thức'] },
      { header: ['Thành viên', 'Liên kết'] },
      { header: ['Lao động'] },
    ]);
    expect(depth).toBe(2);
    expect(merges).toEqual([
      { top: 0, left: 0, bottom: 1, right: 0 },
      { top: 0, left: 3, bottom: 1, right: 3 },
      { top: 0, left: 1, bottom: 0, right: 2 },
    ]);
  });

  it('shows a whole quantity without a decimal separator, a fraction with its decimals, and a share short of the whole below 100 %', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'htx-quantities-'));
    try {
      const path = join(dir, 'ket-qua.xlsx');
      const frame = { issuer: 'LIÊN MINH HỢP TÁC XÃ TỈNH AN GIANG', period: 'Năm 2026', placeAndDate: 'An Giang, ngày 23 tháng 11 năm 2026', signerName: 'Nguyễn Văn Bình' };
      const rows = [
        { title: 'Số thành viên chính thức của HTX', unit: 'thành viên', comparison: 'Ít nhất', planned: 97_178, actual: 94_348, percentOfTarget: 99.97, previous: 91_781 },
        { title: 'Sản lượng nông sản kết nối tiêu thụ', unit: 'tấn', comparison: 'Ít nhất', planned: 1255, actual: 1328.398, percentOfTarget: 105.8, previous: 1195.5 },
      ];
      await writeReport(path, { layout: layoutOf('plan-results'), frame, tables: { targets: { rows, count: rows.length } } });
      const sheet = (await readWorkbook(path)).worksheets[0] as ExcelJS.Worksheet;
      // Below «Kế hoạch», its «Yêu cầu» and «Mức».
      const first = rowNumberOf(sheet, 'STT') + 2;
      const [planned, actual, percent, previous] = [5, 6, 7, 8];
      // Excel writes a whole number under «#,##0.###» as «94.348,»: only a fraction gets decimals.
      // Tagged Vietnamese, so LibreOffice too writes 1.328,398 whatever its own language.
      expect([sheet.getRow(first).getCell(planned).value, sheet.getRow(first).getCell(planned).numFmt]).toEqual([97_178, '[$-42A]#,##0']);
      expect([sheet.getRow(first).getCell(actual).value, sheet.getRow(first).getCell(actual).numFmt]).toEqual([94_348, '[$-42A]#,##0']);
      expect([sheet.getRow(first).getCell(previous).value, sheet.getRow(first).getCell(previous).numFmt]).toEqual([91_781, '[$-42A]#,##0']);
      expect([sheet.getRow(first + 1).getCell(actual).value, sheet.getRow(first + 1).getCell(actual).numFmt]).toEqual([1328.398, '[$-42A]#,##0.###']);
      expect([sheet.getRow(first + 1).getCell(previous).value, sheet.getRow(first + 1).getCell(previous).numFmt]).toEqual([1195.5, '[$-42A]#,##0.###']);
      // 99,97 % would read «100,0%» under one decimal, as on the screen it reads «99,9%».
      expect([sheet.getRow(first).getCell(percent).value, sheet.getRow(first + 1).getCell(percent).value]).toEqual([99.9, 105.8]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('estimates the lines of wrapped text so rows are tall enough', () => {
    expect(linesNeeded('Tổng số', 10, 12)).toBe(1);
    expect(linesNeeded('Giải thể, chấm dứt', 10, 12)).toBe(2);
    expect(linesNeeded('Một tên rất dài của một hợp tác xã nông nghiệp', 20, 12)).toBe(3);
    // Capitals are wider: the agreements report's third heading takes two lines across its table.
    const heading = 'III. KHỐI LƯỢNG CAM KẾT VÀ ĐÃ GIAO THEO ĐƠN VỊ TÍNH (THỎA THUẬN KÝ TRONG KỲ)';
    expect(linesNeeded(heading, 79, 13, true)).toBe(2);
    expect(linesNeeded(heading, 100, 13, true)).toBe(2);
    expect(linesNeeded(heading.toLowerCase(), 100, 13, true)).toBe(1);
  });

  it.skipIf(skipLibreOffice)('keeps the issuer, Quốc hiệu and title each on one line above a narrow table', async () => {
    // Two columns shown (STT and the name): 42 widths, where the issuer and Quốc hiệu used to break in two.
    const office = await readWithLibreOffice((await exportList(app, { list: 'events', input: {}, columns: ['title'] })).path);
    const [page = ''] = await printedPages(office);
    const lines = page.split('\n');
    for (const heading of ['LIÊN MINH HỢP TÁC XÃ TỈNH AN GIANG', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'DANH SÁCH SỰ KIỆN XÚC TIẾN THƯƠNG MẠI', 'An Giang, ngày 23 tháng 11 năm 2026']) {
      expect(lines.some((line) => line.includes(heading))).toBe(true);
    }
  }, 120_000);

  it('refuses a report without its period, and a period that ends before it starts', async () => {
    const missing = await callFailing(app, 'reports:run', { report: 'trade-promotion', from: '2025-01-01' });
    expect(missing.kind === 'validation' && missing.issues).toEqual([{ path: 'to', message: 'Chọn ngày cuối kỳ báo cáo (Đến ngày).' }]);
    const reversed = await callFailing(app, 'reports:run', { report: 'agreements', from: '2025-12-31', to: '2025-01-01' });
    expect(reversed.message).toBe('Đến ngày không được trước Từ ngày.');
    const noYear = await callFailing(app, 'reports:run', { report: 'register-statistics' });
    expect(noYear.message).toBe('Chọn năm báo cáo.');
    const wholeNumber = await callFailing(app, 'reports:run', { report: 'register', documentNumber: '125/BC-LMHTX' });
    expect(wholeNumber.kind === 'validation' && wholeNumber.issues).toEqual([
      { path: 'documentNumber', message: 'Số văn bản chỉ ghi phần số trước «/BC-…», ví dụ 125 — không gồm dấu «/» hay khoảng trắng.' },
    ]);
  });

  it('lists the reports with their titles and periods', async () => {
    const reports = await call(app, 'reports:layouts', undefined);
    expect(reports.map(({ report, period }) => [report, period])).toEqual([
      ['register-statistics', 'year'],
      ['trade-promotion', 'range'],
      ['agreements', 'range'],
      ['register', 'today'],
      ['programme-results', 'range'],
      ['supply-bulletin', 'range'],
    ]);
    expect(reports.filter((report) => report.byProgramme).map((report) => report.report)).toEqual(['programme-results', 'supply-bulletin']);
    expect(reports[0]?.title).toBe('BÁO CÁO THỐNG KÊ TỔ CHỨC KINH TẾ TẬP THỂ');
  });
});

describe('register statistics for a year', () => {
  let path = '';
  let office: LibreOfficeReading | null = null;
  beforeAll(async () => {
    const report = await runReport(app, { report: 'register-statistics', year: 2025 });
    expect(report.fileName).toBe('Bao-cao-thong-ke-HTX-2025.xlsx');
    path = report.path;
    if (!skipLibreOffice) office = await readWithLibreOffice(path);
  }, 120_000);

  it('counts by kind as the statistics do, with founded, reorganized, dissolved, figures and classification', async () => {
    const workbook = await readWorkbook(path);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Theo loại hình', 'Theo lĩnh vực', 'Theo xã, phường']);
    const sheet = workbook.getWorksheet('Theo loại hình') as ExcelJS.Worksheet;
    expectFrame(workbook, 'Năm 2025');
    // Two header rows, merged: the group "Trong năm" over four columns, "STT" down both rows.
    const header = rowNumberOf(sheet, 'STT');
    const merges = (sheet.model as { merges: string[] }).merges;
    expect(merges).toContain(`A${header}:A${header + 1}`);
    expect(merges).toContain(`D${header}:G${header}`);
    expect(rowTexts(sheet, header + 1).slice(3, 7)).toEqual(['Thành lập mới', 'Hình thành do tổ chức lại', 'Chấm dứt do tổ chức lại', 'Giải thể, phá sản']);
    expect(sheet.pageSetup.printTitlesRow).toBe(`${header}:${header + 1}`);

    const statistics = (await call(app, 'statistics:overview', { year: 2025 })).current;
    const cooperatives = sheet.getRow(header + 2).values as unknown[];
    // STT, kind, existing, founded, formed and ended by reorganization, dissolved, reporting, official, associate, workers, good, fair, average, weak, unclassified, revenue
    expect(cooperatives.slice(1)).toEqual([1, 'Hợp tác xã (HTX)', 2, 1, 0, 0, 1, 2, 19, 3, 29, 1, 1, 0, 0, 0, 1_000_000_000]);
    expect(statistics.organizations.htx).toBe(2);
    const totals = sheet.getRow(rowNumberOf(sheet, 'Tổng cộng'));
    expect(totals.getCell(3).value).toBe(statistics.organizations.total);
    expect(totals.getCell(4).value).toBe(statistics.founded.total);
    expect(totals.getCell(5).value).toBe(statistics.formedByReorganization.total);
    expect(totals.getCell(6).value).toBe(statistics.endedByReorganization.total);
    expect(totals.getCell(7).value).toBe(statistics.dissolved.total);
    expect(totals.getCell(9).value).toBe(statistics.membersOfficial);
    expect(totals.getCell(11).value).toBe(statistics.workers);
    // The report counts the unclassified of every kind (the THT here); Tổng quan's share is of
    // the kinds that are classified, of which none is left unclassified.
    expect(totals.getCell(16).value).toBe(1);
    expect(statistics.classification.unclassified).toBe(0);
    expect(totals.getCell(17).value).toBe(1_000_000_000);
    expect(totals.getCell(17).numFmt).toBe('[$-42A]#,##0');
  });

  it('splits each commune and sector by kind, with what was founded, reorganized and dissolved there', async () => {
    const workbook = await readWorkbook(path);
    const communes = workbook.getWorksheet('Theo xã, phường') as ExcelJS.Worksheet;
    const first = rowNumberOf(communes, 'STT') + 2;
    // Name, total, HTX, LH HTX, THT, QTDND, founded, formed and ended by reorganization, dissolved
    expect((communes.getRow(first).values as unknown[]).slice(2)).toEqual(['Xã Vĩnh An', 2, 1, 0, 1, 0, 0, 0, 0, 0]);
    expect((communes.getRow(first + 1).values as unknown[]).slice(2)).toEqual(['Xã Vĩnh Bình', 1, 1, 0, 0, 0, 1, 0, 0, 1]);
    const statistics = (await call(app, 'statistics:overview', { year: 2025 })).current;
    expect(statistics.byCommune.map(({ name, count }) => [name, count])).toEqual([
      ['Xã Vĩnh An', 2],
      ['Xã Vĩnh Bình', 1],
    ]);
    const sectors = workbook.getWorksheet('Theo lĩnh vực') as ExcelJS.Worksheet;
    const sectorRow = rowNumberOf(sectors, 'STT') + 2;
    expect((sectors.getRow(sectorRow).values as unknown[]).slice(2)).toEqual(['Trồng trọt', 'Nông nghiệp', 2, 2, 0, 0, 0, 1, 0, 0, 0]);
    expect((sectors.getRow(sectorRow + 1).values as unknown[]).slice(2)).toEqual(['Chưa rõ lĩnh vực', 'Chưa rõ', 1, 0, 0, 1, 0, 0, 0, 0, 1]);
  });

  it.skipIf(skipLibreOffice)('opens in LibreOffice with the same numbers', () => {
    const kinds = office?.sheets.get('Theo loại hình');
    expect(csvRow(kinds, 'LIÊN MINH HỢP TÁC XÃ TỈNH AN GIANG')).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(csvRow(kinds, '1').slice(0, 11)).toEqual(['1', 'Hợp tác xã (HTX)', '2', '1', '0', '0', '1', '2', '19', '3', '29']);
    expect(csvRow(kinds, 'Tổng cộng').slice(2, 7)).toEqual(['3', '1', '0', '0', '1']);
    expect(csvRow(office?.sheets.get('Theo xã, phường'), '2').slice(1, 4)).toEqual(['Xã Vĩnh Bình', '1', '1']);
    expect(office?.pages.length).toBe(3);
  });
});

describe('register statistics for a year not yet reported', () => {
  it('says how few have reported, in the report itself, and prints «—» where none of a kind did', async () => {
    const byKind = async () => {
      const workbook = await readWorkbook((await runReport(app, { report: 'register-statistics', year: 2026 })).path);
      const sheet = workbook.getWorksheet('Theo loại hình') as ExcelJS.Worksheet;
      const header = rowNumberOf(sheet, 'STT');
      // Reporting, official, associate, workers, good, fair, average, weak, unclassified, revenue.
      const figures = (row: number) => (sheet.getRow(row).values as unknown[]).slice(8);
      return { period: sheet.getCell('A5').text, htx: figures(header + 2), tht: figures(header + 4), totals: figures(rowNumberOf(sheet, 'Tổng cộng')) };
    };
    const none = await byKind();
    expect(none.period).toBe('Năm 2026 — chưa có tổ chức nào báo cáo số liệu hằng năm');
    // Not 0 members: nobody said.
    expect(none.htx).toEqual([0, '—', '—', '—', '—', '—', '—', '—', 2, '—']);
    expect(none.totals).toEqual([0, '—', '—', '—', '—', '—', '—', '—', 3, '—']);

    // One of the three existing at the end of 2026, the THT: its figures, and the year said to be short of reported.
    await call(app, 'figures:save', { organizationId: ids.c, year: 2026, membersOfficial: 6, workers: 4 });
    try {
      const one = await byKind();
      expect(one.period).toBe('Năm 2026 — số liệu hằng năm mới có 1/3 tổ chức báo cáo, chưa đủ để tổng hợp');
      expect(one.htx).toEqual([0, '—', '—', '—', '—', '—', '—', '—', 2, '—']);
      expect(one.tht).toEqual([1, 6, 0, 4, 0, 0, 0, 0, 1, '—']);
      expect(one.totals).toEqual([1, 6, 0, 4, 0, 0, 0, 0, 3, '—']);
    } finally {
      await call(app, 'figures:delete', { organizationId: ids.c, year: 2026 });
    }
  });
});

describe('trade promotion for a period', () => {
  let path = '';
  let office: LibreOfficeReading | null = null;
  beforeAll(async () => {
    const report = await runReport(app, { report: 'trade-promotion', from: '2025-01-01', to: '2025-12-31', documentNumber: ' 125 ' });
    expect(report.fileName).toBe('Bao-cao-xuc-tien-thuong-mai-2025-01-01-den-2025-12-31.xlsx');
    path = report.path;
    if (!skipLibreOffice) office = await readWithLibreOffice(path);
  }, 120_000);

  it('lists the events of the period with who came, what was signed and its value', async () => {
    const workbook = await readWorkbook(path);
    const sheet = workbook.getWorksheet('Sự kiện') as ExcelJS.Worksheet;
    expectFrame(workbook, 'Từ ngày 01/01/2025 đến ngày 31/12/2025', 'Số: 125/BC-LMHTX');
    const first = rowNumberOf(sheet, 'STT') + 2;
    const conference = sheet.getRow(first);
    expect(conference.getCell(2).value).toBe('Hội nghị kết nối cung – cầu nông sản 2025');
    expect(conference.getCell(3).value).toBe('Hội nghị kết nối cung – cầu');
    // A real date on its own day, shown dd/mm/yyyy.
    expect((conference.getCell(4).value as Date).toISOString()).toBe('2025-09-10T00:00:00.000Z');
    expect(conference.getCell(4).numFmt).toBe('dd/mm/yyyy');
    expect(conference.getCell(6).value).toBe('Trung tâm Hội nghị tỉnh, Tỉnh An Giang');
    expect((conference.values as unknown[]).slice(7)).toEqual([2, 1, 1, 900_000_000, 150_000_000]);
    expect((sheet.getRow(first + 1).values as unknown[]).slice(7, 11)).toEqual([1, 0, 1, 0]);
    expect(sheet.getRow(first + 2).getCell(1).value).toBe('Tổng cộng');
    expect((sheet.getRow(first + 2).values as unknown[]).slice(7)).toEqual([3, 1, 2, 900_000_000, 150_000_000]);

    const byKind = workbook.getWorksheet('Theo loại sự kiện') as ExcelJS.Worksheet;
    const totals = byKind.getRow(rowNumberOf(byKind, 'Tổng cộng'));
    // Two events in one province; A came to both and counts once: one HTX, one THT, one enterprise.
    expect((totals.values as unknown[]).slice(3)).toEqual([2, 1, 1, 1, 1, 0, 2, 900_000_000, 150_000_000]);
  });

  it.skipIf(skipLibreOffice)('opens in LibreOffice with the same numbers and dates', () => {
    const rows = office?.sheets.get('Sự kiện');
    const conference = csvRow(rows, '1');
    expect(conference.slice(6)).toEqual(['2', '1', '1', '900000000', '150000000']);
    expect(csvRow(rows, 'Tổng cộng').slice(6)).toEqual(['3', '1', '2', '900000000', '150000000']);
    expect(office?.pages.length).toBe(2);
  });
});

describe('agreements and their fulfilment', () => {
  let path = '';
  let office: LibreOfficeReading | null = null;
  beforeAll(async () => {
    path = (await runReport(app, { report: 'agreements', from: '2025-01-01', to: '2025-12-31' })).path;
    if (!skipLibreOffice) office = await readWithLibreOffice(path);
  }, 120_000);

  it('reads each agreement as it stood at the end of the period', async () => {
    const workbook = await readWorkbook(path);
    const sheet = workbook.getWorksheet('Thỏa thuận') as ExcelJS.Worksheet;
    expectFrame(workbook, 'Từ ngày 01/01/2025 đến ngày 31/12/2025');
    const first = rowNumberOf(sheet, 'STT') + 2;
    const contract = sheet.getRow(first);
    expect(contract.getCell(2).value).toBe('01/2025/HĐLK');
    expect(contract.getCell(4).value).toBe('Hợp đồng liên kết tiêu thụ');
    expect(contract.getCell(7).value).toBe('HTX Nông nghiệp Vĩnh Bình; Công ty TNHH Nông sản Mekong');
    // Committed 900 million; delivered by 31/12/2025 420 million; rice 40 % of 800 million, mango
    // 100 % of 100 million: 46,7 % by value (a plain mean of the two would say 70 %).
    const [committed, delivered, fulfilment, ...rest] = (contract.values as unknown[]).slice(8);
    expect([committed, delivered, rest]).toEqual([900_000_000, 420_000_000, ['Theo giá trị', 'Đang thực hiện']]);
    expect(fulfilment).toBeCloseTo(((40 * 800 + 100 * 100) / 900), 10);
    const memorandum = sheet.getRow(first + 1);
    expect(memorandum.getCell(7).value).toBe('Liên minh Hợp tác xã tỉnh An Giang; Công ty TNHH Nông sản Mekong');
    // Nothing committed in đồng: its value cells are empty, not 0 đồng.
    expect([memorandum.getCell(8).value, memorandum.getCell(9).value]).toEqual([null, null]);
    expect(memorandum.getCell(10).value).toBeNull();
    expect(memorandum.getCell(11).value).toBeNull();
    expect(memorandum.getCell(12).value).toBe('Đã ký');
    const totals = sheet.getRow(first + 2);
    expect(totals.getCell(1).value).toBe('Tổng cộng');
    // The memorandum has no commitments: the period's fulfilment is the contract's.
    expect(totals.getCell(10).value).toBeCloseTo(fulfilment as number, 10);
    expect(totals.getCell(11).value).toBe('Theo giá trị');

    const commitments = workbook.getWorksheet('Cam kết') as ExcelJS.Worksheet;
    const rice = commitments.getRow(rowNumberOf(commitments, 'STT') + 2);
    // Agreement, signed, product, supplier, receiver, unit, committed, delivered, %, value, delivered value, due, overdue
    expect(rowTexts(commitments, rice.number).slice(1, 7)).toEqual([
      '01/2025/HĐLK – Hợp đồng tiêu thụ lúa, xoài',
      rice.getCell(3).text,
      'Lúa OM5451',
      'HTX Nông nghiệp Vĩnh Bình',
      'Công ty TNHH Nông sản Mekong',
      'tấn',
    ]);
    expect((rice.getCell(3).value as Date).toISOString()).toBe('2025-09-10T00:00:00.000Z');
    // Due 01/03/2026: not overdue on the period's last day.
    expect(rice.getCell(14).value).toBeNull();

    const units = workbook.getWorksheet('Theo đơn vị tính') as ExcelJS.Worksheet;
    const unitRow = rowNumberOf(units, 'STT') + 2;
    // Tonnes and kilograms side by side, never added together.
    expect((units.getRow(unitRow).values as unknown[]).slice(2)).toEqual(['tấn', 1, 100, 40, 40]);
    expect((units.getRow(unitRow + 1).values as unknown[]).slice(2)).toEqual(['kg', 1, 5000, 5000, 100]);
    expect(units.getRow(unitRow + 2).getCell(1).value).not.toBe('Tổng cộng');
  });

  it('keeps an earlier agreement owed at the start of a later period, its unfinished commitments overdue', async () => {
    // The contract of 2025 ran out on 10/09/2026 with 50 of 100 tấn of rice delivered; the office
    // has not closed its follow-up. A report for 2026 lists no agreement signed in 2026, but the
    // rice, still owed when 2026 began, reads "Quá hạn"; the mango, delivered in 2025, is done.
    const later = await runReport(app, { report: 'agreements', from: '2026-01-01', to: '2026-12-31' });
    const workbook = await readWorkbook(later.path);
    const signed = workbook.getWorksheet('Thỏa thuận') as ExcelJS.Worksheet;
    expect(signed.getRow(rowNumberOf(signed, 'STT') + 2).getCell(1).value).toBe('Tổng cộng');
    const commitments = workbook.getWorksheet('Cam kết') as ExcelJS.Worksheet;
    const first = rowNumberOf(commitments, 'STT') + 2;
    const rice = commitments.getRow(first);
    expect([4, 8, 9, 14].map((column) => rice.getCell(column).value)).toEqual(['Lúa OM5451', 100, 50, 'Quá hạn']);
    expect((rice.getCell(13).value as Date).toISOString()).toBe('2026-03-01T00:00:00.000Z');
    expect(commitments.getRow(first + 1).getCell(1).value).not.toBe(2);
    // The same as the agreement's page says on the same day.
    const detail = await call(app, 'agreements:get', { id: (await call(app, 'agreements:list', { search: 'HĐLK', page: 1, pageSize: 5 })).rows[0]?.id ?? 0 });
    expect(detail).toMatchObject({ status: 'expired', needsClosing: true });
    expect(detail.commitments.map((commitment) => [commitment.product, commitment.overdue])).toEqual([
      ['Lúa OM5451', true],
      ['Xoài cát Hòa Lộc', false],
    ]);
  });

  it.skipIf(skipLibreOffice)('opens in LibreOffice with the same numbers', () => {
    const contract = csvRow(office?.sheets.get('Thỏa thuận'), '1').slice(7, 12);
    expect([contract[0], contract[1], contract[3], contract[4]]).toEqual(['900000000', '420000000', 'Theo giá trị', 'Đang thực hiện']);
    // (A number tagged Vietnamese has its decimals after a comma, in the CSV too.)
    expect(Number(contract[2]?.replace(',', '.'))).toBeCloseTo(((40 * 800 + 100 * 100) / 900), 6);
    expect(csvRow(office?.sheets.get('Theo đơn vị tính'), '2').slice(1, 5)).toEqual(['kg', '1', '5000', '5000']);
  });

  it.skipIf(skipLibreOffice)('prints as one document: the heading once at its start, sections I–III, one signature at its end', async () => {
    const pages = await printedPages(office);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    for (const once of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'BÁO CÁO TÌNH HÌNH KÝ KẾT VÀ THỰC HIỆN THỎA THUẬN', 'Số: ……….' + '/BC-LMHTX', 'Nơi nhận:', 'CHỦ TỊCH', 'Nguyễn Văn Bình']) {
      expect(timesPrinted(pages, once)).toBe(1);
    }
    const [first = '', last = ''] = [pages[0], pages.at(-1)];
    expect(first).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(first).toContain('I. CÁC THỎA THUẬN ĐÃ KÝ KẾT TRONG KỲ');
    expect(first.indexOf('I. CÁC THỎA THUẬN')).toBeLessThan(pages.join('').indexOf('II. CAM KẾT'));
    // The last section's title on one line over its narrow table, then Nơi nhận and the signature.
    expect(last.split('\n').some((line) => line.includes('III. KHỐI LƯỢNG THEO ĐƠN VỊ TÍNH (THỎA THUẬN KÝ TRONG KỲ)'))).toBe(true);
    expect(last.indexOf('III. KHỐI LƯỢNG')).toBeLessThan(last.indexOf('Nơi nhận:'));
    expect(last).toContain('Nguyễn Văn Bình');
  });

  it('counts what was delivered at its share of the commitment’s value, as the percentage does, so that one divided by the other reads it', async () => {
    // 50 tấn worth 1.250.000.000 đồng; 20,5 tấn delivered without a value: 41 % by value, so
    // 512.500.000 đồng delivered (not 0). Mangoes: 20 of 40 tạ delivered, 10 with 60 million
    // written on the delivery: half of the 200 million, as the rate says, whatever was written.
    const db = app.ctx.db;
    const at = '2023-01-01T00:00:00.000Z';
    const signed = db
      .insert(agreements)
      .values({ kind: 'sales_contract', number: '07/2023/HĐLK', title: 'Hợp đồng bao tiêu xoài', titleFolded: 'hợp đồng bao tiêu xoài', signedOn: '2023-03-01', createdAt: at, updatedAt: at })
      .returning()
      .get().id;
    const commitment = (product: string, quantity: number, unit: string, value: number) =>
      db.insert(agreementCommitments).values({ agreementId: signed, product, productFolded: product.toLowerCase(), quantity, unit, value }).returning().get().id;
    const rice = commitment('Lúa ST25', 50, 'tấn', 1_250_000_000);
    const mango = commitment('Xoài cát', 40, 'tạ', 200_000_000);
    db.insert(agreementDeliveries)
      .values([
        { commitmentId: rice, deliveredOn: '2023-06-01', quantity: 20.5, value: null, createdAt: at },
        { commitmentId: mango, deliveredOn: '2023-06-01', quantity: 10, value: 60_000_000, createdAt: at },
        { commitmentId: mango, deliveredOn: '2023-07-01', quantity: 10, value: null, createdAt: at },
      ])
      .run();

    const workbook = await readWorkbook((await runReport(app, { report: 'agreements', from: '2023-01-01', to: '2023-12-31' })).path);
    const sheet = workbook.getWorksheet('Thỏa thuận') as ExcelJS.Worksheet;
    const row = sheet.getRow(rowNumberOf(sheet, 'STT') + 2);
    // 512,5 million of rice and 100 million of mangoes; a reader dividing gets the rate shown.
    expect([8, 9].map((column) => row.getCell(column).value)).toEqual([1_450_000_000, 612_500_000]);
    expect(row.getCell(10).value).toBeCloseTo(((20.5 / 50) * 1250 + (20 / 40) * 200) / 1450 * 100, 10);
    expect(row.getCell(10).value).toBeCloseTo((612_500_000 / 1_450_000_000) * 100, 10);
    const totals = sheet.getRow(row.number + 1);
    expect([totals.getCell(1).value, totals.getCell(8).value, totals.getCell(9).value]).toEqual(['Tổng cộng', 1_450_000_000, 612_500_000]);

    const commitments = workbook.getWorksheet('Cam kết') as ExcelJS.Worksheet;
    const first = rowNumberOf(commitments, 'STT') + 2;
    // Product, committed, delivered, %, value, delivered value.
    const facts = (number: number) => [4, 8, 9, 10, 11, 12].map((column) => commitments.getRow(number).getCell(column).value);
    expect(facts(first)).toEqual(['Lúa ST25', 50, 20.5, 41, 1_250_000_000, 512_500_000]);
    expect(facts(first + 1)).toEqual(['Xoài cát', 40, 20, 50, 200_000_000, 100_000_000]);
    expect(commitments.getRow(first + 2).getCell(12).value).toBe(612_500_000);
  });

  it('gives the Tổng cộng row the rate its amounts say, the commitments without a value left out of it', async () => {
    // 2022: a contract of 100 tấn worth 1 billion, 10 tấn delivered (100 million); and a memorandum's
    // 50 kg with no value, all delivered. The mean of the two rates (10 % and 100 %) would say 55 %
    // beside 100 million delivered of 1 billion committed.
    const db = app.ctx.db;
    const at = '2022-01-01T00:00:00.000Z';
    const agreement = (kind: 'sales_contract' | 'mou', title: string) =>
      db.insert(agreements).values({ kind, title, titleFolded: title.toLowerCase(), signedOn: '2022-03-01', createdAt: at, updatedAt: at }).returning().get().id;
    const commitment = (agreementId: number, product: string, quantity: number, unit: string, value: number | null) =>
      db.insert(agreementCommitments).values({ agreementId, product, productFolded: product.toLowerCase(), quantity, unit, value }).returning().get().id;
    const rice = commitment(agreement('sales_contract', 'Hợp đồng lúa 2022'), 'Lúa', 100, 'tấn', 1_000_000_000);
    const honey = commitment(agreement('mou', 'Ghi nhớ mật ong 2022'), 'Mật ong', 50, 'kg', null);
    db.insert(agreementDeliveries)
      .values([
        { commitmentId: rice, deliveredOn: '2022-06-01', quantity: 10, value: null, createdAt: at },
        { commitmentId: honey, deliveredOn: '2022-06-01', quantity: 50, value: null, createdAt: at },
      ])
      .run();

    const workbook = await readWorkbook((await runReport(app, { report: 'agreements', from: '2022-01-01', to: '2022-12-31' })).path);
    const sheet = workbook.getWorksheet('Thỏa thuận') as ExcelJS.Worksheet;
    const totals = sheet.getRow(rowNumberOf(sheet, 'Tổng cộng'));
    // Committed, delivered, rate, how: 100 million of 1 billion is 10 %, by value, the honey left
    // out and said so; the memorandum alone, with no value at all, is the mean of its one rate.
    expect([8, 9, 10, 11].map((column) => totals.getCell(column).value)).toEqual([1_000_000_000, 100_000_000, 10, 'Theo giá trị (1 cam kết chưa có giá trị không tính)']);
    expect([10, 11].map((column) => sheet.getRow(totals.number - 1).getCell(column).value)).toEqual([100, 'Bình quân']);
    const texts = sheetTexts(sheet);
    expect(texts.some((text) => text.includes('cam kết chưa ghi giá trị không tính vào tỷ lệ, số cam kết đó ghi ở cột Cách tính'))).toBe(true);
  });
});

describe('the register', () => {
  let path = '';
  let office: LibreOfficeReading | null = null;
  beforeAll(async () => {
    path = (await runReport(app, { report: 'register' })).path;
    if (!skipLibreOffice) office = await readWithLibreOffice(path);
  }, 120_000);

  it('lists every organization by name, dates on their own day, text that looks like a formula as text', async () => {
    const workbook = await readWorkbook(path);
    const sheet = workbook.getWorksheet('Danh sách') as ExcelJS.Worksheet;
    expectFrame(workbook, 'Tính đến ngày 23/11/2026');
    const first = rowNumberOf(sheet, 'STT') + 1;
    const names = [0, 1, 2, 3].map((offset) => sheet.getRow(first + offset).getCell(2).value);
    expect(names).toEqual(['=1+1', 'HTX Giải Thể', 'HTX Nông nghiệp Vĩnh Bình', 'THT Rau sạch An Phú']);
    const a = sheet.getRow(first + 2);
    expect((a.getCell(8).value as Date).toISOString()).toBe('2019-04-02T00:00:00.000Z');
    expect(a.getCell(4).value).toBe('1600123456');
    expect(a.getCell(6).value).toBe('-2+3 ấp Vĩnh Hòa');
    expect(sheet.getRow(first + 1).getCell(10).value).toBe('Đã giải thể');
    // The dissolved one is listed, and the total tells it apart: Tổng quan counts the 3 still there.
    expect(sheet.getRow(first + 4).getCell(2).value).toBe('4 tổ chức: 3 đang tồn tại, 1 đã chấm dứt (1 giải thể)');
    expect((await call(app, 'statistics:overview', { year: 2026 })).current.organizations.total).toBe(3);

    // In the file itself: a string value (exceljs's streaming writer says t="str"), no formula anywhere.
    const xml = strFromU8(unzipSync(readFileSync(path), { filter: (file) => file.name === 'xl/worksheets/sheet1.xml' })['xl/worksheets/sheet1.xml'] ?? new Uint8Array());
    expect(xml).not.toContain('<f>');
    expect(xml).toMatch(/<c r="B\d+" s="\d+" t="str"><v>=1\+1<\/v><\/c>/);
  });

  it.skipIf(skipLibreOffice)('opens in LibreOffice: "=1+1" stays text, "@SUM(A1)" is not computed', () => {
    const rows = office?.sheets.get('Danh sách');
    expect(csvRow(rows, '1')[1]).toBe('=1+1');
    expect(csvRow(rows, '4')[5]).toBe('@SUM(A1)');
    expect(csvRow(rows, '2')[5]).toBe('+84 ấp Tây');
    expect(csvRow(rows, '3')[5]).toBe('-2+3 ấp Vĩnh Hòa');
    expect(office?.pages.length).toBe(1);
  });
});
