/**
 * What a commit asks and says: the rows it would leave out for want of a commune, an import that
 * writes nothing, a record saved between the preview and the commit, an undo that keeps a record
 * changed since with everything its import wrote along it, and which of a row's own choice and a
 * bulk one it writes.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chosenImportAction } from '../../src/shared/contracts/imports';
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
    expect(summary).toEqual({ batchId: null, created: 0, updated: 0, skipped: 0, failed: 4, partnersAdded: 0, unchanged: 0 });
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

describe('a row’s own choice and the bulk choice for its group', () => {
  /**
   * Two stored cooperatives the list gives a new phone (rows 2 and 3), a repeat of row 2 with
   * another phone (row 4), and two new ones (rows 5 and 6).
   */
  async function previewChoices() {
    await call(app, 'organizations:create', { kind: 'htx', name: 'HTX Nông nghiệp Vĩnh An', registrationNo: '1700000001', communeCode: XA_VINH_AN });
    await call(app, 'organizations:create', { kind: 'htx', name: 'HTX Nông nghiệp Vĩnh Thành', registrationNo: '1700000002', communeCode: XA_VINH_AN });
    const place = '"xã Vĩnh An, tỉnh An Giang"';
    const csv = [
      'Tên HTX,Địa chỉ,Mã số thuế,Điện thoại',
      `HTX Nông nghiệp Vĩnh An,${place},1700000001,0296 3841 001`,
      `HTX Nông nghiệp Vĩnh Thành,${place},1700000002,0296 3841 002`,
      `HTX Nông nghiệp Vĩnh An,${place},1700000001,0296 3841 003`,
      `HTX Mới Một,${place},,`,
      `HTX Mới Hai,${place},,`,
    ].join('\n');
    const { jobId: analysisJob, analysis } = await analyze(app, stage(app, 'DS HTX.csv', csv));
    const { jobId, preview } = await previewOf(app, analysisJob, proposedMapping(analysis));
    expect(preview.page.rows.map(({ row, match, defaultAction }) => ({ row, reason: match?.reason ?? null, defaultAction }))).toEqual([
      { row: 2, reason: 'registrationNo', defaultAction: 'update' },
      { row: 3, reason: 'registrationNo', defaultAction: 'update' },
      { row: 4, reason: 'inFile', defaultAction: 'skip' },
      { row: 5, reason: null, defaultAction: 'create' },
      { row: 6, reason: null, defaultAction: 'create' },
    ]);
    return jobId;
  }

  /** The cooperatives as the commit left them. */
  const written = () => app.ctx.db.$client.prepare('SELECT name, phone FROM organizations ORDER BY id').all();

  it('writes the bulk choice made after a row’s own, for every row of its group but repeats of an earlier row', async () => {
    const jobId = await previewChoices();
    const { summary } = await commitOf(app, {
      previewJobId: jobId,
      decisions: [
        { row: 2, action: 'skip', actionTurn: 1 },
        { row: 5, action: 'skip', actionTurn: 2 },
      ],
      bulk: { matched: 'update' },
      bulkTurns: { matched: 3 },
    });
    // Row 4 repeats row 2: in no group, it is skipped as its default says, and row 2's phone stands.
    expect(summary).toMatchObject({ created: 1, updated: 2, skipped: 2, failed: 0 });
    expect(written()).toEqual([
      { name: 'HTX Nông nghiệp Vĩnh An', phone: '0296 3841 001' },
      { name: 'HTX Nông nghiệp Vĩnh Thành', phone: '0296 3841 002' },
      { name: 'HTX Mới Hai', phone: '' },
    ]);
  });

  it('writes a row’s own choice made after the bulk one', async () => {
    const jobId = await previewChoices();
    const { summary } = await commitOf(app, {
      previewJobId: jobId,
      decisions: [
        { row: 2, action: 'update', actionTurn: 3 },
        { row: 5, action: 'create', actionTurn: 4 },
      ],
      bulk: { matched: 'skip', fresh: 'skip' },
      bulkTurns: { matched: 1, fresh: 2 },
    });
    expect(summary).toMatchObject({ created: 1, updated: 1, skipped: 3, failed: 0 });
    expect(written()).toEqual([
      { name: 'HTX Nông nghiệp Vĩnh An', phone: '0296 3841 001' },
      { name: 'HTX Nông nghiệp Vĩnh Thành', phone: '' },
      { name: 'HTX Mới Một', phone: '' },
    ]);
  });

  it('writes a row’s own choice over the bulk one when they carry no turns, as choices kept from before turns did', async () => {
    const jobId = await previewChoices();
    const { summary } = await commitOf(app, { previewJobId: jobId, decisions: [{ row: 2, action: 'skip' }], bulk: { matched: 'update', fresh: 'skip' } });
    expect(summary).toMatchObject({ created: 0, updated: 1, skipped: 4, failed: 0 });
    expect(written()).toEqual([
      { name: 'HTX Nông nghiệp Vĩnh An', phone: '' },
      { name: 'HTX Nông nghiệp Vĩnh Thành', phone: '0296 3841 002' },
    ]);

    const matched = { match: { reason: 'registrationNo' } } as const;
    expect(chosenImportAction(matched, { action: 'skip' }, { bulk: { matched: 'update' } }, 'update')).toBe('skip');
    expect(chosenImportAction({ match: null }, { action: 'create' }, { bulk: { fresh: 'skip' }, bulkTurns: {} }, 'create')).toBe('create');
    // A turn on one side only: the row's choice without one was made before the bulk one that has one.
    expect(chosenImportAction(matched, { action: 'skip' }, { bulk: { matched: 'update' }, bulkTurns: { matched: 1 } }, 'update')).toBe('update');
    expect(chosenImportAction(matched, { action: 'skip', actionTurn: 1 }, { bulk: { matched: 'update' } }, 'update')).toBe('skip');
    // A row that may be another organization is taken by its own choice only, matched or new.
    expect(chosenImportAction({ match: null, doubtful: true }, undefined, { bulk: { fresh: 'create' }, bulkTurns: { fresh: 1 } }, 'skip')).toBe('skip');
    expect(chosenImportAction({ match: null, doubtful: true }, { action: 'create', actionTurn: 1 }, { bulk: { fresh: 'skip' }, bulkTurns: { fresh: 2 } }, 'skip')).toBe('create');
  });
});
