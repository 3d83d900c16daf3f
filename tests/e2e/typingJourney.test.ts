/**
 * Numbers and dates as Vietnamese write them, typed into the screens as a person types them, and
 * one save per intention. What is typed wrong ("-12" members, a score of 150, capital
 * −50.000.000, 31/02/2024, a phone "abc") stays in its box with a message and nothing is stored;
 * "1,5" tấn, "0,5" tấn and "1.250,75" kg are stored as 1.5, 0.5 and 1250.75; an agreement saved
 * with Enter pressed twice exists once; a number already used is warned about while typing.
 * Every value is checked against the database through the web host's API.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import type { AgreementDetail, AgreementSummary, OrganizationDetail, PartnerSummary, YearlyFigures } from '../../src/shared/contract';
import type { Organization, Page as ListPage } from '../../src/shared/domain';
import { callApi, closeNotices, fieldOf, launchBrowser, pickIn, readable, snap, startHost, stepsInOrder, type RunningHost } from './support';

let host: RunningHost;
let browser: Browser;
let page: Page;
let cooperative = 0;

/** Noon in Vietnam on a day of the office's calendar. */
const day = (iso: string) => new Date(`${iso}T05:00:00Z`);

beforeAll(async () => {
  host = await startHost();
  host.setNow(day('2026-03-10'));
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' });
  await callApi(host, 'alliance:save', { name: 'Liên minh Hợp tác xã tỉnh An Giang', provinceCode: '91' });
  await callApi<PartnerSummary>(host, 'partners:create', { kind: 'enterprise', name: 'Công ty CP Thực phẩm Hà Nội', provinceCode: '01' });
});
stepsInOrder(() => page, 'typing');
afterAll(async () => {
  await browser.close();
  await host.stop();
});

type Scope = Pick<Page, 'getByLabel'>;
const field = (label: string, scope: Scope = page) => fieldOf(page, label, scope);
const pick = (label: string, typed: string, option: string, scope: Scope = page) => pickIn(page, label, typed, option, scope);

function poll<T>(read: () => Promise<T> | T) {
  return expect.poll(read, { timeout: 10_000 });
}

/** Types into a box as a person does, then leaves it. */
async function type(box: Locator, text: string): Promise<void> {
  await box.fill(text);
  await box.press('Tab');
}

/** The message Mantine shows under a box, found through the box's aria-describedby. */
async function messageUnder(box: Locator): Promise<string> {
  const ids = (await box.getAttribute('aria-describedby')) ?? '';
  const texts = await Promise.all(ids.split(' ').filter(Boolean).map((id) => page.locator(`[id="${id}"]`).innerText().catch(() => '')));
  return texts.join(' ').trim();
}

async function pickStartingWith(label: string, typed: string, name: string, scope: Scope): Promise<void> {
  const input = fieldOf(page, label, scope);
  await input.click();
  await input.fill(typed);
  await page.getByRole('option', { name: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) }).click();
}

