/**
 * Báo cáo thỏa thuận for a period: the agreements signed in it with their value and how far they
 * are fulfilled, their commitments, and the quantities per unit (never added across units). Every
 * status and percentage comes from the agreement rules (shared/agreements.ts), read as of the
 * period's last day (or today, if that is still to come), so a past period reads as it stood then.
 */
import { sql } from 'drizzle-orm';
import {
  agreementFulfilment,
  agreementStatus,
  commitmentFulfilment,
  deliveredAsOf,
  isCommitmentOverdue,
  totalsPerUnit,
  unitKey,
} from '../../../shared/agreements';
import type { AgreementKind } from '../../../shared/domain';
import { todayIso, type Context } from '../../context';
import { getAlliance } from '../../services/alliance';
import type { Row, SheetData } from '../write/writer';

interface AgreementRow {
  id: number;
  kind: AgreementKind;
  number: string;
  title: string;
  signedOn: string;
  validUntil: string | null;
  terminatedOn: string | null;
}

interface CommitmentRow {
  id: number;
  agreementId: number;
  product: string;
  quantity: number;
  unit: string;
  value: number | null;
  dueOn: string | null;
}

interface DeliveryRow {
  commitmentId: number;
  deliveredOn: string;
  quantity: number;
  value: number | null;
}

export function agreementsTables(ctx: Context, from: string, to: string): Record<string, SheetData> {
  const today = todayIso(ctx);
  const asOf = to < today ? to : today;
  const signedInPeriod = sql`a.deleted_at IS NULL AND a.signed_on IS NOT NULL AND a.signed_on >= ${from} AND a.signed_on <= ${to}`;
  const agreements = ctx.db.all<AgreementRow>(sql`
    SELECT a.id, a.kind, a.number, a.title, a.signed_on AS signedOn, a.valid_until AS validUntil, a.terminated_on AS terminatedOn
    FROM agreements a WHERE ${signedInPeriod} ORDER BY a.signed_on, a.id`);
  const commitments = ctx.db.all<CommitmentRow>(sql`
    SELECT c.id, c.agreement_id AS agreementId, c.product, c.quantity, c.unit, c.value, c.due_on AS dueOn
    FROM agreement_commitments c JOIN agreements a ON a.id = c.agreement_id WHERE ${signedInPeriod} ORDER BY c.id`);
  const deliveries = ctx.db.all<DeliveryRow>(sql`
    SELECT d.commitment_id AS commitmentId, d.delivered_on AS deliveredOn, d.quantity, d.value
    FROM agreement_deliveries d JOIN agreement_commitments c ON c.id = d.commitment_id JOIN agreements a ON a.id = c.agreement_id
    WHERE ${signedInPeriod}`);
  const allianceName = getAlliance(ctx)?.name ?? '';
  const parties = ctx.db.all<{ agreementId: number; name: string | null }>(sql`
    SELECT p.agreement_id AS agreementId, coalesce(o.name, t.name) AS name
    FROM agreement_parties p JOIN agreements a ON a.id = p.agreement_id
    LEFT JOIN organizations o ON o.id = p.organization_id LEFT JOIN partners t ON t.id = p.partner_id
    WHERE ${signedInPeriod} ORDER BY p.id`);

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
