import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { EventDetail, EventParticipant, EventSummary, InputOf, SignInLine } from '../../src/shared/contract';
import type { AppError } from '../../src/shared/errors';
import { alliance, eventLookups, fail, installFakeApi, ok, organization, partner, provinces } from './fakeApi';
import { renderApp } from './renderApp';
import { choose, shownOptions, typeInto } from './select';

const conference: EventSummary = {
  id: 3,
  kind: 'supply_demand_conference',
  title: 'Hội nghị kết nối cung – cầu nông sản tại Hà Nội',
  startsOn: '2026-10-15',
  startsAt: '08:00',
  endsOn: '2026-10-16',
  venue: 'Trung tâm Hội nghị Quốc gia',
  provinceCode: '01',
  provinceName: 'Thành phố Hà Nội',
  organizer: 'Liên minh Hợp tác xã tỉnh Đồng Tháp',
  budget: 250_000_000,
  organizationCount: 5,
  partnerCount: 3,
  attendedCount: 4,
};

const online: EventSummary = {
  ...conference,
  id: 4,
  kind: 'online_meeting',
  title: 'Họp trực tuyến với Liên minh HTX Việt Nam',
  startsOn: '2026-09-02',
  startsAt: null,
  endsOn: '2026-09-02',
  venue: '',
  provinceCode: null,
  provinceName: '',
  organizationCount: 0,
  partnerCount: 0,
  attendedCount: 0,
};

const detail: EventDetail = {
  ...conference,
  coOrganizers: '',
  description: '',
  outcome: '',
  notYetHeld: false,
  createdAt: '2026-09-01T08:00:00.000Z',
  updatedAt: '2026-09-01T08:00:00.000Z',
  participants: [
    {
      id: 11,
      kind: 'organization',
      counterpartId: 7,
      name: 'Hợp tác xã Nông nghiệp Vĩnh Bình',
      organizationKind: 'htx',
      partnerKind: null,
      place: 'Xã Mỹ Hiệp',
      role: 'exhibitor',
      status: 'registered',
      representative: '',
      note: '',
      inTrash: false,
      ended: null,
    },
    {
      id: 12,
      kind: 'partner',
      counterpartId: 2,
      name: 'Công ty Cổ phần Thực phẩm Hà Nội',
      organizationKind: null,
      partnerKind: 'enterprise',
      place: 'Thành phố Hà Nội',
      role: 'attendee',
      status: 'invited',
      representative: '',
      note: '',
      inTrash: false,
      ended: null,
    },
  ],
};

beforeEach(() => sessionStorage.clear());

describe('events list', () => {
  it('shows dates as dd/mm/yyyy, kind, place and participant counts, and searches as one types', async () => {
    const invoke = installFakeApi({
      'alliance:get': () => ok(alliance),
      'places:provinces': () => ok(provinces),
      'events:list': () => ok({ rows: [conference, online], total: 2 }),
    });
    renderApp('#/su-kien');

    // The first render of the whole app is slow in jsdom.
    expect(await screen.findByText('2 sự kiện', {}, { timeout: 5000 })).toBeTruthy();
    const table = screen.getByRole('table');
    const row = within(table).getByText('Hội nghị kết nối cung – cầu nông sản tại Hà Nội').closest('tr');
    expect(row && within(row).getAllByRole('cell').map((cell) => cell.textContent)).toEqual([
      '08:00, 15/10/2026 – 16/10/2026',
      'Hội nghị kết nối cung – cầu nông sản tại Hà NộiTrung tâm Hội nghị Quốc gia',
      'Hội nghị kết nối cung – cầu',
      'Thành phố Hà Nội',
      '5 thành viên · 3 đối tác4 có mặt',
    ]);
    const onlineRow = within(table).getByText('Họp trực tuyến với Liên minh HTX Việt Nam').closest('tr');
    expect(onlineRow && within(onlineRow).getAllByRole('cell').map((cell) => cell.textContent)).toEqual([
      '02/09/2026',
      'Họp trực tuyến với Liên minh HTX Việt Nam',
      'Họp trực tuyến',
      'Trực tuyến',
      '0 thành viên · 0 đối tác',
    ]);

    fireEvent.change(screen.getByRole('textbox', { name: 'Tìm kiếm sự kiện' }), { target: { value: 'ha noi' } });
    await waitFor(() => {
      const inputs = invoke.mock.calls.filter(([channel]) => channel === 'events:list').map(([, input]) => input as InputOf<'events:list'>);
      expect(inputs.at(-1)).toEqual({ search: 'ha noi', sort: { by: 'startsOn', direction: 'desc' }, page: 1, pageSize: 50 });
    });
  });
});

describe('filtering the events list', () => {
  it('keeps kind, place and year behind «Bộ lọc», shows each in force as a chip, and past or upcoming in the toolbar', async () => {
    const invoke = installFakeApi({
      'alliance:get': () => ok(alliance),
      'places:provinces': () => ok(provinces),
      'events:list': () => ok({ rows: [conference], total: 1 }),
    });
    renderApp('#/su-kien');
    await screen.findByText('1 sự kiện', {}, { timeout: 5000 });
    const lastRequest = () => invoke.mock.calls.filter(([channel]) => channel === 'events:list').at(-1)?.[1];
    const newestFirst = { sort: { by: 'startsOn', direction: 'desc' }, page: 1, pageSize: 50 };
    const year = new Date().getFullYear();

    fireEvent.click(screen.getByRole('radio', { name: 'Sắp diễn ra' }));
    await waitFor(() => expect(lastRequest()).toEqual({ when: 'upcoming', ...newestFirst }));

    fireEvent.click(screen.getByRole('button', { name: 'Bộ lọc' }));
    await choose(await screen.findByLabelText('Loại sự kiện'), '', 'Hội chợ – triển lãm');
    await choose(screen.getByLabelText('Nơi tổ chức'), 'ha noi', 'Thành phố Hà Nội');
    await choose(screen.getByLabelText('Năm'), '', String(year));
    await waitFor(() => expect(lastRequest()).toEqual({ kind: 'fair', provinceCode: '01', year, when: 'upcoming', ...newestFirst }));
    expect(screen.getByText('Loại sự kiện: Hội chợ – triển lãm')).toBeTruthy();
    expect(screen.getByText('Nơi tổ chức: Thành phố Hà Nội')).toBeTruthy();
    expect(screen.getByText(`Năm: ${String(year)}`)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: `Bỏ lọc «Năm: ${String(year)}»` }));
    await waitFor(() => expect(lastRequest()).toEqual({ kind: 'fair', provinceCode: '01', when: 'upcoming', ...newestFirst }));
    // Clearing the filters leaves past or upcoming as chosen: it is not one of them.
    fireEvent.click(screen.getByRole('button', { name: 'Xóa bộ lọc' }));
    await waitFor(() => expect(lastRequest()).toEqual({ when: 'upcoming', ...newestFirst }));
    expect(screen.queryByText('Loại sự kiện: Hội chợ – triển lãm')).toBeNull();
  });
});

