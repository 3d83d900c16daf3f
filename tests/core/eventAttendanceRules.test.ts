import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InputOf } from '../../src/shared/contract';
import { tradePromotionTables } from '../../src/core/excel/reports/tradePromotion';
import type { Row } from '../../src/core/excel/write/writer';
import { promotionFigures } from '../../src/core/services/promotion';
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

describe('attendance stored before the event began', () => {
  it('counts nowhere — the event, its list, Tổng quan, the report — until the event begins, and is kept as stored', async () => {
    // Held, by the record, on 20/11: attendance ticked; then postponed to 15/12, as it really was.
    const event = await call(app, 'events:create', { ...conference, startsOn: '2026-11-20' });
    const [vinhBinh, myHoa] = await invited(event.id, [await organization('HTX Nông nghiệp Vĩnh Bình'), await organization('HTX Thủy sản Mỹ Hòa')]);
    if (!vinhBinh || !myHoa) throw new Error('no participants');
    const buyer = await call(app, 'partners:create', { kind: 'enterprise', name: 'Công ty CP Thực phẩm Sao Mai', provinceCode: AN_GIANG });
    await call(app, 'events:addParticipants', { eventId: event.id, participants: [{ kind: 'partner', id: buyer.id, status: 'attended' }] });
    await call(app, 'events:markAttendance', { eventId: event.id, attendedIds: [vinhBinh.id], absentIds: [myHoa.id] });
    const counted = async () => {
      const shown = await call(app, 'events:get', { id: event.id });
      const listed = (await call(app, 'events:list', {})).rows[0];
      const report = [...((tradePromotionTables(app.ctx, '2026-01-01', '2026-12-31').events?.rows ?? []) as Iterable<Row>)][0];
      return {
        page: shown.attendedCount,
        list: listed?.attendedCount,
        overview: (await call(app, 'statistics:overview', { year: 2026 })).promotion.total,
        figures: promotionFigures(app.ctx, '2026-01-01', '2026-12-31').total,
        report: [report?.organizations, report?.partners],
      };
    };
    const came = { cooperatives: 1, enterprises: 1, events: 1 };
    expect(await counted()).toMatchObject({ page: 2, list: 2, overview: came, figures: came, report: [1, 1] });

    await call(app, 'events:update', { ...conference, id: event.id, startsOn: '2026-12-15' });
    const none = { cooperatives: 0, enterprises: 0, events: 0 };
    expect(await counted()).toMatchObject({ page: 0, list: 0, overview: none, figures: none, report: [undefined, undefined] });
    // Kept as stored, for the person to set right on the event's page.
    const shown = await call(app, 'events:get', { id: event.id });
    expect([shown.notYetHeld, shown.participants.map((participant) => participant.status)]).toEqual([true, ['attended', 'absent', 'attended']]);
    expect((await call(app, 'events:updateParticipant', { id: vinhBinh.id, status: 'registered' })).status).toBe('registered');

    // From its first day on, what is stored Có mặt counts.
    app.setNow(new Date('2026-12-15T02:00:00Z'));
    expect(await counted()).toMatchObject({ page: 1, list: 1, figures: { cooperatives: 0, enterprises: 1, events: 1 }, report: [0, 1] });
  });
});

