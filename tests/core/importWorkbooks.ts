/**
 * The workbooks the import tests read, built with exceljs the way an office keeps them, and the
 * steps of an import driven through the real dispatcher.
 */
import { writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { stageFile } from '../../src/core/files';
import type { OpenedApp } from '../../src/core/app';
import type { ImportAnalysis, ImportBatch, ImportCommitInput, ImportLaterChange, ImportPreview, ImportSummary, JobStatus, UndoMode } from '../../src/shared/contract';
import type { ImportKind } from '../../src/shared/domain';
import type { AppError } from '../../src/shared/errors';
import { call } from './support';


/**
 * The list of an office in An Giang: title rows, a two-row merged header, old addresses, dates as
 * text and as an Excel serial, one cooperative spelled two ways in the same commune, a bad date and
 * a negative amount.
 */
export async function messyWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Ghi chú').getCell('A1').value = 'Số liệu do các xã gửi về, tổng hợp tháng 10/2024.';
  const sheet = workbook.addWorksheet('DS HTX 2024');
  sheet.getCell('A1').value = 'LIÊN MINH HTX TỈNH AN GIANG';
  sheet.mergeCells('A1:D1');
  sheet.getCell('A2').value = 'DANH SÁCH HỢP TÁC XÃ TRÊN ĐỊA BÀN TỈNH NĂM 2024';
  sheet.mergeCells('A2:I2');
  const single = ['STT', 'Tên HTX', 'Mã số thuế', 'Địa chỉ', 'Ngày thành lập'];
  single.forEach((title, index) => {
    const letter = String.fromCharCode(65 + index);
    sheet.getCell(`${letter}4`).value = title;
    sheet.mergeCells(`${letter}4:${letter}5`);
  });
  sheet.getCell('F4').value = 'Thông tin liên hệ';
  sheet.mergeCells('F4:G4');
  sheet.getCell('F5').value = 'Điện thoại';
  sheet.getCell('G5').value = 'Người đại diện';
  sheet.getCell('H4').value = 'Vốn điều lệ (triệu đồng)';
  sheet.mergeCells('H4:H5');
  sheet.getCell('I4').value = 'Số thành viên';
  sheet.mergeCells('I4:I5');
  const rows: (string | number | null)[][] = [
    [1, 'HTX NN Vĩnh Bình', 1600123456, 'ấp Vĩnh Hòa, xã Vĩnh Bình, huyện Châu Thành, tỉnh An Giang', '15/03/2019', '0296 3841 234', 'Nguyễn Văn An', 500, 25],
    [2, 'HTX Dịch vụ nông nghiệp Phú Hội', null, 'ấp Phú Hiệp, xã Phú Hội, huyện An Phú, tỉnh An Giang', 43466, '0296 3829 111', 'Lê Thị Hoa', '1.200', 40],
    [3, 'Hợp tác xã Nông nghiệp Vĩnh Bình', null, 'xã Vĩnh Bình, huyện Châu Thành, tỉnh An Giang', '20/05/2019', null, null, null, 25],
    [4, 'HTX Rau an toàn Bình Hòa', null, 'xã Bình Hòa, huyện Châu Thành, tỉnh An Giang', '31/02/2024', null, null, -200, 12],
    [5, 'HTX Thủy sản Mỹ Hòa Hưng', '1600999888', 'xã Mỹ Hòa Hưng, TP Long Xuyên, tỉnh An Giang', '01/08/2015', '0296 3999 888', null, 800, 30],
  ];
  rows.forEach((values, index) => {
    sheet.getRow(6 + index).values = values;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Puts bytes where an upload would have put them, and gives the file id. */
export function stage(app: OpenedApp, fileName: string, bytes: Buffer | string): string {
  const { fileId, path } = stageFile(app.ctx, fileName);
  writeFileSync(path, bytes);
  return fileId;
}

export async function settle(app: OpenedApp, jobId: string): Promise<JobStatus> {
  const deadline = Date.now() + 150_000;
  while (Date.now() < deadline) {
    const status = await call(app, 'jobs:status', { jobId });
    if (status.state !== 'running') return status;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error('the job did not end');
}

/** Runs a job to its end; fails the test with the job's own message when it failed. */
async function finished(app: OpenedApp, jobId: string): Promise<void> {
  const status = await settle(app, jobId);
  if (status.state !== 'done') throw new Error(`job ${status.state}: ${status.error?.message ?? ''}`);
}

export async function analyze(app: OpenedApp, fileId: string, kind: ImportKind = 'organizations', sheet?: string): Promise<{ jobId: string; analysis: ImportAnalysis }> {
  const { jobId } = await call(app, 'imports:analyze', { fileId, kind, ...(sheet ? { sheet } : {}) });
  await finished(app, jobId);
  return { jobId, analysis: await call(app, 'imports:analysis', { jobId }) };
}

/** The error an analysis ended with. */
export async function analysisFailure(app: OpenedApp, fileId: string, kind: ImportKind = 'organizations'): Promise<AppError | null> {
  const { jobId } = await call(app, 'imports:analyze', { fileId, kind });
  return (await settle(app, jobId)).error;
}

/** The proposed mapping, as the wizard sends it when the person changes nothing. */
export function proposedMapping(analysis: ImportAnalysis): { column: number; field: string }[] {
  return analysis.columns.flatMap((column) => (column.field ? [{ column: column.index, field: column.field }] : []));
}

export async function previewOf(app: OpenedApp, analysisJobId: string, mapping: { column: number; field: string }[], year?: number): Promise<{ jobId: string; preview: ImportPreview }> {
  const { jobId } = await call(app, 'imports:preview', { analysisJobId, mapping, ...(year === undefined ? {} : { year }) });
  await finished(app, jobId);
  return { jobId, preview: await call(app, 'imports:previewResult', { jobId, pageSize: 500 }) };
}

export async function commitOf(app: OpenedApp, input: ImportCommitInput): Promise<{ jobId: string; summary: ImportSummary }> {
  const { jobId } = await call(app, 'imports:commit', input);
  await finished(app, jobId);
  return { jobId, summary: await call(app, 'imports:commitResult', { jobId }) };
}

/** Undoes a batch to its end: the batch as undone and what was kept, or the error the undo ended with. */
export async function undoOf(
  app: OpenedApp,
  batchId: number,
  mode?: UndoMode,
): Promise<{ batch: ImportBatch | null; kept: ImportLaterChange[]; error: AppError | null }> {
  const { jobId } = await call(app, 'imports:undo', { batchId, ...(mode ? { mode } : {}) });
  const status = await settle(app, jobId);
  if (status.state !== 'done') return { batch: null, kept: [], error: status.error };
  const result = await call(app, 'imports:undoResult', { jobId });
  return { batch: result.batch, kept: result.kept, error: null };
}

/**
 * Text as Windows-1258 writes it: a letter it has whole as its byte, else the byte of its base
 * letter (with the ơ, ư, â, ê, ô, ă shape it has whole) and then a byte for each tone.
 */
export function windows1258(text: string): Buffer {
  const decoder = new TextDecoder('windows-1258');
  const byteOf = new Map(Array.from({ length: 256 }, (_, byte) => [decoder.decode(Uint8Array.of(byte)), byte] as const));
  const bytes: number[] = [];
  for (const letter of text.normalize('NFC')) {
    const [base = '', ...marks] = letter.normalize('NFD');
    const shape = marks.find((mark) => byteOf.has((base + mark).normalize('NFC')));
    const parts = byteOf.has(letter) ? [letter] : [(base + (shape ?? '')).normalize('NFC'), ...marks.filter((mark) => mark !== shape)];
    for (const part of parts) {
      const byte = byteOf.get(part);
      if (byte === undefined) throw new Error(`Windows-1258 has no ${part}`);
      bytes.push(byte);
    }
  }
  return Buffer.from(bytes);
}
