import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AN_GIANG, call, callFailing, openTestApp, XA_VINH_AN, XA_VINH_BINH } from './support';
import { analyze, commitOf, previewOf, proposedMapping, stage, undoOf } from './importWorkbooks';

type TestApp = ReturnType<typeof openTestApp>;
let app: TestApp;
let vinhBinh: number;

beforeEach(async () => {
  app = openTestApp();
  await call(app, 'alliance:save', { name: 'Liên minh Hợp tác xã tỉnh An Giang', provinceCode: AN_GIANG });
  vinhBinh = (await call(app, 'organizations:create', { kind: 'htx', name: 'HTX Nông nghiệp Vĩnh Bình', communeCode: XA_VINH_AN })).id;
});
afterEach(() => app.close());

function auditOf(id: number) {
  return app.ctx.db.$client
    .prepare("SELECT action, before, after FROM audit_log WHERE entity = 'organization' AND entity_id = ? AND action = 'update' ORDER BY id")
    .all(id)
    .map((row) => {
      const { action, before, after } = row as { action: string; before: string; after: string };
      return { action, before: JSON.parse(before) as unknown, after: JSON.parse(after) as unknown };
    });
}

describe('saving yearly figures', () => {
  it('creates a year, then changes only the fields sent; null clears one', async () => {
    const created = await call(app, 'figures:save', {
      organizationId: vinhBinh,
      year: 2025,
      membersOfficial: 42,
      workers: 30,
      revenue: 1_750_000_000,
      profit: -12_500_000,
      classification: 'fair',
      score: 72,
    });
    expect(created).toEqual({
      organizationId: vinhBinh,
      year: 2025,
      membersOfficial: 42,
      membersAssociate: null,
      workers: 30,
      revenue: 1_750_000_000,
      profit: -12_500_000,
      averageIncome: null,
      totalAssets: null,
      managers: null,
      managersWithDegree: null,
      classification: 'fair',
      score: 72,
      updatedAt: '2026-11-23T08:00:00.000Z',
    });

    app.setNow(new Date('2026-11-24T08:00:00Z'));
    const patched = await call(app, 'figures:save', { organizationId: vinhBinh, year: 2025, workers: 31, classification: null });
    expect(patched).toMatchObject({ membersOfficial: 42, workers: 31, revenue: 1_750_000_000, classification: null, score: 72 });
    expect(patched.updatedAt).toBe('2026-11-24T08:00:00.000Z');

    expect(auditOf(vinhBinh)).toEqual([
      {
        action: 'update',
        before: { figures: { year: 2025, membersOfficial: null, workers: null, revenue: null, profit: null, classification: null, score: null } },
        after: { figures: { year: 2025, membersOfficial: 42, workers: 30, revenue: 1_750_000_000, profit: -12_500_000, classification: 'fair', score: 72 } },
      },
      { action: 'update', before: { figures: { year: 2025, workers: 30, classification: 'fair' } }, after: { figures: { year: 2025, workers: 31, classification: null } } },
    ]);
  });

  it('writes no audit row when nothing changed', async () => {
    await call(app, 'figures:save', { organizationId: vinhBinh, year: 2025, workers: 30 });
    await call(app, 'figures:save', { organizationId: vinhBinh, year: 2025, workers: 30 });
    expect(auditOf(vinhBinh)).toHaveLength(1);
  });

  it('lists the years ascending and deletes one with an audit row', async () => {
    await call(app, 'figures:save', { organizationId: vinhBinh, year: 2025, workers: 30 });
    await call(app, 'figures:save', { organizationId: vinhBinh, year: 2023, workers: 20 });
    await call(app, 'figures:save', { organizationId: vinhBinh, year: 2024, workers: 25 });
    expect((await call(app, 'figures:list', { organizationId: vinhBinh })).map((row) => [row.year, row.workers])).toEqual([
      [2023, 20],
      [2024, 25],
      [2025, 30],
    ]);
    expect(await call(app, 'figures:delete', { organizationId: vinhBinh, year: 2024 })).toBeNull();
    expect((await call(app, 'figures:list', { organizationId: vinhBinh })).map((row) => row.year)).toEqual([2023, 2025]);
    expect(auditOf(vinhBinh).at(-1)).toEqual({
      action: 'update',
      before: { figures: { year: 2024, workers: 25 } },
      after: { figures: { year: 2024, workers: null } },
    });
    expect(await callFailing(app, 'figures:delete', { organizationId: vinhBinh, year: 2024 })).toEqual({
      kind: 'notFound',
      message: 'HTX Nông nghiệp Vĩnh Bình chưa có số liệu năm 2024.',
    });
  });

  it.each([
    [{ year: 1999 }, 'year', 'Số liệu hằng năm chỉ lưu từ năm 2000, không nhận năm 1999.'],
    // A year not begun has no figures (the clock says 23/11/2026).
    [{ year: 2027 }, 'year', 'Năm 2027 chưa bắt đầu, nên chưa có số liệu; chỉ nhập được số liệu đến năm 2026.'],
    [{ year: 2025, workers: -1 }, 'workers', 'Số lao động thường xuyên không được âm.'],
    [{ year: 2025, revenue: 10.5 }, 'revenue', 'Doanh thu phải là số nguyên.'],
    [{ year: 2025, score: 101 }, 'score', 'Điểm xếp loại phải từ 0 đến 100.'],
    [{ year: 2025, classification: 'excellent' }, 'classification', 'Xếp loại phải là Tốt, Khá, Trung bình hoặc Yếu.'],
    [
      { year: 2025, managers: 3, managersWithDegree: 5 },
      'managersWithDegree',
      'Số cán bộ quản lý có trình độ cao đẳng trở lên (5) không được lớn hơn số cán bộ quản lý (3).',
    ],
  ])('rejects %j with a message on the field', async (fields, path, message) => {
    const error = await callFailing(app, 'figures:save', { organizationId: vinhBinh, ...fields });
    expect(error.kind === 'validation' && error.issues).toEqual([{ path, message }]);
    expect(await call(app, 'figures:list', { organizationId: vinhBinh })).toEqual([]);
  });

  it('checks managers with a degree against the managers already stored', async () => {
    await call(app, 'figures:save', { organizationId: vinhBinh, year: 2025, managers: 4, managersWithDegree: 2 });
    const error = await callFailing(app, 'figures:save', { organizationId: vinhBinh, year: 2025, managers: 1 });
    expect(error.kind === 'validation' && error.issues).toEqual([
      {
        path: 'managersWithDegree',
        message: 'Số cán bộ quản lý có trình độ cao đẳng trở lên (2) không được lớn hơn số cán bộ quản lý (1).',
      },
    ]);
    // Clearing the degree count first makes the smaller number acceptable.
    const saved = await call(app, 'figures:save', { organizationId: vinhBinh, year: 2025, managers: 1, managersWithDegree: null });
    expect([saved.managers, saved.managersWithDegree]).toEqual([1, null]);
  });

  it('follows the clock for the last year allowed', async () => {
    app.setNow(new Date('2027-01-02T08:00:00Z'));
    expect((await call(app, 'figures:save', { organizationId: vinhBinh, year: 2027, workers: 1 })).year).toBe(2027);
    expect(await callFailing(app, 'figures:save', { organizationId: vinhBinh, year: 2028, workers: 1 })).toMatchObject({
      issues: [{ path: 'year', message: 'Năm 2028 chưa bắt đầu, nên chưa có số liệu; chỉ nhập được số liệu đến năm 2027.' }],
    });
  });

  it('refuses an organization that does not exist', async () => {
    expect(await callFailing(app, 'figures:save', { organizationId: 999, year: 2025 })).toEqual({
      kind: 'notFound',
      message: 'Không tìm thấy tổ chức này; có thể đã bị xóa hẳn. Hãy tải lại danh sách.',
    });
  });
});

