/**
 * The register's round trip: exported as the register report, imported into an empty database
 * with the mapping the importer proposes, it is the same register — every field the report
 * carries, in every row.
 */
import { readFileSync } from 'node:fs';
import { afterEach, expect, it } from 'vitest';
import { stagedFile } from '../../src/core/files';
import { analyze, commitOf, previewOf, proposedMapping, settle, stage } from './importWorkbooks';
import { AN_GIANG, call, openTestApp, XA_VINH_AN, XA_VINH_BINH } from './support';

const apps: ReturnType<typeof openTestApp>[] = [];
afterEach(() => apps.splice(0).forEach((app) => app.close()));

async function office() {
  const app = openTestApp();
  apps.push(app);
  await call(app, 'alliance:save', { name: 'Liên minh Hợp tác xã tỉnh An Giang', provinceCode: AN_GIANG, chairName: 'Nguyễn Văn Bình' });
  return app;
}

/** What the register report writes of each organization, in name order. */
async function register(app: ReturnType<typeof openTestApp>) {
  const { rows } = await call(app, 'organizations:list', { pageSize: 500, sort: { by: 'name', direction: 'asc' } });
  return rows.map(({ name, kind, registrationNo, communeCode, street, sectorCode, foundedOn }) => ({
    name,
    kind,
    registrationNo,
    communeCode,
    street,
    sectorCode,
    foundedOn,
  }));
}

it('exports the register and imports it into an empty database as the same register', async () => {
  const source = await office();
  const organizations = [
    { kind: 'htx', name: 'HTX Nông nghiệp Vĩnh Bình', registrationNo: '1600123456', communeCode: XA_VINH_AN, street: 'Ấp Vĩnh Hòa', sectorCode: 'trong_trot', foundedOn: '2015-03-01' },
    { kind: 'htx', name: 'Hợp tác xã Đồng Tâm', registrationNo: '1600234567-001', communeCode: XA_VINH_BINH, street: '', sectorCode: null, foundedOn: '2001-12-31' },
    { kind: 'lhhtx', name: 'Liên hiệp HTX Lúa gạo An Giang', registrationNo: '1600345678', communeCode: XA_VINH_AN, street: '12 Trần Hưng Đạo', sectorCode: null, foundedOn: null },
    { kind: 'tht', name: 'Tổ hợp tác Rau sạch Ấp Đông', registrationNo: null, communeCode: XA_VINH_BINH, street: 'Ấp Đông', sectorCode: 'trong_trot', foundedOn: '2024-02-29' },
    { kind: 'qtdnd', name: 'Quỹ tín dụng nhân dân Vĩnh An', registrationNo: '1600456789', communeCode: XA_VINH_AN, street: '', sectorCode: null, foundedOn: '1998-07-01' },
    // A name that a spreadsheet would take for a formula stays text both ways.
    { kind: 'htx', name: '=HTX Dấu Bằng', registrationNo: null, communeCode: XA_VINH_AN, street: '+84 ấp Tây', sectorCode: null, foundedOn: null },
  ] as const;
  for (const organization of organizations) {
    await call(source, 'organizations:create', { ...organization, registrationNo: organization.registrationNo ?? '' });
  }

  const { jobId: reportJob } = await call(source, 'reports:run', { report: 'register' });
  expect((await settle(source, reportJob)).state).toBe('done');
  const { fileId, fileName } = await call(source, 'reports:file', { jobId: reportJob });
  const workbook = readFileSync(stagedFile(source.ctx, fileId).path);

  const target = await office();
  const { jobId: analysisJob, analysis } = await analyze(target, stage(target, fileName, workbook));
  const { jobId: previewJob, preview } = await previewOf(target, analysisJob, proposedMapping(analysis));
  expect(preview.counts).toMatchObject({ rows: organizations.length, valid: organizations.length, invalid: 0, matched: 0 });
  const { summary } = await commitOf(target, { previewJobId: previewJob, decisions: [] });
  expect(summary).toMatchObject({ created: organizations.length, updated: 0, failed: 0 });

  expect(await register(target)).toEqual(await register(source));
});
