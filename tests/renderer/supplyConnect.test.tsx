import { fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { alliance, installFakeApi, ok } from './fakeApi';
import { renderApp } from './renderApp';

beforeEach(() => sessionStorage.clear());

const notice = 'Mở nhu cầu cần kết nối trong danh sách dưới đây; trang của nhu cầu gợi ý các nguồn cung phù hợp, bấm «Kết nối» ở nguồn cung được chọn.';

describe('making a connection from the connections list', { timeout: 20_000 }, () => {
  it('opens the demands and says what to do there; the demands tab opened otherwise says nothing', async () => {
    installFakeApi({
      'alliance:get': () => ok(alliance),
      'supply:lookups': () => ok({ productGroups: [], units: [], channels: [] }),
      'programmes:list': () => ok([]),
      'connections:list': () => ok({ rows: [], total: 0 }),
      'demands:list': () => ok({ rows: [], total: 0 }),
    });
    renderApp('#/ket-noi-cung-cau/ket-noi');

    fireEvent.click(await screen.findByRole('button', { name: 'Tạo kết nối (từ một nhu cầu)' }, { timeout: 5000 }));
    await waitFor(() => expect(screen.getByRole('tab', { name: 'Nhu cầu' }).getAttribute('aria-selected')).toBe('true'));
    expect(await screen.findByText(notice)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Đóng' }));
    expect(screen.queryByText(notice)).toBeNull();

    fireEvent.click(screen.getByRole('tab', { name: 'Kết nối' }));
    fireEvent.click(await screen.findByRole('tab', { name: 'Nhu cầu' }));
    await waitFor(() => expect(screen.getByRole('tab', { name: 'Nhu cầu' }).getAttribute('aria-selected')).toBe('true'));
    expect(screen.queryByText(notice)).toBeNull();
  });
});
