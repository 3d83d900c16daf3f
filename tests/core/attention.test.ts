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
  });
});
