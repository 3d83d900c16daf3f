/**
 * How a row is matched to a stored record, and when the match is the person's to confirm: a name
 * saved in the row's commune between the preview and the commit, or already in the commune the
 * person chose for a place the app could not read, two rows the person placed in one commune after
 * the preview, the organization that works after a «Chuyển đổi» rather than the THT that ended, a
 * name matched beside another Mã số HTX, a Mã số matched beside another organization's name (with
 * or without figures stored for the year), a stored partner's row without an address, a partner
 * saved between the preview and the commit, an update that finds nothing to change, a «Cập nhật»
 * that moves or renames an organization beside another of its name, and a repeated row chosen for
 * «Cập nhật» placed by hand where another row or the register has its name.
 */
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AN_GIANG, XA_VINH_AN, call, callFailing, openTestApp } from './support';
import { analyze, commitOf, previewOf, proposedMapping, settle, stage } from './importWorkbooks';

let app: ReturnType<typeof openTestApp>;
beforeEach(async () => {
  app = openTestApp();
  await call(app, 'alliance:save', { name: 'Liên minh Hợp tác xã tỉnh An Giang', provinceCode: AN_GIANG });
});
afterEach(() => app.close());

const XA_MY_HOA_HUNG = '30313';
const MY_HOA_HUNG = '"xã Mỹ Hòa Hưng, tỉnh An Giang"';

async function previewList(csv: string, kind: 'organizations' | 'figures' = 'organizations') {
  const { jobId, analysis } = await analyze(app, stage(app, 'danh sach.csv', `\ufeff${csv}`), kind);
  return { analysisJob: jobId, mapping: proposedMapping(analysis), ...(await previewOf(app, jobId, proposedMapping(analysis), kind === 'figures' ? 2025 : undefined)) };
}

function organizations(): { name: string; registrationNo: string | null }[] {
  return app.ctx.db.$client.prepare('SELECT name, registration_no AS registrationNo FROM organizations ORDER BY id').all() as { name: string; registrationNo: string | null }[];
}

describe('a row without a Mã số HTX whose name is saved in its commune after the preview', () => {
  const csv = ['Tên tổ chức,Địa chỉ', `Tổ hợp tác Rau an toàn Mỹ Hòa Hưng,${MY_HOA_HUNG}`].join('\n');

  it('refuses the commit, writing nothing, for the rows to be checked again; checked again, the row is the record saved', async () => {
    const { analysisJob, mapping, jobId, preview } = await previewList(csv);
    expect(preview.page.rows[0]).toMatchObject({ row: 2, match: null, defaultAction: 'create' });
    // Saved in another window meanwhile, written otherwise.
    const saved = await call(app, 'organizations:create', { kind: 'tht', name: 'THT Rau an toàn Mỹ Hòa Hưng', communeCode: XA_MY_HOA_HUNG });

    const { jobId: commitJob } = await call(app, 'imports:commit', { previewJobId: jobId, decisions: [] });
    const status = await settle(app, commitJob);
    expect(status.state).toBe('failed');
    expect(status.error?.kind).toBe('conflict');
    expect(status.error?.message).toBe(
      'Chưa ghi gì vào dữ liệu: dữ liệu đã thay đổi từ lúc kiểm tra các dòng. Dòng 2: Đã có tổ chức cùng tên ở xã Mỹ Hòa Hưng: THT Rau an toàn Mỹ Hòa Hưng. ' +
        'Hồ sơ đó được lưu sau khi kiểm tra, nên dòng này không còn là hồ sơ mới. ' +
        'Hãy bấm «Kiểm tra lại các dòng» (các xã, phường đã chọn và các dòng bỏ qua được giữ nguyên), xem lại các dòng rồi ghi lại.',
    );
    expect(organizations()).toEqual([{ name: 'THT Rau an toàn Mỹ Hòa Hưng', registrationNo: null }]);

    const again = await previewOf(app, analysisJob, mapping);
    expect(again.preview.page.rows[0]).toMatchObject({ row: 2, match: { reason: 'sameName', id: saved.id }, defaultAction: 'skip' });
  });

  it('is written when the person left the row out', async () => {
    const { jobId } = await previewList(csv);
    await call(app, 'organizations:create', { kind: 'tht', name: 'THT Rau an toàn Mỹ Hòa Hưng', communeCode: XA_MY_HOA_HUNG });
    const { summary } = await commitOf(app, { previewJobId: jobId, decisions: [{ row: 2, action: 'skip' }] });
    expect(summary).toMatchObject({ created: 0, skipped: 1, unchanged: 0 });
  });
});

describe('a row whose place the app could not read, placed by the person in a commune with an organization of its name', () => {
  // Old An Giang's Xã Tân Phú went to another province: the app asks for the commune.
  const csv = ['Tên HTX;Loại hình;Xã/phường', 'HTX NN Vĩnh An;Hợp tác xã;Xã Tân Phú'].join('\n');

  async function previewUnplaced() {
    const stored = await call(app, 'organizations:create', { kind: 'htx', name: 'HTX Nông nghiệp Vĩnh An', communeCode: XA_VINH_AN });
    const list = await previewList(csv);
    const placeAnswers = [{ placeKey: list.preview.page.rows[0]?.placeKey ?? '', communeCode: XA_VINH_AN }];
    return { stored, placeAnswers, ...list };
  }

  it('refuses the commit, writing nothing; checked again with the commune chosen, the row is matched there, still asked about', async () => {
    const { stored, placeAnswers, analysisJob, mapping, jobId, preview } = await previewUnplaced();
    expect(preview.page.rows[0]).toMatchObject({ row: 2, needsPlace: true, match: null, defaultAction: 'create' });

    const { jobId: commitJob } = await call(app, 'imports:commit', { previewJobId: jobId, decisions: [], placeAnswers });
    const status = await settle(app, commitJob);
    expect(status.error?.kind).toBe('conflict');
    expect(status.error?.message).toBe(
      'Chưa ghi gì vào dữ liệu. Dòng 2: Đã có tổ chức cùng tên ở xã Vĩnh An: HTX Nông nghiệp Vĩnh An. ' +
        'Xã, phường của dòng này được chọn sau khi kiểm tra các dòng, nên chưa được đối chiếu với các tổ chức ở đó. ' +
        'Hãy bấm «Kiểm tra lại các dòng» (các xã, phường đã chọn và các dòng bỏ qua được giữ nguyên), xem lại dòng này rồi ghi lại.',
    );
    expect(organizations()).toEqual([{ name: 'HTX Nông nghiệp Vĩnh An', registrationNo: null }]);

    // Checked again as the wizard does, with the communes chosen: a same name there, as in a commune read.
    const { jobId: againJob } = await call(app, 'imports:preview', { analysisJobId: analysisJob, mapping, placeAnswers });
    await settle(app, againJob);
    const again = await call(app, 'imports:previewResult', { jobId: againJob, pageSize: 10 });
    expect(again.page.rows[0]).toMatchObject({ needsPlace: true, placeKey: placeAnswers[0]?.placeKey, match: { reason: 'sameName', id: stored.id }, defaultAction: 'skip' });
    const { summary } = await commitOf(app, { previewJobId: againJob, decisions: [], placeAnswers });
    expect(summary).toMatchObject({ created: 0, skipped: 1 });
    // The person who knows it is another cooperative adds it.
    await commitOf(app, { previewJobId: againJob, decisions: [{ row: 2, action: 'create', actionTurn: 1 }], placeAnswers });
    expect(organizations().map((row) => row.name)).toEqual(['HTX Nông nghiệp Vĩnh An', 'HTX NN Vĩnh An']);
  });

  it('is written in a commune without one', async () => {
    const { placeAnswers, jobId } = await previewUnplaced();
    const { summary } = await commitOf(app, { previewJobId: jobId, decisions: [], placeAnswers: [{ placeKey: placeAnswers[0]?.placeKey ?? '', communeCode: XA_MY_HOA_HUNG }] });
    expect(summary).toMatchObject({ created: 1 });
  });
});

