import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InputOf, TargetProgress } from '../../src/shared/contract';
import { elapsedShare, targetStatus, type MeasureInput } from '../../src/shared/plans';
import { verifyDerivedStructures } from '../../src/core/db/derived';
import { AN_GIANG, call, callConfirming, callFailing, openTestApp, XA_VINH_AN } from './support';
import { csvRow, exportList, readWithLibreOffice, readWorkbook, rowNumberOf, rowTexts, runPlanResults, skipLibreOffice } from './reportsSupport';

type TestApp = ReturnType<typeof openTestApp>;
let app: TestApp;

/** Noon in Vietnam on a calendar day. */
function on(day: string): Date {
  return new Date(`${day}T05:00:00Z`);
}

// The communes of the former thị xã Tân Châu (An Giang), since 1 July 2025.
const PHUONG_TAN_CHAU = '30376';
const PHUONG_LONG_PHU = '30377';
const XA_VINH_XUONG = '30385';
const TAN_CHAU = [PHUONG_TAN_CHAU, PHUONG_LONG_PHU, XA_VINH_XUONG, '30388', '30403'];

const ids: Record<string, number> = {};

async function cooperative(key: string, name: string, communeCode: string, foundedOn: string, extra: Partial<InputOf<'organizations:create'>> = {}) {
  ids[key] = (await call(app, 'organizations:create', { kind: 'htx', name, communeCode, foundedOn, sectorCode: 'trong_trot', ...extra })).id;
  return ids[key];
}

const agriculturalHtx: MeasureInput = { metric: 'organizations', kinds: ['htx'], sectorGroup: 'agriculture' };

function tanChauPlan(): InputOf<'plans:create'> {
  return {
    kind: 'year',
    number: '125/KH-UBND',
    title: 'Kế hoạch phát triển hợp tác xã, tổ hợp tác gắn với chuỗi giá trị trên địa bàn thị xã Tân Châu năm 2024',
    issuedOn: '2024-03-15',
    issuer: 'UBND thị xã Tân Châu',
    periodFrom: '2024-01-01',
    periodTo: '2024-12-31',
    communeCodes: TAN_CHAU,
    organizationKinds: ['htx'],
    sectorGroup: 'agriculture',
    status: 'issued',
    targets: [
      { title: 'Duy trì, nâng chất 04 HTX NN hiện có', comparison: 'at_least', value: 4, unit: 'count', unitLabel: 'HTX', measure: agriculturalHtx },
      { title: 'Thành lập mới ít nhất 03 HTX NN', comparison: 'at_least', value: 3, unit: 'count', unitLabel: 'HTX', measure: { ...agriculturalHtx, metric: 'founded' } },
      {
        title: 'Có 70% HTX NN hoạt động hiệu quả',
        comparison: 'at_least',
        value: 70,
        unit: 'percent',
        measure: { ...agriculturalHtx, effective: true },
        denominator: agriculturalHtx,
      },
      {
        title: 'Bộ máy quản lý có ít nhất 25% trình độ cao đẳng trở lên',
        comparison: 'at_least',
        value: 25,
        unit: 'percent',
        measure: { ...agriculturalHtx, metric: 'managersWithDegree' },
        denominator: { ...agriculturalHtx, metric: 'managers' },
      },
      {
        title: 'Ít nhất 50% số HTX liên kết tiêu thụ với doanh nghiệp',
        comparison: 'at_least',
        value: 50,
        unit: 'percent',
        measure: { ...agriculturalHtx, linkedWithEnterprise: true },
        denominator: agriculturalHtx,
      },
      {
        title: 'Ít nhất 01 HTX ứng dụng công nghệ cao có sản phẩm OCOP từ 3 sao',
        comparison: 'at_least',
        value: 1,
        unit: 'count',
        unitLabel: 'HTX',
        measure: { ...agriculturalHtx, highTech: true, ocopMinStars: 3 },
      },
      { title: 'Tập huấn cho 120 thành viên HTX', comparison: 'at_least', value: 120, unit: 'count', unitLabel: 'người', measure: null },
    ],
  };
}

beforeEach(async () => {
  app = openTestApp(on('2024-11-20'));
  await call(app, 'alliance:save', { name: 'Liên minh Hợp tác xã tỉnh An Giang', provinceCode: AN_GIANG });
  await cooperative('a', 'HTX Nông nghiệp Vĩnh Xương', XA_VINH_XUONG, '2015-04-02', { highTech: true });
  await cooperative('b', 'HTX Nông nghiệp Long Phú', PHUONG_LONG_PHU, '2018-08-01');
  await cooperative('g', 'HTX Rau sạch Tân Châu', PHUONG_TAN_CHAU, '2023-05-05');
  await cooperative('c', 'HTX Nông nghiệp Châu Giang', PHUONG_TAN_CHAU, '2024-03-01');
  await cooperative('d', 'HTX Thủy sản Long Phú', PHUONG_LONG_PHU, '2024-06-01', { sectorCode: 'thuy_san' });
  // Outside Tân Châu, not agricultural, or not a cooperative: none of them counts.
  await cooperative('elsewhere', 'HTX Nông nghiệp Vĩnh An', XA_VINH_AN, '2024-02-02');
  await cooperative('transport', 'HTX Vận tải Tân Châu', PHUONG_TAN_CHAU, '2024-04-04', { sectorCode: 'van_tai' });
  await cooperative('group', 'THT Rau an toàn Long Phú', PHUONG_LONG_PHU, '2024-05-05', { kind: 'tht' });
  const figures = (key: string, classification: 'good' | 'fair' | 'average' | 'weak' | null, managers: number, managersWithDegree: number) =>
    call(app, 'figures:save', { organizationId: ids[key] ?? 0, year: 2024, classification, managers, managersWithDegree, membersOfficial: 20 });
  await figures('a', 'good', 5, 2);
  await figures('b', 'fair', 4, 0);
  await figures('g', 'weak', 3, 0);
  await call(app, 'certifications:save', { organizationId: ids.a ?? 0, kindCode: 'ocop', stars: 4, issuedOn: '2023-06-01', expiresOn: '2026-06-01' });
  const enterprise = (await call(app, 'partners:create', { kind: 'enterprise', name: 'Công ty CP Tập đoàn Lộc Trời', provinceCode: AN_GIANG })).id;
  const market = (await call(app, 'partners:create', { kind: 'wholesale_market', name: 'Chợ đầu mối Bình Điền', provinceCode: '79' })).id;
  ids.enterprise = enterprise;
  ids.market = market;
  const contract = (organizationId: number, partnerId: number, signedOn: string, validUntil: string) =>
    call(app, 'agreements:create', {
      kind: 'sales_contract',
      title: 'Hợp đồng liên kết tiêu thụ lúa',
      signedOn,
      validUntil,
      parties: [
        { kind: 'organization', id: organizationId, role: 'seller' },
        { kind: 'partner', id: partnerId, role: 'buyer' },
      ],
      commitments: [],
    });
  await contract(ids.a ?? 0, enterprise, '2023-09-01', '2024-08-31');
  // A market is not an enterprise; an agreement that ended before the year does not count.
  await contract(ids.b ?? 0, market, '2024-02-01', '2024-12-31');
  await contract(ids.g ?? 0, enterprise, '2022-01-01', '2023-06-30');
});
afterEach(() => app.close());

function byTitle(targets: TargetProgress[], start: string): TargetProgress {
  const found = targets.find((target) => target.title.startsWith(start));
  if (!found) throw new Error(`no target ${start}`);
  return found;
}

