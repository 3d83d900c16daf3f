/**
 * The preview of an import says, for each row that would update a stored record, what the update
 * would change, and the commit writes exactly that: the listed changes are the history's entries.
 * A stored record two rows match is updated by the first only, unless the person chooses otherwise.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HistoryChange } from '../../src/shared/records';
import { AN_GIANG, call, openTestApp } from './support';
import { analyze, commitOf, previewOf, proposedMapping, stage } from './importWorkbooks';
import type { ImportKind } from '../../src/shared/domain';

let app: ReturnType<typeof openTestApp>;
beforeEach(async () => {
  app = openTestApp();
  await call(app, 'alliance:save', { name: 'Liên minh Hợp tác xã tỉnh An Giang', provinceCode: AN_GIANG });
});
afterEach(() => app.close());

const XA_MY_HOA_HUNG = '30313';

async function previewCsv(csv: string, kind: ImportKind = 'organizations', year = 2024) {
  const { jobId, analysis } = await analyze(app, stage(app, 'danh sach.csv', `\ufeff${csv}`), kind);
  return previewOf(app, jobId, proposedMapping(analysis), year);
}

/** The changes of the record's history entries made after `since` entries, oldest first, as one list. */
async function writtenSince(id: number, since: number): Promise<HistoryChange[]> {
  const { entries } = await call(app, 'records:history', { kind: 'organization', id });
  return entries
    .slice(0, entries.length - since)
    .reverse()
    .flatMap((entry) => entry.changes);
}

/** A year's figures as the preview lists them, a field each: the history's own entry, split. */
function splitFigures(changes: HistoryChange[]): HistoryChange[] {
  return changes.flatMap((change) => {
    if (change.field !== 'figures') return [change];
    const [before, after] = [change.before as Record<string, number | null>, change.after as Record<string, number | null>];
    return Object.keys(after)
      .filter((field) => field !== 'year')
      .map((field) => ({ field: 'figures', before: { year: before.year ?? null, [field]: before[field] ?? null }, after: { year: after.year ?? null, [field]: after[field] ?? null } }));
  });
}

