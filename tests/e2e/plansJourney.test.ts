/**
 * The plans journey, on the province's demo data as of 15 January 2025: the Tân Châu 2024 plan (the
 * seed article) is entered with its eight targets; its page shows every target's actual as the app
 * computes it; the drill-down of "thành lập mới ít nhất 03 HTX NN" lists the two founded in 2024;
 * one more founded in 2024 moves that target to 3 and to met; the year-end report is downloaded and
 * read back with LibreOffice, its pages kept as pictures to look at.
 */
import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { csvRow, readWithLibreOffice } from '../core/reportsSupport';
import { closeNotices, fieldOf, launchBrowser, pickIn, readable, screenshotDir, snap, startHost, stepsInOrder, typeDate, type RunningHost } from './support';

let host: RunningHost;
let browser: Browser;
let page: Page;
const downloads = mkdtempSync(join(tmpdir(), 'htx-e2e-plans-'));

beforeAll(async () => {
  host = await startHost({ demo: true, demoToday: '2025-01-15' });
  host.setNow(new Date('2025-01-15T03:00:00Z'));
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN', acceptDownloads: true });
}, 180_000);
afterAll(async () => {
  await browser.close();
  await host.stop();
});
stepsInOrder(() => page, 'plans');

interface TargetEntry {
  title: string;
  value: string;
  unit?: 'Tỷ lệ (%)';
  unitLabel?: string;
  metric?: string;
  flags?: string[];
  ocop?: string;
  denominator?: { metric?: string; flags?: string[] };
}

/** The targets of the Tân Châu 2024 plan, as the article words them. */
const targets: TargetEntry[] = [
  { title: 'Duy trì, nâng chất 17 HTX NN hiện có', value: '17', unitLabel: 'HTX' },
  { title: 'Thành lập mới ít nhất 03 HTX NN', value: '3', unitLabel: 'HTX', metric: 'Số tổ chức thành lập mới trong kỳ (không kể hình thành do tổ chức lại)' },
  { title: 'Có 70% HTX NN hoạt động hiệu quả', value: '70', unit: 'Tỷ lệ (%)', flags: ['Hoạt động hiệu quả'], denominator: {} },
  {
    title: 'Trong đó xếp loại tốt, khá từ 50% trở lên',
    value: '50',
    unit: 'Tỷ lệ (%)',
    flags: ['Xếp loại Tốt, Khá'],
    denominator: { flags: ['Hoạt động hiệu quả'] },
  },
  {
    title: 'Có ít nhất 50% số HTX tham gia liên kết tiêu thụ nông sản với doanh nghiệp',
    value: '50',
    unit: 'Tỷ lệ (%)',
    flags: ['Liên kết với doanh nghiệp'],
    denominator: {},
  },
  { title: 'Có tối thiểu 01 HTX tổ chức sản xuất theo chuỗi giá trị', value: '1', unitLabel: 'HTX', flags: ['Sản xuất theo chuỗi giá trị'] },
  {
    title: 'Bộ máy quản lý điều hành của HTX đạt ít nhất 25% có trình độ từ cao đẳng trở lên',
    value: '25',
    unit: 'Tỷ lệ (%)',
    metric: 'Số cán bộ quản lý có trình độ cao đẳng trở lên',
    denominator: { metric: 'Số cán bộ quản lý' },
  },
  {
    title: 'Có ít nhất 01 HTX ứng dụng công nghệ cao, có sản phẩm OCOP từ 3 sao',
    value: '1',
    unitLabel: 'HTX',
    flags: ['Ứng dụng công nghệ cao'],
    ocop: 'Từ 3 sao',
  },
];

async function fillMeasure(scope: Locator, measure: { metric?: string; flags?: string[] }, ocop?: string): Promise<void> {
  if (measure.metric) await pickIn(page, 'Tính theo', '', measure.metric, scope);
  for (const flag of measure.flags ?? []) await scope.getByLabel(flag, { exact: true }).check();
  if (ocop) await pickIn(page, 'Có sản phẩm OCOP', '', ocop, scope);
}

