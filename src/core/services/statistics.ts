/**
 * Thống kê: the register at a glance for one year against the year before, computed from the
 * register and the yearly figures. Each organization counts once per year: only those existing at
 * the end of the year (see `existingInYear` in db/predicates.ts), so one merged into another is counted in its successor.
 * Only this province's organizations count (`inHomeProvince`): one based elsewhere is in the
 * register, never in its statistics.
 */
import { and, eq, getTableColumns, gt, gte, isNotNull, lte, ne, sql, type SQL } from 'drizzle-orm';
import type {
  ClassificationCounts,
  CommuneCount,
  KindCounts,
  SectorCount,
  SectorGroupCount,
  StatisticsOverview,
  statisticsContract,
  YearStatistics,
} from '../../shared/contracts/statistics';
import type { OrganizationKind, SectorGroup } from '../../shared/domain';
import { todayIso, type Context } from '../context';
import { dissolvedOrBankrupt, formedByReorganization, inHomeProvince, notInTrash, yearEnd } from '../db/predicates';
import { agreementsOfPeriod, promotionFigures } from './promotion';
import { figuresReported, reportedYear } from './figureYear';
import { communes, organizations, sectors, statisticsCommuneCounts, statisticsFigureTotals, statisticsKindSectorCounts, yearlyFigures } from '../db/schema';
import type { HandlersFor } from '../handlerTypes';

const UNKNOWN_SECTOR_NAME = 'Chưa rõ lĩnh vực';

function emptyKindCounts(): KindCounts {
  return { htx: 0, lhhtx: 0, tht: 0, qtdnd: 0, total: 0 };
}

function addToKind(counts: KindCounts, kind: OrganizationKind, value: number): void {
  counts[kind] += value;
  counts.total += value;
}

function lastDayOf(year: number): string {
  return `${String(year).padStart(4, '0')}-12-31`;
}

function firstDayOf(year: number): string {
  return `${String(year).padStart(4, '0')}-01-01`;
}

function roundedRatio(sum: number, divisor: number): number | null {
  return divisor > 0 ? Math.round(sum / divisor) : null;
}

interface Pair<T> {
  current: T;
  previous: T;
}

/** Counts of one year: existing by commune and by (kind, sector); its comings and goings by kind. */
interface YearCounts {
  byCommune: Map<string, number>;
  /** Keyed `kind|sector`, sector '' when unknown. */
  byKindSector: Map<string, number>;
  founded: KindCounts;
  formedByReorganization: KindCounts;
  endedByReorganization: KindCounts;
  dissolved: KindCounts;
}

function add<K>(map: Map<K, number>, key: K, value: number): void {
  map.set(key, (map.get(key) ?? 0) + value);
}

interface GroupRow {
  commune: string;
  kind: OrganizationKind;
  sector: string;
  n: number;
}

/**
 * The organizations existing at the end of `year` (`existingInYear`), by commune and by kind and
 * sector, without reading the register row by row: the counters of organizations not in the trash
 * (db/derived.ts, kept by triggers), less those founded after the year or ended by it, found in
 * the two date indexes (a few thousand rows at national scale), plus back those that are both (a
 * founding date after an end date: counted twice otherwise).
 */