/**
 * The event's page with the sheet pasted into «Dán danh sách ký tên» and «Đối chiếu» pressed, the
 * core answering `lines` and, on recording, `marked` (or refusing with it).
 */
async function pasteAndMatch(lines: SignInLine[], marked: { attended: number; absent: number; added: number } | AppError, pasted: string, event: EventDetail = detail) {
  const invoke = installFakeApi({
    'alliance:get': () => ok(alliance),
    'events:get': () => ok(event),
    'records:history': () => ok({ entries: [], names: {} }),
    'events:matchSignIn': () => ok(lines),
    'events:markAttendance': () => ('kind' in marked ? fail(marked) : ok(marked)),
  });
  renderApp('#/su-kien/3');
  fireEvent.click(await screen.findByRole('button', { name: 'Dán danh sách ký tên' }, { timeout: 5000 }));
  const dialog = await screen.findByRole('dialog', { name: 'Dán danh sách ký tên' });
  fireEvent.change(within(dialog).getByRole('textbox', { name: 'Tên đơn vị, mỗi dòng một đơn vị' }), { target: { value: pasted } });
  fireEvent.click(within(dialog).getByRole('button', { name: 'Đối chiếu' }));
  return { invoke, dialog };
}

describe('an event’s page while the kinds are still loading', () => {
  it('shows no kind code, then the kind’s name once the kinds have come', async () => {
    const answer = ok(eventLookups);
    let answerKinds: () => void = () => undefined;
    const kinds = new Promise<typeof answer>((resolve) => (answerKinds = () => resolve(answer)));
    installFakeApi({
      'alliance:get': () => ok(alliance),
      'events:get': () => ok(detail),
      'records:history': () => ok({ entries: [], names: {} }),
      // The fake answers with whatever the handler gives; a pending promise holds the kinds back.
      'events:lookups': () => kinds as unknown as typeof answer,
    });
    renderApp('#/su-kien/3');

    expect(await screen.findByRole('heading', { name: detail.title }, { timeout: 5000 })).toBeTruthy();
    expect(screen.queryByText('supply_demand_conference')).toBeNull();
    expect(screen.queryByText('exhibitor')).toBeNull();

    act(() => answerKinds());
    expect(await screen.findByText('Hội nghị kết nối cung – cầu')).toBeTruthy();
    expect(screen.getAllByText('Trưng bày').length).toBeGreaterThan(0);
  });
});

describe('pasting a sign-in sheet', () => {
  it('shows matched lines, offers to add members who came uninvited, lists unmatched ones, then records attendance', async () => {
    const lines: SignInLine[] = [
      {
        line: '1. htx nn vinh binh - Nguyễn Văn An',
        lineNumber: 1,
        name: 'htx nn vinh binh',
        representative: 'Nguyễn Văn An',
        result: 'matched',
        candidates: [{ participantId: 11, name: 'Hợp tác xã Nông nghiệp Vĩnh Bình', status: 'registered' }],
        newcomers: [],
      },
      {
        line: '2. HTX DV Mỹ Hiệp - Lê Thị Hoa',
        lineNumber: 2,
        name: 'HTX DV Mỹ Hiệp',
        representative: 'Lê Thị Hoa',
        result: 'newcomer',
        candidates: [],
        newcomers: [{ kind: 'organization', id: 41, name: 'Hợp tác xã Dịch vụ Mỹ Hiệp', place: 'Xã Mỹ Hiệp' }],
      },
      {
        line: '3. Bình An',
        lineNumber: 3,
        name: 'Bình An',
        representative: '',
        result: 'newcomer',
        candidates: [],
        newcomers: [
          { kind: 'organization', id: 51, name: 'HTX Bình An', place: 'Xã Bình An' },
          { kind: 'partner', id: 7, name: 'Công ty TNHH Bình An', place: 'Thành phố Hồ Chí Minh' },
        ],
      },
      { line: '4. Hợp tác xã Bình Minh', lineNumber: 4, name: 'Hợp tác xã Bình Minh', representative: '', result: 'unmatched', candidates: [], newcomers: [] },
    ];
    const pasted = lines.map((line) => line.line).join('\n');
    const { invoke, dialog } = await pasteAndMatch(lines, { attended: 2, absent: 0, added: 1 }, pasted);

    expect(await within(dialog).findByText('Khớp 1 dòng')).toBeTruthy();
    expect(within(dialog).getByText('2 dòng là đơn vị chưa mời')).toBeTruthy();
    expect(within(dialog).getByText('1 dòng không khớp')).toBeTruthy();
    expect(within(dialog).getByText('Hợp tác xã Nông nghiệp Vĩnh Bình')).toBeTruthy();
    expect(within(dialog).getByText('Người ký: Nguyễn Văn An')).toBeTruthy();
    // One unit of the register of that name: added unless unticked. Two: added when one is chosen.
    const joining = within(dialog).getByRole('checkbox', { name: 'Thêm Hợp tác xã Dịch vụ Mỹ Hiệp (Xã Mỹ Hiệp)' });
    expect((joining as HTMLInputElement).checked).toBe(true);
    expect(within(dialog).getAllByLabelText('Đơn vị cần thêm của dòng «3. Bình An»').length).toBeGreaterThan(0);
    const [unmatched, unchosen] = within(dialog).getAllByRole('alert');
    if (!unmatched || !unchosen) throw new Error('two alerts expected');
    expect(within(unmatched).getByText('Không khớp với đơn vị nào trong thành phần tham dự, danh sách thành viên hay đối tác')).toBeTruthy();
    // A unit of the register among several, not chosen: said before recording.
    expect(within(unchosen).getByText('Còn 1 dòng chưa chọn đơn vị')).toBeTruthy();
    expect(within(unchosen).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['3. Bình An']);
    expect(within(unmatched).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['4. Hợp tác xã Bình Minh']);
    expect(invoke.mock.calls.find(([channel]) => channel === 'events:matchSignIn')?.[1]).toEqual({ eventId: 3, text: pasted });

    fireEvent.click(joining);
    expect(within(dialog).getByRole('button', { name: 'Ghi có mặt (1)' })).toBeTruthy();
    fireEvent.click(joining);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Ghi có mặt (2)' }));
    await waitFor(() =>
      expect(invoke.mock.calls.find(([channel]) => channel === 'events:markAttendance')?.[1]).toEqual({
        eventId: 3,
        attendedIds: [11],
        absentIds: [],
        representatives: [{ id: 11, representative: 'Nguyễn Văn An' }],
        newcomers: [{ kind: 'organization', id: 41, representative: 'Lê Thị Hoa' }],
      }),
    );
    expect(await screen.findByText('Đã điểm danh: 2 có mặt (trong đó 1 đơn vị mới thêm vào thành phần tham dự), 0 vắng.')).toBeTruthy();
  });
});

