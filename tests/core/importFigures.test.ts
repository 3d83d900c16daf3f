/**
 * A list of yearly figures: an organization's year written twice in one file is one year, said on
 * the later row; a year the organization did not exist in is refused, as nobody would find it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AN_GIANG, call, openTestApp } from './support';
import { analyze, commitOf, previewOf, proposedMapping, stage } from './importWorkbooks';

let app: ReturnType<typeof openTestApp>;
beforeEach(async () => {
  app = openTestApp();
  await call(app, 'alliance:save', { name: 'Liên minh Hợp tác xã tỉnh An Giang', provinceCode: AN_GIANG });
});
afterEach(() => app.close());

const XA_MY_HOA_HUNG = '30313';

async function previewFigures(csv: string, year = 2025) {
  const { jobId, analysis } = await analyze(app, stage(app, 'so lieu.csv', `\ufeff${csv}`), 'figures');
  return previewOf(app, jobId, proposedMapping(analysis), year);
}

async function organization(name: string, registrationNo: string, foundedOn: string | null = null) {
  return call(app, 'organizations:create', { kind: 'htx', name, registrationNo, communeCode: XA_MY_HOA_HUNG, foundedOn });
}

function membersOf(id: number): { year: number; members: number | null }[] {
  return app.ctx.db.$client.prepare('SELECT year, members_official AS members FROM yearly_figures WHERE organization_id = ? ORDER BY year').all(id) as { year: number; members: number | null }[];
}

describe('the same organization twice in a list of figures', () => {
  it('takes its stored year once, and says the later row repeats the earlier', async () => {
    const longDien = await organization('HTX Nông nghiệp Long Điền', '1600111222');
    await call(app, 'figures:save', { organizationId: longDien.id, year: 2025, membersOfficial: 30 });
    const { jobId, preview } = await previewFigures(['Mã số HTX,Tên HTX,Số thành viên', '1600111222,HTX Nông nghiệp Long Điền,35', '1600111222,HTX NN Long Điền,40'].join('\n'));
    expect(preview.page.rows.map((row) => [row.row, row.match, row.defaultAction])).toEqual([
      [2, { reason: 'existing', id: longDien.id, name: 'HTX Nông nghiệp Long Điền', place: 'năm 2025', row: null }, 'update'],
      [3, { reason: 'inFile', id: null, name: 'HTX Nông nghiệp Long Điền', place: '', row: 2 }, 'skip'],
    ]);
    const { summary } = await commitOf(app, { previewJobId: jobId, decisions: [], bulk: {} });
    expect(summary).toMatchObject({ updated: 1, skipped: 1, failed: 0 });
    expect(membersOf(longDien.id)).toEqual([{ year: 2025, members: 35 }]);
  });

  it('takes a year not stored once, and counts several years of one organization each', async () => {
    const longDien = await organization('HTX Nông nghiệp Long Điền', '1600111222');
    const { jobId, preview } = await previewFigures(['Năm,Mã số HTX,Số thành viên', '2024,1600111222,28', '2025,1600111222,35', '2025,1600111222,40'].join('\n'));
    expect(preview.page.rows.map((row) => [row.row, row.match?.reason ?? null, row.match?.row ?? null, row.defaultAction])).toEqual([
      [2, null, null, 'create'],
      [3, null, null, 'create'],
      [4, 'inFile', 3, 'skip'],
    ]);
    const { summary } = await commitOf(app, { previewJobId: jobId, decisions: [], bulk: {} });
    expect(summary).toMatchObject({ created: 2, skipped: 1, failed: 0 });
    expect(membersOf(longDien.id)).toEqual([
      { year: 2024, members: 28 },
      { year: 2025, members: 35 },
    ]);
  });
});

describe('a year the organization did not exist in', () => {
  it('refuses figures after its end and before its founding, and takes those of the years it lived in', async () => {
    const phuTan = await organization('HTX Gốm Phú Tân', '1600333444', '2012-03-01');
    await call(app, 'lifecycle:record', { kind: 'dissolution', date: '2021-05-11', decisionNo: '12/QĐ', subjectId: phuTan.id });
    const moi = await organization('HTX Nông nghiệp Mới', '1600555666', '2025-02-10');
    const { jobId, preview } = await previewFigures(
      ['Năm,Mã số HTX,Số thành viên', '2025,1600333444,12', '2020,1600333444,15', '2024,1600555666,9', '2025,1600555666,10', '2021,1600333444,14'].join('\n'),
    );
    expect(preview.page.rows.map((row) => [row.row, row.status, row.problems])).toEqual([
      [2, 'invalid', [{ cell: 'A2', message: 'HTX Gốm Phú Tân đã chấm dứt hoạt động từ ngày 11/05/2021, nên không có số liệu năm 2025.' }]],
      [3, 'valid', []],
      [4, 'invalid', [{ cell: 'A4', message: 'HTX Nông nghiệp Mới thành lập ngày 10/02/2025, nên không có số liệu năm 2024.' }]],
      [5, 'valid', []],
      // Ended during the year: not among that year's organizations, whose statistics would not count it.
      [6, 'invalid', [{ cell: 'A6', message: 'HTX Gốm Phú Tân đã chấm dứt hoạt động từ ngày 11/05/2021, nên không có số liệu năm 2021.' }]],
    ]);
    const { summary } = await commitOf(app, { previewJobId: jobId, decisions: [], bulk: {} });
    expect(summary).toMatchObject({ created: 2, failed: 3 });
    expect(membersOf(phuTan.id)).toEqual([{ year: 2020, members: 15 }]);
    expect(membersOf(moi.id)).toEqual([{ year: 2025, members: 10 }]);
  });

  it('says the organization and its end at the row of a list without a year column', async () => {
    const phuTan = await organization('HTX Gốm Phú Tân', '1600333444');
    await call(app, 'lifecycle:record', { kind: 'dissolution', date: '2021-05-11', decisionNo: '12/QĐ', subjectId: phuTan.id });
    const { preview } = await previewFigures(['Mã số HTX,Số thành viên', '1600333444,12'].join('\n'));
    expect(preview.page.rows[0]?.problems).toEqual([{ cell: 'Dòng 2', message: 'HTX Gốm Phú Tân đã chấm dứt hoạt động từ ngày 11/05/2021, nên không có số liệu năm 2025.' }]);
  });
});

describe('a profit above the revenue', () => {
  /** What the preview says of it: a note to heed, with both values and the year. */
  const noteOf = (cell: string, profit: string, revenue: string) => ({
    cell,
    message: `${profit} lớn hơn ${revenue}: xem lại có gõ thừa số 0 không. Dòng vẫn được ghi nếu để nguyên.`,
    heed: true,
  });

  it('is said on the year as the row leaves it, stored values filled in, and the row is still written', async () => {
    const longDien = await organization('HTX Nông nghiệp Long Điền', '1600111222');
    const phuTan = await organization('HTX Gốm Phú Tân', '1600333444');
    const moi = await organization('HTX Nông nghiệp Mới', '1600555666');
    const vinhAn = await organization('HTX Nông nghiệp Vĩnh An', '1600777888');
    await call(app, 'figures:save', { organizationId: phuTan.id, year: 2024, revenue: 150_000_000 });
    await call(app, 'figures:save', { organizationId: moi.id, year: 2024, revenue: 1_000_000_000, profit: 900_000_000 });
    // Asked about when it was saved, and saved as it is.
    await call(app, 'figures:save', { organizationId: vinhAn.id, year: 2024, revenue: 100_000_000, profit: 120_000_000 });
    const { jobId, preview } = await previewFigures(
      [
        'Mã số HTX,Doanh thu (đồng),Lợi nhuận (đồng),Số thành viên',
        '1600111222,150.000.000,1.500.000.000,30',
        '1600333444,,1.500.000.000,',
        '1600555666,90.000.000,,',
        '1600777888,100.000.000,120.000.000,25',
      ].join('\n'),
      2024,
    );
    expect(preview.page.rows.map((row) => [row.row, row.status, row.problems, row.notes])).toEqual([
      [2, 'valid', [], [noteOf('C2', 'Lợi nhuận năm 2024 (1.500.000.000 đồng)', 'doanh thu (150.000.000 đồng)')]],
      [3, 'valid', [], [noteOf('C3', 'Lợi nhuận năm 2024 (1.500.000.000 đồng)', 'doanh thu đã lưu (150.000.000 đồng)')]],
      [4, 'valid', [], [noteOf('B4', 'Lợi nhuận đã lưu năm 2024 (900.000.000 đồng)', 'doanh thu (90.000.000 đồng)')]],
      [5, 'valid', [], []],
    ]);
    const { summary } = await commitOf(app, { previewJobId: jobId, decisions: [], bulk: {} });
    expect(summary).toMatchObject({ created: 1, updated: 3, failed: 0 });
    const money = (id: number) => app.ctx.db.$client.prepare('SELECT revenue, profit FROM yearly_figures WHERE organization_id = ? AND year = 2024').get(id);
    expect([longDien, phuTan, moi, vinhAn].map(({ id }) => money(id))).toEqual([
      { revenue: 150_000_000, profit: 1_500_000_000 },
      { revenue: 150_000_000, profit: 1_500_000_000 },
      { revenue: 90_000_000, profit: 900_000_000 },
      { revenue: 100_000_000, profit: 120_000_000 },
    ]);
  });

  it('is said in a list of organizations that carries the figures, for a new organization and a stored one', async () => {
    const longDien = await organization('HTX Nông nghiệp Long Điền', '1600111222');
    await call(app, 'figures:save', { organizationId: longDien.id, year: 2024, revenue: 150_000_000 });
    const { analysis, jobId } = await analyze(
      app,
      stage(
        app,
        'thanh vien.csv',
        [
          '\ufeffTên HTX,Mã số HTX,Địa chỉ,Doanh thu (đồng),Lợi nhuận (đồng)',
          'HTX Nông nghiệp Long Điền,1600111222,Xã Mỹ Hòa Hưng,,1.500.000.000',
          'HTX Nông nghiệp Mới,1600555666,Xã Mỹ Hòa Hưng,150.000.000,1.500.000.000',
          'HTX Gốm Phú Tân,1600333444,Xã Mỹ Hòa Hưng,150.000.000,15.000.000',
        ].join('\n'),
      ),
      'organizations',
    );
    const { preview } = await previewOf(app, jobId, proposedMapping(analysis), 2024);
    expect(preview.page.rows.map((row) => [row.row, row.status, row.notes])).toEqual([
      [2, 'valid', [noteOf('E2', 'Lợi nhuận năm 2024 (1.500.000.000 đồng)', 'doanh thu đã lưu (150.000.000 đồng)')]],
      [3, 'valid', [noteOf('E3', 'Lợi nhuận năm 2024 (1.500.000.000 đồng)', 'doanh thu (150.000.000 đồng)')]],
      [4, 'valid', []],
    ]);
  });
});

