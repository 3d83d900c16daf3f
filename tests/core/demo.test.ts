import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/core/demo/generate';
import { organizationSearchText } from '../../src/core/services/search';
import { organizationNameKey } from '../../src/shared/names';
import { AN_GIANG, call, openTestApp } from './support';

type TestApp = ReturnType<typeof openTestApp>;
let app: TestApp;

beforeEach(() => {
  app = openTestApp();
});
afterEach(() => app.close());

interface OrganizationRow {
  id: number;
  kind: string;
  name: string;
  short_name: string;
  registration_no: string | null;
  province_code: string;
  commune_code: string;
  sector_code: string | null;
  founded_on: string;
  status: string;
  ended_on: string | null;
  name_key: string;
  search_text: string;
}

describe('demo data', () => {
  it('fills a province register that adds up, deterministically', async () => {
    const summary = seedDemo(app.ctx, { scale: 'province', provinceCode: AN_GIANG, years: 5, seed: 7, organizations: 300 });
    const sqlite = app.ctx.db.$client;
    const rows = sqlite.prepare('SELECT * FROM organizations ORDER BY id').all() as OrganizationRow[];

    // 300 planned, and the successor of the one consolidation.
    expect(summary).toMatchObject({ organizations: 301, firstYear: 2021, lastYear: 2025 });
    expect(rows).toHaveLength(301);
    expect(await call(app, 'alliance:get', undefined)).toMatchObject({ name: 'Liên minh Hợp tác xã tỉnh An Giang', provinceCode: AN_GIANG });

    const numbers = rows.flatMap((row) => (row.registration_no ? [row.registration_no] : []));
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(numbers.every((number) => /^\d{10}$/.test(number))).toBe(true);
    for (const row of rows) {
      expect(app.ctx.places.commune(row.commune_code)?.provinceCode).toBe(AN_GIANG);
      expect(row.province_code).toBe(AN_GIANG);
      expect(row.name_key).toBe(organizationNameKey(row.name));
      const communeName = app.ctx.places.commune(row.commune_code)?.name ?? '';
      expect(row.search_text).toBe(organizationSearchText({ name: row.name, shortName: row.short_name, registrationNo: row.registration_no, communeName }));
      expect(row.status === 'active').toBe(row.ended_on === null);
    }
    const sectorCodes = new Set(sqlite.prepare('SELECT code FROM sectors').pluck().all());
    expect(rows.every((row) => row.sector_code !== null && sectorCodes.has(row.sector_code))).toBe(true);
    expect(new Set(rows.map((row) => row.kind))).toEqual(new Set(['htx', 'tht', 'lhhtx', 'qtdnd']));

    // Figures: within the years, not before founding nor in or after the year it ended.
    const figures = sqlite
      .prepare(
        `SELECT f.year, f.members_official, o.founded_on, o.ended_on FROM yearly_figures f
         JOIN organizations o ON o.id = f.organization_id`,
      )
      .all() as { year: number; members_official: number; founded_on: string; ended_on: string | null }[];
    expect(figures).toHaveLength(summary.figures);
    for (const figure of figures) {
      expect(figure.year).toBeGreaterThanOrEqual(Math.max(2021, Number(figure.founded_on.slice(0, 4))));
      expect(figure.year).toBeLessThanOrEqual(2025);
      if (figure.ended_on) expect(figure.year).toBeLessThan(Number(figure.ended_on.slice(0, 4)));
      expect(figure.members_official).toBeGreaterThanOrEqual(7);
      expect(figure.members_official).toBeLessThanOrEqual(300);
    }

    // One consolidation: two predecessors reorganized on the day the successor was founded.
    const consolidation = sqlite
      .prepare(
        `SELECT p.role, o.status, o.ended_on, o.founded_on, e.date FROM lifecycle_events e
         JOIN lifecycle_participants p ON p.event_id = e.id JOIN organizations o ON o.id = p.organization_id
         WHERE e.kind = 'consolidation' ORDER BY p.role`,
      )
      .all() as { role: string; status: string; ended_on: string | null; founded_on: string; date: string }[];
    expect(consolidation.map((row) => [row.role, row.status])).toEqual([
      ['predecessor', 'reorganized'],
      ['predecessor', 'reorganized'],
      ['successor', 'active'],
    ]);
    for (const row of consolidation) expect(row.role === 'successor' ? row.founded_on : row.ended_on).toBe(row.date);

    const overview = await call(app, 'statistics:overview', { year: 2025 });
    expect(overview.current.organizations.total).toBeGreaterThan(250);
    expect(overview.current.averageRevenuePerCooperative).toBeGreaterThan(500_000_000);
    expect(await call(app, 'statistics:years', undefined)).toEqual([2025, 2024, 2023, 2022, 2021]);

    const again = openTestApp();
    try {
      seedDemo(again.ctx, { scale: 'province', provinceCode: AN_GIANG, years: 5, seed: 7, organizations: 300 });
      expect(again.ctx.db.$client.prepare('SELECT name, registration_no, founded_on FROM organizations ORDER BY id').all()).toEqual(
        sqlite.prepare('SELECT name, registration_no, founded_on FROM organizations ORDER BY id').all(),
      );
    } finally {
      again.close();
    }
  });

  it('spreads a national register over real communes of every province', () => {
    seedDemo(app.ctx, { scale: 'national', provinceCode: AN_GIANG, years: 2, seed: 3, organizations: 2000 });
    const communes = app.ctx.db.$client.prepare('SELECT DISTINCT commune_code FROM organizations').pluck().all() as string[];
    expect(communes.every((code) => app.ctx.places.commune(code) !== undefined)).toBe(true);
    const provinces = app.ctx.db.$client.prepare('SELECT DISTINCT province_code FROM organizations').pluck().all();
    expect(provinces).toHaveLength(34);
  });
});