describe('a year the organization did not exist in', () => {
  function membersOf(id: number) {
    return app.ctx.db.$client.prepare('SELECT year, members_official AS members FROM yearly_figures WHERE organization_id = ? ORDER BY year').all(id);
  }

  it('refuses a year before its founding or from its end on, saying when; takes the years it lived through, as the statistics count them', async () => {
    const phuTan = (await call(app, 'organizations:create', { kind: 'htx', name: 'HTX Gốm Phú Tân', communeCode: XA_VINH_AN, foundedOn: '2012-03-01' })).id;
    await call(app, 'lifecycle:record', { kind: 'dissolution', date: '2021-05-11', decisionNo: '12/QĐ', subjectId: phuTan });

    const refusals = await Promise.all([2011, 2021, 2022].map((year) => callFailing(app, 'figures:save', { organizationId: phuTan, year, membersOfficial: 12 })));
    expect(refusals.map((error) => error.kind === 'validation' && error.issues)).toEqual([
      [{ path: 'year', message: 'HTX Gốm Phú Tân thành lập ngày 01/03/2012, nên không có số liệu năm 2011.' }],
      // Ended during 2021, it is not among 2021's organizations, whose statistics would not count these.
      [{ path: 'year', message: 'HTX Gốm Phú Tân đã chấm dứt hoạt động từ ngày 11/05/2021, nên không có số liệu năm 2021.' }],
      [{ path: 'year', message: 'HTX Gốm Phú Tân đã chấm dứt hoạt động từ ngày 11/05/2021, nên không có số liệu năm 2022.' }],
    ]);
    await call(app, 'figures:save', { organizationId: phuTan, year: 2012, membersOfficial: 10 });
    await call(app, 'figures:save', { organizationId: phuTan, year: 2020, membersOfficial: 15 });
    expect(membersOf(phuTan)).toEqual([
      { year: 2012, members: 10 },
      { year: 2020, members: 15 },
    ]);
  });

  it('counts a year ended on its 1 January as outside the life, as the statistics do', async () => {
    const anPhu = (await call(app, 'organizations:create', { kind: 'htx', name: 'HTX Dịch vụ An Phú', communeCode: XA_VINH_AN, foundedOn: '2010-12-31' })).id;
    await call(app, 'lifecycle:record', { kind: 'dissolution', date: '2015-01-01', decisionNo: '3/QĐ', subjectId: anPhu });
    expect((await callFailing(app, 'figures:save', { organizationId: anPhu, year: 2015, membersOfficial: 9 })).message).toBe(
      'HTX Dịch vụ An Phú đã chấm dứt hoạt động từ ngày 01/01/2015, nên không có số liệu năm 2015.',
    );
    await call(app, 'figures:save', { organizationId: anPhu, year: 2010, membersOfficial: 7 });
    await call(app, 'figures:save', { organizationId: anPhu, year: 2014, membersOfficial: 8 });
    expect(membersOf(anPhu)).toEqual([
      { year: 2010, members: 7 },
      { year: 2014, members: 8 },
    ]);
  });

  it('still lets the undo of an import put back the year of an organization that has ended since', async () => {
    const longDien = (await call(app, 'organizations:create', { kind: 'htx', name: 'HTX Nông nghiệp Long Điền', registrationNo: '1600111222', communeCode: XA_VINH_AN })).id;
    await call(app, 'figures:save', { organizationId: longDien, year: 2023, membersOfficial: 30 });
    const { jobId: analysisJobId, analysis } = await analyze(app, stage(app, 'so lieu.csv', '\ufeffNăm,Mã số HTX,Số thành viên\n2023,1600111222,35'), 'figures');
    const { jobId } = await previewOf(app, analysisJobId, proposedMapping(analysis));
    const { summary } = await commitOf(app, { previewJobId: jobId, decisions: [], bulk: {} });
    expect(summary).toMatchObject({ updated: 1, failed: 0 });
    // Ended since, before years it has figures of: a dissolution recorded so is refused now, but one
    // an earlier version recorded stays, and the undo must still put the year back.
    expect((await callFailing(app, 'lifecycle:record', { kind: 'dissolution', date: '2022-08-01', decisionNo: '30/QĐ', subjectId: longDien })).kind).toBe('validation');
    app.ctx.db.$client.prepare("UPDATE organizations SET status = 'dissolved', ended_on = '2022-08-01' WHERE id = ?").run(longDien);

    const refused = await callFailing(app, 'figures:save', { organizationId: longDien, year: 2023, membersOfficial: 31 });
    expect(refused.message).toBe('HTX Nông nghiệp Long Điền đã chấm dứt hoạt động từ ngày 01/08/2022, nên không có số liệu năm 2023.');
    const { error } = await undoOf(app, summary.batchId ?? 0);
    expect(error).toBeNull();
    expect(membersOf(longDien)).toEqual([{ year: 2023, members: 30 }]);
  });
});