describe('two rows to be added, placed by the person after the preview in one commune, of one name', () => {
  // Two places the app cannot read; the person chooses a commune for each without checking the rows again.
  const csv = ['Tên HTX;Loại hình;Xã/phường', 'HTX NN Vĩnh An;Hợp tác xã;Xã Tân Phú', 'Hợp tác xã Nông nghiệp Vĩnh An;Hợp tác xã;Ấp Tân Phú Hạ'].join('\n');

  async function previewUnplaced() {
    const kept = await call(app, 'organizations:create', { kind: 'htx', name: 'HTX Thủy sản Mỹ Hòa Hưng', communeCode: XA_MY_HOA_HUNG });
    const list = await previewList(csv);
    const answers = (communeCodes: string[]) => list.preview.page.rows.map((row, index) => ({ placeKey: row.placeKey ?? '', communeCode: communeCodes[index] ?? '' }));
    return { kept, answers, ...list };
  }

  it('refuses the commit, writing nothing and keeping what was stored; checked again, the later row repeats the earlier', async () => {
    const { answers, analysisJob, mapping, jobId, preview } = await previewUnplaced();
    expect(preview.page.rows.map((row) => [row.row, row.needsPlace, row.match, row.defaultAction])).toEqual([
      [2, true, null, 'create'],
      [3, true, null, 'create'],
    ]);
    const placeAnswers = answers([XA_VINH_AN, XA_VINH_AN]);
    expect(new Set(placeAnswers.map((answer) => answer.placeKey)).size).toBe(2);

    const { jobId: commitJob } = await call(app, 'imports:commit', { previewJobId: jobId, decisions: [], placeAnswers });
    const status = await settle(app, commitJob);
    expect(status.error?.kind).toBe('conflict');
    expect(status.error?.message).toBe(
      'Chưa ghi gì vào dữ liệu. Dòng 3 («Hợp tác xã Nông nghiệp Vĩnh An») cùng tên với dòng 2 («HTX NN Vĩnh An»), cùng ở xã Vĩnh An: ghi cả hai dòng sẽ thêm hai lần một tổ chức. ' +
        'Xã, phường của dòng 2 và dòng 3 được chọn sau khi kiểm tra các dòng, nên hai dòng chưa được đối chiếu với nhau. ' +
        'Hãy bấm «Kiểm tra lại các dòng» (các xã, phường đã chọn và các dòng bỏ qua được giữ nguyên): dòng 3 sẽ hiện là trùng dòng 2, để «Bỏ qua» trừ khi chọn khác; xem lại rồi ghi lại.',
    );
    expect(organizations()).toEqual([{ name: 'HTX Thủy sản Mỹ Hòa Hưng', registrationNo: null }]);

    // Checked again as the wizard does, with the communes chosen: the file's own check, as for communes read.
    const { jobId: againJob } = await call(app, 'imports:preview', { analysisJobId: analysisJob, mapping, placeAnswers });
    await settle(app, againJob);
    const again = await call(app, 'imports:previewResult', { jobId: againJob, pageSize: 10 });
    expect(again.page.rows.map((row) => [row.row, row.match?.reason ?? null, row.match?.row ?? null, row.defaultAction])).toEqual([
      [2, null, null, 'create'],
      [3, 'inFile', 2, 'skip'],
    ]);
    const { summary } = await commitOf(app, { previewJobId: againJob, decisions: [], placeAnswers });
    expect(summary).toMatchObject({ created: 1, skipped: 1 });
    expect(organizations().map((row) => row.name)).toEqual(['HTX Thủy sản Mỹ Hòa Hưng', 'HTX NN Vĩnh An']);
  });

  it('refuses a row placed by hand where an earlier row’s commune was read, naming the one placed', async () => {
    const { jobId, preview } = await previewList(['Tên HTX;Loại hình;Xã/phường', 'HTX NN Mỹ Hòa Hưng;Hợp tác xã;Xã Mỹ Hòa Hưng', 'Hợp tác xã Nông nghiệp Mỹ Hòa Hưng;Hợp tác xã;Xã Tân Phú'].join('\n'));
    expect(preview.page.rows.map((row) => [row.row, row.needsPlace, row.match])).toEqual([
      [2, false, null],
      [3, true, null],
    ]);
    const placeAnswers = [{ placeKey: preview.page.rows[1]?.placeKey ?? '', communeCode: XA_MY_HOA_HUNG }];
    const { jobId: commitJob } = await call(app, 'imports:commit', { previewJobId: jobId, decisions: [], placeAnswers });
    const status = await settle(app, commitJob);
    expect(status.error?.message).toContain('Dòng 3 («Hợp tác xã Nông nghiệp Mỹ Hòa Hưng») cùng tên với dòng 2 («HTX NN Mỹ Hòa Hưng»), cùng ở xã Mỹ Hòa Hưng');
    expect(status.error?.message).toContain('Xã, phường của dòng 3 được chọn sau khi kiểm tra các dòng');
    expect(organizations()).toEqual([]);
  });

  it('adds both when the person places them in two communes', async () => {
    const { answers, jobId } = await previewUnplaced();
    const { summary } = await commitOf(app, { previewJobId: jobId, decisions: [], placeAnswers: answers([XA_VINH_AN, XA_MY_HOA_HUNG]) });
    expect(summary).toMatchObject({ created: 2 });
  });
});

describe('a list naming an organization after a «Chuyển đổi» of the THT of its name', () => {
  async function converted() {
    const group = await call(app, 'organizations:create', { kind: 'tht', name: 'Tổ hợp tác Rau sạch Mỹ Hòa Hưng', communeCode: XA_MY_HOA_HUNG });
    const event = await call(app, 'lifecycle:record', {
      kind: 'conversion',
      date: '2026-03-01',
      predecessorIds: [group.id],
      newSuccessors: [{ kind: 'htx', name: 'Hợp tác xã Rau sạch Mỹ Hòa Hưng', communeCode: XA_MY_HOA_HUNG }],
    });
    return { group: group.id, successor: event.participants.find((participant) => participant.role === 'successor')?.organizationId ?? 0 };
  }

  it('matches the HTX that works, not the THT that ended with the same name key, and updates it', async () => {
    const { group, successor } = await converted();
    const { jobId, preview } = await previewList(['Tên HTX,Địa chỉ,Điện thoại', `HTX Rau sạch Mỹ Hòa Hưng,${MY_HOA_HUNG},0296 3851 234`].join('\n'));
    expect(preview.page.rows[0]?.match).toMatchObject({ reason: 'sameName', id: successor, name: 'Hợp tác xã Rau sạch Mỹ Hòa Hưng' });
    await commitOf(app, { previewJobId: jobId, decisions: [{ row: 2, action: 'update' }] });
    const phones = app.ctx.db.$client.prepare('SELECT id, phone FROM organizations ORDER BY id').all();
    expect(phones).toEqual([
      { id: group, phone: '' },
      { id: successor, phone: '0296 3851 234' },
    ]);
  });

  it('matches the THT when it is the only one of that name key, ended', async () => {
    const group = await call(app, 'organizations:create', { kind: 'tht', name: 'Tổ hợp tác Rau sạch Mỹ Hòa Hưng', communeCode: XA_MY_HOA_HUNG });
    await call(app, 'lifecycle:record', { kind: 'dissolution', date: '2026-03-01', subjectId: group.id });
    const { preview } = await previewList(['Tên HTX,Địa chỉ', `THT Rau sạch Mỹ Hòa Hưng,${MY_HOA_HUNG}`].join('\n'));
    expect(preview.page.rows[0]?.match).toMatchObject({ reason: 'sameName', id: group.id });
  });
});

