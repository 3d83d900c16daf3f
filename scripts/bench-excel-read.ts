/**
 * How fast the import reads a large workbook, beside exceljs's streaming reader and LibreOffice's
 * conversion to CSV:
 *   npx tsx scripts/bench-excel-read.ts [--rows 100000] [--file existing.xlsx]
 * Writes a workbook of organizations (15 columns, Vietnamese text, shared strings and date cells,
 * as Excel writes them) to a temporary folder unless --file is given, then reads every row with
 * each contender in a process of its own so that each one's peak memory (max RSS) is its own.
 * Prints figures; asserts nothing. `benchExcelRead` is the same for scripts/bench.ts to call.
 */
import { fork, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import ExcelJS from 'exceljs';
import { openSource, readRows } from '../src/core/excel/read';
import { openReader } from '../src/core/excel/read/thread';

export interface ReadMeasure {
  name: string;
  /** Wall-clock time. */
  seconds: number;
  /** Processor time of the process (user + system, all its threads): steadier on a busy machine. */
  cpuSeconds: number;
  rows: number;
  /** Peak resident memory of the process that did the read, in MiB. */
  peakRssMiB: number;
}

export interface ExcelReadBenchResult {
  file: string;
  fileMiB: number;
  rows: number;
  measures: ReadMeasure[];
}

const sofficePath = '/usr/bin/soffice';
const scriptPath = fileURLToPath(import.meta.url);

/**
 * Old communes of An Giang with their districts, as lists written before 1 July 2025 give them:
 * some whose name a commune of today bears elsewhere in the merged province (only the district
 * places them), a town (thị trấn), and one divided between several communes (asked).
 */
const places: [commune: string, district: string][] = [
  ['xã Mỹ Hòa Hưng', 'TP Long Xuyên'],
  ['xã Vĩnh Hòa', 'TX Tân Châu'],
  ['xã Bình Hòa', 'huyện Châu Thành'],
  ['thị trấn Vĩnh Bình', 'huyện Châu Thành'],
  ['xã Tân Thạnh', 'TX Tân Châu'],
  ['xã An Hòa', 'huyện Châu Thành'],
  ['xã Phú Hữu', 'huyện An Phú'],
  ['xã Phú Hội', 'huyện An Phú'],
];
const sectors = ['Nông nghiệp', 'Thủy sản', 'Tiểu thủ công nghiệp', 'Thương mại dịch vụ', 'Vận tải', 'Tín dụng'];
const surnames = ['Nguyễn Văn', 'Trần Thị', 'Lê Hoàng', 'Phạm Minh', 'Huỳnh Thị', 'Võ Thành'];
const names = ['Bình', 'Hạnh', 'Tâm', 'Phúc', 'Lộc', 'Thảo', 'Đức', 'Ngọc'];

/** Writes `rows` organizations with exceljs's streaming writer. */
export async function writeOrganizationsWorkbook(path: string, rows: number): Promise<void> {
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: true });
  const sheet = writer.addWorksheet('Danh sách HTX');
  sheet
    .addRow([
      'STT', 'Mã số thuế', 'Tên hợp tác xã', 'Tên viết tắt', 'Loại hình', 'Ngành nghề', 'Địa chỉ', 'Xã/phường',
      'Huyện', 'Người đại diện', 'Điện thoại', 'Email', 'Ngày thành lập', 'Vốn điều lệ (đồng)', 'Số thành viên',
    ])
    .commit();
  for (let number = 1; number <= rows; number++) {
    const [commune, district] = places[number % places.length] ?? ['', ''];
    const sector = sectors[number % sectors.length] ?? '';
    const row = sheet.addRow([
      number,
      String(1_600_000_000 + number),
      `Hợp tác xã ${sector} ${commune.replace(/^(xã|thị trấn) /, '')} số ${number}`,
      `HTX ${number}`,
      number % 5 === 0 ? 'Liên hiệp hợp tác xã' : 'Hợp tác xã',
      sector,
      `Ấp ${(number % 12) + 1}, ${commune}, ${district}, tỉnh An Giang`,
      commune,
      district,
      `${surnames[number % surnames.length] ?? ''} ${names[number % names.length] ?? ''}`,
      `0296${String(number).padStart(6, '0')}`,
      `htx${number}@angiang.gov.vn`,
      new Date(Date.UTC(2000 + (number % 25), number % 12, (number % 28) + 1)),
      (number % 500) * 1_000_000,
      (number % 300) + 7,
    ]);
    row.getCell(13).numFmt = 'dd/mm/yyyy';
    row.commit();
  }
  await writer.commit();
}

async function readWithExceljs(path: string): Promise<number> {
  let rows = 0;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });
  for await (const worksheet of reader) {
    for await (const _row of worksheet) rows++;
  }
  return rows;
}

async function readWithHtxReader(path: string): Promise<number> {
  const source = await openSource(path, 'bench.xlsx');
  let rows = 0;
  for await (const batch of readRows(path, source, source.sheets[0]?.name ?? '', { fromRow: 1 })) rows += batch.length;
  return rows;
}

/** The same reader as the import runs it: in its worker thread, batches crossing to this one. */
async function readWithHtxThread(path: string): Promise<number> {
  const reader = openReader();
  try {
    const source = await reader.openSource(path, 'bench.xlsx');
    let rows = 0;
    for await (const batch of reader.readRows(path, source, source.sheets[0]?.name ?? '', { fromRow: 1 })) rows += batch.length;
    return rows;
  } finally {
    reader.close();
  }
}

const contenders = { exceljs: readWithExceljs, htx: readWithHtxReader, htxThread: readWithHtxThread } as const;
type Contender = keyof typeof contenders;

