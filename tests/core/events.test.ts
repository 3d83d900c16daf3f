import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { InputOf } from '../../src/shared/contract';
import { AN_GIANG, call, callFailing, openTestApp, XA_VINH_AN, XA_VINH_BINH } from './support';

type TestApp = ReturnType<typeof openTestApp>;
let app: TestApp;

const HA_NOI = '01';
/** Communes of An Giang, as the admin units name them. */
const MY_HOA_HUNG = '30313';
const PHU_HOA = '30685';

beforeEach(async () => {
  app = openTestApp();
  await call(app, 'alliance:save', { name: 'Liên minh Hợp tác xã tỉnh An Giang', provinceCode: AN_GIANG });
});
afterEach(() => app.close());

const conference: InputOf<'events:create'> = {
  kind: 'supply_demand_conference',
  title: 'Hội nghị kết nối cung – cầu nông sản An Giang – Hà Nội',
  startsOn: '2026-10-15',
  endsOn: '2026-10-16',
  venue: 'Trung tâm Hội nghị Quốc gia, Mễ Trì',
  provinceCode: HA_NOI,
  organizer: 'Liên minh HTX tỉnh An Giang',
  coOrganizers: 'Sở Công Thương Hà Nội',
  budget: 250_000_000,
  description: 'Giới thiệu nông sản An Giang.\nKết nối với hệ thống siêu thị.',
};

async function organization(name: string, communeCode = XA_VINH_AN, shortName = '') {
  return call(app, 'organizations:create', { kind: 'htx', name, communeCode, shortName });
}

async function partner(name: string, provinceCode = '79'): Promise<number> {
  return (await call(app, 'partners:create', { kind: 'enterprise', name, provinceCode })).id;
}

function auditRows(entityId: number) {
  return app.ctx.db.$client
    .prepare("SELECT action, before, after FROM audit_log WHERE entity = 'event' AND entity_id = ? ORDER BY id")
    .all(entityId) as { action: string; before: string | null; after: string | null }[];
}

describe('creating an event', () => {
  it('stores it with its province and participant counts, and leaves an audit row', async () => {
    const created = await call(app, 'events:create', conference);
    expect(created).toMatchObject({
      kind: 'supply_demand_conference',
      title: 'Hội nghị kết nối cung – cầu nông sản An Giang – Hà Nội',
      startsOn: '2026-10-15',
      endsOn: '2026-10-16',
      provinceCode: HA_NOI,
      provinceName: 'Thành phố Hà Nội',
      budget: 250_000_000,
      organizationCount: 0,
      partnerCount: 0,
      attendedCount: 0,
    });
    const detail = await call(app, 'events:get', { id: created.id });
    // Line breaks of the description are kept.
    expect(detail.description).toBe('Giới thiệu nông sản An Giang.\nKết nối với hệ thống siêu thị.');
    expect(detail.coOrganizers).toBe('Sở Công Thương Hà Nội');
    expect(auditRows(created.id).map((row) => row.action)).toEqual(['create']);
  });

  it('takes a one-day event to end the day it starts, and an online meeting to be held nowhere', async () => {
    const oneDay = await call(app, 'events:create', { ...conference, endsOn: null });
    expect(oneDay.endsOn).toBe('2026-10-15');
    const online = await call(app, 'events:create', {
      kind: 'online_meeting',
      title: 'Họp trực tuyến với Liên minh HTX Việt Nam',
      startsOn: '2026-11-02',
      provinceCode: HA_NOI,
    });
    expect(online).toMatchObject({ provinceCode: null, provinceName: '' });
  });

  it('refuses what is wrong, in Vietnamese, on the field', async () => {
    const error = await callFailing(app, 'events:create', {
      ...conference,
      title: '  ',
      endsOn: '2026-10-14',
      provinceCode: null,
      budget: -5,
    });
    expect(error.kind).toBe('validation');
    const issues = error.kind === 'validation' ? error.issues : [];
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: 'title', message: 'Tên sự kiện không được để trống.' },
        { path: 'budget', message: 'Kinh phí không được âm.' },
      ]),
    );
    // Cross-field rules run once every field is well formed; whether the kind needs a province,
    // the kinds' lookup says.
    const dates = await callFailing(app, 'events:create', { ...conference, endsOn: '2026-10-14' });
    expect(dates.kind === 'validation' ? dates.issues : []).toEqual([{ path: 'endsOn', message: 'Ngày kết thúc không được trước ngày bắt đầu.' }]);
    const nowhere = await callFailing(app, 'events:create', { ...conference, provinceCode: null });
    expect(nowhere.kind === 'validation' ? nowhere.issues : []).toEqual([{ path: 'provinceCode', message: 'Chưa chọn tỉnh, thành phố nơi tổ chức sự kiện.' }]);
    const notADay = await callFailing(app, 'events:create', { ...conference, startsOn: '2026-02-30' });
    expect(notADay.kind === 'validation' ? notADay.issues : []).toEqual([
      { path: 'startsOn', message: 'Ngày bắt đầu không phải một ngày có thật (dạng ngày/tháng/năm).' },
    ]);
    const province = await callFailing(app, 'events:create', { ...conference, provinceCode: '99' });
    expect(province.kind === 'validation' ? province.issues : []).toEqual([
      { path: 'provinceCode', message: 'Không có tỉnh, thành phố mã 99.' },
    ]);
  });
});

describe('listing events', () => {
  beforeEach(async () => {
    await call(app, 'events:create', conference);
    await call(app, 'events:create', {
      kind: 'fair',
      title: 'Hội chợ OCOP Đồng bằng sông Cửu Long',
      startsOn: '2026-12-28',
      endsOn: '2027-01-02',
      venue: 'Quảng trường Long Xuyên',
      provinceCode: AN_GIANG,
    });
    await call(app, 'events:create', {
      kind: 'training',
      title: 'Lớp tập huấn chuyển đổi số cho HTX',
      startsOn: '2025-05-10',
      venue: 'Hội trường Liên minh',
      provinceCode: AN_GIANG,
    });
  });

  it('lists newest first, and searches title and venue without diacritics', async () => {
    const all = await call(app, 'events:list', {});
    expect(all.total).toBe(3);
    expect(all.rows.map((row) => row.startsOn)).toEqual(['2026-12-28', '2026-10-15', '2025-05-10']);
    const byVenue = await call(app, 'events:list', { search: 'quang truong long xuyen' });
    expect(byVenue.rows.map((row) => row.title)).toEqual(['Hội chợ OCOP Đồng bằng sông Cửu Long']);
    const dong = await call(app, 'events:list', { search: 'dong bang' });
    expect(dong.rows.map((row) => row.kind)).toEqual(['fair']);
    const titleAndVenue = await call(app, 'events:list', { search: 'chuyen doi so hoi truong' });
    expect(titleAndVenue.total).toBe(1);
  });

  it('filters by kind, province, year (overlapping), dates and upcoming or past', async () => {
    expect((await call(app, 'events:list', { kind: 'training' })).rows.map((row) => row.kind)).toEqual(['training']);
    expect((await call(app, 'events:list', { provinceCode: HA_NOI })).rows.map((row) => row.provinceName)).toEqual(['Thành phố Hà Nội']);
    // The fair runs from 28/12/2026 to 02/01/2027: it belongs to both years.
    expect((await call(app, 'events:list', { year: 2027 })).rows.map((row) => row.kind)).toEqual(['fair']);
    expect((await call(app, 'events:list', { year: 2026 })).total).toBe(2);
    expect((await call(app, 'events:list', { from: '2026-01-01', to: '2026-11-30' })).rows.map((row) => row.kind)).toEqual([
      'supply_demand_conference',
    ]);
    // Today is 23/11/2026 in the test clock.
    expect((await call(app, 'events:list', { when: 'upcoming' })).rows.map((row) => row.kind)).toEqual(['fair']);
    expect((await call(app, 'events:list', { when: 'past', sort: { by: 'startsOn', direction: 'asc' } })).rows.map((row) => row.kind)).toEqual([
      'training',
      'supply_demand_conference',
    ]);
    const paged = await call(app, 'events:list', { page: 2, pageSize: 2 });
    expect(paged).toMatchObject({ total: 3, rows: [{ kind: 'training' }] });
  });
});

