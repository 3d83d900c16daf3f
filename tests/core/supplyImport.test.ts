import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/core/db/schema';
import { fieldOfHeader } from '../../src/core/excel/import/fields';
import type { ImportProblem } from '../../src/shared/contracts/imports';
import { AN_GIANG, call, openTestApp, XA_VINH_AN, XA_VINH_BINH } from './support';
import { analyze, commitOf, previewOf, proposedMapping, settle, stage, undoOf } from './importWorkbooks';

type TestApp = ReturnType<typeof openTestApp>;
let app: TestApp;
let programmeId = 0;

beforeEach(async () => {
  app = openTestApp(new Date('2026-05-20T05:00:00Z'));
  await call(app, 'alliance:save', { name: 'Liên minh Hợp tác xã tỉnh An Giang', provinceCode: AN_GIANG });
  await call(app, 'organizations:create', { kind: 'htx', name: 'HTX Nông nghiệp Vĩnh Bình', registrationNo: '1600123456', communeCode: XA_VINH_AN });
  await call(app, 'organizations:create', { kind: 'htx', name: 'HTX Xoài cát Phú Thạnh', communeCode: XA_VINH_BINH });
  await call(app, 'partners:create', { kind: 'enterprise', name: 'Saigon Co.op', taxCode: '0301175691', provinceCode: '79' });
  await call(app, 'partners:create', { kind: 'enterprise', name: 'Công ty Cổ phần Thực phẩm Hà Nội', provinceCode: '01' });
  programmeId = (await call(app, 'programmes:create', { name: 'Kết nối cung – cầu 2026', startsOn: '2026-01-01' })).id;
});
afterEach(() => app.close());

/** Previews a staged list into the programme, returning the preview job and its rows. */
/** Previews the file into the programme `into`; with null, into none. */
async function preview(fileId: string, kind: 'offers' | 'demands', into: number | null = programmeId) {
  const { jobId, analysis } = await analyze(app, fileId, kind);
  const started = await call(app, 'imports:preview', { analysisJobId: jobId, mapping: proposedMapping(analysis), ...(into === null ? {} : { programmeId: into }) });
  const status = await settle(app, started.jobId);
  if (status.state !== 'done') throw new Error(status.error?.message ?? status.state);
  return { analysis, jobId: started.jobId, preview: await call(app, 'imports:previewResult', { jobId: started.jobId, pageSize: 500 }) };
}

/** Each previewed row with its problems and its notes, each as "cell: message". */
function rowsSaid(shown: { page: { rows: { row: number; status: string; problems: ImportProblem[]; notes: ImportProblem[] }[] } }) {
  const said = (list: ImportProblem[]) => list.map((item) => `${item.cell}: ${item.message}`);
  return shown.page.rows.map((row) => [row.row, row.status, said(row.problems), said(row.notes)]);
}

