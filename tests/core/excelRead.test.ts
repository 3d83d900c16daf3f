// The reader must give the day Excel shows whatever the machine's zone; run in Việt Nam's (UTC+7).
process.env.TZ = 'Asia/Ho_Chi_Minh';

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeLegacyText } from '../../src/core/excel/read/legacyFonts';
import {
  detectHeader,
  detectLegacyEncoding,
  openSource,
  parseDateCell,
  parseNumberCell,
  readHead,
  readRows,
  type OpenedSource,
  type SourceRow,
} from '../../src/core/excel/read';
import { AppFailure } from '../../src/shared/errors';
import { windows1258 } from './importWorkbooks';
import { row as rowXml, sharedStringsXml, sheetXml, xlsx } from './malformedFiles';

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'htx-excel-read-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** The Vietnamese message of the failure `run` throws. */
async function failureOf(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppFailure);
    const failure = error as AppFailure;
    expect(failure.error.kind).toBe('validation');
    return failure.message;
  }
  throw new Error('expected a failure');
}

async function allRows(path: string, source: OpenedSource, sheet: string, fromRow = 1): Promise<SourceRow[]> {
  const rows: SourceRow[] = [];
  for await (const batch of readRows(path, source, sheet, { fromRow })) rows.push(...batch);
  return rows;
}

const knownHeaders = new Set(
  ['stt', 'ten htx', 'ngay thanh lap', 'von dieu le', 'so thanh vien', 'chinh thuc', 'lien ket', 'ghi chu', 'ma so thue'],
);
const isKnown = (folded: string): boolean => knownHeaders.has(folded);

/** An office's list: administrative lines, a merged title, a two-row merged header, a numbering row. */
async function writeOfficeList(path: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Danh sách');
  sheet.getCell('A1').value = 'UBND TỈNH AN GIANG';
  sheet.getCell('E1').value = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
  sheet.mergeCells('A2:G2');
  sheet.getCell('A2').value = 'DANH SÁCH HỢP TÁC XÃ NĂM 2025';
  for (const [cell, text] of [
    ['A4', 'STT'],
    ['B4', 'Tên HTX'],
    ['C4', 'Ngày  thành lập'],
    ['D4', 'Vốn điều lệ'],
    ['E4', 'Số thành viên'],
    ['G4', 'Ghi chú'],
    ['E5', 'Chính thức'],
    ['F5', 'Liên kết'],
  ] as const) {
    sheet.getCell(cell).value = text;
  }
  for (const range of ['A4:A5', 'B4:B5', 'C4:C5', 'D4:D5', 'E4:F4', 'G4:G5']) sheet.mergeCells(range);
  sheet.getRow(6).values = ['(1)', '(2)', '(3)', '(4)', '(5)', '(6)', '(7)'];
  sheet.getRow(7).values = [1, 'Hợp tác xã Vĩnh Bình', '15/03/2024', '1.234.567,5', 25, 5, { formula: 'E7+F7', result: 30 }];
  sheet.getRow(8).values = [
    2,
    { richText: [{ text: 'HTX ' }, { font: { bold: true }, text: 'Tân Phú' }] },
    new Date(Date.UTC(2024, 2, 15)),
    1_500_000,
    10,
    2,
    { formula: 'E8+F8' },
  ];
  sheet.getCell('C8').numFmt = 'dd/mm/yyyy';
  sheet.getRow(9).values = [3, 'HTX An Hòa', '5-1-2023', '3 000 đ', 45366, { error: '#N/A' }, true];
  // Typed with combining marks, as some input methods do: must come out NFC.
  sheet.getCell('B10').value = 'HTX Vie\u0323\u0302t Thành';
  sheet.getCell('A10').value = 4;
  const hidden = workbook.addWorksheet('Ẩn', { state: 'hidden' });
  hidden.getCell('A1').value = 'bí mật';
  workbook.addWorksheet('Trống');
  await workbook.xlsx.writeFile(path);
}

