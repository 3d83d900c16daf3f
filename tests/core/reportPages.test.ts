/**
 * How the report writer's pages end: the header repeats on every printed page, so the end of a
 * report (note, Nơi nhận, place and date, signature) must never land alone on a page under a
 * repeated header with no rows; nor go over to a page of its own when it fits under the rows.
 * Written with the year-end plan report's layout and the targets of a demo province, whose end did
 * so; read back by LibreOffice, page by page — the LibreOffice of a computer without Calibri, which
 * used to print the table smaller than Excel does and end its pages elsewhere.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { layoutOf } from '../../src/core/excel/reports/layouts';
import { writeReport, type Row } from '../../src/core/excel/write/writer';
import { readWithLibreOffice, skipLibreOffice } from './reportsSupport';

const run = promisify(execFile);

const frame = {
  issuer: 'LIÊN MINH HỢP TÁC XÃ TỈNH AN GIANG',
  period: 'Năm 2026 — Kế hoạch phát triển kinh tế tập thể, hợp tác xã tỉnh An Giang năm 2026 (số 6/KH-LMHTX ngày 20/12/2025 của Liên minh Hợp tác xã tỉnh An Giang)',
  placeAndDate: 'An Giang, ngày 04 tháng 12 năm 2026',
  documentNumber: 'Số: ……/BC-LMHTX',
  signerName: 'Nguyễn Văn Bình',
};

/** Sixteen targets as the demo province's 2026 plan has them: several take two lines. */
const targets: Row[] = [
  ['Duy trì và phát triển số hợp tác xã đang hoạt động', 'Ít nhất', 2105, 2064, 'HTX', 98.1, 2064, 'at_risk', ''],
  ['Thành lập mới hợp tác xã', 'Ít nhất', 29, 0, 'HTX', 0, 26, 'at_risk', ''],
  ['Thành lập mới tổ hợp tác', 'Ít nhất', 13, 0, 'THT', 0, 12, 'at_risk', ''],
  ['Giải thể, chấm dứt hoạt động không quá', 'Tối đa', 8, 0, 'HTX', 0, 8, 'on_track', ''],
  ['Tỷ lệ hợp tác xã hoạt động hiệu quả', 'Ít nhất', 70, 65.7, '%', 93.9, 66.9, 'at_risk', '1.356/2.064'],
  ['Trong số HTX hoạt động hiệu quả, xếp loại Tốt, Khá', 'Ít nhất', 50, 69.1, '%', 138.2, 68, 'met', '937/1.356'],
  ['Tỷ lệ HTX liên kết tiêu thụ với doanh nghiệp', 'Ít nhất', 30, 7.7, '%', 25.7, 7.6, 'at_risk', '159/2.064'],
  ['HTX sản xuất theo chuỗi giá trị', 'Ít nhất', 326, 310, 'HTX', 95.1, 310, 'at_risk', ''],
  ['HTX ứng dụng công nghệ cao vào sản xuất', 'Ít nhất', 105, 100, 'HTX', 95.2, 100, 'at_risk', ''],
  ['HTX có sản phẩm OCOP đạt từ 3 sao', 'Ít nhất', 154, 105, 'HTX', 68.2, 147, 'at_risk', ''],
  ['Cán bộ quản lý HTX có trình độ cao đẳng trở lên', 'Ít nhất', 25, 49.8, '%', 199.2, 49.8, 'met', '5.114/10.274'],
  ['Số thành viên chính thức của HTX', 'Ít nhất', 97_178, 94348, 'thành viên', 97.1, 91781, 'at_risk', ''],
  ['Lao động thường xuyên trong HTX', 'Ít nhất', 112_912, 109623, 'người', 97.1, 105120, 'at_risk', ''],
  ['Sản lượng nông sản kết nối tiêu thụ', 'Ít nhất', 1255, 1328.398, 'tấn', 105.8, 1195.505, 'met', ''],
  ['Thu nhập bình quân của người lao động (đồng/tháng)', 'Ít nhất', 4_910_000, 4631868, 'đồng', 94.3, 4580267, 'at_risk', ''],
  ['Bồi dưỡng, tập huấn cán bộ quản lý HTX', 'Ít nhất', 300, null, 'người', null, null, 'unknown', 'nhập tay'],
].map(([title, comparison, planned, actual, unit, percentOfTarget, previous, status, comment]) => ({
  title: title ?? null,
  comparison: comparison ?? null,
  planned: planned ?? null,
  actual: actual ?? null,
  unit: unit ?? null,
  percentOfTarget: percentOfTarget ?? null,
  previous: previous ?? null,
  status: status ?? null,
  comment: comment ?? null,
}));

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Targets of one line each, as many as asked. */
function shortTargets(count: number): Row[] {
  return Array.from({ length: count }, (_, at) => ({ ...targets[1], title: `Chỉ tiêu số ${at + 1}`, comment: null }));
}