describe('a row matched to an organization that has ended', () => {
  async function ended() {
    const dissolved = await call(app, 'organizations:create', { kind: 'htx', name: 'HTX Dược liệu Hòa Điền', registrationNo: '1600111222', communeCode: XA_MY_HOA_HUNG, foundedOn: '2010-03-01' });
    await call(app, 'lifecycle:record', { kind: 'dissolution', date: '2017-02-28', decisionNo: '12/QĐ', subjectId: dissolved.id });
    const merged = await call(app, 'organizations:create', { kind: 'htx', name: 'HTX Rau an toàn Mỹ Hòa Hưng', communeCode: XA_MY_HOA_HUNG, foundedOn: '2012-01-01' });
    const absorbing = await call(app, 'organizations:create', { kind: 'htx', name: 'HTX Nông nghiệp Mỹ Hòa Hưng', communeCode: XA_MY_HOA_HUNG, foundedOn: '2012-01-01' });
    await call(app, 'lifecycle:record', { kind: 'merger', date: '2024-06-15', subjectId: absorbing.id, predecessorIds: [merged.id] });
    const working = await call(app, 'organizations:create', { kind: 'htx', name: 'HTX Chè Bình Hòa', registrationNo: '1600333444', communeCode: XA_MY_HOA_HUNG });
    return { dissolved, merged, absorbing, working };
  }
  const csv = [
    'Tên HTX,Mã số HTX,Địa chỉ,Điện thoại',
    `HTX Dược liệu Hòa Điền,1600111222,${MY_HOA_HUNG},0296 3851 234`,
    `HTX Rau an toàn Mỹ Hòa Hưng,,${MY_HOA_HUNG},0296 3851 555`,
    `HTX Chè Bình Hòa,1600333444,${MY_HOA_HUNG},0296 3851 999`,
  ].join('\n');
  const phones = () => app.ctx.db.$client.prepare('SELECT name, phone FROM organizations ORDER BY id').all();

  it('is said in orange at its name, naming it and how and when it ended, and left at «Bỏ qua» out of «Dòng trùng: Cập nhật»', async () => {
    const { dissolved, merged, working } = await ended();
    const { jobId, preview } = await previewList(csv);
    expect(preview.page.rows.map((row) => [row.row, row.status, row.match?.id, row.match?.doubtful ?? null, row.doubtful ?? null, row.defaultAction, row.notes])).toEqual([
      [
        2,
        'valid',
        dissolved.id,
        true,
        true,
        'skip',
        [
          {
            cell: 'A2',
            message:
              'HTX Dược liệu Hòa Điền (mã số 1600111222) đã chấm dứt hoạt động (giải thể) từ ngày 28/02/2017 theo mục Quá trình hoạt động, nên danh sách này có thể đã cũ: ' +
              '«Cập nhật» sẽ ghi các thông tin của dòng này vào hồ sơ của tổ chức đã chấm dứt đó (tình trạng của tổ chức vẫn như cũ). ' +
              'Nếu đúng là muốn vậy, hãy chọn «Cập nhật» cho dòng này (dòng để «Bỏ qua» cho đến khi chọn); nếu mã số trong tệp ghi nhầm, hãy sửa trong tệp. ' +
              'Dòng này không theo lựa chọn chung cho các dòng trùng.',
            heed: true,
          },
        ],
      ],
      [
        3,
        'valid',
        merged.id,
        true,
        true,
        'skip',
        [
          {
            cell: 'A3',
            message:
              'HTX Rau an toàn Mỹ Hòa Hưng (xã Mỹ Hòa Hưng) đã chấm dứt hoạt động (tổ chức lại) từ ngày 15/06/2024 theo mục Quá trình hoạt động, nên danh sách này có thể đã cũ: ' +
              '«Cập nhật» sẽ ghi các thông tin của dòng này vào hồ sơ của tổ chức đã chấm dứt đó (tình trạng của tổ chức vẫn như cũ). ' +
              'Nếu đúng là muốn vậy, hãy chọn «Cập nhật» cho dòng này (dòng để «Bỏ qua» cho đến khi chọn); nếu là một tổ chức khác cùng tên, hãy chọn «Thêm mới». ' +
              'Dòng này không theo lựa chọn chung cho các dòng trùng.',
            heed: true,
          },
        ],
      ],
      [4, 'valid', working.id, null, null, 'update', []],
    ]);
    const { summary } = await commitOf(app, { previewJobId: jobId, decisions: [], bulk: { matched: 'update' }, bulkTurns: { matched: 1 } });
    expect(summary).toMatchObject({ updated: 1, skipped: 2 });
    expect(phones()).toEqual([
      { name: 'HTX Dược liệu Hòa Điền', phone: '' },
      { name: 'HTX Rau an toàn Mỹ Hòa Hưng', phone: '' },
      { name: 'HTX Nông nghiệp Mỹ Hòa Hưng', phone: '' },
      { name: 'HTX Chè Bình Hòa', phone: '0296 3851 999' },
    ]);
  });

  it('is not held back when the row’s own Tình trạng says it no longer works, as the register’s own list read back says it', async () => {
    const { dissolved } = await ended();
    const { preview } = await previewList(['Tên HTX,Mã số HTX,Địa chỉ,Tình trạng', `HTX Dược liệu Hòa Điền,1600111222,${MY_HOA_HUNG},Đã giải thể`].join('\n'));
    expect(preview.page.rows.map((row) => [row.status, row.match?.id, row.doubtful ?? null, row.defaultAction, row.notes])).toEqual([['valid', dissolved.id, null, 'update', []]]);
  });

  it('is written when the person chooses «Cập nhật» for the row, its status left as its events say', async () => {
    const { dissolved } = await ended();
    const { jobId } = await previewList(csv);
    const { summary } = await commitOf(app, { previewJobId: jobId, decisions: [{ row: 2, action: 'update' }] });
    expect(summary).toMatchObject({ updated: 2, skipped: 1 });
    expect(app.ctx.db.$client.prepare('SELECT phone, status, ended_on AS endedOn FROM organizations WHERE id = ?').get(dissolved.id)).toEqual({
      phone: '0296 3851 234',
      status: 'dissolved',
      endedOn: '2017-02-28',
    });
  });

  it('of a products list is held back so too; figures of a year it lived are written as before', async () => {
    const { dissolved } = await ended();
    const { analysis, jobId: analysisJob } = await analyze(app, stage(app, 'san pham.csv', `\ufeff${['Mã số HTX,Tên HTX,Tên sản phẩm', '1600111222,HTX Dược liệu Hòa Điền,Nghệ vàng', '1600333444,HTX Chè Bình Hòa,Chè búp'].join('\n')}`), 'products');
    const { jobId, preview } = await previewOf(app, analysisJob, proposedMapping(analysis));
    expect(preview.page.rows.map((row) => [row.row, row.status, row.doubtful ?? null, row.defaultAction, row.notes])).toEqual([
      [
        2,
        'valid',
        true,
        'skip',
        [
          {
            cell: 'B2',
            message:
              'HTX Dược liệu Hòa Điền (mã số 1600111222) đã chấm dứt hoạt động (giải thể) từ ngày 28/02/2017 theo mục Quá trình hoạt động, nên danh sách này có thể đã cũ: ' +
              '«Thêm mới» sẽ thêm sản phẩm «Nghệ vàng» vào hồ sơ của tổ chức đã chấm dứt đó (tình trạng của tổ chức vẫn như cũ). ' +
              'Nếu đúng là muốn vậy, hãy chọn «Thêm mới» cho dòng này (dòng để «Bỏ qua» cho đến khi chọn); nếu là một tổ chức khác, hãy sửa mã số hoặc tên tổ chức trong tệp. ' +
              'Dòng này không theo lựa chọn chung cho các dòng mới.',
            heed: true,
          },
        ],
      ],
      [3, 'valid', null, 'create', []],
    ]);
    const { summary } = await commitOf(app, { previewJobId: jobId, decisions: [], bulk: { fresh: 'create' }, bulkTurns: { fresh: 1 } });
    expect(summary).toMatchObject({ created: 1, skipped: 1 });
    expect(app.ctx.db.$client.prepare('SELECT name FROM products WHERE organization_id = ?').all(dissolved.id)).toEqual([]);

    const figures = await previewList(['Mã số HTX,Tên HTX,Số thành viên', '1600111222,HTX Dược liệu Hòa Điền,12'].join('\n'), 'figures');
    // The list's year, 2025, is after its end: refused as before; a year it lived in is written without a word.
    expect(figures.preview.page.rows.map((row) => [row.status, row.notes, row.problems.map((problem) => problem.message)])).toEqual([
      ['invalid', [], ['HTX Dược liệu Hòa Điền đã chấm dứt hoạt động từ ngày 28/02/2017, nên không có số liệu năm 2025.']],
    ]);
    const earlier = await previewList(['Năm,Mã số HTX,Tên HTX,Số thành viên', '2016,1600111222,HTX Dược liệu Hòa Điền,12'].join('\n'), 'figures');
    expect(earlier.preview.page.rows.map((row) => [row.status, row.notes, row.defaultAction])).toEqual([['valid', [], 'create']]);
  });
});

describe('an update that changes nothing', () => {
  it('is counted among the skipped as unchanged', async () => {
    await call(app, 'organizations:create', { kind: 'htx', name: 'HTX Nông nghiệp Mỹ Thới', registrationNo: '1600111222', communeCode: XA_MY_HOA_HUNG });
    const { jobId, preview } = await previewList(['Tên HTX,Mã số HTX,Địa chỉ', `HTX NN Mỹ Thới,1600111222,${MY_HOA_HUNG}`].join('\n'));
    expect(preview.page.rows[0]).toMatchObject({ defaultAction: 'update', changes: { fields: [] } });
    const { summary } = await commitOf(app, { previewJobId: jobId, decisions: [] });
    expect(summary).toEqual({ batchId: null, created: 0, updated: 0, skipped: 1, failed: 0, partnersAdded: 0, unchanged: 1 });
  });
});

describe('a row matched by its name in the commune beside another Mã số HTX', () => {
  async function previewOtherNumber() {
    const stored = await call(app, 'organizations:create', { kind: 'htx', name: 'HTX Dịch vụ nông nghiệp Mỹ Hòa Hưng', registrationNo: '9100000157', communeCode: XA_MY_HOA_HUNG });
    const list = await previewList(['Tên HTX,Mã số HTX,Địa chỉ', `HTX DVNN Mỹ Hòa Hưng,1601234502,${MY_HOA_HUNG}`].join('\n'));
    return { stored, ...list };
  }

  it('is said in orange, naming both numbers and what to choose, and left out of «Dòng trùng: Cập nhật»', async () => {
    const { stored, jobId, preview } = await previewOtherNumber();
    const [row] = preview.page.rows;
    expect(row).toMatchObject({ match: { reason: 'sameName', id: stored.id, doubtful: true }, defaultAction: 'skip' });
    expect(row?.notes).toEqual([
      {
        cell: 'B2',
        message:
          'Mã số HTX 1601234502 khác mã số 9100000157 của «HTX Dịch vụ nông nghiệp Mỹ Hòa Hưng», tên gần giống, cùng ở xã Mỹ Hòa Hưng: hai mã số khác nhau thường là hai tổ chức khác nhau. ' +
          'Nếu là tổ chức khác, hãy chọn «Thêm mới»; nếu đúng là «HTX Dịch vụ nông nghiệp Mỹ Hòa Hưng» và mã số trong tệp mới đúng, hãy chọn «Cập nhật». Dòng này không theo lựa chọn chung cho các dòng trùng.',
        heed: true,
      },
    ]);
    const { summary } = await commitOf(app, { previewJobId: jobId, decisions: [], bulk: { matched: 'update' }, bulkTurns: { matched: 1 } });
    expect(summary).toMatchObject({ updated: 0, skipped: 1 });
    expect(organizations()).toEqual([{ name: 'HTX Dịch vụ nông nghiệp Mỹ Hòa Hưng', registrationNo: '9100000157' }]);
  });

  it('is added when the person chooses «Thêm mới» for the row', async () => {
    const { jobId } = await previewOtherNumber();
    await commitOf(app, { previewJobId: jobId, decisions: [{ row: 2, action: 'create', actionTurn: 2 }], bulk: { matched: 'update' }, bulkTurns: { matched: 1 } });
    expect(organizations()).toEqual([
      { name: 'HTX Dịch vụ nông nghiệp Mỹ Hòa Hưng', registrationNo: '9100000157' },
      { name: 'HTX DVNN Mỹ Hòa Hưng', registrationNo: '1601234502' },
    ]);
  });

  it('writes the row’s number over the stored one when the person chooses «Cập nhật» for it', async () => {
    const { jobId } = await previewOtherNumber();
    const { summary } = await commitOf(app, { previewJobId: jobId, decisions: [{ row: 2, action: 'update' }] });
    expect(summary).toMatchObject({ updated: 1 });
    expect(organizations()).toEqual([{ name: 'HTX Dịch vụ nông nghiệp Mỹ Hòa Hưng', registrationNo: '1601234502' }]);
  });
});

