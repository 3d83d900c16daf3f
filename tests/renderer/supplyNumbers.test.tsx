/**
 * The number boxes of supply–demand connection, typed into key by key as a person types: a
 * quantity, a price, an OCOP star count, a unit's conversion and a connection's quantity are read
 * as Vietnamese write numbers ("2.345" is two thousand three hundred forty-five, "1,5" is one and a
 * half), never rewritten, and what a box does not take is said under it and not sent. A price may
 * be a buyer's ceiling alone (Giá đến), said as one.
 */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import type { DemandSummary, OfferSummary, SupplyLookups } from '../../src/shared/contract';
import { AppProviders, createQueryClient } from '../../src/renderer/src/AppProviders';
import { ConnectDialog } from '../../src/renderer/src/pages/supply/ConnectDialog';
import { DemandForm } from '../../src/renderer/src/pages/supply/DemandForm';
import { LookupsTab } from '../../src/renderer/src/pages/supply/LookupsTab';
import { alliance, installFakeApi, lookups, ok, partner, provinces } from './fakeApi';
import { choose } from './select';

const supplyLookups: SupplyLookups = {
  productGroups: [{ code: 'lua_gao', name: 'Lúa gạo', keywords: 'gạo, lúa' }],
  units: [
    { code: 'tan', name: 'tấn', aliases: '', baseCode: null, perBase: 1 },
    { code: 'kg', name: 'kg', aliases: '', baseCode: 'tan', perBase: 1000 },
  ],
  channels: [{ code: 'sieu_thi', name: 'Siêu thị, doanh nghiệp phân phối' }],
};

const seller = { kind: 'organization' as const, id: 7, name: 'HTX Nông nghiệp Mỹ Hiệp', organizationKind: 'htx' as const };
const buyer = { kind: 'partner' as const, id: 3, name: 'Công ty CP Thực phẩm Hà Nội', organizationKind: null };

const common = {
  programmeId: null,
  programmeName: null,
  product: 'Gạo ST25',
  productGroupCode: 'lua_gao',
  productGroupName: 'Lúa gạo',
  unitCode: 'kg',
  unitName: 'kg',
  connected: 0,
  priceMin: null,
  priceMax: null,
  status: 'open' as const,
  withdrawnOn: null,
};

const offer: OfferSummary = {
  ...common,
  id: 1,
  quantity: 20_000,
  remaining: 20_000,
  organization: seller,
  availableFrom: '2026-06-01',
  availableUntil: null,
  communeCode: '28123',
  placeName: 'Xã Mỹ Hiệp, Tỉnh Đồng Tháp',
  provinceCode: '82',
};

const demand: DemandSummary = {
  ...common,
  id: 2,
  quantity: 15_000,
  remaining: 15_000,
  buyer,
  neededFrom: '2026-06-01',
  neededUntil: null,
  deliveryProvinceCode: '01',
  deliveryProvinceName: 'Thành phố Hà Nội',
  deliveryPlace: '',
};

function renderWith(handlers: Parameters<typeof installFakeApi>[0], screenToRender: ReactNode) {
  const invoke = installFakeApi({
    'alliance:get': () => ok(alliance),
    'lookups:get': () =>
      ok({
        ...lookups,
        certificationKinds: [
          { code: 'ocop', name: 'OCOP', hasStars: true },
          { code: 'vietgap', name: 'VietGAP', hasStars: false },
        ],
      }),
    'places:provinces': () => ok(provinces),
    'supply:lookups': () => ok(supplyLookups),
    'supply:lookupUse': () => ok({ productGroups: {}, units: {}, channels: {} }),
    'programmes:list': () => ok([]),
    'organizations:list': () => ok({ rows: [], total: 0 }),
    'partners:list': () => ok({ rows: [partner({ id: 3, name: buyer.name })], total: 1 }),
    ...handlers,
  });
  render(
    <AppProviders queryClient={createQueryClient()} env="test">
      {screenToRender}
    </AppProviders>,
  );
  return invoke;
}

/** Types `text` one key at a time into an emptied box, each key added to what the box shows then, and leaves it. */
function typeKeys(input: HTMLInputElement, text: string): void {
  input.focus();
  fireEvent.focus(input);
  fireEvent.input(input, { target: { value: '' } });
  for (const key of text) fireEvent.input(input, { target: { value: input.value + key } });
  fireEvent.blur(input);
}