describe('participants', () => {
  it('adds members and partners once each, with names, kinds, roles and counts', async () => {
    const event = await call(app, 'events:create', conference);
    const vinhBinh = await organization('Hợp tác xã Nông nghiệp Vĩnh Bình');
    const myHoa = await organization('HTX Dịch vụ Mỹ Hòa', XA_VINH_BINH);
    const coop = await partner('Công ty TNHH Thương mại Sài Gòn Co.op');

    const first = await call(app, 'events:addParticipants', {
      eventId: event.id,
      participants: [
        { kind: 'organization', id: vinhBinh.id, role: 'exhibitor', status: 'registered' },
        { kind: 'partner', id: coop, role: 'speaker' },
      ],
    });
    expect(first).toEqual({ added: 2, skipped: 0 });
    const again = await call(app, 'events:addParticipants', {
      eventId: event.id,
      participants: [
        { kind: 'organization', id: vinhBinh.id },
        { kind: 'organization', id: myHoa.id },
        { kind: 'organization', id: myHoa.id },
      ],
    });
    expect(again).toEqual({ added: 1, skipped: 2 });

    const detail = await call(app, 'events:get', { id: event.id });
    expect(detail).toMatchObject({ organizationCount: 2, partnerCount: 1, attendedCount: 0 });
    expect(detail.participants.map(({ kind, name, organizationKind, partnerKind, place, role, status }) => ({
      kind,
      name,
      organizationKind,
      partnerKind,
      place,
      role,
      status,
    }))).toEqual([
      // Vietnamese order: "Hợp" comes before "HTX" (o before t).
      { kind: 'organization', name: 'Hợp tác xã Nông nghiệp Vĩnh Bình', organizationKind: 'htx', partnerKind: null, place: 'Xã Vĩnh An', role: 'exhibitor', status: 'registered' },
      { kind: 'organization', name: 'HTX Dịch vụ Mỹ Hòa', organizationKind: 'htx', partnerKind: null, place: 'Xã Vĩnh Bình', role: 'attendee', status: 'invited' },
      { kind: 'partner', name: 'Công ty TNHH Thương mại Sài Gòn Co.op', organizationKind: null, partnerKind: 'enterprise', place: 'Thành phố Hồ Chí Minh', role: 'speaker', status: 'invited' },
    ]);
    const listed = await call(app, 'events:list', {});
    expect(listed.rows[0]).toMatchObject({ organizationCount: 2, partnerCount: 1, attendedCount: 0 });
  });

  it('refuses units gone or in the trash, naming those in the trash, never by their ids', async () => {
    const event = await call(app, 'events:create', conference);
    const error = await callFailing(app, 'events:addParticipants', {
      eventId: event.id,
      participants: [{ kind: 'partner', id: 404 }],
    });
    expect(error.kind === 'validation' ? error.issues : []).toEqual([
      { path: 'participants.0.id', message: 'Không tìm thấy đối tác đã chọn: đối tác đã bị xóa hẳn. Hãy chọn lại.' },
    ]);
  });

  it('changes role, status and representative, removes, and records each change', async () => {
    const event = await call(app, 'events:create', conference);
    const vinhBinh = await organization('Hợp tác xã Nông nghiệp Vĩnh Bình');
    await call(app, 'events:addParticipants', { eventId: event.id, participants: [{ kind: 'organization', id: vinhBinh.id }] });
    const [participant] = (await call(app, 'events:get', { id: event.id })).participants;
    if (!participant) throw new Error('no participant');
    const changed = await call(app, 'events:updateParticipant', {
      id: participant.id,
      role: 'speaker',
      representative: ' Nguyễn  Văn An ',
    });
    expect(changed).toMatchObject({ role: 'speaker', status: 'invited', representative: 'Nguyễn Văn An' });
    await call(app, 'events:removeParticipant', { id: participant.id });
    expect((await call(app, 'events:get', { id: event.id })).participants).toEqual([]);

    const { entries: history } = await call(app, 'records:history', { kind: 'event', id: event.id });
    const participants = (entry: (typeof history)[number]) => entry.changes.filter((change) => change.field === 'participants').map(({ before, after }) => ({ before, after }));
    expect(history.map(participants)).toEqual([
      [
        {
          before: [{ name: 'Hợp tác xã Nông nghiệp Vĩnh Bình', state: { role: 'speaker', status: 'invited', representative: 'Nguyễn Văn An', note: '' } }],
          after: [{ name: 'Hợp tác xã Nông nghiệp Vĩnh Bình', state: null }],
        },
      ],
      [
        {
          before: [{ name: 'Hợp tác xã Nông nghiệp Vĩnh Bình', state: { role: 'attendee', status: 'invited', representative: '', note: '' } }],
          after: [{ name: 'Hợp tác xã Nông nghiệp Vĩnh Bình', state: { role: 'speaker', status: 'invited', representative: 'Nguyễn Văn An', note: '' } }],
        },
      ],
      [
        {
          before: [{ name: 'Hợp tác xã Nông nghiệp Vĩnh Bình', state: null }],
          after: [{ name: 'Hợp tác xã Nông nghiệp Vĩnh Bình', state: { role: 'attendee', status: 'invited', representative: '', note: '' } }],
        },
      ],
      [],
    ]);
    expect(history.at(-1)).toMatchObject({ action: 'create' });
  });
});

/** Those who signed for one cooperative, as a training course's sheet lists them. */
const fifteenSigners = [
  'Nguyễn Văn An',
  'Trần Thị Bé',
  'Lê Văn Cường',
  'Phạm Thị Dung',
  'Huỳnh Văn Em',
  'Võ Thị Phương',
  'Đặng Văn Giàu',
  'Bùi Thị Hạnh',
  'Đỗ Văn Hùng',
  'Hồ Thị Kim',
  'Ngô Văn Lộc',
  'Dương Thị Mai',
  'Lý Văn Nghĩa',
  'Trương Thị Oanh',
  'Châu Văn Phúc',
];

