/**
 * The office laptop: 1366 × 768. On the province's demo data, every main page fits its width (no
 * sideways scrolling of the page or of its table), the import preview keeps each row's verdict in
 * view, and the primary dialogs show their save button without scrolling. Each screen is kept as
 * a screenshot (`layout-*.png`) to be looked at.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { AgreementDetail, AgreementSummary, EventSummary, PartnerSummary } from '../../src/shared/contract';
import type { Organization, Page as ListPage } from '../../src/shared/domain';
import { messyWorkbook } from '../core/importWorkbooks';
import { callApi, closeNotices, launchBrowser, snap, startHost, type RunningHost } from './support';

const viewport = { width: 1366, height: 768 };

let host: RunningHost;
let browser: Browser;
let page: Page;
let workbookDir: string;
let organizationId = 0;
let eventId = 0;
let agreementId = 0;

beforeAll(async () => {
  host = await startHost({ demo: true });
  host.setNow(new Date('2026-03-10T05:00:00Z'));
  browser = await launchBrowser();
  page = await browser.newPage({ viewport, locale: 'vi-VN' });
  workbookDir = mkdtempSync(join(tmpdir(), 'htx-layout-'));

  // The demo data has no partners, events or agreements yet: a few, with the longest names offices write.
  const [first, second] = (await callApi<ListPage<Organization>>(host, 'organizations:list', { pageSize: 2, statuses: ['active'] })).rows;
  if (!first || !second) throw new Error('the demo data has organizations');
  organizationId = first.id;
  const partner = await callApi<PartnerSummary>(host, 'partners:create', {
    kind: 'enterprise',
    name: 'Công ty TNHH Thương mại Dịch vụ Xuất nhập khẩu Nông sản Sài Gòn Co.op',
    taxCode: '0301175691',
    provinceCode: '79',
    contactName: 'Nguyễn Văn Hùng',
    phone: '028 3822 0000',
  });
  const event = await callApi<EventSummary>(host, 'events:create', {
    kind: 'supply_demand_conference',
    title: 'Hội nghị kết nối cung – cầu nông sản, sản phẩm OCOP tỉnh An Giang tại Thành phố Hà Nội năm 2026',
    startsOn: '2026-03-05',
    provinceCode: '01',
    budget: 150_000_000,
  });
  eventId = event.id;
  await callApi(host, 'events:addParticipants', {
    eventId,
    participants: [
      { kind: 'organization', id: first.id, role: 'exhibitor', status: 'registered' },
      { kind: 'organization', id: second.id, role: 'attendee', status: 'registered' },
      { kind: 'partner', id: partner.id, role: 'attendee', status: 'registered' },
    ],
  });
  const agreement = await callApi<AgreementSummary>(host, 'agreements:create', {
    kind: 'sales_contract',
    number: '12/2026/HĐLK-LMHTX',
    title: 'Hợp đồng liên kết sản xuất và tiêu thụ lúa gạo chất lượng cao vụ Đông Xuân 2025–2026',
    signedOn: '2026-03-05',
    eventId,
    validUntil: '2026-12-31',
    parties: [
      { kind: 'organization', id: first.id, role: 'seller' },
      { kind: 'partner', id: partner.id, role: 'buyer' },
      { kind: 'alliance', role: 'witness' },
    ],
    commitments: [
      { product: 'Lúa Đài Thơm 8', quantity: 1250.5, unit: 'tấn', value: 9_800_000_000, dueOn: '2026-06-30' },
      { product: 'Gạo thơm ST25 đóng túi 5 kg', quantity: 800, unit: 'kg', value: 20_000_000 },
    ],
  });
  agreementId = agreement.id;
  const detail = await callApi<AgreementDetail>(host, 'agreements:get', { id: agreementId });
  await callApi(host, 'agreements:addDelivery', { commitmentId: detail.commitments[0]?.id, deliveredOn: '2026-03-08', quantity: 312.75 });
});
afterAll(async () => {
  await browser.close();
  await host.stop();
  rmSync(workbookDir, { recursive: true, force: true });
});

/** How wide the page is against the window, and any scroll box in the main area wider than itself. */
function overflow(): Promise<{ page: number; sideways: string[] }> {
  // Run in the page; a string, as the tests are compiled without the DOM's types.
  return page.evaluate(`(() => {
    const root = document.scrollingElement ?? document.documentElement;
    const main = document.querySelector('main') ?? document.body;
    const sideways = [...main.querySelectorAll('*')]
      .filter((element) => {
        const { overflowX } = getComputedStyle(element);
        return (overflowX === 'auto' || overflowX === 'scroll') && element.scrollWidth > element.clientWidth + 1;
      })
      .map((element) => element.className.toString().slice(0, 60) + ': ' + element.scrollWidth + ' > ' + element.clientWidth);
    return { page: root.scrollWidth - root.clientWidth, sideways };
  })()`);
}

async function settled(): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.getByText('Đang tải…').first().waitFor({ state: 'hidden' }).catch(() => undefined);
  // Tables and charts lay out once their data has come.
  await page.waitForTimeout(400);
}

