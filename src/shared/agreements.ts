/**
 * The rules of agreements (thỏa thuận ký kết), as pure functions: how far a commitment and an
 * agreement are fulfilled, where an agreement stands on a given day, which commitments are overdue,
 * and totals per unit. The agreements service, the reports and the needs-attention list all read
 * agreements through these, so that one agreement never has two statuses. The service's SQL
 * (`agreementStatusSql`) states the status rule again for filtering and paging in the database;
 * tests hold the two to the same answers.
 *
 * Everything is "as of" a day: deliveries dated after it do not count yet, so a report for a past
 * period reads the agreement as it stood then.
 *
 * Tỷ lệ thực hiện is by value where the values are known (see `fulfilmentOf`), and says which.
 */
import type { AgreementStatus } from './domain';
import { cleanText, formatIsoDateVi } from './text';

/**
 * Quantities are stored as floating point; sums are rounded to this many decimals so that
 * 0,7 + 0,1 tấn delivered fulfils a commitment of 0,8 tấn. SQLite rounds the same way (ROUND(x, 6)).
 */
export const QUANTITY_DECIMALS = 6;

/**
 * Decimals a quantity may be entered with (0,125 tấn is 125 kg): as many as the screens and
 * reports show (formatQuantity), so that no typed digit is hidden by rounding.
 */
export const QUANTITY_ENTRY_DECIMALS = 3;

/** Whether a quantity has no more decimals than may be entered (floating point aside). */
export function hasEntryDecimals(value: number): boolean {
  const scaled = value * 10 ** QUANTITY_ENTRY_DECIMALS;
  return Math.abs(scaled - Math.round(scaled)) < 1e-6;
}

export function roundQuantity(value: number): number {
  const factor = 10 ** QUANTITY_DECIMALS;
  return Math.round(value * factor) / factor;
}

/** The quantity delivered up to and including `today`, in the commitment's unit. */
export function deliveredAsOf(deliveries: readonly { quantity: number; deliveredOn: string }[], today: string): number {
  return roundQuantity(deliveries.reduce((sum, delivery) => (delivery.deliveredOn <= today ? sum + delivery.quantity : sum), 0));
}

/** A commitment as the rules read it: what was promised and what has been delivered, one unit. */
export interface CommitmentProgressFacts {
  quantity: number;
  delivered: number;
}

/**
 * Tỷ lệ thực hiện of one commitment, 0..100. Delivering more than promised happens and is shown
 * as the delivered quantity; the percentage stops at 100.
 */
export function commitmentFulfilment({ quantity, delivered }: CommitmentProgressFacts): number {
  return Math.min(100, (delivered / quantity) * 100);
}

/** Whether the whole quantity has been delivered. */
export function isCommitmentFulfilled({ quantity, delivered }: CommitmentProgressFacts): boolean {
  return delivered >= quantity;
}

/** A commitment with its value in đồng, when the agreement says one. */
export interface ValuedCommitmentFacts extends CommitmentProgressFacts {
  value: number | null;
}

/**
 * What a fulfilment percentage is weighed by: the values of the commitments that have one (a
 * 400-million commitment counts eight times a 50-million one), or, when none has, each commitment
 * alike.
 */
export const fulfilmentBases = ['value', 'commitments'] as const;
export type FulfilmentBasis = (typeof fulfilmentBases)[number];

export interface Fulfilment {
  /** 0..100. */
  percent: number;
  basis: FulfilmentBasis;
  /** Commitments without a value, left out of a rate by value and said beside it; 0 by commitments. */
  unvalued: number;
  /**
   * Of those left out, the ones not delivered in full: said beside the rate, so that 100 % by value
   * never reads as done while one of them is still owed.
   */
  unvaluedShort: number;
}

/**
 * What a quantity delivered on a commitment is worth by the commitment's value: its share of the
 * quantity promised (20,5 of 50 tấn of a 1.250.000.000 đồng commitment is 512.500.000 đồng),
 * never more than the whole value — as `commitmentFulfilment` stops at 100 %. Tỷ lệ thực hiện by
 * value and the value delivered (`deliveredValueOf`) both weigh deliveries by this one rule.
 */
export function valueOfQuantity(commitment: { quantity: number; value: number }, quantity: number): number {
  return (commitment.value * commitmentFulfilment({ quantity: commitment.quantity, delivered: quantity })) / 100;
}

/**
 * Tỷ lệ thực hiện of a set of commitments — an agreement's, those one party supplies, a period's:
 * by value over the commitments that have one (each one's share delivered, weighed by its value, so
 * that tonnes and kilograms are never added together; the value delivered over the value committed),
 * the others left out and counted (`unvalued`), so that one value not yet written never turns a
 * year of 76 commitments into a plain mean and moves it by 24 points — those of them not delivered in
 * full counted too (`unvaluedShort`), for the rate is complete only when none is. Only when no
 * commitment has a value, the mean of their percentages, and the basis says so. Null without commitments.
 */