/** Runs one reader in a child process (this script again) and collects its figures. */
function measureInChild(contender: Contender, path: string): Promise<Omit<ReadMeasure, 'name'>> {
  return new Promise((done, fail) => {
    const child = fork(scriptPath, ['--measure', contender, '--file', path], { stdio: 'inherit' });
    child.once('message', (message) => done(message as Omit<ReadMeasure, 'name'>));
    child.once('error', fail);
    child.once('exit', (code) => {
      if (code !== 0) fail(new Error(`${contender} reader exited with ${String(code)}`));
    });
  });
}

/** LibreOffice's headless conversion of the same file to CSV; GNU time gives its peak memory. */
export function measureSoffice(path: string): Omit<ReadMeasure, 'name'> | null {
  if (!existsSync(sofficePath)) return null;
  const work = mkdtempSync(join(tmpdir(), 'htx-bench-soffice-'));
  try {
    const convert = (file: string): { ok: boolean; peakRssMiB: number; cpuSeconds: number; message: string } => {
      const run = spawnSync(
        '/usr/bin/time',
        ['-f', '%M %U %S', sofficePath, `-env:UserInstallation=file://${join(work, 'profile')}`, '--headless',
          '--convert-to', 'csv', '--outdir', join(work, 'out'), file],
        { encoding: 'utf8' },
      );
      const [rssKiB = NaN, user = NaN, system = NaN] = (run.stderr.trim().split('\n').pop() ?? '').split(' ').map(Number);
      return { ok: run.status === 0, peakRssMiB: rssKiB / 1024, cpuSeconds: user + system, message: run.stderr };
    };
    // The first run only creates LibreOffice's profile; that is not what a conversion costs.
    const warmUp = join(work, 'warm-up.csv');
    writeFileSync(warmUp, 'a,b\n1,2\n');
    convert(warmUp);
    const started = performance.now();
    const run = convert(path);
    const seconds = (performance.now() - started) / 1000;
    const converted = readdirSync(join(work, 'out')).some((name) => !name.startsWith('warm-up'));
    if (!run.ok || !converted) {
      console.warn(`LibreOffice produced no CSV: ${run.message}`);
      return null;
    }
    return { seconds, cpuSeconds: run.cpuSeconds, rows: -1, peakRssMiB: run.peakRssMiB };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Writes (or takes) the workbook and measures each reader on it. `rows` is the number of data
 * rows written when no file is given.
 */
export async function benchExcelRead(options: { rows?: number; file?: string } = {}): Promise<ExcelReadBenchResult> {
  const rows = options.rows ?? 100_000;
  const tempDir = options.file ? null : mkdtempSync(join(tmpdir(), 'htx-bench-excel-'));
  const file = options.file ? resolve(options.file) : join(tempDir ?? '', `organizations-${rows}.xlsx`);
  try {
    if (!options.file) await writeOrganizationsWorkbook(file, rows);
    const measures: ReadMeasure[] = [];
    measures.push({ name: 'exceljs WorkbookReader', ...(await measureInChild('exceljs', file)) });
    measures.push({ name: 'HTX Desk reader', ...(await measureInChild('htx', file)) });
    measures.push({ name: 'HTX Desk reader, thread', ...(await measureInChild('htxThread', file)) });
    const soffice = measureSoffice(file);
    if (soffice) measures.push({ name: 'LibreOffice → CSV', ...soffice });
    return { file, fileMiB: statSync(file).size / 1024 / 1024, rows: rows + 1, measures };
  } finally {
    if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  }
}

export function printExcelReadBench(result: ExcelReadBenchResult): void {
  console.log(`\n${result.file}: ${result.fileMiB.toFixed(1)} MiB, ${result.rows} rows (header included)`);
  console.log(`${'reader'.padEnd(26)}${'seconds'.padStart(9)}${'CPU s'.padStart(9)}${'rows'.padStart(9)}${'peak RSS'.padStart(11)}`);
  for (const measure of result.measures) {
    const rowsText = measure.rows < 0 ? '—' : String(measure.rows);
    const rss = Number.isNaN(measure.peakRssMiB) ? '—' : `${measure.peakRssMiB.toFixed(0)} MiB`;
    console.log(
      `${measure.name.padEnd(26)}${measure.seconds.toFixed(2).padStart(9)}${measure.cpuSeconds.toFixed(2).padStart(9)}` +
        `${rowsText.padStart(9)}${rss.padStart(11)}`,
    );
  }
  const ours = result.measures.find((measure) => measure.name === 'HTX Desk reader');
  if (!ours) return;
  for (const other of result.measures) {
    if (other === ours) continue;
    console.log(
      `${other.name}: ${(other.seconds / ours.seconds).toFixed(1)}× the HTX Desk reader's time, ` +
        `${(other.cpuSeconds / ours.cpuSeconds).toFixed(1)}× its processor time`,
    );
  }
}

const { values } = parseArgs({
  options: { rows: { type: 'string' }, file: { type: 'string' }, measure: { type: 'string' } },
  strict: false,
});

if (process.argv[1] !== undefined && resolve(process.argv[1]) === scriptPath) {
  const contender = values.measure;
  if (typeof contender === 'string' && typeof values.file === 'string') {
    const read = contenders[contender as Contender];
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    const rows = await read(values.file);
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    process.send?.({ seconds, cpuSeconds, rows, peakRssMiB: process.resourceUsage().maxRSS / 1024 });
    process.disconnect();
  } else {
    const result = await benchExcelRead({
      rows: typeof values.rows === 'string' ? Number(values.rows) : undefined,
      file: typeof values.file === 'string' ? values.file : undefined,
    });
    printExcelReadBench(result);
  }
}
