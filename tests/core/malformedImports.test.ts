/**
 * Reading within bounds: every broken or hostile file of the corpus (malformedFiles.ts) is read
 * or refused with a Vietnamese message — never an internal error — while the app goes on
 * answering; the reader's worker thread holds a memory ceiling; finished previews are let go.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openReader } from '../../src/core/excel/read/thread';
import type { ImportPreviewRow, JobStatus } from '../../src/shared/contract';
import { AppFailure } from '../../src/shared/errors';
import { analyze, previewOf, proposedMapping, settle, stage } from './importWorkbooks';
import { goodRow, headerRow, malformedFiles, paddedWorkbook, sevenLetterColumn, sharedStringsXml, sheetXml, xfdInEveryRow, xlsx } from './malformedFiles';
import { AN_GIANG, call, openTestApp } from './support';

let app: ReturnType<typeof openTestApp>;
beforeAll(async () => {
  app = openTestApp();
  await call(app, 'alliance:save', { name: 'Liên minh Hợp tác xã tỉnh An Giang', provinceCode: AN_GIANG });
});
afterAll(() => app.close());

function registerSize(): number {
  return (app.ctx.db.$client.prepare('SELECT count(*) AS n FROM organizations').get() as { n: number }).n;
}

/** Analyses, then previews with the proposed mapping: the status the file ends with. */
async function importOf(fileName: string, bytes: Uint8Array): Promise<{ analysis: JobStatus; preview: JobStatus | null }> {
  const { jobId } = await call(app, 'imports:analyze', { fileId: stage(app, fileName, Buffer.from(bytes)), kind: 'organizations' });
  const analysis = await settle(app, jobId);
  if (analysis.state !== 'done') return { analysis, preview: null };
  const mapping = proposedMapping(await call(app, 'imports:analysis', { jobId }));
  const started = await call(app, 'imports:preview', { analysisJobId: jobId, mapping: mapping.length > 0 ? mapping : [{ column: 0, field: 'name' }] });
  return { analysis, preview: await settle(app, started.jobId) };
}

describe('the corpus of broken and hostile files', () => {
  const corpus = malformedFiles();

  it('has at least forty kinds', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(40);
  });

  it.each(corpus.map((file) => [file.name, file] as const))('%s', async (_name, file) => {
    const { analysis, preview } = await importOf(file.fileName, file.bytes());
    const ended = preview ?? analysis;
    expect(ended.error?.kind).not.toBe('internal');
    if (file.refusal) {
      expect(ended.state).toBe('failed');
      expect(ended.error?.kind).toBe('validation');
      expect(ended.error?.message).toMatch(file.refusal);
    } else {
      expect(analysis.state).toBe('done');
      // Read: a preview either ends or names what the mapping lacks (a corpus file may have no address).
      if (preview?.state !== 'done') expect(preview?.error?.message).toMatch(/^Chưa ghép cột cho/);
    }
    expect(registerSize()).toBe(0);
  }, 120_000);
});

describe('the files of the issue', () => {
  it('previews the 60,000 rows with a value in column XFD, keeping only the table’s columns', async () => {
    const bytes = xfdInEveryRow();
    expect(bytes.length).toBeLessThan(1024 * 1024);
    const { jobId, analysis } = await analyze(app, stage(app, 'xfd.xlsx', Buffer.from(bytes)));
    expect(analysis.columns.map((column) => column.letter)).toEqual(['A', 'B', 'C']);
    const { preview } = await previewOf(app, jobId, [{ column: 0, field: 'name' }, { column: 1, field: 'address' }]);
    expect(preview.counts.rows).toBe(60_000);
    expect(preview.page.rows[0]?.values).toEqual(['HTX số 2', '']);
  }, 120_000);

  it('refuses the 2 KB workbook with the reference AAAAAAA2 at once, naming the cell', async () => {
    const bytes = sevenLetterColumn();
    expect(bytes.length).toBeLessThan(2048);
    const { analysis } = await importOf('aaaaaaa.xlsx', bytes);
    expect(analysis.error).toEqual({
      kind: 'validation',
      message:
        'Tệp «aaaaaaa.xlsx»: trang tính «Danh sách» có ô «AAAAAAA2» ở ngoài cột XFD, cột cuối cùng của Excel. Tệp có thể bị hỏng hoặc không do Excel tạo ra; hãy mở bằng Excel, Lưu lại rồi nhập lại.',
      issues: [
        {
          path: 'file',
          message:
            'Tệp «aaaaaaa.xlsx»: trang tính «Danh sách» có ô «AAAAAAA2» ở ngoài cột XFD, cột cuối cùng của Excel. Tệp có thể bị hỏng hoặc không do Excel tạo ra; hãy mở bằng Excel, Lưu lại rồi nhập lại.',
        },
      ],
    });
  });
});

