/**
 * The measures a target's actual is computed from (see `metrics` in shared/plans.ts), read from the
 * register, the yearly figures, events, agreements and connections through the query builder, and
 * their drill-down: the organizations, events, agreements or connections that count.
 *
 * Each measure is one aggregate that reads only what it counts. Over the whole province, a count of
 * organizations or a sum of their yearly figures is taken from the statistics' counter tables
 * (db/derived.ts), corrected by the few organizations whose existence differs between the counter's
 * day and the day measured; a measure with a scope or a flag the counters do not keep is counted
 * from the rows, the sets of linked, certified or flagged organizations read first.
 */
import { and, asc, count, desc, eq, getTableName, gt, gte, inArray, isNotNull, lte, not, sql, type SQL } from 'drizzle-orm';
import { alias, type SelectedFields } from 'drizzle-orm/sqlite-core';
import { roundQuantity } from '../../shared/agreements';
import { organizationEndingNames } from '../../shared/contracts/organizations';
import type { DrillRow } from '../../shared/contracts/plans';
import { classifications, type Classification, type OrganizationKind, type OrganizationStatus, type Page, type SectorGroup } from '../../shared/domain';
import type { Measure, Metric } from '../../shared/plans';
import { baseOf, convertQuantity } from '../../shared/supply';
import { formatIsoDateVi } from '../../shared/text';
import type { Context } from '../context';
import { figureContributions } from '../db/derived';
import { existingOn } from '../services/figureYear';
import { columnsAs, dissolvedOrBankrupt, existsAtYearEnd, formedByReorganization, inHomeProvince, linkedWithEnterpriseDuring, notInTrash, signedBetween, validDuring, yearEnd } from '../db/predicates';
import {
  agreementCommitments,
  agreementDeliveries,
  agreementParties,
  agreements,
  certifications,
  events,
  organizations,
  partners,
  sectors,
  statisticsFigureTotals,
  supplyConnections,
  supplyDemands,
  supplyOffers,
  yearlyFigures,
} from '../db/schema';
import { unitOfText, unitsByCode } from '../services/supplyLookups';

