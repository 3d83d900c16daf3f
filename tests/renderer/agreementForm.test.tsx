/**
 * The agreement form as an organizer fills it: a quantity with a decimal comma, a signing date
 * that does not exist, a number another agreement has, and the save sent twice (Enter pressed
 * twice) — which creates one agreement.
 */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AgreementDetail, AgreementSummary, EventDetail, InputOf } from '../../src/shared/contract';
import { AppProviders, createQueryClient } from '../../src/renderer/src/AppProviders';
import { AgreementForm } from '../../src/renderer/src/pages/agreements/AgreementForm';
import { alliance, fail, installFakeApi, ok, organization, partner } from './fakeApi';
import { foldText } from '../../src/shared/text';
import { choose, shownOptions, typeInto } from './select';

const summary: AgreementSummary = {
  id: 9,
  kind: 'mou',
  number: '12/2026/BBGN-LM',
  title: 'Biên bản ghi nhớ tiêu thụ lúa gạo',
  signedOn: '2026-09-15',
  eventId: null,
  eventTitle: null,
  validFrom: null,
  validUntil: null,
  terminatedOn: null,
  parties: [],
  totalValue: 1_250_000,
  fulfilment: 0,
  fulfilmentBasis: 'value',
  fulfilmentUnvalued: 0,
  fulfilmentUnvaluedShort: 0,
  status: 'signed',
  closedOn: null,
  needsClosing: false,
};

function typeAndLeave(input: HTMLElement, text: string): void {
  fireEvent.focus(input);
  fireEvent.input(input, { target: { value: text } });
  fireEvent.blur(input);
}

function renderForm(handlers: Parameters<typeof installFakeApi>[0]) {
  let savedWith: AgreementSummary | null = null;
  const invoke = installFakeApi({
    'alliance:get': () => ok(alliance),
    'events:list': () => ok({ rows: [], total: 0 }),
    'organizations:list': () => ok({ rows: [organization({ id: 7, name: 'HTX Nông nghiệp Mỹ Hiệp' })], total: 1 }),
    'partners:list': () => ok({ rows: [partner({ id: 3, name: 'Công ty CP Thực phẩm Hà Nội' })], total: 1 }),
    'agreements:checkNumber': () => ok([]),
    ...handlers,
  });
  render(
    <AppProviders queryClient={createQueryClient()} env="test">
      <AgreementForm
        onSaved={(agreement) => {
          savedWith = agreement;
        }}
        onCancel={() => undefined}
      />
    </AppProviders>,
  );
  return { invoke, saved: () => savedWith };
}

/** Picks a member or partner whose option reads its name, then its kind and place. */
async function pickCounterpart(input: HTMLElement, search: string, name: string): Promise<void> {
  typeInto(input, search);
  await waitFor(() => expect(shownOptions().some((option) => option?.startsWith(name))).toBe(true));
  const option = screen.getAllByRole('option').find((candidate) => candidate.textContent.startsWith(name));
  if (!option) throw new Error(`an option ${name}`);
  fireEvent.click(option);
}

/** Everything a memorandum needs, typed as an organizer types it. */
async function fillMemorandum(signedOn: string): Promise<void> {
  await choose(screen.getByLabelText(/^Loại thỏa thuận/), '', 'Biên bản ghi nhớ');
  fireEvent.change(screen.getByLabelText(/^Số thỏa thuận/), { target: { value: '12/2026/BBGN-LM' } });
  fireEvent.change(screen.getByLabelText(/^Tên thỏa thuận/), { target: { value: 'Biên bản ghi nhớ tiêu thụ lúa gạo' } });
  typeAndLeave(screen.getByLabelText(/^Ngày ký/), signedOn);
  await pickCounterpart(screen.getByLabelText(/^Bên thứ 1/), 'my hiep', 'HTX Nông nghiệp Mỹ Hiệp');
  await pickCounterpart(screen.getByLabelText(/^Bên thứ 2/), 'thuc pham', 'Công ty CP Thực phẩm Hà Nội');
  const [firstRole, secondRole] = screen.getAllByLabelText(/^Vai trò/);
  if (!firstRole || !secondRole) throw new Error('two roles');
  await choose(firstRole, '', 'Bên bán');
  await choose(secondRole, '', 'Bên mua');
  const commitment = screen.getByRole('group', { name: 'Cam kết thứ 1' });
  fireEvent.change(within(commitment).getByLabelText(/^Sản phẩm/), { target: { value: 'Lúa Đài Thơm 8' } });
  typeAndLeave(within(commitment).getByLabelText(/^Số lượng/), '1,5');
  // The unit's list of common units is labelled too; the box is the input.
  const unit = within(commitment).getAllByLabelText(/^Đơn vị tính/).find((element) => element.tagName === 'INPUT');
  if (!unit) throw new Error('a unit box');
  fireEvent.change(unit, { target: { value: 'tấn' } });
  typeAndLeave(within(commitment).getByLabelText(/^Giá trị/), '1.250.000');
}