async function enterTarget(dialog: Locator, number: number, target: TargetEntry): Promise<void> {
  await dialog.getByRole('button', { name: 'Thêm chỉ tiêu' }).click();
  const group = dialog.getByRole('group', { name: `Chỉ tiêu ${number}`, exact: true });
  await fieldOf(page, 'Nội dung chỉ tiêu', group).fill(target.title);
  await fieldOf(page, 'Giá trị', group).fill(target.value);
  if (target.unit) await pickIn(page, 'Đơn vị', '', target.unit, group);
  if (target.unitLabel) await fieldOf(page, 'Đơn vị tính', group).fill(target.unitLabel);
  await fillMeasure(group.getByRole('group', { name: 'Cách tính thực hiện', exact: true }), target, target.ocop);
  if (target.denominator) await fillMeasure(group.getByRole('group', { name: 'Mẫu số (tỷ lệ trên tổng số nào)', exact: true }), target.denominator);
}

function row(title: string): Locator {
  return page.locator(`tr[data-target="${title}"]`);
}

/** A target's row as read: its actual, % of the plan, last year and assessment. */
async function rowText(title: string): Promise<string> {
  return readable(row(title));
}

it('enters the Tân Châu 2024 plan with its targets', async () => {
  await page.goto(`${host.url}/#/ke-hoach`);
  await page.getByRole('button', { name: 'Thêm kế hoạch' }).click();
  const dialog = page.getByRole('dialog', { name: 'Thêm kế hoạch' });
  await fieldOf(page, 'Số văn bản', dialog).fill('125/KH-UBND');
  await pickIn(page, 'Tình trạng', '', 'Đã ban hành', dialog);
  await fieldOf(page, 'Tên kế hoạch', dialog).fill(
    'Kế hoạch thực hiện Chương trình hành động số 06-CTr/TU về phát triển hợp tác xã, tổ hợp tác gắn với chuỗi giá trị ngành hàng chủ lực trên địa bàn thị xã Tân Châu năm 2024',
  );
  await typeDate(page, 'Ngày ban hành', '15/03/2024', dialog);
  await fieldOf(page, 'Cơ quan ban hành', dialog).fill('UBND thị xã Tân Châu');
  await typeDate(page, 'Từ ngày', '01/01/2024', dialog);
  await typeDate(page, 'Đến ngày', '31/12/2024', dialog);
  const communes = fieldOf(page, 'Địa bàn (xã, phường)', dialog);
  for (const [typed, commune] of [
    ['tan chau', 'Phường Tân Châu'],
    ['long phu', 'Phường Long Phú'],
    ['vinh xuong', 'Xã Vĩnh Xương'],
    ['xa tan an', 'Xã Tân An'],
    ['chau phong', 'Xã Châu Phong'],
  ] as const) {
    await communes.click();
    await communes.fill(typed);
    await page.getByRole('option', { name: commune, exact: true }).click();
  }
  await page.keyboard.press('Escape');
  await dialog.getByRole('group', { name: 'Loại hình áp dụng' }).getByLabel('HTX', { exact: true }).check();
  await pickIn(page, 'Lĩnh vực', '', 'Nông nghiệp', dialog);
  for (const [index, target] of targets.entries()) await enterTarget(dialog, index + 1, target);
  await snap(page, 'plans-form');
  await dialog.getByRole('button', { name: 'Thêm kế hoạch' }).click();
  await page.getByRole('heading', { level: 2, name: /thị xã Tân Châu năm 2024$/ }).waitFor({ timeout: 20_000 });
}, 240_000);

it('shows every target’s actual, computed from the demo data', async () => {
  await expect.poll(() => page.locator('tr[data-target]').count(), { timeout: 20_000 }).toBe(8);
  const expected: [string, string][] = [
    ['Duy trì, nâng chất 17 HTX NN hiện có', 'Ít nhất 17 HTX 20 HTX 117,6% 18 HTX Đạt'],
    ['Thành lập mới ít nhất 03 HTX NN', 'Ít nhất 3 HTX 2 HTX 66,7% 1 HTX Không đạt'],
    ['Có 70% HTX NN hoạt động hiệu quả', 'Ít nhất 70% 75% 15 / 20 107,1%'],
    ['Trong đó xếp loại tốt, khá từ 50% trở lên', 'Ít nhất 50% 73,3% 11 / 15 146,6%'],
    ['Có ít nhất 50% số HTX tham gia liên kết tiêu thụ nông sản với doanh nghiệp', 'Ít nhất 50% 40% 8 / 20 80% 0% Không đạt'],
    ['Có tối thiểu 01 HTX tổ chức sản xuất theo chuỗi giá trị', 'Ít nhất 1 HTX 2 HTX 200% 2 HTX Đạt'],
    ['Bộ máy quản lý điều hành của HTX đạt ít nhất 25% có trình độ từ cao đẳng trở lên', 'Ít nhất 25% 21% 21 / 100 84% 21,1% Không đạt'],
    ['Có ít nhất 01 HTX ứng dụng công nghệ cao, có sản phẩm OCOP từ 3 sao', 'Ít nhất 1 HTX 1 HTX 100% 1 HTX Đạt'],
  ];
  for (const [title, text] of expected) expect(await rowText(title)).toContain(text);
  await expect.poll(() => readable(page.getByText(/^Hoạt động hiệu quả: xếp loại/))).toBe('Hoạt động hiệu quả: xếp loại Tốt, Khá, Trung bình trong số liệu năm (đổi ở Cài đặt).');
  await snap(page, 'plans-page');
}, 60_000);

