import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { BackupInfo, DataFileStatus } from '../../src/shared/contract';
import { alliance, fail, installFakeApi, ok, provinces, type FakeHandlers } from './fakeApi';
import { renderApp } from './renderApp';

const appInfo = { version: '0.1.0', databaseFile: '/home/vanphong/HTX Desk/htx-desk.sqlite', schemaVersion: 7 };

/** 15:05 on 10 March 2026 in the office's (the test's) time zone. */
const tenMarch = new Date(2026, 2, 10, 15, 5).toISOString();
const ninthMarch = new Date(2026, 2, 9, 17, 30).toISOString();

const automatic: BackupInfo = {
  id: '2026-03-10_15-05-00_tu-dong',
  takenAt: tenMarch,
  reason: 'auto',
  size: 2_516_582,
  counts: { organizations: 1234, partners: 56, events: 7, agreements: 89 },
  attachments: 12,
  sound: true,
  datedAhead: false,
};
const beforeImport: BackupInfo = {
  id: '2026-03-09_17-30-00_truoc-nhap-excel',
  takenAt: ninthMarch,
  reason: 'beforeImport',
  size: 2_100_000,
  counts: { organizations: 1200, partners: 56, events: 7, agreements: 88 },
  attachments: 12,
  sound: true,
  datedAhead: false,
};
/** Taken within the same minute as `beforeImport`: the seconds tell them apart. */
const damagedCopy: BackupInfo = {
  ...beforeImport,
  id: '2026-03-09_17-30-48_truoc-khoi-phuc',
  takenAt: new Date(2026, 2, 9, 17, 30, 48).toISOString(),
  reason: 'beforeRestore',
  counts: null,
  sound: false,
};

function status(overrides: Partial<DataFileStatus> = {}): DataFileStatus {
  return {
    access: 'write',
    message: null,
    folder: '/home/vanphong/HTX Desk/htx-desk-sao-luu',
    latestSound: automatic,
    backupsDatedAhead: 0,
    autoBackupFailure: null,
    autoBackupSeconds: 900,
    ...overrides,
  };
}

