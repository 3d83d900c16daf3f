/**
 * A cooperative of a neighbouring province joins the alliance's regional union: the clerk records
 * it with its own province and commune; the register marks it Ngoài tỉnh and filters it; Tổng quan
 * counts only this province's cooperatives.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Organization } from '../../src/shared/domain';
import type { StatisticsOverview } from '../../src/shared/contract';
import { callApi, closeNotices, fieldOf, launchBrowser, pickIn, snap, startHost, stepsInOrder, typeDate, type RunningHost } from './support';

let host: RunningHost;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  host = await startHost();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1366, height: 800 }, locale: 'vi-VN' });
});
stepsInOrder(() => page, 'other-province');
afterAll(async () => {
  await browser.close();
  await host.stop();
});

function poll<T>(read: () => Promise<T> | T) {
  return expect.poll(read, { timeout: 10_000 });
}

const MY_HIEP = 'HTX Dịch vụ Nông nghiệp Mỹ Hiệp';

describe('a cooperative of another province', () => {
  it('is recorded by choosing its province in the form', async () => {
    await callApi(host, 'alliance:save', { name: 'Liên minh Hợp tác xã tỉnh An Giang', provinceCode: '91' });
    const communes = await callApi<{ code: string; name: string }[]>(host, 'places:communes', { provinceCode: '91' });
    const vinhAn = communes.find((commune) => commune.name === 'Vĩnh An');
    await callApi(host, 'organizations:create', { kind: 'htx', name: 'HTX Nông nghiệp Vĩnh Bình', communeCode: vinhAn?.code, foundedOn: '2019-03-01' });
    await page.goto(host.url);
    await poll(() => page.getByRole('cell', { name: 'HTX Nông nghiệp Vĩnh Bình' }).isVisible()).toBe(true);

    await page.getByRole('button', { name: 'Thêm tổ chức' }).click();
    const dialog = page.getByRole('dialog', { name: 'Thêm tổ chức' });
    await pickIn(page, 'Loại hình', 'htx', 'Hợp tác xã (HTX)', dialog);
    await fieldOf(page, 'Tên tổ chức', dialog).fill(MY_HIEP);
    await typeDate(page, 'Ngày thành lập', '01/02/2025', dialog);
    // Typed by the name it had before 1 July 2025 as well as today's; today's is Đồng Tháp.
    await pickIn(page, 'Tỉnh, thành phố', 'dong thap', 'Tỉnh Đồng Tháp', dialog);
    await poll(() => dialog.getByText('Ngoài tỉnh: có trong danh sách thành viên', { exact: false }).isVisible()).toBe(true);
    await pickIn(page, 'Xã, phường', 'my hiep', 'Xã Mỹ Hiệp', dialog);
    await snap(page, 'other-province-01-form');
    await dialog.getByRole('button', { name: 'Lưu tổ chức' }).click();
    await poll(() => page.getByRole('alert').filter({ hasText: `Đã thêm ${MY_HIEP}.` }).isVisible()).toBe(true);
    const stored = (await callApi<{ rows: Organization[] }>(host, 'organizations:list', { query: 'my hiep', page: 1, pageSize: 10 })).rows;
    expect(stored.map((row) => [row.name, row.provinceCode, row.communeName, row.otherProvinceName])).toEqual([[MY_HIEP, '82', 'Xã Mỹ Hiệp', 'Tỉnh Đồng Tháp']]);
  });

  it('is marked Ngoài tỉnh in the register, with its province beside its commune, and filtered', async () => {
    const row = page.getByRole('row').filter({ hasText: MY_HIEP });
    await poll(() => row.getByText('Ngoài tỉnh', { exact: true }).isVisible()).toBe(true);
    await poll(() => row.getByText('Xã Mỹ Hiệp, Tỉnh Đồng Tháp', { exact: true }).isVisible()).toBe(true);
    expect(await page.getByRole('row').filter({ hasText: 'HTX Nông nghiệp Vĩnh Bình' }).getByText('Ngoài tỉnh').count()).toBe(0);
    await closeNotices(page);
    await snap(page, 'other-province-02-register');

    await page.getByRole('button', { name: 'Bộ lọc' }).click();
    await page.getByRole('radiogroup', { name: 'Địa bàn' }).getByText('Ngoài tỉnh', { exact: true }).click();
    await poll(() => page.getByRole('cell', { name: 'HTX Nông nghiệp Vĩnh Bình' }).count()).toBe(0);
    await poll(() => page.getByRole('cell', { name: MY_HIEP }).isVisible()).toBe(true);
    await snap(page, 'other-province-03-filtered');
    await page.keyboard.press('Escape');
  });

  it('counts in none of the province figures on Tổng quan', async () => {
    const overview = await callApi<StatisticsOverview>(host, 'statistics:overview', { year: 2025 });
    expect(overview.current.organizations.total).toBe(1);
    await page.getByRole('navigation').getByRole('link', { name: 'Tổng quan' }).click();
    await poll(() => page.getByRole('heading', { name: 'Tổng quan', level: 2 }).isVisible()).toBe(true);
    await page.waitForTimeout(500);
    await snap(page, 'other-province-04-overview');
  });
});
