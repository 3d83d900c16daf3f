/**
 * The journey of supply–demand connection: a programme "Kết nối cung – cầu 2026" is created; three
 * cooperatives offer gạo (tấn), trứng gà (quả) and xoài (tấn) with harvest windows; a supermarket
 * chain asks for 50 tấn gạo with VietGAP; the suggestions put the rice cooperative holding a valid
 * VietGAP certificate first and say why; 30 tấn are connected and the connection becomes an
 * agreement; 12 tấn are delivered on it; the programme's results show 30 tấn connected and 12
 * delivered, the eggs apart in quả; and the results report opens in LibreOffice with those numbers.
 *
 * Through the screens: the programme, the three offers, the demand, the suggestions, the
 * connection, the agreement, the delivery, the results and the report. Through the API (their
 * screens have journeys of their own): the alliance, the cooperatives with their products and
 * certificates, the partners, a second rice cooperative whose VietGAP has run out, and the eggs
 * bought by a bakery.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { DemandSummary, OfferSummary, ProgrammeSummary } from '../../src/shared/contract';
import { csvRow, readWithLibreOffice, skipLibreOffice } from '../core/reportsSupport';
import { callApi, closeNotices, fieldOf, launchBrowser, pickIn, readable, screenshotDir, snap, startHost, stepsInOrder, typeDate, type RunningHost } from './support';

let host: RunningHost;
let browser: Browser;
let page: Page;
const downloads = mkdtempSync(join(tmpdir(), 'htx-e2e-supply-'));
const ids = { vinhBinh: 0, tayBinh: 0, eggs: 0, mango: 0, coopMart: 0, bakery: 0, programme: 0, demand: 0, agreement: 0 };
const programmeName = 'Kết nối cung – cầu 2026';

/** The office's calendar: the journey starts on 20/05/2026. */
const day = (iso: string) => new Date(`${iso}T03:00:00Z`);

beforeAll(async () => {
  host = await startHost();
  host.setNow(day('2026-05-20'));
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1366, height: 860 }, locale: 'vi-VN', acceptDownloads: true });
  await callApi(host, 'alliance:save', { name: 'Liên minh Hợp tác xã tỉnh An Giang', provinceCode: '91', chairName: 'Nguyễn Văn Bình' });
  const create = async (kind: 'htx' | 'tht', name: string, communeCode: string) => (await callApi<{ id: number }>(host, 'organizations:create', { kind, name, communeCode })).id;
  ids.vinhBinh = await create('htx', 'HTX Nông nghiệp Vĩnh Bình', '30604');
  ids.tayBinh = await create('htx', 'HTX Nông nghiệp Tây Bình', '31064');
  ids.eggs = await create('tht', 'THT Chăn nuôi gà Vĩnh An', '30604');
  ids.mango = await create('htx', 'HTX Xoài cát Phú Thạnh', '31064');
  const rice = await callApi<{ id: number }>(host, 'products:save', { organizationId: ids.vinhBinh, name: 'Gạo ST25', productGroup: 'Lúa gạo', unit: 'tấn' });
  await callApi(host, 'certifications:save', { organizationId: ids.vinhBinh, productId: rice.id, kindCode: 'vietgap', number: 'VietGAP-TT-05-0231', issuer: 'Trung tâm Chứng nhận', issuedOn: '2025-01-10', expiresOn: '2028-01-09' });
  const otherRice = await callApi<{ id: number }>(host, 'products:save', { organizationId: ids.tayBinh, name: 'Gạo thơm ST 25' });
  // Tây Bình's VietGAP ran out before the rice is needed.
  await callApi(host, 'certifications:save', { organizationId: ids.tayBinh, productId: otherRice.id, kindCode: 'vietgap', number: 'VietGAP-TT-05-0107', issuedOn: '2023-01-10', expiresOn: '2026-06-01' });
  await callApi(host, 'products:save', { organizationId: ids.eggs, name: 'Trứng gà', unit: 'quả' });
  ids.coopMart = (await callApi<{ id: number }>(host, 'partners:create', { kind: 'enterprise', businessLine: 'supermarket', name: 'Công ty TNHH Thương mại Sài Gòn Co.op', taxCode: '0301175691', provinceCode: '79' })).id;
  ids.bakery = (await callApi<{ id: number }>(host, 'partners:create', { kind: 'enterprise', businessLine: 'processing', name: 'Công ty Cổ phần Bánh kẹo Hà Nội', provinceCode: '01' })).id;
});
stepsInOrder(() => page, 'supply');
afterAll(async () => {
  await browser.close();
  await host.stop();
});

