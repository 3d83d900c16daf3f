import { useState } from 'react';
import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ImportAnalysis, ImportPreview, ImportPreviewRow } from '../../src/shared/contract';
import { AppProviders, createQueryClient } from '../../src/renderer/src/AppProviders';
import { PreviewStep, actionOf, type Decisions } from '../../src/renderer/src/pages/excel/import/PreviewStep';
import { MappingStep } from '../../src/renderer/src/pages/excel/import/MappingStep';
import { SheetStep } from '../../src/renderer/src/pages/excel/import/SheetStep';
import { installFakeApi, ok, previewRow } from './fakeApi';

const rows = [
  previewRow({ row: 6, values: ['HTX NN Vĩnh Bình'], commune: { code: '30604', name: 'Xã Vĩnh An' } }),
  previewRow({ row: 8, values: ['Hợp tác xã Nông nghiệp Vĩnh Bình'], match: { reason: 'inFile', id: null, name: 'HTX NN Vĩnh Bình', place: '', row: 6 }, defaultAction: 'skip' }),
  previewRow({ row: 9, status: 'invalid', values: ['HTX Rau an toàn Bình Hòa'], problems: [{ cell: 'E9', message: 'Ngày thành lập: Ngày «31/02/2024» không có thật.' }], defaultAction: 'skip' }),
];

const preview: ImportPreview = {
  kind: 'organizations',
  fileName: 'Danh sach HTX 2024.xlsx',
  columns: [{ letter: 'B', header: 'Tên HTX', field: 'name' }],
  counts: { rows: 3, valid: 2, invalid: 1, matched: 1, fresh: 1, ambiguous: 0, unplaced: 0, noted: 0 },
  page: { rows, total: 3 },
  year: null,
  valueChoices: [],
  choiceOptions: {},
  legacyFontsRead: [],
};

/** The preview step of a job whose preview the fake backend answers with `shown`. */
function renderPreview(shown: ImportPreview) {
  installFakeApi({ 'imports:previewResult': () => ok(shown) });
  render(
    <AppProviders queryClient={createQueryClient()} env="test">
      <PreviewStep jobId="00000000-0000-4000-8000-000000000001" decisions={{ rows: {}, bulk: {}, places: {} }} onDecisionsChange={() => undefined} />
    </AppProviders>,
  );
}

