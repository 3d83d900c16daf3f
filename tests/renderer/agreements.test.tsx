import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AgreementDetail, AgreementSummary, SupplyLookups } from '../../src/shared/contract';
import { AppProviders, createQueryClient } from '../../src/renderer/src/AppProviders';
import { AgreementPage } from '../../src/renderer/src/pages/agreements/AgreementPage';
import { AgreementsPage } from '../../src/renderer/src/pages/agreements/AgreementsPage';
import { DeliveryDialog } from '../../src/renderer/src/pages/agreements/DeliveryDialog';
import { fail, installFakeApi, ok } from './fakeApi';
import { choose } from './select';

function summary(overrides: Partial<AgreementSummary> & Pick<AgreementSummary, 'id' | 'title'>): AgreementSummary {
  return {
    kind: 'mou',
    number: '',
    signedOn: '2026-09-15',
    eventId: null,
    eventTitle: null,
    validFrom: null,
    validUntil: null,
    terminatedOn: null,
    parties: [],
    totalValue: null,
    fulfilment: null,
    fulfilmentBasis: null,
    fulfilmentUnvalued: 0,
    fulfilmentUnvaluedShort: 0,
    status: 'signed',
    closedOn: null,
    needsClosing: false,
    ...overrides,
  };
}

const riceMou = summary({
  id: 1,
  number: '12/2026/BBGN-LM',
  title: 'Biên bản ghi nhớ tiêu thụ lúa gạo',
  parties: [
    { id: 21, kind: 'organization', counterpartId: 7, name: 'HTX Nông nghiệp Mỹ Hiệp', role: 'seller', inTrash: false, ended: null },
    { id: 22, kind: 'partner', counterpartId: 3, name: 'Công ty CP Thực phẩm Hà Nội', role: 'buyer', inTrash: false, ended: null },
  ],
  totalValue: 760_000_000,
  fulfilment: 12.6,
  fulfilmentBasis: 'value',
  status: 'in_progress',
});

describe('agreements list', () => {
  it('shows number, title, kind, date, parties, value, fulfilment and status, and filters by status', async () => {
    const draft = summary({ id: 2, title: 'Chương trình phối hợp với Liên minh HTX Cà Mau', kind: 'cooperation_programme', signedOn: null, status: 'draft' });
    const invoke = installFakeApi({
      'agreements:list': (input) => {
        const rows = [draft, riceMou].filter((row) => !input.statuses || input.statuses.includes(row.status));
        return ok({ rows, total: rows.length });
      },
    });
    render(
      <AppProviders queryClient={createQueryClient()} env="test">
        <AgreementsPage />
      </AppProviders>,
    );

    const row = (await screen.findByText('Biên bản ghi nhớ tiêu thụ lúa gạo')).closest('tr');
    if (!row) throw new Error('a row');
    const cells = within(row);
    expect(cells.getByText('12/2026/BBGN-LM')).toBeTruthy();
    expect(cells.getByText('Biên bản ghi nhớ')).toBeTruthy();
    expect(cells.getByText('15/09/2026')).toBeTruthy();
    expect(cells.getByText('HTX Nông nghiệp Mỹ Hiệp')).toBeTruthy();
    expect(cells.getByText('Công ty CP Thực phẩm Hà Nội')).toBeTruthy();
    expect(cells.getByText('760.000.000 ₫')).toBeTruthy();
    expect(cells.getByRole('progressbar', { name: 'Tỷ lệ thực hiện 12,6% theo giá trị cam kết' })).toBeTruthy();
    // In the list's narrow column the basis is said in a few words, the whole sentence on hover.
    expect(cells.getByText('theo giá trị').closest('[title]')?.getAttribute('title')).toBe('theo giá trị cam kết');
    expect(cells.getByText('Đang thực hiện')).toBeTruthy();
    const draftRow = screen.getByText('Chương trình phối hợp với Liên minh HTX Cà Mau').closest('tr');
    expect(within(draftRow ?? document.body).getByText('Chưa ký')).toBeTruthy();
    expect(within(draftRow ?? document.body).getByText('Chưa có cam kết')).toBeTruthy();
    expect(screen.getByText('2 thỏa thuận')).toBeTruthy();

    await choose(screen.getByRole('combobox', { name: 'Trạng thái' }), 'dang', 'Đang thực hiện');
    await waitFor(() => expect(screen.queryByText('Chương trình phối hợp với Liên minh HTX Cà Mau')).toBeNull());
    expect(invoke).toHaveBeenLastCalledWith('agreements:list', expect.objectContaining({ statuses: ['in_progress'], page: 1 }));
  });

  it('never shows as done a rate by value of 100 % while a commitment without a value is still owed', async () => {
    const halfOwed = summary({ id: 3, title: 'Biên bản ghi nhớ tiêu thụ gạo ST25', fulfilment: 100, fulfilmentBasis: 'value', fulfilmentUnvalued: 1, fulfilmentUnvaluedShort: 1, status: 'expired' });
    const done = summary({ id: 4, title: 'Hợp đồng tiêu thụ xoài', fulfilment: 100, fulfilmentBasis: 'value', fulfilmentUnvalued: 1, status: 'fulfilled' });
    installFakeApi({ 'agreements:list': () => ok({ rows: [halfOwed, done], total: 2 }) });
    render(
      <AppProviders queryClient={createQueryClient()} env="test">
        <AgreementsPage />
      </AppProviders>,
    );
    const rowOf = async (title: string) => within((await screen.findByText(title)).closest('tr') ?? document.body);
    const owed = (await rowOf('Biên bản ghi nhớ tiêu thụ gạo ST25')).getByRole('progressbar');
    expect(owed.getAttribute('aria-label')).toBe('Tỷ lệ thực hiện 100% theo giá trị cam kết, 1 cam kết chưa có giá trị không tính (1 còn chưa giao đủ)');
    expect((await rowOf('Biên bản ghi nhớ tiêu thụ gạo ST25')).getByText('trừ 1 cam kết')).toBeTruthy();
    const finished = (await rowOf('Hợp đồng tiêu thụ xoài')).getByRole('progressbar');
    expect(finished.getAttribute('aria-label')).toBe('Tỷ lệ thực hiện 100% theo giá trị cam kết, 1 cam kết chưa có giá trị không tính');
    // The colour of done only where nothing is owed.
    const colourOf = (bar: HTMLElement) => bar.closest('.mantine-Progress-root')?.querySelector('.mantine-Progress-section')?.getAttribute('style') ?? '';
    expect(colourOf(finished)).toContain('teal');
    expect(colourOf(owed)).not.toContain('teal');
    expect(colourOf(owed)).toContain('blue');
  });

  it('tells one that ran out and is still followed from one whose follow-up was closed, and filters by each', async () => {
    const followed = summary({ id: 3, title: 'Hợp đồng tiêu thụ cá tra 2025', validUntil: '2025-12-31', status: 'expired', needsClosing: true });
    const closed = summary({ id: 4, title: 'Hợp đồng tiêu thụ xoài 2025', validUntil: '2025-12-31', status: 'expired', closedOn: '2026-02-01' });
    const invoke = installFakeApi({
      'agreements:list': (input) => {
        const rows = [followed, closed].filter((row) => !input.followUp || (input.followUp === 'needs_closing' ? row.needsClosing : row.closedOn !== null));
        return ok({ rows, total: rows.length });
      },
    });
    render(
      <AppProviders queryClient={createQueryClient()} env="test">
        <AgreementsPage />
      </AppProviders>,
    );
    const rowOf = async (title: string) => within((await screen.findByText(title)).closest('tr') ?? document.body);
    expect((await rowOf('Hợp đồng tiêu thụ cá tra 2025')).getByText('Chưa hoàn thành, còn theo dõi')).toBeTruthy();
    expect((await rowOf('Hợp đồng tiêu thụ xoài 2025')).getByText('Đã kết thúc theo dõi')).toBeTruthy();

    // Offered right after Hết hiệu lực, in the words of Cần chú ý.
    await choose(screen.getByRole('combobox', { name: 'Trạng thái' }), 'het han', 'Hết hạn, chưa hoàn thành');
    await waitFor(() => expect(screen.queryByText('Hợp đồng tiêu thụ xoài 2025')).toBeNull());
    expect(invoke).toHaveBeenLastCalledWith('agreements:list', expect.objectContaining({ followUp: 'needs_closing', page: 1 }));
    // Not also a status: it is what became of one that ran out.
    expect(invoke.mock.lastCall?.[1]).not.toHaveProperty('statuses');
    await choose(screen.getByRole('combobox', { name: 'Trạng thái' }), 'ket thuc', 'Đã kết thúc theo dõi');
    await waitFor(() => expect(screen.queryByText('Hợp đồng tiêu thụ cá tra 2025')).toBeNull());
    expect(invoke).toHaveBeenLastCalledWith('agreements:list', expect.objectContaining({ followUp: 'closed', page: 1 }));
  });
});

