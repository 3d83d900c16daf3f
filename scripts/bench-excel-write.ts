/**
 * How fast the report writer streams the register, against exceljs's own streaming writer doing
 * the bare minimum with the same rows:
 *   npx tsx scripts/bench-excel-write.ts [--db FILE] [--runs 3]
 * Without --db it seeds a temporary national-scale database (100,000 organizations) first. Prints
 * the time and peak memory of: reading the register the way an export does; writing it with the
 * report writer (frame, merged header, borders, widths, row heights, totals, print set-up); writing
 * the same values with a bare exceljs WorkbookWriter; and the whole export job. Aim: the writer
 * within 1.2× of the bare write. `benchExcelWrite` is what scripts/bench.ts calls.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import ExcelJS from 'exceljs';
import { openApp, type OpenedApp } from '../src/core/app';
import { seedDemo } from '../src/core/demo/generate';
import { layoutOf } from '../src/core/excel/reports/layouts';
import { registerTable } from '../src/core/excel/reports/register';
import { excelDate, writeReport, type Row } from '../src/core/excel/write/writer';
import type { LayoutColumn } from '../src/core/excel/write/layout';
import { dispatch } from '../src/core/handlers';

export interface ExcelWriteFigures {
  rows: number;
  readSeconds: number;
  writerSeconds: number;
  /** exceljs as documented: widths and the date column's format. */
  rawSeconds: number;
  /** exceljs with no styles at all. */
  unstyledSeconds: number;
  /** writer ÷ raw. */
  ratio: number;
  writerPeakMb: number;
  rawPeakMb: number;
  writerFileMb: number;
  rawFileMb: number;
  /** The export job end to end (reading the list page by page and writing), through the channels. */
  jobSeconds: number;
}

/** Runs `work` and reports its time and the peak resident memory above where it started. */
async function measure(work: () => Promise<void>): Promise<{ seconds: number; peakMb: number }> {
  const start = process.memoryUsage().rss;
  let peak = start;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  const started = performance.now();
  await work();
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  return { seconds, peakMb: (peak - start) / 1024 / 1024 };
}

/** The same values as the writer writes them (labels read, dates as dates), with nothing around. */
function bareValues(columns: readonly LayoutColumn[], row: Row, index: number): ExcelJS.CellValue[] {
  return columns.map((column) => {
    if (column.format === 'index') return index;
    const value = row[column.key] ?? null;
    if (value === null) return null;
    if (column.format === 'date' && typeof value === 'string') return excelDate(value);
    if (column.format === 'text') return column.labels?.[String(value)] ?? String(value);
    return value;
  });
}

/**
 * exceljs's streaming writer as its documentation shows it: column widths, the date format as the
 * date column's style, `addRow(...).commit()`. With `styled` false, not even that: no styles at
 * all (the dates then show as serial numbers), the floor of what writing these rows can cost.
 */
