/**
 * Lists exported as text under an Excel name — a CSV named .xlsx, tab-separated text named .xls, a
 * web page or a single file web page (.mht) named .xls — are read by what they hold, as Excel opens them; what is not a list (a
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

  it('reads Excel’s own “Web Page” as the workbook holds it: the numbers it stored, the rows and columns it hides', async () => {
    // As Excel writes a sheet: its columns' widths first (a hidden one has no width), hidden rows
    // styled away, each number cell marked x:num — with the number stored when it shows another.
    const page =
      '<html xmlns:x="urn:schemas-microsoft-com:office:excel"><head><meta http-equiv=Content-Type content="text/html; charset=utf-8"></head><body>\r\n' +
      "<table x:str border=0 cellpadding=0 cellspacing=0 width=700 style='border-collapse:\r\n collapse;table-layout:fixed;width:525pt'>\r\n" +
      " <col width=40 style='mso-width-source:userset;mso-width-alt:1462;width:30pt'>\r\n" +
      " <col width=220 style='mso-width-source:userset;mso-width-alt:8045;width:165pt'>\r\n" +
      " <col width=0 style='display:none;mso-width-source:userset;\r\n mso-width-alt:2560'>\r\n" +
      " <col width=100 span=3 style='mso-width-source:userset;mso-width-alt:3657;width:75pt'>\r\n" +
      " <col width=0 span=2 style='display:none'>\r\n" +
      " <tr height=20 style='height:15.0pt'>\r\n  <td height=20 class=xl65 width=40 style='height:15.0pt;width:30pt'>STT</td>\r\n" +
      '  <td class=xl65>Tên HTX</td><td class=xl65>Ghi chú nội bộ</td><td class=xl65>Điện thoại</td><td class=xl65>Vốn điều lệ (triệu đồng)</td><td class=xl65>Ngày thành lập</td>\r\n </tr>\r\n' +
      " <tr height=20 style='height:15.0pt'>\r\n  <td height=20 class=xl66 align=right style='height:15.0pt' x:num>1</td><td>HTX Nông nghiệp An Châu</td><td>đã xác minh</td>\r\n" +
      '  <td class=xl67 align=right x:num>912345678</td><td class=xl68 align=right x:num="1234.567">1.235</td><td class=xl69 align=right x:num="44927">01/01/2023</td>\r\n </tr>\r\n' +
      " <tr height=0 style='display:none'>\r\n  <td height=0 class=xl66 align=right x:num>2</td><td>HTX Dịch vụ Bình Hòa</td><td></td>\r\n" +
      '  <td class=xl67>0296 3851 234</td><td class=xl68 align=right x:num="-35">(35)</td><td class=xl70 x:num="0.15">15%</td>\r\n </tr>\r\n' +
      " <![if supportMisalignedColumns]>\r\n <tr height=0 style='display:none'>\r\n  <td width=40 style='width:30pt'></td>\r\n  <td width=220 style='width:165pt'></td>\r\n </tr>\r\n <![endif]>\r\n" +
      '</table></body></html>\r\n';
    const { path, source, rows } = await opened('web_page.xls', page);
    expect(rows).toEqual([
      { rowNumber: 1, cells: ['STT', 'Tên HTX', 'Ghi chú nội bộ', 'Điện thoại', 'Vốn điều lệ (triệu đồng)', 'Ngày thành lập'] },
      { rowNumber: 2, cells: [1, 'HTX Nông nghiệp An Châu', 'đã xác minh', 912345678, 1234.567, '01/01/2023'] },
      { rowNumber: 3, cells: [2, 'HTX Dịch vụ Bình Hòa', null, '0296 3851 234', -35, '15%'], hidden: true },
      { rowNumber: 4, cells: [] },
    ]);
    expect((await readHead(path, source, 'web_page', 2)).hiddenColumns).toEqual([2, 6, 7]);
  });

  it('says a web page without a table has nothing to import', async () => {
    const path = written('trang.xls', '<html><body><p>Không có dữ liệu.</p></body></html>');
    expect(await failureOf(() => openSource(path, 'trang.xls'))).toBe(
      'Tệp «trang.xls» là một trang web (HTML) nhưng không có bảng nào để nhập. Hãy mở tệp bằng Excel để xem, rồi Lưu thành (Save As) → Sổ làm việc Excel (.xlsx) và nhập tệp mới.',
    );
  });
});

describe('a «<» that starts no tag in a portal’s page', () => {
  it('is text, as a browser and Excel show it', async () => {
    const page =
      '<html><head><meta charset="utf-8"></head><body><table>' +
      '<tr><th>Tên HTX</th><th>Quy mô</th><th>Diện tích</th><th>Ghi chú</th></tr>' +
      '<tr><td>HTX Vĩnh Hòa</td><td>Doanh thu < 1 tỷ</td><td><5 ha</td><td>vốn <= 500 triệu, <Đạt> chuẩn</td></tr>' +
      '<tr><td>HTX Bình Hòa</td><td>1 < x < 2</td><td>10 ha<</td><td>a <b>đậm</b></td></tr>' +
      '</table></body></html>';
    const { rows } = await opened('cong_thong_tin.xls', page);
    expect(rows).toEqual([
      { rowNumber: 1, cells: ['Tên HTX', 'Quy mô', 'Diện tích', 'Ghi chú'] },
      { rowNumber: 2, cells: ['HTX Vĩnh Hòa', 'Doanh thu < 1 tỷ', '<5 ha', 'vốn <= 500 triệu, <Đạt> chuẩn'] },
      { rowNumber: 3, cells: ['HTX Bình Hòa', '1 < x < 2', '10 ha<', 'a đậm'] },
    ]);
  });

  it('waits for the next piece of the page to tell a tag from text', async () => {
    // The page is read 256 KB at a time: the «<» of </td> is the last character of the first piece.
    const opening = '<html><body><!-- ';
    const cell = ' --><table><tr><td>Doanh thu < 1 tỷ';
    const page = `${opening}${'x'.repeat(256 * 1024 - 1 - opening.length - Buffer.byteLength(cell))}${cell}</td><td><5 ha</td></tr></table></body></html>`;
    expect(Buffer.byteLength(page.slice(0, page.indexOf('</td>')))).toBe(256 * 1024 - 1);
    const { rows } = await opened('cat_doan.xls', page);
    expect(rows).toEqual([{ rowNumber: 1, cells: ['Doanh thu < 1 tỷ', '<5 ha'] }]);
  });
});

/** Bytes as quoted-printable, as Excel writes them: `=XX` for `=` and bytes past ASCII, lines cut at 76 with a soft line break. */
function quotedPrintable(bytes: Buffer): string {
  let text = '';
  let line = '';
  for (const byte of bytes) {
    const written = byte === 0x0a ? '\n' : byte === 0x0d ? '' : byte === 0x3d || byte > 0x7e ? `=${byte.toString(16).toUpperCase().padStart(2, '0')}` : String.fromCharCode(byte);
    if (written === '\n') {
      text += `${line}\r\n`;
      line = '';
      continue;
    }
    if (line.length + written.length > 75) {
      text += `${line}=\r\n`;
      line = '';
    }
    line += written;
  }
  return text + line;
}

