import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InputOf, PlanDetail } from '../../src/shared/contract';
import { seedDemo } from '../../src/core/demo/generate';
import { AN_GIANG, call, openTestApp, XA_VINH_AN, XA_VINH_BINH } from './support';

type TestApp = ReturnType<typeof openTestApp>;
let app: TestApp;

// Today is 23 November 2026 (the test clock): the demo has figures of 2023–2025 and a plan a year
// up to 2026's, in force.
beforeEach(() => {
  app = openTestApp();
});
afterEach(() => app.close());

/** The measured targets of a plan by title: actual and «Năm trước». */
function actuals(plan: PlanDetail) {
  return new Map(plan.targets.filter((target) => target.measure !== null).map((target) => [target.title, { actual: target.actual, previous: target.previous }]));
}

async function yearPlan(year: number): Promise<PlanDetail> {
  const { rows } = await call(app, 'plans:list', { year });
  const found = rows.find((row) => row.kind === 'year' && row.title.includes('tỉnh An Giang'));
  if (!found) throw new Error(`no plan of ${String(year)}`);
  return call(app, 'plans:get', { id: found.id });
}

describe('the year whose figures are reported', { timeout: 60_000 }, () => {
  it('stays on the last year reported, in Tổng quan and in the plan in force, while the first figures of a new year are typed', async () => {
    seedDemo(app.ctx, { scale: 'province', provinceCode: AN_GIANG, years: 3, seed: 7, organizations: 300 });
    const before = await yearPlan(2026);
    expect(before.figureYear).toBe(2025);
    expect(await call(app, 'statistics:reportedYear', undefined)).toEqual({ year: 2025, pending: null });

    // In Cập nhật số liệu năm, 2026: one figure each for three organizations existing this year.
    const existing = app.ctx.db.$client
      .prepare("SELECT id FROM organizations WHERE deleted_at IS NULL AND ended_on IS NULL AND kind = 'htx' ORDER BY id LIMIT 3")
      .all() as { id: number }[];
    const typed: Omit<InputOf<'figures:save'>, 'organizationId' | 'year'>[] = [{ membersOfficial: 2_055 }, { workers: 1_234 }, { averageIncome: 5_000_000 }];
    for (const [index, figures] of typed.entries()) await call(app, 'figures:save', { organizationId: existing[index]?.id ?? 0, year: 2026, ...figures });

    const year2026 = (await call(app, 'statistics:overview', { year: 2026 })).current;
    expect([year2026.reporting, year2026.figuresReported]).toEqual([3, false]);
    expect((await call(app, 'statistics:overview', { year: 2025 })).current.figuresReported).toBe(true);
    // Tổng quan opens on 2025 and says how far 2026 has come.
    expect(await call(app, 'statistics:reportedYear', undefined)).toEqual({ year: 2025, pending: { year: 2026, reporting: 3, existing: year2026.organizations.total } });

    // The plan in force still reads 2025's figures: not 55 members of 24.000, nor 0 %.
    const after = await yearPlan(2026);
    expect([after.figureYear, after.figuresPending]).toEqual([2025, { year: 2026, reporting: 3, existing: year2026.organizations.total }]);
    expect(actuals(after)).toEqual(actuals(before));
    const members = actuals(after).get('Số thành viên chính thức của HTX');
    expect(members?.actual).toBeGreaterThan(5_000);
  });

  it('measures «Năm trước» as «Thực hiện» is measured, one year back: the year before in full, on the figures of the year before', async () => {
    seedDemo(app.ctx, { scale: 'province', provinceCode: AN_GIANG, years: 3, seed: 7, organizations: 300 });
    const [lastYear, thisYear] = [await yearPlan(2025), await yearPlan(2026)];
    // 2026 is not reported yet: both plans read 2025's figures for «Thực hiện».
    expect([lastYear.figureYear, thisYear.figureYear]).toEqual([2025, 2025]);
    const previousOf = new Map([...actuals(thisYear)].map(([title, { previous }]) => [title, previous]));
    const resultOf = new Map([...actuals(lastYear)].map(([title, { actual }]) => [title, actual]));
    // What happened in a period (founded, ended, connected) is 2025's own result.
    for (const title of ['Thành lập mới hợp tác xã', 'Giải thể, chấm dứt hoạt động không quá', 'Sản lượng nông sản kết nối tiêu thụ']) {
      expect(previousOf.get(title)).toBe(resultOf.get(title));
    }
    // A yearly figure is one figure year behind «Thực hiện» (2024's, over the cooperatives existing
    // at the end of 2025), so it never repeats it while 2026 is being reported.
    const sum2024 = app.ctx.db.$client
      .prepare(
        `SELECT sum(f.members_official) AS members FROM yearly_figures f JOIN organizations o ON o.id = f.organization_id
         WHERE f.year = 2024 AND o.kind = 'htx' AND o.deleted_at IS NULL AND o.province_code = ?
           AND (o.founded_on IS NULL OR o.founded_on <= '2025-12-31') AND (o.ended_on IS NULL OR o.ended_on > '2025-12-31')`,
      )
      .get(AN_GIANG) as { members: number };
    const members = actuals(thisYear).get('Số thành viên chính thức của HTX');
    expect(members?.previous).toBe(sum2024.members);
    expect(members?.previous).not.toBe(members?.actual);
    for (const title of ['Lao động thường xuyên trong HTX', 'Tỷ lệ hợp tác xã hoạt động hiệu quả']) {
      expect(previousOf.get(title)).not.toBeNull();
      expect(previousOf.get(title)).not.toBe(actuals(thisYear).get(title)?.actual);
    }
  });
});

