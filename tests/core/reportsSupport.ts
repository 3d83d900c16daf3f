/**
 * Running a report through the channels, and reading the workbook back twice: with exceljs, and
 * with an independent reader, LibreOffice (headless), converting every sheet to CSV and the whole
 * workbook to PDF. LibreOffice must be installed (Debian: libreoffice-calc-nogui); the tests say
 * so loudly when it is not, unless HTX_NO_LIBREOFFICE=1 asks to skip them.
 */
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { stagedFile } from '../../src/core/files';
import type { InputOf, JobStatus } from '../../src/shared/contract';
import { call, type openTestApp } from './support';

type TestApp = ReturnType<typeof openTestApp>;
const run = promisify(execFile);

/**
 * LibreOffice is the independent reader of every report; CI installs it. Only a machine that says
 * it has none (HTX_NO_LIBREOFFICE=1) skips the conversions, and nothing else.
 */
export const skipLibreOffice = process.env.HTX_NO_LIBREOFFICE === '1';

export async function finished(app: TestApp, jobId: string): Promise<JobStatus> {
  for (;;) {
    const status = await call(app, 'jobs:status', { jobId });
    if (status.state !== 'running') return status;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Runs a job that makes a workbook and returns the staged file's path and name. */
async function workbookOf(app: TestApp, started: Promise<{ jobId: string }>): Promise<{ path: string; fileName: string }> {
  const { jobId } = await started;
  const status = await finished(app, jobId);
  if (status.state !== 'done') throw new Error(`The job ended ${status.state}: ${status.error?.message ?? ''}`);
  const { fileId, fileName } = await call(app, 'reports:file', { jobId });
  return { path: stagedFile(app.ctx, fileId).path, fileName };
}

export function runReport(app: TestApp, input: InputOf<'reports:run'>) {
  return workbookOf(app, call(app, 'reports:run', input));
}

export function runPlanResults(app: TestApp, planId: number) {
  return workbookOf(app, call(app, 'reports:planResults', { planId }));
}

export function exportList(app: TestApp, input: InputOf<'reports:exportList'>) {
  return workbookOf(app, call(app, 'reports:exportList', input));
}

export async function readWorkbook(path: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook;
}

/** The texts of a sheet's row, '' for empty cells (merged cells repeat the master's value). */
export function rowTexts(sheet: ExcelJS.Worksheet, rowNumber: number): string[] {
  const row = sheet.getRow(rowNumber);
  return Array.from({ length: sheet.columnCount }, (_, index) => {
    const cell = row.getCell(index + 1);
    return cell.isMerged && cell.master.address !== cell.address ? '' : cell.text;
  });
}

/** The number of the first row whose first cell reads `text`. */
export function rowNumberOf(sheet: ExcelJS.Worksheet, text: string): number {
  for (let number = 1; number <= sheet.rowCount; number += 1) {
    if (sheet.getRow(number).getCell(1).text === text) return number;
  }
  throw new Error(`No row begins with "${text}" in ${sheet.name}`);
}

export interface LibreOfficeReading {
  /** Each sheet as CSV rows (values as stored, not as formatted), by sheet name. */
  sheets: Map<string, string[][]>;
  pdf: string;
  /** PNG pages of the PDF (60 dpi), for a person to look at. */
  pages: string[];
}

/** A tiny CSV reader for what LibreOffice writes: commas, double quotes, quotes doubled. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text.charAt(index);
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else field = `${field}${char}`;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else if (char !== '\r') field = `${field}${char}`;
  }
  if (field !== '' || row.length) rows.push([...row, field]);
  return rows;
}

/**
 * Converts the workbook with LibreOffice: every sheet to CSV (UTF-8, values as stored) and the
 * workbook to PDF, then the PDF's pages to PNG. Each run has its own LibreOffice profile, so
 * parallel runs do not wait on each other's lock.
 */
export async function readWithLibreOffice(path: string, outDir = mkdtempSync(join(tmpdir(), 'htx-lo-'))): Promise<LibreOfficeReading> {
  const profile = join(tmpdir(), `lo-profile-${randomUUID()}`);
  const soffice = ['-env:UserInstallation=file://' + profile, '--headless'];
  try {
    // Filter options: comma, double quote, UTF-8, from line 1, …, values not as shown, all sheets (-1).
    await run('soffice', [...soffice, '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', '--outdir', outDir, path]);
    await run('soffice', [...soffice, '--convert-to', 'pdf', '--outdir', outDir, path]);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  const stem = basename(path, extname(path));
  const pdf = join(outDir, `${stem}.pdf`);
  await run('pdftoppm', ['-png', '-r', '60', pdf, join(outDir, stem)]);
  const sheets = new Map<string, string[][]>();
  for (const name of readdirSync(outDir)) {
    if (name.startsWith(`${stem}-`) && name.endsWith('.csv')) {
      sheets.set(name.slice(stem.length + 1, -4), parseCsv(readFileSync(join(outDir, name), 'utf8')));
    }
  }
  const pages = readdirSync(outDir)
    .filter((name) => name.startsWith(`${stem}-`) && name.endsWith('.png'))
    .sort()
    .map((name) => join(outDir, name));
  return { sheets, pdf, pages };
}

/** The CSV row whose first field is `first`. */
export function csvRow(rows: string[][] | undefined, first: string): string[] {
  const row = rows?.find((candidate) => candidate[0] === first);
  if (!row) throw new Error(`No CSV row begins with "${first}"`);
  return row;
}
