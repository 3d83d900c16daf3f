/**
 * How a reorganization is told from a founding and a dissolution: a conversion (chuyển đổi) keeps
 * the years before as they were; statistics, Tổng quan and plans count reorganizations apart; an
 * organization that ended takes part in nothing dated after its end, and is a member of the
 * alliance no more.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InputOf } from '../../src/shared/contract';
import { AN_GIANG, call, callFailing, openTestApp, XA_VINH_AN, XA_VINH_BINH } from './support';

type TestApp = ReturnType<typeof openTestApp>;
let app: TestApp;

beforeEach(async () => {
  // 23 November 2026.
  app = openTestApp();
  await call(app, 'alliance:save', { name: 'Liên minh Hợp tác xã tỉnh An Giang', provinceCode: AN_GIANG });
});
afterEach(() => app.close());

async function create(input: Partial<InputOf<'organizations:create'>> & { name: string }): Promise<number> {
  return (await call(app, 'organizations:create', { kind: 'htx', communeCode: XA_VINH_AN, ...input })).id;
}

async function issuesOf(channel: string, input: unknown) {
  const error = await callFailing(app, channel, input);
  return error.kind === 'validation' ? error.issues : error;
}

/** A THT of ten years with what a person keeps of it: figures, a contact, a certified product, the alliance's membership. */
async function groupWithPast(): Promise<number> {
  const group = await create({
    kind: 'tht',
    name: 'Tổ hợp tác Rau sạch Vĩnh An',
    foundedOn: '2016-03-01',
    sectorCode: 'trong_trot',
    street: 'Ấp Vĩnh Hòa',
    phone: '0296 3851 234',
    representative: 'Nguyễn Văn Tâm',
    memberSince: '2019-05-01',
  });
  await call(app, 'figures:save', { organizationId: group, year: 2025, membersOfficial: 12, workers: 15 });
  await call(app, 'contacts:set', { organizationId: group, contacts: [{ name: 'Lê Thị Hoa', role: 'Kế toán', phone: '0912 345 678', email: '' }] });
  const product = await call(app, 'products:save', { organizationId: group, name: 'Rau muống', unit: 'tấn', volume: 40 });
  await call(app, 'certifications:save', { organizationId: group, productId: product.id, kindCode: 'ocop', stars: 3, issuedOn: '2024-06-01', expiresOn: '2027-06-01' });
  return group;
}

