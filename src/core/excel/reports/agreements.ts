/**
 * Báo cáo thỏa thuận for a period: the agreements signed in it with their value and how far they
 * are fulfilled; the commitments with who supplies and who receives each — those of the period's
 * agreements, and those of earlier agreements still owed when the period began, so that what ran
 * out unfinished keeps reading "Quá hạn" in every later report until it is delivered or its
 * agreement's follow-up is closed; and the quantities per unit (never added across units). Every
 * status, percentage and "Quá hạn" comes from the agreement rules (shared/agreements.ts), read as
 * of the period's last day (or today, if that is still to come), so a past period reads as it
 * stood then.
 */
import { and, eq, isNotNull, lte, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import {
  agreementStatus,
  chasedStatuses,
  commitmentFulfilment,
  deliveredValueOf,
  type Fulfilment,
  fulfilmentOf,
  isCommitmentFulfilled,
  isCommitmentOverdue,
  needsClosing,
  periodFulfilment,
  roundQuantity,
  totalsPerUnit,
} from '../../../shared/agreements';
import { addDays } from '../../../shared/dates';
import { formatCount } from '../../../shared/format';
import { todayIso, type Context } from '../../context';
import { deliveredBy, deliveredQuantityBy, deliveredValueBy, isSigned, notInTrash, subqueries } from '../../db/predicates';
import { among } from '../../db/prepared';
import { agreementCommitments, agreementDeliveries, agreementParties, agreements as agreementsTable, organizations, partners } from '../../db/schema';
import { getAlliance } from '../../services/alliance';
import type { Row, SheetData } from '../write/writer';

type AgreementRow = ReturnType<typeof signedBy>[number];

/** The agreements signed by `to`, not in the trash. */
function signedByDay(to: string) {
  const a = agreementsTable;
  return and(notInTrash(a), isSigned(a), lte(a.signedOn, to));
}

/** The agreements signed by the period's end, oldest first. */
function signedBy(ctx: Context, to: string) {
  const a = agreementsTable;
  return ctx.db
    .select({
      id: a.id,
      kind: a.kind,
      number: a.number,
      title: a.title,
      signedOn: sql<string>`${a.signedOn}`,
      validUntil: a.validUntil,
      terminatedOn: a.terminatedOn,
      closedOn: a.closedOn,
    })
    .from(a)
    .where(signedByDay(to))
    .orderBy(a.signedOn, a.id)
    .all();
}

/** A commitment's deliveries, inside the query of the commitments. */
const valued = alias(agreementDeliveries, 'valued');

/** The quantity of the deliveries made on a commitment by `day` whose value was written (0 when none). */
function valuedQuantityBy(commitmentId: typeof agreementCommitments.id, day: string) {
  const made = subqueries
    .select({ quantity: sql<number>`sum(${valued.quantity})` })
    .from(valued)
    .where(and(eq(valued.commitmentId, commitmentId), deliveredBy(valued, day), isNotNull(valued.value)));
  return sql<number>`coalesce((${made}), 0)`;
}

/**
 * Their commitments, each with what was delivered by the day before the period and by its end
 * (`asOf`), and what of the latter carries a value: summed by SQLite rather than by reading every
 * delivery, tens of thousands at national scale. Rounded as `deliveredAsOf` rounds.
 */
function commitmentsOf(ctx: Context, to: string, dayBefore: string, asOf: string) {
  const c = agreementCommitments;
  return ctx.db
    .select({
      id: c.id,
      agreementId: c.agreementId,
      product: c.product,
      quantity: c.quantity,
      unit: c.unit,
      value: c.value,
      dueOn: c.dueOn,
      supplierPartyId: c.supplierPartyId,
      receiverPartyId: c.receiverPartyId,
      deliveredAtStart: deliveredQuantityBy(c.id, dayBefore),
      deliveredAtEnd: deliveredQuantityBy(c.id, asOf),
      valuedQuantity: valuedQuantityBy(c.id, asOf),
      valuedValue: deliveredValueBy(c.id, asOf),
    })
    .from(c)
    .innerJoin(agreementsTable, eq(agreementsTable.id, c.agreementId))
    .where(signedByDay(to))
    .orderBy(c.id)
    .all();
}

/** The sum of the values written; none when none is. */
function sumOfValues(values: readonly (number | null)[]): number | null {
  const written = values.filter((value) => value !== null);
  return written.length === 0 ? null : written.reduce((sum, value) => sum + value, 0);
}

/**
 * Cách tính of a rate: by value, naming the commitments without a value it leaves out, or the mean
 * of the commitments' rates when none has a value.
 */
function basisText(fulfilment: Fulfilment | null): string | null {
  if (!fulfilment) return null;
  if (fulfilment.basis === 'commitments') return 'Bình quân';
  if (fulfilment.unvalued === 0) return 'Theo giá trị';
  // Those left out and still owed are said, so that 100 % by value is not read as done.
  const short = fulfilment.unvaluedShort > 0 ? `, ${formatCount(fulfilment.unvaluedShort)} còn chưa giao đủ` : '';
  return `Theo giá trị (${formatCount(fulfilment.unvalued)} cam kết chưa có giá trị không tính${short})`;
}

export function agreementsTables(ctx: Context, from: string, to: string): Record<string, SheetData> {
  const today = todayIso(ctx);
  const asOf = to < today ? to : today;
  const dayBefore = addDays(from, -1);
  const all = signedBy(ctx, to);
  const commitments = commitmentsOf(ctx, to, dayBefore, asOf);
  /** Each commitment as it stood on the day its delivered sum was taken. */
  const factsBy = (delivered: 'deliveredAtStart' | 'deliveredAtEnd') =>
    Map.groupBy(
      commitments.map((commitment) => ({ ...commitment, delivered: roundQuantity(commitment[delivered]), valuedQuantity: roundQuantity(commitment.valuedQuantity) })),
      (commitment) => commitment.agreementId,
    );
  const atEnd = factsBy('deliveredAtEnd');
  const atStart = factsBy('deliveredAtStart');

  const inPeriod = all.filter((agreement) => agreement.signedOn >= from);
  // Signed earlier and still owed when the period began: being carried out, or run out unfinished
  // with nobody having closed its follow-up.
  const owedFromBefore = (agreement: AgreementRow) => {
    const own = atStart.get(agreement.id) ?? [];
    const status = agreementStatus({ ...agreement, commitments: own }, dayBefore);
    return (chasedStatuses.includes(status) && own.length > 0) || needsClosing({ status, closedOn: agreement.closedOn, commitments: own }, dayBefore);
  };
  const earlier = all.filter((agreement) => agreement.signedOn < from && owedFromBefore(agreement));
  const stillOwed = new Set(
    earlier.flatMap((agreement) => (atStart.get(agreement.id) ?? []).filter((commitment) => !isCommitmentFulfilled(commitment)).map((commitment) => commitment.id)),
  );

  const allianceName = getAlliance(ctx)?.name ?? '';
  const listed = [...inPeriod, ...earlier].map((agreement) => agreement.id);
  const p = agreementParties;
  const parties = listed.length
    ? ctx.db
        .select({ id: p.id, agreementId: p.agreementId, name: sql<string | null>`coalesce(${organizations.name}, ${partners.name})` })
        .from(p)
        .leftJoin(organizations, eq(organizations.id, p.organizationId))
        .leftJoin(partners, eq(partners.id, p.partnerId))
        .where(among(p.agreementId, listed))
        .orderBy(p.position, p.id)
        .all()
    : [];
  const partyName = new Map(parties.map((party) => [party.id, party.name ?? allianceName]));
  const partiesOf = Map.groupBy(parties, (party) => party.agreementId);

  const statusOf = new Map(all.map((agreement) => [agreement.id, agreementStatus({ ...agreement, commitments: atEnd.get(agreement.id) ?? [] }, asOf)]));
  const agreementRows: Row[] = inPeriod.map((agreement) => {
    const own = atEnd.get(agreement.id) ?? [];
    const fulfilment = fulfilmentOf(own);
    return {
      number: agreement.number,
      title: agreement.title,
      kind: agreement.kind,
      signedOn: agreement.signedOn,
      validUntil: agreement.validUntil,
      parties: (partiesOf.get(agreement.id) ?? []).map((party) => party.name ?? allianceName).join('; '),
      committedValue: sumOfValues(own.map((commitment) => commitment.value)),
      deliveredValue: sumOfValues(own.map(deliveredValueOf)),
      fulfilment: fulfilment?.percent ?? null,
      basis: basisText(fulfilment),
      status: statusOf.get(agreement.id) ?? 'signed',
    };
  });

  const byId = new Map(all.map((agreement) => [agreement.id, agreement]));
  const periodCommitments = inPeriod.flatMap((agreement) => atEnd.get(agreement.id) ?? []);
  const owedCommitments = earlier.flatMap((agreement) => (atEnd.get(agreement.id) ?? []).filter((commitment) => stillOwed.has(commitment.id)));
  const side = (partyId: number | null) => (partyId === null ? null : (partyName.get(partyId) ?? null));
  const commitmentRows: Row[] = [...periodCommitments, ...owedCommitments].map((commitment) => {
    const agreement = byId.get(commitment.agreementId);
    const status = statusOf.get(commitment.agreementId) ?? 'signed';
    return {
      agreement: agreement ? [agreement.number, agreement.title].filter(Boolean).join(' – ') : '',
      signedOn: agreement?.signedOn ?? null,
      product: commitment.product,
      supplier: side(commitment.supplierPartyId),
      receiver: side(commitment.receiverPartyId),
      unit: commitment.unit,
      quantity: commitment.quantity,
      delivered: commitment.delivered,
      fulfilment: commitmentFulfilment(commitment),
      value: commitment.value,
      deliveredValue: deliveredValueOf(commitment),
      dueOn: commitment.dueOn ?? agreement?.validUntil ?? null,
      overdue: isCommitmentOverdue(commitment, { status, validUntil: agreement?.validUntil ?? null }, asOf),
    };
  });

  const unitRows: Row[] = totalsPerUnit(periodCommitments).map((total) => ({
    unit: total.unit,
    commitments: total.commitments,
    committed: total.committed,
    delivered: total.delivered,
    fulfilment: commitmentFulfilment({ quantity: total.committed, delivered: total.delivered }),
  }));

  const overall = periodFulfilment(
    inPeriod.map((agreement) => ({ terminatedOn: agreement.terminatedOn, commitments: atEnd.get(agreement.id) ?? [] })),
    asOf,
  );
  return {
    agreements: {
      rows: agreementRows,
      count: agreementRows.length,
      totals: () => ({ fulfilment: overall?.percent ?? null, basis: basisText(overall) }),
    },
    commitments: { rows: commitmentRows, count: commitmentRows.length },
    units: { rows: unitRows, count: unitRows.length },
  };
}
