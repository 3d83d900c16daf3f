import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type ExcelJS from 'exceljs';
import { seedDemo } from '../../src/core/demo/generate';
import type { InputOf } from '../../src/shared/contract';
import { AN_GIANG, call, callFailing, openTestApp, XA_VINH_AN } from './support';
import { csvRow, exportList, finished, readWithLibreOffice, readWorkbook, rowNumberOf, rowTexts, skipLibreOffice } from './reportsSupport';

type TestApp = ReturnType<typeof openTestApp>;
let app: TestApp;

beforeAll(() => {
  app = openTestApp();
  seedDemo(app.ctx, { scale: 'province', provinceCode: AN_GIANG, years: 2, seed: 7, organizations: 1200 });
});
afterAll(() => app.close());

/** Every page of the list as the screen would show it. */
async function listed(list: InputOf<'organizations:list'>) {
  const rows = [];
  for (let page = 1; ; page += 1) {
    const result = await call(app, 'organizations:list', { ...list, page, pageSize: 500 });
    rows.push(...result.rows);
    if (result.rows.length < 500) return rows;
  }
}

describe('exporting the register list as it is shown', () => {
  const list = { kinds: ['htx', 'tht'], statuses: ['active'], sort: { by: 'foundedOn', direction: 'desc' } } satisfies InputOf<'organizations:list'>;

  it('writes the rows the list shows, in its order, with only the columns shown, in their order', async () => {
    const expected = await listed(list);
    expect(expected.length).toBeGreaterThan(600);
    const { path, fileName } = await exportList(app, { list: 'organizations', input: list, columns: ['foundedOn', 'kind', 'communeName'] });
    expect(fileName).toBe('Danh-sach-thanh-vien-2026-11-23.xlsx');
    const workbook = await readWorkbook(path);
    const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
    const header = rowNumberOf(sheet, 'STT');
    expect(rowTexts(sheet, header)).toEqual(['STT', 'Tên tổ chức', 'Ngày thành lập', 'Loại hình', 'Xã, phường']);
    expect(sheet.pageSetup.printTitlesRow).toBe(`${header}:${header}`);
    const names = expected.map((_, index) => sheet.getRow(header + 1 + index).getCell(2).value);
    expect(names).toEqual(expected.map((organization) => organization.name));
    const first = sheet.getRow(header + 1);
    const newest = expected[0];
    expect((first.getCell(3).value as Date).toISOString().slice(0, 10)).toBe(newest?.foundedOn);
    expect(first.getCell(4).value).toBe(newest?.kind === 'htx' ? 'HTX' : 'THT');
    expect(first.getCell(5).value).toBe(newest?.communeName);
    expect(sheet.getRow(header + 1 + expected.length).getCell(2).value).toBe(`${expected.length.toLocaleString('vi-VN')} tổ chức`);

    if (skipLibreOffice) return;
    const office = await readWithLibreOffice(path);
    const rows = office.sheets.values().next().value;
    expect(csvRow(rows, '1')[1]).toBe(newest?.name);
    expect(csvRow(rows, String(expected.length))[1]).toBe(expected.at(-1)?.name);
    expect(office.pages.length).toBeGreaterThan(5);
  }, 120_000);

  it('follows a search as the list does', async () => {
    const searched = { query: 'xoai', sort: { by: 'name', direction: 'asc' } } satisfies InputOf<'organizations:list'>;
    const expected = await listed(searched);
    const { path } = await exportList(app, { list: 'organizations', input: searched, columns: [] });
    const sheet = (await readWorkbook(path)).worksheets[0] as ExcelJS.Worksheet;
    const header = rowNumberOf(sheet, 'STT');
    expect(rowTexts(sheet, header)).toEqual(['STT', 'Tên tổ chức']);
    expect(expected.map((_, index) => sheet.getRow(header + 1 + index).getCell(2).value)).toEqual(expected.map((row) => row.name));
  });

  it('reports progress, and a cancelled export leaves no file behind', async () => {
    const { jobId } = await call(app, 'reports:exportList', { list: 'organizations', input: {}, columns: ['kind'] });
    await call(app, 'jobs:cancel', { jobId });
    const status = await finished(app, jobId);
    expect(status.state).toBe('cancelled');
    expect((await callFailing(app, 'reports:file', { jobId })).kind).toBe('notFound');
    const staging = join(app.ctx.dataDir, 'staging');
    // A staged file is a folder (and, beside it, the name it was given).
    const folders = existsSync(staging) ? readdirSync(staging, { withFileTypes: true }).filter((entry) => entry.isDirectory()) : [];
    const left = folders.filter((folder) => readdirSync(join(staging, folder.name)).length > 0);
    // Only the earlier tests' finished exports remain.
    expect(left.length).toBe(2);
  });

  it('refuses a column it does not know', async () => {
    const error = await callFailing(app, 'reports:exportList', { list: 'organizations', input: {}, columns: ['website'] });
    expect(error.kind).toBe('validation');
  });

  it('writes the representative, phone, e-mail and latest figures when shown, with their year once', async () => {
    // One without figures, whose cells stay empty rather than 0.
    await call(app, 'organizations:create', {
      kind: 'tht',
      name: 'Tổ hợp tác Xoài Cát Chu Vĩnh An',
      communeCode: XA_VINH_AN,
      representative: 'Lê Thị Hoa',
      phone: '0912 345 678',
      email: 'xoaicatchu@gmail.com',
    });
    const inVinhAn = { communeCodes: [XA_VINH_AN], sort: { by: 'name', direction: 'asc' } } satisfies InputOf<'organizations:list'>;
    const expected = await listed(inVinhAn);
    expect(expected.filter((row) => row.latestFigures !== null).length).toBeGreaterThan(1);
    expect(expected.filter((row) => row.latestFigures === null).map((row) => row.name)).toEqual(['Tổ hợp tác Xoài Cát Chu Vĩnh An']);
    const columns = ['representative', 'phone', 'email', 'membersOfficial', 'revenue'] as const;
    const { path } = await exportList(app, { list: 'organizations', input: inVinhAn, columns: [...columns] });
    const sheet = (await readWorkbook(path)).worksheets[0] as ExcelJS.Worksheet;
    const header = rowNumberOf(sheet, 'STT');
    expect(rowTexts(sheet, header)).toEqual(['STT', 'Tên tổ chức', 'Người đại diện', 'Điện thoại', 'Thư điện tử', 'Số liệu năm gần nhất', '', '']);
    expect(rowTexts(sheet, header + 1)).toEqual(['', '', '', '', '', 'Năm', 'Thành viên chính thức', 'Doanh thu (đồng)']);
    const written = expected.map((_, index) => [2, 3, 4, 5, 6, 7, 8].map((column) => sheet.getRow(header + 2 + index).getCell(column).value));
    expect(written).toEqual(
      expected.map((row) => [
        row.name,
        row.representative || null,
        row.phone || null,
        row.email || null,
        row.latestFigures ? String(row.latestFigures.year) : null,
        row.latestFigures?.membersOfficial ?? null,
        row.latestFigures?.revenue ?? null,
      ]),
    );

    // The members alone: their year beside them all the same.
    const { path: membersOnly } = await exportList(app, { list: 'organizations', input: inVinhAn, columns: ['membersOfficial'] });
    const membersSheet = (await readWorkbook(membersOnly)).worksheets[0] as ExcelJS.Worksheet;
    expect(rowTexts(membersSheet, rowNumberOf(membersSheet, 'STT') + 1)).toEqual(['', '', 'Năm', 'Thành viên chính thức']);
  });
});