describe('a list of figures naming an organization by its Mã số HTX beside another organization’s name', () => {
  async function storedWithFigures(name: string, registrationNo: string, members: number) {
    const stored = await call(app, 'organizations:create', { kind: 'htx', name, registrationNo, communeCode: XA_MY_HOA_HUNG });
    await call(app, 'figures:save', { organizationId: stored.id, year: 2025, membersOfficial: members });
    return stored.id;
  }
  const membersOf = (id: number) => app.ctx.db.$client.prepare('SELECT members_official FROM yearly_figures WHERE organization_id = ? AND year = 2025').pluck().get(id);

  async function previewFigures() {
    const hopLuc = await storedWithFigures('HTX Nông nghiệp Hợp Lực Mỹ Thới', '1600123456', 61);
    const longDien = await storedWithFigures('HTX Nông nghiệp Long Điền', '1600999888', 25);
    const binhMinh = await storedWithFigures('HTX Dịch vụ Bình Minh', '1600777111', 40);
    // The second row names its organization shorter, the third adds its place: the same name, not another.
    const list = await previewList(
      ['Mã số HTX,Tên HTX,Số thành viên', '1600123456,HTX Chăn nuôi Hợp Lực Mỹ Thới,17', '1600999888,HTX Long Điền,30', '1600777111,HTX Dịch vụ Bình Minh xã Vĩnh An,42'].join('\n'),
      'figures',
    );
    return { hopLuc, longDien, binhMinh, ...list };
  }

  it('is said in orange, naming both, and left out of «Dòng trùng: Cập nhật»; a shorter name is not', async () => {
    const { hopLuc, longDien, binhMinh, jobId, preview } = await previewFigures();
    expect(preview.page.rows.map((row) => [row.row, row.match, row.defaultAction])).toEqual([
      [2, { reason: 'existing', id: hopLuc, name: 'HTX Nông nghiệp Hợp Lực Mỹ Thới', place: 'năm 2025', row: null, doubtful: true }, 'skip'],
      [3, { reason: 'existing', id: longDien, name: 'HTX Nông nghiệp Long Điền', place: 'năm 2025', row: null }, 'update'],
      [4, { reason: 'existing', id: binhMinh, name: 'HTX Dịch vụ Bình Minh', place: 'năm 2025', row: null }, 'update'],
    ]);
    expect(preview.page.rows[0]?.notes).toEqual([
      {
        cell: 'B2',
        message:
          'Mã số HTX 1600123456 là của «HTX Nông nghiệp Hợp Lực Mỹ Thới», còn tên trên dòng là «HTX Chăn nuôi Hợp Lực Mỹ Thới»: có thể là hai tổ chức khác nhau. ' +
          'Nếu đúng là «HTX Nông nghiệp Hợp Lực Mỹ Thới», hãy chọn việc cần làm cho dòng này (dòng để «Bỏ qua» cho đến khi chọn); nếu không, hãy sửa mã số trong tệp.',
        heed: true,
      },
    ]);
    expect(preview.page.rows[1]?.notes).toEqual([]);
    const { summary } = await commitOf(app, { previewJobId: jobId, decisions: [], bulk: { matched: 'update' }, bulkTurns: { matched: 1 } });
    expect(summary).toMatchObject({ updated: 2, skipped: 1 });
    expect([membersOf(hopLuc), membersOf(longDien), membersOf(binhMinh)]).toEqual([61, 30, 42]);
  });

  it('updates the organization when the person chooses so for the row', async () => {
    const { hopLuc, jobId } = await previewFigures();
    await commitOf(app, { previewJobId: jobId, decisions: [{ row: 2, action: 'update' }] });
    expect(membersOf(hopLuc)).toBe(17);
  });

  it('is left out of «Dòng mới: Thêm mới» when the organization has no figures of the year, and added when chosen for the row', async () => {
    const hopLuc = (await call(app, 'organizations:create', { kind: 'htx', name: 'HTX Nông nghiệp Hợp Lực Mỹ Thới', registrationNo: '1600123456', communeCode: XA_MY_HOA_HUNG })).id;
    const { jobId, preview } = await previewList(['Mã số HTX,Tên HTX,Số thành viên', '1600123456,HTX Chăn nuôi Hợp Lực Mỹ Thới,17'].join('\n'), 'figures');
    expect(preview.page.rows[0]).toMatchObject({ match: null, doubtful: true, defaultAction: 'skip' });
    const { summary } = await commitOf(app, { previewJobId: jobId, decisions: [], bulk: { fresh: 'create' }, bulkTurns: { fresh: 1 } });
    expect(summary).toMatchObject({ created: 0, skipped: 1 });
    expect(membersOf(hopLuc)).toBeUndefined();

    await commitOf(app, { previewJobId: jobId, decisions: [{ row: 2, action: 'create', actionTurn: 1 }], bulk: { fresh: 'skip' }, bulkTurns: { fresh: 2 } });
    expect(membersOf(hopLuc)).toBe(17);
  });
});

describe('a new partner saved between the preview and the commit', () => {
  async function previewPartners() {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('DN');
    sheet.addRow(['Tên doanh nghiệp', 'Mã số thuế', 'Địa chỉ']);
    sheet.addRow(['Cty TNHH Nông sản Phú Tân', '1601112223', 'Thị trấn Phú Mỹ, An Giang']);
    sheet.addRow(['Cty CP Gạo Mekong', null, 'Long Xuyên, An Giang']);
    const { jobId: analysisJob, analysis } = await analyze(app, stage(app, 'doi tac.xlsx', Buffer.from(await workbook.xlsx.writeBuffer())), 'partners');
    const list = await previewOf(app, analysisJob, proposedMapping(analysis));
    expect(list.preview.page.rows.map((row) => [row.row, row.status, row.match, row.defaultAction])).toEqual([
      [2, 'valid', null, 'create'],
      [3, 'valid', null, 'create'],
    ]);
    return { analysisJob, mapping: proposedMapping(analysis), jobId: list.jobId };
  }
  const partnerNames = () => app.ctx.db.$client.prepare('SELECT name FROM partners ORDER BY id').pluck().all();

  async function refusal(previewJobId: string) {
    const { jobId } = await call(app, 'imports:commit', { previewJobId, decisions: [] });
    return (await settle(app, jobId)).error;
  }

  it('of the name of a row in its province refuses the commit, writing nothing; checked again, the row is matched to it', async () => {
    const { analysisJob, mapping, jobId } = await previewPartners();
    const saved = await call(app, 'partners:create', { kind: 'enterprise', name: 'Công ty CP Gạo Mekong', provinceCode: AN_GIANG });

    const error = await refusal(jobId);
    expect(error?.kind).toBe('conflict');
    expect(error?.message).toBe(
      'Chưa ghi gì vào dữ liệu: dữ liệu đã thay đổi từ lúc kiểm tra các dòng. Dòng 3: Đã có đối tác cùng tên ở tỉnh An Giang: Công ty CP Gạo Mekong. ' +
        'Hồ sơ đó được lưu sau khi kiểm tra, nên dòng này không còn là hồ sơ mới. ' +
        'Hãy bấm «Kiểm tra lại các dòng» (các xã, phường đã chọn và các dòng bỏ qua được giữ nguyên), xem lại các dòng rồi ghi lại.',
    );
    expect(partnerNames()).toEqual(['Công ty CP Gạo Mekong']);

    const again = await previewOf(app, analysisJob, mapping);
    expect(again.preview.page.rows[1]).toMatchObject({ row: 3, match: { reason: 'sameName', id: saved.id }, defaultAction: 'skip' });
  });

  it('of the tax code of a row refuses the commit before anything is written, naming the partner', async () => {
    const { jobId } = await previewPartners();
    await call(app, 'partners:create', { kind: 'enterprise', name: 'Công ty Phú Tân', taxCode: '1601112223', provinceCode: AN_GIANG });
    expect((await refusal(jobId))?.message).toContain('Dòng 2: Mã số thuế 1601112223 đã có: Công ty Phú Tân (tỉnh An Giang).');
    expect(partnerNames()).toEqual(['Công ty Phú Tân']);
  });
});

describe('a list of partners', () => {
  it('updates a stored partner from a row without an address, found by its tax code written as a number, keeping its province', async () => {
    const stored = await call(app, 'partners:create', { kind: 'enterprise', name: 'Cty TNHH Phân phối Minh Phát', taxCode: '0310000000', provinceCode: '79', address: '12 Lê Lợi, Phường Sài Gòn' });
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('DN');
    sheet.addRow(['Tên doanh nghiệp', 'MST', 'Địa chỉ', 'Mặt hàng thu mua']);
    // Excel drops the leading zero of a tax code kept as a number.
    sheet.addRow(['Cty TNHH Phân phối Minh Phát', 310000000, null, 'Gạo ST25']);
    sheet.addRow(['Cty TNHH Phân phối Minh Phát 2', 310000001, null, 'Gạo ST25']);
    const { jobId: analysisJob, analysis } = await analyze(app, stage(app, 'doanh nghiep.xlsx', Buffer.from(await workbook.xlsx.writeBuffer())), 'partners');
    const { jobId, preview } = await previewOf(app, analysisJob, proposedMapping(analysis));
    expect(preview.page.rows.map((row) => [row.row, row.status, row.problems.map((problem) => problem.message), row.match?.reason ?? null, row.defaultAction])).toEqual([
      [2, 'valid', [], 'registrationNo', 'update'],
      // A new partner still needs its province.
      [3, 'invalid', ['Chưa ghi địa chỉ của đối tác: hãy ghi địa chỉ có tỉnh, thành phố ở cuối (ví dụ «…, Đồng Tháp»), hoặc thêm cột Tỉnh, thành phố vào danh sách.'], null, 'skip'],
    ]);
    const { summary } = await commitOf(app, { previewJobId: jobId, decisions: [] });
    expect(summary).toMatchObject({ updated: 1, failed: 1 });
    expect(await call(app, 'partners:get', { id: stored.id })).toMatchObject({ provinceCode: '79', address: '12 Lê Lợi, Phường Sài Gòn', buys: 'Gạo ST25' });
  });
});