describe('what an update would change', () => {
  async function storedLongDien() {
    const stored = await call(app, 'organizations:create', {
      kind: 'htx',
      name: 'HTX Nông nghiệp Long Điền',
      registrationNo: '1600111222',
      communeCode: XA_MY_HOA_HUNG,
      street: 'ấp Long Hòa',
      foundedOn: '2010-06-05',
      phone: '0296 3111 222',
      representative: 'Nguyễn Văn Điền',
      charterCapital: 500_000_000,
    });
    await call(app, 'figures:save', { organizationId: stored.id, year: 2024, membersOfficial: 196, workers: 12 });
    return stored;
  }

  it('lists each field the update would change, the stored value and the new one, and writes exactly those', async () => {
    const stored = await storedLongDien();
    const entriesBefore = (await call(app, 'records:history', { kind: 'organization', id: stored.id })).entries.length;
    const { jobId, preview } = await previewCsv(
      [
        'Tên HTX,Mã số thuế,Địa chỉ,Ngày thành lập,Điện thoại,Người đại diện,Vốn điều lệ (triệu đồng),Số thành viên,Lao động thường xuyên',
        // In capitals and with «NN» for «Nông nghiệp»: the stored name written otherwise.
        'HTX NN LONG ĐIỀN,1600111222,"ấp Long Hòa, Xã Mỹ Hòa Hưng",12/12/2012,0296 3111 222,Trần Thị Mai,800,35,12',
      ].join('\n'),
    );
    const [row] = preview.page.rows;
    expect(row).toMatchObject({ match: { reason: 'registrationNo', id: stored.id }, defaultAction: 'update' });
    expect(row?.changes).toEqual({
      record: 'organization',
      fields: [
        { field: 'foundedOn', before: '2010-06-05', after: '2012-12-12' },
        { field: 'representative', before: 'Nguyễn Văn Điền', after: 'Trần Thị Mai' },
        { field: 'charterCapital', before: 500_000_000, after: 800_000_000 },
        { field: 'figures', before: { year: 2024, membersOfficial: 196 }, after: { year: 2024, membersOfficial: 35 } },
      ],
      names: {},
    });

    const { summary } = await commitOf(app, { previewJobId: jobId, decisions: [], bulk: {} });
    expect(summary).toMatchObject({ updated: 1, failed: 0 });
    // What was written is what was listed, field by field.
    expect(splitFigures(await writtenSince(stored.id, entriesBefore))).toEqual(row?.changes?.fields);
    expect((await call(app, 'organizations:get', { id: stored.id })).name).toBe('HTX Nông nghiệp Long Điền');
  });

  it('lists a name truly different as a change, with a new commune named', async () => {
    const stored = await storedLongDien();
    const entriesBefore = (await call(app, 'records:history', { kind: 'organization', id: stored.id })).entries.length;
    const { jobId, preview } = await previewCsv(['Tên HTX,Mã số thuế,Địa chỉ', 'HTX Dịch vụ Long Điền,1600111222,"ấp Long Hòa, Xã Vĩnh An"'].join('\n'));
    const [row] = preview.page.rows;
    expect(row?.changes).toEqual({
      record: 'organization',
      fields: [
        { field: 'name', before: 'HTX Nông nghiệp Long Điền', after: 'HTX Dịch vụ Long Điền' },
        { field: 'communeCode', before: XA_MY_HOA_HUNG, after: '30604' },
      ],
      names: { 'communeCode:30313': 'Xã Mỹ Hòa Hưng', 'communeCode:30604': 'Xã Vĩnh An' },
    });
    await commitOf(app, { previewJobId: jobId, decisions: [], bulk: {} });
    expect(await writtenSince(stored.id, entriesBefore)).toEqual(row?.changes?.fields);
  });

  it('lists the move to a commune the person chose for a place not read as soon as it is chosen, as the commit writes it', async () => {
    const stored = await storedLongDien();
    const entriesBefore = (await call(app, 'records:history', { kind: 'organization', id: stored.id })).entries.length;
    // Old An Giang's Xã Tân Phú went to another province: the app asks for the commune.
    const { jobId, preview } = await previewCsv(['Tên HTX,Mã số thuế,Xã/phường', 'HTX Nông nghiệp Long Điền,1600111222,Xã Tân Phú'].join('\n'));
    const [row] = preview.page.rows;
    expect(row).toMatchObject({ needsPlace: true, match: { reason: 'registrationNo', id: stored.id } });
    // Until one is chosen, the stored commune is kept.
    expect(row?.changes?.fields.map((change) => change.field)).toEqual(['oldAddress']);
    const placeAnswers = [{ placeKey: row?.placeKey ?? '', communeCode: '30604' }];
    const shown = await call(app, 'imports:previewResult', { jobId, pageSize: 10, placeAnswers });
    const moved = { field: 'communeCode', before: XA_MY_HOA_HUNG, after: '30604' };
    expect(shown.page.rows[0]?.changes?.fields).toContainEqual(moved);
    expect(shown.page.rows[0]?.changes?.names).toMatchObject({ 'communeCode:30604': 'Xã Vĩnh An' });
    // Chosen for the row alone, the same.
    const forRow = await call(app, 'imports:previewResult', { jobId, pageSize: 10, decisions: [{ row: 2, communeCode: '30604' }] });
    expect(forRow.page.rows[0]?.changes).toEqual(shown.page.rows[0]?.changes);

    await commitOf(app, { previewJobId: jobId, decisions: [], placeAnswers });
    expect(await writtenSince(stored.id, entriesBefore)).toEqual(shown.page.rows[0]?.changes?.fields);
  });

  it('says an update that changes nothing changes nothing, and writes nothing', async () => {
    const stored = await storedLongDien();
    const entriesBefore = (await call(app, 'records:history', { kind: 'organization', id: stored.id })).entries.length;
    const { jobId, preview } = await previewCsv(['Tên HTX,Mã số thuế,Địa chỉ,Số thành viên', 'Hợp tác xã Nông nghiệp Long Điền,1600111222,"ấp Long Hòa, Xã Mỹ Hòa Hưng",196'].join('\n'));
    expect(preview.page.rows[0]?.changes).toEqual({ record: 'organization', fields: [], names: {} });
    const { summary } = await commitOf(app, { previewJobId: jobId, decisions: [], bulk: {} });
    expect(summary).toMatchObject({ updated: 0, skipped: 1 });
    expect(await writtenSince(stored.id, entriesBefore)).toEqual([]);
  });

  it('says nothing of rows that update no stored record', async () => {
    const { preview } = await previewCsv(['Tên HTX,Mã số thuế,Địa chỉ', 'HTX Mới,1600999000,Xã Mỹ Hòa Hưng', 'HTX Mới,1600999000,Xã Mỹ Hòa Hưng'].join('\n'));
    expect(preview.page.rows.map((row) => [row.match?.reason ?? null, row.changes])).toEqual([
      [null, null],
      ['inFile', null],
    ]);
  });

  it('lists the figures a figures list would change of a stored year', async () => {
    const stored = await storedLongDien();
    const entriesBefore = (await call(app, 'records:history', { kind: 'organization', id: stored.id })).entries.length;
    const { jobId, preview } = await previewCsv(['Mã số thuế;Số thành viên;Lao động thường xuyên;Doanh thu (triệu đồng)', '1600111222;35;12;"1.750"'].join('\r\n'), 'figures');
    const [row] = preview.page.rows;
    expect(row?.changes).toEqual({
      record: 'organization',
      fields: [
        { field: 'figures', before: { year: 2024, membersOfficial: 196 }, after: { year: 2024, membersOfficial: 35 } },
        { field: 'figures', before: { year: 2024, revenue: null }, after: { year: 2024, revenue: 1_750_000_000 } },
      ],
      names: {},
    });
    await commitOf(app, { previewJobId: jobId, decisions: [], bulk: {} });
    expect(splitFigures(await writtenSince(stored.id, entriesBefore))).toEqual(row?.changes?.fields);
  });

  it('lists what an update would change of a stored partner, its name written with its legal form shortened being no change', async () => {
    const stored = await call(app, 'partners:create', { kind: 'enterprise', name: 'Công ty Cổ phần Thực phẩm Hà Nội', taxCode: '0101234567', provinceCode: '01', phone: '024 3000 111' });
    // «Cty CP» is «Công ty cổ phần» written otherwise: the register's spelling stays.
    const { jobId, preview } = await previewCsv(['Tên doanh nghiệp,Loại,MST,Tỉnh/TP,Điện thoại', 'Cty CP Thực phẩm Hà Nội,Doanh nghiệp,0101234567,Hà Nội,024 3999 999'].join('\n'), 'partners');
    expect(preview.page.rows[0]?.changes).toEqual({ record: 'partner', fields: [{ field: 'phone', before: '024 3000 111', after: '024 3999 999' }], names: {} });
    await commitOf(app, { previewJobId: jobId, decisions: [], bulk: {} });
    const { entries } = await call(app, 'records:history', { kind: 'partner', id: stored.id });
    expect(entries[0]?.changes).toEqual(preview.page.rows[0]?.changes?.fields);
    expect((await call(app, 'partners:get', { id: stored.id })).name).toBe('Công ty Cổ phần Thực phẩm Hà Nội');
  });

  it('lists another legal form of a partner as the change of name it is', async () => {
    const stored = await call(app, 'partners:create', { kind: 'enterprise', name: 'Công ty Cổ phần Thực phẩm Hà Nội', taxCode: '0101234567', provinceCode: '01' });
    // A company that became a TNHH is renamed, though both names share a key («thuc pham ha noi»).
    const { jobId, preview } = await previewCsv(['Tên doanh nghiệp,Loại,MST,Tỉnh/TP', 'Cty TNHH Thực phẩm Hà Nội,Doanh nghiệp,0101234567,Hà Nội'].join('\n'), 'partners');
    expect(preview.page.rows[0]?.changes).toEqual({
      record: 'partner',
      fields: [{ field: 'name', before: 'Công ty Cổ phần Thực phẩm Hà Nội', after: 'Cty TNHH Thực phẩm Hà Nội' }],
      names: {},
    });
    await commitOf(app, { previewJobId: jobId, decisions: [], bulk: {} });
    const { entries } = await call(app, 'records:history', { kind: 'partner', id: stored.id });
    expect(entries[0]?.changes).toEqual(preview.page.rows[0]?.changes?.fields);
  });

  it('lists what an update would change of a stored product, as the organization’s history writes it, the product’s spelling kept', async () => {
    const stored = await storedLongDien();
    const product = await call(app, 'products:save', { organizationId: stored.id, name: 'Gạo ST25', productGroup: 'Lúa gạo', unit: 'tấn', volume: 100, price: 18_000_000 });
    const entriesBefore = (await call(app, 'records:history', { kind: 'organization', id: stored.id })).entries.length;
    const { jobId, preview } = await previewCsv(['Mã số HTX;Sản phẩm;ĐVT;Sản lượng/năm;Giá bán (đồng)', '1600111222;gạo st25;tấn;120;18.000.000'].join('\n'), 'products');
    const kept = { id: product.id, organizationId: stored.id, name: 'Gạo ST25', productGroup: 'Lúa gạo', unit: 'tấn', volumePeriod: 'year', price: 18_000_000, note: '' };
    expect(preview.page.rows[0]).toMatchObject({ match: { reason: 'existing', id: product.id }, defaultAction: 'update' });
    expect(preview.page.rows[0]?.changes).toEqual({
      record: 'organization',
      fields: [{ field: 'product', before: { ...kept, volume: 100 }, after: { ...kept, volume: 120 } }],
      names: {},
    });
    await commitOf(app, { previewJobId: jobId, decisions: [], bulk: {} });
    expect(await writtenSince(stored.id, entriesBefore)).toEqual(preview.page.rows[0]?.changes?.fields);

    // The same values again change nothing, and the preview says so.
    const again = await previewCsv(['Mã số HTX;Sản phẩm;ĐVT;Sản lượng/năm', '1600111222;Gạo ST25;tấn;120'].join('\n'), 'products');
    expect(again.preview.page.rows[0]?.changes).toEqual({ record: 'organization', fields: [], names: {} });
  });

  it('lists what an update would change of a stored offer, in the terms of the offer’s history', async () => {
    await storedLongDien();
    const list = (product: string, quantity: string, price: string) =>
      ['Mã số HTX;Tên sản phẩm;Sản lượng;ĐVT;Thu hoạch từ;Giá bán (đồng)', `1600111222;${product};${quantity};tấn;01/06/2026;${price}`].join('\n');
    const first = await previewCsv(list('Gạo thơm ST 25', '120', '18.500.000'), 'offers');
    await commitOf(app, { previewJobId: first.jobId, decisions: [], bulk: {} });
    const [offer] = (await call(app, 'offers:list', {})).rows;

    // The product written otherwise is the same one: its spelling is kept.
    const { jobId, preview } = await previewCsv(list('gạo thơm st 25', '150', '19.000.000'), 'offers');
    expect(preview.page.rows[0]).toMatchObject({ match: { reason: 'existing', id: offer?.id }, defaultAction: 'update' });
    expect(preview.page.rows[0]?.changes).toEqual({
      record: 'offer',
      fields: [
        { field: 'quantity', before: { quantity: 120, unitCode: 'tan', unit: 'tấn' }, after: { quantity: 150, unitCode: 'tan', unit: 'tấn' } },
        { field: 'priceMin', before: 18_500_000, after: 19_000_000 },
      ],
      names: {},
    });
    await commitOf(app, { previewJobId: jobId, decisions: [], bulk: {} });
    const { entries } = await call(app, 'records:history', { kind: 'offer', id: offer?.id ?? 0 });
    expect(entries[0]?.changes).toEqual(preview.page.rows[0]?.changes?.fields);
    expect((await call(app, 'offers:list', {})).rows.map((row) => [row.product, row.quantity])).toEqual([['Gạo thơm ST 25', 150]]);
  });

  it('lists what an update would change of a stored demand; the same certificates written in another order are no change', async () => {
    await call(app, 'partners:create', { kind: 'enterprise', name: 'Saigon Co.op', taxCode: '0301175691', provinceCode: '79' });
    const list = (quantity: string, certificates: string) =>
      ['Đơn vị thu mua;MST;Mặt hàng cần mua;Số lượng;ĐVT;Từ ngày;Tiêu chuẩn', `Saigon Co.op;0301175691;Gạo ST25;${quantity};tấn;15/06/2026;${certificates}`].join('\n');
    const first = await previewCsv(list('50', 'OCOP 3 sao, Hữu cơ'), 'demands');
    await commitOf(app, { previewJobId: first.jobId, decisions: [], bulk: {} });
    const [demand] = (await call(app, 'demands:list', {})).rows;
    const history = async () => (await call(app, 'records:history', { kind: 'demand', id: demand?.id ?? 0 })).entries;

    // The first list again, as it was: nothing to change, nothing written.
    const again = await previewCsv(list('50', 'OCOP 3 sao, Hữu cơ'), 'demands');
    expect(again.preview.page.rows[0]).toMatchObject({ match: { reason: 'existing', id: demand?.id }, defaultAction: 'update', changes: { record: 'demand', fields: [], names: {} } });
    const entriesBefore = (await history()).length;
    expect((await commitOf(app, { previewJobId: again.jobId, decisions: [], bulk: {} })).summary).toMatchObject({ updated: 0, skipped: 1 });
    expect((await history()).length).toBe(entriesBefore);

    const { jobId, preview } = await previewCsv(list('60', 'OCOP 4 sao'), 'demands');
    expect(preview.page.rows[0]?.changes).toEqual({
      record: 'demand',
      fields: [
        { field: 'quantity', before: { quantity: 50, unitCode: 'tan', unit: 'tấn' }, after: { quantity: 60, unitCode: 'tan', unit: 'tấn' } },
        {
          field: 'requirements',
          before: [
            { kindCode: 'ocop', kindName: 'OCOP', minStars: 3 },
            { kindCode: 'huu_co', kindName: 'Hữu cơ', minStars: null },
          ],
          after: [{ kindCode: 'ocop', kindName: 'OCOP', minStars: 4 }],
        },
      ],
      names: {},
    });
    await commitOf(app, { previewJobId: jobId, decisions: [], bulk: {} });
    expect((await history())[0]?.changes).toEqual(preview.page.rows[0]?.changes?.fields);
  });
});