describe('importing offers', () => {
  it('reads the list the office receives: the organization matched, the group recognised, the unit as written', async () => {
    const csv = [
      'Mã số HTX;Tên HTX;Địa chỉ;Tên sản phẩm;Sản lượng;ĐVT;Thu hoạch từ;Thu hoạch đến;Giá bán (đồng);Ghi chú',
      '1600123456;HTX NN Vĩnh Bình;xã Vĩnh An;Gạo thơm ST 25;"120";Tấn;01/06/2026;31/07/2026;18.500.000;vụ Hè Thu',
      ';HTX Xoài cát Phú Thạnh;Xã Vĩnh Bình;Xoài cát Hòa Lộc;"12.500,5";kg;15/06/2026;;45.000;',
      ';HTX Xoài cát Phú Thạnh;Xã Vĩnh Bình;Phân bón;10;bịch;01/06/2026;;;',
      ';HTX Không Có;Xã Vĩnh Bình;Gạo;10;tấn;01/06/2026;;;',
    ].join('\n');
    const { analysis, jobId, preview: shown } = await preview(stage(app, 'Nguon cung.csv', csv), 'offers');
    expect(analysis.columns.map((column) => column.field)).toEqual([
      'registrationNo',
      'organizationName',
      'address',
      'product',
      'quantity',
      'unit',
      'availableFrom',
      'availableUntil',
      'priceMin',
      'note',
    ]);
    expect(shown.page.rows.map((row) => [row.row, row.status, row.problems.map((problem) => `${problem.cell}: ${problem.message}`)])).toEqual([
      [2, 'valid', []],
      [3, 'valid', []],
      [
        4,
        'invalid',
        [
          'D4: Chưa rõ «Phân bón» thuộc nhóm sản phẩm nào; hãy thêm cột Nhóm sản phẩm, hoặc thêm từ khóa cho nhóm ở Kết nối cung – cầu → Danh mục.',
          'F4: Đơn vị tính «bịch» không có trong danh mục; ghi tấn, kg, quả, lít… hoặc thêm đơn vị ở Kết nối cung – cầu → Danh mục.',
        ],
      ],
      [
        5,
        'invalid',
        ['B5: Không tìm thấy «HTX Không Có» trong danh sách Thành viên ở xã Vĩnh Bình; hãy nhập tổ chức trước, hoặc ghi đúng mã số HTX.'],
      ],
    ]);
    const { summary } = await commitOf(app, { previewJobId: jobId, decisions: [] });
    expect(summary).toMatchObject({ created: 2, failed: 2 });
    const offers = await call(app, 'offers:list', { programmeId });
    expect(offers.rows.map((row) => [row.organization.name, row.product, row.productGroupName, row.quantity, row.unitName, row.availableFrom, row.availableUntil, row.priceMin, row.placeName])).toEqual([
      ['HTX Xoài cát Phú Thạnh', 'Xoài cát Hòa Lộc', 'Trái cây', 12_500.5, 'kg', '2026-06-15', null, 45_000, 'Xã Vĩnh Bình, Tỉnh An Giang'],
      ['HTX Nông nghiệp Vĩnh Bình', 'Gạo thơm ST 25', 'Lúa gạo', 120, 'tấn', '2026-06-01', '2026-07-31', 18_500_000, 'Xã Vĩnh An, Tỉnh An Giang'],
    ]);

    // The same list again: the offers are found, and only what changed is written.
    const again = csv.replace('"120"', '"150"');
    const second = await preview(stage(app, 'Nguon cung lan 2.csv', again), 'offers');
    expect(second.preview.page.rows.slice(0, 2).map((row) => [row.match?.reason, row.match?.name, row.defaultAction])).toEqual([
      ['existing', 'Gạo thơm ST 25', 'update'],
      ['existing', 'Xoài cát Hòa Lộc', 'update'],
    ]);
    const { summary: updated } = await commitOf(app, { previewJobId: second.jobId, decisions: [] });
    expect(updated).toMatchObject({ created: 0, updated: 1, skipped: 1 });
    expect((await call(app, 'offers:list', { search: 'st 25' })).rows.map((row) => row.quantity)).toEqual([150]);

    // Undone in order: the quantity back, then the offers gone.
    expect((await undoOf(app, updated.batchId ?? 0)).error).toBeNull();
    expect((await call(app, 'offers:list', { search: 'st 25' })).rows.map((row) => row.quantity)).toEqual([120]);
    expect((await undoOf(app, summary.batchId ?? 0)).error).toBeNull();
    expect((await call(app, 'offers:list', {})).total).toBe(0);
    // The audit trail keeps what the undo took away, in raw values.
    const removed = app.ctx.db
      .select({ before: auditLog.before })
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'offer'), eq(auditLog.action, 'delete')))
      .all()
      .map(({ before }) => before as { product: string; quantity: unknown; availableFrom: string });
    expect(removed.map(({ product, quantity, availableFrom }) => [product, quantity, availableFrom]).sort()).toEqual([
      ['Gạo thơm ST 25', { quantity: 120, unitCode: 'tan', unit: 'tấn' }, '2026-06-01'],
      ['Xoài cát Hòa Lộc', { quantity: 12_500.5, unitCode: 'kg', unit: 'kg' }, '2026-06-15'],
    ]);
  });

  it('reads a quantity written with its unit and a price as a range, says how; refuses a price for another unit with the figure to write', async () => {
    const csv = [
      'Tên HTX;Địa chỉ;Tên sản phẩm;Sản lượng;ĐVT;Thu hoạch từ;Giá bán',
      'HTX NN Vĩnh Bình;xã Vĩnh An;Gạo ST25;1,5 tấn;;01/06/2026;25 nghìn/kg',
      'HTX NN Vĩnh Bình;xã Vĩnh An;Lúa OM 18;20;tấn;01/06/2026;7.500 đ/kg',
      'HTX Xoài cát Phú Thạnh;Xã Vĩnh Bình;Xoài cát Hòa Lộc;500;kg;15/06/2026;12 – 15 nghìn',
      'HTX Xoài cát Phú Thạnh;Xã Vĩnh Bình;Xoài Đài Loan;2 tạ;;15/06/2026;12.000 đến 15.000 đ/kg',
      'HTX Xoài cát Phú Thạnh;Xã Vĩnh Bình;Xoài keo;3 tấn;kg;15/06/2026;',
      'HTX Xoài cát Phú Thạnh;Xã Vĩnh Bình;Xoài tượng;3;tấn;15/06/2026;20.000 đ/trái',
      'HTX Xoài cát Phú Thạnh;Xã Vĩnh Bình;Xoài ghép;3 tấn/năm;;15/06/2026;',
      'HTX NN Vĩnh Bình;xã Vĩnh An;Gạo tấm;2;tấn;01/06/2026;3.250,5 đ/kg',
      'HTX Xoài cát Phú Thạnh;Xã Vĩnh Bình;Xoài thanh ca;1.200 trái;tấn;15/06/2026;',
      'HTX NN Vĩnh Bình;xã Vĩnh An;Gạo nàng hoa;1,5 tấn;tấn;01/06/2026;',
    ].join('\n');
    const { jobId, preview: shown } = await preview(stage(app, 'Nguon cung co don vi.csv', csv), 'offers');
    expect(rowsSaid(shown)).toEqual([
      // A price per another unit of the quantity's kind: the figure per the row's unit to write, as the forms say it — never converted for the person.
      [2, 'invalid', ['G2: Giá từ ghi theo kg, còn số lượng tính bằng tấn: 25.000 đồng/kg là 25.000.000 đồng/tấn. Hãy ghi 25.000.000 đồng/tấn.'], ['D2: Số lượng: ghi nhận là 1,5 tấn (đơn vị ghi cùng ô).']],
      [3, 'invalid', ['G3: Giá từ ghi theo kg, còn số lượng tính bằng tấn: 7.500 đồng/kg là 7.500.000 đồng/tấn. Hãy ghi 7.500.000 đồng/tấn.'], []],
      [4, 'valid', [], ['G4: Giá từ: ghi một khoảng giá, ghi nhận là từ 12.000 đến 15.000 đồng/kg.']],
      [
        5,
        'invalid',
        ['G5: Giá từ ghi theo kg, còn số lượng tính bằng tạ: 12.000 – 15.000 đồng/kg là 1.200.000 – 1.500.000 đồng/tạ. Hãy ghi 1.200.000 – 1.500.000 đồng/tạ.'],
        ['D5: Số lượng: ghi nhận là 2 tạ (đơn vị ghi cùng ô).'],
      ],
      // Written with another unit of its kind than Đơn vị tính: the figure to write, not written for the person.
      [6, 'invalid', ['D6: Số lượng ghi 3 tấn, còn cột Đơn vị tính ghi «kg»: 3 tấn là 3.000 kg. Hãy ghi 3.000, hoặc sửa Đơn vị tính thành tấn.'], []],
      [7, 'invalid', ['G7: Giá từ ghi theo quả, còn số lượng tính bằng tấn, hai đơn vị không đổi ra nhau được; hãy ghi giá theo tấn.'], []],
      [
        8,
        'invalid',
        // An offer's quantity is the whole of its window, not a rate.
        ['D8: Số lượng ghi theo «năm»; số lượng của dòng là tổng số trong khoảng từ ngày đến ngày của dòng, hãy ghi tổng số đó với đơn vị, ví dụ «2 tấn».'],
        [],
      ],
      // A price per kilogram said as written, its decimals too.
      [9, 'invalid', ['G9: Giá từ ghi theo kg, còn số lượng tính bằng tấn: 3.250,5 đồng/kg là 3.250.500 đồng/tấn. Hãy ghi 3.250.500 đồng/tấn.'], []],
      [10, 'invalid', ['D10: Số lượng ghi đơn vị «trái», còn cột Đơn vị tính ghi «tấn», hai đơn vị khác loại không đổi ra nhau được; hãy để một đơn vị.'], []],
      // The same unit in both: read.
      [11, 'valid', [], []],
    ]);
    expect((await commitOf(app, { previewJobId: jobId, decisions: [] })).summary).toMatchObject({ created: 2, failed: 8 });
    const offers = await call(app, 'offers:list', { programmeId });
    expect(offers.rows.map((row) => [row.product, row.quantity, row.unitName, row.priceMin, row.priceMax]).sort()).toEqual([
      ['Gạo nàng hoa', 1.5, 'tấn', null, null],
      ['Xoài cát Hòa Lộc', 500, 'kg', 12_000, 15_000],
    ]);
  });

  it('reads an estimated quantity as its number and a range as its lower end, a price «thỏa thuận» as none, and says each', async () => {
    const csv = [
      'Tên HTX;Địa chỉ;Tên sản phẩm;Sản lượng;ĐVT;Thu hoạch từ;Giá bán;Giao hàng',
      'HTX NN Vĩnh Bình;xã Vĩnh An;Lúa OM 18;50-60;tấn;01/06/2026;7.500.000 đ/tấn;',
      'HTX NN Vĩnh Bình;xã Vĩnh An;Gạo ST25;khoảng 20;tấn;01/06/2026;thỏa thuận;Thỏa thuận',
      'HTX Xoài cát Phú Thạnh;Xã Vĩnh Bình;Xoài cát Hòa Lộc;1.000 – 1.500 kg;;15/06/2026;Liên hệ;',
      'HTX Xoài cát Phú Thạnh;Xã Vĩnh Bình;Xoài keo;60-50;tấn;15/06/2026;;',
      'HTX Xoài cát Phú Thạnh;Xã Vĩnh Bình;Xoài tượng;vài tấn;;15/06/2026;;',
    ].join('\n');
    const { jobId, preview: shown } = await preview(stage(app, 'Nguon cung uoc.csv', csv), 'offers');
    expect(rowsSaid(shown)).toEqual([
      [2, 'valid', [], ['D2: Số lượng: «50-60» là một khoảng, ghi nhận số thấp là 50.']],
      [3, 'valid', [], ['D3: Số lượng: «khoảng 20» ghi nhận là 20.', 'G3: Giá từ: «thỏa thuận» ghi nhận là để trống.']],
      [
        4,
        'valid',
        [],
        ['D4: Số lượng: «1.000 – 1.500 kg» là một khoảng, ghi nhận số thấp là 1.000.', 'G4: Giá từ: «Liên hệ» ghi nhận là để trống.', 'D4: Số lượng: ghi nhận là 1.000 kg (đơn vị ghi cùng ô).'],
      ],
      [5, 'invalid', ['D5: Số lượng: «60-50» không phải số.'], []],
      [6, 'invalid', ['D6: Số lượng: «vài tấn» không phải số.', 'E6: Chưa chọn đơn vị tính.'], []],
    ]);
    expect((await commitOf(app, { previewJobId: jobId, decisions: [] })).summary).toMatchObject({ created: 3, failed: 2 });
    const offers = await call(app, 'offers:list', { programmeId });
    expect(offers.rows.map((row) => [row.product, row.quantity, row.unitName, row.priceMin]).sort()).toEqual([
      ['Gạo ST25', 20, 'tấn', null],
      ['Lúa OM 18', 50, 'tấn', 7_500_000],
      ['Xoài cát Hòa Lộc', 1000, 'kg', null],
    ]);
    // «Thỏa thuận» says no price in a price column, and how goods are delivered in its own.
    expect(app.ctx.db.$client.prepare("SELECT delivery_terms FROM supply_offers WHERE product = 'Gạo ST25'").pluck().get()).toBe('Thỏa thuận');
  });

  it('takes a quantity written as a rate over a window of whole months, days or years as the whole of the window, and says how', async () => {
    const csv = [
      'Tên HTX;Địa chỉ;Tên sản phẩm;Sản lượng;ĐVT;Thời gian thu hoạch',
      'HTX NN Vĩnh Bình;xã Vĩnh An;Nấm rơm;500;kg/tháng;01/01/2026 - 31/12/2026',
      'HTX NN Vĩnh Bình;xã Vĩnh An;Rau muống;2 tấn/ngày;;tháng 6-8/2026',
      'HTX Xoài cát Phú Thạnh;Xã Vĩnh Bình;Gạo ST25;100 tấn/năm;;năm 2026',
      'HTX Xoài cát Phú Thạnh;Xã Vĩnh Bình;Xoài cát Hòa Lộc;3 tấn/tháng;;15/06/2026 - 15/08/2026',
      'HTX Xoài cát Phú Thạnh;Xã Vĩnh Bình;Xoài keo;5 tấn/vụ;;tháng 6-8/2026',
    ].join('\n');
    const { jobId, preview: shown } = await preview(stage(app, 'Nguon cung theo thang.csv', csv), 'offers');
    const periodNote = (row: number, column: string, from: string, until: string) => expect.stringMatching(new RegExp(`^${column}${row}: Thời gian có hàng: .* từ ${from} đến ${until}\\.$`)) as unknown;
    expect(rowsSaid(shown)).toEqual([
      [2, 'valid', [], ['E2: Số lượng: 500 kg/tháng trong 12 tháng (01/01/2026 – 31/12/2026) ghi nhận là 6.000 kg.']],
      [3, 'valid', [], [periodNote(3, 'F', '01/06/2026', '31/08/2026'), 'D3: Số lượng: 2 tấn/ngày trong 92 ngày (01/06/2026 – 31/08/2026) ghi nhận là 184 tấn.']],
      [4, 'valid', [], [periodNote(4, 'F', '01/01/2026', '31/12/2026'), 'D4: Số lượng: 100 tấn/năm trong 1 năm (01/01/2026 – 31/12/2026) ghi nhận là 100 tấn.']],
      // Not whole months, or per a season of no fixed length: the total is asked for.
      [5, 'invalid', ['D5: Số lượng ghi theo «tháng»; số lượng của dòng là tổng số trong khoảng từ ngày đến ngày của dòng, hãy ghi tổng số đó với đơn vị, ví dụ «2 tấn».'], []],
      [6, 'invalid', ['D6: Số lượng ghi theo «vụ»; số lượng của dòng là tổng số trong khoảng từ ngày đến ngày của dòng, hãy ghi tổng số đó với đơn vị, ví dụ «2 tấn».'], [periodNote(6, 'F', '01/06/2026', '31/08/2026')]],
    ]);
    expect((await commitOf(app, { previewJobId: jobId, decisions: [] })).summary).toMatchObject({ created: 3, failed: 2 });
    const offers = await call(app, 'offers:list', { programmeId });
    expect(offers.rows.map((row) => [row.product, row.quantity, row.unitName]).sort()).toEqual([
      ['Gạo ST25', 100, 'tấn'],
      ['Nấm rơm', 6000, 'kg'],
      ['Rau muống', 184, 'tấn'],
    ]);
  });

  it('says a quantity with decimals as written, in its estimate, its range and its rate', async () => {
    const csv = [
      'Tên HTX;Địa chỉ;Tên sản phẩm;Sản lượng;ĐVT;Thời gian thu hoạch',
      'HTX NN Vĩnh Bình;xã Vĩnh An;Dưa leo;2,5;tấn/tháng;tháng 6-9/2026',
      'HTX NN Vĩnh Bình;xã Vĩnh An;Nấm rơm;0,1 tấn/tháng;;tháng 6-8/2026',
      'HTX Xoài cát Phú Thạnh;Xã Vĩnh Bình;Gạo ST25;khoảng 1,5;tấn;tháng 6/2026',
      'HTX Xoài cát Phú Thạnh;Xã Vĩnh Bình;Xoài cát Hòa Lộc;1,5 - 2;tấn;tháng 6/2026',
    ].join('\n');
    const { jobId, preview: shown } = await preview(stage(app, 'Nguon cung so le.csv', csv), 'offers');
    expect(shown.page.rows.map((row) => row.notes.filter((note) => note.message.startsWith('Số lượng')).map((note) => `${note.cell}: ${note.message}`))).toEqual([
      ['E2: Số lượng: 2,5 tấn/tháng trong 4 tháng (01/06/2026 – 30/09/2026) ghi nhận là 10 tấn.'],
      ['D3: Số lượng: 0,1 tấn/tháng trong 3 tháng (01/06/2026 – 31/08/2026) ghi nhận là 0,3 tấn.'],
      ['D4: Số lượng: «khoảng 1,5» ghi nhận là 1,5.'],
      ['D5: Số lượng: «1,5 - 2» là một khoảng, ghi nhận số thấp là 1,5.'],
    ]);
    expect((await commitOf(app, { previewJobId: jobId, decisions: [] })).summary).toMatchObject({ created: 4, failed: 0 });
    const offers = await call(app, 'offers:list', { programmeId });
    expect(offers.rows.map((row) => [row.product, row.quantity, row.unitName]).sort()).toEqual([
      ['Dưa leo', 10, 'tấn'],
      ['Gạo ST25', 1.5, 'tấn'],
      ['Nấm rơm', 0.3, 'tấn'],
      ['Xoài cát Hòa Lộc', 1.5, 'tấn'],
    ]);
  });

  it('takes a price column whose header names its unit ("Giá bán (nghìn đồng/kg)") as prices for that unit, refused with the figure for a quantity in another', async () => {
    const csv = [
      'Tên HTX;Địa chỉ;Tên sản phẩm;Sản lượng;ĐVT;Thu hoạch từ;Giá bán (nghìn đồng/kg)',
      'HTX NN Vĩnh Bình;xã Vĩnh An;Gạo ST25;30;tấn;01/06/2026;25',
      'HTX Xoài cát Phú Thạnh;Xã Vĩnh Bình;Xoài cát Hòa Lộc;500;kg;15/06/2026;12 – 15',
      'HTX Xoài cát Phú Thạnh;Xã Vĩnh Bình;Xoài tượng;3;tấn;15/06/2026;20 nghìn/trái',
      'HTX Xoài cát Phú Thạnh;Xã Vĩnh Bình;Dừa xiêm;2.000;quả;15/06/2026;8',
    ].join('\n');
    const { jobId, preview: shown } = await preview(stage(app, 'Nguon cung gia theo kg.csv', csv), 'offers');
    expect(rowsSaid(shown)).toEqual([
      [2, 'invalid', ['G2: Giá từ ghi theo kg, còn số lượng tính bằng tấn: 25.000 đồng/kg là 25.000.000 đồng/tấn. Hãy ghi 25.000.000 đồng/tấn.'], []],
      [3, 'valid', [], ['G3: Giá từ: ghi một khoảng giá, ghi nhận là từ 12.000 đến 15.000 đồng/kg.']],
      // A cell that names its own unit is taken at its word, not the header's.
      [4, 'invalid', ['G4: Giá từ ghi theo quả, còn số lượng tính bằng tấn, hai đơn vị không đổi ra nhau được; hãy ghi giá theo tấn.'], []],
      [5, 'invalid', ['G5: Giá từ ghi theo kg, còn số lượng tính bằng quả, hai đơn vị không đổi ra nhau được; hãy ghi giá theo quả.'], []],
    ]);
    expect((await commitOf(app, { previewJobId: jobId, decisions: [] })).summary).toMatchObject({ created: 1, failed: 3 });
    const offers = await call(app, 'offers:list', { programmeId });
    expect(offers.rows.map((row) => [row.product, row.priceMin, row.priceMax]).sort()).toEqual([['Xoài cát Hòa Lộc', 12_000, 15_000]]);
  });

  it('takes the unit a quantity column\'s header names ("Sản lượng (tấn)"), without a column Đơn vị tính', async () => {
    const csv = [
      'Tên HTX;Địa chỉ;Tên sản phẩm;Sản lượng (tấn);Thu hoạch từ;Giá bán (đồng/kg)',
      'HTX NN Vĩnh Bình;xã Vĩnh An;Gạo ST25;30;01/06/2026;25.000',
      // A cell that names its own unit is taken at its word.
      'HTX Xoài cát Phú Thạnh;Xã Vĩnh Bình;Xoài cát Hòa Lộc;500 kg;15/06/2026;30.000',
    ].join('\n');
    const { jobId, preview: shown } = await preview(stage(app, 'Nguon cung san luong tan.csv', csv), 'offers');
    expect(rowsSaid(shown)).toEqual([
      [2, 'invalid', ['F2: Giá từ ghi theo kg, còn số lượng tính bằng tấn: 25.000 đồng/kg là 25.000.000 đồng/tấn. Hãy ghi 25.000.000 đồng/tấn.'], []],
      [3, 'valid', [], ['D3: Số lượng: ghi nhận là 500 kg (đơn vị ghi cùng ô).']],
    ]);
    // Other words in the header's brackets name no unit: the list still needs its Đơn vị tính.
    const described = csv.replace('Sản lượng (tấn)', 'Sản lượng (dự kiến)');
    await expect(preview(stage(app, 'Nguon cung du kien.csv', described), 'offers')).rejects.toThrow('Chưa ghép cột cho: Đơn vị tính.');
    expect((await commitOf(app, { previewJobId: jobId, decisions: [] })).summary).toMatchObject({ created: 1, failed: 1 });
    const offers = await call(app, 'offers:list', { programmeId });
    expect(offers.rows.map((row) => [row.product, row.quantity, row.unitName, row.priceMin]).sort()).toEqual([['Xoài cát Hòa Lộc', 500, 'kg', 30_000]]);
  });

  it('refuses a unit written as a rate in Đơn vị tính ("kg/tháng"), at that column', async () => {
    const csv = ['Tên HTX;Địa chỉ;Tên sản phẩm;Sản lượng;ĐVT;Thu hoạch từ', 'HTX Xoài cát Phú Thạnh;Xã Vĩnh Bình;Xoài cát Hòa Lộc;500;kg/tháng;15/06/2026'].join('\n');
    const { preview: shown } = await preview(stage(app, 'Nguon cung theo thang.csv', csv), 'offers');
    expect(rowsSaid(shown)).toEqual([
      [2, 'invalid', ['E2: Số lượng ghi theo «tháng»; số lượng của dòng là tổng số trong khoảng từ ngày đến ngày của dòng, hãy ghi tổng số đó với đơn vị, ví dụ «2 tấn».'], []],
    ]);
  });
});

