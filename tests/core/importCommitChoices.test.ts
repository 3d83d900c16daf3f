/**
 * What a commit asks and says: the rows it would leave out for want of a commune, an import that
 * writes nothing, a record saved between the preview and the commit, and an undo that keeps a
 * record changed since with everything its import wrote along it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AN_GIANG, XA_VINH_AN, call, openTestApp } from './support';
import { analyze, commitOf, previewOf, proposedMapping, settle, stage, undoOf } from './importWorkbooks';

let app: ReturnType<typeof openTestApp>;
beforeEach(async () => {
  app = openTestApp();
  await call(app, 'alliance:save', { name: 'Liên minh Hợp tác xã tỉnh An Giang', provinceCode: AN_GIANG });
});
afterEach(() => app.close());

const batchCount = () => app.ctx.db.$client.prepare('SELECT count(*) FROM import_batches').pluck().get();

describe('rows whose commune is still to choose', () => {
  /** Four cooperatives whose old commune (Xã Tân Phú, gone to another province) the app asks about, and one placed. */
  async function previewUnplaced(placed: boolean) {
    const rows = [1, 2, 3, 4].map((number) => `HTX Tân Phú ${number};Hợp tác xã;Xã Tân Phú`);
    const csv = ['Tên HTX;Loại hình;Xã/phường', ...(placed ? ['HTX Nông nghiệp Vĩnh An;Hợp tác xã;Xã Vĩnh An'] : []), ...rows].join('\n');
    const { jobId, analysis } = await analyze(app, stage(app, 'An Phu.csv', csv));
    return previewOf(app, jobId, proposedMapping(analysis));
  }

  it('are counted and named before the commit, unless left out or placed, with the other rows it would write', async () => {
    const { jobId, preview } = await previewUnplaced(true);
    const placeKey = preview.page.rows[1]?.placeKey ?? '';
    expect(await call(app, 'imports:awaitingPlaces', { previewJobId: jobId, decisions: [] })).toEqual({ sheet: 'An Phu', count: 4, rows: [3, 4, 5, 6], othersWritten: 1 });
    // Rows left out, or given a commune of their own, are not asked about.
    expect(
      await call(app, 'imports:awaitingPlaces', {
        previewJobId: jobId,
        decisions: [
          { row: 3, action: 'skip' },
          { row: 4, communeCode: XA_VINH_AN },
        ],
      }),
    ).toEqual({ sheet: 'An Phu', count: 2, rows: [5, 6], othersWritten: 2 });
    // One answer for the address places them all.
    expect(await call(app, 'imports:awaitingPlaces', { previewJobId: jobId, decisions: [], placeAnswers: [{ placeKey, communeCode: XA_VINH_AN }] })).toMatchObject({ count: 0, rows: [] });
    expect(await call(app, 'imports:awaitingPlaces', { previewJobId: jobId, decisions: [], bulk: { fresh: 'skip' } })).toMatchObject({ count: 0 });
  });

  it('leave no batch when nothing else is written: nothing to undo', async () => {
    const { jobId } = await previewUnplaced(false);
    // Asked first, the commit says so: the rows waiting are all it would write.
    expect(await call(app, 'imports:awaitingPlaces', { previewJobId: jobId, decisions: [] })).toEqual({ sheet: 'An Phu', count: 4, rows: [2, 3, 4, 5], othersWritten: 0 });
    const { summary } = await commitOf(app, { previewJobId: jobId, decisions: [] });
    expect(summary).toEqual({ batchId: null, created: 0, updated: 0, skipped: 0, failed: 4, partnersAdded: 0 });
    expect(batchCount()).toBe(0);
    expect((await call(app, 'imports:batches', { page: 1, pageSize: 10 })).total).toBe(0);
  });

  it('are left out of a commit that writes the others, which is listed', async () => {
    const { jobId } = await previewUnplaced(true);
    const { summary } = await commitOf(app, { previewJobId: jobId, decisions: [] });
    expect(summary).toMatchObject({ batchId: 1, created: 1, failed: 4 });
    expect((await call(app, 'imports:batches', { page: 1, pageSize: 10 })).rows).toMatchObject([{ id: 1, created: 1, failed: 4 }]);
  });
});

