/**
 * .xls workbooks written record by record (BIFF8, MS-XLS) in a compound file (MS-CFB), for the
 * reader's tests: each record as Excel writes it, and the odd places a real file has — a shared
 * string cut across records, a small Workbook stream in the mini stream, a password.
 */

export function record(type: number, data: Buffer = Buffer.alloc(0)): Buffer {
  const head = Buffer.alloc(4);
  head.writeUInt16LE(type, 0);
  head.writeUInt16LE(data.length, 2);
  return Buffer.concat([head, data]);
}

const u8 = (value: number) => Buffer.from([value & 0xff]);
function u16(...values: number[]): Buffer {
  const buffer = Buffer.alloc(values.length * 2);
  values.forEach((value, at) => buffer.writeUInt16LE(value, at * 2));
  return buffer;
}
function u32(value: number): Buffer {
  const buffer = Buffer.alloc(4);
  buffer.writeUInt32LE(value >>> 0, 0);
  return buffer;
}

function latin1(text: string): boolean {
  for (let at = 0; at < text.length; at++) if (text.charCodeAt(at) > 0xff) return false;
  return true;
}

/** Characters as BIFF8 keeps them: one byte each when they all fit (flag 0), else UTF-16 (flag 1). */
function characters(text: string): { flag: number; bytes: Buffer } {
  return latin1(text) ? { flag: 0, bytes: Buffer.from(text, 'latin1') } : { flag: 1, bytes: Buffer.from(text, 'utf16le') };
}

/** A ShortXLUnicodeString (count in one byte) or an XLUnicodeString (in two). */
function unicodeString(text: string, countBytes: 1 | 2): Buffer {
  const { flag, bytes } = characters(text);
  return Buffer.concat([countBytes === 1 ? u8(text.length) : u16(text.length), u8(flag), bytes]);
}

const cell = (row: number, column: number, style: number) => u16(row, column, style);

export const biff = {
  bof: (kind: 'globals' | 'sheet' | 'chart', version = 0x0600) =>
    record(0x0809, Buffer.concat([u16(version, { globals: 0x0005, sheet: 0x0010, chart: 0x0020 }[kind], 0x0dbb, 0x07cc), u32(0), u32(0x06)])),
  eof: () => record(0x000a),
  filePass: () => record(0x002f, u16(1, 1, 1)),
  dateMode1904: () => record(0x0022, u16(1)),
  font: (name: string) => record(0x0031, Buffer.concat([u16(200, 0, 0x7fff, 400, 0), u8(0), u8(0), u8(0), u8(0), unicodeString(name, 1)])),
  format: (id: number, code: string) => record(0x041e, Buffer.concat([u16(id), unicodeString(code, 2)])),
  /** A cell format: its font (FONT records are numbered 0–3, then 5 on) and number format. */
  xf: (font: number, format: number) => record(0x00e0, Buffer.concat([u16(font, format, 0x0001), Buffer.alloc(14)])),
  labelSst: (row: number, column: number, style: number, index: number) => record(0x00fd, Buffer.concat([cell(row, column, style), u32(index)])),
  label: (row: number, column: number, style: number, text: string) => record(0x0204, Buffer.concat([cell(row, column, style), unicodeString(text, 2)])),
  number: (row: number, column: number, style: number, value: number) => {
    const bytes = Buffer.alloc(8);
    bytes.writeDoubleLE(value);
    return record(0x0203, Buffer.concat([cell(row, column, style), bytes]));
  },
  rk: (row: number, column: number, style: number, rk: number) => record(0x027e, Buffer.concat([cell(row, column, style), u32(rk)])),
  mulRk: (row: number, firstColumn: number, cells: { style: number; rk: number }[]) =>
    record(0x00bd, Buffer.concat([u16(row, firstColumn), ...cells.map(({ style, rk }) => Buffer.concat([u16(style), u32(rk)])), u16(firstColumn + cells.length - 1)])),
  /** A formula with its cached result: a number, a text (in the STRING record after it), a flag or an error. */
  formula: (row: number, column: number, style: number, result: number | { text: string } | boolean | { error: number }) => {
    const value = Buffer.alloc(8);
    if (typeof result === 'number') value.writeDoubleLE(result);
    else {
      value[0] = typeof result === 'boolean' ? 1 : 'text' in result ? 0 : 2;
      value[2] = typeof result === 'boolean' ? Number(result) : 'error' in result ? result.error : 0;
      value.writeUInt16LE(0xffff, 6);
    }
    const formula = record(0x0006, Buffer.concat([cell(row, column, style), value, u16(0), u32(0), u16(0)]));
    return typeof result === 'object' && 'text' in result ? Buffer.concat([formula, record(0x0207, unicodeString(result.text, 2))]) : formula;
  },
  boolErr: (row: number, column: number, style: number, value: number, isError: boolean) => record(0x0205, Buffer.concat([cell(row, column, style), u8(value), u8(Number(isError))])),
  mergeCells: (ranges: { top: number; bottom: number; left: number; right: number }[]) =>
    record(0x00e5, Buffer.concat([u16(ranges.length), ...ranges.map((range) => u16(range.top, range.bottom, range.left, range.right))])),
  dimensions: (rows: number, columns: number) => record(0x0200, Buffer.concat([u32(0), u32(rows), u16(0, columns, 0)])),
};

