import { and, count, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { organizations } from '../../src/core/db/schema';
import { existingInYear } from '../../src/core/db/predicates';
import { AN_GIANG, call, callFailing, openTestApp, XA_VINH_AN, XA_VINH_BINH } from './support';

type TestApp = ReturnType<typeof openTestApp>;
let app: TestApp;

beforeEach(async () => {
  app = openTestApp();
  await call(app, 'alliance:save', { name: 'Liên minh Hợp tác xã tỉnh An Giang', provinceCode: AN_GIANG });
});
afterEach(() => app.close());

async function create(name: string, foundedOn?: string, communeCode = XA_VINH_AN): Promise<number> {
  return (await call(app, 'organizations:create', { kind: 'htx', name, communeCode, foundedOn })).id;
}

function stateOf(id: number) {
  const row = app.ctx.db.$client.prepare('SELECT name, status, founded_on, ended_on FROM organizations WHERE id = ?').get(id) as {
    name: string;
    status: string;
    founded_on: string | null;
    ended_on: string | null;
  };
  return { name: row.name, status: row.status, foundedOn: row.founded_on, endedOn: row.ended_on };
}

function existing(year: number): string[] {
  return app.ctx.db
    .select({ name: organizations.name })
    .from(organizations)
    .where(existingInYear(year))
    .orderBy(organizations.nameFolded)
    .all()
    .map((row) => row.name);
}

async function issues(input: unknown) {
  const error = await callFailing(app, 'lifecycle:record', input);
  return error.kind === 'validation' ? error.issues : error;
}

describe('simple events on one organization', () => {
  it('founding fills an empty founding date; suspension and resumption move the status; deleting restores it', async () => {
    const a = await create('HTX Nông nghiệp Vĩnh Bình');
    await call(app, 'lifecycle:record', { kind: 'founding', date: '2019-04-02', decisionNo: '12/GCN', subjectId: a });
    expect(stateOf(a)).toMatchObject({ status: 'active', foundedOn: '2019-04-02', endedOn: null });

    const suspension = await call(app, 'lifecycle:record', { kind: 'suspension', date: '2024-03-01', subjectId: a });
    expect(stateOf(a).status).toBe('suspended');
    expect(await issues({ kind: 'suspension', date: '2024-05-01', subjectId: a })).toEqual([
      { path: 'subjectId', message: 'HTX Nông nghiệp Vĩnh Bình đang tạm ngừng hoạt động vào ngày 01/05/2024.' },
    ]);
    const resumption = await call(app, 'lifecycle:record', { kind: 'resumption', date: '2024-09-01', subjectId: a });
    expect(stateOf(a).status).toBe('active');

    await call(app, 'lifecycle:delete', { eventId: resumption.id });
    expect(stateOf(a).status).toBe('suspended');
    await call(app, 'lifecycle:delete', { eventId: suspension.id });
    expect(stateOf(a).status).toBe('active');
    expect(await issues({ kind: 'resumption', date: '2024-09-01', subjectId: a })).toEqual([
      {
        path: 'subjectId',
        message: 'HTX Nông nghiệp Vĩnh Bình không tạm ngừng hoạt động vào ngày 01/09/2024; hãy ghi sự kiện tạm ngừng trước.',
      },
    ]);
  });

  it('keeps a founding date that was typed', async () => {
    const a = await create('HTX Nông nghiệp Vĩnh Bình', '2018-01-15');
    const founding = await call(app, 'lifecycle:record', { kind: 'founding', date: '2019-04-02', subjectId: a });
    expect(stateOf(a).foundedOn).toBe('2018-01-15');
    await call(app, 'lifecycle:delete', { eventId: founding.id });
    expect(stateOf(a).foundedOn).toBe('2018-01-15');
  });

  it.each([
    ['dissolution', 'dissolved', 'giải thể'],
    ['bankruptcy', 'bankrupt', 'phá sản'],
  ] as const)('%s ends it, and nothing can happen to it afterwards', async (kind, status, word) => {
    const a = await create('HTX Nông nghiệp Vĩnh Bình');
    const event = await call(app, 'lifecycle:record', { kind, date: '2025-06-30', decisionNo: '45/QĐ', subjectId: a });
    expect(stateOf(a)).toMatchObject({ status, endedOn: '2025-06-30' });
    expect(await issues({ kind: 'suspension', date: '2025-08-01', subjectId: a })).toEqual([
      {
        path: 'subjectId',
        message: `HTX Nông nghiệp Vĩnh Bình đã chấm dứt hoạt động (${word}) từ ngày 30/06/2025; không thể ghi thêm sự kiện từ ngày đó trở đi.`,
      },
    ]);
    // An earlier event is still possible: history can be filled in afterwards.
    await call(app, 'lifecycle:record', { kind: 'suspension', date: '2025-01-10', subjectId: a });
    expect(stateOf(a)).toMatchObject({ status, endedOn: '2025-06-30' });

    await call(app, 'lifecycle:delete', { eventId: event.id });
    expect(stateOf(a)).toMatchObject({ status: 'suspended', endedOn: null });
  });

  it('refuses to end an organization before events it still has', async () => {
    const a = await create('HTX Nông nghiệp Vĩnh Bình');
    await call(app, 'lifecycle:record', { kind: 'suspension', date: '2025-09-01', subjectId: a });
    expect(await issues({ kind: 'dissolution', date: '2025-06-30', subjectId: a })).toEqual([
      {
        path: 'subjectId',
        message: 'HTX Nông nghiệp Vĩnh Bình còn sự kiện «Tạm ngừng» ngày 01/09/2025, sau ngày này; hãy xóa sự kiện đó trước.',
      },
    ]);
  });

  it('refuses to end an organization in or before years of figures it has, which every statistics would then drop without a word', async () => {
    const a = await create('HTX Nông nghiệp Vĩnh Bình', '2015-03-01');
    const b = await create('HTX Dịch vụ Vĩnh An', '2015-03-01');
    for (const year of [2020, 2021, 2022, 2023, 2025]) await call(app, 'figures:save', { organizationId: a, year, membersOfficial: 12 });
    await call(app, 'figures:save', { organizationId: b, year: 2025, membersOfficial: 9 });
    const dropped = (name: string, years: string, day: string) =>
      `${name} đã có số liệu hằng năm của năm ${years}, nhưng sự kiện này chấm dứt hoạt động của tổ chức từ ngày ${day}. ` +
      'Thống kê mỗi năm chỉ tính các tổ chức còn hoạt động đến ngày 31/12, nên các số liệu đó sẽ không còn được tính vào thống kê của năm nào. ' +
      'Nếu ngày này đúng, hãy xóa số liệu các năm đó ở thẻ Số liệu hằng năm trước; nếu không, hãy kiểm tra lại ngày.';
    // The year of the ending is named with those after it, consecutive years as a range.
    expect(await issues({ kind: 'dissolution', date: '2020-06-30', subjectId: a })).toEqual([
      { path: 'subjectId', message: dropped('HTX Nông nghiệp Vĩnh Bình', '2020–2023, 2025', '30/06/2020') },
    ]);
    expect(await issues({ kind: 'dissolution', date: '2023-03-15', subjectId: a })).toEqual([
      { path: 'subjectId', message: dropped('HTX Nông nghiệp Vĩnh Bình', '2023, 2025', '15/03/2023') },
    ]);
    // Ending during the last year with figures, or on its last day, it is not counted in that year.
    for (const date of ['2025-06-15', '2025-12-31']) {
      expect(await issues({ kind: 'dissolution', date, subjectId: a })).toEqual([
        { path: 'subjectId', message: dropped('HTX Nông nghiệp Vĩnh Bình', '2025', `${date.slice(8)}/${date.slice(5, 7)}/2025`) },
      ]);
    }
    // A merger ends the one absorbed the same way.
    expect(await issues({ kind: 'merger', date: '2025-01-01', predecessorIds: [b], subjectId: a })).toEqual([
      { path: 'predecessorIds', message: dropped('HTX Dịch vụ Vĩnh An', '2025', '01/01/2025') },
    ]);
    expect(stateOf(a)).toMatchObject({ status: 'active', endedOn: null });
    const counted = () => (app.ctx.db.$client.prepare('SELECT reporting, members_official AS members FROM statistics_figure_totals WHERE year = 2025').all() as { reporting: number; members: number }[]);
    expect(counted()).toEqual([{ reporting: 2, members: 21 }]);

    // From the first day of the year after its last figures, nothing of them drops: recorded.
    await call(app, 'lifecycle:record', { kind: 'dissolution', date: '2026-01-01', subjectId: a });
    expect(stateOf(a)).toMatchObject({ status: 'dissolved', endedOn: '2026-01-01' });
    expect(counted()).toEqual([{ reporting: 2, members: 21 }]);
    // Nor can figures be added then for the year it ended in, which its statistics would not count.
    expect((await callFailing(app, 'figures:save', { organizationId: a, year: 2026, membersOfficial: 12 })).message).toBe(
      'HTX Nông nghiệp Vĩnh Bình đã chấm dứt hoạt động từ ngày 01/01/2026, nên không có số liệu năm 2026.',
    );
  });
});

describe('renaming', () => {
  it('renames everywhere search looks, keeps the old name in the event, and restores it on delete', async () => {
    const a = await create('HTX Nông nghiệp Vĩnh Bình');
    const event = await call(app, 'lifecycle:record', {
      kind: 'renaming',
      date: '2025-07-01',
      decisionNo: '77/QĐ',
      subjectId: a,
      newName: '  Hợp tác xã  Đồng Xanh ',
    });
    expect(event).toMatchObject({ kind: 'renaming', oldName: 'HTX Nông nghiệp Vĩnh Bình', newName: 'Hợp tác xã Đồng Xanh' });
    expect(stateOf(a).name).toBe('Hợp tác xã Đồng Xanh');
    const row = app.ctx.db.$client.prepare('SELECT name_folded, name_key, search_text FROM organizations WHERE id = ?').get(a);
    // The search text carries the name's other usual spelling ("htx") too, as every name's does.
    expect(row).toEqual({ name_folded: 'hop tac xa dong xanh', name_key: 'dong xanh', search_text: 'hop tac xa dong xanh htx vinh an' });
    expect((await call(app, 'organizations:list', { query: 'dong xanh', page: 1, pageSize: 10 })).total).toBe(1);
    expect((await call(app, 'lifecycle:list', { organizationId: a }))[0]).toMatchObject({ oldName: 'HTX Nông nghiệp Vĩnh Bình', role: 'subject' });

    const second = await call(app, 'lifecycle:record', { kind: 'renaming', date: '2026-01-05', subjectId: a, newName: 'HTX Đồng Xanh An Giang' });
    expect(second.oldName).toBe('Hợp tác xã Đồng Xanh');
    expect(await callFailing(app, 'lifecycle:delete', { eventId: event.id })).toEqual({
      kind: 'conflict',
      message: 'HTX Đồng Xanh An Giang còn lần đổi tên sau (ngày 05/01/2026); hãy xóa lần đổi tên đó trước.',
    });
    await call(app, 'lifecycle:delete', { eventId: second.id });
    await call(app, 'lifecycle:delete', { eventId: event.id });
    expect(stateOf(a).name).toBe('HTX Nông nghiệp Vĩnh Bình');
    expect((await call(app, 'organizations:list', { query: 'vinh binh', page: 1, pageSize: 10 })).total).toBe(1);
  });

  it('needs a new name that differs from the current one', async () => {
    const a = await create('HTX Nông nghiệp Vĩnh Bình');
    expect(await issues({ kind: 'renaming', date: '2025-07-01', subjectId: a })).toEqual([{ path: 'newName', message: 'Chưa nhập tên mới.' }]);
    expect(await issues({ kind: 'renaming', date: '2025-07-01', subjectId: a, newName: 'HTX Nông nghiệp Vĩnh Bình' })).toEqual([
      { path: 'newName', message: 'Tên mới trùng với tên hiện tại «HTX Nông nghiệp Vĩnh Bình».' },
    ]);
  });
});

describe('reorganization', () => {
  it('a new organization may carry the name of one its event involves; a name close to another one is asked about, saying which', async () => {
    const forebear = await create('HTX Mây tre đan Vĩnh An', '2015-01-01');
    const other = await create('HTX Dịch vụ Vĩnh An', '2016-01-01');
    const split = await call(app, 'lifecycle:record', {
      kind: 'split',
      date: '2026-11-01',
      predecessorIds: [forebear],
      newSuccessors: [
        { kind: 'htx', name: 'Hợp tác xã mây tre đan Vĩnh An', communeCode: XA_VINH_AN },
        { kind: 'htx', name: 'HTX Mây tre đan Vĩnh An số 2', communeCode: XA_VINH_AN },
      ],
    });
    expect(split.participants.filter((p) => p.role === 'successor')).toHaveLength(2);

    const consolidation = {
      kind: 'consolidation' as const,
      date: '2026-11-10',
      predecessorIds: split.participants.filter((p) => p.role === 'successor').map((p) => p.organizationId),
      newSuccessors: [{ kind: 'htx' as const, name: 'Hợp tác xã dịch vụ Vĩnh An', communeCode: XA_VINH_AN }],
    };
    expect(await callFailing(app, 'lifecycle:record', consolidation)).toMatchObject({
      kind: 'conflict',
      existingId: other,
      message: 'Tổ chức mới thứ 1 («Hợp tác xã dịch vụ Vĩnh An»): Đã có tổ chức tên gần giống ở xã Vĩnh An: HTX Dịch vụ Vĩnh An. Nếu đúng là tổ chức khác, hãy xác nhận để lưu.',
    });
    const confirmed = await call(app, 'lifecycle:record', { ...consolidation, newSuccessors: consolidation.newSuccessors.map((s) => ({ ...s, confirmedSimilarIds: [other] })) });
    expect(confirmed.participants.filter((p) => p.role === 'successor')).toHaveLength(1);
  });

  it('a merger dated after today is refused: it would end its organizations today; recorded on its day, its successor is edited as it is', async () => {
    const a = await create('HTX Vĩnh An', '2015-01-01');
    const b = await create('HTX Vĩnh Bình', '2016-01-01', XA_VINH_BINH);
    const merger = {
      kind: 'consolidation' as const,
      predecessorIds: [a, b],
      newSuccessors: [{ kind: 'htx' as const, name: 'HTX Hợp nhất Vĩnh An', communeCode: XA_VINH_AN }],
    };
    // The test's today is 23/11/2026; the decision takes effect on 01/01/2027.
    expect(await callFailing(app, 'lifecycle:record', { ...merger, date: '2027-01-01' })).toMatchObject({
      kind: 'validation',
      issues: [{ path: 'date', message: 'Ngày của sự kiện không được sau hôm nay (23/11/2026); hãy ghi nhận khi quyết định có hiệu lực.' }],
    });
    expect([stateOf(a), stateOf(b)]).toMatchObject([{ status: 'active', endedOn: null }, { status: 'active', endedOn: null }]);
    const event = await call(app, 'lifecycle:record', { ...merger, date: '2026-11-23' });
    const c = event.participants.find((p) => p.role === 'successor')?.organizationId ?? 0;
    expect(stateOf(c)).toMatchObject({ foundedOn: '2026-11-23' });
    const successor = await call(app, 'organizations:get', { id: c });
    const edit = { id: c, kind: successor.kind, name: successor.name, communeCode: successor.communeCode, street: '', foundedOn: successor.foundedOn, phone: '0296 3851 234' };
    expect((await call(app, 'organizations:update', edit)).foundedOn).toBe('2026-11-23');
    expect(await callFailing(app, 'organizations:update', { ...edit, foundedOn: '2027-02-01' })).toMatchObject({
      kind: 'validation',
      issues: [{ path: 'foundedOn', message: 'Ngày thành lập không được sau hôm nay (23/11/2026).' }],
    });
  });

  it('consolidation: A and B end, new C begins; each year counts them once', async () => {
    const a = await create('HTX Vĩnh An', '2015-01-01');
    const b = await create('HTX Vĩnh Bình', '2016-01-01', XA_VINH_BINH);
    const event = await call(app, 'lifecycle:record', {
      kind: 'consolidation',
      date: '2025-07-01',
      decisionNo: '88/QĐ-UBND',
      predecessorIds: [a, b],
      newSuccessors: [{ kind: 'htx', name: 'HTX Hợp nhất Vĩnh An – Vĩnh Bình', communeCode: XA_VINH_AN, registrationNo: '1600999999' }],
    });
    const c = event.participants.find((p) => p.role === 'successor')?.organizationId ?? 0;
    expect(event.participants.map((p) => [p.name, p.role])).toEqual([
      ['HTX Vĩnh An', 'predecessor'],
      ['HTX Vĩnh Bình', 'predecessor'],
      ['HTX Hợp nhất Vĩnh An – Vĩnh Bình', 'successor'],
    ]);
    expect(stateOf(a)).toMatchObject({ status: 'reorganized', endedOn: '2025-07-01' });
    expect(stateOf(b)).toMatchObject({ status: 'reorganized', endedOn: '2025-07-01' });
    expect(stateOf(c)).toMatchObject({ status: 'active', foundedOn: '2025-07-01', endedOn: null });

    expect(existing(2024)).toEqual(['HTX Vĩnh An', 'HTX Vĩnh Bình']);
    expect(existing(2025)).toEqual(['HTX Hợp nhất Vĩnh An – Vĩnh Bình']);

    expect(await issues({ kind: 'suspension', date: '2025-08-01', subjectId: a })).toEqual([
      {
        path: 'subjectId',
        message: 'HTX Vĩnh An đã chấm dứt hoạt động (tổ chức lại) từ ngày 01/07/2025; không thể ghi thêm sự kiện từ ngày đó trở đi.',
      },
    ]);

    // Deleting the event brings A and B back; C stays in the register but has no founding date from it.
    await call(app, 'lifecycle:delete', { eventId: event.id });
    expect(stateOf(a)).toMatchObject({ status: 'active', endedOn: null });
    expect(stateOf(c)).toMatchObject({ status: 'active', foundedOn: null });
    expect(await call(app, 'lifecycle:list', { organizationId: a })).toEqual([]);
  });

  it('refuses two new organizations of one commune under one name, at both names, and writes nothing', async () => {
    const forebear = await create('HTX Cây ăn trái Vĩnh An', '2015-01-01');
    const twin = { kind: 'htx' as const, name: 'HTX Cây ăn trái Vĩnh An', communeCode: XA_VINH_AN };
    const split = { kind: 'split' as const, date: '2026-11-01', predecessorIds: [forebear], newSuccessors: [twin, { ...twin, name: 'Hợp tác xã cây ăn trái Vĩnh An' }] };
    const twice = 'mỗi tổ chức mới cần một tên riêng.';
    expect(await issues(split)).toEqual([
      { path: 'newSuccessors.0.name', message: `Trùng tên với tổ chức mới 2 ở cùng xã, phường; ${twice}` },
      { path: 'newSuccessors.1.name', message: `Trùng tên với tổ chức mới 1 ở cùng xã, phường; ${twice}` },
    ]);
    // Confirming a similar name does not let a twin through.
    const confirmedTwins = { ...split, newSuccessors: split.newSuccessors.map((s) => ({ ...s, confirmedSimilarIds: [forebear] })) };
    expect(await issues(confirmedTwins)).toHaveLength(2);
    expect(stateOf(forebear).status).toBe('active');
    expect(existing(2026)).toEqual(['HTX Cây ăn trái Vĩnh An']);
    // In two communes the same name is two organizations, as anywhere in the register.
    const elsewhere = { ...split, newSuccessors: [twin, { ...twin, communeCode: XA_VINH_BINH }] };
    expect((await call(app, 'lifecycle:record', elsewhere)).participants.map((p) => p.role)).toEqual(['predecessor', 'successor', 'successor']);
  });

  it('asks about a new organization named as the one a separation leaves: that one carries on', async () => {
    const a = await create('HTX Nông nghiệp Vĩnh An', '2015-01-01');
    const separation = {
      kind: 'separation' as const,
      date: '2026-11-01',
      subjectId: a,
      newSuccessors: [{ kind: 'htx' as const, name: 'Hợp tác xã nông nghiệp Vĩnh An', communeCode: XA_VINH_AN }],
    };
    expect(await callFailing(app, 'lifecycle:record', separation)).toMatchObject({
      kind: 'conflict',
      existingId: a,
      message: 'Tổ chức mới thứ 1 («Hợp tác xã nông nghiệp Vĩnh An»): Đã có tổ chức tên gần giống ở xã Vĩnh An: HTX Nông nghiệp Vĩnh An. Nếu đúng là tổ chức khác, hãy xác nhận để lưu.',
    });
    expect(existing(2026)).toEqual(['HTX Nông nghiệp Vĩnh An']);
    await call(app, 'lifecycle:record', { ...separation, newSuccessors: separation.newSuccessors.map((s) => ({ ...s, confirmedSimilarIds: [a] })) });
    expect(existing(2026)).toEqual(['Hợp tác xã nông nghiệp Vĩnh An', 'HTX Nông nghiệp Vĩnh An']);
  });

  it('split: the one split ends, its successors are counted once', async () => {
    const a = await create('HTX Vĩnh An', '2015-01-01');
    const existingSuccessor = await create('HTX Vĩnh An 1');
    const event = await call(app, 'lifecycle:record', {
      kind: 'split',
      date: '2025-03-01',
      predecessorIds: [a],
      successorIds: [existingSuccessor],
      newSuccessors: [{ kind: 'htx', name: 'HTX Vĩnh An 2', communeCode: XA_VINH_AN }],
    });
    expect(event.participants.map((p) => [p.name, p.role])).toEqual([
      ['HTX Vĩnh An', 'predecessor'],
      ['HTX Vĩnh An 1', 'successor'],
      ['HTX Vĩnh An 2', 'successor'],
    ]);
    expect(stateOf(a).status).toBe('reorganized');
    expect(stateOf(existingSuccessor).foundedOn).toBe('2025-03-01');
    expect(existing(2024)).toEqual(['HTX Vĩnh An']);
    expect(existing(2025)).toEqual(['HTX Vĩnh An 1', 'HTX Vĩnh An 2']);
    const countIn2025 = app.ctx.db.select({ n: count() }).from(organizations).where(and(existingInYear(2025), eq(organizations.kind, 'htx'))).get();
    expect(countIn2025?.n).toBe(2);

    // Undone, the founding days it gave go with it, each written in its organization's history as following that deletion.
    await call(app, 'lifecycle:delete', { eventId: event.id });
    const newSuccessor = event.participants.find((p) => p.name === 'HTX Vĩnh An 2')?.organizationId ?? 0;
    for (const id of [existingSuccessor, newSuccessor]) {
      expect(stateOf(id)).toMatchObject({ status: 'active', foundedOn: null });
      const [latest] = (await call(app, 'records:history', { kind: 'organization', id })).entries;
      expect({ cause: latest?.cause, fields: latest?.changes.map((change) => [change.field, change.before, change.after]) }).toEqual({
        cause: { lifecycle: 'removed', kind: 'split', date: '2025-03-01' },
        fields: [['foundedOn', '2025-03-01', null]],
      });
    }
    expect(stateOf(a)).toMatchObject({ status: 'active', foundedOn: '2015-01-01', endedOn: null });
  });

  it('separation: the one separated from stays, the new one begins', async () => {
    const a = await create('HTX Vĩnh An', '2015-01-01');
    await call(app, 'lifecycle:record', {
      kind: 'separation',
      date: '2025-03-01',
      subjectId: a,
      newSuccessors: [{ kind: 'tht', name: 'Tổ hợp tác Rau Vĩnh An', communeCode: XA_VINH_AN }],
    });
    expect(stateOf(a)).toMatchObject({ status: 'active', endedOn: null });
    expect(existing(2025)).toEqual(['HTX Vĩnh An', 'Tổ hợp tác Rau Vĩnh An']);
    const [event] = await call(app, 'lifecycle:list', { organizationId: a });
    expect(event?.participants.map((p) => [p.name, p.kind, p.role])).toEqual([
      ['HTX Vĩnh An', 'htx', 'subject'],
      ['Tổ hợp tác Rau Vĩnh An', 'tht', 'successor'],
    ]);
    // Moved to the Thùng rác, the new one is said to be there: a screen must not say it is in the register.
    const successor = event?.participants[1]?.organizationId ?? 0;
    await call(app, 'organizations:delete', { id: successor });
    const [listed] = await call(app, 'lifecycle:list', { organizationId: a });
    expect(listed?.participants.map((p) => [p.name, p.inTrash])).toEqual([
      ['HTX Vĩnh An', undefined],
      ['Tổ hợp tác Rau Vĩnh An', true],
    ]);
  });

  it('refuses an event dated before an organization taking part was founded, and writes nothing', async () => {
    const absorbing = await create('HTX Nông nghiệp Vĩnh Hòa Mới', '2024-02-28');
    const absorbed = await create('HTX Cây ăn trái Bình Sơn', '2018-05-01');
    const younger = await create('HTX Rau Vĩnh Bình', '2021-03-15');
    expect(await issues({ kind: 'merger', date: '2020-01-01', subjectId: absorbing, predecessorIds: [absorbed, younger] })).toEqual([
      { path: 'subjectId', message: 'HTX Nông nghiệp Vĩnh Hòa Mới thành lập ngày 28/02/2024, sau ngày 01/01/2020 của sự kiện này; hãy kiểm tra lại ngày.' },
      { path: 'predecessorIds', message: 'HTX Rau Vĩnh Bình thành lập ngày 15/03/2021, sau ngày 01/01/2020 của sự kiện này; hãy kiểm tra lại ngày.' },
    ]);
    expect([stateOf(absorbing).status, stateOf(absorbed).status, stateOf(younger).status]).toEqual(['active', 'active', 'active']);
    // On or after the founding day it is recorded.
    await call(app, 'lifecycle:record', { kind: 'merger', date: '2024-02-28', subjectId: absorbing, predecessorIds: [absorbed, younger] });
    expect([stateOf(absorbed).endedOn, stateOf(younger).endedOn]).toEqual(['2024-02-28', '2024-02-28']);
  });

  it('merger: the absorbing one stays, the absorbed ones end', async () => {
    const a = await create('HTX Vĩnh An');
    const b = await create('HTX Vĩnh Bình');
    const d = await create('HTX Thoại Sơn');
    await call(app, 'lifecycle:record', { kind: 'merger', date: '2025-10-01', subjectId: a, predecessorIds: [b, d] });
    expect([stateOf(a).status, stateOf(b).status, stateOf(d).status]).toEqual(['active', 'reorganized', 'reorganized']);
    expect(existing(2025)).toEqual(['HTX Vĩnh An']);
  });

  it('lists an organization’s events by date with its own role', async () => {
    const a = await create('HTX Vĩnh An');
    const b = await create('HTX Vĩnh Bình');
    await call(app, 'lifecycle:record', { kind: 'merger', date: '2025-10-01', subjectId: b, predecessorIds: [a] });
    await call(app, 'lifecycle:record', { kind: 'founding', date: '2012-05-05', decisionNo: '1/GCN', subjectId: a });
    const events = await call(app, 'lifecycle:list', { organizationId: a });
    expect(events.map((e) => [e.kind, e.date, e.role, e.participants.length])).toEqual([
      ['founding', '2012-05-05', 'subject', 1],
      ['merger', '2025-10-01', 'predecessor', 2],
    ]);
  });
});

describe('who takes part', () => {
  it.each([
    [{ kind: 'dissolution' }, [{ path: 'subjectId', message: 'Chưa chọn tổ chức giải thể.' }]],
    [{ kind: 'founding' }, [{ path: 'subjectId', message: 'Chưa chọn tổ chức được thành lập.' }]],
    [{ kind: 'split', predecessorIds: [1] }, [{ path: 'successorIds', message: 'Chia: cần ít nhất hai tổ chức được chia ra (chọn tổ chức có sẵn hoặc thêm mới).' }]],
    [{ kind: 'split', predecessorIds: [1, 2], successorIds: [3, 4] }, [{ path: 'predecessorIds', message: 'Chia: cần chọn đúng một tổ chức bị chia.' }]],
    [{ kind: 'consolidation', predecessorIds: [1], successorIds: [3] }, [{ path: 'predecessorIds', message: 'Hợp nhất: cần chọn ít nhất hai tổ chức hợp nhất với nhau.' }]],
    [{ kind: 'consolidation', predecessorIds: [1, 2], successorIds: [3, 4] }, [{ path: 'successorIds', message: 'Hợp nhất: cần đúng một tổ chức mới hình thành sau hợp nhất.' }]],
    [{ kind: 'merger', subjectId: 1 }, [{ path: 'predecessorIds', message: 'Sáp nhập: cần chọn ít nhất một tổ chức bị sáp nhập.' }]],
    [{ kind: 'separation', subjectId: 1 }, [{ path: 'successorIds', message: 'Tách: cần ít nhất một tổ chức được tách ra (chọn tổ chức có sẵn hoặc thêm mới).' }]],
    [{ kind: 'dissolution', subjectId: 1, successorIds: [2] }, [{ path: 'successorIds', message: 'Sự kiện «Giải thể» không có tổ chức kế thừa; hãy bỏ chọn.' }]],
    [{ kind: 'merger', subjectId: 1, predecessorIds: [1] }, [{ path: 'predecessorIds', message: 'Mỗi tổ chức chỉ được chọn một lần trong một sự kiện.' }]],
  ])('%j', async (fields, expected) => {
    expect(await issues({ date: '2025-01-01', ...fields })).toEqual(expected);
  });

  it('points a new successor’s field errors into newSuccessors, and writes nothing', async () => {
    const a = await create('HTX Vĩnh An');
    const error = await issues({
      kind: 'separation',
      date: '2025-01-01',
      subjectId: a,
      newSuccessors: [{ kind: 'htx', name: 'HTX Mới', communeCode: '99999' }],
    });
    expect(error).toEqual([{ path: 'newSuccessors.0.communeCode', message: 'Xã, phường đã chọn không có trong danh sách 3.321 xã, phường hiện hành.' }]);
    expect((await call(app, 'organizations:list', { page: 1, pageSize: 10 })).total).toBe(1);
    expect(await call(app, 'lifecycle:list', { organizationId: a })).toEqual([]);
  });

  it('says which organization does not exist', async () => {
    expect(await callFailing(app, 'lifecycle:record', { kind: 'dissolution', date: '2025-01-01', subjectId: 999 })).toEqual({
      kind: 'notFound',
      message: 'Không tìm thấy tổ chức này; có thể đã bị xóa hẳn. Hãy tải lại danh sách.',
    });
  });

  it('records audit rows for the event and each organization', async () => {
    const a = await create('HTX Vĩnh An');
    const event = await call(app, 'lifecycle:record', { kind: 'dissolution', date: '2025-06-30', decisionNo: '9/QĐ', subjectId: a });
    const rows = app.ctx.db.$client
      .prepare("SELECT entity, entity_id, action, before, after, cause FROM audit_log WHERE action != 'create' OR entity = 'lifecycle_event' ORDER BY id")
      .all()
      .map((row) => {
        const { entity, entity_id, action, before, after, cause } = row as Record<string, string | number | null>;
        const entry = [entity, entity_id, action, JSON.parse(String(before ?? 'null')) as unknown, JSON.parse(String(after ?? 'null')) as unknown];
        return cause === null ? entry : [...entry, JSON.parse(String(cause)) as unknown];
      });
    expect(rows).toEqual([
      [
        'lifecycle_event',
        event.id,
        'create',
        null,
        { kind: 'dissolution', date: '2025-06-30', decisionNo: '9/QĐ', note: '', oldName: null, newName: null, participants: [{ organizationId: a, role: 'subject' }] },
      ],
      [
        'organization',
        a,
        'update',
        { lifecycle: null },
        { lifecycle: { eventId: event.id, kind: 'dissolution', date: '2025-06-30', decisionNo: '9/QĐ', role: 'subject' } },
      ],
      // What the app set by itself keeps the event it follows.
      [
        'organization',
        a,
        'update',
        { status: 'active', endedOn: null },
        { status: 'dissolved', endedOn: '2025-06-30' },
        { lifecycle: 'recorded', kind: 'dissolution', date: '2025-06-30' },
      ],
    ]);
  });

  it('shows what the app set after an event as following that event, not as a person’s edit', async () => {
    const a = await create('HTX Vĩnh An');
    const dissolution = await call(app, 'lifecycle:record', { kind: 'dissolution', date: '2025-06-30', decisionNo: '9/QĐ', subjectId: a });
    await call(app, 'lifecycle:delete', { eventId: dissolution.id });
    const history = async () =>
      (await call(app, 'records:history', { kind: 'organization', id: a })).entries.map(({ action, changes, cause }) => ({
        action,
        cause,
        fields: changes.map((change) => [change.field, change.before, change.after]),
      }));
    const lifecycle = { eventId: dissolution.id, kind: 'dissolution', date: '2025-06-30', decisionNo: '9/QĐ', role: 'subject' };
    const expected = [
      {
        action: 'update',
        cause: { lifecycle: 'removed', kind: 'dissolution', date: '2025-06-30' },
        fields: [
          ['status', 'dissolved', 'active'],
          ['endedOn', '2025-06-30', null],
        ],
      },
      { action: 'update', cause: undefined, fields: [['lifecycle', lifecycle, null]] },
      {
        action: 'update',
        cause: { lifecycle: 'recorded', kind: 'dissolution', date: '2025-06-30' },
        fields: [
          ['status', 'active', 'dissolved'],
          ['endedOn', null, '2025-06-30'],
        ],
      },
      { action: 'update', cause: undefined, fields: [['lifecycle', null, lifecycle]] },
      expect.objectContaining({ action: 'create', cause: undefined }),
    ];
    expect(await history()).toEqual(expected);
  });

  it('names, on each organization’s lifecycle line, the others of the event and their roles, also once the event is deleted', async () => {
    const [absorbing, absorbed, alsoAbsorbed] = [await create('HTX Vĩnh An'), await create('HTX Vĩnh Bình'), await create('HTX Đồng Tâm')];
    const merger = await call(app, 'lifecycle:record', { kind: 'merger', date: '2025-10-01', subjectId: absorbing, predecessorIds: [absorbed, alsoAbsorbed] });
    const lifecycleLines = async (id: number) =>
      (await call(app, 'records:history', { kind: 'organization', id })).entries.flatMap((entry) =>
        entry.changes.filter((change) => change.field === 'lifecycle').map((change) => [change.before, change.after]),
      );
    const line = (role: string, counterparts: { name: string; role: string }[]) => ({
      eventId: merger.id,
      kind: 'merger',
      date: '2025-10-01',
      decisionNo: '',
      role,
      counterparts,
    });
    const absorbedSide = line('predecessor', [
      { name: 'HTX Vĩnh An', role: 'subject' },
      { name: 'HTX Đồng Tâm', role: 'predecessor' },
    ]);
    expect(await lifecycleLines(absorbed)).toEqual([[null, absorbedSide]]);
    expect(await lifecycleLines(absorbing)).toEqual([
      [
        null,
        line('subject', [
          { name: 'HTX Đồng Tâm', role: 'predecessor' },
          { name: 'HTX Vĩnh Bình', role: 'predecessor' },
        ]),
      ],
    ]);
    // Deleted, the event's participants are read from what its deletion recorded.
    await call(app, 'lifecycle:delete', { eventId: merger.id });
    expect(await lifecycleLines(absorbed)).toEqual([
      [absorbedSide, null],
      [null, absorbedSide],
    ]);
  });

  it('names no cause for a person’s edit, even one right after an event', async () => {
    const a = await create('HTX Vĩnh An');
    await call(app, 'lifecycle:record', { kind: 'founding', date: '2019-04-02', subjectId: a });
    await call(app, 'organizations:update', { id: a, kind: 'htx', name: 'HTX Vĩnh An', communeCode: XA_VINH_AN, foundedOn: '2019-04-03' });
    const causes = async () =>
      (await call(app, 'records:history', { kind: 'organization', id: a })).entries.map((entry) => [entry.cause?.kind ?? null, entry.changes.map((change) => change.field)]);
    expect(await causes()).toEqual([
      [null, ['foundedOn']],
      ['founding', ['foundedOn']],
      [null, ['lifecycle']],
      [null, ['kind', 'name', 'communeCode', 'status']],
    ]);
  });
});