describe('plans and targets', () => {
  it('computes every target from the data, against last year, with its status', async () => {
    const { id } = await call(app, 'plans:create', tanChauPlan());
    const plan = await call(app, 'plans:get', { id });
    expect(plan.asOf).toBe('2024-11-20');
    expect(plan.figureYear).toBe(2024);
    expect(plan.elapsed).toBeCloseTo(325 / 366, 5);
    expect(plan.communeNames).toContain('Phường Tân Châu');
    expect(plan.effectiveClassifications).toEqual(['good', 'fair', 'average']);

    const existing = byTitle(plan.targets, 'Duy trì');
    // a, b, g existed before; c and d were founded this year.
    expect([existing.actual, existing.previous, existing.status]).toEqual([5, 3, 'met']);

    const founded = byTitle(plan.targets, 'Thành lập mới');
    // Two of three with 89 % of the year gone: below the pace of 2.67.
    expect([founded.actual, founded.previous, founded.status, founded.percentOfTarget]).toEqual([2, 1, 'at_risk', 66.7]);

    const effective = byTitle(plan.targets, 'Có 70%');
    expect([effective.numerator, effective.denominatorValue, effective.actual, effective.status]).toEqual([2, 5, 40, 'at_risk']);

    const managers = byTitle(plan.targets, 'Bộ máy');
    expect([managers.numerator, managers.denominatorValue, managers.actual]).toEqual([2, 12, 16.7]);

    const linked = byTitle(plan.targets, 'Ít nhất 50%');
    expect([linked.numerator, linked.actual]).toEqual([1, 20]);

    const highTech = byTitle(plan.targets, 'Ít nhất 01 HTX');
    expect([highTech.actual, highTech.status]).toEqual([1, 'met']);

    const typed = byTitle(plan.targets, 'Tập huấn');
    expect([typed.actual, typed.status, typed.typed]).toEqual([null, 'unknown', { note: '', by: '', at: null }]);
  });

  it('drills down to the organizations that count, and for a share to those that do not', async () => {
    const { id } = await call(app, 'plans:create', tanChauPlan());
    const plan = await call(app, 'plans:get', { id });
    const founded = byTitle(plan.targets, 'Thành lập mới');
    const counted = await call(app, 'plans:drillDown', { targetId: founded.id });
    expect(counted.counted.rows.map((row) => row.name)).toEqual(['HTX Nông nghiệp Châu Giang', 'HTX Thủy sản Long Phú']);
    expect(counted.notCounted).toBeNull();

    const effective = byTitle(plan.targets, 'Có 70%');
    const shareCounted = await call(app, 'plans:drillDown', { targetId: effective.id });
    expect(shareCounted.counted.rows.map((row) => row.name)).toEqual(['HTX Nông nghiệp Long Phú', 'HTX Nông nghiệp Vĩnh Xương']);
    const notCounted = await call(app, 'plans:drillDown', { targetId: effective.id, side: 'notCounted' });
    expect(notCounted.notCounted?.rows.map((row) => row.name)).toEqual(['HTX Nông nghiệp Châu Giang', 'HTX Rau sạch Tân Châu', 'HTX Thủy sản Long Phú']);
    expect(notCounted.notCounted?.total).toBe(3);

    const managers = byTitle(plan.targets, 'Bộ máy');
    const withDegree = await call(app, 'plans:drillDown', { targetId: managers.id });
    expect(withDegree.counted.rows.map((row) => [row.name, row.value])).toEqual([
      ['HTX Nông nghiệp Long Phú', 0],
      ['HTX Nông nghiệp Vĩnh Xương', 2],
      ['HTX Rau sạch Tân Châu', 0],
    ]);
  });

  it('moves a target to met when one more cooperative is founded in the year', async () => {
    const { id } = await call(app, 'plans:create', tanChauPlan());
    const before = byTitle((await call(app, 'plans:get', { id })).targets, 'Thành lập mới');
    expect([before.actual, before.status]).toEqual([2, 'at_risk']);
    // Asked again as Tổng quan and Cần chú ý ask, and after the cooperative is founded: the same
    // progress while nothing changed, the new one after.
    expect(byTitle((await call(app, 'plans:inForce', undefined))?.targets ?? [], 'Thành lập mới')).toEqual(before);
    await cooperative('e', 'HTX Nông nghiệp Phú Vĩnh', XA_VINH_XUONG, '2024-09-09');
    const founded = byTitle((await call(app, 'plans:get', { id })).targets, 'Thành lập mới');
    expect([founded.actual, founded.status, founded.percentOfTarget]).toEqual([3, 'met', 100]);
  });

  it('lists the targets at risk in Cần chú ý during the plan’s last quarter only', async () => {
    const { id } = await call(app, 'plans:create', tanChauPlan());
    const atRisk = (await call(app, 'attention:list', {})).targetsAtRisk;
    expect(atRisk.map((row) => [row.planId, row.title, row.actual, row.value])).toEqual([
      [id, 'Thành lập mới ít nhất 03 HTX NN', 2, 3],
      [id, 'Có 70% HTX NN hoạt động hiệu quả', 40, 70],
      [id, 'Bộ máy quản lý có ít nhất 25% trình độ cao đẳng trở lên', 16.7, 25],
      [id, 'Ít nhất 50% số HTX liên kết tiêu thụ với doanh nghiệp', 20, 50],
    ]);
    app.setNow(on('2024-09-30'));
    expect((await call(app, 'attention:list', {})).targetsAtRisk).toEqual([]);
    app.setNow(on('2024-10-01'));
    expect((await call(app, 'attention:list', {})).targetsAtRisk).toHaveLength(4);
  });

  it('gives the plan its year before when it is opened after Cần chú ý measured only this year', async () => {
    const { id } = await call(app, 'plans:create', tanChauPlan());
    const atRisk = (await call(app, 'attention:list', {})).targetsAtRisk;
    const plan = await call(app, 'plans:get', { id });
    const founded = byTitle(plan.targets, 'Thành lập mới');
    expect([founded.actual, founded.previous, founded.status]).toEqual([2, 1, 'at_risk']);
    expect([byTitle(plan.targets, 'Duy trì').actual, byTitle(plan.targets, 'Duy trì').previous]).toEqual([5, 3]);
    // Cần chú ý and the plan say the same of each target.
    expect(atRisk.map((row) => [row.targetId, row.actual])).toEqual(
      plan.targets.filter((target) => target.status === 'at_risk').map((target) => [target.id, target.actual]),
    );
  });

  it('follows the office’s definition of operating effectively', async () => {
    const { id } = await call(app, 'plans:create', tanChauPlan());
    expect(await call(app, 'plans:setEffectiveDefinition', { classifications: ['fair', 'good', 'weak'] })).toEqual(['good', 'fair', 'weak']);
    const effective = byTitle((await call(app, 'plans:get', { id })).targets, 'Có 70%');
    expect([effective.numerator, effective.actual]).toEqual([3, 60]);
    const refused = await callFailing(app, 'plans:setEffectiveDefinition', { classifications: [] });
    expect(refused.message).toBe('Chọn ít nhất một mức xếp loại được coi là hoạt động hiệu quả.');
  });

  it('keeps a typed actual with its note, who typed it and when, and refuses one where a measure exists', async () => {
    const { id } = await call(app, 'plans:create', tanChauPlan());
    const plan = await call(app, 'plans:get', { id });
    const typed = byTitle(plan.targets, 'Tập huấn');
    await call(app, 'plans:typeActual', { targetId: typed.id, actual: 130, note: 'Theo báo cáo của Phòng Kinh tế', by: 'Trần Thị Bích' });
    const after = byTitle((await call(app, 'plans:get', { id })).targets, 'Tập huấn');
    expect([after.actual, after.status]).toEqual([130, 'met']);
    expect(after.typed).toEqual({ note: 'Theo báo cáo của Phòng Kinh tế', by: 'Trần Thị Bích', at: '2024-11-20T05:00:00.000Z' });

    const computed = byTitle(plan.targets, 'Thành lập mới');
    const refused = await callFailing(app, 'plans:typeActual', { targetId: computed.id, actual: 3, by: 'Trần Thị Bích' });
    expect(refused.message).toBe('Chỉ tiêu «Thành lập mới ít nhất 03 HTX NN» được tính từ dữ liệu của phần mềm; không nhập tay số thực hiện.');

    // An edit of the plan keeps the typed actual with its target.
    const detail = await call(app, 'plans:get', { id });
    await call(app, 'plans:update', {
      ...tanChauPlan(),
      id,
      targets: detail.targets.map((target) => ({
        id: target.id,
        title: target.title,
        comparison: target.comparison,
        value: target.value,
        unit: target.unit,
        unitLabel: target.unitLabel,
        measure: target.measure,
        denominator: target.denominator,
      })),
    });
    expect(byTitle((await call(app, 'plans:get', { id })).targets, 'Tập huấn').actual).toBe(130);
  });

  it('checks a plan before saving it', async () => {
    const wrongPeriod = await callFailing(app, 'plans:create', { ...tanChauPlan(), periodTo: '2025-06-30' });
    expect(wrongPeriod.message).toContain('Kế hoạch năm bắt đầu và kết thúc trong cùng một năm');
    const noDenominator = await callFailing(app, 'plans:create', {
      ...tanChauPlan(),
      targets: [{ title: 'Tỷ lệ HTX hiệu quả', comparison: 'at_least', value: 70, unit: 'percent', measure: agriculturalHtx }],
    });
    expect(noDenominator.kind === 'validation' && noDenominator.issues[0]).toEqual({ path: 'targets.0.denominator', message: 'Chỉ tiêu tỷ lệ (%) cần chọn mẫu số: tỷ lệ trên tổng số nào.' });
    const unknownCommune = await callFailing(app, 'plans:create', { ...tanChauPlan(), communeCodes: ['99999'] });
    expect(unknownCommune.message).toBe('Mã xã, phường 99999 không có trong danh mục hiện hành.');
  });

  it('copies last year’s plan to a new year as a draft, values to adjust', async () => {
    const { id } = await call(app, 'plans:create', tanChauPlan());
    const copy = await call(app, 'plans:copy', { id, year: 2025 });
    const plan = await call(app, 'plans:get', { id: copy.id });
    expect(plan.title).toBe('Kế hoạch phát triển hợp tác xã, tổ hợp tác gắn với chuỗi giá trị trên địa bàn thị xã Tân Châu năm 2025');
    expect([plan.periodFrom, plan.periodTo, plan.status, plan.number, plan.issuedOn, plan.copiedFromId]).toEqual(['2025-01-01', '2025-12-31', 'draft', '', null, id]);
    expect(plan.communeCodes).toEqual(TAN_CHAU);
    expect(plan.targets.map((target) => [target.title, target.value])).toEqual(tanChauPlan().targets.map((target) => [target.title, target.value]));
    // Not begun yet: nothing founded, and 2024's figures are the latest there are.
    expect(plan.elapsed).toBe(0);
    expect(plan.figureYear).toBe(2024);
    expect(byTitle(plan.targets, 'Thành lập mới').actual).toBe(0);
    expect(byTitle(plan.targets, 'Thành lập mới').previous).toBe(2);
  });

  it('lists plans, shows the one in force, keeps a history, goes to the trash and back', async () => {
    const { id } = await call(app, 'plans:create', tanChauPlan());
    await call(app, 'plans:copy', { id, year: 2025 });
    const list = await call(app, 'plans:list', { search: 'tan chau 2025' });
    expect(list.rows.map((row) => [row.periodFrom, row.status, row.inForce, row.targetCount])).toEqual([['2025-01-01', 'draft', false, 7]]);
    const inForce = await call(app, 'plans:inForce', undefined);
    expect(inForce?.id).toBe(id);
    expect(inForce?.targets).toHaveLength(7);

    await call(app, 'plans:delete', { id });
    expect(await call(app, 'plans:inForce', undefined)).toBeNull();
    expect((await call(app, 'plans:trash', {})).rows.map((row) => row.id)).toEqual([id]);
    await call(app, 'plans:restore', { id });
    const history = await call(app, 'records:history', { kind: 'plan', id });
    expect(history.entries.map((entry) => entry.action)).toEqual(['restore', 'delete', 'create']);
    const created = history.entries[2]?.changes.find((change) => change.field === 'communeCodes');
    expect(created?.after).toEqual(TAN_CHAU);
    expect(history.names['communeCodes:30376']).toBe('Phường Tân Châu');
  });
});