describe('attendance', () => {
  async function eventWithParticipants() {
    const event = await call(app, 'events:create', conference);
    const names = [
      'Hợp tác xã Nông nghiệp Vĩnh Bình',
      'HTX Dịch vụ Nông nghiệp Vĩnh Bình Đông',
      'Hợp tác xã Đồng Tâm',
      'HTX Thủy sản Mỹ Hòa Hưng',
      'HTX Dịch vụ Vĩnh Bình',
    ];
    const organizationIds = [];
    for (const name of names) organizationIds.push((await organization(name)).id);
    const partnerIds = [
      await partner('Công ty TNHH Thương mại Sài Gòn Co.op'),
      await partner('Công ty Cổ phần Thực phẩm Hà Nội', HA_NOI),
    ];
    await call(app, 'events:addParticipants', {
      eventId: event.id,
      participants: [
        ...organizationIds.map((id) => ({ kind: 'organization' as const, id })),
        ...partnerIds.map((id) => ({ kind: 'partner' as const, id })),
      ],
    });
    const detail = await call(app, 'events:get', { id: event.id });
    const idOf = (name: string) => {
      const found = detail.participants.find((item) => item.name === name);
      if (!found) throw new Error(`no ${name}`);
      return found.id;
    };
    return { event, idOf };
  }

  it('marks some present and some absent in one go, with who signed, and audits only real changes', async () => {
    const { event, idOf } = await eventWithParticipants();
    const marked = await call(app, 'events:markAttendance', {
      eventId: event.id,
      attendedIds: [idOf('Hợp tác xã Nông nghiệp Vĩnh Bình'), idOf('Hợp tác xã Đồng Tâm')],
      absentIds: [idOf('Công ty Cổ phần Thực phẩm Hà Nội')],
      representatives: [{ id: idOf('Hợp tác xã Đồng Tâm'), representative: 'Trần Thị Bé' }],
    });
    expect(marked).toEqual({ attended: 2, absent: 1, added: 0 });
    const detail = await call(app, 'events:get', { id: event.id });
    expect(detail.attendedCount).toBe(2);
    expect(detail.participants.filter((item) => item.status !== 'invited').map(({ name, status, representative }) => ({ name, status, representative }))).toEqual([
      { name: 'Hợp tác xã Đồng Tâm', status: 'attended', representative: 'Trần Thị Bé' },
      { name: 'Hợp tác xã Nông nghiệp Vĩnh Bình', status: 'attended', representative: '' },
      { name: 'Công ty Cổ phần Thực phẩm Hà Nội', status: 'absent', representative: '' },
    ]);
    const auditCount = auditRows(event.id).length;
    // Marking again what is already so changes nothing and records nothing.
    await call(app, 'events:markAttendance', { eventId: event.id, attendedIds: [idOf('Hợp tác xã Đồng Tâm')], absentIds: [] });
    expect(auditRows(event.id).length).toBe(auditCount);
  });

  it('records every signer of a unit as its representative: fifteen of one cooperative at a training course', async () => {
    const { event, idOf } = await eventWithParticipants();
    const id = idOf('Hợp tác xã Đồng Tâm');
    const signers = fifteenSigners.join(', ');
    expect(signers.length).toBeGreaterThan(200);
    await call(app, 'events:markAttendance', { eventId: event.id, attendedIds: [id], absentIds: [], representatives: [{ id, representative: signers }] });
    const detail = await call(app, 'events:get', { id: event.id });
    expect(detail.participants.find((item) => item.id === id)?.representative).toBe(signers);
    // Past what the box holds, refused whole, never cut.
    const tooMany = Array.from({ length: 70 }, (_, index) => `${fifteenSigners[index % 15] ?? ''} ${String(index + 1)}`).join(', ');
    expect((await callFailing(app, 'events:markAttendance', { eventId: event.id, attendedIds: [id], absentIds: [], representatives: [{ id, representative: tooMany }] })).message).toContain(
      'Người đại diện dài quá 1000 ký tự.',
    );
  });

  it('refuses one participant both present and absent, and participants of another event', async () => {
    const { event, idOf } = await eventWithParticipants();
    const id = idOf('Hợp tác xã Đồng Tâm');
    const both = await callFailing(app, 'events:markAttendance', { eventId: event.id, attendedIds: [id], absentIds: [id] });
    expect(both.message).toBe('Một đơn vị không thể vừa có mặt vừa vắng; hãy bỏ chọn một trong hai.');
    const other = await call(app, 'events:create', { ...conference, title: 'Tọa đàm khác', kind: 'seminar' });
    const foreign = await callFailing(app, 'events:markAttendance', { eventId: other.id, attendedIds: [id], absentIds: [] });
    expect(foreign.message).toBe('Một đơn vị đã chọn không còn trong thành phần tham dự của sự kiện này (có thể vừa bị bỏ ở cửa sổ khác); hãy tải lại trang rồi điểm danh lại.');
  });

  it('reads «MT» in a signed name as môi trường', async () => {
    const event = await call(app, 'events:create', conference);
    const { id } = await organization('HTX Dịch vụ Môi trường Đông Thái');
    await call(app, 'events:addParticipants', { eventId: event.id, participants: [{ kind: 'organization', id }] });
    const lines = await call(app, 'events:matchSignIn', { eventId: event.id, text: 'HTX DV MT Đông Thái - Nguyễn Văn An\nHTX Môi trường Vĩnh Bình' });
    expect(lines.map(({ name, result, candidates }) => ({ name, result, candidates: candidates.map((candidate) => candidate.name) }))).toEqual([
      { name: 'HTX DV MT Đông Thái', result: 'matched', candidates: ['HTX Dịch vụ Môi trường Đông Thái'] },
      { name: 'HTX Môi trường Vĩnh Bình', result: 'unmatched', candidates: [] },
    ]);
  });

  it('reads a pasted sign-in sheet: abbreviations, no diacritics, đ→d, numbering, signers, ambiguous and unmatched lines', async () => {
    const { event, idOf } = await eventWithParticipants();
    const sheet = [
      '1. htx nn vinh binh - Nguyễn Văn An',
      '2) Hop tac xa Dong Tam (bà Trần Thị Bé)',
      '',
      '- HTX Mỹ Hòa Hưng',
      '4\tCTCP Thực phẩm Hà Nội\tLê Văn Cường',
      '5. HTX Vĩnh Bình',
      '6. Hợp tác xã Bình Minh - Phạm Văn Đông',
    ].join('\n');
    const lines = await call(app, 'events:matchSignIn', { eventId: event.id, text: sheet });
    expect(lines.map(({ line, name, representative, result, candidates }) => ({
      line,
      name,
      representative,
      result,
      candidates: candidates.map((candidate) => candidate.name),
    }))).toEqual([
      {
        line: '1. htx nn vinh binh - Nguyễn Văn An',
        name: 'htx nn vinh binh',
        representative: 'Nguyễn Văn An',
        result: 'matched',
        candidates: ['Hợp tác xã Nông nghiệp Vĩnh Bình'],
      },
      {
        line: '2) Hop tac xa Dong Tam (bà Trần Thị Bé)',
        name: 'Hop tac xa Dong Tam',
        representative: 'bà Trần Thị Bé',
        result: 'matched',
        candidates: ['Hợp tác xã Đồng Tâm'],
      },
      // Part of the name, in whole words, of one participant only.
      { line: '- HTX Mỹ Hòa Hưng', name: 'HTX Mỹ Hòa Hưng', representative: '', result: 'matched', candidates: ['HTX Thủy sản Mỹ Hòa Hưng'] },
      {
        line: '4 CTCP Thực phẩm Hà Nội Lê Văn Cường',
        name: 'CTCP Thực phẩm Hà Nội',
        representative: 'Lê Văn Cường',
        result: 'matched',
        candidates: ['Công ty Cổ phần Thực phẩm Hà Nội'],
      },
      {
        line: '5. HTX Vĩnh Bình',
        name: 'HTX Vĩnh Bình',
        representative: '',
        result: 'ambiguous',
        candidates: ['Hợp tác xã Nông nghiệp Vĩnh Bình', 'HTX Dịch vụ Nông nghiệp Vĩnh Bình Đông', 'HTX Dịch vụ Vĩnh Bình'],
      },
      { line: '6. Hợp tác xã Bình Minh - Phạm Văn Đông', name: 'Hợp tác xã Bình Minh', representative: 'Phạm Văn Đông', result: 'unmatched', candidates: [] },
    ]);
    expect(lines[0]?.candidates[0]?.participantId).toBe(idOf('Hợp tác xã Nông nghiệp Vĩnh Bình'));
  });

  it('finds who signed without being invited among the members and partners, and adds them present with who signed', async () => {
    const { event, idOf } = await eventWithParticipants();
    const bayHien = await organization('Hợp tác xã Nông nghiệp Bảy Hiền');
    const binhAn = await organization('HTX Bình An');
    const binhAnPartner = await partner('Công ty TNHH Bình An', HA_NOI);
    const trashed = await organization('HTX Tân Lập');
    await call(app, 'organizations:delete', { id: trashed.id });
    const sheet = ['1. HTX NN Vĩnh Bình', '2. HTX NN Bảy Hiền - Võ Văn Tám', '3. Bình An', '4. HTX Tân Lập', '5. Hợp tác xã Bình Minh'].join('\n');
    const lines = await call(app, 'events:matchSignIn', { eventId: event.id, text: sheet });
    expect(lines.map(({ result, newcomers }) => [result, newcomers.map(({ kind, id, name, place, barred }) => [kind, id, name, place, barred])])).toEqual([
      ['matched', []],
      ['newcomer', [['organization', bayHien.id, 'Hợp tác xã Nông nghiệp Bảy Hiền', 'Xã Vĩnh An', undefined]]],
      // A member and a partner of one name: the person chooses.
      [
        'newcomer',
        [
          ['organization', binhAn.id, 'HTX Bình An', 'Xã Vĩnh An', undefined],
          ['partner', binhAnPartner, 'Công ty TNHH Bình An', 'Thành phố Hà Nội', undefined],
        ],
      ],
      // In the trash: named, so that the line says why it adds nobody.
      ['newcomer', [['organization', trashed.id, 'HTX Tân Lập', 'Xã Vĩnh An', { reason: 'trash' }]]],
      ['unmatched', []],
    ]);

    const marked = await call(app, 'events:markAttendance', {
      eventId: event.id,
      attendedIds: [idOf('Hợp tác xã Nông nghiệp Vĩnh Bình')],
      newcomers: [
        { kind: 'organization', id: bayHien.id, representative: 'Võ Văn Tám' },
        { kind: 'partner', id: binhAnPartner, representative: '' },
      ],
    });
    expect(marked).toEqual({ attended: 3, absent: 0, added: 2 });
    const detail = await call(app, 'events:get', { id: event.id });
    expect(detail.participants.filter((item) => item.status === 'attended').map(({ name, kind, role, representative }) => [name, kind, role, representative])).toEqual([
      ['Hợp tác xã Nông nghiệp Bảy Hiền', 'organization', 'attendee', 'Võ Văn Tám'],
      ['Hợp tác xã Nông nghiệp Vĩnh Bình', 'organization', 'attendee', ''],
      ['Công ty TNHH Bình An', 'partner', 'attendee', ''],
    ]);
    // Recorded in the event's history like any participant added.
    const lastAudit = auditRows(event.id).at(-1);
    expect(lastAudit?.after).toContain('Hợp tác xã Nông nghiệp Bảy Hiền');
    expect(lastAudit?.after).toContain('Công ty TNHH Bình An');

    // A unit gone to the trash meanwhile is refused, and nothing is written.
    await call(app, 'organizations:delete', { id: binhAn.id });
    const refused = await callFailing(app, 'events:markAttendance', {
      eventId: event.id,
      absentIds: [idOf('Hợp tác xã Đồng Tâm')],
      newcomers: [{ kind: 'organization', id: binhAn.id, representative: '' }],
    });
    expect(refused.kind === 'validation' ? refused.issues : []).toEqual([{ path: 'newcomers.0.id', message: 'HTX Bình An đang ở Thùng rác, nên không thêm được vào thành phần tham dự; hãy khôi phục tổ chức này trước.' }]);
    expect((await call(app, 'events:get', { id: event.id })).participants.find((item) => item.name === 'Hợp tác xã Đồng Tâm')?.status).toBe('invited');
  });

  it('says at its line that a unit dissolved before the event cannot be added, and which line the refusal is about', async () => {
    const { event } = await eventWithParticipants();
    const anChau = await organization('HTX Rau an toàn An Châu');
    await call(app, 'lifecycle:record', { kind: 'dissolution', date: '2022-10-19', decisionNo: '5/QĐ', subjectId: anChau.id });
    const sheet = 'STT\tHọ và tên\tChức vụ\tĐơn vị\n1\tNguyễn Văn An\tGiám đốc\tHTX NN Vĩnh Bình\n\n2\tNgô Văn Phúc\tGiám đốc\tHTX RAT An Châu';
    const lines = await call(app, 'events:matchSignIn', { eventId: event.id, text: sheet });
    expect(lines.map(({ lineNumber, result, newcomers }) => [lineNumber, result, newcomers.map(({ id, barred }) => [id, barred])])).toEqual([
      [1, 'skipped', []],
      [2, 'matched', []],
      // The empty line is counted, as the text box counts it.
      [4, 'newcomer', [[anChau.id, { reason: 'ended', status: 'dissolved', endedOn: '2022-10-19' }]]],
    ]);
    // Sent all the same, it is refused by the same rule, at its place among the newcomers.
    const refused = await callFailing(app, 'events:markAttendance', { eventId: event.id, newcomers: [{ kind: 'organization', id: anChau.id, representative: '' }] });
    expect(refused.kind === 'validation' ? refused.issues : []).toEqual([{ path: 'newcomers.0.id', message: 'HTX Rau an toàn An Châu đã chấm dứt hoạt động từ ngày 19/10/2022.' }]);
  });

  it('offers a participant whose name the line writes with a short form the app does not know, never one that shares only a place', async () => {
    const { event } = await eventWithParticipants();
    const processor = await partner('Công ty Cổ phần Chế biến Nông sản Đại Phúc', AN_GIANG);
    const alliance = await organization('Liên hiệp HTX Rau an toàn Vĩnh Bình');
    await call(app, 'events:addParticipants', { eventId: event.id, participants: [{ kind: 'partner', id: processor }, { kind: 'organization', id: alliance.id }] });
    const lines = await call(app, 'events:matchSignIn', { eventId: event.id, text: 'Cty CP CB Nông sản Đại Phúc - Lê Hoàng Nam\nCty CBNS Đại Phúc\nBáo Vĩnh Bình - Mai Thanh Tùng' });
    expect(lines.map(({ result, candidates }) => [result, candidates.map((candidate) => candidate.name)])).toEqual([
      ['ambiguous', ['Công ty Cổ phần Chế biến Nông sản Đại Phúc']],
      ['ambiguous', ['Công ty Cổ phần Chế biến Nông sản Đại Phúc']],
      // «Báo» spells no words of «Rau an toàn»: sharing the place is no sign of the same unit.
      ['unmatched', []],
    ]);
  });

  it('looks the members and partners a sheet names up by name key through an index, never reading the whole register', async () => {
    const { event } = await eventWithParticipants();
    await organization('Hợp tác xã Nông nghiệp Bảy Hiền');
    const sqlite = app.ctx.db.$client;
    const prepare = sqlite.prepare.bind(sqlite);
    const prepared: string[] = [];
    const watching = vi.spyOn(sqlite, 'prepare').mockImplementation((source: string) => {
      prepared.push(source);
      return prepare(source);
    });
    const lines = await call(app, 'events:matchSignIn', { eventId: event.id, text: '1. HTX NN Bảy Hiền - Võ Văn Tám\n2. Công ty Bình An' });
    watching.mockRestore();
    expect(lines.map((line) => line.result)).toEqual(['newcomer', 'unmatched']);
    const byNameKey = prepared.filter((source) => /"name_key" IN/.test(source));
    const plans = byNameKey.map((source) =>
      (prepare(`EXPLAIN QUERY PLAN ${source}`).all('[]') as { detail: string }[]).map((row) => row.detail).filter((detail) => / (?:organizations|partners)\b/.test(detail)),
    );
    // Each pass, the lines' names and then the readings of a line with a mistyped word forgiven, searches each table's index.
    expect(new Set(plans.map((plan) => plan.join(' | ')))).toEqual(
      new Set(['SEARCH organizations USING INDEX organizations_name_key (name_key=?)', 'SEARCH partners USING INDEX partners_name_key (name_key=?)']),
    );
  });

  it('offers what a line names with one mistyped word forgiven as a close match, never matched nor ticked, and leaves a line of real words alone', async () => {
    const { event } = await eventWithParticipants();
    await organization('HTX Nông nghiệp Phú Thuận');
    await organization('HTX Bình Minh');
    const text = [
      '1. HTX NN Vinh Bihn - Nguyễn Văn An',
      '2. Hợp tác xã Nông ngiệp Phú Thuận',
      '3. Ông Trần Văn Tư, HTX Thuỷ sản Mỹ Hòa Hnưg',
      // Every word is the register's: a unit it lacks, not «HTX Dịch vụ Vĩnh Bình» mistyped.
      '4. HTX Dịch vụ Minh Bình',
      '5. HTX Nông nghiệp Vĩnh Bình',
    ].join('\n');
    const lines = await call(app, 'events:matchSignIn', { eventId: event.id, text });
    expect(lines.map(({ name, representative, result, candidates, newcomers, nearMatch }) => [name, representative, result, candidates.map((one) => one.name), newcomers.map((one) => one.name), nearMatch ?? false])).toEqual([
      ['HTX NN Vinh Bihn', 'Nguyễn Văn An', 'ambiguous', ['Hợp tác xã Nông nghiệp Vĩnh Bình'], [], true],
      ['Hợp tác xã Nông ngiệp Phú Thuận', '', 'newcomer', [], ['HTX Nông nghiệp Phú Thuận'], true],
      ['HTX Thuỷ sản Mỹ Hòa Hnưg', 'Ông Trần Văn Tư', 'ambiguous', ['HTX Thủy sản Mỹ Hòa Hưng'], [], true],
      ['HTX Dịch vụ Minh Bình', '', 'unmatched', [], [], false],
      // Found as written: no close match is looked for.
      ['HTX Nông nghiệp Vĩnh Bình', '', 'matched', ['Hợp tác xã Nông nghiệp Vĩnh Bình'], [], false],
    ]);
  });

  it('forgives a mistyped word of a partner\'s name as one of an organization\'s, offered as a close match, never ticked', async () => {
    const { event } = await eventWithParticipants();
    // Not invited: its words («thuc», «pham») are in no organization's name.
    await partner('Công ty TNHH Thực phẩm Sài Gòn');
    const text = [
      '1. Thực phẩn Hà Nội - Lê Văn Cường',
      '2. Cty TNHH Thựcc phẩm Sài Gòn',
      '3. Bà Mai Thị Lan, Công ty CP Thực phẩm Hà Nội',
      // «Phẩm» is a word of a partner's name: «Thực phẩm Hà Tây» is a unit the register lacks, not a typo.
      '4. Thực phẩm Hà Tây',
    ].join('\n');
    const lines = await call(app, 'events:matchSignIn', { eventId: event.id, text });
    expect(lines.map(({ name, representative, result, candidates, newcomers, nearMatch }) => [name, representative, result, candidates.map((one) => one.name), newcomers.map((one) => one.name), nearMatch ?? false])).toEqual([
      ['Thực phẩn Hà Nội', 'Lê Văn Cường', 'ambiguous', ['Công ty Cổ phần Thực phẩm Hà Nội'], [], true],
      ['Cty TNHH Thựcc phẩm Sài Gòn', '', 'newcomer', [], ['Công ty TNHH Thực phẩm Sài Gòn'], true],
      ['Công ty CP Thực phẩm Hà Nội', 'Bà Mai Thị Lan', 'matched', ['Công ty Cổ phần Thực phẩm Hà Nội'], [], false],
      ['Thực phẩm Hà Tây', '', 'unmatched', [], [], false],
    ]);
  });

  /** What each line of a sheet (rows of cells, copied from a spreadsheet) was read as. */
  async function readSheet(eventId: number, rows: string[][]) {
    const text = rows.map((cells) => cells.join('\t')).join('\n');
    const lines = await call(app, 'events:matchSignIn', { eventId, text });
    return lines.map(({ result, name, representative }) => (result === 'skipped' ? [result] : [result, name, representative]));
  }

  const signers = [
    ['Nguyễn Văn An', 'Giám đốc', 'HTX NN Vĩnh Bình', '912345678'],
    ['Trần Thị Bé', 'Kế toán', 'Đồng Tâm', '0939.111.222'],
    ['Ông Lê Văn Cường', 'Trưởng phòng kinh doanh', 'CTCP Thực phẩm Hà Nội', '0912 345 678'],
  ];
  /** Each signer with their title, as a typed line «Ông Phạm Văn Ba (Phó GĐ)» keeps it. */
  const signed = [
    ['matched', 'HTX NN Vĩnh Bình', 'Nguyễn Văn An (Giám đốc)'],
    ['matched', 'Đồng Tâm', 'Trần Thị Bé (Kế toán)'],
    ['matched', 'CTCP Thực phẩm Hà Nội', 'Ông Lê Văn Cường (Trưởng phòng kinh doanh)'],
  ];
  /** The signers' rows, numbered, with the unit's cell first or after the person's name and title. */
  const personFirst = signers.map(([person = '', title = '', unit = '', phone = ''], at) => [String(at + 1), person, title, unit, phone, '']);
  const unitFirst = signers.map(([person = '', title = '', unit = '', phone = ''], at) => [String(at + 1), unit, person, title, phone, '']);

  it('reads a sheet copied from a spreadsheet by its header row, the unit before or after the signer, and passes over its title, headings and totals', async () => {
    const { event } = await eventWithParticipants();
    const title = [['DANH SÁCH ĐẠI BIỂU KÝ TÊN', '', '', '', '', ''], ['Ngày 15/10/2026 — Trung tâm Hội nghị Quốc gia', '', '', '', '', '']];
    const section = ['I', 'KHỐI HỢP TÁC XÃ', '', '', '', ''];
    const totals = ['Tổng cộng', '', '3 đơn vị', '', '', ''];
    expect(
      await readSheet(event.id, [...title, ['STT', 'Họ và tên', 'Chức vụ', 'Đơn vị', 'Điện thoại', 'Ký tên'], section, ...personFirst, totals]),
    ).toEqual([['skipped'], ['skipped'], ['skipped'], ['skipped'], ...signed, ['skipped']]);
    expect(
      await readSheet(event.id, [...title, ['STT', 'Tên đơn vị', 'Họ tên đại biểu', 'Chức vụ', 'Điện thoại', 'Ký tên'], section, ...unitFirst, totals]),
    ).toEqual([['skipped'], ['skipped'], ['skipped'], ['skipped'], ...signed, ['skipped']]);
    // Headers as offices write them.
    for (const [unit, person] of [
      ['Đơn vị công tác', 'Họ tên'],
      ['Cơ quan, đơn vị', 'Người tham dự'],
      ['Tên HTX/Doanh nghiệp', 'Đại diện đơn vị'],
      ['TÊN ĐƠN VỊ (*)', 'HỌ VÀ TÊN'],
    ]) {
      expect(await readSheet(event.id, [['STT', person ?? '', 'Chức vụ', unit ?? '', 'Điện thoại', 'Ký tên'], ...personFirst])).toEqual([['skipped'], ...signed]);
    }
    // Column numbers under the header, and a header repeated by a second table pasted under the first.
    const header = ['STT', 'Họ và tên', 'Chức vụ', 'Cơ quan', 'Điện thoại', 'Ký tên'];
    expect(await readSheet(event.id, [header, ['(1)', '(2)', '(3)', '(4)', '(5)', '(6)'], ...personFirst.slice(0, 2), header, ...personFirst.slice(2)])).toEqual([
      ['skipped'],
      ['skipped'],
      ...signed.slice(0, 2),
      ['skipped'],
      ...signed.slice(2),
    ]);
  });

  it('reads a sheet without header by the column whose cells name units, whatever its place, the signer from the column of people and the title from the column of titles', async () => {
    const { event } = await eventWithParticipants();
    expect(await readSheet(event.id, personFirst)).toEqual(signed);
    expect(await readSheet(event.id, unitFirst)).toEqual(signed);
    // No row number, no kind of unit written: the column is the one whose names the participants answer to.
    const bare = [
      ['Nguyễn Văn An', 'Vĩnh Bình Đông', 'Giám đốc'],
      ['Trần Thị Bé', 'Đồng Tâm', 'Kế toán'],
      ['Phạm Văn Đông', 'Mỹ Hòa Hưng', 'Chủ tịch HĐQT'],
    ];
    expect(await readSheet(event.id, bare)).toEqual([
      ['matched', 'Vĩnh Bình Đông', 'Nguyễn Văn An (Giám đốc)'],
      ['matched', 'Đồng Tâm', 'Trần Thị Bé (Kế toán)'],
      ['matched', 'Mỹ Hòa Hưng', 'Phạm Văn Đông (Chủ tịch HĐQT)'],
    ]);
    // A column that is not all titles is no column of titles: its words are left where they are.
    const notes = bare.map(([person = '', unit = ''], at) => [person, unit, at === 1 ? 'Giám đốc' : 'Đến muộn']);
    expect(await readSheet(event.id, notes)).toEqual([
      ['matched', 'Vĩnh Bình Đông', 'Nguyễn Văn An'],
      ['matched', 'Đồng Tâm', 'Trần Thị Bé'],
      ['matched', 'Mỹ Hòa Hưng', 'Phạm Văn Đông'],
    ]);
    // Nobody invited yet: the units of the register tell the column, and who signed is kept for each.
    const empty = await call(app, 'events:create', { ...conference, title: 'Tọa đàm chưa mời ai', kind: 'seminar' });
    const lines = await call(app, 'events:matchSignIn', { eventId: empty.id, text: personFirst.map((cells) => cells.join('\t')).join('\n') });
    expect(lines.map(({ result, name, representative, newcomers }) => [result, name, representative, newcomers.map((unit) => unit.name)])).toEqual([
      ['newcomer', 'HTX NN Vĩnh Bình', 'Nguyễn Văn An (Giám đốc)', ['Hợp tác xã Nông nghiệp Vĩnh Bình']],
      ['newcomer', 'Đồng Tâm', 'Trần Thị Bé (Kế toán)', ['Hợp tác xã Đồng Tâm']],
      ['newcomer', 'CTCP Thực phẩm Hà Nội', 'Ông Lê Văn Cường (Trưởng phòng kinh doanh)', ['Công ty Cổ phần Thực phẩm Hà Nội']],
    ]);
  });

  it('reads a cell Excel copied with a line break in it as one cell, its quotes undone, and a quote typed unclosed as written', async () => {
    const { event } = await eventWithParticipants();
    // Excel's clipboard: a cell holding a line break or a quote is quoted, its quotes doubled; rows end in CRLF.
    const copied = [
      'STT\tTên đơn vị\tHọ và tên',
      '1\t"Hợp tác xã\nĐồng Tâm"\tBà Trần Thị Bé',
      '2\t"HTX ""Mỹ Hòa Hưng"""\t"Phạm Văn Đông\n(Giám đốc)"',
      '3\tHTX NN Vĩnh Bình\tNguyễn Văn An',
      '',
    ].join('\r\n');
    const lines = await call(app, 'events:matchSignIn', { eventId: event.id, text: copied });
    expect(lines.map(({ line, result, name, representative, candidates }) => [line, result, name, representative, candidates.map((item) => item.name)])).toEqual([
      ['STT Tên đơn vị Họ và tên', 'skipped', '', '', []],
      ['1 Hợp tác xã Đồng Tâm Bà Trần Thị Bé', 'matched', 'Hợp tác xã Đồng Tâm', 'Bà Trần Thị Bé', ['Hợp tác xã Đồng Tâm']],
      ['2 HTX "Mỹ Hòa Hưng" Phạm Văn Đông (Giám đốc)', 'matched', 'HTX "Mỹ Hòa Hưng"', 'Phạm Văn Đông (Giám đốc)', ['HTX Thủy sản Mỹ Hòa Hưng']],
      ['3 HTX NN Vĩnh Bình Nguyễn Văn An', 'matched', 'HTX NN Vĩnh Bình', 'Nguyễn Văn An', ['Hợp tác xã Nông nghiệp Vĩnh Bình']],
    ]);
    // Typed, a quote is the line's own: one opened and never closed does not swallow the lines after it.
    const typed = await call(app, 'events:matchSignIn', { eventId: event.id, text: '"Đồng Tâm\n2. HTX NN Vĩnh Bình - Nguyễn Văn An\n3. HTX "Mỹ Hòa Hưng"' });
    expect(typed.map(({ line, result }) => [line, result])).toEqual([
      ['"Đồng Tâm', 'matched'],
      ['2. HTX NN Vĩnh Bình - Nguyễn Văn An', 'matched'],
      ['3. HTX "Mỹ Hòa Hưng"', 'matched'],
    ]);
  });

  it('offers a participant whose name differs only by the word saying what kind of place it is, after exact and partial names', async () => {
    const event = await call(app, 'events:create', { ...conference, title: 'Tọa đàm dược liệu', kind: 'seminar' });
    const names = [
      'THT nuôi ong ấp Đại Thành Mỹ Thới',
      'HTX Nông nghiệp khóm Bình Đức',
      'HTX Nông nghiệp thôn Bình Đức',
      'HTX Dịch vụ Tân Lập',
      'HTX Dịch vụ ấp Tân Lập',
      'HTX Mua bán Vĩnh Hanh',
    ];
    const ids = [];
    for (const name of names) ids.push((await organization(name)).id);
    await call(app, 'events:addParticipants', { eventId: event.id, participants: ids.map((id) => ({ kind: 'organization' as const, id })) });
    const sheet = [
      '1. THT nuôi ong Đại Thành Mỹ Thới - Ông Sáu',
      '2. Tổ hợp tác nuôi ong Đại Thành',
      '3. HTX NN Bình Đức',
      '4. HTX Dịch vụ Tân Lập',
      '5. HTX NN khu phố Bình Đức',
      '6. HTX Mua Vĩnh Hanh',
    ].join('\n');
    const lines = await call(app, 'events:matchSignIn', { eventId: event.id, text: sheet });
    expect(lines.map(({ result, candidates }) => [result, candidates.map((item) => item.name)])).toEqual([
      ['matched', ['THT nuôi ong ấp Đại Thành Mỹ Thới']],
      // Part of the name, the place's kind left out.
      ['matched', ['THT nuôi ong ấp Đại Thành Mỹ Thới']],
      // Two participants of that place, each in a place of its own kind: the person chooses.
      ['ambiguous', ['HTX Nông nghiệp khóm Bình Đức', 'HTX Nông nghiệp thôn Bình Đức']],
      // The name written whole is that participant, not the one of the same name in ấp Tân Lập.
      ['matched', ['HTX Dịch vụ Tân Lập']],
      ['ambiguous', ['HTX Nông nghiệp khóm Bình Đức', 'HTX Nông nghiệp thôn Bình Đức']],
      // «Bán» is no «bản»: not matched as the name without its place's kind, only offered as a name with a word left out.
      ['ambiguous', ['HTX Mua bán Vĩnh Hanh']],
    ]);
  });

  it('passes over a typed totals line, and reads a typed line in capitals as a unit', async () => {
    const { event } = await eventWithParticipants();
    const lines = await call(app, 'events:matchSignIn', { eventId: event.id, text: '1. HỢP TÁC XÃ ĐỒNG TÂM\n2. HTX Mỹ Hòa Hưng\nTổng cộng: 2 đơn vị' });
    expect(lines.map(({ result, name }) => [result, name])).toEqual([
      ['matched', 'HỢP TÁC XÃ ĐỒNG TÂM'],
      ['matched', 'HTX Mỹ Hòa Hưng'],
      ['skipped', ''],
    ]);
  });
});

