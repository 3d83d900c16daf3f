/** Files an import cannot take as they are: each says plainly why, and the register is left as it was. */
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AN_GIANG, call, openTestApp } from './support';
import { analysisFailure, analyze, commitOf, messyWorkbook, previewOf, proposedMapping, settle, stage } from './importWorkbooks';

let app: ReturnType<typeof openTestApp>;
beforeEach(async () => {
  app = openTestApp();
  await call(app, 'alliance:save', { name: 'Liên minh Hợp tác xã tỉnh An Giang', provinceCode: AN_GIANG });
});
afterEach(() => app.close());

function registerSize(): number {
  return (app.ctx.db.$client.prepare('SELECT count(*) AS n FROM organizations').get() as { n: number }).n;
}

async function workbookOf(fill: (sheet: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  fill(workbook.addWorksheet('Danh sách'));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('files that cannot be read', () => {
  it('says so for a file that is not a workbook, a truncated one, an empty sheet and one without a header', async () => {
    expect((await analysisFailure(app, stage(app, 'danh sach.xlsx', 'Đây là một bức thư, không phải bảng tính.')))?.message).toBe(
      'Tệp «danh sach.xlsx» không phải bảng tính Excel (.xlsx, .xls) hay CSV.',
    );
    const whole = await messyWorkbook();
    expect((await analysisFailure(app, stage(app, 'cat cut.xlsx', whole.subarray(0, Math.floor(whole.length / 2)))))?.message).toMatch(
      /^Tệp «cat cut.xlsx» bị cắt cụt hoặc hỏng/,
    );
    expect((await analysisFailure(app, stage(app, 'trong.xlsx', await workbookOf(() => undefined))))?.message).toBe('Tệp «trong.xlsx» không có trang tính nào có dữ liệu.');
    const noHeader = await workbookOf((sheet) => {
      sheet.addRow(['Báo cáo tình hình hoạt động quý III']);
      sheet.addRow([1, 2, 3]);
    });
    expect((await analysisFailure(app, stage(app, 'khong tieu de.xlsx', noHeader)))?.message).toMatch(/^Không tìm thấy dòng tiêu đề trong trang tính «Danh sách»/);
    expect(registerSize()).toBe(0);
  });
});

describe('rows that cannot be taken', () => {
  it('names every cell with a wrong type, a formula without a value or an error, and writes none of them', async () => {
    const bytes = await workbookOf((sheet) => {
      sheet.addRow(['Tên HTX', 'Mã số thuế', 'Địa chỉ', 'Ngày thành lập', 'Vốn điều lệ', 'Thư điện tử']);
      sheet.addRow([12345, '16001234', 'xã Không Có, huyện Đâu Đó', 'hôm qua', 'một tỷ', 'htx@']);
      sheet.addRow(['HTX Bình Hòa', { formula: 'A1&"1"' }, 'xã Bình Hòa, huyện Châu Thành, tỉnh An Giang', { error: '#N/A' }, true, '']);
    });
    const { jobId, analysis } = await analyze(app, stage(app, 'sai kieu.xlsx', bytes));
    const { jobId: previewJob, preview } = await previewOf(app, jobId, proposedMapping(analysis));
    expect(preview.counts).toMatchObject({ rows: 2, valid: 0, invalid: 2 });
    expect(preview.page.rows[0]?.problems).toEqual([
      { cell: 'D2', message: 'Ngày thành lập: «hôm qua» không phải ngày dạng dd/mm/yyyy.' },
      { cell: 'E2', message: 'Vốn điều lệ: «một tỷ» không phải số.' },
      { cell: 'B2', message: 'Mã số HTX (mã số thuế) gồm 10 chữ số, hoặc 10 chữ số, gạch ngang và 3 chữ số.' },
      { cell: 'F2', message: 'Thư điện tử không đúng dạng (ví dụ: lienminh@angiang.gov.vn).' },
    ]);
    expect(preview.page.rows[1]?.problems).toEqual([
      { cell: 'B3', message: 'Mã số HTX: ô có công thức chưa được tính; hãy mở tệp trong Excel, Lưu lại rồi nhập lại.' },
      { cell: 'D3', message: 'Ngày thành lập: ô báo lỗi công thức (#N/A, #VALUE!…); hãy sửa trong Excel rồi nhập lại.' },
      { cell: 'E3', message: 'Vốn điều lệ: «TRUE» không phải số.' },
    ]);
    const { summary } = await commitOf(app, { previewJobId: previewJob, decisions: [], bulk: { fresh: 'create' } });
    expect(summary).toMatchObject({ created: 0, updated: 0, failed: 2 });
    expect(registerSize()).toBe(0);
  });

  it('reads a sheet whose every header and title is merged', async () => {
    const bytes = await workbookOf((sheet) => {
      sheet.getCell('A1').value = 'DANH SÁCH HỢP TÁC XÃ';
      sheet.mergeCells('A1:F3');
      sheet.getCell('A4').value = 'Tên HTX';
      sheet.mergeCells('A4:B6');
      sheet.getCell('C4').value = 'Địa chỉ';
      sheet.mergeCells('C4:D6');
      sheet.getCell('E4').value = 'Ngày thành lập';
      sheet.mergeCells('E4:F6');
      sheet.getCell('A7').value = 'HTX Nông nghiệp Bình Hòa';
      sheet.mergeCells('A7:B7');
      sheet.getCell('C7').value = 'xã Bình Hòa, huyện Châu Thành, tỉnh An Giang';
      sheet.mergeCells('C7:D7');
      sheet.getCell('E7').value = '02/09/2020';
      sheet.mergeCells('E7:F7');
    });
    const { jobId, analysis } = await analyze(app, stage(app, 'gop o.xlsx', bytes));
    // Merged across, each header fills its second column too; the first keeps the field.
    expect(analysis.columns.map((column) => [column.letter, column.field])).toEqual([['A', 'name'], ['B', null], ['C', 'address'], ['D', null], ['E', 'foundedOn'], ['F', null]]);
    const { preview } = await previewOf(app, jobId, proposedMapping(analysis));
    expect(preview.page.rows).toMatchObject([{ row: 7, status: 'valid', values: ['HTX Nông nghiệp Bình Hòa', 'xã Bình Hòa, huyện Châu Thành, tỉnh An Giang', '02/09/2020'] }]);
  });
});

describe('a list of 100,000 rows', () => {
  it('is read in batches with progress, can be cancelled, and then changes nothing', async () => {
    const lines = ['Tên HTX,Địa chỉ,Ngày thành lập,Mã số thuế'];
    for (let index = 0; index < 100_000; index += 1) {
      lines.push(`HTX Nông nghiệp số ${index},"xã Bình Hòa, huyện Châu Thành, tỉnh An Giang",15/03/2019,${String(1_600_000_000 + index)}`);
    }
    const fileId = stage(app, 'rat nhieu.csv', lines.join('\n'));
    const { jobId, analysis } = await analyze(app, fileId);
    const started = Date.now();
    const { jobId: previewJob } = await call(app, 'imports:preview', { analysisJobId: jobId, mapping: proposedMapping(analysis) });
    let progress = await call(app, 'jobs:status', { jobId: previewJob });
    while (progress.state === 'running' && progress.done < 5000) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      progress = await call(app, 'jobs:status', { jobId: previewJob });
    }
    expect(progress).toMatchObject({ state: 'running', phase: 'validating' });
    // A CSV does not say how many rows it has: the total is estimated from the bytes read.
    expect(progress.total).toBeGreaterThan(50_000);
    await call(app, 'jobs:cancel', { jobId: previewJob });
    expect((await settle(app, previewJob)).state).toBe('cancelled');

    const { jobId: fullPreview } = await call(app, 'imports:preview', { analysisJobId: jobId, mapping: proposedMapping(analysis) });
    expect(await settle(app, fullPreview)).toMatchObject({ state: 'done', done: 100_000 });
    const preview = await call(app, 'imports:previewResult', { jobId: fullPreview, page: 2000, pageSize: 50 });
    expect(preview.counts).toMatchObject({ rows: 100_000, valid: 100_000, fresh: 100_000 });
    expect(preview.page.rows.at(-1)?.row).toBe(100_001);
    console.info(`preview of 100,000 rows: ${String(Date.now() - started)} ms`);
    expect(registerSize()).toBe(0);
  }, 300_000);
});