describe('import preview', () => {
  it('shows each row with its problems at their cells and its match', async () => {
    renderPreview(preview);
    expect(await screen.findByText('E9: Ngày thành lập: Ngày «31/02/2024» không có thật.')).toBeTruthy();
    expect(screen.getByText('Trùng dòng 6 trong tệp (HTX NN Vĩnh Bình)')).toBeTruthy();
    expect(screen.getByText('1 có lỗi')).toBeTruthy();
    expect(screen.getByText('Xã Vĩnh An')).toBeTruthy();
  });

  it('says under a match what updating would change, as the history writes it, a long list folded', async () => {
    const match = { reason: 'registrationNo' as const, id: 254, name: 'HTX Nông nghiệp Long Điền', place: 'Xã Mỹ Hòa Hưng', row: null };
    const shown = [
      previewRow({
        row: 17,
        values: ['HTX NN Long Điền'],
        match,
        defaultAction: 'update',
        changes: {
          record: 'organization',
          fields: [
            { field: 'foundedOn', before: '2010-06-05', after: '2012-12-12' },
            { field: 'charterCapital', before: 500_000_000, after: 800_000_000 },
            { field: 'communeCode', before: '30313', after: '30604' },
            { field: 'phone', before: '', after: '0296 3111 222' },
            { field: 'representative', before: 'Nguyễn Văn Điền', after: 'Trần Thị Mai' },
            { field: 'figures', before: { year: 2024, membersOfficial: 196 }, after: { year: 2024, membersOfficial: 35 } },
          ],
          names: { 'communeCode:30313': 'Xã Mỹ Hòa Hưng', 'communeCode:30604': 'Xã Vĩnh An' },
        },
      }),
      previewRow({ row: 18, values: ['HTX Nông nghiệp Long Điền'], match, defaultAction: 'update', changes: { record: 'organization', fields: [], names: {} } }),
    ];
    renderPreview({ ...preview, page: { rows: shown, total: 2 } });
    expect(await screen.findByText('Ngày thành lập: 05/06/2010 → 12/12/2012')).toBeTruthy();
    // The matcher reads the no-break space before ₫ as a space.
    expect(screen.getByText('Vốn điều lệ: 500.000.000 ₫ → 800.000.000 ₫')).toBeTruthy();
    expect(screen.getByText('Xã, phường: Xã Mỹ Hòa Hưng → Xã Vĩnh An')).toBeTruthy();
    expect(screen.queryByText('Điện thoại: (trống) → 0296 3111 222')).toBeNull();
    fireEvent.click(screen.getByText('và 3 thay đổi khác'));
    expect(screen.getByText('Điện thoại: (trống) → 0296 3111 222')).toBeTruthy();
    expect(screen.getByText('Số liệu năm 2024: Thành viên chính thức 196 → 35')).toBeTruthy();
    expect(screen.getByText('Không có gì thay đổi')).toBeTruthy();
  });

  it('says in Vietnamese that a group chosen has no rows', async () => {
    renderPreview({ ...preview, page: { rows: [], total: 0 } });
    expect(await screen.findByText('Không có dòng nào thuộc nhóm này.')).toBeTruthy();
    expect(screen.queryByText('No records')).toBeNull();
  });

  it('writes the commune of a similar name as a sentence does, and a matched number’s as a label', async () => {
    const shown = [
      previewRow({ row: 5, values: ['HTX NN Mỹ Đức'], match: { reason: 'sameName', id: 9, name: 'HTX Nông nghiệp Mỹ Đức', place: 'Xã Mỹ Đức', row: null }, defaultAction: 'skip' }),
      previewRow({ row: 6, values: ['HTX An Phú'], match: { reason: 'registrationNo', id: 7, name: 'HTX An Phú', place: 'Xã An Phú', row: null }, defaultAction: 'update' }),
    ];
    renderPreview({ ...preview, page: { rows: shown, total: 2 } });
    expect(await screen.findByText('Tên gần giống HTX Nông nghiệp Mỹ Đức cùng xã Mỹ Đức')).toBeTruthy();
    expect(screen.getByText('Trùng mã số với HTX An Phú (Xã An Phú)')).toBeTruthy();
  });

  it('says above each place to choose why it is asked, and whether the choice serves the other rows of that address', async () => {
    const asked = [
      previewRow({ row: 4, values: ['HTX NN Phú Hưng'], communeChoices: [{ code: '30370', name: 'Xã Phú Tân' }, { code: '30385', name: 'Xã Chợ Vàm' }], placeKey: 'phu hung, phu tan' }),
      previewRow({ row: 5, values: ['HTX NN Bình Yên'], needsPlace: true, placeProvinceCode: '91', placeKey: '' }),
    ];
    installFakeApi({ 'imports:previewResult': () => ok({ ...preview, page: { rows: asked, total: 2 } }), 'places:communes': () => ok([]) });
    render(
      <AppProviders queryClient={createQueryClient()} env="test">
        <PreviewStep jobId="00000000-0000-4000-8000-000000000001" decisions={{ rows: {}, bulk: {}, places: {} }} onDecisionsChange={() => undefined} />
      </AppProviders>,
    );
    expect(await screen.findByText('Địa chỉ cũ nay thuộc nhiều xã, phường. Lựa chọn áp dụng cho mọi dòng có cùng địa chỉ.')).toBeTruthy();
    expect(screen.getByText('Không đọc được xã, phường từ địa chỉ.')).toBeTruthy();
    expect(screen.getAllByPlaceholderText('Chọn xã, phường')).toHaveLength(2);
  });

  it('lists the move of a «Cập nhật» as soon as the person chooses the commune, without checking the rows again', async () => {
    const match = { reason: 'registrationNo' as const, id: 254, name: 'HTX Nông nghiệp Phú Hưng', place: 'Xã Mỹ Hòa Hưng', row: null };
    const asked = (fields: NonNullable<ImportPreviewRow['changes']>['fields']) =>
      previewRow({
        row: 4,
        values: ['HTX NN Phú Hưng'],
        match,
        defaultAction: 'update',
        communeChoices: [{ code: '30370', name: 'Xã Phú Tân' }, { code: '30385', name: 'Xã Chợ Vàm' }],
        placeKey: 'phu hung, phu tan',
        changes: { record: 'organization', fields, names: { 'communeCode:30313': 'Xã Mỹ Hòa Hưng', 'communeCode:30385': 'Xã Chợ Vàm' } },
      });
    // The core lists the changes with the communes chosen so far, as the commit writes them.
    const invoke = installFakeApi({
      'imports:previewResult': ({ placeAnswers = [] }) =>
        ok({
          ...preview,
          page: { rows: [asked(placeAnswers.some((answer) => answer.communeCode === '30385') ? [{ field: 'communeCode', before: '30313', after: '30385' }] : [])], total: 1 },
        }),
    });
    function Stateful() {
      const [decisions, setDecisions] = useState<Decisions>({ rows: {}, bulk: {}, places: {} });
      return <PreviewStep jobId="00000000-0000-4000-8000-000000000001" decisions={decisions} onDecisionsChange={setDecisions} />;
    }
    render(
      <AppProviders queryClient={createQueryClient()} env="test">
        <Stateful />
      </AppProviders>,
    );
    expect(await screen.findByText('Không có gì thay đổi')).toBeTruthy();
    fireEvent.click(screen.getByPlaceholderText('Chọn xã, phường'));
    fireEvent.click(await screen.findByRole('option', { name: 'Xã Chợ Vàm' }));
    expect(await screen.findByText('Xã, phường: Xã Mỹ Hòa Hưng → Xã Chợ Vàm')).toBeTruthy();
    expect(invoke.mock.calls.filter(([channel]) => channel === 'imports:previewResult').at(-1)?.[1]).toMatchObject({
      placeAnswers: [{ placeKey: 'phu hung, phu tan', communeCode: '30385' }],
      decisions: [],
    });
  });

  it('sets a note that asks for a decision apart from one that says how a cell was read', async () => {
    const noted = previewRow({
      row: 7,
      values: ['HTX DV Tân Phú'],
      notes: [
        { cell: 'D7', message: 'Ngày thành lập: chỉ ghi năm 2020; ghi nhận là 01/01/2020.' },
        { cell: 'H7', message: 'Ghi chú «đã giải thể năm 2023»: dòng vẫn được ghi là tổ chức đang hoạt động.', heed: true },
      ],
    });
    renderPreview({ ...preview, page: { rows: [noted], total: 1 } });
    const heeded = await screen.findByText('H7: Ghi chú «đã giải thể năm 2023»: dòng vẫn được ghi là tổ chức đang hoạt động.');
    const read = screen.getByText('D7: Ngày thành lập: chỉ ghi năm 2020; ghi nhận là 01/01/2020.');
    expect(heeded.style.color).toBe('var(--mantine-color-yellow-9)');
    expect(read.style.color).not.toContain('yellow');
  });

  it('sets red apart for what refuses a row: a note to heed is amber on a row written and on a row refused alike', async () => {
    const profitNote = 'Lợi nhuận năm 2025 (900.000.000 đồng) lớn hơn doanh thu (90.000.000 đồng): xem lại có gõ thừa số 0 không. Dòng vẫn được ghi nếu để nguyên.';
    const written = previewRow({ row: 4, values: ['HTX DV Tân Phú'], notes: [{ cell: 'F4', message: profitNote, heed: true }] });
    const refused = previewRow({
      row: 5,
      status: 'invalid',
      values: ['HTX Rau Bình Hòa'],
      problems: [{ cell: 'E5', message: 'Ngày thành lập: Ngày «31/02/2024» không có thật.' }],
      notes: [{ cell: '5', message: 'Dòng đang ẩn trong tệp Excel (ẩn dòng hoặc bị lọc): vẫn được nhập như các dòng khác.', heed: true }],
      defaultAction: 'skip',
    });
    renderPreview({ ...preview, page: { rows: [written, refused], total: 2 } });
    const colourOf = (text: string) => screen.getByText(text).style.color;
    expect((await screen.findByText(`F4: ${profitNote}`)).style.color).toBe('var(--mantine-color-yellow-9)');
    expect(colourOf('5: Dòng đang ẩn trong tệp Excel (ẩn dòng hoặc bị lọc): vẫn được nhập như các dòng khác.')).toBe('var(--mantine-color-yellow-9)');
    expect(colourOf('E5: Ngày thành lập: Ngày «31/02/2024» không có thật.')).toBe('var(--mantine-color-red-text)');
  });

  it('says once above the rows of a products list without a group column that each group is read from the name', async () => {
    const products: ImportPreview = {
      ...preview,
      kind: 'products',
      columns: [
        { letter: 'A', header: 'Mã số HTX', field: 'registrationNo' },
        { letter: 'C', header: 'Sản phẩm', field: 'name' },
      ],
      page: { rows: [previewRow({ row: 2, values: ['1600123456', 'Gạo ST25'] }), previewRow({ row: 3, values: ['1600123456', 'Nếp'] })], total: 2 },
    };
    renderPreview(products);
    expect(await screen.findByText('Nhóm sản phẩm được đọc từ tên sản phẩm')).toBeTruthy();
    expect(screen.getAllByText(/^Tệp không có cột Nhóm sản phẩm: mỗi sản phẩm được xếp vào nhóm mà tên của nó cho biết/)).toHaveLength(1);
  });

  it('says nothing of groups read from names above a products list that has a group column', async () => {
    const products: ImportPreview = {
      ...preview,
      kind: 'products',
      columns: [
        { letter: 'C', header: 'Sản phẩm', field: 'name' },
        { letter: 'D', header: 'Nhóm sản phẩm', field: 'productGroup' },
      ],
      page: { rows: [previewRow({ row: 2, values: ['Gạo ST25', 'Lúa gạo'] })], total: 1 },
    };
    renderPreview(products);
    expect(await screen.findByText('Gạo ST25')).toBeTruthy();
    expect(screen.queryByText('Nhóm sản phẩm được đọc từ tên sản phẩm')).toBeNull();
  });

  it('writes the counts of a long list as Vietnamese writes numbers', async () => {
    const counts = { rows: 100_000, valid: 100_000, invalid: 0, matched: 0, fresh: 100_000, ambiguous: 12_500, unplaced: 0, noted: 3_250 };
    renderPreview({ ...preview, counts, page: { rows, total: 100_000 } });
    expect(await screen.findByText('100.000 dòng')).toBeTruthy();
    expect(screen.getByText('12.500 cần chọn xã')).toBeTruthy();
    expect(screen.getByText('3.250 có ghi chú')).toBeTruthy();
    expect(screen.getByText(/^1–\d+ trong 100\.000$/)).toBeTruthy();
  });

  it('says how many rows had text in an old font read into Unicode, font by font', async () => {
    renderPreview({ ...preview, legacyFontsRead: [{ font: '.VnTime', rows: 1_250 }, { font: 'VNI-Times', rows: 3 }] });
    expect(await screen.findByText('Đã đọc chữ gõ bằng phông cũ sang Unicode')).toBeTruthy();
    expect(screen.getByText('1.250 dòng có ô dùng phông .VnTime; 3 dòng có ô dùng phông VNI-Times. Hãy xem lại tên và địa chỉ của các dòng này trước khi nhập.')).toBeTruthy();
  });

  it('takes a row’s own choice over the bulk one, and never writes a row with problems', () => {
    const [fresh, duplicate, invalid] = rows as [ImportPreviewRow, ImportPreviewRow, ImportPreviewRow];
    const decisions = { rows: { 8: { action: 'update' as const } }, bulk: { matched: 'skip' as const, fresh: 'skip' as const }, places: {} };
    expect(actionOf(fresh, decisions)).toBe('skip');
    expect(actionOf(duplicate, decisions)).toBe('update');
    expect(actionOf(invalid, { rows: { 9: { action: 'create' } }, bulk: {}, places: {} })).toBe('skip');
  });
});