describe('a period written in one cell', () => {
  it('reads «Quanh năm» as the whole year the list’s title names, when the list goes into no programme, and says so', async () => {
    const csv = [
      'TỔNG HỢP NGUỒN CUNG SẢN PHẨM NĂM 2026',
      'Tên HTX;Địa chỉ;Tên sản phẩm;Sản lượng;ĐVT;Thời gian thu hoạch',
      'HTX NN Vĩnh Bình;xã Vĩnh An;Rau muống;20;tấn;Quanh năm',
    ].join('\n');
    const untitled = csv.split('\n').slice(1).join('\n');
    const { jobId, preview: shown } = await preview(stage(app, 'Nguon cung quanh nam.csv', csv), 'offers', null);
    expect(rowsSaid(shown)).toEqual([[3, 'valid', [], ['F3: Thời gian có hàng: «Quanh năm» ghi nhận là cả năm 2026, năm của danh sách: từ 01/01/2026 đến 31/12/2026.']]]);
    await commitOf(app, { previewJobId: jobId, decisions: [] });
    const offers = await call(app, 'offers:list', {});
    expect(offers.rows.map((row) => [row.product, row.availableFrom, row.availableUntil])).toEqual([['Rau muống', '2026-01-01', '2026-12-31']]);
    // A list of next year's supply is of that year (the test's today is 20/05/2026); one of the year after, not yet.
    const nextYear = csv.replace('NĂM 2026', 'NĂM 2027');
    const { preview: planned } = await preview(stage(app, 'Nguon cung 2027.csv', nextYear), 'offers', null);
    expect(rowsSaid(planned)[0]?.[3]).toEqual(['F3: Thời gian có hàng: «Quanh năm» ghi nhận là cả năm 2027, năm của danh sách: từ 01/01/2027 đến 31/12/2027.']);
    const { preview: tooFar } = await preview(stage(app, 'Nguon cung 2028.csv', csv.replace('NĂM 2026', 'NĂM 2028')), 'offers', null);
    expect(rowsSaid(tooFar)[0]?.[1]).toBe('invalid');
    // Without a year in its title, the list does not say which year.
    const { preview: yearless } = await preview(stage(app, 'Nguon cung khong nam.csv', untitled), 'offers', null);
    expect(rowsSaid(yearless)).toEqual([
      [2, 'invalid', ['F2: Thời gian có hàng: «Quanh năm» không nói năm nào; hãy ghi năm («năm 2025») hoặc khoảng ngày («01/01/2025 – 31/12/2025»), hoặc chọn chương trình cho cả tệp.'], []],
    ]);
  });

  it('gives an offer its first and last day: a day, a range, months, a quarter, a year; says how, and refuses what names no time', async () => {
    const csv = [
      'Tên HTX;Địa chỉ;Tên sản phẩm;Sản lượng;ĐVT;Thời gian thu hoạch',
      'HTX NN Vĩnh Bình;xã Vĩnh An;Gạo ST25;30;tấn;15/6/2026',
      'HTX NN Vĩnh Bình;xã Vĩnh An;Gạo Jasmine;20;tấn;01/07/2026 - 30/09/2026',
      'HTX Xoài cát Phú Thạnh;Xã Vĩnh Bình;Xoài cát Hòa Lộc;500;kg;Tháng 3-5/2026',
      'HTX Xoài cát Phú Thạnh;Xã Vĩnh Bình;Xoài Đài Loan;300;kg;15/6 – 15/8/2026',
      'HTX Xoài cát Phú Thạnh;Xã Vĩnh Bình;Xoài keo;200;kg;Quý III/2026',
      'HTX NN Vĩnh Bình;xã Vĩnh An;Nếp;10;tấn;Quanh năm',
      'HTX NN Vĩnh Bình;xã Vĩnh An;Lúa giống;5;tấn;Vụ Đông Xuân 2026',
      'HTX NN Vĩnh Bình;xã Vĩnh An;Gạo tấm;5;tấn;30/09/2026 - 01/07/2026',
    ].join('\n');
    const { analysis, jobId, preview: shown } = await preview(stage(app, 'Nguon cung thoi gian.csv', csv), 'offers');
    expect(analysis.columns.map((column) => column.field)).toEqual(['organizationName', 'address', 'product', 'quantity', 'unit', 'availablePeriod']);
    expect(rowsSaid(shown)).toEqual([
      [2, 'valid', [], []],
      [3, 'valid', [], []],
      [4, 'valid', [], ['F4: Thời gian có hàng: «Tháng 3-5/2026» ghi nhận là từ 01/03/2026 đến 31/05/2026.']],
      [5, 'valid', [], ['F5: Thời gian có hàng: «15/6 – 15/8/2026» ghi nhận là từ 15/06/2026 đến 15/08/2026.']],
      [6, 'valid', [], ['F6: Thời gian có hàng: «Quý III/2026» ghi nhận là từ 01/07/2026 đến 30/09/2026.']],
      // Year-round is the programme's time: the list goes into one that runs from 01/01/2026 on.
      [7, 'valid', [], ['F7: Thời gian có hàng: «Quanh năm» ghi nhận là thời gian của chương trình «Kết nối cung – cầu 2026»: từ 01/01/2026.']],
      [
        8,
        'invalid',
        [
          'F8: Thời gian có hàng: «Vụ Đông Xuân 2026» không đọc được thành thời gian; hãy ghi ngày (15/03/2025), khoảng ngày (01/05/2025 – 30/09/2025), tháng (tháng 3/2025, tháng 3–5/2025), quý (quý II/2025) hoặc năm (năm 2025).',
        ],
        [],
      ],
      [9, 'invalid', ['F9: Thời gian có hàng: «30/09/2026 - 01/07/2026» kết thúc (01/07/2026) trước khi bắt đầu (30/09/2026).'], []],
    ]);
    expect((await commitOf(app, { previewJobId: jobId, decisions: [] })).summary).toMatchObject({ created: 6, failed: 2 });
    const offers = await call(app, 'offers:list', { programmeId });
    expect(offers.rows.map((row) => [row.product, row.availableFrom, row.availableUntil]).sort()).toEqual([
      ['Gạo Jasmine', '2026-07-01', '2026-09-30'],
      ['Gạo ST25', '2026-06-15', null],
      ['Nếp', '2026-01-01', null],
      ['Xoài cát Hòa Lộc', '2026-03-01', '2026-05-31'],
      ['Xoài keo', '2026-07-01', '2026-09-30'],
      ['Xoài Đài Loan', '2026-06-15', '2026-08-15'],
    ]);
  });

  it('gives a demand the days it is needed, and leaves a column of its own for the first day the last word', async () => {
    const csv = ['Đơn vị thu mua;Mặt hàng cần mua;Số lượng;ĐVT;Thời gian;Từ ngày', 'Saigon Co.op;Gạo ST25;50;tấn;tháng 6/2026;', 'Saigon Co.op;Xoài cát;2;tấn;tháng 6/2026;10/06/2026'].join('\n');
    const { analysis, jobId, preview: shown } = await preview(stage(app, 'Nhu cau thoi gian.csv', csv), 'demands');
    expect(analysis.columns.map((column) => column.field)).toEqual(['buyerName', 'product', 'quantity', 'unit', 'neededPeriod', 'neededFrom']);
    expect(rowsSaid(shown)).toEqual([
      [2, 'valid', [], ['E2: Thời gian cần hàng: «tháng 6/2026» ghi nhận là từ 01/06/2026 đến 30/06/2026.']],
      [3, 'valid', [], ['E3: Thời gian cần hàng: «tháng 6/2026» ghi nhận là từ 01/06/2026 đến 30/06/2026.']],
    ]);
    await commitOf(app, { previewJobId: jobId, decisions: [] });
    const demands = await call(app, 'demands:list', {});
    expect(demands.rows.map((row) => [row.product, row.neededFrom, row.neededUntil]).sort()).toEqual([
      ['Gạo ST25', '2026-06-01', '2026-06-30'],
      ['Xoài cát', '2026-06-10', '2026-06-30'],
    ]);
  });
});