describe('numbers and dates as Vietnamese write them', () => {
  it('keeps −50.000.000 capital, 31/02/2024 and phone "abc" as typed, says why, and stores nothing', async () => {
    await page.goto(`${host.url}#/tong-quan`);
    await page.getByRole('link', { name: 'Thành viên' }).click();
    await page.getByRole('button', { name: 'Thêm tổ chức' }).click();
    const dialog = page.getByRole('dialog');
    await pick('Loại hình', 'htx', 'Hợp tác xã (HTX)', dialog);
    await field('Tên tổ chức', dialog).fill('HTX Nông nghiệp Vĩnh Bình');
    await pick('Xã, phường', 'vinh an', 'Xã Vĩnh An', dialog);
    const capital = field('Vốn điều lệ (đồng)', dialog);
    const founded = field('Ngày thành lập', dialog);
    const phone = field('Điện thoại', dialog);
    await type(capital, '−50.000.000');
    await type(founded, '31/02/2024');
    await type(phone, 'abc');
    await poll(() => messageUnder(capital)).toBe('Không được là số âm.');
    await poll(() => messageUnder(founded)).toBe('Ngày 31/02/2024 không có thật: tháng 2/2024 có 29 ngày.');
    await poll(() => messageUnder(phone)).toContain('Điện thoại chỉ gồm chữ số');
    await dialog.getByRole('button', { name: 'Lưu tổ chức' }).click();
    await snap(page, 'typing-01-organization-refused');
    expect([await capital.inputValue(), await founded.inputValue(), await phone.inputValue()]).toEqual(['−50.000.000', '31/02/2024', 'abc']);
    expect((await callApi<ListPage<Organization>>(host, 'organizations:list', {})).total).toBe(0);

    // Reloading the page (F5) now would lose what was typed: the browser asks first, and staying loses nothing.
    const asked = new Promise<string>((resolve) =>
      page.once('dialog', (question) => {
        resolve(question.type());
        void question.dismiss();
      }),
    );
    await page.evaluate('setTimeout(() => location.reload(), 0)');
    expect(await asked).toBe('beforeunload');
    expect(await field('Tên tổ chức', dialog).inputValue()).toBe('HTX Nông nghiệp Vĩnh Bình');
    // Back asks as well; «Tiếp tục sửa» keeps the work, and leaves the history as it was.
    await page.goBack({ waitUntil: 'commit' });
    await page.getByRole('dialog', { name: 'Bỏ các thay đổi chưa lưu?' }).getByRole('button', { name: 'Tiếp tục sửa' }).click();
    await poll(() => page.evaluate<string>('location.hash')).toBe('#/thanh-vien');
    expect(await field('Tên tổ chức', dialog).inputValue()).toBe('HTX Nông nghiệp Vĩnh Bình');

    await type(capital, '1250000000');
    await type(founded, '29/02/2024');
    await type(phone, '0296 3841 234 máy lẻ 12');
    // Once the person leaves a number the field takes, its thousands are set off as Vietnamese write them.
    expect(await capital.inputValue()).toBe('1.250.000.000');
    await dialog.getByRole('button', { name: 'Lưu tổ chức' }).click();
    await poll(() => dialog.isVisible()).toBe(false);
    const [created] = (await callApi<ListPage<Organization>>(host, 'organizations:list', {})).rows;
    cooperative = created?.id ?? 0;
    const stored = await callApi<OrganizationDetail>(host, 'organizations:get', { id: cooperative });
    expect([stored.charterCapital, stored.foundedOn, stored.phone]).toEqual([1_250_000_000, '2024-02-29', '0296 3841 234 máy lẻ 12']);
    // Saved: Back leads to Tổng quan, where the person came from.
    await page.goBack({ waitUntil: 'commit' });
    await poll(() => page.evaluate<string>('location.hash')).toBe('#/tong-quan');
  });

  it('keeps -12 members and a score of 150 as typed in a year of figures, and saves nothing until corrected', async () => {
    await closeNotices(page);
    await page.goto(`${host.url}#/thanh-vien/${cooperative}/so-lieu`);
    await page.getByRole('button', { name: 'Thêm năm' }).click();
    const dialog = page.getByRole('dialog', { name: 'Thêm số liệu một năm' });
    await field('Năm', dialog).fill('2025');
    const members = field('Thành viên chính thức', dialog);
    const score = field('Điểm xếp loại', dialog);
    const revenue = field('Doanh thu', dialog);
    await type(members, '-12');
    await type(score, '150');
    await type(revenue, '1.250,75');
    await dialog.getByRole('button', { name: 'Lưu số liệu' }).click();
    await poll(() => messageUnder(members)).toBe('Không được là số âm.');
    await poll(() => messageUnder(score)).toContain('Phải từ 0 đến 100.');
    await poll(() => messageUnder(revenue)).toBe(
      '«1.250,75»: số tiền tính bằng đồng không có phần lẻ. Nếu số đang tính bằng triệu đồng, hãy gõ «1.250,75 triệu»; bằng nghìn đồng, «1.250,75 nghìn».',
    );
    await snap(page, 'typing-02-figures-refused');
    expect([await members.inputValue(), await score.inputValue(), await revenue.inputValue()]).toEqual(['-12', '150', '1.250,75']);
    expect(await callApi<YearlyFigures[]>(host, 'figures:list', { organizationId: cooperative })).toEqual([]);

    await type(members, '12');
    await type(score, '86');
    await type(revenue, '1.250.000.000');
    await type(field('Lợi nhuận', dialog), '−50.000.000');
    await dialog.getByRole('button', { name: 'Lưu số liệu' }).click();
    await poll(() => dialog.isVisible()).toBe(false);
    const [year] = await callApi<YearlyFigures[]>(host, 'figures:list', { organizationId: cooperative });
    expect(year).toMatchObject({ year: 2025, membersOfficial: 12, score: 86, revenue: 1_250_000_000, profit: -50_000_000 });
  });
});