async function written(rows: Row[]): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'htx-pages-'));
  dirs.push(dir);
  const path = join(dir, 'ket-qua.xlsx');
  await writeReport(path, { layout: layoutOf('plan-results'), frame, tables: { targets: { rows, count: rows.length } } });
  return path;
}

/** The text of each printed page, as LibreOffice prints the workbook. */
async function pageTexts(path: string): Promise<string[]> {
  const { pdf, pages } = await readWithLibreOffice(path, join(path, '..'));
  const texts = pages.map(async (_, at) => (await run('pdftotext', ['-f', String(at + 1), '-l', String(at + 1), pdf, '-'])).stdout);
  // A wrapped cell's text is read line by line.
  return (await Promise.all(texts)).map((text) => text.replace(/\s+/g, ' '));
}

describe.skipIf(skipLibreOffice)('the pages of a report', () => {
  it('carries the last rows over with the end when the end does not fit under them, never the header alone', async () => {
    const pages = await pageTexts(await written(targets));

    expect(pages).toHaveLength(2);
    const [first = '', last = ''] = pages;
    expect(first).toContain('BÁO CÁO KẾT QUẢ THỰC HIỆN KẾ HOẠCH');
    // (The planned values are read: the PDF's text splits some words of the targets' names.)
    // (In Vietnamese, whatever LibreOffice's own language: dots between thousands.)
    expect(first).toContain('Ít nhất 2.105 2.064');
    expect(first).not.toContain('Nơi nhận:');
    expect(first).not.toContain('Ít nhất 300 ');
    // The end, under the header repeated with the last targets, not on its own.
    expect(last).toContain('Nhận xét');
    // (Each value on its own: the PDF's text gives a row's cells in the order LibreOffice draws them.)
    expect(last).toContain('Ít nhất 4.910.000');
    expect(last).toContain('4.631.868');
    expect(last).toContain('Ít nhất 300 ');
    expect(last).toContain('Nơi nhận:');
    expect(last).toContain('Nguyễn Văn Bình');
  }, 120_000);

  it('prints at the scale it sets, the same in every reader, not fitted by each to its own column widths', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await written(targets.slice(0, 3)));
    const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
    // 155 widths of a column at most 5.6 points wide in any reader, on the 770 points between the margins.
    expect(sheet.pageSetup.scale).toBe(88);
    expect(sheet.pageSetup.fitToPage).toBeFalsy();
  }, 120_000);

  it('keeps the end under the rows where it fits, in Excel as in LibreOffice, rather than on a page of its own', async () => {
    // Five rows (two lines each) and the end fill 532 of the 553 points Excel prints on a page at 92 %.
    const pages = await pageTexts(await written(shortTargets(5)));

    expect(pages).toHaveLength(1);
    expect(pages[0]).toContain('Chỉ tiêu số 5');
    expect(pages[0]).toContain('Nguyễn Văn Bình');
  }, 120_000);

  it('fills a page before the end goes over with the last rows, when it does not fit', async () => {
    // Ten rows fill the first page; the end would follow the eleventh alone: the last three go over with it.
    const pages = await pageTexts(await written(shortTargets(11)));

    expect(pages).toHaveLength(2);
    const [first = '', last = ''] = pages;
    expect(first).toContain('Chỉ tiêu số 8');
    expect(first).not.toContain('Chỉ tiêu số 9');
    expect(last).toContain('Chỉ tiêu số 9');
    expect(last).toContain('Chỉ tiêu số 11');
    expect(last).toContain('Nguyễn Văn Bình');
  }, 120_000);

  it('keeps a report whose end fits under its rows on one page', async () => {
    const pages = await pageTexts(await written(targets.slice(1, 4)));

    expect(pages).toHaveLength(1);
    expect(pages[0]).toContain('HTX Tối đa 8');
    expect(pages[0]).toContain('Nguyễn Văn Bình');
  }, 120_000);
});