describe('headers of supply and demand lists', () => {
  it.each([
    ['offers', 'Giá bán dự kiến', 'priceMin'],
    ['offers', 'Giá dự kiến (đồng/kg)', 'priceMin'],
    ['demands', 'Giá mua dự kiến', 'priceMin'],
    ['demands', 'Giá thấp nhất', 'priceMin'],
    ['demands', 'Giá mua tối đa', 'priceMax'],
    ['demands', 'Thời gian nhận hàng', 'neededPeriod'],
    ['demands', 'Loại đối tác', 'buyerKind'],
    // The goods' grade ("Loại 1"), not the buyer's kind.
    ['demands', 'Loại', null],
  ] as const)('reads «%s» «%s» as %s', (kind, header, field) => {
    expect(fieldOfHeader(kind, header)).toBe(field);
  });
});

describe('importing demands', () => {
  it('matches the buyer among the partners by tax code or name, and reads the certificates asked for', async () => {
    const csv = [
      'Đơn vị thu mua;MST;Mặt hàng cần mua;Số lượng;ĐVT;Từ ngày;Đến ngày;Tiêu chuẩn;Nơi giao hàng',
      'Co.op Mart;0301175691;Gạo ST25;50;tấn;15/06/2026;30/06/2026;VietGAP;Kho Bình Chánh',
      'Công ty CP Thực phẩm Hà Nội;;Trứng gà;10.000;quả;01/07/2026;;OCOP 3 sao, hữu cơ;',
      'Anh Ba Không Có;;Xoài;5;tấn;01/07/2026;;Tiêu chuẩn châu Âu;',
    ].join('\n');
    const { jobId, preview: shown } = await preview(stage(app, 'Nhu cau.csv', csv), 'demands');
    expect(shown.page.rows.map((row) => [row.row, row.status, row.problems.map((problem) => `${problem.cell}: ${problem.message}`)])).toEqual([
      [2, 'valid', []],
      [3, 'valid', []],
      [
        4,
        'invalid',
        [
          'A4: Không tìm thấy «Anh Ba Không Có» trong danh sách Đối tác, và tên không cho biết loại đối tác để thêm mới; hãy ghép một cột Loại đối tác, thêm đối tác trước (Đối tác → Thêm đối tác, hoặc nhập danh sách đối tác), hoặc ghi đúng mã số thuế.',
          'H4: Chứng nhận «Tiêu chuẩn châu Âu» không có trong danh mục; ghi OCOP, VietGAP, GlobalGAP, Hữu cơ, An toàn thực phẩm, Mã số vùng trồng, Truy xuất nguồn gốc, Công bố chất lượng, Bảo hộ sở hữu trí tuệ.',
        ],
      ],
    ]);
    const { summary } = await commitOf(app, { previewJobId: jobId, decisions: [] });
    expect(summary).toMatchObject({ created: 2, failed: 1, partnersAdded: 0 });
    const demands = await call(app, 'demands:list', {});
    expect(demands.rows.map((row) => [row.buyer.name, row.product, row.quantity, row.unitName, row.deliveryProvinceName, row.deliveryPlace, row.programmeId])).toEqual([
      ['Công ty Cổ phần Thực phẩm Hà Nội', 'Trứng gà', 10_000, 'quả', 'Thành phố Hà Nội', '', programmeId],
      ['Saigon Co.op', 'Gạo ST25', 50, 'tấn', 'Thành phố Hồ Chí Minh', 'Kho Bình Chánh', programmeId],
    ]);
    const eggs = await call(app, 'demands:get', { id: demands.rows[0]?.id ?? 0 });
    expect(eggs.requirements).toEqual([
      { kindCode: 'ocop', kindName: 'OCOP', minStars: 3 },
      { kindCode: 'huu_co', kindName: 'Hữu cơ', minStars: null },
    ]);
  });

  it('reads a buyer\'s ceiling («tối đa 45 nghìn», a column Giá tối đa) as Giá đến alone and says how; one per another unit is refused with the figure', async () => {
    const csv = [
      'Đơn vị thu mua;MST;Mặt hàng cần mua;Số lượng;ĐVT;Từ ngày;Giá mua;Giá tối đa',
      'Co.op Mart;0301175691;Gạo ST25;50;tấn;15/06/2026;đến 15.000 đ/kg;',
      'Co.op Mart;0301175691;Xoài cát;500;kg;15/06/2026;tối đa 45 nghìn;',
      'Co.op Mart;0301175691;Nấm rơm;200;kg;15/06/2026;;60.000',
      'Co.op Mart;0301175691;Rau muống;1;tấn;15/06/2026;;không quá 12.000 đ/kg',
      'Co.op Mart;0301175691;Trứng gà;10.000;quả;15/06/2026;đến 3.000;3.500',
      'Co.op Mart;0301175691;Tiêu;1;tấn;15/06/2026;đến 12.000 – 15.000;',
    ].join('\n');
    const { analysis, jobId, preview: shown } = await preview(stage(app, 'Nhu cau gia tran.csv', csv), 'demands');
    expect(analysis.columns.map((column) => column.field).slice(6)).toEqual(['priceMin', 'priceMax']);
    expect(rowsSaid(shown)).toEqual([
      [2, 'invalid', ['G2: Giá từ ghi theo kg, còn số lượng tính bằng tấn: đến 15.000 đồng/kg là đến 15.000.000 đồng/tấn. Hãy ghi đến 15.000.000 đồng/tấn.'], []],
      [3, 'valid', [], ['G3: Giá từ: ghi giá cao nhất, ghi nhận là Giá đến 45.000 đồng/kg.']],
      [4, 'valid', [], []],
      [5, 'invalid', ['H5: Giá đến ghi theo kg, còn số lượng tính bằng tấn: 12.000 đồng/kg là 12.000.000 đồng/tấn. Hãy ghi 12.000.000 đồng/tấn.'], []],
      [6, 'invalid', ['H6: Giá từ đã ghi giá cao nhất, cột Giá đến lại có giá riêng; hãy ghi giá đến ở một chỗ.'], []],
      [7, 'invalid', ['G7: Giá từ: «đến 12.000 – 15.000» không phải số.'], []],
    ]);
    expect((await commitOf(app, { previewJobId: jobId, decisions: [] })).summary).toMatchObject({ created: 2, failed: 4 });
    const demands = await call(app, 'demands:list', {});
    expect(demands.rows.map((row) => [row.product, row.priceMin, row.priceMax]).sort()).toEqual([
      ['Nấm rơm', null, 60_000],
      ['Xoài cát', null, 45_000],
    ]);
  });

  /** A conference's list of what buyers asked for: most of them are not among the partners yet. */
  const buyersList = [
    'Tên doanh nghiệp;MST;Địa chỉ;Mặt hàng cần mua;Số lượng;ĐVT;Từ ngày;Tỉnh giao hàng;Người liên hệ;Điện thoại',
    'Công ty TNHH Nông sản Xanh;0312345678;12 Nguyễn Trãi, Quận 1, TP.HCM;Gạo ST25;20;tấn;01/07/2026;;Chị Lan;0909123456',
    'Cty TNHH Nông Sản Xanh;;;Xoài cát Hòa Lộc;5;tấn;01/07/2026;;;',
    'Siêu thị Mini Phú Tân;;;Nấm rơm;200;kg;01/07/2026;Cần Thơ;;',
    'Chợ đầu mối Long Xuyên;;;Rau muống;1;tấn;01/07/2026;;;',
    'HTX NN Vĩnh Bình;;;Gạo nếp;2;tấn;01/07/2026;;;',
    'HTX Không Có;;;Lúa giống;1;tấn;01/07/2026;;;',
    'Anh Ba Lúa;;;Lúa;1;tấn;01/07/2026;;;',
    'Công ty Sai Mã;12345;;Tiêu;1;tấn;01/07/2026;;;',
  ].join('\n');

  it('adds a buyer not among the partners as one, once for all its rows, where its name says its kind; a member by its name; says each', async () => {
    const { analysis, jobId, preview: shown } = await preview(stage(app, 'Nhu cau hoi nghi.csv', buyersList), 'demands');
    expect(analysis.columns.map((column) => column.field)).toEqual([
      'buyerName',
      'buyerTaxCode',
      'buyerAddress',
      'product',
      'quantity',
      'unit',
      'neededFrom',
      'deliveryProvince',
      'contactName',
      'contactPhone',
    ]);
    expect(rowsSaid(shown)).toEqual([
      [2, 'valid', [], ['A2: Chưa có trong danh sách Đối tác: sẽ thêm đối tác «Công ty TNHH Nông sản Xanh» (Doanh nghiệp, Thành phố Hồ Chí Minh — đọc từ địa chỉ), mục Mặt hàng cần mua ghi các sản phẩm của đối tác trong danh sách.']],
      [3, 'valid', [], ['A3: Chưa có trong danh sách Đối tác: cùng đối tác «Công ty TNHH Nông sản Xanh» như dòng 2, được thêm một lần.']],
      [4, 'valid', [], ['A4: Chưa có trong danh sách Đối tác: sẽ thêm đối tác «Siêu thị Mini Phú Tân» (Doanh nghiệp, thành phố Cần Thơ — theo tỉnh giao hàng), mục Mặt hàng cần mua ghi các sản phẩm của đối tác trong danh sách.']],
      [5, 'valid', [], ['A5: Chưa có trong danh sách Đối tác: sẽ thêm đối tác «Chợ đầu mối Long Xuyên» (Chợ đầu mối, tỉnh An Giang — tỉnh của Liên minh, vì dòng không ghi địa chỉ), mục Mặt hàng cần mua ghi các sản phẩm của đối tác trong danh sách.']],
      [6, 'valid', [], []],
      [7, 'invalid', ['A7: Không tìm thấy «HTX Không Có» trong danh sách Thành viên; hãy nhập tổ chức trước, hoặc ghi đúng mã số HTX ở cột Mã số thuế.'], []],
      [
        8,
        'invalid',
        [
          'A8: Không tìm thấy «Anh Ba Lúa» trong danh sách Đối tác, và tên không cho biết loại đối tác để thêm mới; hãy ghép một cột Loại đối tác, thêm đối tác trước (Đối tác → Thêm đối tác, hoặc nhập danh sách đối tác), hoặc ghi đúng mã số thuế.',
        ],
        [],
      ],
      [9, 'invalid', ['B9: Mã số thuế gồm 10 chữ số, hoặc 10 chữ số, gạch ngang và 3 chữ số (ví dụ 0101234567).'], []],
    ]);
    const { summary } = await commitOf(app, { previewJobId: jobId, decisions: [] });
    expect(summary).toMatchObject({ created: 5, failed: 3, partnersAdded: 3 });
    // The same buyer, written twice in two ways, added once: with what its first row said of it,
    // and the products of all its rows as what it buys.
    const added = await call(app, 'partners:list', {});
    expect(added.rows.map((row) => [row.name, row.kind, row.provinceCode, row.taxCode, row.contactName, row.phone, row.buys])).toEqual([
      ['Chợ đầu mối Long Xuyên', 'wholesale_market', AN_GIANG, null, '', '', 'Rau muống'],
      ['Công ty Cổ phần Thực phẩm Hà Nội', 'enterprise', '01', null, '', '', ''],
      ['Công ty TNHH Nông sản Xanh', 'enterprise', '79', '0312345678', 'Chị Lan', '0909123456', 'Gạo ST25, Xoài cát Hòa Lộc'],
      ['Saigon Co.op', 'enterprise', '79', '0301175691', '', '', ''],
      ['Siêu thị Mini Phú Tân', 'enterprise', '92', null, '', '', 'Nấm rơm'],
    ]);
    // Found by what it buys, as a person searches the partners.
    expect((await call(app, 'partners:list', { search: 'xoai cat' })).rows.map((row) => row.name)).toEqual(['Công ty TNHH Nông sản Xanh']);
    const demands = await call(app, 'demands:list', {});
    expect(demands.rows.map((row) => [row.product, row.buyer.kind, row.buyer.name, row.deliveryProvinceName]).sort()).toEqual([
      ['Gạo ST25', 'partner', 'Công ty TNHH Nông sản Xanh', 'Thành phố Hồ Chí Minh'],
      ['Gạo nếp', 'organization', 'HTX Nông nghiệp Vĩnh Bình', 'Tỉnh An Giang'],
      ['Nấm rơm', 'partner', 'Siêu thị Mini Phú Tân', 'Thành phố Cần Thơ'],
      ['Rau muống', 'partner', 'Chợ đầu mối Long Xuyên', 'Tỉnh An Giang'],
      ['Xoài cát Hòa Lộc', 'partner', 'Công ty TNHH Nông sản Xanh', 'Thành phố Hồ Chí Minh'],
    ]);
    const audited = app.ctx.db.select().from(auditLog).where(and(eq(auditLog.entity, 'partner'), eq(auditLog.action, 'create'))).all();
    expect(audited.map((entry) => (entry.after as { name: string }).name).sort()).toEqual([
      'Chợ đầu mối Long Xuyên',
      'Công ty Cổ phần Thực phẩm Hà Nội',
      'Công ty TNHH Nông sản Xanh',
      'Saigon Co.op',
      'Siêu thị Mini Phú Tân',
    ]);

    // Undone whole: the demands, then the partners the list added; those entered before stay.
    const batches = await call(app, 'imports:batches', { page: 1, pageSize: 10 });
    const undone = await undoOf(app, batches.rows[0]?.id ?? 0);
    expect(undone.error).toBeNull();
    expect((await call(app, 'demands:list', {})).total).toBe(0);
    expect((await call(app, 'partners:list', {})).rows.map((row) => row.name)).toEqual(['Công ty Cổ phần Thực phẩm Hà Nội', 'Saigon Co.op']);
    expect((await call(app, 'partners:trash', { page: 1, pageSize: 10 })).total).toBe(0);
  });

  it('tells apart partners of the same name by the province of the row\'s address, and asks when it cannot', async () => {
    await call(app, 'partners:create', { kind: 'enterprise', name: 'Công ty TNHH Gạo Việt', provinceCode: '79' });
    await call(app, 'partners:create', { kind: 'enterprise', name: 'Công ty TNHH Gạo Việt', provinceCode: '92' });
    const csv = [
      'Tên doanh nghiệp;Địa chỉ;Mặt hàng cần mua;Số lượng;ĐVT;Từ ngày',
      'Cty TNHH Gạo Việt;Phường Ninh Kiều, TP Cần Thơ;Gạo ST25;20;tấn;01/07/2026',
      'Công ty TNHH Gạo Việt;;Gạo nếp;5;tấn;01/07/2026',
    ].join('\n');
    const { jobId, preview: shown } = await preview(stage(app, 'Nhu cau.csv', csv), 'demands');
    expect(rowsSaid(shown)).toEqual([
      [2, 'valid', [], []],
      [3, 'invalid', ['A3: Có 2 đối tác tên «Công ty TNHH Gạo Việt» (Hồ Chí Minh, Cần Thơ); hãy ghi mã số thuế hoặc địa chỉ để biết là đối tác nào.'], []],
    ]);
    expect((await commitOf(app, { previewJobId: jobId, decisions: [] })).summary).toMatchObject({ created: 1, failed: 1, partnersAdded: 0 });
    const demands = await call(app, 'demands:list', {});
    expect(demands.rows.map((row) => [row.product, row.buyer.name, row.deliveryProvinceName])).toEqual([['Gạo ST25', 'Công ty TNHH Gạo Việt', 'Thành phố Cần Thơ']]);
  });

  it("takes the kind of a buyer to add from a kind column, where its name does not say it", async () => {
    const csv = [
      'Tên đơn vị;Loại đối tác;Mặt hàng cần mua;Số lượng;ĐVT;Từ ngày',
      'Co.opmart Cần Thơ;Siêu thị;Trứng vịt;10.000;quả;01/07/2026',
      'Bếp ăn Trường Tiểu học A;Cơ quan nhà nước;Rau muống;100;kg;01/07/2026',
      'HTX NN Vĩnh Bình;HTX;Gạo nếp;2;tấn;01/07/2026',
      'Bách Hóa Xanh;Chuỗi bán lẻ;Xoài cát Hòa Lộc;1;tấn;01/07/2026',
    ].join('\n');
    const { analysis, jobId, preview: shown } = await preview(stage(app, 'Nhu cau.csv', csv), 'demands');
    expect(analysis.columns.map((column) => column.field)).toEqual(['buyerName', 'buyerKind', 'product', 'quantity', 'unit', 'neededFrom']);
    expect(rowsSaid(shown)).toEqual([
      [2, 'valid', [], ['A2: Chưa có trong danh sách Đối tác: sẽ thêm đối tác «Co.opmart Cần Thơ» (Doanh nghiệp, tỉnh An Giang — tỉnh của Liên minh, vì dòng không ghi địa chỉ), mục Mặt hàng cần mua ghi các sản phẩm của đối tác trong danh sách.']],
      [3, 'valid', [], ['A3: Chưa có trong danh sách Đối tác: sẽ thêm đối tác «Bếp ăn Trường Tiểu học A» (Cơ quan nhà nước, tỉnh An Giang — tỉnh của Liên minh, vì dòng không ghi địa chỉ), mục Mặt hàng cần mua ghi các sản phẩm của đối tác trong danh sách.']],
      // A cooperative, by its name or its kind: found among the members.
      [4, 'valid', [], []],
      [5, 'invalid', ['B5: Loại đối tác «Chuỗi bán lẻ» không rõ; hãy chọn loại ở bước Ghép giá trị.'], []],
    ]);
    // «Chuỗi bán lẻ» is asked about at the values step, where the person may choose its kind.
    expect(shown.valueChoices.map((choice) => [choice.field, choice.written, choice.value])).toEqual([['buyerKind', 'Chuỗi bán lẻ', null]]);
    expect((await commitOf(app, { previewJobId: jobId, decisions: [] })).summary).toMatchObject({ created: 3, failed: 1, partnersAdded: 2 });
    const added = await call(app, 'partners:list', { kind: 'state_agency' });
    expect(added.rows.map((row) => row.name)).toEqual(['Bếp ăn Trường Tiểu học A']);
  });

  it('adds a buyer for a later row when the first row naming it is refused', async () => {
    const csv = [
      'Tên doanh nghiệp;Mặt hàng cần mua;Số lượng;ĐVT;Từ ngày',
      'Công ty TNHH Hạt Điều Việt;Hạt điều;nhiều;kg;01/07/2026',
      'Công ty TNHH Hạt Điều Việt;Hạt điều rang muối;50;kg;01/07/2026',
    ].join('\n');
    const { jobId, preview: shown } = await preview(stage(app, 'Nhu cau.csv', csv), 'demands');
    expect(shown.page.rows.map((row) => [row.row, row.status, row.notes.map((note) => `${note.cell}: ${note.message}`)])).toEqual([
      [2, 'invalid', ['A2: Chưa có trong danh sách Đối tác: sẽ thêm đối tác «Công ty TNHH Hạt Điều Việt» (Doanh nghiệp, tỉnh An Giang — tỉnh của Liên minh, vì dòng không ghi địa chỉ), mục Mặt hàng cần mua ghi các sản phẩm của đối tác trong danh sách.']],
      [3, 'valid', ['A3: Chưa có trong danh sách Đối tác: cùng đối tác «Công ty TNHH Hạt Điều Việt» như dòng 2, được thêm một lần.']],
    ]);
    expect((await commitOf(app, { previewJobId: jobId, decisions: [] })).summary).toMatchObject({ created: 1, failed: 1, partnersAdded: 1 });
    const demands = await call(app, 'demands:list', {});
    expect(demands.rows.map((row) => [row.product, row.buyer.name])).toEqual([['Hạt điều rang muối', 'Công ty TNHH Hạt Điều Việt']]);
  });

  it('keeps a buyer the list added once another demand names it: the undo says so, and keeping it leaves it with that demand', async () => {
    const { jobId } = await preview(stage(app, 'Nhu cau hoi nghi.csv', buyersList), 'demands');
    await commitOf(app, { previewJobId: jobId, decisions: [] });
    const market = (await call(app, 'partners:list', { search: 'cho dau moi long xuyen' })).rows[0];
    if (!market) throw new Error('the market was not added');
    await call(app, 'demands:create', {
      buyer: { kind: 'partner', id: market.id },
      product: 'Cải ngọt',
      productGroupCode: 'rau_cu_qua',
      quantity: 500,
      unitCode: 'kg',
      neededFrom: '2026-08-01',
      deliveryProvinceCode: AN_GIANG,
    });
    const batchId = (await call(app, 'imports:batches', { page: 1, pageSize: 10 })).rows[0]?.id ?? 0;
    const strict = await undoOf(app, batchId);
    expect(strict.error?.message).toContain('Chợ đầu mối Long Xuyên');
    expect((await call(app, 'demands:list', {})).total).toBe(6);

    const kept = await undoOf(app, batchId, 'keepChanged');
    expect(kept.error).toBeNull();
    expect(kept.kept.map((change) => change.name)).toEqual(['Chợ đầu mối Long Xuyên']);
    expect((await call(app, 'demands:list', {})).rows.map((row) => [row.product, row.buyer.name])).toEqual([['Cải ngọt', 'Chợ đầu mối Long Xuyên']]);
    expect((await call(app, 'partners:list', {})).rows.map((row) => row.name)).toEqual(['Chợ đầu mối Long Xuyên', 'Công ty Cổ phần Thực phẩm Hà Nội', 'Saigon Co.op']);
  });

  it('reads the province of delivery as named today, before 1 July 2025, or by its initials, saying which', async () => {
    const csv = [
      'Đơn vị thu mua;MST;Mặt hàng cần mua;Số lượng;ĐVT;Từ ngày;Tỉnh giao hàng',
      'Co.op Mart;0301175691;Gạo ST25;50;tấn;15/06/2026;AG',
      'Co.op Mart;0301175691;Xoài cát Hòa Lộc;5;tấn;15/06/2026;Kiên Giang',
      'Co.op Mart;0301175691;Nấm rơm;1;tấn;15/06/2026;BD',
      'Co.op Mart;0301175691;Nấm mèo;1;tấn;15/06/2026;XY',
    ].join('\n');
    const { jobId, preview: shown } = await preview(stage(app, 'Nhu cau.csv', csv), 'demands');
    expect(shown.page.rows.map((row) => [row.row, row.status, [...row.problems, ...row.notes].map((said) => `${said.cell}: ${said.message}`)])).toEqual([
      [2, 'valid', ['G2: «AG» ghi nhận là tỉnh An Giang.']],
      [3, 'valid', ['G3: Tỉnh Kiên Giang nay thuộc tỉnh An Giang (từ 01/07/2025).']],
      // Bình Dương's and Bình Định's initials: asked, not guessed.
      [4, 'invalid', ['G4: «BD» có thể là tỉnh Bình Định (trước 01/07/2025) hoặc tỉnh Bình Dương (trước 01/07/2025); hãy ghi tên tỉnh, thành phố.']],
      [5, 'invalid', ['G5: Không có tỉnh, thành phố «XY» trong 34 tỉnh, thành phố hiện nay hay 63 tỉnh, thành phố trước 01/07/2025.']],
    ]);
    expect((await commitOf(app, { previewJobId: jobId, decisions: [] })).summary).toMatchObject({ created: 2, failed: 2 });
    const demands = await call(app, 'demands:list', {});
    expect(demands.rows.map((row) => [row.product, row.deliveryProvinceName]).sort()).toEqual([
      ['Gạo ST25', 'Tỉnh An Giang'],
      ['Xoài cát Hòa Lộc', 'Tỉnh An Giang'],
    ]);
  });
});

