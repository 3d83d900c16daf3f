/**
 * The import journey of an office clerk: the messy workbook the office really keeps (title rows, a
 * two-row merged header, old addresses, dates as text and as an Excel serial, one cooperative
 * spelled two ways in one commune, a bad date and a negative amount) is uploaded, its preview and
 * matches looked at, committed, undone and committed again; then an old .xls typed in .VnTime, and
 * a conference's demands list whose buyers are not among the partners yet.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { ImportBatch } from '../../src/shared/contract';
import type { Page as ListPage, Organization } from '../../src/shared/domain';
import { messyWorkbook } from '../core/importWorkbooks';
import { biff, rkInteger, xls } from '../core/xlsFiles';
import { callApi, launchBrowser, snap, startHost, stepsInOrder, type RunningHost } from './support';

let host: RunningHost;
let browser: Browser;
let page: Page;
let workbookDir: string;
let workbookFile: string;

beforeAll(async () => {
  host = await startHost();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'vi-VN' });
  workbookDir = mkdtempSync(join(tmpdir(), 'htx-import-'));
  workbookFile = join(workbookDir, 'Danh sach HTX 2024.xlsx');
  writeFileSync(workbookFile, await messyWorkbook());
  await callApi(host, 'alliance:save', { name: 'Liên minh Hợp tác xã tỉnh An Giang', provinceCode: '91' });
  await callApi(host, 'organizations:create', {
    kind: 'htx',
    name: 'Hợp tác xã Thủy sản Mỹ Hòa Hưng',
    registrationNo: '1600999888',
    communeCode: '30313',
    representative: 'Trần Thị Bé',
  });
});
stepsInOrder(() => page, 'import');
afterAll(async () => {
  await browser.close();
  await host.stop();
  rmSync(workbookDir, { recursive: true, force: true });
});

/** A select by its name; Mantine gives its listbox the same label. */
function combo(name: string) {
  return page.getByRole('combobox', { name, exact: true });
}

function poll<T>(read: () => Promise<T> | T) {
  return expect.poll(read, { timeout: 30_000 });
}

async function registerNames(): Promise<string[]> {
  const list = await callApi<ListPage<Organization>>(host, 'organizations:list', { pageSize: 50 });
  return list.rows.map((row) => row.name).sort();
}

async function registerTotal(): Promise<number> {
  return (await callApi<ListPage<Organization>>(host, 'organizations:list', { pageSize: 1 })).total;
}

async function commitAndWait(): Promise<void> {
  await page.getByRole('button', { name: 'Ghi vào dữ liệu', exact: true }).click();
  await page.getByText('Đã nhập xong tệp Danh sach HTX 2024.xlsx').waitFor({ timeout: 30_000 });
}