describe('the agreement form', { timeout: 60_000 }, () => {
  it('shows, among the parties offered, that an organization has ended and since when', async () => {
    renderForm({
      'organizations:list': () =>
        ok({
          rows: [
            organization({ id: 7, name: 'HTX Nông nghiệp Mỹ Hiệp' }),
            organization({ id: 8, name: 'HTX Xây dựng Thạnh Đông', status: 'dissolved', endedOn: '2026-12-03', communeName: 'Xã Thạnh Đông' }),
            organization({ id: 9, name: 'HTX Dịch vụ Tân Hồng', status: 'suspended', communeName: 'Xã Tân Hồng' }),
          ],
          total: 3,
        }),
    });
    typeInto(screen.getByLabelText(/^Bên thứ 1/), 'htx');
    await waitFor(() => expect(shownOptions()).toHaveLength(4));
    expect(shownOptions()).toEqual([
      'HTX Nông nghiệp Mỹ HiệpHTX · Xã Mỹ Hiệp',
      'HTX Xây dựng Thạnh ĐôngHTX · Xã Thạnh Đông · Đã giải thể từ 03/12/2026',
      'HTX Dịch vụ Tân HồngHTX · Xã Tân Hồng · Tạm ngừng',
      'Công ty CP Thực phẩm Hà NộiThành phố Hà Nội',
    ]);
  });

  it('keeps a signing date that does not exist as typed, says so, and sends nothing', async () => {
    const { invoke } = renderForm({});
    await fillMemorandum('31/02/2026');
    const signedOn = screen.getByLabelText<HTMLInputElement>(/^Ngày ký/);
    expect(signedOn.value).toBe('31/02/2026');
    expect(screen.getByText('Ngày 31/02/2026 không có thật: tháng 2/2026 có 28 ngày.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Lưu thỏa thuận' }));
    await waitFor(() => expect(signedOn.getAttribute('aria-invalid')).toBe('true'));
    expect(signedOn.value).toBe('31/02/2026');
    expect(invoke).not.toHaveBeenCalledWith('agreements:create', expect.anything());
  });

  it('takes the unit suggested for what is typed on Enter, rather than sending the form half filled', async () => {
    const { invoke } = renderForm({});
    const commitment = screen.getByRole('group', { name: 'Cam kết thứ 1' });
    const unit = within(commitment).getAllByLabelText(/^Đơn vị tính/).find((element): element is HTMLInputElement => element instanceof HTMLInputElement);
    if (!unit) throw new Error('a unit box');
    typeInto(unit, 'k');
    await waitFor(() => expect(shownOptions()).toEqual(['kg']));
    // false: the key's default, the form's submission, was prevented.
    expect(fireEvent.keyDown(unit, { key: 'Enter', code: 'Enter' })).toBe(false);
    expect(unit.value).toBe('kg');
    expect(invoke).not.toHaveBeenCalledWith('agreements:create', expect.anything());
  });

  it('creates one agreement when the save is sent twice, with 1,5 tấn read as 1.5', async () => {
    const created: InputOf<'agreements:create'>[] = [];
    const { saved } = renderForm({
      'agreements:create': (input) => {
        created.push(input);
        return ok(summary);
      },
    });
    await fillMemorandum('15/09/2026');
    // Enter in a field submits the form; pressed twice, two submits arrive before the first save answers.
    const form = screen.getByRole('button', { name: 'Lưu thỏa thuận' }).closest('form');
    if (!form) throw new Error('a form');
    fireEvent.submit(form);
    fireEvent.submit(form);
    await waitFor(() => expect(saved()).not.toBeNull());
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({
      kind: 'mou',
      number: '12/2026/BBGN-LM',
      signedOn: '2026-09-15',
      parties: [
        { kind: 'organization', id: 7, role: 'seller' },
        { kind: 'partner', id: 3, role: 'buyer' },
      ],
      commitments: [{ product: 'Lúa Đài Thơm 8', quantity: 1.5, unit: 'tấn', value: 1_250_000 }],
    });
    // The button stays disabled: the form is done and closing.
    expect(screen.getByRole('button', { name: 'Lưu thỏa thuận' }).hasAttribute('disabled')).toBe(true);
  });

  it('warns while typing a number another agreement has, and saves it only once confirmed', async () => {
    const other = { id: 4, number: '12/2026/BBGN-LM', title: 'Hợp đồng tiêu thụ xoài cát Hòa Lộc', signedOn: '2026-03-05' };
    const message = 'Số thỏa thuận 12/2026/BBGN-LM đã dùng cho thỏa thuận «Hợp đồng tiêu thụ xoài cát Hòa Lộc» (ký ngày 05/03/2026). Nếu đây là một thỏa thuận khác mang cùng số, hãy xác nhận để lưu.';
    const created: InputOf<'agreements:create'>[] = [];
    const { saved } = renderForm({
      'agreements:checkNumber': (input) => ok(input.number === other.number ? [other] : []),
      'agreements:create': (input) => {
        created.push(input);
        return input.confirmedSimilarIds?.includes(4)
          ? ok(summary)
          : fail({ kind: 'conflict', message, existingId: 4, similar: [{ id: 4, name: other.title, detail: 'ký ngày 05/03/2026' }] });
      },
    });
    await fillMemorandum('15/09/2026');
    const warning = await screen.findByText('Số thỏa thuận này đã dùng cho');
    const notice = warning.closest('[role="alert"], .mantine-Alert-root');
    expect(notice?.textContent).toContain('Hợp đồng tiêu thụ xoài cát Hòa Lộc');
    expect(notice?.textContent).toContain('(số 12/2026/BBGN-LM, ký ngày 05/03/2026)');

    fireEvent.click(screen.getByRole('button', { name: 'Lưu thỏa thuận' }));
    expect(await screen.findByText(message)).toBeTruthy();
    expect(saved()).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Vẫn lưu' }));
    await waitFor(() => expect(saved()).not.toBeNull());
    expect(created.map((input) => input.confirmedSimilarIds)).toEqual([undefined, [4]]);
  });
});