describe('a price written over a stored one', () => {
  /** The prices of the programme's offers or demands, by product. */
  async function pricesOf(kind: 'offers' | 'demands') {
    const { rows } = await call(app, `${kind}:list`, { programmeId });
    return rows.map((row) => [row.product, row.priceMin, row.priceMax]).sort();
  }

  /** What the preview says an update of each row would change of the prices. */
  function priceChanges(shown: { page: { rows: { changes: { fields: { field: string }[] } | null }[] } }) {
    return shown.page.rows.map((row) => row.changes?.fields.filter((change) => change.field === 'priceMin' || change.field === 'priceMax'));
  }

  it('writes an offer\'s price whole: a ceiling or a single price leaves no end of the stored range; no price keeps it', async () => {
    const list = (prices: string[]) =>
      [
        'Tên HTX;Địa chỉ;Tên sản phẩm;Sản lượng;ĐVT;Thu hoạch từ;Giá bán',
        ...['Xoài cát Hòa Lộc', 'Xoài Đài Loan', 'Xoài keo'].map((product, index) => `HTX Xoài cát Phú Thạnh;Xã Vĩnh Bình;${product};${500 + 100 * index};kg;15/06/2026;${prices[index] ?? ''}`),
      ].join('\n');
    await commitOf(app, { previewJobId: (await preview(stage(app, 'Nguon cung.csv', list(['10.000 – 12.000', '10.000 – 12.000', '10.000 – 12.000'])), 'offers')).jobId, decisions: [] });
    const again = await preview(stage(app, 'Nguon cung lan 2.csv', list(['đến 15.000', '14.000', ''])), 'offers');
    expect(again.preview.page.rows.map((row) => row.defaultAction)).toEqual(['update', 'update', 'update']);
    expect(priceChanges(again.preview)).toEqual([
      [
        { field: 'priceMin', before: 10_000, after: null },
        { field: 'priceMax', before: 12_000, after: 15_000 },
      ],
      [
        { field: 'priceMin', before: 10_000, after: 14_000 },
        { field: 'priceMax', before: 12_000, after: null },
      ],
      [],
    ]);
    expect((await commitOf(app, { previewJobId: again.jobId, decisions: [] })).summary).toMatchObject({ updated: 2, skipped: 1, failed: 0 });
    expect(await pricesOf('offers')).toEqual([
      ['Xoài cát Hòa Lộc', null, 15_000],
      ['Xoài keo', 10_000, 12_000],
      ['Xoài Đài Loan', 14_000, null],
    ]);
  });

  it('writes a demand\'s price whole, a ceiling in Giá đến\'s own column too', async () => {
    const list = (rows: string[]) => ['Đơn vị thu mua;MST;Mặt hàng cần mua;Số lượng;ĐVT;Từ ngày;Giá mua;Giá tối đa', ...rows].join('\n');
    const stored = list(['Nấm rơm;200;kg;15/06/2026;50.000;60.000', 'Xoài cát;500;kg;15/06/2026;40.000;45.000'].map((row) => `Co.op Mart;0301175691;${row}`));
    await commitOf(app, { previewJobId: (await preview(stage(app, 'Nhu cau.csv', stored), 'demands')).jobId, decisions: [] });
    const again = await preview(stage(app, 'Nhu cau lan 2.csv', list(['Nấm rơm;200;kg;15/06/2026;;đến 65.000', 'Xoài cát;500;kg;15/06/2026;42.000;'].map((row) => `Co.op Mart;0301175691;${row}`))), 'demands');
    expect(priceChanges(again.preview)).toEqual([
      [
        { field: 'priceMin', before: 50_000, after: null },
        { field: 'priceMax', before: 60_000, after: 65_000 },
      ],
      [
        { field: 'priceMin', before: 40_000, after: 42_000 },
        { field: 'priceMax', before: 45_000, after: null },
      ],
    ]);
    expect((await commitOf(app, { previewJobId: again.jobId, decisions: [] })).summary).toMatchObject({ updated: 2, failed: 0 });
    expect(await pricesOf('demands')).toEqual([
      ['Nấm rơm', null, 65_000],
      ['Xoài cát', 42_000, null],
    ]);
  });
});

