import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InputOf } from '../../src/shared/contract';
import { AN_GIANG, call, callFailing, openTestApp, XA_VINH_AN } from './support';

type TestApp = ReturnType<typeof openTestApp>;
let app: TestApp;

// The test clock stands at 23/11/2026.
beforeEach(async () => {
  app = openTestApp();
  await call(app, 'alliance:save', { name: 'Liên minh Hợp tác xã tỉnh An Giang', provinceCode: AN_GIANG });
});
afterEach(() => app.close());

const conference: InputOf<'events:create'> = {
  kind: 'thematic_conference',
  title: 'Hội nghị chuyên đề chè và đặc sản vùng cao 2026',
  startsOn: '2026-12-15',
  venue: 'Hội trường Liên minh',
  provinceCode: AN_GIANG,
};

async function organization(name: string) {
  return (await call(app, 'organizations:create', { kind: 'htx', name, communeCode: XA_VINH_AN })).id;
}

async function invited(eventId: number, ids: number[]) {
  await call(app, 'events:addParticipants', { eventId, participants: ids.map((id) => ({ kind: 'organization' as const, id })) });
  return (await call(app, 'events:get', { id: eventId })).participants;
}

function issuesOf(error: Awaited<ReturnType<typeof callFailing>>) {
  return error.kind === 'validation' ? error.issues : [];
}

describe('attendance before the event', () => {
  it('is refused, present or absent, in bulk, row by row and on adding, while invitations are taken; from the first day on it is recorded', async () => {
    const event = await call(app, 'events:create', conference);
    const [participant] = await invited(event.id, [await organization('HTX Nông nghiệp Vĩnh Bình')]);
    if (!participant) throw new Error('no participant');
    expect((await call(app, 'events:get', { id: event.id })).notYetHeld).toBe(true);
    const early = 'Sự kiện bắt đầu ngày 15/12/2026, hôm nay mới 23/11/2026: chưa điểm danh (Có mặt, Vắng) được. Trước ngày đó chỉ ghi Được mời hoặc Đã đăng ký.';

    expect(issuesOf(await callFailing(app, 'events:markAttendance', { eventId: event.id, attendedIds: [participant.id] }))).toEqual([{ path: 'attendedIds', message: early }]);
    expect(issuesOf(await callFailing(app, 'events:markAttendance', { eventId: event.id, absentIds: [participant.id] }))).toEqual([{ path: 'attendedIds', message: early }]);
    expect(issuesOf(await callFailing(app, 'events:updateParticipant', { id: participant.id, status: 'attended' }))).toEqual([{ path: 'status', message: early }]);
    const walkIn = await organization('HTX Dịch vụ Mỹ Hòa Hưng');
    expect(issuesOf(await callFailing(app, 'events:addParticipants', { eventId: event.id, participants: [{ kind: 'organization', id: walkIn, status: 'attended' }] }))).toEqual([
      { path: 'participants', message: early },
    ]);
    // Registering ahead is what happens before an event.
    expect((await call(app, 'events:updateParticipant', { id: participant.id, status: 'registered' })).status).toBe('registered');
    expect(await call(app, 'events:addParticipants', { eventId: event.id, participants: [{ kind: 'organization', id: walkIn }] })).toEqual({ added: 1, skipped: 0 });
    expect((await call(app, 'events:get', { id: event.id })).attendedCount).toBe(0);

    app.setNow(new Date('2026-12-15T02:00:00Z'));
    expect((await call(app, 'events:get', { id: event.id })).notYetHeld).toBe(false);
    expect(await call(app, 'events:markAttendance', { eventId: event.id, attendedIds: [participant.id] })).toEqual({ attended: 1, absent: 0, added: 0 });
  });
});

