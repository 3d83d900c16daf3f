import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { alliance, installFakeApi, ok, provinces } from './fakeApi';
import { renderApp } from './renderApp';

const appInfo = { version: '0.1.0', databaseFile: '/home/vanphong/HTX Desk/htx-desk.sqlite', schemaVersion: 3 };

// The page holds the alliance's form, the event lists and the backups: its first render takes seconds on a loaded machine.
describe('settings page', () => {
  it('edits the alliance and confirms the save', async () => {
    const invoke = installFakeApi({
      'alliance:get': () => ok({ ...alliance, name: 'Liên minh HTX Đồng Tháp' }),
      'places:provinces': () => ok(provinces),
      'app:info': () => ok(appInfo),
      'alliance:save': (input) => ok({ address: '', chairName: '', phone: '', email: '', ...input }),
    });
    renderApp('#/cai-dat');

    const chair = await screen.findByLabelText(/^Họ tên Chủ tịch/);
    expect(chair).toHaveProperty('value', 'Trần Thị Bình');
    await waitFor(() => expect(screen.getByLabelText(/^Tỉnh, thành phố/)).toHaveProperty('value', 'Đồng Tháp'));
    fireEvent.change(chair, { target: { value: 'Lê Văn Cường' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu thay đổi' }));

    const notice = (await screen.findByText('Đã lưu thông tin Liên minh.')).closest('[role="alert"]');
    expect(notice && within(notice as HTMLElement).getByRole('button', { name: 'Đóng' })).toBeTruthy();
    expect(invoke).toHaveBeenCalledWith('alliance:save', { ...alliance, name: 'Liên minh HTX Đồng Tháp', chairName: 'Lê Văn Cường' });
    expect(within(screen.getByRole('banner')).getByText('Liên minh HTX Đồng Tháp')).toBeTruthy();
  });

  it('shows where the data lives', async () => {
    installFakeApi({
      'alliance:get': () => ok(alliance),
      'places:provinces': () => ok(provinces),
      'app:info': () => ok(appInfo),
    });
    renderApp('#/cai-dat');

    const file = await screen.findByText('/home/vanphong/HTX Desk/htx-desk.sqlite');
    const list = file.closest('dl');
    expect(list && within(list).getByText('0.1.0')).toBeTruthy();
    expect(list && within(list).getByText('3')).toBeTruthy();
    expect(screen.getByText(/Tệp → Mở tệp dữ liệu khác…/)).toBeTruthy();
  });

  it('switches the interface to English and remembers it', async () => {
    installFakeApi({
      'alliance:get': () => ok(alliance),
      'places:provinces': () => ok(provinces),
      'app:info': () => ok(appInfo),
    });
    renderApp('#/cai-dat');

    fireEvent.click(await screen.findByLabelText('English'));

    expect(await screen.findByRole('heading', { name: 'Settings' })).toBeTruthy();
    const nav = screen.getByRole('navigation');
    expect(within(nav).getAllByRole('link').map((link) => link.textContent)).toEqual([
      'Overview',
      'Needs attention',
      'Members',
      'Yearly figures entry',
      'Partners',
      'Events',
      'Agreements',
      'Plans and targets',
      'Supply & demand',
      'Import from Excel',
      'Reports',
      'Trash',
      'Settings',
    ]);
    expect(localStorage.getItem('htx-desk.language')).toBe('en');
    expect(document.documentElement.lang).toBe('en');
  });
});

describe('Kết nối cung – cầu', () => {
  it('opens on its programmes, lit in the sidebar', async () => {
    installFakeApi({ 'alliance:get': () => ok(alliance), 'programmes:list': () => ok([]), 'supply:lookups': () => ok({ productGroups: [], units: [], channels: [] }) });
    renderApp('#/ket-noi-cung-cau');

    expect(await screen.findByRole('heading', { name: 'Chương trình kết nối cung – cầu' })).toBeTruthy();
    expect(await screen.findByText('Chưa có chương trình nào')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Kết nối cung – cầu' }).getAttribute('aria-current')).toBe('page');
  });
});