function yearCounts(ctx: Context, year: number, live: { byCommune: Map<string, number>; byKindSector: Map<string, number> }): YearCounts {
  const last = lastDayOf(year);
  const o = organizations;
  // The planner must be told to read the date indexes (it would read the table), which the query
  // builder cannot say: these queries are SQL, on the schema's columns.
  const indexed = (index: 'organizations_founded' | 'organizations_ended') => sql`${o} INDEXED BY ${sql.identifier(index)}`;
  const place = sql`${o.communeCode} AS commune, ${o.kind} AS kind, coalesce(${o.sectorCode}, '') AS sector, count(*) AS n`;
  const foundedLater = ctx.db.all<GroupRow>(sql`
    SELECT ${place} FROM ${indexed('organizations_founded')}
    WHERE ${and(notInTrash(o), isNotNull(o.foundedOn), gt(o.foundedOn, last), inHomeProvince(o))} GROUP BY 1, 2, 3`);
  const endedBy = ctx.db.all<GroupRow & { both: number }>(sql`
    SELECT ${place}, coalesce(sum(${o.foundedOn} > ${last}), 0) AS both FROM ${indexed('organizations_ended')}
    WHERE ${and(notInTrash(o), isNotNull(o.endedOn), lte(o.endedOn, last), inHomeProvince(o))} GROUP BY 1, 2, 3`);

  const byCommune = new Map(live.byCommune);
  const byKindSector = new Map(live.byKindSector);
  const subtract = (row: GroupRow, n: number) => {
    add(byCommune, row.commune, -n);
    add(byKindSector, `${row.kind}|${row.sector}`, -n);
  };
  for (const row of foundedLater) subtract(row, row.n);
  for (const row of endedBy) subtract(row, row.n - row.both);

  // Those founded, or ended, in the year by kind, told apart by `which`: [those it holds for, the others].
  const byKind = (column: typeof o.foundedOn | typeof o.endedOn, index: 'organizations_founded' | 'organizations_ended', which: SQL): [KindCounts, KindCounts] => {
    const [holding, others] = [emptyKindCounts(), emptyKindCounts()];
    const rows = ctx.db.all<{ kind: OrganizationKind; holds: number; n: number }>(sql`
      SELECT ${o.kind} AS kind, ${which} AS holds, count(*) AS n FROM ${indexed(index)}
      WHERE ${and(notInTrash(o), isNotNull(column), gte(column, firstDayOf(year)), lte(column, last), inHomeProvince(o))} GROUP BY 1, 2`);
    for (const row of rows) addToKind(row.holds ? holding : others, row.kind, row.n);
    return [holding, others];
  };
  const [formed, founded] = byKind(o.foundedOn, 'organizations_founded', formedByReorganization(o.id));
  const [dissolved, reorganized] = byKind(o.endedOn, 'organizations_ended', dissolvedOrBankrupt(o));
  return { byCommune, byKindSector, founded, formedByReorganization: formed, endedByReorganization: reorganized, dissolved };
}

/** This province's organizations not in the trash, by commune and by kind and sector: the derived counters. */
function liveCounts(ctx: Context) {
  const byCommune = new Map(
    ctx.db
      .select({ code: statisticsCommuneCounts.communeCode, n: statisticsCommuneCounts.live })
      .from(statisticsCommuneCounts)
      .where(and(ne(statisticsCommuneCounts.live, 0), inHomeProvince(statisticsCommuneCounts)))
      .all()
      .map((row) => [row.code, row.n] as const),
  );
  const byKindSector = new Map(
    ctx.db
      .select({ kind: statisticsKindSectorCounts.kind, sector: statisticsKindSectorCounts.sectorCode, n: sql<number>`sum(${statisticsKindSectorCounts.live})` })
      .from(statisticsKindSectorCounts)
      .where(and(ne(statisticsKindSectorCounts.live, 0), inHomeProvince(statisticsKindSectorCounts)))
      // Kept per province: before the alliance's record is saved every province is this one.
      .groupBy(statisticsKindSectorCounts.kind, statisticsKindSectorCounts.sectorCode)
      .all()
      .map((row) => [`${row.kind}|${row.sector}`, row.n] as const),
  );
  return { byCommune, byKindSector };
}

interface FigureTotals {
  reporting: number;
  membersOfficial: number;
  membersAssociate: number;
  workers: number;
  averageRevenuePerCooperative: number | null;
  averageProfitPerCooperative: number | null;
  averageIncomePerWorker: number | null;
  classified: Omit<ClassificationCounts, 'unclassified'>;
}