/** The province's own year plan of `year`: the whole province, every kind. */
function provincePlan(year: number, extra: Partial<InputOf<'plans:create'>> = {}): InputOf<'plans:create'> {
  return {
    kind: 'year',
    number: '12/KH-LMHTX',
    title: `Kế hoạch phát triển kinh tế tập thể, hợp tác xã tỉnh An Giang năm ${String(year)}`,
    issuedOn: `${String(year - 1)}-11-15`,
    issuer: 'Liên minh Hợp tác xã tỉnh An Giang',
    periodFrom: `${String(year)}-01-01`,
    periodTo: `${String(year)}-12-31`,
    status: 'issued',
    targets: [
      { title: 'Thành lập mới hợp tác xã', comparison: 'at_least', value: 10, unit: 'count', unitLabel: 'HTX', measure: { metric: 'founded', kinds: ['htx'] } },
      { title: 'Số thành viên chính thức của HTX', comparison: 'at_least', value: 50, unit: 'count', unitLabel: 'thành viên', measure: { metric: 'members', kinds: ['htx'] } },
      { title: 'Tổng doanh thu của HTX', comparison: 'at_least', value: 500_000_000_000, unit: 'money', measure: { metric: 'revenue', kinds: ['htx'] } },
      { title: 'Bồi dưỡng, tập huấn cán bộ quản lý HTX', comparison: 'at_least', value: 300, unit: 'count', unitLabel: 'người', measure: null },
    ],
    ...extra,
  };
}