export function fulfilmentOf(commitments: readonly ValuedCommitmentFacts[]): Fulfilment | null {
  if (commitments.length === 0) return null;
  const valued = commitments.filter((commitment) => commitment.value !== null);
  const totalValue = valued.reduce((sum, commitment) => sum + (commitment.value ?? 0), 0);
  if (totalValue > 0) {
    const weighed = valued.reduce((sum, commitment) => sum + commitmentFulfilment(commitment) * (commitment.value ?? 0), 0);
    const leftOut = commitments.filter((commitment) => commitment.value === null);
    return { percent: weighed / totalValue, basis: 'value', unvalued: leftOut.length, unvaluedShort: leftOut.filter((commitment) => !isCommitmentFulfilled(commitment)).length };
  }
  const mean = commitments.reduce((sum, commitment) => sum + commitmentFulfilment(commitment), 0) / commitments.length;
  return { percent: mean, basis: 'commitments', unvalued: 0, unvaluedShort: 0 };
}

/**
 * Tỷ lệ thực hiện of the agreements signed in a period, as Tổng quan and the agreements report
 * state it: `fulfilmentOf` their commitments as of `asOf`, those of agreements terminated by then
 * left out (they owe nothing more).
 */
export function periodFulfilment(
  agreements: readonly { terminatedOn: string | null; commitments: readonly ValuedCommitmentFacts[] }[],
  asOf: string,
): Fulfilment | null {
  return fulfilmentOf(agreements.flatMap((agreement) => (agreement.terminatedOn !== null && agreement.terminatedOn <= asOf ? [] : agreement.commitments)));
}

/** A commitment with what its deliveries that carry a value in đồng delivered, and that value. */
export interface DeliveredValueFacts extends ValuedCommitmentFacts {
  /** The quantity of the deliveries whose value was written, in the commitment's unit. */
  valuedQuantity: number;
  /** The sum of those values, in đồng. */
  valuedValue: number;
}

/**
 * The value in đồng delivered on a commitment (Giá trị đã thực hiện), by the rule Tỷ lệ thực hiện
 * weighs by: where the commitment has a value, the share of it that the quantity delivered is
 * (`valueOfQuantity`), so that Đã thực hiện ÷ Cam kết reads the rate shown beside them — values
 * written on deliveries (a price that moved, a partial invoice) would say 55 % of the money beside
 * 100 % done. Only a commitment without a value counts what its deliveries wrote. Rounded to the
 * đồng. Null when neither carries a value: a value nobody wrote is not 0 đồng.
 */
export function deliveredValueOf(commitment: DeliveredValueFacts): number | null {
  const { quantity, value, delivered, valuedQuantity, valuedValue } = commitment;
  if (value === null) return valuedQuantity > 0 ? valuedValue : null;
  return Math.round(valueOfQuantity({ quantity, value }, delivered));
}

/**
 * What each delivery on a commitment adds to its value delivered (`deliveredValueOf`), by id, as the
 * deliveries table shows it: where the commitment has a value, the share of it the delivery's
 * quantity takes (`valueOfQuantity`), counted in the order they were made so that a delivery past the
 * quantity adds nothing more and the column adds up to Đã thực hiện; without one, the value the
 * delivery wrote, or null when it wrote none (nothing is counted for it).
 */
export function deliveryValues(
  commitment: { quantity: number; value: number | null },
  deliveries: readonly { id: number; deliveredOn: string; quantity: number; value: number | null }[],
): Map<number, number | null> {
  const { quantity, value } = commitment;
  if (value === null) return new Map(deliveries.map((delivery) => [delivery.id, delivery.value]));
  const inOrder = [...deliveries].sort((a, b) => a.deliveredOn.localeCompare(b.deliveredOn) || a.id - b.id);
  let delivered = 0;
  return new Map(
    inOrder.map((delivery) => {
      const before = Math.round(valueOfQuantity({ quantity, value }, delivered));
      delivered = roundQuantity(delivered + delivery.quantity);
      return [delivery.id, Math.round(valueOfQuantity({ quantity, value }, delivered)) - before];
    }),
  );
}

/**
 * Why a delivery dated `deliveredOn` is refused once the agreement was terminated (`terminatedOn`):
 * none is recorded after that day. Said by the delivery dialog as the date is typed, and by the
 * backend that refuses it.
 */
export function deliveredAfterTermination(terminatedOn: string | null, deliveredOn: string): string | null {
  return terminatedOn !== null && deliveredOn > terminatedOn
    ? `Thỏa thuận đã chấm dứt từ ngày ${formatIsoDateVi(terminatedOn)}; không ghi nhận giao hàng sau ngày đó.`
    : null;
}

/**
 * How much a delivery would take a commitment past its quantity: 6 delivered of 5 tấn is 1 tấn
 * over. 0 when it stays within. Delivering more than promised happens; it is said, never refused.
 */
export function overDelivery({ quantity, delivered }: CommitmentProgressFacts): number {
  return Math.max(0, roundQuantity(delivered - quantity));
}