/** Danh mục's mass units, as a new database has them (drizzle/0012_supply_demand_lookups.sql). */
const tan = { code: 'tan', name: 'tấn', baseCode: null, perBase: 1 };
const ta = { code: 'ta', name: 'tạ', baseCode: 'tan', perBase: 10 };
const yen = { code: 'yen', name: 'yến', baseCode: 'tan', perBase: 100 };
const kg = { code: 'kg', name: 'kg', baseCode: 'tan', perBase: 1000 };
/** Danh mục's units with the spellings a quantity box reads («ký», «trái»). */
const supplyLookups: SupplyLookups = {
  productGroups: [],
  units: [
    { ...tan, aliases: 'tan, T' },
    { ...ta, aliases: '' },
    { ...yen, aliases: '' },
    { ...kg, aliases: 'ký, kí, kilogram' },
    { code: 'qua', name: 'quả', aliases: 'trái', baseCode: null, perBase: 1 },
  ],
  channels: [],
};

const detail: AgreementDetail = {
  ...riceMou,
  terminationReason: '',
  closingReason: '',
  partyFulfilment: [],
  note: '',
  createdAt: '2026-09-15T08:00:00.000Z',
  updatedAt: '2026-10-20T08:00:00.000Z',
  commitments: [
    {
      id: 11,
      product: 'Lúa Đài Thơm 8',
      quantity: 50,
      unit: 'tấn',
      value: 400_000_000,
      startsOn: null,
      dueOn: '2026-11-15',
      dueDay: '2026-11-15',
      delivered: 12,
      fulfilment: 24,
      overdue: true,
      supplierPartyId: 21,
      receiverPartyId: 22,
      deliveryUnits: [tan, ta, yen, kg],
    },
    {
      id: 12,
      product: 'Gạo thơm',
      quantity: 800,
      unit: 'kg',
      value: 360_000_000,
      startsOn: null,
      dueOn: null,
      dueDay: null,
      delivered: 0,
      fulfilment: 0,
      overdue: false,
      supplierPartyId: 21,
      receiverPartyId: 22,
      deliveryUnits: [kg, tan, ta, yen],
    },
  ],
  deliveries: [],
  unitTotals: [
    { unit: 'tấn', commitments: 1, committed: 50, delivered: 12 },
    { unit: 'kg', commitments: 1, committed: 800, delivered: 0 },
  ],
  attachments: [],
  notes: [],
};

