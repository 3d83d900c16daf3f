/**
 * What «Cập nhật» of a members list may write over an organization, and what the preview says of
 * it: a kind the register refuses to change (an organization with a past, changed by «Chuyển đổi»),
 * rows checked again with the commune the person chose told what rows placed by the app are (a
 * name beside another Mã số HTX, another row of the file in the same commune), and a partner's kind
 * read from its name said only when it is what the row writes.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { partners } from '../../src/core/db/schema';
import { AN_GIANG, XA_VINH_AN, XA_VINH_BINH, call, openTestApp } from './support';
import { analyze, commitOf, previewOf, proposedMapping, settle, stage } from './importWorkbooks';

let app: ReturnType<typeof openTestApp>;
beforeEach(async () => {
  app = openTestApp();
  await call(app, 'alliance:save', { name: 'Liên minh Hợp tác xã tỉnh An Giang', provinceCode: AN_GIANG });
});
afterEach(() => app.close());
// A preview and a commit each: seconds on a loaded machine.

async function previewList(csv: string, kind: 'organizations' | 'partners' = 'organizations') {
  const { jobId, analysis } = await analyze(app, stage(app, 'danh sach.csv', `\ufeff${csv}`), kind);
  return { analysisJob: jobId, mapping: proposedMapping(analysis), ...(await previewOf(app, jobId, proposedMapping(analysis))) };
}

/** The rows checked again as the wizard does, with the communes chosen for places not found. */
async function recheck(analysisJobId: string, mapping: { column: number; field: string }[], placeAnswers: { placeKey: string; communeCode: string }[]) {
  const { jobId } = await call(app, 'imports:preview', { analysisJobId, mapping, placeAnswers });
  await settle(app, jobId);
  return { jobId, preview: await call(app, 'imports:previewResult', { jobId, pageSize: 50 }) };
}

function organizations(): { name: string; kind: string; phone: string }[] {
  return app.ctx.db.$client.prepare('SELECT name, kind, phone FROM organizations ORDER BY id').all() as { name: string; kind: string; phone: string }[];
}

const REFUSED_KIND =
  'Loại hình «Hợp tác xã»: Tổ hợp tác Rau sạch Vĩnh An đã có số liệu hằng năm hoặc quá trình hoạt động là tổ hợp tác; đổi loại hình thành hợp tác xã sẽ tính lại cả các năm trước theo loại hình mới. ' +
  'Nếu tổ chức đã chuyển đổi (chẳng hạn tổ hợp tác đăng ký thành hợp tác xã), hãy ghi sự kiện «Chuyển đổi» ở thẻ Quá trình hoạt động của tổ chức, với ngày chuyển đổi. ' +
  'Dòng này không được nhập; để cập nhật các thông tin khác của tổ chức, hãy để trống ô này.';