describe('sign-in sheets as offices type them', () => {
  /** An event whose participants are these units; a partner of the register, not invited, besides. */
  async function invited() {
    const event = await call(app, 'events:create', { ...conference, title: 'Hội nghị kết nối cung cầu nông sản', kind: 'seminar' });
    const ids = [];
    for (const name of ['HTX Vận tải Bình Thạnh Đông', 'HTX Dịch vụ nông nghiệp Mỹ Hòa Hưng', 'HTX Chăn nuôi Vĩnh Tế', 'HTX Cây ăn trái Xuân Hương - Đà Lạt']) {
      ids.push((await organization(name)).id);
    }
    await call(app, 'events:addParticipants', { eventId: event.id, participants: ids.map((id) => ({ kind: 'organization' as const, id })) });
    const market = await partner('Chợ đầu mối nông sản Phú Thọ 13');
    await call(app, 'events:addParticipants', { eventId: event.id, participants: [{ kind: 'partner', id: market }] });
    const rice = await partner('Công ty TNHH MTV Gạo Sạch Đồng Tháp', AN_GIANG);
    return { event, rice };
  }

  async function read(eventId: number, lines: string[]) {
    const read = await call(app, 'events:matchSignIn', { eventId, text: lines.join('\n') });
    return read.map(({ result, name, representative, candidates, newcomers }) =>
      result === 'skipped' ? [result] : [result, name, representative, [...candidates, ...newcomers].map((unit) => unit.name)],
    );
  }

  it('reads the unit and who signed whichever comes first, the signer written as a «Chức vụ» column gives them: the name, the title in brackets', async () => {
    const { event } = await invited();
    expect(
      await read(event.id, [
        '3. HTX Vận tải Bình Thạnh Đông - Ông Phạm Văn Ba (Phó GĐ)',
        'Ông Trần Văn Tư - HTX Dịch vụ nông nghiệp Mỹ Hòa Hưng',
        'Ông Đinh Văn Hai - Giám đốc Công ty TNHH MTV Gạo Sạch Đồng Tháp',
        'Bà Lê Thị Hoa, GĐ HTX Chăn nuôi Vĩnh Tế',
        '1) Chủ tịch HĐQT Nguyễn Văn Năm – HTX Cây ăn trái Xuân Hương - Đà Lạt',
        '01 - Chị Võ Thị Sáu, Kế toán, HTX DV NN Mỹ Hòa Hưng',
        '• Anh Lê Văn Bảy – CT HĐQT HTX Vận tải Bình Thạnh Đông – 0912 345 678',
        '- Thành viên HĐQT HTX Chăn nuôi Vĩnh Tế (ông Huỳnh Văn Tám)',
        'Ông Phan Văn Chín - Trưởng ban kiểm soát - HTX Mỹ Hòa Hưng',
        'HTX Xuân Hương - Đà Lạt, Ông Ngô Văn Mười',
        // In no register: the part that starts as a unit's name is the unit, the rest who signed.
        'Ông Tô Văn Một - HTX Bình Minh',
      ]),
    ).toEqual([
      ['matched', 'HTX Vận tải Bình Thạnh Đông', 'Ông Phạm Văn Ba (Phó GĐ)', ['HTX Vận tải Bình Thạnh Đông']],
      ['matched', 'HTX Dịch vụ nông nghiệp Mỹ Hòa Hưng', 'Ông Trần Văn Tư', ['HTX Dịch vụ nông nghiệp Mỹ Hòa Hưng']],
      ['newcomer', 'Công ty TNHH MTV Gạo Sạch Đồng Tháp', 'Ông Đinh Văn Hai (Giám đốc)', ['Công ty TNHH MTV Gạo Sạch Đồng Tháp']],
      ['matched', 'HTX Chăn nuôi Vĩnh Tế', 'Bà Lê Thị Hoa (GĐ)', ['HTX Chăn nuôi Vĩnh Tế']],
      // A unit's own name may hold a dash: the register tells where it ends.
      ['matched', 'HTX Cây ăn trái Xuân Hương - Đà Lạt', 'Nguyễn Văn Năm (Chủ tịch HĐQT)', ['HTX Cây ăn trái Xuân Hương - Đà Lạt']],
      ['matched', 'HTX DV NN Mỹ Hòa Hưng', 'Chị Võ Thị Sáu (Kế toán)', ['HTX Dịch vụ nông nghiệp Mỹ Hòa Hưng']],
      // A phone number stays after them.
      ['matched', 'HTX Vận tải Bình Thạnh Đông', 'Anh Lê Văn Bảy (CT HĐQT) – 0912 345 678', ['HTX Vận tải Bình Thạnh Đông']],
      ['matched', 'HTX Chăn nuôi Vĩnh Tế', 'ông Huỳnh Văn Tám (Thành viên HĐQT)', ['HTX Chăn nuôi Vĩnh Tế']],
      ['matched', 'HTX Mỹ Hòa Hưng', 'Ông Phan Văn Chín (Trưởng ban kiểm soát)', ['HTX Dịch vụ nông nghiệp Mỹ Hòa Hưng']],
      ['matched', 'HTX Xuân Hương - Đà Lạt', 'Ông Ngô Văn Mười', ['HTX Cây ăn trái Xuân Hương - Đà Lạt']],
      ['unmatched', 'HTX Bình Minh', 'Ông Tô Văn Một', []],
    ]);
  });

  it('offers a participant whose name the line writes with words left out, to choose, never as a match', async () => {
    const { event } = await invited();
    const service = await organization('HTX Dịch vụ Mỹ Hòa Hưng');
    expect(
      await read(event.id, [
        'Chợ đầu mối Phú Thọ 13 - Bà Nguyễn Thị Năm',
        'Bà Nguyễn Thị Năm, Phó GĐ Chợ đầu mối Phú Thọ 13',
        // A unit of the register of that very name is the one meant, not the participant it resembles.
        'HTX Dịch vụ Mỹ Hòa Hưng - Ông Lý Văn Tư',
        'Chợ Phú Thọ',
      ]),
    ).toEqual([
      ['ambiguous', 'Chợ đầu mối Phú Thọ 13', 'Bà Nguyễn Thị Năm', ['Chợ đầu mối nông sản Phú Thọ 13']],
      ['ambiguous', 'Chợ đầu mối Phú Thọ 13', 'Bà Nguyễn Thị Năm (Phó GĐ)', ['Chợ đầu mối nông sản Phú Thọ 13']],
      ['newcomer', 'HTX Dịch vụ Mỹ Hòa Hưng', 'Ông Lý Văn Tư', ['HTX Dịch vụ Mỹ Hòa Hưng']],
      // Two words are too few to tell.
      ['unmatched', 'Chợ Phú Thọ', '', []],
    ]);
    expect(service.name).toBe('HTX Dịch vụ Mỹ Hòa Hưng');
  });

  it('finds the unit of a line that writes a person and a place without saying what the unit is, ticking only a name the line writes', async () => {
    const event = await call(app, 'events:create', conference);
    const ids = [
      (await organization('HTX Nông nghiệp Vĩnh Bình', XA_VINH_BINH)).id,
      (await organization('HTX Nông nghiệp Tân Phú', MY_HOA_HUNG)).id,
      (await organization('Hợp tác xã Chăn nuôi Hòa Lợi', PHU_HOA)).id,
      (await organization('HTX Dịch vụ Bình Minh', XA_VINH_AN)).id,
    ];
    await call(app, 'events:addParticipants', { eventId: event.id, participants: ids.map((id) => ({ kind: 'organization' as const, id })) });
    const text = [
      // A place mistyped, read again with the mistyped word forgiven: offered, never ticked.
      'Nguyễn Văn An - Vinh Bihn',
      // Part of one participant's name, as «Vĩnh Bình» for «HTX Nông nghiệp Vĩnh Bình»: matched.
      'Nguyễn Văn An (Vĩnh Bình)',
      'Bà Năm – Tân Phú',
      'Trần Thị Hoa, Hòa Lợi',
      // A byname before the place, no mark between: offered, as a place after a person may be.
      'Tư Tân Phú',
      'Anh Năm Phú Hòa',
      // The participant's commune, not its name: offered.
      'Chị Lan - Phú Hòa',
      'Võ Văn Sáu - xã Vĩnh An',
      // A place that is no participant's, nor any unit's of the register: nothing, the person read as who signed.
      'Anh Tư - Mỹ Thạnh',
    ].join('\n');
    const lines = await call(app, 'events:matchSignIn', { eventId: event.id, text });
    expect(lines.map(({ name, representative, result, candidates, nearMatch }) => [name, representative, result, candidates.map((one) => one.name), nearMatch ?? false])).toEqual([
      ['Vinh Bihn', 'Nguyễn Văn An', 'ambiguous', ['HTX Nông nghiệp Vĩnh Bình'], true],
      ['(Vĩnh Bình)', 'Nguyễn Văn An', 'matched', ['HTX Nông nghiệp Vĩnh Bình'], false],
      ['Tân Phú', 'Bà Năm', 'matched', ['HTX Nông nghiệp Tân Phú'], false],
      ['Hòa Lợi', 'Trần Thị Hoa', 'matched', ['Hợp tác xã Chăn nuôi Hòa Lợi'], false],
      ['Tân Phú', 'Tư', 'ambiguous', ['HTX Nông nghiệp Tân Phú'], false],
      ['Phú Hòa', 'Anh Năm', 'ambiguous', ['Hợp tác xã Chăn nuôi Hòa Lợi'], false],
      ['Phú Hòa', 'Chị Lan', 'ambiguous', ['Hợp tác xã Chăn nuôi Hòa Lợi'], false],
      ['xã Vĩnh An', 'Võ Văn Sáu', 'ambiguous', ['HTX Dịch vụ Bình Minh'], false],
      ['Mỹ Thạnh', 'Anh Tư', 'unmatched', [], false],
    ]);
  });

  it('passes over the sheet\'s title and a header row typed as text, never a unit\'s line', async () => {
    const { event } = await invited();
    expect(
      await read(event.id, [
        'DANH SÁCH ĐẠI BIỂU THAM DỰ HỘI NGHỊ KẾT NỐI CUNG CẦU NÔNG SẢN NĂM 2025',
        'DANH SÁCH KÝ TÊN',
        'STT | Họ và tên | Đơn vị | Chức vụ | Ký tên',
        'STT Họ và tên Chức vụ Đơn vị công tác Ghi chú',
        '1 | Phạm Văn Ba | HTX Vận tải Bình Thạnh Đông | Phó GĐ |',
        'HỢP TÁC XÃ BÌNH MINH',
      ]),
    ).toEqual([
      ['skipped'],
      ['skipped'],
      ['skipped'],
      ['skipped'],
      ['matched', 'HTX Vận tải Bình Thạnh Đông', 'Phạm Văn Ba (Phó GĐ)', ['HTX Vận tải Bình Thạnh Đông']],
      // A unit not in the register, in capitals: shown unmatched, not passed over as a title.
      ['unmatched', 'HỢP TÁC XÃ BÌNH MINH', '', []],
    ]);
  });

  it('reads a table copied from Excel: STT, Họ tên, Chức vụ, Đơn vị, SĐT, the title in the unit\'s cell, and records each signer with their title', async () => {
    const { event } = await invited();
    const rows = [
      ['DANH SÁCH KÝ TÊN', '', '', '', ''],
      ['STT', 'Họ tên', 'Chức vụ', 'Đơn vị', 'SĐT'],
      ['1', 'Phạm Văn Ba', 'Phó GĐ', 'HTX Vận tải Bình Thạnh Đông', '0912 345 678'],
      ['2', 'Trần Văn Tư', 'Giám đốc', 'HTX Dịch vụ nông nghiệp Mỹ Hòa Hưng', '0939 111 222'],
      ['3', 'Đinh Văn Hai', '', 'GĐ Công ty TNHH MTV Gạo Sạch Đồng Tháp', ''],
    ];
    expect(await read(event.id, rows.map((cells) => cells.join('\t')))).toEqual([
      ['skipped'],
      ['skipped'],
      // The «Chức vụ» column's title joins the name as a typed «Ông Phạm Văn Ba (Phó GĐ)» keeps it.
      ['matched', 'HTX Vận tải Bình Thạnh Đông', 'Phạm Văn Ba (Phó GĐ)', ['HTX Vận tải Bình Thạnh Đông']],
      ['matched', 'HTX Dịch vụ nông nghiệp Mỹ Hòa Hưng', 'Trần Văn Tư (Giám đốc)', ['HTX Dịch vụ nông nghiệp Mỹ Hòa Hưng']],
      // No title in its column: the one written before the unit's name is the signer's.
      ['newcomer', 'Công ty TNHH MTV Gạo Sạch Đồng Tháp', 'Đinh Văn Hai (GĐ)', ['Công ty TNHH MTV Gạo Sạch Đồng Tháp']],
    ]);
    // Recorded as read: each participant's «Người đại diện» holds the title.
    const lines = await call(app, 'events:matchSignIn', { eventId: event.id, text: rows.map((cells) => cells.join('\t')).join('\n') });
    const matched = lines.filter((line) => line.result === 'matched');
    await call(app, 'events:markAttendance', {
      eventId: event.id,
      attendedIds: matched.map((line) => line.candidates[0]?.participantId ?? 0),
      representatives: matched.map((line) => ({ id: line.candidates[0]?.participantId ?? 0, representative: line.representative })),
    });
    const detail = await call(app, 'events:get', { id: event.id });
    expect(detail.participants.filter((item) => item.status === 'attended').map(({ name, representative }) => [name, representative])).toEqual([
      ['HTX Dịch vụ nông nghiệp Mỹ Hòa Hưng', 'Trần Văn Tư (Giám đốc)'],
      ['HTX Vận tải Bình Thạnh Đông', 'Phạm Văn Ba (Phó GĐ)'],
    ]);
  });
});