interface ArchivePart {
  location: string;
  type: string;
  body: Buffer;
  transfer: 'quoted-printable' | 'base64' | '8bit';
}

/** A web archive as Excel writes a workbook saved as «Single File Web Page». */
function webArchive(parts: ArchivePart[], boundary = '----=_NextPart_01DB2F1C.6A3B5E40'): Buffer {
  const encoded = (part: ArchivePart) =>
    part.transfer === 'quoted-printable'
      ? Buffer.from(quotedPrintable(part.body), 'latin1')
      : part.transfer === 'base64'
        ? Buffer.from((part.body.toString('base64').match(/.{1,76}/g) ?? []).join('\r\n'), 'latin1')
        : part.body;
  return Buffer.concat([
    Buffer.from(
      `MIME-Version: 1.0\r\nX-Document-Type: Workbook\r\nContent-Type: multipart/related;\r\n\tboundary="${boundary}"\r\n\r\n` +
        'This document is a Single File Web Page, also known as a Web Archive file.  If you are seeing this message, your browser or editor doesn\'t support Web Archive files.\r\n\r\n',
      'latin1',
    ),
    ...parts.flatMap((part) => [
      Buffer.from(`--${boundary}\r\nContent-Location: ${part.location}\r\nContent-Transfer-Encoding: ${part.transfer}\r\nContent-Type: ${part.type}\r\n\r\n`, 'latin1'),
      encoded(part),
      Buffer.from('\r\n\r\n', 'latin1'),
    ]),
    Buffer.from(`--${boundary}--\r\n`, 'latin1'),
  ]);
}