const field = (label: string, scope: Pick<Page, 'getByLabel'> = page) => fieldOf(page, label, scope);
const pick = (label: string, typed: string, option: string, scope: Pick<Page, 'getByLabel'> = page) => pickIn(page, label, typed, option, scope);

function poll<T>(read: () => Promise<T> | T) {
  return expect.poll(read, { timeout: 15_000 });
}

async function pageShot(name: string): Promise<void> {
  await closeNotices(page);
  await page.evaluate('window.scrollTo(0, 0)');
  await snap(page, name);
}

/** Picks in a searchable list by typing part of a name, where options read more than the name. */
async function pickStartingWith(label: string, typed: string, name: string, scope: Pick<Page, 'getByLabel'>): Promise<void> {
  const input = fieldOf(page, label, scope);
  await input.click();
  await input.fill(typed);
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  await page.getByRole('option', { name: new RegExp(`^${escaped}`) }).first().click();
}

async function addOffer(
  values: { organization: string; typed: string; product: string; quantity: string; unit: string; from: string; until: string; price: string },
  productTyped: () => Promise<void> = () => Promise.resolve(),
): Promise<void> {
  await page.getByRole('button', { name: 'Thêm nguồn cung' }).click();
  const dialog = page.getByRole('dialog', { name: 'Thêm nguồn cung' });
  await pickStartingWith('Tổ chức có hàng', values.typed, values.organization, dialog);
  const product = field('Sản phẩm', dialog);
  await product.fill(values.product);
  await product.press('Escape');
  await productTyped();
  await field('Số lượng', dialog).fill(values.quantity);
  await pick('Đơn vị tính', values.unit, values.unit, dialog);
  await typeDate(page, 'Có hàng từ ngày', values.from, dialog);
  await typeDate(page, 'Có hàng đến ngày', values.until, dialog);
  // The price is per the unit just chosen, as its label says.
  await field(`Giá từ (đồng/${values.unit})`, dialog).fill(values.price);
  await pick('Chương trình', '', programmeName, dialog);
  // The group comes from the product's words; the place, from the organization's commune.
  await poll(() => field('Nơi có hàng (xã, phường)', dialog).inputValue()).not.toBe('');
  await dialog.getByRole('button', { name: 'Lưu nguồn cung' }).click();
  await poll(() => dialog.isVisible()).toBe(false);
}