describe('a record saved between the preview and the commit', () => {
  it('says the register changed since the preview and to check the rows again, writing nothing; checked again, the row is matched', async () => {
    const csv = ['Tên HTX,Địa chỉ,Mã số thuế', 'HTX Nông nghiệp Một,"xã Vĩnh An, tỉnh An Giang",1700000001', 'HTX Nông nghiệp Hai,"xã Vĩnh An, tỉnh An Giang",1700000002'].join('\n');
    const { jobId: analysisJob, analysis } = await analyze(app, stage(app, 'hai htx.csv', csv));
    const { jobId } = await previewOf(app, analysisJob, proposedMapping(analysis));
    const saved = await call(app, 'organizations:create', { kind: 'htx', name: 'HTX Chen ngang', registrationNo: '1700000002', communeCode: XA_VINH_AN });

    const { jobId: commitJob } = await call(app, 'imports:commit', { previewJobId: jobId, decisions: [] });
    const status = await settle(app, commitJob);
    expect(status.state).toBe('failed');
    expect(status.error?.kind).toBe('conflict');
    expect(status.error?.message).toBe(
      'Chưa ghi gì vào dữ liệu: dữ liệu đã thay đổi từ lúc kiểm tra các dòng. Dòng 3: Mã số HTX 1700000002 đã có: HTX Chen ngang (xã Vĩnh An). ' +
        'Hồ sơ đó được lưu sau khi kiểm tra, nên dòng này không còn là hồ sơ mới. ' +
        'Hãy bấm «Kiểm tra lại các dòng» (các xã, phường đã chọn và các dòng bỏ qua được giữ nguyên), xem lại các dòng rồi ghi lại.',
    );
    expect(app.ctx.db.$client.prepare('SELECT name FROM organizations').pluck().all()).toEqual(['HTX Chen ngang']);
    expect(batchCount()).toBe(0);

    // Checked again with the same choices, the row is the record saved meanwhile.
    const again = await previewOf(app, analysisJob, proposedMapping(analysis));
    expect(again.preview.page.rows[1]).toMatchObject({ row: 3, match: { reason: 'registrationNo', id: saved.id }, defaultAction: 'update' });
  });
});

describe('undoing the rest, keeping the records changed since', () => {
  it('keeps a kept cooperative’s figures the import wrote with it', async () => {
    const csv = ['Tên HTX,Địa chỉ,Mã số thuế,Số thành viên', 'HTX DV NN Kiến An,"xã Vĩnh An, tỉnh An Giang",1700000001,25', 'HTX Nông nghiệp Hai,"xã Vĩnh An, tỉnh An Giang",1700000002,30'].join('\n');
    const { jobId: analysisJob, analysis } = await analyze(app, stage(app, 'htx 2024.csv', csv));
    const { summary } = await commitOf(app, { previewJobId: (await previewOf(app, analysisJob, proposedMapping(analysis), 2024)).jobId, decisions: [] });
    const kienAn = (await call(app, 'organizations:list', { query: 'Kiến An' })).rows[0]?.id ?? 0;
    app.setNow(new Date('2026-11-24T08:00:00Z'));
    await call(app, 'organizations:update', { ...(await call(app, 'organizations:get', { id: kienAn })), id: kienAn, registrationNo: '1700000001', phone: '0296 3841 234' });

    const { error, kept } = await undoOf(app, summary.batchId ?? 0, 'keepChanged');
    expect(error).toBeNull();
    expect(kept).toEqual([{ entity: 'organization', id: kienAn, name: 'HTX DV NN Kiến An' }]);
    expect(
      app.ctx.db.$client.prepare('SELECT o.name, o.phone, f.year, f.members_official AS members FROM organizations o LEFT JOIN yearly_figures f ON f.organization_id = o.id').all(),
    ).toEqual([{ name: 'HTX DV NN Kiến An', phone: '0296 3841 234', year: 2024, members: 25 }]);
  });
});
