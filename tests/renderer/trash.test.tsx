import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { alliance, fail, installFakeApi, ok, organization } from './fakeApi';
import { renderApp } from './renderApp';

const deleted = [
  { ...organization({ id: 3, name: 'HTX Dịch vụ Tân Hồng', registrationNo: '1400123456' }), deletedAt: '2025-08-02T03:05:00.000Z' },
  { ...organization({ id: 4, name: 'Tổ hợp tác Mỹ Hiệp', kind: 'tht' }), deletedAt: '2025-08-03T03:05:00.000Z' },
];

/** The other kinds of deleted records, empty here. */
const nothingElse = {
  'partners:trash': () => ok({ rows: [], total: 0 }),
  'events:trash': () => ok({ rows: [], total: 0 }),
  'agreements:trash': () => ok({ rows: [], total: 0 }),
};

describe('trash', () => {
  it('lists deleted organizations and restores one', async () => {
    const restored: number[] = [];
    installFakeApi({
      ...nothingElse,
      'alliance:get': () => ok(alliance),
      'organizations:trash': () => ok({ rows: deleted.filter((row) => !restored.includes(row.id)), total: 2 - restored.length }),
      'organizations:restore': ({ id }) => {
        restored.push(id);
        return ok(organization({ id, name: 'Tổ hợp tác Mỹ Hiệp', kind: 'tht' }));
      },
    });
    renderApp('#/thung-rac');

    const row = (await screen.findByText('Tổ hợp tác Mỹ Hiệp', {}, { timeout: 5000 })).closest('tr') as HTMLElement;
    expect(within(row).getByText('THT')).toBeTruthy();
    expect(within(row).getByText(/^03\/08\/2025 \d{2}:05$/)).toBeTruthy();
    expect(screen.getByText(/^2 tổ chức trong Thùng rác/)).toBeTruthy();

    fireEvent.click(within(row).getByRole('button', { name: 'Khôi phục Tổ hợp tác Mỹ Hiệp' }));
    expect(await screen.findByText('Đã khôi phục Tổ hợp tác Mỹ Hiệp.')).toBeTruthy();
    expect(restored).toEqual([4]);
    expect(await screen.findByText(/^1 tổ chức trong Thùng rác/)).toBeTruthy();
  });

  it('says why a restore is refused and links to the record that took the number', async () => {
    const message =
      'Không khôi phục được HTX Dịch vụ Tân Hồng: mã số HTX 1400123456 nay đã ghi cho HTX Tân Hồng Mới (xã Tân Hồng). Hãy sửa mã số ở hồ sơ đang dùng nếu nhập nhầm, rồi khôi phục lại.';
    installFakeApi({
      ...nothingElse,
      'alliance:get': () => ok(alliance),
      'organizations:trash': () => ok({ rows: deleted, total: 2 }),
      'organizations:restore': () => fail({ kind: 'conflict', message, existingId: 11 }),
    });
    renderApp('#/thung-rac');

    fireEvent.click(await screen.findByRole('button', { name: 'Khôi phục HTX Dịch vụ Tân Hồng' }, { timeout: 5000 }));
    const alert = (await screen.findByText(message)).closest('[role=alert]') as HTMLElement;
    expect(within(alert).getByRole('link', { name: 'Mở hồ sơ đang dùng mã số đó' }).getAttribute('href')).toBe('#/thanh-vien/11');
  });
});

describe('the trash opened on one organization (a possible duplicate\'s link)', () => {
  it('shows that one alone with its «Khôi phục», and the whole trash one link away', async () => {
    const asked: unknown[] = [];
    const restored: number[] = [];
    installFakeApi({
      ...nothingElse,
      'alliance:get': () => ok(alliance),
      'organizations:trash': (input) => {
        asked.push(input);
        const rows = deleted.filter((row) => row.id === input.id && !restored.includes(row.id));
        return ok({ rows, total: rows.length });
      },
      'organizations:restore': ({ id }) => {
        restored.push(id);
        return ok(organization({ id, name: 'HTX Dịch vụ Tân Hồng' }));
      },
    });
    renderApp('#/thung-rac/to-chuc/3');

    const row = (await screen.findByText('HTX Dịch vụ Tân Hồng', {}, { timeout: 5000 })).closest('tr') as HTMLElement;
    expect(asked).toContainEqual({ page: 1, pageSize: 50, id: 3 });
    expect(screen.queryByText('Tổ hợp tác Mỹ Hiệp')).toBeNull();
    // The other kinds are not in the way, nor a count of the trash that is not shown.
    expect(screen.queryByText('Đối tác đã xóa')).toBeNull();
    expect(screen.queryByText(/tổ chức trong Thùng rác/)).toBeNull();
    expect(screen.getByRole('link', { name: 'Xem cả Thùng rác' }).getAttribute('href')).toBe('#/thung-rac');
    expect(screen.getByRole('link', { name: 'Thùng rác' }).getAttribute('aria-current')).toBe('page');

    fireEvent.click(within(row).getByRole('button', { name: 'Khôi phục HTX Dịch vụ Tân Hồng' }));
    expect(await screen.findByText('Đã khôi phục HTX Dịch vụ Tân Hồng.')).toBeTruthy();
    expect(restored).toEqual([3]);
    expect(await screen.findByText('Tổ chức này không còn trong Thùng rác')).toBeTruthy();
  });
});

describe('the trash page', () => {
  it('says what it holds without a list of kinds that would leave some out', async () => {
    installFakeApi({ ...nothingElse, 'alliance:get': () => ok(alliance), 'organizations:trash': () => ok({ rows: [], total: 0 }) });
    renderApp('#/thung-rac');
    expect(await screen.findByText('Mọi hồ sơ đã xóa trong ứng dụng nằm ở đây, xếp theo loại. Khôi phục để đưa trở lại với đầy đủ thông tin.', {}, { timeout: 5000 })).toBeTruthy();
  });

  it('offers, on the page of an organization in the trash that a link led to, to open it there', async () => {
    const gone = 'Tổ chức «HTX Dịch vụ Tân Hồng» đang ở Thùng rác; hãy khôi phục ở mục Thùng rác nếu cần dùng lại.';
    installFakeApi({
      ...nothingElse,
      'alliance:get': () => ok(alliance),
      'organizations:get': () => fail({ kind: 'notFound', message: gone }),
      'organizations:trash': ({ id }) => ok({ rows: deleted.filter((row) => row.id === id), total: 1 }),
    });
    renderApp('#/thanh-vien/3/qua-trinh');
    expect(await screen.findByText(gone, {}, { timeout: 5000 })).toBeTruthy();
    expect((await screen.findByRole('link', { name: 'Mở trong Thùng rác để khôi phục' })).getAttribute('href')).toBe('#/thung-rac/to-chuc/3');
  });

  it('offers no such link for an organization removed for good', async () => {
    const gone = 'Không tìm thấy tổ chức này; có thể đã bị xóa hẳn. Hãy tải lại danh sách.';
    installFakeApi({
      ...nothingElse,
      'alliance:get': () => ok(alliance),
      'organizations:get': () => fail({ kind: 'notFound', message: gone }),
      'organizations:trash': () => ok({ rows: [], total: 0 }),
    });
    renderApp('#/thanh-vien/3');
    expect(await screen.findByText(gone, {}, { timeout: 5000 })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Thử lại' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Mở trong Thùng rác để khôi phục' })).toBeNull();
  });
});
