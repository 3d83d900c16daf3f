/**
 * Where the organizations import places each row, from lists as offices write addresses: old ones
 * without "xã" or "huyện", communes named like old districts or old provinces, and a commune column
 * that says another thing than the address.
 */
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { organizations } from '../../src/core/db/schema';
import { COMMIT_JOB } from '../../src/core/excel/import/pipeline';
import { alsoOldCommunesWords } from '../../src/core/excel/import/places';
import type { ImportPreview } from '../../src/shared/contract';
import { analyze, commitOf, previewOf, proposedMapping, stage } from './importWorkbooks';
import { AN_GIANG, call, openTestApp } from './support';

let app: ReturnType<typeof openTestApp>;

beforeEach(async () => {
  app = openTestApp();
  await call(app, 'alliance:save', { name: 'Liên minh Hợp tác xã tỉnh An Giang', provinceCode: AN_GIANG });
});
afterEach(() => app.close());

/** A list with these columns and rows (the name column first, made up), previewed with the proposed mapping. */
async function preview(headers: string[], rows: (string | null)[][]): Promise<{ jobId: string; preview: ImportPreview }> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('DS');
  sheet.addRow(['STT', 'Tên HTX', ...headers]);
  rows.forEach((values, index) => sheet.addRow([index + 1, `HTX Nông nghiệp số ${String(index + 1)}`, ...values]));
  const { jobId, analysis } = await analyze(app, stage(app, 'danh sach.xlsx', Buffer.from(await workbook.xlsx.writeBuffer())));
  return previewOf(app, jobId, proposedMapping(analysis));
}

/** Each row's place as the preview shows it: its commune (with its province when not An Giang's), the choices it asks among, or that it asks for any. */
function places(result: ImportPreview): (string | string[])[] {
  return result.page.rows.map((row) => {
    if (row.needsPlace) return 'cần chọn xã';
    return row.communeChoices.length ? row.communeChoices.map((commune) => commune.name) : (row.commune?.name ?? '');
  });
}

describe('old addresses without type words', () => {
  it('read the old district written after the old commune as that district, and map the old commune', async () => {
    const { jobId, preview: result } = await preview(
      ['Địa chỉ'],
      [
        ['ấp Long Hòa, Long Điền A, Chợ Mới, An Giang'],
        ['Long Điền A - Chợ Mới - An Giang'],
        ['ấp Long Hòa, xã Long Điền A, Chợ Mới, An Giang'],
        ['ấp Hòa Long, Hòa Bình, Chợ Mới, An Giang'],
        ['xã Khánh Hòa, Châu Phú, tỉnh An Giang'],
        ['Mỹ Khánh, Long Xuyên, An Giang'],
        // Old Phú Hội went partly to An Phú, partly to Nhơn Hội.
        ['xã Phú Hội, An Phú, AG'],
        // Communes of today named like old districts, written as today.
        ['xã Chợ Mới, tỉnh An Giang'],
        ['Ấp 2, Xã Chợ Mới, An Giang'],
        ['xã Châu Thành, tỉnh An Giang'],
        ['Khóm 2, TT Chợ Mới, H. Chợ Mới, An Giang'],
      ],
    );
    expect(places(result)).toEqual([
      'Xã Long Điền',
      'Xã Long Điền',
      'Xã Long Điền',
      'Xã Hội An',
      'Xã Mỹ Đức',
      'Phường Bình Đức',
      ['Xã An Phú', 'Xã Nhơn Hội'],
      'Xã Chợ Mới',
      'Xã Chợ Mới',
      'Xã Châu Thành',
      'Xã Chợ Mới',
    ]);
    // Saved with the old address as written; the split one waits for the person's choice.
    const { summary } = await commitOf(app, { previewJobId: jobId, decisions: [] });
    expect(summary).toMatchObject({ created: 10, failed: 1 });
    const saved = app.ctx.db.$client.prepare("SELECT old_address AS oldAddress FROM organizations WHERE name = 'HTX Nông nghiệp số 6'").get();
    expect(saved).toEqual({ oldAddress: 'Mỹ Khánh, Long Xuyên, An Giang' });
  });
});