describe('one year plan a year', () => {
  it('asks before a copy or a plan typed by hand makes a second year plan of one year and scope, naming the one there', async () => {
    const issued = await call(app, 'plans:create', provincePlan(2025));
    const lastYear = await call(app, 'plans:create', provincePlan(2024, { number: '9/KH-LMHTX' }));

    const copied = await callFailing(app, 'plans:copy', { id: lastYear.id, year: 2025 });
    const said =
      'Năm 2025 đã có kế hoạch năm cùng phạm vi (địa bàn, loại hình, lĩnh vực): «Kế hoạch phát triển kinh tế tập thể, hợp tác xã tỉnh An Giang năm 2025» (số 12/KH-LMHTX, đã ban hành). Nếu đây đúng là một kế hoạch khác, hãy xác nhận để lưu.';
    const listed = [{ id: issued.id, name: 'Kế hoạch phát triển kinh tế tập thể, hợp tác xã tỉnh An Giang năm 2025', detail: 'số 12/KH-LMHTX, đã ban hành' }];
    expect(copied).toEqual({ kind: 'conflict', message: said, existingId: issued.id, similar: listed });
    const retyped = { ...provincePlan(2025), status: 'draft' as const, number: '', title: 'Kế hoạch KTTT năm 2025 (bản nhập lại)' };
    const typed = await callFailing(app, 'plans:create', retyped);
    expect(typed).toEqual({ kind: 'conflict', message: said, existingId: issued.id, similar: listed });
    // An id of another plan confirms nothing.
    expect(await callFailing(app, 'plans:create', { ...retyped, confirmedSimilarIds: [lastYear.id] })).toMatchObject({ kind: 'conflict', existingId: issued.id });
    expect((await call(app, 'plans:list', { year: 2025 })).total).toBe(1);

    // Confirmed, the copy is made, as a draft; editing it later asks nothing again.
    const copy = await call(app, 'plans:copy', { id: lastYear.id, year: 2025, confirmedSimilarIds: [issued.id] });
    expect([copy.periodFrom, copy.status]).toEqual(['2025-01-01', 'draft']);
    await call(app, 'plans:update', { ...provincePlan(2025), id: copy.id, number: '', status: 'draft', note: 'Giá trị đã điều chỉnh' });
    // The plan typed again, confirmed against the issued one alone, is asked again: the copy came since.
    expect(await callFailing(app, 'plans:create', { ...retyped, confirmedSimilarIds: [issued.id] })).toEqual({
      kind: 'conflict',
      message:
        'Năm 2025 đã có 2 kế hoạch năm cùng phạm vi (địa bàn, loại hình, lĩnh vực): «Kế hoạch phát triển kinh tế tập thể, hợp tác xã tỉnh An Giang năm 2025» (số 12/KH-LMHTX, đã ban hành) và «Kế hoạch phát triển kinh tế tập thể, hợp tác xã tỉnh An Giang năm 2025» (đang dự thảo). Nếu đây đúng là một kế hoạch khác, hãy xác nhận để lưu.',
      existingId: issued.id,
      similar: [...listed, { id: copy.id, name: 'Kế hoạch phát triển kinh tế tập thể, hợp tác xã tỉnh An Giang năm 2025', detail: 'đang dự thảo' }],
    });

    // Another scope, a commune's year plan, or a programme over the same year: nothing to ask.
    await call(app, 'plans:create', { ...tanChauPlan(), periodFrom: '2025-01-01', periodTo: '2025-12-31', title: 'Kế hoạch phát triển HTX thị xã Tân Châu năm 2025' });
    await call(app, 'plans:create', { ...provincePlan(2025), kind: 'programme', title: 'Chương trình phát triển KTTT giai đoạn 2021–2025', periodFrom: '2021-01-01' });
  });

  it('refuses to issue a second year plan of one year and scope while the first is issued, and issues it once that one is cancelled', async () => {
    const first = await call(app, 'plans:create', provincePlan(2025));
    const second = await call(app, 'plans:create', { ...provincePlan(2025), number: '15/KH-LMHTX', status: 'draft', confirmedSimilarIds: [first.id] });
    const refused = await callFailing(app, 'plans:update', { ...provincePlan(2025), id: second.id, number: '15/KH-LMHTX' });
    expect(refused.kind === 'validation' && refused.issues).toEqual([
      {
        path: 'status',
        message:
          'Năm 2025 đã có kế hoạch năm cùng phạm vi đã ban hành: «Kế hoạch phát triển kinh tế tập thể, hợp tác xã tỉnh An Giang năm 2025» (số 12/KH-LMHTX). Mỗi năm chỉ ban hành một kế hoạch năm cho một phạm vi; hãy để kế hoạch này ở dạng dự thảo, hoặc chuyển kế hoạch kia sang «Đã hủy bỏ» trước.',
      },
    ]);
    // Confirming that it is another plan does not issue it beside the first either.
    const confirmed = await callFailing(app, 'plans:create', { ...provincePlan(2025), confirmedSimilarIds: [first.id, second.id] });
    expect(confirmed.kind === 'validation' && confirmed.issues[0]?.path).toBe('status');

    await call(app, 'plans:update', { ...provincePlan(2025), id: first.id, status: 'cancelled' });
    await call(app, 'plans:update', { ...provincePlan(2025), id: second.id, number: '15/KH-LMHTX' });
    expect((await call(app, 'plans:list', { year: 2025 })).rows.map((row) => [row.number, row.status])).toEqual([
      ['15/KH-LMHTX', 'issued'],
      ['12/KH-LMHTX', 'cancelled'],
    ]);
  });

  it('brings an issued year plan back from the trash only while no other of its year and scope is issued', async () => {
    const first = await call(app, 'plans:create', provincePlan(2025));
    await call(app, 'plans:delete', { id: first.id });
    const second = await call(app, 'plans:create', { ...provincePlan(2025), number: '15/KH-LMHTX' });
    const refused = await callFailing(app, 'plans:restore', { id: first.id });
    expect(refused).toEqual({
      kind: 'conflict',
      message:
        'Năm 2025 đã có kế hoạch năm cùng phạm vi đã ban hành: «Kế hoạch phát triển kinh tế tập thể, hợp tác xã tỉnh An Giang năm 2025» (số 15/KH-LMHTX); không khôi phục được kế hoạch này. Hãy chuyển kế hoạch kia sang «Đã hủy bỏ» trước.',
      existingId: second.id,
    });
    await call(app, 'plans:update', { ...provincePlan(2025), id: second.id, number: '15/KH-LMHTX', status: 'cancelled' });
    expect((await call(app, 'plans:restore', { id: first.id })).status).toBe('issued');
  });

  it('shows in Tổng quan the province’s year plan before a commune’s of the same year, whichever was issued last', async () => {
    const province = await call(app, 'plans:create', provincePlan(2024, { issuedOn: '2023-11-15' }));
    // Tân Châu's, issued later, covers five communes.
    await call(app, 'plans:create', tanChauPlan());
    expect((await call(app, 'plans:inForce', undefined))?.id).toBe(province.id);
  });
});

describe('a plan not begun yet', () => {
  it('judges none of its targets, shows today’s figures for information, and puts none in Cần chú ý', async () => {
    await call(app, 'plans:create', tanChauPlan());
    const { id } = await call(app, 'plans:create', provincePlan(2025));
    // 20 November 2024: the 2025 plan has not begun; its members' target is already short, and
    // the typed target has no figure yet.
    const plan = await call(app, 'plans:get', { id });
    expect([plan.elapsed, plan.asOf, plan.inForce]).toEqual([0, '2024-11-20', false]);
    expect(plan.targets.map((target) => [target.title, target.actual, target.status])).toEqual([
      ['Thành lập mới hợp tác xã', 0, 'not_started'],
      ['Số thành viên chính thức của HTX', 60, 'not_started'],
      // Nobody has reported a revenue for 2024: not known, rather than none.
      ['Tổng doanh thu của HTX', null, 'not_started'],
      ['Bồi dưỡng, tập huấn cán bộ quản lý HTX', null, 'not_started'],
    ]);
    // Cần chú ý in the last quarter of 2024 lists the plan in force, never one not begun.
    expect(new Set((await call(app, 'attention:list', {})).targetsAtRisk.map((row) => row.planTitle))).toEqual(new Set([tanChauPlan().title]));

    // From its first day it is judged.
    app.setNow(on('2025-01-01'));
    const begun = await call(app, 'plans:get', { id });
    expect(begun.targets.map((target) => target.status)).toEqual(['at_risk', 'met', 'unknown', 'unknown']);
  });
});

