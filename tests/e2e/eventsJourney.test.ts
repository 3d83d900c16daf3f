/**
 * The journey of a conference organizer: a supply–demand conference held in Hà Nội with five
 * cooperatives and three enterprises; attendance ticked afterwards from a pasted sign-in sheet;
 * two memoranda signed there, with commitments in tonnes and one delivery; and, as the office's
 * calendar moves on (the web host reads "now" from a file the test writes), fulfilment and the
 * needs-attention list change.
 *
 * Through the screens: the conference, its participants, the attendance, both memoranda, the
 * delivery, the event's agreements, Cần chú ý. Through the API (their screens have journeys and
 * tests of their own): the alliance, the five cooperatives and the three enterprises.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { EventDetail, PartnerSummary } from '../../src/shared/contract';
import type { Organization } from '../../src/shared/domain';
import { callApi, closeNotices, fieldOf, launchBrowser, pickIn, readable, snap, startHost, typeDate, stepsInOrder, type RunningHost } from './support';

let host: RunningHost;
let browser: Browser;
let page: Page;

/** Each with what an organizer would type to find it. */
const cooperatives = [
  { name: 'Hợp tác xã Nông nghiệp Vĩnh Bình', commune: '31064', typed: 'vinh binh' },
  { name: 'Hợp tác xã Thủy sản Đồng Tâm', commune: '30604', typed: 'dong tam' },
  { name: 'HTX Rau an toàn Vĩnh An', commune: '30604', typed: 'rau an toan' },
  { name: 'HTX Dịch vụ Nông nghiệp Mỹ Hòa Hưng', commune: '30604', typed: 'my hoa hung' },
  { name: 'HTX Xoài cát Vĩnh Thạnh', commune: '31064', typed: 'xoai cat' },
];
const enterprises = [
  { name: 'Công ty Cổ phần Thực phẩm Hà Nội', taxCode: '0101234567', typed: 'thuc pham ha noi' },
  { name: 'Công ty TNHH Thương mại Sài Gòn Co.op', taxCode: '0301175691', typed: 'sai gon' },
  { name: 'Công ty TNHH Xuất nhập khẩu Nông sản Việt', taxCode: '0109876543', typed: 'nong san viet' },
];
/** A member not invited, whose director came and signed the sheet all the same. */
const walkIn = { name: 'HTX Nấm rơm Phú Tân', commune: '30604' };
const conference = 'Hội nghị kết nối cung – cầu nông sản An Giang tại Hà Nội';
let eventId = 0;

/** The office's calendar during the journey: the conference is on 23/11/2026. */
const day = (iso: string) => new Date(`${iso}T03:00:00Z`);

beforeAll(async () => {
  host = await startHost();
  host.setNow(day('2026-11-23'));
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1366, height: 800 }, locale: 'vi-VN' });
});
stepsInOrder(() => page, 'events');
afterAll(async () => {
  await browser.close();
  await host.stop();
});

const field = (label: string, scope: Pick<Page, 'getByLabel'> = page) => fieldOf(page, label, scope);
const pick = (label: string, typed: string, option: string, scope: Pick<Page, 'getByLabel'> = page) => pickIn(page, label, typed, option, scope);

function poll<T>(read: () => Promise<T> | T) {
  return expect.poll(read, { timeout: 10_000 });
}

async function heading(name: string): Promise<void> {
  await poll(() => page.getByRole('heading', { name, level: 2 }).isVisible()).toBe(true);
}

async function pageShot(name: string): Promise<void> {
  await closeNotices(page);
  await page.evaluate('window.scrollTo(0, 0)');
  await snap(page, name);
}

/**
 * Picks in a searchable list by typing part of a name, where options read more than the name (a
 * member's kind and commune, an event's date).
 */
async function pickStartingWith(label: string, typed: string, name: string, scope: Pick<Page, 'getByLabel'>): Promise<void> {
  const input = fieldOf(page, label, scope);
  await input.click();
  await input.fill(typed);
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  await page.getByRole('option', { name: new RegExp(`^${escaped}`) }).click();
}