describe('importing a messy workbook', () => {
  it('uploads it and finds the sheet and the two-row merged header under the titles', async () => {
    await page.goto(`${host.url}#/nhap-excel`);
    await page.getByRole('heading', { name: 'Nhập từ Excel', level: 2 }).waitFor();
    await snap(page, 'import-01-choose');
    await page.locator('input[type=file]').setInputFiles(workbookFile);
    await page.getByRole('button', { name: 'Đọc tệp' }).click();
    await page.getByText('Dòng tiêu đề: các dòng 4, 5 (tiêu đề gộp nhiều dòng); dữ liệu bắt đầu từ dòng 6.').waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByRole('combobox', { name: 'Trang tính' }).inputValue()).toBe('DS HTX 2024');
    // The notes sheet was looked in and holds no list: not named as one more to import.
    expect(await page.getByText('Tệp còn trang tính khác có dữ liệu').count()).toBe(0);
    await snap(page, 'import-02-sheet');
  });

  it('proposes the mapping from the Vietnamese headers', async () => {
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await poll(() => combo('Trường dữ liệu B').inputValue()).toBe('Tên tổ chức (bắt buộc)');
    expect(await combo('Trường dữ liệu C').inputValue()).toBe('Mã số HTX (mã số thuế)');
    expect(await combo('Trường dữ liệu D').inputValue()).toBe('Địa chỉ (cũ hoặc mới) (bắt buộc)');
    expect(await combo('Trường dữ liệu I').inputValue()).toBe('Thành viên chính thức');
    // The members beside each organization go into the year the title names.
    expect(await page.getByLabel('Năm của số liệu trong danh sách (thành viên, lao động…)').inputValue()).toBe('2024');
    await snap(page, 'import-03-mapping');
  });

  it('previews every row with its problems and matches', async () => {
    await page.getByRole('button', { name: 'Kiểm tra các dòng' }).click();
    await page.getByText('Trùng dòng 6 trong tệp (HTX NN Vĩnh Bình)').waitFor({ timeout: 30_000 });
    await page.getByText('Trùng mã số với Hợp tác xã Thủy sản Mỹ Hòa Hưng (Xã Mỹ Hòa Hưng)').waitFor();
    await page.getByText('E9: Ngày thành lập: Ngày «31/02/2024» không có thật: tháng 2/2024 không có ngày 31.').waitFor();
    await page.getByText('H9: Vốn điều lệ không được âm.').waitFor();
    await page.getByText('01/01/2019').waitFor();
    await page.getByText('1 cần chọn xã').waitFor();
    // The old Xã Phú Hội was split: the person chooses where the cooperative is now.
    await combo('Chọn xã, phường 7').click();
    await page.getByRole('option', { name: 'Xã Nhơn Hội', exact: true }).click();
    await snap(page, 'import-04-preview');
  });

  it('commits, showing what it did, with the failed row downloadable', async () => {
    await commitAndWait();
    await poll(() => page.getByTestId('import-created').innerText()).toBe('2');
    expect(await page.getByTestId('import-updated').innerText()).toBe('1');
    expect(await page.getByTestId('import-skipped').innerText()).toBe('1');
    expect(await page.getByTestId('import-failed').innerText()).toBe('1');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Tải các dòng lỗi (Excel)' }).click();
    expect((await download).suggestedFilename()).toBe('Danh sach HTX 2024 - dong loi.xlsx');
    // Written by a job, followed in a dialog that closes once the file is downloaded.
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    expect(await registerNames()).toEqual(['HTX Dịch vụ nông nghiệp Phú Hội', 'HTX NN Vĩnh Bình', 'Hợp tác xã Thủy sản Mỹ Hòa Hưng']);
    await snap(page, 'import-05-summary');
  });

  it('undoes the whole import', async () => {
    await page.getByRole('button', { name: 'Hoàn tác lần nhập này' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Hoàn tác' }).click();
    await page.getByText('Đã hoàn tác lần nhập tệp «Danh sach HTX 2024.xlsx».').first().waitFor();
    await poll(registerNames).toEqual(['Hợp tác xã Thủy sản Mỹ Hòa Hưng']);
    await snap(page, 'import-06-undone');
  });

  it('commits again from the same preview', async () => {
    await page.getByRole('button', { name: 'Xem trước', exact: true }).click();
    await page.getByText('Trùng dòng 6 trong tệp (HTX NN Vĩnh Bình)').waitFor();
    await combo('Chọn xã, phường 7').click();
    await page.getByRole('option', { name: 'Xã Nhơn Hội', exact: true }).click();
    await commitAndWait();
    await poll(registerNames).toEqual(['HTX Dịch vụ nông nghiệp Phú Hội', 'HTX NN Vĩnh Bình', 'Hợp tác xã Thủy sản Mỹ Hòa Hưng']);
    const batches = await callApi<ListPage<ImportBatch>>(host, 'imports:batches', {});
    expect(batches.rows.map((batch) => [batch.id, batch.created, batch.updated, batch.undoneAt === null])).toEqual([
      [2, 2, 1, true],
      [1, 2, 1, false],
    ]);
    await page.getByText('Các lần nhập trước').scrollIntoViewIfNeeded();
    await snap(page, 'import-07-again');
  });

  it('writes a long list while the app keeps answering, and undoes it the same way', async () => {
    const lines = ['Tên HTX,Địa chỉ,Mã số thuế'];
    for (let index = 1; index <= 8000; index += 1) lines.push(`HTX Nông nghiệp số ${index},"xã Bình Hòa, huyện Châu Thành, tỉnh An Giang",${String(1_700_000_000 + index)}`);
    const longList = join(workbookDir, 'Danh sach dai.csv');
    writeFileSync(longList, lines.join('\n'));
    const before = await registerNames();
    const beforeTotal = await registerTotal();
    await page.getByRole('button', { name: 'Nhập tệp khác' }).click();
    await page.locator('input[type=file]').setInputFiles(longList);
    await page.getByRole('button', { name: 'Đọc tệp' }).click();
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await page.getByRole('button', { name: 'Kiểm tra các dòng' }).click();
    await page.getByRole('button', { name: 'Ghi vào dữ liệu', exact: true }).click({ timeout: 60_000 });

    // The bar moves while the rows are written; meanwhile the app answers at once, with the
    // register as it was until the whole import is in. Written in bulk, the rows may already be
    // in, and the bar at the rebuild or gone.
    await page
      .getByText(/^(Đang lưu — [\d.]+ \/ 8\.000 dòng|Đang cập nhật chỉ mục tìm kiếm và số liệu thống kê.*)$/)
      .or(page.getByText('Đã nhập xong tệp Danh sach dai.csv'))
      .first()
      .waitFor();
    await snap(page, 'import-08-long-commit');
    const asked = Date.now();
    const during = await registerTotal();
    expect(Date.now() - asked).toBeLessThan(1000);
    // The register as it was until the whole import is in (written in bulk, it may already be): never a part of it.
    expect([beforeTotal, beforeTotal + 8000]).toContain(during);
    // Leaving the page does not lose the import: back on it, the wizard follows the same job.
    await page.getByRole('link', { name: 'Thành viên', exact: true }).click();
    await page.getByRole('heading', { name: 'Thành viên', level: 2 }).waitFor();
    await page.getByRole('link', { name: 'Nhập từ Excel', exact: true }).click();
    await page.getByText('Đã nhập xong tệp Danh sach dai.csv').waitFor({ timeout: 60_000 });
    await poll(() => page.getByTestId('import-created').innerText()).toBe('8.000');

    await page.getByRole('button', { name: 'Hoàn tác lần nhập này' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Hoàn tác' }).click();
    // Undone in bulk, the rows go in a moment; the bar may already be at the rebuild or gone.
    const undone = page.getByText('Đã hoàn tác lần nhập tệp «Danh sach dai.csv».').first();
    await page
      .getByText(/^(Đang hoàn tác — [\d.]+ \/ 8\.000 dòng|Đang cập nhật chỉ mục tìm kiếm và số liệu thống kê.*)$/)
      .or(undone)
      .first()
      .waitFor();
    await snap(page, 'import-09-long-undo');
    await undone.waitFor({ timeout: 60_000 });
    await poll(registerNames).toEqual(before);
  });

  it('reads an old .xls typed in .VnTime, saying so at the sheet and at the preview', async () => {
    const fonts = ['Arial', 'Arial', 'Arial', 'Arial', '.VnTime'].map((name) => biff.font(name));
    const rows = [
      ['STT', 'Tªn HTX', '§Þa chØ'],
      [1, 'Hîp t¸c x· N«ng nghiÖp VÜnh Hßa', 'x· VÜnh Hßa, tØnh An Giang'],
      [2, 'HTX DÞch vô B×nh Hßa', 'x· B×nh Hßa, tØnh An Giang'],
    ];
    const records = rows.flatMap((cells, row) => cells.map((value, column) => (typeof value === 'number' ? biff.rk(row, column, 0, rkInteger(value)) : biff.label(row, column, 1, value))));
    const oldList = join(workbookDir, 'DS HTX 2010.xls');
    writeFileSync(oldList, xls([...fonts, biff.xf(0, 0), biff.xf(5, 0)], [{ name: 'DS HTX', records }]));
    await page.getByRole('button', { name: 'Nhập tệp khác' }).click();
    await page.locator('input[type=file]').setInputFiles(oldList);
    await page.getByRole('button', { name: 'Đọc tệp' }).click();
    await page.getByText('Chữ gõ bằng phông cũ đã được đọc sang Unicode').waitFor({ timeout: 30_000 });
    await page.getByText('Dòng tiêu đề: dòng 1; dữ liệu bắt đầu từ dòng 2.').waitFor();
    await page.getByRole('cell', { name: 'Hợp tác xã Nông nghiệp Vĩnh Hòa' }).waitFor();
    await snap(page, 'import-10-xls-sheet');
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await page.getByRole('button', { name: 'Kiểm tra các dòng' }).click();
    await page.getByText('2 dòng có ô dùng phông .VnTime. Hãy xem lại tên và địa chỉ của các dòng này trước khi nhập.').waitFor({ timeout: 30_000 });
    await page.getByRole('cell', { name: 'HTX Dịch vụ Bình Hòa' }).waitFor();
    await snap(page, 'import-11-xls-preview');
  });
});

describe("a conference's demands list", () => {
  it('adds the buyers not among the partners once each, says so before and after, and takes them back with the undo', async () => {
    const list = join(workbookDir, 'Nhu cau hoi nghi.csv');
    writeFileSync(
      list,
      [
        'Tên doanh nghiệp;Địa chỉ;Mặt hàng cần mua;Số lượng;ĐVT;Từ ngày',
        'Công ty TNHH Nông sản Xanh;12 Nguyễn Trãi, Quận 1, TP.HCM;Gạo ST25;20;tấn;01/07/2026',
        'Cty TNHH Nông Sản Xanh;;Xoài cát Hòa Lộc;5;tấn;01/07/2026',
        'Chợ đầu mối Long Xuyên;;Rau muống;1;tấn;01/07/2026',
      ].join('\n'),
    );
    await page.getByRole('button', { name: 'Nhập tệp khác' }).click();
    await combo('Loại dữ liệu cần nhập').click();
    await page.getByRole('option', { name: 'Nhu cầu (hàng đối tác cần mua)' }).click();
    await page.locator('input[type=file]').setInputFiles(list);
    await page.getByRole('button', { name: 'Đọc tệp' }).click();
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await page.getByRole('button', { name: 'Kiểm tra các dòng' }).click();
    await page.getByText('A2: Chưa có trong danh sách Đối tác: sẽ thêm đối tác «Công ty TNHH Nông sản Xanh» (Doanh nghiệp, Thành phố Hồ Chí Minh — đọc từ địa chỉ), mục Mặt hàng cần mua ghi các sản phẩm của đối tác trong danh sách.').waitFor({ timeout: 30_000 });
    await page.getByText('A3: Chưa có trong danh sách Đối tác: cùng đối tác «Công ty TNHH Nông sản Xanh» như dòng 2, được thêm một lần.').waitFor();
    await snap(page, 'import-12-demands-preview');
    await page.getByRole('button', { name: 'Ghi vào dữ liệu', exact: true }).click();
    await page.getByText('Đã thêm 2 đối tác mới: bên có nhu cầu chưa có trong danh sách Đối tác.', { exact: false }).waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('import-created').textContent()).toBe('3');
    const partners = await callApi<ListPage<{ name: string; provinceName: string }>>(host, 'partners:list', {});
    expect(partners.rows.map((row) => [row.name, row.provinceName])).toEqual([
      ['Chợ đầu mối Long Xuyên', 'Tỉnh An Giang'],
      ['Công ty TNHH Nông sản Xanh', 'Thành phố Hồ Chí Minh'],
    ]);
    await snap(page, 'import-13-demands-done');

    await page.getByRole('button', { name: 'Hoàn tác lần nhập này' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Hoàn tác', exact: true }).click();
    await page.getByText('Đã hoàn tác lần nhập tệp «Nhu cau hoi nghi.csv».').first().waitFor({ timeout: 30_000 });
    expect((await callApi<ListPage<unknown>>(host, 'partners:list', {})).total).toBe(0);
    expect((await callApi<ListPage<unknown>>(host, 'demands:list', {})).total).toBe(0);
  });
});