describe('reading an .xlsx', () => {
  it('lists the sheets with their state, and reads the head with its merged ranges', async () => {
    const path = join(dir, 'danh-sach.xlsx');
    await writeOfficeList(path);
    const source = await openSource(path, 'danh-sach.xlsx');
    expect(source.format).toBe('xlsx');
    expect(source.date1904).toBe(false);
    expect(source.sheets.map(({ name, index, hidden, empty }) => ({ name, index, hidden, empty }))).toEqual([
      { name: 'Danh sách', index: 0, hidden: false, empty: false },
      { name: 'Ẩn', index: 1, hidden: true, empty: false },
      { name: 'Trống', index: 2, hidden: false, empty: true },
    ]);
    expect(source.sheets[0]?.dimension).toBe('A1:G10');

    const head = await readHead(path, source, 'Danh sách');
    expect(head.rows.map((row) => row.rowNumber)).toEqual([1, 2, 4, 5, 6, 7, 8, 9, 10]);
    expect(head.merges).toContainEqual({ top: 4, left: 5, bottom: 4, right: 6 });
    expect(head.merges).toContainEqual({ top: 2, left: 1, bottom: 2, right: 7 });
    expect(head.merges).toHaveLength(7);

    const row = (number: number): SourceRow | undefined => head.rows.find((candidate) => candidate.rowNumber === number);
    expect(row(7)?.cells).toEqual([1, 'Hợp tác xã Vĩnh Bình', '15/03/2024', '1.234.567,5', 25, 5, 30]);
    expect(row(7)?.formulaCells).toBeUndefined();
    // The date cell Excel shows as 15/03/2024 is that day, in UTC+7 too; rich text runs are joined.
    expect(row(8)?.cells).toEqual([2, 'HTX Tân Phú', { date: '2024-03-15' }, 1_500_000, 10, 2, null]);
    expect(row(8)?.formulaCells).toEqual([6]);
    // A serial without a date format stays a number; an error cell is null and flagged.
    expect(row(9)?.cells).toEqual([3, 'HTX An Hòa', '5-1-2023', '3 000 đ', 45366, null, true]);
    expect(row(9)?.errorCells).toEqual([5]);
    expect(row(10)?.cells).toEqual([4, 'HTX Việt Thành']);
    expect(row(10)?.cells[1]).toBe('HTX Việt Thành'.normalize('NFC'));

    const smallHead = await readHead(path, source, 'Danh sách', 3);
    expect(smallHead.rows.map((candidate) => candidate.rowNumber)).toEqual([1, 2, 4]);
    expect(smallHead.merges).toHaveLength(7);

    expect(await readHead(path, source, 'Trống')).toEqual({ rows: [], merges: [], hiddenColumns: [] });
    expect((await readHead(path, source, 'Ẩn')).rows).toEqual([{ rowNumber: 1, cells: ['bí mật'] }]);
    expect(await failureOf(() => readHead(path, source, 'Không có'))).toBe('Không có trang tính «Không có» trong tệp.');
  });

  it('finds a two-row merged header under a title, skipping the numbering row', async () => {
    const path = join(dir, 'header.xlsx');
    await writeOfficeList(path);
    const source = await openSource(path, 'header.xlsx');
    const header = detectHeader(await readHead(path, source, 'Danh sách'), isKnown);
    expect(header).toEqual({
      headerRows: [4, 5],
      dataStartRow: 7,
      columns: [
        { index: 0, letter: 'A', header: 'STT' },
        { index: 1, letter: 'B', header: 'Tên HTX' },
        { index: 2, letter: 'C', header: 'Ngày thành lập' },
        { index: 3, letter: 'D', header: 'Vốn điều lệ' },
        { index: 4, letter: 'E', header: 'Số thành viên - Chính thức' },
        { index: 5, letter: 'F', header: 'Số thành viên - Liên kết' },
        { index: 6, letter: 'G', header: 'Ghi chú' },
      ],
    });
    const rows = await allRows(path, source, 'Danh sách', header?.dataStartRow);
    expect(rows.map((row) => row.rowNumber)).toEqual([7, 8, 9, 10]);
  });

  it('takes a one-row header with data under it, and gives null when no column is known', () => {
    const rows: SourceRow[] = [
      { rowNumber: 1, cells: ['Danh sách'] },
      { rowNumber: 2, cells: ['Tên HTX', 'Mã số thuế', 'Địa bàn'] },
      { rowNumber: 3, cells: ['HTX A', '0101234567', 'Xã Mỹ Hòa'] },
      { rowNumber: 4, cells: ['HTX B', 123, 'Xã Mỹ An'] },
    ];
    expect(detectHeader({ rows, merges: [] }, isKnown)).toEqual({
      headerRows: [2],
      dataStartRow: 3,
      columns: [
        { index: 0, letter: 'A', header: 'Tên HTX' },
        { index: 1, letter: 'B', header: 'Mã số thuế' },
        { index: 2, letter: 'C', header: 'Địa bàn' },
      ],
    });
    expect(detectHeader({ rows, merges: [] }, () => false)).toBeNull();
    expect(detectHeader({ rows: [], merges: [] }, isKnown)).toBeNull();
  });

  it('reads dates of a 1904 workbook', async () => {
    const path = join(dir, 'mac.xlsx');
    const workbook = new ExcelJS.Workbook();
    workbook.properties.date1904 = true;
    const sheet = workbook.addWorksheet('Mac');
    sheet.addRow(['Ngày', new Date(Date.UTC(2024, 2, 15))]).getCell(2).numFmt = 'd/m/yyyy';
    await workbook.xlsx.writeFile(path);
    const source = await openSource(path, 'mac.xlsx');
    expect(source.date1904).toBe(true);
    expect(await allRows(path, source, 'Mac')).toEqual([{ rowNumber: 1, cells: ['Ngày', { date: '2024-03-15' }] }]);
  });

  it('reads inline strings and escaped text from a streamed workbook', async () => {
    const path = join(dir, 'inline.xlsx');
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false, useStyles: true });
    const sheet = writer.addWorksheet('Dòng');
    const row = sheet.addRow(['Hợp tác xã & <Cộng đồng>', 'Dòng 1\nDòng 2', new Date(Date.UTC(2023, 11, 31))]);
    row.getCell(3).numFmt = 'dd/mm/yyyy;@';
    row.commit();
    await writer.commit();
    const source = await openSource(path, 'inline.xlsx');
    expect(await allRows(path, source, 'Dòng')).toEqual([
      { rowNumber: 1, cells: ['Hợp tác xã & <Cộng đồng>', 'Dòng 1\nDòng 2', { date: '2023-12-31' }] },
    ]);
  });

  it('reads what other writers produce: prefixed elements, inline rich strings, cells without references', async () => {
    const path = join(dir, 'other-writer.xlsx');
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Trang 1').getCell('A1').value = 'tạm';
    await workbook.xlsx.writeFile(path);
    const parts = unzipSync(readFileSync(path));
    parts['xl/worksheets/sheet1.xml'] = strToU8(
      '<?xml version="1.0" encoding="UTF-8"?>\n<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
        '<x:sheetData><x:row r="2"><x:c r="B2" t="inlineStr"><x:is><x:r><x:t>Hợp tác </x:t></x:r><x:r><x:t xml:space="preserve">xã &amp; co</x:t></x:r>' +
        '<x:rPh sb="0" eb="1"><x:t>bỏ</x:t></x:rPh></x:is></x:c><x:c><x:v>7</x:v></x:c><x:c t="b"><x:v>0</x:v></x:c>' +
        '<x:c t="e"><x:v>#DIV/0!</x:v></x:c><x:c t="str"><x:f>A1</x:f><x:v>dòng_x000D_</x:v></x:c></x:row></x:sheetData>' +
        '<x:mergeCells count="1"><x:mergeCell ref="B2:C3"/></x:mergeCells></x:worksheet>',
    );
    writeFileSync(path, zipSync(parts));
    const source = await openSource(path, 'other-writer.xlsx');
    expect(await readHead(path, source, 'Trang 1')).toEqual({
      rows: [{ rowNumber: 2, cells: [null, 'Hợp tác xã & co', 7, false, null, 'dòng\r'], errorCells: [4] }],
      merges: [{ top: 2, left: 2, bottom: 3, right: 3 }],
      hiddenColumns: [],
    });
  });

  it('streams 100,000 rows in batches with bounded memory and reports progress', async () => {
    const path = join(dir, 'large.xlsx');
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true });
    const sheet = writer.addWorksheet('HTX');
    sheet.addRow(['STT', 'Tên HTX', 'Địa chỉ', 'Số thành viên', 'Vốn điều lệ']).commit();
    for (let number = 1; number <= 100_000; number++) {
      sheet.addRow([number, `Hợp tác xã Nông nghiệp số ${number}`, `Ấp ${number % 97}, xã Mỹ Hòa`, number % 300, number * 1000]).commit();
    }
    await writer.commit();
    const source = await openSource(path, 'large.xlsx');
    const baseline = process.memoryUsage().heapUsed;
    let peak = 0;
    let count = 0;
    let batches = 0;
    let last: SourceRow | undefined;
    const progress: number[] = [];
    for await (const batch of readRows(path, source, 'HTX', {
      fromRow: 2,
      onProgress: (read, total) => progress.push(read / total),
    })) {
      batches++;
      count += batch.length;
      last = batch[batch.length - 1];
      peak = Math.max(peak, process.memoryUsage().heapUsed - baseline);
    }
    expect(count).toBe(100_000);
    expect(batches).toBe(100);
    expect(last).toEqual({ rowNumber: 100_001, cells: [100_000, 'Hợp tác xã Nông nghiệp số 100000', 'Ấp 90, xã Mỹ Hòa', 100, 100_000_000] });
    expect(progress[progress.length - 1]).toBe(1);
    expect(progress.every((share, at) => at === 0 || share >= (progress[at - 1] ?? 0))).toBe(true);
    // Rows are not kept: the heap grows by the shared strings and a batch, far less than the sheet.
    expect(peak).toBeLessThan(150 * 1024 * 1024);
  }, 120_000);

  it('parses the shared strings only as far as the rows read need, in any order they are used', async () => {
    // 60,000 strings, several pieces of the inflated table: row n uses the nth string from the end,
    // so the head's first row needs the table's last string; one cell points past the table.
    const strings = Array.from({ length: 60_000 }, (_, at) => `HTX Vĩnh Bình số ${at}`);
    const rows = Array.from({ length: 3000 }, (_, at) => rowXml(at + 1, `<c r="A${at + 1}" t="s"><v>${59_999 - at}</v></c><c r="B${at + 1}" t="s"><v>${at}</v></c>`));
    const path = join(dir, 'chuoi-nguoc.xlsx');
    writeFileSync(path, xlsx({ sharedStrings: sharedStringsXml(strings), sheets: [['Danh sách', sheetXml(rows.join('') + rowXml(3001, '<c r="A3001" t="s"><v>60000</v></c><c r="B3001" t="s"><v>7</v></c>'))]] }));
    const source = await openSource(path, 'chuoi-nguoc.xlsx');
    const head = await readHead(path, source, 'Danh sách', 2);
    expect(head.rows).toEqual([
      { rowNumber: 1, cells: ['HTX Vĩnh Bình số 59999', 'HTX Vĩnh Bình số 0'] },
      { rowNumber: 2, cells: ['HTX Vĩnh Bình số 59998', 'HTX Vĩnh Bình số 1'] },
    ]);
    const read: SourceRow[] = [];
    for await (const batch of readRows(path, source, 'Danh sách', { fromRow: 1 })) read.push(...batch);
    expect(read).toHaveLength(3001);
    expect(read.slice(0, 3000).every((row, at) => row.cells[0] === `HTX Vĩnh Bình số ${59_999 - at}` && row.cells[1] === `HTX Vĩnh Bình số ${at}`)).toBe(true);
    expect(read[3000]).toEqual({ rowNumber: 3001, cells: [null, 'HTX Vĩnh Bình số 7'] });
    // A second read of the file takes the whole table kept from the first.
    const again: SourceRow[] = [];
    for await (const batch of readRows(path, source, 'Danh sách', { fromRow: 2999 })) again.push(...batch);
    expect(again.map((row) => row.cells)).toEqual([['HTX Vĩnh Bình số 57001', 'HTX Vĩnh Bình số 2998'], ['HTX Vĩnh Bình số 57000', 'HTX Vĩnh Bình số 2999'], [null, 'HTX Vĩnh Bình số 7']]);
  });

  it('stops when the import is cancelled', async () => {
    const path = join(dir, 'cancel.xlsx');
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path });
    const sheet = writer.addWorksheet('HTX');
    for (let number = 1; number <= 5000; number++) sheet.addRow([number, `HTX ${number}`]).commit();
    await writer.commit();
    const source = await openSource(path, 'cancel.xlsx');
    const controller = new AbortController();
    let seen = 0;
    await expect(async () => {
      for await (const batch of readRows(path, source, 'HTX', { fromRow: 1, signal: controller.signal })) {
        seen += batch.length;
        controller.abort(new Error('đã huỷ'));
      }
    }).rejects.toThrow('đã huỷ');
    expect(seen).toBe(1000);
  });
});

