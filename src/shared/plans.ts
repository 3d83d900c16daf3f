/**
 * Plans and targets (kế hoạch, chỉ tiêu): the vocabulary, the measures a target's actual is computed
 * from, and the rule that says whether a target is met, on track or at risk. The rule lives here so
 * that the backend applies it and the screen states it in the same words.
 */
import { z } from 'zod';
import { formatCount, formatMoney, formatPercent, formatQuantity } from './format';
import { agreementKinds, classifications, organizationKinds, sectorGroups, type Classification } from './domain';

/** A year plan (kế hoạch năm), or a programme or scheme over several years (chương trình, đề án). */
export const planKinds = ['year', 'programme'] as const;
export type PlanKind = (typeof planKinds)[number];

/** Dự thảo, Đã ban hành, Đã hủy bỏ. Whether it is in force follows from the status and the period. */
export const planStatuses = ['draft', 'issued', 'cancelled'] as const;
export type PlanStatus = (typeof planStatuses)[number];

/** Ít nhất, Tối đa, Đúng bằng. */
export const comparisons = ['at_least', 'at_most', 'exactly'] as const;
export type Comparison = (typeof comparisons)[number];

/** A count (of HTX, of events …), a share in %, money in đồng, a quantity in a unit of its own. */
export const targetUnits = ['count', 'percent', 'money', 'quantity'] as const;
export type TargetUnit = (typeof targetUnits)[number];

/**
 * What the app counts or adds up from its own data:
 * - organizations existing on the last day counted (`existsAtYearEnd` on that day), founded anew in the
 *   period (`founded`: not formed by a reorganization) or dissolved or bankrupt in it (`ended`: not
 *   ended by a reorganization, whose successors carry on), as Tổng quan counts them;
 * - sums of the yearly figures of the period's year over those organizations (members, workers,
 *   managers, managers with a college degree or higher, revenue) and the average income per worker;
 * - events held in the period; agreements signed in it, and their committed value;
 * - volumes connected (supply–demand connections made in the period) and delivered (deliveries
 *   recorded in it on the agreements connections became), in one unit of measure: only quantities
 *   whose unit converts exactly to it count, never added across units.
 */
export const metrics = [
  'organizations',
  'founded',
  'ended',
  'members',
  'workers',
  'managers',
  'managersWithDegree',
  'revenue',
  'averageIncome',
  'events',
  'agreements',
  'agreementValue',
  'volumeConnected',
  'volumeDelivered',
] as const;
export type Metric = (typeof metrics)[number];

/** Metrics that count organizations one by one: their drill-down lists organizations. */
export const organizationMetrics: readonly Metric[] = ['organizations', 'founded', 'ended', 'members', 'workers', 'managers', 'managersWithDegree', 'revenue', 'averageIncome'];

/** Metrics that add up over the period (a flow): progress is measured against the time gone. */
export const cumulativeMetrics: readonly Metric[] = ['founded', 'ended', 'events', 'agreements', 'agreementValue', 'volumeConnected', 'volumeDelivered'];

/** Metrics in a unit of measure (`Measure.unitCode`): a target of these is a quantity in that unit. */
export const volumeMetrics: readonly Metric[] = ['volumeConnected', 'volumeDelivered'];

/** Metrics in đồng (revenue, average income, agreements' value): a target of these is an amount of money. */
export const moneyMetrics: readonly Metric[] = ['revenue', 'averageIncome', 'agreementValue'];

export const measureSchema = z.object({
  metric: z.enum(metrics, { error: 'Chưa chọn cách tính.' }),
  /** Empty: every kind. */
  kinds: z.array(z.enum(organizationKinds)).max(organizationKinds.length).default([]),
  sectorGroup: z.enum(sectorGroups).nullable().default(null),
  /** Only those whose yearly figures classify them as operating effectively (a setting, see below). */
  effective: z.boolean().default(false),
  /** Only those classified Tốt or Khá in the yearly figures. */
  goodOrFair: z.boolean().default(false),
  /**
   * Only those linked with an enterprise for sales in the period: party to an agreement in force
   * with one, or selling to one through a connection (see `linkedWithEnterpriseDuring`).
   */
  linkedWithEnterprise: z.boolean().default(false),
  valueChain: z.boolean().default(false),
  highTech: z.boolean().default(false),
  /** Only those with an OCOP certificate of at least this many stars valid in the period. */
  ocopMinStars: z.number().int().min(1).max(5).nullable().default(null),
  eventKind: z.string().min(1).max(40).nullable().default(null),
  agreementKind: z.enum(agreementKinds).nullable().default(null),
  /** The unit of measure (Danh mục đơn vị tính) a volume is counted in; only for `volumeMetrics`. */
  unitCode: z.string().trim().min(1).max(20).nullable().default(null),
});
export type Measure = z.output<typeof measureSchema>;
export type MeasureInput = z.input<typeof measureSchema>;

