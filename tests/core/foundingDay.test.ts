/**
 * A founding day moved past years the organization has figures of, and joining the alliance before
 * the founding: refused on a person's save and said at the cell of an import's row, by one rule
 * (`foundingIssues`), so that no year's figures drop out of the statistics without a word.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AN_GIANG, XA_VINH_AN, call, callFailing, openTestApp } from './support';
import { analyze, commitOf, previewOf, proposedMapping, settle, stage } from './importWorkbooks';

let app: ReturnType<typeof openTestApp>;
beforeEach(async () => {
  app = openTestApp();
  await call(app, 'alliance:save', { name: 'Liên minh Hợp tác xã tỉnh An Giang', provinceCode: AN_GIANG });
});
afterEach(() => app.close());

const base = { kind: 'htx' as const, name: 'HTX Nông nghiệp Vĩnh An', registrationNo: '1600123456', communeCode: XA_VINH_AN, foundedOn: '1997-07-03' };
const MOVED_PAST_FIGURES =
  'HTX Nông nghiệp Vĩnh An đã có số liệu hằng năm của năm 2016, 2019, trước ngày thành lập 01/01/2020: các số liệu đó sẽ không còn được tính vào thống kê của năm nào. ' +
  'Nếu ngày thành lập mới đúng, hãy xóa số liệu các năm đó ở thẻ Số liệu hằng năm trước; nếu không, hãy kiểm tra lại ngày thành lập.';

async function withFigures() {
  const organization = await call(app, 'organizations:create', base);
  for (const year of [2016, 2019, 2020, 2024]) await call(app, 'figures:save', { organizationId: organization.id, year, membersOfficial: 10 });
  return organization;
}

function foundedOn(id: number): string | null {
  return (app.ctx.db.$client.prepare('SELECT founded_on FROM organizations WHERE id = ?').get(id) as { founded_on: string | null }).founded_on;
}

describe('a person moving the founding day', () => {
  it('is refused past years with figures, naming them, and nothing is written', async () => {
    const organization = await withFigures();
    const error = await callFailing(app, 'organizations:update', { id: organization.id, ...base, foundedOn: '2020-01-01' });
    expect(error).toMatchObject({ kind: 'validation', issues: [{ path: 'foundedOn', message: MOVED_PAST_FIGURES }] });
    expect(foundedOn(organization.id)).toBe('1997-07-03');
  });

  it('names consecutive years as a range, the others one by one', async () => {
    const organization = await call(app, 'organizations:create', base);
    for (const year of [2012, 2016, 2017, 2018, 2019, 2021]) await call(app, 'figures:save', { organizationId: organization.id, year, membersOfficial: 10 });
    const error = await callFailing(app, 'organizations:update', { id: organization.id, ...base, foundedOn: '2020-01-01' });
    expect(error.kind === 'validation' && error.issues.map((issue) => issue.message.split(':')[0])).toEqual([
      'HTX Nông nghiệp Vĩnh An đã có số liệu hằng năm của năm 2012, 2016–2019, trước ngày thành lập 01/01/2020',
    ]);
  });

  it('may move it within the year of its first figures, or earlier', async () => {
    const organization = await withFigures();
    await call(app, 'organizations:update', { id: organization.id, ...base, foundedOn: '2016-12-31' });
    await call(app, 'organizations:update', { id: organization.id, ...base, foundedOn: '1990-01-01' });
    expect(foundedOn(organization.id)).toBe('1990-01-01');
  });
});

describe('joining the alliance before the founding', () => {
  const JOINED_BEFORE = 'Ngày gia nhập Liên minh (01/03/1995) không được trước ngày thành lập (03/07/1997).';

  it('is refused on a new organization and on an edit of either day', async () => {
    expect(await callFailing(app, 'organizations:create', { ...base, memberSince: '1995-03-01' })).toMatchObject({
      kind: 'validation',
      issues: [{ path: 'memberSince', message: JOINED_BEFORE }],
    });
    const organization = await call(app, 'organizations:create', { ...base, memberSince: '1998-03-01' });
    expect(await callFailing(app, 'organizations:update', { id: organization.id, ...base, memberSince: '1995-03-01' })).toMatchObject({
      issues: [{ path: 'memberSince', message: JOINED_BEFORE }],
    });
    expect(await callFailing(app, 'organizations:update', { id: organization.id, ...base, foundedOn: '1999-01-01', memberSince: '1998-03-01' })).toMatchObject({
      issues: [{ path: 'memberSince', message: 'Ngày gia nhập Liên minh (01/03/1998) không được trước ngày thành lập (01/01/1999).' }],
    });
  });

  it('kept so before is not questioned when other fields change', async () => {
    const organization = await call(app, 'organizations:create', { ...base, memberSince: '1998-03-01' });
    // As an older version of the app let it be stored.
    app.ctx.db.$client.prepare("UPDATE organizations SET member_since = '1995-03-01' WHERE id = ?").run(organization.id);
    await call(app, 'organizations:update', { id: organization.id, ...base, memberSince: '1995-03-01', phone: '0296 3851 234' });
    expect(await call(app, 'organizations:get', { id: organization.id })).toMatchObject({ phone: '0296 3851 234', memberSince: '1995-03-01' });
  });
});

describe("an import's «Cập nhật» of the founding day", () => {
  const csv = ['Tên HTX,Mã số HTX,Địa chỉ,Ngày thành lập', 'HTX Nông nghiệp Vĩnh An,1600123456,"xã Vĩnh An, tỉnh An Giang",01/01/2020'].join('\n');

  it('is refused at the cell, as the form refuses it, and the commit leaves the day', async () => {
    const organization = await withFigures();
    const { analysis, jobId: analysisJob } = await analyze(app, stage(app, 'danh sach.csv', `\ufeff${csv}`));
    const { jobId, preview } = await previewOf(app, analysisJob, proposedMapping(analysis));
    expect(preview.page.rows.map((row) => [row.status, row.problems])).toEqual([['invalid', [{ cell: 'D2', message: MOVED_PAST_FIGURES }]]]);
    const { summary } = await commitOf(app, { previewJobId: jobId, decisions: [] });
    expect(summary).toMatchObject({ updated: 0, failed: 1 });
    expect(foundedOn(organization.id)).toBe('1997-07-03');
  });

  it('refuses a new row joining before its founding, at the joining cell', async () => {
    const list = ['Tên HTX,Mã số HTX,Địa chỉ,Ngày thành lập,Ngày gia nhập', 'HTX Rau sạch Vĩnh An,1600999001,"xã Vĩnh An, tỉnh An Giang",03/07/1997,01/03/1995'].join('\n');
    const { analysis, jobId: analysisJob } = await analyze(app, stage(app, 'danh sach.csv', `\ufeff${list}`));
    const { preview } = await previewOf(app, analysisJob, proposedMapping(analysis));
    expect(preview.page.rows.map((row) => [row.status, row.problems])).toEqual([
      ['invalid', [{ cell: 'E2', message: 'Ngày gia nhập Liên minh (01/03/1995) không được trước ngày thành lập (03/07/1997).' }]],
    ]);
  });

  it('goes through updateOrganization: figures saved after the preview stop the commit before anything is written', async () => {
    const organization = await call(app, 'organizations:create', base);
    const { analysis, jobId: analysisJob } = await analyze(app, stage(app, 'danh sach.csv', `\ufeff${csv}`));
    const { jobId, preview } = await previewOf(app, analysisJob, proposedMapping(analysis));
    expect(preview.page.rows[0]).toMatchObject({ status: 'valid', defaultAction: 'update' });
    await call(app, 'figures:save', { organizationId: organization.id, year: 2019, membersOfficial: 10 });
    const { jobId: commitJob } = await call(app, 'imports:commit', { previewJobId: jobId, decisions: [] });
    const status = await settle(app, commitJob);
    expect(status.state === 'failed' ? status.error?.message : status.state).toContain('HTX Nông nghiệp Vĩnh An đã có số liệu hằng năm của năm 2019, trước ngày thành lập 01/01/2020');
    expect(foundedOn(organization.id)).toBe('1997-07-03');
  });
});
