import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { PlanDetail, TargetProgress } from '../../src/shared/contract';
import { alliance, communes, fail, installFakeApi, ok, type FakeHandlers } from './fakeApi';
import { renderApp } from './renderApp';
import { choose } from './select';

function target(overrides: Partial<TargetProgress> & Pick<TargetProgress, 'id' | 'title'>): TargetProgress {
  return {
    position: overrides.id,
    comparison: 'at_least',
    value: 10,
    unit: 'count',
    unitLabel: 'HTX',
    measure: null,
    denominator: null,
    comment: '',
    cumulative: true,
    actual: null,
    numerator: null,
    denominatorValue: null,
    previous: null,
    percentOfTarget: null,
    status: 'not_started',
    typed: null,
    ...overrides,
  };
}

const htx = { kinds: ['htx' as const], sectorGroup: null, effective: false, goodOrFair: false, linkedWithEnterprise: false, valueChain: false, highTech: false, ocopMinStars: null, eventKind: null, agreementKind: null, unitCode: null };

/** The province's 2027 plan as seen on 6 December 2026: issued, not begun. */
const plan2027: PlanDetail = {
  id: 11,
  kind: 'year',
  number: '12/KH-LMHTX',
  title: 'Kế hoạch phát triển kinh tế tập thể, hợp tác xã tỉnh An Giang năm 2027',
  issuedOn: '2026-11-15',
  issuer: 'Liên minh Hợp tác xã tỉnh An Giang',
  periodFrom: '2027-01-01',
  periodTo: '2027-12-31',
  status: 'issued',
  inForce: false,
  targetCount: 3,
  communeCodes: [],
  communeNames: [],
  organizationKinds: [],
  sectorGroup: null,
  note: '',
  copiedFromId: null,
  createdAt: '2026-11-15T03:00:00.000Z',
  updatedAt: '2026-11-15T03:00:00.000Z',
  asOf: '2026-12-06',
  elapsed: 0,
  figureYear: 2025,
  figuresPending: null,
  effectiveClassifications: ['good', 'fair', 'average'],
  targets: [
    target({ id: 1, title: 'Thành lập mới hợp tác xã', measure: { ...htx, metric: 'founded' }, actual: 0, previous: 8, percentOfTarget: 0 }),
    target({
      id: 2,
      title: 'Tổng doanh thu của HTX',
      value: 500_000_000_000,
      unit: 'money',
      unitLabel: '',
      cumulative: false,
      measure: { ...htx, metric: 'revenue' },
      actual: 929_182_792_459,
      previous: 901_056_680_552,
      percentOfTarget: 185.8,
    }),
    target({ id: 3, title: 'Bồi dưỡng, tập huấn cán bộ quản lý HTX', value: 300, unitLabel: 'người', typed: { note: '', by: '', at: null } }),
  ],
  attachments: [],
};

function install(handlers: FakeHandlers = {}) {
  return installFakeApi({
    'alliance:get': () => ok(alliance),
    'places:communes': () => ok(communes),
    'plans:get': () => ok(plan2027),
    'supply:lookups': () => ok({ productGroups: [], units: [], channels: [] }),
    ...handlers,
  });
}

async function openPlan() {
  renderApp('#/ke-hoach/11');
  return screen.findByRole('table', { name: 'Chỉ tiêu' }, { timeout: 5000 });
}

function rowOf(table: HTMLElement, title: string): HTMLElement {
  const row = within(table).getByText(title).closest('tr');
  if (!row) throw new Error(`no row ${title}`);
  return row;
}

describe('a plan not begun yet', () => {
  it('judges no target and says so, its figures today for information, money in tỷ đồng', async () => {
    install();
    const table = await openPlan();
    expect(
      screen.getByText(
        'Kế hoạch bắt đầu từ ngày 01/01/2027: chưa đánh giá các chỉ tiêu. Cột «Hiện trạng» ghi số liệu đến ngày 06/12/2026 (số liệu hằng năm của năm 2025) để tham khảo. Năm trước: cả năm 2026 (hoặc đến hôm nay).',
      ),
    ).toBeTruthy();
    expect(within(table).getAllByRole('columnheader').map((header) => header.textContent)).toEqual(['#', 'Chỉ tiêu', 'Kế hoạch', 'Hiện trạng', '% kế hoạch', 'Năm trước', 'Đánh giá', '']);
    expect(within(table).getAllByText('Chưa đến kỳ thực hiện')).toHaveLength(3);
    // The value and the figures against it in one unit, short enough to leave the target its room.
    const revenue = rowOf(table, 'Tổng doanh thu của HTX');
    expect([...revenue.querySelectorAll('td')].slice(2, 6).map((cell) => cell.textContent)).toEqual(['Ít nhất 500 tỷ đồng', '929,18 tỷ đồng', '185,8%', '901,06 tỷ đồng']);
    expect(within(rowOf(table, 'Bồi dưỡng, tập huấn cán bộ quản lý HTX')).getByText('Nhập tay · cộng dồn trong kỳ')).toBeTruthy();
  });
});

