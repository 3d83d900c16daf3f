/**
 * A new clerk brings the office's real list (officeList.ts: title rows, a merged two-row header,
 * district sections, old addresses, dates and numbers written several ways, one cooperative twice,
 * a totals row) into the register with every default accepted, answering only the places the app
 * asks about; then finds the cooperatives by typing their names the other usual way, and with a
 * slipped letter.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Page as ListPage, Organization } from '../../src/shared/domain';
import { expectedOrganizations, OFFICE_LIST_FILE, officeListWorkbook } from '../core/officeList';
import { callApi, launchBrowser, snap, startHost, stepsInOrder, type RunningHost } from './support';

let host: RunningHost;
let browser: Browser;
let page: Page;
let workbookDir: string;
let workbookFile: string;

beforeAll(async () => {
  host = await startHost();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'vi-VN' });
  workbookDir = mkdtempSync(join(tmpdir(), 'htx-office-list-'));
  workbookFile = join(workbookDir, OFFICE_LIST_FILE);
  writeFileSync(workbookFile, await officeListWorkbook());
  await callApi(host, 'alliance:save', { name: 'Liên minh Hợp tác xã tỉnh An Giang', provinceCode: '91' });
});
stepsInOrder(() => page, 'office-list');
afterAll(async () => {
  await browser.close();
  await host.stop();
  rmSync(workbookDir, { recursive: true, force: true });
});

function combo(name: string) {
  return page.getByRole('combobox', { name, exact: true });
}

async function register(): Promise<Organization[]> {
  return (await callApi<ListPage<Organization>>(host, 'organizations:list', { pageSize: 50 })).rows;
}

describe('a real office list, every default accepted', () => {
  it('reads the file: its header under the titles, the district and the members columns', async () => {
    await page.goto(`${host.url}#/nhap-excel`);
    await page.getByRole('heading', { name: 'Nhập từ Excel', level: 2 }).waitFor();
    await page.locator('input[type=file]').setInputFiles(workbookFile);
    await page.getByRole('button', { name: 'Đọc tệp' }).click();
    await page.getByText('Dòng tiêu đề: các dòng 5, 6 (tiêu đề gộp nhiều dòng); dữ liệu bắt đầu từ dòng 8.').waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await expect.poll(() => combo('Trường dữ liệu G').inputValue(), { timeout: 30_000 }).toBe('Quận, huyện (địa chỉ cũ)');
    expect(await combo('Trường dữ liệu F').inputValue()).toBe('Xã, phường');
    expect(await combo('Trường dữ liệu K').inputValue()).toBe('Thành viên chính thức');
    expect(await combo('Trường dữ liệu L').inputValue()).toBe('Thành viên liên kết');
    expect(await combo('Trường dữ liệu M').inputValue()).toBe('Lao động thường xuyên');
    expect(await page.getByLabel('Năm của số liệu trong danh sách (thành viên, lao động…)').inputValue()).toBe('2024');
    await page.getByText('Tệp ghi năm 2024.').waitFor();
    await snap(page, 'office-list-01-mapping');
  });

  it('asks once for each coded value not in the lookups, proposing what it is sure of', async () => {
    await page.getByRole('button', { name: 'Kiểm tra các dòng' }).click();
    await page.getByText('Các giá trị dưới đây không trùng với danh mục.', { exact: false }).waitFor({ timeout: 30_000 });
    expect(await combo('Ghép với Tiểu thủ công nghiệp').inputValue()).toBe('Công nghiệp, tiểu thủ công nghiệp');
    expect(await combo('Ghép với Tổng hợp').inputValue()).toBe('Nông nghiệp tổng hợp');
    expect(await combo('Ghép với Dịch vụ nông nghiệp').inputValue()).toBe('Để trống');
    await snap(page, 'office-list-02-values');
    await page.getByRole('button', { name: 'Áp dụng và xem trước' }).click();
  });

  it('previews: the duplicate, the refused rows at their cells, and only the truly ambiguous places asked', async () => {
    await page.getByText('Trùng dòng 9 trong tệp (HTX NN Vĩnh Bình)').waitFor({ timeout: 30_000 });
    await page.getByText('2 cần chọn xã').waitFor();
    await page.getByText('1 chưa rõ xã').waitFor();
    await page.getByText('M13: Số lao động thường xuyên không được âm.').waitFor();
    await page.getByText('H10: Ngày thành lập: «5/6/19» hiểu là 05/06/2019.').waitFor();
    // The district sets the place: Tân Châu's Xã Vĩnh Hòa is today's Xã Vĩnh Xương.
    await page.getByText('Xã Vĩnh Xương').first().waitFor();
    await page.getByText('Cần chọn xã', { exact: true }).click();
    for (const expected of expectedOrganizations.filter((organization) => organization.asked)) {
      await combo(`Chọn xã, phường ${String(expected.row)}`).click();
      const label = expected.asked === 'anyCommune' ? 'Xã Vĩnh An' : { '30346': 'Xã Nhơn Hội', '30352': 'Xã Phú Hữu' }[expected.communeCode] ?? '';
      if (expected.asked === 'anyCommune') await combo(`Chọn xã, phường ${String(expected.row)}`).fill('Vĩnh An');
      await page.getByRole('option', { name: label, exact: true }).click();
    }
    await snap(page, 'office-list-03-places');
  });

  it('commits: every valid row in, in the right commune', async () => {
    await page.getByRole('button', { name: 'Ghi vào dữ liệu', exact: true }).click();
    await page.getByText(`Đã nhập xong tệp ${OFFICE_LIST_FILE}`).waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByTestId('import-created').innerText()).toBe(String(expectedOrganizations.length));
    expect(await page.getByTestId('import-failed').innerText()).toBe('2');
    const stored = await register();
    expect(stored.map((organization) => [organization.name, organization.communeCode]).sort()).toEqual(
      expectedOrganizations.map((expected) => [expected.name, expected.communeCode]).sort(),
    );
    await snap(page, 'office-list-04-summary');
  });

  it('finds a name by its other usual spelling, and with a slipped letter after the exact matches', async () => {
    await page.getByRole('link', { name: 'Thành viên', exact: true }).click();
    const search = page.getByRole('textbox', { name: 'Tìm kiếm thành viên' });
    await search.fill('hợp tác xã nông nghiệp vĩnh bình');
    await page.getByText('HTX NN Vĩnh Bình', { exact: true }).waitFor();
    await snap(page, 'office-list-05-other-spelling');
    await search.fill('htx vnih xuong');
    await page.getByText('Gần đúng').first().waitFor();
    await page.getByText('HTX Vĩnh Hòa', { exact: true }).waitFor();
    await snap(page, 'office-list-06-slipped-letter');
  });
});
