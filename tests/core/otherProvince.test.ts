import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyDerivedStructures } from '../../src/core/db/derived';
import { registerStatisticsTables } from '../../src/core/excel/reports/registerStatistics';
import { promotionFigures } from '../../src/core/services/promotion';
import type ExcelJS from 'exceljs';
import { analyze, commitOf, previewOf, proposedMapping, stage } from './importWorkbooks';
import { exportList, readWorkbook, rowNumberOf, rowTexts } from './reportsSupport';
import { AN_GIANG, call, callFailing, openTestApp, XA_VINH_AN, XA_VINH_BINH } from './support';

type TestApp = ReturnType<typeof openTestApp>;
let app: TestApp;
const DONG_THAP = '82';

beforeEach(async () => {
  app = openTestApp();
  await call(app, 'alliance:save', { name: 'Liên minh Hợp tác xã tỉnh An Giang', provinceCode: AN_GIANG });
});
afterEach(() => app.close());

function communeOf(provinceCode: string, name: string): string {
  const commune = app.ctx.places.findCommune(provinceCode, name);
  if (!commune) throw new Error(`no commune ${name} in ${provinceCode}`);
  return commune.code;
}

/** Two cooperatives of An Giang and one of Đồng Tháp that joined a regional union, each with figures, a certificate and a place at an event. */
async function registerMixed() {
  const vinhBinh = await call(app, 'organizations:create', { kind: 'htx', name: 'HTX Nông nghiệp Vĩnh Bình', communeCode: XA_VINH_BINH, foundedOn: '2019-03-01' });
  const vinhAn = await call(app, 'organizations:create', { kind: 'tht', name: 'Tổ hợp tác Vĩnh An', communeCode: XA_VINH_AN, foundedOn: '2020-05-01' });
  const myHiep = await call(app, 'organizations:create', {
    kind: 'htx',
    name: 'HTX Dịch vụ Nông nghiệp Mỹ Hiệp',
    communeCode: communeOf(DONG_THAP, 'Mỹ Hiệp'),
    foundedOn: '2025-02-01',
  });
  await call(app, 'figures:save', { organizationId: vinhBinh.id, year: 2025, membersOfficial: 40, workers: 12, revenue: 2_000_000_000, classification: 'good' });
  await call(app, 'figures:save', { organizationId: vinhAn.id, year: 2025, membersOfficial: 9, workers: 4 });
  await call(app, 'figures:save', { organizationId: myHiep.id, year: 2025, membersOfficial: 300, workers: 80, revenue: 9_000_000_000, classification: 'good' });
  for (const organization of [vinhBinh, myHiep]) {
    await call(app, 'certifications:save', { organizationId: organization.id, kindCode: 'ocop', stars: 3, issuedOn: '2023-12-01', expiresOn: '2026-12-10' });
  }
  const conference = await call(app, 'events:create', { kind: 'supply_demand_conference', title: 'Hội nghị kết nối cung – cầu 2025', startsOn: '2025-09-05', provinceCode: AN_GIANG });
  await call(app, 'events:addParticipants', {
    eventId: conference.id,
    participants: [vinhBinh, vinhAn, myHiep].map((organization) => ({ kind: 'organization' as const, id: organization.id })),
  });
  await call(app, 'events:markAttendance', { eventId: conference.id, attendedIds: (await call(app, 'events:get', { id: conference.id })).participants.map((p) => p.id) });
  return { vinhBinh, vinhAn, myHiep };
}

