/**
 * The chairperson's and the follow-up officer's journey on the demo data (`npm run seed:demo` at
 * province scale, as of 23/11/2026), at the office laptop's 1366 × 768:
 * - Tổng quan for 2025 reads the year's trade promotion as the province published it: 4 hội nghị
 *   kết nối cung – cầu in 4 cities with over 100 HTX and enterprises, 10 hội nghị chuyên đề
 *   between 52 enterprises and over 300 HTX and THT; and the year's agreements.
 * - A sales contract whose rice is 60 % delivered and whose mangoes are not: its fulfilment by
 *   value, each party's part; then the calendar moves past its end and it stays in Cần chú ý as
 *   "Hết hạn, chưa hoàn thành" until the officer closes its follow-up with a reason.
 * The contract itself is entered through the API (its form has tests and a journey of its own).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { AgreementSummary, PartnerSummary } from '../../src/shared/contract';
import type { Organization } from '../../src/shared/domain';
import { callApi, closeNotices, fieldOf, launchBrowser, readable, snap, startHost, stepsInOrder, type RunningHost } from './support';

let host: RunningHost;
let browser: Browser;
let page: Page;
let agreement: AgreementSummary;

const day = (iso: string) => new Date(`${iso}T03:00:00Z`);

beforeAll(async () => {
  host = await startHost({ demo: true, demoToday: '2026-11-23' });
  host.setNow(day('2026-11-23'));
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' });
}, 180_000);
stepsInOrder(() => page, 'followup');
afterAll(async () => {
  await browser.close();
  await host.stop();
});

function poll<T>(read: () => Promise<T> | T) {
  return expect.poll(read, { timeout: 15_000 });
}

async function heading(name: string): Promise<void> {
  await poll(() => page.getByRole('heading', { name, level: 2 }).isVisible()).toBe(true);
}

async function pageShot(name: string): Promise<void> {
  await closeNotices(page);
  await page.evaluate('window.scrollTo(0, 0)');
  await snap(page, name);
}

/** The texts of a table row's cells. */
async function cellsOf(table: ReturnType<Page['getByRole']>, first: string): Promise<string[]> {
  const row = table.getByRole('row').filter({ has: page.getByRole('cell', { name: first, exact: true }) });
  return (await row.getByRole('cell').allInnerTexts()).map((text) => text.trim());
}

