import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { EventDetail, EventParticipant, SignInLine } from '../../src/shared/contract';
import { alliance, installFakeApi, ok } from './fakeApi';
import { renderApp } from './renderApp';

function participant(id: number, name: string, ended: EventParticipant['ended'] = null): EventParticipant {
  return {
    id,
    kind: 'organization',
    counterpartId: id + 100,
    name,
    organizationKind: 'htx',
    partnerKind: null,
    place: 'Xã Mỹ Hiệp',
    role: 'attendee',
    status: 'invited',
    representative: '',
    note: '',
    inTrash: false,
    ended,
  };
}

const event: EventDetail = {
  id: 3,
  kind: 'thematic_conference',
  title: 'Hội nghị chuyên đề chè và đặc sản vùng cao 2026',
  startsOn: '2026-10-15',
  startsAt: null,
  endsOn: '2026-10-15',
  venue: 'Hội trường Liên minh',
  provinceCode: '82',
  provinceName: 'Tỉnh Đồng Tháp',
  organizer: '',
  budget: null,
  organizationCount: 3,
  partnerCount: 0,
  attendedCount: 0,
  notYetHeld: false,
  coOrganizers: '',
  description: '',
  outcome: '',
  createdAt: '2026-09-01T08:00:00.000Z',
  updatedAt: '2026-09-01T08:00:00.000Z',
  participants: [
    participant(11, 'HTX Nông nghiệp Vĩnh Bình'),
    participant(12, 'HTX Rau an toàn An Châu', { status: 'dissolved', endedOn: '2026-09-30', beforeEvent: true }),
    participant(13, 'HTX Thủy sản Mỹ Hòa', { status: 'reorganized', endedOn: '2026-11-02', beforeEvent: false }),
  ],
};

function openEvent(detail: EventDetail, lines: SignInLine[] = []) {
  const invoke = installFakeApi({
    'alliance:get': () => ok(alliance),
    'events:get': () => ok(detail),
    'records:history': () => ok({ entries: [], names: {} }),
    'events:matchSignIn': () => ok(lines),
    'events:markAttendance': () => ok({ attended: 1, absent: 0, added: 0 }),
    'events:resetEarlyAttendance': () => ok({ reset: 2 }),
  });
  renderApp('#/su-kien/3');
  return invoke;
}

beforeEach(() => sessionStorage.clear());