const analysis: ImportAnalysis = {
  kind: 'organizations',
  fileName: 'DS HTX.xlsx',
  format: 'xlsx',
  sheets: [{ name: 'DS', hidden: false, empty: false, headerless: false }],
  sheet: 'DS',
  headerRows: [4],
  dataStartRow: 5,
  columns: [{ index: 1, letter: 'B', header: 'TÊN HTX', field: 'name', proposedAnew: false, namesUnit: false, hidden: false }],
  fields: [],
  rememberedMapping: false,
  legacyFont: null,
  legacyFontsRead: [],
  namedAsWorkbook: false,
  codePageRead: null,
  sampleRows: [{ row: 5, cells: ['Hợp tác xã Nông nghiệp Vĩnh Hòa'] }],
  detectedYear: null,
  titleYears: null,
};

function renderSheet(shown: ImportAnalysis) {
  render(
    <AppProviders queryClient={createQueryClient()} env="test">
      <SheetStep analysis={shown} onSheetChange={() => undefined} />
    </AppProviders>,
  );
}

describe('import sheet step', () => {
  it('says a header of one row as one row, and one of several as merged', () => {
    renderSheet(analysis);
    expect(screen.getByText('Dòng tiêu đề: dòng 4; dữ liệu bắt đầu từ dòng 5.')).toBeTruthy();
    renderSheet({ ...analysis, headerRows: [4, 5], dataStartRow: 6 });
    expect(screen.getByText('Dòng tiêu đề: các dòng 4, 5 (tiêu đề gộp nhiều dòng); dữ liệu bắt đầu từ dòng 6.')).toBeTruthy();
  });

  it('says which other sheets hold data, since one sheet is imported at a time', () => {
    renderSheet({
      ...analysis,
      sheets: [
        { name: 'Châu Thành', hidden: false, empty: false, headerless: false },
        { name: 'Chợ Mới', hidden: false, empty: false, headerless: false },
        { name: 'Phú Tân', hidden: false, empty: false, headerless: false },
        { name: 'Sheet3', hidden: false, empty: true, headerless: false },
        { name: 'Cũ', hidden: true, empty: false, headerless: false },
      ],
      sheet: 'Châu Thành',
    });
    expect(screen.getByText('Tệp còn trang tính khác có dữ liệu')).toBeTruthy();
    expect(
      screen.getByText(
        'Lần nhập này chỉ đọc trang «Châu Thành». Tệp còn 2 trang khác có dữ liệu: «Chợ Mới», «Phú Tân». Sau khi nhập xong trang này, hãy nhập tiếp từng trang: chọn trang ở ô Trang tính phía trên.',
      ),
    ).toBeTruthy();
  });

  it('says nothing of a sheet the analysis found without the list’s header, as an instructions sheet', () => {
    renderSheet({
      ...analysis,
      sheets: [
        { name: 'Hướng dẫn', hidden: false, empty: false, headerless: true },
        { name: 'Châu Thành', hidden: false, empty: false, headerless: false },
        { name: 'Chợ Mới', hidden: false, empty: false, headerless: false },
      ],
      sheet: 'Châu Thành',
    });
    expect(screen.getByText(/Tệp còn 1 trang khác có dữ liệu: «Chợ Mới»\./)).toBeTruthy();
  });

  it('says nothing of other sheets when the others are empty or hidden', () => {
    renderSheet({ ...analysis, sheets: [...analysis.sheets, { name: 'Sheet2', hidden: false, empty: true, headerless: false }, { name: 'Ẩn', hidden: true, empty: false, headerless: false }] });
    expect(screen.queryByText('Tệp còn trang tính khác có dữ liệu')).toBeNull();
  });

  it('says a CSV was read from the Windows-1258 code page', () => {
    renderSheet({ ...analysis, format: 'csv', codePageRead: 'Windows-1258' });
    expect(screen.getByText('Tệp CSV lưu bằng bảng mã Windows-1258 đã được đọc sang Unicode')).toBeTruthy();
  });

  it('says a list exported as text or as a web page under an Excel name was read as what it holds', () => {
    renderSheet({ ...analysis, fileName: 'xuat_tu_cong.xlsx', format: 'csv', namedAsWorkbook: true });
    expect(screen.getByText('Tệp «xuat_tu_cong.xlsx» có đuôi .xlsx nhưng thật ra không phải sổ làm việc Excel')).toBeTruthy();
    expect(screen.getByText(/^Bên trong tệp là danh sách dạng văn bản, .*HTX Desk đã đọc tệp như một tệp CSV;/)).toBeTruthy();
    renderSheet({ ...analysis, fileName: 'trang_web.xls', format: 'html', namedAsWorkbook: true });
    expect(screen.getByText('Tệp «trang_web.xls» có đuôi .xls nhưng thật ra không phải sổ làm việc Excel')).toBeTruthy();
    expect(screen.getByText(/^Bên trong tệp là một trang web \(HTML\) có bảng, .*HTX Desk đã đọc bảng đầu tiên của trang/)).toBeTruthy();
  });

  it('says a workbook of several sheets saved as a single file web page under an Excel name was read sheet by sheet', () => {
    const sheets = [
      { name: 'Châu Thành', hidden: false, empty: false, headerless: false },
      { name: 'Thoại Sơn', hidden: false, empty: false, headerless: false },
    ];
    renderSheet({ ...analysis, fileName: 'DS HTX.xls', format: 'html', namedAsWorkbook: true, sheets, sheet: 'Thoại Sơn' });
    expect(screen.getByText('Tệp «DS HTX.xls» có đuôi .xls nhưng thật ra không phải sổ làm việc Excel')).toBeTruthy();
    expect(screen.getByText(/^Bên trong tệp là một sổ làm việc Excel lưu thành trang web một tệp \(MHT, «Single File Web Page»\), mỗi trang tính một bảng\. HTX Desk đã đọc trang tính đang chọn/)).toBeTruthy();
    expect(screen.queryByText(/đã đọc bảng đầu tiên của trang/)).toBeNull();
  });

  it('says nothing of the name of a CSV named .csv', () => {
    renderSheet({ ...analysis, fileName: 'ds.csv', format: 'csv' });
    expect(screen.queryByText(/thật ra không phải sổ làm việc Excel/)).toBeNull();
  });

  it('says which old fonts the first rows were read from', () => {
    renderSheet({ ...analysis, legacyFontsRead: ['.VnTime', '.VnTimeH'] });
    expect(screen.getByText('Chữ gõ bằng phông cũ đã được đọc sang Unicode')).toBeTruthy();
    expect(screen.getByText(/^Các ô dùng phông \.VnTime, \.VnTimeH được đọc theo bảng mã của phông/)).toBeTruthy();
  });
});