describe('refusing what is not a readable spreadsheet', () => {
  it('says a text file renamed .xlsx is not a spreadsheet', async () => {
    const path = join(dir, 'ghi-chu.xlsx');
    writeFileSync(path, 'Đây là ghi chú, không phải bảng tính.\n');
    expect(await failureOf(() => openSource(path, 'ghi-chu.xlsx'))).toBe(
      'Tệp «ghi-chu.xlsx» không phải bảng tính Excel (.xlsx, .xls) hay CSV.',
    );
  });

  it('says a cut .xlsx is truncated', async () => {
    const whole = join(dir, 'whole.xlsx');
    await writeOfficeList(whole);
    const bytes = readFileSync(whole);
    const path = join(dir, 'cut.xlsx');
    writeFileSync(path, bytes.subarray(0, Math.floor(bytes.length / 2)));
    expect(await failureOf(() => openSource(path, 'cut.xlsx'))).toMatch(/^Tệp «cut\.xlsx» bị cắt cụt hoặc hỏng/);
  });

  it('tells a password-protected .xlsx from a damaged .xls', async () => {
    const magic = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const encrypted = join(dir, 'mat-khau.xlsx');
    writeFileSync(encrypted, Buffer.concat([magic, Buffer.alloc(600), Buffer.from('EncryptedPackage', 'utf16le'), Buffer.alloc(600)]));
    expect(await failureOf(() => openSource(encrypted, 'mat-khau.xlsx'))).toMatch(/^Tệp «mat-khau\.xlsx» có đặt mật khẩu/);
    const old = join(dir, 'cu.xls');
    writeFileSync(old, Buffer.concat([magic, Buffer.alloc(600), Buffer.from('Workbook', 'utf16le'), Buffer.alloc(600)]));
    expect(await failureOf(() => openSource(old, 'cu.xls'))).toMatch(/^Tệp «cu\.xls» bị cắt cụt hoặc hỏng/);
  });

  it('says a workbook whose sheets are all empty has nothing to import', async () => {
    const path = join(dir, 'trong.xlsx');
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Trang 1');
    await workbook.xlsx.writeFile(path);
    expect(await failureOf(() => openSource(path, 'trong.xlsx'))).toBe('Tệp «trong.xlsx» không có trang tính nào có dữ liệu.');
  });
});

