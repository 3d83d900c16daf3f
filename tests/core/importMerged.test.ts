/**
 * Lists merge a cell down over the rows it belongs to: a cooperative's name over its products, a
 * commune over its cooperatives. The person sees the value on every one of those rows, and so does
 * the import — above the header's forty rows and far below them, in .xlsx and in .xls.
 */
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportPreview } from '../../src/shared/contracts/imports';
import type { ImportKind } from '../../src/shared/domain';
import { AN_GIANG, call, openTestApp, XA_VINH_AN, XA_VINH_BINH } from './support';
import { analyze, commitOf, previewOf, proposedMapping, stage } from './importWorkbooks';
import { biff, xls } from './xlsFiles';

type TestApp = ReturnType<typeof openTestApp>;
let app: TestApp;

beforeEach(async () => {
  app = openTestApp(new Date('2026-05-20T05:00:00Z'));
  await call(app, 'alliance:save', { name: 'Liên minh Hợp tác xã tỉnh An Giang', provinceCode: AN_GIANG });
  await call(app, 'organizations:create', { kind: 'htx', name: 'HTX Nông nghiệp Vĩnh Bình', registrationNo: '1600123456', communeCode: XA_VINH_AN });
  await call(app, 'organizations:create', { kind: 'htx', name: 'HTX Xoài cát Phú Thạnh', communeCode: XA_VINH_BINH });
});
afterEach(() => app.close());

async function previewFile(fileName: string, bytes: Buffer, kind: ImportKind): Promise<{ jobId: string; preview: ImportPreview }> {
  const { jobId, analysis } = await analyze(app, stage(app, fileName, bytes), kind);
  return previewOf(app, jobId, proposedMapping(analysis), 2025);
}

const notesOf = (preview: ImportPreview, row: number) => preview.page.rows.find((shown) => shown.row === row)?.notes.map((note) => `${note.cell}: ${note.message}`);