describe('supply and demand, connected and delivered', () => {
  it('creates the programme with its channels and working group', async () => {
    await page.goto(`${host.url}/#/ket-noi-cung-cau`);
    await page.getByRole('button', { name: 'Thêm chương trình' }).click();
    const dialog = page.getByRole('dialog', { name: 'Thêm chương trình kết nối' });
    await field('Tên chương trình', dialog).fill(programmeName);
    await field('Số văn bản', dialog).fill('15/CTr-LMHTX');
    await typeDate(page, 'Ngày bắt đầu', '01/01/2026', dialog);
    await typeDate(page, 'Ngày kết thúc', '31/12/2026', dialog);
    await dialog.getByRole('checkbox', { name: 'Siêu thị, doanh nghiệp phân phối' }).check();
    await dialog.getByRole('checkbox', { name: 'Sàn thương mại điện tử' }).check();
    await dialog.getByRole('button', { name: 'Thêm người' }).click();
    const member = dialog.getByRole('group', { name: 'Thành viên tổ công tác thứ 1' });
    await field('Họ tên', member).fill('Nguyễn Văn Bình');
    await field('Vai trò', member).fill('Tổ trưởng');
    await field('Chức vụ, đơn vị', member).fill('Chủ tịch Liên minh HTX tỉnh');
    await snap(page, 'supply-programme-form');
    await dialog.getByRole('button', { name: 'Lưu chương trình' }).click();
    await poll(() => dialog.isVisible()).toBe(false);
    await poll(() => page.getByRole('link', { name: programmeName }).count()).toBe(1);
    const programmes = await callApi<ProgrammeSummary[]>(host, 'programmes:list', {});
    expect(programmes.map((programme) => [programme.name, programme.decisionNo, programme.startsOn, programme.endsOn])).toEqual([[programmeName, '15/CTr-LMHTX', '2026-01-01', '2026-12-31']]);
    ids.programme = programmes[0]?.id ?? 0;
    await pageShot('supply-programmes');
  });

  it('records three offers with their harvest windows: rice and mangoes in tấn, eggs in quả', async () => {
    await page.getByRole('tab', { name: 'Nguồn cung' }).click();
    // The cooperative's products reach the window only once its product is typed, as on a busy
    // machine: the offer is linked to its own product, and so to its VietGAP, all the same.
    let productsSent: () => void = () => undefined;
    const sending = new Promise<void>((resolve) => (productsSent = resolve));
    await page.route('**/api/products:list', async (route) => {
      await sending;
      await route.continue();
    });
    await addOffer({ organization: 'HTX Nông nghiệp Vĩnh Bình', typed: 'vinh binh', product: 'Gạo ST25', quantity: '80', unit: 'tấn', from: '01/06/2026', until: '31/07/2026', price: '18.500.000' }, () => {
      productsSent();
      return Promise.resolve();
    });
    await addOffer({ organization: 'THT Chăn nuôi gà Vĩnh An', typed: 'ga vinh an', product: 'Trứng gà', quantity: '20.000', unit: 'quả', from: '25/05/2026', until: '31/08/2026', price: '3.000' });
    await addOffer({ organization: 'HTX Xoài cát Phú Thạnh', typed: 'phu thanh', product: 'Xoài cát Hòa Lộc', quantity: '15', unit: 'tấn', from: '10/06/2026', until: '15/07/2026', price: '42.000.000' });
    // A second rice cooperative, whose VietGAP has run out, offers too.
    await callApi(host, 'offers:create', {
      organizationId: ids.tayBinh,
      product: 'Gạo thơm ST 25',
      productGroupCode: 'lua_gao',
      quantity: 100,
      unitCode: 'tan',
      availableFrom: '2026-06-01',
      availableUntil: '2026-07-31',
      communeCode: '31064',
      programmeId: ids.programme,
    });
    const offers = await callApi<{ rows: OfferSummary[] }>(host, 'offers:list', { programmeId: ids.programme });
    expect(offers.rows.map((offer) => [offer.organization.name, offer.product, offer.productGroupName, offer.quantity, offer.unitName, offer.availableFrom, offer.availableUntil, offer.placeName]).sort()).toEqual([
      ['HTX Nông nghiệp Tây Bình', 'Gạo thơm ST 25', 'Lúa gạo', 100, 'tấn', '2026-06-01', '2026-07-31', 'Xã Vĩnh Bình, Tỉnh An Giang'],
      ['HTX Nông nghiệp Vĩnh Bình', 'Gạo ST25', 'Lúa gạo', 80, 'tấn', '2026-06-01', '2026-07-31', 'Xã Vĩnh An, Tỉnh An Giang'],
      ['HTX Xoài cát Phú Thạnh', 'Xoài cát Hòa Lộc', 'Trái cây', 15, 'tấn', '2026-06-10', '2026-07-15', 'Xã Vĩnh Bình, Tỉnh An Giang'],
      ['THT Chăn nuôi gà Vĩnh An', 'Trứng gà', 'Chăn nuôi và trứng', 20_000, 'quả', '2026-05-25', '2026-08-31', 'Xã Vĩnh An, Tỉnh An Giang'],
    ]);
    await page.reload();
    await poll(() => page.getByText('4 nguồn cung').count()).toBe(1);
    await pageShot('supply-offers');
  });

  it('records the supermarket chain asking for 50 tấn of rice with VietGAP', async () => {
    await page.getByRole('tab', { name: 'Nhu cầu' }).click();
    await page.getByRole('button', { name: 'Thêm nhu cầu' }).click();
    const dialog = page.getByRole('dialog', { name: 'Thêm nhu cầu' });
    await pickStartingWith('Bên có nhu cầu (đối tác hoặc thành viên)', 'sai gon', 'Công ty TNHH Thương mại Sài Gòn Co.op', dialog);
    await field('Sản phẩm', dialog).fill('Gạo thơm ST25');
    await poll(() => field('Nhóm sản phẩm', dialog).inputValue()).toBe('Lúa gạo');
    await field('Số lượng', dialog).fill('50');
    await pick('Đơn vị tính', 'tấn', 'tấn', dialog);
    await typeDate(page, 'Cần từ ngày', '15/06/2026', dialog);
    await typeDate(page, 'Cần đến ngày', '30/06/2026', dialog);
    await pick('Tỉnh, thành phố giao hàng', 'an giang', 'Tỉnh An Giang', dialog);
    await field('Nơi giao hàng', dialog).fill('Co.opmart Long Xuyên');
    await dialog.getByRole('button', { name: 'Thêm chứng nhận yêu cầu' }).click();
    await pick('Chứng nhận yêu cầu thứ 1', '', 'VietGAP', dialog);
    await pick('Chương trình', '', programmeName, dialog);
    await snap(page, 'supply-demand-form');
    await dialog.getByRole('button', { name: 'Lưu nhu cầu' }).click();
    await poll(() => dialog.isVisible()).toBe(false);
    const demands = await callApi<{ rows: DemandSummary[] }>(host, 'demands:list', {});
    expect(demands.rows.map((demand) => [demand.buyer.name, demand.product, demand.quantity, demand.unitName, demand.status])).toEqual([
      ['Công ty TNHH Thương mại Sài Gòn Co.op', 'Gạo thơm ST25', 50, 'tấn', 'open'],
    ]);
    ids.demand = demands.rows[0]?.id ?? 0;
    // What the suggestions rank by: the period and the certificate asked for, as typed and picked.
    expect(await callApi<DemandSummary & { requirements: unknown[] }>(host, 'demands:get', { id: ids.demand })).toMatchObject({
      neededFrom: '2026-06-15',
      neededUntil: '2026-06-30',
      requirements: [{ kindCode: 'vietgap', minStars: null }],
    });
  });

  it('suggests the rice cooperative with a valid VietGAP first, and says why', async () => {
    await page.getByRole('link', { name: 'Gạo thơm ST25' }).click();
    await poll(() => page.getByRole('heading', { name: 'Gạo thơm ST25', level: 2 }).isVisible()).toBe(true);
    const suggestions = page.getByRole('region', { name: 'Gợi ý nguồn cung' });
    const cards = suggestions.getByRole('article');
    await poll(() => cards.count()).toBe(2);
    const first = cards.nth(0);
    expect(await first.getAttribute('aria-label')).toBe('Gạo ST25 — HTX Nông nghiệp Vĩnh Bình');
    const firstText = await readable(first);
    expect(firstText).toContain('Cùng nhóm Lúa gạo, tên gần giống: «Gạo ST25»');
    expect(firstText).toContain('Có hàng suốt thời gian cần: 15/06/2026 – 30/06/2026');
    expect(firstText).toContain('Có VietGAP còn hiệu lực đến 09/01/2028');
    expect(firstText).toContain('Đủ số lượng: còn 80 tấn, cần 50 tấn');
    expect(firstText).toContain('Cùng tỉnh: Tỉnh An Giang');
    const second = await readable(cards.nth(1));
    expect(second).toContain('Gạo thơm ST 25 — HTX Nông nghiệp Tây Bình');
    expect(second).toContain('Thiếu VietGAP còn hiệu lực');
    // Eggs and mangoes are other groups: not suggested.
    expect(await readable(suggestions)).not.toContain('Trứng gà');
    await suggestions.scrollIntoViewIfNeeded();
    await snap(page, 'supply-suggestions');
  });

  it('confirms a connection of 30 tấn through the supermarket channel', async () => {
    await page.getByRole('button', { name: 'Kết nối: Gạo ST25 — HTX Nông nghiệp Vĩnh Bình' }).click();
    const dialog = page.getByRole('dialog', { name: 'Xác nhận kết nối' });
    await poll(() => field('Số lượng kết nối', dialog).inputValue()).toBe('50');
    await field('Số lượng kết nối', dialog).fill('30');
    await field('Giá (đồng/tấn)', dialog).fill('18.500.000');
    await pick('Kênh tiêu thụ', '', 'Siêu thị, doanh nghiệp phân phối', dialog);
    // The browser's calendar is not the office's in this journey (the host's clock is set): typed.
    await typeDate(page, 'Ngày kết nối', '20/05/2026', dialog);
    await poll(() => dialog.getByText('Giá trị: 555.000.000 ₫').count()).toBe(1);
    await snap(page, 'supply-connect');
    await dialog.getByRole('button', { name: 'Xác nhận kết nối' }).click();
    await poll(() => dialog.isVisible()).toBe(false);
    const connections = page.getByRole('table', { name: 'Kết nối' });
    await poll(() => readable(connections)).toContain('30 tấn');
    expect(await readable(page.locator('main'))).toContain('cần 50 tấn, còn thiếu 20 tấn');
    await pageShot('supply-demand-connected');
  });

  it('turns the connection into an agreement with the parties and the commitment filled in', async () => {
    await page.getByRole('button', { name: 'Lập thỏa thuận' }).click();
    const dialog = page.getByRole('dialog', { name: 'Lập thỏa thuận từ kết nối' });
    await poll(() => field('Tên thỏa thuận', dialog).inputValue()).toBe('Hợp đồng tiêu thụ Gạo ST25: HTX Nông nghiệp Vĩnh Bình – Công ty TNHH Thương mại Sài Gòn Co.op');
    const commitment = dialog.getByRole('group', { name: 'Cam kết thứ 1' });
    expect(await field('Sản phẩm', commitment).inputValue()).toBe('Gạo ST25');
    expect(await field('Số lượng', commitment).inputValue()).toBe('30');
    expect(await field('Đơn vị tính', commitment).inputValue()).toBe('tấn');
    expect(await field('Bên thứ 1', dialog).inputValue()).toBe('HTX Nông nghiệp Vĩnh Bình');
    expect(await field('Bên thứ 2', dialog).inputValue()).toBe('Công ty TNHH Thương mại Sài Gòn Co.op');
    await field('Số thỏa thuận', dialog).fill('12/2026/HĐ-LK');
    await snap(page, 'supply-agreement-form');
    await dialog.getByRole('button', { name: 'Lưu thỏa thuận' }).click();
    await poll(() => dialog.isVisible()).toBe(false);
    const agreementLink = page.getByRole('table', { name: 'Kết nối' }).getByRole('link', { name: /^Hợp đồng tiêu thụ Gạo ST25/ });
    await poll(() => agreementLink.count()).toBe(1);
    ids.agreement = Number((await agreementLink.getAttribute('href'))?.split('/').pop());
    expect(ids.agreement).toBeGreaterThan(0);
  });

  it('records a delivery of 12 tấn on the agreement', async () => {
    host.setNow(day('2026-06-20'));
    await page.goto(`${host.url}/#/thoa-thuan/${ids.agreement}`);
    await poll(() => page.getByRole('heading', { name: /^Hợp đồng tiêu thụ Gạo ST25/, level: 2 }).isVisible()).toBe(true);
    // The connections it came from load in a query of their own.
    await poll(() => readable(page.locator('main'))).toContain('Từ kết nối cung – cầu');
    await page.getByRole('button', { name: 'Ghi nhận giao hàng' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Ghi nhận giao hàng' });
    await typeDate(page, 'Ngày giao', '18/06/2026', dialog);
    await field('Số lượng giao', dialog).fill('12');
    await field('Giá trị (đồng)', dialog).fill('222.000.000');
    await dialog.getByRole('button', { name: /^Lưu/ }).click();
    await poll(() => dialog.isVisible()).toBe(false);
    await poll(() => readable(page.getByRole('table', { name: 'Cam kết' }))).toContain('12 / 30 tấn');
    await pageShot('supply-agreement-delivered');
    // The eggs go to a bakery through the online channel, entered as the office would by API here.
    const eggs = (await callApi<{ rows: OfferSummary[] }>(host, 'offers:list', { search: 'trung ga' })).rows[0];
    const eggDemand = await callApi<DemandSummary>(host, 'demands:create', {
      buyer: { kind: 'partner', id: ids.bakery },
      product: 'Trứng gà',
      productGroupCode: 'chan_nuoi_trung',
      quantity: 8_000,
      unitCode: 'qua',
      neededFrom: '2026-06-01',
      deliveryProvinceCode: '01',
      programmeId: ids.programme,
    });
    await callApi(host, 'connections:create', { offerId: eggs?.id, demandId: eggDemand.id, quantity: 8_000, unitCode: 'qua', price: 3_000, channelCode: 'tmdt', connectedOn: '2026-06-05', programmeId: ids.programme });
  });

  it("shows the programme's results: 30 tấn connected, 12 delivered, the eggs apart in quả", async () => {
    await page.goto(`${host.url}/#/ket-noi-cung-cau/chuong-trinh/${ids.programme}`);
    await poll(() => page.getByRole('heading', { name: programmeName, level: 2 }).isVisible()).toBe(true);
    const results = page.getByRole('region', { name: 'Kết quả' });
    const totals = results.getByRole('table', { name: 'Khối lượng theo đơn vị tính' });
    await poll(() => readable(totals)).toContain('tấn 30 tấn 12 tấn 40%');
    expect(await readable(totals)).toContain('quả 8.000 quả 0 quả 0%');
    const byGroup = await readable(results.getByRole('table', { name: 'Theo nhóm sản phẩm' }));
    expect(byGroup).toContain('Lúa gạo 1 30 tấn 12 tấn 555.000.000 ₫ 222.000.000 ₫');
    expect(byGroup).toContain('Chăn nuôi và trứng 1 8.000 quả 0 quả 24.000.000 ₫ 0 ₫');
    expect(await readable(results)).toContain('1 HTX · 1 THT · 0 khác');
    await pageShot('supply-programme-results');
  });

  it('makes the results report, which LibreOffice opens with those numbers', async () => {
    const results = page.getByRole('region', { name: 'Kết quả' });
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), results.getByRole('button', { name: 'Báo cáo kết quả (Excel)' }).click()]);
    expect(download.suggestedFilename()).toBe('Bao-cao-ket-noi-cung-cau-2026-01-01-den-2026-12-31.xlsx');
    const path = join(downloads, download.suggestedFilename());
    await download.saveAs(path);
    if (skipLibreOffice) return;
    const office = await readWithLibreOffice(path);
    const summary = office.sheets.get('Tổng hợp');
    expect(csvRow(summary, 'LIÊN MINH HỢP TÁC XÃ TỈNH AN GIANG')).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(csvRow(summary, '10').slice(1, 4)).toEqual(['Khối lượng đã kết nối', 'tấn', '30']);
    expect(csvRow(summary, '11').slice(1, 4)).toEqual(['Khối lượng đã giao', 'tấn', '12']);
    expect(csvRow(summary, '12').slice(1, 4)).toEqual(['Khối lượng đã kết nối', 'quả', '8000']);
    expect(csvRow(summary, '13').slice(1, 4)).toEqual(['Khối lượng đã giao', 'quả', '0']);
    expect(csvRow(office.sheets.get('Theo nhóm sản phẩm'), '1').slice(1, 6)).toEqual(['Lúa gạo', 'tấn', '1', '30', '12']);
    expect(office.pages.length).toBeGreaterThan(0);
  });

  it('shows this year on Tổng quan and what is left to do in Cần chú ý', async () => {
    await page.goto(`${host.url}/#/tong-quan`);
    // Tổng quan opens on the year of the newest figures; the connections are this year's.
    await pick('Năm thống kê', '', '2026');
    const panel = page.getByRole('region', { name: 'Kết nối cung – cầu trong năm 2026 (mọi chương trình)' });
    await poll(() => readable(panel)).toContain('Đã kết nối 30 tấn · đã giao 12 tấn');
    expect(await readable(panel)).toContain('Đã kết nối 8.000 quả · đã giao 0 quả');
    await pageShot('supply-overview');
    await page.goto(`${host.url}/#/can-chu-y`);
    const demands = page.getByRole('region', { name: 'Nhu cầu sắp đến ngày chưa được đáp ứng (14 ngày tới)' });
    await poll(() => readable(demands)).toContain('Gạo thơm ST25');
    expect(await readable(demands)).toContain('20 / 50 tấn');
    await demands.scrollIntoViewIfNeeded();
    await snap(page, 'supply-attention');
  });

  it("lists it all where it belongs: the organization's page, the lookups, the connections", async () => {
    await page.goto(`${host.url}/#/thanh-vien/${ids.vinhBinh}/xuc-tien`);
    const offers = page.getByRole('region', { name: 'Nguồn cung' });
    await poll(() => readable(offers)).toContain('Gạo ST25 80 tấn 01/06/2026 – 31/07/2026 Đã kết nối một phần');
    const connections = page.getByRole('region', { name: 'Kết nối cung – cầu' });
    await poll(() => readable(connections)).toContain('Công ty TNHH Thương mại Sài Gòn Co.op 30 tấn 12 tấn');
    await connections.scrollIntoViewIfNeeded();
    await snap(page, 'supply-organization');
    await page.goto(`${host.url}/#/ket-noi-cung-cau/danh-muc`);
    const units = page.getByRole('table', { name: 'Đơn vị tính' });
    await poll(() => readable(units)).toContain('kg ki-lô-gam, kilôgam, kilogam, ký, kí, kilogram 1 tấn = 1.000 kg 0');
    await pageShot('supply-lookups');
    await page.getByRole('tab', { name: 'Kết nối' }).click();
    await poll(() => page.getByText('2 kết nối').count()).toBe(1);
    await pageShot('supply-connections');
  });

  it("keeps the offer's history: what it was when recorded, and each change since", async () => {
    const { rows } = await callApi<{ rows: OfferSummary[] }>(host, 'offers:list', { organizationId: ids.vinhBinh });
    await page.goto(`${host.url}/#/ket-noi-cung-cau/nguon-cung/${rows[0]?.id ?? 0}`);
    await page.getByRole('button', { name: 'Sửa', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Sửa nguồn cung' });
    await field('Số lượng', dialog).fill('90');
    await field('Quy cách đóng gói', dialog).fill('Bao 25 kg');
    await dialog.getByRole('button', { name: /^Lưu/ }).click();
    await poll(() => dialog.isVisible()).toBe(false);
    await page.getByRole('button', { name: 'Lịch sử thay đổi' }).click();
    const history = page.locator('.mantine-Timeline-root');
    await poll(() => readable(history)).toContain('Sửa thông tin');
    const text = await readable(history);
    expect(text).toContain('Số lượng: 80 tấn → 90 tấn');
    expect(text).toContain('Quy cách đóng gói: (trống) → Bao 25 kg');
    expect(text).toContain('Thêm nguồn cung');
    expect(text).toContain('Tổ chức có hàng: (trống) → HTX Nông nghiệp Vĩnh Bình');
    expect(text).toContain('Chương trình: (trống) → Kết nối cung – cầu 2026');
    expect(text).toContain('Nhóm sản phẩm: (trống) → Lúa gạo');
    expect(text).toContain('Giá từ (đồng/đơn vị): (trống) → 18.500.000 ₫');
    expect(text).toContain('Có hàng từ ngày: (trống) → 01/06/2026');
    expect(text).toContain('Nơi có hàng: (trống) → Xã Vĩnh An, Tỉnh An Giang');
    // The page scrolls inside the shell, so the history is shot on its own.
    await closeNotices(page);
    await history.screenshot({ path: join(screenshotDir, 'supply-offer-history.png') });
  });

  it("opens an offer from the cooperative's page with its commune filled in, and closes it untouched without a question", async () => {
    await page.goto(`${host.url}/#/thanh-vien/${String(ids.vinhBinh)}/xuc-tien`);
    await page.getByRole('button', { name: 'Thêm nguồn cung' }).click();
    const dialog = page.getByRole('dialog', { name: 'Thêm nguồn cung' });
    await poll(() => field('Nơi có hàng (xã, phường)', dialog).inputValue()).toBe('Xã Vĩnh An');
    await page.keyboard.press('Escape');
    await poll(() => dialog.count()).toBe(0);
    expect(await page.getByRole('dialog', { name: 'Bỏ các thay đổi chưa lưu?' }).count()).toBe(0);
  });
});
