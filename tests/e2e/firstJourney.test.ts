/**
 * The first journey of a new office: first run, add a cooperative, find it without diacritics,
 * and the mistakes a person makes on the way (an empty name, a registration number already used).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { callApi, fieldOf, launchBrowser, pickIn, snap, startHost, type RunningHost } from './support';

let host: RunningHost;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  host = await startHost();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1366, height: 800 }, locale: 'vi-VN' });
});
afterAll(async () => {
  await browser.close();
  await host.stop();
});

const field = (label: string, scope?: Pick<Page, 'getByLabel'>) => fieldOf(page, label, scope);
const pick = (label: string, typed: string, option: string) => pickIn(page, label, typed, option);

describe('a new office', () => {
  it('is welcomed and sets up its alliance, finding its province without diacritics', async () => {
    await page.goto(host.url);
    await expect.poll(() => page.getByRole('heading', { name: 'Chào mừng đến với HTX Desk' }).isVisible()).toBe(true);
    // The pattern of the name is only a placeholder: nothing unfinished can be saved as the name.
    expect(await field('Tên Liên minh').inputValue()).toBe('');
    expect(await field('Tên Liên minh').getAttribute('placeholder')).toBe('Liên minh Hợp tác xã tỉnh …');

    const province = field('Tỉnh, thành phố');
    await province.click();
    await province.fill('dong thap');
    await expect.poll(() => page.getByRole('option').allTextContents()).toEqual(['Đồng Tháp']);
    await snap(page, '01-first-run-province-search');

    await pick('Tỉnh, thành phố', 'an giang', 'An Giang');
    await expect.poll(() => field('Tên Liên minh').inputValue()).toBe('Liên minh Hợp tác xã tỉnh An Giang');
    await field('Họ tên Chủ tịch').fill('Nguyễn Văn Bình');
    await page.getByRole('button', { name: 'Bắt đầu sử dụng' }).click();

    await expect.poll(() => page.getByRole('heading', { name: 'Thành viên' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByText('Liên minh Hợp tác xã tỉnh An Giang').first().isVisible()).toBe(true);
  });

  it('adds a cooperative, after being told plainly what is missing', async () => {
    await page.getByRole('button', { name: 'Thêm tổ chức' }).click();
    const dialog = page.getByRole('dialog');
    await pick('Loại hình', 'htx', 'Hợp tác xã (HTX)');
    await field('Mã số HTX (mã số thuế)', dialog).fill('1600123456');
    await pick('Xã, phường', 'vinh an', 'Xã Vĩnh An');
    await dialog.getByRole('button', { name: 'Lưu tổ chức' }).click();
    await expect.poll(() => dialog.getByText('Tên tổ chức không được để trống.').isVisible()).toBe(true);
    await snap(page, '02-add-cooperative-missing-name');

    await field('Tên tổ chức', dialog).fill('HTX Nông nghiệp Vĩnh Bình');
    await dialog.getByRole('button', { name: 'Lưu tổ chức' }).click();
    await expect.poll(() => page.getByText('Đã thêm HTX Nông nghiệp Vĩnh Bình.').isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('cell', { name: 'HTX Nông nghiệp Vĩnh Bình' }).isVisible()).toBe(true);
  });

  it('refuses a registration number already in the register, naming its holder', async () => {
    await page.getByRole('button', { name: 'Thêm tổ chức' }).click();
    const dialog = page.getByRole('dialog');
    await pick('Loại hình', 'tht', 'Tổ hợp tác (THT)');
    await field('Tên tổ chức', dialog).fill('Tổ hợp tác Rau sạch Vĩnh Bình');
    // A THT's number is its Mã số THT.
    await field('Mã số THT (mã số thuế)', dialog).fill('1600123456');
    await pick('Xã, phường', 'vinh binh', 'Xã Vĩnh Bình');
    await dialog.getByRole('button', { name: 'Lưu tổ chức' }).click();
    await expect
      .poll(() => dialog.getByText('Mã số HTX 1600123456 đã có: HTX Nông nghiệp Vĩnh Bình (xã Vĩnh An).', { exact: false }).isVisible())
      .toBe(true);
    await snap(page, '03-duplicate-registration-number');

    await field('Mã số THT (mã số thuế)', dialog).fill('');
    await dialog.getByRole('button', { name: 'Lưu tổ chức' }).click();
    await expect.poll(() => page.getByText('Đã thêm Tổ hợp tác Rau sạch Vĩnh Bình.').isVisible()).toBe(true);
  });

  it('finds the cooperative by typing without diacritics', async () => {
    const search = page.getByLabel('Tìm kiếm thành viên');
    await search.fill('vinh binh nong');
    await expect.poll(() => page.getByRole('cell', { name: 'Tổ hợp tác Rau sạch Vĩnh Bình' }).count()).toBe(0);
    await expect.poll(() => page.getByRole('cell', { name: 'HTX Nông nghiệp Vĩnh Bình' }).isVisible()).toBe(true);
    await search.fill('VINH BINH');
    await expect.poll(() => page.getByRole('cell', { name: 'Tổ hợp tác Rau sạch Vĩnh Bình' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByText('2 tổ chức').isVisible()).toBe(true);
    await snap(page, '04-members-found-without-diacritics');
  });

  it('keeps the data in the database file the host was given', async () => {
    const result = await callApi<{ total: number; rows: { name: string; communeName: string }[] }>(host, 'organizations:list', {
      query: 'vinh binh',
    });
    expect(result.total).toBe(2);
    expect(result.rows.map((row) => [row.name, row.communeName])).toEqual([
      ['HTX Nông nghiệp Vĩnh Bình', 'Xã Vĩnh An'],
      ['Tổ hợp tác Rau sạch Vĩnh Bình', 'Xã Vĩnh Bình'],
    ]);
  });
});