describe('a row whose kind is not that of the organization it updates', () => {
  async function registered() {
    const withPast = await call(app, 'organizations:create', { kind: 'tht', name: 'Tổ hợp tác Rau sạch Vĩnh An', registrationNo: '1600111001', communeCode: XA_VINH_AN, phone: '0296 3851 234' });
    await call(app, 'figures:save', { organizationId: withPast.id, year: 2025, membersOfficial: 12 });
    const without = await call(app, 'organizations:create', { kind: 'tht', name: 'Tổ hợp tác Lúa giống Vĩnh Bình', registrationNo: '1600111002', communeCode: XA_VINH_BINH });
    return { withPast, without };
  }
  const csv = [
    'Tên HTX,Loại hình,Mã số HTX,Địa chỉ,Điện thoại',
    'Tổ hợp tác Rau sạch Vĩnh An,Hợp tác xã,1600111001,"xã Vĩnh An, tỉnh An Giang",0296 3851 999',
    'Tổ hợp tác Lúa giống Vĩnh Bình,Hợp tác xã,1600111002,"xã Vĩnh Bình, tỉnh An Giang",0296 3777 111',
  ].join('\n');

  it('is refused at its kind cell when the organization has a past, as the form refuses it; one without a past changes kind', async () => {
    const { without } = await registered();
    const { jobId, preview } = await previewList(csv);
    expect(preview.page.rows.map((row) => [row.row, row.status, row.problems, row.defaultAction])).toEqual([
      [2, 'invalid', [{ cell: 'B2', message: REFUSED_KIND }], 'skip'],
      [3, 'valid', [], 'update'],
    ]);
    expect(preview.page.rows[1]).toMatchObject({ match: { reason: 'registrationNo', id: without.id } });
    expect(preview.page.rows[1]?.changes?.fields.map((change) => change.field)).toEqual(['kind', 'phone']);

    const { summary } = await commitOf(app, { previewJobId: jobId, decisions: [] });
    expect(summary).toMatchObject({ updated: 1, failed: 1 });
    expect(organizations()).toEqual([
      { name: 'Tổ hợp tác Rau sạch Vĩnh An', kind: 'tht', phone: '0296 3851 234' },
      { name: 'Tổ hợp tác Lúa giống Vĩnh Bình', kind: 'htx', phone: '0296 3777 111' },
    ]);
  });

  it('updates the rest when the kind cell is left blank', async () => {
    await registered();
    const { jobId, preview } = await previewList(csv.replace(',Hợp tác xã,1600111001', ',,1600111001'));
    expect(preview.page.rows[0]).toMatchObject({ status: 'valid', problems: [], defaultAction: 'update' });
    await commitOf(app, { previewJobId: jobId, decisions: [] });
    expect(organizations()[0]).toEqual({ name: 'Tổ hợp tác Rau sạch Vĩnh An', kind: 'tht', phone: '0296 3851 999' });
  });

  it('is refused at the commit, writing nothing, when the organization gained a past since the preview; checked again, the row is refused', async () => {
    const { without } = await registered();
    const { analysisJob, mapping, jobId } = await previewList(csv);
    await call(app, 'figures:save', { organizationId: without.id, year: 2025, membersOfficial: 9 });
    const { jobId: commitJob } = await call(app, 'imports:commit', { previewJobId: jobId, decisions: [] });
    const status = await settle(app, commitJob);
    expect(status.state).toBe('failed');
    // A conflict: the wizard offers to check the rows again.
    expect(status.error?.kind).toBe('conflict');
    expect(status.error?.message).toBe(
      'Chưa ghi gì vào dữ liệu: dữ liệu đã thay đổi từ lúc kiểm tra các dòng. ' +
        'Dòng 3: Tổ hợp tác Lúa giống Vĩnh Bình đã có số liệu hằng năm hoặc quá trình hoạt động là tổ hợp tác; đổi loại hình thành hợp tác xã sẽ tính lại cả các năm trước theo loại hình mới. ' +
        'Nếu tổ chức đã chuyển đổi (chẳng hạn tổ hợp tác đăng ký thành hợp tác xã), hãy ghi sự kiện «Chuyển đổi» ở thẻ Quá trình hoạt động của tổ chức, với ngày chuyển đổi. ' +
        'Hãy bấm «Kiểm tra lại các dòng» (các xã, phường đã chọn và các dòng bỏ qua được giữ nguyên), xem lại các dòng rồi ghi lại.',
    );
    expect(organizations().map((row) => row.kind)).toEqual(['tht', 'tht']);

    const again = await recheck(analysisJob, mapping, []);
    expect(again.preview.page.rows.map((row) => [row.row, row.status, row.problems.map((problem) => problem.cell)])).toEqual([
      [2, 'invalid', ['B2']],
      [3, 'invalid', ['B3']],
    ]);
  });
});

