/**
 * What «Cập nhật» of a members list does not change: a founding year that the stored day lies in,
 * the register's text written without its marks or in other capitals; a founding year column read
 * only where the founding day is blank; and what it holds back: a row whose amount its column's
 * unit makes absurdly large or small, skipped until the person chooses.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportPreview } from '../../src/shared/contract';
import { AN_GIANG, XA_VINH_AN, XA_VINH_BINH, call, openTestApp } from './support';
import { analyze, commitOf, previewOf, proposedMapping, stage } from './importWorkbooks';

let app: ReturnType<typeof openTestApp>;
beforeEach(async () => {
  app = openTestApp();
  await call(app, 'alliance:save', { name: 'Liên minh Hợp tác xã tỉnh An Giang', provinceCode: AN_GIANG });
});
afterEach(() => app.close());

async function previewList(csv: string, year?: number) {
  const { jobId, analysis } = await analyze(app, stage(app, 'danh sach.csv', `\ufeff${csv}`), 'organizations');
  return previewOf(app, jobId, proposedMapping(analysis), year);
}

function stored(): Record<string, unknown>[] {
  return app.ctx.db.$client
    .prepare('SELECT name, founded_on AS foundedOn, street, representative, charter_capital AS capital FROM organizations ORDER BY id')
    .all() as Record<string, unknown>[];
}

const notesAt = (preview: ImportPreview, column: string) =>
  preview.page.rows.map((row) => row.notes.filter((note) => note.cell.startsWith(column)).map((note) => `${note.cell}: ${note.message}${note.heed ? ' [heed]' : ''}`));

describe('«Cập nhật» of a value the register already holds, written otherwise', () => {
  it('keeps a stored founding day within the year or month the row writes, and says a year that differs is written as its first day', async () => {
    await call(app, 'organizations:create', { kind: 'htx', name: 'HTX Gốm Vĩnh An', registrationNo: '1600111001', communeCode: XA_VINH_AN, foundedOn: '2013-11-27' });
    await call(app, 'organizations:create', { kind: 'htx', name: 'HTX Chè Vĩnh Bình', registrationNo: '1600111002', communeCode: XA_VINH_BINH, foundedOn: '2002-05-14' });
    await call(app, 'organizations:create', { kind: 'htx', name: 'HTX Lúa Vĩnh An', registrationNo: '1600111003', communeCode: XA_VINH_AN, foundedOn: '2019-06-15' });
    const { jobId, preview } = await previewList(
      [
        'Tên HTX,Mã số HTX,Địa chỉ,Năm thành lập',
        'HTX Gốm Vĩnh An,1600111001,"xã Vĩnh An, tỉnh An Giang",2013',
        'HTX Chè Vĩnh Bình,1600111002,"xã Vĩnh Bình, tỉnh An Giang",2003',
        'HTX Lúa Vĩnh An,1600111003,"xã Vĩnh An, tỉnh An Giang",06/2019',
      ].join('\n'),
    );
    expect(preview.page.rows.map((row) => row.changes?.fields.filter((change) => change.field === 'foundedOn'))).toEqual([
      [],
      [{ field: 'foundedOn', before: '2002-05-14', after: '2003-01-01' }],
      [],
    ]);
    expect(notesAt(preview, 'D')).toEqual([
      ['D2: Năm thành lập: chỉ ghi năm 2013, như ngày đã lưu (27/11/2013): giữ nguyên ngày đã lưu.'],
      ['D3: Năm thành lập: chỉ ghi năm 2003, khác ngày đã lưu (14/05/2002): «Cập nhật» ghi là 01/01/2003.'],
      ['D4: Năm thành lập: chỉ ghi tháng 06/2019, như ngày đã lưu (15/06/2019): giữ nguyên ngày đã lưu.'],
    ]);
    expect((await commitOf(app, { previewJobId: jobId, decisions: [] })).summary).toMatchObject({ updated: 1 });
    expect(stored().map((row) => row.foundedOn)).toEqual(['2013-11-27', '2003-01-01', '2019-06-15']);
  });

  it('keeps the register’s text that the row writes without its marks or in other capitals, and takes the marks the register lacks', async () => {
    await call(app, 'organizations:create', {
      kind: 'htx',
      name: 'HTX Chè Vĩnh Bình',
      registrationNo: '1600111002',
      communeCode: XA_VINH_BINH,
      street: 'Ấp Tân Tiến',
      representative: 'Trần Thị Bích',
    });
    await call(app, 'organizations:create', { kind: 'htx', name: 'HTX Lúa Vĩnh An', registrationNo: '1600111003', communeCode: XA_VINH_AN, representative: 'Nguyen Van An' });
    const { jobId, preview } = await previewList(
      [
        'Tên HTX,Mã số HTX,Ấp,Xã,Người đại diện',
        'HTX Che Vinh Binh,1600111002,Ap Tan Tien,xã Vĩnh Bình,TRẦN THỊ BÍCH',
        'HTX Lúa Vĩnh An,1600111003,,xã Vĩnh An,Nguyễn Văn An',
      ].join('\n'),
    );
    expect(preview.page.rows.map((row) => row.changes?.fields.map((change) => change.field))).toEqual([[], ['representative']]);
    await commitOf(app, { previewJobId: jobId, decisions: [] });
    expect(stored().map(({ name, street, representative }) => ({ name, street, representative }))).toEqual([
      { name: 'HTX Chè Vĩnh Bình', street: 'Ấp Tân Tiến', representative: 'Trần Thị Bích' },
      { name: 'HTX Lúa Vĩnh An', street: '', representative: 'Nguyễn Văn An' },
    ]);
  });
});

describe('a list with a founding year column beside the founding day', () => {
  it('proposes both, and reads the year only where the day is blank', async () => {
    const csv = [
      'Tên HTX,Địa chỉ,Năm thành lập,Ngày thành lập',
      'HTX Lúa Vĩnh An,"xã Vĩnh An, tỉnh An Giang",2019,',
      'HTX Gốm Vĩnh An,"xã Vĩnh An, tỉnh An Giang",,15/06/2019',
      'HTX Chè Vĩnh Bình,"xã Vĩnh Bình, tỉnh An Giang",2019,15/06/2019',
    ].join('\n');
    const { jobId, analysis } = await analyze(app, stage(app, 'danh sach.csv', `\ufeff${csv}`), 'organizations');
    expect(analysis.columns.map((column) => column.field)).toEqual(['name', 'address', 'foundedYear', 'foundedOn']);
    const { jobId: previewJob, preview } = await previewOf(app, jobId, proposedMapping(analysis));
    // The year is said only where it is read.
    expect(notesAt(preview, 'C')).toEqual([['C2: Năm thành lập: chỉ ghi năm 2019; ghi nhận là 01/01/2019.'], [], []]);
    await commitOf(app, { previewJobId: previewJob, decisions: [] });
    expect(stored().map((row) => row.foundedOn)).toEqual(['2019-01-01', '2019-06-15', '2019-06-15']);
  });
});

describe('an amount its column’s unit makes absurd', () => {
  it('holds its row back, large or small, until the person chooses to write it', async () => {
    await call(app, 'organizations:create', { kind: 'htx', name: 'HTX Gốm Vĩnh An', registrationNo: '1600111001', communeCode: XA_VINH_AN, charterCapital: 7_050_000_000 });
    await call(app, 'organizations:create', { kind: 'htx', name: 'HTX Chè Vĩnh Bình', registrationNo: '1600111002', communeCode: XA_VINH_BINH, charterCapital: 2_100_000_000 });
    const { jobId, preview } = await previewList(
      [
        'Tên HTX,Mã số HTX,Địa chỉ,Vốn điều lệ (triệu đồng)',
        'HTX Gốm Vĩnh An,1600111001,"xã Vĩnh An, tỉnh An Giang",1.500.000.000',
        'HTX Chè Vĩnh Bình,1600111002,"xã Vĩnh Bình, tỉnh An Giang","1,5"',
        'HTX Lúa Vĩnh An,,"xã Vĩnh An, tỉnh An Giang","0,5"',
        'HTX Xoài Vĩnh An,,"xã Vĩnh An, tỉnh An Giang",800',
      ].join('\n'),
    );
    const held = 'Dòng để «Bỏ qua» cho đến khi chọn việc cần làm cho dòng này.';
    expect(notesAt(preview, 'D')).toEqual([
      [
        `D2: Vốn điều lệ: «1.500.000.000» ở cột tính bằng triệu đồng là 1.500.000.000.000.000 đồng, lớn bất thường, có lẽ ô đã ghi bằng đồng. Nếu là 1.500.000.000 đồng, hãy sửa ô thành 1.500 (hoặc ghi «1.500.000.000 đ»). ${held} [heed]`,
      ],
      [`D3: Vốn điều lệ: «1,5» ở cột tính bằng triệu đồng là 1.500.000 đồng, nhỏ bất thường, có lẽ ô đã ghi bằng tỷ đồng. Nếu là 1.500.000.000 đồng, hãy sửa ô thành 1.500. ${held} [heed]`],
      [`D4: Vốn điều lệ: «0,5» ở cột tính bằng triệu đồng là 500.000 đồng, nhỏ bất thường, có lẽ ô đã ghi bằng tỷ đồng. Nếu là 500.000.000 đồng, hãy sửa ô thành 500. ${held} [heed]`],
      [],
    ]);
    expect(preview.page.rows.map((row) => [row.defaultAction, row.doubtful ?? false, row.match?.doubtful ?? false])).toEqual([
      ['skip', true, false],
      ['skip', true, false],
      ['skip', true, false],
      ['create', false, false],
    ]);
    // The bulk choice of the matched rows passes them by: each is the person's own to choose.
    const { summary } = await commitOf(app, { previewJobId: jobId, decisions: [{ row: 3, action: 'update' }], bulk: { matched: 'update', fresh: 'create' } });
    expect(summary).toMatchObject({ created: 1, updated: 1 });
    expect(stored().map(({ name, capital }) => ({ name, capital }))).toEqual([
      { name: 'HTX Gốm Vĩnh An', capital: 7_050_000_000 },
      { name: 'HTX Chè Vĩnh Bình', capital: 1_500_000 },
      { name: 'HTX Xoài Vĩnh An', capital: 800_000_000 },
    ]);
  });

  it('is small in a column of đồng, or as an income a month, by the multiple that makes it likely', async () => {
    const { preview } = await previewList(
      ['Tên HTX,Địa chỉ,Vốn điều lệ (đồng),Thu nhập bình quân (đồng/người/tháng),Lợi nhuận (đồng)', 'HTX Lúa Vĩnh An,"xã Vĩnh An, tỉnh An Giang",1.500,5,"1.200"'].join('\n'),
      2025,
    );
    const held = 'Dòng để «Bỏ qua» cho đến khi chọn việc cần làm cho dòng này.';
    expect(preview.page.rows[0]?.notes.map((note) => `${note.cell}: ${note.message}`)).toEqual([
      `C2: Vốn điều lệ: «1.500» ở cột tính bằng đồng là 1.500 đồng, nhỏ bất thường, có lẽ ô đã ghi bằng triệu đồng. Nếu là 1.500.000.000 đồng, hãy sửa ô thành 1.500.000.000. ${held}`,
      `D2: Thu nhập bình quân: «5» ở cột tính bằng đồng là 5 đồng, nhỏ bất thường, có lẽ ô đã ghi bằng triệu đồng. Nếu là 5.000.000 đồng, hãy sửa ô thành 5.000.000. ${held}`,
    ]);
    expect(preview.page.rows[0]?.defaultAction).toBe('skip');
  });
});

describe('rows of a list that are no organization', () => {
  it('passes over a total whose sum was typed as text, and says a second table’s header row is skipped', async () => {
    const { preview } = await previewList(
      [
        'Tên HTX,Địa chỉ,Số thành viên',
        'HTX Lúa Vĩnh An,"xã Vĩnh An, tỉnh An Giang",12',
        'Tổng cộng,,=SUM(C2:C2)',
        'Tên THT,Địa chỉ,Số thành viên',
        'THT Rau Vĩnh Bình,"xã Vĩnh Bình, tỉnh An Giang",8',
      ].join('\n'),
      2025,
    );
    expect(preview.page.rows.map((row) => [row.row, row.status, row.problems.map((problem) => `${problem.cell}: ${problem.message}`)])).toEqual([
      [2, 'valid', []],
      [4, 'invalid', ['4: Dòng 4 là dòng tiêu đề lặp lại (như dòng tiêu đề của bảng), không phải dữ liệu: bỏ qua.']],
      [5, 'valid', []],
    ]);
  });
});