async function bareWrite(path: string, columns: readonly LayoutColumn[], rows: readonly Row[], styled: boolean): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: styled, useSharedStrings: false });
  const sheet = workbook.addWorksheet('Danh sách');
  sheet.columns = columns.map((column) => ({ width: column.width, ...(styled && column.format === 'date' ? { style: { numFmt: 'dd/mm/yyyy' } } : {}) }));
  for (const [index, row] of rows.entries()) {
    sheet.addRow(bareValues(columns, row, index + 1)).commit();
    // Yields as often as the writer does, so both stream and neither piles up buffers.
    if ((index + 1) % 500 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  sheet.commit();
  await workbook.commit();
}

export async function benchExcelWrite(app: OpenedApp, { runs = 3, outDir = mkdtempSync(join(tmpdir(), 'htx-bench-xlsx-')) } = {}): Promise<ExcelWriteFigures> {
  const { ctx } = app;
  const layout = layoutOf('register');
  const columns = layout.sheets[0]?.columns ?? [];
  const list = { sort: { by: 'name', direction: 'asc' }, certificationValid: false, page: 1, pageSize: 1 } as const;

  let rows: Row[] = [];
  const read = await measure(async () => {
    rows = [...(registerTable(ctx, list).rows as Iterable<Row>)];
    await Promise.resolve();
  });
  const frame = { issuer: 'LIÊN MINH HỢP TÁC XÃ TỈNH AN GIANG', period: 'Tính đến ngày 23/11/2026', placeAndDate: 'An Giang, ngày 23 tháng 11 năm 2026', signerName: 'Nguyễn Văn Bình' };
  const writerPath = join(outDir, 'writer.xlsx');
  const rawPath = join(outDir, 'raw.xlsx');
  let writer = { seconds: Infinity, peakMb: 0 };
  let raw = { seconds: Infinity, peakMb: 0 };
  let unstyled = Infinity;
  // Alternated, best of each, so neither gains from a warmer process.
  for (let run = 0; run < runs; run += 1) {
    const bare = await measure(() => bareWrite(rawPath, columns, rows, true));
    if (bare.seconds < raw.seconds) raw = bare;
    unstyled = Math.min(unstyled, (await measure(() => bareWrite(join(outDir, 'unstyled.xlsx'), columns, rows, false))).seconds);
    const ours = await measure(() =>
      writeReport(writerPath, { layout, frame, tables: { organizations: { rows, count: rows.length, totals: () => ({ name: `${rows.length} tổ chức` }) } } }),
    );
    if (ours.seconds < writer.seconds) writer = ours;
  }

  const job = await measure(async () => {
    const started = await dispatch(ctx, 'reports:run', { report: 'register' });
    if (!started.ok) throw new Error(started.error.message);
    const jobId = (started.value as { jobId: string }).jobId;
    for (;;) {
      const status = ctx.jobs.status(jobId);
      if (status.state === 'failed') throw new Error(status.error?.message);
      if (status.state !== 'running') break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  });

  return {
    rows: rows.length,
    readSeconds: read.seconds,
    writerSeconds: writer.seconds,
    rawSeconds: raw.seconds,
    unstyledSeconds: unstyled,
    ratio: writer.seconds / raw.seconds,
    writerPeakMb: writer.peakMb,
    rawPeakMb: raw.peakMb,
    writerFileMb: statSync(writerPath).size / 1024 / 1024,
    rawFileMb: statSync(rawPath).size / 1024 / 1024,
    jobSeconds: job.seconds,
  };
}

export function printExcelWriteFigures(figures: ExcelWriteFigures): void {
  const mb = (value: number) => `${value.toFixed(0)} MB`;
  console.log(`Excel export of ${figures.rows.toLocaleString('en')} organizations`);
  console.log(`  reading the register (list query, paged):   ${figures.readSeconds.toFixed(2)} s`);
  console.log(`  report writer:   ${figures.writerSeconds.toFixed(2)} s, peak +${mb(figures.writerPeakMb)}, file ${figures.writerFileMb.toFixed(1)} MB`);
  console.log(`  bare exceljs:    ${figures.rawSeconds.toFixed(2)} s, peak +${mb(figures.rawPeakMb)}, file ${figures.rawFileMb.toFixed(1)} MB`);
  console.log(`  bare exceljs without any style: ${figures.unstyledSeconds.toFixed(2)} s`);
  console.log(`  ratio writer / bare: ${figures.ratio.toFixed(2)}× (aim ≤ 1.2×); writer / unstyled: ${(figures.writerSeconds / figures.unstyledSeconds).toFixed(2)}×`);
  console.log(`  whole export job (read + write): ${figures.jobSeconds.toFixed(2)} s`);
}

if (import.meta.url === `file://${process.argv[1] ?? ''}`) {
  const { values } = parseArgs({ options: { db: { type: 'string' }, runs: { type: 'string', default: '3' } } });
  const tempDir = values.db ? null : mkdtempSync(join(tmpdir(), 'htx-bench-'));
  const file = values.db ? resolve(values.db) : join(tempDir ?? '', 'bench.sqlite');
  const app = openApp({ databaseFile: file, appRoot: resolve(import.meta.dirname, '..'), appVersion: 'bench' });
  try {
    if (tempDir) seedDemo(app.ctx, { scale: 'national', provinceCode: '91', years: 1, seed: 1 });
    printExcelWriteFigures(await benchExcelWrite(app, { runs: Number(values.runs) }));
  } finally {
    app.close();
    if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  }
}