describe('rows whose place the app could not read, checked again with the commune the person chose', () => {
  // Old An Giang's Xã Tân Phú went to another province: the app asks for the commune.
  it('are told of a stored organization of their name there with another Mã số HTX, as rows placed by the app are', async () => {
    const stored = await call(app, 'organizations:create', { kind: 'htx', name: 'HTX Nông nghiệp Vĩnh An', registrationNo: '9100000157', communeCode: XA_VINH_AN });
    const { analysisJob, mapping, preview } = await previewList(['Tên HTX;Mã số HTX;Xã/phường', 'HTX NN Vĩnh An;1601234502;Xã Tân Phú'].join('\n'));
    expect(preview.page.rows[0]).toMatchObject({ needsPlace: true, match: null, notes: [expect.objectContaining({ cell: 'C2' })] });

    const again = await recheck(analysisJob, mapping, [{ placeKey: preview.page.rows[0]?.placeKey ?? '', communeCode: XA_VINH_AN }]);
    const [row] = again.preview.page.rows;
    expect(row).toMatchObject({ needsPlace: true, match: { reason: 'sameName', id: stored.id, doubtful: true }, doubtful: true, defaultAction: 'skip' });
    expect(row?.notes.filter((note) => note.cell === 'B2')).toEqual([
      {
        cell: 'B2',
        message:
          'Mã số HTX 1601234502 khác mã số 9100000157 của «HTX Nông nghiệp Vĩnh An», tên gần giống, cùng ở xã Vĩnh An: hai mã số khác nhau thường là hai tổ chức khác nhau. ' +
          'Nếu là tổ chức khác, hãy chọn «Thêm mới»; nếu đúng là «HTX Nông nghiệp Vĩnh An» và mã số trong tệp mới đúng, hãy chọn «Cập nhật». Dòng này không theo lựa chọn chung cho các dòng trùng.',
        heed: true,
      },
    ]);
  });

  it('are refused a change of kind of a stored organization with a past there', async () => {
    const group = await call(app, 'organizations:create', { kind: 'tht', name: 'Tổ hợp tác Rau sạch Vĩnh An', communeCode: XA_VINH_AN });
    await call(app, 'figures:save', { organizationId: group.id, year: 2025, membersOfficial: 12 });
    const { analysisJob, mapping, preview } = await previewList(['Tên HTX;Loại hình;Xã/phường', 'Tổ hợp tác Rau sạch Vĩnh An;Hợp tác xã;Xã Tân Phú'].join('\n'));
    expect(preview.page.rows[0]).toMatchObject({ status: 'valid', problems: [] });
    const again = await recheck(analysisJob, mapping, [{ placeKey: preview.page.rows[0]?.placeKey ?? '', communeCode: XA_VINH_AN }]);
    expect(again.preview.page.rows[0]).toMatchObject({ status: 'invalid', problems: [{ cell: 'B2', message: REFUSED_KIND }] });
  });

  it('placed in one commune under one name are one organization, as rows whose commune was read are', async () => {
    const csv = ['Tên HTX;Xã/phường', 'HTX Nông nghiệp Tân Phú;Xã Tân Phú', 'HTX NN Tân Phú;Xã Tân Phú', 'HTX Nông nghiệp Vĩnh An;Xã Vĩnh An', 'HTX NN Vĩnh An;Xã Vĩnh An'].join('\n');
    const { analysisJob, mapping, preview } = await previewList(csv);
    const placeAnswers = [{ placeKey: preview.page.rows[0]?.placeKey ?? '', communeCode: XA_VINH_BINH }];
    const again = await recheck(analysisJob, mapping, placeAnswers);
    expect(again.preview.page.rows.map((row) => [row.row, row.match && { reason: row.match.reason, row: row.match.row }, row.defaultAction])).toEqual([
      [2, null, 'create'],
      [3, { reason: 'inFile', row: 2 }, 'skip'],
      [4, null, 'create'],
      [5, { reason: 'inFile', row: 4 }, 'skip'],
    ]);
    const { summary } = await commitOf(app, { previewJobId: again.jobId, decisions: [], placeAnswers });
    expect(summary).toMatchObject({ created: 2, skipped: 2 });
    expect(organizations().map((row) => row.name)).toEqual(['HTX Nông nghiệp Tân Phú', 'HTX Nông nghiệp Vĩnh An']);
  });
});

describe('a partner whose kind is read from its name', () => {
  it('is said to be of that kind when it is added, not when a stored partner keeps its own', async () => {
    const market = await call(app, 'partners:create', { kind: 'wholesale_market', name: 'Công ty TNHH Chợ đầu mối Long Xuyên', taxCode: '1600555666', provinceCode: AN_GIANG });
    const csv = ['Tên doanh nghiệp,MST,Tỉnh,Người liên hệ', 'Công ty TNHH Chợ đầu mối Long Xuyên,1600555666,An Giang,Trần Văn Bình', 'Công ty TNHH Lúa Vàng,1600123456,An Giang,Lê Thị Hoa'].join('\n');
    const { jobId, preview } = await previewList(csv, 'partners');
    expect(preview.page.rows.map((row) => [row.row, row.match?.id ?? null, row.notes.map((note) => `${note.cell}: ${note.message}`)])).toEqual([
      [2, market.id, []],
      [3, null, ['A3: Loại đối tác đọc từ tên: Doanh nghiệp.']],
    ]);
    await commitOf(app, { previewJobId: jobId, decisions: [] });
    const stored = app.ctx.db.select({ name: partners.name, kind: partners.kind, contactName: partners.contactName }).from(partners).orderBy(partners.id).all();
    expect(stored).toEqual([
      { name: 'Công ty TNHH Chợ đầu mối Long Xuyên', kind: 'wholesale_market', contactName: 'Trần Văn Bình' },
      { name: 'Công ty TNHH Lúa Vàng', kind: 'enterprise', contactName: 'Lê Thị Hoa' },
    ]);
  });
});
