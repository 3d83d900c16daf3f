/**
 * Lists exported as text under an Excel name — a CSV named .xlsx, tab-separated text named .xls, a
 * web page named .xls — are read by what they hold, as Excel opens them; what is not a list (a
 * PDF, an image, prose, random bytes) is still refused with a true message; and a crafted page is
 * held to the reader's limits.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openSource, readHead, readRows, type OpenedSource, type SourceRow } from '../../src/core/excel/read';
import { AppFailure } from '../../src/shared/errors';
import { analysisFailure, analyze, commitOf, previewOf, proposedMapping, stage, windows1258 } from './importWorkbooks';
import { AN_GIANG, call, openTestApp } from './support';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'htx-excel-text-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function written(name: string, bytes: Buffer | string): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

async function failureOf(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppFailure);
    return (error as AppFailure).message;
  }
  throw new Error('expected a failure');
}

async function opened(name: string, bytes: Buffer | string): Promise<{ path: string; source: OpenedSource; rows: SourceRow[] }> {
  const path = written(name, bytes);
  const source = await openSource(path, name);
  const rows: SourceRow[] = [];
  for await (const batch of readRows(path, source, source.sheets[0]?.name ?? '', { fromRow: 1 })) rows.push(...batch);
  return { path, source, rows };
}

describe('text under an Excel name', () => {
  it('reads a CSV named .xlsx as a CSV, and says it was named as a workbook', async () => {
    const text = '\ufeffSTT,Tên HTX,Địa chỉ trụ sở,SĐT\n1,HTX NN Vĩnh Trường,"Ấp 1, xã Vĩnh Trường, huyện An Phú",0912000111\n';
    const { source, rows } = await opened('thuc_ra_la_csv.xlsx', text);
    expect(source).toMatchObject({ format: 'csv', encoding: 'utf-8', delimiter: ',', namedAsWorkbook: true });
    expect(source.sheets).toEqual([{ name: 'thuc_ra_la_csv', index: 0, hidden: false, dimension: null, empty: false }]);
    expect(rows).toEqual([
      { rowNumber: 1, cells: ['STT', 'Tên HTX', 'Địa chỉ trụ sở', 'SĐT'] },
      { rowNumber: 2, cells: ['1', 'HTX NN Vĩnh Trường', 'Ấp 1, xã Vĩnh Trường, huyện An Phú', '0912000111'] },
    ]);
  });

  it('reads tab-separated text named .xls, in UTF-8 and as Excel saves “Unicode Text” (UTF-16)', async () => {
    const text = 'STT\tTên HTX\tSố điện thoại\r\n1\tHTX NN Vĩnh Trường 2\t0912000222\r\n2\tHTX Dịch vụ Ngã Năm\t\r\n';
    const expected = [
      { rowNumber: 1, cells: ['STT', 'Tên HTX', 'Số điện thoại'] },
      { rowNumber: 2, cells: ['1', 'HTX NN Vĩnh Trường 2', '0912000222'] },
      { rowNumber: 3, cells: ['2', 'HTX Dịch vụ Ngã Năm', null] },
    ];
    const utf8 = await opened('phan_mem_tab.xls', text);
    expect(utf8.source).toMatchObject({ format: 'csv', delimiter: '\t', namedAsWorkbook: true });
    expect(utf8.rows).toEqual(expected);
    const unicodeText = await opened('unicode_text.xls', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    expect(unicodeText.source).toMatchObject({ format: 'csv', encoding: 'utf-16le', delimiter: '\t', namedAsWorkbook: true });
    expect(unicodeText.rows).toEqual(expected);
  });

  it('reads a CSV named .csv as before, without saying anything of its name', async () => {
    const { source } = await opened('ds.csv', 'Tên HTX;Vốn\nHTX A;1.234,5\n');
    expect(source).toMatchObject({ format: 'csv', delimiter: ';', namedAsWorkbook: false });
  });
});

describe('a web page under an Excel name', () => {
  it('reads the first table of a portal’s page: spans as merged ranges, entities, line breaks, empty cells', async () => {
    const page = `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Danh sách</title></head><body>
<h2>DANH SÁCH HỢP TÁC XÃ</h2>
<table border="1" class="grid">
  <thead>
    <tr><th rowspan="2">STT</th><th rowspan=2>Tên HTX</th><th colspan='2'>Số thành viên</th></tr>
    <tr><th>Chính thức</th><th>Liên kết</th></tr>
  </thead>
  <tbody>
    <TR><TD>1</TD><TD>HTX N&ocirc;ng nghi&#7879;p  V&#x129;nh
      Tr&#432;&#7901;ng &amp; B&igrave;nh H&ograve;a</TD><TD>25</TD><TD>&nbsp;</TD></TR>
    <tr><td>2<td>HTX Dịch vụ<br>Ngã Năm<td>12<td>3
    <tr><td>3</td><td><table><tr><td>bảng lồng</td></tr></table>HTX Bình Hòa</td><td></td><td>7</td></tr>
  </tbody>
</table>
<table><tr><td>Bảng thứ hai, không đọc</td></tr></table>
</body></html>`;
    const { path, source, rows } = await opened('xuat_tu_web.xls', page);
    expect(source).toMatchObject({ format: 'html', encoding: 'utf-8', namedAsWorkbook: true });
    expect(source.sheets).toEqual([{ name: 'xuat_tu_web', index: 0, hidden: false, dimension: null, empty: false }]);
    expect(rows).toEqual([
      { rowNumber: 1, cells: ['STT', 'Tên HTX', 'Số thành viên'] },
      { rowNumber: 2, cells: [null, null, 'Chính thức', 'Liên kết'] },
      { rowNumber: 3, cells: ['1', 'HTX Nông nghiệp Vĩnh Trường & Bình Hòa', '25'] },
      { rowNumber: 4, cells: ['2', 'HTX Dịch vụ\nNgã Năm', '12', '3'] },
      { rowNumber: 5, cells: ['3', 'HTX Bình Hòa', null, '7'] },
    ]);
    expect(await readHead(path, source, 'xuat_tu_web', 2)).toEqual({
      rows: rows.slice(0, 2),
      merges: [
        { top: 1, left: 1, bottom: 2, right: 1 },
        { top: 1, left: 2, bottom: 2, right: 2 },
        { top: 1, left: 3, bottom: 1, right: 4 },
      ],
      hiddenColumns: [],
    });
    const later: SourceRow[] = [];
    for await (const batch of readRows(path, source, 'xuat_tu_web', { fromRow: 4, batchRows: 1, columns: 2 })) later.push(...batch);
    expect(later).toEqual([
      { rowNumber: 4, cells: ['2', 'HTX Dịch vụ\nNgã Năm'] },
      { rowNumber: 5, cells: ['3', 'HTX Bình Hòa'] },
    ]);
  });

  it('reads Excel’s own “Web Page” in the Windows-1258 its <meta> declares', async () => {
    const page =
      '<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">\r\n' +
      '<head><meta http-equiv=Content-Type content="text/html; charset=windows-1258">\r\n' +
      '<!--[if gte mso 9]><xml><x:ExcelWorkbook><x:ExcelWorksheets><x:ExcelWorksheet><x:Name>DS</x:Name></x:ExcelWorksheet></x:ExcelWorksheets></x:ExcelWorkbook></xml><![endif]-->\r\n' +
      '<style>td {mso-number-format:General;}</style></head><body>\r\n' +
      '<table x:str border=0 cellpadding=0 cellspacing=0>\r\n' +
      ' <tr height=20><td height=20 class=xl65>Tên HTX</td><td class=xl65>Địa chỉ</td></tr>\r\n' +
      ' <tr><td>Hợp tác xã Nông nghiệp Vĩnh Bình</td><td>ấp Thạnh Lợi, xã Vĩnh Bình</td></tr>\r\n' +
      ' <![if supportMisalignedColumns]><tr height=0 style="display:none"><td width=64></td></tr><![endif]>\r\n' +
      '</table></body></html>\r\n';
    const { source, rows } = await opened('web_page.xls', windows1258(page));
    expect(source).toMatchObject({ format: 'html', encoding: 'windows-1258', namedAsWorkbook: true });
    expect(rows).toEqual([
      { rowNumber: 1, cells: ['Tên HTX', 'Địa chỉ'] },
      { rowNumber: 2, cells: ['Hợp tác xã Nông nghiệp Vĩnh Bình', 'ấp Thạnh Lợi, xã Vĩnh Bình'] },
      { rowNumber: 3, cells: [] },
    ]);
  });

  it('says a web page without a table has nothing to import', async () => {
    const path = written('trang.xls', '<html><body><p>Không có dữ liệu.</p></body></html>');
    expect(await failureOf(() => openSource(path, 'trang.xls'))).toBe(
      'Tệp «trang.xls» là một trang web (HTML) nhưng không có bảng nào để nhập. Hãy mở tệp bằng Excel để xem, rồi Lưu thành (Save As) → Sổ làm việc Excel (.xlsx) và nhập tệp mới.',
    );
  });
});

describe('what is not a list', () => {
  const notSpreadsheet = (name: string) => `Tệp «${name}» không phải bảng tính Excel (.xlsx, .xls) hay CSV.`;

  it('refuses a PDF, a Word document, an image and random bytes under any name', async () => {
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n%'), Buffer.from([0xe2, 0xe3, 0xcf, 0xd3]), Buffer.from('\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n')]);
    const docx = Buffer.from(zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8('<w:document/>') }));
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]);
    const random = Buffer.from(Array.from({ length: 4096 }, (_, at) => (at * 7919 + 13) % 256));
    for (const [name, bytes] of [
      ['bao_cao.pdf', pdf],
      ['bao_cao.xlsx', pdf],
      ['cong_van.xls', docx],
      ['anh.xls', png],
      ['hong.xlsx', random],
    ] as const) {
      expect(await failureOf(() => openSource(written(name, bytes), name))).toBe(notSpreadsheet(name));
    }
  });

  it('refuses prose under an Excel name, though it has a comma', async () => {
    const name = 'ghi_chu.xls';
    expect(await failureOf(() => openSource(written(name, 'Kính gửi các HTX,\nđề nghị gửi danh sách trước ngày 15/12.\n'), name))).toBe(notSpreadsheet(name));
  });

  it('names Excel 2003’s XML spreadsheet and says how to save it', async () => {
    const xml =
      '<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="DS"/></Workbook>\n';
    expect(await failureOf(() => openSource(written('xml2003.xls', xml), 'xml2003.xls'))).toBe(
      'Tệp «xml2003.xls» là «Bảng tính XML 2003», một dạng cũ HTX Desk chưa đọc được. Hãy mở tệp bằng Excel rồi chọn Lưu thành (Save As) → Sổ làm việc Excel (.xlsx), sau đó nhập tệp mới.',
    );
  });
});

describe('a huge or crafted text under an Excel name', () => {
  async function readAll(name: string, bytes: Buffer | string): Promise<string> {
    return failureOf(async () => opened(name, bytes));
  }

  it('refuses a cell longer than Excel’s 32,767 characters, naming it', async () => {
    const page = `<table><tr><td>Tên HTX</td></tr><tr><td>${'Hợp tác xã '.repeat(3_300)}</td></tr></table>`;
    expect(await readAll('o_dai.xls', page)).toBe(
      'Tệp «o_dai.xls»: ô A2 của trang tính «o_dai» có hơn 32.767 ký tự, quá giới hạn một ô của Excel. Hãy rút gọn ô đó rồi nhập lại.',
    );
  });

  it('refuses a tag or comment that never closes, after a megabyte', async () => {
    const page = `<html><body><table><tr><td>Tên HTX</td></tr><!-- ${'x'.repeat(1_200_000)}`;
    expect(await readAll('the_mo.xls', page)).toMatch(/^Tệp «the_mo\.xls»: phần «trang web» có một thẻ XML dài hơn 1 MB hoặc không được đóng\./);
  });

  it('refuses a row spanned past column XFD', async () => {
    const page = `<table><tr>${'<td colspan="1000">x</td>'.repeat(17)}</tr></table>`;
    expect(await readAll('qua_cot.xls', page)).toBe(
      'Tệp «qua_cot.xls»: dòng 1 của bảng trong trang web có ô ở ngoài cột XFD, cột cuối cùng của Excel. Tệp có thể bị hỏng hoặc không do Excel tạo ra; hãy mở bằng Excel, Lưu lại rồi nhập lại.',
    );
  });

  it('refuses a CSV named .xlsx whose quote never closes, after a megabyte', async () => {
    const text = `Tên HTX,Địa chỉ\nHTX A,xã A\n"HTX B,${'x'.repeat(1_100_000)}\n`;
    expect(await readAll('ngoac.xlsx', text)).toMatch(/^Tệp «ngoac\.xlsx»: từ dòng 3, một dòng dài hơn 1 MB/);
  });
});

describe('importing a portal’s web page named .xls', () => {
  let app: ReturnType<typeof openTestApp>;
  beforeEach(async () => {
    app = openTestApp();
    await call(app, 'alliance:save', { name: 'Liên minh Hợp tác xã tỉnh An Giang', provinceCode: AN_GIANG });
  });
  afterEach(() => app.close());

  it('analyses it as a web page named as a workbook, fills a commune spanned down its rows, and imports it', async () => {
    const page =
      '<html><head><meta charset="utf-8"></head><body><table>' +
      '<tr><th>STT</th><th>Tên HTX</th><th>Xã</th></tr>' +
      '<tr><td>1</td><td>Hợp tác xã Nông nghiệp Vĩnh Hòa</td><td rowspan="2">xã Vĩnh Hòa</td></tr>' +
      '<tr><td>2</td><td>HTX Dịch vụ Vĩnh Hòa</td></tr>' +
      '</table></body></html>';
    const { jobId, analysis } = await analyze(app, stage(app, 'DS HTX.xls', page));
    expect(analysis).toMatchObject({ format: 'html', namedAsWorkbook: true, headerRows: [1], dataStartRow: 2, codePageRead: null });
    expect(analysis.sampleRows).toEqual([
      { row: 2, cells: ['1', 'Hợp tác xã Nông nghiệp Vĩnh Hòa', 'xã Vĩnh Hòa'] },
      { row: 3, cells: ['2', 'HTX Dịch vụ Vĩnh Hòa', 'xã Vĩnh Hòa'] },
    ]);
    const { jobId: previewJobId } = await previewOf(app, jobId, proposedMapping(analysis));
    await commitOf(app, { previewJobId, decisions: [] });
    expect(app.ctx.db.$client.prepare('SELECT name, commune_code AS code FROM organizations ORDER BY id').all()).toEqual([
      { name: 'Hợp tác xã Nông nghiệp Vĩnh Hòa', code: '31012' },
      { name: 'HTX Dịch vụ Vĩnh Hòa', code: '31012' },
    ]);
  });

  it('analyses a CSV named .xlsx as a CSV named as a workbook', async () => {
    const { analysis } = await analyze(app, stage(app, 'DS HTX.xlsx', 'STT,Tên HTX\n1,Hợp tác xã Nông nghiệp Vĩnh Hòa\n'));
    expect(analysis).toMatchObject({ format: 'csv', namedAsWorkbook: true });
  });

  it('still refuses a PDF named .xlsx', async () => {
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n%'), Buffer.from([0xe2, 0xe3, 0xcf, 0xd3]), Buffer.from('\n%%EOF\n')]);
    expect((await analysisFailure(app, stage(app, 'DS HTX.xlsx', pdf)))?.message).toBe('Tệp «DS HTX.xlsx» không phải bảng tính Excel (.xlsx, .xls) hay CSV.');
  });
});
