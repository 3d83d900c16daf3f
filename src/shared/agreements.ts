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
 */
import type { AgreementStatus } from './domain';
import { cleanText } from './text';

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

/**
 * Tỷ lệ thực hiện of an agreement: the mean of its commitments' percentages, so that tonnes and
 * kilograms are never added together. Null for an agreement with no commitments.
 */
export function agreementFulfilment(commitments: readonly CommitmentProgressFacts[]): number | null {
  if (commitments.length === 0) return null;
  return commitments.reduce((sum, commitment) => sum + commitmentFulfilment(commitment), 0) / commitments.length;
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

/** The statuses in which commitments are still being chased. */
const chasedStatuses: readonly AgreementStatus[] = ['signed', 'in_progress'];

/**
 * Quá hạn: due before `today`, not delivered in full, and its agreement is still being carried
 * out (signed or in progress; a draft, a terminated or a fulfilled agreement owes nothing).
 */
export function isCommitmentOverdue(
  commitment: CommitmentProgressFacts & { dueOn: string | null },
  agreementStatusToday: AgreementStatus,
  today: string,
): boolean {
  return (
    commitment.dueOn !== null &&
    commitment.dueOn < today &&
    !isCommitmentFulfilled(commitment) &&
    chasedStatuses.includes(agreementStatusToday)
  );
}

/** Totals of one unit: committed and delivered, never mixed with another unit. */
export interface UnitTotal {
  unit: string;
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
    const total = totals.get(key) ?? { unit: cleanText(commitment.unit), committed: 0, delivered: 0 };
    total.committed = roundQuantity(total.committed + commitment.quantity);
    total.delivered = roundQuantity(total.delivered + commitment.delivered);
    totals.set(key, total);
  }
  return [...totals.values()];
}
