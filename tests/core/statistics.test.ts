import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import { seedDemo } from '../../src/core/demo/generate';
import { verifyDerivedStructures } from '../../src/core/db/derived';
import { existingInYear } from '../../src/core/db/predicates';
import { organizations, yearlyFigures } from '../../src/core/db/schema';
import { storedFigureTotals } from '../../src/core/services/statistics';
import { AN_GIANG, call, callFailing, openTestApp, XA_VINH_AN, XA_VINH_BINH } from './support';

type TestApp = ReturnType<typeof openTestApp>;
let app: TestApp;

beforeEach(async () => {
  app = openTestApp();
  await call(app, 'alliance:save', { name: 'Liên minh Hợp tác xã tỉnh An Giang', provinceCode: AN_GIANG });
});
afterEach(() => app.close());

/**
 * Sums of one year's figures over the organizations existing that year, by kind, computed from the
 * rows with the query builder: what the stored totals must always equal, written independently of
 * the triggers that keep them.
 */
function figureTotalsFromRows(year: number) {
  const f = yearlyFigures;
  const countIf = (condition: SQL) => sql<number>`coalesce(sum(CASE WHEN ${condition} THEN 1 ELSE 0 END), 0)`;
  return app.ctx.db
    .select({
      kind: organizations.kind,
      reporting: sql<number>`count(*)`,
      membersOfficial: sql<number>`coalesce(sum(${f.membersOfficial}), 0)`,
      membersAssociate: sql<number>`coalesce(sum(${f.membersAssociate}), 0)`,
      workers: sql<number>`coalesce(sum(${f.workers}), 0)`,
      revenueSum: sql<number>`coalesce(sum(${f.revenue}), 0)`,
      revenueCount: sql<number>`count(${f.revenue})`,
      profitSum: sql<number>`coalesce(sum(${f.profit}), 0)`,
      profitCount: sql<number>`count(${f.profit})`,
      incomeWeighted: sql<number>`coalesce(sum(${f.averageIncome} * ${f.workers}), 0)`,
      incomeWorkers: sql<number>`coalesce(sum(CASE WHEN ${f.averageIncome} IS NOT NULL THEN ${f.workers} END), 0)`,
      managers: sql<number>`coalesce(sum(${f.managers}), 0)`,
      managersWithDegree: sql<number>`coalesce(sum(${f.managersWithDegree}), 0)`,
      good: countIf(sql`${f.classification} = 'good'`),
      fair: countIf(sql`${f.classification} = 'fair'`),
      average: countIf(sql`${f.classification} = 'average'`),
      weak: countIf(sql`${f.classification} = 'weak'`),
    })
    .from(f)
    .innerJoin(organizations, eq(organizations.id, f.organizationId))
    .where(and(eq(f.year, year), existingInYear(year)))
    .groupBy(organizations.kind)
    .orderBy(organizations.kind)
    .all();
}

interface Shape {
  kind: 'htx' | 'lhhtx' | 'tht' | 'qtdnd';
  name: string;
  communeCode: string;
  foundedOn: string;
  sectorCode?: string;
  ended?: { status: string; on: string };
  deleted?: boolean;
}

/** Creates an organization through the service, then sets what lifecycle events would set. */
async function organization(shape: Shape): Promise<number> {
  const { id } = await call(app, 'organizations:create', { kind: shape.kind, name: shape.name, communeCode: shape.communeCode });
  app.ctx.db.$client
    .prepare('UPDATE organizations SET founded_on = ?, sector_code = ?, status = ?, ended_on = ?, deleted_at = ? WHERE id = ?')
    .run(
      shape.foundedOn,
      shape.sectorCode ?? null,
      shape.ended?.status ?? 'active',
      shape.ended?.on ?? null,
      shape.deleted ? '2026-01-01T00:00:00.000Z' : null,
      id,
    );
  return id;
}

function figures(
  organizationId: number,
  year: number,
  f: { official: number; associate?: number; workers: number; revenue: number; profit?: number | null; income?: number | null; classification?: string | null },
): void {
  app.ctx.db.$client
    .prepare(
      `INSERT INTO yearly_figures (organization_id, year, members_official, members_associate, workers, revenue, profit,
         average_income, classification, score, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '2026-01-01')`,
    )
    .run(organizationId, year, f.official, f.associate ?? 0, f.workers, f.revenue, f.profit ?? null, f.income ?? null, f.classification ?? null, f.classification ? 70 : null);
}