describe('reading a CSV', () => {
  const text = 'Tên HTX,Ngày thành lập,Vốn điều lệ\r\nHợp tác xã Vĩnh Bình,15/03/2024,"1,500,000"\r\n"HTX ""Tân Phú""\nchi nhánh",01.02.2023,\r\n';
  const expected: SourceRow[] = [
    { rowNumber: 1, cells: ['Tên HTX', 'Ngày thành lập', 'Vốn điều lệ'] },
    { rowNumber: 2, cells: ['Hợp tác xã Vĩnh Bình', '15/03/2024', '1,500,000'] },
    { rowNumber: 3, cells: ['HTX "Tân Phú"\nchi nhánh', '01.02.2023', null] },
  ];

  async function readCsv(name: string, bytes: Buffer): Promise<{ source: OpenedSource; rows: SourceRow[] }> {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    const source = await openSource(path, name);
    return { source, rows: await allRows(path, source, source.sheets[0]?.name ?? '') };
  }

  it('reads UTF-8 with and without a BOM, quoted fields with line breaks', async () => {
    const plain = await readCsv('plain.csv', Buffer.from(text, 'utf8'));
    expect(plain.source).toMatchObject({ format: 'csv', encoding: 'utf-8', delimiter: ',' });
    expect(plain.source.sheets).toEqual([{ name: 'plain', index: 0, hidden: false, dimension: null, empty: false }]);
    expect(plain.rows).toEqual(expected);
    const withBom = await readCsv('bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]));
    expect(withBom.rows).toEqual(expected);
  });

  it('reads UTF-16 little-endian with a BOM and without one, and big-endian with one', async () => {
    const le = await readCsv('le.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    expect(le.source.encoding).toBe('utf-16le');
    expect(le.rows).toEqual(expected);
    const bare = await readCsv('le-bare.csv', Buffer.from(text, 'utf16le'));
    expect(bare.source.encoding).toBe('utf-16le');
    expect(bare.rows).toEqual(expected);
    const be = await readCsv('be.csv', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]));
    expect(be.source.encoding).toBe('utf-16be');
    expect(be.rows).toEqual(expected);
  });

  it('finds semicolons and tabs as delimiters, with Vietnamese decimal commas inside fields', async () => {
    const semicolons = await readCsv('semi.csv', Buffer.from('Tên HTX;Vốn\nHTX A;1.234,5\nHTX B;12,5\n', 'utf8'));
    expect(semicolons.source.delimiter).toBe(';');
    expect(semicolons.rows.map((row) => row.cells)).toEqual([['Tên HTX', 'Vốn'], ['HTX A', '1.234,5'], ['HTX B', '12,5']]);
    const tabs = await readCsv('tabs.txt', Buffer.from('Tên HTX\tVốn, đồng\nHTX A\t1000\n', 'utf8'));
    expect(tabs.source.delimiter).toBe('\t');
    expect(tabs.rows[1]?.cells).toEqual(['HTX A', '1000']);
  });

  it('reads the head of a CSV, and one Excel saved in Windows-1258; asks for UTF-8 when the code page is another', async () => {
    const path = join(dir, 'head.csv');
    writeFileSync(path, text);
    const source = await openSource(path, 'head.csv');
    expect(await readHead(path, source, 'head', 2)).toEqual({ rows: expected.slice(0, 2), merges: [], hiddenColumns: [] });
    // Excel's "CSV (Comma delimited)" on a Vietnamese Windows: each tone a byte after its vowel.
    const vietnamese = 'Tên HTX;Địa chỉ\r\nHợp tác xã Nông nghiệp Vĩnh Bình;ấp Thạnh Lợi, xã Vĩnh Bình\r\nHTX Dịch vụ Ngã Năm;Đắk Lắk\r\n';
    const saved = windows1258(vietnamese);
    expect(saved.includes(0xf2)).toBe(true);
    const windows = await readCsv('windows-1258.csv', saved);
    expect(windows.source.encoding).toBe('windows-1258');
    expect(windows.rows.map((row) => row.cells)).toEqual([
      ['Tên HTX', 'Địa chỉ'],
      ['Hợp tác xã Nông nghiệp Vĩnh Bình', 'ấp Thạnh Lợi, xã Vĩnh Bình'],
      ['HTX Dịch vụ Ngã Năm', 'Đắk Lắk'],
    ]);
    // Windows-1252, which has no ơ: "H?p tác xã"; and the codes of the TCVN3 fonts ("vÒ", về).
    for (const [name, bytes] of [
      ['cp1252.csv', Buffer.from('Tên HTX\nH?p tác xã\n', 'latin1')],
      ['tcvn3.csv', Buffer.from('Tªn HTX\nHTX vÒ Hîp t¸c x·\n', 'latin1')],
    ] as const) {
      writeFileSync(join(dir, name), bytes);
      expect(await failureOf(() => openSource(join(dir, name), name))).toMatch(/không lưu bằng bảng mã UTF-8 .*Lưu thành “CSV UTF-8/);
    }
  });
});

