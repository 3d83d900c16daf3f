/**
 * The shape of a list as offices write it, read the way a person reads it: subtotals after each
 * section and a total before or after the table, section headings with their numbers in the
 * numbering column, a footer with the place, date and signatures, the year the title names (not
 * the date of the letter sending the list), figures of two years side by side, and text typed in
 * a pre-Unicode font.
 */
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportPreview } from '../../src/shared/contract';
import { AN_GIANG, call, openTestApp } from './support';
import { analysisFailure, analyze, commitOf, previewOf, proposedMapping, settle, stage, windows1258 } from './importWorkbooks';
import { biff, rkInteger, sharedStrings, xls } from './xlsFiles';

let app: ReturnType<typeof openTestApp>;
beforeEach(async () => {
  app = openTestApp();
  await call(app, 'alliance:save', { name: 'Liên minh Hợp tác xã tỉnh An Giang', provinceCode: AN_GIANG });
});
afterEach(() => app.close());

const XA_BINH_HOA = '30607';
const XA_VINH_HOA = '31012';

type Cell = string | number | null;

/** A workbook of one sheet "DS", its rows as given (row 1 first). */
async function workbookOf(rows: Cell[][], build?: (sheet: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('DS');
  rows.forEach((cells, index) => {
    sheet.getRow(index + 1).values = cells;
  });
  build?.(sheet);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Analyses and previews a workbook with everything the app proposes. */
async function previewDefaults(bytes: Buffer, year?: number) {
  const { jobId, analysis } = await analyze(app, stage(app, 'Danh sach.xlsx', bytes));
  return { analysis, ...(await previewOf(app, jobId, proposedMapping(analysis), year)) };
}

function rowsRead(preview: ImportPreview): [number, string, string][] {
  return preview.page.rows.map((row) => [row.row, row.values[0] ?? '', row.status]);
}

function storedNames(): string[] {
  return (app.ctx.db.$client.prepare('SELECT name FROM organizations ORDER BY id').all() as { name: string }[]).map((row) => row.name);
}

function storedFigures() {
  return app.ctx.db.$client
    .prepare('SELECT o.name, f.year, f.members_official AS members, f.revenue FROM yearly_figures f JOIN organizations o ON o.id = f.organization_id ORDER BY o.id, f.year')
    .all();
}

const HEADER: Cell[] = ['STT', 'Tên HTX', 'Địa chỉ', 'Số thành viên'];

describe('subtotals and totals', () => {
  it('passes over every subtotal and total, wherever it stands, and reads every section', async () => {
    const bytes = await workbookOf([
      ['DANH SÁCH HỢP TÁC XÃ NĂM 2024'],
      HEADER,
      // Some offices put the grand total first, right under the header.
      ['', 'TỔNG SỐ', '', 70],
      ['I', 'HUYỆN CHÂU THÀNH'],
      [1, 'HTX Bình Hòa 1', 'xã Bình Hòa, tỉnh An Giang', 10],
      [2, 'HTX Bình Hòa 2', 'xã Bình Hòa, tỉnh An Giang', 11],
      ['', 'Cộng', '', 21],
      ['II', 'HUYỆN CHỢ MỚI'],
      [3, 'HTX Vĩnh Hòa 1', 'xã Vĩnh Hòa, tỉnh An Giang', 12],
      [4, 'Tổng công ty Nông nghiệp Vĩnh Hòa', 'xã Vĩnh Hòa, tỉnh An Giang', 13],
      ['', 'Cộng II', '', 25],
      ['', 'Cộng huyện Chợ Mới:', '', '25'],
      ['III', 'THỊ XÃ TÂN CHÂU'],
      [5, 'HTX Vĩnh Hòa 3', 'xã Vĩnh Hòa, tỉnh An Giang', 24],
      ['Cộng III', null, null, 24],
      ['', 'TỔNG CỘNG (5 HTX)', '', 70],
    ]);
    const { jobId, preview } = await previewDefaults(bytes);
    expect(rowsRead(preview)).toEqual([
      [5, 'HTX Bình Hòa 1', 'valid'],
      [6, 'HTX Bình Hòa 2', 'valid'],
      [9, 'HTX Vĩnh Hòa 1', 'valid'],
      [10, 'Tổng công ty Nông nghiệp Vĩnh Hòa', 'valid'],
      [14, 'HTX Vĩnh Hòa 3', 'valid'],
    ]);
    const { summary } = await commitOf(app, { previewJobId: jobId, decisions: [] });
    expect(summary).toMatchObject({ created: 5, failed: 0 });
    expect(storedNames()).toEqual(['HTX Bình Hòa 1', 'HTX Bình Hòa 2', 'HTX Vĩnh Hòa 1', 'Tổng công ty Nông nghiệp Vĩnh Hòa', 'HTX Vĩnh Hòa 3']);
    expect(storedFigures()).toEqual([
      { name: 'HTX Bình Hòa 1', year: 2024, members: 10, revenue: null },
      { name: 'HTX Bình Hòa 2', year: 2024, members: 11, revenue: null },
      { name: 'HTX Vĩnh Hòa 1', year: 2024, members: 12, revenue: null },
      { name: 'Tổng công ty Nông nghiệp Vĩnh Hòa', year: 2024, members: 13, revenue: null },
      { name: 'HTX Vĩnh Hòa 3', year: 2024, members: 24, revenue: null },
    ]);
  });
});

describe('the footer', () => {
  it('imports neither the totals with a count nor the place, date, titles and signers under it', async () => {
    const bytes = await workbookOf([
      ['DANH SÁCH HỢP TÁC XÃ NĂM 2024'],
      HEADER,
      [1, 'HTX Bình Hòa', 'xã Bình Hòa, tỉnh An Giang', 10],
      ['', 'TỔNG CỘNG (1 HTX)', '', 10],
      [],
      ['', '', 'An Giang, ngày 15 tháng 01 năm 2025'],
      ['', 'NGƯỜI LẬP BIỂU', 'KT. CHỦ TỊCH'],
      ['', '', 'PHÓ CHỦ TỊCH'],
      ['', '(Ký, ghi rõ họ tên)', '(Ký tên, đóng dấu)'],
      [],
      ['', 'Nguyễn Văn Lập', 'Trần Văn Giám'],
    ]);
    const { jobId, preview } = await previewDefaults(bytes);
    expect(rowsRead(preview)).toEqual([[3, 'HTX Bình Hòa', 'valid']]);
    expect(preview.counts).toMatchObject({ rows: 1, valid: 1, invalid: 0, unplaced: 0 });
    await commitOf(app, { previewJobId: jobId, decisions: [] });
    expect(storedNames()).toEqual(['HTX Bình Hòa']);
  });

  it('takes a title alone in the name column for the footer, not a section, and the signer under it for no organization', async () => {
    const bytes = await workbookOf([
      HEADER,
      [1, 'HTX Bình Hòa', 'xã Bình Hòa, tỉnh An Giang', 10],
      [2, 'HTX Vĩnh Hòa', 'xã Vĩnh Hòa, tỉnh An Giang', 12],
      [],
      ['', 'Nơi nhận:'],
      ['', 'GIÁM ĐỐC'],
      [],
      ['', 'Lê Thị Hoa'],
    ]);
    const { preview } = await previewDefaults(bytes, 2024);
    expect(rowsRead(preview)).toEqual([
      [2, 'HTX Bình Hòa', 'valid'],
      [3, 'HTX Vĩnh Hòa', 'valid'],
    ]);
  });

  it('says so of a row of data left under the footer, rather than dropping it unsaid', async () => {
    const bytes = await workbookOf([
      HEADER,
      [1, 'HTX Bình Hòa', 'xã Bình Hòa, tỉnh An Giang', 10],
      ['', 'Tổng cộng', '', 10],
      ['', '', 'Ngày … tháng … năm …'],
      ['', 'NGƯỜI LẬP BIỂU', 'GIÁM ĐỐC'],
      ['', 'Nguyễn Văn Lập', 'Trần Văn Giám'],
      [2, 'HTX Vĩnh Hòa', 'xã Vĩnh Hòa, tỉnh An Giang', 12],
    ]);
    const { jobId, preview } = await previewDefaults(bytes, 2024);
    expect(rowsRead(preview)).toEqual([
      [2, 'HTX Bình Hòa', 'valid'],
      [7, 'HTX Vĩnh Hòa', 'invalid'],
    ]);
    expect(preview.page.rows[1]?.problems).toEqual([
      {
        cell: '7',
        message:
          'Dòng 7 nằm dưới phần cuối bảng (ngày tháng, chức danh, chữ ký) bắt đầu từ dòng 4, nên không được nhập. Nếu đây là một dòng dữ liệu, hãy chuyển nó lên trên phần cuối bảng rồi nhập lại tệp.',
      },
    ]);
    const { summary } = await commitOf(app, { previewJobId: jobId, decisions: [] });
    expect(summary).toMatchObject({ created: 1, failed: 1 });
    expect(storedNames()).toEqual(['HTX Bình Hòa']);
  });
});

describe('rows and columns hidden in the workbook', () => {
  it('proposes a field for a shown column before a hidden one of the same name, and marks the hidden one', async () => {
    const bytes = await workbookOf(
      [
        ['STT', 'Tên HTX', 'Địa chỉ', 'Số thành viên', 'Số thành viên'],
        [1, 'HTX Bình Hòa', 'xã Bình Hòa, tỉnh An Giang', 8, 10],
      ],
      // Last year's count, hidden beside this year's.
      (sheet) => (sheet.getColumn(4).hidden = true),
    );
    const { analysis } = await analyze(app, stage(app, 'Danh sach.xlsx', bytes));
    expect(analysis.columns.map((column) => [column.letter, column.field, column.hidden])).toEqual([
      ['A', null, false],
      ['B', 'name', false],
      ['C', 'address', false],
      ['D', null, true],
      ['E', 'membersOfficial', false],
    ]);
  });

  it('reads them like the others, and says each is hidden, as a note to heed, so the person can skip it', async () => {
    const bytes = await workbookOf(
      [
        HEADER,
        [1, 'HTX Bình Hòa', 'xã Bình Hòa, tỉnh An Giang', 10],
        [2, 'HTX Vĩnh Xương', 'xã Vĩnh Xương, tỉnh An Giang', 12],
        [3, 'HTX Vĩnh An', 'xã Vĩnh An, tỉnh An Giang', 9],
      ],
      (sheet) => {
        // Filtered in Excel: the filter hides the rows it leaves out.
        sheet.autoFilter = 'A1:D4';
        sheet.getRow(3).hidden = true;
      },
    );
    const { jobId, preview } = await previewDefaults(bytes, 2024);
    expect(preview.page.rows.map((row) => [row.row, row.status, row.notes])).toEqual([
      [2, 'valid', []],
      [
        3,
        'valid',
        [{ cell: '3', message: 'Dòng đang ẩn trong tệp Excel (ẩn dòng hoặc bị lọc): vẫn được nhập như các dòng khác. Nếu không muốn nhập dòng này, hãy chọn «Bỏ qua».', heed: true }],
      ],
      [4, 'valid', []],
    ]);
    expect(preview.counts.noted).toBe(1);
    await commitOf(app, { previewJobId: jobId, decisions: [{ row: 3, action: 'skip' }] });
    expect(storedNames()).toEqual(['HTX Bình Hòa', 'HTX Vĩnh An']);
  });

  it('says a row whose cells are struck through, as offices strike out a record rather than delete it', async () => {
    const bytes = await workbookOf(
      [
        HEADER,
        [1, 'HTX Bình Hòa', 'xã Bình Hòa, tỉnh An Giang', 10],
        [2, 'HTX Vĩnh Xương', 'xã Vĩnh Xương, tỉnh An Giang', 12],
      ],
      (sheet) => {
        for (const cell of ['B3', 'C3']) sheet.getCell(cell).font = { strike: true };
        // A struck-through font with nothing written in it says nothing.
        sheet.getCell('E2').font = { strike: true };
      },
    );
    const { preview } = await previewDefaults(bytes, 2024);
    expect(preview.page.rows.map((row) => [row.row, row.notes])).toEqual([
      [2, []],
      [
        3,
        [
          {
            cell: 'B3',
            message: 'Ô B3, C3 bị gạch ngang trong tệp Excel (thường để đánh dấu dòng đã bỏ): dòng vẫn được nhập như các dòng khác. Nếu không muốn nhập dòng này, hãy chọn «Bỏ qua».',
            heed: true,
          },
        ],
      ],
    ]);
  });
});

describe('section headings', () => {
  it('passes over headings numbered in the numbering column, and never a row of data in capitals', async () => {
    const bytes = await workbookOf([
      HEADER,
      ['A', 'KHU VỰC NÔNG THÔN'],
      ['I', 'HUYỆN CHÂU THÀNH'],
      ['1.', 'LĨNH VỰC NÔNG NGHIỆP'],
      [1, 'HTX BÌNH HÒA', 'xã Bình Hòa, tỉnh An Giang', 10],
      ['2', 'Lĩnh vực thủy sản'],
      [2, 'HTX Thủy sản Bình Hòa', 'xã Bình Hòa, tỉnh An Giang', 8],
      ['II.', 'Thị xã Tân Châu'],
      ['b)', 'Khu vực thành thị'],
      ['1.1', 'Hợp tác xã nông nghiệp'],
      [3, 'HTX RAU SẠCH VĨNH HÒA'],
      [4, 'HTX Vĩnh Hòa', 'xã Vĩnh Hòa, tỉnh An Giang', 12],
    ]);
    const { jobId, preview } = await previewDefaults(bytes, 2024);
    // Row 11 names a cooperative and nothing else: a row of data missing its address, said so.
    expect(rowsRead(preview)).toEqual([
      [5, 'HTX BÌNH HÒA', 'valid'],
      [7, 'HTX Thủy sản Bình Hòa', 'valid'],
      [11, 'HTX RAU SẠCH VĨNH HÒA', 'invalid'],
      [12, 'HTX Vĩnh Hòa', 'valid'],
    ]);
    expect(preview.page.rows[2]?.problems.map((problem) => problem.cell)).toEqual(['C11']);
    await commitOf(app, { previewJobId: jobId, decisions: [] });
    expect(storedNames()).toEqual(['HTX BÌNH HÒA', 'HTX Thủy sản Bình Hòa', 'HTX Vĩnh Hòa']);
  });
});

describe('the year of a list', () => {
  it('is the year its title names, not the date of the letter sending it', async () => {
    const bytes = await workbookOf([
      ['LIÊN MINH HTX TỈNH AN GIANG', null, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'],
      [null, null, 'An Giang, ngày 20 tháng 01 năm 2025'],
      ['DANH SÁCH HỢP TÁC XÃ NĂM 2024'],
      ['Kèm theo công văn số 123/LMHTX ngày 15/01/2025'],
      HEADER,
      [1, 'HTX Bình Hòa', 'xã Bình Hòa, tỉnh An Giang', 10],
    ]);
    const { jobId, analysis, preview } = await previewDefaults(bytes);
    expect(analysis.detectedYear).toBe(2024);
    expect(analysis.titleYears).toBeNull();
    expect(preview.year).toBe(2024);
    await commitOf(app, { previewJobId: jobId, decisions: [] });
    expect(storedFigures()).toEqual([{ name: 'HTX Bình Hòa', year: 2024, members: 10, revenue: null }]);
  });

  it('is asked of the person when the title names several years, never the first of them taken', async () => {
    const titles: [string, { first: number; last: number }][] = [
      ['SỐ LIỆU HỢP TÁC XÃ NĂM 2024–2025', { first: 2024, last: 2025 }],
      ['DANH SÁCH HỢP TÁC XÃ GIAI ĐOẠN 2021 - 2025', { first: 2021, last: 2025 }],
      ['Danh sách HTX năm 2024, 2025', { first: 2024, last: 2025 }],
      ['Tình hình HTX từ năm 2023 đến năm 2025', { first: 2023, last: 2025 }],
    ];
    for (const [title, years] of titles) {
      const bytes = await workbookOf([[title], HEADER, [1, 'HTX Bình Hòa', 'xã Bình Hòa, tỉnh An Giang', 10]]);
      const { jobId, analysis } = await analyze(app, stage(app, 'Danh sach.xlsx', bytes));
      expect([title, analysis.detectedYear, analysis.titleYears]).toEqual([title, null, years]);
      // The members are figures of a year: without one, the rows are not checked.
      const { jobId: refused } = await call(app, 'imports:preview', { analysisJobId: jobId, mapping: proposedMapping(analysis) });
      expect((await settle(app, refused)).error?.message).toBe('Danh sách có số liệu (thành viên, lao động…): hãy chọn năm của số liệu.');
    }
    const bytes = await workbookOf([['SỐ LIỆU HỢP TÁC XÃ NĂM 2024–2025'], HEADER, [1, 'HTX Bình Hòa', 'xã Bình Hòa, tỉnh An Giang', 10]]);
    const { jobId, preview } = await previewDefaults(bytes, 2025);
    expect(preview.year).toBe(2025);
    await commitOf(app, { previewJobId: jobId, decisions: [] });
    expect(storedFigures()).toEqual([{ name: 'HTX Bình Hòa', year: 2025, members: 10, revenue: null }]);
  });

  it('is the year a header names under a title of several years, or the one year the title says beside a plan’s span', async () => {
    const underSpan = await workbookOf([['DANH SÁCH HỢP TÁC XÃ GIAI ĐOẠN 2021 - 2025'], ['STT', 'Tên HTX', 'Địa chỉ', 'Số thành viên năm 2024'], [1, 'HTX Bình Hòa', 'xã Bình Hòa', 10]]);
    expect((await analyze(app, stage(app, 'Danh sach.xlsx', underSpan))).analysis).toMatchObject({ detectedYear: 2024, titleYears: null });
    const besideSpan = await workbookOf([['DANH SÁCH HỢP TÁC XÃ NĂM 2024 (thực hiện Kế hoạch 2021-2025)'], HEADER, [1, 'HTX Bình Hòa', 'xã Bình Hòa', 10]]);
    expect((await analyze(app, stage(app, 'Danh sach.xlsx', besideSpan))).analysis).toMatchObject({ detectedYear: 2024, titleYears: null });
  });

  it('is the date the figures are as of when the title names no year, never the date of a letter or of the signing', async () => {
    const titles: [string[], number | null][] = [
      [['An Giang, ngày 20 tháng 01 năm 2025', 'DANH SÁCH HỢP TÁC XÃ (số liệu tính đến ngày 31/12/2023)', 'Ban hành kèm theo Quyết định số 45/QĐ-LMHTX ngày 10/01/2025'], 2023],
      [['Danh sách HTX thành lập từ năm 2015 đến nay', 'Số liệu tại thời điểm 30/6/2024'], 2024],
      [['Số: 12/LMHTX-VP', 'BÁO CÁO TÌNH HÌNH HỢP TÁC XÃ NĂM 2023 (kèm theo Công văn số 12/LMHTX-VP ngày 05/02/2024)'], 2023],
      [['DANH SÁCH HỢP TÁC XÃ', 'Kèm theo Báo cáo của Liên minh ngày 10/01/2025'], null],
      [['DANH SÁCH HỢP TÁC XÃ', 'Ngày … tháng … năm 2025'], null],
    ];
    const found: (number | null)[] = [];
    for (const [lines] of titles) {
      const bytes = await workbookOf([...lines.map((line) => [line]), HEADER, [1, 'HTX Bình Hòa', 'xã Bình Hòa, tỉnh An Giang', 10]]);
      found.push((await analyze(app, stage(app, 'Danh sach.xlsx', bytes))).analysis.detectedYear);
    }
    expect(found).toEqual(titles.map(([, year]) => year));
  });
});

describe('figures of two years side by side', () => {
  /** "Doanh thu (triệu đồng)" merged over "Năm 2023" | "Năm 2024", under the title given. */
  function twoYears(title: string): Promise<Buffer> {
    return workbookOf([], (sheet) => {
      sheet.getCell('A1').value = title;
      ['STT', 'Tên HTX', 'Địa chỉ', 'Số thành viên'].forEach((header, index) => {
        const letter = 'ABCD'[index] ?? 'A';
        sheet.getCell(`${letter}3`).value = header;
        sheet.mergeCells(`${letter}3:${letter}4`);
      });
      sheet.getCell('E3').value = 'Doanh thu (triệu đồng)';
      sheet.mergeCells('E3:F3');
      sheet.getCell('E4').value = 'Năm 2023';
      sheet.getCell('F4').value = 'Năm 2024';
      sheet.getRow(5).values = [1, 'HTX Bình Hòa', 'xã Bình Hòa, tỉnh An Giang', 20, 100, 200];
    });
  }

  it('maps the column of the list’s year, and leaves the other year’s for the person', async () => {
    const { jobId, analysis, preview } = await previewDefaults(await twoYears('DANH SÁCH HTX'));
    expect(analysis.detectedYear).toBe(2024);
    expect(analysis.columns.slice(4).map((column) => [column.letter, column.header, column.field])).toEqual([
      ['E', 'Doanh thu (triệu đồng) - Năm 2023', null],
      ['F', 'Doanh thu (triệu đồng) - Năm 2024', 'revenue'],
    ]);
    expect(preview.year).toBe(2024);
    await commitOf(app, { previewJobId: jobId, decisions: [] });
    expect(storedFigures()).toEqual([{ name: 'HTX Bình Hòa', year: 2024, members: 20, revenue: 200_000_000 }]);
  });

  it('maps the earlier year’s column when the title names that year', async () => {
    const { jobId, analysis } = await previewDefaults(await twoYears('BÁO CÁO TÌNH HÌNH HỢP TÁC XÃ NĂM 2023'));
    expect(analysis.detectedYear).toBe(2023);
    expect(analysis.columns.slice(4).map((column) => column.field)).toEqual(['revenue', null]);
    await commitOf(app, { previewJobId: jobId, decisions: [] });
    expect(storedFigures()).toEqual([{ name: 'HTX Bình Hòa', year: 2023, members: 20, revenue: 100_000_000 }]);
  });

  it('reads the year written in the header’s own cell, and leaves the other year’s column', async () => {
    const bytes = await workbookOf([
      ['DANH SÁCH HỢP TÁC XÃ'],
      ['STT', 'Tên HTX', 'Địa chỉ', 'Số thành viên năm 2024', 'Doanh thu năm 2023 (triệu đồng)', 'Doanh thu năm 2024 (triệu đồng)'],
      [1, 'HTX Bình Hòa', 'xã Bình Hòa, tỉnh An Giang', 20, 100, 200],
    ]);
    const { jobId, analysis } = await previewDefaults(bytes);
    expect(analysis.detectedYear).toBe(2024);
    expect(analysis.columns.slice(3).map((column) => [column.letter, column.field])).toEqual([
      ['D', 'membersOfficial'],
      ['E', null],
      ['F', 'revenue'],
    ]);
    await commitOf(app, { previewJobId: jobId, decisions: [] });
    expect(storedFigures()).toEqual([{ name: 'HTX Bình Hòa', year: 2024, members: 20, revenue: 200_000_000 }]);
  });

  it('reads years written above the figures as well as under them', async () => {
    const bytes = await workbookOf([], (sheet) => {
      ['STT', 'Tên HTX', 'Mã số thuế', 'Địa chỉ', 'Điện thoại'].forEach((header, index) => {
        const letter = 'ABCDE'[index] ?? 'A';
        sheet.getCell(`${letter}2`).value = header;
        sheet.mergeCells(`${letter}2:${letter}3`);
      });
      sheet.getCell('F2').value = 'Năm 2023';
      sheet.mergeCells('F2:G2');
      sheet.getCell('H2').value = 'Năm 2024';
      sheet.mergeCells('H2:I2');
      sheet.getRow(3).values = [null, null, null, null, null, 'Số thành viên', 'Doanh thu', 'Số thành viên', 'Doanh thu'];
      sheet.getRow(4).values = [1, 'HTX Bình Hòa', null, 'xã Bình Hòa, tỉnh An Giang', null, 18, 90, 20, 100];
    });
    const { analysis } = await analyze(app, stage(app, 'Danh sach.xlsx', bytes));
    expect(analysis.detectedYear).toBe(2024);
    expect(analysis.columns.slice(5).map((column) => [column.letter, column.header, column.field])).toEqual([
      ['F', 'Năm 2023 - Số thành viên', null],
      ['G', 'Năm 2023 - Doanh thu', null],
      ['H', 'Năm 2024 - Số thành viên', 'membersOfficial'],
      ['I', 'Năm 2024 - Doanh thu', 'revenue'],
    ]);
  });

  it('keeps the names above when the row of figures under the years names more columns', async () => {
    const figures = ['Số thành viên', 'Doanh thu', 'Lao động'];
    const bytes = await workbookOf([], (sheet) => {
      sheet.getCell('A1').value = 'DANH SÁCH HỢP TÁC XÃ NĂM 2024';
      sheet.mergeCells('A1:L1');
      ['STT', 'Tên HTX', 'Địa chỉ'].forEach((header, index) => {
        const letter = 'ABC'[index] ?? 'A';
        sheet.getCell(`${letter}2`).value = header;
        sheet.mergeCells(`${letter}2:${letter}3`);
      });
      [2022, 2023, 2024].forEach((year, index) => {
        const [from, to] = [['D', 'F'], ['G', 'I'], ['J', 'L']][index] ?? ['D', 'F'];
        sheet.getCell(`${from}2`).value = `Năm ${String(year)}`;
        sheet.mergeCells(`${from}2:${to}2`);
      });
      sheet.getRow(3).values = [null, null, null, ...figures, ...figures, ...figures];
      sheet.getRow(4).values = [1, 'HTX Bình Hòa', 'xã Bình Hòa, tỉnh An Giang', 16, 80, 9, 18, 90, 10, 20, 100, 12];
    });
    const { analysis } = await analyze(app, stage(app, 'Danh sach.xlsx', bytes));
    expect(analysis.headerRows).toEqual([2, 3]);
    expect(analysis.detectedYear).toBe(2024);
    expect(analysis.columns.map((column) => [column.letter, column.header, column.field])).toEqual([
      ['A', 'STT', null],
      ['B', 'Tên HTX', 'name'],
      ['C', 'Địa chỉ', 'address'],
      ...['D', 'E', 'F'].map((letter, index) => [letter, `Năm 2022 - ${figures[index] ?? ''}`, null]),
      ...['G', 'H', 'I'].map((letter, index) => [letter, `Năm 2023 - ${figures[index] ?? ''}`, null]),
      ['J', 'Năm 2024 - Số thành viên', 'membersOfficial'],
      ['K', 'Năm 2024 - Doanh thu', 'revenue'],
      ['L', 'Năm 2024 - Lao động', 'workers'],
    ]);
  });

  it('reads years typed as numbers over the figures, the names beside them in the row below', async () => {
    const bytes = await workbookOf([], (sheet) => {
      sheet.getCell('A1').value = 'Danh sách hợp tác xã';
      sheet.getCell('D3').value = 2023;
      sheet.mergeCells('D3:E3');
      sheet.getCell('F3').value = 2024;
      sheet.mergeCells('F3:G3');
      sheet.getRow(4).values = ['STT', 'Tên HTX', 'Địa chỉ', 'Số thành viên', 'Doanh thu', 'Số thành viên', 'Doanh thu'];
      sheet.getRow(5).values = [1, 'HTX Bình Hòa', 'xã Bình Hòa, tỉnh An Giang', 18, 90, 20, 100];
    });
    const { jobId, analysis, preview } = await previewDefaults(bytes);
    expect(analysis.headerRows).toEqual([3, 4]);
    expect(analysis.columns.map((column) => [column.letter, column.header, column.field])).toEqual([
      ['A', 'STT', null],
      ['B', 'Tên HTX', 'name'],
      ['C', 'Địa chỉ', 'address'],
      ['D', '2023 - Số thành viên', null],
      ['E', '2023 - Doanh thu', null],
      ['F', '2024 - Số thành viên', 'membersOfficial'],
      ['G', '2024 - Doanh thu', 'revenue'],
    ]);
    expect(preview.year).toBe(2024);
    // No unit in the header: the revenue is in đồng, as typed — too little to be meant, so the row
    // waits for the person, and is written as typed once chosen.
    expect(preview.page.rows[0]?.defaultAction).toBe('skip');
    await commitOf(app, { previewJobId: jobId, decisions: [{ row: 5, action: 'create' }] });
    expect(storedFigures()).toEqual([{ name: 'HTX Bình Hòa', year: 2024, members: 20, revenue: 100 }]);
  });

  it('refuses to read one year’s column into another year, and says which', async () => {
    const { jobId: analysisJobId, analysis } = await analyze(app, stage(app, 'Danh sach.xlsx', await twoYears('DANH SÁCH HTX')));
    const { jobId } = await call(app, 'imports:preview', { analysisJobId, mapping: proposedMapping(analysis), year: 2023 });
    const status = await settle(app, jobId);
    expect(status.state).toBe('failed');
    expect(status.error?.message).toBe(
      'Cột F «Doanh thu (triệu đồng) - Năm 2024» là số liệu năm 2024, nhưng năm của số liệu đang chọn là 2023: hãy ghép cột «Doanh thu» của năm 2023, hoặc chọn năm 2024.',
    );
  });
});

describe('text in a pre-Unicode font', () => {
  /** "Hợp tác xã Nông nghiệp Vĩnh Hòa", "xã Vĩnh Hòa, tỉnh An Giang" typed in .VnTime. */
  const tcvn3Name = 'Hîp t¸c x· N«ng nghiÖp VÜnh Hßa';
  const tcvn3Address = 'x· VÜnh Hßa, tØnh An Giang';
  const tcvn3Rows: Cell[][] = [
    [1, tcvn3Name, tcvn3Address],
    [2, 'HTX Dþch vô Long §iÒn', 'x· Long §iÒn, tØnh An Giang'],
  ];

  it('says a sheet typed all in TCVN3 is in that font, and how to convert it', async () => {
    const bytes = await workbookOf([['STT', 'Tªn HTX', '§Þa chØ'], ...tcvn3Rows]);
    const failure = await analysisFailure(app, stage(app, 'DS TCVN3.xlsx', bytes));
    expect(failure?.message).toBe(
      'Không đọc được dòng tiêu đề trong trang tính «DS»: chữ trong tệp có vẻ được gõ bằng phông cũ TCVN3 (ABC) (ví dụ «Tªn HTX» thay cho «Tên HTX»). ' +
        'Hãy chuyển mã sang Unicode rồi chọn lại tệp: chọn cả bảng và chép (Ctrl+C), mở Unikey → Công cụ chuyển mã, chọn nguồn TCVN3 (ABC), đích Unicode, bấm «Chuyển mã», rồi dán lại vào trang tính (Ctrl+V) và lưu tệp.',
    );
  });

  it('refuses, at its cells, a row typed in TCVN3 among rows in Unicode', async () => {
    const bytes = await workbookOf([
      ['STT', 'Tên HTX', 'Địa chỉ'],
      [1, 'HTX Bình Hòa', 'xã Bình Hòa, tỉnh An Giang'],
      [2, 'HTX Nông nghiệp Long Điền', 'ấp Long Hòa, xã Vĩnh Hòa, tỉnh An Giang'],
      [3, 'HTX Rau sạch Bình Hòa', 'xã Bình Hòa, tỉnh An Giang'],
      [4, 'HTX Thủy sản Vĩnh Hòa', 'xã Vĩnh Hòa, tỉnh An Giang'],
      [5, tcvn3Name, tcvn3Address],
    ]);
    const { jobId, analysis, preview } = await previewDefaults(bytes);
    // Too few such cells for the whole file to be said to be in the old font.
    expect(analysis.legacyFont).toBeNull();
    expect(rowsRead(preview).map(([row, , status]) => [row, status])).toEqual([
      [2, 'valid'],
      [3, 'valid'],
      [4, 'valid'],
      [5, 'valid'],
      [6, 'invalid'],
    ]);
    expect(preview.page.rows[4]?.problems).toEqual([
      {
        cell: 'B6',
        message:
          'Tên tổ chức: «Hîp t¸c x· N«ng nghiÖp VÜnh Hßa» có vẻ gõ bằng phông cũ TCVN3 (ABC), nhập vào sẽ sai dấu. Hãy chuyển mã ô này sang Unicode (ví dụ bằng Unikey: Công cụ chuyển mã) rồi nhập lại tệp.',
      },
      {
        cell: 'C6',
        message:
          'Địa chỉ: «x· VÜnh Hßa, tØnh An Giang» có vẻ gõ bằng phông cũ TCVN3 (ABC), nhập vào sẽ sai dấu. Hãy chuyển mã ô này sang Unicode (ví dụ bằng Unikey: Công cụ chuyển mã) rồi nhập lại tệp.',
      },
    ]);
    await commitOf(app, { previewJobId: jobId, decisions: [] });
    expect(storedNames()).toEqual(['HTX Bình Hòa', 'HTX Nông nghiệp Long Điền', 'HTX Rau sạch Bình Hòa', 'HTX Thủy sản Vĩnh Hòa']);
    expect(app.ctx.db.$client.prepare('SELECT DISTINCT commune_code AS code FROM organizations ORDER BY code').all()).toEqual([{ code: XA_BINH_HOA }, { code: XA_VINH_HOA }]);
  });

  const storedCommunes = () => app.ctx.db.$client.prepare('SELECT name, commune_code AS code FROM organizations ORDER BY id').all();

  it('reads a sheet typed in .VnTime, its header in the capitals font .VnTimeH, by its fonts, says so and stores what the person saw', async () => {
    const bytes = await workbookOf(
      [
        ['STT', 'tªn htx', '®Þa chØ'],
        [1, tcvn3Name, tcvn3Address],
        [2, 'HTX DÞch vô B×nh Hßa', 'x· B×nh Hßa, tØnh An Giang'],
        [3, 'HTX Rau sạch Bình Hòa', 'xã Bình Hòa, tỉnh An Giang'],
      ],
      (sheet) => {
        for (const row of [2, 3]) sheet.getRow(row).font = { name: '.VnTime' };
        sheet.getRow(1).font = { name: '.VnTimeH' };
        // Typed in a Unicode font: read as it is.
        sheet.getRow(4).font = { name: 'Times New Roman' };
      },
    );
    const { jobId, analysis, preview } = await previewDefaults(bytes);
    expect(analysis.legacyFont).toBeNull();
    expect(analysis.legacyFontsRead).toEqual(['.VnTime', '.VnTimeH']);
    expect(analysis.columns.map((column) => [column.header, column.field])).toEqual([
      ['STT', null],
      ['TÊN HTX', 'name'],
      ['ĐỊA CHỈ', 'address'],
    ]);
    expect(preview.legacyFontsRead).toEqual([{ font: '.VnTime', rows: 2 }]);
    expect(rowsRead(preview)).toEqual([
      [2, 'Hợp tác xã Nông nghiệp Vĩnh Hòa', 'valid'],
      [3, 'HTX Dịch vụ Bình Hòa', 'valid'],
      [4, 'HTX Rau sạch Bình Hòa', 'valid'],
    ]);
    await commitOf(app, { previewJobId: jobId, decisions: [] });
    expect(storedCommunes()).toEqual([
      { name: 'Hợp tác xã Nông nghiệp Vĩnh Hòa', code: XA_VINH_HOA },
      { name: 'HTX Dịch vụ Bình Hòa', code: XA_BINH_HOA },
      { name: 'HTX Rau sạch Bình Hòa', code: XA_BINH_HOA },
    ]);
  });

  it('imports an .xls (Excel 97–2003) list typed in .VnTime as it does an .xlsx', async () => {
    const strings = sharedStrings([{ text: 'STT' }, { text: 'Tªn HTX' }, { text: '§Þa chØ' }, { text: 'Ngµy thµnh lËp' }]);
    const rows = [
      [tcvn3Name, tcvn3Address, 41_348],
      ['HTX DÞch vô B×nh Hßa', 'x· B×nh Hßa, tØnh An Giang', 43_345],
    ] as const;
    const sheet = {
      name: 'DS HTX',
      records: [
        ...[0, 1, 2, 3].map((column) => biff.labelSst(0, column, 1, column)),
        ...rows.flatMap(([name, address, founded], index) => [
          biff.rk(index + 1, 0, 0, rkInteger(index + 1)),
          biff.label(index + 1, 1, 1, name),
          biff.label(index + 1, 2, 1, address),
          biff.number(index + 1, 3, 2, founded),
        ]),
      ],
    };
    // Fonts 0–3 and 5: Arial, then .VnTime; cell formats: general, .VnTime, a date.
    const fonts = ['Arial', 'Arial', 'Arial', 'Arial', '.VnTime'].map((name) => biff.font(name));
    const { jobId: analysisJobId, analysis } = await analyze(app, stage(app, 'DS HTX 2010.xls', xls([...fonts, biff.xf(0, 0), biff.xf(5, 0), biff.xf(0, 14), strings], [sheet])));
    expect(analysis.format).toBe('xls');
    expect(analysis.legacyFontsRead).toEqual(['.VnTime']);
    expect(analysis.columns.map((column) => [column.header, column.field])).toEqual([
      ['STT', null],
      ['Tên HTX', 'name'],
      ['Địa chỉ', 'address'],
      ['Ngày thành lập', 'foundedOn'],
    ]);
    const { jobId, preview } = await previewOf(app, analysisJobId, proposedMapping(analysis));
    expect(preview.legacyFontsRead).toEqual([{ font: '.VnTime', rows: 2 }]);
    await commitOf(app, { previewJobId: jobId, decisions: [] });
    expect(app.ctx.db.$client.prepare('SELECT name, commune_code AS code, founded_on AS founded FROM organizations ORDER BY id').all()).toEqual([
      { name: 'Hợp tác xã Nông nghiệp Vĩnh Hòa', code: XA_VINH_HOA, founded: '2013-03-15' },
      { name: 'HTX Dịch vụ Bình Hòa', code: XA_BINH_HOA, founded: '2018-09-02' },
    ]);
  });

  it('imports a CSV Excel saved in Windows-1258, saying so', async () => {
    const list = 'STT,Tên HTX,Địa chỉ\r\n1,Hợp tác xã Nông nghiệp Vĩnh Hòa,"xã Vĩnh Hòa, tỉnh An Giang"\r\n2,HTX Dịch vụ Bình Hòa,"xã Bình Hòa, tỉnh An Giang"\r\n';
    const { jobId: analysisJobId, analysis } = await analyze(app, stage(app, 'DS HTX.csv', windows1258(list)));
    expect(analysis.codePageRead).toBe('Windows-1258');
    const { jobId } = await previewOf(app, analysisJobId, proposedMapping(analysis));
    await commitOf(app, { previewJobId: jobId, decisions: [] });
    expect(storedCommunes()).toEqual([
      { name: 'Hợp tác xã Nông nghiệp Vĩnh Hòa', code: XA_VINH_HOA },
      { name: 'HTX Dịch vụ Bình Hòa', code: XA_BINH_HOA },
    ]);
  });

  it('reads a sheet typed in VNI-Times by its font, and stores what the person saw', async () => {
    const bytes = await workbookOf(
      [
        ['STT', 'Teân HTX', 'Ñòa chæ'],
        [1, 'Hôïp taùc xaõ Noâng nghieäp Vónh Hoøa', 'xaõ Vónh Hoøa, tænh An Giang'],
        [2, 'HTX Thuûy saûn Bình Hoøa', 'xaõ Bình Hoøa, tænh An Giang'],
      ],
      (sheet) => sheet.eachRow((row) => (row.font = { name: 'VNI-Times' })),
    );
    const { jobId, analysis, preview } = await previewDefaults(bytes);
    expect(analysis.legacyFontsRead).toEqual(['VNI-Times']);
    expect(analysis.columns.map((column) => column.header)).toEqual(['STT', 'Tên HTX', 'Địa chỉ']);
    expect(preview.legacyFontsRead).toEqual([{ font: 'VNI-Times', rows: 2 }]);
    await commitOf(app, { previewJobId: jobId, decisions: [] });
    expect(storedCommunes()).toEqual([
      { name: 'Hợp tác xã Nông nghiệp Vĩnh Hòa', code: XA_VINH_HOA },
      { name: 'HTX Thủy sản Bình Hòa', code: XA_BINH_HOA },
    ]);
  });
});