describe('a typed target that adds up over the period', () => {
  it('is judged against the share of the period gone, as a measured one is, unless the person says it does not add up', async () => {
    const { id } = await call(app, 'plans:create', tanChauPlan());
    const typed = byTitle((await call(app, 'plans:get', { id })).targets, 'Tập huấn');
    // A count typed adds up unless said: 110 of 120 with 89 % of the year gone is on the pace of 106,6.
    expect(typed.cumulative).toBe(true);
    await call(app, 'plans:typeActual', { targetId: typed.id, actual: 110, note: '', by: 'Trần Thị Bích' });
    expect(byTitle((await call(app, 'plans:get', { id })).targets, 'Tập huấn').status).toBe('on_track');
    await call(app, 'plans:typeActual', { targetId: typed.id, actual: 100, note: '', by: 'Trần Thị Bích' });
    expect(byTitle((await call(app, 'plans:get', { id })).targets, 'Tập huấn').status).toBe('at_risk');
    await call(app, 'plans:typeActual', { targetId: typed.id, actual: 110, note: '', by: 'Trần Thị Bích' });
    expect((await call(app, 'attention:list', {})).targetsAtRisk.map((row) => row.title)).not.toContain('Tập huấn cho 120 thành viên HTX');

    // Said not to add up (a state to be reached now), the same 110 is at risk, and in Cần chú ý.
    const detail = await call(app, 'plans:get', { id });
    await call(app, 'plans:update', {
      ...tanChauPlan(),
      id,
      targets: detail.targets.map(({ id: targetId, title, comparison, value, unit, unitLabel, measure, denominator }) => ({
        id: targetId,
        title,
        comparison,
        value,
        unit,
        unitLabel,
        measure,
        denominator,
        typedCumulative: measure === null ? false : undefined,
      })),
    });
    const atPoint = byTitle((await call(app, 'plans:get', { id })).targets, 'Tập huấn');
    expect([atPoint.cumulative, atPoint.actual, atPoint.status]).toEqual([false, 110, 'at_risk']);
    expect((await call(app, 'attention:list', {})).targetsAtRisk.map((row) => row.title)).toContain('Tập huấn cho 120 thành viên HTX');
    // A typed share is a state unless said.
    const share = await call(app, 'plans:create', {
      ...tanChauPlan(),
      periodFrom: '2025-01-01',
      periodTo: '2025-12-31',
      title: 'Kế hoạch 2025',
      targets: [{ title: 'Tỷ lệ HTX có website', comparison: 'at_least', value: 30, unit: 'percent', measure: null }],
    });
    expect((await call(app, 'plans:get', { id: share.id })).targets[0]?.cumulative).toBe(false);
    // The copy for another year keeps what the person said.
    const copy = await call(app, 'plans:copy', { id, year: 2026 });
    expect(byTitle((await call(app, 'plans:get', { id: copy.id })).targets, 'Tập huấn').cumulative).toBe(false);
  });
});

/** A member's offer of `product` connected with a partner's demand, in `unitCode`, on `connectedOn`. */
async function connect(sellerKey: string, buyerKey: string, quantity: number, unitCode: string, connectedOn: string, product = 'Lúa OM 5451') {
  const egg = unitCode === 'qua';
  const groupCode = egg ? 'chan_nuoi_trung' : 'lua_gao';
  const offer = await callConfirming(app, 'offers:create', {
    organizationId: ids[sellerKey] ?? 0,
    product,
    productGroupCode: groupCode,
    quantity: quantity * 2,
    unitCode,
    availableFrom: '2023-01-01',
    availableUntil: '2024-12-31',
    communeCode: XA_VINH_XUONG,
  });
  // Each connection has an offer and a demand of its own, the same buyer's of one rice included.
  const demand = await callConfirming(app, 'demands:create', {
    buyer: { kind: 'partner', id: ids[buyerKey] ?? 0 },
    product,
    productGroupCode: groupCode,
    quantity: quantity * 2,
    unitCode,
    neededFrom: '2023-01-01',
    neededUntil: '2024-12-31',
    deliveryProvinceCode: AN_GIANG,
    requirements: [],
  });
  return call(app, 'connections:create', { offerId: offer.id, demandId: demand.id, quantity, unitCode, channelCode: 'sieu_thi', connectedOn });
}