describe('pasting a sign-in sheet naming units that cannot be added', () => {
  it('shows a unit dissolved before the event, or in the trash, unticked for good and why; a refusal on recording names its line', async () => {
    const lines: SignInLine[] = [
      {
        line: '9 Ngô Văn Phúc Giám đốc HTX Rau an toàn An Châu',
        lineNumber: 10,
        name: 'HTX Rau an toàn An Châu',
        representative: 'Ngô Văn Phúc (Giám đốc)',
        result: 'newcomer',
        candidates: [],
        newcomers: [{ kind: 'organization', id: 118, name: 'HTX Rau an toàn An Châu', place: 'Xã An Châu', barred: { reason: 'ended', status: 'dissolved', endedOn: '2022-10-19' } }],
      },
      {
        line: '10 Lý Văn Sáu Giám đốc HTX Tân Lập',
        lineNumber: 11,
        name: 'HTX Tân Lập',
        representative: 'Lý Văn Sáu (Giám đốc)',
        result: 'newcomer',
        candidates: [],
        newcomers: [
          { kind: 'organization', id: 8, name: 'HTX Tân Lập', place: 'Xã Vĩnh An', barred: { reason: 'trash' } },
          { kind: 'organization', id: 9, name: 'HTX Tân Lập', place: 'Xã Vĩnh Bình' },
        ],
      },
    ];
    const refusal = 'HTX Tân Lập đã chấm dứt hoạt động từ ngày 01/12/2026.';
    const { dialog } = await pasteAndMatch(lines, { kind: 'validation', message: refusal, issues: [{ path: 'newcomers.0.id', message: refusal }] }, 'pasted');

    expect(await within(dialog).findByText('1 dòng là đơn vị không thêm được')).toBeTruthy();
    expect(within(dialog).getByText('1 dòng là đơn vị chưa mời')).toBeTruthy();
    const dissolved = within(dialog).getByRole<HTMLInputElement>('checkbox', { name: 'Thêm HTX Rau an toàn An Châu (Xã An Châu)' });
    expect([dissolved.checked, dissolved.disabled]).toEqual([false, true]);
    expect(within(dialog).getByText('Dòng 10: Đã giải thể từ 19/10/2022, không thêm được vào thành phần tham dự.')).toBeTruthy();
    const trashed = within(dialog).getByRole<HTMLInputElement>('checkbox', { name: 'Thêm HTX Tân Lập (Xã Vĩnh An)' });
    expect([trashed.checked, trashed.disabled]).toEqual([false, true]);
    expect(within(dialog).getByText('Dòng 11: Đang ở Thùng rác, không thêm được vào thành phần tham dự.')).toBeTruthy();
    // The one of that name that can be added is ticked, as a line of one unit is.
    expect(within(dialog).getByRole<HTMLInputElement>('checkbox', { name: 'Thêm HTX Tân Lập (Xã Vĩnh Bình)' }).checked).toBe(true);

    // Ended since the sheet was matched: refused at its line, nothing recorded, the dialog stays.
    fireEvent.click(within(dialog).getByRole('button', { name: 'Ghi có mặt (1)' }));
    expect(await within(dialog).findByText('Chưa ghi được: 1 dòng có đơn vị không thêm được')).toBeTruthy();
    expect(within(dialog).getByText(`Dòng 11 «10 Lý Văn Sáu Giám đốc HTX Tân Lập»: ${refusal}`)).toBeTruthy();
    expect(within(dialog).getByText('10 Lý Văn Sáu Giám đốc HTX Tân Lập').closest('tr')?.textContent).toContain(refusal);
  });
});