/** Two years of a small province: one consolidation, one dissolution, one deleted record. */
async function seed(): Promise<void> {
  const a = await organization({ kind: 'htx', name: 'HTX Nông nghiệp Vĩnh An', communeCode: XA_VINH_AN, foundedOn: '2010-05-01', sectorCode: 'trong_trot' });
  const b = await organization({ kind: 'htx', name: 'HTX Dịch vụ thương mại Vĩnh Bình', communeCode: XA_VINH_BINH, foundedOn: '2015-01-01', sectorCode: 'thuong_mai_dich_vu' });
  const c = await organization({ kind: 'tht', name: 'THT rau an toàn ấp Mỹ', communeCode: XA_VINH_AN, foundedOn: '2025-03-01' });
  const d = await organization({ kind: 'htx', name: 'HTX Đồng Tâm', communeCode: XA_VINH_BINH, foundedOn: '2012-01-01', sectorCode: 'trong_trot', ended: { status: 'reorganized', on: '2025-06-30' } });
  const e = await organization({ kind: 'htx', name: 'HTX Hợp Lực', communeCode: XA_VINH_BINH, foundedOn: '2012-01-01', sectorCode: 'trong_trot', ended: { status: 'reorganized', on: '2025-06-30' } });
  const f = await organization({ kind: 'htx', name: 'HTX Hợp Nhất Vĩnh Bình', communeCode: XA_VINH_BINH, foundedOn: '2025-06-30', sectorCode: 'trong_trot' });
  const g = await organization({ kind: 'qtdnd', name: 'Quỹ tín dụng nhân dân Vĩnh An', communeCode: XA_VINH_AN, foundedOn: '2000-01-01', deleted: true });
  const h = await organization({ kind: 'htx', name: 'HTX Giải Thể', communeCode: XA_VINH_AN, foundedOn: '2011-01-01', ended: { status: 'dissolved', on: '2024-10-10' } });
  // The consolidation that ended D and E and formed F, as its event records it.
  const sqlite = app.ctx.db.$client;
  const event = sqlite.prepare("INSERT INTO lifecycle_events (kind, date, created_at) VALUES ('consolidation', '2025-06-30', '2025-07-01') RETURNING id").pluck().get();
  const takesPart = sqlite.prepare('INSERT INTO lifecycle_participants (event_id, organization_id, role) VALUES (?, ?, ?)');
  for (const [id, role] of [[d, 'predecessor'], [e, 'predecessor'], [f, 'successor']] as const) takesPart.run(event, id, role);

  figures(a, 2024, { official: 20, associate: 5, workers: 30, revenue: 1_000_000_000, profit: 100_000_000, income: 4_000_000, classification: 'good' });
  figures(a, 2025, { official: 25, associate: 5, workers: 40, revenue: 2_000_000_000, profit: 200_000_000, income: 5_000_000, classification: 'good' });
  figures(b, 2024, { official: 10, workers: 10, revenue: 500_000_000, profit: -50_000_000, income: 3_000_000, classification: 'fair' });
  figures(b, 2025, { official: 12, workers: 20, revenue: 1_000_000_001, profit: 0, income: 4_000_000 });
  figures(c, 2025, { official: 8, workers: 8, revenue: 100_000_000, income: 3_000_000 });
  figures(d, 2024, { official: 30, workers: 20, revenue: 1_000_000_000, classification: 'average' });
  figures(e, 2024, { official: 30, workers: 20, revenue: 1_000_000_000, classification: 'weak' });
  // Entered for the year it merged away: its successor carries that year, so this must not count.
  figures(d, 2025, { official: 30, workers: 20, revenue: 9_000_000_000, income: 9_000_000, classification: 'weak' });
  figures(f, 2025, { official: 60, workers: 40, revenue: 3_000_000_000, profit: 300_000_000, income: 6_000_000, classification: 'fair' });
  figures(g, 2025, { official: 500, workers: 30, revenue: 5_000_000_000 });
  figures(h, 2024, { official: 9, workers: 9, revenue: 1_000_000 });
}

