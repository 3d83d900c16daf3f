import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AgreementDetail, AgreementSummary } from '../../src/shared/contract';
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
    { id: 21, kind: 'organization', counterpartId: 7, name: 'HTX Nông nghiệp Mỹ Hiệp', role: 'seller' },
    { id: 22, kind: 'partner', counterpartId: 3, name: 'Công ty CP Thực phẩm Hà Nội', role: 'buyer' },
  ],
  totalValue: 760_000_000,
  fulfilment: 12.6,
  fulfilmentBasis: 'value',
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
    expect(cells.getByRole('progressbar', { name: 'Tỷ lệ thực hiện 12,6% theo giá trị cam kết' })).toBeTruthy();
    expect(cells.getByText('theo giá trị cam kết')).toBeTruthy();
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

  it('asks for the number alone, in the commitment’s unit, when a quantity is typed with another', async () => {
    const invoke = installFakeApi({});
    renderDialog();
    const dialog = await screen.findByRole('dialog', { name: 'Ghi nhận giao hàng' });
    await choose(within(dialog).getByRole('combobox', { name: 'Cam kết' }), 'lua', 'Lúa Đài Thơm 8 — 50 tấn');
    const quantity = within(dialog).getByRole<HTMLInputElement>('textbox', { name: /Số lượng giao/ });
    fireEvent.change(quantity, { target: { value: '2.500 kg' } });
    fireEvent.blur(quantity);
    expect(await within(dialog).findByText('«2.500 kg»: chỉ ghi số, theo đơn vị tấn ghi bên cạnh ô (đổi ra tấn nếu số đang theo đơn vị khác).')).toBeTruthy();
    expect(quantity.value).toBe('2.500 kg');
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

describe('over-delivery', { timeout: 20_000 }, () => {
  it('warns of more delivered than committed, in words, and still saves', async () => {
    let closed = false;
    const invoke = installFakeApi({
      'agreements:addDelivery': (input) =>
        ok({ id: 6, commitmentId: input.commitmentId, product: 'Lúa Đài Thơm 8', unit: 'tấn', deliveredOn: input.deliveredOn, quantity: input.quantity, value: null, note: '' }),
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
          delivery={{ id: 3, commitmentId: 11, product: 'Lúa Đài Thơm 8', unit: 'tấn', deliveredOn: '2026-10-01', quantity: 12, value: null, note: '' }}
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

describe('agreement page', { timeout: 30_000 }, () => {
  const expired: AgreementDetail = {
    ...detail,
    validUntil: '2026-11-20',
    status: 'expired',
    needsClosing: true,
    partyFulfilment: [
      { partyId: 21, supplied: { percent: 12.6, basis: 'value' }, suppliedCount: 2, received: null, receivedCount: 0 },
      { partyId: 22, supplied: null, suppliedCount: 0, received: { percent: 12.6, basis: 'value' }, receivedCount: 2 },
    ],
  };

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