describe('an offer of a product the organization has', () => {
  /** Vĩnh Bình's products: «Chè Shan tuyết» with its OCOP 5 sao, «Gạo ST25» twice, «Gạo thơm ST25». */
  async function vinhBinhProducts() {
    const organizationId = (await call(app, 'organizations:list', { query: '1600123456' })).rows.find((row) => row.registrationNo === '1600123456')?.id ?? 0;
    const tea = await call(app, 'products:save', { organizationId, name: 'Chè Shan tuyết', productGroup: 'Cà phê, chè, hồ tiêu, điều', unit: 'tấn' });
    await call(app, 'certifications:save', { organizationId, productId: tea.id, kindCode: 'ocop', stars: 5, number: 'OCOP-05', issuedOn: '2025-03-01', expiresOn: '2028-02-29' });
    for (const name of ['Gạo ST25', 'Gạo ST25', 'Gạo thơm ST25']) await call(app, 'products:save', { organizationId, name, unit: 'tấn' });
    return { organizationId, tea };
  }

  it('is linked to that product, written otherwise too, and says so; several of that name or a name written loosely link none', async () => {
    const { tea } = await vinhBinhProducts();
    const csv = [
      'Mã số HTX;Tên HTX;Tên sản phẩm;Sản lượng;ĐVT;Thu hoạch từ',
      '1600123456;HTX NN Vĩnh Bình;Chè Shan tuyết;2;tấn;01/08/2026',
      '1600123456;HTX NN Vĩnh Bình;che shan tuyet;1;tấn;01/09/2026',
      '1600123456;HTX NN Vĩnh Bình;Gạo ST25;20;tấn;01/06/2026',
      '1600123456;HTX NN Vĩnh Bình;Gạo thơm ST 25;10;tấn;01/06/2026',
    ].join('\n');
    const { jobId, preview: shown } = await preview(stage(app, 'Nguon cung.csv', csv), 'offers');
    expect(rowsSaid(shown)).toEqual([
      [2, 'valid', [], ['C2: Sản phẩm: Chè Shan tuyết (đã có trong hồ sơ của tổ chức, nguồn cung gắn với sản phẩm này).']],
      [3, 'valid', [], ['C3: Sản phẩm: Chè Shan tuyết (đã có trong hồ sơ của tổ chức, nguồn cung gắn với sản phẩm này).']],
      [4, 'valid', [], []],
      [5, 'valid', [], []],
    ]);
    expect((await commitOf(app, { previewJobId: jobId, decisions: [] })).summary).toMatchObject({ created: 4, failed: 0 });
    const offers = (await call(app, 'offers:list', { programmeId })).rows;
    const linked = await Promise.all(offers.map(async (row) => [row.product, (await call(app, 'offers:get', { id: row.id })).productId]));
    expect(linked.sort()).toEqual([
      ['Chè Shan tuyết', tea.id],
      ['Gạo ST25', null],
      ['Gạo thơm ST 25', null],
      ['che shan tuyet', tea.id],
    ]);
    // The product's certificate is the offer's: its page, the suggestions and the bulletin read it.
    const teaOffer = offers.find((row) => row.product === 'Chè Shan tuyết');
    expect((await call(app, 'offers:get', { id: teaOffer?.id ?? 0 })).certificates.map((certificate) => [certificate.kindName, certificate.stars, certificate.productName])).toEqual([
      ['OCOP', 5, 'Chè Shan tuyết'],
    ]);
  });

  it('is linked when created on its own with the product\'s name, as the offer form links it; several of that name link none, nor is another added', async () => {
    const { organizationId, tea } = await vinhBinhProducts();
    const base = { organizationId, productGroupCode: 'lua_gao', quantity: 2, unitCode: 'tan', availableFrom: '2026-08-01', communeCode: XA_VINH_AN };
    const teaOffer = await call(app, 'offers:create', { ...base, product: 'CHÈ SHAN TUYẾT', productGroupCode: 'cay_cong_nghiep' });
    const riceOffer = await call(app, 'offers:create', { ...base, product: 'Gạo ST25', addToProducts: true });
    expect((await call(app, 'offers:get', { id: teaOffer.id })).productId).toBe(tea.id);
    expect((await call(app, 'offers:get', { id: riceOffer.id })).productId).toBeNull();
    expect((await call(app, 'products:list', { organizationId })).products.map((product) => product.name)).toEqual(['Chè Shan tuyết', 'Gạo ST25', 'Gạo ST25', 'Gạo thơm ST25']);
  });
});