describe('the trash', () => {
  it('moves an event to the trash with its participants, and restores it', async () => {
    const event = await call(app, 'events:create', conference);
    const vinhBinh = await organization('Hợp tác xã Nông nghiệp Vĩnh Bình');
    await call(app, 'events:addParticipants', { eventId: event.id, participants: [{ kind: 'organization', id: vinhBinh.id }] });
    app.setNow(new Date('2026-11-24T09:00:00Z'));
    await call(app, 'events:delete', { id: event.id });
    expect((await call(app, 'events:list', {})).total).toBe(0);
    // A link to it from elsewhere says where it went, by its name.
    expect((await callFailing(app, 'events:get', { id: event.id })).message).toBe(
      'Sự kiện «Hội nghị kết nối cung – cầu nông sản An Giang – Hà Nội» đang ở Thùng rác; hãy khôi phục ở mục Thùng rác nếu cần dùng lại.',
    );
    const trash = await call(app, 'events:trash', {});
    expect(trash).toMatchObject({ total: 1, rows: [{ id: event.id, deletedAt: '2026-11-24T09:00:00.000Z', organizationCount: 1 }] });
    const restored = await call(app, 'events:restore', { id: event.id });
    expect(restored).toMatchObject({ id: event.id, organizationCount: 1 });
    expect((await call(app, 'events:trash', {})).total).toBe(0);
    expect((await call(app, 'records:history', { kind: 'event', id: event.id })).entries.map((entry) => entry.action)).toEqual([
      'restore',
      'delete',
      'update',
      'create',
    ]);
  });

  it('records field changes as raw values and names the provinces and the kind beside them', async () => {
    const event = await call(app, 'events:create', conference);
    await call(app, 'events:update', { ...conference, id: event.id, endsOn: '2026-10-17', budget: 300_000_000, provinceCode: AN_GIANG });
    const { entries, names } = await call(app, 'records:history', { kind: 'event', id: event.id });
    expect(entries[0]?.changes).toEqual([
      { field: 'endsOn', before: '2026-10-16', after: '2026-10-17' },
      { field: 'provinceCode', before: conference.provinceCode, after: AN_GIANG },
      { field: 'budget', before: 250_000_000, after: 300_000_000 },
    ]);
    expect(names).toEqual({
      [`provinceCode:${String(conference.provinceCode)}`]: 'Thành phố Hà Nội',
      [`provinceCode:${AN_GIANG}`]: 'Tỉnh An Giang',
      // The kind is the office's lookup: named as it is named now.
      'kind:supply_demand_conference': 'Hội nghị kết nối cung – cầu',
    });
  });
});