describe('a conversion (chuyển đổi)', () => {
  it('ends the THT and forms the HTX on its day: the years before keep counting a THT, and the HTX carries on what was the THT’s', async () => {
    const group = await groupWithPast();
    const before = await call(app, 'statistics:overview', { year: 2025 });
    expect(before.current.organizations).toMatchObject({ htx: 0, tht: 1 });

    const event = await call(app, 'lifecycle:record', {
      kind: 'conversion',
      date: '2026-03-01',
      decisionNo: '15/GCN-HTX',
      predecessorIds: [group],
      newSuccessors: [{ kind: 'htx', name: 'Hợp tác xã Rau sạch Vĩnh An', communeCode: XA_VINH_AN, sectorCode: 'trong_trot' }],
    });
    const successor = event.participants.find((participant) => participant.role === 'successor')?.organizationId ?? 0;
    // What the person left blank, and the people and goods, taken from the THT: the result says which.
    expect(event.carriedOver).toEqual({
      name: 'Hợp tác xã Rau sạch Vĩnh An',
      from: 'Tổ hợp tác Rau sạch Vĩnh An',
      fields: ['street', 'phone', 'representative', 'memberSince'],
      kept: [],
      contacts: 1,
      products: 1,
      certifications: 1,
    });

    // 2025 is as it was; from 2026 the cooperative is counted, once.
    const { current, previous } = await call(app, 'statistics:overview', { year: 2026 });
    expect(previous.organizations).toMatchObject({ htx: 0, tht: 1, total: 1 });
    expect(current.organizations).toMatchObject({ htx: 1, tht: 0, total: 1 });
    expect([current.founded.total, current.formedByReorganization.htx, current.endedByReorganization.tht, current.dissolved.total]).toEqual([0, 1, 1, 0]);

    const old = await call(app, 'organizations:get', { id: group });
    expect([old.status, old.endedOn, old.kind]).toEqual(['reorganized', '2026-03-01', 'tht']);
    // The THT no longer exists: it is no member of the alliance since, nobody having typed it.
    expect([old.isMember, old.memberUntil]).toEqual([false, null]);

    const converted = await call(app, 'organizations:get', { id: successor });
    expect(converted).toMatchObject({
      kind: 'htx',
      name: 'Hợp tác xã Rau sạch Vĩnh An',
      foundedOn: '2026-03-01',
      sectorCode: 'trong_trot',
      street: 'Ấp Vĩnh Hòa',
      phone: '0296 3851 234',
      representative: 'Nguyễn Văn Tâm',
      memberSince: '2019-05-01',
      isMember: true,
      hasHistory: true,
    });
    expect(converted.contacts.map(({ name, role, phone }) => [name, role, phone])).toEqual([['Lê Thị Hoa', 'Kế toán', '0912 345 678']]);
    const products = await call(app, 'products:list', { organizationId: successor });
    expect(products.products.map((product) => [product.name, product.unit, product.volume, product.certifications.map((c) => [c.kindCode, c.stars, c.expiresOn])])).toEqual([
      ['Rau muống', 'tấn', 40, [['ocop', 3, '2027-06-01']]],
    ]);
    // The THT keeps its own years and products: its page shows its past as it was.
    expect((await call(app, 'products:list', { organizationId: group })).products).toHaveLength(1);

    // The HTX's history says where its people, product and certificate came from: no edit of a person's.
    const carried = { lifecycle: 'carriedOver', kind: 'conversion', date: '2026-03-01', from: 'Tổ hợp tác Rau sạch Vĩnh An', into: 'Hợp tác xã Rau sạch Vĩnh An' };
    const history = await call(app, 'records:history', { kind: 'organization', id: successor });
    expect(history.entries.map((entry) => [entry.action, entry.changes.map((change) => change.field), entry.cause ?? null])).toEqual([
      ['update', ['foundedOn'], { lifecycle: 'recorded', kind: 'conversion', date: '2026-03-01' }],
      ['update', ['lifecycle'], null],
      ['update', ['certification'], carried],
      ['update', ['product'], carried],
      ['update', ['contacts'], carried],
      ['create', expect.any(Array), null],
    ]);
  });

  it('into a cooperative already in the register fills only what it lacks, keeps what it has, and says which', async () => {
    const group = await groupWithPast();
    const greens = await call(app, 'products:save', { organizationId: group, name: 'Cải xanh', unit: 'tấn', volume: 12 });
    await call(app, 'certifications:save', { organizationId: group, productId: greens.id, kindCode: 'vietgap', number: 'VietGAP-TT-12-0345', issuedOn: '2025-01-10', expiresOn: '2028-01-10' });
    // Registered from the business registry's list: a name, a commune, a phone and its own contact.
    const cooperative = await create({ name: 'Hợp tác xã Rau sạch Vĩnh An', phone: '0296 3999 000', confirmedSimilarIds: [group] });
    await call(app, 'contacts:set', { organizationId: cooperative, contacts: [{ name: 'Trần Văn Bảy', role: 'Giám đốc', phone: '0913 000 111', email: '' }] });
    await call(app, 'products:save', { organizationId: cooperative, name: 'Rau muống', unit: 'tấn', volume: 55 });

    const event = await call(app, 'lifecycle:record', { kind: 'conversion', date: '2026-03-01', predecessorIds: [group], successorIds: [cooperative] });
    expect(event.carriedOver).toEqual({
      name: 'Hợp tác xã Rau sạch Vĩnh An',
      from: 'Tổ hợp tác Rau sạch Vĩnh An',
      fields: ['street', 'sectorCode', 'representative', 'memberSince'],
      kept: ['phone'],
      contacts: 1,
      products: 1,
      certifications: 1,
    });
    expect(await call(app, 'organizations:get', { id: cooperative })).toMatchObject({
      street: 'Ấp Vĩnh Hòa',
      sectorCode: 'trong_trot',
      representative: 'Nguyễn Văn Tâm',
      memberSince: '2019-05-01',
      phone: '0296 3999 000',
      foundedOn: '2026-03-01',
    });
    const people = (await call(app, 'organizations:get', { id: cooperative })).contacts.map((person) => person.name);
    expect(people).toEqual(['Trần Văn Bảy', 'Lê Thị Hoa']);
    const { products } = await call(app, 'products:list', { organizationId: cooperative });
    expect(products.map((product) => [product.name, product.volume, product.certifications.map((c) => c.kindCode)])).toEqual([
      ['Cải xanh', 12, ['vietgap']],
      ['Rau muống', 55, []],
    ]);
    // Its history says the conversion filled them in.
    const history = await call(app, 'records:history', { kind: 'organization', id: cooperative });
    const filled = history.entries.find((entry) => entry.changes.some((change) => change.field === 'representative'));
    const carried = { lifecycle: 'carriedOver', kind: 'conversion', date: '2026-03-01', from: 'Tổ hợp tác Rau sạch Vĩnh An', into: 'Hợp tác xã Rau sạch Vĩnh An' };
    expect(filled?.cause).toEqual(carried);
    // So does each person, product and certificate it took over; its own, typed before, stay a person's edits.
    expect(history.entries.filter((entry) => entry.cause?.lifecycle === 'carriedOver').map((entry) => entry.changes.map((change) => change.field))).toEqual([
      ['certification'],
      ['product'],
      ['contacts'],
      ['street', 'sectorCode', 'representative', 'memberSince'],
    ]);
    expect(history.entries.filter((entry) => entry.changes.some((change) => change.field === 'product')).map((entry) => entry.cause?.lifecycle ?? null)).toEqual(['carriedOver', null]);
  });

  it('into a cooperative of another commune carries no street, and into one lacking nothing says so', async () => {
    const group = await groupWithPast();
    const elsewhere = await create({ name: 'Hợp tác xã Rau sạch Vĩnh Bình', communeCode: XA_VINH_BINH, sectorCode: 'trong_trot', representative: 'Nguyễn Văn Tâm', memberSince: '2019-05-01', phone: '0296 3851 234' });
    await call(app, 'contacts:set', { organizationId: elsewhere, contacts: [{ name: 'Lê Thị Hoa', role: 'Kế toán', phone: '0912 345 678', email: '' }] });
    await call(app, 'products:save', { organizationId: elsewhere, name: 'Rau muống', unit: 'tấn', volume: 40 });
    const event = await call(app, 'lifecycle:record', { kind: 'conversion', date: '2026-03-01', predecessorIds: [group], successorIds: [elsewhere] });
    expect(event.carriedOver).toEqual({ name: 'Hợp tác xã Rau sạch Vĩnh Bình', from: 'Tổ hợp tác Rau sạch Vĩnh An', fields: [], kept: [], contacts: 0, products: 0, certifications: 0 });
    expect((await call(app, 'organizations:get', { id: elsewhere })).street).toBe('');
  });

  it('refuses a conversion that keeps the kind, and pointing to it, a change of kind by editing an organization with a past', async () => {
    const group = await groupWithPast();
    expect(
      await issuesOf('lifecycle:record', {
        kind: 'conversion',
        date: '2026-03-01',
        predecessorIds: [group],
        newSuccessors: [{ kind: 'tht', name: 'Tổ hợp tác Rau an toàn Vĩnh An', communeCode: XA_VINH_AN }],
      }),
    ).toEqual([
      {
        path: 'newSuccessors.0.kind',
        message:
          'Tổ chức sau chuyển đổi vẫn là tổ hợp tác, như Tổ hợp tác Rau sạch Vĩnh An; chuyển đổi là đổi loại hình (chẳng hạn tổ hợp tác thành hợp tác xã). Chỉ đổi tên thì ghi sự kiện «Đổi tên».',
      },
    ]);
    expect(await issuesOf('lifecycle:record', { kind: 'conversion', date: '2026-03-01', predecessorIds: [group] })).toEqual([
      { path: 'successorIds', message: 'Chuyển đổi: cần đúng một tổ chức sau chuyển đổi (thêm mới hoặc chọn tổ chức có sẵn).' },
    ]);

    const stored = await call(app, 'organizations:get', { id: group });
    const { id, kind: _kind, name, communeCode, foundedOn, sectorCode, street, phone, representative, memberSince } = stored;
    const edit = { id, name, communeCode, foundedOn, sectorCode, street, phone, representative, memberSince };
    expect(await issuesOf('organizations:update', { ...edit, kind: 'htx' })).toEqual([
      {
        path: 'kind',
        message:
          'Tổ hợp tác Rau sạch Vĩnh An đã có số liệu hằng năm hoặc quá trình hoạt động là tổ hợp tác; đổi loại hình thành hợp tác xã sẽ tính lại cả các năm trước theo loại hình mới. ' +
          'Nếu tổ chức đã chuyển đổi (chẳng hạn tổ hợp tác đăng ký thành hợp tác xã), hãy ghi sự kiện «Chuyển đổi» ở thẻ Quá trình hoạt động của tổ chức, với ngày chuyển đổi.',
      },
    ]);
    expect((await call(app, 'statistics:overview', { year: 2025 })).current.organizations).toMatchObject({ htx: 0, tht: 1 });
    // Anything else is still edited as before; so is the kind of one with no past (a slip when typing it).
    expect((await call(app, 'organizations:update', { ...edit, kind: 'tht', phone: '0296 3851 999' })).kind).toBe('tht');
    const fresh = await create({ kind: 'tht', name: 'Tổ hợp tác Lúa giống Vĩnh Bình', communeCode: XA_VINH_BINH });
    expect((await call(app, 'organizations:update', { id: fresh, kind: 'htx', name: 'Hợp tác xã Lúa giống Vĩnh Bình', communeCode: XA_VINH_BINH })).kind).toBe('htx');
  });
});