describe('a «Cập nhật» found by its Mã số HTX that moves the organization where the file or the register has one of its name', () => {
  const VINH_AN = 'Xã Vĩnh An';
  // Old An Giang's Xã Tân Phú went to another province: the app asks for the commune.
  const UNREAD = 'Xã Tân Phú';
  const storedElsewhere = () => call(app, 'organizations:create', { kind: 'htx', name: 'HTX Nông nghiệp Vĩnh An', registrationNo: '1601000123', communeCode: XA_MY_HOA_HUNG });
  const placed = () => app.ctx.db.$client.prepare('SELECT name, commune_code AS communeCode FROM organizations ORDER BY id').all();

  async function previewRows(rows: (string | null)[][]) {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('HTX');
    sheet.addRow(['Tên HTX', 'Mã số HTX', 'Loại hình', 'Xã/phường']);
    for (const row of rows) sheet.addRow(row);
    const { jobId: analysisJob, analysis } = await analyze(app, stage(app, 'danh sach.xlsx', Buffer.from(await workbook.xlsx.writeBuffer())));
    const mapping = proposedMapping(analysis);
    return { analysisJob, mapping, ...(await previewOf(app, analysisJob, mapping)) };
  }

  /** «Kiểm tra lại các dòng» with the communes chosen, as the wizard does. */
  async function checkedAgain(analysisJob: string, mapping: { column: number; field: string }[], placeAnswers: { placeKey: string; communeCode: string }[]) {
    const { jobId } = await call(app, 'imports:preview', { analysisJobId: analysisJob, mapping, placeAnswers });
    await settle(app, jobId);
    return { jobId, preview: await call(app, 'imports:previewResult', { jobId, pageSize: 10 }) };
  }

  async function refusal(previewJobId: string, placeAnswers: { placeKey: string; communeCode: string }[]) {
    const { jobId } = await call(app, 'imports:commit', { previewJobId, decisions: [], placeAnswers });
    return (await settle(app, jobId)).error;
  }

  const shown = (rows: { row: number; match: { reason: string; row: number | null; doubtful?: boolean } | null; defaultAction: string }[]) =>
    rows.map((row) => [row.row, row.match?.reason ?? null, row.match?.row ?? null, row.match?.doubtful ?? false, row.defaultAction]);

  it('refuses a row placed by hand whose update moves it where a later row adds its name, writing nothing; checked again, the later row repeats it', async () => {
    const organization = await storedElsewhere();
    const { analysisJob, mapping, jobId, preview } = await previewRows([
      ['HTX NN Vĩnh An', '1601000123', 'Hợp tác xã', UNREAD],
      ['Hợp tác xã Nông nghiệp Vĩnh An', null, 'Hợp tác xã', VINH_AN],
    ]);
    expect(shown(preview.page.rows)).toEqual([
      [2, 'registrationNo', null, false, 'update'],
      [3, null, null, false, 'create'],
    ]);
    const placeAnswers = [{ placeKey: preview.page.rows[0]?.placeKey ?? '', communeCode: XA_VINH_AN }];

    const error = await refusal(jobId, placeAnswers);
    expect(error?.kind).toBe('conflict');
    expect(error?.message).toBe(
      'Chưa ghi gì vào dữ liệu. Dòng 3 («Hợp tác xã Nông nghiệp Vĩnh An») cùng tên với dòng 2 («HTX NN Vĩnh An»), cùng ở xã Vĩnh An: ghi cả hai dòng thì ở đó sẽ có hai tổ chức cùng tên. ' +
        'Xã, phường của dòng 2 được chọn sau khi kiểm tra các dòng, nên hai dòng chưa được đối chiếu với nhau. ' +
        'Hãy bấm «Kiểm tra lại các dòng» (các xã, phường đã chọn và các dòng bỏ qua được giữ nguyên): dòng 3 sẽ hiện là trùng dòng 2, để «Bỏ qua» trừ khi chọn khác; xem lại rồi ghi lại.',
    );
    expect(placed()).toEqual([{ name: 'HTX Nông nghiệp Vĩnh An', communeCode: XA_MY_HOA_HUNG }]);

    const again = await checkedAgain(analysisJob, mapping, placeAnswers);
    expect(shown(again.preview.page.rows)).toEqual([
      [2, 'registrationNo', null, false, 'update'],
      [3, 'inFile', 2, false, 'skip'],
    ]);
    const { summary } = await commitOf(app, { previewJobId: again.jobId, decisions: [], placeAnswers });
    expect(summary).toMatchObject({ created: 0, updated: 1, skipped: 1 });
    expect(placed()).toEqual([{ name: 'HTX Nông nghiệp Vĩnh An', communeCode: XA_VINH_AN }]);
    expect(organization.id).toBeGreaterThan(0);
  });

  it('refuses a row placed by hand to be added where an earlier row read moves the organization of its name', async () => {
    await storedElsewhere();
    const { analysisJob, mapping, jobId, preview } = await previewRows([
      ['HTX NN Vĩnh An', '1601000123', 'Hợp tác xã', VINH_AN],
      ['Hợp tác xã Nông nghiệp Vĩnh An', null, 'Hợp tác xã', UNREAD],
    ]);
    const placeAnswers = [{ placeKey: preview.page.rows[1]?.placeKey ?? '', communeCode: XA_VINH_AN }];
    const error = await refusal(jobId, placeAnswers);
    expect(error?.message).toContain('Dòng 3 («Hợp tác xã Nông nghiệp Vĩnh An») cùng tên với dòng 2 («HTX NN Vĩnh An»), cùng ở xã Vĩnh An: ghi cả hai dòng thì ở đó sẽ có hai tổ chức cùng tên.');
    expect(error?.message).toContain('Xã, phường của dòng 3 được chọn sau khi kiểm tra các dòng');
    expect(error?.message).toContain('dòng 3 sẽ hiện là trùng dòng 2, để «Bỏ qua» trừ khi chọn khác');
    expect(placed()).toEqual([{ name: 'HTX Nông nghiệp Vĩnh An', communeCode: XA_MY_HOA_HUNG }]);
    const again = await checkedAgain(analysisJob, mapping, placeAnswers);
    expect(shown(again.preview.page.rows)).toEqual([
      [2, 'registrationNo', null, false, 'update'],
      [3, 'inFile', 2, false, 'skip'],
    ]);
  });

  it('asks about a later row that moves the organization where an earlier row adds its name, and refuses it when the earlier was placed by hand', async () => {
    const organization = await storedElsewhere();
    const read = await previewRows([
      ['Hợp tác xã Nông nghiệp Vĩnh An', null, 'Hợp tác xã', VINH_AN],
      ['HTX NN Vĩnh An', '1601000123', 'Hợp tác xã', VINH_AN],
    ]);
    expect(shown(read.preview.page.rows)).toEqual([
      [2, null, null, false, 'create'],
      [3, 'registrationNo', null, true, 'skip'],
    ]);
    expect(read.preview.page.rows[1]?.notes).toContainEqual({
      cell: '3',
      message:
        'Dòng 2 («Hợp tác xã Nông nghiệp Vĩnh An») cùng tên với dòng này, cùng ở xã Vĩnh An: «Cập nhật» dòng này sẽ chuyển «HTX Nông nghiệp Vĩnh An» (Mã số HTX 1601000123) từ xã Mỹ Hòa Hưng về xã Vĩnh An, ' +
        'ghi cả hai dòng thì ở đó sẽ có hai tổ chức cùng tên. Nếu đúng là hai tổ chức khác nhau, hãy chọn «Cập nhật» cho dòng này; nếu không, hãy xem lại hai dòng. Dòng này không theo lựa chọn chung cho các dòng trùng.',
      heed: true,
    });
    // «Dòng trùng: Cập nhật» leaves it out; the person who knows they are two chooses it for the row.
    const { summary } = await commitOf(app, { previewJobId: read.jobId, decisions: [], bulk: { matched: 'update' }, bulkTurns: { matched: 1 } });
    expect(summary).toMatchObject({ created: 1, updated: 0, skipped: 1 });
    expect(placed()).toEqual([
      { name: 'HTX Nông nghiệp Vĩnh An', communeCode: XA_MY_HOA_HUNG },
      { name: 'Hợp tác xã Nông nghiệp Vĩnh An', communeCode: XA_VINH_AN },
    ]);

    app.ctx.db.$client.prepare('DELETE FROM organizations WHERE id <> ?').run(organization.id);
    const byHand = await previewRows([
      ['Hợp tác xã Nông nghiệp Vĩnh An', null, 'Hợp tác xã', UNREAD],
      ['HTX NN Vĩnh An', '1601000123', 'Hợp tác xã', VINH_AN],
    ]);
    const placeAnswers = [{ placeKey: byHand.preview.page.rows[0]?.placeKey ?? '', communeCode: XA_VINH_AN }];
    const error = await refusal(byHand.jobId, placeAnswers);
    expect(error?.message).toContain('Xã, phường của dòng 2 được chọn sau khi kiểm tra các dòng');
    expect(error?.message).toContain('dòng 3 sẽ hiện kèm lời nhắc cùng tên với dòng 2, để «Bỏ qua» trừ khi chọn khác');
    const again = await checkedAgain(byHand.analysisJob, byHand.mapping, placeAnswers);
    expect(shown(again.preview.page.rows)).toEqual([
      [2, null, null, false, 'create'],
      [3, 'registrationNo', null, true, 'skip'],
    ]);
  });

  it('asks about a row whose commune is to choose among several, one of which an earlier row adds its name in', async () => {
    await storedElsewhere();
    const { preview } = await previewList(
      [
        'Tên HTX,Mã số HTX,Loại hình,Địa chỉ',
        'Hợp tác xã Nông nghiệp Vĩnh An,,Hợp tác xã,"Xã Nhơn Hội, tỉnh An Giang"',
        // The old Xã Phú Hội went to Xã An Phú and Xã Nhơn Hội.
        'HTX NN Vĩnh An,1601000123,Hợp tác xã,"xã Phú Hội, huyện An Phú, tỉnh An Giang"',
      ].join('\n'),
    );
    expect(preview.page.rows[1]?.communeChoices.map((commune) => commune.name)).toEqual(['Xã An Phú', 'Xã Nhơn Hội']);
    expect(shown(preview.page.rows)).toEqual([
      [2, null, null, false, 'create'],
      [3, 'registrationNo', null, true, 'skip'],
    ]);
    expect(preview.page.rows[1]?.notes).toContainEqual({
      cell: '3',
      message:
        'Dòng 2 («Hợp tác xã Nông nghiệp Vĩnh An») cùng tên với dòng này, cùng ở xã An Phú hoặc xã Nhơn Hội: «Cập nhật» dòng này sẽ chuyển «HTX Nông nghiệp Vĩnh An» (Mã số HTX 1601000123) từ xã Mỹ Hòa Hưng về xã, phường chọn cho dòng này, ' +
        'ghi cả hai dòng thì ở đó sẽ có hai tổ chức cùng tên. Nếu đúng là hai tổ chức khác nhau, hãy chọn «Cập nhật» cho dòng này; nếu không, hãy xem lại hai dòng. Dòng này không theo lựa chọn chung cho các dòng trùng.',
      heed: true,
    });
  });

  describe('where the register has an organization of its name', () => {
    async function twoOfOneName() {
      const beside = await call(app, 'organizations:create', { kind: 'htx', name: 'HTX Nông nghiệp Vĩnh An', communeCode: XA_VINH_AN });
      const moved = await call(app, 'organizations:create', { kind: 'htx', name: 'Hợp tác xã NN Vĩnh An', registrationNo: '1601000123', communeCode: XA_MY_HOA_HUNG });
      return { beside, moved };
    }

    it('is asked, as a person’s save asks to confirm, and written only when chosen for the row', async () => {
      const { moved } = await twoOfOneName();
      // The form: moving it there asks to confirm.
      const form = await callFailing(app, 'organizations:update', { id: moved.id, kind: 'htx', name: 'Hợp tác xã NN Vĩnh An', registrationNo: '1601000123', communeCode: XA_VINH_AN });
      expect(form.message).toBe('Đã có tổ chức tên gần giống ở xã Vĩnh An: HTX Nông nghiệp Vĩnh An. Nếu đúng là tổ chức khác, hãy xác nhận để lưu.');

      const { jobId, preview } = await previewRows([['HTX NN Vĩnh An', '1601000123', 'Hợp tác xã', VINH_AN]]);
      expect(shown(preview.page.rows)).toEqual([[2, 'registrationNo', null, true, 'skip']]);
      expect(preview.page.rows[0]?.notes).toContainEqual({
        cell: 'D2',
        message:
          '«Cập nhật» sẽ chuyển «Hợp tác xã NN Vĩnh An» (Mã số HTX 1601000123) từ xã Mỹ Hòa Hưng về xã Vĩnh An, nơi đã có «HTX Nông nghiệp Vĩnh An», tên gần giống: hai tổ chức cùng tên ở một xã, phường thường là một. ' +
          'Nếu đúng là hai tổ chức khác nhau, hãy chọn «Cập nhật» cho dòng này; nếu không, hãy xem lại xã, phường của dòng này. Dòng này không theo lựa chọn chung cho các dòng trùng.',
        heed: true,
      });
      const bulk = await commitOf(app, { previewJobId: jobId, decisions: [], bulk: { matched: 'update' }, bulkTurns: { matched: 1 } });
      expect(bulk.summary).toMatchObject({ updated: 0, skipped: 1 });
      const chosen = await commitOf(app, { previewJobId: jobId, decisions: [{ row: 2, action: 'update' }] });
      expect(chosen.summary).toMatchObject({ updated: 1 });
      expect(placed()).toEqual([
        { name: 'HTX Nông nghiệp Vĩnh An', communeCode: XA_VINH_AN },
        { name: 'Hợp tác xã NN Vĩnh An', communeCode: XA_VINH_AN },
      ]);
    });

    it('refuses the commit when the other was saved after the preview, writing nothing; checked again, the row is asked about', async () => {
      const moved = await call(app, 'organizations:create', { kind: 'htx', name: 'Hợp tác xã NN Vĩnh An', registrationNo: '1601000123', communeCode: XA_MY_HOA_HUNG });
      const { analysisJob, mapping, jobId, preview } = await previewRows([['HTX NN Vĩnh An', '1601000123', 'Hợp tác xã', VINH_AN]]);
      expect(shown(preview.page.rows)).toEqual([[2, 'registrationNo', null, false, 'update']]);
      // Saved in another window meanwhile.
      await call(app, 'organizations:create', { kind: 'htx', name: 'HTX Nông nghiệp Vĩnh An', communeCode: XA_VINH_AN });

      const error = await refusal(jobId, []);
      expect(error?.message).toBe(
        'Chưa ghi gì vào dữ liệu: dữ liệu đã thay đổi từ lúc kiểm tra các dòng. Dòng 2: Đã có tổ chức cùng tên ở xã Vĩnh An: HTX Nông nghiệp Vĩnh An. ' +
          'Hãy bấm «Kiểm tra lại các dòng» (các xã, phường đã chọn và các dòng bỏ qua được giữ nguyên), xem lại các dòng rồi ghi lại.',
      );
      expect(placed()).toEqual([
        { name: 'Hợp tác xã NN Vĩnh An', communeCode: XA_MY_HOA_HUNG },
        { name: 'HTX Nông nghiệp Vĩnh An', communeCode: XA_VINH_AN },
      ]);
      const again = await checkedAgain(analysisJob, mapping, []);
      expect(shown(again.preview.page.rows)).toEqual([[2, 'registrationNo', null, true, 'skip']]);
      // Chosen for the row, knowing, it is written even though the register changed again meanwhile.
      await call(app, 'organizations:create', { kind: 'htx', name: 'HTX Thủy sản Mỹ Hòa Hưng', communeCode: XA_MY_HOA_HUNG });
      const { summary } = await commitOf(app, { previewJobId: again.jobId, decisions: [{ row: 2, action: 'update' }] });
      expect(summary).toMatchObject({ updated: 1 });
      expect(app.ctx.db.$client.prepare('SELECT commune_code FROM organizations WHERE id = ?').pluck().get(moved.id)).toBe(XA_VINH_AN);
    });

    it('refuses the commit when the commune was chosen by hand, writing nothing; checked again, the row is asked about', async () => {
      await twoOfOneName();
      const { analysisJob, mapping, jobId, preview } = await previewRows([['HTX NN Vĩnh An', '1601000123', 'Hợp tác xã', UNREAD]]);
      expect(shown(preview.page.rows)).toEqual([[2, 'registrationNo', null, false, 'update']]);
      const placeAnswers = [{ placeKey: preview.page.rows[0]?.placeKey ?? '', communeCode: XA_VINH_AN }];
      const error = await refusal(jobId, placeAnswers);
      expect(error?.message).toBe(
        'Chưa ghi gì vào dữ liệu. Dòng 2: Đã có tổ chức cùng tên ở xã Vĩnh An: HTX Nông nghiệp Vĩnh An. ' +
          'Xã, phường của dòng này được chọn sau khi kiểm tra các dòng, nên chưa được đối chiếu với các tổ chức ở đó. ' +
          'Hãy bấm «Kiểm tra lại các dòng» (các xã, phường đã chọn và các dòng bỏ qua được giữ nguyên), xem lại dòng này rồi ghi lại.',
      );
      expect(placed()).toEqual([
        { name: 'HTX Nông nghiệp Vĩnh An', communeCode: XA_VINH_AN },
        { name: 'Hợp tác xã NN Vĩnh An', communeCode: XA_MY_HOA_HUNG },
      ]);
      const again = await checkedAgain(analysisJob, mapping, placeAnswers);
      expect(shown(again.preview.page.rows)).toEqual([[2, 'registrationNo', null, true, 'skip']]);
      // Placed in the commune it is in, it is written: nothing moves.
      const { summary } = await commitOf(app, { previewJobId: jobId, decisions: [], placeAnswers: [{ placeKey: placeAnswers[0]?.placeKey ?? '', communeCode: XA_MY_HOA_HUNG }] });
      expect(summary).toMatchObject({ updated: 1 });
      expect(placed()).toEqual([
        { name: 'HTX Nông nghiệp Vĩnh An', communeCode: XA_VINH_AN },
        { name: 'Hợp tác xã NN Vĩnh An', communeCode: XA_MY_HOA_HUNG },
      ]);
    });
  });
});

