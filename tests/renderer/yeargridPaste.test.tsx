import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { FiguresGridRow, InputOf, YearlyFigures } from '../../src/shared/contract';
import { AppProviders, createQueryClient } from '../../src/renderer/src/AppProviders';
import { hasUnsavedChanges } from '../../src/renderer/src/forms/unsavedChanges';
import { YearGridPage } from '../../src/renderer/src/pages/YearGridPage';
import { foldText } from '../../src/shared/text';
import { installFakeApi, ok } from './fakeApi';
import { choose } from './select';

const lastYear = new Date().getFullYear() - 1;

function figures(year: number, overrides: Partial<YearlyFigures> = {}): YearlyFigures {
  return {
    organizationId: 7,
    year,
    membersOfficial: null,
    membersAssociate: null,
    workers: null,
    revenue: null,
    profit: null,
    averageIncome: null,
    totalAssets: null,
    managers: null,
    managersWithDegree: null,
    classification: null,
    score: null,
    updatedAt: '2025-01-10T08:00:00.000Z',
    ...overrides,
  };
}

const myHiep: FiguresGridRow = { organizationId: 7, name: 'HTX Nông nghiệp Mỹ Hiệp', kind: 'htx', communeName: 'Xã Mỹ Hiệp', otherProvinceName: null, figures: null, previous: null };
const caoLanh: FiguresGridRow = { organizationId: 9, name: 'Tổ hợp tác Cao Lãnh', kind: 'tht', communeName: 'Phường Cao Lãnh', otherProvinceName: null, figures: null, previous: null };
const rows = [myHiep, caoLanh];

/** The grid of `shown` rows, searched by name and narrowed by kind as the backend does. */
function renderGrid(shown: FiguresGridRow[] = rows) {
  const invoke = installFakeApi({
    'figures:grid': (input) => {
      const found = shown.filter((row) => (input.query === undefined || foldText(row.name).includes(input.query)) && (input.kind === undefined || row.kind === input.kind));
      return ok({ rows: found, total: found.length });
    },
    'figures:save': (input) => ok(figures(input.year, { ...input, classification: input.classification ?? null })),
  });
  render(
    <AppProviders queryClient={createQueryClient()} env="test">
      <YearGridPage />
    </AppProviders>,
  );
  const saves = () => invoke.mock.calls.filter(([channel]) => channel === 'figures:save').map(([, input]) => input as InputOf<'figures:save'>);
  return { invoke, saves };
}

const cell = (field: string, name: string) => screen.getByLabelText<HTMLInputElement>(`${field} – ${name}`);

/** A paste as the browser fires it, with what Excel puts on the clipboard. */
function paste(into: HTMLElement, text: string): void {
  into.focus();
  fireEvent.paste(into, { clipboardData: { getData: (type: string) => (type === 'text/plain' ? text : '') } });
}

afterEach(() => {
  // A refused cell left on screen holds the page's unsaved work: each test starts without it.
  cleanup();
  expect(hasUnsavedChanges()).toBe(false);
});

