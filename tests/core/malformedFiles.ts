/**
 * A corpus of broken and hostile spreadsheets, built from raw bytes: workbooks zipped by hand (so
 * their XML and their zip headers can say anything), .xls written record by record, CSVs written
 * byte by byte. Each
 * entry says what the import must do with it — read it, or refuse it with a message matching
 * `refusal` — and the test runs every one through the real dispatcher. `scripts/bench-malformed.ts`
 * prints how long each takes and how much memory.
 */
import { crc32, deflateRawSync } from 'node:zlib';
import { biff, compoundFile, record, sharedStrings, workbookStream, xls } from './xlsFiles';

export interface MalformedFile {
  /** What is wrong with it, as a test title. */
  name: string;
  fileName: string;
  bytes: () => Uint8Array;
  /** Refused (at analysis or preview) with a validation message matching this; absent: read and previewed. */
  refusal?: RegExp;
}

function strToU8(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'utf8'));
}

/**
 * A zip archive of `files`, deflated with node's zlib at `level` (0 stores them): the layout of
 * any zip writer — local headers, data, the central directory, its end record — so that a test
 * can then change any of it (see patchEntry).
 */
export function zipSync(files: Record<string, Uint8Array>, { level = 6 }: { level?: number } = {}): Uint8Array {
  const locals: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of Object.entries(files)) {
    const nameBytes = Buffer.from(name, 'utf8');
    const stored = level === 0;
    const body = stored ? Buffer.from(data) : deflateRawSync(data, { level });
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(stored ? 0 : 8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(stored ? 0 : 8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, body);
    directory.push(central, nameBytes);
    offset += local.length + nameBytes.length + body.length;
  }
  const directoryBytes = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(directoryBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directoryBytes, end]));
}

const mainNs = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const relNs = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const relType = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** XML-escaped text. */
function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** An inline-string cell. */
export function textCell(ref: string, text: string): string {
  return `<c r="${ref}" t="inlineStr"><is><t>${esc(text)}</t></is></c>`;
}

export function row(number: number | string, cells: string): string {
  return `<row r="${number}">${cells}</row>`;
}

/** The header every list here starts with, and a good row under it. */
export const headerRow = row(1, textCell('A1', 'Tên HTX') + textCell('B1', 'Địa chỉ') + textCell('C1', 'Mã số thuế'));
export function goodRow(number: number): string {
  return row(number, textCell(`A${number}`, `HTX Nông nghiệp số ${number}`) + textCell(`B${number}`, 'xã Vĩnh Bình, tỉnh An Giang'));
}

export function sheetXml(rows: string, { before = '', after = '' }: { before?: string; after?: string } = {}): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="${mainNs}" xmlns:r="${relNs}">${before}<sheetData>${rows}</sheetData>${after}</worksheet>`;
}

interface Parts {
  /** Sheet XML by sheet name, in tab order. */
  sheets?: [string, string | Uint8Array][];
  sharedStrings?: string | Uint8Array;
  styles?: string;
  /** Replaces the workbook part. */
  workbook?: string;
  /** Replaces the workbook's relationships. */
  workbookRels?: string;
  /** Parts added as they are. */
  extra?: Record<string, string | Uint8Array>;
  level?: number;
}

/** An .xlsx made of the given parts, zipped as Excel lays them out. */
export function xlsx(parts: Parts = {}): Uint8Array {
  const sheets = parts.sheets ?? [['Danh sách', sheetXml(headerRow + goodRow(2))]];
  const files: Record<string, Uint8Array> = {};
  const put = (name: string, data: string | Uint8Array) => (files[name] = typeof data === 'string' ? strToU8(data) : data);
  put('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  put('_rels/.rels', `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${relType}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  put(
    'xl/workbook.xml',
    parts.workbook ??
      `<?xml version="1.0"?><workbook xmlns="${mainNs}" xmlns:r="${relNs}"><sheets>${sheets
        .map(([name], index) => `<sheet name="${esc(name)}" sheetId="${index + 1}" r:id="rId${index + 1}"/>`)
        .join('')}</sheets></workbook>`,
  );
  const rels = sheets.map(([, ], index) => `<Relationship Id="rId${index + 1}" Type="${relType}/worksheet" Target="worksheets/sheet${index + 1}.xml"/>`);
  if (parts.sharedStrings !== undefined) rels.push(`<Relationship Id="rSs" Type="${relType}/sharedStrings" Target="sharedStrings.xml"/>`);
  if (parts.styles !== undefined) rels.push(`<Relationship Id="rSt" Type="${relType}/styles" Target="styles.xml"/>`);
  put('xl/_rels/workbook.xml.rels', parts.workbookRels ?? `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`);
  sheets.forEach(([, xml], index) => put(`xl/worksheets/sheet${index + 1}.xml`, xml));
  if (parts.sharedStrings !== undefined) put('xl/sharedStrings.xml', parts.sharedStrings);
  if (parts.styles !== undefined) put('xl/styles.xml', parts.styles);
  for (const [name, data] of Object.entries(parts.extra ?? {})) put(name, data);
  return zipSync(files, { level: parts.level ?? 6 });
}