export interface AgreementFacts {
  /** Null while a draft. */
  signedOn: string | null;
  validUntil: string | null;
  terminatedOn: string | null;
  /** Each with what has been delivered as of the day asked about. */
  commitments: readonly CommitmentProgressFacts[];
}

/**
 * Where an agreement stands on `today`, checked in this order: terminated (from its termination
 * day on); draft (not signed); fulfilled (it has commitments and all are delivered in full);
 * expired (past its validity); in progress (something delivered); signed.
 */
export function agreementStatus(agreement: AgreementFacts, today: string): AgreementStatus {
  if (agreement.terminatedOn !== null && agreement.terminatedOn <= today) return 'terminated';
  if (agreement.signedOn === null) return 'draft';
  if (agreement.commitments.length > 0 && agreement.commitments.every(isCommitmentFulfilled)) return 'fulfilled';
  if (agreement.validUntil !== null && agreement.validUntil < today) return 'expired';
  // Deliveries have a positive quantity, so something delivered means a delivery exists.
  if (agreement.commitments.some((commitment) => commitment.delivered > 0)) return 'in_progress';
  return 'signed';
}

/**
 * What became of an agreement after it ran out, as the agreements list filters it: still followed
 * (`needsClosing`, as Cần chú ý lists it) or its follow-up closed by a person (`closedOn`).
 */
export const agreementFollowUps = ['needs_closing', 'closed'] as const;
export type AgreementFollowUp = (typeof agreementFollowUps)[number];

/** The statuses in which commitments are still being chased before the agreement runs out. */
export const chasedStatuses: readonly AgreementStatus[] = ['signed', 'in_progress'];

/**
 * The day a commitment is due: its own due day, or else the last day of its agreement's validity
 * (what is promised in an agreement is owed by the time it runs out). Null when neither is set.
 */
export function commitmentDueDay(commitment: { dueOn: string | null }, agreement: { validUntil: string | null }): string | null {
  return commitment.dueOn ?? agreement.validUntil;
}

/**
 * Quá hạn on `today`: its due day (`commitmentDueDay`) has passed and it is not delivered in full,
 * in a signed agreement that was not terminated. An expired agreement's unfinished commitments
 * stay overdue — a report for a later period says so — and a draft or a terminated agreement owes
 * nothing.
 */
export function isCommitmentOverdue(
  commitment: CommitmentProgressFacts & { dueOn: string | null },
  agreement: { status: AgreementStatus; validUntil: string | null },
  today: string,
): boolean {
  const due = commitmentDueDay(commitment, agreement);
  return (
    due !== null &&
    due < today &&
    !isCommitmentFulfilled(commitment) &&
    agreement.status !== 'draft' &&
    agreement.status !== 'terminated'
  );
}

/**
 * Hết hạn, chưa hoàn thành: the agreement ran out with something still owed. It stays in Cần chú
 * ý until a person closes its follow-up with a reason (`closedOn`), from that day on.
 */
export function needsClosing(
  agreement: { status: AgreementStatus; closedOn: string | null; commitments: readonly CommitmentProgressFacts[] },
  today: string,
): boolean {
  const closed = agreement.closedOn !== null && agreement.closedOn <= today;
  return agreement.status === 'expired' && !closed && agreement.commitments.some((commitment) => !isCommitmentFulfilled(commitment));
}

/**
 * Whether an edit of the end of validity to `validUntil` reopens a closed follow-up: moved to or
 * past the day it was closed (which `closeAgreement` sets after the end), or taken away, the
 * agreement runs again, and if it runs out unfinished once more Cần chú ý lists it again. The form
 * says so before saving; the service applies it.
 */
export function reopensFollowUp(stored: { closedOn: string | null; validUntil: string | null }, validUntil: string | null): boolean {
  return stored.closedOn !== null && validUntil !== stored.validUntil && (validUntil === null || validUntil >= stored.closedOn);
}

/** Totals of one unit: committed and delivered, never mixed with another unit. */
export interface UnitTotal {
  unit: string;
  /** How many commitments are in this unit. */
  commitments: number;
  committed: number;
  delivered: number;
}

/** "Tấn", "tấn" and " tấn " are one unit; "tấn" and "kg" are two. */
export function unitKey(unit: string): string {
  return cleanText(unit).toLocaleLowerCase('vi');
}

/**
 * Committed and delivered quantities summed per unit, in the order the units first appear. Each
 * unit is written as it first appears.
 */
export function totalsPerUnit(commitments: readonly (CommitmentProgressFacts & { unit: string })[]): UnitTotal[] {
  const totals = new Map<string, UnitTotal>();
  for (const commitment of commitments) {
    const key = unitKey(commitment.unit);
    const total = totals.get(key) ?? { unit: cleanText(commitment.unit), commitments: 0, committed: 0, delivered: 0 };
    total.commitments += 1;
    total.committed = roundQuantity(total.committed + commitment.quantity);
    total.delivered = roundQuantity(total.delivered + commitment.delivered);
    totals.set(key, total);
  }
  return [...totals.values()];
}