it('drills down to the cooperatives founded in 2024', async () => {
  await row('Thành lập mới ít nhất 03 HTX NN').getByRole('button', { name: 'Xem danh sách' }).click();
  const dialog = page.getByRole('dialog', { name: /Danh sách tính vào chỉ tiêu/ });
  await expect.poll(() => dialog.getByRole('link').allInnerTexts(), { timeout: 20_000 }).toEqual(['HTX Nông nghiệp Tân Thuận', 'HTX Thủy sản Long Phú']);
  await snap(page, 'plans-drilldown');
  await page.keyboard.press('Escape');

  // A share lists those that do not count too: of 20 cooperatives, 12 are not linked with an enterprise.
  await row('Có ít nhất 50% số HTX tham gia liên kết tiêu thụ nông sản với doanh nghiệp').getByRole('button', { name: 'Xem danh sách' }).click();
  const share = page.getByRole('dialog', { name: /Danh sách tính vào chỉ tiêu/ });
  await share.getByRole('tab', { name: 'Chưa đạt — trong mẫu số (12)' }).click();
  await expect.poll(() => share.getByRole('tabpanel').getByRole('link').count(), { timeout: 20_000 }).toBe(12);
  await snap(page, 'plans-drilldown-not-counted');
  await page.keyboard.press('Escape');
}, 60_000);

it('moves the founding target to 3 and met when one more agricultural cooperative is founded in 2024', async () => {
  // Founded as an office worker would: the Members page's form, then back to the plan.
  const planAddress = page.url();
  await page.goto(`${host.url}/#/thanh-vien`);
  await page.getByRole('button', { name: 'Thêm tổ chức' }).click();
  const dialog = page.getByRole('dialog', { name: 'Thêm tổ chức' });
  await pickIn(page, 'Loại hình', 'htx', 'Hợp tác xã (HTX)', dialog);
  await fieldOf(page, 'Tên tổ chức', dialog).fill('HTX Nông nghiệp Phú Lộc Tân Châu');
  await typeDate(page, 'Ngày thành lập', '28/11/2024', dialog);
  await pickIn(page, 'Xã, phường', 'chau phong', 'Xã Châu Phong', dialog);
  await pickIn(page, 'Lĩnh vực hoạt động', 'trong trot', 'Trồng trọt', dialog);
  await snap(page, 'plans-founding-form');
  await dialog.getByRole('button', { name: 'Lưu tổ chức' }).click();
  await expect.poll(() => page.getByRole('alert').filter({ hasText: 'Đã thêm HTX Nông nghiệp Phú Lộc Tân Châu.' }).isVisible(), { timeout: 20_000 }).toBe(true);
  await page.goto(planAddress);
  await expect.poll(() => rowText('Thành lập mới ít nhất 03 HTX NN'), { timeout: 20_000 }).toContain('Ít nhất 3 HTX 3 HTX 100% 1 HTX Đạt');
  // The notice of the save follows to the plan's page; it is not what this picture is of.
  await closeNotices(page);
  await snap(page, 'plans-page-after-founding');
}, 90_000);