describe('attendance stored before the event began, set right in one go', () => {
  it('puts Có mặt back to Đã đăng ký and Vắng to Được mời, recorded in the history, and changes nothing once the event has begun', async () => {
    const event = await call(app, 'events:create', { ...conference, startsOn: '2026-11-20' });
    const participants = await invited(event.id, [
      await organization('HTX Nông nghiệp Vĩnh Bình'),
      await organization('HTX Thủy sản Mỹ Hòa'),
      await organization('HTX Rau an toàn An Phú'),
    ]);
    const named = (name: string) => {
      const found = participants.find((participant) => participant.name === name);
      if (!found) throw new Error(`${name} is not a participant`);
      return found;
    };
    const [vinhBinh, myHoa, anPhu] = [named('HTX Nông nghiệp Vĩnh Bình'), named('HTX Thủy sản Mỹ Hòa'), named('HTX Rau an toàn An Phú')];
    await call(app, 'events:markAttendance', { eventId: event.id, attendedIds: [vinhBinh.id], absentIds: [myHoa.id] });
    await call(app, 'events:updateParticipant', { id: anPhu.id, status: 'registered' });
    const statuses = async () =>
      (await call(app, 'events:get', { id: event.id })).participants.map((participant) => [participant.name, participant.status]).sort(([a], [b]) => String(a).localeCompare(String(b)));

    // Held on 20/11: what is stored counts, and is left as it is.
    expect(await call(app, 'events:resetEarlyAttendance', { eventId: event.id })).toEqual({ reset: 0 });
    expect(await statuses()).toEqual([
      ['HTX Nông nghiệp Vĩnh Bình', 'attended'],
      ['HTX Rau an toàn An Phú', 'registered'],
      ['HTX Thủy sản Mỹ Hòa', 'absent'],
    ]);

    // Postponed to 15/12: the two stored early are set right; the registered one is left alone.
    await call(app, 'events:update', { ...conference, id: event.id, startsOn: '2026-12-15' });
    expect(await call(app, 'events:resetEarlyAttendance', { eventId: event.id })).toEqual({ reset: 2 });
    expect(await statuses()).toEqual([
      ['HTX Nông nghiệp Vĩnh Bình', 'registered'],
      ['HTX Rau an toàn An Phú', 'registered'],
      ['HTX Thủy sản Mỹ Hòa', 'invited'],
    ]);
    expect((await call(app, 'events:get', { id: event.id })).attendedCount).toBe(0);
    const [latest] = (await call(app, 'records:history', { kind: 'event', id: event.id })).entries;
    const stateOf = (status: string) => ({ role: 'attendee', status, representative: '', note: '' });
    expect(latest?.changes.find((change) => change.field === 'participants')).toMatchObject({
      before: [
        { name: 'HTX Nông nghiệp Vĩnh Bình', state: stateOf('attended') },
        { name: 'HTX Thủy sản Mỹ Hòa', state: stateOf('absent') },
      ],
      after: [
        { name: 'HTX Nông nghiệp Vĩnh Bình', state: stateOf('registered') },
        { name: 'HTX Thủy sản Mỹ Hòa', state: stateOf('invited') },
      ],
    });
  });
});