describe('one save per intention', () => {
  it('creates an agreement once when Enter is pressed twice, with 1,5 tấn and 1.250,75 kg as typed', async () => {
    await closeNotices(page);
    await page.goto(`${host.url}#/thoa-thuan`);
    await page.getByRole('button', { name: 'Thêm thỏa thuận' }).click();
    const dialog = page.getByRole('dialog', { name: 'Thêm thỏa thuận' });
    await pick('Loại thỏa thuận', '', 'Hợp đồng liên kết tiêu thụ', dialog);
    // Without a number, as many are entered: only the form itself stands between Enter pressed
    // twice and two agreements (a number already used would be refused by the backend too).
    await field('Tên thỏa thuận', dialog).fill('Hợp đồng tiêu thụ lúa gạo vụ Đông Xuân');
    await pickStartingWith('Bên thứ 1', 'vinh binh', 'HTX Nông nghiệp Vĩnh Bình', dialog);
    await pickStartingWith('Bên thứ 2', 'thuc pham', 'Công ty CP Thực phẩm Hà Nội', dialog);
    const roles = dialog.getByLabel(/^Vai trò/);
    for (const [index, role] of ['Bên bán', 'Bên mua'].entries()) {
      await roles.nth(index).click();
      await page.getByRole('option', { name: role, exact: true }).click();
    }
    const rice = dialog.getByRole('group', { name: 'Cam kết thứ 1' });
    await field('Sản phẩm', rice).fill('Lúa Đài Thơm 8');
    await type(field('Số lượng', rice), '1,5');
    await field('Đơn vị tính', rice).fill('tấn');
    await type(field('Giá trị (đồng)', rice), '12000000');
    await dialog.getByRole('button', { name: 'Thêm cam kết' }).click();
    const bran = dialog.getByRole('group', { name: 'Cam kết thứ 2' });
    await field('Sản phẩm', bran).fill('Cám gạo');
    await type(field('Số lượng', bran), '1.250,75');
    await field('Đơn vị tính', bran).fill('kg');

    // A day that does not exist stays as typed, is said, and nothing is saved.
    const signedOn = field('Ngày ký', dialog);
    await type(signedOn, '31/02/2026');
    await dialog.getByRole('button', { name: 'Lưu thỏa thuận' }).click();
    await poll(() => messageUnder(signedOn)).toBe('Ngày 31/02/2026 không có thật: tháng 2/2026 có 28 ngày.');
    expect(await signedOn.inputValue()).toBe('31/02/2026');
    await snap(page, 'typing-03-agreement-date-refused');
    expect((await callApi<ListPage<AgreementSummary>>(host, 'agreements:list', {})).total).toBe(0);

    // Corrected, then Enter pressed twice in the date field, as a hurried person does.
    await signedOn.fill('28/02/2026');
    // The keyboard, not the field: the second Enter goes wherever the focus is by then.
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await poll(() => page.getByText('Đã thêm thỏa thuận «Hợp đồng tiêu thụ lúa gạo vụ Đông Xuân».').isVisible()).toBe(true);
    // The second Enter may land on «Thêm thỏa thuận», which gets the focus back as the dialog closes:
    // it then opens a fresh, empty form — never the one just saved, and never a second save.
    const dialogState = async () => {
      if (!(await dialog.isVisible())) return 'closed';
      const title = field('Tên thỏa thuận', dialog);
      return (await title.count()) === 1 && (await title.inputValue()) === '' ? 'fresh' : 'closing';
    };
    await poll(dialogState).not.toBe('closing');
    if ((await dialogState()) === 'fresh') await page.keyboard.press('Escape');
    await poll(() => dialog.isVisible()).toBe(false);
    const agreements = await callApi<ListPage<AgreementSummary>>(host, 'agreements:list', {});
    expect(agreements.total).toBe(1);
    const detail = await callApi<AgreementDetail>(host, 'agreements:get', { id: agreements.rows[0]?.id });
    expect(detail.signedOn).toBe('2026-02-28');
    expect(detail.commitments.map(({ product, quantity, unit, value }) => [product, quantity, unit, value])).toEqual([
      ['Lúa Đài Thơm 8', 1.5, 'tấn', 12_000_000],
      ['Cám gạo', 1250.75, 'kg', null],
    ]);
  });

  it('records a delivery of 0,5 tấn after refusing -12', async () => {
    await closeNotices(page);
    const [agreement] = (await callApi<ListPage<AgreementSummary>>(host, 'agreements:list', {})).rows;
    await page.goto(`${host.url}#/thoa-thuan/${String(agreement?.id)}`);
    await page.getByRole('button', { name: 'Ghi nhận giao hàng' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Ghi nhận giao hàng' });
    await pick('Cam kết', '', 'Lúa Đài Thơm 8 — 1,5 tấn', dialog);
    const deliveredOn = field('Ngày giao', dialog);
    await deliveredOn.fill('05/03/2026');
    await deliveredOn.press('Tab');
    const quantity = field('Số lượng giao', dialog);
    await type(quantity, '-12');
    await dialog.getByRole('button', { name: 'Lưu lần giao hàng' }).click();
    await poll(() => messageUnder(quantity)).toBe('Phải lớn hơn 0.');
    expect(await quantity.inputValue()).toBe('-12');

    await type(quantity, '0,5');
    await dialog.getByRole('button', { name: 'Lưu lần giao hàng' }).click();
    await poll(() => dialog.isVisible()).toBe(false);
    const detail = await callApi<AgreementDetail>(host, 'agreements:get', { id: agreement?.id });
    expect(detail.deliveries.map(({ quantity: delivered, deliveredOn: on }) => [delivered, on])).toEqual([[0.5, '2026-03-05']]);
    expect(detail.commitments[0]?.delivered).toBe(0.5);
    await poll(async () => readable(page.getByRole('main'))).toContain('0,5 / 1,5 tấn');
  });

  it('warns while typing an agreement number already used', async () => {
    const [agreement] = (await callApi<ListPage<AgreementSummary>>(host, 'agreements:list', {})).rows;
    const detail = await callApi<AgreementDetail>(host, 'agreements:get', { id: agreement?.id });
    await callApi(host, 'agreements:update', {
      id: detail.id,
      kind: detail.kind,
      number: '05/2026/HĐLK',
      title: detail.title,
      signedOn: detail.signedOn,
      parties: detail.parties.map(({ kind, counterpartId, role }) => ({ kind, id: counterpartId, role })),
      commitments: detail.commitments.map(({ id, product, quantity, unit, value }) => ({ id, product, quantity, unit, value })),
    });
    await closeNotices(page);
    await page.goto(`${host.url}#/thoa-thuan`);
    await page.getByRole('button', { name: 'Thêm thỏa thuận' }).click();
    const dialog = page.getByRole('dialog', { name: 'Thêm thỏa thuận' });
    await field('Số thỏa thuận', dialog).fill('05/2026/hđlk');
    await poll(() => dialog.getByText('Số thỏa thuận này đã dùng cho').isVisible()).toBe(true);
    const warning = dialog.getByRole('alert').filter({ hasText: 'Số thỏa thuận này đã dùng cho' });
    expect(await readable(warning)).toContain('Hợp đồng tiêu thụ lúa gạo vụ Đông Xuân (số 05/2026/HĐLK, ký ngày 28/02/2026)');
    await snap(page, 'typing-04-agreement-number-used');
  });
});