describe('cells merged down over several rows', () => {
  it("give an offers list's merged cooperative and address to each product under them, near the header and far below it", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Nguồn cung');
    sheet.addRow(['Tên HTX', 'Địa chỉ', 'Tên sản phẩm', 'Sản lượng', 'ĐVT', 'Thu hoạch từ']);
    const group = (products: string[]) => {
      const first = sheet.rowCount + 1;
      products.forEach((product, at) => sheet.addRow([at === 0 ? 'HTX Xoài cát Phú Thạnh' : null, at === 0 ? 'Xã Vĩnh Bình' : null, product, 5 + at, 'tấn', '01/06/2026']));
      sheet.mergeCells(first, 1, first + products.length - 1, 1);
      sheet.mergeCells(first, 2, first + products.length - 1, 2);
      return first;
    };
    const near = group(['Xoài cát Hòa Lộc', 'Xoài Đài Loan', 'Mít Thái']);
    for (let lot = 1; lot <= 50; lot++) sheet.addRow(['HTX NN Vĩnh Bình', 'xã Vĩnh An', `Gạo ST25 lô ${lot}`, 10, 'tấn', '01/06/2026']);
    const far = group(['Sầu riêng Ri6', 'Bưởi da xanh']);
    const { jobId, preview } = await previewFile('Nguon cung.xlsx', Buffer.from(await book.xlsx.writeBuffer()), 'offers');

    expect(preview.counts).toMatchObject({ rows: 55, valid: 55, invalid: 0 });
    expect(notesOf(preview, near)).toEqual([]);
    expect(notesOf(preview, near + 1)).toEqual([
      `A${near + 1}: Tên tổ chức: ô gộp từ dòng ${near} đến dòng ${near + 2}, ghi nhận «HTX Xoài cát Phú Thạnh» như ở dòng ${near}.`,
      `B${near + 1}: Địa chỉ: ô gộp từ dòng ${near} đến dòng ${near + 2}, ghi nhận «Xã Vĩnh Bình» như ở dòng ${near}.`,
    ]);
    expect(notesOf(preview, far + 1)).toEqual([
      `A${far + 1}: Tên tổ chức: ô gộp từ dòng ${far} đến dòng ${far + 1}, ghi nhận «HTX Xoài cát Phú Thạnh» như ở dòng ${far}.`,
      `B${far + 1}: Địa chỉ: ô gộp từ dòng ${far} đến dòng ${far + 1}, ghi nhận «Xã Vĩnh Bình» như ở dòng ${far}.`,
    ]);
    // The preview shows the row as the sheet does.
    expect(preview.page.rows.find((shown) => shown.row === far + 1)?.values.slice(0, 3)).toEqual(['HTX Xoài cát Phú Thạnh', 'Xã Vĩnh Bình', 'Bưởi da xanh']);

    expect((await commitOf(app, { previewJobId: jobId, decisions: [] })).summary).toMatchObject({ created: 55, failed: 0 });
    const offers = await call(app, 'offers:list', { pageSize: 100 });
    expect(
      offers.rows
        .filter((offer) => offer.organization.name === 'HTX Xoài cát Phú Thạnh')
        .map((offer) => offer.product)
        .sort(),
    ).toEqual(['Bưởi da xanh', 'Mít Thái', 'Sầu riêng Ri6', 'Xoài cát Hòa Lộc', 'Xoài Đài Loan']);
  });

  it("give an .xls members list's merged commune to each cooperative under it, and leave a cell typed inside the range as typed", async () => {
    const header = ['Tên HTX', 'Xã', 'Huyện'];
    const rows = [
      ['HTX Rau sạch Mỹ Khánh', 'Mỹ Khánh', 'TP Long Xuyên'],
      ['HTX Nấm rơm Mỹ Khánh', '', ''],
      ['HTX Dịch vụ Mỹ Hòa Hưng', 'Mỹ Hòa Hưng', ''],
    ];
    const records = [header, ...rows].flatMap((cells, row) => cells.flatMap((value, column) => (value ? [biff.label(row, column, 0, value)] : [])));
    const file = xls([], [{ name: 'DS HTX', records: [...records, biff.mergeCells([{ top: 1, bottom: 3, left: 1, right: 1 }, { top: 1, bottom: 3, left: 2, right: 2 }])] }]);
    const { jobId, preview } = await previewFile('DS HTX.xls', file, 'organizations');
    expect(notesOf(preview, 3)).toEqual([
      'B3: Xã, phường: ô gộp từ dòng 2 đến dòng 4, ghi nhận «Mỹ Khánh» như ở dòng 2.',
      'C3: Quận, huyện (cũ): ô gộp từ dòng 2 đến dòng 4, ghi nhận «TP Long Xuyên» như ở dòng 2.',
    ]);
    // Typed inside the range (Excel keeps only the first cell's value; a file may hold more): kept.
    expect(notesOf(preview, 4)).toEqual(['C4: Quận, huyện (cũ): ô gộp từ dòng 2 đến dòng 4, ghi nhận «TP Long Xuyên» như ở dòng 2.']);
    expect((await commitOf(app, { previewJobId: jobId, decisions: [] })).summary).toMatchObject({ created: 3, failed: 0 });
    const register = await call(app, 'organizations:list', { pageSize: 10 });
    // Xã Mỹ Khánh of TP Long Xuyên is in Phường Bình Đức since 1 July 2025.
    expect(
      register.rows
        .filter((row) => row.name.includes('Mỹ'))
        .map((row) => [row.name, row.communeName])
        .sort(),
    ).toEqual([
      ['HTX Dịch vụ Mỹ Hòa Hưng', 'Xã Mỹ Hòa Hưng'],
      ['HTX Nấm rơm Mỹ Khánh', 'Phường Bình Đức'],
      ['HTX Rau sạch Mỹ Khánh', 'Phường Bình Đức'],
    ]);
  });
});