describe('a name that is a commune of today and was an old district', () => {
  it('is asked about among the communes the district went to, saying why, and the address is kept as written', async () => {
    const { jobId, preview: result } = await preview(
      ['Địa chỉ'],
      [['Chợ Mới, An Giang'], ['ấp 3, Phú Tân'], ['huyện Phú Tân'], ['xã Phú Tân'], ['Tân Châu'], ['Chợ Mới, An Giang']],
    );
    expect(places(result)).toEqual([
      ['Xã Chợ Mới', 'Xã Cù Lao Giêng', 'Xã Hội An', 'Xã Long Điền', 'Xã Long Kiến', 'Xã Nhơn Mỹ'],
      ['Xã Bình Thạnh Đông', 'Xã Chợ Vàm', 'Xã Hòa Lạc', 'Xã Phú An', 'Xã Phú Lâm', 'Xã Phú Tân'],
      // A district with its type word and no commune: the same choices, not the whole province.
      ['Xã Bình Thạnh Đông', 'Xã Chợ Vàm', 'Xã Hòa Lạc', 'Xã Phú An', 'Xã Phú Lâm', 'Xã Phú Tân'],
      'Xã Phú Tân',
      ['Xã Châu Phong', 'Phường Long Phú', 'Xã Tân An', 'Phường Tân Châu', 'Xã Vĩnh Xương'],
      ['Xã Chợ Mới', 'Xã Cù Lao Giêng', 'Xã Hội An', 'Xã Long Điền', 'Xã Long Kiến', 'Xã Nhơn Mỹ'],
    ]);
    // Two cooperatives of one old district need not be in one commune: each row is answered alone.
    expect(result.page.rows.map((row) => row.placeKey)).toEqual([null, null, null, null, null, null]);
    expect(result.page.rows.map((row) => row.notes.map((note) => `${note.cell}: ${note.message}`))).toEqual([
      ['C2: «Chợ Mới» là tên Xã Chợ Mới hiện nay, cũng là tên huyện Chợ Mới trước 01/07/2025: hãy chọn xã, phường nơi tổ chức ở.'],
      ['C3: «Phú Tân» là tên Xã Phú Tân hiện nay, cũng là tên huyện Phú Tân trước 01/07/2025: hãy chọn xã, phường nơi tổ chức ở.'],
      [],
      [],
      ['C6: «Tân Châu» là tên Phường Tân Châu hiện nay, cũng là tên thị xã Tân Châu trước 01/07/2025: hãy chọn xã, phường nơi tổ chức ở.'],
      ['C7: «Chợ Mới» là tên Xã Chợ Mới hiện nay, cũng là tên huyện Chợ Mới trước 01/07/2025: hãy chọn xã, phường nơi tổ chức ở.'],
    ]);
    const choice = (row: number, at: number) => result.page.rows[row]?.communeChoices[at]?.code ?? '';
    const { summary } = await commitOf(app, {
      previewJobId: jobId,
      decisions: [
        { row: 2, communeCode: choice(0, 2) },
        { row: 7, communeCode: choice(5, 0) },
      ],
    });
    expect(summary).toMatchObject({ created: 3, failed: 3 });
    const saved = app.ctx.db.$client
      .prepare("SELECT name, commune_code AS communeCode, old_address AS oldAddress FROM organizations WHERE name IN ('HTX Nông nghiệp số 1', 'HTX Nông nghiệp số 6') ORDER BY name")
      .all();
    expect(saved).toEqual([
      { name: 'HTX Nông nghiệp số 1', communeCode: choice(0, 2), oldAddress: 'Chợ Mới, An Giang' },
      { name: 'HTX Nông nghiệp số 6', communeCode: choice(5, 0), oldAddress: 'Chợ Mới, An Giang' },
    ]);
    // Nothing remembered for the next list: the same words do not say the same place.
    expect(app.ctx.db.$client.prepare('SELECT count(*) FROM import_place_answers').pluck().get()).toBe(0);

    // The list read again: the two now in the register are placed where it has them, not asked again.
    const { preview: again } = await preview(
      ['Địa chỉ'],
      [['Chợ Mới, An Giang'], ['ấp 3, Phú Tân'], ['huyện Phú Tân'], ['xã Phú Tân'], ['Tân Châu'], ['Chợ Mới, An Giang']],
    );
    expect(places(again)).toEqual([
      'Xã Hội An',
      ['Xã Bình Thạnh Đông', 'Xã Chợ Vàm', 'Xã Hòa Lạc', 'Xã Phú An', 'Xã Phú Lâm', 'Xã Phú Tân'],
      ['Xã Bình Thạnh Đông', 'Xã Chợ Vàm', 'Xã Hòa Lạc', 'Xã Phú An', 'Xã Phú Lâm', 'Xã Phú Tân'],
      'Xã Phú Tân',
      ['Xã Châu Phong', 'Phường Long Phú', 'Xã Tân An', 'Phường Tân Châu', 'Xã Vĩnh Xương'],
      'Xã Chợ Mới',
    ]);
    expect(again.page.rows.map((row) => [row.match?.reason ?? null, row.notes.length])).toEqual([
      ['sameName', 0],
      [null, 1],
      [null, 0],
      ['sameName', 0],
      [null, 1],
      ['sameName', 0],
    ]);
  });
});