const frameset = Buffer.from(
  '<html xmlns:x="urn:schemas-microsoft-com:office:excel">\r\n<head><meta name="Excel Workbook Frameset"><meta http-equiv=Content-Type content="text/html; charset=us-ascii">\r\n' +
    '<!--[if gte mso 9]><xml><x:ExcelWorkbook><x:ExcelWorksheets><x:ExcelWorksheet><x:Name>DS HTX</x:Name><x:WorksheetSource HRef="DS_files/sheet001.htm"/></x:ExcelWorksheet></x:ExcelWorksheets></x:ExcelWorkbook></xml><![endif]-->\r\n' +
    '</head>\r\n<frameset rows="*,39" border=0 width=0 frameborder=no framespacing=0>\r\n <frame src="DS_files/sheet001.htm" name="frSheet">\r\n <frame src="DS_files/tabstrip.htm" name="frTabs" marginwidth=0 marginheight=0>\r\n</frameset>\r\n</html>\r\n',
  'latin1',
);
const tabstrip = Buffer.from(
  '<html><head><meta http-equiv=Content-Type content="text/html; charset=us-ascii"></head><body topmargin=0 leftmargin=0 bgcolor="#808080">\r\n' +
    '<table border=0 cellspacing=1><tr><td bgcolor="#FFFFFF" nowrap><b><small><small>&nbsp;<a href="sheet001.htm" target="frSheet"><font face="Arial" color="#000000">DS HTX</font></a>&nbsp;</small></small></b></td></tr></table></body></html>\r\n',
  'latin1',
);

/** A sheet's page as Excel writes it: every attribute quoted-printable's `=3D` once encoded. */
function sheetPage(rows: string[][], charset: string): string {
  return (
    `<html xmlns:x="urn:schemas-microsoft-com:office:excel">\r\n<head>\r\n<meta http-equiv=Content-Type content="text/html; charset=${charset}">\r\n` +
    '<link id=Main-File rel=Main-File href="../DS.htm">\r\n<style>td {mso-number-format:General;}</style>\r\n</head>\r\n<body link=blue vlink=purple>\r\n' +
    '<table border=0 cellpadding=0 cellspacing=0 width=640 style=\'border-collapse:collapse;table-layout:fixed;width:480pt\'>\r\n' +
    rows.map((cells) => ` <tr height=20 style='height:15.0pt'>\r\n${cells.map((cell) => `  <td class=xl65 width=160 style='width:120pt'>${cell}</td>`).join('\r\n')}\r\n </tr>\r\n`).join('') +
    '</table>\r\n</body>\r\n</html>\r\n'
  );
}

/**
 * A workbook of several sheets as Excel saves it as «Single File Web Page» on a Vietnamese Windows:
 * the page of frames listing the sheets (its script and its XML, in Windows-1258), each sheet's
 * page, the sheet tabs, the style sheet and the file list, all quoted-printable.
 */