describe('a year whose figures are being entered', () => {
  it('says how many have reported, and which year the targets on yearly figures still read', async () => {
    install({ 'plans:get': () => ok({ ...plan2027, figuresPending: { year: 2026, reporting: 3, existing: 652 } }) });
    await openPlan();
    expect(screen.getByText('Năm 2026: mới có 3/652 tổ chức báo cáo số liệu, chưa đủ một nửa; các chỉ tiêu theo số liệu hằng năm vẫn tính theo năm 2025.')).toBeTruthy();
  });
});

describe('typing the actual of a target', () => {
  it('says under «Người nhập» that it is needed, without asking the backend', async () => {
    const invoke = install({ 'plans:typeActual': () => ok(null) });
    const table = await openPlan();
    fireEvent.click(within(rowOf(table, 'Bồi dưỡng, tập huấn cán bộ quản lý HTX')).getByRole('button', { name: 'Nhập số thực hiện' }));
    const dialog = await screen.findByRole('dialog', { name: 'Nhập số thực hiện: Bồi dưỡng, tập huấn cán bộ quản lý HTX' });
    fireEvent.change(within(dialog).getByLabelText('Số thực hiện'), { target: { value: '120' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Lưu' }));

    const by = await within(dialog).findByRole('textbox', { name: /^Người nhập/ });
    await waitFor(() => expect(by.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById(by.getAttribute('aria-describedby')?.split(' ').find((id) => id.endsWith('-error')) ?? '')?.textContent).toBe('Người nhập không được để trống.');
    expect(within(dialog).queryByRole('alert')).toBeNull();
    expect(invoke.mock.calls.some(([channel]) => channel === 'plans:typeActual')).toBe(false);

    fireEvent.change(by, { target: { value: 'Trần Thị Bích' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Lưu' }));
    await waitFor(() => expect(invoke).toHaveBeenCalledWith('plans:typeActual', { targetId: 3, actual: 120, note: '', by: 'Trần Thị Bích' }));
  });
});

describe('typing the actual of a target wrongly', () => {
  it('says every problem at once: the save keeps the focus in the field, whose message would move the button away', async () => {
    const invoke = install({ 'plans:typeActual': () => ok(null) });
    const table = await openPlan();
    fireEvent.click(within(rowOf(table, 'Bồi dưỡng, tập huấn cán bộ quản lý HTX')).getByRole('button', { name: 'Nhập số thực hiện' }));
    const dialog = await screen.findByRole('dialog', { name: 'Nhập số thực hiện: Bồi dưỡng, tập huấn cán bộ quản lý HTX' });
    const actual = within(dialog).getByLabelText('Số thực hiện');
    const errorOf = (field: HTMLElement) => document.getElementById(field.getAttribute('aria-describedby')?.split(' ').find((id) => id.endsWith('-error')) ?? '')?.textContent;
    actual.focus();
    fireEvent.change(actual, { target: { value: '1.250 người' } });
    const save = within(dialog).getByRole('button', { name: 'Lưu' });
    // Pressing the button does not take the focus (fireEvent answers false when the default is prevented).
    expect(fireEvent.mouseDown(save)).toBe(false);
    fireEvent.click(save);

    const by = within(dialog).getByRole('textbox', { name: /^Người nhập/ });
    await waitFor(() => expect(by.getAttribute('aria-invalid')).toBe('true'));
    expect({ actual: errorOf(actual)?.startsWith('«1.250 người»'), by: errorOf(by) }).toEqual({ actual: true, by: 'Người nhập không được để trống.' });
    expect(invoke.mock.calls.some(([channel]) => channel === 'plans:typeActual')).toBe(false);
  });
});

const sameYear =
  'Năm 2027 đã có kế hoạch năm cùng phạm vi (địa bàn, loại hình, lĩnh vực): «Kế hoạch phát triển kinh tế tập thể, hợp tác xã tỉnh An Giang năm 2027» (số 12/KH-LMHTX, đã ban hành). Nếu đây đúng là một kế hoạch khác, hãy xác nhận để lưu.';

/** The backend's refusal of a second year plan, naming the plan `id` there. */
function sameYearConflict(id: number) {
  return fail({
    kind: 'conflict',
    message: sameYear,
    existingId: id,
    similar: [{ id, name: 'Kế hoạch phát triển kinh tế tập thể, hợp tác xã tỉnh An Giang năm 2027', detail: 'số 12/KH-LMHTX, đã ban hành' }],
  });
}

describe('a second year plan of one year', () => {
  it('is copied only once the person confirms it beside the one named', async () => {
    const invoke = install({
      'plans:copy': (input) =>
        input.confirmedSimilarIds?.includes(11) ? ok({ ...plan2027, id: 12, status: 'draft' }) : sameYearConflict(11),
    });
    await openPlan();
    fireEvent.click(screen.getByRole('button', { name: 'Sao chép sang năm khác' }));
    const dialog = await screen.findByRole('dialog', { name: 'Sao chép kế hoạch sang năm khác' });
    fireEvent.change(within(dialog).getByLabelText('Năm của kế hoạch mới'), { target: { value: '2027' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Sao chép' }));

    const notice = await within(dialog).findByRole('alert');
    expect(within(notice).getByText(sameYear)).toBeTruthy();
    expect(within(notice).getByRole('link', { name: 'Xem kế hoạch đã có' }).getAttribute('href')).toBe('#/ke-hoach/11');
    fireEvent.click(within(notice).getByRole('button', { name: 'Vẫn lưu' }));
    await waitFor(() => expect(invoke).toHaveBeenCalledWith('plans:copy', { id: 11, year: 2027, confirmedSimilarIds: [11] }));
    await waitFor(() => expect(window.location.hash).toBe('#/ke-hoach/12'));
  });

  it('is saved from the plan form once confirmed, with whether each typed target adds up', async () => {
    const invoke = install({
      'plans:update': (input) => (input.confirmedSimilarIds?.includes(7) ? ok(plan2027) : sameYearConflict(7)),
    });
    await openPlan();
    fireEvent.click(screen.getByRole('button', { name: 'Sửa' }));
    const dialog = await screen.findByRole('dialog', { name: 'Sửa kế hoạch' });
    // The typed target adds up, as it was saved; said otherwise here.
    const addsUp = within(dialog).getByRole('checkbox', { name: /^Cộng dồn trong kỳ/ });
    expect((addsUp as HTMLInputElement).checked).toBe(true);
    fireEvent.click(addsUp);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Lưu' }));

    const notice = await within(dialog).findByRole('alert');
    expect(within(notice).getByRole('link', { name: 'Xem kế hoạch đã có' }).getAttribute('href')).toBe('#/ke-hoach/7');
    fireEvent.click(within(notice).getByRole('button', { name: 'Vẫn lưu' }));
    await waitFor(() => expect(invoke.mock.calls.filter(([channel]) => channel === 'plans:update')).toHaveLength(2));
    const [, saved] = invoke.mock.calls.filter(([channel]) => channel === 'plans:update')[1] ?? [];
    expect(saved).toMatchObject({ id: 11, confirmedSimilarIds: [7] });
    expect((saved as { targets: { title: string; typedCumulative?: boolean }[] }).targets.map((row) => [row.title, row.typedCumulative])).toEqual([
      ['Thành lập mới hợp tác xã', undefined],
      ['Tổng doanh thu của HTX', undefined],
      ['Bồi dưỡng, tập huấn cán bộ quản lý HTX', false],
    ]);
  });
});

describe('a target counted in đồng', () => {
  it('takes «Số tiền (đồng)» as its unit once revenue is chosen, and keeps it', async () => {
    install();
    await openPlan();
    fireEvent.click(screen.getByRole('button', { name: 'Sửa' }));
    const dialog = await screen.findByRole('dialog', { name: 'Sửa kế hoạch' });
    const first = within(dialog).getByRole('group', { name: 'Chỉ tiêu 1' });
    const unit = within(first).getByRole<HTMLInputElement>('combobox', { name: 'Đơn vị' });
    expect([unit.value, unit.disabled]).toEqual(['Số lượng', false]);
    await choose(within(first).getByRole('combobox', { name: 'Tính theo' }), 'doanh thu', 'Tổng doanh thu');
    await waitFor(() => expect([unit.value, unit.disabled]).toEqual(['Số tiền (đồng)', true]));
  });

  it('reads «1,5 tỷ» as offices write an amount, says what it read, and saves it', async () => {
    const invoke = install({ 'plans:update': () => ok(plan2027) });
    await openPlan();
    fireEvent.click(screen.getByRole('button', { name: 'Sửa' }));
    const dialog = await screen.findByRole('dialog', { name: 'Sửa kế hoạch' });
    const revenue = within(dialog).getByRole('group', { name: 'Chỉ tiêu 2' });
    const value = within(revenue).getByRole<HTMLInputElement>('textbox', { name: /^Giá trị/ });
    fireEvent.change(value, { target: { value: '1,5 tỷ' } });
    fireEvent.blur(value);
    expect(await within(revenue).findByText('«1,5 tỷ» ghi nhận là 1.500.000.000 đồng. Nếu không đúng, hãy sửa lại.')).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Lưu' }));
    await waitFor(() => expect(invoke.mock.calls.some(([channel]) => channel === 'plans:update')).toBe(true));
    const [, saved] = invoke.mock.calls.find(([channel]) => channel === 'plans:update') ?? [];
    expect((saved as { targets: { title: string; value: number }[] }).targets.map((row) => [row.title, row.value])[1]).toEqual(['Tổng doanh thu của HTX', 1_500_000_000]);
  });
});