describe('communes named like old provinces', () => {
  it('stay in the province beside the district that holds them, in the address or in their own column', async () => {
    const { jobId, preview: result } = await preview(
      ['Địa chỉ', 'Xã', 'Huyện'],
      [
        ['ấp Long Thạnh, Long An', null, 'Tân Châu'],
        ['ấp Long Thạnh', 'Long An', 'Tân Châu'],
        ['ấp Phú Hữu, Phú Thọ', null, 'Phú Tân'],
        ['ấp Phú Hữu', 'Phú Thọ', 'Phú Tân'],
        ['ấp Hòa Long', 'Hòa Bình', 'Chợ Mới'],
        // Addresses of other provinces still read there.
        ['ấp 1, xã Long Điền, Cà Mau', null, null],
        ['xã Phước Vĩnh Tây, Long An', null, null],
        ['Phường Sài Gòn, TP. Hồ Chí Minh', null, null],
        ['xã Vĩnh Hòa, tỉnh Đồng Tháp', null, null],
      ],
    );
    expect(places(result)).toEqual([
      'Xã Tân An',
      'Xã Tân An',
      'Xã Phú An',
      'Xã Phú An',
      'Xã Hội An',
      'Xã Long Điền (Tỉnh Cà Mau)',
      'Xã Phước Vĩnh Tây (Tỉnh Tây Ninh)',
      'Phường Sài Gòn (Thành phố Hồ Chí Minh)',
      'cần chọn xã',
    ]);
    const { summary } = await commitOf(app, { previewJobId: jobId, decisions: [] });
    expect(summary).toMatchObject({ created: 8, failed: 1 });
    const elsewhere = await call(app, 'organizations:list', { place: 'elsewhere', page: 1, pageSize: 50 });
    expect(elsewhere.rows.map((row) => row.name).sort()).toEqual(['HTX Nông nghiệp số 6', 'HTX Nông nghiệp số 7', 'HTX Nông nghiệp số 8']);
  });
});

describe('the address and the commune column', () => {
  it('ask which commune when they name different ones, and agree silently when the address gives the old name of the column’s commune', async () => {
    const { jobId, preview: result } = await preview(
      ['Địa chỉ', 'Xã/Phường'],
      [
        ['xã Vĩnh Hòa', 'Long Điền'],
        ['ấp 3, xã Vĩnh Hòa, huyện Tân Châu', 'Vĩnh Xương'],
        ['ấp 1', 'Vĩnh Hòa'],
      ],
    );
    expect(places(result)).toEqual([['Xã Long Điền', 'Xã Vĩnh Hòa'], 'Xã Vĩnh Xương', 'Xã Vĩnh Hòa']);
    // Nothing is taken until the person chooses: neither what the address says nor what the column says.
    const left = await commitOf(app, { previewJobId: jobId, decisions: [] });
    expect(left.summary).toMatchObject({ created: 2, failed: 1 });
  });
});

