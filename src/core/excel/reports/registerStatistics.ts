/**
 * Báo cáo thống kê: the register's statistics for one year by kind, by sector and by commune, with
 * the organizations founded anew, formed and ended by reorganization, and dissolved in the year. The counts by kind, the figures and the
 * classification come from the statistics service (the same numbers the chairperson sees on
 * Tổng quan); the split of each sector's and commune's count by kind, and what came and went
 * there, are counted here under the same rule of existence (`existingInYear`), this
 * province's organizations only (`inHomeProvince`).
 */
import { and, count, gte, inArray, isNotNull, lte, sql, type SQL } from 'drizzle-orm';
import { organizationKinds, type OrganizationKind } from '../../../shared/domain';
import type { Context } from '../../context';
import { communes, organizations, sectors } from '../../db/schema';
import { dissolvedOrBankrupt, existingInYear, formedByReorganization, inHomeProvince, notInTrash } from '../../db/predicates';
import { statisticsOverview, storedFigureTotals } from '../../services/statistics';
import { formatCount } from '../../../shared/format';
import type { Row, SheetData } from '../write/writer';
import { periodOfYear } from './frame';

/** The year's comings and goings, as Tổng quan tells them apart (`YearStatistics`). */
interface Flows {
  founded: number;
  formedByReorganization: number;
  endedByReorganization: number;
  dissolved: number;
}

type KindSplit = Record<OrganizationKind, number> & { total: number } & Flows;

function emptySplit(): KindSplit {
  return { htx: 0, lhhtx: 0, tht: 0, qtdnd: 0, total: 0, founded: 0, formedByReorganization: 0, endedByReorganization: 0, dissolved: 0 };
}

/** Existing organizations by (key, kind), and what came and went in the year by key. */
function splitBy(ctx: Context, year: number, key: SQL): Map<string, KindSplit> {
  const [first, last] = [`${year}-01-01`, `${year}-12-31`];
  const splits = new Map<string, KindSplit>();
  const splitOf = (code: string) => {
    let split = splits.get(code);
    if (!split) splits.set(code, (split = emptySplit()));
    return split;
  };
  const existing = ctx.db
    .select({ code: sql<string>`${key}`, kind: organizations.kind, n: count() })
    .from(organizations)
    .where(existingInYear(year))
    .groupBy(key, organizations.kind)
    .all();
  for (const row of existing) {
    const split = splitOf(row.code);
    split[row.kind] += row.n;
    split.total += row.n;
  }
  // Founded, or ended, in the year by key, told apart by `which` into the flow it holds for and the other.
  const within = (column: typeof organizations.foundedOn | typeof organizations.endedOn, which: SQL, holding: keyof Flows, others: keyof Flows) => {
    const rows = ctx.db
      .select({ code: sql<string>`${key}`, holds: sql<number>`${which}`, n: count() })
      .from(organizations)
      .where(and(notInTrash(organizations), inHomeProvince(organizations), isNotNull(column), gte(column, first), lte(column, last)))
      .groupBy(key, which)
      .all();
    for (const row of rows) splitOf(row.code)[row.holds ? holding : others] += row.n;
  };
  within(organizations.foundedOn, formedByReorganization(organizations.id), 'formedByReorganization', 'founded');
  within(organizations.endedOn, dissolvedOrBankrupt(organizations), 'dissolved', 'endedByReorganization');
  return splits;
}

function rowsOf(table: Row[]): SheetData {
  return { rows: table, count: table.length };
}

/** What a figure cell holds where no organization reported it: not a 0, which would read as counted. */
const NOT_REPORTED = '—';

/** The columns of the yearly figures, summed in the totals row over the kinds that reported them. */
const figureColumns = ['membersOfficial', 'membersAssociate', 'workers', 'good', 'fair', 'average', 'weak'] as const;

/**
 * The report's period line: the year, and, while its figures are not yet reported (the rule of
 * Tổng quan, core/services/figureYear.ts), how few have reported, so that sums of the first few
 * are never read as the year's.
 */