describe('connections', () => {
  it("lists an organization's and a partner's events, newest first, with role and attendance", async () => {
    const coop = await organization('HTX Nông nghiệp Vĩnh An');
    const buyer = await partner('Công ty Cổ phần Thực phẩm Hà Nội', HA_NOI);
    const earlier = await call(app, 'events:create', { ...conference, startsOn: '2026-03-02', endsOn: '2026-03-02' });
    const later = await call(app, 'events:create', conference);
    const gone = await call(app, 'events:create', { ...conference, title: 'Hội chợ đã xóa' });
    for (const event of [earlier, later, gone]) {
      await call(app, 'events:addParticipants', {
        eventId: event.id,
        participants: [
          { kind: 'organization', id: coop.id, role: 'exhibitor' },
          { kind: 'partner', id: buyer, role: 'attendee' },
        ],
      });
    }
    const detail = await call(app, 'events:get', { id: later.id });
    const coopThere = detail.participants.find((participant) => participant.kind === 'organization');
    await call(app, 'events:markAttendance', { eventId: later.id, attendedIds: [coopThere?.id ?? 0], absentIds: [] });
    await call(app, 'events:delete', { id: gone.id });

    const ofCoop = await call(app, 'events:ofCounterpart', { kind: 'organization', id: coop.id });
    expect(ofCoop.map((row) => [row.eventId, row.startsOn, row.provinceName, row.role, row.status])).toEqual([
      [later.id, '2026-10-15', 'Thành phố Hà Nội', 'exhibitor', 'attended'],
      [earlier.id, '2026-03-02', 'Thành phố Hà Nội', 'exhibitor', 'invited'],
    ]);
    const ofBuyer = await call(app, 'events:ofCounterpart', { kind: 'partner', id: buyer });
    expect(ofBuyer.map((row) => [row.eventId, row.role, row.status])).toEqual([
      [later.id, 'attendee', 'invited'],
      [earlier.id, 'attendee', 'invited'],
    ]);
  });
});