describe('an old commune written beside an old district that held none of its name', () => {
  it('says so, with where the communes of that name went, not that the commune was divided', async () => {
    // Old xã Vĩnh Trường was of huyện An Phú; neither huyện Châu Thành (of old An Giang or of old Kiên Giang) had one.
    const { jobId, preview: result } = await preview(['Xã', 'Huyện'], [['Vĩnh Trường', 'Châu Thành'], ['Phú Hội', 'An Phú']]);
    const [wrongDistrict, divided] = result.page.rows;
    expect(wrongDistrict?.placeReason).toBe('Không có xã Vĩnh Trường trong huyện Châu Thành (cũ); xã Vĩnh Trường của huyện An Phú (cũ) nay thuộc xã Vĩnh Hậu.');
    // Where Vĩnh Trường went, and the communes of both huyện Châu Thành (old An Giang's and old Kiên Giang's): either may be the mistake.
    expect(wrongDistrict?.communeChoices.map((commune) => commune.name)).toEqual([
      'Xã An Châu',
      'Xã Bình An',
      'Xã Bình Hòa',
      'Xã Cần Đăng',
      'Xã Châu Thành',
      'Xã Thạnh Lộc',
      'Xã Vĩnh An',
      'Xã Vĩnh Hanh',
      'Xã Vĩnh Hậu',
    ]);
    // An old commune divided between two is still asked about as before.
    expect(divided?.placeReason).toBeNull();
    expect(divided?.communeChoices.map((commune) => commune.name)).toEqual(['Xã An Phú', 'Xã Nhơn Hội']);
    const { jobId: committed } = await commitOf(app, { previewJobId: jobId, decisions: [] });
    expect([...app.ctx.jobs.result(committed, COMMIT_JOB).failures]).toEqual([
      [2, 'Không có xã Vĩnh Trường trong huyện Châu Thành (cũ); xã Vĩnh Trường của huyện An Phú (cũ) nay thuộc xã Vĩnh Hậu. Chưa chọn xã, phường.'],
      [3, 'Địa chỉ cũ nay thuộc một trong xã An Phú, xã Nhơn Hội; chưa chọn xã, phường.'],
    ]);
  });

  it('names only the communes of that name that went into the province, the only ones it offers', async () => {
    // Old An Giang's only xã Tân Phú, of huyện Châu Thành, went to Đồng Tháp's xã Tân Phú Trung: not one of the choices here.
    const { preview: result } = await preview(['Xã', 'Huyện'], [['Tân Phú', 'An Phú']]);
    const [row] = result.page.rows;
    expect(row?.placeReason).toBe('Không có xã Tân Phú trong huyện An Phú (cũ).');
    expect(row?.communeChoices.map((commune) => commune.name)).toEqual(['Xã An Phú', 'Xã Khánh Bình', 'Xã Nhơn Hội', 'Xã Phú Hữu', 'Xã Vĩnh Hậu']);
  });
});

describe('a place of another province the app could not read', () => {
  it('is answered with a commune of that province, not of the alliance’s', async () => {
    const { jobId, preview: result } = await preview(['Địa chỉ'], [['ấp 5, xã Không Có, tỉnh Đồng Tháp'], ['ấp 6, xã Cũng Không Có, tỉnh Đồng Tháp']]);
    expect(result.page.rows.map((row) => [row.needsPlace, row.placeProvinceCode])).toEqual([
      [true, '82'],
      [true, '82'],
    ]);
    const [dongThap] = await call(app, 'places:communes', { provinceCode: '82' });
    const [anGiang] = await call(app, 'places:communes', { provinceCode: AN_GIANG });
    const { jobId: committed, summary } = await commitOf(app, {
      previewJobId: jobId,
      decisions: [
        { row: 2, communeCode: dongThap?.code ?? '' },
        { row: 3, communeCode: anGiang?.code ?? '' },
      ],
    });
    expect(summary).toMatchObject({ created: 1, failed: 1 });
    const created = app.ctx.db.select({ name: organizations.name, communeCode: organizations.communeCode, provinceCode: organizations.provinceCode }).from(organizations).all();
    expect(created).toEqual([{ name: 'HTX Nông nghiệp số 1', communeCode: dongThap?.code, provinceCode: '82' }]);
    expect([...app.ctx.jobs.result(committed, COMMIT_JOB).failures]).toEqual([[3, 'Không đọc được xã, phường từ địa chỉ; chưa chọn xã, phường của tỉnh Đồng Tháp.']]);
  });
});