function numberBox(label: RegExp, scope: HTMLElement = document.body): HTMLInputElement {
  return within(scope).getByLabelText<HTMLInputElement>(label);
}

/** A demand of the partner with everything but its numbers filled in. */
async function fillDemand(): Promise<ReturnType<typeof installFakeApi>> {
  const invoke = renderWith(
    { 'demands:create': () => ok({ ...demand, id: 5 }) },
    <DemandForm side={{ form: 'demandForm', partyKinds: 'any' }} preset={{ buyer }} onSaved={() => undefined} onCancel={() => undefined} />,
  );
  // The units listed, the lookups are read: the product's words propose its group.
  await choose(screen.getByLabelText(/^Đơn vị tính/), 'kg', 'kg');
  fireEvent.change(screen.getByLabelText(/^Sản phẩm/), { target: { value: 'Gạo ST25' } });
  expect(screen.getByLabelText<HTMLInputElement>(/^Nhóm sản phẩm/).value).toBe('Lúa gạo');
  await choose(screen.getByLabelText(/^Tỉnh, thành phố giao hàng/), '', 'Tỉnh Đồng Tháp');
  const neededFrom = screen.getByLabelText(/^Cần từ ngày/);
  fireEvent.focus(neededFrom);
  fireEvent.input(neededFrom, { target: { value: '01/06/2026' } });
  fireEvent.blur(neededFrom);
  return invoke;
}

function saveDemand(): void {
  fireEvent.click(screen.getByRole('button', { name: 'Lưu nhu cầu' }));
}

