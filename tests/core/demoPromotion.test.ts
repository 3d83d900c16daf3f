/**
 * The chairperson's two sentences, out of the app on the demo data: "4 hội nghị kết nối cung cầu
 * tại 4 thành phố với trên 100 HTX, doanh nghiệp" and "10 hội nghị chuyên đề giữa 52 doanh nghiệp
 * và hơn 300 HTX, THT" — from Tổng quan and from the trade-promotion report, each checked against
 * the rows themselves.
 */
import type ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/core/demo/generate';
import { fulfilmentOf, roundQuantity } from '../../src/shared/agreements';
import { AN_GIANG, call, openTestApp } from './support';
import { readWorkbook, rowNumberOf, runReport } from './reportsSupport';

type TestApp = ReturnType<typeof openTestApp>;
let app: TestApp;
const year = 2025;

beforeAll(() => {
  app = openTestApp();
  seedDemo(app.ctx, { scale: 'province', provinceCode: AN_GIANG, years: 3, seed: 1 });
}, 120_000);
afterAll(() => app.close());

/** Straight from the rows: the events of a kind begun in the year, and who was ticked present. */
function fromRows(kind: string) {
  const sqlite = app.ctx.db.$client;
  const held = `FROM events e WHERE e.deleted_at IS NULL AND e.kind = ? AND e.starts_on BETWEEN '${year}-01-01' AND '${year}-12-31'`;
  const came = `FROM event_participants p JOIN events e ON e.id = p.event_id
    LEFT JOIN organizations o ON o.id = p.organization_id LEFT JOIN partners pa ON pa.id = p.partner_id
    WHERE p.status = 'attended' AND e.deleted_at IS NULL AND e.kind = ? AND e.starts_on BETWEEN '${year}-01-01' AND '${year}-12-31'`;
  const one = (query: string) => sqlite.prepare(query).pluck().get(kind) as number;
  return {
    events: one(`SELECT count(*) ${held}`),
    places: one(`SELECT count(DISTINCT e.province_code) ${held}`),
    cooperatives: one(`SELECT count(DISTINCT CASE WHEN o.kind IN ('htx', 'lhhtx', 'qtdnd') THEN o.id END) ${came}`),
    groups: one(`SELECT count(DISTINCT CASE WHEN o.kind = 'tht' THEN o.id END) ${came}`),
    enterprises: one(`SELECT count(DISTINCT CASE WHEN pa.kind = 'enterprise' THEN pa.id END) ${came}`),
    otherPartners: one(`SELECT count(DISTINCT CASE WHEN pa.kind <> 'enterprise' THEN pa.id END) ${came}`),
  };
}