/** An RK number holding an integer, or a number of hundredths (× 100 flag). */
export function rkInteger(value: number, hundredths = false): number {
  return ((value << 2) | 0x02 | (hundredths ? 0x01 : 0)) >>> 0;
}

/** An RK number holding the high 30 bits of a double (exact for 1.5, 0.25 …). */
export function rkDouble(value: number): number {
  const bytes = Buffer.alloc(8);
  bytes.writeDoubleLE(value);
  return bytes.readUInt32LE(4) & 0xfffffffc;
}

export interface SharedString {
  text: string;
  /** Rich text: from which character on a font (by its number) is used. */
  runs?: { from: number; font: number }[];
}

/**
 * The SST record and the CONTINUE records after it, each holding at most `recordBytes`: a string's
 * characters cut between two records go on after a flag byte saying their width there, as Excel
 * writes them (so a string may be one byte per character in one record and two in the next).
 */
export function sharedStrings(strings: SharedString[], recordBytes = 8224): Buffer {
  const records: Buffer[][] = [[Buffer.concat([u32(strings.length), u32(strings.length)])]];
  const size = () => (records.at(-1) ?? []).reduce((total, part) => total + part.length, 0);
  const put = (part: Buffer) => {
    if (size() + part.length > recordBytes) records.push([]);
    records.at(-1)?.push(part);
  };
  for (const { text, runs = [] } of strings) {
    const { flag } = characters(text);
    put(Buffer.concat([u16(text.length), u8(flag | (runs.length ? 0x08 : 0)), ...(runs.length ? [u16(runs.length)] : [])]));
    let left = text;
    let first = true;
    while (left !== '') {
      const room = recordBytes - size() - (first ? 0 : 1);
      // Characters that fit here, in the width this piece is written in.
      let count = 0;
      let piece = '';
      for (const character of left) {
        const next = piece + character;
        const width = first ? (flag === 1 ? 2 : 1) : latin1(next) ? 1 : 2;
        if (next.length * width > room) break;
        piece = next;
        count += 1;
      }
      if (count === 0) {
        records.push([]);
        first = false;
        continue;
      }
      const written = first ? { flag, bytes: flag === 1 ? Buffer.from(piece, 'utf16le') : Buffer.from(piece, 'latin1') } : characters(piece);
      records.at(-1)?.push(first ? written.bytes : Buffer.concat([u8(written.flag), written.bytes]));
      left = left.slice(piece.length);
      if (left !== '') records.push([]);
      first = false;
    }
    for (const run of runs) put(u16(run.from, run.font));
  }
  return Buffer.concat(records.map((parts, index) => record(index === 0 ? 0x00fc : 0x003c, Buffer.concat(parts))));
}

export interface SheetOfRecords {
  name: string;
  hidden?: boolean;
  records: Buffer[];
}

/** The Workbook stream: the globals, a BOUNDSHEET for each sheet pointing at its BOF, then the sheets. */
export function workbookStream(globals: Buffer[], sheets: SheetOfRecords[]): Buffer {
  const bound = (sheet: SheetOfRecords, offset: number) => record(0x0085, Buffer.concat([u32(offset), u8(sheet.hidden ? 1 : 0), u8(0), unicodeString(sheet.name, 1)]));
  const head = Buffer.concat([biff.bof('globals'), ...globals]);
  const boundsSize = sheets.reduce((total, sheet) => total + bound(sheet, 0).length, 0);
  let offset = head.length + boundsSize + biff.eof().length;
  const bodies = sheets.map((sheet) => Buffer.concat([biff.bof('sheet'), ...sheet.records, biff.eof()]));
  const bounds = sheets.map((sheet, index) => {
    const written = bound(sheet, offset);
    offset += bodies[index]?.length ?? 0;
    return written;
  });
  return Buffer.concat([head, ...bounds, biff.eof(), ...bodies]);
}

const SECTOR = 512;
const END = 0xfffffffe;
const FREE = 0xffffffff;
const FAT_SECTOR = 0xfffffffd;
const DIFAT_SECTOR = 0xfffffffc;
/** FAT sectors listed beyond the header's 109, 127 to a DIFAT sector. */
const difatSectorsFor = (fatSectors: number) => Math.max(0, Math.ceil((fatSectors - 109) / 127));

/**
 * A compound file (version 3, 512-byte sectors) holding `streams` under its root: streams under
 * 4,096 bytes in the mini stream, as the format asks.
 */
