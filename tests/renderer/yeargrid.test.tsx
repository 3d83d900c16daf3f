import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { FiguresGridRow, InputOf, YearlyFigures } from '../../src/shared/contract';
import { AppProviders, createQueryClient } from '../../src/renderer/src/AppProviders';
import { YearGridPage } from '../../src/renderer/src/pages/YearGridPage';
import { fail, installFakeApi, ok } from './fakeApi';
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

const rows: FiguresGridRow[] = [
  {
    organizationId: 7,
    name: 'HTX Nông nghiệp Mỹ Hiệp',
    kind: 'htx',
    communeName: 'Xã Mỹ Hiệp',
    otherProvinceName: null,
    figures: figures(lastYear, { membersOfficial: 40 }),
    previous: figures(lastYear - 1, { membersOfficial: 38, revenue: 1_200_000_000, classification: 'fair' }),
  },
  {
    organizationId: 9,
    name: 'Tổ hợp tác Cao Lãnh',
    kind: 'tht',
    communeName: 'Phường Cao Lãnh',
    otherProvinceName: null,
    figures: null,
    previous: null,
  },
];

function renderGrid() {
  return render(
    <AppProviders queryClient={createQueryClient()} env="test">
      <YearGridPage />
    </AppProviders>,
  );
}

describe('year grid', () => {
  it('asks for last year by default and shows last year’s values faintly', async () => {
    const invoke = installFakeApi({ 'figures:grid': () => ok({ rows, total: 2 }) });
    renderGrid();
    expect(await screen.findByText('HTX Nông nghiệp Mỹ Hiệp')).toBeTruthy();
    expect(invoke).toHaveBeenCalledWith('figures:grid', { year: lastYear, place: 'home', page: 1, pageSize: 25 });
    // Beneath a filled cell, faint: the number alone on screen, "Năm trước: 38" to a screen reader and on hover.
    const previousMembers = screen.getByLabelText('Năm trước: 38');
    expect(previousMembers.textContent).toBe('38');
    expect(previousMembers.getAttribute('title')).toBe('Năm trước: 38');
    // An empty cell shows last year's value as its placeholder.
    expect(screen.getByLabelText('Doanh thu – HTX Nông nghiệp Mỹ Hiệp').getAttribute('placeholder')).toBe('1.200.000.000');
    expect(screen.getByLabelText('Năm trước: Khá').textContent).toBe('Khá');
    expect(screen.getByLabelText<HTMLInputElement>('Thành viên chính thức – HTX Nông nghiệp Mỹ Hiệp').value).toBe('40');
  });

  it('says, when the register has no organization of the year, where to add or import them, and only that a search found none otherwise', async () => {
    installFakeApi({ 'figures:grid': () => ok({ rows: [], total: 0 }) });
    renderGrid();
    expect(await screen.findByText(`Chưa có tổ chức nào hoạt động trong năm ${lastYear}`)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Mở trang Thành viên' }).getAttribute('href')).toBe('#/thanh-vien');
    expect(screen.getByRole('link', { name: 'Nhập danh sách từ Excel' }).getAttribute('href')).toBe('#/nhap-excel');
    fireEvent.change(screen.getByRole('textbox', { name: 'Tìm tổ chức' }), { target: { value: 'vinh binh' } });
    expect(await screen.findByText(`Không có tổ chức nào hoạt động trong năm ${lastYear} khớp với điều kiện tìm.`)).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Mở trang Thành viên' })).toBeNull();
  });

  it('saves an edited cell on Enter as a one-field patch and moves down the column', async () => {
    const invoke = installFakeApi({
      'figures:grid': () => ok({ rows, total: 2 }),
      'figures:save': (input) => ok(figures(input.year, { ...input, classification: input.classification ?? null })),
    });
    renderGrid();
    const cell = await screen.findByLabelText('Doanh thu – HTX Nông nghiệp Mỹ Hiệp');
    cell.focus();
    fireEvent.change(cell, { target: { value: '1.750.000.000' } });
    fireEvent.keyDown(cell, { key: 'Enter' });

    await waitFor(() =>
      expect(invoke.mock.calls.filter(([channel]) => channel === 'figures:save').map(([, input]) => input as InputOf<'figures:save'>)).toEqual([
        { organizationId: 7, year: lastYear, revenue: 1_750_000_000 },
      ]),
    );
    expect(document.activeElement).toBe(screen.getByLabelText('Doanh thu – Tổ hợp tác Cao Lãnh'));
    expect(await screen.findByLabelText('Đã lưu')).toBeTruthy();
  });

  it('asks before saving a profit above the year’s revenue: «Sửa lại» keeps it in the cell unsent, said so, until Enter asks again and «Vẫn lưu» sends it', async () => {
    const withRevenue = rows.map((row) => (row.organizationId === 7 ? { ...row, figures: figures(lastYear, { revenue: 150_000_000 }) } : row));
    const invoke = installFakeApi({
      'figures:grid': () => ok({ rows: withRevenue, total: 2 }),
      'figures:save': (input) => ok(figures(input.year, { revenue: 150_000_000, ...input, classification: null })),
    });
    renderGrid();
    const profit = await screen.findByLabelText<HTMLInputElement>('Lợi nhuận – HTX Nông nghiệp Mỹ Hiệp');
    profit.focus();
    fireEvent.change(profit, { target: { value: '1.500.000.000' } });
    fireEvent.keyDown(profit, { key: 'Enter' });
    fireEvent.blur(profit);
    const asked = await screen.findByRole('dialog', { name: 'Lợi nhuận lớn hơn doanh thu' });
    expect(within(asked).getByText(/^Lợi nhuận năm/).textContent).toMatch(`Lợi nhuận năm ${lastYear} (1.500.000.000\u00a0₫) lớn hơn doanh thu (150.000.000\u00a0₫).`);
    fireEvent.click(within(asked).getByRole('button', { name: 'Sửa lại' }));
    await waitFor(() => expect(document.activeElement).toBe(profit));
    expect(profit.value).toBe('1.500.000.000');
    expect(invoke).not.toHaveBeenCalledWith('figures:save', expect.anything());

    // Leaving it does not ask again: the cell says it is not saved, and how to save it.
    fireEvent.blur(profit);
    expect(
      await screen.findByText('Chưa lưu: lợi nhuận lớn hơn doanh thu. Sửa số nhầm (số kia lưu theo) hoặc nhấn Enter nếu số đúng.'),
    ).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(invoke).not.toHaveBeenCalledWith('figures:save', expect.anything());

    profit.focus();
    fireEvent.keyDown(profit, { key: 'Enter' });
    fireEvent.click(within(await screen.findByRole('dialog', { name: 'Lợi nhuận lớn hơn doanh thu' })).getByRole('button', { name: 'Vẫn lưu' }));
    await waitFor(() =>
      expect(invoke.mock.calls.filter(([channel]) => channel === 'figures:save').map(([, input]) => input as InputOf<'figures:save'>)).toEqual([
        { organizationId: 7, year: lastYear, profit: 1_500_000_000 },
      ]),
    );
  });

  it('goes on to the cell Enter was leaving for once the person says «Vẫn lưu», so the next number lands there', async () => {
    const withRevenue = rows.map((row) => (row.organizationId === 7 ? { ...row, figures: figures(lastYear, { revenue: 150_000_000 }) } : row));
    installFakeApi({
      'figures:grid': () => ok({ rows: withRevenue, total: 2 }),
      'figures:save': (input) => ok(figures(input.year, { revenue: 150_000_000, ...input, classification: null })),
    });
    renderGrid();
    const profit = await screen.findByLabelText<HTMLInputElement>('Lợi nhuận – HTX Nông nghiệp Mỹ Hiệp');
    const below = screen.getByLabelText<HTMLInputElement>('Lợi nhuận – Tổ hợp tác Cao Lãnh');
    profit.focus();
    fireEvent.change(profit, { target: { value: '1.500.000.000' } });
    fireEvent.keyDown(profit, { key: 'Enter' });
    fireEvent.click(within(await screen.findByRole('dialog', { name: 'Lợi nhuận lớn hơn doanh thu' })).getByRole('button', { name: 'Vẫn lưu' }));
    await waitFor(() => expect(document.activeElement).toBe(below));
    expect(profit.value).toBe('1.500.000.000');
  });

  it('holds the keys typed on as the profit question opens: none goes into a cell, the Enter ending them does not answer, and the question says so', async () => {
    const withRevenue = rows.map((row) => (row.organizationId === 7 ? { ...row, figures: figures(lastYear, { revenue: 150_000_000 }) } : row));
    const invoke = installFakeApi({
      'figures:grid': () => ok({ rows: withRevenue, total: 2 }),
      'figures:save': (input) => ok(figures(input.year, { revenue: 150_000_000, ...input, classification: null })),
    });
    renderGrid();
    const profit = await screen.findByLabelText<HTMLInputElement>('Lợi nhuận – HTX Nông nghiệp Mỹ Hiệp');
    const below = screen.getByLabelText<HTMLInputElement>('Lợi nhuận – Tổ hợp tác Cao Lãnh');
    profit.focus();
    fireEvent.change(profit, { target: { value: '1.500.000.000' } });
    fireEvent.keyDown(profit, { key: 'Enter' });
    // Enter has moved on below; the question is not on screen yet, and the next number's first digit
    // does not go into the cell (a browser types nothing for a key whose default is prevented).
    expect(document.activeElement).toBe(below);
    expect(fireEvent.keyDown(below, { key: '2' })).toBe(false);

    const asked = await screen.findByRole('dialog', { name: 'Lợi nhuận lớn hơn doanh thu' });
    const correct = within(asked).getByRole('button', { name: 'Sửa lại' });
    await waitFor(() => expect(document.activeElement).toBe(correct));
    expect(within(asked).getByText('Những gì vừa gõ khi câu hỏi này hiện ra chưa được nhập vào ô nào: hãy trả lời câu hỏi, rồi gõ lại.')).toBeTruthy();
    fireEvent.keyDown(correct, { key: '0' });
    // The Enter or Tab ending the number typed on neither answers «Sửa lại» nor moves to «Vẫn lưu».
    expect(fireEvent.keyDown(correct, { key: 'Enter' })).toBe(false);
    expect(fireEvent.keyDown(correct, { key: 'Tab' })).toBe(false);
    expect(document.activeElement).toBe(correct);
    expect(invoke).not.toHaveBeenCalledWith('figures:save', expect.anything());

    fireEvent.click(within(asked).getByRole('button', { name: 'Vẫn lưu' }));
    await waitFor(() => expect(document.activeElement).toBe(below));
    // Keys reach the cells again.
    expect(fireEvent.keyDown(below, { key: '3' })).toBe(true);
    expect(below.value).toBe('');
    expect(invoke.mock.calls.filter(([channel]) => channel === 'figures:save').map(([, input]) => input as InputOf<'figures:save'>)).toEqual([
      { organizationId: 7, year: lastYear, profit: 1_500_000_000 },
    ]);
  });

  it('saves a classification chosen, and clears it again', async () => {
    const invoke = installFakeApi({
      'figures:grid': () => ok({ rows, total: 2 }),
      'figures:save': (input) => ok(figures(input.year, { ...input, classification: input.classification ?? null })),
    });
    renderGrid();
    const cell = await screen.findByLabelText<HTMLSelectElement>('Xếp loại – HTX Nông nghiệp Mỹ Hiệp');
    expect([...cell.options].map((option) => option.text)).toEqual(['Chưa xếp loại', 'Tốt', 'Khá', 'Trung bình', 'Yếu']);
    fireEvent.change(cell, { target: { value: 'fair' } });
    fireEvent.change(cell, { target: { value: '' } });
    await waitFor(() =>
      expect(invoke.mock.calls.filter(([channel]) => channel === 'figures:save').map(([, input]) => input as InputOf<'figures:save'>)).toEqual([
        { organizationId: 7, year: lastYear, classification: 'fair' },
        { organizationId: 7, year: lastYear, classification: null },
      ]),
    );
  });

  it('keeps -12 members and a score of 150 as typed, says why at the cell, and saves nothing', async () => {
    const invoke = installFakeApi({ 'figures:grid': () => ok({ rows, total: 2 }) });
    renderGrid();
    const members = await screen.findByLabelText<HTMLInputElement>('Thành viên chính thức – Tổ hợp tác Cao Lãnh');
    members.focus();
    fireEvent.input(members, { target: { value: '-12' } });
    fireEvent.keyDown(members, { key: 'Enter' });
    fireEvent.blur(members);
    const score = screen.getByLabelText<HTMLInputElement>('Điểm xếp loại – Tổ hợp tác Cao Lãnh');
    score.focus();
    fireEvent.input(score, { target: { value: '150' } });
    fireEvent.blur(score);

    expect(await screen.findByText('Không được là số âm.')).toBeTruthy();
    expect(screen.getByText('Phải từ 0 đến 100.')).toBeTruthy();
    expect([members.value, score.value]).toEqual(['-12', '150']);
    expect(invoke).not.toHaveBeenCalledWith('figures:save', expect.anything());
  });

  it('lists the province’s own by default, and those of other provinces marked, with their province, when asked', async () => {
    const elsewhere: FiguresGridRow = {
      organizationId: 11,
      kind: 'htx',
      name: 'HTX Cây ăn trái Bảo Lộc',
      communeName: 'Phường 1 Bảo Lộc',
      otherProvinceName: 'Tỉnh Lâm Đồng',
      figures: null,
      previous: null,
    };
    const invoke = installFakeApi({ 'figures:grid': (input) => ok(input.place === 'home' ? { rows, total: 2 } : { rows: [...rows, elsewhere], total: 3 }) });
    renderGrid();
    expect(await screen.findByText('HTX Nông nghiệp Mỹ Hiệp')).toBeTruthy();
    expect(within(screen.getByRole('table')).queryByText('Ngoài tỉnh')).toBeNull();
    await choose(screen.getByLabelText('Địa bàn'), '', 'Tất cả');
    expect(await screen.findByText('HTX Cây ăn trái Bảo Lộc')).toBeTruthy();
    expect(invoke).toHaveBeenLastCalledWith('figures:grid', { year: lastYear, page: 1, pageSize: 25 });
    expect(within(screen.getByRole('table')).getAllByText('Ngoài tỉnh')).toHaveLength(1);
    expect(screen.getByText('HTX · Phường 1 Bảo Lộc, Tỉnh Lâm Đồng')).toBeTruthy();
    expect(screen.getByText('HTX · Xã Mỹ Hiệp')).toBeTruthy();
  });

  it('says in Vietnamese why a cell was not saved', async () => {
    installFakeApi({
      'figures:grid': () => ok({ rows, total: 2 }),
      'figures:save': () =>
        fail({ kind: 'validation', message: 'Điểm xếp loại phải từ 0 đến 100.', issues: [{ path: 'score', message: 'Điểm xếp loại phải từ 0 đến 100.' }] }),
    });
    renderGrid();
    const cell = await screen.findByLabelText('Điểm xếp loại – Tổ hợp tác Cao Lãnh');
    cell.focus();
    fireEvent.change(cell, { target: { value: '55' } });
    fireEvent.blur(cell);
    expect(await screen.findByText('Điểm xếp loại phải từ 0 đến 100.')).toBeTruthy();
    expect(cell.getAttribute('aria-invalid')).toBe('true');
  });
});