describe('cooperatives of another province', () => {
  it('are left out of the year grid unless asked for, and marked with their province there', async () => {
    await registerMixed();
    const grid = async (place?: 'home' | 'elsewhere') =>
      (await call(app, 'figures:grid', { year: 2025, ...(place ? { place } : {}), page: 1, pageSize: 50 })).rows.map((row) => [row.name, row.otherProvinceName, row.figures?.membersOfficial]);
    expect(await grid('home')).toEqual([
      ['HTX Nông nghiệp Vĩnh Bình', null, 40],
      ['Tổ hợp tác Vĩnh An', null, 9],
    ]);
    expect(await grid('elsewhere')).toEqual([['HTX Dịch vụ Nông nghiệp Mỹ Hiệp', 'Tỉnh Đồng Tháp', 300]]);
    expect(await grid()).toEqual([
      ['HTX Dịch vụ Nông nghiệp Mỹ Hiệp', 'Tỉnh Đồng Tháp', 300],
      ['HTX Nông nghiệp Vĩnh Bình', null, 40],
      ['Tổ hợp tác Vĩnh An', null, 9],
    ]);
    const total = async (place?: 'home' | 'elsewhere') => (await call(app, 'figures:grid', { year: 2025, ...(place ? { place } : {}), page: 1, pageSize: 50 })).total;
    expect([await total('home'), await total('elsewhere'), await total()]).toEqual([2, 1, 3]);
  });

  it('are recorded with their place and marked, and the register filters them', async () => {
    const { vinhBinh, myHiep } = await registerMixed();
    expect(myHiep.provinceCode).toBe(DONG_THAP);
    expect(myHiep.otherProvinceName).toBe('Tỉnh Đồng Tháp');
    expect(vinhBinh.otherProvinceName).toBeNull();
    expect((await call(app, 'organizations:get', { id: myHiep.id })).otherProvinceName).toBe('Tỉnh Đồng Tháp');

    const all = await call(app, 'organizations:list', { page: 1, pageSize: 50 });
    expect(all.total).toBe(3);
    const elsewhere = await call(app, 'organizations:list', { place: 'elsewhere', page: 1, pageSize: 50 });
    expect([elsewhere.total, elsewhere.rows.map((row) => row.name)]).toEqual([1, ['HTX Dịch vụ Nông nghiệp Mỹ Hiệp']]);
    const home = await call(app, 'organizations:list', { place: 'home', page: 1, pageSize: 50 });
    expect([home.total, home.rows.map((row) => row.name)]).toEqual([2, ['HTX Nông nghiệp Vĩnh Bình', 'Tổ hợp tác Vĩnh An']]);
    // Found by search like any other, with its mark.
    const found = await call(app, 'organizations:list', { query: 'htx dvnn my hiep', page: 1, pageSize: 50 });
    expect(found.rows.map((row) => [row.name, row.otherProvinceName])).toEqual([['HTX Dịch vụ Nông nghiệp Mỹ Hiệp', 'Tỉnh Đồng Tháp']]);
    expect(await callFailing(app, 'organizations:list', { place: 'abroad', page: 1, pageSize: 50 })).toMatchObject({ kind: 'validation' });

    // The exported list says where each is, as the screen does.
    const { path } = await exportList(app, { list: 'organizations', input: { sort: { by: 'name', direction: 'asc' } }, columns: ['communeName'] });
    const sheet = (await readWorkbook(path)).worksheets[0] as ExcelJS.Worksheet;
    const header = rowNumberOf(sheet, 'STT');
    expect([1, 2, 3].map((offset) => rowTexts(sheet, header + offset).slice(1))).toEqual([
      ['HTX Dịch vụ Nông nghiệp Mỹ Hiệp', 'Xã Mỹ Hiệp, Tỉnh Đồng Tháp'],
      ['HTX Nông nghiệp Vĩnh Bình', 'Xã Vĩnh Bình'],
      ['Tổ hợp tác Vĩnh An', 'Xã Vĩnh An'],
    ]);
  });

  it('count in none of this province statistics, reports, plan measures or reminders', async () => {
    await registerMixed();
    const { current } = await call(app, 'statistics:overview', { year: 2025 });
    expect(current.organizations).toEqual({ htx: 1, lhhtx: 0, tht: 1, qtdnd: 0, total: 2 });
    expect(current.founded.total).toBe(0);
    expect(current.byCommune.map((row) => row.code).sort()).toEqual([XA_VINH_AN, XA_VINH_BINH].sort());
    expect([current.reporting, current.membersOfficial, current.workers, current.averageRevenuePerCooperative]).toEqual([2, 49, 16, 2_000_000_000]);
    expect(current.classification.good).toBe(1);

    const tables = registerStatisticsTables(app.ctx, 2025);
    const byKind = [...((tables.byKind?.rows ?? []) as Iterable<Record<string, unknown>>)];
    expect(byKind.find((row) => row.kind === 'htx')).toMatchObject({ existing: 1, founded: 0, membersOfficial: 40 });
    expect(JSON.stringify(tables)).not.toContain('Mỹ Hiệp');

    // The HTX of Đồng Tháp came to the conference as a guest: not one of this province's HTX reached.
    expect(promotionFigures(app.ctx, '2025-01-01', '2025-12-31').total).toMatchObject({ cooperatives: 1, groups: 1 });

    const plan = await call(app, 'plans:create', {
      kind: 'year',
      title: 'Kế hoạch phát triển kinh tế tập thể năm 2025',
      periodFrom: '2025-01-01',
      periodTo: '2025-12-31',
      status: 'issued',
      communeCodes: [],
      targets: [
        { title: 'HTX hiện có', comparison: 'at_least', value: 1, unit: 'count', measure: { metric: 'organizations', kinds: ['htx'] } },
        { title: 'HTX thành lập mới', comparison: 'at_least', value: 1, unit: 'count', measure: { metric: 'founded', kinds: ['htx'] } },
        { title: 'Thành viên', comparison: 'at_least', value: 1, unit: 'count', measure: { metric: 'members' } },
      ],
    });
    const targets = (await call(app, 'plans:get', { id: plan.id })).targets.map((target) => [target.title, target.actual]);
    expect(targets).toEqual([
      ['HTX hiện có', 1],
      ['HTX thành lập mới', 0],
      ['Thành viên', 49],
    ]);

    const attention = await call(app, 'attention:list', { certificateDays: 30 });
    expect(attention.expiringCertifications.map((row) => row.organizationName)).toEqual(['HTX Nông nghiệp Vĩnh Bình']);
    expect(verifyDerivedStructures(app.ctx.db.$client)).toEqual([]);
  });

  it('follow the alliance province: set to Đồng Tháp, the same rows count the other way', async () => {
    await registerMixed();
    await call(app, 'alliance:save', { name: 'Liên minh Hợp tác xã tỉnh Đồng Tháp', provinceCode: DONG_THAP });
    const { current } = await call(app, 'statistics:overview', { year: 2025 });
    expect([current.organizations.total, current.founded.htx, current.membersOfficial]).toEqual([1, 1, 300]);
    expect((await call(app, 'organizations:list', { place: 'elsewhere', page: 1, pageSize: 50 })).total).toBe(2);
  });

  it('are all of this province before the alliance record is saved', async () => {
    app.close();
    app = openTestApp();
    await registerMixed();
    const { current } = await call(app, 'statistics:overview', { year: 2025 });
    expect([current.organizations, current.membersOfficial]).toEqual([{ htx: 2, lhhtx: 0, tht: 1, qtdnd: 0, total: 3 }, 349]);
    // Counters are kept per province: the two provinces' HTX are added, not one taken for the other.
    expect([current.averageRevenuePerCooperative, current.classification.good]).toEqual([5_500_000_000, 2]);
    const byKind = [...((registerStatisticsTables(app.ctx, 2025).byKind?.rows ?? []) as Iterable<Record<string, unknown>>)];
    expect(byKind.find((row) => row.kind === 'htx')).toMatchObject({ existing: 2, membersOfficial: 340 });
    expect((await call(app, 'organizations:list', { place: 'home', page: 1, pageSize: 50 })).total).toBe(3);
    expect((await call(app, 'organizations:list', { place: 'elsewhere', page: 1, pageSize: 50 })).total).toBe(0);
  });

  it('come in from an imported list that mixes provinces, placed in their own, and stay out of the statistics', async () => {
    const csv = [
      'STT,Tên HTX,Địa chỉ,Số TV',
      '1,HTX NN Vĩnh Bình,"ấp Vĩnh Hòa, xã Vĩnh Bình, huyện Châu Thành, tỉnh An Giang",25',
      '2,HTX Dịch vụ Nông nghiệp Mỹ Hiệp,"ấp 1, xã Mỹ Hiệp, tỉnh Đồng Tháp",300',
      '3,HTX Nông nghiệp Cao Dương,"xã Cao Dương, huyện Lương Sơn, tỉnh Hòa Bình",40',
      '4,HTX Thủy sản Mỹ Hòa Hưng,"xã Mỹ Hòa Hưng, TP Long Xuyên, tỉnh An Giang",30',
    ].join('\r\n');
    const { jobId, analysis } = await analyze(app, stage(app, 'DS HTX lien ket vung.csv', `\ufeff${csv}`));
    const { jobId: previewJob, preview } = await previewOf(app, jobId, proposedMapping(analysis), 2025);
    expect(preview.page.rows.map((row) => [row.row, row.status, row.commune?.name ?? null, row.needsPlace])).toEqual([
      [2, 'valid', 'Xã Vĩnh An', false],
      [3, 'valid', 'Xã Mỹ Hiệp (Tỉnh Đồng Tháp)', false],
      [4, 'valid', 'Xã Cao Dương (Tỉnh Phú Thọ)', false],
      [5, 'valid', 'Xã Mỹ Hòa Hưng', false],
    ]);
    // Not refused, since a member may be of another province, but said, to heed: the province may be a slip.
    expect(preview.page.rows.map((row) => row.notes.filter((note) => note.heed).map((note) => `${note.cell}: ${note.message}`))).toEqual([
      [],
      ['C3: Địa chỉ ở tỉnh Đồng Tháp, không thuộc tỉnh An Giang: tổ chức được ghi là Ngoài tỉnh, không tính vào số liệu, báo cáo của tỉnh An Giang. Nếu ghi nhầm tỉnh, hãy sửa trong tệp hoặc chọn «Bỏ qua» cho dòng này.'],
      ['C4: Địa chỉ ở tỉnh Phú Thọ, không thuộc tỉnh An Giang: tổ chức được ghi là Ngoài tỉnh, không tính vào số liệu, báo cáo của tỉnh An Giang. Nếu ghi nhầm tỉnh, hãy sửa trong tệp hoặc chọn «Bỏ qua» cho dòng này.'],
      [],
    ]);
    expect((await commitOf(app, { previewJobId: previewJob, decisions: [] })).summary).toMatchObject({ created: 4, failed: 0 });

    const elsewhere = await call(app, 'organizations:list', { place: 'elsewhere', page: 1, pageSize: 50 });
    expect(elsewhere.rows.map((row) => [row.name, row.communeName, row.otherProvinceName])).toEqual([
      ['HTX Dịch vụ Nông nghiệp Mỹ Hiệp', 'Xã Mỹ Hiệp', 'Tỉnh Đồng Tháp'],
      ['HTX Nông nghiệp Cao Dương', 'Xã Cao Dương', 'Tỉnh Phú Thọ'],
    ]);
    const { current } = await call(app, 'statistics:overview', { year: 2025 });
    expect([current.organizations.total, current.reporting, current.membersOfficial]).toEqual([2, 2, 55]);

    // A province column, with a name from before 1 July 2025.
    // Initials where one province has them; a cell naming none refused there, not read as the alliance's province.
    const second = [
      'Tên HTX,Xã/phường,Tỉnh',
      'HTX Rau an toàn Ba Đình,Ba Đình,Hà Nội',
      'HTX Lúa gạo Vĩnh Mỹ,Vĩnh Mỹ,Bạc Liêu',
      'HTX Sen Tháp Mười,Mỹ Hiệp,ĐT',
      'HTX Rau Vĩnh An,Vĩnh An,HN',
      'HTX Nấm Vĩnh An,Vĩnh An,Tỉnh Vĩnh Xa',
    ].join('\r\n');
    const { jobId: secondJob, analysis: secondAnalysis } = await analyze(app, stage(app, 'DS tinh ban.csv', second));
    expect(secondAnalysis.columns.map((column) => column.field)).toEqual(['name', 'commune', 'province']);
    const { preview: secondPreview } = await previewOf(app, secondJob, proposedMapping(secondAnalysis));
    expect(secondPreview.page.rows.map((row) => [row.status, row.commune?.name ?? null, [...row.problems, ...row.notes].map((said) => `${said.cell}: ${said.message}`)])).toEqual([
      ['valid', 'Phường Ba Đình (Thành phố Hà Nội)', ['C2: Địa chỉ ở thành phố Hà Nội, không thuộc tỉnh An Giang: tổ chức được ghi là Ngoài tỉnh, không tính vào số liệu, báo cáo của tỉnh An Giang. Nếu ghi nhầm tỉnh, hãy sửa trong tệp hoặc chọn «Bỏ qua» cho dòng này.']],
      ['valid', 'Xã Vĩnh Mỹ (Tỉnh Cà Mau)', ['C3: Tỉnh Bạc Liêu nay thuộc tỉnh Cà Mau (từ 01/07/2025).', 'C3: Địa chỉ ở tỉnh Cà Mau, không thuộc tỉnh An Giang: tổ chức được ghi là Ngoài tỉnh, không tính vào số liệu, báo cáo của tỉnh An Giang. Nếu ghi nhầm tỉnh, hãy sửa trong tệp hoặc chọn «Bỏ qua» cho dòng này.']],
      ['valid', 'Xã Mỹ Hiệp (Tỉnh Đồng Tháp)', ['C4: «ĐT» ghi nhận là tỉnh Đồng Tháp.', 'C4: Địa chỉ ở tỉnh Đồng Tháp, không thuộc tỉnh An Giang: tổ chức được ghi là Ngoài tỉnh, không tính vào số liệu, báo cáo của tỉnh An Giang. Nếu ghi nhầm tỉnh, hãy sửa trong tệp hoặc chọn «Bỏ qua» cho dòng này.']],
      ['invalid', 'Xã Vĩnh An', ['C5: «HN» có thể là thành phố Hà Nội hoặc tỉnh Hà Nam (trước 01/07/2025); hãy ghi tên tỉnh, thành phố.']],
      ['invalid', 'Xã Vĩnh An', ['C6: Không có tỉnh, thành phố «Tỉnh Vĩnh Xa» trong 34 tỉnh, thành phố hiện nay hay 63 tỉnh, thành phố trước 01/07/2025.']],
    ]);
  });
});