describe('connections in plans', () => {
  it('counts a cooperative as linked with an enterprise when it sells to one through a connection agreed or delivered in the period', async () => {
    // Long Phú sells to the enterprise, connected this year: linked (its agreement is with a market).
    await connect('b', 'enterprise', 30, 'tan', '2024-10-01');
    // Châu Giang sells to a market only: a market is not an enterprise.
    await connect('c', 'market', 2_500, 'kg', '2024-10-05');
    // Thủy sản Long Phú's connection went to the trash: it counts for nothing.
    const deleted = await connect('d', 'enterprise', 5, 'tan', '2024-10-06');
    await call(app, 'connections:delete', { id: deleted.id });
    // Rau sạch Tân Châu was connected last year, and delivers under it this year: linked.
    app.setNow(on('2023-11-01'));
    const lastYear = await connect('g', 'enterprise', 20, 'tan', '2023-11-01');
    const draft = await call(app, 'connections:agreementDraft', { id: lastYear.id });
    const { agreement } = await call(app, 'connections:createAgreement', { connectionId: lastYear.id, agreement: { ...draft.input, validUntil: '2023-12-31' } });
    const commitment = (await call(app, 'agreements:get', { id: agreement.id })).commitments[0];
    app.setNow(on('2024-11-20'));
    await call(app, 'agreements:addDelivery', { commitmentId: commitment?.id ?? 0, deliveredOn: '2024-02-10', quantity: 12 });

    const { id } = await call(app, 'plans:create', tanChauPlan());
    const plan = await call(app, 'plans:get', { id });
    const linked = byTitle(plan.targets, 'Ít nhất 50%');
    // Vĩnh Xương (agreement in force), Long Phú (connected), Rau sạch Tân Châu (delivered) of 5.
    expect([linked.numerator, linked.denominatorValue, linked.actual, linked.status]).toEqual([3, 5, 60, 'met']);
    // Last year: Vĩnh Xương's agreement, and Rau sạch Tân Châu's connection of November 2023.
    expect(linked.previous).toBe(66.7);
    const counted = await call(app, 'plans:drillDown', { targetId: linked.id });
    expect(counted.counted.rows.map((row) => row.name)).toEqual(['HTX Nông nghiệp Long Phú', 'HTX Nông nghiệp Vĩnh Xương', 'HTX Rau sạch Tân Châu']);
    const notCounted = await call(app, 'plans:drillDown', { targetId: linked.id, side: 'notCounted' });
    expect(notCounted.notCounted?.rows.map((row) => row.name)).toEqual(['HTX Nông nghiệp Châu Giang', 'HTX Thủy sản Long Phú']);
  });

  it('adds up the volumes connected and delivered in the target’s unit, never across units', async () => {
    await connect('b', 'enterprise', 30, 'tan', '2024-10-01');
    await connect('c', 'market', 2_500, 'kg', '2024-10-05');
    // Eggs are counted in quả, which no tonne converts to.
    await connect('a', 'market', 8_000, 'qua', '2024-10-07', 'Trứng gà');
    app.setNow(on('2023-11-01'));
    const lastYear = await connect('g', 'enterprise', 20, 'tan', '2023-11-01');
    const draft = await call(app, 'connections:agreementDraft', { id: lastYear.id });
    const { agreement } = await call(app, 'connections:createAgreement', { connectionId: lastYear.id, agreement: draft.input });
    const commitment = (await call(app, 'agreements:get', { id: agreement.id })).commitments[0];
    app.setNow(on('2024-11-20'));
    await call(app, 'agreements:addDelivery', { commitmentId: commitment?.id ?? 0, deliveredOn: '2023-12-20', quantity: 5 });
    await call(app, 'agreements:addDelivery', { commitmentId: commitment?.id ?? 0, deliveredOn: '2024-02-10', quantity: 12 });

    const volume = (title: string, metric: 'volumeConnected' | 'volumeDelivered', unitCode: string, unitLabel: string, value: number) => ({
      title,
      comparison: 'at_least' as const,
      value,
      unit: 'quantity' as const,
      unitLabel,
      measure: { metric, unitCode },
    });
    const { id } = await call(app, 'plans:create', {
      ...tanChauPlan(),
      targets: [
        volume('Kết nối tiêu thụ 50 tấn nông sản', 'volumeConnected', 'tan', 'tấn', 50),
        volume('Kết nối tiêu thụ 30.000 kg nông sản', 'volumeConnected', 'kg', 'kg', 30_000),
        volume('Kết nối tiêu thụ 10.000 quả trứng', 'volumeConnected', 'qua', 'quả', 10_000),
        volume('Giao 10 tấn theo kết nối', 'volumeDelivered', 'tan', 'tấn', 10),
      ],
    });
    const plan = await call(app, 'plans:get', { id });
    expect(plan.targets.map((target) => [target.title, target.actual, target.previous, target.status])).toEqual([
      // 30 tấn and 2.500 kg this year (the eggs are not tonnes); last year the 20 tấn of November.
      ['Kết nối tiêu thụ 50 tấn nông sản', 32.5, 20, 'at_risk'],
      ['Kết nối tiêu thụ 30.000 kg nông sản', 32_500, 20_000, 'met'],
      // 8.000 of 10.000 quả with 89 % of the year gone: below the pace.
      ['Kết nối tiêu thụ 10.000 quả trứng', 8_000, 0, 'at_risk'],
      // Only what was delivered this year: 12 of the 17 tấn.
      ['Giao 10 tấn theo kết nối', 12, 5, 'met'],
    ]);
    const drill = await call(app, 'plans:drillDown', { targetId: plan.targets[0]?.id ?? 0 });
    expect(drill.counted.rows.map((row) => [row.kind, row.name, row.detail, row.value])).toEqual([
      ['offer', 'Lúa OM 5451 — HTX Nông nghiệp Long Phú', '01/10/2024, Công ty CP Tập đoàn Lộc Trời', 30],
      ['offer', 'Lúa OM 5451 — HTX Nông nghiệp Châu Giang', '05/10/2024, Chợ đầu mối Bình Điền', 2.5],
    ]);

    const noUnit = await callFailing(app, 'plans:create', { ...tanChauPlan(), targets: [{ ...volume('Kết nối 50 tấn', 'volumeConnected', 'tan', 'tấn', 50), measure: { metric: 'volumeConnected' } }] });
    expect(noUnit.kind === 'validation' && noUnit.issues).toEqual([{ path: 'targets.0.measure.unitCode', message: 'Chưa chọn đơn vị tính của sản lượng (tấn, kg, lít…).' }]);
    // As the form sends it before a unit is chosen (its unit label follows the unit): said once, of the volume's unit.
    const noUnitYet = await callFailing(app, 'plans:create', { ...tanChauPlan(), targets: [{ ...volume('Kết nối 50 tấn', 'volumeConnected', 'tan', '', 50), measure: { metric: 'volumeConnected' } }] });
    expect(noUnitYet.kind === 'validation' && noUnitYet.issues).toEqual([{ path: 'targets.0.measure.unitCode', message: 'Chưa chọn đơn vị tính của sản lượng (tấn, kg, lít…).' }]);
    const asCount = await callFailing(app, 'plans:create', { ...tanChauPlan(), targets: [{ ...volume('Kết nối 50 tấn', 'volumeConnected', 'tan', 'tấn', 50), unit: 'count' }] });
    expect(asCount.message).toBe('Sản lượng kết nối, đã giao là chỉ tiêu theo khối lượng: hãy chọn đơn vị «Khối lượng».');
  });

  it('refuses revenue, income or agreements’ value counted as anything but money', async () => {
    const revenue = { title: 'Tổng doanh thu khu vực KTTT đạt 30 tỷ đồng', comparison: 'at_least' as const, value: 30_000_000_000, unitLabel: '', measure: { metric: 'revenue' as const } };
    const bare = await callFailing(app, 'plans:create', { ...tanChauPlan(), targets: [{ ...revenue, unit: 'count' }] });
    expect(bare.kind === 'validation' && bare.issues).toEqual([
      { path: 'targets.0.unit', message: 'Doanh thu, thu nhập bình quân, giá trị thỏa thuận là chỉ tiêu bằng tiền: hãy chọn đơn vị «Số tiền (đồng)».' },
    ]);
    const { id } = await call(app, 'plans:create', { ...tanChauPlan(), targets: [{ ...revenue, unit: 'money' }] });
    // Figures of 2024 without a revenue, and none of the year before: revenue not known rather than 0.
    expect((await call(app, 'plans:get', { id })).targets.map((target) => [target.unit, target.value, target.actual, target.previous])).toEqual([['money', 30_000_000_000, null, null]]);
  });
});