/** A signed memorandum as stored: 12 of 50 tấn delivered, ran out on 30/11/2026. */
const stored: AgreementDetail = {
  ...summary,
  validUntil: '2026-11-30',
  status: 'expired',
  parties: [
    { id: 21, kind: 'organization', counterpartId: 7, name: 'HTX Nông nghiệp Mỹ Hiệp', role: 'seller', inTrash: false, ended: null },
    { id: 22, kind: 'partner', counterpartId: 3, name: 'Công ty CP Thực phẩm Hà Nội', role: 'buyer', inTrash: false, ended: null },
  ],
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
      dueOn: null,
      dueDay: '2026-11-30',
      delivered: 12,
      fulfilment: 24,
      overdue: true,
      supplierPartyId: 21,
      receiverPartyId: 22,
      deliveryUnits: [],
    },
  ],
  deliveries: [],
  unitTotals: [],
  attachments: [],
  notes: [],
};

function renderEdit(initial: AgreementDetail, handlers: Parameters<typeof installFakeApi>[0] = {}) {
  const invoke = installFakeApi({
    'alliance:get': () => ok(alliance),
    'events:list': () => ok({ rows: [], total: 0 }),
    'organizations:list': () => ok({ rows: [], total: 0 }),
    'partners:list': () => ok({ rows: [], total: 0 }),
    'agreements:checkNumber': () => ok([]),
    'agreements:update': () => ok(summary),
    ...handlers,
  });
  render(
    <AppProviders queryClient={createQueryClient()} env="test">
      <AgreementForm initial={initial} onSaved={() => undefined} onCancel={() => undefined} />
    </AppProviders>,
  );
  return invoke;
}