describe('pasting a sign-in sheet naming a participant in the Thùng rác', () => {
  it('leaves it unticked, neither present nor absent, says why at its line, and offers it among several only as unchoosable', async () => {
    const [vinhBinh, hanoiFoods] = detail.participants;
    if (!vinhBinh || !hanoiFoods) throw new Error('two participants expected');
    const myHiep: EventParticipant = { ...vinhBinh, id: 13, counterpartId: 9, name: 'Hợp tác xã Nông nghiệp Mỹ Hiệp', place: 'Xã Mỹ Hiệp' };
    const withTrashed: EventDetail = { ...detail, participants: [{ ...vinhBinh, inTrash: true }, hanoiFoods, myHiep] };
    const lines: SignInLine[] = [
      {
        line: '1. HTX NN Vĩnh Bình',
        lineNumber: 1,
        name: 'HTX NN Vĩnh Bình',
        representative: '',
        result: 'matched',
        candidates: [{ participantId: 11, name: vinhBinh.name, status: 'registered' }],
        newcomers: [],
      },
      {
        line: '2. Cty CP Thực phẩm Hà Nội',
        lineNumber: 2,
        name: 'Cty CP Thực phẩm Hà Nội',
        representative: '',
        result: 'matched',
        candidates: [{ participantId: 12, name: hanoiFoods.name, status: 'invited' }],
        newcomers: [],
      },
      {
        line: '3. HTX Nông nghiệp',
        lineNumber: 3,
        name: 'HTX Nông nghiệp',
        representative: '',
        result: 'ambiguous',
        candidates: [
          { participantId: 11, name: vinhBinh.name, status: 'registered' },
          { participantId: 13, name: myHiep.name, status: 'registered' },
        ],
        newcomers: [],
      },
    ];
    const pasted = lines.map((line) => line.line).join('\n');
    const { invoke, dialog } = await pasteAndMatch(lines, { attended: 1, absent: 1, added: 0 }, pasted, withTrashed);

    expect(await within(dialog).findByText('Khớp 1 dòng')).toBeTruthy();
    expect(within(dialog).getByText('1 dòng là đơn vị đang ở Thùng rác')).toBeTruthy();
    const trashed = within(dialog).getByRole<HTMLInputElement>('checkbox', { name: vinhBinh.name });
    expect([trashed.checked, trashed.disabled]).toEqual([false, true]);
    expect(
      within(dialog).getByText('Dòng 1: đơn vị đang ở Thùng rác nên không điểm danh được; nếu đúng là đơn vị này, hãy khôi phục nó từ Thùng rác rồi điểm danh lại.'),
    ).toBeTruthy();
    const [choice] = within(dialog).getAllByLabelText('Đơn vị của dòng «3. HTX Nông nghiệp»');
    if (!choice) throw new Error('no choice for the line');
    typeInto(choice, '');
    await waitFor(() => expect(shownOptions()).toEqual([`${vinhBinh.name} (Đang ở Thùng rác)`, myHiep.name]));
    expect(screen.getAllByRole('option').map((option) => option.hasAttribute('data-combobox-disabled'))).toEqual([true, false]);
    fireEvent.keyDown(choice, { key: 'Escape' });

    fireEvent.click(within(dialog).getByRole('checkbox', { name: 'Đánh «Vắng» cho các đơn vị còn lại không có tên trong danh sách' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Ghi có mặt (1)' }));
    await waitFor(() =>
      expect(invoke.mock.calls.find(([channel]) => channel === 'events:markAttendance')?.[1]).toEqual({
        eventId: 3,
        attendedIds: [12],
        absentIds: [13],
        representatives: [],
        newcomers: [],
      }),
    );
  });
});

describe('pasting a sign-in sheet typed the person first', () => {
  it('shows who signed with their title, offers a participant the line only resembles, and records both as shown', async () => {
    const lines: SignInLine[] = [
      {
        line: 'Bà Lê Thị Hoa, GĐ HTX NN Vĩnh Bình',
        lineNumber: 1,
        name: 'HTX NN Vĩnh Bình',
        representative: 'Bà Lê Thị Hoa, GĐ',
        result: 'matched',
        candidates: [{ participantId: 11, name: 'Hợp tác xã Nông nghiệp Vĩnh Bình', status: 'registered' }],
        newcomers: [],
      },
      {
        line: 'Ông Phạm Văn Ba (Phó GĐ) - CTCP Thực phẩm Hà',
        lineNumber: 2,
        name: 'CTCP Thực phẩm Hà',
        representative: 'Ông Phạm Văn Ba (Phó GĐ)',
        result: 'ambiguous',
        candidates: [{ participantId: 12, name: 'Công ty Cổ phần Thực phẩm Hà Nội', status: 'registered' }],
        newcomers: [],
      },
    ];
    const { invoke, dialog } = await pasteAndMatch(lines, { attended: 2, absent: 0, added: 0 }, 'pasted');

    expect(await within(dialog).findByText('Người ký: Bà Lê Thị Hoa, GĐ')).toBeTruthy();
    expect(within(dialog).getByText('Người ký: Ông Phạm Văn Ba (Phó GĐ)')).toBeTruthy();
    // Offered, never matched: recorded only once chosen.
    expect(within(dialog).getByText('Có thể là Công ty Cổ phần Thực phẩm Hà Nội: chọn nếu đúng.')).toBeTruthy();
    expect(within(dialog).getByRole('button', { name: 'Ghi có mặt (1)' })).toBeTruthy();
    const [choice] = within(dialog).getAllByLabelText('Đơn vị của dòng «Ông Phạm Văn Ba (Phó GĐ) - CTCP Thực phẩm Hà»');
    if (!choice) throw new Error('no choice for the line');
    await choose(choice, '', 'Công ty Cổ phần Thực phẩm Hà Nội');

    fireEvent.click(within(dialog).getByRole('button', { name: 'Ghi có mặt (2)' }));
    await waitFor(() =>
      expect(invoke.mock.calls.find(([channel]) => channel === 'events:markAttendance')?.[1]).toEqual({
        eventId: 3,
        attendedIds: [11, 12],
        absentIds: [],
        representatives: [
          { id: 11, representative: 'Bà Lê Thị Hoa, GĐ' },
          { id: 12, representative: 'Ông Phạm Văn Ba (Phó GĐ)' },
        ],
        newcomers: [],
      }),
    );
  });
});

describe('pasting a sign-in sheet with mistyped names', () => {
  it('marks what a forgiven typo found «Gần đúng» and records it only once the person chooses or ticks it', async () => {
    const lines: SignInLine[] = [
      {
        line: '1. HTX NN Vinh Bihn - Nguyễn Văn An',
        lineNumber: 1,
        name: 'HTX NN Vinh Bihn',
        representative: 'Nguyễn Văn An',
        result: 'ambiguous',
        candidates: [{ participantId: 11, name: 'Hợp tác xã Nông nghiệp Vĩnh Bình', status: 'registered' }],
        newcomers: [],
        nearMatch: true,
      },
      {
        line: '2. Hợp tác xã Nông ngiệp Phú Thuận',
        lineNumber: 2,
        name: 'Hợp tác xã Nông ngiệp Phú Thuận',
        representative: '',
        result: 'newcomer',
        candidates: [],
        newcomers: [{ kind: 'organization', id: 41, name: 'HTX Nông nghiệp Phú Thuận', place: 'Xã Phú Thuận' }],
        nearMatch: true,
      },
    ];
    const { invoke, dialog } = await pasteAndMatch(lines, { attended: 2, absent: 0, added: 1 }, 'pasted');

    expect(await within(dialog).findByText('Có thể là Hợp tác xã Nông nghiệp Vĩnh Bình: chọn nếu đúng.')).toBeTruthy();
    expect(within(dialog).getAllByText('Gần đúng').map((badge) => badge.closest('tr')?.textContent.slice(0, 20))).toEqual([
      '1. HTX NN Vinh Bihn ',
      '2. Hợp tác xã Nông n',
    ]);
    // A unit of the register found with a typo forgiven is not ticked, as one found as written is.
    const joining = within(dialog).getByRole<HTMLInputElement>('checkbox', { name: 'Thêm HTX Nông nghiệp Phú Thuận (Xã Phú Thuận)' });
    expect(joining.checked).toBe(false);
    expect(within(dialog).getByText('Tên gần đúng với dòng này, có thể dòng gõ nhầm hay viết thiếu chữ. Chưa có trong thành phần tham dự: đánh dấu nếu đúng là đơn vị này để thêm và ghi có mặt.')).toBeTruthy();
    const unchosen = within(dialog).getByRole('alert');
    expect(within(unchosen).getByText('Còn 2 dòng chưa chọn đơn vị')).toBeTruthy();
    expect(within(dialog).getByRole('button', { name: 'Ghi có mặt (0)' })).toHaveProperty('disabled', true);

    const [choice] = within(dialog).getAllByLabelText('Đơn vị của dòng «1. HTX NN Vinh Bihn - Nguyễn Văn An»');
    if (!choice) throw new Error('no choice for the line');
    await choose(choice, '', 'Hợp tác xã Nông nghiệp Vĩnh Bình');
    fireEvent.click(joining);
    expect(within(dialog).queryByRole('alert')).toBeNull();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Ghi có mặt (2)' }));
    await waitFor(() =>
      expect(invoke.mock.calls.find(([channel]) => channel === 'events:markAttendance')?.[1]).toEqual({
        eventId: 3,
        attendedIds: [11],
        absentIds: [],
        representatives: [{ id: 11, representative: 'Nguyễn Văn An' }],
        newcomers: [{ kind: 'organization', id: 41, representative: '' }],
      }),
    );
  });
});

describe('pasting a sign-in sheet copied from a spreadsheet', () => {
  it('leaves out its title, header and totals, and says which lines still need a unit chosen before recording', async () => {
    const skipped = (line: string, lineNumber: number): SignInLine => ({ line, lineNumber, name: '', representative: '', result: 'skipped', candidates: [], newcomers: [] });
    const lines: SignInLine[] = [
      skipped('DANH SÁCH ĐẠI BIỂU KÝ TÊN', 1),
      skipped('STT Họ và tên Chức vụ Đơn vị Điện thoại Ký tên', 2),
      {
        line: '1 Nguyễn Văn An Giám đốc HTX NN Vĩnh Bình 912345678',
        lineNumber: 3,
        name: 'HTX NN Vĩnh Bình',
        representative: 'Nguyễn Văn An',
        result: 'matched',
        candidates: [{ participantId: 11, name: 'Hợp tác xã Nông nghiệp Vĩnh Bình', status: 'registered' }],
        newcomers: [],
      },
      {
        line: '2 Huỳnh Văn Phúc Thành viên Mỹ Hiệp 966555444',
        lineNumber: 4,
        name: 'Mỹ Hiệp',
        representative: 'Huỳnh Văn Phúc',
        result: 'ambiguous',
        candidates: [
          { participantId: 12, name: 'HTX Dịch vụ Mỹ Hiệp', status: 'registered' },
          { participantId: 13, name: 'HTX Nông nghiệp Mỹ Hiệp', status: 'registered' },
        ],
        newcomers: [],
      },
      skipped('Tổng cộng 2 đơn vị', 5),
    ];
    const { invoke, dialog } = await pasteAndMatch(lines, { attended: 1, absent: 0, added: 0 }, 'pasted');

    expect(await within(dialog).findByText('Khớp 1 dòng')).toBeTruthy();
    // Passed over, said once, never counted as not matched.
    expect(within(dialog).getByText('Bỏ qua 3 dòng')).toBeTruthy();
    expect(
      within(dialog).getByText(
        'Bỏ qua các dòng không ghi tên đơn vị (tiêu đề, hàng tên cột, dòng tổng cộng): «DANH SÁCH ĐẠI BIỂU KÝ TÊN», «STT Họ và tên Chức vụ Đơn vị Điện thoại Ký tên», «Tổng cộng 2 đơn vị».',
      ),
    ).toBeTruthy();
    expect(within(dialog).queryByText(/dòng không khớp/)).toBeNull();
    expect(within(dialog).getAllByRole('row')).toHaveLength(3);

    // The line left unchosen is named beside the button that would leave it out.
    const unchosen = within(dialog).getByRole('alert');
    expect(within(unchosen).getByText('Còn 1 dòng chưa chọn đơn vị')).toBeTruthy();
    expect(within(unchosen).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['2 Huỳnh Văn Phúc Thành viên Mỹ Hiệp 966555444']);
    const [choice] = within(dialog).getAllByLabelText('Đơn vị của dòng «2 Huỳnh Văn Phúc Thành viên Mỹ Hiệp 966555444»');
    if (!choice) throw new Error('no choice for the ambiguous line');
    await choose(choice, '', 'HTX Nông nghiệp Mỹ Hiệp');
    await waitFor(() => expect(within(dialog).queryByRole('alert')).toBeNull());

    fireEvent.click(within(dialog).getByRole('button', { name: 'Ghi có mặt (2)' }));
    await waitFor(() =>
      expect(invoke.mock.calls.find(([channel]) => channel === 'events:markAttendance')?.[1]).toEqual({
        eventId: 3,
        attendedIds: [11, 13],
        absentIds: [],
        representatives: [
          { id: 11, representative: 'Nguyễn Văn An' },
          { id: 13, representative: 'Huỳnh Văn Phúc' },
        ],
        newcomers: [],
      }),
    );
  });
});

describe('pasting a sign-in sheet where two people signed for one unit', () => {
  it('says so on the later line, records the unit once with both signers, and adds a unit not invited once', async () => {
    const vinhBinh = { participantId: 11, name: 'Hợp tác xã Nông nghiệp Vĩnh Bình', status: 'registered' as const };
    const myHiep = { kind: 'organization' as const, id: 41, name: 'Hợp tác xã Dịch vụ Mỹ Hiệp', place: 'Xã Mỹ Hiệp' };
    const line = (text: string, representative: string, rest: Partial<SignInLine>): SignInLine => ({
      line: text,
      lineNumber: Number(text.split(' ')[0]),
      name: text,
      representative,
      result: 'matched',
      candidates: [],
      newcomers: [],
      ...rest,
    });
    const lines: SignInLine[] = [
      line('1 HTX NN Vĩnh Bình Nguyễn Văn An', 'Nguyễn Văn An', { candidates: [vinhBinh] }),
      line('2 HTX DV Mỹ Hiệp Lê Thị Hoa', 'Lê Thị Hoa', { result: 'newcomer', newcomers: [myHiep] }),
      line('3 HTX NN Vĩnh Bình Trần Văn Bảy', 'Trần Văn Bảy', { candidates: [vinhBinh] }),
      line('4 HTX DV Mỹ Hiệp Lê Thị Hoa', 'Lê Thị Hoa', { result: 'newcomer', newcomers: [myHiep] }),
      line('5 Vĩnh Bình', '', {
        result: 'ambiguous',
        candidates: [vinhBinh, { participantId: 12, name: 'HTX Dịch vụ Vĩnh Bình', status: 'registered' }],
      }),
    ];
    const { invoke, dialog } = await pasteAndMatch(lines, { attended: 2, absent: 0, added: 1 }, 'pasted');

    expect(await within(dialog).findByText('Khớp 2 dòng')).toBeTruthy();
    const sameAsFirst = 'Trùng đơn vị với dòng «1 HTX NN Vĩnh Bình Nguyễn Văn An»: đơn vị được ghi một lần, người ký của các dòng ghi chung.';
    const sameAsSecond = 'Trùng đơn vị với dòng «2 HTX DV Mỹ Hiệp Lê Thị Hoa»: đơn vị được ghi một lần, người ký của các dòng ghi chung.';
    const rowOf = (text: string) => within(dialog).getByText(text).closest('tr');
    expect(rowOf('3 HTX NN Vĩnh Bình Trần Văn Bảy')?.textContent).toContain(sameAsFirst);
    expect(rowOf('4 HTX DV Mỹ Hiệp Lê Thị Hoa')?.textContent).toContain(sameAsSecond);
    // The first line of a unit is not the one said twice.
    expect(within(dialog).getAllByText(/^Trùng đơn vị/)).toHaveLength(2);
    expect(within(dialog).getByRole('button', { name: 'Ghi có mặt (2)' })).toBeTruthy();

    // A line the person points at the same unit is said too.
    const [choice] = within(dialog).getAllByLabelText('Đơn vị của dòng «5 Vĩnh Bình»');
    if (!choice) throw new Error('no choice for the ambiguous line');
    await choose(choice, '', 'Hợp tác xã Nông nghiệp Vĩnh Bình');
    await waitFor(() => expect(within(dialog).getAllByText(sameAsFirst)).toHaveLength(2));

    fireEvent.click(within(dialog).getByRole('button', { name: 'Ghi có mặt (2)' }));
    await waitFor(() =>
      expect(invoke.mock.calls.find(([channel]) => channel === 'events:markAttendance')?.[1]).toEqual({
        eventId: 3,
        attendedIds: [11],
        absentIds: [],
        representatives: [{ id: 11, representative: 'Nguyễn Văn An, Trần Văn Bảy' }],
        newcomers: [{ kind: 'organization', id: 41, representative: 'Lê Thị Hoa' }],
      }),
    );
  });
});

describe('pasting a sign-in sheet where many people signed for one unit', () => {
  const vinhBinh = { participantId: 11, name: 'Hợp tác xã Nông nghiệp Vĩnh Bình', status: 'registered' as const };
  const given = ['An', 'Bé', 'Cường', 'Dung', 'Em', 'Phương', 'Giàu', 'Hạnh', 'Hùng', 'Kim', 'Lộc', 'Mai', 'Nghĩa', 'Oanh', 'Phúc'];
  const signed = (count: number): SignInLine[] =>
    Array.from({ length: count }, (_, index) => {
      const representative = `Nguyễn Văn ${given[index % given.length] ?? ''}${index < given.length ? '' : ` ${String(index + 1)}`}`;
      return { line: `${String(index + 1)} HTX NN Vĩnh Bình ${representative}`, lineNumber: index + 1, name: 'HTX NN Vĩnh Bình', representative, result: 'matched', candidates: [vinhBinh], newcomers: [] };
    });

  it('records the unit once with all fifteen signers, none left out', async () => {
    const lines = signed(15);
    const { invoke, dialog } = await pasteAndMatch(lines, { attended: 1, absent: 0, added: 0 }, 'pasted');
    expect(await within(dialog).findByText('Khớp 15 dòng')).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Ghi có mặt (1)' }));
    await waitFor(() =>
      expect(invoke.mock.calls.find(([channel]) => channel === 'events:markAttendance')?.[1]).toEqual({
        eventId: 3,
        attendedIds: [11],
        absentIds: [],
        representatives: [{ id: 11, representative: lines.map((line) => line.representative).join(', ') }],
        newcomers: [],
      }),
    );
  });

  it('says at the unit’s line when its signers do not fit «Người đại diện», and records nothing until the person keeps fewer', async () => {
    const { invoke, dialog } = await pasteAndMatch(signed(70), { attended: 1, absent: 0, added: 0 }, 'pasted');
    expect(await within(dialog).findByText('Khớp 70 dòng')).toBeTruthy();
    const firstRow = within(dialog).getByText('1 HTX NN Vĩnh Bình Nguyễn Văn An').closest('tr');
    expect(firstRow?.textContent).toContain('70 người ký cho đơn vị này: tên của họ dài 1.329 ký tự, quá 1.000 ký tự mà ô Người đại diện ghi được.');
    expect(within(dialog).getByText('Chưa ghi được: người ký của 1 đơn vị không vừa ô Người đại diện')).toBeTruthy();
    const record = within(dialog).getByRole('button', { name: 'Ghi có mặt (1)' });
    expect((record as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(record);
    expect(invoke.mock.calls.some(([channel]) => channel === 'events:markAttendance')).toBe(false);
  });
});

describe('adding an event', () => {
  function install() {
    return installFakeApi({
      'alliance:get': () => ok(alliance),
      'places:provinces': () => ok(provinces),
      'events:list': () => ok({ rows: [], total: 0 }),
      'events:create': (input) => ok({ ...conference, id: 9, title: input.title }),
    });
  }

  async function openForm() {
    renderApp('#/su-kien');
    fireEvent.click(await screen.findByRole('button', { name: 'Thêm sự kiện' }, { timeout: 5000 }));
    return screen.findByRole('dialog', { name: 'Thêm sự kiện' });
  }

  it('offers the alliance as organizer, and its province as the place', async () => {
    install();
    const dialog = await openForm();
    expect(within(dialog).getByLabelText<HTMLInputElement>(/^Đơn vị tổ chức/).value).toBe(alliance.name);
    await waitFor(() => expect(within(dialog).getByLabelText<HTMLInputElement>(/^Tỉnh, thành phố nơi tổ chức/).value).toBe('Tỉnh Đồng Tháp'));
  });

  it('says at the field that a start time does not exist or lacks its minutes, keeps it as typed and does not save', async () => {
    const invoke = install();
    const dialog = await openForm();
    await choose(within(dialog).getByLabelText(/^Loại sự kiện/), '', 'Hội nghị chuyên đề');
    fireEvent.change(within(dialog).getByLabelText(/^Tên sự kiện/), { target: { value: 'Hội nghị chuyên đề về OCOP' } });
    fireEvent.change(within(dialog).getByLabelText(/^Ngày bắt đầu/), { target: { value: '15/10/2026' } });
    const time = within(dialog).getByLabelText<HTMLInputElement>(/^Giờ bắt đầu/);

    fireEvent.change(time, { target: { value: '25' } });
    fireEvent.blur(time);
    expect(time.value).toBe('25');
    expect(await within(dialog).findByText('Giờ 25 không có thật: giờ chỉ từ 0 đến 23.')).toBeTruthy();

    fireEvent.change(time, { target: { value: '08:' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Thêm sự kiện' }));
    expect(await within(dialog).findByText('«08:»: hãy ghi cả phút, ví dụ 08:00.')).toBeTruthy();
    expect(invoke.mock.calls.some(([channel]) => channel === 'events:create')).toBe(false);

    fireEvent.change(time, { target: { value: '8h30' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Thêm sự kiện' }));
    await waitFor(() => {
      const created = invoke.mock.calls.find(([channel]) => channel === 'events:create');
      expect(created?.[1]).toMatchObject({ startsAt: '08:30', provinceCode: '82' });
    });
  });
});

describe('adding participants', () => {
  it('closes the list at each pick, so that role, status and the add button are in view', async () => {
    installFakeApi({
      'alliance:get': () => ok(alliance),
      'events:get': () => ok({ ...detail, participants: [] }),
      'records:history': () => ok({ entries: [], names: {} }),
      'organizations:list': () =>
        ok({
          rows: [organization({ id: 7, name: 'Hợp tác xã Nông nghiệp Vĩnh Bình' }), organization({ id: 8, name: 'HTX Dịch vụ Tân Hồng' })],
          total: 2,
        }),
      'partners:list': () => ok({ rows: [], total: 0 }),
    });
    renderApp('#/su-kien/3');
    fireEvent.click(await screen.findByRole('button', { name: 'Thêm thành phần' }, { timeout: 5000 }));
    const dialog = await screen.findByRole('dialog', { name: 'Thêm thành phần tham dự' });
    const picker = within(dialog).getByLabelText(/^Thành viên, đối tác/);

    // An option reads its name, then its kind and commune.
    const pick = async (search: string, name: RegExp) => {
      typeInto(picker, search);
      fireEvent.click(await screen.findByRole('option', { name }));
    };
    await pick('vinh binh', /^Hợp tác xã Nông nghiệp Vĩnh Bình/);
    await waitFor(() => expect(screen.queryByRole('listbox')).toBeNull());
    // Typing the next name opens the list again for another pick.
    await pick('tan hong', /^HTX Dịch vụ Tân Hồng/);
    await waitFor(() => expect(screen.queryByRole('listbox')).toBeNull());
    expect(within(dialog).getByText('Hợp tác xã Nông nghiệp Vĩnh Bình')).toBeTruthy();
    expect(within(dialog).getByText('HTX Dịch vụ Tân Hồng')).toBeTruthy();

    // Units picked and not yet added are not dropped without a word: Escape asks, and keeping them keeps the dialog.
    fireEvent.keyDown(dialog, { key: 'Escape' });
    const question = await screen.findByRole('dialog', { name: 'Bỏ các thay đổi chưa lưu?' });
    fireEvent.click(within(question).getByRole('button', { name: 'Tiếp tục sửa' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Bỏ các thay đổi chưa lưu?' })).toBeNull());
    expect(within(dialog).getByText('HTX Dịch vụ Tân Hồng')).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Hủy' }));
    fireEvent.click(within(await screen.findByRole('dialog', { name: 'Bỏ các thay đổi chưa lưu?' })).getByRole('button', { name: 'Bỏ thay đổi' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Thêm thành phần tham dự' })).toBeNull());
  });

  it('offers first the side whose name reads closest to what was typed, and says which names only a forgiven typo found', async () => {
    installFakeApi({
      'alliance:get': () => ok(alliance),
      'events:get': () => ok({ ...detail, participants: [] }),
      'records:history': () => ok({ entries: [], names: {} }),
      'organizations:list': ({ query = '' }) =>
        ok(
          query === 'minh phat'
            ? { rows: [organization({ id: 7, name: 'THT sản xuất lúa ấp Tiến Phát U Minh Thượng' })], total: 1 }
            : { rows: [organization({ id: 8, name: 'HTX Gốm Đông Thái' }), { ...organization({ id: 9, name: 'HTX Xây dựng Đông Thái' }), nearMatch: true as const }], total: 2 },
        ),
      'partners:list': ({ search = '' }) =>
        ok(search === 'minh phat' ? { rows: [partner({ id: 1, name: 'Công ty TNHH Phân phối Minh Phát 1' })], total: 1 } : { rows: [], total: 0 }),
    });
    renderApp('#/su-kien/3');
    fireEvent.click(await screen.findByRole('button', { name: 'Thêm thành phần' }, { timeout: 5000 }));
    const dialog = await screen.findByRole('dialog', { name: 'Thêm thành phần tham dự' });
    const picker = within(dialog).getByLabelText(/^Thành viên, đối tác/);

    typeInto(picker, 'minh phat');
    await waitFor(() => expect(shownOptions()[0]).toMatch(/^Công ty TNHH Phân phối Minh Phát 1/));
    expect(shownOptions()[1]).toMatch(/^THT sản xuất lúa ấp Tiến Phát U Minh Thượng/);
    const listbox = screen.getByRole('listbox');
    expect(within(listbox).getAllByText(/^(Thành viên|Đối tác)$/).map((group) => group.textContent)).toEqual(['Đối tác', 'Thành viên']);

    typeInto(picker, 'hop tac xa dong thap');
    await waitFor(() => expect(screen.getByRole('option', { name: /^HTX Xây dựng Đông Thái/ }).textContent).toContain('Gần đúng'));
    expect(screen.getByRole('option', { name: /^HTX Gốm Đông Thái/ }).textContent).not.toContain('Gần đúng');
  });

  it('shows every signer a unit recorded in «Người đại diện», wrapped, and saves an edit on Enter', async () => {
    const signers = ['An', 'Bình', 'Cường', 'Dung', 'Em', 'Phương', 'Giang', 'Hoa', 'Hùng', 'Lan', 'Minh', 'Nga', 'Phúc', 'Quỳnh', 'Sơn'].map((given) => `Nguyễn Văn ${given}`).join(', ');
    const [first] = detail.participants;
    if (!first) throw new Error('the event detail has a participant');
    const vinhBinh: EventParticipant = { ...first, representative: signers };
    const invoke = installFakeApi({
      'alliance:get': () => ok(alliance),
      'events:get': () => ok({ ...detail, participants: [vinhBinh, ...detail.participants.slice(1)] }),
      'records:history': () => ok({ entries: [], names: {} }),
      'events:updateParticipant': ({ representative = '' }) => ok({ ...vinhBinh, representative }),
    });
    renderApp('#/su-kien/3');
    const box = await screen.findByRole('textbox', { name: 'Người đại diện của Hợp tác xã Nông nghiệp Vĩnh Bình' }, { timeout: 5000 });
    // A box of several lines, which wraps the list, rather than one line that cuts it.
    expect(box.tagName).toBe('TEXTAREA');
    expect(box).toHaveProperty('value', signers);

    act(() => box.focus());
    fireEvent.change(box, { target: { value: `${signers}, Nguyễn Văn Tâm` } });
    // The names are one list: Enter records it, as it would in a one-line box, and starts no line.
    expect(fireEvent.keyDown(box, { key: 'Enter' })).toBe(false);
    await waitFor(() =>
      expect(invoke).toHaveBeenCalledWith('events:updateParticipant', { id: 11, representative: `${signers}, Nguyễn Văn Tâm` }),
    );
  });

  it('calls a participant’s status «Tình trạng» in the table and in the dialog alike', async () => {
    installFakeApi({
      'alliance:get': () => ok(alliance),
      'events:get': () => ok(detail),
      'records:history': () => ok({ entries: [], names: {} }),
    });
    renderApp('#/su-kien/3');
    expect(await screen.findByRole('columnheader', { name: 'Tình trạng' }, { timeout: 5000 })).toBeTruthy();
    expect(screen.getByRole('combobox', { name: 'Tình trạng: Công ty Cổ phần Thực phẩm Hà Nội' })).toHaveProperty('value', 'Được mời');
    fireEvent.click(screen.getByRole('button', { name: 'Thêm thành phần' }));
    const dialog = await screen.findByRole('dialog', { name: 'Thêm thành phần tham dự' });
    expect(within(dialog).getByRole('combobox', { name: 'Tình trạng' })).toHaveProperty('value', 'Được mời');
  });
});
