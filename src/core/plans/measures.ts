/**
 * The measures a target's actual is computed from (see `metrics` in shared/plans.ts), read from the
 * register, the yearly figures, events and agreements through the query builder, and their
 * drill-down: the organizations, events or agreements that count.
 */
import { and, asc, count, desc, eq, gte, inArray, lte, not, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { DrillRow } from '../../shared/contracts/plans';
import type { Classification, Page, SectorGroup } from '../../shared/domain';
import type { Measure, Metric } from '../../shared/plans';
import type { Context } from '../context';
import { existsAtYearEnd, inForceDuring, inHomeProvince, notInTrash, signedBetween, validDuring } from '../db/predicates';
import {
  agreementCommitments,
  agreementParties,
  agreements,
  certifications,
  events,
  organizations,
  partners,
  sectors,
  yearlyFigures,
} from '../db/schema';

/** Where and when a measure is taken. */
export interface MeasureWindow {
  /** The plan's communes; empty: the whole province. */
  communeCodes: readonly string[];
  /** The period's first day. */
  from: string;
  /** The last day counted: today while the period runs, its last day once it is over. */
  asOf: string;
  /** The yearly figures read: those of the year of `asOf`, or the latest year before it that has any. */
  figureYear: number;
  /** What counts as operating effectively (Cài đặt). */
  effective: readonly Classification[];
}

const figureColumns = {
  members: yearlyFigures.membersOfficial,
  workers: yearlyFigures.workers,
  managers: yearlyFigures.managers,
  managersWithDegree: yearlyFigures.managersWithDegree,
  revenue: yearlyFigures.revenue,
} as const;

type FigureMetric = keyof typeof figureColumns | 'averageIncome';

function isFigureMetric(metric: Metric): metric is FigureMetric {
  return metric in figureColumns || metric === 'averageIncome';
}

export function isOrganizationMetric(metric: Metric): boolean {
  return metric === 'organizations' || metric === 'founded' || metric === 'ended' || isFigureMetric(metric);
}

/** The latest year up to `year` that has any yearly figures, or `year` itself when none has. */
export function latestFigureYear(ctx: Context, year: number): number {
  const row = ctx.db
    .select({ year: sql<number | null>`max(${yearlyFigures.year})` })
    .from(yearlyFigures)
    .where(lte(yearlyFigures.year, year))
    .get();
  return row?.year ?? year;
}

/** The organization's classification in the window's year is one of `classes`. */
function classifiedAs(ctx: Context, year: number, classes: readonly Classification[]): SQL {
  return sql`EXISTS ${ctx.db
    .select({ one: sql`1` })
    .from(yearlyFigures)
    .where(and(eq(yearlyFigures.organizationId, organizations.id), eq(yearlyFigures.year, year), inArray(yearlyFigures.classification, [...classes])))}`;
}

/**
 * Party to an agreement in force during the window with a partner that is an enterprise (not in
 * the trash).
 */
function linkedWithEnterprise(ctx: Context, window: MeasureWindow): SQL {
  const withEnterprise = ctx.db
    .select({ one: sql`1` })
    .from(agreementParties)
    .innerJoin(partners, eq(partners.id, agreementParties.partnerId))
    .where(and(eq(agreementParties.agreementId, agreements.id), eq(partners.kind, 'enterprise'), notInTrash(partners)));
  // From the organization's own parties (indexed by organization), not from every agreement.
  const own = alias(agreementParties, 'own');
  return sql`EXISTS ${ctx.db
    .select({ one: sql`1` })
    .from(own)
    .innerJoin(agreements, eq(agreements.id, own.agreementId))
    .where(and(eq(own.organizationId, organizations.id), inForceDuring(agreements, window.from, window.asOf), sql`EXISTS ${withEnterprise}`))}`;
}

function ocopAtLeast(ctx: Context, stars: number, window: MeasureWindow): SQL {
  return sql`EXISTS ${ctx.db
    .select({ one: sql`1` })
    .from(certifications)
    .where(
      and(
        eq(certifications.organizationId, organizations.id),
        eq(certifications.kindCode, 'ocop'),
        gte(certifications.stars, stars),
        validDuring(certifications, window.from, window.asOf),
      ),
    )}`;
}

function sectorCodesOf(ctx: Context, group: SectorGroup): string[] {
  return ctx.db
    .select({ code: sectors.code })
    .from(sectors)
    .where(eq(sectors.group, group))
    .all()
    .map((row) => row.code);
}

/**
 * Which organizations a measure counts: its metric's existence rule, the scope and the flags. With
 * `figuresJoined`, the query has joined the window's yearly figures, and the classification is read
 * from them rather than looked up.
 */
export function organizationCondition(ctx: Context, measure: Measure, window: MeasureWindow, figuresJoined = false): SQL | undefined {
  const classified = (classes: readonly Classification[]) =>
    figuresJoined ? inArray(yearlyFigures.classification, [...classes]) : classifiedAs(ctx, window.figureYear, classes);
  const o = organizations;
  const existence =
    measure.metric === 'founded'
      ? and(notInTrash(o), gte(o.foundedOn, window.from), lte(o.foundedOn, window.asOf))
      : measure.metric === 'ended'
        ? and(notInTrash(o), gte(o.endedOn, window.from), lte(o.endedOn, window.asOf))
        : existsAtYearEnd(o, window.asOf);
  return and(
    existence,
    // A plan is this province's: a cooperative based elsewhere is in none of its targets.
    inHomeProvince(o),
    window.communeCodes.length ? inArray(o.communeCode, [...window.communeCodes]) : undefined,
    measure.kinds.length ? inArray(o.kind, measure.kinds) : undefined,
    // The group's codes, read once (a dozen rows), rather than a subquery for every organization.
    measure.sectorGroup ? inArray(o.sectorCode, sectorCodesOf(ctx, measure.sectorGroup)) : undefined,
    measure.effective ? classified(window.effective) : undefined,
    measure.goodOrFair ? classified(['good', 'fair']) : undefined,
    measure.linkedWithEnterprise ? linkedWithEnterprise(ctx, window) : undefined,
    measure.valueChain ? eq(o.valueChain, true) : undefined,
    measure.highTech ? eq(o.highTech, true) : undefined,
    measure.ocopMinStars === null ? undefined : ocopAtLeast(ctx, measure.ocopMinStars, window),
  );
}

function eventCondition(measure: Measure, window: MeasureWindow): SQL | undefined {
  return and(
    notInTrash(events),
    gte(events.startsOn, window.from),
    lte(events.startsOn, window.asOf),
    measure.eventKind ? eq(events.kind, measure.eventKind) : undefined,
  );
}

/** Agreements signed in the window; with a scope of communes or kinds, one of their parties is in it. */
function agreementCondition(ctx: Context, measure: Measure, window: MeasureWindow): SQL | undefined {
  const scoped = window.communeCodes.length > 0 || measure.kinds.length > 0;
  const partyInScope = ctx.db
    .select({ one: sql`1` })
    .from(agreementParties)
    .innerJoin(organizations, eq(organizations.id, agreementParties.organizationId))
    .where(
      and(
        eq(agreementParties.agreementId, agreements.id),
        notInTrash(organizations),
        inHomeProvince(organizations),
        window.communeCodes.length ? inArray(organizations.communeCode, [...window.communeCodes]) : undefined,
        measure.kinds.length ? inArray(organizations.kind, measure.kinds) : undefined,
      ),
    );
  return and(
    notInTrash(agreements),
    signedBetween(agreements, window.from, window.asOf),
    measure.agreementKind ? eq(agreements.kind, measure.agreementKind) : undefined,
    scoped ? sql`EXISTS ${partyInScope}` : undefined,
  );
}

function committedValue(ctx: Context) {
  return sql<number>`(${ctx.db
    .select({ value: sql`coalesce(sum(${agreementCommitments.value}), 0)` })
    .from(agreementCommitments)
    .where(eq(agreementCommitments.agreementId, agreements.id))})`;
}

/** The figure an organization adds to a figure metric, in the window's year. */
function figureOf(metric: FigureMetric): SQL<number | null> {
  return metric === 'averageIncome' ? sql<number | null>`${yearlyFigures.averageIncome}` : sql<number | null>`${figureColumns[metric]}`;
}

function eventsValue(ctx: Context, measure: Measure, window: MeasureWindow): number {
  return ctx.db.select({ n: count() }).from(events).where(eventCondition(measure, window)).get()?.n ?? 0;
}

function agreementsValue(ctx: Context, measure: Measure, window: MeasureWindow): number {
  const row = ctx.db
    .select({ n: count(), value: sql<number>`coalesce(sum(${committedValue(ctx)}), 0)` })
    .from(agreements)
    .where(agreementCondition(ctx, measure, window))
    .get();
  return measure.metric === 'agreements' ? (row?.n ?? 0) : (row?.value ?? 0);
}

/**
 * The values of several measures in one window. Those over organizations are read in one pass over
 * the register (with the window's yearly figures joined), each as a sum over the rows its condition
 * takes: a plan of fifteen targets reads the register once, not fifteen times.
 */
export function measureValues(ctx: Context, measures: readonly Measure[], window: MeasureWindow): number[] {
  const o = organizations;
  const aggregates: Record<string, SQL<number | null>> = {};
  measures.forEach((measure, index) => {
    if (!isOrganizationMetric(measure.metric)) return;
    const taken = organizationCondition(ctx, measure, window, true) ?? sql`1`;
    const { metric } = measure;
    if (metric === 'averageIncome') {
      // Income is averaged per worker, as the statistics do: weighted by each one's workers.
      const reported = sql`${taken} AND ${yearlyFigures.averageIncome} IS NOT NULL AND ${yearlyFigures.workers} > 0`;
      aggregates[`a${String(index)}`] = sql<number | null>`sum(CASE WHEN ${reported} THEN ${yearlyFigures.averageIncome} * ${yearlyFigures.workers} END)`;
      aggregates[`w${String(index)}`] = sql<number | null>`sum(CASE WHEN ${reported} THEN ${yearlyFigures.workers} END)`;
    } else if (isFigureMetric(metric)) {
      aggregates[`a${String(index)}`] = sql<number | null>`sum(CASE WHEN ${taken} THEN ${figureOf(metric)} END)`;
    } else {
      aggregates[`a${String(index)}`] = sql<number | null>`sum(CASE WHEN ${taken} THEN 1 ELSE 0 END)`;
    }
  });
  const totals: Record<string, number | null> =
    Object.keys(aggregates).length === 0
      ? {}
      : (ctx.db
          .select(aggregates)
          .from(o)
          .leftJoin(yearlyFigures, and(eq(yearlyFigures.organizationId, o.id), eq(yearlyFigures.year, window.figureYear)))
          .where(and(notInTrash(o), window.communeCodes.length ? inArray(o.communeCode, [...window.communeCodes]) : undefined))
          .get() ?? {});
  return measures.map((measure, index) => {
    if (measure.metric === 'events') return eventsValue(ctx, measure, window);
    if (measure.metric === 'agreements' || measure.metric === 'agreementValue') return agreementsValue(ctx, measure, window);
    const total = totals[`a${String(index)}`] ?? 0;
    if (measure.metric !== 'averageIncome') return total;
    const workers = totals[`w${String(index)}`] ?? 0;
    return workers > 0 ? Math.round(total / workers) : 0;
  });
}

/** Whether the drill-down of a share can list those of the denominator that do not count. */
export function hasNotCounted(numerator: Measure, denominator: Measure | null): boolean {
  const plainCount = (metric: Metric) => metric === 'organizations' || metric === 'founded' || metric === 'ended';
  return denominator !== null && plainCount(numerator.metric) && plainCount(denominator.metric);
}

/** The commune's name, as lists show it. */
function communeName(ctx: Context, code: string): string {
  return ctx.places.commune(code)?.fullName ?? code;
}

function organizationRows(ctx: Context, measure: Measure, where: SQL | undefined, window: MeasureWindow, page: { page: number; pageSize: number }): Page<DrillRow> {
  const figure = isFigureMetric(measure.metric) ? measure.metric : null;
  const o = organizations;
  const base = ctx.db
    .select({ id: o.id, name: o.name, communeCode: o.communeCode, value: figure ? figureOf(figure) : sql<null>`NULL` })
    .from(o)
    .leftJoin(yearlyFigures, and(eq(yearlyFigures.organizationId, o.id), eq(yearlyFigures.year, window.figureYear)));
  const total = ctx.db.select({ n: count() }).from(o).where(where).get()?.n ?? 0;
  const rows = base
    .where(where)
    .orderBy(asc(o.nameFolded), asc(o.id))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize)
    .all();
  return {
    total,
    rows: rows.map((row) => ({ kind: 'organization', id: row.id, name: row.name, detail: communeName(ctx, row.communeCode), value: row.value })),
  };
}