/** Where and when a measure is taken. */
export interface MeasureWindow {
  /** The plan's communes; empty: the whole province. */
  communeCodes: readonly string[];
  /** The period's first day. */
  from: string;
  /** The last day counted: today while the period runs, its last day once it is over. */
  asOf: string;
  /** The yearly figures read: those of the newest year up to `asOf`'s that are reported (`reportedYear`); for «the year before», the year before those. */
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

function isVolumeMetric(metric: Metric): metric is 'volumeConnected' | 'volumeDelivered' {
  return metric === 'volumeConnected' || metric === 'volumeDelivered';
}

/** The organization's classification in the window's year is one of `classes`. */
function classifiedAs(ctx: Context, year: number, classes: readonly Classification[]): SQL {
  return sql`EXISTS ${ctx.db
    .select({ one: sql`1` })
    .from(yearlyFigures)
    .where(and(eq(yearlyFigures.organizationId, organizations.id), eq(yearlyFigures.year, year), inArray(yearlyFigures.classification, [...classes])))}`;
}

/** Holds an OCOP certificate of at least `stars` valid in the window: the set of certified organizations. */
function ocopAtLeast(ctx: Context, stars: number, window: MeasureWindow): SQL {
  return inArray(
    organizations.id,
    ctx.db
      .select({ id: certifications.organizationId })
      .from(certifications)
      .where(and(eq(certifications.kindCode, 'ocop'), gte(certifications.stars, stars), validDuring(certifications, window.from, window.asOf))),
  );
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
 * The classifications a measure counts an organization by, in the window's year: the office's
 * effective ones, Tốt or Khá, or those of them that are Tốt or Khá; null for a measure that asks none.
 */
function classesCounted(measure: Measure, window: MeasureWindow): Classification[] | null {
  if (!measure.effective && !measure.goodOrFair) return null;
  const goodOrFair = (classification: Classification) => classification === 'good' || classification === 'fair';
  return measure.effective ? window.effective.filter((classification) => !measure.goodOrFair || goodOrFair(classification)) : ['good', 'fair'];
}

/** Which organizations a measure counts: its metric's existence rule, the scope and the flags. */
function organizationCondition(ctx: Context, measure: Measure, window: MeasureWindow): SQL | undefined {
  const classes = classesCounted(measure, window);
  const o = organizations;
  // Each says outright what its date index is kept for (not in the trash, the date known). Founded
  // is founded anew and ended is dissolved or bankrupt, as Tổng quan counts them: a reorganization
  // (chia, tách, hợp nhất, sáp nhập, chuyển đổi) neither founds nor dissolves a cooperative.
  const existence =
    measure.metric === 'founded'
      ? and(notInTrash(o), isNotNull(o.foundedOn), gte(o.foundedOn, window.from), lte(o.foundedOn, window.asOf), not(formedByReorganization(o.id)))
      : measure.metric === 'ended'
        ? and(notInTrash(o), isNotNull(o.endedOn), gte(o.endedOn, window.from), lte(o.endedOn, window.asOf), dissolvedOrBankrupt(o))
        : existsAtYearEnd(o, window.asOf);
  return and(
    existence,
    // A plan is this province's: a cooperative based elsewhere is in none of its targets.
    inHomeProvince(o),
    window.communeCodes.length ? inArray(o.communeCode, [...window.communeCodes]) : undefined,
    measure.kinds.length ? inArray(o.kind, measure.kinds) : undefined,
    // The group's codes, read once (a dozen rows), rather than a subquery for every organization.
    measure.sectorGroup ? inArray(o.sectorCode, sectorCodesOf(ctx, measure.sectorGroup)) : undefined,
    classes ? classifiedAs(ctx, window.figureYear, classes) : undefined,
    measure.linkedWithEnterprise ? linkedWithEnterpriseDuring(o.id, window.from, window.asOf) : undefined,
    // As literals, so that the partial indexes of the two flags are seen to serve.
    measure.valueChain ? sql`${o.valueChain} = 1` : undefined,
    measure.highTech ? sql`${o.highTech} = 1` : undefined,
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

// ---------------------------------------------------------------------------------------------
// From the statistics' counters

/** The kinds a measure takes: its own, or every kind. */
function kindsOf(measure: Measure): OrganizationKind[] | undefined {
  return measure.kinds.length ? [...measure.kinds] : undefined;
}

/**
 * A partial index of the register, or the province's: this province's organizations alone, read
 * before the costly tests of each — looked up in a set read first (certified), or tested one by one
 * through its own rows (linked with an enterprise).
 */
type OrganizationIndex = 'organizations_founded' | 'organizations_ended' | 'organizations_value_chain' | 'organizations_high_tech' | 'organizations_province';

/**
 * The register read through one of its indexes. The planner must be told (without statistics it
 * takes the index of kinds and reads two thirds of the register), which the query builder cannot
 * say; the condition must imply the index's own, as `organizationCondition`'s do.
 */
function indexed(index: OrganizationIndex): SQL {
  return sql`${organizations} INDEXED BY ${sql.identifier(index)}`;
}

/** Only the flags and the scope the counters are kept by (kind; sector for the plain count). */
function countersServe(measure: Measure, window: MeasureWindow): 'live' | 'figures' | null {
  if (window.communeCodes.length || measure.linkedWithEnterprise || measure.valueChain || measure.highTech || measure.ocopMinStars !== null) return null;
  if (measure.metric === 'organizations' && !measure.effective && !measure.goodOrFair) return 'live';
  if (measure.sectorGroup !== null) return null;
  if (measure.metric === 'organizations') return 'figures';
  if (isFigureMetric(measure.metric) && !measure.effective && !measure.goodOrFair) return 'figures';
  return null;
}

/** Organizations existing on the window's day, of the measure's kinds and sector, from the counters. */
function existingFromCounters(ctx: Context, measure: Measure, window: MeasureWindow): number {
  return existingOn(ctx, window.asOf, { kinds: kindsOf(measure), sectorCodes: measure.sectorGroup ? sectorCodesOf(ctx, measure.sectorGroup) : undefined });
}

/** The counter's columns by their names (`members_official` …). */
type FigureTotals = ReadonlyMap<string, number>;

/**
 * The sums of the figures of the window's year over the organizations of `kinds` existing on the
 * window's day. The counter holds them over those existing at the year's end; the organizations
 * founded or ended between that day and the window's (read from the date indexes, a few thousand
 * at most) are added or taken away with the very contributions the counter's triggers add.
 */
function figureTotalsOn(ctx: Context, kinds: OrganizationKind[] | undefined, window: MeasureWindow): FigureTotals {
  const t = statisticsFigureTotals;
  const stored = ctx.db
    .select(Object.fromEntries(figureContributions.map(([column]) => [column.name, sql<number>`coalesce(sum(${column}), 0)`])))
    .from(t)
    .where(and(eq(t.year, window.figureYear), inHomeProvince(t), kinds ? inArray(t.kind, kinds) : undefined))
    .get();
  const totals = new Map(figureContributions.map(([column]) => [column.name, stored?.[column.name] ?? 0]));
  const yearsEnd = yearEnd(window.figureYear);
  if (yearsEnd === window.asOf) return totals;
  const [early, late] = yearsEnd < window.asOf ? [yearsEnd, window.asOf] : [window.asOf, yearsEnd];
  const o = organizations;
  const f = columnsAs(yearlyFigures, getTableName(yearlyFigures));
  // 1 for one existing on the window's day and not at the year's end, -1 the other way round.
  const change = sql`(${existsAtYearEnd(o, window.asOf)} - ${existsAtYearEnd(o, yearsEnd)})`;
  const moved = (column: typeof o.foundedOn | typeof o.endedOn) => and(isNotNull(column), gt(column, early), lte(column, late));
  // Those founded between the two days, then those ended between them and not founded then too.
  const deltas = [
    { index: 'organizations_founded' as const, where: moved(o.foundedOn) },
    { index: 'organizations_ended' as const, where: and(moved(o.endedOn), sql`NOT coalesce(${moved(o.foundedOn)}, 0)`) },
  ].map(({ index, where }) =>
    ctx.db
      .select(Object.fromEntries(figureContributions.map(([column, of]) => [column.name, sql<number>`coalesce(sum(${change} * ${of(f)}), 0)`])))
      .from(indexed(index))
      .innerJoin(yearlyFigures, and(eq(yearlyFigures.organizationId, o.id), eq(yearlyFigures.year, window.figureYear)))
      .where(and(notInTrash(o), inHomeProvince(o), kinds ? inArray(o.kind, kinds) : undefined, where))
      .get(),
  );
  for (const [name, value] of totals) totals.set(name, value + deltas.reduce((sum, delta) => sum + (delta?.[name] ?? 0), 0));
  return totals;
}

/** A figure metric from the totals; null when none of those counted has the figure. */
function fromFigureTotals(metric: FigureMetric, totals: FigureTotals): number | null {
  const total = (name: string) => totals.get(name) ?? 0;
  if (metric === 'averageIncome') return total('income_workers') > 0 ? Math.round(total('income_weighted') / total('income_workers')) : null;
  if (metric === 'revenue') return total('revenue_count') > 0 ? total('revenue_sum') : null;
  if (total('reporting') === 0) return null;
  const names: Record<Exclude<FigureMetric, 'averageIncome' | 'revenue'>, string> = {
    members: 'members_official',
    workers: 'workers',
    managers: 'managers',
    managersWithDegree: 'managers_with_degree',
  };
  return total(names[metric]);
}

// ---------------------------------------------------------------------------------------------
// From the rows

/**
 * One measure over organizations counted from the rows, the window's figures joined when it reads
 * them; null when none it counts has what it reads (see `measureValues`). The classification is
 * tested in the sums rather than the condition, so that nobody classified is told from none counted.
 */
function organizationValueFromRows(ctx: Context, measure: Measure, window: MeasureWindow): number | null {
  const { metric } = measure;
  const f = yearlyFigures;
  const figure = isFigureMetric(metric) ? metric : null;
  const classes = classesCounted(measure, window);
  const withFigures = figure !== null || classes !== null;
  const taken = organizationCondition(ctx, { ...measure, effective: false, goodOrFair: false }, window);
  const counted = classes ? inArray(f.classification, classes) : sql`1`;
  const aggregate = {
    total:
      figure === 'averageIncome'
        ? sql<number | null>`sum(CASE WHEN ${counted} THEN ${f.averageIncome} * ${f.workers} END)`
        : sql<number | null>`sum(CASE WHEN ${counted} THEN ${figure ? figureOf(figure) : sql`1`} ELSE ${figure ? sql`NULL` : sql`0`} END)`,
    // Those that have the figure read, as the counters tell it (`fromFigureTotals`): the figures
    // rows, those with a revenue, or for income the workers it is averaged over.
    known:
      figure === 'averageIncome'
        ? sql<number | null>`sum(CASE WHEN ${counted} AND ${f.averageIncome} IS NOT NULL THEN ${f.workers} END)`
        : figure === 'revenue'
          ? sql<number>`count(${f.revenue})`
          : sql<number>`count(*)`,
    classified: sql<number>`count(${classes ? f.classification : sql`NULL`})`,
  };
  const index: OrganizationIndex | null =
    metric === 'founded'
      ? 'organizations_founded'
      : metric === 'ended'
        ? 'organizations_ended'
        : measure.linkedWithEnterprise || measure.ocopMinStars !== null
          ? 'organizations_province'
          : measure.valueChain
            ? 'organizations_value_chain'
            : measure.highTech
              ? 'organizations_high_tech'
              : null;
  const query = ctx.db.select(aggregate).from(index ? indexed(index) : organizations);
  const row = (withFigures ? query.innerJoin(f, and(eq(f.organizationId, organizations.id), eq(f.year, window.figureYear))) : query).where(taken).get();
  const total = row?.total ?? 0;
  const known = row?.known ?? 0;
  if (!withFigures) return total;
  if ((classes && !row?.classified) || known <= 0) return null;
  return figure === 'averageIncome' ? Math.round(total / known) : total;
}

// ---------------------------------------------------------------------------------------------
// Volumes connected and delivered

/** Connections (not in the trash, nor their offer or demand) whose seller is in the plan's scope. */
function connectionScope(measure: Measure, window: MeasureWindow): SQL | undefined {
  return and(
    notInTrash(supplyConnections),
    notInTrash(supplyOffers),
    notInTrash(supplyDemands),
    notInTrash(organizations),
    inHomeProvince(organizations),
    window.communeCodes.length ? inArray(organizations.communeCode, [...window.communeCodes]) : undefined,
    measure.kinds.length ? inArray(organizations.kind, measure.kinds) : undefined,
  );
}

/** A connection counted in a volume connected: made in the window, its quantity kept in `baseCode`. */
function connectedIn(measure: Measure, window: MeasureWindow, baseCode: string): SQL | undefined {
  return and(connectionScope(measure, window), eq(supplyConnections.baseUnitCode, baseCode), gte(supplyConnections.connectedOn, window.from), lte(supplyConnections.connectedOn, window.asOf));
}

/** A delivery counted in a volume delivered: recorded in the window on the agreement (not in the trash) a connection became. */
function deliveredIn(measure: Measure, window: MeasureWindow): SQL | undefined {
  return and(connectionScope(measure, window), notInTrash(agreements), gte(agreementDeliveries.deliveredOn, window.from), lte(agreementDeliveries.deliveredOn, window.asOf));
}

/** The buyer of a demand when it is a member rather than a partner. */
const buyerOrganization = alias(organizations, 'buyer');

const connectionFields = {
  id: supplyConnections.id,
  offerId: supplyOffers.id,
  product: supplyOffers.product,
  seller: organizations.name,
  buyer: sql<string>`coalesce(${partners.name}, ${buyerOrganization.name}, '')`,
  connectedOn: supplyConnections.connectedOn,
};

/** Connections with their offer, seller, demand and buyer joined, reading `extra` besides what a drill-down row shows. */
function connectionsWithSides<Extra extends SelectedFields>(ctx: Context, extra: Extra) {
  return ctx.db
    .select({ ...connectionFields, ...extra })
    .from(supplyConnections)
    .innerJoin(supplyOffers, eq(supplyOffers.id, supplyConnections.offerId))
    .innerJoin(organizations, eq(organizations.id, supplyOffers.organizationId))
    .innerJoin(supplyDemands, eq(supplyDemands.id, supplyConnections.demandId))
    .leftJoin(partners, eq(partners.id, supplyDemands.partnerId))
    .leftJoin(buyerOrganization, eq(buyerOrganization.id, supplyDemands.organizationId));
}

interface VolumeRow {
  offerId: number;
  product: string;
  seller: string;
  buyer: string;
  connectedOn: string;
  /** In the measure's unit. */
  quantity: number;
}

/**
 * The connections that count in a volume measure with the quantity each adds, in the measure's
 * unit: those connected in the window (their quantity is kept in its base unit, converted); or,
 * delivered, those with deliveries recorded in the window on the agreement each became (in the
 * commitment's unit as written, converted when it converts exactly). A quantity in a unit that
 * does not convert to the measure's is left out, never added across units.
 */
function volumeRows(ctx: Context, measure: Measure, window: MeasureWindow): VolumeRow[] {
  const units = volumeUnits(ctx, measure);
  if (!units) return [];
  const { all, unit, base } = units;
  const order = [asc(supplyConnections.connectedOn), asc(supplyConnections.id)];
  if (measure.metric === 'volumeConnected') {
    return connectionsWithSides(ctx, { baseQuantity: supplyConnections.baseQuantity })
      .where(connectedIn(measure, window, base.code))
      .orderBy(...order)
      .all()
      .map(({ baseQuantity, ...row }) => ({ ...row, quantity: convertQuantity(baseQuantity, base, unit) ?? 0 }));
  }
  return connectionsWithSides(ctx, { written: agreementCommitments.unit, delivered: sql<number>`sum(${agreementDeliveries.quantity})` })
    .innerJoin(agreementCommitments, eq(agreementCommitments.id, supplyConnections.commitmentId))
    .innerJoin(agreements, eq(agreements.id, agreementCommitments.agreementId))
    .innerJoin(agreementDeliveries, eq(agreementDeliveries.commitmentId, agreementCommitments.id))
    .where(deliveredIn(measure, window))
    .groupBy(supplyConnections.id)
    .orderBy(...order)
    .all()
    .flatMap(({ written, delivered, ...row }) => {
      const from = unitOfText(all.values(), written);
      // Summed per commitment first and rounded once, as the agreement's own fulfilment is.
      const quantity = from ? convertQuantity(roundQuantity(delivered), from, unit) : null;
      return quantity === null ? [] : [{ ...row, quantity }];
    });
}

/** The measure's unit and the base it converts through; none when the unit is no longer in Danh mục. */
function volumeUnits(ctx: Context, measure: Measure) {
  const all = unitsByCode(ctx);
  const unit = measure.unitCode === null ? undefined : all.get(measure.unitCode);
  const base = unit && all.get(baseOf(unit));
  return unit && base ? { all, unit, base } : null;
}

/**
 * A volume as one aggregate, with the rule of `volumeRows` (which lists what it adds): connected,
 * the period's connections summed in their base unit, read from the index of their day; delivered,
 * the period's deliveries summed per commitment, read from the index of their day.
 */
function volumeValue(ctx: Context, measure: Measure, window: MeasureWindow): number {
  const units = volumeUnits(ctx, measure);
  if (!units) return 0;
  const { all, unit, base } = units;
  if (measure.metric === 'volumeConnected') {
    const total =
      ctx.db
        .select({ total: sql<number | null>`sum(${supplyConnections.baseQuantity})` })
        .from(supplyConnections)
        .innerJoin(supplyOffers, eq(supplyOffers.id, supplyConnections.offerId))
        .innerJoin(organizations, eq(organizations.id, supplyOffers.organizationId))
        .innerJoin(supplyDemands, eq(supplyDemands.id, supplyConnections.demandId))
        .where(connectedIn(measure, window, base.code))
        .get()?.total ?? 0;
    return roundQuantity(convertQuantity(total, base, unit) ?? 0);
  }
  const perCommitment = ctx.db
    .select({ written: agreementCommitments.unit, delivered: sql<number>`sum(${agreementDeliveries.quantity})` })
    .from(agreementDeliveries)
    .innerJoin(supplyConnections, eq(supplyConnections.commitmentId, agreementDeliveries.commitmentId))
    .innerJoin(agreementCommitments, eq(agreementCommitments.id, agreementDeliveries.commitmentId))
    .innerJoin(agreements, eq(agreements.id, agreementCommitments.agreementId))
    .innerJoin(supplyOffers, eq(supplyOffers.id, supplyConnections.offerId))
    .innerJoin(organizations, eq(organizations.id, supplyOffers.organizationId))
    .innerJoin(supplyDemands, eq(supplyDemands.id, supplyConnections.demandId))
    .where(deliveredIn(measure, window))
    .groupBy(agreementDeliveries.commitmentId)
    .all();
  // A unit written freely on the commitment is matched once per spelling.
  const unitOf = new Map<string, ReturnType<typeof unitOfText>>();
  const total = perCommitment.reduce((sum, { written, delivered }) => {
    if (!unitOf.has(written)) unitOf.set(written, unitOfText(all.values(), written));
    const from = unitOf.get(written);
    // Summed per commitment first and rounded once, as the agreement's own fulfilment is.
    return sum + (from ? (convertQuantity(roundQuantity(delivered), from, unit) ?? 0) : 0);
  }, 0);
  return roundQuantity(total);
}

// ---------------------------------------------------------------------------------------------
// Values

/** The value of one measure in a window; null for one of the yearly figures that none of those it counts has. */
function measureValue(ctx: Context, measure: Measure, window: MeasureWindow, figureTotals: (kinds: OrganizationKind[] | undefined) => FigureTotals): number | null {
  const { metric } = measure;
  if (metric === 'events') return eventsValue(ctx, measure, window);
  if (metric === 'agreements' || metric === 'agreementValue') return agreementsValue(ctx, measure, window);
  if (isVolumeMetric(metric)) return volumeValue(ctx, measure, window);
  const counters = countersServe(measure, window);
  if (counters === 'live') return existingFromCounters(ctx, measure, window);
  if (counters === 'figures') {
    const totals = figureTotals(kindsOf(measure));
    if (isFigureMetric(metric)) return fromFigureTotals(metric, totals);
    // Organizations by their classification in the year; not known while nobody is classified.
    const classified = (classes: readonly Classification[]) => classes.reduce((total, classification) => total + (totals.get(classification) ?? 0), 0);
    return classified(classifications) === 0 ? null : classified(classesCounted(measure, window) ?? []);
  }
  return organizationValueFromRows(ctx, measure, window);
}

/**
 * The values of several measures in one window, each one aggregate; a measure that several targets
 * share (the count of HTX as the denominator of three shares and a target of its own) is taken once,
 * and the figure totals of a set of kinds are read once for every measure that needs them. A measure
 * of the yearly figures that none of the organizations it counts has reported (their figures, their
 * revenue, their income, their classification) is null, «Chưa có số liệu», not 0: revenue unknown
 * is not none.
 */
export function measureValues(ctx: Context, measures: readonly Measure[], window: MeasureWindow): (number | null)[] {
  const totals = new Map<string, FigureTotals>();
  const figureTotals = (kinds: OrganizationKind[] | undefined) => {
    const key = kinds ? [...kinds].sort().join(',') : '';
    let found = totals.get(key);
    if (!found) {
      found = figureTotalsOn(ctx, kinds, window);
      totals.set(key, found);
    }
    return found;
  };
  const taken = new Map<string, number | null>();
  return measures.map((measure) => {
    // Keyed by what it says, whatever order its fields were stored in.
    const key = JSON.stringify(measure, Object.keys(measure).sort());
    if (!taken.has(key)) taken.set(key, measureValue(ctx, measure, window, figureTotals));
    return taken.get(key) ?? null;
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

/**
 * What a drill-down row says of an organization: its commune, and for a count of those founded or
 * ended, the day and how it ended («Xã Thạnh Đông · giải thể ngày 03/12/2026»).
 */
function organizationDetail(ctx: Context, metric: Metric, row: { communeCode: string; foundedOn: string | null; endedOn: string | null; status: OrganizationStatus }): string {
  const when =
    metric === 'founded' && row.foundedOn !== null
      ? `thành lập ngày ${formatIsoDateVi(row.foundedOn)}`
      : metric === 'ended' && row.endedOn !== null
        ? `${organizationEndingNames[row.status] ?? 'chấm dứt'} ngày ${formatIsoDateVi(row.endedOn)}`
        : '';
  return [communeName(ctx, row.communeCode), when].filter(Boolean).join(' · ');
}

function organizationRows(ctx: Context, measure: Measure, where: SQL | undefined, window: MeasureWindow, page: { page: number; pageSize: number }): Page<DrillRow> {
  const figure = isFigureMetric(measure.metric) ? measure.metric : null;
  const o = organizations;
  const base = ctx.db
    .select({ id: o.id, name: o.name, communeCode: o.communeCode, foundedOn: o.foundedOn, endedOn: o.endedOn, status: o.status, value: figure ? figureOf(figure) : sql<null>`NULL` })
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
    rows: rows.map((row) => ({ kind: 'organization', id: row.id, name: row.name, detail: organizationDetail(ctx, measure.metric, row), value: row.value })),
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
  if (isVolumeMetric(metric)) {
    const rows = volumeRows(ctx, measure, window);
    return {
      total: rows.length,
      rows: rows.slice((page.page - 1) * page.pageSize, page.page * page.pageSize).map((row) => ({
        kind: 'offer',
        id: row.offerId,
        name: `${row.product} — ${row.seller}`,
        detail: `${formatIsoDateVi(row.connectedOn)}, ${row.buyer}`,
        value: row.quantity,
      })),
    };
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
