/**
 * Nothing lost: a clerk adds two cooperatives, the app backs them up by itself, someone deletes
 * them, and the clerk restores the backup from Cài đặt and finds them back — the app goes on with
 * the restored data, without a restart.
 *
 * The web host runs with a backup interval of one second of its clock (instead of 15 minutes), and
 * the test moves that clock as an office day would pass.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { BackupInfo } from '../../src/shared/contract';
import type { Organization } from '../../src/shared/domain';
import { formatFileSize } from '../../src/shared/format';
import { callApi, closeNotices, fieldOf, launchBrowser, pickIn, readable, snap, startHost, stepsInOrder, type RunningHost } from './support';

let host: RunningHost;
let browser: Browser;
let page: Page;

const VINH_BINH = 'HTX Nông nghiệp Vĩnh Bình';
const NHON_HUNG = 'HTX Đường thốt nốt Nhơn Hưng';
/** 08:00 in Vietnam on a working day. */
const morning = new Date('2026-03-10T01:00:00Z');
const later = (minutes: number) => new Date(morning.getTime() + minutes * 60_000);

beforeAll(async () => {
  host = await startHost({ extraArgs: ['--backup-interval', '1'] });
  host.setNow(morning);
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1366, height: 800 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
});
stepsInOrder(() => page, 'backup');
afterAll(async () => {
  await browser.close();
  await host.stop();
});

/** Waits for what appears once the backend has answered; a loaded machine may take seconds. */
function poll<T>(read: () => Promise<T> | T, timeout = 15_000) {
  return expect.poll(read, { timeout });
}

async function memberNames(): Promise<string[]> {
  return (await page.getByRole('main').getByRole('row').allInnerTexts()).slice(1).map((row) => row.split('\t')[0]?.trim() ?? '');
}

/** The rows of the backups table as read on the screen. */
async function backupRows(): Promise<string[]> {
  const table = page.getByRole('table', { name: 'Sao lưu và khôi phục' });
  if (!(await table.isVisible())) return [];
  return Promise.all((await table.getByRole('row').all()).slice(1).map(readable));
}