describe('a year of foundings, reorganizations and a dissolution', () => {
  /** 2026: one new HTX, one absorbed into another, one split into two new ones, one dissolved. */
  async function year2026() {
    const founded = await create({ name: 'HTX Nông nghiệp Phú Hữu', foundedOn: '2026-02-01' });
    const absorber = await create({ name: 'HTX Dịch vụ Vĩnh Bình', communeCode: XA_VINH_BINH, foundedOn: '2015-01-01' });
    const absorbed = await create({ name: 'HTX Hợp Lực', communeCode: XA_VINH_BINH, foundedOn: '2016-01-01' });
    const split = await create({ name: 'HTX Thống Nhất', foundedOn: '2012-01-01' });
    const dissolved = await create({ name: 'HTX Xây dựng Thạnh Đông', foundedOn: '2010-01-01' });
    await call(app, 'lifecycle:record', { kind: 'merger', date: '2026-04-01', subjectId: absorber, predecessorIds: [absorbed] });
    await call(app, 'lifecycle:record', {
      kind: 'split',
      date: '2026-05-01',
      predecessorIds: [split],
      newSuccessors: [
        { kind: 'htx', name: 'HTX Thống Nhất 1', communeCode: XA_VINH_AN },
        { kind: 'htx', name: 'HTX Thống Nhất 2', communeCode: XA_VINH_AN },
      ],
    });
    await call(app, 'lifecycle:record', { kind: 'dissolution', date: '2026-06-01', subjectId: dissolved });
    return { founded, dissolved };
  }

  it('counts one founded and one dissolved, the reorganizations apart, in Tổng quan and the statistics', async () => {
    await year2026();
    const { current } = await call(app, 'statistics:overview', { year: 2026 });
    expect(current.founded).toEqual({ htx: 1, lhhtx: 0, tht: 0, qtdnd: 0, total: 1 });
    expect(current.formedByReorganization).toEqual({ htx: 2, lhhtx: 0, tht: 0, qtdnd: 0, total: 2 });
    expect(current.endedByReorganization).toEqual({ htx: 2, lhhtx: 0, tht: 0, qtdnd: 0, total: 2 });
    expect(current.dissolved).toEqual({ htx: 1, lhhtx: 0, tht: 0, qtdnd: 0, total: 1 });
    // Of the four there before and the one new: the absorbed one lives on in the other, the split one
    // in its two, the dissolved one in none.
    expect(current.organizations.htx).toBe(4);
  });

  it('measures a plan’s founded and dissolved as Tổng quan does, and its drill-down says when and how', async () => {
    const { founded, dissolved } = await year2026();
    const htx = { kinds: ['htx' as const] };
    const { id } = await call(app, 'plans:create', {
      kind: 'year',
      title: 'Kế hoạch phát triển kinh tế tập thể năm 2026',
      periodFrom: '2026-01-01',
      periodTo: '2026-12-31',
      status: 'issued',
      targets: [
        { title: 'Thành lập mới ít nhất 3 HTX', comparison: 'at_least', value: 3, unit: 'count', unitLabel: 'HTX', measure: { ...htx, metric: 'founded' } },
        { title: 'Giải thể, chấm dứt hoạt động không quá 1 HTX', comparison: 'at_most', value: 1, unit: 'count', unitLabel: 'HTX', measure: { ...htx, metric: 'ended' } },
      ],
    });
    const [newOnes, ended] = (await call(app, 'plans:get', { id })).targets;
    expect([newOnes?.actual, ended?.actual, ended?.status]).toEqual([1, 1, 'on_track']);

    const foundedRows = await call(app, 'plans:drillDown', { targetId: newOnes?.id ?? 0 });
    expect(foundedRows.counted.rows.map(({ id: row, name, detail }) => [row, name, detail])).toEqual([
      [founded, 'HTX Nông nghiệp Phú Hữu', 'Xã Vĩnh An · thành lập ngày 01/02/2026'],
    ]);
    const endedRows = await call(app, 'plans:drillDown', { targetId: ended?.id ?? 0 });
    expect(endedRows.counted.rows.map(({ id: row, name, detail }) => [row, name, detail])).toEqual([
      [dissolved, 'HTX Xây dựng Thạnh Đông', 'Xã Vĩnh An · giải thể ngày 01/06/2026'],
    ]);
  });
});

