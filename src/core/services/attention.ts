/** Cần chú ý: agreements, commitments, events and certificates that need chasing today. */
import { and, asc, count, eq, gte, inArray, lte, max, sql, type SQL } from 'drizzle-orm';
import type { AgreementStatus } from '../../shared/domain';
import { countedParticipant, deliveredQuantityBy, followUpClosedBy, inForce, lastDeliveryBy, notInTrash } from '../db/predicates';
import { among } from '../db/prepared';
import {
  agreementStatus,
  chasedStatuses,
  commitmentFulfilment,
  fulfilmentOf,
  isCommitmentFulfilled,
  isCommitmentOverdue,
  needsClosing,
  roundQuantity,
} from '../../shared/agreements';
import type {
  AgreementWithoutFollowUp,
  AttentionList,
  attentionContract,
  ExpiredUnfinished,
  ExpiringAgreement,
  ExpiryWindow,
  OverdueCommitment,
} from '../../shared/contracts/attention';
import { addDays, daysBetween } from '../../shared/dates';
import { todayIso, type Context } from '../context';
import { agreementCommitments, agreementNotes, agreements, eventParticipants, events } from '../db/schema';
import type { HandlersFor } from '../handlerTypes';
import { agreementStatusSql } from './agreements';
import { expiringCertifications } from './products';
import { demandsDueUnserved, offersOpeningWithoutBuyer } from './supply';
import { targetsAtRisk } from './plans';

interface CommitmentToday {
  id: number;
  agreementId: number;
  product: string;
  quantity: number;
  unit: string;
  value: number | null;
  dueOn: string | null;
  delivered: number;
  /** The day of its last delivery by today; null before any. */
  lastDeliveredOn: string | null;
}

/**
 * The agreements Cần chú ý reads: in force, less those that ran out and were closed (kết thúc theo
 * dõi) — neither chased any more nor waiting to be closed, they are most of an office's old
 * agreements. The signing day is compared as a value (`+`): nearly every agreement is signed, and
 * looking each one up through the index on it took three times as long as reading the table through.
 */
function stillFollowed(today: string): SQL | undefined {
  const signedOn = sql`+${agreements.signedOn}`;
  const inForceToday = inForce({ deletedAt: agreements.deletedAt, signedOn, terminatedOn: agreements.terminatedOn }, today);
  return and(inForceToday, sql`NOT ${followUpClosedBy(agreements, today)}`);
}

/**
 * The statuses of the agreements Cần chú ý lists: chased, or ran out (to be closed when unfinished).
 * A fulfilled one is in none of its lists, and most of those still followed are: at national scale
 * 12,000 of 18,000, read with their commitments only to be dropped.
 */
const listedStatuses: readonly AgreementStatus[] = [...chasedStatuses, 'expired'];

/**
 * The agreements still followed that have one of `statuses` today, with their commitments and
 * status, and the day of their last follow-up: a note or a delivery, whoever logged a delivery last
 * week was in touch. The database picks them by `agreementStatusSql`, the status rule restated in
 * SQL, and `agreementStatus` still gives each one read its status. The last delivery comes with
 * each commitment and the notes are read once for all, rather than two reads for each agreement
 * (about 20 ms less at national scale).
 */
function agreementsInForce(ctx: Context, today: string, statuses: readonly AgreementStatus[]) {
  const rows = ctx.db
    .select({
      id: agreements.id,
      kind: agreements.kind,
      number: agreements.number,
      title: agreements.title,
      signedOn: sql<string>`${agreements.signedOn}`,
      validUntil: agreements.validUntil,
      terminatedOn: agreements.terminatedOn,
      closedOn: agreements.closedOn,
    })
    .from(agreements)
    .where(and(stillFollowed(today), inArray(agreementStatusSql(today), statuses)))
    .all();
  const commitments: CommitmentToday[] = ctx.db
    .select({
      id: agreementCommitments.id,
      agreementId: agreementCommitments.agreementId,
      product: agreementCommitments.product,
      quantity: agreementCommitments.quantity,
      unit: agreementCommitments.unit,
      value: agreementCommitments.value,
      dueOn: agreementCommitments.dueOn,
      // Deliveries dated after today have not happened yet.
      delivered: deliveredQuantityBy(agreementCommitments.id, today),
      lastDeliveredOn: lastDeliveryBy(agreementCommitments.id, today),
    })
    .from(agreementCommitments)
    .where(among(agreementCommitments.agreementId, rows.map((row) => row.id)))
    .orderBy(asc(agreementCommitments.id))
    .all()
    .map((commitment) => ({ ...commitment, delivered: roundQuantity(commitment.delivered) }));
  const lastNoted = new Map(
    ctx.db
      .select({ agreementId: agreementNotes.agreementId, on: max(agreementNotes.notedOn) })
      .from(agreementNotes)
      .where(lte(agreementNotes.notedOn, today))
      .groupBy(agreementNotes.agreementId)
      .all()
      .map((note) => [note.agreementId, note.on]),
  );

  const byAgreement = Map.groupBy(commitments, (commitment) => commitment.agreementId);
  return rows.map((row) => {
    const own = byAgreement.get(row.id) ?? [];
    const followUps = [lastNoted.get(row.id), ...own.map((commitment) => commitment.lastDeliveredOn)].filter((day) => typeof day === 'string');
    return {
      ...row,
      lastFollowUpOn: followUps.length ? followUps.reduce((latest, day) => (day > latest ? day : latest)) : null,
      commitments: own,
      status: agreementStatus({ ...row, commitments: own }, today),
    };
  });
}

