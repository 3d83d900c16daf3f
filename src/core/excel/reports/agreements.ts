/**
 * Báo cáo thỏa thuận for a period: the agreements signed in it with their value and how far they
 * are fulfilled, their commitments, and the quantities per unit (never added across units). Every
 * status and percentage comes from the agreement rules (shared/agreements.ts), read as of the
 * period's last day (or today, if that is still to come), so a past period reads as it stood then.
 */
import { and, eq, sql } from 'drizzle-orm';
import {
  agreementFulfilment,
  agreementStatus,
  commitmentFulfilment,
  deliveredAsOf,
  isCommitmentOverdue,
  totalsPerUnit,
  unitKey,
} from '../../../shared/agreements';
import { todayIso, type Context } from '../../context';
import { notInTrash, signedBetween } from '../../db/predicates';
import { agreementCommitments, agreementDeliveries, agreementParties, agreements as agreementsTable, organizations, partners } from '../../db/schema';
import { getAlliance } from '../../services/alliance';
import type { Row, SheetData } from '../write/writer';

export function agreementsTables(ctx: Context, from: string, to: string): Record<string, SheetData> {
  const today = todayIso(ctx);
  const asOf = to < today ? to : today;
  const a = agreementsTable;
  const signedInPeriod = and(notInTrash(a), signedBetween(a, from, to));
  const agreements = ctx.db
    .select({
      id: a.id,
      kind: a.kind,
      number: a.number,
      title: a.title,
      signedOn: sql<string>`${a.signedOn}`,
      validUntil: a.validUntil,
      terminatedOn: a.terminatedOn,
    })
    .from(a)
    .where(signedInPeriod)
    .orderBy(a.signedOn, a.id)
    .all();
  const c = agreementCommitments;
  const commitments = ctx.db
    .select({ id: c.id, agreementId: c.agreementId, product: c.product, quantity: c.quantity, unit: c.unit, value: c.value, dueOn: c.dueOn })
    .from(c)
    .innerJoin(a, eq(a.id, c.agreementId))
    .where(signedInPeriod)
    .orderBy(c.id)
    .all();
  const d = agreementDeliveries;
  const deliveries = ctx.db
    .select({ commitmentId: d.commitmentId, deliveredOn: d.deliveredOn, quantity: d.quantity, value: d.value })
    .from(d)
    .innerJoin(c, eq(c.id, d.commitmentId))
    .innerJoin(a, eq(a.id, c.agreementId))
    .where(signedInPeriod)
    .all();
  const allianceName = getAlliance(ctx)?.name ?? '';
  const p = agreementParties;
  const parties = ctx.db
    .select({ agreementId: p.agreementId, name: sql<string | null>`coalesce(${organizations.name}, ${partners.name})` })
    .from(p)
    .innerJoin(a, eq(a.id, p.agreementId))
    .leftJoin(organizations, eq(organizations.id, p.organizationId))
    .leftJoin(partners, eq(partners.id, p.partnerId))
    .where(signedInPeriod)
    .orderBy(p.id)
    .all();

  const deliveriesOf = Map.groupBy(deliveries, (delivery) => delivery.commitmentId);
  const facts = commitments.map((commitment) => {
    const own = (deliveriesOf.get(commitment.id) ?? []).filter((delivery) => delivery.deliveredOn <= asOf);
    return {
      ...commitment,
      delivered: deliveredAsOf(own, asOf),
      deliveredValue: own.reduce((sum, delivery) => sum + (delivery.value ?? 0), 0),
    };
  });
  const commitmentsOf = Map.groupBy(facts, (commitment) => commitment.agreementId);
  const partiesOf = Map.groupBy(parties, (party) => party.agreementId);

  const statusOf = new Map<number, ReturnType<typeof agreementStatus>>();
  const fulfilments: number[] = [];
  const agreementRows: Row[] = agreements.map((agreement) => {
    const own = commitmentsOf.get(agreement.id) ?? [];
    const status = agreementStatus({ ...agreement, commitments: own }, asOf);
    statusOf.set(agreement.id, status);
    const fulfilment = agreementFulfilment(own);
    if (fulfilment !== null) fulfilments.push(fulfilment);
    return {
      number: agreement.number,
      title: agreement.title,
      kind: agreement.kind,
      signedOn: agreement.signedOn,
      validUntil: agreement.validUntil,
      parties: (partiesOf.get(agreement.id) ?? []).map((party) => party.name ?? allianceName).join('; '),
      committedValue: own.reduce((sum, commitment) => sum + (commitment.value ?? 0), 0),
      deliveredValue: own.reduce((sum, commitment) => sum + commitment.deliveredValue, 0),
      fulfilment,
      status,
    };
  });

  const byId = new Map(agreements.map((agreement) => [agreement.id, agreement]));
  const commitmentRows: Row[] = facts.map((commitment) => {
    const agreement = byId.get(commitment.agreementId);
    const status = statusOf.get(commitment.agreementId) ?? 'signed';
    return {
      agreement: agreement ? [agreement.number, agreement.title].filter(Boolean).join(' – ') : '',
      product: commitment.product,
      unit: commitment.unit,
      quantity: commitment.quantity,
      delivered: commitment.delivered,
      fulfilment: commitmentFulfilment(commitment),
      value: commitment.value,
      deliveredValue: commitment.deliveredValue,
      dueOn: commitment.dueOn,
      overdue: isCommitmentOverdue(commitment, status, asOf),
    };
  });

  const unitRows: Row[] = totalsPerUnit(facts).map((total) => ({
    unit: total.unit,
    commitments: facts.filter((commitment) => unitKey(commitment.unit) === unitKey(total.unit)).length,
    committed: total.committed,
    delivered: total.delivered,
    fulfilment: commitmentFulfilment({ quantity: total.committed, delivered: total.delivered }),
  }));

  const meanFulfilment = fulfilments.length ? fulfilments.reduce((sum, value) => sum + value, 0) / fulfilments.length : null;
  return {
    agreements: { rows: agreementRows, count: agreementRows.length, totals: () => ({ fulfilment: meanFulfilment }) },
    commitments: { rows: commitmentRows, count: commitmentRows.length },
    units: { rows: unitRows, count: unitRows.length },
  };
}