describe('an organization that ended', () => {
  async function dissolvedOn(date: string): Promise<number> {
    const id = await create({ name: 'HTX Dược liệu Hòa Điền', foundedOn: '2010-01-01', memberSince: '2012-01-01' });
    await call(app, 'lifecycle:record', { kind: 'dissolution', date, subjectId: id });
    return id;
  }

  it('is no party to an agreement dated after its end, as it offers no goods after it; one dated before still is', async () => {
    const gone = await dissolvedOn('2017-02-28');
    const buyer = (await call(app, 'partners:create', { kind: 'enterprise', name: 'Công ty TNHH Dược phẩm Mekong', provinceCode: AN_GIANG })).id;
    const agreement = (signedOn: string): InputOf<'agreements:create'> => ({
      kind: 'sales_contract',
      title: 'Hợp đồng tiêu thụ dược liệu',
      signedOn,
      parties: [
        { kind: 'organization', id: gone, role: 'seller' },
        { kind: 'partner', id: buyer, role: 'buyer' },
      ],
      commitments: [],
    });
    expect(await issuesOf('agreements:create', agreement('2026-11-08'))).toEqual([
      { path: 'parties.0.id', message: 'Bên thứ 1: HTX Dược liệu Hòa Điền đã chấm dứt hoạt động từ ngày 28/02/2017.' },
    ]);
    // A draft is dated by when it takes effect, else today.
    expect(await issuesOf('agreements:create', { ...agreement('2026-11-08'), draft: true, signedOn: null })).toEqual([
      { path: 'parties.0.id', message: 'Bên thứ 1: HTX Dược liệu Hòa Điền đã chấm dứt hoạt động từ ngày 28/02/2017.' },
    ]);
    expect((await call(app, 'agreements:create', agreement('2016-05-05'))).parties).toHaveLength(2);
    // The same words as the supply side has said all along.
    expect(
      await issuesOf('offers:create', { organizationId: gone, product: 'Nghệ', productGroupCode: 'duoc_lieu', quantity: 1, unitCode: 'tan', availableFrom: '2026-12-01', availableUntil: '2026-12-31', communeCode: XA_VINH_AN }),
    ).toContainEqual({ path: 'organizationId', message: 'HTX Dược liệu Hòa Điền đã chấm dứt hoạt động từ ngày 28/02/2017.' });
  });

  it('takes no part in an event held after its end, invited or signing in', async () => {
    const gone = await dissolvedOn('2026-03-12');
    const event = await call(app, 'events:create', {
      kind: 'supply_demand_conference',
      title: 'Hội nghị kết nối cung – cầu dược liệu',
      startsOn: '2026-10-15',
      provinceCode: AN_GIANG,
    });
    expect(await issuesOf('events:addParticipants', { eventId: event.id, participants: [{ kind: 'organization', id: gone }] })).toEqual([
      { path: 'participants.0.id', message: 'HTX Dược liệu Hòa Điền đã chấm dứt hoạt động từ ngày 12/03/2026.' },
    ]);
    expect(
      await issuesOf('events:markAttendance', { eventId: event.id, attendedIds: [], absentIds: [], newcomers: [{ kind: 'organization', id: gone, representative: 'Trần Văn Hai' }] }),
    ).toEqual([{ path: 'newcomers.0.id', message: 'HTX Dược liệu Hòa Điền đã chấm dứt hoạt động từ ngày 12/03/2026.' }]);
    const earlier = await call(app, 'events:create', { kind: 'fair', title: 'Hội chợ OCOP 2025', startsOn: '2025-09-01', provinceCode: AN_GIANG });
    expect(await call(app, 'events:addParticipants', { eventId: earlier.id, participants: [{ kind: 'organization', id: gone }] })).toEqual({ added: 1, skipped: 0 });
  });

  it('keeps an event from moving past the end of an organization taking part, naming each, by the same words', async () => {
    const gone = await dissolvedOn('2026-03-12');
    const other = await create({ name: 'HTX Nông nghiệp Vĩnh Bình', communeCode: XA_VINH_BINH });
    const closing = await create({ name: 'HTX Thủy sản Vĩnh An', foundedOn: '2011-01-01' });
    await call(app, 'lifecycle:record', { kind: 'dissolution', date: '2026-05-20', subjectId: closing });
    const fields = { kind: 'fair', title: 'Hội chợ dược liệu', startsOn: '2026-02-10', provinceCode: AN_GIANG };
    const event = await call(app, 'events:create', fields);
    await call(app, 'events:addParticipants', { eventId: event.id, participants: [{ kind: 'organization', id: gone }, { kind: 'organization', id: other }, { kind: 'organization', id: closing }] });

    expect(await issuesOf('events:update', { ...fields, id: event.id, startsOn: '2026-06-01' })).toEqual([
      {
        path: 'startsOn',
        message:
          'Thành phần tham dự có đơn vị không còn hoạt động vào ngày 01/06/2026: HTX Dược liệu Hòa Điền đã chấm dứt hoạt động từ ngày 12/03/2026. HTX Thủy sản Vĩnh An đã chấm dứt hoạt động từ ngày 20/05/2026. Hãy giữ ngày cũ, hoặc bỏ các đơn vị này khỏi thành phần tham dự trước khi đổi ngày.',
      },
    ]);
    expect((await call(app, 'events:get', { id: event.id })).startsOn).toBe('2026-02-10');
    // Up to the day before the first end, and back, the event moves as before.
    expect((await call(app, 'events:update', { ...fields, id: event.id, startsOn: '2026-03-11' })).startsOn).toBe('2026-03-11');
    expect((await call(app, 'events:update', { ...fields, id: event.id, startsOn: '2026-01-15' })).startsOn).toBe('2026-01-15');
  });

  it('lets an event whose participant had already ended by its stored day be saved, ticked and added to, refusing only a move that involves another', async () => {
    const gone = await create({ name: 'HTX Dược liệu Hòa Điền', foundedOn: '2010-01-01' });
    const closing = await create({ name: 'HTX Thủy sản Vĩnh An', foundedOn: '2011-01-01' });
    const newcomer = await create({ name: 'HTX Nông nghiệp Vĩnh Bình', communeCode: XA_VINH_BINH });
    const fields = { kind: 'fair', title: 'Hội chợ dược liệu', startsOn: '2026-05-01', provinceCode: AN_GIANG };
    const event = await call(app, 'events:create', fields);
    await call(app, 'events:addParticipants', { eventId: event.id, participants: [{ kind: 'organization', id: gone }, { kind: 'organization', id: closing }] });
    // Its dissolution, decided on 12 March, is entered after the fair's list was made.
    await call(app, 'lifecycle:record', { kind: 'dissolution', date: '2026-03-12', subjectId: gone });
    await call(app, 'lifecycle:record', { kind: 'dissolution', date: '2026-07-01', subjectId: closing });

    expect((await call(app, 'events:update', { ...fields, id: event.id, title: 'Hội chợ dược liệu lần thứ nhất' })).title).toBe('Hội chợ dược liệu lần thứ nhất');
    // Later still, it stays one that had ended already; the move is refused for the other one only.
    expect(await issuesOf('events:update', { ...fields, id: event.id, startsOn: '2026-08-01' })).toEqual([
      {
        path: 'startsOn',
        message:
          'Thành phần tham dự có đơn vị không còn hoạt động vào ngày 01/08/2026: HTX Thủy sản Vĩnh An đã chấm dứt hoạt động từ ngày 01/07/2026. Hãy giữ ngày cũ, hoặc bỏ đơn vị này khỏi thành phần tham dự trước khi đổi ngày.',
      },
    ]);
    expect((await call(app, 'events:update', { ...fields, id: event.id, startsOn: '2026-06-01' })).startsOn).toBe('2026-06-01');

    const participant = (await call(app, 'events:get', { id: event.id })).participants.find((item) => item.counterpartId === gone);
    expect(await call(app, 'events:updateParticipant', { id: participant?.id ?? 0, note: 'Đã giải thể, vẫn có mặt' })).toMatchObject({ note: 'Đã giải thể, vẫn có mặt' });
    expect(await call(app, 'events:markAttendance', { eventId: event.id, attendedIds: [participant?.id ?? 0], absentIds: [], newcomers: [] })).toMatchObject({ attended: 1 });
    // Chosen again with a newcomer (the whole list of an earlier event, say): skipped, not refused.
    expect(
      await call(app, 'events:addParticipants', { eventId: event.id, participants: [{ kind: 'organization', id: gone }, { kind: 'organization', id: newcomer }] }),
    ).toEqual({ added: 1, skipped: 1 });
  });

  it('lets an agreement already dated after a party’s end be saved and delivered on, refusing only a party or a date that involves an ended one anew', async () => {
    const gone = await create({ name: 'HTX Dược liệu Hòa Điền', foundedOn: '2010-01-01' });
    const closing = await create({ name: 'HTX Thủy sản Vĩnh An', foundedOn: '2011-01-01' });
    const earlier = await create({ name: 'HTX Nông nghiệp Vĩnh Bình', communeCode: XA_VINH_BINH, foundedOn: '2012-01-01' });
    const buyer = (await call(app, 'partners:create', { kind: 'enterprise', name: 'Công ty TNHH Dược phẩm Mekong', provinceCode: AN_GIANG })).id;
    const turmeric = { product: 'Nghệ', quantity: 5, unit: 'tấn', supplierParty: 0, receiverParty: 1 };
    const fields = { kind: 'sales_contract' as const, title: 'Hợp đồng tiêu thụ dược liệu', signedOn: '2026-05-05', commitments: [turmeric] };
    const created = await call(app, 'agreements:create', {
      ...fields,
      parties: [
        { kind: 'organization', id: gone, role: 'seller' },
        { kind: 'partner', id: buyer, role: 'buyer' },
        { kind: 'organization', id: closing, role: 'cooperating' },
      ],
    });
    // Dissolved on 12 March by a decision entered only now, after the contract of 5 May; the other one later.
    await call(app, 'lifecycle:record', { kind: 'dissolution', date: '2026-03-12', subjectId: gone });
    await call(app, 'lifecycle:record', { kind: 'dissolution', date: '2026-06-30', subjectId: closing });
    await call(app, 'lifecycle:record', { kind: 'dissolution', date: '2026-04-01', subjectId: earlier });
    const stored = await call(app, 'agreements:get', { id: created.id });
    const parties = stored.parties.map((party) => ({ partyId: party.id, kind: party.kind, id: party.counterpartId, role: party.role }));
    const commitments = stored.commitments.map((commitment) => ({ ...turmeric, id: commitment.id }));
    const edit = { ...fields, id: created.id, parties, commitments };

    await call(app, 'agreements:update', { ...edit, note: 'Bên bán đã giải thể; bên mua nhận nốt phần còn lại.' });
    expect((await call(app, 'agreements:get', { id: created.id })).note).toBe('Bên bán đã giải thể; bên mua nhận nốt phần còn lại.');
    // Dated past the other party's end: that one is involved anew, the one ended already is not.
    expect(await issuesOf('agreements:update', { ...edit, signedOn: '2026-07-15' })).toEqual([
      { path: 'parties.2.id', message: 'Bên thứ 3: HTX Thủy sản Vĩnh An đã chấm dứt hoạt động từ ngày 30/06/2026.' },
    ]);
    expect((await call(app, 'agreements:update', { ...edit, signedOn: '2026-05-20' })).signedOn).toBe('2026-05-20');
    expect(await call(app, 'agreements:addDelivery', { commitmentId: commitments[0]?.id ?? 0, deliveredOn: '2026-06-01', quantity: 2 })).toMatchObject({ quantity: 2 });
    // A party added that had ended by the agreement's day is refused as on a new agreement.
    expect(await issuesOf('agreements:update', { ...edit, signedOn: '2026-05-20', parties: [...parties, { kind: 'organization', id: earlier, role: 'witness' }] })).toEqual([
      { path: 'parties.3.id', message: 'Bên thứ 4: HTX Nông nghiệp Vĩnh Bình đã chấm dứt hoạt động từ ngày 01/04/2026.' },
    ]);
  });

  it('is a member of the alliance until it ended, in its profile and in the register’s filter', async () => {
    const gone = await dissolvedOn('2026-03-12');
    const stayed = await create({ name: 'HTX Nông nghiệp Vĩnh An', memberSince: '2012-01-01' });
    expect((await call(app, 'organizations:get', { id: gone })).isMember).toBe(false);
    const members = await call(app, 'organizations:list', { membership: 'member', page: 1, pageSize: 20 });
    expect(members.rows.map((row) => row.id)).toEqual([stayed]);
    const former = await call(app, 'organizations:list', { membership: 'nonMember', page: 1, pageSize: 20 });
    expect(former.rows.map((row) => [row.id, row.isMember])).toEqual([[gone, false]]);
  });
});