export function registerStatisticsPeriod(ctx: Context, year: number): string {
  const { current } = statisticsOverview(ctx, year);
  if (current.figuresReported) return periodOfYear(year);
  if (current.reporting === 0) return `${periodOfYear(year)} — chưa có tổ chức nào báo cáo số liệu hằng năm`;
  return `${periodOfYear(year)} — số liệu hằng năm mới có ${formatCount(current.reporting)}/${formatCount(current.organizations.total)} tổ chức báo cáo, chưa đủ để tổng hợp`;
}

export function registerStatisticsTables(ctx: Context, year: number): Record<string, SheetData> {
  const { current } = statisticsOverview(ctx, year);
  const figures = new Map(storedFigureTotals(ctx, year).map((row) => [row.kind, row]));

  const byKind = organizationKinds.map((kind): Row => {
    const row = figures.get(kind);
    const classified = (row?.good ?? 0) + (row?.fair ?? 0) + (row?.average ?? 0) + (row?.weak ?? 0);
    return {
      kind,
      existing: current.organizations[kind],
      founded: current.founded[kind],
      formedByReorganization: current.formedByReorganization[kind],
      endedByReorganization: current.endedByReorganization[kind],
      dissolved: current.dissolved[kind],
      reporting: row?.reporting ?? 0,
      ...Object.fromEntries(figureColumns.map((key) => [key, row ? row[key] : NOT_REPORTED])),
      unclassified: current.organizations[kind] - classified,
      averageRevenue: row && row.revenueCount > 0 ? Math.round(row.revenueSum / row.revenueCount) : NOT_REPORTED,
    };
  });
  const revenue = [...figures.values()].reduce((sum, row) => ({ total: sum.total + row.revenueSum, count: sum.count + row.revenueCount }), { total: 0, count: 0 });
  // The kinds that reported (`storedFigureTotals` leaves out those none of which did), added up.
  const figureTotals = Object.fromEntries(
    figureColumns.map((key) => [key, figures.size > 0 ? [...figures.values()].reduce((sum, row) => sum + row[key], 0) : NOT_REPORTED]),
  );

  const sectorRows = ctx.db.select().from(sectors).orderBy(sectors.sortOrder).all();
  const sectorSplits = splitBy(ctx, year, sql`coalesce(${organizations.sectorCode}, '')`);
  const bySector: Row[] = [
    ...sectorRows.map((sector) => ({ code: sector.code, name: sector.name, group: sector.group })),
    { code: '', name: 'Chưa rõ lĩnh vực', group: '' },
  ]
    .filter((sector) => sectorSplits.has(sector.code))
    .map(({ code, ...sector }) => ({ ...sector, ...(sectorSplits.get(code) ?? emptySplit()) }));

  const communeSplits = splitBy(ctx, year, sql`${organizations.communeCode}`);
  // Alphabetically by the commune's own name, in the order the `communes` table keeps: Phường Bình
  // Đức before Xã An Phú would not read as a list. A code not in it goes last, as itself.
  const named = ctx.db
    .select({ code: communes.code, type: communes.type, name: communes.name })
    .from(communes)
    .where(inArray(communes.code, [...communeSplits.keys()]))
    .orderBy(communes.sortOrder)
    .all();
  const known = new Set(named.map((commune) => commune.code));
  const byCommune: Row[] = [
    ...named.map((commune) => ({ name: `${commune.type} ${commune.name}`, ...(communeSplits.get(commune.code) ?? emptySplit()) })),
    ...[...communeSplits.entries()].filter(([code]) => !known.has(code)).map(([code, split]) => ({ name: code, ...split })),
  ];

  return {
    byKind: { ...rowsOf(byKind), totals: () => ({ ...figureTotals, averageRevenue: revenue.count > 0 ? Math.round(revenue.total / revenue.count) : NOT_REPORTED }) },
    bySector: rowsOf(bySector),
    byCommune: rowsOf(byCommune),
  };
}
