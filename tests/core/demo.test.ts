import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/core/demo/generate';
import { organizationSearchText, partnerSearchText } from '../../src/core/services/search';
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
  old_address: string;
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

    // 300 planned, the successor of the one consolidation, the two cooperatives of two conversions,
    // and Tân Châu's 23 (see demo/plans.ts).
    expect(summary).toMatchObject({ organizations: 326, plans: 5, firstYear: 2021, lastYear: 2025 });
    expect(rows).toHaveLength(326);
    expect(await call(app, 'alliance:get', undefined)).toMatchObject({ name: 'Liên minh Hợp tác xã tỉnh An Giang', provinceCode: AN_GIANG });

    const numbers = rows.flatMap((row) => (row.registration_no ? [row.registration_no] : []));
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(numbers.every((number) => /^\d{10}$/.test(number))).toBe(true);
    for (const row of rows) {
      expect(app.ctx.places.commune(row.commune_code)?.provinceCode).toBe(AN_GIANG);
      expect(row.province_code).toBe(AN_GIANG);
      expect(row.name_key).toBe(organizationNameKey(row.name));
      const communeName = app.ctx.places.commune(row.commune_code)?.name ?? '';
      expect(row.search_text).toBe(organizationSearchText({ name: row.name, shortName: row.short_name, registrationNo: row.registration_no, communeName, oldAddress: row.old_address }));
      expect(row.status === 'active').toBe(row.ended_on === null);
    }
    // Partners are searched as a person's save makes them searchable: by province, contact and goods too.
    const partnerRows = sqlite
      .prepare(
        'SELECT name, short_name AS shortName, province_code AS provinceCode, tax_code AS taxCode, contact_name AS contactName, buys, address, search_text AS searchText FROM partners',
      )
      .all() as { name: string; shortName: string; provinceCode: string; taxCode: string | null; contactName: string; buys: string; address: string; searchText: string }[];
    expect(partnerRows.length).toBeGreaterThan(50);
    const searchTextOf = (row: (typeof partnerRows)[number]) => partnerSearchText({ ...row, provinceName: app.ctx.places.province(row.provinceCode)?.fullName ?? '' });
    expect(partnerRows.filter((row) => row.searchText !== searchTextOf(row))).toEqual([]);
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

    // Two conversions, one in each of the last two years: the tổ hợp tác ends on the day the hợp tác
    // xã it registered as is founded, at its address, with its products and their certificates.
    const conversions = sqlite
      .prepare(
        `SELECT e.date, g.kind AS fromKind, g.status, g.ended_on AS endedOn, c.kind AS toKind, c.status AS toStatus, c.founded_on AS foundedOn,
           c.commune_code = g.commune_code AND c.street = g.street AND c.representative = g.representative AS samePlace,
           (SELECT group_concat(name) FROM products WHERE organization_id = g.id) IS (SELECT group_concat(name) FROM products WHERE organization_id = c.id) AS sameProducts,
           (SELECT count(*) FROM certifications WHERE organization_id = g.id) = (SELECT count(*) FROM certifications WHERE organization_id = c.id) AS sameCertificates,
           (SELECT min(year) FROM yearly_figures WHERE organization_id = c.id) AS firstFigures
         FROM lifecycle_events e
         JOIN lifecycle_participants gp ON gp.event_id = e.id AND gp.role = 'predecessor' JOIN organizations g ON g.id = gp.organization_id
         JOIN lifecycle_participants cp ON cp.event_id = e.id AND cp.role = 'successor' JOIN organizations c ON c.id = cp.organization_id
         WHERE e.kind = 'conversion' ORDER BY e.date`,
      )
      .all() as { date: string; fromKind: string; status: string; endedOn: string; toKind: string; toStatus: string; foundedOn: string; samePlace: number; sameProducts: number; sameCertificates: number; firstFigures: number }[];
    expect(conversions.map((row) => [row.date.slice(0, 4), row.fromKind, row.status, row.toKind, row.toStatus, row.samePlace, row.sameProducts, row.sameCertificates])).toEqual([
      ['2024', 'tht', 'reorganized', 'htx', 'active', 1, 1, 1],
      ['2025', 'tht', 'reorganized', 'htx', 'active', 1, 1, 1],
    ]);
    for (const row of conversions) {
      expect([row.endedOn, row.foundedOn, row.firstFigures]).toEqual([row.date, row.date, Number(row.date.slice(0, 4))]);
    }

    const overview = await call(app, 'statistics:overview', { year: 2025 });
    expect(overview.current.formedByReorganization).toMatchObject({ htx: 1, tht: 0 });
    expect(overview.current.endedByReorganization).toMatchObject({ htx: 0, tht: 1 });
    // 2024: the consolidation (two cooperatives into one) and a conversion.
    expect(overview.previous.formedByReorganization).toMatchObject({ htx: 2, tht: 0 });
    expect(overview.previous.endedByReorganization).toMatchObject({ htx: 2, tht: 1 });
    expect(overview.current.organizations.total).toBeGreaterThan(250);
    expect(overview.current.averageRevenuePerCooperative).toBeGreaterThan(500_000_000);
    expect(await call(app, 'statistics:years', undefined)).toEqual([2025, 2024, 2023, 2022, 2021]);

    // A year plan of sixteen targets for each year after the first, the current one issued and in force.
    const plans = await call(app, 'plans:list', {});
    expect(plans.rows.map((plan) => [plan.periodFrom, plan.status, plan.targetCount])).toEqual(
      [2026, 2025, 2024, 2023, 2022].map((year) => [`${year}-01-01`, 'issued', 16]),
    );
    expect((await call(app, 'plans:inForce', undefined))?.title).toBe('Kế hoạch phát triển kinh tế tập thể, hợp tác xã tỉnh An Giang năm 2026');
    // Each carries the produce connected in tấn: 2025's measured against the connections of 2025
    // sold by this province's members (kg, tạ and yến kept in tấn as their base), its value from 2024's.
    const plan2025 = await call(app, 'plans:get', { id: plans.rows.find((plan) => plan.periodFrom === '2025-01-01')?.id ?? 0 });
    const volume = plan2025.targets.find((target) => target.measure?.metric === 'volumeConnected');
    const connectedIn = (year: number) =>
      sqlite
        .prepare(
          `SELECT sum(c.base_quantity) FROM supply_connections c JOIN supply_offers f ON f.id = c.offer_id
           JOIN supply_demands d ON d.id = c.demand_id JOIN organizations o ON o.id = f.organization_id
           WHERE c.base_unit_code = 'tan' AND c.connected_on BETWEEN ? AND ? AND o.province_code = ?
             AND c.deleted_at IS NULL AND f.deleted_at IS NULL AND d.deleted_at IS NULL AND o.deleted_at IS NULL`,
        )
        .pluck()
        .get(`${year}-01-01`, `${year}-12-31`, AN_GIANG) as number;
    expect(connectedIn(2025)).toBeGreaterThan(0);
    expect(volume).toMatchObject({ unit: 'quantity', unitLabel: 'tấn' });
    expect(volume?.actual).toBeCloseTo(connectedIn(2025), 6);
    expect(volume?.previous).toBeCloseTo(connectedIn(2024), 6);
    expect(volume?.value).toBe(Math.round(connectedIn(2024) * 1.05));
    // Tân Châu's agricultural cooperatives: 20 at the end of 2024, two of them founded that year.
    const tanChau = await call(app, 'plans:create', {
      kind: 'year',
      title: 'Kế hoạch Tân Châu 2024',
      periodFrom: '2024-01-01',
      periodTo: '2024-12-31',
      status: 'issued',
      communeCodes: ['30376', '30377', '30385', '30388', '30403'],
      targets: [
        { title: 'Hiện có', comparison: 'at_least', value: 17, unit: 'count', measure: { metric: 'organizations', kinds: ['htx'], sectorGroup: 'agriculture' } },
        { title: 'Thành lập mới', comparison: 'at_least', value: 3, unit: 'count', measure: { metric: 'founded', kinds: ['htx'], sectorGroup: 'agriculture' } },
      ],
    });
    expect((await call(app, 'plans:get', { id: tanChau.id })).targets.map((target) => target.actual)).toEqual([20, 2]);

    const again = openTestApp();
    try {
      seedDemo(again.ctx, { scale: 'province', provinceCode: AN_GIANG, years: 5, seed: 7, organizations: 300 });
      expect(again.ctx.db.$client.prepare('SELECT name, registration_no, founded_on FROM organizations ORDER BY id').all()).toEqual(
        sqlite.prepare('SELECT name, registration_no, founded_on FROM organizations ORDER BY id').all(),
      );
    } finally {
      again.close();
    }
  }, 60_000);

  it('adds supply and demand that hold together: windows, units that convert, connections within what remains', async () => {
    const summary = seedDemo(app.ctx, { scale: 'province', provinceCode: AN_GIANG, years: 5, seed: 7, organizations: 300 });
    const sqlite = app.ctx.db.$client;
    // 300 of a province's 656 organizations: the same share of its 60 partners, 1,200 offers and 300 demands.
    expect(summary).toMatchObject({ partners: 27, programmes: 6, offers: 549, demands: 137 });
    expect(summary.connections).toBeGreaterThan(20);
    expect(summary.agreements).toBeGreaterThan(5);
    const count = (table: string) => sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get();
    // The agreements that connections became (the trade-promotion and plan demo data add others).
    const fromConnections = sqlite.prepare('SELECT count(*) FROM agreements a WHERE EXISTS (SELECT 1 FROM supply_connections c WHERE c.agreement_id = a.id)').pluck().get();
    expect([count('supply_offers'), count('supply_demands'), count('supply_connections'), fromConnections]).toEqual([
      summary.offers,
      summary.demands,
      summary.connections,
      summary.agreements,
    ]);
    // No offer or demand takes more than it has; every connection's unit converts to both sides'.
    const over = sqlite
      .prepare(
        `SELECT count(*) FROM supply_offers o WHERE round((SELECT coalesce(sum(offer_quantity), 0) FROM supply_connections c WHERE c.offer_id = o.id), 6) > o.quantity
         UNION ALL SELECT count(*) FROM supply_demands d WHERE round((SELECT coalesce(sum(demand_quantity), 0) FROM supply_connections c WHERE c.demand_id = d.id), 6) > d.quantity`,
      )
      .pluck()
      .all();
    expect(over).toEqual([0, 0]);
    // Connected and delivered as an office types them (tonnes to the kilogram, other units whole),
    // so that no offer or demand is left with a sliver the screens would show as "còn thiếu 0".
    const untyped = sqlite
      .prepare(
        `SELECT count(*) FROM supply_connections WHERE abs(quantity * iif(unit_code = 'tan', 1000, 1) - round(quantity * iif(unit_code = 'tan', 1000, 1))) > 1e-6
         UNION ALL SELECT count(*) FROM agreement_deliveries d JOIN supply_connections c ON c.commitment_id = d.commitment_id
           WHERE abs(d.quantity * iif(c.unit_code = 'tan', 1000, 1) - round(d.quantity * iif(c.unit_code = 'tan', 1000, 1))) > 1e-6`,
      )
      .pluck()
      .all();
    expect(untyped).toEqual([0, 0]);
    const bases = sqlite
      .prepare(
        `SELECT DISTINCT coalesce(uo.base_code, uo.code) = coalesce(ud.base_code, ud.code) AND coalesce(uc.base_code, uc.code) = c.base_unit_code
         FROM supply_connections c JOIN supply_offers o ON o.id = c.offer_id JOIN supply_demands d ON d.id = c.demand_id
         JOIN units uo ON uo.code = o.unit_code JOIN units ud ON ud.code = d.unit_code JOIN units uc ON uc.code = c.unit_code`,
      )
      .pluck()
      .all();
    expect(bases).toEqual([1]);
    // A buyer of mangoes is connected with mangoes, not with another fruit of the group.
    const otherProduct = sqlite.prepare('SELECT count(*) FROM supply_connections c JOIN supply_offers o ON o.id = c.offer_id JOIN supply_demands d ON d.id = c.demand_id WHERE o.product_folded <> d.product_folded');
    expect(otherProduct.pluck().get()).toBe(0);
    // Each commitment says who supplies it and who receives it: the seller's offer, the buyer's demand.
    const sides = sqlite.prepare(
      `SELECT count(*) FROM supply_connections c JOIN agreement_commitments m ON m.id = c.commitment_id
       LEFT JOIN agreement_parties s ON s.id = m.supplier_party_id LEFT JOIN agreement_parties r ON r.id = m.receiver_party_id
       JOIN supply_offers o ON o.id = c.offer_id JOIN supply_demands d ON d.id = c.demand_id
       WHERE s.organization_id IS NOT o.organization_id OR coalesce(r.partner_id, r.organization_id) IS NOT coalesce(d.partner_id, d.organization_id)`,
    );
    expect(sides.pluck().get()).toBe(0);
    expect(sqlite.prepare("SELECT count(*) FROM agreement_deliveries WHERE delivered_on > '2026-11-23'").pluck().get()).toBe(0);
    expect(sqlite.prepare('SELECT count(*) FROM supply_offers WHERE available_until < available_from').pluck().get()).toBe(0);
    // The services read them: a year's results, per unit, and suggestions for a demand.
    const results = await call(app, 'programmes:results', { from: '2025-01-01', to: '2025-12-31' });
    expect(results.connections).toBeGreaterThan(0);
    expect(new Set(results.totals.map((total) => total.unitName)).size).toBe(results.totals.length);
    const open = await call(app, 'demands:list', { statuses: ['open'], pageSize: 1 });
    expect(open.total).toBeGreaterThan(0);

    // Buyers say what they pay as they do: mostly only the most («mua tối đa»), some a range or one
    // price, about a third nothing; in the demand's unit, about what the offers of the product ask in it.
    expect(
      sqlite
        .prepare(
          `SELECT sum(price_min IS NULL AND price_max IS NULL) AS none, sum(price_min IS NULL AND price_max IS NOT NULL) AS ceiling,
             sum(price_min IS NOT NULL AND price_max IS NOT NULL) AS range, sum(price_min IS NOT NULL AND price_max IS NULL) AS one FROM supply_demands`,
        )
        .get(),
    ).toEqual({ none: 31, ceiling: 65, range: 25, one: 16 });
    const againstOffers = sqlite
      .prepare(
        `SELECT min(ratio) AS least, max(ratio) AS most FROM (
           SELECT coalesce(d.price_max, d.price_min) * 1.0 / (SELECT avg(o.price_min) FROM supply_offers o WHERE o.product_folded = d.product_folded AND o.unit_code = d.unit_code) AS ratio
           FROM supply_demands d WHERE coalesce(d.price_max, d.price_min) IS NOT NULL)`,
      )
      .get() as { least: number; most: number };
    expect(againstOffers.least).toBeGreaterThan(0.75);
    expect(againstOffers.most).toBeLessThan(1.35);
    expect(sqlite.prepare('SELECT count(*) FROM supply_demands WHERE price_max < price_min').pluck().get()).toBe(0);
    // Ranges end on a price as people write it, to three figures (270.000, never 268.510).
    const ends = sqlite.prepare('SELECT price_max FROM supply_offers WHERE price_max IS NOT NULL UNION SELECT price_max FROM supply_demands WHERE price_max IS NOT NULL').pluck().all() as number[];
    expect(ends.length).toBeGreaterThan(100);
    expect(ends.filter((price) => price % (5 * 10 ** Math.max(0, Math.floor(Math.log10(price)) - 2)) !== 0)).toEqual([]);
    // Agreed at no more than the most the buyer pays.
    expect(
      sqlite.prepare('SELECT count(*) FROM supply_connections c JOIN supply_demands d ON d.id = c.demand_id WHERE c.price > coalesce(d.price_max, d.price_min)').pluck().get(),
    ).toBe(0);
    // So the suggestions of the demands still needed show offers within what the buyer pays and above it.
    const priced = sqlite.prepare("SELECT id FROM supply_demands WHERE coalesce(price_max, price_min) IS NOT NULL AND needed_until >= '2026-11-23'").pluck().all() as number[];
    const met = new Set<string>();
    for (const id of priced) {
      for (const suggestion of await call(app, 'demands:suggestOffers', { id })) {
        for (const reason of suggestion.reasons) if (reason.kind === 'price') met.add(reason.met);
      }
    }
    expect([...met].sort()).toEqual(['no', 'yes']);
  }, 60_000);

  it('spreads a national register over real communes of every province', () => {
    seedDemo(app.ctx, { scale: 'national', provinceCode: AN_GIANG, years: 2, seed: 3, organizations: 2000 });
    const communes = app.ctx.db.$client.prepare('SELECT DISTINCT commune_code FROM organizations').pluck().all() as string[];
    expect(communes.every((code) => app.ctx.places.commune(code) !== undefined)).toBe(true);
    const provinces = app.ctx.db.$client.prepare('SELECT DISTINCT province_code FROM organizations').pluck().all();
    expect(provinces).toHaveLength(34);
    // Seeding 2,000 organizations with their offers, demands and connections takes seconds on a busy machine.
  }, 60_000);
});