/**
 * The agreements «Hết hạn, chưa hoàn thành» lists — ran out unfinished, follow-up not closed — by
 * its one rule (`needsClosing`), for the agreements list's filter. Only the expired are read.
 */
export function agreementIdsNeedingClosing(ctx: Context, today: string): number[] {
  return agreementsInForce(ctx, today, ['expired'])
    .filter((agreement) => needsClosing(agreement, today))
    .map((agreement) => agreement.id);
}

function windowOf(daysLeft: number): ExpiryWindow {
  if (daysLeft <= 0) return 0;
  return daysLeft <= 7 ? 7 : 30;
}

export function attentionList(
  ctx: Context,
  input: { followUpDays: number; eventDays: number; certificateDays: number; supplyDays: number },
): AttentionList {
  const today = todayIso(ctx);
  const live = agreementsInForce(ctx, today, listedStatuses);

  const chased = live.filter((agreement) => chasedStatuses.includes(agreement.status));

  const expiringAgreements: ExpiringAgreement[] = chased
    .filter((agreement) => agreement.validUntil !== null)
    .map((agreement) => ({ agreement, daysLeft: daysBetween(today, agreement.validUntil ?? today) }))
    .filter(({ daysLeft }) => daysLeft >= 0 && daysLeft <= 30)
    .sort((a, b) => a.daysLeft - b.daysLeft || a.agreement.id - b.agreement.id)
    .map(({ agreement, daysLeft }) => ({
      agreementId: agreement.id,
      kind: agreement.kind,
      number: agreement.number,
      title: agreement.title,
      status: agreement.status,
      validUntil: agreement.validUntil ?? today,
      daysLeft,
      window: windowOf(daysLeft),
      fulfilment: fulfilmentOf(agreement.commitments),
    }));

  // An agreement that ran out unfinished is listed whole below, not commitment by commitment.
  const overdueCommitments: OverdueCommitment[] = chased
    .flatMap((agreement) =>
      agreement.commitments
        .filter((commitment) => isCommitmentOverdue(commitment, agreement, today))
        .map((commitment) => ({
          agreementId: agreement.id,
          agreementTitle: agreement.title,
          agreementNumber: agreement.number,
          commitmentId: commitment.id,
          product: commitment.product,
          quantity: commitment.quantity,
          delivered: commitment.delivered,
          unit: commitment.unit,
          dueOn: commitment.dueOn ?? today,
          daysOverdue: daysBetween(commitment.dueOn ?? today, today),
          fulfilment: commitmentFulfilment(commitment),
        })),
    )
    .sort((a, b) => b.daysOverdue - a.daysOverdue || a.commitmentId - b.commitmentId);

  const expiredUnfinished: ExpiredUnfinished[] = live
    .filter((agreement) => needsClosing(agreement, today))
    .map((agreement) => ({
      agreementId: agreement.id,
      number: agreement.number,
      title: agreement.title,
      validUntil: agreement.validUntil ?? today,
      daysSince: daysBetween(agreement.validUntil ?? today, today),
      unfinished: agreement.commitments.filter((commitment) => !isCommitmentFulfilled(commitment)).length,
      commitments: agreement.commitments.length,
      fulfilment: fulfilmentOf(agreement.commitments),
      lastFollowUpOn: agreement.lastFollowUpOn,
    }))
    // The one that ran out last first: the goods may still come, or the partner still answer; one
    // that ran out years ago waits only to be closed.
    .sort((a, b) => a.daysSince - b.daysSince || a.agreementId - b.agreementId);

  const withoutFollowUp: AgreementWithoutFollowUp[] = chased
    .map((agreement) => ({
      agreementId: agreement.id,
      number: agreement.number,
      title: agreement.title,
      status: agreement.status,
      lastFollowUpOn: agreement.lastFollowUpOn,
      daysSince: daysBetween(agreement.lastFollowUpOn ?? agreement.signedOn, today),
    }))
    .filter((agreement) => agreement.daysSince >= input.followUpDays)
    .sort((a, b) => b.daysSince - a.daysSince || a.agreementId - b.agreementId);

  const upcomingEvents = ctx.db
    .select({
      eventId: events.id,
      kind: events.kind,
      title: events.title,
      startsOn: events.startsOn,
      endsOn: events.endsOn,
      provinceCode: events.provinceCode,
      participants: count(eventParticipants.id),
    })
    .from(events)
    // A participant in the trash is counted nowhere (`countedParticipant`).
    .leftJoin(eventParticipants, and(eq(eventParticipants.eventId, events.id), countedParticipant(eventParticipants)))
    // Under way today, or starting within the window.
    .where(and(notInTrash(events), gte(events.endsOn, today), lte(events.startsOn, addDays(today, input.eventDays))))
    .groupBy(events.id)
    .orderBy(asc(events.startsOn), asc(events.id))
    .all()
    .map(({ provinceCode, ...event }) => ({
      ...event,
      provinceName: provinceCode === null ? null : (ctx.places.province(provinceCode)?.name ?? null),
      daysUntil: Math.max(0, daysBetween(today, event.startsOn)),
    }));

  return {
    today,
    expiringAgreements,
    overdueCommitments,
    expiredUnfinished,
    withoutFollowUp,
    upcomingEvents,
    expiringCertifications: expiringCertifications(ctx, { withinDays: input.certificateDays }),
    offersWithoutBuyer: offersOpeningWithoutBuyer(ctx, today, input.supplyDays),
    unservedDemands: demandsDueUnserved(ctx, today, input.supplyDays),
    targetsAtRisk: targetsAtRisk(ctx),
  };
}

export const attentionHandlers: HandlersFor<typeof attentionContract> = {
  'attention:list': (ctx, input) => attentionList(ctx, input),
};