describe('every main page at 1366 × 768', () => {
  const pages: [string, () => string][] = [
    ['tong-quan', () => 'tong-quan'],
    ['can-chu-y', () => 'can-chu-y'],
    ['thanh-vien', () => 'thanh-vien'],
    ['so-lieu-nam', () => 'so-lieu-nam'],
    ['doi-tac', () => 'doi-tac'],
    ['su-kien', () => 'su-kien'],
    ['thoa-thuan', () => 'thoa-thuan'],
    ['nhap-excel', () => 'nhap-excel'],
    ['bao-cao', () => 'bao-cao'],
    ['thung-rac', () => 'thung-rac'],
    ['cai-dat', () => 'cai-dat'],
    ['to-chuc-thong-tin', () => `thanh-vien/${String(organizationId)}/thong-tin`],
    ['to-chuc-so-lieu', () => `thanh-vien/${String(organizationId)}/so-lieu`],
    ['to-chuc-san-pham', () => `thanh-vien/${String(organizationId)}/san-pham`],
    ['to-chuc-qua-trinh', () => `thanh-vien/${String(organizationId)}/qua-trinh`],
    ['to-chuc-xuc-tien', () => `thanh-vien/${String(organizationId)}/xuc-tien`],
    ['to-chuc-lich-su', () => `thanh-vien/${String(organizationId)}/lich-su`],
    ['su-kien-1', () => `su-kien/${String(eventId)}`],
    ['thoa-thuan-1', () => `thoa-thuan/${String(agreementId)}`],
  ];

  it.each(pages)('%s fits the width, its table too', async (name, route) => {
    await page.goto(`${host.url}#/${route()}`);
    await settled();
    await snap(page, `layout-${name}`);
    expect(await overflow()).toEqual({ page: 0, sideways: [] });
  });
});

describe('the import preview at 1366 × 768', () => {
  it('keeps the row, its name, problems, match and decision in view; only the sheet’s other columns scroll', async () => {
    const file = join(workbookDir, 'Danh sach HTX 2024.xlsx');
    writeFileSync(file, await messyWorkbook());
    await page.goto(`${host.url}#/nhap-excel`);
    await settled();
    await page.locator('input[type=file]').setInputFiles(file);
    await page.getByRole('button', { name: 'Đọc tệp' }).click();
    await page.getByRole('button', { name: 'Tiếp tục' }).click({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Kiểm tra các dòng' }).click();
    await page.getByRole('button', { name: 'Ghi vào dữ liệu', exact: true }).waitFor({ timeout: 60_000 });
    await settled();
    const table = page.getByRole('table').first();
    await table.scrollIntoViewIfNeeded();
    await snap(page, 'layout-nhap-excel-xem-truoc');
    expect((await overflow()).page).toBe(0);
    const inView = async (text: string) => {
      const box = await table.getByRole('columnheader', { name: text, exact: true }).boundingBox();
      return box !== null && box.x >= 0 && box.x + box.width <= viewport.width;
    };
    for (const header of ['Dòng', 'Tên tổ chức', 'Lỗi, ghi chú', 'Trùng với / Xã, phường', 'Việc cần làm']) expect(await inView(header), header).toBe(true);
  });
});

describe('the primary dialogs at 1366 × 768', () => {
  const dialogs: [string, () => string, string, string][] = [
    ['them-to-chuc', () => 'thanh-vien', 'Thêm tổ chức', 'Lưu tổ chức'],
    ['them-so-lieu', () => `thanh-vien/${String(organizationId)}/so-lieu`, 'Thêm năm', 'Lưu số liệu'],
    ['them-san-pham', () => `thanh-vien/${String(organizationId)}/san-pham`, 'Thêm sản phẩm', 'Lưu sản phẩm'],
    ['them-doi-tac', () => 'doi-tac', 'Thêm đối tác', 'Lưu đối tác'],
    ['them-su-kien', () => 'su-kien', 'Thêm sự kiện', 'Thêm sự kiện'],
    ['them-thoa-thuan', () => 'thoa-thuan', 'Thêm thỏa thuận', 'Lưu thỏa thuận'],
    ['sua-thoa-thuan', () => `thoa-thuan/${String(agreementId)}`, 'Sửa', 'Lưu thỏa thuận'],
    ['ghi-nhan-giao-hang', () => `thoa-thuan/${String(agreementId)}`, 'Ghi nhận giao hàng', 'Lưu lần giao hàng'],
  ];

  it.each(dialogs)('%s shows its save button without scrolling', async (name, route, opener, save) => {
    await page.goto(`${host.url}#/${route()}`);
    await settled();
    await closeNotices(page);
    await page.getByRole('button', { name: opener, exact: true }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: save, exact: true }).waitFor();
    await page.waitForTimeout(300);
    await snap(page, `layout-dialog-${name}`, { fullPage: false });
    const box = await dialog.getByRole('button', { name: save, exact: true }).boundingBox();
    expect(box).not.toBeNull();
    if (!box) return;
    expect([box.x >= 0, box.y >= 0, box.x + box.width <= viewport.width, box.y + box.height <= viewport.height]).toEqual([true, true, true, true]);
    expect((await overflow()).page).toBe(0);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
  });
});