describe('a «Cập nhật» found by its Mã số HTX that renames the organization to a name the file or the register has in its commune', () => {
  const VINH_AN = 'Xã Vĩnh An';
  const UNREAD = 'Xã Tân Phú';
  const names = () => app.ctx.db.$client.prepare('SELECT name, commune_code AS communeCode FROM organizations ORDER BY id').all();
  const shown = (rows: { row: number; match: { reason: string; row: number | null; doubtful?: boolean } | null; defaultAction: string }[]) =>
    rows.map((row) => [row.row, row.match?.reason ?? null, row.match?.row ?? null, row.match?.doubtful ?? false, row.defaultAction]);

  async function previewRows(rows: (string | null)[][], placeAnswers: { placeKey: string; communeCode: string }[] = []) {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('HTX');
    sheet.addRow(['Tên HTX', 'Mã số HTX', 'Loại hình', 'Xã/phường']);
    for (const row of rows) sheet.addRow(row);
    const { jobId: analysisJob, analysis } = await analyze(app, stage(app, 'danh sach.xlsx', Buffer.from(await workbook.xlsx.writeBuffer())));
    const mapping = proposedMapping(analysis);
    const { jobId } = await call(app, 'imports:preview', { analysisJobId: analysisJob, mapping, placeAnswers });
    await settle(app, jobId);
    return { analysisJob, mapping, jobId, preview: await call(app, 'imports:previewResult', { jobId, pageSize: 10 }) };
  }

  async function refusal(previewJobId: string, decisions: { row: number; action: 'update' | 'create' | 'skip' }[], placeAnswers: { placeKey: string; communeCode: string }[] = []) {
    const { jobId } = await call(app, 'imports:commit', { previewJobId, decisions, placeAnswers });
    return (await settle(app, jobId)).error;
  }

  it('is asked at the name’s cell, as a person’s save asks, and written only when chosen for the row', async () => {
    await call(app, 'organizations:create', { kind: 'htx', name: 'HTX Nông nghiệp Vĩnh Phát', communeCode: XA_VINH_AN });
    const renamed = await call(app, 'organizations:create', { kind: 'htx', name: 'HTX Nông nghiệp Vĩnh An', registrationNo: '1601000123', communeCode: XA_VINH_AN });
    // The form: renaming it so asks to confirm.
    const form = await callFailing(app, 'organizations:update', { id: renamed.id, kind: 'htx', name: 'HTX NN Vĩnh Phát', registrationNo: '1601000123', communeCode: XA_VINH_AN });
    expect(form.message).toBe('Đã có tổ chức tên gần giống ở xã Vĩnh An: HTX Nông nghiệp Vĩnh Phát. Nếu đúng là tổ chức khác, hãy xác nhận để lưu.');

    const { jobId, preview } = await previewRows([['HTX NN Vĩnh Phát', '1601000123', 'Hợp tác xã', VINH_AN]]);
    expect(shown(preview.page.rows)).toEqual([[2, 'registrationNo', null, true, 'skip']]);
    expect(preview.page.rows[0]?.notes).toEqual([
      {
        cell: 'A2',
        message:
          '«Cập nhật» sẽ đổi tên «HTX Nông nghiệp Vĩnh An» (Mã số HTX 1601000123) thành «HTX NN Vĩnh Phát», tên gần giống «HTX Nông nghiệp Vĩnh Phát» cùng ở xã Vĩnh An: hai tổ chức cùng tên ở một xã, phường thường là một. ' +
          'Nếu đúng là hai tổ chức khác nhau, hãy chọn «Cập nhật» cho dòng này; nếu không, hãy xem lại tên và Mã số HTX của dòng này. Dòng này không theo lựa chọn chung cho các dòng trùng.',
        heed: true,
      },
    ]);
    const bulk = await commitOf(app, { previewJobId: jobId, decisions: [], bulk: { matched: 'update' }, bulkTurns: { matched: 1 } });
    expect(bulk.summary).toMatchObject({ updated: 0, skipped: 1 });
    expect(names()).toEqual([
      { name: 'HTX Nông nghiệp Vĩnh Phát', communeCode: XA_VINH_AN },
      { name: 'HTX Nông nghiệp Vĩnh An', communeCode: XA_VINH_AN },
    ]);
    const chosen = await commitOf(app, { previewJobId: jobId, decisions: [{ row: 2, action: 'update' }] });
    expect(chosen.summary).toMatchObject({ updated: 1 });
    expect(names()).toEqual([
      { name: 'HTX Nông nghiệp Vĩnh Phát', communeCode: XA_VINH_AN },
      { name: 'HTX NN Vĩnh Phát', communeCode: XA_VINH_AN },
    ]);
  });

  it('names the move too when the row also moves it there; a rename beside no one is written as before', async () => {
    await call(app, 'organizations:create', { kind: 'htx', name: 'HTX Nông nghiệp Vĩnh Phát', communeCode: XA_VINH_AN });
    await call(app, 'organizations:create', { kind: 'htx', name: 'HTX Nông nghiệp Mỹ Hòa Hưng', registrationNo: '1601000123', communeCode: XA_MY_HOA_HUNG });
    await call(app, 'organizations:create', { kind: 'htx', name: 'HTX Thủy sản Mỹ Hòa Hưng', registrationNo: '1601000456', communeCode: XA_MY_HOA_HUNG });
    const { preview } = await previewRows([
      ['HTX NN Vĩnh Phát', '1601000123', 'Hợp tác xã', VINH_AN],
      ['HTX Thủy sản Mỹ Hòa Hưng Mới', '1601000456', 'Hợp tác xã', 'Xã Mỹ Hòa Hưng'],
    ]);
    expect(shown(preview.page.rows)).toEqual([
      [2, 'registrationNo', null, true, 'skip'],
      [3, 'registrationNo', null, false, 'update'],
    ]);
    expect(preview.page.rows[0]?.notes).toEqual([
      {
        cell: 'A2',
        message:
          '«Cập nhật» sẽ đổi tên «HTX Nông nghiệp Mỹ Hòa Hưng» (Mã số HTX 1601000123) thành «HTX NN Vĩnh Phát» và chuyển từ xã Mỹ Hòa Hưng về xã Vĩnh An, nơi đã có «HTX Nông nghiệp Vĩnh Phát», tên gần giống: ' +
          'hai tổ chức cùng tên ở một xã, phường thường là một. Nếu đúng là hai tổ chức khác nhau, hãy chọn «Cập nhật» cho dòng này; nếu không, hãy xem lại tên, xã, phường và Mã số HTX của dòng này. ' +
          'Dòng này không theo lựa chọn chung cho các dòng trùng.',
        heed: true,
      },
    ]);
    expect(preview.page.rows[1]?.notes).toEqual([]);
  });

  it('is asked when an earlier row of the file adds that name there, and left out of «Dòng trùng: Cập nhật»', async () => {
    await call(app, 'organizations:create', { kind: 'htx', name: 'HTX Nông nghiệp Vĩnh An', registrationNo: '1601000123', communeCode: XA_VINH_AN });
    const { jobId, preview } = await previewRows([
      ['HTX NN Vĩnh Phát', null, 'Hợp tác xã', VINH_AN],
      ['Hợp tác xã Nông nghiệp Vĩnh Phát', '1601000123', 'Hợp tác xã', VINH_AN],
    ]);
    expect(shown(preview.page.rows)).toEqual([
      [2, null, null, false, 'create'],
      [3, 'registrationNo', null, true, 'skip'],
    ]);
    expect(preview.page.rows[1]?.notes).toEqual([
      {
        cell: '3',
        message:
          'Dòng 2 («HTX NN Vĩnh Phát») cùng tên với dòng này, cùng ở xã Vĩnh An: «Cập nhật» dòng này sẽ đổi tên «HTX Nông nghiệp Vĩnh An» (Mã số HTX 1601000123) thành «Hợp tác xã Nông nghiệp Vĩnh Phát», ' +
          'ghi cả hai dòng thì ở đó sẽ có hai tổ chức cùng tên. Nếu đúng là hai tổ chức khác nhau, hãy chọn «Cập nhật» cho dòng này; nếu không, hãy xem lại hai dòng. Dòng này không theo lựa chọn chung cho các dòng trùng.',
        heed: true,
      },
    ]);
    const { summary } = await commitOf(app, { previewJobId: jobId, decisions: [], bulk: { matched: 'update' }, bulkTurns: { matched: 1 } });
    expect(summary).toMatchObject({ created: 1, updated: 0, skipped: 1 });
    expect(names()).toEqual([
      { name: 'HTX Nông nghiệp Vĩnh An', communeCode: XA_VINH_AN },
      { name: 'HTX NN Vĩnh Phát', communeCode: XA_VINH_AN },
    ]);
  });

  it('refuses the commit when the other was saved after the preview, writing nothing; checked again, the row is asked about', async () => {
    await call(app, 'organizations:create', { kind: 'htx', name: 'HTX Nông nghiệp Vĩnh An', registrationNo: '1601000123', communeCode: XA_VINH_AN });
    const { analysisJob, mapping, jobId, preview } = await previewRows([['HTX NN Vĩnh Phát', '1601000123', 'Hợp tác xã', VINH_AN]]);
    expect(shown(preview.page.rows)).toEqual([[2, 'registrationNo', null, false, 'update']]);
    // Saved in another window meanwhile.
    await call(app, 'organizations:create', { kind: 'htx', name: 'HTX Nông nghiệp Vĩnh Phát', communeCode: XA_VINH_AN });
    expect((await refusal(jobId, []))?.message).toBe(
      'Chưa ghi gì vào dữ liệu: dữ liệu đã thay đổi từ lúc kiểm tra các dòng. Dòng 2: Đã có tổ chức cùng tên ở xã Vĩnh An: HTX Nông nghiệp Vĩnh Phát. ' +
        'Hãy bấm «Kiểm tra lại các dòng» (các xã, phường đã chọn và các dòng bỏ qua được giữ nguyên), xem lại các dòng rồi ghi lại.',
    );
    expect(names()).toEqual([
      { name: 'HTX Nông nghiệp Vĩnh An', communeCode: XA_VINH_AN },
      { name: 'HTX Nông nghiệp Vĩnh Phát', communeCode: XA_VINH_AN },
    ]);
    const { jobId: againJob } = await call(app, 'imports:preview', { analysisJobId: analysisJob, mapping, placeAnswers: [] });
    await settle(app, againJob);
    expect(shown((await call(app, 'imports:previewResult', { jobId: againJob, pageSize: 10 })).page.rows)).toEqual([[2, 'registrationNo', null, true, 'skip']]);
  });

  it('refuses the commit when the commune was chosen by hand, even the one it is in, writing nothing', async () => {
    await call(app, 'organizations:create', { kind: 'htx', name: 'HTX Nông nghiệp Vĩnh Phát', communeCode: XA_VINH_AN });
    await call(app, 'organizations:create', { kind: 'htx', name: 'HTX Nông nghiệp Vĩnh An', registrationNo: '1601000123', communeCode: XA_VINH_AN });
    const { jobId, preview } = await previewRows([['HTX NN Vĩnh Phát', '1601000123', 'Hợp tác xã', UNREAD]]);
    expect(shown(preview.page.rows)).toEqual([[2, 'registrationNo', null, false, 'update']]);
    const placeAnswers = [{ placeKey: preview.page.rows[0]?.placeKey ?? '', communeCode: XA_VINH_AN }];
    expect((await refusal(jobId, [], placeAnswers))?.message).toBe(
      'Chưa ghi gì vào dữ liệu. Dòng 2: Đã có tổ chức cùng tên ở xã Vĩnh An: HTX Nông nghiệp Vĩnh Phát. ' +
        'Xã, phường của dòng này được chọn sau khi kiểm tra các dòng, nên chưa được đối chiếu với các tổ chức ở đó. ' +
        'Hãy bấm «Kiểm tra lại các dòng» (các xã, phường đã chọn và các dòng bỏ qua được giữ nguyên), xem lại dòng này rồi ghi lại.',
    );
    expect(names()).toEqual([
      { name: 'HTX Nông nghiệp Vĩnh Phát', communeCode: XA_VINH_AN },
      { name: 'HTX Nông nghiệp Vĩnh An', communeCode: XA_VINH_AN },
    ]);
    // Checked again with the commune chosen, it is asked about as a row whose commune was read.
    const again = await previewRows([['HTX NN Vĩnh Phát', '1601000123', 'Hợp tác xã', UNREAD]], placeAnswers);
    expect(shown(again.preview.page.rows)).toEqual([[2, 'registrationNo', null, true, 'skip']]);
  });
});