/** Fills the agreement form for a memorandum signed at the conference, and saves it. */
async function addMemorandum(values: {
  number: string;
  title: string;
  seller: { typed: string; name: string };
  buyer: { typed: string; name: string };
  product: string;
  quantity: string;
  value: string;
  dueOn: string;
}): Promise<void> {
  await page.getByRole('button', { name: 'Thêm thỏa thuận' }).click();
  const dialog = page.getByRole('dialog', { name: 'Thêm thỏa thuận' });
  await pick('Loại thỏa thuận', '', 'Biên bản ghi nhớ', dialog);
  await field('Số thỏa thuận', dialog).fill(values.number);
  await field('Tên thỏa thuận', dialog).fill(values.title);
  await typeDate(page, 'Ngày ký', '23/11/2026', dialog);
  await pickStartingWith('Ký tại sự kiện', 'ket noi', conference, dialog);
  await typeDate(page, 'Hiệu lực đến ngày', '20/12/2026', dialog);
  await pickStartingWith('Bên thứ 1', values.seller.typed, values.seller.name, dialog);
  await pickStartingWith('Bên thứ 2', values.buyer.typed, values.buyer.name, dialog);
  const roles = dialog.getByLabel(/^Vai trò/);
  for (const [index, role] of ['Bên bán', 'Bên mua'].entries()) {
    await roles.nth(index).click();
    await page.getByRole('option', { name: role, exact: true }).click();
  }
  // The form opens with one commitment to fill.
  const commitment = dialog.getByRole('group', { name: 'Cam kết thứ 1' });
  await field('Sản phẩm', commitment).fill(values.product);
  await field('Số lượng', commitment).fill(values.quantity);
  await field('Đơn vị tính', commitment).fill('tấn');
  await field('Giá trị (đồng)', commitment).fill(values.value);
  await typeDate(page, 'Hạn hoàn thành', values.dueOn, commitment);
  await dialog.getByRole('button', { name: 'Lưu thỏa thuận' }).click();
  await poll(() => dialog.isVisible()).toBe(false);
}