function workbookArchive(sheets: { name: string; rows: string[][] }[]): Buffer {
  const base = 'file:///C:/Users/VP/Documents/DS%20HTX';
  const source = (at: number) => `DS%20HTX_files/sheet${String(at + 1).padStart(3, '0')}.htm`;
  const frames =
    '<html xmlns:v="urn:schemas-microsoft-com:vml"\r\nxmlns:o="urn:schemas-microsoft-com:office:office"\r\nxmlns:x="urn:schemas-microsoft-com:office:excel"\r\nxmlns="http://www.w3.org/TR/REC-html40">\r\n\r\n<head>\r\n' +
    '<meta name="Excel Workbook Frameset">\r\n<meta http-equiv=Content-Type content="text/html; charset=windows-1258">\r\n<meta name=ProgId content=Excel.Sheet>\r\n<meta name=Generator content="Microsoft Excel 15">\r\n' +
    '<link rel=File-List href="DS%20HTX_files/filelist.xml">\r\n<![if !supportTabStrip]>\r\n' +
    sheets.map((_, at) => `<link id="shLink" href="${source(at)}">\r\n`).join('') +
    '<link id="shLink">\r\n\r\n<script language="JavaScript">\r\n<!--\r\n' +
    ` var c_lTabs=${sheets.length};\r\n var c_rgszSh=new Array(c_lTabs);\r\n` +
    sheets.map((sheet, at) => ` c_rgszSh[${at}] = "${sheet.name}";\r\n`).join('') +
    '//-->\r\n</script>\r\n<![endif]>\r\n<!--[if gte mso 9]><xml>\r\n <x:ExcelWorkbook>\r\n  <x:ExcelWorksheets>\r\n' +
    sheets.map((sheet, at) => `   <x:ExcelWorksheet>\r\n    <x:Name>${sheet.name}</x:Name>\r\n    <x:WorksheetSource HRef="${source(at)}"/>\r\n   </x:ExcelWorksheet>\r\n`).join('') +
    '  </x:ExcelWorksheets>\r\n  <x:Stylesheet HRef="DS%20HTX_files/stylesheet.css"/>\r\n  <x:WindowHeight>12300</x:WindowHeight>\r\n  <x:WindowWidth>28800</x:WindowWidth>\r\n  <x:ActiveSheet>1</x:ActiveSheet>\r\n' +
    ' </x:ExcelWorkbook>\r\n</xml><![endif]-->\r\n</head>\r\n\r\n<frameset rows="*,39" border=0 width=0 frameborder=no framespacing=0>\r\n' +
    ` <frame src="${source(0)}" name="frSheet">\r\n <frame src="DS%20HTX_files/tabstrip.htm" name="frTabs" marginwidth=0 marginheight=0>\r\n` +
    ' <noframes>\r\n  <body>\r\n   <p>This page uses frames, but your browser doesn\'t support them.</p>\r\n  </body>\r\n </noframes>\r\n</frameset>\r\n</html>\r\n';
  const tabs =
    '<html><head><meta http-equiv=Content-Type content="text/html; charset=windows-1258"></head><body topmargin=0 leftmargin=0 bgcolor="#808080">\r\n<table border=0 cellspacing=1><tr>\r\n' +
    sheets.map((sheet, at) => `<td bgcolor="#FFFFFF" nowrap><b><small><small>&nbsp;<a href="sheet${String(at + 1).padStart(3, '0')}.htm" target="frSheet"><font face="Arial" color="#000000">${sheet.name}</font></a>&nbsp;</small></small></b></td>\r\n`).join('') +
    '</tr></table></body></html>\r\n';
  const page = (type: string, location: string, body: Buffer): ArchivePart => ({ location: `${base}${location}`, type, body, transfer: 'quoted-printable' });
  return webArchive([
    page('text/html; charset="windows-1258"', '.htm', windows1258(frames)),
    ...sheets.map((sheet, at) => page('text/html; charset="windows-1258"', `_files/sheet${String(at + 1).padStart(3, '0')}.htm`, windows1258(sheetPage(sheet.rows, 'windows-1258')))),
    page('text/html; charset="windows-1258"', '_files/tabstrip.htm', windows1258(tabs)),
    page('text/css; charset="windows-1258"', '_files/stylesheet.css', Buffer.from('tr {mso-height-source:auto;}\r\ncol {mso-width-source:auto;}\r\n', 'latin1')),
    page('text/xml; charset="utf-8"', '_files/filelist.xml', Buffer.from('<xml xmlns:o="urn:schemas-microsoft-com:office:office">\r\n <o:MainFile HRef="../DS%20HTX.htm"/>\r\n</xml>', 'latin1')),
  ]);
}

/** A list kept one sheet per district, and a sheet of notes, saved by Excel as a single file web page. */
const districtSheets = [
  {
    name: 'Châu Thành',
    rows: [
      ['STT', 'Tên HTX', 'Xã'],
      ['1', 'Hợp tác xã Nông nghiệp Vĩnh Hòa', 'xã Vĩnh Hòa'],
    ],
  },
  {
    name: 'Thoại Sơn',
    rows: [
      ['STT', 'Tên HTX', 'Xã'],
      ['1', 'HTX Dịch vụ Vĩnh Hòa', 'xã Vĩnh Hòa'],
      ['2', 'Hợp tác xã Nông nghiệp Ngã Năm', 'xã Vĩnh Xương'],
    ],
  },
  { name: 'Ghi chú', rows: [['Số liệu do các xã gửi về tháng 10/2024.']] },
];