describe('a list of figures naming an organization in the Thùng rác', () => {
  it('says it is there, by its Mã số or by its name in its commune, rather than that it is nowhere', async () => {
    const longDien = await organization('HTX Nông nghiệp Long Điền', '1600111222');
    const anPhu = await call(app, 'organizations:create', { kind: 'htx', name: 'HTX Rau An Phú', communeCode: XA_MY_HOA_HUNG });
    await call(app, 'organizations:delete', { id: longDien.id });
    await call(app, 'organizations:delete', { id: anPhu.id });
    const { preview } = await previewFigures(
      [
        'Mã số HTX,Tên HTX,Xã,Số thành viên',
        '1600111222,HTX Nông nghiệp Long Điền,Xã Mỹ Hòa Hưng,35',
        ',HTX Rau An Phú,Xã Mỹ Hòa Hưng,12',
        ',HTX Chưa Có,Xã Mỹ Hòa Hưng,9',
      ].join('\n'),
    );
    expect(preview.page.rows.map((row) => [row.row, row.status, row.problems.map((problem) => `${problem.cell}: ${problem.message}`)])).toEqual([
      [2, 'invalid', ['A2: HTX Nông nghiệp Long Điền (mã số 1600111222) đang ở Thùng rác; hãy khôi phục tổ chức đó trước khi nhập dòng này.']],
      [3, 'invalid', ['B3: HTX Rau An Phú (xã Mỹ Hòa Hưng) đang ở Thùng rác; hãy khôi phục tổ chức đó trước khi nhập dòng này.']],
      [4, 'invalid', ['B4: Không tìm thấy «HTX Chưa Có» trong danh sách Thành viên ở xã Mỹ Hòa Hưng; hãy nhập tổ chức trước, hoặc ghi đúng mã số HTX.']],
    ]);
  });
});