describe('a place the app could not read', () => {
  it('is said at its cell, with the words it could not place, and where the catalogue files a commune of another province', async () => {
    const { preview: result } = await preview(
      ['Địa chỉ', 'Xã/phường'],
      [
        ['ấp 2, xã Bình Yên, huyện Châu Thành', ''],
        ['', 'Phường Không Có'],
        // Old An Giang's Xã Tân Phú, which the catalogue of 2025 files under Đồng Tháp.
        ['ấp 1, xã Tân Phú, huyện Châu Thành, tỉnh An Giang', ''],
        ['ấp 3, xã Không Có, tỉnh Đồng Tháp', ''],
        ['ấp 4, xã Vĩnh Bình, huyện Châu Thành', ''],
      ],
    );
    expect(places(result)).toEqual(['cần chọn xã', 'cần chọn xã', 'cần chọn xã', 'cần chọn xã', 'Xã Vĩnh An']);
    expect(result.page.rows.map((row) => row.notes)).toEqual([
      [{ cell: 'C2', message: '«ấp 2, xã Bình Yên, huyện Châu Thành»: không tìm thấy tên xã, phường nào của tỉnh An Giang (tên hiện nay hoặc trước 01/07/2025); hãy chọn xã, phường nơi tổ chức ở.' }],
      [{ cell: 'D3', message: '«Phường Không Có»: không tìm thấy tên xã, phường nào của tỉnh An Giang (tên hiện nay hoặc trước 01/07/2025); hãy chọn xã, phường nơi tổ chức ở.' }],
      [
        {
          cell: 'C4',
          message:
            '«ấp 1, xã Tân Phú, huyện Châu Thành, tỉnh An Giang»: theo danh mục đơn vị hành chính từ 01/07/2025, nơi này nay thuộc xã Tân Phú Trung (tỉnh Đồng Tháp), không thuộc tỉnh An Giang; hãy chọn xã, phường của tỉnh An Giang nơi tổ chức ở.',
        },
      ],
      [{ cell: 'C5', message: '«ấp 3, xã Không Có, tỉnh Đồng Tháp»: không tìm thấy tên xã, phường nào của tỉnh Đồng Tháp (tên hiện nay hoặc trước 01/07/2025); hãy chọn xã, phường nơi tổ chức ở.' }],
      [],
    ]);
  });
});

describe('a place written as marks only', () => {
  it('is refused as no address, at its cell, as a blank one is: its commune, chosen by hand, could never be checked again', async () => {
    const { preview: result } = await preview(['Địa chỉ', 'Xã/phường'], [['', '/'], ['#', '']]);
    expect(result.page.rows.map((row) => [row.status, row.placeKey, row.problems])).toEqual([
      ['invalid', null, [{ cell: 'D2', message: 'Chưa có địa chỉ: cần tên xã, phường để biết tổ chức ở đâu.' }]],
      ['invalid', null, [{ cell: 'C3', message: 'Chưa có địa chỉ: cần tên xã, phường để biết tổ chức ở đâu.' }]],
    ]);
  });

  it('is refused at the cell that holds a mark read as blank («-»), else at the address, or the commune when the list has no address', async () => {
    const { preview: both } = await preview(['Địa chỉ', 'Xã/phường'], [['', '-'], ['-', ''], ['', '']]);
    expect(both.page.rows.map((row) => [row.status, row.problems, row.notes])).toEqual([
      // The note that «-» is read as blank is not said again beside why the row is refused at that cell.
      ['invalid', [{ cell: 'D2', message: 'Chưa có địa chỉ: cần tên xã, phường để biết tổ chức ở đâu.' }], []],
      ['invalid', [{ cell: 'C3', message: 'Chưa có địa chỉ: cần tên xã, phường để biết tổ chức ở đâu.' }], []],
      ['invalid', [{ cell: 'C4', message: 'Chưa có địa chỉ: cần tên xã, phường để biết tổ chức ở đâu.' }], []],
    ]);
    const { preview: communeOnly } = await preview(['Xã/phường', 'Điện thoại'], [['', '0296 3851 234']]);
    expect(communeOnly.page.rows[0]?.problems).toEqual([{ cell: 'C2', message: 'Chưa có địa chỉ: cần tên xã, phường để biết tổ chức ở đâu.' }]);
  });
});

