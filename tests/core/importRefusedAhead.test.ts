/**
 * What the commit would refuse is refused by the preview, at the row's cell: an offer or a demand
 * of a member that had ended, figures of a members list for a year the organization did not exist
 * in, and a row naming an organization in the Thùng rác. And the undo of an import takes back the
 * communes it remembered for places.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportProblem } from '../../src/shared/contracts/imports';
import { AN_GIANG, call, openTestApp, XA_VINH_AN } from './support';
import { analyze, commitOf, previewOf, proposedMapping, settle, stage, undoOf } from './importWorkbooks';

let app: ReturnType<typeof openTestApp>;
beforeEach(async () => {
  app = openTestApp(new Date('2026-05-20T05:00:00Z'));
  await call(app, 'alliance:save', { name: 'Liên minh Hợp tác xã tỉnh An Giang', provinceCode: AN_GIANG });
});
afterEach(() => app.close());

async function previewList(csv: string, kind: 'organizations' | 'figures' | 'offers' | 'demands', year?: number) {
  const { jobId, analysis } = await analyze(app, stage(app, 'danh sach.csv', `\ufeff${csv}`), kind);
  return previewOf(app, jobId, proposedMapping(analysis), year);
}

function rowsSaid(rows: { row: number; status: string; problems: ImportProblem[] }[]) {
  return rows.map((row) => [row.row, row.status, row.problems.map((problem) => `${problem.cell}: ${problem.message}`)]);
}

async function dissolved(name: string, registrationNo: string, on: string) {
  const organization = await call(app, 'organizations:create', { kind: 'htx', name, registrationNo, communeCode: XA_VINH_AN, foundedOn: '2010-03-01' });
  await call(app, 'lifecycle:record', { kind: 'dissolution', date: on, decisionNo: '12/QĐ', subjectId: organization.id });
  return organization;
}

describe('an offer or a demand of a member that had ended', () => {
  it('is refused at the organization in the preview, as the save refuses it, and the other rows are written', async () => {
    await dissolved('HTX Dược liệu Hòa Điền', '1600111222', '2017-02-28');
    await call(app, 'organizations:create', { kind: 'htx', name: 'HTX Nông nghiệp Vĩnh Bình', registrationNo: '1600123456', communeCode: XA_VINH_AN });
    const offers = ['Mã số HTX;Tên HTX;Tên sản phẩm;Sản lượng;ĐVT;Thu hoạch từ', '1600111222;HTX Dược liệu Hòa Điền;Nghệ;5;tấn;01/07/2026', '1600123456;HTX Nông nghiệp Vĩnh Bình;Gạo;10;tấn;01/07/2026'].join('\n');
    const { jobId, preview } = await previewList(offers, 'offers');
    expect(rowsSaid(preview.page.rows)).toEqual([
      [2, 'invalid', ['B2: HTX Dược liệu Hòa Điền đã chấm dứt hoạt động từ ngày 28/02/2017.']],
      [3, 'valid', []],
    ]);
    expect((await commitOf(app, { previewJobId: jobId, decisions: [] })).summary).toMatchObject({ created: 1, failed: 1 });

    const demands = ['Bên có nhu cầu;Mã số thuế;Sản phẩm;Số lượng;ĐVT;Cần từ ngày', 'HTX Dược liệu Hòa Điền;1600111222;Nghệ tươi;5;tấn;01/07/2026'].join('\n');
    const shown = await previewList(demands, 'demands');
    expect(rowsSaid(shown.preview.page.rows)).toEqual([[2, 'invalid', ['A2: HTX Dược liệu Hòa Điền đã chấm dứt hoạt động từ ngày 28/02/2017.']]]);
  });
});

describe('an update of an offer or a demand that has connections', () => {
  it('is refused at its cells when it would bring the quantity under what is connected, as the save refuses it', async () => {
    const vinhBinh = await call(app, 'organizations:create', { kind: 'htx', name: 'HTX Nông nghiệp Vĩnh Bình', registrationNo: '1600123456', communeCode: XA_VINH_AN });
    const coop = await call(app, 'partners:create', { kind: 'enterprise', name: 'Saigon Co.op', taxCode: '0301175691', provinceCode: '79' });
    const window = { productGroupCode: 'lua_gao', unitCode: 'tan', priceMin: null, priceMax: null };
    const offer = await call(app, 'offers:create', { organizationId: vinhBinh.id, product: 'Gạo', quantity: 80, availableFrom: '2026-07-01', availableUntil: null, communeCode: XA_VINH_AN, ...window });
    const demand = await call(app, 'demands:create', {
      buyer: { kind: 'partner', id: coop.id },
      product: 'Gạo',
      quantity: 70,
      neededFrom: '2026-07-01',
      neededUntil: null,
      deliveryProvinceCode: AN_GIANG,
      requirements: [],
      ...window,
    });
    await call(app, 'connections:create', { offerId: offer.id, demandId: demand.id, quantity: 50, unitCode: 'tan', channelCode: 'sieu_thi', connectedOn: '2026-05-20' });

    const offers = ['Mã số HTX;Tên HTX;Tên sản phẩm;Sản lượng;ĐVT;Thu hoạch từ', '1600123456;HTX Nông nghiệp Vĩnh Bình;Gạo;30;tấn;01/07/2026', '1600123456;HTX Nông nghiệp Vĩnh Bình;Gạo;90;tấn;01/07/2026'].join('\n');
    const { preview } = await previewList(offers, 'offers');
    expect(rowsSaid(preview.page.rows)).toEqual([
      [2, 'invalid', ['D2: Đã kết nối 50 tấn; số lượng không được nhỏ hơn.']],
      [3, 'valid', []],
    ]);
    const demands = ['Bên có nhu cầu;Mã số thuế;Sản phẩm;Số lượng;ĐVT;Cần từ ngày', 'Saigon Co.op;0301175691;Gạo;40;tấn;01/07/2026'].join('\n');
    const shown = await previewList(demands, 'demands');
    expect(rowsSaid(shown.preview.page.rows)).toEqual([[2, 'invalid', ['D2: Đã kết nối 50 tấn; số lượng không được nhỏ hơn.']]]);
  });
});

describe('figures of a members list', () => {
  it('are refused for a year before the founding or from the end, as the figures import refuses them', async () => {
    await dissolved('HTX Dược liệu Hòa Điền', '1600111222', '2017-02-28');
    const csv = [
      'Tên HTX;Mã số HTX;Xã;Ngày thành lập;Số thành viên',
      'HTX Dược liệu Hòa Điền;1600111222;Xã Vĩnh An;;10',
      'HTX Mới Lập;;Xã Vĩnh An;01/03/2026;10',
      'HTX Lập Năm Ngoái;;Xã Vĩnh An;15/06/2025;10',
    ].join('\n');
    const { jobId, preview } = await previewList(csv, 'organizations', 2025);
    expect(rowsSaid(preview.page.rows)).toEqual([
      [2, 'invalid', ['E2: HTX Dược liệu Hòa Điền đã chấm dứt hoạt động từ ngày 28/02/2017, nên không có số liệu năm 2025. Hãy xóa số liệu trên dòng này, hoặc chọn lại năm của số liệu ở bước ghép cột.']],
      [3, 'invalid', ['E3: HTX Mới Lập thành lập ngày 01/03/2026, nên không có số liệu năm 2025. Hãy xóa số liệu trên dòng này, hoặc chọn lại năm của số liệu ở bước ghép cột.']],
      [4, 'valid', []],
    ]);
    expect((await commitOf(app, { previewJobId: jobId, decisions: [] })).summary).toMatchObject({ created: 1, failed: 2 });
    const figures = app.ctx.db.$client.prepare('SELECT o.name, f.year FROM yearly_figures f JOIN organizations o ON o.id = f.organization_id').all();
    expect(figures).toEqual([{ name: 'HTX Lập Năm Ngoái', year: 2025 }]);
  });
});

describe('an organization in the Thùng rác', () => {
  it('is not doubled by a row naming it, nor its Mã số given to another: the row is refused at that cell', async () => {
    const binhHoa = await call(app, 'organizations:create', { kind: 'htx', name: 'HTX Chè Bình Hòa', registrationNo: '1600111222', communeCode: XA_VINH_AN });
    const anPhu = await call(app, 'organizations:create', { kind: 'htx', name: 'HTX Rau An Phú', communeCode: XA_VINH_AN });
    await call(app, 'organizations:delete', { id: binhHoa.id });
    await call(app, 'organizations:delete', { id: anPhu.id });
    const csv = ['Tên HTX;Mã số HTX;Xã', 'HTX Chè Bình Hòa;;Xã Vĩnh An', 'HTX Trà Bình Hòa Mới;1600111222;Xã Vĩnh An', 'HTX Rau An Phú;;Xã Vĩnh An', 'HTX Khác;;Xã Vĩnh An'].join('\n');
    const { jobId, preview } = await previewList(csv, 'organizations');
    expect(rowsSaid(preview.page.rows)).toEqual([
      [2, 'invalid', ['A2: HTX Chè Bình Hòa (mã số 1600111222) đang ở Thùng rác; hãy khôi phục tổ chức đó trước khi nhập dòng này.']],
      [3, 'invalid', ['B3: HTX Chè Bình Hòa (mã số 1600111222) đang ở Thùng rác; hãy khôi phục tổ chức đó trước khi nhập dòng này.']],
      [4, 'invalid', ['A4: HTX Rau An Phú (xã Vĩnh An) đang ở Thùng rác; hãy khôi phục tổ chức đó trước khi nhập dòng này.']],
      [5, 'valid', []],
    ]);
    expect((await commitOf(app, { previewJobId: jobId, decisions: [] })).summary).toMatchObject({ created: 1, failed: 3 });
    // Restored, the row updates it.
    await call(app, 'organizations:restore', { id: binhHoa.id });
    const again = await previewList(csv, 'organizations');
    expect(again.preview.page.rows[0]).toMatchObject({ status: 'valid', match: { reason: 'sameName', id: binhHoa.id } });
  });
});

describe('a demands list naming a member in the Thùng rác', () => {
  it('says it is there, by its Mã số HTX in the tax code column or by its name, as the other lists say it, rather than that it is nowhere', async () => {
    const binhHoa = await call(app, 'organizations:create', { kind: 'htx', name: 'HTX Chè Bình Hòa', registrationNo: '1600111222', communeCode: XA_VINH_AN });
    const anPhu = await call(app, 'organizations:create', { kind: 'htx', name: 'HTX Rau An Phú', communeCode: XA_VINH_AN });
    await call(app, 'organizations:delete', { id: binhHoa.id });
    await call(app, 'organizations:delete', { id: anPhu.id });
    const csv = [
      'Bên có nhu cầu;Mã số thuế;Sản phẩm;Số lượng;ĐVT;Cần từ ngày',
      'HTX Chè Bình Hòa;1600111222;Chè búp;5;tấn;01/07/2026',
      ';1600111222;Chè búp;5;tấn;01/07/2026',
      'HTX Rau An Phú;;Rau muống;2;tấn;01/07/2026',
      'HTX Chưa Có;;Rau muống;2;tấn;01/07/2026',
    ].join('\n');
    const { jobId, preview } = await previewList(csv, 'demands');
    expect(rowsSaid(preview.page.rows)).toEqual([
      [2, 'invalid', ['B2: HTX Chè Bình Hòa (mã số 1600111222) đang ở Thùng rác; hãy khôi phục tổ chức đó trước khi nhập dòng này.']],
      [3, 'invalid', ['B3: HTX Chè Bình Hòa (mã số 1600111222) đang ở Thùng rác; hãy khôi phục tổ chức đó trước khi nhập dòng này.']],
      [4, 'invalid', ['A4: HTX Rau An Phú (xã Vĩnh An) đang ở Thùng rác; hãy khôi phục tổ chức đó trước khi nhập dòng này.']],
      [5, 'invalid', ['A5: Không tìm thấy «HTX Chưa Có» trong danh sách Thành viên; hãy nhập tổ chức trước, hoặc ghi đúng mã số HTX ở cột Mã số thuế.']],
    ]);
    expect((await commitOf(app, { previewJobId: jobId, decisions: [] })).summary).toMatchObject({ created: 0, failed: 4 });
    // Restored, the rows name it as a buyer.
    await call(app, 'organizations:restore', { id: binhHoa.id });
    await call(app, 'organizations:restore', { id: anPhu.id });
    const again = await previewList(csv, 'demands');
    expect(rowsSaid(again.preview.page.rows).slice(0, 3)).toEqual([
      [2, 'valid', []],
      [3, 'valid', []],
      [4, 'valid', []],
    ]);
  });
});

describe('an organization moved to the Thùng rác after the preview', () => {
  /** What a commit may write: the organizations, their figures, offers and demands, and the imports' own records. */
  const written = () =>
    [
      'SELECT id, name, phone, deleted_at FROM organizations',
      'SELECT * FROM yearly_figures',
      'SELECT * FROM supply_offers',
      'SELECT * FROM supply_demands',
      'SELECT * FROM import_batches',
      'SELECT * FROM import_changes',
    ].map((query) => app.ctx.db.$client.prepare(query).all());
  async function refusedCommit(previewJobId: string) {
    const { jobId } = await call(app, 'imports:commit', { previewJobId, decisions: [] });
    const status = await settle(app, jobId);
    expect(status.state).toBe('failed');
    // A conflict: the wizard offers to check the rows again.
    expect(status.error?.kind).toBe('conflict');
    return status.error?.message;
  }
  const checkAgain = 'Hãy bấm «Kiểm tra lại các dòng» (các xã, phường đã chọn và các dòng bỏ qua được giữ nguyên), xem lại các dòng rồi ghi lại.';

  it('refuses a members list’s «Cập nhật» of it, writing nothing, naming the row and the organization; checked again, the row is refused', async () => {
    const vinhBinh = await call(app, 'organizations:create', { kind: 'htx', name: 'HTX Nông nghiệp Vĩnh Bình', registrationNo: '1600123456', communeCode: XA_VINH_AN, phone: '0296 3851 234' });
    const csv = ['Tên HTX;Mã số HTX;Xã;Điện thoại', 'HTX Nông nghiệp Vĩnh Bình;1600123456;Xã Vĩnh An;0296 3851 999', 'HTX Rau Mới;;Xã Vĩnh An;0296 3851 111'].join('\n');
    const { jobId, preview } = await previewList(csv, 'organizations');
    expect(preview.page.rows.map((row) => [row.row, row.status, row.match?.id ?? null, row.defaultAction])).toEqual([
      [2, 'valid', vinhBinh.id, 'update'],
      [3, 'valid', null, 'create'],
    ]);
    await call(app, 'organizations:delete', { id: vinhBinh.id });
    const before = written();
    expect(await refusedCommit(jobId)).toBe(
      'Chưa ghi gì vào dữ liệu: dữ liệu đã thay đổi từ lúc kiểm tra các dòng. ' +
        'Dòng 2: HTX Nông nghiệp Vĩnh Bình (mã số 1600123456) đã được chuyển vào Thùng rác sau khi kiểm tra các dòng; nếu cần ghi dòng này, hãy khôi phục tổ chức đó trước. ' +
        checkAgain,
    );
    expect(written()).toEqual(before);
    const again = await previewList(csv, 'organizations');
    expect(rowsSaid(again.preview.page.rows)).toEqual([
      [2, 'invalid', ['B2: HTX Nông nghiệp Vĩnh Bình (mã số 1600123456) đang ở Thùng rác; hãy khôi phục tổ chức đó trước khi nhập dòng này.']],
      [3, 'valid', []],
    ]);
  });

  it('refuses a figures list’s row of it, to update its year or to add one, writing nothing', async () => {
    const vinhBinh = await call(app, 'organizations:create', { kind: 'htx', name: 'HTX Nông nghiệp Vĩnh Bình', registrationNo: '1600123456', communeCode: XA_VINH_AN });
    const anPhu = await call(app, 'organizations:create', { kind: 'htx', name: 'HTX Rau An Phú', communeCode: XA_VINH_AN });
    await call(app, 'figures:save', { organizationId: vinhBinh.id, year: 2025, membersOfficial: 30 });
    const csv = ['Mã số HTX;Tên HTX;Xã;Số thành viên', '1600123456;HTX Nông nghiệp Vĩnh Bình;Xã Vĩnh An;35', ';HTX Rau An Phú;Xã Vĩnh An;12'].join('\n');
    const { jobId, preview } = await previewList(csv, 'figures', 2025);
    expect(preview.page.rows.map((row) => [row.row, row.status, row.defaultAction])).toEqual([
      [2, 'valid', 'update'],
      [3, 'valid', 'create'],
    ]);
    await call(app, 'organizations:delete', { id: vinhBinh.id });
    const before = written();
    expect(await refusedCommit(jobId)).toBe(
      'Chưa ghi gì vào dữ liệu: dữ liệu đã thay đổi từ lúc kiểm tra các dòng. ' +
        'Dòng 2: HTX Nông nghiệp Vĩnh Bình (mã số 1600123456) đã được chuyển vào Thùng rác sau khi kiểm tra các dòng; nếu cần ghi dòng này, hãy khôi phục tổ chức đó trước. ' +
        checkAgain,
    );
    expect(written()).toEqual(before);

    // The first restored and the second trashed: the row adding its year is refused so too.
    await call(app, 'organizations:restore', { id: vinhBinh.id });
    await call(app, 'organizations:delete', { id: anPhu.id });
    const restored = written();
    expect(await refusedCommit(jobId)).toBe(
      'Chưa ghi gì vào dữ liệu: dữ liệu đã thay đổi từ lúc kiểm tra các dòng. ' +
        'Dòng 3: HTX Rau An Phú (xã Vĩnh An) đã được chuyển vào Thùng rác sau khi kiểm tra các dòng; nếu cần ghi dòng này, hãy khôi phục tổ chức đó trước. ' +
        checkAgain,
    );
    expect(written()).toEqual(restored);
  });

  it('refuses an offers or a demands list’s row of it so too', async () => {
    const vinhBinh = await call(app, 'organizations:create', { kind: 'htx', name: 'HTX Nông nghiệp Vĩnh Bình', registrationNo: '1600123456', communeCode: XA_VINH_AN });
    const offers = ['Mã số HTX;Tên HTX;Tên sản phẩm;Sản lượng;ĐVT;Thu hoạch từ', '1600123456;HTX Nông nghiệp Vĩnh Bình;Gạo;10;tấn;01/07/2026'].join('\n');
    const demands = ['Bên có nhu cầu;Mã số thuế;Sản phẩm;Số lượng;ĐVT;Cần từ ngày', 'HTX Nông nghiệp Vĩnh Bình;1600123456;Gạo giống;5;tấn;01/07/2026'].join('\n');
    const previews = [await previewList(offers, 'offers'), await previewList(demands, 'demands')];
    expect(previews.map(({ preview }) => rowsSaid(preview.page.rows))).toEqual([[[2, 'valid', []]], [[2, 'valid', []]]]);
    await call(app, 'organizations:delete', { id: vinhBinh.id });
    const before = written();
    for (const { jobId } of previews) {
      expect(await refusedCommit(jobId)).toBe(
        'Chưa ghi gì vào dữ liệu: dữ liệu đã thay đổi từ lúc kiểm tra các dòng. ' +
          'Dòng 2: HTX Nông nghiệp Vĩnh Bình (mã số 1600123456) đã được chuyển vào Thùng rác sau khi kiểm tra các dòng; nếu cần ghi dòng này, hãy khôi phục tổ chức đó trước. ' +
          checkAgain,
      );
    }
    expect(written()).toEqual(before);
  });
});

