/**
 * The reports journey: the register list exported as shown (a filter, a sort, the columns on
 * screen), then the year's statistics report from Báo cáo, both downloaded through the browser and
 * read back with exceljs.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { callApi, launchBrowser, snap, startHost, type RunningHost } from './support';

let host: RunningHost;
let browser: Browser;
let page: Page;
const downloads = mkdtempSync(join(tmpdir(), 'htx-e2e-downloads-'));

beforeAll(async () => {
  host = await startHost();
  host.setNow(new Date('2026-11-23T03:00:00Z'));
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1366, height: 800 }, locale: 'vi-VN', acceptDownloads: true });
  await callApi(host, 'alliance:save', { name: 'Liên minh Hợp tác xã tỉnh An Giang', provinceCode: '91', chairName: 'Nguyễn Văn Bình' });
  const organizations = [
    { kind: 'htx', name: 'HTX Nông nghiệp Vĩnh Bình', communeCode: '30604', foundedOn: '2019-04-02' },
    { kind: 'htx', name: 'HTX Dịch vụ Vĩnh Hòa', communeCode: '31064', foundedOn: '2025-03-15' },
    { kind: 'tht', name: 'THT Rau sạch An Phú', communeCode: '30604', foundedOn: '2020-01-01' },
  ];
  for (const organization of organizations) await callApi(host, 'organizations:create', organization);
});
afterAll(async () => {
  await browser.close();
  await host.stop();
});

/** Clicks what starts a download and reads the workbook the browser saved. */
async function downloaded(start: () => Promise<void>): Promise<{ name: string; sheet: ExcelJS.Worksheet }> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), start()]);
  const path = join(downloads, download.suggestedFilename());
  await download.saveAs(path);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return { name: download.suggestedFilename(), sheet: workbook.worksheets[0] as ExcelJS.Worksheet };
}

function firstColumn(sheet: ExcelJS.Worksheet, from: string): string[] {
  const texts: string[] = [];
  let started = false;
  sheet.eachRow((row) => {
    if (row.getCell(1).text === from) started = true;
    else if (started && /^\d+$/.test(row.getCell(1).text)) texts.push(row.getCell(2).text);
  });
  return texts;
}

it('exports the register list with its filter, order and columns', async () => {
  await page.goto(`${host.url}/#/thanh-vien`);
  await page.getByRole('button', { name: 'Bộ lọc' }).click();
  await page.getByLabel('Loại hình', { exact: true }).click();
  await page.getByRole('option', { name: 'HTX', exact: true }).click();
  await page.keyboard.press('Escape');
  await expect.poll(() => page.getByRole('row').count(), { timeout: 10_000 }).toBe(3);
  await snap(page, 'reports-members-filtered');
  const { name, sheet } = await downloaded(() => page.getByRole('button', { name: 'Xuất Excel' }).click());
  expect(name).toBe('Danh-sach-thanh-vien-2026-11-23.xlsx');
  expect(sheet.getCell('A1').text).toBe('LIÊN MINH HỢP TÁC XÃ TỈNH AN GIANG');
  expect(firstColumn(sheet, 'STT')).toEqual(['HTX Dịch vụ Vĩnh Hòa', 'HTX Nông nghiệp Vĩnh Bình']);
});

it('makes the statistics report of a year from Báo cáo', async () => {
  await page.goto(`${host.url}/#/bao-cao`);
  const card = page.getByRole('region', { name: 'Thống kê tổ chức kinh tế tập thể theo năm' });
  await card.getByRole('button', { name: 'Tạo báo cáo' }).waitFor();
  await snap(page, 'reports-page');
  const { name, sheet } = await downloaded(() => card.getByRole('button', { name: 'Tạo báo cáo' }).click());
  // The year Tổng quan opens on: the newest one whose figures are reported, else last year.
  const { year } = await callApi<{ year: number | null }>(host, 'statistics:reportedYear');
  expect(name).toBe(`Bao-cao-thong-ke-HTX-${year ?? new Date().getFullYear() - 1}.xlsx`);
  expect(sheet.name).toBe('Theo loại hình');
  await expect.poll(() => page.getByText(`Đã tải về ${name}.`).count()).toBe(1);
  await snap(page, 'reports-downloaded');
});