describe('the chairperson’s sentences on the demo data', { timeout: 120_000 }, () => {
  it('come out of Tổng quan, equal to the rows', async () => {
    const { promotion, agreements } = await call(app, 'statistics:overview', { year });
    const supplyDemand = fromRows('supply_demand_conference');
    const thematic = fromRows('thematic_conference');

    const line = (kind: string) => promotion.byKind.find((row) => row.kind === kind);
    expect(line('supply_demand_conference')).toMatchObject(supplyDemand);
    expect(line('thematic_conference')).toMatchObject(thematic);

    // "4 hội nghị kết nối cung cầu tại 4 thành phố với trên 100 HTX, doanh nghiệp"
    expect([supplyDemand.events, supplyDemand.places]).toEqual([4, 4]);
    expect(supplyDemand.cooperatives + supplyDemand.enterprises).toBeGreaterThan(100);
    const cities = app.ctx.db.$client
      .prepare(`SELECT DISTINCT province_code FROM events WHERE kind = 'supply_demand_conference' AND starts_on LIKE '${year}-%'`)
      .pluck()
      .all() as string[];
    expect(cities.map((code) => app.ctx.places.province(code)?.fullName.startsWith('Thành phố'))).toEqual([true, true, true, true]);
    // "10 hội nghị chuyên đề giữa 52 doanh nghiệp và hơn 300 HTX, THT"
    expect([thematic.events, thematic.enterprises]).toEqual([10, 52]);
    expect(thematic.cooperatives + thematic.groups).toBeGreaterThan(300);

    // The whole year: each one once, however many kinds of event it came to.
    const people = app.ctx.db.$client
      .prepare(
        `SELECT count(DISTINCT p.organization_id) AS organizations, count(DISTINCT p.partner_id) AS partners
         FROM event_participants p JOIN events e ON e.id = p.event_id
         WHERE p.status = 'attended' AND e.deleted_at IS NULL AND e.starts_on LIKE '${year}-%'`,
      )
      .get() as { organizations: number; partners: number };
    expect(promotion.total.cooperatives + promotion.total.groups).toBe(people.organizations);
    expect(promotion.total.enterprises + promotion.total.otherPartners).toBe(people.partners);
    expect(promotion.total.events).toBe(promotion.byKind.reduce((sum, row) => sum + row.events, 0));

    const signed = app.ctx.db.$client
      .prepare(`SELECT count(*) FROM agreements WHERE deleted_at IS NULL AND signed_on LIKE '${year}-%'`)
      .pluck()
      .get() as number;
    const value = app.ctx.db.$client
      .prepare(
        `SELECT coalesce(sum(c.value), 0) FROM agreement_commitments c JOIN agreements a ON a.id = c.agreement_id
         WHERE a.deleted_at IS NULL AND a.signed_on LIKE '${year}-%'`,
      )
      .pluck()
      .get() as number;
    expect(agreements.signed).toBe(signed);
    expect(signed).toBeGreaterThan(10);
    expect(agreements.value).toBe(value);
    // How far they are carried out at the year's end, from each commitment's own deliveries made by
    // then; terminated ones owe nothing. The one rule, `fulfilmentOf`, turns them into a percent.
    const yearEnd = `${year}-12-31`;
    const commitments = app.ctx.db.$client
      .prepare(
        `SELECT c.quantity, c.value,
           (SELECT coalesce(sum(d.quantity), 0) FROM agreement_deliveries d WHERE d.commitment_id = c.id AND d.delivered_on <= ?) AS delivered
         FROM agreement_commitments c JOIN agreements a ON a.id = c.agreement_id
         WHERE a.deleted_at IS NULL AND a.signed_on LIKE '${year}-%' AND (a.terminated_on IS NULL OR a.terminated_on > ?)`,
      )
      .all(yearEnd, yearEnd) as { quantity: number; value: number | null; delivered: number }[];
    expect(commitments.filter((commitment) => commitment.delivered > 0).length).toBeGreaterThan(10);
    const expected = fulfilmentOf(commitments.map((commitment) => ({ ...commitment, delivered: roundQuantity(commitment.delivered) })));
    // Summed in another order than the service's, so equal to the last few bits of a double.
    expect(agreements.fulfilment?.basis).toBe(expected?.basis);
    expect(agreements.fulfilment?.percent).toBeCloseTo(expected?.percent ?? Number.NaN, 9);
  });

  it('come out of the trade-promotion report with the same numbers', async () => {
    const report = await runReport(app, { report: 'trade-promotion', from: `${year}-01-01`, to: `${year}-12-31` });
    const workbook = await readWorkbook(report.path);
    const sheet = workbook.getWorksheet('Theo loại sự kiện') as ExcelJS.Worksheet;
    // Kind, events, provinces, HTX, THT, enterprises, other partners.
    const first = rowNumberOf(sheet, 'STT');
    const row = (label: string) => {
      const found = sheet.getRows(first, sheet.rowCount - first + 1)?.find((candidate) => candidate.getCell(2).text === label);
      return (found?.values as unknown[] | undefined)?.slice(2, 9);
    };
    const expected = (kind: string, label: string) => {
      const counts = fromRows(kind);
      return [label, counts.events, counts.places, counts.cooperatives, counts.groups, counts.enterprises, counts.otherPartners];
    };
    expect(row('Hội nghị kết nối cung – cầu')).toEqual(expected('supply_demand_conference', 'Hội nghị kết nối cung – cầu'));
    expect(row('Hội nghị chuyên đề')).toEqual(expected('thematic_conference', 'Hội nghị chuyên đề'));
    expect(row('Hội nghị chuyên đề')?.slice(1, 2)).toEqual([10]);
  });

  it('give one Tỷ lệ thực hiện on Tổng quan and in the agreements report, by value, the commitments without a value left out and counted', async () => {
    // The year's commitments by value, straight from the rows: each one's share delivered (at most
    // all of it) of its value, over the values — those without a value weigh nothing and are counted.
    const yearEnd = `${year}-12-31`;
    const rows = app.ctx.db.$client
      .prepare(
        `SELECT c.quantity, c.value,
           (SELECT coalesce(sum(d.quantity), 0) FROM agreement_deliveries d WHERE d.commitment_id = c.id AND d.delivered_on <= ?) AS delivered
         FROM agreement_commitments c JOIN agreements a ON a.id = c.agreement_id
         WHERE a.deleted_at IS NULL AND a.signed_on LIKE '${year}-%' AND (a.terminated_on IS NULL OR a.terminated_on > ?)`,
      )
      .all(yearEnd, yearEnd) as { quantity: number; value: number | null; delivered: number }[];
    const valued = rows.filter((row) => row.value !== null);
    const committed = valued.reduce((sum, row) => sum + (row.value ?? 0), 0);
    const delivered = valued.reduce((sum, row) => sum + ((row.value ?? 0) * Math.min(row.quantity, row.delivered)) / row.quantity, 0);
    const unvalued = rows.length - valued.length;
    expect(unvalued).toBeGreaterThan(0);
    // Those left out and still owed are said beside the rate.
    const unvaluedShort = rows.filter((row) => row.value === null && row.delivered < row.quantity).length;

    const { agreements } = await call(app, 'statistics:overview', { year });
    expect(agreements.fulfilment).toMatchObject({ basis: 'value', unvalued, unvaluedShort });
    expect(agreements.fulfilment?.percent).toBeCloseTo((delivered / committed) * 100, 9);

    const report = await readWorkbook((await runReport(app, { report: 'agreements', from: `${year}-01-01`, to: yearEnd })).path);
    const sheet = report.getWorksheet('Thỏa thuận') as ExcelJS.Worksheet;
    const totals = sheet.getRow(rowNumberOf(sheet, 'Tổng cộng'));
    expect(totals.getCell(10).value).toBeCloseTo(agreements.fulfilment?.percent ?? Number.NaN, 9);
    const short = unvaluedShort > 0 ? `, ${unvaluedShort} còn chưa giao đủ` : '';
    expect(totals.getCell(11).value).toBe(`Theo giá trị (${unvalued} cam kết chưa có giá trị không tính${short})`);
  });
});