describe('year grid: pasting from Excel', () => {
  it('fills a copied row rightwards across the editable columns, each value checked and saved as if typed, each refusal at its cell', async () => {
    const { saves } = renderGrid();
    await screen.findByText('HTX Nông nghiệp Mỹ Hiệp');
    const name = 'HTX Nông nghiệp Mỹ Hiệp';
    // Excel: one row, a tab between cells, a line break after it. The fourth is refused (a dot that groups nothing).
    paste(cell('Thành viên chính thức', name), '25\t3\t30\t1.2.3\t-50.000.000\t6.500.000\tKhá\t85\r\n');

    await waitFor(() =>
      expect(saves()).toEqual([
        { organizationId: 7, year: lastYear, membersOfficial: 25 },
        { organizationId: 7, year: lastYear, membersAssociate: 3 },
        { organizationId: 7, year: lastYear, workers: 30 },
        { organizationId: 7, year: lastYear, profit: -50_000_000 },
        { organizationId: 7, year: lastYear, averageIncome: 6_500_000 },
        { organizationId: 7, year: lastYear, classification: 'fair' },
        { organizationId: 7, year: lastYear, score: 85 },
      ]),
    );
    expect([cell('Thành viên chính thức', name).value, cell('Lao động thường xuyên', name).value, cell('Thu nhập bình quân', name).value]).toEqual(['25', '30', '6.500.000']);
    // The refused value stays in its own cell, as typed, with its message there (not in the cell pasted into).
    const revenue = cell('Doanh thu', name);
    expect(revenue.value).toBe('1.2.3');
    expect(revenue.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('«1.2.3»: dấu chấm chỉ dùng để ngăn cách hàng nghìn (1.250); phần lẻ ghi sau dấu phẩy (1,5).')).toBeTruthy();
    expect(cell('Thành viên chính thức', name).getAttribute('aria-invalid')).toBeNull();
  });

  it('fills a copied column downwards over the rows shown, and says what fell beyond the grid', async () => {
    const { saves } = renderGrid();
    await screen.findByText('HTX Nông nghiệp Mỹ Hiệp');
    paste(cell('Lao động thường xuyên', 'HTX Nông nghiệp Mỹ Hiệp'), '40\n41\n42\n');

    await waitFor(() =>
      expect(saves()).toEqual([
        { organizationId: 7, year: lastYear, workers: 40 },
        { organizationId: 9, year: lastYear, workers: 41 },
      ]),
    );
    expect(cell('Lao động thường xuyên', 'Tổ hợp tác Cao Lãnh').value).toBe('41');
    expect(screen.getByRole('alert').textContent).toContain('Có 1 giá trị trong phần vừa dán nằm ngoài bảng');
  });

  it('puts a block whose first column names the organizations into their own rows, whatever the order, and says a total row or an unknown name rather than filling the row its place meets', async () => {
    const { saves } = renderGrid();
    await screen.findByText('HTX Nông nghiệp Mỹ Hiệp');
    // Copied from a list in its own order, names spelled another way, a row of another page, and the total row.
    paste(
      cell('Thành viên chính thức', 'HTX Nông nghiệp Mỹ Hiệp'),
      'THT Cao Lãnh\t12\t3\t8\r\nHợp tác xã Nông nghiệp Mỹ Hiệp\t25\t4\t30\r\nHTX Vĩnh Bình\t40\t2\t11\r\nTổng cộng\t77\t9\t49\r\n',
    );
    await waitFor(() =>
      expect(saves()).toEqual([
        { organizationId: 9, year: lastYear, membersOfficial: 12 },
        { organizationId: 9, year: lastYear, membersAssociate: 3 },
        { organizationId: 9, year: lastYear, workers: 8 },
        { organizationId: 7, year: lastYear, membersOfficial: 25 },
        { organizationId: 7, year: lastYear, membersAssociate: 4 },
        { organizationId: 7, year: lastYear, workers: 30 },
      ]),
    );
    expect(cell('Thành viên chính thức', 'HTX Nông nghiệp Mỹ Hiệp').getAttribute('aria-invalid')).toBeNull();
    const said = screen.getByRole('alert').textContent;
    expect(said).toContain('2 dòng đã được điền vào dòng của đúng tổ chức đó (theo tên, không theo thứ tự)');
    expect(said).toContain('Có 2 dòng không được điền vì tên ở cột đầu không khớp với tổ chức nào đang hiện trên trang (hoặc khớp với nhiều tổ chức cùng tên): «HTX Vĩnh Bình», «Tổng cộng».');
  });

  it('says a pasted classification the grid does not have at its cell, and saves nothing for it', async () => {
    const { saves } = renderGrid();
    await screen.findByText('HTX Nông nghiệp Mỹ Hiệp');
    paste(screen.getByLabelText('Xếp loại – HTX Nông nghiệp Mỹ Hiệp'), 'Xuất sắc\t90');
    expect(await screen.findByText('«Xuất sắc» không phải một xếp loại. Chọn một trong: Tốt, Khá, Trung bình, Yếu, hoặc để trống.')).toBeTruthy();
    await waitFor(() => expect(saves()).toEqual([{ organizationId: 7, year: lastYear, score: 90 }]));
  });
});