export function sharedStringsXml(strings: string[], raw = false): string {
  return `<?xml version="1.0"?><sst xmlns="${mainNs}" count="${strings.length}" uniqueCount="${strings.length}">${strings
    .map((text) => `<si><t>${raw ? text : esc(text)}</t></si>`)
    .join('')}</sst>`;
}

/**
 * The archive with one entry's central-directory record changed: its declared sizes, its
 * compression method or where it starts.
 */
export function patchEntry(
  zip: Uint8Array,
  name: string,
  patch: { size?: number; compressedSize?: number; method?: number; localHeaderOffset?: number },
): Uint8Array {
  const bytes = new Uint8Array(zip);
  const view = new DataView(bytes.buffer);
  let end = bytes.length - 22;
  while (end >= 0 && view.getUint32(end, true) !== 0x06054b50) end--;
  let at = view.getUint32(end + 16, true);
  const count = view.getUint16(end + 10, true);
  for (let index = 0; index < count; index++) {
    const nameLength = view.getUint16(at + 28, true);
    const entryName = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    if (entryName === name) {
      if (patch.method !== undefined) view.setUint16(at + 10, patch.method, true);
      if (patch.compressedSize !== undefined) view.setUint32(at + 20, patch.compressedSize, true);
      if (patch.size !== undefined) view.setUint32(at + 24, patch.size, true);
      if (patch.localHeaderOffset !== undefined) view.setUint32(at + 42, patch.localHeaderOffset, true);
      return bytes;
    }
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  throw new Error(`no entry ${name}`);
}

/** Declared size of an entry, as written. */
function declaredSize(zip: Uint8Array, name: string): number {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let end = zip.length - 22;
  while (view.getUint32(end, true) !== 0x06054b50) end--;
  let at = view.getUint32(end + 16, true);
  for (;;) {
    const nameLength = view.getUint16(at + 28, true);
    if (new TextDecoder().decode(zip.subarray(at + 46, at + 46 + nameLength)) === name) return view.getUint32(at + 24, true);
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
}

const sheet1 = 'xl/worksheets/sheet1.xml';
const bom = [0xef, 0xbb, 0xbf];
const csv = (text: string) => strToU8(text);

/** The 904 KB workbook of the issue: 60,000 rows, each with a value in column XFD. */
export function xfdInEveryRow(rows = 60_000): Uint8Array {
  const body: string[] = [headerRow];
  for (let number = 2; number <= rows + 1; number++) {
    body.push(row(number, textCell(`A${number}`, `HTX số ${number}`) + `<c r="XFD${number}"><v>1</v></c>`));
  }
  return xlsx({ sheets: [['Danh sách', sheetXml(body.join(''))]], level: 9 });
}

/** The 2 KB workbook of the issue: a cell reference with seven letters. */
export function sevenLetterColumn(): Uint8Array {
  return xlsx({ sheets: [['Danh sách', sheetXml(headerRow + row(2, '<c r="AAAAAAA2"><v>1</v></c>'))]] });
}

/** A good workbook with `bytes` of white space between its header and its row: slow to read, quick to make. */
export function paddedWorkbook(bytes: number): Uint8Array {
  const [before = '', after = ''] = sheetXml(headerRow + '|' + goodRow(2)).split('|');
  const sheet = Buffer.concat([Buffer.from(before), Buffer.alloc(bytes, 0x20), Buffer.from(after)]);
  return xlsx({ sheets: [['Danh sách', sheet]], level: 1 });
}

/** Every kind of broken or hostile file the import must survive. */
/** An .xls list of a header and two rows, with `extra` records in its sheet; `patchStrings` may change its shared strings' record. */
function xlsList(extra: Buffer[], patchStrings?: (strings: Buffer) => void): Buffer {
  const strings = sharedStrings([{ text: 'Tên HTX' }, { text: 'Địa chỉ' }]);
  patchStrings?.(strings);
  const rows = [biff.labelSst(0, 0, 0, 0), biff.labelSst(0, 1, 0, 1), biff.label(1, 0, 0, 'HTX Vĩnh Bình'), biff.label(1, 1, 0, 'xã Vĩnh Bình, tỉnh An Giang')];
  return xls([biff.font('Arial'), biff.xf(0, 0), strings], [{ name: 'DS', records: [...rows, ...extra] }]);
}

/** A Workbook stream whose one sheet is said to start at `offset`. */
function workbookAt(offset: number): Buffer {
  const stream = workbookStream([biff.font('Arial'), biff.xf(0, 0)], [{ name: 'DS', records: [biff.label(0, 0, 0, 'Tên HTX')] }]);
  // The BOUNDSHEET record follows the globals' BOF, FONT and XF records.
  const bound = stream.indexOf(Buffer.from([0x85, 0x00]));
  stream.writeUInt32LE(offset, bound + 4);
  return stream;
}

export function malformedFiles(): MalformedFile[] {
  const sixtyFourMb = 64 * 1024 * 1024;
  const files: MalformedFile[] = [
    // --- The issue's files
    { name: '6,000 rows with a value in column XFD (the 60,000 of the issue have a test of their own)', fileName: 'xfd.xlsx', bytes: () => xfdInEveryRow(6_000) },
    { name: 'a cell reference AAAAAAA2', fileName: 'aaaaaaa.xlsx', bytes: sevenLetterColumn, refusal: /ô «AAAAAAA2» ở ngoài cột XFD/ },
    {
      name: 'a tag left open for 64 MB',
      fileName: 'the-mo.xlsx',
      bytes: () => xlsx({ sheets: [['Danh sách', Buffer.concat([Buffer.from(`${sheetXml(headerRow + goodRow(2)).replace('</sheetData></worksheet>', '')}<row r="3" x="`), Buffer.alloc(sixtyFourMb, 0x61)])]], level: 1 }),
      refusal: /phần «xl\/worksheets\/sheet1.xml» có một thẻ XML dài hơn 1 MB/,
    },
    {
      name: 'a 50 MB CSV on one line',
      fileName: 'mot-dong.csv',
      bytes: () => {
        const field = Buffer.from('HTX Vĩnh Bình,');
        return new Uint8Array(Buffer.concat([Buffer.from('Tên HTX,Địa chỉ,'), Buffer.alloc(field.length * 3_600_000).fill(field), Buffer.from('\n')]));
      },
      refusal: /từ dòng 1, một dòng dài hơn 1 MB/,
    },
    {
      name: 'a shared string longer than a cell holds',
      fileName: 'chuoi-dai.xlsx',
      bytes: () => xlsx({ sharedStrings: sharedStringsXml(['Tên HTX', 'x'.repeat(40_000)]), sheets: [['Danh sách', sheetXml(row(1, '<c r="A1" t="s"><v>0</v></c>') + row(2, '<c r="A2" t="s"><v>1</v></c>'))]] }),
      refusal: /chuỗi chữ thứ 2 trong bảng chữ dùng chung có hơn 32.767 ký tự/,
    },
    {
      name: 'an inline string longer than a cell holds',
      fileName: 'o-dai.xlsx',
      bytes: () => xlsx({ sheets: [['Danh sách', sheetXml(headerRow + row(2, textCell('A2', 'ạ'.repeat(33_000))))]] }),
      refusal: /ô A2 của trang tính «Danh sách» có hơn 32.767 ký tự/,
    },
    {
      name: 'a number of ten million digits',
      fileName: 'so-dai.xlsx',
      bytes: () => xlsx({ sheets: [['Danh sách', sheetXml(headerRow + row(2, `<c r="B2"><v>${'9'.repeat(10_000_000)}</v></c>`))]] }),
      refusal: /ô B2 của trang tính «Danh sách» có hơn 32.767 ký tự/,
    },
    {
      name: 'character references past U+10FFFF, surrogates and unknown entities',
      fileName: 'ky-tu.xlsx',
      bytes: () =>
        xlsx({
          sharedStrings: sharedStringsXml(['Tên HTX', 'HTX &#x110000; &#xD800; &#99999999999999; &constructor; &__proto__; &#0; _xD800_ B'], true),
          sheets: [['Danh sách', sheetXml(row(1, '<c r="A1" t="s"><v>0</v></c>') + row(2, '<c r="A2" t="s"><v>1</v></c>'))]],
        }),
    },
    { name: 'an unclosed quote in a CSV', fileName: 'ngoac-kep.csv', bytes: () => csv('Tên HTX,Địa chỉ\n"HTX Vĩnh Bình,xã Vĩnh Bình\nHTX Mỹ Hòa,xã Mỹ Hòa\n'), refusal: /dấu ngoặc kép \("\) mở ở dòng 2 không được đóng/ },
    {
      name: 'an unclosed quote early in a large CSV',
      fileName: 'ngoac-kep-lon.csv',
      bytes: () => csv(`Tên HTX,Địa chỉ\n"HTX Vĩnh Bình,xã Vĩnh Bình\n${'HTX Mỹ Hòa,xã Mỹ Hòa\n'.repeat(100_000)}`),
      refusal: /từ dòng 2, một dòng dài hơn 1 MB/,
    },
    // --- Rows and columns past Excel's limits
    { name: 'a row past 1,048,576', fileName: 'dong-qua.xlsx', bytes: () => xlsx({ sheets: [['Danh sách', sheetXml(headerRow + row(1_048_577, textCell('A1048577', 'x')))]] }), refusal: /có dòng «1048577»/ },
    { name: 'a row numbered 0', fileName: 'dong-0.xlsx', bytes: () => xlsx({ sheets: [['Danh sách', sheetXml(row(0, textCell('A0', 'Tên HTX')))]] }), refusal: /có dòng «0»/ },
    { name: 'a row numbered -5', fileName: 'dong-am.xlsx', bytes: () => xlsx({ sheets: [['Danh sách', sheetXml(headerRow + row(-5, textCell('A2', 'x')))]] }), refusal: /có dòng «-5»/ },
    { name: 'a row numbered 2.5', fileName: 'dong-le.xlsx', bytes: () => xlsx({ sheets: [['Danh sách', sheetXml(headerRow + row('2.5', textCell('A2', 'x')))]] }), refusal: /có dòng «2.5»/ },
    { name: 'a row numbered with letters', fileName: 'dong-chu.xlsx', bytes: () => xlsx({ sheets: [['Danh sách', sheetXml(headerRow + row('abc', textCell('A2', 'x')))]] }), refusal: /có dòng «abc»/ },
    {
      name: 'rows without numbers running past the last row',
      fileName: 'khong-so-dong.xlsx',
      bytes: () => xlsx({ sheets: [['Danh sách', sheetXml(headerRow + row(1_048_575, '') + '<row/><row/><row/>')]] }),
      refusal: /có dòng «1048577»/,
    },
    {
      name: '20,000 cells in a row without references',
      fileName: 'hang-rong.xlsx',
      bytes: () => xlsx({ sheets: [['Danh sách', sheetXml(headerRow + row(2, '<c><v>1</v></c>'.repeat(20_000)))]] }),
      refusal: /có ô thứ 16.385 của dòng 2 ở ngoài cột XFD/,
    },
    {
      name: 'a header with text in column XFD',
      fileName: 'tieu-de-xa.xlsx',
      bytes: () => xlsx({ sheets: [['Danh sách', sheetXml(row(1, textCell('A1', 'Tên HTX') + textCell('XFD1', 'Ghi chú')) + goodRow(2))]] }),
      refusal: /Dòng tiêu đề của trang tính «Danh sách» có chữ \(hoặc ô gộp\) tới cột XFD, ngoài cột IV \(cột thứ 256\)/,
    },
    { name: 'cells in reverse order within a row', fileName: 'nguoc.xlsx', bytes: () => xlsx({ sheets: [['Danh sách', sheetXml(headerRow + row(2, textCell('B2', 'xã Vĩnh Bình') + textCell('A2', 'HTX Vĩnh Bình')))]] }) },
    { name: 'rows in reverse order', fileName: 'dong-nguoc.xlsx', bytes: () => xlsx({ sheets: [['Danh sách', sheetXml(headerRow + goodRow(5) + goodRow(3) + goodRow(2))]] }) },
    { name: 'a dimension past the last cell', fileName: 'kich-thuoc.xlsx', bytes: () => xlsx({ sheets: [['Danh sách', sheetXml(headerRow + goodRow(2), { before: '<dimension ref="A1:XFD99999999999999"/>' })]] }) },
    // --- Merged cells
    {
      name: 'a hundred thousand merged ranges over the whole sheet',
      fileName: 'gop-nhieu.xlsx',
      bytes: () => xlsx({ sheets: [['Danh sách', sheetXml(headerRow + goodRow(2), { after: `<mergeCells>${'<mergeCell ref="A1:XFD1048576"/>'.repeat(100_000)}</mergeCells>` })]] }),
      refusal: /có chữ \(hoặc ô gộp\) tới cột XFD/,
    },
    {
      name: 'a hundred thousand merged ranges over one row of the title',
      fileName: 'gop-tieu-de.xlsx',
      bytes: () =>
        xlsx({
          sheets: [['Danh sách', sheetXml(row(1, textCell('A1', 'DANH SÁCH HỢP TÁC XÃ')) + row(2, textCell('A2', 'Tên HTX') + textCell('B2', 'Địa chỉ')) + goodRow(3), { after: `<mergeCells>${'<mergeCell ref="A1:XFD1"/>'.repeat(100_000)}</mergeCells>` })]],
        }),
    },
    {
      name: 'merged ranges with impossible corners',
      fileName: 'gop-sai.xlsx',
      bytes: () =>
        xlsx({
          sheets: [['Danh sách', sheetXml(headerRow + goodRow(2), { after: '<mergeCells><mergeCell ref="A1:C99999999999999"/><mergeCell ref="C3:A1"/><mergeCell ref="ZZZ1:ZZZZ2"/><mergeCell ref="A1:constructor"/><mergeCell/></mergeCells>' })]],
        }),
    },
    {
      name: 'a merge tag left open for 64 MB after the rows',
      fileName: 'gop-mo.xlsx',
      bytes: () => {
        const rows = [headerRow];
        for (let number = 2; number <= 60; number++) rows.push(goodRow(number));
        const start = Buffer.from(`${sheetXml(rows.join('')).replace('</worksheet>', '')}<mergeCells><mergeCell ref="A1:B1" `);
        return xlsx({ sheets: [['Danh sách', Buffer.concat([start, Buffer.alloc(sixtyFourMb, 0x78)])]], level: 1 });
      },
      refusal: /có một thẻ XML dài hơn 1 MB/,
    },
    // --- XML oddities
    { name: 'an unclosed CDATA section', fileName: 'cdata.xlsx', bytes: () => xlsx({ sheets: [['Danh sách', sheetXml(headerRow).replace('<sheetData>', `<sheetData><![CDATA[${'x'.repeat(2_000_000)}`)]] }), refusal: /có một thẻ XML dài hơn 1 MB/ },
    { name: 'an unclosed comment', fileName: 'chu-thich.xlsx', bytes: () => xlsx({ sheets: [['Danh sách', `${sheetXml(headerRow)}<!--${'x'.repeat(3_000_000)}`]] }), refusal: /có một thẻ XML dài hơn 1 MB/ },
    { name: 'a hundred thousand nested elements', fileName: 'long-nhau.xlsx', bytes: () => xlsx({ sheets: [['Danh sách', sheetXml(headerRow + goodRow(2), { before: `${'<a>'.repeat(100_000)}${'</a>'.repeat(100_000)}` })]] }) },
    { name: '50 MB of white space between rows', fileName: 'khoang-trang.xlsx', bytes: () => paddedWorkbook(50 * 1024 * 1024) },
    { name: 'bytes that are not UTF-8 in a sheet', fileName: 'utf8-sai.xlsx', bytes: () => xlsx({ sheets: [['Danh sách', new Uint8Array([...strToU8(sheetXml(headerRow).replace('</sheetData>', '')), ...strToU8('<row r="2"><c r="A2" t="inlineStr"><is><t>HTX '), 0xff, 0xfe, 0xc3, ...strToU8('</t></is></c><c r="B2" t="inlineStr"><is><t>xã Vĩnh Bình, tỉnh An Giang</t></is></c></row></sheetData></worksheet>')])]] }) },
    { name: 'a sheet in UTF-16', fileName: 'utf16.xlsx', bytes: () => xlsx({ sheets: [['Danh sách', new Uint8Array(Buffer.from(sheetXml(headerRow + goodRow(2)), 'utf16le'))]] }), refusal: /trống|Không tìm thấy dòng tiêu đề|không có trang tính nào có dữ liệu/ },
    // --- Strings and styles pointing nowhere
    {
      name: 'shared-string indexes out of range, negative and named',
      fileName: 'chi-so.xlsx',
      bytes: () =>
        xlsx({
          sharedStrings: sharedStringsXml(['Tên HTX', 'Địa chỉ']),
          sheets: [['Danh sách', sheetXml(row(1, '<c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>') + row(2, '<c r="A2" t="s"><v>999999999</v></c><c r="B2" t="s"><v>-1</v></c><c r="C2" t="s"><v>constructor</v></c>') + goodRow(3))]],
        }),
    },
    { name: 'self-closing shared strings', fileName: 'si-rong.xlsx', bytes: () => xlsx({ sharedStrings: `<sst xmlns="${mainNs}"><si/><si><t>Tên HTX</t></si></sst>`, sheets: [['Danh sách', sheetXml(row(1, '<c r="A1" t="s"><v>1</v></c>') + goodRow(2))]] }) },
    {
      name: 'style indexes past the styles, and a million styles',
      fileName: 'kieu.xlsx',
      bytes: () =>
        xlsx({
          styles: `<styleSheet xmlns="${mainNs}"><cellXfs>${'<xf numFmtId="14"/>'.repeat(1_000_000)}</cellXfs></styleSheet>`,
          sheets: [['Danh sách', sheetXml(headerRow + row(2, `${textCell('A2', 'HTX Vĩnh Bình')}<c r="B2" s="999999999999"><v>45000</v></c><c r="C2" s="-1"><v>1</v></c><c r="D2" s="constructor"><v>1</v></c>`))]],
        }),
    },
    { name: 'cells of unknown types', fileName: 'kieu-o.xlsx', bytes: () => xlsx({ sheets: [['Danh sách', sheetXml(headerRow + row(2, `${textCell('A2', 'HTX Vĩnh Bình')}<c r="B2" t="zz"><v>1</v></c><c r="C2" t="d"><v>không phải ngày</v></c><c r="D2" t="e"><v>#REF!</v></c>`))]] }) },
    // --- Workbook structure
    { name: 'a zip without a workbook', fileName: 'khong-workbook.xlsx', bytes: () => zipSync({ 'thu.txt': strToU8('Xin chào') }), refusal: /không phải bảng tính Excel/ },
    {
      name: 'two thousand sheets',
      fileName: 'nhieu-trang.xlsx',
      bytes: () => xlsx({ workbook: `<workbook xmlns="${mainNs}" xmlns:r="${relNs}"><sheets>${'<sheet name="Trang" sheetId="1" r:id="rId1"/>'.repeat(2_000)}</sheets></workbook>` }),
      refusal: /sổ làm việc có hơn 1.000 trang tính/,
    },
    { name: 'no sheets at all', fileName: 'khong-trang.xlsx', bytes: () => xlsx({ workbook: `<workbook xmlns="${mainNs}"><sheets/></workbook>` }), refusal: /không có trang tính nào có dữ liệu/ },
    {
      name: 'relationships pointing outside the package',
      fileName: 'quan-he.xlsx',
      bytes: () =>
        xlsx({
          workbookRels: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${relType}/worksheet" Target="../../../../etc/passwd"/><Relationship Id="rSs" Type="${relType}/sharedStrings" Target="/etc/passwd"/></Relationships>`,
        }),
      refusal: /không có trang tính nào có dữ liệu/,
    },
    {
      name: 'two sheets of one name, the name with control characters',
      fileName: 'ten-trang.xlsx',
      bytes: () => xlsx({ sheets: [['Ghi\u0000chú\u202e', sheetXml(goodRow(1))], ['Ghi\u0000chú\u202e', sheetXml(headerRow + goodRow(2))]] }),
      refusal: /^Không tìm thấy dòng tiêu đề trong trang tính «Ghichú»/,
    },
    // --- The zip around it
    {
      name: 'a sheet declared larger than it inflates to',
      fileName: 'kich-thuoc-lon.xlsx',
      bytes: () => {
        const zip = xlsx();
        return patchEntry(zip, sheet1, { size: declaredSize(zip, sheet1) + 10 });
      },
      refusal: /phần «xl\/worksheets\/sheet1.xml» khi giải nén có kích thước khác với kích thước ghi trong tệp/,
    },
    {
      name: 'a sheet declared smaller than it inflates to',
      fileName: 'kich-thuoc-nho.xlsx',
      bytes: () => patchEntry(xlsx({ sheets: [['Danh sách', sheetXml(headerRow + ' '.repeat(5_000_000) + goodRow(2))]] }), sheet1, { size: 1000 }),
      refusal: /khi giải nén có kích thước khác với kích thước ghi trong tệp/,
    },
    {
      name: 'a sheet declared at 4 GB',
      fileName: 'kich-thuoc-4gb.xlsx',
      bytes: () => patchEntry(xlsx(), sheet1, { size: 0xfffffffe }),
      refusal: /phần «xl\/worksheets\/sheet1.xml» khi giải nén lớn hơn 1.024 MB/,
    },
    {
      name: 'shared strings declared at 1 GB',
      fileName: 'chuoi-1gb.xlsx',
      bytes: () => patchEntry(xlsx({ sharedStrings: sharedStringsXml(['Tên HTX']), sheets: [['Danh sách', sheetXml(row(1, '<c r="A1" t="s"><v>0</v></c>') + goodRow(2))]] }), 'xl/sharedStrings.xml', { size: 1024 * 1024 * 1024 }),
      refusal: /phần «xl\/sharedStrings.xml» khi giải nén lớn hơn 256 MB/,
    },
    { name: 'a stored part whose sizes disagree', fileName: 'luu-tru.xlsx', bytes: () => patchEntry(xlsx({ level: 0 }), sheet1, { size: 5 }), refusal: /khi giải nén có kích thước khác/ },
    { name: 'an unknown compression method', fileName: 'nen-la.xlsx', bytes: () => patchEntry(xlsx(), sheet1, { method: 12 }), refusal: /bị cắt cụt hoặc hỏng/ },
    { name: 'a part starting past the end of the file', fileName: 'vi-tri.xlsx', bytes: () => patchEntry(xlsx(), sheet1, { localHeaderOffset: 0x7fffffff }), refusal: /bị cắt cụt hoặc hỏng/ },
    {
      name: 'a damaged deflate stream',
      fileName: 'nen-hong.xlsx',
      bytes: () => {
        const zip = xlsx({ sheets: [['Danh sách', sheetXml(headerRow + goodRow(2) + goodRow(3))]] });
        const at = new TextDecoder('latin1').decode(zip).indexOf(sheet1) + sheet1.length + 4;
        for (let index = at; index < at + 40; index++) zip[index] = 0xff;
        return zip;
      },
      refusal: /bị cắt cụt hoặc hỏng|không đọc hết được|khi giải nén có kích thước khác/,
    },
    { name: 'a central directory past the end', fileName: 'muc-luc.xlsx', bytes: () => { const zip = xlsx(); new DataView(zip.buffer).setUint32(zip.length - 6, 0x7ffffff0, true); return zip; }, refusal: /bị cắt cụt hoặc hỏng/ },
    { name: 'an archive cut in the middle', fileName: 'cat.xlsx', bytes: () => xlsx().subarray(0, 700), refusal: /bị cắt cụt hoặc hỏng/ },
    { name: 'an empty archive', fileName: 'rong.xlsx', bytes: () => zipSync({}), refusal: /không phải bảng tính Excel/ },
    { name: 'a workbook zipped inside a zip', fileName: 'long-zip.xlsx', bytes: () => zipSync({ 'danh-sach.xlsx': xlsx() }), refusal: /không phải bảng tính Excel/ },
    // --- CSV
    { name: 'a CSV line of 20,000 columns', fileName: 'nhieu-cot.csv', bytes: () => csv(`Tên HTX,Địa chỉ\n${'a,'.repeat(20_000)}\n`), refusal: /dòng 2 có hơn 16.384 cột/ },
    { name: 'a CSV of NUL bytes', fileName: 'nul.csv', bytes: () => new Uint8Array(100_000), refusal: /^Trang tính «nul» trống/ },
    { name: 'a CSV in UTF-16 with an odd last byte', fileName: 'utf16-le.csv', bytes: () => new Uint8Array([0xff, 0xfe, ...Buffer.from('Tên HTX,Địa chỉ\nHTX Vĩnh Bình,xã Vĩnh Bình\n', 'utf16le'), 0x41]), refusal: /không lưu bằng bảng mã UTF-8/ },
    { name: 'a CSV with bytes that are not UTF-8', fileName: 'cp1258.csv', bytes: () => new Uint8Array([...strToU8('Tên HTX,Địa chỉ\n'), 0x48, 0x54, 0x58, 0x20, 0xd0, 0xec, 0x0a]), refusal: /không lưu bằng bảng mã UTF-8/ },
    { name: 'a CSV with lone CR line ends and a BOM', fileName: 'cr.csv', bytes: () => new Uint8Array([...bom, ...strToU8('Tên HTX,Địa chỉ\rHTX Vĩnh Bình,xã Vĩnh Bình\r')]) },
    { name: 'a CSV with quotes inside fields and control characters', fileName: 'ngoac.csv', bytes: () => csv('Tên HTX,Địa chỉ\nHTX "Vĩnh" Bình\u0000\u001b\u202e,xã Vĩnh Bình\n"HTX ""Mỹ Hòa""",x\n') },
    { name: 'an empty CSV', fileName: 'rong.csv', bytes: () => new Uint8Array(0), refusal: /không có trang tính nào có dữ liệu/ },
    { name: 'a CSV field of 2 MB', fileName: 'o-lon.csv', bytes: () => csv(`Tên HTX,Địa chỉ\nHTX,${'x'.repeat(2 * 1024 * 1024)}\n`), refusal: /từ dòng 2, một dòng dài hơn 1 MB/ },
    // --- .xls (Excel 97–2003)
    { name: 'an .xls cell past column IV', fileName: 'cot-iv.xls', bytes: () => xlsList([biff.label(2, 3000, 0, 'x')]), refusal: /trang tính «DS» có ô ở dòng 3 ngoài cột IV/ },
    { name: 'an .xls row of numbers running past column IV', fileName: 'mulrk.xls', bytes: () => xlsList([biff.mulRk(2, 250, Array.from({ length: 20 }, () => ({ style: 0, rk: 2 })))]), refusal: /ngoài cột IV/ },
    { name: 'an .xls shared string longer than a cell holds', fileName: 'chuoi-dai.xls', bytes: () => xls([sharedStrings([{ text: 'x'.repeat(40_000) }])], [{ name: 'DS', records: [biff.labelSst(0, 0, 0, 0)] }]), refusal: /chuỗi chữ thứ 1 trong bảng chữ dùng chung có hơn 32.767 ký tự/ },
    { name: 'an .xls whose shared strings say a million and hold two', fileName: 'sst.xls', bytes: () => xlsList([], (strings) => strings.writeUInt32LE(1_000_000, 8)) },
    { name: 'an .xls sheet that starts past the end of its stream', fileName: 'trang-ngoai.xls', bytes: () => compoundFile([{ name: 'Workbook', data: workbookAt(0x7fffffff) }]), refusal: /bị cắt cụt hoặc hỏng/ },
    { name: 'an .xls whose sectors point past the file', fileName: 'sector.xls', bytes: () => { const file = xlsList([]); file.writeUInt32LE(0x00ffffff, 512 + 2 * 4); return file; }, refusal: /bị cắt cụt hoặc hỏng/ },
    { name: 'an .xls whose directory chain loops', fileName: 'vong.xls', bytes: () => { const file = xlsList([]); file.writeUInt32LE(1, 512 + 4); return file; }, refusal: /bị cắt cụt hoặc hỏng/ },
    { name: 'an .xls cell format of no bytes', fileName: 'xf.xls', bytes: () => xls([biff.font('Arial'), record(0x00e0)], [{ name: 'DS', records: [biff.label(0, 0, 0, 'Tên HTX')] }]), refusal: /bị cắt cụt hoặc hỏng/ },
    { name: 'an .xls of a header and nothing more', fileName: 'dau.xls', bytes: () => xlsList([]).subarray(0, 512), refusal: /bị cắt cụt hoặc hỏng/ },
  ];
  return files;
}