/** A year's figure totals of this province's organizations of one kind, as `statistics_figure_totals` keeps them. */
export function storedFigureTotals(ctx: Context, year: number) {
  const { year: _year, provinceCode: _province, kind, ...columns } = getTableColumns(statisticsFigureTotals);
  // Kept per province: before the alliance's record is saved every province is this one.
  const sums = Object.fromEntries(Object.entries(columns).map(([name, column]) => [name, sql<number>`sum(${column})`])) as { [K in keyof typeof columns]: SQL<number> };
  return ctx.db
    .select({ kind, ...sums })
    .from(statisticsFigureTotals)
    .where(and(eq(statisticsFigureTotals.year, year), ne(statisticsFigureTotals.reporting, 0), inHomeProvince(statisticsFigureTotals)))
    .groupBy(kind)
    .orderBy(kind)
    .all();
}

type FigureTotalsRow = ReturnType<typeof storedFigureTotals>[number];

/** The kinds that are classified (xếp loại): HTX and LH HTX. */
const classifiedKinds: readonly OrganizationKind[] = ['htx', 'lhhtx'];

/** Sums and averages over one year's figures of the organizations existing that year. */
function figureTotals(ctx: Context, year: number): FigureTotals {
  const rows = storedFigureTotals(ctx, year);
  const sum = (pick: (row: FigureTotalsRow) => number) => rows.reduce((total, row) => total + pick(row), 0);
  // Revenue and profit are averaged over cooperatives (HTX) only.
  const cooperatives = rows.find((row) => row.kind === 'htx');
  const sumClassified = (pick: (row: FigureTotalsRow) => number) =>
    rows.filter((row) => classifiedKinds.includes(row.kind)).reduce((total, row) => total + pick(row), 0);
  return {
    reporting: sum((row) => row.reporting),
    membersOfficial: sum((row) => row.membersOfficial),
    membersAssociate: sum((row) => row.membersAssociate),
    workers: sum((row) => row.workers),
    averageRevenuePerCooperative: roundedRatio(cooperatives?.revenueSum ?? 0, cooperatives?.revenueCount ?? 0),
    averageProfitPerCooperative: roundedRatio(cooperatives?.profitSum ?? 0, cooperatives?.profitCount ?? 0),
    averageIncomePerWorker: roundedRatio(sum((row) => row.incomeWeighted), sum((row) => row.incomeWorkers)),
    // Xếp loại is of cooperatives and their unions; a THT or a credit fund is never classified,
    // so counting them would read as "not yet classified".
    classified: {
      good: sumClassified((row) => row.good),
      fair: sumClassified((row) => row.fair),
      average: sumClassified((row) => row.average),
      weak: sumClassified((row) => row.weak),
    },
  };
}

/**
 * The communes the register has organizations in, with their names and places in Vietnamese
 * alphabetical order, joined from the `communes` table; one not in it keeps its code as its name.
 */
function communesCounted(ctx: Context): Map<string, { name: string; provinceCode: string; rank: number }> {
  const rows = ctx.db
    .select({ code: statisticsCommuneCounts.communeCode, type: communes.type, name: communes.name, provinceCode: communes.provinceCode, rank: communes.sortOrder })
    .from(statisticsCommuneCounts)
    .leftJoin(communes, eq(communes.code, statisticsCommuneCounts.communeCode))
    .where(ne(statisticsCommuneCounts.live, 0))
    .all();
  return new Map(
    rows.map((row) => [row.code, { name: row.name === null ? row.code : `${row.type ?? ''} ${row.name}`.trim(), provinceCode: row.provinceCode ?? '', rank: row.rank ?? Infinity }]),
  );
}