describe('members that had ended before the event', () => {
  it('are marked ended on the event, with whether before its day, and still recorded as the person ticks them', async () => {
    const event = await call(app, 'events:create', { ...conference, startsOn: '2026-10-15' });
    const vinhBinh = await organization('HTX Nông nghiệp Vĩnh Bình');
    const anChau = await organization('HTX Rau an toàn An Châu');
    const myHoa = await organization('HTX Thủy sản Mỹ Hòa');
    await invited(event.id, [vinhBinh, anChau, myHoa]);
    await call(app, 'lifecycle:record', { kind: 'dissolution', date: '2026-09-30', decisionNo: '5/QĐ', subjectId: anChau });
    await call(app, 'lifecycle:record', { kind: 'dissolution', date: '2026-11-02', decisionNo: '6/QĐ', subjectId: myHoa });

    const { participants } = await call(app, 'events:get', { id: event.id });
    expect(participants.map(({ name, ended }) => [name, ended])).toEqual([
      ['HTX Nông nghiệp Vĩnh Bình', null],
      ['HTX Rau an toàn An Châu', { status: 'dissolved', endedOn: '2026-09-30', beforeEvent: true }],
      ['HTX Thủy sản Mỹ Hòa', { status: 'dissolved', endedOn: '2026-11-02', beforeEvent: false }],
    ]);
    const idOf = (name: string) => participants.find((item) => item.name === name)?.id ?? 0;
    // Kept in place, it is ticked by the person who knows someone of it came, as any other.
    expect(await call(app, 'events:updateParticipant', { id: idOf('HTX Rau an toàn An Châu'), status: 'attended' })).toMatchObject({ status: 'attended' });

    // Or absent; one that ended after the event took part as any other.
    expect(
      await call(app, 'events:markAttendance', {
        eventId: event.id,
        attendedIds: [idOf('HTX Nông nghiệp Vĩnh Bình'), idOf('HTX Thủy sản Mỹ Hòa')],
        absentIds: [idOf('HTX Rau an toàn An Châu')],
      }),
    ).toEqual({ attended: 2, absent: 1, added: 0 });
  });
});

describe('an event entered twice', () => {
  it('asks before saving one of the same kind, day and name written without diacritics, and saves it once confirmed', async () => {
    const first = await call(app, 'events:create', conference);
    const again = { ...conference, title: 'Hoi nghi chuyen de che va dac san vung cao 2026' };
    const refused = await callFailing(app, 'events:create', again);
    expect(refused).toMatchObject({
      kind: 'conflict',
      existingId: first.id,
      message:
        'Có thể trùng với sự kiện «Hội nghị chuyên đề chè và đặc sản vùng cao 2026» đã ghi (Hội nghị chuyên đề, bắt đầu ngày 15/12/2026). Nếu đúng là sự kiện khác, hãy xác nhận để lưu.',
    });
    expect((await call(app, 'events:list', {})).total).toBe(1);
    // Another day, or another kind, is another event.
    await call(app, 'events:create', { ...again, startsOn: '2026-12-16' });
    const second = await call(app, 'events:create', { ...again, confirmDuplicate: true });
    expect((await call(app, 'events:list', {})).total).toBe(3);
    // Editing what was confirmed asks nothing again; moving another onto the first's day does.
    await call(app, 'events:update', { ...again, id: second.id, venue: 'Nhà văn hóa tỉnh' });
    const moved = await call(app, 'events:create', { ...conference, startsOn: '2026-12-20' });
    expect((await callFailing(app, 'events:update', { ...conference, id: moved.id })).kind).toBe('conflict');
  });
});

describe('a sign-in line the register search finds', () => {
  it('offers what the register search finds for a line nothing else answers to, as a close match to choose, never ticked; ended or in the trash, never', async () => {
    const event = await call(app, 'events:create', { ...conference, startsOn: '2026-10-15' });
    await invited(event.id, [await organization('HTX Nông nghiệp Vĩnh Bình')]);
    const nhonHoi = await organization('HTX Dịch vụ nông nghiệp Nhơn Hội');
    const ended = await organization('HTX Nông nghiệp Nhơn Hội Đông');
    await call(app, 'lifecycle:record', { kind: 'dissolution', date: '2025-03-01', decisionNo: '7/QĐ', subjectId: ended });
    await call(app, 'organizations:delete', { id: await organization('HTX Thương mại nông nghiệp Nhơn Hội') });
    const text = ['HTX Nông nghiệp Nhơn Hội - Võ Văn Sáu', 'HTX Nông nghiệp Nhơn Hội', 'htx nhon hoi', 'HTX Bình Minh'].join('\n');
    const lines = await call(app, 'events:matchSignIn', { eventId: event.id, text });
    expect(lines.map(({ name, representative, result, newcomers, nearMatch }) => [name, representative, result, newcomers.map((unit) => [unit.id, unit.barred]), nearMatch])).toEqual([
      ['HTX Nông nghiệp Nhơn Hội', 'Võ Văn Sáu', 'newcomer', [[nhonHoi, undefined]], true],
      ['HTX Nông nghiệp Nhơn Hội', '', 'newcomer', [[nhonHoi, undefined]], true],
      ['htx nhon hoi', '', 'newcomer', [[nhonHoi, undefined]], true],
      ['HTX Bình Minh', '', 'unmatched', [], undefined],
    ]);
  });
});