describe('a conference, its attendance and the memoranda signed there', () => {
  it('has the cooperatives and enterprises invited already on record', async () => {
    await callApi(host, 'alliance:save', { name: 'Liên minh Hợp tác xã tỉnh An Giang', provinceCode: '91', chairName: 'Nguyễn Văn Bình' });
    for (const cooperative of [...cooperatives, walkIn]) {
      await callApi<Organization>(host, 'organizations:create', { kind: 'htx', name: cooperative.name, communeCode: cooperative.commune });
    }
    for (const enterprise of enterprises) {
      await callApi<PartnerSummary>(host, 'partners:create', {
        kind: 'enterprise',
        businessLine: 'distribution',
        name: enterprise.name,
        taxCode: enterprise.taxCode,
        provinceCode: enterprise.name.includes('Sài Gòn') ? '79' : '01',
      });
    }
    await page.goto(`${host.url}#/su-kien`);
    await heading('Sự kiện xúc tiến thương mại');
  });

  it('records the conference held in Hà Nội and opens its page', async () => {
    await page.getByRole('button', { name: 'Thêm sự kiện' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Thêm sự kiện' });
    await pick('Loại sự kiện', '', 'Hội nghị kết nối cung – cầu', dialog);
    await field('Tên sự kiện', dialog).fill(conference);
    await typeDate(page, 'Ngày bắt đầu', '23/11/2026', dialog);
    await field('Địa điểm', dialog).fill('Trung tâm Hội nghị Quốc gia, Mễ Trì');
    await pick('Tỉnh, thành phố nơi tổ chức', 'ha noi', 'Thành phố Hà Nội', dialog);
    await field('Kinh phí (đồng)', dialog).fill('250000000');
    await dialog.getByRole('button', { name: 'Thêm sự kiện' }).click();

    await heading(conference);
    const match = /#\/su-kien\/(\d+)/.exec(page.url());
    eventId = Number(match?.[1]);
    expect(eventId).toBeGreaterThan(0);
    expect(await readable(page.getByRole('main').getByText('23/11/2026 · Trung tâm Hội nghị Quốc gia, Mễ Trì', { exact: false }).first())).toContain(
      'Thành phố Hà Nội',
    );
  });

  it('invites the five cooperatives and three enterprises', async () => {
    await page.getByRole('button', { name: 'Thêm thành phần' }).click();
    const dialog = page.getByRole('dialog', { name: 'Thêm thành phần tham dự' });
    for (const invited of [...cooperatives, ...enterprises]) await pickStartingWith('Thành viên, đối tác', invited.typed, invited.name, dialog);
    await dialog.getByRole('button', { name: 'Thêm vào danh sách' }).click();
    await poll(() => page.getByText('5 thành viên, 3 đối tác; 0 có mặt').isVisible()).toBe(true);
    await pageShot('events-01-participants');
  });

  it('ticks attendance from a pasted sign-in sheet, written as people write, adds a member who came uninvited, and shows what did not match', async () => {
    await page.getByRole('button', { name: 'Dán danh sách ký tên' }).click();
    const dialog = page.getByRole('dialog', { name: 'Dán danh sách ký tên' });
    await field('Tên đơn vị, mỗi dòng một đơn vị', dialog).fill(
      [
        '1. htx nn vinh binh - Nguyễn Văn An',
        '2. Hop tac xa Thuy san Dong Tam (bà Trần Thị Bé)',
        '3. HTX Rau an toàn Vĩnh An',
        '4. HTX XOAI CAT VINH THANH - Lê Văn Tám',
        '5. CTCP Thực phẩm Hà Nội - Lê Văn Cường',
        '6. Cty TNHH Thương mại Sài Gòn Co.op',
        '7. Hợp tác xã Bình Minh - Phạm Văn Đông',
        '8. HTX Nam rom Phu Tan - Trần Văn Chín',
      ].join('\n'),
    );
    await dialog.getByRole('button', { name: 'Đối chiếu' }).click();
    await poll(() => dialog.getByText('Khớp 6 dòng').isVisible()).toBe(true);
    expect(await dialog.getByText('1 dòng không khớp').isVisible()).toBe(true);
    expect(await dialog.getByText('7. Hợp tác xã Bình Minh - Phạm Văn Đông').isVisible()).toBe(true);
    // The member who was not invited is offered, ticked, to be added present.
    expect(await dialog.getByText('1 dòng là đơn vị chưa mời').isVisible()).toBe(true);
    expect(await dialog.getByRole('checkbox', { name: `Thêm ${walkIn.name} (Xã Vĩnh An)` }).isChecked()).toBe(true);
    await dialog.getByLabel('Đánh «Vắng» cho các đơn vị còn lại không có tên trong danh sách').check();
    await snap(page, 'events-02-sign-in-sheet');
    await dialog.getByRole('button', { name: 'Ghi có mặt (7)' }).click();

    await poll(() => page.getByText('6 thành viên, 3 đối tác; 7 có mặt').isVisible()).toBe(true);
    const detail = await callApi<EventDetail>(host, 'events:get', { id: eventId });
    const byName = Object.fromEntries(detail.participants.map((participant) => [participant.name, [participant.status, participant.representative]]));
    expect(byName).toEqual({
      'Hợp tác xã Nông nghiệp Vĩnh Bình': ['attended', 'Nguyễn Văn An'],
      'Hợp tác xã Thủy sản Đồng Tâm': ['attended', 'bà Trần Thị Bé'],
      'HTX Rau an toàn Vĩnh An': ['attended', ''],
      'HTX Dịch vụ Nông nghiệp Mỹ Hòa Hưng': ['absent', ''],
      'HTX Xoài cát Vĩnh Thạnh': ['attended', 'Lê Văn Tám'],
      'Công ty Cổ phần Thực phẩm Hà Nội': ['attended', 'Lê Văn Cường'],
      'Công ty TNHH Thương mại Sài Gòn Co.op': ['attended', ''],
      'Công ty TNHH Xuất nhập khẩu Nông sản Việt': ['absent', ''],
      [walkIn.name]: ['attended', 'Trần Văn Chín'],
    });
    await pageShot('events-03-attendance');
  });

  it('records two memoranda signed at the conference, with commitments in tonnes', async () => {
    await page.goto(`${host.url}#/thoa-thuan`);
    await heading('Thỏa thuận ký kết');
    await addMemorandum({
      number: '01/2026/BBGN',
      title: 'Biên bản ghi nhớ tiêu thụ gạo thơm',
      seller: { typed: 'vinh binh', name: 'Hợp tác xã Nông nghiệp Vĩnh Bình' },
      buyer: { typed: 'thuc pham', name: 'Công ty Cổ phần Thực phẩm Hà Nội' },
      product: 'Gạo thơm ST25',
      quantity: '50',
      value: '1500000000',
      dueOn: '10/12/2026',
    });
    await addMemorandum({
      number: '02/2026/BBGN',
      title: 'Biên bản ghi nhớ tiêu thụ xoài cát',
      seller: { typed: 'xoai', name: 'HTX Xoài cát Vĩnh Thạnh' },
      buyer: { typed: 'co.op', name: 'Công ty TNHH Thương mại Sài Gòn Co.op' },
      product: 'Xoài cát Hòa Lộc',
      quantity: '20',
      value: '800000000',
      dueOn: '31/12/2026',
    });
    await poll(() => page.getByRole('row').filter({ hasText: '02/2026/BBGN' }).isVisible()).toBe(true);
    await pageShot('events-04-agreements');
  });

  it('logs a delivery and sees the fulfilment', async () => {
    await page.getByRole('link', { name: 'Biên bản ghi nhớ tiêu thụ gạo thơm' }).first().click();
    await heading('Biên bản ghi nhớ tiêu thụ gạo thơm');
    await page.getByRole('button', { name: 'Ghi nhận giao hàng' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Ghi nhận giao hàng' });
    await typeDate(page, 'Ngày giao', '23/11/2026', dialog);
    await field('Số lượng giao', dialog).fill('20');
    await dialog.getByRole('button', { name: 'Lưu lần giao hàng' }).click();
    await poll(() => dialog.isVisible()).toBe(false);
    await poll(() => page.getByText('20 / 50 tấn — 40%').isVisible()).toBe(true);
    await poll(() => page.getByText('Đang thực hiện').first().isVisible()).toBe(true);
    await pageShot('events-05-delivery');
  });

  it("shows on the conference's page the agreements signed there, their value and fulfilment", async () => {
    await page.goto(`${host.url}#/su-kien/${eventId}`);
    await heading(conference);
    const memoranda = page.getByRole('row').filter({ hasText: /BBGN/ });
    await poll(() => memoranda.count()).toBe(2);
    const section = page.getByRole('main').locator('section, div').filter({ has: page.getByRole('heading', { name: 'Thỏa thuận ký tại sự kiện' }) }).last();
    const shown = await readable(section);
    expect(shown).toContain('Biên bản ghi nhớ tiêu thụ xoài cát 02/2026/BBGN · Biên bản ghi nhớ 23/11/2026 800.000.000 ₫ 0% theo giá trị cam kết Đã ký');
    expect(shown).toContain('Biên bản ghi nhớ tiêu thụ gạo thơm 01/2026/BBGN · Biên bản ghi nhớ 23/11/2026 1.500.000.000 ₫ 40% theo giá trị cam kết Đang thực hiện');
    expect(shown).toContain('Tổng giá trị: 2.300.000.000 ₫');
    await page.getByRole('heading', { name: 'Thỏa thuận ký tại sự kiện' }).scrollIntoViewIfNeeded();
    await snap(page, 'events-06-event-agreements');
  });

  it('lists what needs attention, and changes it as the days pass', async () => {
    await page.goto(`${host.url}#/can-chu-y`);
    await heading('Cần chú ý');
    const expiring = page.getByRole('table', { name: 'Thỏa thuận sắp hết hạn (30 ngày tới)' });
    await poll(() => expiring.getByRole('row').count()).toBe(3);
    expect(await readable(expiring)).toContain('Còn 27 ngày');
    expect(await page.getByText('Không có cam kết nào quá hạn.').isVisible()).toBe(true);

    // Three weeks later: the rice is overdue, both memoranda run out within the week.
    host.setNow(day('2026-12-15'));
    await page.reload();
    await heading('Cần chú ý');
    await poll(() => page.getByText('Tính đến hôm nay, 15/12/2026').isVisible()).toBe(true);
    const overdue = page.getByRole('table', { name: 'Cam kết quá hạn' });
    await poll(() => readable(overdue)).toContain('Gạo thơm ST25');
    expect(await readable(overdue)).toContain('20 / 50 tấn — 40%');
    expect(await readable(overdue)).toContain('5 ngày');
    expect(await readable(expiring)).toContain('Còn 5 ngày');
    await pageShot('events-07-attention-15-12');

    // On 20/12 both end today; the next day they have expired and are no longer "running out".
    host.setNow(day('2026-12-20'));
    await page.reload();
    await poll(() => readable(page.getByRole('table', { name: 'Thỏa thuận sắp hết hạn (30 ngày tới)' }))).toContain('Hết hạn hôm nay');
    host.setNow(day('2026-12-21'));
    await page.reload();
    await poll(() => page.getByText('Không có thỏa thuận nào hết hạn trong 30 ngày tới.').isVisible()).toBe(true);
    await page.goto(`${host.url}#/thoa-thuan`);
    await poll(() => page.getByRole('row').filter({ hasText: '01/2026/BBGN' }).getByText('Hết hiệu lực').isVisible()).toBe(true);
    await pageShot('events-08-expired');
  });
});