describe('a backup made by itself, restored from Cài đặt', () => {
  it('adds two cooperatives, one through the form', async () => {
    await callApi(host, 'alliance:save', { name: 'Liên minh Hợp tác xã tỉnh An Giang', provinceCode: '91' });
    await callApi<Organization>(host, 'organizations:create', { kind: 'htx', name: NHON_HUNG, communeCode: '31064' });
    await page.goto(`${host.url}#/thanh-vien`);
    await page.getByRole('button', { name: 'Thêm tổ chức' }).click();
    const dialog = page.getByRole('dialog', { name: 'Thêm tổ chức' });
    await pickIn(page, 'Loại hình', 'htx', 'Hợp tác xã (HTX)', dialog);
    await fieldOf(page, 'Tên tổ chức', dialog).fill(VINH_BINH);
    await pickIn(page, 'Xã, phường', 'vinh an', 'Xã Vĩnh An', dialog);
    await dialog.getByRole('button', { name: 'Lưu tổ chức' }).click();
    await poll(() => page.getByRole('cell', { name: VINH_BINH }).isVisible()).toBe(true);
    await poll(memberNames).toEqual([NHON_HUNG, VINH_BINH]);
    await closeNotices(page);
  });

  it('is backed up by itself once the interval has passed, with what it holds', async () => {
    // Sixteen minutes on: the changes are due for their automatic backup.
    host.setNow(later(16));
    const automatic = async () =>
      (await callApi<BackupInfo[]>(host, 'backups:list')).find((backup) => backup.reason === 'auto' && backup.takenAt === later(16).toISOString());
    await poll(async () => (await automatic())?.counts).toEqual({ organizations: 2, partners: 0, events: 0, agreements: 0 });
    const backup = await automatic();

    await page.getByRole('link', { name: 'Cài đặt' }).click();
    await poll(() => page.getByRole('heading', { name: 'Sao lưu và khôi phục' }).isVisible()).toBe(true);
    await poll(backupRows).toContainEqual(`10/03/2026 08:16:00 Tự động ${formatFileSize(backup?.size ?? 0)} 2 0 0 0 Khôi phục`);
    // A folder of its own beside the data file, whole and checked.
    const folder = join(host.databaseFile, '..', 'htx-desk-sao-luu', backup?.id ?? '');
    expect(readdirSync(folder).sort()).toEqual(['du-lieu.sqlite', 'tep', 'thong-tin.json']);
    await page.getByRole('heading', { name: 'Sao lưu và khôi phục' }).scrollIntoViewIfNeeded();
    await snap(page, 'backup-01-automatic-backup-listed');
  });

  it('loses both cooperatives to a careless delete', async () => {
    host.setNow(later(40));
    const { rows } = await callApi<{ rows: Organization[] }>(host, 'organizations:list', { page: 1, pageSize: 10 });
    const nhonHung = rows.find((row) => row.name === NHON_HUNG);
    await callApi(host, 'organizations:delete', { id: nhonHung?.id });
    await page.getByRole('link', { name: 'Thành viên' }).click();
    await page.getByRole('cell', { name: VINH_BINH }).click();
    await poll(() => page.getByRole('heading', { name: VINH_BINH, level: 2 }).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Xóa' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Chuyển vào Thùng rác' }).click();
    await poll(() => page.getByText('Chưa có tổ chức thành viên nào').isVisible()).toBe(true);
    await closeNotices(page);
    await snap(page, 'backup-02-members-deleted');
  });

  it('restores the backup from Cài đặt, after a safety copy, and finds them back without a restart', async () => {
    await page.getByRole('link', { name: 'Cài đặt' }).click();
    const restore = page.getByRole('button', { name: 'Khôi phục bản sao lưu lúc 10/03/2026 08:16:00' });
    await poll(() => restore.isVisible()).toBe(true);
    await restore.click();
    const dialog = page.getByRole('dialog', { name: 'Khôi phục dữ liệu' });
    await poll(() => readable(dialog.getByText(/^Dữ liệu sẽ trở về như lúc/))).toBe(
      'Dữ liệu sẽ trở về như lúc 10/03/2026 08:16:00: 2 tổ chức, 0 đối tác, 0 sự kiện, 0 thỏa thuận, 0 tệp đính kèm.',
    );
    await snap(page, 'backup-03-restore-confirmation');
    await dialog.getByRole('button', { name: 'Khôi phục' }).click();
    const restored =
      'Dữ liệu đã trở về như lúc 10/03/2026 08:16:00 (bản sao lưu «Tự động»). ' +
      'Dữ liệu ngay trước khi khôi phục được giữ trong bản sao lưu «Trước khi khôi phục» lúc 10/03/2026 08:40:00.';
    await poll(() => page.getByText(restored).isVisible()).toBe(true);
    // The safety copy is listed with the data as it was just before: no cooperatives.
    await poll(backupRows).toContainEqual(expect.stringMatching(/^10\/03\/2026 08:40:00 Trước khi khôi phục .+ 0 0 0 0 Khôi phục$/));
    await snap(page, 'backup-04-restored');

    await page.getByRole('link', { name: 'Thành viên' }).click();
    await poll(memberNames).toEqual([NHON_HUNG, VINH_BINH]);
    await page.getByRole('link', { name: 'Thùng rác' }).click();
    await poll(() => page.getByText(VINH_BINH).count()).toBe(0);
    await page.getByRole('link', { name: 'Thành viên' }).click();
    await poll(memberNames).toEqual([NHON_HUNG, VINH_BINH]);
    await snap(page, 'backup-05-members-back');

    // The app writes on the restored data straight away.
    await callApi(host, 'organizations:create', { kind: 'htx', name: 'HTX Rau an toàn Bình Hòa', communeCode: '30604' });
    expect((await callApi<{ total: number }>(host, 'organizations:list', { page: 1, pageSize: 10 })).total).toBe(3);
  });
});
