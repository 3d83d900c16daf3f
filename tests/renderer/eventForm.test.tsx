import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { EventSummary, InputOf } from '../../src/shared/contract';
import { alliance, fail, installFakeApi, ok, provinces } from './fakeApi';
import { renderApp } from './renderApp';
import { choose } from './select';

const saved: EventSummary = {
  id: 9,
  kind: 'thematic_conference',
  title: 'Hoi nghi chuyen de che va dac san vung cao 2026',
  startsOn: '2026-12-15',
  startsAt: '08:00',
  endsOn: '2026-12-15',
  venue: '',
  provinceCode: '82',
  provinceName: 'Tỉnh Đồng Tháp',
  organizer: alliance.name,
  budget: 15_000_000,
  organizationCount: 0,
  partnerCount: 0,
  attendedCount: 0,
};

beforeEach(() => sessionStorage.clear());

describe('adding an event as offices write it', { timeout: 60_000 }, () => {
  it('reads «8h» and «15 triệu», says what they were read as, and asks «Vẫn lưu» before saving an event already recorded', async () => {
    const duplicate =
      'Có thể trùng với sự kiện đã ghi cùng loại (Hội nghị chuyên đề), bắt đầu cùng ngày 15/12/2026: «Hội nghị chuyên đề chè và đặc sản vùng cao 2026» (Hội trường Liên minh, Tỉnh An Giang). Nếu đúng là sự kiện khác, hãy xác nhận để lưu.';
    const listed = [{ id: 4, name: 'Hội nghị chuyên đề chè và đặc sản vùng cao 2026', detail: 'Hội trường Liên minh, Tỉnh An Giang' }];
    const invoke = installFakeApi({
      'alliance:get': () => ok(alliance),
      'places:provinces': () => ok(provinces),
      'events:list': () => ok({ rows: [], total: 0 }),
      'events:create': (input) => (input.confirmedSimilarIds?.includes(4) ? ok(saved) : fail({ kind: 'conflict', message: duplicate, existingId: 4, similar: listed })),
    });
    renderApp('#/su-kien');
    fireEvent.click(await screen.findByRole('button', { name: 'Thêm sự kiện' }, { timeout: 15_000 }));
    const dialog = await screen.findByRole('dialog', { name: 'Thêm sự kiện' });
    await choose(within(dialog).getByLabelText(/^Loại sự kiện/), '', 'Hội nghị chuyên đề');
    fireEvent.change(within(dialog).getByLabelText(/^Tên sự kiện/), { target: { value: saved.title } });
    fireEvent.change(within(dialog).getByLabelText(/^Ngày bắt đầu/), { target: { value: '15/12/2026' } });

    const time = within(dialog).getByLabelText<HTMLInputElement>(/^Giờ bắt đầu/);
    for (const [typed, read] of [['8 giờ', '08:00'], ['8g30', '08:30'], ['8h', '08:00']]) {
      fireEvent.change(time, { target: { value: typed } });
      fireEvent.blur(time);
      expect(await within(dialog).findByText(`«${String(typed)}» ghi nhận là ${String(read)}.`)).toBeTruthy();
    }
    // Kept as typed.
    expect(time.value).toBe('8h');
    const budget = within(dialog).getByLabelText<HTMLInputElement>(/^Kinh phí/);
    fireEvent.change(budget, { target: { value: '15 triệu' } });
    fireEvent.blur(budget);
    expect(await within(dialog).findByText('«15 triệu» ghi nhận là 15.000.000 đồng. Nếu không đúng, hãy sửa lại.')).toBeTruthy();

    fireEvent.click(within(dialog).getByRole('button', { name: 'Thêm sự kiện' }));
    expect(await within(dialog).findByText(duplicate)).toBeTruthy();
    const creates = () => invoke.mock.calls.filter(([channel]) => channel === 'events:create').map(([, input]) => input as InputOf<'events:create'>);
    expect(creates()).toMatchObject([{ title: saved.title, startsOn: '2026-12-15', startsAt: '08:00', budget: 15_000_000 }]);
    expect(creates()[0]?.confirmedSimilarIds).toBeUndefined();
    expect(within(dialog).getByRole('link', { name: 'Xem sự kiện đã ghi' }).getAttribute('href')).toBe('#/su-kien/4');

    fireEvent.click(within(dialog).getByRole('button', { name: 'Vẫn lưu' }));
    await waitFor(() => expect(creates().at(-1)).toMatchObject({ startsAt: '08:00', budget: 15_000_000, confirmedSimilarIds: [4] }));
  });
});
