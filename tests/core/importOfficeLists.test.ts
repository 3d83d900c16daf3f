/**
 * Members lists as district and provincial offices keep them: a title block over a two-row merged
 * header, section headings and subtotals per district, old addresses, codes, phones, dates and
 * amounts written as each clerk writes them, and a footer.
 */
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadAdminUnits, partedAtTypeWords } from '../../src/core/adminUnits';
import { organizations } from '../../src/core/db/schema';
import { fieldOfHeader } from '../../src/core/excel/import/fields';
import { parseDateCell } from '../../src/core/excel/read/values';
import type { ImportPreview } from '../../src/shared/contract';
import { analyze, commitOf, previewOf, proposedMapping, stage } from './importWorkbooks';
import { AN_GIANG, call, openTestApp, repoRoot } from './support';

type TestApp = ReturnType<typeof openTestApp>;
let app: TestApp;

beforeEach(async () => {
  app = openTestApp(new Date('2026-11-23T08:00:00Z'));
  await call(app, 'alliance:save', { name: 'Liên minh Hợp tác xã tỉnh An Giang', provinceCode: AN_GIANG });
});
afterEach(() => app.close());

/** A district's list: title rows, a header merged over two rows, its rows from row 6. */
async function officeList(header: string[], rows: ExcelJS.CellValue[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('DS HTX');
  sheet.getCell('A1').value = 'LIÊN MINH HTX TỈNH AN GIANG';
  sheet.getCell('A2').value = 'DANH SÁCH HỢP TÁC XÃ NĂM 2025';
  header.forEach((title, index) => {
    const letter = String.fromCharCode(65 + index);
    sheet.getCell(`${letter}4`).value = title;
    sheet.mergeCells(`${letter}4:${letter}5`);
  });
  rows.forEach((values, index) => {
    sheet.getRow(6 + index).values = values;
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function previewList(bytes: Buffer): Promise<ImportPreview> {
  const { jobId, analysis } = await analyze(app, stage(app, 'DS HTX 2025.xlsx', bytes), 'organizations');
  return (await previewOf(app, jobId, proposedMapping(analysis))).preview;
}

const cellsOf = (preview: ImportPreview) =>
  preview.page.rows.map((row) => [row.row, row.status, [...row.problems, ...row.notes].map((problem) => `${problem.cell}: ${problem.message}`)]);

describe('Mã số HTX as clerks write it', () => {
  it('reads its digits grouped by dashes, as by spaces or dots, with a branch after the last dash', async () => {
    const preview = await previewList(
      await officeList(
        ['STT', 'Tên HTX', 'Mã số HTX', 'Địa chỉ'],
        [
          [1, 'HTX NN DV Tân Phú', '1601-234-567', 'xã Phú Thuận, huyện Thoại Sơn'],
          [2, 'HTX TM-DV Long Hòa', '1601 – 234 – 568', 'xã Vĩnh Trạch, H. Thoại Sơn'],
          [3, 'HTX Nông nghiệp Định Thành', '1601-234-569-001', 'xã Định Thành, huyện Thoại Sơn'],
          [4, 'HTX Thủy sản Mỹ Bình', '1601.234.570-002', 'khóm 2, P. Mỹ Bình, TP Long Xuyên'],
          // Digits that make no code stay as written, for the contract to refuse.
          [5, 'HTX Rau sạch Mỹ Khánh', '1601-234-57', 'xã Mỹ Khánh, TP. Long Xuyên'],
        ],
      ),
    );
    expect(cellsOf(preview)).toEqual([
      [6, 'valid', ['C6: Mã số HTX: «1601-234-567» ghi nhận là 1601234567.']],
      [7, 'valid', ['C7: Mã số HTX: «1601 – 234 – 568» ghi nhận là 1601234568.']],
      [8, 'valid', ['C8: Mã số HTX: «1601-234-569-001» ghi nhận là 1601234569-001.']],
      [9, 'valid', ['C9: Mã số HTX: «1601.234.570-002» ghi nhận là 1601234570-002.']],
      [10, 'invalid', ['C10: Mã số HTX (mã số thuế) gồm 10 chữ số, hoặc 10 chữ số, gạch ngang và 3 chữ số.']],
    ]);
  });
});

describe('headers as offices word them', () => {
  it.each([
    ['Ngày cấp GCN ĐKHTX', 'foundedOn'],
    ['Ngày cấp giấy chứng nhận đăng ký HTX', 'foundedOn'],
    ['Ngày cấp Giấy chứng nhận đăng ký hợp tác xã', 'foundedOn'],
    ['Ngày đăng ký HTX', 'foundedOn'],
    ['Số GCN ĐKHTX', 'registrationNo'],
    ['Số giấy chứng nhận đăng ký hợp tác xã', 'registrationNo'],
    ['Mã số ĐKHTX', 'registrationNo'],
    ['Họ tên Chủ tịch HĐQT kiêm Giám đốc', 'representative'],
    ['Họ và tên Giám đốc/Chủ nhiệm', 'representative'],
    ['Họ tên Tổ trưởng', 'representative'],
    ['Ngành nghề SXKD chính', 'sectorCode'],
    ['Lĩnh vực kinh doanh chính', 'sectorCode'],
    ['Số điện thoại chính', 'phone'],
    ['Ứng dụng CNC', 'highTech'],
    ['CNC', 'highTech'],
    // A tổ hợp tác's members are its tổ viên.
    ['Số tổ viên', 'membersOfficial'],
    ['Tổ viên', 'membersOfficial'],
    ['Ngày chứng thực hợp đồng hợp tác', 'foundedOn'],
  ])('maps «%s» to %s', (header, field) => {
    expect(fieldOfHeader('organizations', header)).toBe(field);
  });
});

describe("the next year's list", () => {
  it('counts a member updated with its first figures of the year as updated, not added', async () => {
    const header = ['STT', 'Tên HTX', 'Mã số HTX', 'Địa chỉ', 'Giám đốc', 'Số thành viên'];
    const first = await officeList(header, [[1, 'HTX Nông nghiệp Dịch vụ Tân Phú', '1601234567', 'ấp Phú Hòa, xã Phú Thuận, huyện Thoại Sơn', 'Nguyễn Văn Tâm', 15]]);
    const { jobId, analysis } = await analyze(app, stage(app, 'DS 2024.xlsx', first), 'organizations');
    const firstPreview = await previewOf(app, jobId, proposedMapping(analysis), 2024);
    expect((await commitOf(app, { previewJobId: firstPreview.jobId, decisions: [] })).summary).toMatchObject({ created: 1, updated: 0 });

    // The same cooperative in the next year's list: nothing of it changed but its members, a year of figures not stored yet.
    const next = await officeList(header, [[1, 'HTX NN DV Tân Phú', '1601-234-567', 'ấp Phú Hòa, xã Phú Thuận, huyện Thoại Sơn', 'Nguyễn Văn Tâm', '18 TV']]);
    const again = await analyze(app, stage(app, 'DS 2025.xlsx', next), 'organizations');
    const { jobId: previewJobId, preview } = await previewOf(app, again.jobId, proposedMapping(again.analysis), 2025);
    expect(preview.page.rows.map((row) => [row.match?.reason, row.defaultAction])).toEqual([['registrationNo', 'update']]);
    const { summary } = await commitOf(app, { previewJobId, decisions: [] });
    expect(summary).toMatchObject({ created: 0, updated: 1, skipped: 0, failed: 0 });
  });
});

describe('places with what has become of them in brackets', () => {
  it('reads a bracket as a part of the address, and asks when it names another commune of today', async () => {
    const preview = await previewList(
      await officeList(
        ['STT', 'Tên HTX', 'Địa chỉ', 'Xã, phường'],
        [
          [1, 'HTX NN DV Tân Phú', 'ấp Phú Hòa, xã Phú Thuận (nay là xã Phú Hòa), huyện Thoại Sơn', null],
          [2, 'HTX Nông nghiệp Phú Hữu', 'ấp Phú Hữu, xã Phú Thuận (cũ), huyện Thoại Sơn (cũ), tỉnh An Giang', null],
          [3, 'HTX TM-DV Long Hòa', 'ấp Long Hòa, xã Phú Hòa (Phú Thuận cũ)', null],
          [4, 'HTX Rau an toàn Vọng Thê', 'ấp 3', 'Óc Eo (xã Vọng Thê cũ)'],
          // The bracket and the rest disagree: neither is dropped in silence.
          [5, 'HTX Nông nghiệp Định Thành', 'xã Phú Thuận (nay là xã Định Mỹ), huyện Thoại Sơn', null],
        ],
      ),
    );
    expect(preview.page.rows.map((row) => [row.row, row.status, row.commune?.name ?? null, row.communeChoices.map((commune) => commune.name), row.needsPlace])).toEqual([
      [6, 'valid', 'Xã Phú Hòa', [], false],
      [7, 'valid', 'Xã Phú Hòa', [], false],
      [8, 'valid', 'Xã Phú Hòa', [], false],
      [9, 'valid', 'Xã Óc Eo', [], false],
      [10, 'valid', null, ['Xã Định Mỹ', 'Xã Phú Hòa'], false],
    ]);
  });
});

describe('addresses written without commas', () => {
  it('reads the parts its type words begin, and keeps the hamlet as the street', async () => {
    const bytes = await officeList(
      ['STT', 'Tên HTX', 'Địa chỉ'],
      [
        [1, 'HTX NN DV Tân Phú', 'ấp Phú Hòa xã Phú Thuận huyện Thoại Sơn tỉnh An Giang'],
        [2, 'HTX Nông nghiệp Vĩnh Trạch', 'Ấp Tân Hiệp X.Vĩnh Trạch H.Thoại Sơn'],
        [3, 'HTX Thủy sản Mỹ Bình', 'khóm 2 P. Mỹ Bình TP Long Xuyên'],
        [4, 'HTX Nông nghiệp Núi Sập', 'TT Núi Sập huyện Thoại Sơn'],
      ],
    );
    const { jobId, analysis } = await analyze(app, stage(app, 'DS HTX 2025.xlsx', bytes), 'organizations');
    const { jobId: previewJobId, preview } = await previewOf(app, jobId, proposedMapping(analysis));
    expect(preview.page.rows.map((row) => [row.row, row.commune?.name ?? null, row.needsPlace])).toEqual([
      [6, 'Xã Phú Hòa', false],
      [7, 'Xã Vĩnh Trạch', false],
      [8, 'Phường Long Xuyên', false],
      [9, 'Xã Thoại Sơn', false],
    ]);
    await commitOf(app, { previewJobId, decisions: [] });
    const stored = app.ctx.db.select({ name: organizations.name, street: organizations.street }).from(organizations).orderBy(organizations.id).all();
    expect(stored.map((row) => row.street)).toEqual(['ấp Phú Hòa', 'Ấp Tân Hiệp', 'khóm 2', '']);
  });

  it('keeps a name that holds a type word whole («xã Tứ Xã», «Tỉnh lộ»)', () => {
    const units = loadAdminUnits(join(repoRoot, 'resources/admin-units/admin-units.json'));
    expect(units.readAddress({ address: 'xã Tứ Xã huyện Lâm Thao' }, '25').match).toMatchObject({ kind: 'mapped', commune: { code: '08521' } });
    expect(partedAtTypeWords('ấp 3 Tỉnh lộ 943 xã Vọng Thê huyện Thoại Sơn')).toBe('ấp 3 Tỉnh lộ 943, xã Vọng Thê, huyện Thoại Sơn');
  });
});

describe('a subtotal without its label', () => {
  it('passes over a row of numbers alone that each sum their column, and shows one that does not', async () => {
    const preview = await previewList(
      await officeList(
        ['STT', 'Tên HTX', 'Địa chỉ', 'Vốn điều lệ (triệu đồng)', 'Số thành viên'],
        [
          ['I', 'HUYỆN THOẠI SƠN'],
          [1, 'HTX NN Phú Thuận', 'xã Phú Thuận, huyện Thoại Sơn', 500, 25],
          [2, 'HTX Vọng Thê', 'xã Vọng Thê, huyện Thoại Sơn', 300, 12],
          // =SUM(D7:D8), =SUM(E7:E8), its «Cộng» forgotten.
          [null, null, null, { formula: 'SUM(D7:D8)', result: 800 }, { formula: 'SUM(E7:E8)', result: 37 }],
          ['II', 'TP LONG XUYÊN'],
          [3, 'HTX Mỹ Bình', 'P. Mỹ Bình, TP Long Xuyên', 200.5, 9],
          [null, null, null, 200.5, 9],
          // The whole list's total, typed.
          [null, null, null, 1000.5, 46],
          // Numbers that sum nothing: a row whose name was left out, refused with why.
          [null, null, null, 150, 7],
          // A row repeating the one before it but for its name and address: its own number sums nothing.
          [5, null, null, 150, 7],
        ],
      ),
    );
    expect(preview.page.rows.map((row) => [row.row, row.status])).toEqual([
      [7, 'valid'],
      [8, 'valid'],
      [11, 'valid'],
      [14, 'invalid'],
      [15, 'invalid'],
    ]);
  });
});

describe('a list of tổ hợp tác', () => {
  it.each([
    ['Tên tổ hợp tác', 'tht'],
    ['Tên THT', 'tht'],
    ['Tên HTX', 'htx'],
    ['Tên đơn vị', 'htx'],
  ])('stores a group whose name says no kind under «%s» as %s, and one whose name says it as that', async (header, kind) => {
    const bytes = await officeList(
      ['STT', header, 'Địa chỉ', 'Tổ trưởng'],
      [
        [1, 'Tổ sản xuất lúa ấp 3', 'xã Phú Thuận, huyện Thoại Sơn', 'Nguyễn Văn A'],
        [2, 'HTX Nông nghiệp Vọng Thê', 'xã Vọng Thê, huyện Thoại Sơn', 'Lê Văn C'],
      ],
    );
    const { jobId, analysis } = await analyze(app, stage(app, 'DS THT 2025.xlsx', bytes), 'organizations');
    const { jobId: previewJobId } = await previewOf(app, jobId, proposedMapping(analysis));
    await commitOf(app, { previewJobId, decisions: [] });
    const stored = app.ctx.db.select({ name: organizations.name, kind: organizations.kind }).from(organizations).orderBy(organizations.id).all();
    expect(stored).toEqual([
      { name: 'Tổ sản xuất lúa ấp 3', kind },
      { name: 'HTX Nông nghiệp Vọng Thê', kind: 'htx' },
    ]);
  });
});

describe('a count or an amount written as an estimate', () => {
  it('is refused saying what to write', async () => {
    const preview = await previewList(
      await officeList(
        ['STT', 'Tên HTX', 'Địa chỉ', 'Vốn điều lệ (triệu đồng)', 'Số thành viên'],
        [
          [1, 'HTX NN Phú Thuận', 'xã Phú Thuận, huyện Thoại Sơn', 'khoảng 500', 'khoảng 20'],
          [2, 'HTX Vọng Thê', 'xã Vọng Thê, huyện Thoại Sơn', 'hơn 1 tỷ', 'trên 15 TV'],
          // Words that make no number stay «không phải số».
          [3, 'HTX Mỹ Bình', 'P. Mỹ Bình, TP Long Xuyên', null, 'khoảng vài chục'],
        ],
      ),
    );
    expect(cellsOf(preview)).toEqual([
      [
        6,
        'invalid',
        [
          'D6: Vốn điều lệ: «khoảng 500» không phải một số chính xác; hãy ghi đúng số, không kèm «khoảng».',
          'E6: Số thành viên chính thức: «khoảng 20» không phải một số chính xác; hãy ghi đúng số, không kèm «khoảng».',
        ],
      ],
      [
        7,
        'invalid',
        [
          'D7: Vốn điều lệ: «hơn 1 tỷ» không phải một số chính xác; hãy ghi đúng số, không kèm «hơn».',
          'E7: Số thành viên chính thức: «trên 15 TV» không phải một số chính xác; hãy ghi đúng số, không kèm «trên».',
        ],
      ],
      [8, 'invalid', ['E8: Số thành viên chính thức: «khoảng vài chục» không phải số.']],
    ]);
  });
});

describe('rows numbered in the name cell', () => {
  it('reads the name without its number, and says so, where a kind word follows it', async () => {
    const preview = await previewList(
      await officeList(
        ['Tên HTX', 'Địa chỉ'],
        [
          ['1. HTX NN Phú Thuận', 'xã Phú Thuận, huyện Thoại Sơn'],
          ['12) Tổ hợp tác rau an toàn ấp 3', 'xã Vọng Thê, huyện Thoại Sơn'],
          // A number that is part of the name stays.
          ['3/2 Vĩnh Trạch', 'xã Vĩnh Trạch, huyện Thoại Sơn'],
        ],
      ),
    );
    expect(cellsOf(preview)).toEqual([
      [6, 'valid', ['A6: Tên tổ chức: «1. HTX NN Phú Thuận» ghi nhận là «HTX NN Phú Thuận» (bỏ số thứ tự ở đầu).']],
      [7, 'valid', ['A7: Tên tổ chức: «12) Tổ hợp tác rau an toàn ấp 3» ghi nhận là «Tổ hợp tác rau an toàn ấp 3» (bỏ số thứ tự ở đầu).']],
      [8, 'valid', []],
    ]);
  });
});

describe('a day written with spaces around its slashes', () => {
  it.each([
    ['15 / 3 / 2015', '2015-03-15'],
    ['15 - 03 - 2015', '2015-03-15'],
    ['ngày 5 /6/ 2017', '2017-06-05'],
  ])('reads «%s» as %s', (written, iso) => {
    expect(parseDateCell(written)).toEqual({ iso });
  });
});