describe('statistics overview', () => {
  it('counts each organization once, in the year it exists, with exact sums and averages', async () => {
    await seed();
    const { current, previous } = await call(app, 'statistics:overview', { year: 2025 });

    expect(current).toEqual({
      year: 2025,
      organizations: { htx: 3, lhhtx: 0, tht: 1, qtdnd: 0, total: 4 },
      bySectorGroup: [
        { group: 'agriculture', count: 2 },
        { group: 'non_agriculture', count: 1 },
        { group: null, count: 1 },
      ],
      bySector: [
        { code: 'trong_trot', name: 'Trồng trọt', group: 'agriculture', count: 2 },
        { code: 'thuong_mai_dich_vu', name: 'Thương mại, dịch vụ', group: 'non_agriculture', count: 1 },
        { code: null, name: 'Chưa rõ lĩnh vực', group: null, count: 1 },
      ],
      byCommune: [
        { code: XA_VINH_AN, name: 'Xã Vĩnh An', provinceCode: AN_GIANG, count: 2 },
        { code: XA_VINH_BINH, name: 'Xã Vĩnh Bình', provinceCode: AN_GIANG, count: 2 },
      ],
      // The THT is new; the HTX the consolidation formed is not «Thành lập mới», nor were the two it
      // ended dissolved: they carry on in it.
      founded: { htx: 0, lhhtx: 0, tht: 1, qtdnd: 0, total: 1 },
      formedByReorganization: { htx: 1, lhhtx: 0, tht: 0, qtdnd: 0, total: 1 },
      endedByReorganization: { htx: 2, lhhtx: 0, tht: 0, qtdnd: 0, total: 2 },
      dissolved: { htx: 0, lhhtx: 0, tht: 0, qtdnd: 0, total: 0 },
      reporting: 4,
      // All four existing at the year's end have its figures.
      figuresReported: true,
      membersOfficial: 105,
      membersAssociate: 5,
      workers: 108,
      // (2,000,000,000 + 1,000,000,001 + 3,000,000,000) / 3 HTX, rounded to the đồng.
      averageRevenuePerCooperative: 2_000_000_000,
      averageProfitPerCooperative: 166_666_667,
      // (5M·40 + 4M·20 + 3M·8 + 6M·40) / 108 workers.
      averageIncomePerWorker: 5_037_037,
      // Of the HTX only: B has no classification for the year; the THT is not classified at all.
      classification: { good: 1, fair: 1, average: 0, weak: 0, unclassified: 1 },
    });

    expect(previous).toMatchObject({
      year: 2024,
      // The two that merged in 2025 still existed at the end of 2024; the dissolved one did not.
      organizations: { htx: 4, lhhtx: 0, tht: 0, qtdnd: 0, total: 4 },
      founded: { total: 0 },
      endedByReorganization: { total: 0 },
      dissolved: { htx: 1, total: 1 },
      reporting: 4,
      membersOfficial: 90,
      membersAssociate: 5,
      workers: 80,
      averageRevenuePerCooperative: 875_000_000,
      averageProfitPerCooperative: 25_000_000,
      averageIncomePerWorker: 3_750_000,
      classification: { good: 1, fair: 1, average: 1, weak: 1, unclassified: 0 },
    });
  });

  it('gives zeros and no averages for a year without data', async () => {
    const { current } = await call(app, 'statistics:overview', { year: 2030 });
    expect(current).toMatchObject({
      organizations: { total: 0 },
      bySector: [],
      byCommune: [],
      reporting: 0,
      figuresReported: false,
      averageRevenuePerCooperative: null,
      averageProfitPerCooperative: null,
      averageIncomePerWorker: null,
      classification: { good: 0, fair: 0, average: 0, weak: 0, unclassified: 0 },
    });
  });

  it('refuses a year that is not a whole number, in Vietnamese', async () => {
    expect(await callFailing(app, 'statistics:overview', { year: 2025.5 })).toMatchObject({
      kind: 'validation',
      issues: [{ path: 'year', message: 'Năm thống kê phải là số nguyên.' }],
    });
  });

  it('lists the years that have figures, newest first', async () => {
    expect(await call(app, 'statistics:years', undefined)).toEqual([]);
    await seed();
    expect(await call(app, 'statistics:years', undefined)).toEqual([2025, 2024]);
  });

  it('keeps its stored totals and counters equal to the rows through every kind of write', async () => {
    seedDemo(app.ctx, { scale: 'province', provinceCode: AN_GIANG, years: 4, seed: 5, organizations: 200 });
    await seed();
    const sqlite = app.ctx.db.$client;
    const years = [2021, 2022, 2023, 2024, 2025];
    const check = (step: string) => {
      for (const year of years) expect(storedFigureTotals(app.ctx, year), `${step}, ${year}`).toEqual(figureTotalsFromRows(year));
      const communes = sqlite
        .prepare('SELECT commune_code AS code, count(*) AS n FROM organizations WHERE deleted_at IS NULL GROUP BY 1 ORDER BY 1')
        .all();
      expect(sqlite.prepare('SELECT commune_code AS code, live AS n FROM statistics_commune_counts WHERE live <> 0 ORDER BY 1').all(), step).toEqual(communes);
      const kinds = sqlite
        .prepare("SELECT kind, coalesce(sector_code, '') AS sector, count(*) AS n FROM organizations WHERE deleted_at IS NULL GROUP BY 1, 2 ORDER BY 1, 2")
        .all();
      expect(sqlite.prepare('SELECT kind, sector_code AS sector, live AS n FROM statistics_kind_sector_counts WHERE live <> 0 ORDER BY 1, 2').all(), step).toEqual(kinds);
      expect(verifyDerivedStructures(sqlite), step).toEqual([]);
    };
    check('seeded');
    const ids = sqlite.prepare('SELECT id FROM organizations ORDER BY id').pluck().all() as number[];
    const [a = 0, b = 0, c = 0, d = 0, e = 0] = ids.slice(10);

    sqlite.prepare('UPDATE yearly_figures SET members_official = members_official + 3, classification = NULL WHERE organization_id = ?').run(a);
    sqlite.prepare("UPDATE yearly_figures SET revenue = NULL, average_income = NULL, classification = 'good' WHERE organization_id = ? AND year = 2024").run(b);
    check('figures changed');
    sqlite.prepare('DELETE FROM yearly_figures WHERE organization_id = ? AND year = 2023').run(c);
    await call(app, 'organizations:delete', { id: d });
    check('a figure deleted, an organization moved to the trash');
    await call(app, 'organizations:restore', { id: d });
    sqlite.prepare("UPDATE organizations SET kind = 'tht', sector_code = NULL, founded_on = '2024-02-02' WHERE id = ?").run(e);
    sqlite.prepare("UPDATE organizations SET ended_on = '2023-05-05', status = 'dissolved', commune_code = ? WHERE id = ?").run(XA_VINH_AN, a);
    check('restored, kind, sector, founding, end and commune changed');
    sqlite.prepare('DELETE FROM organizations WHERE id = ?').run(b);
    sqlite.prepare('DELETE FROM organizations WHERE id = ?').run(d);
    check('deleted for good, figures with them');

    // The counts by commune, sector and kind against the rule written plainly, both years.
    const { current, previous } = await call(app, 'statistics:overview', { year: 2025 });
    for (const stats of [current, previous]) {
      const existing = `deleted_at IS NULL AND (founded_on IS NULL OR founded_on <= '${stats.year}-12-31') AND (ended_on IS NULL OR ended_on > '${stats.year}-12-31')`;
      const byCommune = sqlite.prepare(`SELECT commune_code AS code, count(*) AS count FROM organizations WHERE ${existing} GROUP BY 1`).all();
      expect(stats.byCommune.map(({ code, count }) => ({ code, count })).sort((x, y) => (x.code < y.code ? -1 : 1))).toEqual(byCommune);
      const bySector = sqlite.prepare(`SELECT sector_code AS code, count(*) AS count FROM organizations WHERE ${existing} GROUP BY 1`).all();
      expect(stats.bySector.map(({ code, count }) => ({ code, count })).sort((x, y) => ((x.code ?? '') < (y.code ?? '') ? -1 : 1))).toEqual(bySector);
      const byKind = sqlite.prepare(`SELECT kind, count(*) AS count FROM organizations WHERE ${existing} GROUP BY 1`).all() as { kind: 'htx'; count: number }[];
      for (const { kind, count } of byKind) expect(stats.organizations[kind]).toBe(count);
      const successor = "id IN (SELECT organization_id FROM lifecycle_participants WHERE role = 'successor')";
      const countWhere = (condition: string) => sqlite.prepare(`SELECT count(*) FROM organizations WHERE deleted_at IS NULL AND ${condition}`).pluck().get();
      const flows = [
        countWhere(`founded_on LIKE '${stats.year}-%' AND NOT ${successor}`),
        countWhere(`founded_on LIKE '${stats.year}-%' AND ${successor}`),
        countWhere(`ended_on LIKE '${stats.year}-%' AND status = 'reorganized'`),
        countWhere(`ended_on LIKE '${stats.year}-%' AND status IN ('dissolved', 'bankrupt')`),
      ];
      expect([stats.founded.total, stats.formedByReorganization.total, stats.endedByReorganization.total, stats.dissolved.total]).toEqual(flows);
    }

    // The overview reads the stored totals: a write shows at once.
    const before = (await call(app, 'statistics:overview', { year: 2025 })).current;
    sqlite.prepare('UPDATE yearly_figures SET members_official = members_official + 1000 WHERE organization_id = ? AND year = 2025').run(c);
    const after = (await call(app, 'statistics:overview', { year: 2025 })).current;
    expect(after.membersOfficial - before.membersOfficial).toBe(1000);
  });
});
