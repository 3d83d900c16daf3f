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
      ['Năm,Mã số HTX,Số thành viên', '2025,1600333444,12', '2021,1600333444,15', '2024,1600555666,9', '2025,1600555666,10'].join('\n'),
    );
    expect(preview.page.rows.map((row) => [row.row, row.status, row.problems])).toEqual([
      [2, 'invalid', [{ cell: 'A2', message: 'HTX Gốm Phú Tân đã chấm dứt hoạt động từ ngày 11/05/2021, nên không có số liệu năm 2025.' }]],
      // Ended during the year: it still has that year's figures.
      [3, 'valid', []],
      [4, 'invalid', [{ cell: 'A4', message: 'HTX Nông nghiệp Mới thành lập ngày 10/02/2025, nên không có số liệu năm 2024.' }]],
      [5, 'valid', []],
    ]);
    const { summary } = await commitOf(app, { previewJobId: jobId, decisions: [], bulk: {} });
    expect(summary).toMatchObject({ created: 2, failed: 2 });
    expect(membersOf(phuTan.id)).toEqual([{ year: 2021, members: 15 }]);
    expect(membersOf(moi.id)).toEqual([{ year: 2025, members: 10 }]);
  });

  it('says the organization and its end at the row of a list without a year column', async () => {
    const phuTan = await organization('HTX Gốm Phú Tân', '1600333444');
    await call(app, 'lifecycle:record', { kind: 'dissolution', date: '2021-05-11', decisionNo: '12/QĐ', subjectId: phuTan.id });
    const { preview } = await previewFigures(['Mã số HTX,Số thành viên', '1600333444,12'].join('\n'));
    expect(preview.page.rows[0]?.problems).toEqual([{ cell: 'Dòng 2', message: 'HTX Gốm Phú Tân đã chấm dứt hoạt động từ ngày 11/05/2021, nên không có số liệu năm 2025.' }]);
  });
});