describe('a stored record two rows of the file match', () => {
  const twice = [
    'Tên HTX,Mã số thuế,Địa chỉ,Điện thoại,Người đại diện',
    'HTX Nông nghiệp Long Điền,1600111222,"ấp Long Hòa, Xã Mỹ Hòa Hưng",0296 3111 333,Trần Thị Mai',
    'HTX Dịch vụ Vĩnh An,1600222333,Xã Vĩnh An,,',
    'HTX NN Long Điền,1600111222,"ấp Long Hòa, Xã Mỹ Hòa Hưng",0296 3111 444,Lê Văn Tư',
  ].join('\n');
  const storedLongDien = () => call(app, 'organizations:create', { kind: 'htx', name: 'HTX Nông nghiệp Long Điền', registrationNo: '1600111222', communeCode: XA_MY_HOA_HUNG });

  it('marks the later row a repeat of the earlier one and skips it, saying why at that row', async () => {
    const stored = await storedLongDien();
    const { jobId, preview } = await previewCsv(twice);
    expect(preview.page.rows.map((row) => [row.row, row.match?.reason ?? null, row.match?.row ?? null, row.defaultAction])).toEqual([
      [2, 'registrationNo', null, 'update'],
      [3, null, null, 'create'],
      [4, 'inFile', 2, 'skip'],
    ]);
    const repeat = preview.page.rows[2];
    expect(repeat?.match).toEqual({ reason: 'inFile', id: null, name: 'HTX Nông nghiệp Long Điền', place: '', row: 2 });
    expect(repeat?.changes).toBeNull();
    expect(repeat?.notes).toEqual([
      {
        cell: '4',
        message:
          'Cùng một hồ sơ với dòng 2: dòng này được bỏ qua, để hồ sơ không bị cập nhật hai lần. ' +
          'Nếu dòng này đúng hơn, hãy chọn «Bỏ qua» ở dòng 2 và «Cập nhật» ở dòng này.',
        heed: true,
      },
    ]);
    const { summary } = await commitOf(app, { previewJobId: jobId, decisions: [], bulk: {} });
    expect(summary).toMatchObject({ created: 1, updated: 1, skipped: 1, failed: 0 });
    expect(await call(app, 'organizations:get', { id: stored.id })).toMatchObject({ phone: '0296 3111 333', representative: 'Trần Thị Mai' });
  });

  it('writes the later row instead when the person says so', async () => {
    const stored = await storedLongDien();
    const { jobId } = await previewCsv(twice);
    const decisions = [
      { row: 2, action: 'skip' as const },
      { row: 4, action: 'update' as const },
    ];
    const { summary } = await commitOf(app, { previewJobId: jobId, decisions, bulk: {} });
    expect(summary).toMatchObject({ created: 1, updated: 1, skipped: 1, failed: 0 });
    expect(await call(app, 'organizations:get', { id: stored.id })).toMatchObject({ phone: '0296 3111 444', representative: 'Lê Văn Tư' });
  });

  it('keeps the repeat skipped when «Dòng trùng: Cập nhật» is chosen for all rows', async () => {
    const stored = await storedLongDien();
    const { jobId } = await previewCsv(twice);
    const { summary } = await commitOf(app, { previewJobId: jobId, decisions: [], bulk: { matched: 'update', fresh: 'create' } });
    expect(summary).toMatchObject({ created: 1, updated: 1, skipped: 1, failed: 0 });
    expect(await call(app, 'organizations:get', { id: stored.id })).toMatchObject({ phone: '0296 3111 333', representative: 'Trần Thị Mai' });
  });

  it('marks a row naming a partner an earlier row matched by its tax code a repeat of that row', async () => {
    const stored = await call(app, 'partners:create', { kind: 'enterprise', name: 'Công ty Cổ phần Thực phẩm Hà Nội', taxCode: '0101234567', provinceCode: '01' });
    const { preview } = await previewCsv(
      ['Tên doanh nghiệp,Loại,MST,Tỉnh/TP,Điện thoại', 'Công ty CP Thực phẩm Hà Nội,Doanh nghiệp,0101234567,Hà Nội,024 3999 999', 'CTCP Thực phẩm Hà Nội,Doanh nghiệp,,Hà Nội,024 3888 888'].join('\n'),
      'partners',
    );
    expect(preview.page.rows.map((row) => [row.row, row.match, row.defaultAction])).toEqual([
      [2, { reason: 'registrationNo', id: stored.id, name: 'Công ty Cổ phần Thực phẩm Hà Nội', place: 'Thành phố Hà Nội', row: null }, 'update'],
      [3, { reason: 'inFile', id: null, name: 'Công ty Cổ phần Thực phẩm Hà Nội', place: '', row: 2 }, 'skip'],
    ]);
  });
});