describe('the number boxes of supply–demand connection', { timeout: 60_000 }, () => {
  it.each([
    ['2.345', 2345],
    ['1,5', 1.5],
    ['1,234', 1.234],
  ])('sends a demand’s quantity typed %s as %s', async (typed, quantity) => {
    const invoke = await fillDemand();
    const box = numberBox(/^Số lượng/);
    typeKeys(box, typed);
    expect(box.value).toBe(typed);
    saveDemand();
    await waitFor(() => expect(invoke).toHaveBeenCalledWith('demands:create', expect.objectContaining({ quantity, unitCode: 'kg', priceMin: null, priceMax: null })));
  });

  it('keeps a negative quantity as typed, says why under the box, and sends nothing', async () => {
    const invoke = await fillDemand();
    const box = numberBox(/^Số lượng/);
    typeKeys(box, '-12');
    expect(box.value).toBe('-12');
    expect(screen.getByText('Phải lớn hơn 0.')).toBeTruthy();
    saveDemand();
    await waitFor(() => expect(box.getAttribute('aria-invalid')).toBe('true'));
    expect(box.value).toBe('-12');
    expect(screen.getByText('Phải lớn hơn 0.')).toBeTruthy();
    expect(invoke).not.toHaveBeenCalledWith('demands:create', expect.anything());
  });

  it('takes prices in whole đồng only: "1,5" is questioned, "18.500" is sent as 18500', async () => {
    const invoke = await fillDemand();
    typeKeys(numberBox(/^Số lượng/), '50');
    const price = numberBox(/^Giá từ/);
    typeKeys(price, '1,5');
    expect(price.value).toBe('1,5');
    expect(screen.getByText('Chỉ nhận số nguyên, không có phần lẻ sau dấu phẩy.')).toBeTruthy();
    saveDemand();
    await waitFor(() => expect(price.getAttribute('aria-invalid')).toBe('true'));
    expect(invoke).not.toHaveBeenCalledWith('demands:create', expect.anything());

    typeKeys(price, '18.500');
    saveDemand();
    await waitFor(() => expect(invoke).toHaveBeenCalledWith('demands:create', expect.objectContaining({ quantity: 50, priceMin: 18_500, priceMax: null })));
  });

  it('takes a buyer\'s ceiling alone: Giá đến without Giá từ is sent as the most it pays', async () => {
    const invoke = await fillDemand();
    typeKeys(numberBox(/^Số lượng/), '50');
    typeKeys(numberBox(/^Giá đến/), '15.000');
    saveDemand();
    await waitFor(() => expect(invoke).toHaveBeenCalledWith('demands:create', expect.objectContaining({ quantity: 50, priceMin: null, priceMax: 15_000 })));
  });

  it('reads a price written in đồng alone per the unit chosen, and says what to type for a range or a quantity per month', async () => {
    const invoke = await fillDemand();
    const quantity = numberBox(/^Số lượng/);
    // A supermarket's «2 tấn/tháng»: the box holds the whole quantity of the period.
    typeKeys(quantity, '500 kg/tháng');
    expect(
      screen.getByText('«500 kg/tháng» là số lượng mỗi tháng; ô này ghi tổng số lượng của cả thời gian (từ ngày – đến ngày). Ví dụ 500 kg mỗi tháng trong 3 tháng: ghi 1.500 và chọn đơn vị kg. Mức mỗi tháng có thể ghi vào Ghi chú.'),
    ).toBeTruthy();
    typeKeys(quantity, '1.500');
    // A range pasted into one box says which figure goes where, in the unit of the boxes.
    const from = numberBox(/^Giá từ/);
    typeKeys(from, '25.000 – 30.000 đ/kg');
    expect(from.value).toBe('25.000 – 30.000 đ/kg');
    expect(screen.getByText('«25.000 – 30.000 đ/kg» là một khoảng giá; mỗi ô ghi một giá. Hãy ghi 25.000 ở ô Giá từ và 30.000 ở ô Giá đến (đồng/kg).')).toBeTruthy();
    saveDemand();
    await waitFor(() => expect(from.getAttribute('aria-invalid')).toBe('true'));
    expect(invoke).not.toHaveBeenCalledWith('demands:create', expect.anything());
    // «25.000đ» and «30 nghìn» are prices in đồng, per the kg the boxes are in.
    typeKeys(from, '25.000đ');
    expect(await screen.findByText('«25.000đ» ghi nhận là 25.000 đồng/kg.', { exact: false })).toBeTruthy();
    typeKeys(numberBox(/^Giá đến/), '30 nghìn');
    expect(await screen.findByText('«30 nghìn» ghi nhận là 30.000 đồng/kg.', { exact: false })).toBeTruthy();
    saveDemand();
    await waitFor(() => expect(invoke).toHaveBeenCalledWith('demands:create', expect.objectContaining({ quantity: 1500, unitCode: 'kg', priceMin: 25_000, priceMax: 30_000 })));
  });

  it('takes an OCOP star count from 1 to 5 only', async () => {
    const invoke = await fillDemand();
    typeKeys(numberBox(/^Số lượng/), '50');
    fireEvent.click(screen.getByRole('button', { name: 'Thêm chứng nhận yêu cầu' }));
    await choose(screen.getByLabelText(/^Chứng nhận yêu cầu thứ 1/), '', 'OCOP');
    const stars = numberBox(/^Ít nhất \(sao\)/);
    typeKeys(stars, '6');
    expect(stars.value).toBe('6');
    expect(screen.getByText('Phải từ 1 đến 5.')).toBeTruthy();
    saveDemand();
    await waitFor(() => expect(stars.getAttribute('aria-invalid')).toBe('true'));
    expect(invoke).not.toHaveBeenCalledWith('demands:create', expect.anything());

    typeKeys(stars, '4');
    saveDemand();
    await waitFor(() => expect(invoke).toHaveBeenCalledWith('demands:create', expect.objectContaining({ requirements: [{ kindCode: 'ocop', minStars: 4 }] })));
  });

  it('drops the stars typed for OCOP when the certificate asked for becomes one without stars', async () => {
    const invoke = await fillDemand();
    typeKeys(numberBox(/^Số lượng/), '50');
    fireEvent.click(screen.getByRole('button', { name: 'Thêm chứng nhận yêu cầu' }));
    const kind = screen.getByLabelText(/^Chứng nhận yêu cầu thứ 1/);
    await choose(kind, '', 'OCOP');
    typeKeys(numberBox(/^Ít nhất \(sao\)/), '6');
    await choose(kind, '', 'VietGAP');
    expect(screen.queryByLabelText(/^Ít nhất \(sao\)/)).toBeNull();
    saveDemand();
    await waitFor(() => expect(invoke).toHaveBeenCalledWith('demands:create', expect.objectContaining({ requirements: [{ kindCode: 'vietgap', minStars: null }] })));
  });

  it('sends a unit’s conversion typed 1.000.000 as 1000000', async () => {
    const invoke = renderWith({ 'supply:saveUnit': (input) => ok({ code: 'gam', name: input.name, aliases: '', baseCode: 'kg', perBase: 1_000_000 }) }, <LookupsTab />);
    fireEvent.click(await screen.findByRole('button', { name: 'Thêm đơn vị tính' }));
    const dialog = await screen.findByRole('dialog', { name: 'Thêm đơn vị tính' });
    fireEvent.change(within(dialog).getByLabelText(/^Tên/), { target: { value: 'gam' } });
    await choose(within(dialog).getByLabelText(/^Quy đổi sang đơn vị/), '', 'tấn');
    const perBase = numberBox(/^Số gam trong 1 tấn/, dialog);
    typeKeys(perBase, '1.000.000');
    expect(perBase.value).toBe('1.000.000');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Lưu' }));
    await waitFor(() => expect(invoke).toHaveBeenCalledWith('supply:saveUnit', { name: 'gam', aliases: '', baseCode: 'tan', perBase: 1_000_000 }));
  });

  it('says a buyer\'s ceiling as one, and writes out under the box a programme\'s name the box cuts', async () => {
    const long = 'Chương trình 503 – Kết nối cung – cầu, tiêu thụ nông sản, sản phẩm OCOP do hợp tác xã, tổ hợp tác sản xuất giai đoạn 2026–2030';
    const programme = { decisionNo: '', startsOn: '2026-01-01', endsOn: null, offers: 0, demands: 0, connections: 0 };
    // jsdom lays nothing out: a box shows 40 characters, and cuts a longer value.
    const shown = (element: HTMLElement) => (element instanceof HTMLInputElement ? element.value.length * 8 : 0);
    vi.spyOn(HTMLElement.prototype, 'scrollWidth', 'get').mockImplementation(function (this: HTMLElement) {
      return shown(this);
    });
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(320);
    onTestFinished(() => {
      vi.restoreAllMocks();
    });
    renderWith(
      { 'programmes:list': () => ok([{ ...programme, id: 4, name: long }, { ...programme, id: 5, name: 'Kết nối cung – cầu 2026' }]) },
      <ConnectDialog offer={{ ...offer, priceMin: 24_300 }} demand={{ ...demand, priceMax: 15_000, programmeId: 4 }} onClose={() => undefined} />,
    );
    const dialog = await screen.findByRole('dialog', { name: 'Xác nhận kết nối' });
    expect(await within(dialog).findByText('Giá đã thỏa thuận, nếu có. Nguồn cung chào 24.300 ₫/kg; bên mua đề nghị đến 15.000 ₫/kg.')).toBeTruthy();
    const box = within(dialog).getByLabelText<HTMLInputElement>('Chương trình');
    await waitFor(() => expect(box.value).toBe(long));
    // The name written out, not the list's option of it.
    const writtenOut = () => within(dialog).queryAllByText(long).filter((element) => !element.closest('[role="option"]'));
    expect(writtenOut()).toHaveLength(1);
    // A name the box shows whole is not written twice.
    await choose(box, '', 'Kết nối cung – cầu 2026');
    await waitFor(() => expect(writtenOut()).toHaveLength(0));
  });

  it('says what each side asks per the unit the price is typed in, and again when that unit changes', async () => {
    renderWith(
      {},
      <ConnectDialog
        offer={{ ...offer, unitCode: 'tan', unitName: 'tấn', quantity: 27, remaining: 27, priceMin: 6_800_000, priceMax: 7_480_000 }}
        demand={{ ...demand, priceMax: 6_750 }}
        onClose={() => undefined}
      />,
    );
    const dialog = await screen.findByRole('dialog', { name: 'Xác nhận kết nối' });
    expect(await within(dialog).findByText('Giá đã thỏa thuận, nếu có. Nguồn cung chào 6.800 ₫ – 7.480 ₫/kg; bên mua đề nghị đến 6.750 ₫/kg.')).toBeTruthy();
    await choose(within(dialog).getByLabelText(/^Đơn vị tính/), '', 'tấn');
    expect(numberBox(/^Giá \(đồng\/tấn\)/, dialog)).toBeTruthy();
    expect(await within(dialog).findByText('Giá đã thỏa thuận, nếu có. Nguồn cung chào 6.800.000 ₫ – 7.480.000 ₫/tấn; bên mua đề nghị đến 6.750.000 ₫/tấn.')).toBeTruthy();
  });

  it('names, for a quantity or a price written in another unit, only the units the connection can be made in', async () => {
    const qua = { code: 'qua', name: 'quả', aliases: 'trái', baseCode: null, perBase: 1 };
    renderWith({ 'supply:lookups': () => ok({ ...supplyLookups, units: [...supplyLookups.units, qua] }) }, <ConnectDialog offer={offer} demand={demand} onClose={() => undefined} />);
    const dialog = await screen.findByRole('dialog', { name: 'Xác nhận kết nối' });
    const quantity = await waitFor(() => numberBox(/^Số lượng kết nối/, dialog));
    // tấn is offered beside the box (a unit of kg's kind); quả is not, so it is not suggested.
    fireEvent.change(quantity, { target: { value: '1,5 tấn' } });
    fireEvent.blur(quantity);
    expect(await within(dialog).findByText('«1,5 tấn» là số lượng theo tấn, còn đơn vị tính đã chọn là kg: 1,5 tấn là 1.500 kg. Hãy ghi 1.500, hoặc chọn đơn vị tính tấn.')).toBeTruthy();
    fireEvent.change(quantity, { target: { value: '300 trái' } });
    fireEvent.blur(quantity);
    expect(await within(dialog).findByText('«300 trái» là số lượng theo quả, không đổi ra kg được (hai đơn vị khác loại); hãy ghi số lượng theo kg.')).toBeTruthy();
    const price = numberBox(/^Giá \(đồng\/kg\)/, dialog);
    fireEvent.change(price, { target: { value: '5.000đ/trái' } });
    fireEvent.blur(price);
    expect(await within(dialog).findByText('«5.000đ/trái» là giá theo quả, không đổi ra kg được; hãy ghi giá cho một kg (đơn vị của số lượng).')).toBeTruthy();
  });

  it('sends a connection’s quantity typed 12.500 as 12500', async () => {
    const invoke = renderWith(
      {
        'connections:create': (input) =>
          ok({
            ...input,
            id: 11,
            programmeId: null,
            programmeName: null,
            product: offer.product,
            productGroupName: offer.productGroupName,
            seller,
            buyer,
            unitName: 'kg',
            price: input.price ?? null,
            value: null,
            channelName: 'Siêu thị, doanh nghiệp phân phối',
            note: '',
            agreementId: null,
            agreementTitle: null,
            delivered: null,
          }),
      },
      <ConnectDialog offer={{ ...offer, priceMin: 24_300 }} demand={demand} onClose={() => undefined} />,
    );
    const dialog = await screen.findByRole('dialog', { name: 'Xác nhận kết nối' });
    const quantity = await waitFor(() => numberBox(/^Số lượng kết nối/, dialog));
    expect(quantity.value).toBe('15.000');
    // The price is per unit of the connection, beside what each side asked.
    expect(numberBox(/^Giá \(đồng\/kg\)/, dialog)).toBeTruthy();
    expect(within(dialog).getByText('Giá đã thỏa thuận, nếu có. Nguồn cung chào 24.300 ₫/kg; bên mua đề nghị chưa ghi.')).toBeTruthy();
    typeKeys(quantity, '12.500');
    expect(quantity.value).toBe('12.500');
    typeKeys(numberBox(/^Giá/, dialog), '18.500');
    await choose(within(dialog).getByLabelText(/^Kênh tiêu thụ/), '', 'Siêu thị, doanh nghiệp phân phối');
    expect(within(dialog).getByText('Giá trị: 231.250.000 ₫')).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Xác nhận kết nối' }));
    await waitFor(() =>
      expect(invoke).toHaveBeenCalledWith('connections:create', expect.objectContaining({ offerId: 1, demandId: 2, quantity: 12_500, unitCode: 'kg', price: 18_500, channelCode: 'sieu_thi' })),
    );
  });
});
