/**
 * The year whose yearly figures are reported: the one Tổng quan opens on and plans measure their
 * figure targets by.
 *
 * A year's figures come in one organization at a time, through the months after it. Read as soon
 * as the first few are typed, its sums look like a collapse (2.055 members against 30.594 the year
 * before). So a year's figures are read as the year's once at least half of the organizations
 * existing at its end have them — or, for an office whose organizations have never reported that
 * widely, once at least half as many have them as in its best-reported year up to it (some year
 * then always qualifies, the best one). Until then the year before is read, and the newer one is
 * said to be on its way, with how many have reported.
 *
 * Cheap at national scale: both counts come from the statistics' counters (db/derived.ts) — the
 * organizations reporting each year (`statistics_figure_totals.reporting`, a few rows a year) and
 * the organizations not in the trash — corrected by the date indexes; no figures row is read.
 */
import { and, asc, count, gt, inArray, isNotNull, lte, sql, sum, type SQL } from 'drizzle-orm';
import type { FiguresPending, ReportedYear } from '../../shared/contracts/statistics';
import type { OrganizationKind } from '../../shared/domain';
import type { Context } from '../context';
import { inHomeProvince, notInTrash, yearEnd } from '../db/predicates';
import { organizations, statisticsFigureTotals, statisticsKindSectorCounts } from '../db/schema';

/**
 * This province's organizations of `kinds` and `sectorCodes` (every one when not given) existing on
 * `day`: those not in the trash (the counters) less those founded after the day or ended by it,
 * read from the two date indexes, plus back those that are both — as the statistics count a year.
 */
export function existingOn(ctx: Context, day: string, scope: { kinds?: OrganizationKind[]; sectorCodes?: string[] } = {}): number {
  const { kinds, sectorCodes } = scope;
  const o = organizations;
  const c = statisticsKindSectorCounts;
  const live =
    ctx.db
      .select({ n: sum(c.live) })
      .from(c)
      .where(and(inHomeProvince(c), kinds ? inArray(c.kind, kinds) : undefined, sectorCodes ? inArray(c.sectorCode, sectorCodes) : undefined))
      .get()?.n ?? 0;
  const inScope = and(notInTrash(o), inHomeProvince(o), kinds ? inArray(o.kind, kinds) : undefined, sectorCodes ? inArray(o.sectorCode, sectorCodes) : undefined);
  // The planner must be told to read the date indexes (without statistics it reads the table),
  // which the query builder cannot say.
  const countIn = (index: 'organizations_founded' | 'organizations_ended', where: SQL | undefined) =>
    ctx.db
      .select({ n: count() })
      .from(sql`${o} INDEXED BY ${sql.identifier(index)}`)
      .where(where)
      .get()?.n ?? 0;
  const foundedLater = countIn('organizations_founded', and(inScope, isNotNull(o.foundedOn), gt(o.foundedOn, day)));
  const endedBy = countIn('organizations_ended', and(inScope, isNotNull(o.endedOn), lte(o.endedOn, day)));
  const both = countIn('organizations_ended', and(inScope, isNotNull(o.endedOn), lte(o.endedOn, day), gt(o.foundedOn, day)));
  return Number(live) - foundedLater - endedBy + both;
}

interface YearReporting {
  year: number;
  /** This province's organizations existing at the year's end that have its figures. */
  reporting: number;
  /** The most that have reported in one year, this one or an earlier. */
  best: number;
}

/** The years up to `upTo` that have figures, newest first, from the counter (a few rows a year). */
function reportingByYear(ctx: Context, upTo: number): YearReporting[] {
  const t = statisticsFigureTotals;
  const reporting = sql<number>`sum(${t.reporting})`;
  const years = ctx.db
    .select({ year: t.year, reporting })
    .from(t)
    .where(and(lte(t.year, upTo), inHomeProvince(t)))
    .groupBy(t.year)
    .having(gt(reporting, 0))
    .orderBy(asc(t.year))
    .all();
  let best = 0;
  return years.map((row) => ({ ...row, best: (best = Math.max(best, row.reporting)) })).reverse();
}

/** The rule (see above); `existing` is asked only when the year falls short of its best one. */
function reportedBy({ reporting, best }: YearReporting, existing: () => number): boolean {
  return 2 * reporting >= best || 2 * reporting >= existing();
}

/**
 * The newest year up to `upTo` whose figures are reported (see above), null when none has figures;
 * and the newest after it whose figures are on their way.
 */
export function reportedYear(ctx: Context, upTo: number): ReportedYear {
  let pending: FiguresPending | null = null;
  for (const row of reportingByYear(ctx, upTo)) {
    let existing: number | null = null;
    const existingAtEnd = () => (existing ??= existingOn(ctx, yearEnd(row.year)));
    if (reportedBy(row, existingAtEnd)) return { year: row.year, pending };
    pending ??= { year: row.year, reporting: row.reporting, existing: existingAtEnd() };
  }
  return { year: null, pending };
}

/** Whether `year`'s figures are reported, its organizations reporting and existing at its end known. */
export function figuresReported(ctx: Context, year: number, reporting: number, existing: number): boolean {
  const best = reportingByYear(ctx, year)[0]?.best ?? 0;
  return reporting > 0 && reportedBy({ year, reporting, best: Math.max(best, reporting) }, () => existing);
}