describe('the rule', () => {
  async function cooperatives(n: number): Promise<number[]> {
    const ids: number[] = [];
    for (let index = 0; index < n; index++) {
      ids.push((await call(app, 'organizations:create', { kind: 'htx', name: `HTX Nông nghiệp Số ${String(index + 1)}`, communeCode: index % 2 ? XA_VINH_AN : XA_VINH_BINH, foundedOn: '2015-01-01' })).id);
    }
    return ids;
  }

  it('reads a year reported by half of its organizations, or by half as many as ever reported in a year', async () => {
    await call(app, 'alliance:save', { name: 'Liên minh Hợp tác xã tỉnh An Giang', provinceCode: AN_GIANG });
    const ids = await cooperatives(10);
    const report = async (year: number, count: number) => {
      for (const id of ids.slice(0, count)) await call(app, 'figures:save', { organizationId: id, year, membersOfficial: 10 });
    };
    expect(await call(app, 'statistics:reportedYear', undefined)).toEqual({ year: null, pending: null });
    // An office whose cooperatives never all report: 4 of 10, then 3 — still its years.
    await report(2024, 4);
    await report(2025, 3);
    expect(await call(app, 'statistics:reportedYear', undefined)).toEqual({ year: 2025, pending: null });
    // The first of 2026: fewer than half of the 10, and than half of the best year's 4.
    await report(2026, 1);
    expect(await call(app, 'statistics:reportedYear', undefined)).toEqual({ year: 2025, pending: { year: 2026, reporting: 1, existing: 10 } });
    await report(2026, 2);
    expect(await call(app, 'statistics:reportedYear', undefined)).toEqual({ year: 2026, pending: null });
  });

  it('says «Chưa có số liệu» of a measure nobody has reported, never 0, from the counters and from the rows alike', async () => {
    await call(app, 'alliance:save', { name: 'Liên minh Hợp tác xã tỉnh An Giang', provinceCode: AN_GIANG });
    const ids = await cooperatives(2);
    // Members only: no income, no revenue, nobody classified.
    for (const id of ids) await call(app, 'figures:save', { organizationId: id, year: 2026, membersOfficial: 12 });
    const htx = { metric: 'organizations' as const, kinds: ['htx' as const] };
    const plan = (communeCodes: string[]): InputOf<'plans:create'> => ({
      kind: 'year',
      number: '',
      title: `Kế hoạch năm 2026 (${String(communeCodes.length)} xã)`,
      issuedOn: null,
      issuer: '',
      periodFrom: '2026-01-01',
      periodTo: '2026-12-31',
      communeCodes,
      status: 'draft',
      targets: [
        { title: 'Thành viên', comparison: 'at_least', value: 1, unit: 'count', unitLabel: 'người', measure: { ...htx, metric: 'members' } },
        { title: 'Thu nhập', comparison: 'at_least', value: 1, unit: 'money', measure: { metric: 'averageIncome', kinds: ['htx'] } },
        { title: 'Doanh thu', comparison: 'at_least', value: 1, unit: 'money', measure: { ...htx, metric: 'revenue' } },
        { title: 'Hiệu quả', comparison: 'at_least', value: 1, unit: 'percent', measure: { ...htx, effective: true }, denominator: htx },
      ],
    });
    for (const communeCodes of [[], [XA_VINH_AN, XA_VINH_BINH]]) {
      const detail = await call(app, 'plans:get', { id: (await call(app, 'plans:create', plan(communeCodes))).id });
      expect(detail.targets.map((target) => [target.title, target.actual, target.status])).toEqual([
        ['Thành viên', 24, 'met'],
        ['Thu nhập', null, 'unknown'],
        ['Doanh thu', null, 'unknown'],
        ['Hiệu quả', null, 'unknown'],
      ]);
    }
  });
});
