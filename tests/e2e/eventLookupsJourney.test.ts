/**
 * The office keeps its own kinds of event and participant roles (Cài đặt → Danh mục sự kiện): it
 * adds a kind, retires Tọa đàm and retires a renamed role; a new event is offered the new kind and
 * not the retired one, while a seminar held before keeps its kind, and its guest the role, by name.
 *
 * Through the API: the alliance, a cooperative, and the seminar held before with its guest.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { EventSummary } from '../../src/shared/contract';
import type { Organization } from '../../src/shared/domain';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { callApi, closeNotices, fieldOf, launchBrowser, pickIn, readable, screenshotDir, snap, startHost, stepsInOrder, typeDate, type RunningHost } from './support';

let host: RunningHost;
let browser: Browser;
let page: Page;
let seminar: EventSummary;

beforeAll(async () => {
  host = await startHost();
  host.setNow(new Date('2026-11-23T03:00:00Z'));
  await callApi(host, 'alliance:save', { name: 'Liên minh Hợp tác xã tỉnh An Giang', provinceCode: '91' });
  const htx = await callApi<Organization>(host, 'organizations:create', { kind: 'htx', name: 'Hợp tác xã Nông nghiệp Vĩnh Bình', communeCode: '31064' });
  seminar = await callApi<EventSummary>(host, 'events:create', { kind: 'seminar', title: 'Tọa đàm chuyển đổi số trong HTX', startsOn: '2026-05-12', provinceCode: '91' });
  await callApi(host, 'events:addParticipants', { eventId: seminar.id, participants: [{ kind: 'organization', id: htx.id, role: 'guest' }] });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'vi-VN' });
});
stepsInOrder(() => page, 'event-lookups');
afterAll(async () => {
  await browser.close();
  await host.stop();
});

const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 10_000 });

describe('the office’s kinds of event and roles', () => {
  it('adds a kind, retires Tọa đàm, renames and retires a role in Cài đặt', async () => {
    await page.goto(host.url);
    await page.getByRole('link', { name: 'Cài đặt' }).click();
    const kinds = page.getByRole('table', { name: 'Loại sự kiện' });
    await poll(() => kinds.getByRole('row').count()).toBe(9);

    await page.getByRole('button', { name: 'Thêm loại sự kiện' }).click();
    const dialog = page.getByRole('dialog', { name: 'Thêm loại sự kiện' });
    await fieldOf(page, 'Tên', dialog).fill('Hội thảo khoa học');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await poll(() => kinds.getByRole('row', { name: /Hội thảo khoa học/ }).isVisible()).toBe(true);
    // A kind of its own held online, like the seeded Họp trực tuyến: its events need no province.
    await page.getByRole('button', { name: 'Thêm loại sự kiện' }).click();
    await fieldOf(page, 'Tên', dialog).fill('Hội thảo trực tuyến');
    await dialog.getByRole('checkbox', { name: 'Tổ chức trực tuyến' }).check();
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await poll(() => readable(kinds.getByRole('row', { name: /Hội thảo trực tuyến/ }))).toMatch(/Trực tuyến/);

    await page.getByRole('button', { name: 'Ngừng dùng Tọa đàm' }).click();
    await poll(() => readable(kinds.getByRole('row', { name: /Tọa đàm/ }))).toMatch(/ngừng dùng/i);

    await page.getByRole('button', { name: 'Sửa Khách mời' }).click();
    const edit = page.getByRole('dialog', { name: 'Sửa vai trò' });
    await fieldOf(page, 'Tên', edit).fill('Khách mời danh dự');
    await edit.getByRole('button', { name: 'Lưu' }).click();
    await page.getByRole('button', { name: 'Ngừng dùng Khách mời danh dự' }).click();
    const roles = page.getByRole('table', { name: 'Vai trò của thành phần tham dự' });
    await poll(() => readable(roles.getByRole('row', { name: /Khách mời danh dự/ }))).toMatch(/ngừng dùng/i);
    // The notice says what became of the events that have it.
    await poll(() => page.getByText('Đã ngừng dùng «Khách mời danh dự»; các sự kiện đã có vẫn giữ.').isVisible()).toBe(true);
    mkdirSync(screenshotDir, { recursive: true });
    await page
      .locator('section', { has: page.getByRole('heading', { name: 'Danh mục sự kiện' }) })
      .screenshot({ path: join(screenshotDir, 'event-lookups-settings.png') });
  });

  it('offers a new event the new kind and not the retired one', async () => {
    await page.getByRole('link', { name: 'Sự kiện' }).first().click();
    await page.getByRole('button', { name: 'Thêm sự kiện' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Thêm sự kiện' });
    await fieldOf(page, 'Loại sự kiện', dialog).click();
    const options = page.getByRole('option');
    await poll(() => options.allTextContents()).toContain('Hội thảo khoa học');
    expect(await options.allTextContents()).not.toContain('Tọa đàm');
    await snap(page, 'event-lookups-new-event-kinds', { fullPage: false });
    await page.getByRole('option', { name: 'Hội thảo khoa học', exact: true }).click();
    await fieldOf(page, 'Tên sự kiện', dialog).fill('Hội thảo giống lúa chịu mặn');
    await typeDate(page, 'Ngày bắt đầu', '10/12/2026', dialog);
    // A new event is held in the alliance's province unless said otherwise.
    expect(await fieldOf(page, 'Tỉnh, thành phố nơi tổ chức', dialog).inputValue()).toBe('Tỉnh An Giang');
    await dialog.getByRole('button', { name: 'Thêm sự kiện' }).click();
    await poll(() => page.getByRole('heading', { name: 'Hội thảo giống lúa chịu mặn', level: 2 }).isVisible()).toBe(true);
    expect(await readable(page.getByRole('main'))).toContain('Hội thảo khoa học');

    await page.getByRole('link', { name: 'Sự kiện' }).first().click();
    await page.getByRole('button', { name: 'Thêm sự kiện' }).first().click();
    await pickIn(page, 'Loại sự kiện', 'truc tuyen', 'Hội thảo trực tuyến', dialog);
    await poll(() => fieldOf(page, 'Tỉnh, thành phố nơi tổ chức', dialog).isDisabled()).toBe(true);
    await fieldOf(page, 'Tên sự kiện', dialog).fill('Hội thảo bán hàng trên sàn thương mại điện tử');
    await typeDate(page, 'Ngày bắt đầu', '15/12/2026', dialog);
    await snap(page, 'event-lookups-online-kind', { fullPage: false });
    await dialog.getByRole('button', { name: 'Thêm sự kiện' }).click();
    await poll(() => page.getByRole('heading', { name: 'Hội thảo bán hàng trên sàn thương mại điện tử', level: 2 }).isVisible()).toBe(true);
  });

  it('shows the seminar held before with its retired kind, and its guest with the renamed role', async () => {
    await page.goto(`${host.url}#/su-kien/${seminar.id}`);
    await poll(() => page.getByRole('heading', { name: 'Tọa đàm chuyển đổi số trong HTX', level: 2 }).isVisible()).toBe(true);
    const main = await readable(page.getByRole('main'));
    expect(main).toContain('Tọa đàm');
    await poll(() => page.getByLabel('Vai trò: Hợp tác xã Nông nghiệp Vĩnh Bình').first().inputValue()).toBe('Khách mời danh dự');
    await closeNotices(page);
    await snap(page, 'event-lookups-old-seminar');
  });
});