describe('the year grid', () => {
  it('lists those that existed in the year by name, with the previous year beside', async () => {
    const rau = (await call(app, 'organizations:create', { kind: 'tht', name: 'Tổ hợp tác Rau sạch Vĩnh Bình', communeCode: XA_VINH_BINH })).id;
    const dua = (await call(app, 'organizations:create', { kind: 'htx', name: 'Hợp tác xã Đường thốt nốt Nhơn Hưng', communeCode: XA_VINH_AN })).id;
    const late = (
      await call(app, 'organizations:create', { kind: 'htx', name: 'HTX Mới 2026', communeCode: XA_VINH_AN, foundedOn: '2026-03-01' })
    ).id;
    await call(app, 'figures:save', { organizationId: vinhBinh, year: 2024, workers: 25 });
    await call(app, 'figures:save', { organizationId: vinhBinh, year: 2025, workers: 30 });
    await call(app, 'figures:save', { organizationId: rau, year: 2024, workers: 8 });
    // Nhơn Hưng is dissolved mid-2025: it still has 2024 figures to enter, but is not among 2025's
    // organizations, whose statistics would not count its figures of that year.
    await call(app, 'lifecycle:record', { kind: 'dissolution', date: '2025-06-30', subjectId: dua });

    const in2024 = await call(app, 'figures:grid', { year: 2024, page: 1, pageSize: 50 });
    expect(in2024.rows.map((row) => row.organizationId)).toEqual([dua, vinhBinh, rau]);
    const grid = await call(app, 'figures:grid', { year: 2025, page: 1, pageSize: 50 });
    expect(grid.total).toBe(2);
    expect(grid.rows.map((row) => [row.name, row.communeName, row.figures?.workers ?? null, row.previous?.workers ?? null])).toEqual([
      ['HTX Nông nghiệp Vĩnh Bình', 'Xã Vĩnh An', 30, 25],
      ['Tổ hợp tác Rau sạch Vĩnh Bình', 'Xã Vĩnh Bình', null, 8],
    ]);
    expect(grid.rows[0]).toMatchObject({ organizationId: vinhBinh, kind: 'htx' });

    const in2026 = await call(app, 'figures:grid', { year: 2026, page: 1, pageSize: 50 });
    expect([in2026.total, in2026.rows.map((row) => row.organizationId)]).toEqual([3, [late, vinhBinh, rau]]);
    expect(in2026.rows[1]?.previous?.workers).toBe(30);
  });

  it('filters by what was typed, kind and commune, and pages', async () => {
    await call(app, 'organizations:create', { kind: 'tht', name: 'Tổ hợp tác Rau sạch Vĩnh Bình', communeCode: XA_VINH_BINH });
    await call(app, 'organizations:create', { kind: 'htx', name: 'HTX Lúa gạo Vĩnh An', communeCode: XA_VINH_AN });
    const names = async (input: { query?: string; kind?: 'htx' | 'tht'; communeCode?: string }) =>
      (await call(app, 'figures:grid', { year: 2025, ...input, page: 1, pageSize: 50 })).rows.map((row) => row.name);
    expect(await names({ query: 'vinh binh' })).toEqual(['HTX Nông nghiệp Vĩnh Bình', 'Tổ hợp tác Rau sạch Vĩnh Bình']);
    expect(await names({ kind: 'tht' })).toEqual(['Tổ hợp tác Rau sạch Vĩnh Bình']);
    expect(await names({ communeCode: XA_VINH_AN })).toEqual(['HTX Lúa gạo Vĩnh An', 'HTX Nông nghiệp Vĩnh Bình']);
    const page2 = await call(app, 'figures:grid', { year: 2025, page: 2, pageSize: 2 });
    expect([page2.total, page2.rows.map((row) => row.name)]).toEqual([3, ['Tổ hợp tác Rau sạch Vĩnh Bình']]);
  });
});