describe('a repeated row chosen for «Cập nhật», placed by hand after the preview', () => {
  const UNREAD = 'Xã Tân Phú';
  const names = () => app.ctx.db.$client.prepare('SELECT name, registration_no AS registrationNo, commune_code AS communeCode FROM organizations ORDER BY id').all();

  async function previewRows(rows: (string | null)[][]) {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('HTX');
    sheet.addRow(['Tên HTX', 'Mã số HTX', 'Loại hình', 'Xã/phường']);
    for (const row of rows) sheet.addRow(row);
    const { jobId: analysisJob, analysis } = await analyze(app, stage(app, 'danh sach.xlsx', Buffer.from(await workbook.xlsx.writeBuffer())));
    return previewOf(app, analysisJob, proposedMapping(analysis));
  }

  /** The commit with the repeated row `repeat` chosen for «Cập nhật». */
  async function refusal(previewJobId: string, repeat: number, placeAnswers: { placeKey: string; communeCode: string }[]) {
    const { jobId } = await call(app, 'imports:commit', { previewJobId, decisions: [{ row: repeat, action: 'update' }], placeAnswers });
    return (await settle(app, jobId)).error;
  }

  it('refuses the commit, writing nothing, when another row adds its name in the commune chosen, naming both rows', async () => {
    const { jobId, preview } = await previewRows([
      ['HTX NN Vĩnh Phát', '1601000777', 'Hợp tác xã', 'Xã Vĩnh An'],
      ['HTX NN Vĩnh Phát', '1601000777', 'Hợp tác xã', UNREAD],
      ['Hợp tác xã Nông nghiệp Vĩnh Phát', null, 'Hợp tác xã', 'Xã Mỹ Hòa Hưng'],
    ]);
    expect(preview.page.rows.map((row) => [row.row, row.match?.reason ?? null, row.match?.row ?? null, row.defaultAction])).toEqual([
      [2, null, null, 'create'],
      [3, 'inFile', 2, 'skip'],
      [4, null, null, 'create'],
    ]);
    const placeAnswers = [{ placeKey: preview.page.rows[1]?.placeKey ?? '', communeCode: XA_MY_HOA_HUNG }];
    const error = await refusal(jobId, 3, placeAnswers);
    expect(error?.kind).toBe('conflict');
    expect(error?.message).toBe(
      'Chưa ghi gì vào dữ liệu. Dòng 4 («Hợp tác xã Nông nghiệp Vĩnh Phát») cùng tên với dòng 3 («HTX NN Vĩnh Phát»), cùng ở xã Mỹ Hòa Hưng: ghi cả hai dòng thì ở đó sẽ có hai tổ chức cùng tên. ' +
        'Xã, phường của dòng 3 được chọn sau khi kiểm tra các dòng, nên hai dòng chưa được đối chiếu với nhau. ' +
        'Hãy bấm «Kiểm tra lại các dòng» (các xã, phường đã chọn và các dòng bỏ qua được giữ nguyên): dòng 4 sẽ hiện là trùng dòng 3, để «Bỏ qua» trừ khi chọn khác; xem lại rồi ghi lại.',
    );
    expect(names()).toEqual([]);
    // Placed in the commune the row it repeats writes the record in, it is that record, not a second one.
    const same = await commitOf(app, { previewJobId: jobId, decisions: [{ row: 3, action: 'update' }], placeAnswers: [{ placeKey: placeAnswers[0]?.placeKey ?? '', communeCode: XA_VINH_AN }] });
    expect(same.summary).toMatchObject({ created: 2, updated: 1 });
    expect(names()).toEqual([
      { name: 'HTX NN Vĩnh Phát', registrationNo: '1601000777', communeCode: XA_VINH_AN },
      { name: 'Hợp tác xã Nông nghiệp Vĩnh Phát', registrationNo: null, communeCode: XA_MY_HOA_HUNG },
    ]);
  });

  it('names the repeat as the later row when it comes after the row adding the name', async () => {
    const { jobId, preview } = await previewRows([
      ['HTX NN Vĩnh Phát', '1601000777', 'Hợp tác xã', 'Xã Vĩnh An'],
      ['Hợp tác xã Nông nghiệp Vĩnh Phát', null, 'Hợp tác xã', 'Xã Mỹ Hòa Hưng'],
      ['HTX NN Vĩnh Phát', '1601000777', 'Hợp tác xã', UNREAD],
    ]);
    expect(preview.page.rows[2]?.match).toMatchObject({ reason: 'inFile', row: 2 });
    const error = await refusal(jobId, 4, [{ placeKey: preview.page.rows[2]?.placeKey ?? '', communeCode: XA_MY_HOA_HUNG }]);
    expect(error?.message).toBe(
      'Chưa ghi gì vào dữ liệu. Dòng 4 («HTX NN Vĩnh Phát») cùng tên với dòng 3 («Hợp tác xã Nông nghiệp Vĩnh Phát»), cùng ở xã Mỹ Hòa Hưng: ghi cả hai dòng thì ở đó sẽ có hai tổ chức cùng tên. ' +
        'Xã, phường của dòng 4 được chọn sau khi kiểm tra các dòng, nên hai dòng chưa được đối chiếu với nhau. ' +
        'Hãy bấm «Kiểm tra lại các dòng» (các xã, phường đã chọn và các dòng bỏ qua được giữ nguyên), xem lại hai dòng (dòng 4 là trùng dòng 2, được chọn «Cập nhật») rồi ghi lại.',
    );
    expect(names()).toEqual([]);
  });

  it('refuses the commit, writing nothing, when the register has its name in the commune chosen', async () => {
    await call(app, 'organizations:create', { kind: 'htx', name: 'HTX Nông nghiệp Vĩnh Phát', communeCode: XA_MY_HOA_HUNG });
    const { jobId, preview } = await previewRows([
      ['HTX NN Vĩnh Phát', '1601000777', 'Hợp tác xã', 'Xã Vĩnh An'],
      ['HTX NN Vĩnh Phát', '1601000777', 'Hợp tác xã', UNREAD],
    ]);
    const error = await refusal(jobId, 3, [{ placeKey: preview.page.rows[1]?.placeKey ?? '', communeCode: XA_MY_HOA_HUNG }]);
    expect(error?.message).toBe(
      'Chưa ghi gì vào dữ liệu. Dòng 3: Đã có tổ chức cùng tên ở xã Mỹ Hòa Hưng: HTX Nông nghiệp Vĩnh Phát. ' +
        'Xã, phường của dòng này được chọn sau khi kiểm tra các dòng, nên chưa được đối chiếu với các tổ chức ở đó. ' +
        'Hãy bấm «Kiểm tra lại các dòng» (các xã, phường đã chọn và các dòng bỏ qua được giữ nguyên), xem lại dòng này rồi ghi lại.',
    );
    expect(names()).toEqual([{ name: 'HTX Nông nghiệp Vĩnh Phát', registrationNo: null, communeCode: XA_MY_HOA_HUNG }]);
  });
});