function renderDialog(onClose: () => void = () => undefined) {
  return render(
    <AppProviders queryClient={createQueryClient()} env="test">
      <DeliveryDialog agreement={detail} onClose={onClose} />
    </AppProviders>,
  );
}

describe('delivery dialog', () => {
  it('records a delivery on the chosen commitment, in its unit, and shows what was delivered so far', async () => {
    let closed = false;
    const invoke = installFakeApi({
      'agreements:addDelivery': (input) =>
        ok({ id: 5, commitmentId: input.commitmentId, product: 'Lúa Đài Thơm 8', unit: 'tấn', deliveredOn: input.deliveredOn, quantity: input.quantity, written: null, value: input.value ?? null, note: input.note ?? '' }),
    });
    renderDialog(() => {
      closed = true;
    });
    const dialog = await screen.findByRole('dialog', { name: 'Ghi nhận giao hàng' });
    await choose(within(dialog).getByRole('combobox', { name: 'Cam kết' }), 'lua', 'Lúa Đài Thơm 8 — 50 tấn');
    expect(within(dialog).getByText('Đã giao 12 / 50 tấn (24%)')).toBeTruthy();
    // In the commitment's unit unless another is chosen.
    expect(within(dialog).getByRole<HTMLInputElement>('combobox', { name: 'Đơn vị' }).value).toBe('tấn');
    fireEvent.change(within(dialog).getByLabelText(/Ngày giao/), { target: { value: '20/11/2026' } });
    fireEvent.blur(within(dialog).getByLabelText(/Ngày giao/));
    fireEvent.change(within(dialog).getByRole('textbox', { name: /Số lượng giao/ }), { target: { value: '8,5' } });
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Ghi chú' }), { target: { value: 'Đợt 2' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Lưu lần giao hàng' }));

    await waitFor(() => expect(closed).toBe(true));
    expect(invoke).toHaveBeenCalledWith('agreements:addDelivery', {
      commitmentId: 11,
      deliveredOn: '2026-11-20',
      quantity: 8.5,
      unit: '',
      value: null,
      note: 'Đợt 2',
    });
  });

  it('puts the backend refusal under the date', async () => {
    installFakeApi({
      'agreements:addDelivery': () =>
        fail({
          kind: 'validation',
          message: 'Ngày giao hàng không được trước ngày ký thỏa thuận (15/09/2026).',
          issues: [{ path: 'deliveredOn', message: 'Ngày giao hàng không được trước ngày ký thỏa thuận (15/09/2026).' }],
        }),
    });
    renderDialog();
    const dialog = await screen.findByRole('dialog', { name: 'Ghi nhận giao hàng' });
    await choose(within(dialog).getByRole('combobox', { name: 'Cam kết' }), 'gao', 'Gạo thơm — 800 kg');
    fireEvent.change(within(dialog).getByRole('textbox', { name: /Số lượng giao/ }), { target: { value: '100' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Lưu lần giao hàng' }));
    expect(await within(dialog).findByText('Ngày giao hàng không được trước ngày ký thỏa thuận (15/09/2026).')).toBeTruthy();
  });

  it('asks for a quantity greater than 0 before sending anything', async () => {
    const invoke = installFakeApi({});
    renderDialog();
    const dialog = await screen.findByRole('dialog', { name: 'Ghi nhận giao hàng' });
    await choose(within(dialog).getByRole('combobox', { name: 'Cam kết' }), 'lua', 'Lúa Đài Thơm 8 — 50 tấn');
    const quantity = within(dialog).getByRole<HTMLInputElement>('textbox', { name: /Số lượng giao/ });
    for (const typed of ['0', '-12']) {
      fireEvent.change(quantity, { target: { value: typed } });
      fireEvent.click(within(dialog).getByRole('button', { name: 'Lưu lần giao hàng' }));
      expect(await within(dialog).findByText('Phải lớn hơn 0.')).toBeTruthy();
      expect(quantity.value).toBe(typed);
    }
    expect(invoke).not.toHaveBeenCalledWith('agreements:addDelivery', expect.anything());
  });

  it('says before saving that a delivery is dated after the agreement ran out, and saves it as dated', async () => {
    let closed = false;
    const invoke = installFakeApi({
      'agreements:addDelivery': (input) =>
        ok({ id: 6, commitmentId: input.commitmentId, product: 'Lúa Đài Thơm 8', unit: 'tấn', deliveredOn: input.deliveredOn, quantity: input.quantity, written: null, value: null, note: '' }),
    });
    render(
      <AppProviders queryClient={createQueryClient()} env="test">
        <DeliveryDialog agreement={{ ...detail, validUntil: '2026-11-30' }} onClose={() => (closed = true)} />
      </AppProviders>,
    );
    const dialog = await screen.findByRole('dialog', { name: 'Ghi nhận giao hàng' });
    await choose(within(dialog).getByRole('combobox', { name: 'Cam kết' }), 'lua', 'Lúa Đài Thơm 8 — 50 tấn');
    const late = 'Ngày giao sau ngày hết hiệu lực của thỏa thuận (30/11/2026). Hàng giao muộn vẫn lưu được; nếu nhập nhầm ngày, hãy sửa lại.';
    const day = within(dialog).getByLabelText(/Ngày giao/);
    // The last day in force is not late.
    fireEvent.change(day, { target: { value: '30/11/2026' } });
    fireEvent.blur(day);
    await waitFor(() => expect(within(dialog).queryByText(late)).toBeNull());
    fireEvent.change(day, { target: { value: '05/12/2026' } });
    fireEvent.blur(day);
    expect((await within(dialog).findByText(late)).closest('[role="status"]')).toBeTruthy();
    fireEvent.change(within(dialog).getByRole('textbox', { name: /Số lượng giao/ }), { target: { value: '5' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Lưu lần giao hàng' }));
    await waitFor(() => expect(closed).toBe(true));
    expect(invoke).toHaveBeenCalledWith('agreements:addDelivery', expect.objectContaining({ commitmentId: 11, deliveredOn: '2026-12-05', quantity: 5 }));
  });

  it('asks for the number alone when the commitment’s unit is not in Danh mục', async () => {
    const invoke = installFakeApi({ 'supply:lookups': () => ok(supplyLookups) });
    const [rice] = detail.commitments;
    if (!rice) throw new Error('a commitment');
    render(
      <AppProviders queryClient={createQueryClient()} env="test">
        <DeliveryDialog agreement={{ ...detail, commitments: [{ ...rice, unit: 'bao', deliveryUnits: [] }] }} onClose={() => undefined} />
      </AppProviders>,
    );
    const dialog = await screen.findByRole('dialog', { name: 'Ghi nhận giao hàng' });
    const quantity = within(dialog).getByRole<HTMLInputElement>('textbox', { name: /Số lượng giao/ });
    fireEvent.change(quantity, { target: { value: '2.500 kg' } });
    fireEvent.blur(quantity);
    expect(await within(dialog).findByText('«2.500 kg»: chỉ ghi số, theo đơn vị bao ghi bên cạnh ô (đổi ra bao nếu số đang theo đơn vị khác).')).toBeTruthy();
    expect(quantity.value).toBe('2.500 kg');
    expect(invoke).not.toHaveBeenCalledWith('agreements:addDelivery', expect.anything());
  });

  it('refuses at once, under the day, a delivery dated after the agreement was terminated', async () => {
    const invoke = installFakeApi({});
    render(
      <AppProviders queryClient={createQueryClient()} env="test">
        <DeliveryDialog agreement={{ ...detail, validUntil: '2026-12-31', terminatedOn: '2026-11-10', status: 'terminated' }} onClose={() => undefined} />
      </AppProviders>,
    );
    const dialog = await screen.findByRole('dialog', { name: 'Ghi nhận giao hàng' });
    await choose(within(dialog).getByRole('combobox', { name: 'Cam kết' }), 'lua', 'Lúa Đài Thơm 8 — 50 tấn');
    const refused = 'Thỏa thuận đã chấm dứt từ ngày 10/11/2026; không ghi nhận giao hàng sau ngày đó.';
    const day = within(dialog).getByLabelText<HTMLInputElement>(/Ngày giao/);
    // Its last day is still its own.
    fireEvent.change(day, { target: { value: '10/11/2026' } });
    fireEvent.blur(day);
    await waitFor(() => expect(within(dialog).queryByText(refused)).toBeNull());
    fireEvent.change(day, { target: { value: '12/11/2026' } });
    fireEvent.blur(day);
    expect(await within(dialog).findByText(refused)).toBeTruthy();
    expect(day.getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(within(dialog).getByRole('textbox', { name: /Số lượng giao/ }), { target: { value: '5' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Lưu lần giao hàng' }));
    await waitFor(() => expect(within(dialog).getAllByText(refused)).toHaveLength(1));
    expect(invoke).not.toHaveBeenCalledWith('agreements:addDelivery', expect.anything());
  });

  it('says on a terminated agreement’s page up to which day deliveries are recorded, and opens the dialog on that day', async () => {
    const invoke = installFakeApi({
      'agreements:get': () => ok({ ...detail, validUntil: '2026-12-31', terminatedOn: '2026-11-10', terminationReason: 'Bên mua ngừng thu mua', status: 'terminated' }),
      'agreements:addDelivery': (input) =>
        ok({ id: 8, commitmentId: input.commitmentId, product: 'Lúa Đài Thơm 8', unit: 'tấn', deliveredOn: input.deliveredOn, quantity: input.quantity, written: null, value: null, note: '' }),
      'supply:lookups': () => ok(supplyLookups),
      'records:history': () => ok({ entries: [], names: {} }),
    });
    render(
      <AppProviders queryClient={createQueryClient()} env="test">
        <AgreementPage id={1} />
      </AppProviders>,
    );
    expect(await screen.findByText('Thỏa thuận chấm dứt từ ngày 10/11/2026: chỉ ghi nhận được những lần giao hàng đến hết ngày đó.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Ghi nhận giao hàng' }));
    const dialog = await screen.findByRole('dialog', { name: 'Ghi nhận giao hàng' });
    // Today is past the termination: the dialog starts from its last day, not from a day it refuses.
    expect(within(dialog).getByLabelText<HTMLInputElement>(/Ngày giao/).value).toBe('10/11/2026');
    expect(within(dialog).queryByText(/không ghi nhận giao hàng sau ngày đó/)).toBeNull();
    await choose(within(dialog).getByRole('combobox', { name: 'Cam kết' }), 'lua', 'Lúa Đài Thơm 8 — 50 tấn');
    fireEvent.change(within(dialog).getByRole('textbox', { name: /Số lượng giao/ }), { target: { value: '5' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Lưu lần giao hàng' }));
    await waitFor(() => expect(invoke).toHaveBeenCalledWith('agreements:addDelivery', expect.objectContaining({ commitmentId: 11, deliveredOn: '2026-11-10', quantity: 5 })));
  });

  it('takes a quantity in another unit of the commitment’s kind, says what it makes, and sends it as written', async () => {
    let closed = false;
    const invoke = installFakeApi({
      'agreements:addDelivery': (input) =>
        ok({ id: 7, commitmentId: input.commitmentId, product: 'Lúa Đài Thơm 8', unit: 'tấn', deliveredOn: input.deliveredOn, quantity: 0.5, written: { quantity: 500, unit: 'kg' }, value: null, note: '' }),
    });
    renderDialog(() => {
      closed = true;
    });
    const dialog = await screen.findByRole('dialog', { name: 'Ghi nhận giao hàng' });
    await choose(within(dialog).getByRole('combobox', { name: 'Cam kết' }), 'lua', 'Lúa Đài Thơm 8 — 50 tấn');
    await choose(within(dialog).getByRole('combobox', { name: 'Đơn vị' }), 'kg', 'kg');
    const quantity = within(dialog).getByRole<HTMLInputElement>('textbox', { name: /Số lượng giao/ });
    fireEvent.change(quantity, { target: { value: '500' } });
    expect(await within(dialog).findByText('Sẽ ghi: 500 kg = 0,5 tấn (cam kết tính bằng tấn).')).toBeTruthy();
    // 12 tấn delivered and 39.000 kg more: 51 of 50 tấn, said in the commitment's unit.
    fireEvent.change(quantity, { target: { value: '39.000' } });
    expect((await within(dialog).findByText('Giao vượt cam kết')).closest('[role="status"]')?.textContent).toContain('tổng đã giao là 51 tấn, nhiều hơn cam kết 50 tấn (vượt 1 tấn)');
    fireEvent.change(quantity, { target: { value: '500' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Lưu lần giao hàng' }));
    await waitFor(() => expect(closed).toBe(true));
    expect(invoke).toHaveBeenCalledWith('agreements:addDelivery', expect.objectContaining({ commitmentId: 11, quantity: 500, unit: 'kg' }));
  });

  it('reads a quantity written with a unit as every quantity box does: in the unit chosen, else refused with the figure', async () => {
    const invoke = installFakeApi({ 'supply:lookups': () => ok(supplyLookups) });
    renderDialog();
    const dialog = await screen.findByRole('dialog', { name: 'Ghi nhận giao hàng' });
    await choose(within(dialog).getByRole('combobox', { name: 'Cam kết' }), 'lua', 'Lúa Đài Thơm 8 — 50 tấn');
    const quantity = within(dialog).getByRole<HTMLInputElement>('textbox', { name: /Số lượng giao/ });
    const unit = within(dialog).getByRole<HTMLInputElement>('combobox', { name: 'Đơn vị' });
    // In kg while tấn is chosen: kept as typed, the unit beside left alone, refused with the figure in tấn.
    fireEvent.change(quantity, { target: { value: '2.500 kg' } });
    fireEvent.blur(quantity);
    expect(
      await within(dialog).findByText('«2.500 kg» là số lượng theo kg, còn đơn vị tính đã chọn là tấn: 2.500 kg là 2,5 tấn. Hãy ghi 2,5, hoặc chọn đơn vị tính kg.'),
    ).toBeTruthy();
    expect(quantity.value).toBe('2.500 kg');
    expect(unit.value).toBe('tấn');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Lưu lần giao hàng' }));
    await waitFor(() => expect(quantity.getAttribute('aria-invalid')).toBe('true'));
    expect(invoke).not.toHaveBeenCalledWith('agreements:addDelivery', expect.anything());
    // In a unit of another kind: said so, without offering quả, which the select beside does not hold.
    fireEvent.change(quantity, { target: { value: '300 trái' } });
    expect(within(dialog).getByText('«300 trái» là số lượng theo quả, không đổi ra tấn được (hai đơn vị khác loại); hãy ghi số lượng theo tấn.')).toBeTruthy();
    // kg chosen beside it: «2.500 ký» is read in the unit chosen, said so, and what it makes in tấn.
    await choose(unit, 'kg', 'kg');
    fireEvent.change(quantity, { target: { value: '2.500 ký' } });
    fireEvent.blur(quantity);
    await waitFor(() => expect(quantity.value).toBe('2.500'));
    expect(within(dialog).getByText('«2.500 ký» ghi nhận là 2.500 kg.')).toBeTruthy();
    expect(within(dialog).getByText('Sẽ ghi: 2.500 kg = 2,5 tấn (cam kết tính bằng tấn).')).toBeTruthy();
  });

  it('puts the backend refusal of a unit beside the unit', async () => {
    installFakeApi({
      'agreements:addDelivery': () =>
        fail({
          kind: 'validation',
          message: 'Cam kết «Lúa Đài Thơm 8» tính bằng tấn; «yến» không quy đổi được sang tấn.',
          issues: [{ path: 'unit', message: 'Cam kết «Lúa Đài Thơm 8» tính bằng tấn; «yến» không quy đổi được sang tấn.' }],
        }),
    });
    renderDialog();
    const dialog = await screen.findByRole('dialog', { name: 'Ghi nhận giao hàng' });
    await choose(within(dialog).getByRole('combobox', { name: 'Cam kết' }), 'lua', 'Lúa Đài Thơm 8 — 50 tấn');
    await choose(within(dialog).getByRole('combobox', { name: 'Đơn vị' }), 'yen', 'yến');
    fireEvent.change(within(dialog).getByRole('textbox', { name: /Số lượng giao/ }), { target: { value: '3' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Lưu lần giao hàng' }));
    expect(await within(dialog).findByText('Cam kết «Lúa Đài Thơm 8» tính bằng tấn; «yến» không quy đổi được sang tấn.')).toBeTruthy();
  });

  it('corrects a delivery as it was written, in its unit', async () => {
    const invoke = installFakeApi({
      'agreements:updateDelivery': (input) =>
        ok({ id: 3, commitmentId: 11, product: 'Lúa Đài Thơm 8', unit: 'tấn', deliveredOn: input.deliveredOn, quantity: 0.6, written: { quantity: 600, unit: 'kg' }, value: null, note: '' }),
    });
    render(
      <AppProviders queryClient={createQueryClient()} env="test">
        <DeliveryDialog
          agreement={detail}
          delivery={{ id: 3, commitmentId: 11, product: 'Lúa Đài Thơm 8', unit: 'tấn', deliveredOn: '2026-10-01', quantity: 0.5, written: { quantity: 500, unit: 'kg' }, value: null, note: '' }}
          onClose={() => undefined}
        />
      </AppProviders>,
    );
    const dialog = await screen.findByRole('dialog', { name: 'Sửa lần giao hàng' });
    const quantity = within(dialog).getByRole<HTMLInputElement>('textbox', { name: /Số lượng giao/ });
    expect(quantity.value).toBe('500');
    expect(within(dialog).getByRole<HTMLInputElement>('combobox', { name: 'Đơn vị' }).value).toBe('kg');
    fireEvent.change(quantity, { target: { value: '600' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Lưu lần giao hàng' }));
    await waitFor(() => expect(invoke).toHaveBeenCalledWith('agreements:updateDelivery', expect.objectContaining({ id: 3, quantity: 600, unit: 'kg' })));
  });

  it('reads 0,5 and 1.250,75 as a person writes them', async () => {
    const sent: number[] = [];
    installFakeApi({
      'agreements:addDelivery': (input) => {
        sent.push(input.quantity);
        return ok({ id: 6, commitmentId: input.commitmentId, product: 'Gạo thơm', unit: 'kg', deliveredOn: input.deliveredOn, quantity: input.quantity, written: null, value: null, note: '' });
      },
    });
    for (const typed of ['0,5', '1.250,75']) {
      const { unmount } = renderDialog();
      const dialog = await screen.findByRole('dialog', { name: 'Ghi nhận giao hàng' });
      await choose(within(dialog).getByRole('combobox', { name: 'Cam kết' }), 'gao', 'Gạo thơm — 800 kg');
      fireEvent.input(within(dialog).getByRole('textbox', { name: /Số lượng giao/ }), { target: { value: typed } });
      fireEvent.click(within(dialog).getByRole('button', { name: 'Lưu lần giao hàng' }));
      await waitFor(() => expect(sent).toHaveLength(typed === '0,5' ? 1 : 2));
      unmount();
    }
    expect(sent).toEqual([0.5, 1250.75]);
  });
});

describe('over-delivery', () => {
  it('warns of more delivered than committed, in words, and still saves', async () => {
    let closed = false;
    const invoke = installFakeApi({
      'agreements:addDelivery': (input) =>
        ok({ id: 6, commitmentId: input.commitmentId, product: 'Lúa Đài Thơm 8', unit: 'tấn', deliveredOn: input.deliveredOn, quantity: input.quantity, written: null, value: null, note: '' }),
    });
    renderDialog(() => {
      closed = true;
    });
    const dialog = await screen.findByRole('dialog', { name: 'Ghi nhận giao hàng' });
    await choose(within(dialog).getByRole('combobox', { name: 'Cam kết' }), 'lua', 'Lúa Đài Thơm 8 — 50 tấn');
    const quantity = within(dialog).getByRole('textbox', { name: /Số lượng giao/ });
    fireEvent.change(quantity, { target: { value: '38' } });
    expect(within(dialog).queryByText('Giao vượt cam kết')).toBeNull();
    // 12 delivered already, and 39,5 more: 51,5 of 50 tấn.
    fireEvent.change(quantity, { target: { value: '39,5' } });
    const warning = await within(dialog).findByRole('status');
    expect(within(warning).getByText('Giao vượt cam kết')).toBeTruthy();
    expect(warning.textContent).toContain(
      'Sau lần giao này, tổng đã giao là 51,5 tấn, nhiều hơn cam kết 50 tấn (vượt 1,5 tấn). Nếu thực tế đã giao như vậy, vẫn lưu được; nếu nhập nhầm, hãy sửa số lượng.',
    );
    fireEvent.click(within(dialog).getByRole('button', { name: 'Lưu lần giao hàng' }));
    await waitFor(() => expect(closed).toBe(true));
    expect(invoke).toHaveBeenCalledWith('agreements:addDelivery', expect.objectContaining({ commitmentId: 11, quantity: 39.5 }));
  });

  it('counts a correction in place of the quantity it corrects', async () => {
    installFakeApi({});
    render(
      <AppProviders queryClient={createQueryClient()} env="test">
        <DeliveryDialog
          agreement={detail}
          delivery={{ id: 3, commitmentId: 11, product: 'Lúa Đài Thơm 8', unit: 'tấn', deliveredOn: '2026-10-01', quantity: 12, written: null, value: null, note: '' }}
          onClose={() => undefined}
        />
      </AppProviders>,
    );
    const dialog = await screen.findByRole('dialog', { name: 'Sửa lần giao hàng' });
    // The 12 already counted are this delivery: 50 in its place is the whole commitment, not over.
    fireEvent.change(within(dialog).getByRole('textbox', { name: /Số lượng giao/ }), { target: { value: '50' } });
    await waitFor(() => expect(within(dialog).queryByRole('status')).toBeNull());
    fireEvent.change(within(dialog).getByRole('textbox', { name: /Số lượng giao/ }), { target: { value: '56' } });
    expect((await within(dialog).findByRole('status')).textContent).toContain('tổng đã giao là 56 tấn, nhiều hơn cam kết 50 tấn (vượt 6 tấn)');
  });
});

describe('agreement page', () => {
  const expired: AgreementDetail = {
    ...detail,
    validUntil: '2026-11-20',
    status: 'expired',
    needsClosing: true,
    partyFulfilment: [
      { partyId: 21, supplied: { percent: 12.6, basis: 'value', unvalued: 0, unvaluedShort: 0 }, suppliedCount: 2, received: null, receivedCount: 0 },
      { partyId: 22, supplied: null, suppliedCount: 0, received: { percent: 12.6, basis: 'value', unvalued: 0, unvaluedShort: 0 }, receivedCount: 2 },
    ],
  };

  it('shows a party in the trash as such, with the way to restore it rather than a link to a page that is gone', async () => {
    const [seller, buyer] = detail.parties;
    if (!seller || !buyer) throw new Error('two parties');
    installFakeApi({ 'agreements:get': () => ok({ ...detail, parties: [seller, { ...buyer, inTrash: true }] }) });
    render(
      <AppProviders queryClient={createQueryClient()} env="test">
        <AgreementPage id={1} />
      </AppProviders>,
    );
    const line = (await screen.findAllByText('Công ty CP Thực phẩm Hà Nội')).map((element) => element.closest('p')).find(Boolean);
    if (!line) throw new Error('the buyer in the parties');
    expect(within(line).getByText('đang ở Thùng rác')).toBeTruthy();
    expect(within(line).getByRole('link', { name: 'Mở Thùng rác để khôi phục' }).getAttribute('href')).toBe('#/thung-rac');
    expect(within(line).queryByRole('link', { name: 'Công ty CP Thực phẩm Hà Nội' })).toBeNull();
    expect(screen.getByRole('link', { name: 'HTX Nông nghiệp Mỹ Hiệp' }).getAttribute('href')).toBe('#/thanh-vien/7');
  });

  it('marks a party that has ended, beside its name, still linked to its page', async () => {
    const [seller, buyer] = detail.parties;
    if (!seller || !buyer) throw new Error('two parties');
    installFakeApi({ 'agreements:get': () => ok({ ...detail, parties: [{ ...seller, ended: { status: 'dissolved', endedOn: '2025-06-15' } }, buyer] }) });
    render(
      <AppProviders queryClient={createQueryClient()} env="test">
        <AgreementPage id={1} />
      </AppProviders>,
    );
    const link = await screen.findByRole('link', { name: 'HTX Nông nghiệp Mỹ Hiệp' });
    expect(link.getAttribute('href')).toBe('#/thanh-vien/7');
    expect(link.closest('p')?.textContent).toBe('HTX Nông nghiệp Mỹ Hiệp (Bên bán) Đã giải thể từ 15/06/2025');
    const buyerLine = screen.getByRole('link', { name: 'Công ty CP Thực phẩm Hà Nội' }).closest('p');
    expect(buyerLine?.textContent).not.toContain(' từ ');
  });

  it('shows a delivery written in another unit as written and as counted', async () => {
    installFakeApi({
      'agreements:get': () =>
        ok({
          ...detail,
          deliveries: [
            { id: 3, commitmentId: 11, product: 'Lúa Đài Thơm 8', unit: 'tấn', deliveredOn: '2026-10-01', quantity: 0.5, written: { quantity: 500, unit: 'kg' }, value: null, note: '' },
            { id: 2, commitmentId: 11, product: 'Lúa Đài Thơm 8', unit: 'tấn', deliveredOn: '2026-09-20', quantity: 11.5, written: null, value: null, note: '' },
          ],
        }),
      'records:history': () =>
        ok({
          entries: [
            {
              at: '2026-10-01T09:30:00.000Z',
              action: 'update' as const,
              changes: [
                {
                  field: 'delivery',
                  before: null,
                  after: { deliveredOn: '2026-10-01', quantity: 0.5, unit: 'tấn', writtenQuantity: 500, writtenUnit: 'kg', product: 'Lúa Đài Thơm 8', value: null, note: '' },
                },
              ],
            },
          ],
          names: {},
        }),
    });
    render(
      <AppProviders queryClient={createQueryClient()} env="test">
        <AgreementPage id={1} />
      </AppProviders>,
    );
    const deliveries = await screen.findByRole('table', { name: 'Các lần giao hàng' });
    expect(within(deliveries).getByText('500 kg = 0,5 tấn')).toBeTruthy();
    expect(within(deliveries).getByText('11,5 tấn')).toBeTruthy();
    // The change history says it the same way.
    fireEvent.click(screen.getByRole('button', { name: /Lịch sử thay đổi/ }));
    expect(await screen.findByText(/01\/10\/2026: 500 kg = 0,5 tấn Lúa Đài Thơm 8/)).toBeTruthy();
  });

  it('shows each delivery’s value as the fulfilment counts it: its share of the commitment’s value, else what it wrote, else «—»', async () => {
    const [rice, fragrant] = detail.commitments;
    if (!rice || !fragrant) throw new Error('two commitments');
    const delivery = (id: number, commitmentId: number, deliveredOn: string, quantity: number, value: number | null) => ({
      id,
      commitmentId,
      product: commitmentId === 11 ? 'Lúa Đài Thơm 8' : 'Gạo thơm',
      unit: commitmentId === 11 ? 'tấn' : 'kg',
      deliveredOn,
      quantity,
      written: null,
      value,
      note: '',
    });
    installFakeApi({
      'agreements:get': () =>
        ok({
          ...detail,
          // 50 tấn for 400.000.000 ₫; the rice of 800 kg without a value.
          commitments: [{ ...rice, delivered: 59 }, { ...fragrant, value: null, delivered: 500 }],
          deliveries: [
            delivery(7, 11, '2026-10-12', 2, null),
            delivery(4, 11, '2026-10-10', 45, null),
            delivery(3, 11, '2026-10-01', 0.5, 3_000_000),
            delivery(2, 11, '2026-09-20', 11.5, null),
            delivery(6, 12, '2026-10-05', 300, 9_000_000),
            delivery(5, 12, '2026-09-25', 200, null),
          ],
        }),
    });
    render(
      <AppProviders queryClient={createQueryClient()} env="test">
        <AgreementPage id={1} />
      </AppProviders>,
    );
    const deliveries = await screen.findByRole('table', { name: 'Các lần giao hàng' });
    const valueOf = (date: string) => {
      const row = within(deliveries).getByText(date).closest('tr');
      if (!row) throw new Error(`no delivery of ${date}`);
      return row.querySelectorAll('td')[3]?.textContent;
    };
    // 11,5 of 50 tấn is 92.000.000 ₫; 0,5 tấn 4.000.000 ₫ (what it wrote said beside); 45 tấn more
    // takes it past the quantity: only what remained of the value, 304.000.000 ₫ — 400.000.000 ₫ in all.
    expect(valueOf('20/09/2026')).toBe('92.000.000\u00a0₫');
    expect(valueOf('01/10/2026')).toBe('4.000.000\u00a0₫lần giao ghi 3.000.000\u00a0₫');
    expect(valueOf('10/10/2026')).toBe('304.000.000\u00a0₫');
    expect(valueOf('12/10/2026')).toBe('0\u00a0₫giao vượt cam kết, không tính thêm');
    // Without the commitment's value: what the delivery wrote, or none.
    expect(valueOf('05/10/2026')).toBe('9.000.000\u00a0₫');
    expect(valueOf('25/09/2026')).toBe('—chưa ghi giá trị');
    expect(screen.getByText(/^Giá trị của một lần giao là phần giá trị cam kết ứng với số lượng giao/)).toBeTruthy();
  });

  it('says it ran out unfinished, who supplies what to whom, each party’s part, and closes the follow-up with a reason', async () => {
    let current = expired;
    const invoke = installFakeApi({
      'agreements:get': () => ok(current),
      'records:history': () => ok({ entries: [], names: {} }),
      'agreements:close': (input) => {
        current = { ...expired, needsClosing: false, closedOn: input.closedOn, closingReason: input.reason };
        return ok(current);
      },
    });
    render(
      <AppProviders queryClient={createQueryClient()} env="test">
        <AgreementPage id={1} />
      </AppProviders>,
    );
    expect(await screen.findByText('Hết hạn, chưa hoàn thành')).toBeTruthy();
    expect(
      screen.getByText(
        'Thỏa thuận đã hết hiệu lực ngày 20/11/2026 nhưng còn 2 cam kết chưa giao đủ. Thỏa thuận vẫn nằm trong Cần chú ý cho đến khi có người kết thúc theo dõi và ghi lý do.',
      ),
    ).toBeTruthy();
    // The header says what the percentage is weighed by (and so does each party's part, below).
    expect(screen.getAllByRole('progressbar', { name: 'Tỷ lệ thực hiện 12,6% theo giá trị cam kết' })).toHaveLength(3);

    const commitments = screen.getByRole('table', { name: 'Cam kết' });
    const rice = within(commitments).getByText('Lúa Đài Thơm 8').closest('tr');
    expect(within(rice ?? document.body).getByText('HTX Nông nghiệp Mỹ Hiệp')).toBeTruthy();
    expect(within(rice ?? document.body).getByText('→ Công ty CP Thực phẩm Hà Nội')).toBeTruthy();

    const parts = screen.getByRole('table', { name: 'Thực hiện theo từng bên' });
    const seller = within(parts).getByText('HTX Nông nghiệp Mỹ Hiệp').closest('tr');
    expect(within(seller ?? document.body).getByRole('progressbar', { name: 'Tỷ lệ thực hiện 12,6% theo giá trị cam kết' })).toBeTruthy();
    expect(within(seller ?? document.body).getByText('2 cam kết')).toBeTruthy();
    expect(within(seller ?? document.body).getByText('Không có')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Kết thúc theo dõi' }));
    const dialog = await screen.findByRole('dialog', { name: 'Kết thúc theo dõi thỏa thuận' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Kết thúc theo dõi' }));
    expect(await within(dialog).findByText('Lý do kết thúc theo dõi không được để trống.')).toBeTruthy();
    fireEvent.change(within(dialog).getByRole('textbox', { name: /Lý do/ }), { target: { value: 'Doanh nghiệp không nhận phần còn lại' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Kết thúc theo dõi' }));
    await waitFor(() => expect(invoke).toHaveBeenCalledWith('agreements:close', expect.objectContaining({ id: 1, reason: 'Doanh nghiệp không nhận phần còn lại' })));
    expect(await screen.findByText('Lý do: Doanh nghiệp không nhận phần còn lại')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Theo dõi lại' })).toBeTruthy();
    expect(screen.queryByText('Hết hạn, chưa hoàn thành')).toBeNull();
  });
});