describe('editing an agreement against what happened to it', { timeout: 60_000 }, () => {
  it('says before saving that extending past the closing day reopens the follow-up', async () => {
    renderEdit({ ...stored, closedOn: '2026-12-07', closingReason: 'Doanh nghiệp không nhận phần còn lại.' });
    const until = await screen.findByLabelText(/^Hiệu lực đến ngày/);
    typeAndLeave(until, '05/12/2026');
    expect(screen.queryByText('Gia hạn sẽ mở lại theo dõi')).toBeNull();
    typeAndLeave(until, '31/12/2026');
    expect(await screen.findByText('Gia hạn sẽ mở lại theo dõi')).toBeTruthy();
    expect(
      screen.getByText(
        'Thỏa thuận đang kết thúc theo dõi từ ngày 07/12/2026. Khi lưu, theo dõi được mở lại: nếu thỏa thuận lại hết hạn mà chưa hoàn thành, nó sẽ trở lại Cần chú ý.',
      ),
    ).toBeTruthy();
  });

  it('says a party that signed is in the trash and is to be restored, not swapped', async () => {
    const [seller, buyer] = stored.parties;
    if (!seller || !buyer) throw new Error('two parties');
    renderEdit({ ...stored, parties: [seller, { ...buyer, inTrash: true }] });
    expect(
      await screen.findByText(
        'Công ty CP Thực phẩm Hà Nội đang ở Thùng rác. Hãy khôi phục ở mục Thùng rác rồi lưu thỏa thuận; không chọn bên khác thay cho bên đã ký.',
      ),
    ).toBeTruthy();
    expect(screen.getByLabelText(/^Bên thứ 2/).getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText(/^Bên thứ 1/).getAttribute('aria-invalid')).not.toBe('true');
  });

  it('says what was delivered when a quantity is cut below it, and saves saying the person was told', async () => {
    const invoke = renderEdit(stored);
    const commitment = await screen.findByRole('group', { name: 'Cam kết thứ 1' });
    typeAndLeave(within(commitment).getByLabelText(/^Số lượng/), '10');
    expect(await within(commitment).findByText('Số lượng cam kết ít hơn số đã giao')).toBeTruthy();
    expect(within(commitment).getByText('Cam kết này đã giao 12 tấn. Lưu với 10 tấn thì phần 2 tấn được ghi là giao vượt.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Lưu thỏa thuận' }));
    await waitFor(() =>
      expect(invoke).toHaveBeenCalledWith(
        'agreements:update',
        expect.objectContaining({ id: 9, confirmBelowDelivered: true, commitments: [expect.objectContaining({ id: 11, quantity: 10 })] }),
      ),
    );
  });

  it('asks nothing while the quantity stays at or above what was delivered', async () => {
    const invoke = renderEdit(stored);
    const commitment = await screen.findByRole('group', { name: 'Cam kết thứ 1' });
    typeAndLeave(within(commitment).getByLabelText(/^Số lượng/), '12');
    fireEvent.click(screen.getByRole('button', { name: 'Lưu thỏa thuận' }));
    await waitFor(() => expect(invoke).toHaveBeenCalledWith('agreements:update', expect.objectContaining({ confirmBelowDelivered: false })));
    expect(screen.queryByText('Số lượng cam kết ít hơn số đã giao')).toBeNull();
  });
});

describe('changing a party already chosen', { timeout: 60_000 }, () => {
  /** The register as the backend searches it: diacritics and case ignored, every word found. */
  const members = [organization({ id: 7, name: 'HTX Nông nghiệp Mỹ Hiệp' }), organization({ id: 8, name: 'HTX Nông nghiệp Vĩnh Gia' })];
  const matching = (query: string | undefined) => members.filter((row) => (query ?? '').split(' ').every((word) => foldText(row.name).includes(foldText(word))));
  const renderChosen = () =>
    renderEdit(stored, { 'organizations:list': (input) => ok({ rows: matching(input.query), total: matching(input.query).length }) });

  it('lists what matches the name typed, not the party chosen before', async () => {
    renderChosen();
    const first = await screen.findByLabelText<HTMLInputElement>(/^Bên thứ 1/);
    await waitFor(() => expect(first.value).toBe('HTX Nông nghiệp Mỹ Hiệp'));
    typeInto(first, 'htx nong nghiep vinh gia');
    await waitFor(() => expect(shownOptions()).toEqual(['HTX Nông nghiệp Vĩnh GiaHTX · Xã Mỹ Hiệp']));
  });

  it('keeps the party when it is chosen again, and saves it', async () => {
    const invoke = renderChosen();
    const first = await screen.findByLabelText<HTMLInputElement>(/^Bên thứ 1/);
    await waitFor(() => expect(first.value).toBe('HTX Nông nghiệp Mỹ Hiệp'));
    await pickCounterpart(first, 'my hiep', 'HTX Nông nghiệp Mỹ Hiệp');
    await waitFor(() => expect(first.value).toBe('HTX Nông nghiệp Mỹ Hiệp'));
    fireEvent.click(screen.getByRole('button', { name: 'Lưu thỏa thuận' }));
    await waitFor(() =>
      expect(invoke).toHaveBeenCalledWith('agreements:update', expect.objectContaining({ parties: [expect.objectContaining({ kind: 'organization', id: 7 }), expect.anything()] })),
    );
    expect(screen.queryByText(/chưa chọn/)).toBeNull();
  });

  it('shows the chosen party again when the search is left with Escape or by leaving the box', async () => {
    renderChosen();
    const first = await screen.findByLabelText<HTMLInputElement>(/^Bên thứ 1/);
    await waitFor(() => expect(first.value).toBe('HTX Nông nghiệp Mỹ Hiệp'));
    typeInto(first, 'vinh gia');
    await waitFor(() => expect(shownOptions()).toHaveLength(1));
    fireEvent.keyDown(first, { key: 'Escape', code: 'Escape' });
    await waitFor(() => expect(first.value).toBe('HTX Nông nghiệp Mỹ Hiệp'));
    typeInto(first, 'vinh gia');
    fireEvent.blur(first);
    await waitFor(() => expect(first.value).toBe('HTX Nông nghiệp Mỹ Hiệp'));
  });
});