describe('Sao lưu và khôi phục', () => {
  it('lists the backups with their time, reason, size and counts, and restores one after asking', async () => {
    const invoke = installFakeApi({
      'alliance:get': () => ok(alliance),
      'places:provinces': () => ok(provinces),
      'app:info': () => ok(appInfo),
      'backups:status': () => ok(status()),
      'backups:list': () => ok([automatic, beforeImport, damagedCopy]),
      'backups:restore': () => ok({ restored: beforeImport, safetyCopy: { ...automatic, id: 'x', reason: 'beforeRestore', takenAt: new Date(2026, 2, 10, 15, 20, 41).toISOString() } }),
    });
    renderApp('#/cai-dat');

    const table = await screen.findByRole('table', { name: 'Sao lưu và khôi phục' });
    expect(screen.getByText('Thư mục sao lưu: /home/vanphong/HTX Desk/htx-desk-sao-luu')).toBeTruthy();
    expect(screen.getByText(/sau khi có thay đổi \(nhiều nhất 15 phút một lần\)/)).toBeTruthy();
    const rows = within(table)
      .getAllByRole('row')
      .map((row) => within(row).queryAllByRole('cell').map((cell) => cell.textContent));
    expect(rows.slice(1)).toEqual([
      ['10/03/2026 15:05:00', 'Tự động', '2,4 MB', '1.234', '56', '7', '89', 'Khôi phục'],
      ['09/03/2026 17:30:00', 'Trước khi nhập Excel', '2 MB', '1.200', '56', '7', '88', 'Khôi phục'],
      ['09/03/2026 17:30:48', 'Trước khi khôi phụcKhông toàn vẹn', '2 MB', '—', '—', '—', '—', ''],
    ]);

    fireEvent.click(within(table).getByRole('button', { name: 'Khôi phục bản sao lưu lúc 09/03/2026 17:30:00' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('Dữ liệu sẽ trở về như lúc 09/03/2026 17:30:00: 1.200 tổ chức, 56 đối tác, 7 sự kiện, 88 thỏa thuận, 12 tệp đính kèm.')).toBeTruthy();
    expect(within(dialog).getByText(/Dữ liệu hiện tại được sao lưu an toàn ngay trước khi thay/)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Khôi phục' }));

    expect(
      await screen.findByText(
        'Dữ liệu đã trở về như lúc 09/03/2026 17:30:00 (bản sao lưu «Trước khi nhập Excel»). ' +
          'Dữ liệu ngay trước khi khôi phục được giữ trong bản sao lưu «Trước khi khôi phục» lúc 10/03/2026 15:20:41.',
      ),
    ).toBeTruthy();
    expect(invoke).toHaveBeenCalledWith('backups:restore', { id: beforeImport.id });
    // Every screen's data is asked for again: the restored data is another's.
    await waitFor(() => expect(invoke.mock.calls.filter(([channel]) => channel === 'alliance:get').length).toBeGreaterThan(1));
  });

  it('backs up now, and says why a restore was refused', async () => {
    const invoke = installFakeApi({
      'alliance:get': () => ok(alliance),
      'places:provinces': () => ok(provinces),
      'app:info': () => ok(appInfo),
      'backups:status': () => ok(status({ autoBackupFailure: 'Ổ đĩa đã đầy nên thay đổi này chưa được ghi.' })),
      'backups:list': () => ok([automatic]),
      'backups:create': () => ok({ ...automatic, reason: 'manual', takenAt: new Date(2026, 2, 10, 16, 0).toISOString() }),
      'backups:restore': () => fail({ kind: 'conflict', message: 'Đang có một công việc chạy (nhập hoặc xuất Excel, báo cáo, sao lưu).' }),
    });
    renderApp('#/cai-dat');

    expect(await screen.findByText('Ổ đĩa đã đầy nên thay đổi này chưa được ghi.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Sao lưu ngay' }));
    expect(await screen.findByText('Đã sao lưu dữ liệu lúc 10/03/2026 16:00:00.')).toBeTruthy();
    expect(invoke).toHaveBeenCalledWith('backups:create', undefined);

    fireEvent.click(screen.getByRole('button', { name: 'Khôi phục bản sao lưu lúc 10/03/2026 15:05:00' }));
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Khôi phục' }));
    expect(await screen.findByText('Đang có một công việc chạy (nhập hoặc xuất Excel, báo cáo, sao lưu).')).toBeTruthy();
    expect(screen.getByText('Không khôi phục được')).toBeTruthy();
  });
});

describe('a backup dated on a day after today', () => {
  /** Made on a computer whose clock ran more than a year ahead. */
  const ahead: BackupInfo = { ...beforeImport, id: '2027-05-02_09-00-00_thu-cong', takenAt: new Date(2027, 4, 2, 9, 0).toISOString(), reason: 'manual', datedAhead: true };

  it('is listed where the backend puts it, after the others, with why its date is not to be trusted, and restored only after a warning', async () => {
    const invoke = installFakeApi({
      'alliance:get': () => ok(alliance),
      'places:provinces': () => ok(provinces),
      'app:info': () => ok(appInfo),
      'backups:status': () => ok(status({ backupsDatedAhead: 1 })),
      'backups:list': () => ok([automatic, beforeImport, ahead]),
      'backups:restore': () => ok({ restored: ahead, safetyCopy: { ...automatic, id: 'x', reason: 'beforeRestore' } }),
    });
    renderApp('#/cai-dat');

    const table = await screen.findByRole('table', { name: 'Sao lưu và khôi phục' });
    const times = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) => within(row).getAllByRole('cell')[0]?.textContent);
    expect(times).toEqual(['10/03/2026 15:05:00', '09/03/2026 17:30:00', '02/05/2027 09:00:00Ghi ngày sau hôm nay — đồng hồ máy có thể đã sai']);

    fireEvent.click(within(table).getByRole('button', { name: 'Khôi phục bản sao lưu lúc 02/05/2027 09:00:00' }));
    const dialog = await screen.findByRole('dialog');
    expect(
      within(dialog).getByText(
        'Bản này ghi ngày 02/05/2027 09:00:00, sau hôm nay: đồng hồ máy có thể đã sai khi tạo nó, hoặc nó được chép từ máy khác. ' +
          'Vì vậy không biết nó cũ hay mới hơn các bản khác; hãy chắc chắn đây là dữ liệu cần dùng.',
      ),
    ).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Khôi phục' }));
    await waitFor(() => expect(invoke).toHaveBeenCalledWith('backups:restore', { id: ahead.id }));
  });

  it('asks no warning for one dated up to today', async () => {
    installFakeApi({
      'alliance:get': () => ok(alliance),
      'places:provinces': () => ok(provinces),
      'app:info': () => ok(appInfo),
      'backups:status': () => ok(status()),
      'backups:list': () => ok([automatic]),
    });
    renderApp('#/cai-dat');
    fireEvent.click(await screen.findByRole('button', { name: 'Khôi phục bản sao lưu lúc 10/03/2026 15:05:00' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).queryByText(/sau hôm nay/)).toBeNull();
    expect(screen.queryByText('Ghi ngày sau hôm nay — đồng hồ máy có thể đã sai')).toBeNull();
  });

  it('is never the one a damaged file offers: the banner points to the list instead', async () => {
    installFakeApi({
      'alliance:get': () => ok(alliance),
      'backups:status': () =>
        ok(status({ access: 'damaged', message: 'Tệp dữ liệu bị hỏng: một phần nội dung của tệp không còn đúng như khi được ghi.', latestSound: null, backupsDatedAhead: 1 })),
    });
    renderApp('#/ket-noi-cung-cau');

    const banner = (await screen.findByText('Tệp dữ liệu bị hỏng — chỉ xem, không sửa được')).closest('[role="alert"]') as HTMLElement;
    expect(
      within(banner).getByText(
        /^Không có bản sao lưu tốt nào ghi ngày đến hôm nay; có 1 bản ghi ngày sau hôm nay \(đồng hồ máy có thể đã sai\)\. Hãy xem trong danh sách các bản sao lưu và chọn bản cần khôi phục\./,
      ),
    ).toBeTruthy();
    expect(within(banner).getByRole('link', { name: 'Xem các bản sao lưu' }).getAttribute('href')).toBe('#/cai-dat');
    expect(within(banner).queryByRole('button')).toBeNull();
    expect(within(banner).queryByText(/Chưa có bản sao lưu nào/)).toBeNull();
  });
});

describe('Mở từ bản sao lưu', () => {
  const opened: BackupInfo = { ...beforeImport, id: '2026-03-09_17-30-00_mo-tu-tep', reason: 'fromFile' };
  const jobId = '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b';

  async function openTheFile(restore: NonNullable<FakeHandlers['backups:restore']>) {
    const invoke = installFakeApi({
      'alliance:get': () => ok(alliance),
      'places:provinces': () => ok(provinces),
      'app:info': () => ok(appInfo),
      'backups:status': () => ok(status()),
      'backups:list': () => ok([automatic]),
      'files:begin': () => ok({ fileId: 'f1' }),
      'files:append': () => ok({ size: 7 }),
      'backups:openFile': () => ok({ jobId }),
      'jobs:status': () => ok({ jobId, state: 'done', done: 1, total: 1, phase: 'checking', error: null }),
      'backups:openFileResult': () => ok(opened),
      'backups:discardOpened': () => ok(null),
      'backups:restore': restore,
    });
    renderApp('#/cai-dat');
    await screen.findByRole('table', { name: 'Sao lưu và khôi phục' });
    const input = document.querySelector<HTMLInputElement>('input[type="file"]');
    if (!input) throw new Error('no file input');
    // jsdom's File cannot be read as an ArrayBuffer: what the upload reads of it, no more.
    const bytes = new TextEncoder().encode('du lieu');
    const file = { name: 'htx-desk-du-lieu.zip', size: bytes.length, slice: () => ({ arrayBuffer: () => Promise.resolve(bytes.buffer) }) };
    fireEvent.change(input, { target: { files: [file] } });
    const dialog = await screen.findByRole('dialog', { name: 'Khôi phục từ tệp sao lưu' });
    expect(within(dialog).getByText(/Tệp sao lưu đã được kiểm tra: dữ liệu lúc 09\/03\/2026 17:30:00/)).toBeTruthy();
    return { invoke, dialog };
  }

  it('forgets a file the person only looked at', async () => {
    const { invoke, dialog } = await openTheFile(() => fail({ kind: 'internal', message: 'not asked' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Hủy' }));
    await waitFor(() => expect(invoke).toHaveBeenCalledWith('backups:discardOpened', { id: opened.id }));
    expect(invoke.mock.calls.some(([channel]) => channel === 'backups:restore')).toBe(false);
  });

  it('keeps the file it restores', async () => {
    const { invoke, dialog } = await openTheFile(() => ok({ restored: opened, safetyCopy: { ...automatic, id: 'x', reason: 'beforeRestore' } }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Khôi phục' }));
    expect(await screen.findByText(/^Dữ liệu đã trở về như lúc 09\/03\/2026 17:30:00 \(bản sao lưu «Khôi phục từ tệp»\)/)).toBeTruthy();
    expect(invoke).toHaveBeenCalledWith('backups:restore', { id: opened.id });
    expect(invoke.mock.calls.some(([channel]) => channel === 'backups:discardOpened')).toBe(false);
  });
});

describe('a data file open read-only', () => {
  it('shows, on every page, that the file is damaged and offers the latest sound backup', async () => {
    const invoke = installFakeApi({
      'alliance:get': () => ok(alliance),
      'backups:status': () => ok(status({ access: 'damaged', message: 'Tệp dữ liệu bị hỏng: một phần nội dung của tệp không còn đúng như khi được ghi.' })),
      'backups:restore': () => ok({ restored: automatic, safetyCopy: { ...damagedCopy, takenAt: new Date(2026, 2, 10, 15, 30).toISOString() } }),
    });
    renderApp('#/ket-noi-cung-cau');

    const banner = (await screen.findByText('Tệp dữ liệu bị hỏng — chỉ xem, không sửa được')).closest('[role="alert"]') as HTMLElement;
    expect(within(banner).getByText('Tệp dữ liệu bị hỏng: một phần nội dung của tệp không còn đúng như khi được ghi.')).toBeTruthy();
    expect(
      within(banner).getByText('Bản sao lưu tốt gần nhất: lúc 10/03/2026 15:05:00 (1.234 tổ chức, 56 đối tác, 7 sự kiện, 89 thỏa thuận, 12 tệp đính kèm).'),
    ).toBeTruthy();
    expect(within(banner).getByRole('link', { name: 'Xem các bản sao lưu' }).getAttribute('href')).toBe('#/cai-dat');
    fireEvent.click(within(banner).getByRole('button', { name: 'Khôi phục bản này' }));
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Khôi phục' }));
    await waitFor(() => expect(invoke).toHaveBeenCalledWith('backups:restore', { id: automatic.id }));
  });

  it('offers the backups even when nothing of the file can be read', async () => {
    installFakeApi({
      'alliance:get': () => fail({ kind: 'internal', message: 'Tệp dữ liệu bị hỏng: một phần nội dung của tệp không còn đúng như khi được ghi.' }),
      'backups:status': () => ok(status({ access: 'damaged', message: 'Tệp dữ liệu bị hỏng: một phần nội dung của tệp không còn đúng như khi được ghi.' })),
      'backups:list': () => ok([automatic]),
    });
    renderApp('#/thanh-vien');

    expect(await screen.findByRole('button', { name: 'Khôi phục bản này' })).toBeTruthy();
    expect(await screen.findByRole('button', { name: 'Khôi phục bản sao lưu lúc 10/03/2026 15:05:00' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Sao lưu ngay' }).hasAttribute('disabled')).toBe(true);
    expect(screen.getByRole('button', { name: 'Mở từ bản sao lưu…' }).hasAttribute('disabled')).toBe(false);
  });

  it('says which computer has the file open', async () => {
    installFakeApi({
      'alliance:get': () => ok(alliance),
      'backups:status': () =>
        ok(status({ access: 'locked', message: 'Tệp dữ liệu này đang được mở bằng HTX Desk trên máy «MAY-KE-TOAN» từ 10/03/2026 08:30, nên ở đây chỉ xem được.' })),
    });
    renderApp('#/ket-noi-cung-cau');

    const banner = (await screen.findByText('Tệp dữ liệu đang mở ở máy khác — chỉ xem, không sửa được')).closest('[role="alert"]') as HTMLElement;
    expect(within(banner).getByText(/trên máy «MAY-KE-TOAN» từ 10\/03\/2026 08:30/)).toBeTruthy();
    expect(within(banner).queryByRole('button')).toBeNull();
  });
});