describe('cells that look like an object’s own keys', () => {
  it('are read as the text they are, for every kind of import', async () => {
    const partners = await importAs('partners', 'Tên đối tác,Loại đối tác,Tỉnh\nCông ty Hà Nội,constructor,Hà Nội\nChợ Bình Điền,__proto__,Hồ Chí Minh\n');
    expect(partners.map((row) => row.problems.map((problem) => problem.message))).toEqual([
      ['Loại đối tác «constructor» không rõ.'],
      ['Loại đối tác «__proto__» không rõ.'],
    ]);
    const { jobId, analysis } = await analyze(app, stage(app, 'figures.csv', 'Tên HTX,Năm,Xếp loại,constructor\nHTX Nông nghiệp Vĩnh Bình,2025,toString,1\n'), 'figures');
    const { preview } = await previewOf(app, jobId, proposedMapping(analysis));
    // "toString" is a value the person is asked to map, not Object's method taken for a class.
    expect(preview.valueChoices.filter((choice) => choice.field === 'classification').map(({ written, value }) => [written, value])).toEqual([['toString', null]]);
    expect(preview.page.rows[0]?.problems.map((problem) => problem.message)).toEqual([
      'Không tìm thấy «HTX Nông nghiệp Vĩnh Bình» trong danh sách Thành viên; hãy nhập tổ chức trước, hoặc ghi đúng mã số HTX.',
    ]);
  }, 60_000);
});

/** The preview's rows of a CSV imported as `kind`, with the proposed mapping. */
async function importAs(kind: 'partners' | 'figures', csv: string): Promise<ImportPreviewRow[]> {
  const { jobId, analysis } = await analyze(app, stage(app, `${kind}.csv`, csv), kind);
  return (await previewOf(app, jobId, proposedMapping(analysis))).preview.page.rows;
}

describe('the reader’s own thread', () => {
  it('leaves the app answering while a file is read', async () => {
    // 150 MB of XML between two rows: seconds of inflating and scanning, all in the worker.
    const bytes = paddedWorkbook(150 * 1024 * 1024);
    const { jobId } = await call(app, 'imports:analyze', { fileId: stage(app, 'lon.xlsx', Buffer.from(bytes)), kind: 'organizations' });
    const answered: number[] = [];
    for (let index = 0; index < 5; index++) answered.push((await call(app, 'organizations:list', { query: 'vinh' })).total);
    expect((await call(app, 'jobs:status', { jobId })).state).toBe('running');
    expect(answered).toEqual([0, 0, 0, 0, 0]);
    expect((await settle(app, jobId)).state).toBe('done');
  }, 120_000);

  it('ends a read that passes its memory ceiling with a message, and reads the next file', async () => {
    // A million shared strings: within every limit of the reader, but not within 48 MB.
    const one = Buffer.from('<si><t>HTX Nông nghiệp Vĩnh Bình</t></si>');
    const strings = Buffer.concat([Buffer.from(sharedStringsXml(['Tên HTX']).replace('</sst>', '')), Buffer.alloc(one.length * 1_000_000).fill(one), Buffer.from('</sst>')]);
    const bytes = xlsx({ sharedStrings: strings, sheets: [['Danh sách', sheetXml(headerRow + goodRow(2))]], level: 1 });
    const path = join(app.ctx.dataDir, 'nhieu-chuoi.xlsx');
    writeFileSync(path, bytes);
    const small = openReader({ memoryMb: 48 });
    try {
      const source = await small.openSource(path, 'nhieu-chuoi.xlsx');
      // The head needs none of the million: it is read without them.
      expect((await small.readHead(path, source, 'Danh sách')).rows.map((row) => row.rowNumber)).toEqual([1, 2]);
      // Reading every row parses the whole table.
      const failure = await (async () => {
        const batches = small.readRows(path, source, 'Danh sách', { fromRow: 2 });
        while ((await batches.next()).done !== true);
      })().then(
        () => null,
        (error: unknown) => error,
      );
      expect(failure).toBeInstanceOf(AppFailure);
      expect((failure as AppFailure).error.message).toBe(
        'Tệp «nhieu-chuoi.xlsx» cần hơn 48 MB bộ nhớ để đọc, nên HTX Desk đã dừng đọc; dữ liệu đã lưu không bị ảnh hưởng. ' +
          'Tệp có thể bị hỏng hoặc được tạo cố ý; nếu đúng là một danh sách lớn, hãy chia thành nhiều tệp nhỏ hơn.',
      );
    } finally {
      small.close();
    }
    const next = join(app.ctx.dataDir, 'tiep.xlsx');
    writeFileSync(next, xlsx());
    const reader = openReader({ memoryMb: 48 });
    try {
      const source = await reader.openSource(next, 'tiep.xlsx');
      expect((await reader.readHead(next, source, 'Danh sách')).rows.map((row) => row.cells[0])).toEqual(['Tên HTX', 'HTX Nông nghiệp số 2']);
    } finally {
      reader.close();
    }
  }, 120_000);

  it('is stopped when the job is cancelled, and the next file is read by a new one', async () => {
    const big = paddedWorkbook(100 * 1024 * 1024);
    const { jobId } = await call(app, 'imports:analyze', { fileId: stage(app, 'huy.xlsx', Buffer.from(big)), kind: 'organizations' });
    await call(app, 'jobs:cancel', { jobId });
    expect((await settle(app, jobId)).state).toBe('cancelled');
    const { analysis } = await analyze(app, stage(app, 'sau.xlsx', Buffer.from(xlsx())));
    expect(analysis.sampleRows).toEqual([{ row: 2, cells: ['HTX Nông nghiệp số 2', 'xã Vĩnh Bình, tỉnh An Giang', ''] }]);
  }, 120_000);
});