describe('the group of a product read from its name', () => {
  it('is the group an offer of that product would have, said at the name; a group written or stored stays', async () => {
    const organizationId = (await call(app, 'organizations:list', { query: '1600123456' })).rows.find((row) => row.registrationNo === '1600123456')?.id ?? 0;
    await call(app, 'products:save', { organizationId, name: 'Xoài cát', productGroup: 'Cây ăn trái', unit: 'tấn' });
    await call(app, 'products:save', { organizationId, name: 'Bưởi', unit: 'tấn' });
    const csv = [
      'Mã số HTX;Tên HTX;Sản phẩm;Nhóm sản phẩm;ĐVT;Sản lượng/năm',
      '1600123456;HTX NN Vĩnh Bình;Gạo ST25;;tấn;120',
      '1600123456;HTX NN Vĩnh Bình;Lúa OM18;;tấn;300',
      '1600123456;HTX NN Vĩnh Bình;Nếp;;tấn;50',
      '1600123456;HTX NN Vĩnh Bình;Chậu gốm;Gốm sứ;cái;1000',
      '1600123456;HTX NN Vĩnh Bình;Xoài cát;;tấn;80',
      '1600123456;HTX NN Vĩnh Bình;Bưởi;;tấn;40',
      '1600123456;HTX NN Vĩnh Bình;Phân bón;;tấn;10',
    ].join('\n');
    const { jobId, analysis } = await analyze(app, stage(app, 'San pham.csv', csv), 'products');
    const { jobId: previewJob, preview: shown } = await previewOf(app, jobId, proposedMapping(analysis));
    expect(rowsSaid(shown)).toEqual([
      [2, 'valid', [], ['C2: Nhóm sản phẩm: ghi nhận là Lúa gạo, theo tên sản phẩm.']],
      [3, 'valid', [], ['C3: Nhóm sản phẩm: ghi nhận là Lúa gạo, theo tên sản phẩm.']],
      [4, 'valid', [], ['C4: Nhóm sản phẩm: ghi nhận là Lúa gạo, theo tên sản phẩm.']],
      [5, 'valid', [], []],
      // The stored group is the person's: kept, and nothing said.
      [6, 'valid', [], []],
      [7, 'valid', [], ['C7: Nhóm sản phẩm: ghi nhận là Trái cây, theo tên sản phẩm.']],
      [8, 'valid', [], []],
    ]);
    expect((await commitOf(app, { previewJobId: previewJob, decisions: [] })).summary).toMatchObject({ created: 5, updated: 2, failed: 0 });
    const { products } = await call(app, 'products:list', { organizationId });
    expect(products.map((product) => [product.name, product.productGroup])).toEqual([
      ['Bưởi', 'Trái cây'],
      ['Chậu gốm', 'Gốm sứ'],
      ['Gạo ST25', 'Lúa gạo'],
      ['Lúa OM18', 'Lúa gạo'],
      ['Nếp', 'Lúa gạo'],
      ['Phân bón', ''],
      ['Xoài cát', 'Cây ăn trái'],
    ]);
  });

  it('is said once above the rows of a list without a group column, at a row only where the name gives none', async () => {
    const organizationId = (await call(app, 'organizations:list', { query: '1600123456' })).rows.find((row) => row.registrationNo === '1600123456')?.id ?? 0;
    await call(app, 'products:save', { organizationId, name: 'Xoài cát', productGroup: 'Cây ăn trái', unit: 'tấn' });
    await call(app, 'products:save', { organizationId, name: 'Dịch vụ làm đất', unit: 'ha' });
    const csv = [
      'Mã số HTX;Tên HTX;Sản phẩm;ĐVT;Sản lượng/năm',
      '1600123456;HTX NN Vĩnh Bình;Gạo ST25;tấn;120',
      '1600123456;HTX NN Vĩnh Bình;Nếp;tấn;50',
      '1600123456;HTX NN Vĩnh Bình;Bưởi Năm Roi;tấn;40',
      '1600123456;HTX NN Vĩnh Bình;Xoài cát;tấn;80',
      '1600123456;HTX NN Vĩnh Bình;Phân bón;tấn;10',
      '1600123456;HTX NN Vĩnh Bình;Dịch vụ làm đất;ha;300',
    ].join('\n');
    const { jobId, analysis } = await analyze(app, stage(app, 'San pham.csv', csv), 'products');
    const { jobId: previewJob, preview: shown } = await previewOf(app, jobId, proposedMapping(analysis));
    expect(shown.columns.map((column) => column.field)).not.toContain('productGroup');
    expect(rowsSaid(shown)).toEqual([
      [2, 'valid', [], []],
      [3, 'valid', [], []],
      [4, 'valid', [], []],
      // The stored group is the person's: kept, and nothing said.
      [5, 'valid', [], []],
      // A new product whose name gives no group: what differs from the rule said above the rows.
      [6, 'valid', [], ['C6: Nhóm sản phẩm: tên «Phân bón» không cho biết thuộc nhóm nào, sản phẩm được ghi không có nhóm. Nếu cần, hãy thêm cột Nhóm sản phẩm, hoặc thêm từ khóa cho nhóm ở Kết nối cung – cầu → Danh mục.']],
      // A stored one without a group stays as it is: nothing to say.
      [7, 'valid', [], []],
    ]);
    expect(shown.counts.noted).toBe(1);
    expect((await commitOf(app, { previewJobId: previewJob, decisions: [] })).summary).toMatchObject({ created: 4, updated: 2, failed: 0 });
    const { products } = await call(app, 'products:list', { organizationId });
    expect(products.map((product) => [product.name, product.productGroup])).toEqual([
      ['Bưởi Năm Roi', 'Trái cây'],
      ['Dịch vụ làm đất', ''],
      ['Gạo ST25', 'Lúa gạo'],
      ['Nếp', 'Lúa gạo'],
      ['Phân bón', ''],
      ['Xoài cát', 'Cây ăn trái'],
    ]);
  });
});