describe('the statistics counters in plans', () => {
  it('give the same actuals over the province as the rows do, on a day other than a year’s end', async () => {
    // Figures of 2024 exist; on 10 February 2025 they are the latest. Long Phú was dissolved in
    // January: it counts in the 2024 counters, not on the day measured.
    await call(app, 'figures:save', { organizationId: ids.c ?? 0, year: 2024, classification: 'average', managers: 2, managersWithDegree: 1, membersOfficial: 11, workers: 9, averageIncome: 5_000_000, revenue: 800_000_000 });
    await call(app, 'figures:save', { organizationId: ids.transport ?? 0, year: 2024, classification: 'good', managers: 3, managersWithDegree: 3, membersOfficial: 30, workers: 12, averageIncome: 7_000_000 });
    // The year before's figures, which «Năm trước» reads (not 2024's again).
    await call(app, 'figures:save', { organizationId: ids.a ?? 0, year: 2023, classification: 'fair', managers: 4, managersWithDegree: 1, membersOfficial: 18, workers: 8, averageIncome: 4_500_000, revenue: 600_000_000 });
    await call(app, 'figures:save', { organizationId: ids.b ?? 0, year: 2023, classification: 'average', managers: 3, managersWithDegree: 0, membersOfficial: 15, workers: 5, averageIncome: 4_000_000 });
    app.setNow(on('2025-02-10'));
    await call(app, 'lifecycle:record', { kind: 'dissolution', date: '2025-01-20', subjectId: ids.b ?? 0 });
    const htx: MeasureInput = { metric: 'organizations', kinds: ['htx'] };
    const targets: InputOf<'plans:create'>['targets'] = [
      { title: 'HTX', comparison: 'at_least', value: 1, unit: 'count', unitLabel: 'HTX', measure: htx },
      { title: 'Nông nghiệp', comparison: 'at_least', value: 1, unit: 'count', unitLabel: 'HTX', measure: agriculturalHtx },
      { title: 'Hiệu quả', comparison: 'at_least', value: 1, unit: 'percent', measure: { ...htx, effective: true }, denominator: htx },
      { title: 'Tốt, khá', comparison: 'at_least', value: 1, unit: 'percent', measure: { ...htx, goodOrFair: true }, denominator: { ...htx, effective: true } },
      { title: 'Quản lý', comparison: 'at_least', value: 1, unit: 'percent', measure: { ...htx, metric: 'managersWithDegree' }, denominator: { ...htx, metric: 'managers' } },
      { title: 'Thành viên', comparison: 'at_least', value: 1, unit: 'count', unitLabel: 'người', measure: { ...htx, metric: 'members' } },
      { title: 'Lao động', comparison: 'at_least', value: 1, unit: 'count', unitLabel: 'người', measure: { metric: 'workers' } },
      { title: 'Doanh thu', comparison: 'at_least', value: 1, unit: 'money', measure: { ...htx, metric: 'revenue' } },
      { title: 'Thu nhập', comparison: 'at_least', value: 1, unit: 'money', measure: { metric: 'averageIncome' } },
    ];
    const plan = (communeCodes: string[]) => ({ ...tanChauPlan(), title: 'Kế hoạch năm 2025', periodFrom: '2025-01-01', periodTo: '2025-12-31', communeCodes, targets });
    const province = await call(app, 'plans:get', { id: (await call(app, 'plans:create', plan([]))).id });
    // Naming every commune the register has takes the measures from the rows instead.
    const everyCommune = [...TAN_CHAU, XA_VINH_AN];
    const rows = await call(app, 'plans:get', { id: (await call(app, 'plans:create', plan(everyCommune))).id });
    const actuals = (detail: typeof province) => detail.targets.map((target) => [target.title, target.numerator, target.denominatorValue, target.actual, target.previous]);
    expect(actuals(province)).toEqual(actuals(rows));
    expect(actuals(province)).toEqual([
      // Vĩnh Xương, Rau sạch, Châu Giang, Thủy sản, Vĩnh An, Vận tải: Long Phú is gone. Last year
      // is all of 2024 as a 2024 plan measures it (Long Phú was there), with the figures of the
      // year before those of Thực hiện: 2023's, not 2024's again.
      ['HTX', null, null, 6, 7],
      ['Nông nghiệp', null, null, 5, 6],
      // Of 2024's classified still existing: Vĩnh Xương (good), Châu Giang (average), Vận tải (good);
      // last year 2023's Vĩnh Xương (fair) and Long Phú (average), of 7.
      ['Hiệu quả', 3, 6, 50, 28.6],
      ['Tốt, khá', 2, 3, 66.7, 50],
      // Managers 5 + 3 + 2 + 3, with a degree 2 + 0 + 1 + 3: Long Phú's 4 no longer count; last
      // year 1 of 4 + 3.
      ['Quản lý', 6, 13, 46.2, 14.3],
      ['Thành viên', null, null, 20 + 20 + 11 + 30, 18 + 15],
      ['Lao động', null, null, 9 + 12, 8 + 5],
      ['Doanh thu', null, null, 800_000_000, 600_000_000],
      // Per worker: (5.000.000 × 9 + 7.000.000 × 12) / 21; last year (4.500.000 × 8 + 4.000.000 × 5) / 13.
      ['Thu nhập', null, null, 6_142_857, 4_307_692],
    ]);
    expect(verifyDerivedStructures(app.ctx.db.$client)).toEqual([]);
  });
});

describe('the year-end report', () => {
  it('writes target, actual, % of target, last year and comment, read back by LibreOffice', async () => {
    const { id } = await call(app, 'plans:create', tanChauPlan());
    const typed = byTitle((await call(app, 'plans:get', { id })).targets, 'Tập huấn');
    // Before anyone types its actual, the report says so, as the plan's page does.
    const untyped = (await readWorkbook((await runPlanResults(app, id)).path)).worksheets[0];
    expect(untyped && rowTexts(untyped, rowNumberOf(untyped, '7'))[9]).toBe('Chưa nhập số thực hiện');
    await call(app, 'plans:typeActual', { targetId: typed.id, actual: 130, note: 'Theo báo cáo của Phòng Kinh tế', by: 'Trần Thị Bích' });
    app.setNow(on('2025-01-12'));
    const { path, fileName } = await runPlanResults(app, id);
    // Named by where it holds too: the province's plan of the same year does not download over it.
    expect(fileName).toBe('Bao-cao-ket-qua-thuc-hien-ke-hoach-2024-Phuong-Tan-Chau-va-4-xa-phuong-khac.xlsx');
    const sheet = (await readWorkbook(path)).worksheets[0];
    if (!sheet) throw new Error('no sheet');
    expect(sheet.getCell('A1').text).toBe('LIÊN MINH HỢP TÁC XÃ TỈNH AN GIANG');
    expect(sheet.getCell('A2').text).toBe('Số: ……….' + '/BC-LMHTX');
    const header = rowNumberOf(sheet, 'STT');
    expect(rowTexts(sheet, header).slice(0, 10)).toEqual(['STT', 'Chỉ tiêu', 'Đơn vị tính', 'Kế hoạch', '', 'Thực hiện', '% so với kế hoạch', 'Cùng kỳ năm trước', 'Đánh giá', 'Nhận xét']);
    expect(rowTexts(sheet, header + 1).slice(3, 5)).toEqual(['Yêu cầu', 'Mức']);
    expect(rowTexts(sheet, rowNumberOf(sheet, '2')).slice(0, 10)).toEqual([
      '2', 'Thành lập mới ít nhất 03 HTX NN', 'HTX', 'Ít nhất', '3', '2', '66.7', '1', 'Không đạt', '',
    ]);
    if (skipLibreOffice) return;
    const reading = await readWithLibreOffice(path);
    const rows = reading.sheets.get('Kết quả thực hiện');
    expect(rows?.some((row) => row.join(' ').includes('BÁO CÁO KẾT QUẢ THỰC HIỆN KẾ HOẠCH'))).toBe(true);
    expect(rows?.some((row) => row[0]?.startsWith('Năm 2024 — Kế hoạch phát triển hợp tác xã') && row[0].includes('(số 125/KH-UBND ngày 15/03/2024 của UBND thị xã Tân Châu)'))).toBe(true);
    // (Numbers tagged Vietnamese: LibreOffice writes their decimals after a comma.)
    expect(csvRow(rows, '2').slice(0, 9)).toEqual(['2', 'Thành lập mới ít nhất 03 HTX NN', 'HTX', 'Ít nhất', '3', '2', '66,7', '1', 'Không đạt']);
    expect(csvRow(rows, '3').slice(0, 10)).toEqual(['3', 'Có 70% HTX NN hoạt động hiệu quả', '%', 'Ít nhất', '70', '40', '57,1', '', 'Không đạt', '2/5']);
    expect(csvRow(rows, '7').slice(2, 10)).toEqual(['người', 'Ít nhất', '120', '130', '108,3', '', 'Đạt', 'nhập tay: Trần Thị Bích, 20/11/2024 (Theo báo cáo của Phòng Kinh tế)']);
    expect(reading.pages.length).toBeGreaterThan(0);
  }, 120_000);

  it('writes a value once, its unit in Đơn vị tính, and judges no target of a plan not begun', async () => {
    await call(app, 'figures:save', { organizationId: ids.a ?? 0, year: 2024, classification: 'good', managers: 5, managersWithDegree: 2, membersOfficial: 20, revenue: 5_000_000_000 });
    await call(app, 'figures:save', { organizationId: ids.a ?? 0, year: 2023, classification: 'good', managers: 5, managersWithDegree: 2, membersOfficial: 18, revenue: 4_200_000_000 });
    const { id } = await call(app, 'plans:create', provincePlan(2025));
    const report = await runPlanResults(app, id);
    expect(report.fileName).toBe('Bao-cao-ket-qua-thuc-hien-ke-hoach-2025-An-Giang.xlsx');
    const sheet = (await readWorkbook(report.path)).worksheets[0];
    if (!sheet) throw new Error('no sheet');
    // Not «Ít nhất 500.000.000.000 ₫» beside «đồng».
    const revenue = rowNumberOf(sheet, '3');
    // Thực hiện with 2024's figures, the newest there are; Cùng kỳ năm trước with 2023's.
    expect(rowTexts(sheet, revenue).slice(0, 9)).toEqual(['3', 'Tổng doanh thu của HTX', 'đồng', 'Ít nhất', '500000000000', '5000000000', '1', '4200000000', 'Chưa đến kỳ thực hiện']);
    // The planned level is a number cell written as the actual beside it, not text beside a number.
    const [planned, actual] = [sheet.getCell(revenue, 5), sheet.getCell(revenue, 6)];
    expect([planned.value, actual.value]).toEqual([500_000_000_000, 5_000_000_000]);
    expect(planned.numFmt).toBe(actual.numFmt);
    expect(rowTexts(sheet, rowNumberOf(sheet, '2')).slice(2, 5)).toEqual(['thành viên', 'Ít nhất', '50']);
  });
});