export function compoundFile(streams: { name: string; data: Buffer }[]): Buffer {
  const padded = (data: Buffer, unit: number) => Buffer.concat([data, Buffer.alloc((unit - (data.length % unit)) % unit)]);
  const small = streams.filter((stream) => stream.data.length < 4096);
  const large = streams.filter((stream) => stream.data.length >= 4096);
  // The mini stream: each small stream in 64-byte sectors, chained in the mini allocation table.
  const miniFat: number[] = [];
  const miniStarts = small.map((stream) => {
    const start = miniFat.length;
    const count = Math.max(1, Math.ceil(stream.data.length / 64));
    for (let at = 0; at < count; at++) miniFat.push(at === count - 1 ? END : start + at + 1);
    return start;
  });
  const miniStream = padded(Buffer.concat(small.map((stream) => padded(stream.data, 64))), SECTOR);
  const miniFatBytes = padded(Buffer.concat(miniFat.map(u32)), SECTOR);
  const entries = 1 + streams.length;
  const directorySectors = Math.ceil((entries * 128) / SECTOR);
  const contents = [
    { kind: 'directory', sectors: directorySectors },
    { kind: 'miniFat', sectors: miniFat.length ? miniFatBytes.length / SECTOR : 0 },
    { kind: 'miniStream', sectors: miniStream.length / SECTOR },
    ...large.map((stream) => ({ kind: stream.name, sectors: Math.ceil(stream.data.length / SECTOR) })),
  ];
  const contentSectors = contents.reduce((total, part) => total + part.sectors, 0);
  let fatSectors = 1;
  while (fatSectors * 128 < fatSectors + difatSectorsFor(fatSectors) + contentSectors) fatSectors += 1;
  const difatSectors = difatSectorsFor(fatSectors);
  const fat: number[] = [...Array.from({ length: fatSectors }, () => FAT_SECTOR), ...Array.from({ length: difatSectors }, () => DIFAT_SECTOR)];
  const starts = new Map<string, number>();
  for (const part of contents) {
    if (part.sectors === 0) continue;
    const start = fat.length;
    starts.set(part.kind, start);
    for (let at = 0; at < part.sectors; at++) fat.push(at === part.sectors - 1 ? END : start + at + 1);
  }
  while (fat.length % 128) fat.push(FREE);

  const header = Buffer.alloc(SECTOR);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x3e, 0x18);
  header.writeUInt16LE(3, 0x1a);
  header.writeUInt16LE(0xfffe, 0x1c);
  header.writeUInt16LE(9, 0x1e);
  header.writeUInt16LE(6, 0x20);
  header.writeUInt32LE(fatSectors, 0x2c);
  header.writeUInt32LE(starts.get('directory') ?? END, 0x30);
  header.writeUInt32LE(4096, 0x38);
  header.writeUInt32LE(starts.get('miniFat') ?? END, 0x3c);
  header.writeUInt32LE(miniFat.length ? miniFatBytes.length / SECTOR : 0, 0x40);
  header.writeUInt32LE(difatSectors ? fatSectors : END, 0x44);
  header.writeUInt32LE(difatSectors, 0x48);
  for (let at = 0; at < 109; at++) header.writeUInt32LE(at < fatSectors ? at : FREE, 0x4c + at * 4);
  // The rest of the FAT's sectors, 127 to a DIFAT sector, each ending with the next one's number.
  const difat = Array.from({ length: difatSectors }, (_, index) => {
    const sector = Buffer.alloc(SECTOR, 0xff);
    for (let at = 0; at < 127; at++) {
      const listed = 109 + index * 127 + at;
      if (listed < fatSectors) sector.writeUInt32LE(listed, at * 4);
    }
    sector.writeUInt32LE(index + 1 < difatSectors ? fatSectors + index + 1 : END, 508);
    return sector;
  });

  const entry = (name: string, type: number, start: number, size: number, child: number, right: number) => {
    const bytes = Buffer.alloc(128);
    bytes.write(name, 0, 'utf16le');
    bytes.writeUInt16LE((name.length + 1) * 2, 64);
    bytes[66] = type;
    bytes[67] = 1;
    bytes.writeUInt32LE(FREE, 68);
    bytes.writeUInt32LE(right, 72);
    bytes.writeUInt32LE(child, 76);
    bytes.writeUInt32LE(start, 116);
    bytes.writeUInt32LE(size, 120);
    return bytes;
  };
  const ordered = [...small, ...large];
  const directory = [
    entry('Root Entry', 5, small.length ? (starts.get('miniStream') ?? END) : END, small.length ? miniStream.length : 0, ordered.length ? 1 : FREE, FREE),
    ...ordered.map((stream, index) => {
      const smallIndex = small.indexOf(stream);
      const start = smallIndex >= 0 ? (miniStarts[smallIndex] ?? END) : (starts.get(stream.name) ?? END);
      return entry(stream.name, 2, start, stream.data.length, FREE, index + 2 <= ordered.length ? index + 2 : FREE);
    }),
  ];
  const body = [
    Buffer.concat(fat.map(u32)),
    ...difat,
    padded(Buffer.concat(directory), SECTOR),
    ...(miniFat.length ? [miniFatBytes] : []),
    miniStream,
    ...large.map((stream) => padded(stream.data, SECTOR)),
  ];
  return Buffer.concat([header, ...body]);
}

/** An .xls of one Workbook stream. */
export function xls(globals: Buffer[], sheets: SheetOfRecords[]): Buffer {
  return compoundFile([{ name: 'Workbook', data: workbookStream(globals, sheets) }]);
}