describe('a cell refused', () => {
  it('is not also said as read: «khoảng 2 tỷ» of a unit not in the list is refused, without a note that it was recorded as 2', async () => {
    const csv = ['Tên HTX;Địa chỉ;Tên sản phẩm;Sản lượng;ĐVT;Thu hoạch từ', 'HTX NN Vĩnh Bình;xã Vĩnh An;Xoài;khoảng 2 tỷ;;01/06/2026', 'HTX NN Vĩnh Bình;xã Vĩnh An;Gạo ST25;khoảng 20;tấn;01/06/2026'].join('\n');
    const { preview: shown } = await preview(stage(app, 'Nguon cung.csv', csv), 'offers');
    expect(rowsSaid(shown)).toEqual([
      [2, 'invalid', ['D2: Số lượng: Đơn vị tính «tỷ» không có trong danh mục; ghi tấn, kg, quả, lít… hoặc thêm đơn vị ở Kết nối cung – cầu → Danh mục.'], []],
      [3, 'valid', [], ['D3: Số lượng: «khoảng 20» ghi nhận là 20.']],
    ]);
    const demands = ['Đơn vị thu mua;MST;Mặt hàng cần mua;Số lượng;ĐVT;Từ ngày', 'Saigon Co.op;0301175691;Xoài;khoảng 2 tỷ;;01/06/2026'].join('\n');
    const { preview: asked } = await preview(stage(app, 'Nhu cau.csv', demands), 'demands');
    expect(rowsSaid(asked)).toEqual([
      [2, 'invalid', ['D2: Số lượng: Đơn vị tính «tỷ» không có trong danh mục; ghi tấn, kg, quả, lít… hoặc thêm đơn vị ở Kết nối cung – cầu → Danh mục.'], []],
    ]);
  });
});