it('writes the year-end report, read back by LibreOffice with those figures', async () => {
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    page.getByRole('button', { name: 'Báo cáo kết quả thực hiện' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('Bao-cao-ket-qua-thuc-hien-ke-hoach-2024-Phuong-Tan-Chau-va-4-xa-phuong-khac.xlsx');
  const path = join(downloads, download.suggestedFilename());
  await download.saveAs(path);
  const reading = await readWithLibreOffice(path);
  const rows = reading.sheets.get('Kết quả thực hiện');
  // Each value once, its unit in Đơn vị tính; the planned level a number under «Mức», beside its «Yêu cầu».
  expect(csvRow(rows, '2').slice(0, 9)).toEqual(['2', 'Thành lập mới ít nhất 03 HTX NN', 'HTX', 'Ít nhất', '3', '3', '100', '1', 'Đạt']);
  expect(csvRow(rows, '3').slice(0, 10)).toEqual(['3', 'Có 70% HTX NN hoạt động hiệu quả', '%', 'Ít nhất', '70', '71,4', '102', '94,4', 'Đạt', '15/21']);
  expect(csvRow(rows, '5').slice(2, 9)).toEqual(['%', 'Ít nhất', '50', '38,1', '76,2', '0', 'Không đạt']);
  // The pages, kept beside the screenshots to be looked at.
  mkdirSync(screenshotDir, { recursive: true });
  for (const picture of reading.pages) copyFileSync(picture, join(screenshotDir, `plans-report-${basename(picture)}`));
  await snap(page, 'plans-report-downloaded');
}, 180_000);

it('adds a volume target: its unit is the one chosen for the volume, from Danh mục', async () => {
  await page.getByRole('button', { name: 'Sửa', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Sửa kế hoạch' });
  await dialog.getByRole('button', { name: 'Thêm chỉ tiêu' }).click();
  const group = dialog.getByRole('group', { name: 'Chỉ tiêu 9', exact: true });
  await fieldOf(page, 'Nội dung chỉ tiêu', group).fill('Kết nối tiêu thụ ít nhất 50 tấn nông sản');
  await fieldOf(page, 'Giá trị', group).fill('50');
  const measure = group.getByRole('group', { name: 'Cách tính thực hiện', exact: true });
  await pickIn(page, 'Tính theo', '', 'Sản lượng đã kết nối tiêu thụ', measure);
  // Chosen as a volume, the target is a quantity at once; its unit follows the volume's, not typed.
  await expect.poll(() => fieldOf(page, 'Đơn vị', group).inputValue()).toBe('Khối lượng');
  expect(await fieldOf(page, 'Đơn vị', group).isDisabled()).toBe(true);
  expect(await fieldOf(page, 'Đơn vị tính', group).isDisabled()).toBe(true);
  // Saved without the unit: said once, under the volume's unit.
  await dialog.getByRole('button', { name: 'Lưu', exact: true }).click();
  await expect.poll(() => readable(measure)).toContain('Chưa chọn đơn vị tính của sản lượng (tấn, kg, lít…).');
  expect(await readable(group)).not.toContain('cần ghi đơn vị tính');
  await pickIn(page, 'Đơn vị tính của sản lượng', 'tan', 'tấn', measure);
  await expect.poll(() => fieldOf(page, 'Đơn vị tính', group).inputValue()).toBe('tấn');
  expect(await readable(measure)).not.toContain('Chưa chọn đơn vị tính của sản lượng');
  await group.scrollIntoViewIfNeeded();
  await snap(page, 'plans-volume-target-form', { fullPage: false });
  await dialog.getByRole('button', { name: 'Lưu', exact: true }).click();
  // None of Tân Châu's cooperatives sold through a connection in 2024.
  await expect.poll(() => rowText('Kết nối tiêu thụ ít nhất 50 tấn nông sản'), { timeout: 20_000 }).toContain('Ít nhất 50 tấn 0 tấn 0%');
  expect(await rowText('Kết nối tiêu thụ ít nhất 50 tấn nông sản')).toContain('Sản lượng đã kết nối tiêu thụ · HTX · tính bằng tấn');
  await snap(page, 'plans-page-volume-target');
}, 90_000);

it('shows the plan in force on Tổng quan as progress bars', async () => {
  await page.goto(`${host.url}/#/tong-quan`);
  const section = page.getByRole('region', { name: /Kế hoạch đang thực hiện/ });
  // The demo's plan of 2025: sixteen targets, one of them the volume connected.
  await expect.poll(() => section.getByRole('progressbar').count(), { timeout: 30_000 }).toBe(16);
  expect(await readable(section)).toContain('Kế hoạch phát triển kinh tế tập thể, hợp tác xã tỉnh An Giang năm 2025');
  await snap(page, 'plans-overview');
}, 60_000);
