/**
 * The offer's and the demand's forms as a clerk meets them: the price boxes say the unit they are
 * per, a price written per another unit is refused with the figure to type, a save that may enter
 * an open offer or demand again is asked about («Vẫn lưu»), and a member that had ended is said at
 * once under the picker, the backend's refusal there brought into view; an offer stored from after
 * its member's end (recorded later) is corrected without a word, unless its first day is moved.
 */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import type { DemandSummary, OfferDetail, SupplyLookups } from '../../src/shared/contract';
import { AppProviders, createQueryClient } from '../../src/renderer/src/AppProviders';
import { DemandForm } from '../../src/renderer/src/pages/supply/DemandForm';
import { OfferForm } from '../../src/renderer/src/pages/supply/OfferForm';
import { alliance, communes, fail, installFakeApi, lookups, ok, organizationDetail, partner, provinces } from './fakeApi';
import { choose } from './select';

const supplyLookups: SupplyLookups = {
  productGroups: [{ code: 'lua_gao', name: 'Lúa gạo', keywords: 'gạo, lúa' }],
  units: [
    { code: 'tan', name: 'tấn', aliases: 'tan, T', baseCode: null, perBase: 1 },
    { code: 'kg', name: 'kg', aliases: 'ký, kí', baseCode: 'tan', perBase: 1000 },
    { code: 'qua', name: 'quả', aliases: 'trái', baseCode: null, perBase: 1 },
  ],
  channels: [],
};

const seller = { kind: 'organization' as const, id: 7, name: 'HTX Nông nghiệp Mỹ Hiệp' };
const buyer = { kind: 'partner' as const, id: 3, name: 'Công ty CP Thực phẩm Hà Nội' };

const saved: DemandSummary = {
  id: 5,
  programmeId: null,
  programmeName: null,
  product: 'Gạo ST25',
  productGroupCode: 'lua_gao',
  productGroupName: 'Lúa gạo',
  quantity: 50,
  unitCode: 'tan',
  unitName: 'tấn',
  connected: 0,
  remaining: 50,
  priceMin: null,
  priceMax: null,
  status: 'open',
  withdrawnOn: null,
  buyer: { ...buyer, organizationKind: null },
  neededFrom: '2026-06-01',
  neededUntil: null,
  deliveryProvinceCode: '82',
  deliveryProvinceName: 'Tỉnh Đồng Tháp',
  deliveryPlace: '',
};

function renderWith(handlers: Parameters<typeof installFakeApi>[0], form: ReactNode) {
  const invoke = installFakeApi({
    'alliance:get': () => ok(alliance),
    'lookups:get': () => ok(lookups),
    'places:provinces': () => ok(provinces),
    'places:communes': () => ok(communes),
    'supply:lookups': () => ok(supplyLookups),
    'programmes:list': () => ok([]),
    'organizations:list': () => ok({ rows: [], total: 0 }),
    'partners:list': () => ok({ rows: [partner({ id: 3, name: buyer.name })], total: 1 }),
    'products:list': () => ok({ products: [], generalCertifications: [] }),
    ...handlers,
  });
  render(
    <AppProviders queryClient={createQueryClient()} env="test">
      {form}
    </AppProviders>,
  );
  return invoke;
}

function typeInBox(label: RegExp, text: string): HTMLInputElement {
  const box = screen.getByLabelText<HTMLInputElement>(label);
  fireEvent.focus(box);
  fireEvent.input(box, { target: { value: text } });
  fireEvent.blur(box);
  return box;
}

/** An offer of the seller from 01/04/2026, stored before its end (12/03/2026) was recorded. */
const storedAfterEnd: OfferDetail = {
  id: 9,
  programmeId: null,
  programmeName: null,
  product: 'Gạo ST25',
  productGroupCode: 'lua_gao',
  productGroupName: 'Lúa gạo',
  quantity: 20,
  unitCode: 'tan',
  unitName: 'tấn',
  connected: 0,
  remaining: 20,
  priceMin: null,
  priceMax: null,
  status: 'withdrawn',
  withdrawnOn: null,
  organization: { ...seller, organizationKind: 'htx' },
  availableFrom: '2026-04-01',
  availableUntil: null,
  communeCode: '30604',
  placeName: 'Xã Mỹ Hiệp, Tỉnh Đồng Tháp',
  provinceCode: '82',
  productId: null,
  packaging: '',
  deliveryTerms: '',
  contactName: '',
  contactPhone: '',
  note: 'Gạo khô',
  createdAt: '2026-02-01T03:00:00.000Z',
  updatedAt: '2026-02-01T03:00:00.000Z',
  certificates: [],
  connections: [],
  sellerEndedOn: '2026-03-12',
  sellerInTrash: false,
};