describe('the plans list in Excel', () => {
  it('writes the plans as the list shows them, in the administrative format, read back by LibreOffice', async () => {
    await call(app, 'plans:create', tanChauPlan());
    await call(app, 'plans:create', { ...tanChauPlan(), number: '', issuedOn: null, title: 'Kế hoạch phát triển HTX năm 2025 (dự thảo)', periodFrom: '2025-01-01', periodTo: '2025-12-31', status: 'draft', targets: [] });
    await call(app, 'plans:create', {
      ...tanChauPlan(),
      kind: 'programme',
      number: '08/CTr-UBND',
      issuedOn: '2021-02-01',
      issuer: 'UBND tỉnh An Giang',
      title: 'Chương trình phát triển kinh tế tập thể giai đoạn 2021–2025',
      periodFrom: '2021-01-01',
      periodTo: '2025-12-31',
      communeCodes: [],
    });
    const { path, fileName } = await exportList(app, { list: 'plans', input: {}, columns: ['period', 'title', 'kind', 'issuer', 'status'] });
    expect(fileName).toBe('Danh-sach-ke-hoach-2024-11-20.xlsx');
    const sheet = (await readWorkbook(path)).worksheets[0];
    if (!sheet) throw new Error('no sheet');
    expect(sheet.getCell('A1').text).toBe('LIÊN MINH HỢP TÁC XÃ TỈNH AN GIANG');
    const header = rowNumberOf(sheet, 'STT');
    expect(rowTexts(sheet, header)).toEqual(['STT', 'Thời gian thực hiện', '', 'Tên kế hoạch', 'Văn bản', '', 'Loại', 'Cơ quan ban hành', 'Tình trạng', 'Số chỉ tiêu']);
    if (skipLibreOffice) return;
    const reading = await readWithLibreOffice(path);
    const rows = reading.sheets.get('Danh sách');
    expect(rows?.some((row) => row.join(' ').includes('DANH SÁCH KẾ HOẠCH, CHƯƠNG TRÌNH PHÁT TRIỂN KINH TẾ TẬP THỂ'))).toBe(true);
    // Newest period first, as the list; a date is a date value, which LibreOffice's CSV writes month first.
    expect(csvRow(rows, '1').slice(3)).toEqual(['Kế hoạch phát triển HTX năm 2025 (dự thảo)', '', '', 'Kế hoạch năm', 'UBND thị xã Tân Châu', 'Dự thảo', '0']);
    expect(csvRow(rows, '2').slice(3)).toEqual(['Chương trình phát triển kinh tế tập thể giai đoạn 2021–2025', '08/CTr-UBND', '02/01/2021', 'Chương trình, đề án', 'UBND tỉnh An Giang', 'Đang thực hiện', '7']);
    expect(csvRow(rows, '3').slice(3, 10)).toEqual([tanChauPlan().title, '125/KH-UBND', '03/15/2024', 'Kế hoạch năm', 'UBND thị xã Tân Châu', 'Đang thực hiện', '7']);
    expect(rows?.some((row) => row.includes('3 kế hoạch'))).toBe(true);
    expect(reading.pages.length).toBeGreaterThan(0);
    console.log(`plans list PDF: ${reading.pdf}`);
  }, 120_000);
});

describe('the status rule', () => {
  it('measures a running cumulative target against the share of the period gone', () => {
    const elapsed = elapsedShare('2024-01-01', '2024-12-31', '2024-07-01');
    expect(elapsed).toBeCloseTo(183 / 366, 5);
    expect(targetStatus({ comparison: 'at_least', value: 4, actual: 2, cumulative: true, elapsed })).toBe('on_track');
    expect(targetStatus({ comparison: 'at_least', value: 4, actual: 1, cumulative: true, elapsed })).toBe('at_risk');
    expect(targetStatus({ comparison: 'at_least', value: 4, actual: 4, cumulative: true, elapsed })).toBe('met');
    // A share or a count at a point in time is either reached today or at risk.
    expect(targetStatus({ comparison: 'at_least', value: 70, actual: 69.9, cumulative: false, elapsed })).toBe('at_risk');
    expect(targetStatus({ comparison: 'at_most', value: 2, actual: 3, cumulative: true, elapsed })).toBe('missed');
    expect(targetStatus({ comparison: 'at_most', value: 2, actual: 1, cumulative: true, elapsed })).toBe('on_track');
    expect(targetStatus({ comparison: 'at_least', value: 4, actual: 3, cumulative: true, elapsed: 1 })).toBe('missed');
    expect(targetStatus({ comparison: 'exactly', value: 4, actual: 4, cumulative: false, elapsed: 1 })).toBe('met');
    // Before the first day nothing is judged, whatever today's figures say.
    expect(elapsedShare('2025-01-01', '2025-12-31', '2024-12-31')).toBe(0);
    expect(targetStatus({ comparison: 'at_least', value: 4, actual: 5, cumulative: false, elapsed: 0 })).toBe('not_started');
    expect(targetStatus({ comparison: 'at_least', value: 4, actual: 1, cumulative: false, elapsed: 0 })).toBe('not_started');
    expect(targetStatus({ comparison: 'at_least', value: 4, actual: 0, cumulative: true, elapsed: elapsedShare('2025-01-01', '2025-12-31', '2025-01-01') })).toBe('at_risk');
  });
});