describe('parsing dates', () => {
  it('reads the written forms offices use', () => {
    expect(parseDateCell('15/03/2024')).toEqual({ iso: '2024-03-15' });
    expect(parseDateCell('5/3/2024')).toEqual({ iso: '2024-03-05' });
    expect(parseDateCell('15-03-2024')).toEqual({ iso: '2024-03-15' });
    expect(parseDateCell('15.03.2024')).toEqual({ iso: '2024-03-15' });
    expect(parseDateCell('2024-03-15')).toEqual({ iso: '2024-03-15' });
    expect(parseDateCell('2024/03/15')).toEqual({ iso: '2024-03-15' });
    expect(parseDateCell('2024.3.5')).toEqual({ iso: '2024-03-05' });
    expect(parseDateCell('2024/02/30')).toMatchObject({ error: expect.stringContaining('2024/02/30') as unknown });
    expect(parseDateCell('2024/03-15')).toEqual({ error: '«2024/03-15» không phải ngày dạng dd/mm/yyyy.' });
    expect(parseDateCell(' 15/03/2024 00:00:00 ')).toEqual({ iso: '2024-03-15' });
    expect(parseDateCell({ date: '2024-03-15' })).toEqual({ iso: '2024-03-15' });
    expect(parseDateCell('29/02/2024')).toEqual({ iso: '2024-02-29' });
    // As decisions write them, and lists copy them.
    expect(parseDateCell('ngày 05 tháng 7 năm 2017')).toEqual({ iso: '2017-07-05' });
    expect(parseDateCell('Ngày 5 tháng 07, năm 2017')).toEqual({ iso: '2017-07-05' });
    expect(parseDateCell('NGÀY 05 THÁNG 7 NĂM 2017')).toEqual({ iso: '2017-07-05' });
    expect(parseDateCell('05 tháng 7 năm 2017')).toEqual({ iso: '2017-07-05' });
    expect(parseDateCell('ngay 5 thang 7 nam 2017')).toEqual({ iso: '2017-07-05' });
    expect(parseDateCell('ngày 05/7/2017')).toEqual({ iso: '2017-07-05' });
    expect(parseDateCell('Ngay 5/7/2017')).toEqual({ iso: '2017-07-05' });
    expect(parseDateCell(null)).toBeNull();
    expect(parseDateCell('   ')).toBeNull();
  });

  it('reads Excel serials with the 1900 leap-year bug, and the 1904 system when told', () => {
    expect(parseDateCell(45366)).toEqual({ iso: '2024-03-15' });
    expect(parseDateCell(45366.75)).toEqual({ iso: '2024-03-15' });
    expect(parseDateCell(61)).toEqual({ iso: '1900-03-01' });
    expect(parseDateCell(59)).toEqual({ iso: '1900-02-28' });
    expect(parseDateCell(1)).toEqual({ iso: '1900-01-01' });
    expect(parseDateCell(43904, { date1904: true })).toEqual({ iso: '2024-03-15' });
    expect(parseDateCell(60)).toEqual({ error: 'Số «60» không phải một ngày Excel hiểu được.' });
  });

  it('refuses days that do not exist, two-digit years, bare years and other text', () => {
    expect(parseDateCell('31/02/2024')).toEqual({ error: 'Ngày «31/02/2024» không có thật: tháng 2/2024 không có ngày 31.' });
    expect(parseDateCell('29/02/2023')).toEqual({ error: 'Ngày «29/02/2023» không có thật: tháng 2/2023 không có ngày 29.' });
    expect(parseDateCell('15/13/2024')).toEqual({ error: 'Ngày «15/13/2024» không có thật: không có tháng 13.' });
    expect(parseDateCell('15/03/24')).toEqual({
      error: 'Ngày «15/03/24» phải ghi năm đủ bốn chữ số (dd/mm/yyyy), ví dụ 15/03/2024.',
    });
    expect(parseDateCell(2024)).toEqual({ error: '«2024» chỉ là năm; hãy ghi đủ ngày, tháng, năm (dd/mm/yyyy).' });
    expect(parseDateCell('tháng 3')).toEqual({ error: '«tháng 3» không phải ngày dạng dd/mm/yyyy.' });
    expect(parseDateCell('ngày 30 tháng 2 năm 2017')).toEqual({ error: 'Ngày «ngày 30 tháng 2 năm 2017» không có thật: tháng 2/2017 không có ngày 30.' });
    expect(parseDateCell('ngày 5 tháng 7 năm 17')).toEqual({ error: 'Ngày «ngày 5 tháng 7 năm 17» phải ghi năm đủ bốn chữ số (dd/mm/yyyy), ví dụ 15/03/2024.' });
    expect(parseDateCell('ngày 5 tháng 7')).toEqual({ error: '«ngày 5 tháng 7» không phải ngày dạng dd/mm/yyyy.' });
    expect(parseDateCell(true)).toEqual({ error: '«TRUE» không phải ngày.' });
  });
});