describe('follow-up and Tổng quan on the demo data', { timeout: 180_000 }, () => {
  it('reads the year’s trade promotion on Tổng quan as the province published it', async () => {
    await page.goto(`${host.url}#/tong-quan`);
    await heading('Tổng quan');
    const promotion = page.getByRole('table', { name: 'Sự kiện xúc tiến thương mại năm 2025 theo loại' });
    await poll(() => promotion.isVisible()).toBe(true);
    // Kind, events, provinces, HTX (LH HTX, QTDND), THT, enterprises, other partners.
    const supplyDemand = await cellsOf(promotion, 'Hội nghị kết nối cung – cầu');
    expect(supplyDemand.slice(0, 3)).toEqual(['Hội nghị kết nối cung – cầu', '4', '4']);
    expect(Number(supplyDemand[3]) + Number(supplyDemand[5])).toBeGreaterThan(100);
    const thematic = await cellsOf(promotion, 'Hội nghị chuyên đề');
    expect([thematic[1], thematic[5]]).toEqual(['10', '52']);
    expect(Number(thematic[3]) + Number(thematic[4])).toBeGreaterThan(300);
    expect(await readable(page.getByLabel('Thỏa thuận ký trong năm'))).toMatch(/^Thỏa thuận ký trong năm: \d+ thỏa thuận, giá trị cam kết [\d,]+ tỷ đồng\. Tỷ lệ thực hiện [\d,]+%/);
    // Good or fair among the HTX classified, and the denominator said.
    expect(await readable(page.getByRole('main'))).toMatch(/\d+% xếp loại Tốt hoặc Khá: [\d.]+ trong [\d.]+ HTX, LH HTX đã xếp loại/);
    await pageShot('followup-01-overview');
  });

  it('shows a contract’s fulfilment by value and each party’s part', async () => {
    const cooperative = await callApi<Organization>(host, 'organizations:create', { kind: 'htx', name: 'HTX Nông nghiệp Theo Dõi', communeCode: '31064' });
    const buyer = await callApi<PartnerSummary>(host, 'partners:create', {
      kind: 'enterprise',
      businessLine: 'export',
      name: 'Công ty TNHH Xuất khẩu Gạo Mê Kông',
      taxCode: '0312345678',
      provinceCode: '79',
    });
    agreement = await callApi<AgreementSummary>(host, 'agreements:create', {
      kind: 'sales_contract',
      number: '15/2026/HĐLK',
      title: 'Hợp đồng liên kết tiêu thụ lúa gạo và xoài',
      signedOn: '2026-05-10',
      validFrom: '2026-05-10',
      validUntil: '2026-11-30',
      parties: [
        { kind: 'organization', id: cooperative.id, role: 'seller' },
        { kind: 'partner', id: buyer.id, role: 'buyer' },
      ],
      commitments: [
        { product: 'Gạo ST25', quantity: 100, unit: 'tấn', value: 1_000_000_000, dueOn: '2026-10-31', supplierParty: 0, receiverParty: 1 },
        { product: 'Xoài cát Hòa Lộc', quantity: 10, unit: 'tấn', value: 300_000_000, supplierParty: 0, receiverParty: 1 },
      ],
    });
    const detail = await callApi<{ commitments: { id: number; product: string }[] }>(host, 'agreements:get', { id: agreement.id });
    const rice = detail.commitments.find((commitment) => commitment.product === 'Gạo ST25');
    await callApi(host, 'agreements:addDelivery', { commitmentId: rice?.id, deliveredOn: '2026-09-15', quantity: 60 });

    await page.goto(`${host.url}#/thoa-thuan/${agreement.id}`);
    await poll(() => page.getByRole('heading', { name: /Hợp đồng liên kết tiêu thụ lúa gạo và xoài/ }).first().isVisible()).toBe(true);
    // (60 % of 1 tỷ + 0 % of 300 triệu) / 1,3 tỷ: 46,2 % by value, where the plain average would say 30 %.
    await poll(() => readable(page.getByRole('main'))).toContain('46,2%');
    expect(await readable(page.getByRole('main'))).toContain('theo giá trị cam kết');
    expect(await readable(page.getByRole('main'))).toContain('Thực hiện theo từng bên');
    await pageShot('followup-02-agreement');
  });

  it('keeps the contract in Cần chú ý after it runs out unfinished, until its follow-up is closed', async () => {
    host.setNow(day('2026-12-10'));
    await page.goto(`${host.url}#/can-chu-y`);
    await heading('Cần chú ý');
    await poll(() => page.getByText('Tính đến hôm nay, 10/12/2026').isVisible()).toBe(true);
    const expired = page.getByRole('table', { name: 'Hết hạn, chưa hoàn thành' });
    const row = expired.getByRole('row').filter({ hasText: '15/2026/HĐLK' });
    await poll(() => row.count()).toBe(1);
    expect(await readable(row)).toContain('30/11/2026');
    expect(await readable(row)).toContain('2 / 2');
    expect(await readable(row)).toContain('15/09/2026');
    await row.scrollIntoViewIfNeeded();
    await snap(page, 'followup-03-attention-expired');

    // Months later, still there.
    host.setNow(day('2027-03-01'));
    await page.reload();
    await poll(() => page.getByText('Tính đến hôm nay, 01/03/2027').isVisible()).toBe(true);
    await poll(() => row.count()).toBe(1);

    await row.getByRole('link').first().click();
    await page.getByRole('button', { name: 'Kết thúc theo dõi' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Kết thúc theo dõi thỏa thuận' });
    await poll(() => dialog.isVisible()).toBe(true);
    await fieldOf(page, 'Lý do', dialog).fill('Doanh nghiệp không nhận phần xoài còn lại; hai bên đã thanh lý hợp đồng.');
    await snap(page, 'followup-04-close-dialog');
    await dialog.getByRole('button', { name: 'Kết thúc theo dõi' }).click();
    await poll(() => page.getByText('Đã kết thúc theo dõi thỏa thuận.').isVisible()).toBe(true);
    await poll(() => readable(page.getByRole('main'))).toContain('Lý do: Doanh nghiệp không nhận phần xoài còn lại; hai bên đã thanh lý hợp đồng.');
    await pageShot('followup-05-closed');

    await page.goto(`${host.url}#/can-chu-y`);
    await heading('Cần chú ý');
    await poll(() => page.getByRole('row').filter({ hasText: '15/2026/HĐLK' }).count()).toBe(0);
  });
});