describe('a name of a commune of today that an old commune of the province bore too', () => {
  it('is read as today’s commune, saying at its cell where the old one went, unless the address says which', async () => {
    const { preview: result } = await preview(
      ['Địa chỉ', 'Xã/phường'],
      [
        // Today's Xã Vĩnh Hòa (old Kiên Giang's, of huyện U Minh Thượng); old xã Vĩnh Hòa of thị xã Tân Châu is now in Xã Vĩnh Xương.
        ['Ấp Vĩnh Phước, Vĩnh Hòa', ''],
        ['Ấp Vĩnh Phước', 'Vĩnh Hòa'],
        ['Ấp Vĩnh Phước, xã Vĩnh Hòa, TX. Tân Châu', ''],
        ['Ấp Vĩnh Phước, xã Vĩnh Hòa, huyện U Minh Thượng, tỉnh Kiên Giang', ''],
        // No old commune of the name went elsewhere.
        ['Ấp 2, Xã Vĩnh Xương', ''],
        // Old thị trấn Vĩnh Bình of huyện Châu Thành is now in Xã Vĩnh An: "xã Vĩnh Bình" is not it.
        ['Ấp 3, Vĩnh Bình', ''],
        ['Ấp 3, xã Vĩnh Bình', ''],
        // Today's Xã Mỹ Đức; old phường Mỹ Đức of thành phố Hà Tiên is now in Phường Hà Tiên.
        ['Ấp Mỹ Hòa', 'Mỹ Đức'],
      ],
    );
    expect(places(result)).toEqual(['Xã Vĩnh Hòa', 'Xã Vĩnh Hòa', 'Xã Vĩnh Xương', 'Xã Vĩnh Hòa', 'Xã Vĩnh Xương', 'Xã Vĩnh Bình', 'Xã Vĩnh Bình', 'Xã Mỹ Đức']);
    // What to write is the old district as the catalogue names it: a thị xã, a huyện, a thành phố.
    const said = '«Vĩnh Hòa» đọc là xã Vĩnh Hòa hiện nay; nếu là xã Vĩnh Hòa cũ của thị xã Tân Châu (nay thuộc xã Vĩnh Xương), hãy ghi thêm thị xã Tân Châu.';
    const town = '«Vĩnh Bình» đọc là xã Vĩnh Bình hiện nay; nếu là thị trấn Vĩnh Bình cũ của huyện Châu Thành (nay thuộc xã Vĩnh An), hãy ghi thêm huyện Châu Thành.';
    const city = '«Mỹ Đức» đọc là xã Mỹ Đức hiện nay; nếu là phường Mỹ Đức cũ của thành phố Hà Tiên (nay thuộc phường Hà Tiên), hãy ghi thêm thành phố Hà Tiên.';
    expect(result.page.rows.map((row) => row.notes)).toEqual([
      [{ cell: 'C2', message: said }],
      [{ cell: 'D3', message: said }],
      [],
      [],
      [],
      [{ cell: 'C7', message: town }],
      [],
      [{ cell: 'D9', message: city }],
    ]);
  });

  it('names each old district a namesake was of, as the catalogue types it', () => {
    // Đồng Tháp's Xã Tân Hòa of today; old xã Tân Hòa of huyện Thanh Bình and of huyện Lai Vung went elsewhere.
    const reading = app.ctx.places.readAddress({ address: '', commune: 'Tân Hòa', district: '' }, '82');
    expect(reading.match).toMatchObject({ kind: 'mapped', commune: { fullName: 'Xã Tân Hòa', provinceCode: '82' } });
    expect(reading.alsoOldCommunes && reading.match.kind === 'mapped' ? alsoOldCommunesWords(reading.alsoOldCommunes, reading.match.commune) : null).toBe(
      '«Tân Hòa» đọc là xã Tân Hòa hiện nay; nếu là xã Tân Hòa cũ của huyện Thanh Bình (nay thuộc xã Tân Long) hoặc xã Tân Hòa cũ của huyện Lai Vung (nay thuộc xã Phong Hòa), hãy ghi thêm huyện Thanh Bình hoặc huyện Lai Vung.',
    );
  });
});

describe('an old commune written with i for the catalogue’s y', () => {
  it('is found, as "Ô Long Vĩ" for the catalogue’s xã Ô Long Vỹ', async () => {
    const { preview: result } = await preview(['Địa chỉ'], [['Ấp Long Hòa, xã Ô Long Vĩ, H. Châu Phú']]);
    expect(places(result)).toEqual(['Xã Thạnh Mỹ Tây']);
    expect(result.page.rows[0]?.notes).toEqual([]);
  });
});
