/**
 * Thống kê: the register at a glance for one year against the year before, computed from the
 * register and the yearly figures. Each organization counts once per year: only those existing at
 * the end of the year (see `existingInYear`), so one merged into another is counted in its successor.
 */
import { and, eq, gte, isNull, lte, sql, type SQL } from 'drizzle-orm';
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
import { vietnameseCollator } from '../../shared/text';
import type { Context } from '../context';
import { organizations, sectors, yearlyFigures } from '../db/schema';
import type { HandlersFor } from '../handlerTypes';
import { existingInYear } from './lifecycle';

const UNKNOWN_SECTOR_NAME = 'Chưa rõ lĩnh vực';

function emptyKindCounts(): KindCounts {
  return { htx: 0, lhhtx: 0, tht: 0, qtdnd: 0, total: 0 };
}

function addToKind(counts: KindCounts, kind: OrganizationKind, value: number): void {
  counts[kind] += value;
  counts.total += value;
}

/** 1 when the condition holds, else 0: summed, it counts rows in one pass over several conditions. */
function countIf(condition: SQL): SQL<number> {
  return sql<number>`coalesce(sum(CASE WHEN ${condition} THEN 1 ELSE 0 END), 0)`;
}

function withinYear(column: typeof organizations.foundedOn | typeof organizations.endedOn, year: number): SQL {
  const y = String(year).padStart(4, '0');
  return and(gte(column, `${y}-01-01`), lte(column, `${y}-12-31`)) as SQL;
}

function roundedRatio(sum: number, divisor: number): number | null {
  return divisor > 0 ? Math.round(sum / divisor) : null;
}

interface Pair<T> {
  current: T;
  previous: T;
}

