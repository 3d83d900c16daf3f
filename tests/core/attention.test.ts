import { afterEach, describe, expect, it } from 'vitest';
import {
  agreementCommitments,
  agreementDeliveries,
  agreementNotes,
  agreements,
} from '../../src/core/db/schema';
import { call, callFailing, openTestApp, XA_VINH_AN } from './support';

let app: ReturnType<typeof openTestApp>;
afterEach(() => app.close());

const stamp = '2026-11-01T00:00:00.000Z';

function addAgreement(fields: Partial<typeof agreements.$inferInsert> & { title: string }): number {
  return app.ctx.db
    .insert(agreements)
    .values({ kind: 'mou', titleFolded: fields.title.toLowerCase(), createdAt: stamp, updatedAt: stamp, ...fields })
    .returning({ id: agreements.id })
    .get().id;
}

function addCommitment(agreementId: number, fields: { product: string; quantity: number; unit: string; dueOn: string | null }) {
  return app.ctx.db
    .insert(agreementCommitments)
    .values({ agreementId, productFolded: fields.product.toLowerCase(), ...fields })
    .returning({ id: agreementCommitments.id })
    .get().id;
}

function deliver(commitmentId: number, deliveredOn: string, quantity: number) {
  app.ctx.db.insert(agreementDeliveries).values({ commitmentId, deliveredOn, quantity, createdAt: stamp }).run();
}

/** Today is 23/11/2026 unless a test moves the clock. */
function at(day: string) {
  app.setNow(new Date(`${day}T03:00:00Z`));
}

