import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AgreementDetail, AgreementSummary } from '../../src/shared/contract';
import { AppProviders, createQueryClient } from '../../src/renderer/src/AppProviders';
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
    status: 'signed',
    ...overrides,
  };
}

const riceMou = summary({
  id: 1,
  number: '12/2026/BBGN-LM',
  title: 'Biên bản ghi nhớ tiêu thụ lúa gạo',
  parties: [
    { kind: 'organization', counterpartId: 7, name: 'HTX Nông nghiệp Mỹ Hiệp', role: 'seller' },
    { kind: 'partner', counterpartId: 3, name: 'Công ty CP Thực phẩm Hà Nội', role: 'buyer' },
  ],
  totalValue: 760_000_000,
  fulfilment: 12,
  status: 'in_progress',
});

describe('agreements list', { timeout: 20_000 }, () => {
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
    expect(cells.getByRole('progressbar', { name: 'Tỷ lệ thực hiện 12%' })).toBeTruthy();
    expect(cells.getByText('Đang thực hiện')).toBeTruthy();
    const draftRow = screen.getByText('Chương trình phối hợp với Liên minh HTX Cà Mau').closest('tr');
    expect(within(draftRow ?? document.body).getByText('Chưa ký')).toBeTruthy();
    expect(within(draftRow ?? document.body).getByText('Chưa có cam kết')).toBeTruthy();
    expect(screen.getByText('2 thỏa thuận')).toBeTruthy();

    await choose(screen.getByRole('combobox', { name: 'Trạng thái' }), 'dang', 'Đang thực hiện');
    await waitFor(() => expect(screen.queryByText('Chương trình phối hợp với Liên minh HTX Cà Mau')).toBeNull());
    expect(invoke).toHaveBeenLastCalledWith('agreements:list', expect.objectContaining({ statuses: ['in_progress'], page: 1 }));
  });
});

const detail: AgreementDetail = {
  ...riceMou,
  terminationReason: '',
  note: '',
  createdAt: '2026-09-15T08:00:00.000Z',
  updatedAt: '2026-10-20T08:00:00.000Z',
  commitments: [
    { id: 11, product: 'Lúa Đài Thơm 8', quantity: 50, unit: 'tấn', value: 400_000_000, startsOn: null, dueOn: '2026-11-15', delivered: 12, fulfilment: 24, overdue: true },
    { id: 12, product: 'Gạo thơm', quantity: 800, unit: 'kg', value: 360_000_000, startsOn: null, dueOn: null, delivered: 0, fulfilment: 0, overdue: false },
  ],
  deliveries: [],
  unitTotals: [
    { unit: 'tấn', committed: 50, delivered: 12 },
    { unit: 'kg', committed: 800, delivered: 0 },
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

describe('delivery dialog', { timeout: 20_000 }, () => {
  it('records a delivery on the chosen commitment, in its unit, and shows what was delivered so far', async () => {
    let closed = false;
    const invoke = installFakeApi({
      'agreements:addDelivery': (input) =>
        ok({ id: 5, commitmentId: input.commitmentId, product: 'Lúa Đài Thơm 8', unit: 'tấn', deliveredOn: input.deliveredOn, quantity: input.quantity, value: input.value ?? null, note: input.note ?? '' }),
    });
    renderDialog(() => {
      closed = true;
    });
    const dialog = await screen.findByRole('dialog', { name: 'Ghi nhận giao hàng' });
    await choose(within(dialog).getByRole('combobox', { name: 'Cam kết' }), 'lua', 'Lúa Đài Thơm 8 — 50 tấn');
    expect(within(dialog).getByText('Đã giao 12 / 50 tấn (24%)')).toBeTruthy();
    expect(within(dialog).getByText('tấn')).toBeTruthy();
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

  it('reads 0,5 and 1.250,75 as a person writes them', async () => {
    const sent: number[] = [];
    installFakeApi({
      'agreements:addDelivery': (input) => {
        sent.push(input.quantity);
        return ok({ id: 6, commitmentId: input.commitmentId, product: 'Gạo thơm', unit: 'kg', deliveredOn: input.deliveredOn, quantity: input.quantity, value: null, note: '' });
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