describe('events of the period not held yet', () => {
  it('are left out of the year on Tổng quan and in the report, and said under both sections until they begin', async () => {
    // Held: 20/11 in An Giang, with its budget; to come: 15/12 and 20/12 elsewhere, one in the trash.
    await call(app, 'events:create', { ...conference, title: 'Hội nghị kết nối cung cầu lúa gạo', startsOn: '2026-11-20', budget: 50_000_000 });
    await call(app, 'events:create', { ...conference, budget: 80_000_000, provinceCode: '79' });
    await call(app, 'events:create', { ...conference, title: 'Tập huấn livestream bán hàng', kind: 'training', startsOn: '2026-12-20' });
    const trashed = await call(app, 'events:create', { ...conference, title: 'Hội chợ nông sản cuối năm', startsOn: '2026-12-01' });
    await call(app, 'events:delete', { id: trashed.id });

    const year = (): { held: unknown; upcoming: unknown; report: unknown } => {
      const tables = tradePromotionTables(app.ctx, '2026-01-01', '2026-12-31');
      const figures = promotionFigures(app.ctx, '2026-01-01', '2026-12-31');
      return {
        held: [figures.total.events, figures.total.places, figures.total.budget, figures.byKind.map((line) => [line.kindName, line.events])],
        upcoming: figures.upcoming,
        report: [[...(tables.events?.rows as Iterable<Row>)].map((row) => row.title), tables.events?.note, tables.byKind?.note],
      };
    };
    const note = 'Chưa tính 2 sự kiện trong kỳ chưa diễn ra đến ngày lập báo cáo (sớm nhất bắt đầu ngày 15/12/2026).';
    expect(year()).toEqual({
      held: [1, 1, 50_000_000, [['Hội nghị chuyên đề', 1]]],
      upcoming: { events: 2, firstOn: '2026-12-15' },
      report: [['Hội nghị kết nối cung cầu lúa gạo'], note, note],
    });
    expect((await call(app, 'statistics:overview', { year: 2026 })).promotion.upcoming).toEqual({ events: 2, firstOn: '2026-12-15' });

    // A period that ended before today is read whole; one that has not begun yet counts nothing held.
    expect(promotionFigures(app.ctx, '2026-01-01', '2026-11-30')).toMatchObject({ total: { events: 1 }, upcoming: { events: 0, firstOn: null } });
    expect(promotionFigures(app.ctx, '2026-12-10', '2026-12-31')).toMatchObject({ total: { events: 0 }, upcoming: { events: 2, firstOn: '2026-12-15' } });

    // On its first day an event counts, with its province and budget.
    app.setNow(new Date('2026-12-15T02:00:00Z'));
    expect(year()).toEqual({
      held: [2, 2, 130_000_000, [['Hội nghị chuyên đề', 2]]],
      upcoming: { events: 1, firstOn: '2026-12-20' },
      report: [
        ['Hội nghị kết nối cung cầu lúa gạo', 'Hội nghị chuyên đề chè và đặc sản vùng cao 2026'],
        'Chưa tính 1 sự kiện trong kỳ chưa diễn ra đến ngày lập báo cáo (sớm nhất bắt đầu ngày 20/12/2026).',
        'Chưa tính 1 sự kiện trong kỳ chưa diễn ra đến ngày lập báo cáo (sớm nhất bắt đầu ngày 20/12/2026).',
      ],
    });
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
    expect(refused).toEqual({
      kind: 'conflict',
      existingId: first.id,
      message:
        'Có thể trùng với sự kiện đã ghi cùng loại (Hội nghị chuyên đề), bắt đầu cùng ngày 15/12/2026: «Hội nghị chuyên đề chè và đặc sản vùng cao 2026» (Hội trường Liên minh, Tỉnh An Giang). Nếu đúng là sự kiện khác, hãy xác nhận để lưu.',
      similar: [{ id: first.id, name: 'Hội nghị chuyên đề chè và đặc sản vùng cao 2026', detail: 'Hội trường Liên minh, Tỉnh An Giang' }],
    });
    // An id of another event confirms nothing.
    expect(await callFailing(app, 'events:create', { ...again, confirmedSimilarIds: [first.id + 100] })).toMatchObject({ kind: 'conflict', existingId: first.id });
    expect((await call(app, 'events:list', {})).total).toBe(1);
    // Another day, or another kind, is another event.
    await call(app, 'events:create', { ...again, startsOn: '2026-12-16' });
    const second = await call(app, 'events:create', { ...again, confirmedSimilarIds: [first.id] });
    expect((await call(app, 'events:list', {})).total).toBe(3);
    // Editing what was confirmed asks nothing again; moving another onto the first's day does,
    // naming both: confirmed against the first alone, it is asked again.
    await call(app, 'events:update', { ...again, id: second.id, venue: 'Nhà văn hóa tỉnh' });
    const moved = await call(app, 'events:create', { ...conference, startsOn: '2026-12-20' });
    expect(await callFailing(app, 'events:update', { ...conference, id: moved.id, confirmedSimilarIds: [first.id] })).toMatchObject({
      kind: 'conflict',
      similar: [
        { id: first.id, name: 'Hội nghị chuyên đề chè và đặc sản vùng cao 2026', detail: 'Hội trường Liên minh, Tỉnh An Giang' },
        { id: second.id, name: 'Hoi nghi chuyen de che va dac san vung cao 2026', detail: 'Nhà văn hóa tỉnh, Tỉnh An Giang' },
      ],
    });
    await call(app, 'events:update', { ...conference, id: moved.id, confirmedSimilarIds: [first.id, second.id] });
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

  it('offers partners too, by the partners\' own search, the closest names of both sides first; those in the trash never', async () => {
    const event = await call(app, 'events:create', { ...conference, startsOn: '2026-10-15' });
    await invited(event.id, [await organization('HTX Nông nghiệp Vĩnh Bình')]);
    const partner = async (name: string) => (await call(app, 'partners:create', { kind: 'enterprise', name, provinceCode: AN_GIANG })).id;
    const saoMai = await partner('Công ty TNHH Thực phẩm Sao Mai An Giang');
    await call(app, 'partners:delete', { id: await partner('Công ty CP Thực phẩm Sao Mai Cần Thơ') });
    const member = await organization('HTX Chế biến thực phẩm Sao Mai');
    const lines = await call(app, 'events:matchSignIn', { eventId: event.id, text: 'Cty Thực phẩm Sao Mai - Lê Văn Tám\nThực phẩm Sao Mai' });
    expect(lines.map(({ name, representative, result, newcomers, nearMatch }) => [name, representative, result, newcomers.map((unit) => [unit.kind, unit.id]), nearMatch])).toEqual([
      ['Cty Thực phẩm Sao Mai', 'Lê Văn Tám', 'newcomer', [['partner', saoMai]], true],
      // The member's name ends as the line does: read closer (`searchCloseness`), it comes first.
      ['Thực phẩm Sao Mai', '', 'newcomer', [['organization', member], ['partner', saoMai]], true],
    ]);
  });
});