export function statisticsOverview(ctx: Context, year: number): StatisticsOverview {
  const live = liveCounts(ctx);
  const sectorRows = ctx.db.select().from(sectors).orderBy(sectors.sortOrder).all();
  const sectorOrder = new Map(sectorRows.map((row, index) => [row.code, index]));
  const counted = communesCounted(ctx);
  // Ties in count go in the communes' alphabetical order (by name, then type and code: names repeat across provinces).
  const rankOf = (code: string) => counted.get(code)?.rank ?? Infinity;
  const communeCompare = (a: CommuneCount, b: CommuneCount) => rankOf(a.code) - rankOf(b.code) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

  const build = (which: keyof Pair<unknown>): YearStatistics => {
    const theYear = which === 'current' ? year : year - 1;
    const counts = yearCounts(ctx, theYear, live);

    const existing = emptyKindCounts();
    const sectorCounts = new Map<string, number>();
    for (const [key, count] of counts.byKindSector) {
      const [kind, sector] = key.split('|') as [OrganizationKind, string];
      addToKind(existing, kind, count);
      add(sectorCounts, sector, count);
    }

    const bySector: SectorCount[] = [];
    const groupCounts = new Map<SectorGroup | null, number>();
    for (const [key, count] of sectorCounts) {
      if (count === 0) continue;
      const code = key === '' ? null : key;
      const sector = code === null ? undefined : sectorRows[sectorOrder.get(code) ?? -1];
      const group = sector?.group ?? null;
      bySector.push({ code, name: sector?.name ?? UNKNOWN_SECTOR_NAME, group, count });
      groupCounts.set(group, (groupCounts.get(group) ?? 0) + count);
    }
    const orderOf = (code: string | null) => (code === null ? Infinity : (sectorOrder.get(code) ?? Infinity));
    bySector.sort((a, b) => orderOf(a.code) - orderOf(b.code) || ((a.code ?? '') < (b.code ?? '') ? -1 : 1));
    const bySectorGroup: SectorGroupCount[] = (['agriculture', 'non_agriculture', null] as const)
      .filter((group) => groupCounts.has(group))
      .map((group) => ({ group, count: groupCounts.get(group) ?? 0 }));

    const byCommune: CommuneCount[] = [];
    for (const [code, count] of counts.byCommune) {
      if (count === 0) continue;
      const commune = counted.get(code);
      byCommune.push({ code, name: commune?.name ?? code, provinceCode: commune?.provinceCode ?? '', count });
    }
    byCommune.sort((a, b) => b.count - a.count || communeCompare(a, b));

    const { classified, ...figures } = figureTotals(ctx, theYear);
    const classifiedTotal = classified.good + classified.fair + classified.average + classified.weak;
    return {
      year: theYear,
      organizations: existing,
      bySectorGroup,
      bySector,
      byCommune,
      founded: counts.founded,
      formedByReorganization: counts.formedByReorganization,
      endedByReorganization: counts.endedByReorganization,
      dissolved: counts.dissolved,
      ...figures,
      figuresReported: figuresReported(ctx, theYear, figures.reporting, existing.total),
      classification: { ...classified, unclassified: classifiedKinds.reduce((sum, kind) => sum + existing[kind], 0) - classifiedTotal },
    };
  };

  const [from, to] = [`${year}-01-01`, yearEnd(year)];
  return {
    current: build('current'),
    previous: build('previous'),
    promotion: promotionFigures(ctx, from, to),
    agreements: agreementsOfPeriod(ctx, from, to),
  };
}

/** The years that have yearly figures, newest first. */
export function statisticsYears(ctx: Context): number[] {
  // Walks the year index one distinct value at a time (a seek per year) instead of reading every
  // figure row: there are a handful of years and up to millions of rows.
  const rows = ctx.db.all<{ year: number }>(sql`
    WITH RECURSIVE years(year) AS (
      SELECT max(${yearlyFigures.year}) FROM ${yearlyFigures}
      UNION ALL
      SELECT (SELECT max(${yearlyFigures.year}) FROM ${yearlyFigures} WHERE ${yearlyFigures.year} < years.year)
      FROM years WHERE years.year IS NOT NULL
    )
    SELECT year FROM years WHERE year IS NOT NULL`);
  return rows.map((row) => row.year);
}

export const statisticsHandlers: HandlersFor<typeof statisticsContract> = {
  'statistics:overview': (ctx, { year }) => statisticsOverview(ctx, year),
  'statistics:years': (ctx) => statisticsYears(ctx),
  'statistics:reportedYear': (ctx) => reportedYear(ctx, Number(todayIso(ctx).slice(0, 4))),
};