/** A demand of the partner, 50 tấn of rice from 01/06/2026, everything but its prices filled in. */
async function fillDemand(handlers: Parameters<typeof installFakeApi>[0]) {
  const invoke = renderWith(
    handlers,
    <DemandForm side={{ form: 'demandForm', partyKinds: 'any' }} preset={{ buyer }} onSaved={() => undefined} onCancel={() => undefined} />,
  );
  await choose(screen.getByLabelText(/^Đơn vị tính/), 'tấn', 'tấn');
  fireEvent.change(screen.getByLabelText(/^Sản phẩm/), { target: { value: 'Gạo ST25' } });
  await choose(screen.getByLabelText(/^Tỉnh, thành phố giao hàng/), '', 'Tỉnh Đồng Tháp');
  typeInBox(/^Cần từ ngày/, '01/06/2026');
  typeInBox(/^Số lượng/, '50');
  return invoke;
}

describe('the offer and demand forms', { timeout: 60_000 }, () => {
  it('names the unit the prices are per, and refuses a price per another unit with the figure to type', async () => {
    const invoke = renderWith(
      { 'demands:create': () => ok(saved) },
      <DemandForm side={{ form: 'demandForm', partyKinds: 'any' }} preset={{ buyer }} onSaved={() => undefined} onCancel={() => undefined} />,
    );
    // No unit yet: the price is per the unit still to be chosen.
    expect(screen.getByLabelText(/^Giá từ \(đồng\/đơn vị\)/)).toBeTruthy();
    await choose(screen.getByLabelText(/^Đơn vị tính/), 'tấn', 'tấn');
    expect(screen.getByLabelText(/^Giá từ \(đồng\/tấn\)/)).toBeTruthy();
    expect(screen.getByLabelText(/^Giá đến \(đồng\/tấn\)/)).toBeTruthy();
    expect(screen.getAllByText('₫/tấn')).toHaveLength(2);

    const price = typeInBox(/^Giá từ/, '12.000đ/kg');
    expect(price.value).toBe('12.000đ/kg');
    expect(
      screen.getByText(
        '«12.000đ/kg» là giá theo kg, còn ô này ghi giá cho một tấn (đơn vị của số lượng): 12.000 đồng/kg là 12.000.000 đồng/tấn. Hãy ghi 12.000.000.',
      ),
    ).toBeTruthy();
    // Written per the box's own unit, it is read and said so; per a unit that does not convert, it says so.
    const most = typeInBox(/^Giá đến/, '15.000 đồng/tấn');
    expect(most.value).toBe('15.000');
    // Said before the box's own hint.
    expect(screen.getByText(/^«15\.000 đồng\/tấn» ghi nhận là 15\.000 đồng\/tấn\. Khi giá là một khoảng/)).toBeTruthy();
    typeInBox(/^Giá đến/, '5.000đ/trái');
    expect(
      screen.getByText('«5.000đ/trái» là giá theo quả, không đổi ra tấn được; hãy ghi giá cho một tấn (đơn vị của số lượng), hoặc đổi đơn vị tính.'),
    ).toBeTruthy();

    // The unit changed, the labels follow it, and a price written per the unit chosen now is read.
    await choose(screen.getByLabelText(/^Đơn vị tính/), 'kg', 'kg');
    expect(screen.getByLabelText(/^Giá từ \(đồng\/kg\)/)).toBeTruthy();
    await waitFor(() => expect(price.value).toBe('12.000'));
    fireEvent.click(screen.getByRole('button', { name: 'Lưu nhu cầu' }));
    await waitFor(() => expect(most.getAttribute('aria-invalid')).toBe('true'));
    expect(price.getAttribute('aria-invalid')).not.toBe('true');
    expect(invoke).not.toHaveBeenCalledWith('demands:create', expect.anything());
  });

  it('reads a quantity written with the unit chosen, and refuses one in another unit with the figure to type', async () => {
    const invoke = await fillDemand({ 'demands:create': () => ok(saved) });
    // «1,5 tấn» with the unit tấn: the number is taken, the box shows it and says how it was read.
    const quantity = typeInBox(/^Số lượng/, '1,5 tấn');
    expect(quantity.value).toBe('1,5');
    expect(screen.getByText('«1,5 tấn» ghi nhận là 1,5 tấn.')).toBeTruthy();
    expect(quantity.getAttribute('aria-invalid')).not.toBe('true');

    // In kg, of the same kind: kept as typed, refused with the figure in tấn; in quả, refused as of another kind.
    typeInBox(/^Số lượng/, '1.500 kg');
    expect(quantity.value).toBe('1.500 kg');
    expect(screen.getByText('«1.500 kg» là số lượng theo kg, còn đơn vị tính đã chọn là tấn: 1.500 kg là 1,5 tấn. Hãy ghi 1,5, hoặc chọn đơn vị tính kg.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Lưu nhu cầu' }));
    await waitFor(() => expect(quantity.getAttribute('aria-invalid')).toBe('true'));
    expect(invoke).not.toHaveBeenCalledWith('demands:create', expect.anything());
    typeInBox(/^Số lượng/, '1.200 trái');
    expect(
      screen.getByText('«1.200 trái» là số lượng theo quả, không đổi ra tấn được (hai đơn vị khác loại); hãy ghi số lượng theo tấn, hoặc chọn đơn vị tính quả.'),
    ).toBeTruthy();

    // Written in kg, then kg chosen: read as the unit chosen now is the one written.
    typeInBox(/^Số lượng/, '2.250 ký');
    await choose(screen.getByLabelText(/^Đơn vị tính/), 'kg', 'kg');
    expect(quantity.getAttribute('aria-invalid')).not.toBe('true');
    fireEvent.click(screen.getByRole('button', { name: 'Lưu nhu cầu' }));
    await waitFor(() => expect(invoke).toHaveBeenCalledWith('demands:create', expect.objectContaining({ quantity: 2250, unitCode: 'kg' })));
  });

  it('says at once under the picker that a member buying has ended', async () => {
    const ended = organizationDetail({ id: 7, name: seller.name, status: 'reorganized', endedOn: '2026-03-12', isMember: false });
    renderWith(
      { 'organizations:get': () => ok(ended) },
      <DemandForm side={{ form: 'demandForm', partyKinds: 'any' }} preset={{ buyer: seller }} onSaved={() => undefined} onCancel={() => undefined} />,
    );
    const said = /không ghi được nhu cầu cần hàng từ ngày đó trở đi/;
    expect(await screen.findByText('Đã tổ chức lại từ ngày 12/03/2026: không ghi được nhu cầu cần hàng từ ngày đó trở đi.')).toBeTruthy();
    typeInBox(/^Cần từ ngày/, '01/03/2026');
    expect(screen.queryByText(said)).toBeNull();
    typeInBox(/^Cần từ ngày/, '12/03/2026');
    expect(screen.getByText(said)).toBeTruthy();
  });

  it('asks before saving what may be an open demand entered again, and saves it when confirmed', async () => {
    let asked = 0;
    const invoke = await fillDemand({
      'demands:create': (input) => {
        asked += 1;
        return input.confirmedSimilarIds?.includes(4)
          ? ok(saved)
          : fail({
              kind: 'conflict',
              message:
                'Có thể trùng với nhu cầu của Công ty CP Thực phẩm Hà Nội đã ghi: Gạo ST25 (50 tấn, cần từ 01/06/2026). Nếu đúng là nhu cầu khác, hãy xác nhận để lưu.',
              existingId: 4,
              similar: [{ id: 4, name: 'Gạo ST25', detail: '50 tấn, cần từ 01/06/2026' }],
            });
      },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu nhu cầu' }));
    const notice = await screen.findByRole('alert');
    expect(within(notice).getByText(/^Có thể trùng với nhu cầu của Công ty CP Thực phẩm Hà Nội đã ghi: Gạo ST25/)).toBeTruthy();
    expect(within(notice).getByRole('link', { name: 'Xem nhu cầu đã ghi' }).getAttribute('href')).toBe('#/ket-noi-cung-cau/nhu-cau/4');
    fireEvent.click(within(notice).getByRole('button', { name: 'Vẫn lưu' }));
    await waitFor(() => expect(asked).toBe(2));
    expect(invoke).toHaveBeenCalledWith('demands:create', expect.objectContaining({ product: 'Gạo ST25', quantity: 50, unitCode: 'tan', confirmedSimilarIds: [4] }));
  });

  it('says at once under the picker that the member has ended, and brings the refusal there into view', async () => {
    const ended = organizationDetail({ id: 7, name: seller.name, status: 'dissolved', endedOn: '2026-03-12', isMember: false });
    const invoke = renderWith(
      {
        'organizations:get': () => ok(ended),
        'offers:create': () =>
          fail({
            kind: 'validation',
            message: 'HTX Nông nghiệp Mỹ Hiệp đã chấm dứt hoạt động từ ngày 12/03/2026.',
            issues: [{ path: 'organizationId', message: 'HTX Nông nghiệp Mỹ Hiệp đã chấm dứt hoạt động từ ngày 12/03/2026.' }],
          }),
      },
      <OfferForm side={{ form: 'offerForm', partyKinds: 'organization' }} preset={{ organization: seller }} onSaved={() => undefined} onCancel={() => undefined} />,
    );
    expect(await screen.findByText('Đã giải thể từ ngày 12/03/2026: không ghi được nguồn cung có hàng từ ngày đó trở đi.')).toBeTruthy();
    // Goods from a day before its end may still be offered: nothing is said then.
    typeInBox(/^Có hàng từ ngày/, '01/03/2026');
    expect(screen.queryByText(/không ghi được nguồn cung có hàng từ ngày đó/)).toBeNull();
    typeInBox(/^Có hàng từ ngày/, '01/04/2026');
    expect(screen.getByText(/không ghi được nguồn cung có hàng từ ngày đó/)).toBeTruthy();

    // The clerk saves all the same, from the bottom of the form: the refusal under the picker is brought into view.
    // The product's box and its list of the organization's products bear one label.
    const product = screen.getAllByLabelText(/^Sản phẩm/).find((element) => element instanceof HTMLInputElement);
    if (!product) throw new Error('no product box');
    fireEvent.change(product, { target: { value: 'Gạo ST25' } });
    await choose(screen.getByLabelText(/^Đơn vị tính/), 'tấn', 'tấn');
    typeInBox(/^Số lượng/, '20');
    await waitFor(() => expect(screen.getByLabelText<HTMLInputElement>(/^Nơi có hàng/).value).toBe('Xã Mỹ Hiệp'));
    const scrolled = vi.spyOn(Element.prototype, 'scrollIntoView');
    onTestFinished(() => {
      vi.restoreAllMocks();
    });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu nguồn cung' }));
    await waitFor(() => expect(invoke).toHaveBeenCalledWith('offers:create', expect.objectContaining({ organizationId: 7, availableFrom: '2026-04-01' })));
    const picker = screen.getByLabelText<HTMLInputElement>(/^Tổ chức có hàng/);
    await waitFor(() => expect(scrolled.mock.contexts).toContain(picker));
    expect(picker.getAttribute('aria-invalid')).toBe('true');
    // Not focused: the picker would open its list over the message.
    expect(document.activeElement).not.toBe(picker);
    expect(screen.getByText('HTX Nông nghiệp Mỹ Hiệp đã chấm dứt hoạt động từ ngày 12/03/2026.')).toBeTruthy();
  });

  it('saves a correction of an offer stored from after its member’s end, and says so only once its first day is moved', async () => {
    const ended = organizationDetail({ id: 7, name: seller.name, status: 'dissolved', endedOn: '2026-03-12', isMember: false });
    const invoke = renderWith(
      { 'organizations:get': () => ok(ended), 'offers:update': () => ok(storedAfterEnd) },
      <OfferForm side={{ form: 'offerForm', partyKinds: 'organization' }} initial={storedAfterEnd} onSaved={() => undefined} onCancel={() => undefined} />,
    );
    await screen.findByDisplayValue('Gạo khô');
    // Its note corrected, organization and first day as stored: nothing is said, and it is sent.
    fireEvent.change(screen.getByLabelText(/^Ghi chú/), { target: { value: 'Gạo khô, đã xay' } });
    expect(screen.queryByText(/không ghi được nguồn cung/)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Lưu nguồn cung' }));
    await waitFor(() =>
      expect(invoke).toHaveBeenCalledWith('offers:update', expect.objectContaining({ id: 9, organizationId: 7, availableFrom: '2026-04-01', note: 'Gạo khô, đã xay' })),
    );

    // Its first day moved, still after the end: said at once, with the day it may keep.
    typeInBox(/^Có hàng từ ngày/, '10/04/2026');
    expect(
      screen.getByText(
        'Đã giải thể từ ngày 12/03/2026: không ghi được nguồn cung có hàng từ ngày đó trở đi. Hãy để ngày có hàng đã ghi (01/04/2026), hoặc một ngày trước 12/03/2026.',
      ),
    ).toBeTruthy();
    typeInBox(/^Có hàng từ ngày/, '01/04/2026');
    expect(screen.queryByText(/không ghi được nguồn cung/)).toBeNull();
  });
});