describe('a single file web page (.mht), under its own name or an Excel one', () => {
  const rows = [
    ['STT', 'Tên HTX', 'Địa chỉ', 'Ghi chú'],
    ['1', 'Hợp tác xã Nông nghiệp Vĩnh Hòa', 'ấp Vĩnh Phước, xã Vĩnh Hòa', 'Doanh thu &lt; 1 tỷ'],
    ['2', 'HTX Dịch vụ Ngã Năm', 'ấp 3, xã Vĩnh Xương', ''],
  ];
  const expected = [
    { rowNumber: 1, cells: ['STT', 'Tên HTX', 'Địa chỉ', 'Ghi chú'] },
    { rowNumber: 2, cells: ['1', 'Hợp tác xã Nông nghiệp Vĩnh Hòa', 'ấp Vĩnh Phước, xã Vĩnh Hòa', 'Doanh thu < 1 tỷ'] },
    { rowNumber: 3, cells: ['2', 'HTX Dịch vụ Ngã Năm', 'ấp 3, xã Vĩnh Xương'] },
  ];

  it('reads the sheet’s table of Excel’s workbook archive, quoted-printable in Windows-1258, named .xls', async () => {
    const archive = webArchive([
      { location: 'file:///C:/Users/VP/AppData/Local/Temp/DS.htm', type: 'text/html; charset="us-ascii"', body: frameset, transfer: 'quoted-printable' },
      { location: 'file:///C:/Users/VP/AppData/Local/Temp/DS_files/tabstrip.htm', type: 'text/html; charset="us-ascii"', body: tabstrip, transfer: 'quoted-printable' },
      { location: 'file:///C:/Users/VP/AppData/Local/Temp/DS_files/sheet001.htm', type: 'text/html; charset="windows-1258"', body: windows1258(sheetPage(rows, 'windows-1258')), transfer: 'quoted-printable' },
      { location: 'file:///C:/Users/VP/AppData/Local/Temp/DS_files/filelist.xml', type: 'text/xml; charset="utf-8"', body: Buffer.from('<xml><o:MainFile HRef="../DS.htm"/></xml>'), transfer: 'quoted-printable' },
    ]);
    // Quoted-printable cuts the page's lines with soft line breaks, and writes «=» and every byte past ASCII as =XX.
    expect(archive.toString('latin1')).toContain('=3D');
    expect(archive.toString('latin1')).toMatch(/=\r\n/);
    const { path, source, rows: read } = await opened('DS HTX.xls', archive);
    expect(source).toMatchObject({ format: 'html', namedAsWorkbook: true });
    expect(source.webArchivePages?.map((page) => page.encoding)).toEqual(['windows-1258']);
    expect(source.sheets).toEqual([{ name: 'DS HTX', index: 0, hidden: false, dimension: null, empty: false }]);
    expect(read).toEqual(expected);
    expect(await readHead(path, source, 'DS HTX', 2)).toEqual({ rows: expected.slice(0, 2), merges: [], hiddenColumns: [] });
  });

  it('reads a page written base64 in the UTF-8 its <meta> declares, named .mht', async () => {
    const page = Buffer.from(sheetPage(rows, 'utf-8'), 'utf8');
    const archive = webArchive([{ location: 'DS.htm', type: 'text/html', body: page, transfer: 'base64' }]);
    const { source, rows: read } = await opened('DS HTX.mht', archive);
    expect(source).toMatchObject({ format: 'html', namedAsWorkbook: false });
    expect(source.webArchivePages?.map((page) => page.encoding)).toEqual(['utf-8']);
    expect(read).toEqual(expected);
  });

  it('reads a page sent as the archive’s only content, and one written as is (8bit) under .mhtml', async () => {
    const page = sheetPage(rows, 'utf-8');
    const single = Buffer.from(`MIME-Version: 1.0\r\nContent-Type: text/html; charset="utf-8"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n${quotedPrintable(Buffer.from(page, 'utf8'))}`, 'latin1');
    expect((await opened('ds_mot_phan.xls', single)).rows).toEqual(expected);
    const asIs = webArchive([{ location: 'DS.htm', type: 'text/html; charset=utf-8', body: Buffer.from(page, 'utf8'), transfer: '8bit' }], 'ranh-gioi');
    const read = await opened('DS HTX.mhtml', asIs);
    expect(read.source).toMatchObject({ format: 'html', namedAsWorkbook: false });
    expect(read.rows).toEqual(expected);
  });

  it('decodes a long list across the pieces it is read in, an escape or a group cut by a piece’s end', async () => {
    const many = [rows[0] ?? [], ...Array.from({ length: 4000 }, (_, at) => [String(at + 1), `Hợp tác xã Nông nghiệp số ${at + 1}`, 'ấp Vĩnh Phước, xã Vĩnh Hòa', ''])];
    const piece = 256 * 1024;
    /** The archive written in `transfer`, where the page's body starts, and that archive with spaces before the page. */
    const shifted = (transfer: ArchivePart['transfer']) => {
      const archive = webArchive([
        { location: 'DS.htm', type: 'text/html; charset="us-ascii"', body: frameset, transfer },
        { location: 'DS_files/sheet001.htm', type: 'text/html; charset="utf-8"', body: Buffer.from(sheetPage(many, 'utf-8'), 'utf8'), transfer },
      ]);
      const start = archive.indexOf('\r\n\r\n', archive.indexOf('Content-Location: DS_files/sheet001.htm')) + 4;
      /** The archive with the page moved on by `shift` spaces, so that the page's first piece ends `shift` bytes earlier in what it held. */
      const moved = (shift: number) => Buffer.concat([archive.subarray(0, start), Buffer.from(' '.repeat(shift)), archive.subarray(start)]);
      /** The first shift at which the first piece ends as `end` says. */
      const cutAt = (end: RegExp) => {
        const shift = Array.from({ length: 300 }, (_, at) => at).find((at) => end.test(archive.subarray(start + piece - 3 - at, start + piece - at).toString('latin1')));
        expect(shift).toBeDefined();
        return moved(shift ?? 0);
      };
      return { moved, cutAt };
    };
    const quoted = shifted('quoted-printable');
    // The first piece ends in «=», in «=X», in «=\r» (a soft line break cut), and mid-way through a group of four base64 characters.
    const archives = [quoted.cutAt(/=$/), quoted.cutAt(/=[0-9A-F]$/), quoted.cutAt(/=\r$/), shifted('base64').moved(1)];
    for (const archive of archives) {
      const { rows: read } = await opened('dai.xls', archive);
      expect(read).toHaveLength(4001);
      expect(read.at(-1)).toEqual({ rowNumber: 4001, cells: ['4000', 'Hợp tác xã Nông nghiệp số 4000', 'ấp Vĩnh Phước, xã Vĩnh Hòa'] });
    }
  });

  it('reads every sheet of a workbook Excel saved as a single file web page, each by the name on its tab', async () => {
    const archive = workbookArchive(districtSheets);
    expect(archive.toString('latin1')).toContain('<x:Name>Thoa=F2i S=F5n</x:Name>');
    const path = written('DS HTX.xls', archive);
    const source = await openSource(path, 'DS HTX.xls');
    expect(source).toMatchObject({ format: 'html', namedAsWorkbook: true });
    expect(source.sheets).toEqual([
      { name: 'Châu Thành', index: 0, hidden: false, dimension: null, empty: false },
      { name: 'Thoại Sơn', index: 1, hidden: false, dimension: null, empty: false },
      { name: 'Ghi chú', index: 2, hidden: false, dimension: null, empty: false },
    ]);
    const rowsOf = async (sheet: string) => {
      const rows: SourceRow[] = [];
      for await (const batch of readRows(path, source, sheet, { fromRow: 2 })) rows.push(...batch);
      return rows;
    };
    expect(await rowsOf('Thoại Sơn')).toEqual([
      { rowNumber: 2, cells: ['1', 'HTX Dịch vụ Vĩnh Hòa', 'xã Vĩnh Hòa'] },
      { rowNumber: 3, cells: ['2', 'Hợp tác xã Nông nghiệp Ngã Năm', 'xã Vĩnh Xương'] },
    ]);
    expect(await rowsOf('Châu Thành')).toEqual([{ rowNumber: 2, cells: ['1', 'Hợp tác xã Nông nghiệp Vĩnh Hòa', 'xã Vĩnh Hòa'] }]);
    expect((await readHead(path, source, 'Ghi chú', 5)).rows).toEqual([{ rowNumber: 1, cells: ['Số liệu do các xã gửi về tháng 10/2024.'] }]);
    expect(await failureOf(() => readHead(path, source, 'An Phú', 5))).toBe('Không có trang tính «An Phú» trong tệp.');
  });

  it('says a web archive without a table has nothing to import', async () => {
    const archive = webArchive([
      { location: 'Thong bao.htm', type: 'text/html; charset="utf-8"', body: Buffer.from('<html><body><p>Kính gửi các HTX: danh sách gửi sau.</p></body></html>', 'utf8'), transfer: 'quoted-printable' },
      { location: 'Thong bao_files/image001.png', type: 'image/png', body: Buffer.from([0x89, 0x50, 0x4e, 0x47]), transfer: 'base64' },
    ]);
    expect(await failureOf(() => openSource(written('thong_bao.mht', archive), 'thong_bao.mht'))).toBe(
      'Tệp «thong_bao.mht» là một trang web lưu thành một tệp (MHT, «Single File Web Page») nhưng không có bảng nào để nhập. Hãy mở tệp bằng Excel để xem, rồi Lưu thành (Save As) → Sổ làm việc Excel (.xlsx) và nhập tệp mới.',
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

  it('imports Excel’s single file web page (.mht) named .xls', async () => {
    const page = sheetPage(
      [
        ['STT', 'Tên HTX', 'Xã'],
        ['1', 'Hợp tác xã Nông nghiệp Vĩnh Hòa', 'xã Vĩnh Hòa'],
        ['2', 'HTX Dịch vụ Vĩnh Hòa', 'xã Vĩnh Hòa'],
      ],
      'windows-1258',
    );
    const archive = webArchive([
      { location: 'DS.htm', type: 'text/html; charset="us-ascii"', body: frameset, transfer: 'quoted-printable' },
      { location: 'DS_files/sheet001.htm', type: 'text/html; charset="windows-1258"', body: windows1258(page), transfer: 'quoted-printable' },
    ]);
    const { jobId, analysis } = await analyze(app, stage(app, 'DS HTX.xls', archive));
    expect(analysis).toMatchObject({ format: 'html', namedAsWorkbook: true, headerRows: [1], dataStartRow: 2 });
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

  it('imports each sheet of a single file web page as the person chooses it, as a workbook’s', async () => {
    const fileId = stage(app, 'DS HTX.xls', workbookArchive(districtSheets));
    const first = await analyze(app, fileId);
    expect(first.analysis.sheet).toBe('Châu Thành');
    expect(first.analysis.sheets.map((sheet) => sheet.name)).toEqual(['Châu Thành', 'Thoại Sơn', 'Ghi chú']);
    const { jobId, analysis } = await analyze(app, fileId, 'organizations', 'Thoại Sơn');
    expect(analysis).toMatchObject({ sheet: 'Thoại Sơn', headerRows: [1], dataStartRow: 2 });
    expect(analysis.sampleRows).toEqual([
      { row: 2, cells: ['1', 'HTX Dịch vụ Vĩnh Hòa', 'xã Vĩnh Hòa'] },
      { row: 3, cells: ['2', 'Hợp tác xã Nông nghiệp Ngã Năm', 'xã Vĩnh Xương'] },
    ]);
    const { jobId: previewJobId } = await previewOf(app, jobId, proposedMapping(analysis));
    await commitOf(app, { previewJobId, decisions: [] });
    expect(app.ctx.db.$client.prepare('SELECT name FROM organizations ORDER BY id').all()).toEqual([{ name: 'HTX Dịch vụ Vĩnh Hòa' }, { name: 'Hợp tác xã Nông nghiệp Ngã Năm' }]);
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
