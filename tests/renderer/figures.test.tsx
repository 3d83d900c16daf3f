import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { InputOf, OrganizationDetail, YearlyFigures } from '../../src/shared/contract';
import { AppProviders, createQueryClient } from '../../src/renderer/src/AppProviders';
import { FiguresTab } from '../../src/renderer/src/pages/organization/FiguresTab';
import { fail, installFakeApi, ok, organizationDetail } from './fakeApi';


function figures(year: number, overrides: Partial<YearlyFigures> = {}): YearlyFigures {
  return {
    organizationId: 7,
    year,
    membersOfficial: 120,
    membersAssociate: 15,
    workers: 34,
    revenue: 1_750_000_000,
    profit: -12_500_000,
    averageIncome: 4_500_000,
    totalAssets: 3_200_000_000,
    managers: 5,
    managersWithDegree: 2,
    classification: 'good',
    score: 86,
    updatedAt: '2025-01-10T08:00:00.000Z',
    ...overrides,
  };
}

function renderTab(organization: Partial<OrganizationDetail> = {}) {
  return render(
    <AppProviders queryClient={createQueryClient()} env="test">
      <FiguresTab organization={organizationDetail(organization)} />
    </AppProviders>,
  );
}

describe('yearly figures tab', () => {
  it('shows each year with Vietnamese number and money formats, newest first', async () => {
    installFakeApi({ 'figures:list': () => ok([figures(2023, { classification: null, score: null }), figures(2024)]) });
    renderTab();

    const table = await screen.findByRole('table');
    await within(table).findByText('2024');
    const [, newest, older] = within(table).getAllByRole('row');
    if (!newest || !older) throw new Error('two years expected');
    expect(within(newest).getAllByRole('cell').map((cell) => cell.textContent)).toEqual([
      '2024',
      '120+ 15 liên kết',
      '34',
      '1.750.000.000\u00a0₫',
      '-12.500.000\u00a0₫',
      '4.500.000\u00a0₫',
      '3.200.000.000\u00a0₫',
      '5 / 2',
      'Tốt86 điểm',
      '',
    ]);
    expect(within(older).getByText('Chưa xếp loại')).toBeTruthy();
  });

  it('adds a year from the form and puts a server issue on its field', async () => {
    const invoke = installFakeApi({
      'figures:list': () => ok([]),
      'figures:save': () =>
        fail({
          kind: 'validation',
          message: 'Số cán bộ có bằng không được lớn hơn số cán bộ quản lý.',
          issues: [{ path: 'managersWithDegree', message: 'Số cán bộ có bằng không được lớn hơn số cán bộ quản lý.' }],
        }),
    });
    renderTab();
    fireEvent.click(await screen.findByRole('button', { name: 'Thêm năm' }));
    const dialog = await screen.findByRole('dialog');
    const year = within(dialog).getByLabelText(/^Năm/);
    fireEvent.change(year, { target: { value: '2024' } });
    fireEvent.change(within(dialog).getByLabelText('Thành viên chính thức'), { target: { value: '1.200' } });
    fireEvent.change(within(dialog).getByLabelText('Doanh thu'), { target: { value: '1.750.000.000' } });
    fireEvent.change(within(dialog).getByLabelText('Cán bộ quản lý'), { target: { value: '3' } });
    fireEvent.change(within(dialog).getByLabelText('Cán bộ quản lý có trình độ cao đẳng trở lên'), { target: { value: '4' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Lưu số liệu' }));

    const message = await within(dialog).findByText('Số cán bộ có bằng không được lớn hơn số cán bộ quản lý.');
    const field = within(dialog).getByLabelText('Cán bộ quản lý có trình độ cao đẳng trở lên');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(field.getAttribute('aria-describedby')).toContain(message.id);
    const saved = invoke.mock.calls.filter(([channel]) => channel === 'figures:save').map(([, input]) => input as InputOf<'figures:save'>);
    expect(saved).toEqual([
      {
        organizationId: 7,
        year: 2024,
        classification: null,
        membersOfficial: 1200,
        membersAssociate: null,
        workers: null,
        revenue: 1_750_000_000,
        profit: null,
        averageIncome: null,
        totalAssets: null,
        managers: 3,
        managersWithDegree: 4,
        score: null,
      },
    ]);
  });

  it('starts «Thêm năm» within the organization’s life: at its last year once it has ended, never before its founding year', async () => {
    const yearAdded = async (organization: Partial<OrganizationDetail>, entered: number[]) => {
      installFakeApi({ 'figures:list': () => ok(entered.map((year) => figures(year))) });
      const { unmount } = renderTab(organization);
      fireEvent.click(await screen.findByRole('button', { name: 'Thêm năm' }));
      const value = Number(within(await screen.findByRole('dialog')).getByLabelText<HTMLInputElement>(/^Năm/).value);
      unmount();
      return value;
    };
    // Ended during 2019: the statistics count it up to 2018, and so do its figures.
    const dissolved = { status: 'dissolved', foundedOn: '2012-03-01', endedOn: '2019-06-30' } as const;
    expect(await yearAdded(dissolved, [2016])).toBe(2018);
    // Its last year entered: the newest year of its life still without figures.
    expect(await yearAdded(dissolved, [2016, 2018])).toBe(2017);
    expect(await yearAdded({ ...dissolved, endedOn: '2019-01-01' }, [])).toBe(2018);
    // Founded this year: not last year, which it did not exist in.
    const thisYear = new Date().getFullYear();
    expect(await yearAdded({ foundedOn: `${String(thisYear)}-03-01` }, [])).toBe(thisYear);
    expect(await yearAdded({ foundedOn: '2012-03-01' }, [])).toBe(thisYear - 1);
  });

  it('refuses at Năm, in the backend’s words, a year the organization did not exist in, before asking about its profit', async () => {
    const invoke = installFakeApi({ 'figures:list': () => ok([figures(2016)]), 'figures:save': (input) => ok(figures(input.year, { ...input, classification: null })) });
    renderTab({ name: 'HTX Dược liệu Hòa Điền', status: 'dissolved', foundedOn: '2015-02-06', endedOn: '2017-02-28' });
    fireEvent.click(await screen.findByRole('button', { name: 'Thêm năm' }));
    const dialog = await screen.findByRole('dialog');
    const year = within(dialog).getByLabelText(/^Năm/);
    fireEvent.change(within(dialog).getByLabelText('Doanh thu'), { target: { value: '150.000.000' } });
    fireEvent.change(within(dialog).getByLabelText('Lợi nhuận'), { target: { value: '1.500.000.000' } });
    const refusedAtYear = async (typed: string, words: string) => {
      fireEvent.change(year, { target: { value: typed } });
      fireEvent.click(within(dialog).getByRole('button', { name: 'Lưu số liệu' }));
      const message = await within(dialog).findByText(words);
      expect(year.getAttribute('aria-invalid')).toBe('true');
      expect(year.getAttribute('aria-describedby')).toContain(message.id);
      expect(screen.queryByRole('dialog', { name: 'Lợi nhuận lớn hơn doanh thu' })).toBeNull();
    };
    await refusedAtYear('2025', 'HTX Dược liệu Hòa Điền đã chấm dứt hoạt động từ ngày 28/02/2017, nên không có số liệu năm 2025.');
    await refusedAtYear('2014', 'HTX Dược liệu Hòa Điền thành lập ngày 06/02/2015, nên không có số liệu năm 2014.');
    // Ended in February 2017: not among 2017's organizations, whose statistics would not count it.
    await refusedAtYear('2017', 'HTX Dược liệu Hòa Điền đã chấm dứt hoạt động từ ngày 28/02/2017, nên không có số liệu năm 2017.');
    expect(invoke).not.toHaveBeenCalledWith('figures:save', expect.anything());

    // Its last year: the profit is asked about, and the year saved.
    fireEvent.change(year, { target: { value: '2015' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Lưu số liệu' }));
    fireEvent.click(within(await screen.findByRole('dialog', { name: 'Lợi nhuận lớn hơn doanh thu' })).getByRole('button', { name: 'Vẫn lưu' }));
    await waitFor(() => expect(invoke).toHaveBeenCalledWith('figures:save', expect.objectContaining({ year: 2015, revenue: 150_000_000, profit: 1_500_000_000 })));
  });

  it('refuses a bare revenue too small to be meant in đồng («850», from a report in triệu) with what to type, and saves «850 triệu»', async () => {
    const invoke = installFakeApi({ 'figures:list': () => ok([]), 'figures:save': (input) => ok(figures(input.year, { ...input, classification: null })) });
    renderTab();
    fireEvent.click(await screen.findByRole('button', { name: 'Thêm năm' }));
    const dialog = await screen.findByRole('dialog');
    const revenue = within(dialog).getByLabelText('Doanh thu');
    fireEvent.focus(revenue);
    fireEvent.input(revenue, { target: { value: '850' } });
    fireEvent.blur(revenue);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Lưu số liệu' }));
    expect(await within(dialog).findByText('«850» là 850 đồng, quá nhỏ cho doanh thu: có lẽ số đang tính bằng triệu đồng. Nếu là 850.000.000 đồng, hãy gõ «850 triệu»; nếu đúng là 850 đồng, gõ «850 đ».')).toBeTruthy();
    expect(invoke).not.toHaveBeenCalledWith('figures:save', expect.anything());
    fireEvent.input(revenue, { target: { value: '850 triệu' } });
    fireEvent.blur(revenue);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Lưu số liệu' }));
    await waitFor(() => expect(invoke).toHaveBeenCalledWith('figures:save', expect.objectContaining({ revenue: 850_000_000 })));
  });

  it('keeps -12 members and a score of 150 as typed, says why, and saves nothing until corrected', async () => {
    const invoke = installFakeApi({ 'figures:list': () => ok([]), 'figures:save': (input) => ok(figures(input.year, { ...input, classification: null })) });
    renderTab();
    fireEvent.click(await screen.findByRole('button', { name: 'Thêm năm' }));
    const dialog = await screen.findByRole('dialog');
    const typeAndLeave = (label: string, text: string) => {
      const input = within(dialog).getByLabelText(label);
      fireEvent.focus(input);
      fireEvent.input(input, { target: { value: text } });
      fireEvent.blur(input);
      return input as HTMLInputElement;
    };
    const members = typeAndLeave('Thành viên chính thức', '-12');
    const score = typeAndLeave('Điểm xếp loại', '150');
    const revenue = typeAndLeave('Doanh thu', '1.250,75');
    const profit = typeAndLeave('Lợi nhuận', '−50.000.000');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Lưu số liệu' }));

    expect(await within(dialog).findByText('Không được là số âm.')).toBeTruthy();
    expect(within(dialog).getByText('Phải từ 0 đến 100.')).toBeTruthy();
    // A fraction of a đồng was most likely a sum in triệu: the message says how to write it.
    expect(
      within(dialog).getByText('«1.250,75»: số tiền tính bằng đồng không có phần lẻ. Nếu số đang tính bằng triệu đồng, hãy gõ «1.250,75 triệu»; bằng nghìn đồng, «1.250,75 nghìn».'),
    ).toBeTruthy();
    expect([members.value, score.value, revenue.value, profit.value]).toEqual(['-12', '150', '1.250,75', '-50.000.000']);
    expect(invoke).not.toHaveBeenCalledWith('figures:save', expect.anything());

    typeAndLeave('Thành viên chính thức', '12');
    typeAndLeave('Điểm xếp loại', '86');
    typeAndLeave('Doanh thu', '1.250.000');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Lưu số liệu' }));
    await waitFor(() => expect(invoke).toHaveBeenCalledWith('figures:save', expect.objectContaining({ membersOfficial: 12, score: 86, revenue: 1_250_000, profit: -50_000_000 })));
  });

  it('warns under a profit above the revenue, and asks before saving it: «Sửa lại» sends nothing, «Vẫn lưu» saves', async () => {
    const invoke = installFakeApi({ 'figures:list': () => ok([]), 'figures:save': (input) => ok(figures(input.year, { ...input, classification: null })) });
    renderTab();
    fireEvent.click(await screen.findByRole('button', { name: 'Thêm năm' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText(/^Năm/), { target: { value: '2024' } });
    fireEvent.change(within(dialog).getByLabelText('Doanh thu'), { target: { value: '150.000.000' } });
    const profit = within(dialog).getByLabelText('Lợi nhuận');
    expect(within(dialog).getByText('Lỗ thì ghi số âm.')).toBeTruthy();
    fireEvent.change(profit, { target: { value: '1.500.000.000' } });
    const warning = within(dialog).getByText('Lợi nhuận đang lớn hơn doanh thu: xem lại có gõ thừa số 0 không.');
    expect(profit.getAttribute('aria-describedby')).toContain(warning.id);
    // A warning, not a refusal.
    expect(profit.getAttribute('aria-invalid')).not.toBe('true');

    const question = 'Lợi nhuận năm 2024 (1.500.000.000\u00a0₫) lớn hơn doanh thu (150.000.000\u00a0₫). Thường đó là do gõ thừa một số 0. Nếu số liệu đúng như vậy (chẳng hạn có thu nhập ngoài doanh thu), bấm «Vẫn lưu»; nếu nhập nhầm, bấm «Sửa lại».';
    fireEvent.click(within(dialog).getByRole('button', { name: 'Lưu số liệu' }));
    const asked = await screen.findByRole('dialog', { name: 'Lợi nhuận lớn hơn doanh thu' });
    expect(within(asked).getByText(/^Lợi nhuận năm 2024/).textContent).toBe(question);
    const correct = within(asked).getByRole('button', { name: 'Sửa lại' });
    await waitFor(() => expect(document.activeElement).toBe(correct));
    // Nothing was typed on: Enter answers (a browser clicks the button it is pressed on).
    expect(fireEvent.keyDown(correct, { key: 'Enter' })).toBe(true);
    fireEvent.click(correct);
    await waitFor(() => expect(document.activeElement).toBe(profit));
    expect(invoke).not.toHaveBeenCalledWith('figures:save', expect.anything());

    fireEvent.click(within(dialog).getByRole('button', { name: 'Lưu số liệu' }));
    fireEvent.click(within(await screen.findByRole('dialog', { name: 'Lợi nhuận lớn hơn doanh thu' })).getByRole('button', { name: 'Vẫn lưu' }));
    await waitFor(() => expect(invoke).toHaveBeenCalledWith('figures:save', expect.objectContaining({ year: 2024, revenue: 150_000_000, profit: 1_500_000_000 })));
    expect(invoke.mock.calls.filter(([channel]) => channel === 'figures:save')).toHaveLength(1);
  });

  it('saves a profit below the revenue without asking', async () => {
    const invoke = installFakeApi({ 'figures:list': () => ok([]), 'figures:save': (input) => ok(figures(input.year, { ...input, classification: null })) });
    renderTab();
    fireEvent.click(await screen.findByRole('button', { name: 'Thêm năm' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText(/^Năm/), { target: { value: '2024' } });
    fireEvent.change(within(dialog).getByLabelText('Doanh thu'), { target: { value: '1.500.000.000' } });
    fireEvent.change(within(dialog).getByLabelText('Lợi nhuận'), { target: { value: '150.000.000' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Lưu số liệu' }));
    await waitFor(() => expect(invoke).toHaveBeenCalledWith('figures:save', expect.objectContaining({ revenue: 1_500_000_000, profit: 150_000_000 })));
    expect(screen.queryByRole('dialog', { name: 'Lợi nhuận lớn hơn doanh thu' })).toBeNull();
  });

  it('reads money as the year grid and the import do («1,5 tỷ», «2 triệu», «1,200,000,000»), and says beneath each field what will be stored', async () => {
    const invoke = installFakeApi({ 'figures:list': () => ok([]), 'figures:save': (input) => ok(figures(input.year, { ...input, classification: null })) });
    renderTab();
    fireEvent.click(await screen.findByRole('button', { name: 'Thêm năm' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText(/^Năm/), { target: { value: '2024' } });
    const typeAndLeave = (label: string, text: string) => {
      const input = within(dialog).getByLabelText<HTMLInputElement>(label);
      fireEvent.focus(input);
      fireEvent.change(input, { target: { value: text } });
      fireEvent.blur(input);
      return input;
    };
    const revenue = typeAndLeave('Doanh thu', '1,5 tỷ');
    const profit = typeAndLeave('Lợi nhuận', '2 tỷ');
    const income = typeAndLeave('Thu nhập bình quân', '2 triệu');
    const assets = typeAndLeave('Tổng tài sản', '1,200,000,000');
    // Typed Vietnamese is not a list's way of writing: nothing said beneath it.
    const workers = typeAndLeave('Lao động thường xuyên', '1.500');

    // Each box shows the amount it will store, and beneath it what was typed and how it was read.
    expect([revenue.value, profit.value, income.value, assets.value, workers.value]).toEqual(['1.500.000.000', '2.000.000.000', '2.000.000', '1.200.000.000', '1.500']);
    const said = (input: HTMLInputElement, text: string) => {
      const note = document.getElementById(input.getAttribute('aria-describedby')?.split(' ').find((id) => id.endsWith('-description')) ?? '');
      expect(note?.textContent).toBe(text);
    };
    said(revenue, '«1,5 tỷ» ghi nhận là 1.500.000.000 đồng. Nếu không đúng, hãy sửa lại.');
    said(assets, '«1,200,000,000» ghi nhận là 1.200.000.000 đồng. Nếu không đúng, hãy sửa lại.');
    // Before the field's own hint, and the profit's warning, which still says the profit is above the revenue read.
    said(income, '«2 triệu» ghi nhận là 2.000.000 đồng. Nếu không đúng, hãy sửa lại. Đồng mỗi người mỗi tháng.');
    said(profit, '«2 tỷ» ghi nhận là 2.000.000.000 đồng. Nếu không đúng, hãy sửa lại. Lợi nhuận đang lớn hơn doanh thu: xem lại có gõ thừa số 0 không.');
    // A count with its own unit is the count, said so; a word that is not its unit is refused as typed.
    const counted = typeAndLeave('Thành viên chính thức', '14 người');
    expect(counted.value).toBe('14');
    said(counted, '«14 người» ghi nhận là 14.');
    const tonnes = typeAndLeave('Thành viên chính thức', '14 tấn');
    expect(tonnes.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('«14 tấn»: chỉ ghi số nguyên bằng chữ số, ví dụ 14 hoặc 1.250.')).toBeTruthy();
    // Not a number in any writing: refused as typed.
    const members = typeAndLeave('Thành viên chính thức', '1,5 tỷ');
    expect(members.value).toBe('1,5 tỷ');
    expect(members.getAttribute('aria-invalid')).toBe('true');
    typeAndLeave('Thành viên chính thức', '');

    fireEvent.click(within(dialog).getByRole('button', { name: 'Lưu số liệu' }));
    fireEvent.click(within(await screen.findByRole('dialog', { name: 'Lợi nhuận lớn hơn doanh thu' })).getByRole('button', { name: 'Vẫn lưu' }));
    await waitFor(() =>
      expect(invoke).toHaveBeenCalledWith(
        'figures:save',
        expect.objectContaining({ year: 2024, revenue: 1_500_000_000, profit: 2_000_000_000, averageIncome: 2_000_000, totalAssets: 1_200_000_000, workers: 1500 }),
      ),
    );
  });

  it('refuses at Năm a year not begun, naming it, and sends nothing', async () => {
    const invoke = installFakeApi({ 'figures:list': () => ok([]) });
    renderTab();
    fireEvent.click(await screen.findByRole('button', { name: 'Thêm năm' }));
    const dialog = await screen.findByRole('dialog');
    const thisYear = new Date().getFullYear();
    fireEvent.change(within(dialog).getByLabelText(/^Năm/), { target: { value: String(thisYear + 1) } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Lưu số liệu' }));
    expect(
      await within(dialog).findByText(`Năm ${thisYear + 1} chưa bắt đầu, nên chưa có số liệu; chỉ nhập được số liệu đến năm ${thisYear}.`),
    ).toBeTruthy();
    expect(invoke).not.toHaveBeenCalledWith('figures:save', expect.anything());
  });

  it('writes the first year Năm takes as a year, without a thousands dot', async () => {
    const invoke = installFakeApi({ 'figures:list': () => ok([]) });
    renderTab();
    fireEvent.click(await screen.findByRole('button', { name: 'Thêm năm' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText(/^Năm/), { target: { value: '1990' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Lưu số liệu' }));
    expect(await within(dialog).findByText('Không được nhỏ hơn 2000.')).toBeTruthy();
    expect(invoke).not.toHaveBeenCalledWith('figures:save', expect.anything());
  });

  it('takes a loss written with its multiples («-200 triệu», «âm 1,5 tỷ») as the profit, and refuses it as a revenue', async () => {
    const invoke = installFakeApi({ 'figures:list': () => ok([]), 'figures:save': (input) => ok(figures(input.year, { ...input, classification: null })) });
    renderTab();
    fireEvent.click(await screen.findByRole('button', { name: 'Thêm năm' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText(/^Năm/), { target: { value: '2024' } });
    const typeAndLeave = (label: string, text: string) => {
      const input = within(dialog).getByLabelText<HTMLInputElement>(label);
      fireEvent.focus(input);
      fireEvent.change(input, { target: { value: text } });
      fireEvent.blur(input);
      return input;
    };
    const revenue = typeAndLeave('Doanh thu', '-200 triệu');
    expect(revenue.value).toBe('-200 triệu');
    expect(revenue.getAttribute('aria-invalid')).toBe('true');
    expect(within(dialog).getByText('Không được là số âm.')).toBeTruthy();
    typeAndLeave('Doanh thu', 'âm 1,5 tỷ');
    expect(revenue.value).toBe('âm 1,5 tỷ');
    typeAndLeave('Doanh thu', '1 tỷ');
    const profit = typeAndLeave('Lợi nhuận', '-200 triệu');
    expect(profit.value).toBe('-200.000.000');
    expect(within(dialog).getByText(/^«-200 triệu» ghi nhận là -200\.000\.000 đồng\. Nếu không đúng, hãy sửa lại\./)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Lưu số liệu' }));
    await waitFor(() => expect(invoke).toHaveBeenCalledWith('figures:save', expect.objectContaining({ year: 2024, revenue: 1_000_000_000, profit: -200_000_000 })));
  });

  describe('across New Year', () => {
    afterEach(() => vi.useRealTimers());

    it('starts «Thêm năm» at the year just ended by the clock when it is clicked', async () => {
      installFakeApi({ 'figures:list': () => ok([]) });
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(new Date(2031, 0, 2, 8, 0));
      renderTab({ foundedOn: '2012-03-01' });
      fireEvent.click(await screen.findByRole('button', { name: 'Thêm năm' }));
      expect(within(await screen.findByRole('dialog')).getByLabelText<HTMLInputElement>(/^Năm/).value).toBe('2030');
    });
  });

  it('deletes a year after confirmation', async () => {
    const invoke = installFakeApi({ 'figures:list': () => ok([figures(2024)]), 'figures:delete': () => ok(null) });
    renderTab();
    fireEvent.click(await screen.findByRole('button', { name: 'Xóa số liệu năm 2024' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Xóa' }));
    await waitFor(() => expect(invoke).toHaveBeenCalledWith('figures:delete', { organizationId: 7, year: 2024 }));
  });
});