describe('year grid: a refused value is not lost without a word', () => {
  it('says a cell copied from a failed Excel formula («#N/A», «#REF!») is Excel\u2019s error, kept at its cell, the others saved', async () => {
    const { saves } = renderGrid();
    await screen.findByText('HTX Nông nghiệp Mỹ Hiệp');
    paste(cell('Thành viên chính thức', 'HTX Nông nghiệp Mỹ Hiệp'), '#N/A\t5\t#REF!');
    await waitFor(() => expect(saves()).toEqual([{ organizationId: 7, year: lastYear, membersAssociate: 5 }]));
    for (const error of ['#N/A', '#REF!']) {
      expect(
        await screen.findByText(`«${error}» là ô báo lỗi công thức của Excel, không phải một số: hãy sửa công thức trong tệp Excel rồi sao chép lại, hoặc gõ số vào đây.`),
      ).toBeTruthy();
    }
    expect(cell('Thành viên chính thức', 'HTX Nông nghiệp Mỹ Hiệp').value).toBe('#N/A');
    // Left as typed, to be corrected: the page holds them as unsaved work.
    fireEvent.change(cell('Thành viên chính thức', 'HTX Nông nghiệp Mỹ Hiệp'), { target: { value: '' } });
    fireEvent.change(cell('Lao động thường xuyên', 'HTX Nông nghiệp Mỹ Hiệp'), { target: { value: '' } });
  });

  it('takes a count pasted with its own unit («14 người», «5 hộ» of members) and says so; another word is refused at its cell', async () => {
    const { saves } = renderGrid();
    await screen.findByText('HTX Nông nghiệp Mỹ Hiệp');
    paste(cell('Thành viên chính thức', 'HTX Nông nghiệp Mỹ Hiệp'), '14 người\t5 hộ\t14 tấn');
    await waitFor(() =>
      expect(saves()).toEqual([
        { organizationId: 7, year: lastYear, membersOfficial: 14 },
        { organizationId: 7, year: lastYear, membersAssociate: 5 },
      ]),
    );
    expect(cell('Thành viên chính thức', 'HTX Nông nghiệp Mỹ Hiệp').value).toBe('14');
    expect(screen.getByText('«14 người» ghi nhận là 14.')).toBeTruthy();
    expect(screen.getByText('«5 hộ» ghi nhận là 5.')).toBeTruthy();
    const workers = cell('Lao động thường xuyên', 'HTX Nông nghiệp Mỹ Hiệp');
    expect(workers.value).toBe('14 tấn');
    expect(workers.getAttribute('aria-invalid')).toBe('true');
    // Left as typed, to be corrected: the page holds it as unsaved work.
    fireEvent.change(workers, { target: { value: '' } });
  });

  it('asks before another year replaces a cell holding a refused value, and keeps it on «Tiếp tục sửa»', async () => {
    const { invoke } = renderGrid();
    await screen.findByText('HTX Nông nghiệp Mỹ Hiệp');
    const workers = cell('Lao động thường xuyên', 'HTX Nông nghiệp Mỹ Hiệp');
    workers.focus();
    fireEvent.change(workers, { target: { value: '1,5' } });
    fireEvent.blur(workers);
    expect(await screen.findByText('Chỉ nhận số nguyên, không có phần lẻ sau dấu phẩy.')).toBeTruthy();
    expect(hasUnsavedChanges()).toBe(true);

    await choose(screen.getByLabelText('Năm'), '', String(lastYear - 1));
    const asked = await screen.findByRole('dialog', { name: 'Bỏ các thay đổi chưa lưu?' });
    fireEvent.click(within(asked).getByRole('button', { name: 'Tiếp tục sửa' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(cell('Lao động thường xuyên', 'HTX Nông nghiệp Mỹ Hiệp').value).toBe('1,5');
    expect(invoke).not.toHaveBeenCalledWith('figures:grid', expect.objectContaining({ year: lastYear - 1 }));

    // «Bỏ thay đổi» goes on to the year chosen.
    await choose(screen.getByLabelText('Năm'), '', String(lastYear - 1));
    fireEvent.click(within(await screen.findByRole('dialog', { name: 'Bỏ các thay đổi chưa lưu?' })).getByRole('button', { name: 'Bỏ thay đổi' }));
    await waitFor(() => expect(invoke).toHaveBeenCalledWith('figures:grid', expect.objectContaining({ year: lastYear - 1 })));
  });
});

describe('year grid: searching and narrowing is not leaving', () => {
  it('searches and narrows with a refused value on screen without asking, keeps it as typed while its row is hidden, and says so', async () => {
    const { invoke } = renderGrid();
    await screen.findByText('HTX Nông nghiệp Mỹ Hiệp');
    const workers = cell('Lao động thường xuyên', 'Tổ hợp tác Cao Lãnh');
    workers.focus();
    fireEvent.change(workers, { target: { value: '1,5' } });
    fireEvent.blur(workers);
    expect(await screen.findByText('Chỉ nhận số nguyên, không có phần lẻ sau dấu phẩy.')).toBeTruthy();

    // Typed key by key, the search asks nothing and finds what was typed.
    const search = screen.getByRole('textbox', { name: 'Tìm tổ chức' });
    for (const typed of ['m', 'my', 'my hiep']) fireEvent.change(search, { target: { value: typed } });
    await waitFor(() => expect(invoke).toHaveBeenCalledWith('figures:grid', expect.objectContaining({ query: 'my hiep' })));
    await waitFor(() => expect(screen.queryByLabelText('Lao động thường xuyên – Tổ hợp tác Cao Lãnh')).toBeNull());
    fireEvent.click(screen.getByRole('radio', { name: 'HTX' }));
    await waitFor(() => expect(invoke).toHaveBeenCalledWith('figures:grid', expect.objectContaining({ query: 'my hiep', kind: 'htx' })));
    expect(screen.queryByRole('dialog')).toBeNull();
    // The hidden value is still work not saved, and the page says where it is.
    expect(hasUnsavedChanges()).toBe(true);
    expect(screen.getByRole('alert').textContent).toBe(
      'Có 1 ô chưa lưu được đang bị ẩn do tìm kiếm, bộ lọc hoặc trang đang xem: Lao động thường xuyên – Tổ hợp tác Cao Lãnh («1,5»). Giá trị đã gõ vẫn được giữ nguyên; hiện lại dòng đó để sửa.',
    );

    // Shown again, the cell holds what was typed, with why it was refused.
    fireEvent.change(search, { target: { value: '' } });
    fireEvent.click(screen.getByRole('radio', { name: 'Tất cả' }));
    const again = await screen.findByLabelText<HTMLInputElement>('Lao động thường xuyên – Tổ hợp tác Cao Lãnh');
    expect(again.value).toBe('1,5');
    expect(again.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Chỉ nhận số nguyên, không có phần lẻ sau dấu phẩy.')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByRole('dialog')).toBeNull();

    // Corrected, it is saved and no longer held.
    again.focus();
    fireEvent.change(again, { target: { value: '15' } });
    fireEvent.blur(again);
    await waitFor(() => expect(invoke).toHaveBeenCalledWith('figures:save', { organizationId: 9, year: lastYear, workers: 15 }));
    expect(hasUnsavedChanges()).toBe(false);
  });
});

describe('year grid: a revenue and a profit pasted together', () => {
  const stored = (overrides: Partial<YearlyFigures>, organizationId = 7) => figures(lastYear, { organizationId, ...overrides });

  it('checks each against the other as pasted, not as stored: a right pair is saved without a question', async () => {
    const { saves } = renderGrid([
      // A stored revenue the pasted profit is above, and a stored profit above the pasted revenue.
      { ...myHiep, figures: stored({ revenue: 150_000_000 }) },
      { ...caoLanh, figures: stored({ revenue: 2_000_000_000, profit: 1_000_000_000 }, 9) },
    ]);
    await screen.findByText('HTX Nông nghiệp Mỹ Hiệp');
    paste(cell('Doanh thu', 'HTX Nông nghiệp Mỹ Hiệp'), '2 tỷ\t1,5 tỷ\n500 triệu\t100 triệu\n');
    await waitFor(() =>
      expect(saves()).toEqual([
        { organizationId: 7, year: lastYear, revenue: 2_000_000_000 },
        { organizationId: 7, year: lastYear, profit: 1_500_000_000 },
        { organizationId: 9, year: lastYear, revenue: 500_000_000 },
        { organizationId: 9, year: lastYear, profit: 100_000_000 },
      ]),
    );
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('asks, once, about a profit above the revenue pasted beside it, though the stored revenue is larger', async () => {
    const { saves } = renderGrid([{ ...myHiep, figures: stored({ revenue: 5_000_000_000 }) }, caoLanh]);
    await screen.findByText('HTX Nông nghiệp Mỹ Hiệp');
    paste(cell('Doanh thu', 'HTX Nông nghiệp Mỹ Hiệp'), '100 triệu\t1,5 tỷ');
    const asked = await screen.findByRole('dialog', { name: 'Lợi nhuận lớn hơn doanh thu' });
    expect(within(asked).getByText(/^Lợi nhuận năm/).textContent).toMatch(`Lợi nhuận năm ${lastYear} (1.500.000.000\u00a0₫) lớn hơn doanh thu (100.000.000\u00a0₫).`);
    expect(saves()).toEqual([]);
    fireEvent.click(within(asked).getByRole('button', { name: 'Vẫn lưu' }));
    // The pair was said to be right: the profit is not asked about again.
    await waitFor(() =>
      expect(saves()).toEqual([
        { organizationId: 7, year: lastYear, revenue: 100_000_000 },
        { organizationId: 7, year: lastYear, profit: 1_500_000_000 },
      ]),
    );
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('asks once about a pasted pair answered «Sửa lại»: both wait unsent, and the other is saved once one is corrected', async () => {
    const { saves } = renderGrid([{ ...myHiep, figures: stored({ revenue: 5_000_000_000 }) }, caoLanh]);
    await screen.findByText('HTX Nông nghiệp Mỹ Hiệp');
    paste(cell('Doanh thu', 'HTX Nông nghiệp Mỹ Hiệp'), '100 triệu\t1,5 tỷ');
    fireEvent.click(within(await screen.findByRole('dialog', { name: 'Lợi nhuận lớn hơn doanh thu' })).getByRole('button', { name: 'Sửa lại' }));
    // The profit, pasted with it, waits with the revenue rather than asking the same again.
    await waitFor(() => expect(screen.getAllByText(/^Chưa lưu: lợi nhuận lớn hơn doanh thu/)).toHaveLength(2));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(saves()).toEqual([]);
    expect(hasUnsavedChanges()).toBe(true);

    // The profit had a zero too many: corrected, it is saved, and the revenue pasted with it after it.
    const profit = cell('Lợi nhuận', 'HTX Nông nghiệp Mỹ Hiệp');
    profit.focus();
    fireEvent.change(profit, { target: { value: '15.000.000' } });
    fireEvent.keyDown(profit, { key: 'Enter' });
    await waitFor(() =>
      expect(saves()).toEqual([
        { organizationId: 7, year: lastYear, profit: 15_000_000 },
        { organizationId: 7, year: lastYear, revenue: 100_000_000 },
      ]),
    );
    await waitFor(() => expect(screen.queryByText(/^Chưa lưu/)).toBeNull());
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(hasUnsavedChanges()).toBe(false);
  });
});

describe('year grid: money as the Excel import reads it', () => {
  it('takes «1,5 tỷ» and «1,500,000» in a money cell as the import does, and says what it saved', async () => {
    const { saves } = renderGrid();
    await screen.findByText('HTX Nông nghiệp Mỹ Hiệp');
    const revenue = cell('Doanh thu', 'Tổ hợp tác Cao Lãnh');
    revenue.focus();
    fireEvent.change(revenue, { target: { value: '1,5 tỷ' } });
    fireEvent.blur(revenue);
    const profit = cell('Lợi nhuận', 'Tổ hợp tác Cao Lãnh');
    profit.focus();
    fireEvent.change(profit, { target: { value: '1,500,000' } });
    fireEvent.blur(profit);

    await waitFor(() =>
      expect(saves()).toEqual([
        { organizationId: 9, year: lastYear, revenue: 1_500_000_000 },
        { organizationId: 9, year: lastYear, profit: 1_500_000 },
      ]),
    );
    // The box shows the amount stored, and beneath it what was typed and how it was read.
    expect([revenue.value, profit.value]).toEqual(['1.500.000.000', '1.500.000']);
    expect(screen.getByText('«1,5 tỷ» ghi nhận là 1.500.000.000 đồng. Nếu không đúng, hãy sửa lại.')).toBeTruthy();
    expect(screen.getByText('«1,500,000» ghi nhận là 1.500.000 đồng. Nếu không đúng, hãy sửa lại.')).toBeTruthy();
  });

  it('takes a loss written «-200 triệu» in a profit cell, and refuses it in a revenue cell', async () => {
    const { saves } = renderGrid();
    await screen.findByText('HTX Nông nghiệp Mỹ Hiệp');
    const revenue = cell('Doanh thu', 'Tổ hợp tác Cao Lãnh');
    revenue.focus();
    fireEvent.change(revenue, { target: { value: '-200 triệu' } });
    fireEvent.blur(revenue);
    const profit = cell('Lợi nhuận', 'Tổ hợp tác Cao Lãnh');
    profit.focus();
    fireEvent.change(profit, { target: { value: 'âm 200 triệu' } });
    fireEvent.blur(profit);
    await waitFor(() => expect(saves()).toEqual([{ organizationId: 9, year: lastYear, profit: -200_000_000 }]));
    expect([revenue.value, profit.value]).toEqual(['-200 triệu', '-200.000.000']);
    expect(screen.getByText('Không được là số âm.')).toBeTruthy();
    expect(screen.getByText('«âm 200 triệu» ghi nhận là -200.000.000 đồng. Nếu không đúng, hãy sửa lại.')).toBeTruthy();
  });

  it('takes a loss written «lỗ 50 triệu» in a profit cell and an income written «3,8 tr/tháng», as the import reads them; a revenue is no loss', async () => {
    const { saves } = renderGrid();
    await screen.findByText('HTX Nông nghiệp Mỹ Hiệp');
    const typeInto = (field: string, value: string) => {
      const input = cell(field, 'Tổ hợp tác Cao Lãnh');
      input.focus();
      fireEvent.change(input, { target: { value } });
      fireEvent.blur(input);
      return input;
    };
    const revenue = typeInto('Doanh thu', 'lỗ 50 triệu');
    typeInto('Lợi nhuận', 'lỗ 50 triệu');
    typeInto('Thu nhập bình quân', '3,8 tr/tháng');
    await waitFor(() =>
      expect(saves()).toEqual([
        { organizationId: 9, year: lastYear, profit: -50_000_000 },
        { organizationId: 9, year: lastYear, averageIncome: 3_800_000 },
      ]),
    );
    expect(revenue.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('«lỗ 50 triệu» ghi nhận là -50.000.000 đồng. Nếu không đúng, hãy sửa lại.')).toBeTruthy();
    expect(screen.getByText('«3,8 tr/tháng» ghi nhận là 3.800.000 đồng. Nếu không đúng, hãy sửa lại.')).toBeTruthy();
    fireEvent.change(revenue, { target: { value: '' } });
  });

  it('refuses a bare amount too small to be meant in đồng («1.200» of a revenue, «-50» of a profit, copied from a report in triệu), saying what to type; written with its multiple or with đồng it is taken', async () => {
    const { saves } = renderGrid();
    await screen.findByText('HTX Nông nghiệp Mỹ Hiệp');
    const name = 'Tổ hợp tác Cao Lãnh';
    paste(cell('Doanh thu', name), '1.200\t-50\t3.800\r\n');
    expect(await screen.findByText('«1.200» là 1.200 đồng, quá nhỏ cho doanh thu: có lẽ số đang tính bằng triệu đồng. Nếu là 1.200.000.000 đồng, hãy gõ «1.200 triệu»; nếu đúng là 1.200 đồng, gõ «1.200 đ».')).toBeTruthy();
    expect(screen.getByText('«-50» là -50 đồng, quá nhỏ cho lợi nhuận: có lẽ số đang tính bằng triệu đồng. Nếu là -50.000.000 đồng, hãy gõ «-50 triệu»; nếu đúng là -50 đồng, gõ «-50 đ».')).toBeTruthy();
    expect(screen.getByText('«3.800» là 3.800 đồng, quá nhỏ cho thu nhập bình quân: có lẽ số đang tính bằng nghìn đồng. Nếu là 3.800.000 đồng, hãy gõ «3.800 nghìn»; nếu đúng là 3.800 đồng, gõ «3.800 đ».')).toBeTruthy();
    expect([cell('Doanh thu', name).value, cell('Lợi nhuận', name).value, cell('Thu nhập bình quân', name).value]).toEqual(['1.200', '-50', '3.800']);
    expect(saves()).toEqual([]);

    const typeAndLeave = (field: string, text: string) => {
      const input = cell(field, name);
      input.focus();
      fireEvent.change(input, { target: { value: text } });
      fireEvent.blur(input);
    };
    typeAndLeave('Doanh thu', '1.200 triệu');
    typeAndLeave('Lợi nhuận', '-50 đ');
    typeAndLeave('Thu nhập bình quân', '3.800.000');
    await waitFor(() =>
      expect(saves()).toEqual([
        { organizationId: 9, year: lastYear, revenue: 1_200_000_000 },
        { organizationId: 9, year: lastYear, profit: -50 },
        { organizationId: 9, year: lastYear, averageIncome: 3_800_000 },
      ]),
    );
  });

  it('takes a count typed with its own unit («14 người»), and says a count cell takes a whole number of another word («14 tấn»)', async () => {
    const { saves } = renderGrid();
    await screen.findByText('HTX Nông nghiệp Mỹ Hiệp');
    const members = cell('Thành viên chính thức', 'Tổ hợp tác Cao Lãnh');
    members.focus();
    fireEvent.change(members, { target: { value: '14 người' } });
    fireEvent.blur(members);
    await waitFor(() => expect(saves()).toEqual([{ organizationId: 9, year: lastYear, membersOfficial: 14 }]));
    expect(members.value).toBe('14');
    const workers = cell('Lao động thường xuyên', 'Tổ hợp tác Cao Lãnh');
    workers.focus();
    fireEvent.change(workers, { target: { value: '14 tấn' } });
    fireEvent.blur(workers);
    expect(await screen.findByText('«14 tấn»: chỉ ghi số nguyên bằng chữ số, ví dụ 14 hoặc 1.250.')).toBeTruthy();
    expect(saves()).toHaveLength(1);
    fireEvent.change(workers, { target: { value: '' } });
  });

  it('still refuses a money amount with đồng fractions («1,5»), and a count written so («1,500» workers)', async () => {
    const { saves } = renderGrid();
    await screen.findByText('HTX Nông nghiệp Mỹ Hiệp');
    const revenue = cell('Doanh thu', 'Tổ hợp tác Cao Lãnh');
    revenue.focus();
    fireEvent.change(revenue, { target: { value: '1,5' } });
    fireEvent.blur(revenue);
    const workers = cell('Lao động thường xuyên', 'Tổ hợp tác Cao Lãnh');
    workers.focus();
    fireEvent.change(workers, { target: { value: '1,500' } });
    fireEvent.blur(workers);
    expect(await screen.findByText('«1,5»: số tiền tính bằng đồng không có phần lẻ. Nếu số đang tính bằng triệu đồng, hãy gõ «1,5 triệu»; bằng nghìn đồng, «1,5 nghìn».')).toBeTruthy();
    expect(screen.getByText('Chỉ nhận số nguyên, không có phần lẻ sau dấu phẩy.')).toBeTruthy();
    expect(saves()).toEqual([]);
  });
});