/** A fair held over two days, at which agreements are signed. */
const fair: EventDetail = {
  id: 5,
  kind: 'supply_demand_conference',
  title: 'Hội chợ nông sản An Giang 2026',
  startsOn: '2026-09-15',
  startsAt: null,
  endsOn: '2026-09-16',
  venue: 'Trung tâm Hội nghị tỉnh',
  provinceCode: '89',
  provinceName: 'Tỉnh An Giang',
  organizer: 'Liên minh Hợp tác xã tỉnh An Giang',
  budget: null,
  organizationCount: 0,
  partnerCount: 0,
  attendedCount: 0,
  notYetHeld: false,
  coOrganizers: '',
  description: '',
  outcome: '',
  createdAt: '2026-09-01T08:00:00.000Z',
  updatedAt: '2026-09-01T08:00:00.000Z',
  participants: [],
};

describe('the event an agreement was signed at', { timeout: 60_000 }, () => {
  it('fills an empty signing day with the event’s first day, and says when the day typed is outside the event’s days', async () => {
    renderForm({ 'events:list': () => ok({ rows: [fair], total: 1 }), 'events:get': () => ok(fair) });
    await choose(screen.getByLabelText(/^Ký tại sự kiện/), 'hoi cho', 'Hội chợ nông sản An Giang 2026 (15/09/2026)');
    await waitFor(() => expect(screen.getByLabelText<HTMLInputElement>(/^Ngày ký/).value).toBe('15/09/2026'));
    // The second day of the fair is within it; a day after it is said, not refused.
    typeAndLeave(screen.getByLabelText(/^Ngày ký/), '16/09/2026');
    await waitFor(() => expect(screen.getByLabelText<HTMLInputElement>(/^Ngày ký/).value).toBe('16/09/2026'));
    expect(screen.queryByText(/nằm ngoài thời gian/)).toBeNull();
    typeAndLeave(screen.getByLabelText(/^Ngày ký/), '20/09/2026');
    expect(
      await screen.findByText('Ngày ký 20/09/2026 nằm ngoài thời gian của sự kiện «Hội chợ nông sản An Giang 2026» (15/09/2026 – 16/09/2026). Hãy kiểm tra lại ngày ký hoặc sự kiện.'),
    ).toBeTruthy();
  });

  it('keeps a signing day already typed when the event is chosen', async () => {
    renderForm({ 'events:list': () => ok({ rows: [fair], total: 1 }), 'events:get': () => ok(fair) });
    typeAndLeave(screen.getByLabelText(/^Ngày ký/), '14/09/2026');
    await choose(screen.getByLabelText(/^Ký tại sự kiện/), 'hoi cho', 'Hội chợ nông sản An Giang 2026 (15/09/2026)');
    expect(await screen.findByText(/^Ngày ký 14\/09\/2026 nằm ngoài thời gian/)).toBeTruthy();
    expect(screen.getByLabelText<HTMLInputElement>(/^Ngày ký/).value).toBe('14/09/2026');
  });
});