describe('parsing numbers', () => {
  it('reads Vietnamese and English separators by the documented rules', () => {
    expect(parseNumberCell('1.234.567')).toEqual({ value: 1_234_567 });
    expect(parseNumberCell('1.234.567,5')).toEqual({ value: 1_234_567.5 });
    expect(parseNumberCell('1,234,567')).toEqual({ value: 1_234_567 });
    expect(parseNumberCell('1,234,567.25')).toEqual({ value: 1_234_567.25 });
    expect(parseNumberCell('12,5')).toEqual({ value: 12.5 });
    expect(parseNumberCell('12.5')).toEqual({ value: 12.5 });
    // One separator before exactly three digits groups thousands, whichever it is.
    expect(parseNumberCell('1.234')).toEqual({ value: 1234 });
    expect(parseNumberCell('1,500')).toEqual({ value: 1500 });
    expect(parseNumberCell('0,125')).toEqual({ value: 0.125 });
    expect(parseNumberCell('  3 000 ')).toEqual({ value: 3000 });
    expect(parseNumberCell('3\u00a0000')).toEqual({ value: 3000 });
    expect(parseNumberCell('-12,5')).toEqual({ value: -12.5 });
    expect(parseNumberCell('(1.000)')).toEqual({ value: -1000 });
    expect(parseNumberCell(42)).toEqual({ value: 42 });
  });

  it('drops đồng written around the amount', () => {
    expect(parseNumberCell('1.200.000 đ')).toEqual({ value: 1_200_000 });
    expect(parseNumberCell('1.200.000đ')).toEqual({ value: 1_200_000 });
    expect(parseNumberCell('1.200.000 đồng')).toEqual({ value: 1_200_000 });
    expect(parseNumberCell('1.200.000 VNĐ')).toEqual({ value: 1_200_000 });
    expect(parseNumberCell('VND 500')).toEqual({ value: 500 });
  });

  it('gives null for blanks and a message for what is not a number', () => {
    expect(parseNumberCell(null)).toBeNull();
    expect(parseNumberCell('  ')).toBeNull();
    expect(parseNumberCell('mười')).toEqual({ error: '«mười» không phải số.' });
    expect(parseNumberCell('1.23.4')).toEqual({ error: '«1.23.4» không phải số.' });
    expect(parseNumberCell('1,2345,6')).toEqual({ error: '«1,2345,6» không phải số.' });
    expect(parseNumberCell({ date: '2024-03-15' })).toEqual({ error: 'Ngày 2024-03-15 không phải số.' });
  });
});