describe('an event not yet held', { timeout: 40_000 }, () => {
  it('says attendance waits for its first day, and offers neither «Có mặt», «Vắng» nor the sign-in sheet', async () => {
    openEvent({ ...event, startsOn: '2026-12-15', endsOn: '2026-12-15', notYetHeld: true });
    const attendance = await screen.findByRole('group', { name: 'Điểm danh' }, { timeout: 15_000 });
    expect(within(attendance).getByText('Sự kiện bắt đầu ngày 15/12/2026, chưa diễn ra: chưa điểm danh được. Trước ngày đó chỉ ghi Được mời hoặc Đã đăng ký.')).toBeTruthy();
    for (const name of ['Có mặt', 'Vắng', 'Dán danh sách ký tên']) expect(within(attendance).getByRole('button', { name }).hasAttribute('disabled')).toBe(true);
  });

  it('shows Có mặt and Vắng stored before it began, row by row, as counted nowhere and to be set right', async () => {
    const [vinhBinh, anChau, myHoa] = event.participants.map((one) => ({ ...one, ended: null }));
    if (!vinhBinh || !anChau || !myHoa) throw new Error('no participants');
    openEvent({
      ...event,
      startsOn: '2026-12-15',
      endsOn: '2026-12-15',
      notYetHeld: true,
      participants: [{ ...vinhBinh, status: 'attended' }, { ...anChau, status: 'absent' }, myHoa],
    });
    expect(
      await screen.findByText(
        '2 đơn vị được ghi Có mặt hoặc Vắng từ trước khi sự kiện diễn ra (bắt đầu ngày 15/12/2026): các ghi nhận này không được tính vào số có mặt, kể cả trong báo cáo. Hãy sửa Tình trạng của các đơn vị này về Được mời hoặc Đã đăng ký.',
        {},
        { timeout: 15_000 },
      ),
    ).toBeTruthy();
    const rowOf = (name: string) => screen.getByText(name).closest('tr') as HTMLElement;
    expect(within(rowOf('HTX Nông nghiệp Vĩnh Bình')).getByText('Ghi trước ngày diễn ra, không tính')).toBeTruthy();
    expect(within(rowOf('HTX Rau an toàn An Châu')).getByText('Ghi trước ngày diễn ra, không tính')).toBeTruthy();
    expect(within(rowOf('HTX Thủy sản Mỹ Hòa')).queryByText('Ghi trước ngày diễn ra, không tính')).toBeNull();
  });

  it('sets all of them right in one go from the warning, and says how many', async () => {
    const [vinhBinh, anChau, myHoa] = event.participants.map((one) => ({ ...one, ended: null }));
    if (!vinhBinh || !anChau || !myHoa) throw new Error('no participants');
    const invoke = openEvent({
      ...event,
      startsOn: '2026-12-15',
      endsOn: '2026-12-15',
      notYetHeld: true,
      participants: [{ ...vinhBinh, status: 'attended' }, { ...anChau, status: 'absent' }, myHoa],
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Sửa tất cả: Có mặt thành Đã đăng ký, Vắng thành Được mời' }, { timeout: 15_000 }));
    await waitFor(() => expect(invoke).toHaveBeenCalledWith('events:resetEarlyAttendance', { eventId: 3 }));
    expect(await screen.findByText('Đã sửa Tình trạng của 2 đơn vị.')).toBeTruthy();
  });
});

describe('members that had ended', { timeout: 40_000 }, () => {
  it('are marked with their end on the event page, and one ended before the event is left off the printed sheet, said above it', async () => {
    openEvent(event);
    expect(await screen.findByText('Đã giải thể từ 30/09/2026', {}, { timeout: 15_000 })).toBeTruthy();
    expect(screen.getByText('Đã tổ chức lại từ 02/11/2026')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'In danh sách' }));
    const sheet = await screen.findByRole('dialog', { name: 'Danh sách thành phần tham dự' });
    expect(within(sheet).getAllByRole('row').slice(1).map((row) => within(row).getAllByRole('cell')[1]?.textContent)).toEqual([
      'HTX Nông nghiệp Vĩnh Bình',
      'HTX Thủy sản Mỹ Hòa',
    ]);
    expect(within(sheet).getByText('Không in 1 đơn vị đã chấm dứt hoạt động trước ngày sự kiện: HTX Rau an toàn An Châu (Đã giải thể từ 30/09/2026).')).toBeTruthy();
  });

  it('leaves units in the trash off the printed sheet too, said above it', async () => {
    const [vinhBinh, , myHoa] = event.participants;
    if (!vinhBinh || !myHoa) throw new Error('no participants');
    const buyer: EventParticipant = { ...participant(14, 'Công ty CP Thực phẩm Sao Mai'), kind: 'partner', organizationKind: null, partnerKind: 'enterprise', inTrash: true };
    openEvent({ ...event, participants: [vinhBinh, { ...myHoa, inTrash: true }, buyer] });
    fireEvent.click(await screen.findByRole('button', { name: 'In danh sách' }, { timeout: 15_000 }));
    const sheet = await screen.findByRole('dialog', { name: 'Danh sách thành phần tham dự' });
    expect(within(sheet).getAllByRole('row').slice(1).map((row) => within(row).getAllByRole('cell')[1]?.textContent)).toEqual(['HTX Nông nghiệp Vĩnh Bình']);
    expect(within(sheet).getByText('Không in 2 đơn vị đang ở Thùng rác: HTX Thủy sản Mỹ Hòa; Công ty CP Thực phẩm Sao Mai.')).toBeTruthy();
  });

  it('are left unticked by a sign-in sheet when ended before the event, the line saying why, for the person to tick', async () => {
    const matched = (lineNumber: number, line: string, participantId: number, name: string): SignInLine => ({
      line,
      lineNumber,
      name: line,
      representative: '',
      result: 'matched',
      candidates: [{ participantId, name, status: 'invited' }],
      newcomers: [],
    });
    const lines = [matched(1, 'HTX NN Vĩnh Bình', 11, 'HTX Nông nghiệp Vĩnh Bình'), matched(2, 'HTX RAT An Châu', 12, 'HTX Rau an toàn An Châu')];
    const invoke = openEvent(event, lines);
    fireEvent.click(await screen.findByRole('button', { name: 'Dán danh sách ký tên' }, { timeout: 15_000 }));
    const dialog = await screen.findByRole('dialog', { name: 'Dán danh sách ký tên' });
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Tên đơn vị, mỗi dòng một đơn vị' }), { target: { value: 'HTX NN Vĩnh Bình\nHTX RAT An Châu' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Đối chiếu' }));

    expect(await within(dialog).findByText('Khớp 1 dòng')).toBeTruthy();
    expect(within(dialog).getByText('1 dòng là đơn vị đã chấm dứt hoạt động trước ngày sự kiện')).toBeTruthy();
    const anChau = within(dialog).getByRole('checkbox', { name: 'HTX Rau an toàn An Châu' });
    expect([(anChau as HTMLInputElement).checked, anChau.hasAttribute('disabled')]).toEqual([false, false]);
    expect(within(dialog).getByText('Dòng 2: Đã giải thể từ 30/09/2026, trước ngày sự kiện: chỉ đánh dấu nếu đơn vị vẫn có người dự.')).toBeTruthy();
    expect(within(dialog).getByRole('button', { name: 'Ghi có mặt (1)' })).toBeTruthy();

    // Someone of it did come: the person ticks it.
    fireEvent.click(anChau);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Ghi có mặt (2)' }));
    await waitFor(() =>
      expect(invoke.mock.calls.find(([channel]) => channel === 'events:markAttendance')?.[1]).toEqual({
        eventId: 3,
        attendedIds: [11, 12],
        absentIds: [],
        representatives: [],
        newcomers: [],
      }),
    );
  });
});