/** What counts as operating effectively unless the office says otherwise: classified Tốt, Khá or Trung bình. */
export const defaultEffectiveClassifications: readonly Classification[] = ['good', 'fair', 'average'];
export const effectiveClassificationsSchema = z
  .array(z.enum(classifications))
  .min(1, { error: 'Chọn ít nhất một mức xếp loại được coi là hoạt động hiệu quả.' });

/**
 * Đạt, Đúng tiến độ, Có nguy cơ không đạt, Không đạt, Chưa có số liệu (a typed target not yet
 * typed), Chưa đến kỳ thực hiện (the period has not begun: nothing to judge yet).
 */
export const targetStatuses = ['met', 'on_track', 'at_risk', 'missed', 'unknown', 'not_started'] as const;
export type TargetStatus = (typeof targetStatuses)[number];

/** Whether `actual` satisfies the comparison with `value`. */
export function satisfies(comparison: Comparison, actual: number, value: number): boolean {
  const epsilon = 1e-9;
  if (comparison === 'at_least') return actual >= value - epsilon;
  if (comparison === 'at_most') return actual <= value + epsilon;
  return Math.abs(actual - value) <= epsilon;
}

/**
 * Whether a typed target's actual builds up over the period unless the person says otherwise: a
 * count, an amount or a quantity typed (people trained, loans disbursed …) usually does; a share
 * is a state at a point in time.
 */
export function typedCumulativeByDefault(unit: TargetUnit): boolean {
  return unit !== 'percent';
}

/**
 * The status of a target, the one rule (stated on screen as `onTrackRule`):
 * - before the period begins: not started, whatever the figures of today (last year's, mostly) say;
 * - when the period is over: met or missed;
 * - while it runs, a target that adds up over the period (founded, events, agreements …) and must
 *   reach at least its value is on track when the actual has reached the value times the share of
 *   the period gone; one already reached is met; below the pace it is at risk;
 * - while it runs, a target at a point in time or a share (organizations existing, % effective …),
 *   and any "at most" or "exactly" target, is met when the actual satisfies it today, otherwise at risk
 *   (an "at most" already exceeded by a cumulative figure cannot come back: missed).
 */
export function targetStatus(input: {
  comparison: Comparison;
  value: number;
  actual: number | null;
  cumulative: boolean;
  /** 0..1: the share of the period gone by today. */
  elapsed: number;
}): TargetStatus {
  const { comparison, value, actual, cumulative, elapsed } = input;
  // `elapsedShare` is 0 only before the first day: on the first day a day of the period has gone.
  if (elapsed <= 0) return 'not_started';
  if (actual === null) return 'unknown';
  const over = elapsed >= 1;
  if (over) return satisfies(comparison, actual, value) ? 'met' : 'missed';
  if (comparison === 'at_most') {
    if (satisfies(comparison, actual, value)) return 'on_track';
    return cumulative ? 'missed' : 'at_risk';
  }
  if (satisfies(comparison, actual, value)) return 'met';
  if (comparison === 'exactly' && cumulative && actual > value) return 'missed';
  if (cumulative && actual >= value * elapsed - 1e-9) return 'on_track';
  return 'at_risk';
}

/** The share of the period from `from` to `to` (both included) gone by `today`, 0..1. */
export function elapsedShare(from: string, to: string, today: string): number {
  const day = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;
  if (today < from) return 0;
  if (today >= to) return 1;
  return (day(today) - day(from) + 1) / (day(to) - day(from) + 1);
}

/** The same day `years` years earlier (29 February becomes 28 February). */
export function yearsBefore(iso: string, years: number): string {
  const year = Number(iso.slice(0, 4)) - years;
  const monthDay = iso.slice(5) === '02-29' ? '02-28' : iso.slice(5);
  return `${String(year).padStart(4, '0')}-${monthDay}`;
}

/**
 * The first day of a period's last quarter: three months before the day after its end (for a year
 * ending 31 December, 1 October), when targets at risk are flagged in Cần chú ý.
 */
export function lastQuarterStarts(to: string): string {
  const [year, month, day] = to.split('-').map(Number) as [number, number, number];
  const after = new Date(Date.UTC(year, month - 1, day + 1));
  return new Date(Date.UTC(after.getUTCFullYear(), after.getUTCMonth() - 3, after.getUTCDate())).toISOString().slice(0, 10);
}

/** A target's value or actual in its unit: "3 HTX", "70%", "1.500.000 ₫", "12,5 tấn". */
export function formatTargetValue(unit: TargetUnit, unitLabel: string, value: number): string {
  if (unit === 'percent') return formatPercent(value);
  if (unit === 'money') return formatMoney(value);
  if (unit === 'quantity') return formatQuantity(value, unitLabel);
  return `${formatCount(value)} ${unitLabel}`.trim();
}