/** Counts of organizations by kind, sector and commune for both years, in three grouped scans. */
function organizationCounts(ctx: Context, year: number) {
  const existsNow = countIf(existingInYear(year));
  const existedBefore = countIf(existingInYear(year - 1));
  const notDeleted = isNull(organizations.deletedAt);

  const byKind = ctx.db
    .select({
      kind: organizations.kind,
      now: existsNow,
      before: existedBefore,
      foundedNow: countIf(withinYear(organizations.foundedOn, year)),
      foundedBefore: countIf(withinYear(organizations.foundedOn, year - 1)),
      endedNow: countIf(withinYear(organizations.endedOn, year)),
      endedBefore: countIf(withinYear(organizations.endedOn, year - 1)),
    })
    .from(organizations)
    .where(notDeleted)
    .groupBy(organizations.kind)
    .all();
  const bySector = ctx.db
    .select({ code: organizations.sectorCode, now: existsNow, before: existedBefore })
    .from(organizations)
    .where(notDeleted)
    .groupBy(organizations.sectorCode)
    .all();
  const byCommune = ctx.db
    .select({ code: organizations.communeCode, now: existsNow, before: existedBefore })
    .from(organizations)
    .where(notDeleted)
    .groupBy(organizations.communeCode)
    .all();
  return { byKind, bySector, byCommune };
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

/** Sums and averages over one year's figures of the organizations existing that year. */
function figureTotals(ctx: Context, year: number): FigureTotals {
  const f = yearlyFigures;
  const isCooperative = sql`${organizations.kind} = 'htx'`;
  const row = ctx.db
    .select({
      reporting: sql<number>`count(*)`,
      membersOfficial: sql<number>`coalesce(sum(${f.membersOfficial}), 0)`,
      membersAssociate: sql<number>`coalesce(sum(${f.membersAssociate}), 0)`,
      workers: sql<number>`coalesce(sum(${f.workers}), 0)`,
      revenueSum: sql<number>`coalesce(sum(CASE WHEN ${isCooperative} THEN ${f.revenue} END), 0)`,
      revenueCount: sql<number>`count(CASE WHEN ${isCooperative} THEN ${f.revenue} END)`,
      profitSum: sql<number>`coalesce(sum(CASE WHEN ${isCooperative} THEN ${f.profit} END), 0)`,
      profitCount: sql<number>`count(CASE WHEN ${isCooperative} THEN ${f.profit} END)`,
      // Income is per worker: weigh each organization's figure by its workers.
      incomeWeighted: sql<number>`coalesce(sum(${f.averageIncome} * ${f.workers}), 0)`,
      incomeWorkers: sql<number>`coalesce(sum(CASE WHEN ${f.averageIncome} IS NOT NULL THEN ${f.workers} END), 0)`,
      good: countIf(sql`${f.classification} = 'good'`),
      fair: countIf(sql`${f.classification} = 'fair'`),
      average: countIf(sql`${f.classification} = 'average'`),
      weak: countIf(sql`${f.classification} = 'weak'`),
    })
    .from(f)
    .innerJoin(organizations, eq(organizations.id, f.organizationId))
    .where(and(eq(f.year, year), existingInYear(year)))
    .get();
  if (!row) throw new Error('an aggregate query returns one row');
  return {
    reporting: row.reporting,
    membersOfficial: row.membersOfficial,
    membersAssociate: row.membersAssociate,
    workers: row.workers,
    averageRevenuePerCooperative: roundedRatio(row.revenueSum, row.revenueCount),
    averageProfitPerCooperative: roundedRatio(row.profitSum, row.profitCount),
    averageIncomePerWorker: roundedRatio(row.incomeWeighted, row.incomeWorkers),
    classified: { good: row.good, fair: row.fair, average: row.average, weak: row.weak },
  };
}

export function statisticsOverview(ctx: Context, year: number): StatisticsOverview {
  const counts = organizationCounts(ctx, year);
  const sectorRows = ctx.db.select().from(sectors).orderBy(sectors.sortOrder).all();
  const sectorOrder = new Map(sectorRows.map((row, index) => [row.code, index]));

  const build = (which: keyof Pair<unknown>): YearStatistics => {
    const theYear = which === 'current' ? year : year - 1;
    const pick = (row: { now: number; before: number }) => (which === 'current' ? row.now : row.before);

    const existing = emptyKindCounts();
    const founded = emptyKindCounts();
    const ended = emptyKindCounts();
    for (const row of counts.byKind) {
      addToKind(existing, row.kind, pick(row));
      addToKind(founded, row.kind, which === 'current' ? row.foundedNow : row.foundedBefore);
      addToKind(ended, row.kind, which === 'current' ? row.endedNow : row.endedBefore);
    }

    const bySector: SectorCount[] = [];
    const groupCounts = new Map<SectorGroup | null, number>();
    for (const row of counts.bySector) {
      const count = pick(row);
      if (count === 0) continue;
      const sector = row.code === null ? undefined : sectorRows[sectorOrder.get(row.code) ?? -1];
      const group = sector?.group ?? null;
      bySector.push({ code: row.code, name: sector?.name ?? UNKNOWN_SECTOR_NAME, group, count });
      groupCounts.set(group, (groupCounts.get(group) ?? 0) + count);
    }
    const orderOf = (code: string | null) => (code === null ? Infinity : (sectorOrder.get(code) ?? Infinity));
    bySector.sort((a, b) => orderOf(a.code) - orderOf(b.code));
    const bySectorGroup: SectorGroupCount[] = (['agriculture', 'non_agriculture', null] as const)
      .filter((group) => groupCounts.has(group))
      .map((group) => ({ group, count: groupCounts.get(group) ?? 0 }));

    const byCommune: CommuneCount[] = [];
    for (const row of counts.byCommune) {
      const count = pick(row);
      if (count === 0) continue;
      const commune = ctx.places.commune(row.code);
      byCommune.push({
        code: row.code,
        name: commune?.fullName ?? row.code,
        provinceCode: commune?.provinceCode ?? '',
        count,
      });
    }
    byCommune.sort((a, b) => b.count - a.count || vietnameseCollator.compare(a.name, b.name));

    const { classified, ...figures } = figureTotals(ctx, theYear);
    const classifiedTotal = classified.good + classified.fair + classified.average + classified.weak;
    return {
      year: theYear,
      organizations: existing,
      bySectorGroup,
      bySector,
      byCommune,
      founded,
      ended,
      ...figures,
      classification: { ...classified, unclassified: existing.total - classifiedTotal },
    };
  };

  return { current: build('current'), previous: build('previous') };
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
};