describe('detecting text typed in legacy Vietnamese fonts', () => {
  it('recognises TCVN3 (.VnTime) and VNI gibberish, and leaves Unicode alone', () => {
    expect(detectLegacyEncoding(['STT', 'Hîp t¸c x· N«ng nghiÖp VÜnh B×nh', 'Ên Giang'])).toBe('tcvn3');
    expect(detectLegacyEncoding(['Hôïp taùc xaõ Noâng nghieäp', 'Ñoàng Thaùp'])).toBe('vni');
    expect(detectLegacyEncoding(['Hợp tác xã Nông nghiệp Vĩnh Bình', 'Đồng Tháp', 'Café'])).toBeNull();
    expect(detectLegacyEncoding(['HTX 1', '0101234567'])).toBeNull();
    // One odd text among many good ones is not enough to warn.
    expect(detectLegacyEncoding(['Hîp t¸c x·', 'Hợp tác xã', 'Đồng Tháp', 'Vĩnh Bình', 'An Giang'])).toBeNull();
  });

});

describe('reading text typed in legacy Vietnamese fonts', () => {
  it('reads every letter of TCVN3 and VNI into Unicode', () => {
    // TCVN3's 74 letters past ASCII, code by code (the glibc TCVN5712-1 table agrees on each).
    const tcvn3Codes = [[0xa1, 0xae], [0xb5, 0xb9], [0xbb, 0xbe], [0xc6, 0xcc], [0xce, 0xd8], [0xdc, 0xdf], [0xe1, 0xef], [0xf1, 0xfe]]
      .flatMap(([first = 0, last = 0]) => Array.from({ length: last - first + 1 }, (_, at) => String.fromCharCode(first + at)))
      .join('');
    expect(decodeLegacyText(tcvn3Codes, 'tcvn3')).toBe('ĂÂÊÔƠƯĐăâêôơưđàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ');
    expect(decodeLegacyText('Hîp t¸c x· N«ng nghiÖp VÜnh B×nh, §ång Th¸p', 'tcvn3')).toBe('Hợp tác xã Nông nghiệp Vĩnh Bình, Đồng Tháp');
    // A capitals font shows every letter as its capital, the ones typed as ASCII too.
    expect(decodeLegacyText('hîp t¸c x· dÞch vô', 'tcvn3Capitals')).toBe('HỢP TÁC XÃ DỊCH VỤ');
    const vni: [string, string][] = [
      ['Hôïp taùc xaõ Noâng nghieäp', 'Hợp tác xã Nông nghiệp'],
      ['Ñoàng Thaùp, Bình Döông, Caàn Thô', 'Đồng Tháp, Bình Dương, Cần Thơ'],
      ['Ñaék Laék, Baéc Ninh, Naèm, Ñaêk', 'Đắk Lắk, Bắc Ninh, Nằm, Đăk'],
      ['Tröôøng, Thöïc phaåm, Khuyeán, Muoái, Uyû ban', 'Trường, Thực phẩm, Khuyến, Muối, Uỷ ban'],
      ['Tænh Haø Tónh, Lòch, Myõ Kyø, Quî', 'Tỉnh Hà Tĩnh, Lịch, Mỹ Kỳ, Quỵ'],
      ['HÔÏP TAÙC XAÕ ÑOÀNG TAÂM', 'HỢP TÁC XÃ ĐỒNG TÂM'],
    ];
    for (const [typed, read] of vni) expect(decodeLegacyText(typed, 'vni')).toBe(read);
    // Typed in Unicode into a cell of such a font: as it is.
    expect(decodeLegacyText('Hợp tác xã Vĩnh Bình', 'tcvn3')).toBe('Hợp tác xã Vĩnh Bình');
    expect(decodeLegacyText('Đồng Tháp', 'vni')).toBe('Đồng Tháp');
  });

  it('reads a cell by its font: TCVN3, its capitals font and VNI into Unicode, each run of rich text by its own', async () => {
    const path = join(dir, 'phong-cu.xlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('DS');
    sheet.addRow(['STT', 'Tªn HTX', 'Ghi chó']).font = { name: '.VnTime' };
    sheet.addRow([1, 'hîp t¸c x· n«ng nghiÖp vÜnh b×nh', 'Hîp t¸c x·']);
    sheet.getCell('B2').font = { name: '.VnTimeH' };
    // Typed in a Unicode font: left as it is, however it looks.
    sheet.getCell('C2').font = { name: 'Times New Roman' };
    sheet.addRow([2, 'Hôïp taùc xaõ Thuûy saûn', { richText: [{ text: 'Ñoàng Taâm: ' }, { font: { name: '.VnTime' }, text: 'N«ng nghiÖp' }, { font: { name: 'Arial' }, text: ' (Tªn cò)' }] }]);
    sheet.getCell('B3').font = { name: 'VNI-Times' };
    sheet.getCell('C3').font = { name: 'VNI-Times' };
    sheet.addRow([3, 'HTX An Phú', 'Hợp tác xã']).font = { name: 'Times New Roman' };
    // Typed in Unicode into a cell of a TCVN3 font: read as it is.
    sheet.getCell('C4').font = { name: '.VnTime' };
    await workbook.xlsx.writeFile(path);

    const source = await openSource(path, 'phong-cu.xlsx');
    const rows = await allRows(path, source, 'DS');
    expect(rows.map((row) => row.cells)).toEqual([
      ['STT', 'Tên HTX', 'Ghi chú'],
      [1, 'HỢP TÁC XÃ NÔNG NGHIỆP VĨNH BÌNH', 'Hîp t¸c x·'],
      // The rich text's run without a font of its own is read by the cell's (VNI), the others by theirs.
      [2, 'Hợp tác xã Thủy sản', 'Đồng Tâm: Nông nghiệp (Tªn cò)'],
      [3, 'HTX An Phú', 'Hợp tác xã'],
    ]);
    expect(rows.map((row) => row.legacyFonts ?? [])).toEqual([['.VnTime'], ['.VnTimeH'], ['VNI-Times', '.VnTime'], []]);
    // The head, read on its own, reads the same.
    expect((await readHead(path, source, 'DS', 2)).rows.map((row) => row.cells[1])).toEqual(['Tên HTX', 'HỢP TÁC XÃ NÔNG NGHIỆP VĨNH BÌNH']);
  });
});