describe('the undo of an import', () => {
  const address = 'ấp 5, xã Không Có, An Giang';
  const previewed = (name: string) => previewList(['Tên HTX;Địa chỉ', `${name};${address}`].join('\n'), 'organizations');
  const answers = () => app.ctx.db.$client.prepare('SELECT commune_code FROM import_place_answers').pluck().all();

  it('takes back the communes it remembered for places, leaving those of earlier imports still in force', async () => {
    const [first, second] = await call(app, 'places:communes', { provinceCode: AN_GIANG });
    // Two lists previewed before either is written: each asks, and each answer is remembered in turn.
    const one = await previewed('HTX Một');
    const two = await previewed('HTX Hai');
    expect(two.preview.page.rows[0]).toMatchObject({ needsPlace: true, placeRemembered: false });
    const written = async (jobId: string, communeCode = '') => (await commitOf(app, { previewJobId: jobId, decisions: [{ row: 2, communeCode }] })).summary.batchId ?? 0;
    const oneBatch = await written(one.jobId, first?.code);
    const twoBatch = await written(two.jobId, second?.code);
    expect(answers()).toEqual([second?.code]);

    expect((await undoOf(app, twoBatch)).error).toBeNull();
    expect(answers()).toEqual([first?.code]);
    expect((await previewed('HTX Ba')).preview.page.rows[0]).toMatchObject({ needsPlace: false, placeRemembered: true, commune: { code: first?.code } });
    expect((await undoOf(app, oneBatch)).error).toBeNull();
    expect(answers()).toEqual([]);
    expect((await previewed('HTX Ba')).preview.page.rows[0]).toMatchObject({ needsPlace: true, placeRemembered: false, commune: null });
  });
});