/** What counts in a measure, one page, with how many in all. */
export function countedRows(ctx: Context, measure: Measure, window: MeasureWindow, page: { page: number; pageSize: number }): Page<DrillRow> {
  const { metric } = measure;
  const paging = <T>(query: { limit(n: number): { offset(n: number): { all(): T[] } } }) =>
    query.limit(page.pageSize).offset((page.page - 1) * page.pageSize).all();
  if (metric === 'events') {
    const where = eventCondition(measure, window);
    const total = ctx.db.select({ n: count() }).from(events).where(where).get()?.n ?? 0;
    const rows = paging<{ id: number; title: string; startsOn: string }>(
      ctx.db.select({ id: events.id, title: events.title, startsOn: events.startsOn }).from(events).where(where).orderBy(asc(events.startsOn), asc(events.id)),
    );
    return { total, rows: rows.map((row) => ({ kind: 'event', id: row.id, name: row.title, detail: row.startsOn, value: null })) };
  }
  if (metric === 'agreements' || metric === 'agreementValue') {
    const where = agreementCondition(ctx, measure, window);
    const total = ctx.db.select({ n: count() }).from(agreements).where(where).get()?.n ?? 0;
    const rows = paging<{ id: number; title: string; number: string; value: number }>(
      ctx.db
        .select({ id: agreements.id, title: agreements.title, number: agreements.number, value: committedValue(ctx) })
        .from(agreements)
        .where(where)
        .orderBy(desc(agreements.signedOn), desc(agreements.id)),
    );
    return { total, rows: rows.map((row) => ({ kind: 'agreement', id: row.id, name: row.title, detail: row.number, value: metric === 'agreementValue' ? row.value : null })) };
  }
  const where = organizationCondition(ctx, measure, window);
  const withFigures = isFigureMetric(metric)
    ? and(where, sql`EXISTS (SELECT 1 FROM ${yearlyFigures} WHERE ${yearlyFigures.organizationId} = ${organizations.id} AND ${yearlyFigures.year} = ${window.figureYear})`)
    : where;
  return organizationRows(ctx, measure, withFigures, window, page);
}

/** For a share over organizations: those the denominator counts and the numerator does not. */
export function notCountedRows(ctx: Context, numerator: Measure, denominator: Measure, window: MeasureWindow, page: { page: number; pageSize: number }): Page<DrillRow> {
  const counted = organizationCondition(ctx, numerator, window);
  const where = and(organizationCondition(ctx, denominator, window), counted ? not(counted) : undefined);
  return organizationRows(ctx, denominator, where, window, page);
}