describe('import mapping step', () => {
  it('says which columns of a remembered mapping are proposed anew, and marks them', () => {
    const remembered: ImportAnalysis = {
      ...analysis,
      rememberedMapping: true,
      columns: [
        { index: 1, letter: 'B', header: 'TÊN HTX', field: 'name', proposedAnew: false, namesUnit: false, hidden: false },
        { index: 2, letter: 'C', header: 'Tình trạng', field: 'status', proposedAnew: true, namesUnit: false, hidden: false },
      ],
      fields: [
        { key: 'name', required: true, fedAlsoBy: null, unitAfter: false },
        { key: 'status', required: false, fedAlsoBy: null, unitAfter: false },
      ],
    };
    render(
      <AppProviders queryClient={createQueryClient()} env="test">
        <MappingStep analysis={remembered} mapping={{ 1: 'name', 2: 'status' }} onChange={() => undefined} missing={[]} yearAsked={false} year={null} onYearChange={() => undefined} />
      </AppProviders>,
    );
    expect(screen.getByText('Đã dùng lại cách ghép cột của lần nhập trước có cùng tiêu đề.')).toBeTruthy();
    expect(
      screen.getByText('Lần nhập trước chưa nhập cột C «Tình trạng»: nay ứng dụng đọc được tiêu đề và đề xuất ghép như dưới đây. Hãy xem lại trước khi tiếp tục.'),
    ).toBeTruthy();
    expect(screen.getAllByText('Đề xuất mới')).toHaveLength(1);
  });

  it('marks a column the workbook hides', () => {
    const withHidden: ImportAnalysis = {
      ...analysis,
      columns: [
        { index: 1, letter: 'B', header: 'TÊN HTX', field: 'name', proposedAnew: false, namesUnit: false, hidden: false },
        { index: 3, letter: 'D', header: 'Số thành viên', field: null, proposedAnew: false, namesUnit: false, hidden: true },
        { index: 4, letter: 'E', header: 'Số thành viên', field: 'membersOfficial', proposedAnew: false, namesUnit: false, hidden: false },
      ],
    };
    render(
      <AppProviders queryClient={createQueryClient()} env="test">
        <MappingStep analysis={withHidden} mapping={{ 1: 'name', 4: 'membersOfficial' }} onChange={() => undefined} missing={[]} yearAsked={false} year={null} onYearChange={() => undefined} />
      </AppProviders>,
    );
    expect(
      screen.getByText('Tệp có cột đang ẩn trong Excel: cột D «Số thành viên». Cột ẩn chỉ được đề xuất ghép khi không cột nào đang hiện mang cùng tên; hãy xem lại cột nào cần nhập.'),
    ).toBeTruthy();
    const marked = screen.getAllByText('Cột ẩn');
    expect(marked).toHaveLength(1);
    expect(marked[0]?.closest('td')?.textContent).toContain('D: Số thành viên');
  });
});