describe('needs attention', () => {
  it('lists agreements running out within 30, 7 and 0 days, and moves them as days pass', async () => {
    app = openTestApp();
    const soon = addAgreement({ title: 'Biên bản ghi nhớ tiêu thụ gạo', signedOn: '2026-10-01', validUntil: '2026-11-28' });
    const later = addAgreement({ title: 'Hợp đồng tiêu thụ xoài', signedOn: '2026-10-01', validUntil: '2026-12-20' });
    addAgreement({ title: 'Còn xa', signedOn: '2026-10-01', validUntil: '2027-06-30' });
    addAgreement({ title: 'Bản nháp', signedOn: null, validUntil: '2026-11-25' });
    addAgreement({ title: 'Đã chấm dứt', signedOn: '2026-10-01', validUntil: '2026-11-25', terminatedOn: '2026-11-10' });

    const first = await call(app, 'attention:list', {});
    expect(first.today).toBe('2026-11-23');
    expect(first.expiringAgreements.map((row) => [row.agreementId, row.daysLeft, row.window])).toEqual([
      [soon, 5, 7],
      [later, 27, 30],
    ]);

    at('2026-11-28');
    const lastDay = await call(app, 'attention:list', {});
    expect(lastDay.expiringAgreements.map((row) => [row.agreementId, row.daysLeft, row.window])).toEqual([
      [soon, 0, 0],
      [later, 22, 30],
    ]);

    at('2026-11-29');
    // The day after, it has expired: no longer "running out".
    expect((await call(app, 'attention:list', {})).expiringAgreements.map((row) => row.agreementId)).toEqual([later]);
  });

  it('lists commitments past their due day until delivered in full', async () => {
    app = openTestApp();
    const agreementId = addAgreement({ title: 'MoU rau an toàn', number: '12/BBGN', signedOn: '2026-09-01', validUntil: '2027-09-01' });
    const rice = addCommitment(agreementId, { product: 'Gạo ST25', quantity: 50, unit: 'tấn', dueOn: '2026-11-20' });
    addCommitment(agreementId, { product: 'Trứng gà', quantity: 10_000, unit: 'quả', dueOn: '2026-12-31' });
    deliver(rice, '2026-11-10', 20);
    // A delivery dated in the future has not happened yet.
    deliver(rice, '2026-12-05', 30);

    const list = await call(app, 'attention:list', {});
    expect(list.overdueCommitments).toEqual([
      expect.objectContaining({
        agreementId,
        agreementNumber: '12/BBGN',
        product: 'Gạo ST25',
        quantity: 50,
        delivered: 20,
        unit: 'tấn',
        dueOn: '2026-11-20',
        daysOverdue: 3,
        fulfilment: 40,
      }),
    ]);

    at('2026-12-05');
    expect((await call(app, 'attention:list', {})).overdueCommitments).toEqual([]);
  });

  it('lists agreements with no follow-up for the chosen number of days', async () => {
    app = openTestApp();
    const quiet = addAgreement({ title: 'Chưa ai gọi lại', signedOn: '2026-09-01' });
    const followed = addAgreement({ title: 'Đã gọi tuần trước', signedOn: '2026-09-01' });
    app.ctx.db.insert(agreementNotes).values({ agreementId: followed, notedOn: '2026-11-16', text: 'Đã gọi', createdAt: stamp }).run();

    const month = await call(app, 'attention:list', { followUpDays: 30 });
    expect(month.withoutFollowUp.map((row) => [row.agreementId, row.lastFollowUpOn, row.daysSince])).toEqual([
      [quiet, null, 83],
    ]);
    const week = await call(app, 'attention:list', { followUpDays: 7 });
    expect(week.withoutFollowUp.map((row) => [row.agreementId, row.daysSince])).toEqual([
      [quiet, 83],
      [followed, 7],
    ]);
    expect((await callFailing(app, 'attention:list', { followUpDays: 0 })).message).toBe('Số ngày chưa theo dõi ít nhất là 1.');
  });

  it('counts a delivery as follow-up, as much as a note', async () => {
    app = openTestApp();
    const delivered = addAgreement({ title: 'Giao hàng tuần trước', signedOn: '2026-06-10', validUntil: '2027-06-10' });
    const rice = addCommitment(delivered, { product: 'Gạo ST25', quantity: 50, unit: 'tấn', dueOn: null });
    deliver(rice, '2026-11-16', 5);
    // A delivery still to come is not a follow-up yet.
    const promised = addAgreement({ title: 'Chỉ hẹn giao', signedOn: '2026-06-10', validUntil: '2027-06-10' });
    deliver(addCommitment(promised, { product: 'Xoài', quantity: 2, unit: 'tấn', dueOn: null }), '2026-12-01', 1);

    const list = await call(app, 'attention:list', { followUpDays: 30 });
    expect(list.withoutFollowUp.map((row) => [row.agreementId, row.lastFollowUpOn, row.daysSince])).toEqual([[promised, null, 166]]);
    const week = await call(app, 'attention:list', { followUpDays: 7 });
    expect(week.withoutFollowUp.map((row) => [row.agreementId, row.lastFollowUpOn, row.daysSince])).toEqual([
      [promised, null, 166],
      [delivered, '2026-11-16', 7],
    ]);
    // A note after the delivery is the latest follow-up.
    app.ctx.db.insert(agreementNotes).values({ agreementId: delivered, notedOn: '2026-11-20', text: 'Đã gọi', createdAt: stamp }).run();
    expect((await call(app, 'attention:list', { followUpDays: 3 })).withoutFollowUp.find((row) => row.agreementId === delivered)).toMatchObject({
      lastFollowUpOn: '2026-11-20',
      daysSince: 3,
    });
  });

  it('keeps an agreement that ran out unfinished until a person closes its follow-up with a reason', async () => {
    app = openTestApp();
    const agreementId = addAgreement({ title: 'Hợp đồng tiêu thụ cá tra', number: '07/HĐLK', signedOn: '2026-03-01', validUntil: '2026-11-30' });
    const fish = addCommitment(agreementId, { product: 'Cá tra', quantity: 100, unit: 'tấn', dueOn: '2026-10-31' });
    addCommitment(agreementId, { product: 'Cá tra phi lê', quantity: 10, unit: 'tấn', dueOn: null });
    deliver(fish, '2026-09-15', 60);
    const done = addAgreement({ title: 'Đã giao đủ', signedOn: '2026-03-01', validUntil: '2026-11-30' });
    deliver(addCommitment(done, { product: 'Gạo', quantity: 5, unit: 'tấn', dueOn: null }), '2026-11-01', 5);

    // In force: the fish is overdue commitment by commitment.
    const inForce = await call(app, 'attention:list', {});
    expect(inForce.overdueCommitments.map((row) => [row.product, row.daysOverdue])).toEqual([['Cá tra', 23]]);
    expect(inForce.expiredUnfinished).toEqual([]);
    expect((await callFailing(app, 'agreements:close', { id: agreementId, closedOn: '2026-11-23', reason: 'Thôi' })).message).toBe(
      'Thỏa thuận số 07/HĐLK chưa hết hiệu lực (30/11/2026); nếu các bên thôi thực hiện, hãy dùng «Chấm dứt».',
    );

    // Run out, and months later: still there, as the agreement it is, not forgotten.
    for (const day of ['2026-12-01', '2027-04-15']) {
      at(day);
      const list = await call(app, 'attention:list', {});
      expect(list.overdueCommitments).toEqual([]);
      expect(list.expiredUnfinished).toEqual([
        expect.objectContaining({
          agreementId,
          number: '07/HĐLK',
          validUntil: '2026-11-30',
          unfinished: 2,
          commitments: 2,
          fulfilment: { percent: 30, basis: 'commitments', unvalued: 0, unvaluedShort: 0 },
          lastFollowUpOn: '2026-09-15',
        }),
      ]);
    }

    expect((await callFailing(app, 'agreements:close', { id: agreementId, closedOn: '2027-04-15', reason: ' ' })).message).toBe(
      'Lý do kết thúc theo dõi không được để trống.',
    );
    expect((await callFailing(app, 'agreements:close', { id: agreementId, closedOn: '2026-11-30', reason: 'x' })).message).toBe(
      'Ngày kết thúc theo dõi phải sau ngày hết hiệu lực (30/11/2026).',
    );
    expect((await callFailing(app, 'agreements:close', { id: done, closedOn: '2027-04-15', reason: 'x' })).message).toBe(
      'Thỏa thuận «Đã giao đủ» đã hoàn thành; không cần kết thúc theo dõi.',
    );
    const closed = await call(app, 'agreements:close', { id: agreementId, closedOn: '2027-04-15', reason: 'Doanh nghiệp không nhận phần còn lại; hai bên đã thanh lý.' });
    expect(closed).toMatchObject({ status: 'expired', closedOn: '2027-04-15', needsClosing: false });
    expect((await call(app, 'attention:list', {})).expiredUnfinished).toEqual([]);
    expect((await callFailing(app, 'agreements:close', { id: agreementId, closedOn: '2027-04-15', reason: 'x' })).message).toBe(
      'Thỏa thuận số 07/HĐLK đã kết thúc theo dõi từ ngày 15/04/2027.',
    );

    // The history says who closed it when and why, as raw values; taking it back lists it again.
    const history = await call(app, 'records:history', { kind: 'agreement', id: agreementId });
    expect(history.entries[0]?.changes).toEqual([
      { field: 'closedOn', before: null, after: '2027-04-15' },
      { field: 'closingReason', before: '', after: 'Doanh nghiệp không nhận phần còn lại; hai bên đã thanh lý.' },
    ]);
    await call(app, 'agreements:reopen', { id: agreementId });
    expect((await call(app, 'attention:list', {})).expiredUnfinished.map((row) => row.agreementId)).toEqual([agreementId]);
    expect((await call(app, 'records:history', { kind: 'agreement', id: agreementId })).entries[0]?.changes).toEqual([
      { field: 'closedOn', before: '2027-04-15', after: null },
      { field: 'closingReason', before: 'Doanh nghiệp không nhận phần còn lại; hai bên đã thanh lý.', after: '' },
    ]);
  });

  it('lists the agreements that ran out unfinished, the one that ran out last first', async () => {
    app = openTestApp();
    const ranOut = (title: string, validUntil: string) => {
      const id = addAgreement({ title, signedOn: '2024-01-10', validUntil });
      addCommitment(id, { product: 'Gạo', quantity: 10, unit: 'tấn', dueOn: null });
      return id;
    };
    const longAgo = ranOut('Hợp đồng 2024', '2024-12-31');
    const lastWeek = ranOut('Hợp đồng tháng 11', '2026-11-16');
    const thisYear = ranOut('Hợp đồng tháng 6', '2026-06-30');
    const list = await call(app, 'attention:list', {});
    expect(list.expiredUnfinished.map((row) => [row.agreementId, row.daysSince])).toEqual([
      [lastWeek, 7],
      [thisYear, 146],
      [longAgo, 692],
    ]);
  });

  it('lists events under way or starting soon, with their participants', async () => {
    app = openTestApp();
    const organization = await call(app, 'organizations:create', {
      kind: 'htx',
      name: 'HTX Nông nghiệp Vĩnh An',
      communeCode: XA_VINH_AN,
    });
    const addEvent = async (title: string, startsOn: string, endsOn: string) =>
      (await call(app, 'events:create', { kind: 'fair', title, startsOn, endsOn, provinceCode: '01' })).id;
    const fair = await addEvent('Hội chợ OCOP', '2026-11-22', '2026-11-25');
    const conference = await addEvent('Hội nghị kết nối cung – cầu', '2026-12-10', '2026-12-10');
    await addEvent('Đã qua', '2026-11-01', '2026-11-02');
    await addEvent('Còn xa', '2027-02-01', '2027-02-01');
    await call(app, 'events:addParticipants', {
      eventId: conference,
      participants: [{ kind: 'organization', id: organization.id }],
    });

    const list = await call(app, 'attention:list', {});
    expect(list.upcomingEvents.map((row) => [row.eventId, row.daysUntil, row.provinceName, row.participants])).toEqual([
      [fair, 0, 'Hà Nội', 0],
      [conference, 17, 'Hà Nội', 1],
    ]);
    // A participant in the trash is counted nowhere, here as on the event.
    await call(app, 'organizations:delete', { id: organization.id });
    expect((await call(app, 'attention:list', {})).upcomingEvents.map((row) => [row.eventId, row.participants])).toEqual([
      [fair, 0],
      [conference, 0],
    ]);
  });
});
