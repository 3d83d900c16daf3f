import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { DemandSummary, OfferSummary } from '../../src/shared/contract';
import { AppProviders, createQueryClient } from '../../src/renderer/src/AppProviders';
import { ConnectDialog } from '../../src/renderer/src/pages/supply/ConnectDialog';
import { alliance, fail, installFakeApi, ok } from './fakeApi';
import { renderApp } from './renderApp';
import { choose } from './select';

beforeEach(() => sessionStorage.clear());

const notice = 'Mở nhu cầu cần kết nối trong danh sách dưới đây; trang của nhu cầu gợi ý các nguồn cung phù hợp, bấm «Kết nối» ở nguồn cung được chọn.';

describe('making a connection from the connections list', () => {
  it('opens the demands and says what to do there; the demands tab opened otherwise says nothing', async () => {
    installFakeApi({
      'alliance:get': () => ok(alliance),
      'supply:lookups': () => ok({ productGroups: [], units: [], channels: [] }),
      'programmes:list': () => ok([]),
      'connections:list': () => ok({ rows: [], total: 0 }),
      'demands:list': () => ok({ rows: [], total: 0 }),
    });
    renderApp('#/ket-noi-cung-cau/ket-noi');

    fireEvent.click(await screen.findByRole('button', { name: 'Tạo kết nối (từ một nhu cầu)' }, { timeout: 5000 }));
    await waitFor(() => expect(screen.getByRole('tab', { name: 'Nhu cầu' }).getAttribute('aria-selected')).toBe('true'));
    expect(await screen.findByText(notice)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Đóng' }));
    expect(screen.queryByText(notice)).toBeNull();

    fireEvent.click(screen.getByRole('tab', { name: 'Kết nối' }));
    fireEvent.click(await screen.findByRole('tab', { name: 'Nhu cầu' }));
    await waitFor(() => expect(screen.getByRole('tab', { name: 'Nhu cầu' }).getAttribute('aria-selected')).toBe('true'));
    expect(screen.queryByText(notice)).toBeNull();
  });
});

describe('a connection the backend refuses', () => {
  const side = {
    programmeId: null,
    programmeName: null,
    product: 'Gạo ST25',
    productGroupCode: 'lua_gao',
    productGroupName: 'Lúa gạo',
    unitCode: 'tan',
    unitName: 'tấn',
    connected: 0,
    priceMin: null,
    priceMax: null,
    status: 'open' as const,
    withdrawnOn: null,
  };
  const offer: OfferSummary = {
    ...side,
    id: 1,
    quantity: 40,
    remaining: 40,
    organization: { kind: 'organization', id: 7, name: 'HTX Nông nghiệp Vĩnh Bình', organizationKind: 'htx' },
    availableFrom: '2026-06-01',
    availableUntil: null,
    communeCode: '30280',
    placeName: 'Xã Vĩnh An, Tỉnh An Giang',
    provinceCode: '91',
  };
  const demand: DemandSummary = {
    ...side,
    id: 2,
    quantity: 50,
    remaining: 50,
    buyer: { kind: 'partner', id: 3, name: 'Saigon Co.op', organizationKind: null },
    neededFrom: '2026-06-15',
    neededUntil: null,
    deliveryProvinceCode: '91',
    deliveryProvinceName: 'Tỉnh An Giang',
    deliveryPlace: '',
  };
  const issues = [
    { path: 'connectedOn', message: 'Nguồn cung đã rút từ ngày 10/05/2026; không kết nối được sau ngày đó.' },
    { path: 'connectedOn', message: 'Chương trình «Kết nối tiêu thụ lúa gạo vụ Đông Xuân 2026» diễn ra từ ngày 01/01/2026 đến ngày 31/03/2026; ngày kết nối phải trong thời gian đó, hoặc chọn chương trình khác.' },
    { path: 'quantity', message: 'Nguồn cung còn 40 tấn chưa kết nối; không kết nối 60 tấn được. Hãy giảm số lượng, hoặc sửa số lượng của nguồn cung.' },
    { path: 'quantity', message: 'Nhu cầu còn 50 tấn chưa kết nối; không kết nối 60 tấn được. Hãy giảm số lượng, hoặc sửa số lượng của nhu cầu.' },
    { path: 'channelCode', message: 'Kênh tiêu thụ «sieu_thi» không có trong danh mục; hãy chọn lại.' },
  ];

  it('says every problem of one attempt at once, each under its field', async () => {
    const invoke = installFakeApi({
      'alliance:get': () => ok(alliance),
      'supply:lookups': () =>
        ok({ productGroups: [], units: [{ code: 'tan', name: 'tấn', aliases: '', baseCode: null, perBase: 1 }], channels: [{ code: 'sieu_thi', name: 'Siêu thị, doanh nghiệp phân phối' }] }),
      'programmes:list': () => ok([]),
      'connections:create': () => fail({ kind: 'validation', message: issues.map((issue) => issue.message).join('; '), issues }),
    });
    render(
      <AppProviders queryClient={createQueryClient()} env="test">
        <ConnectDialog offer={offer} demand={demand} onClose={() => undefined} />
      </AppProviders>,
    );
    const dialog = await screen.findByRole('dialog', { name: 'Xác nhận kết nối' });
    await choose(await within(dialog).findByLabelText(/^Kênh tiêu thụ/), '', 'Siêu thị, doanh nghiệp phân phối');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Xác nhận kết nối' }));
    await waitFor(() => expect(invoke).toHaveBeenCalledWith('connections:create', expect.objectContaining({ offerId: 1, demandId: 2, quantity: 40 })));

    // Two problems of a field, one after the other under it; before, only the first was said.
    expect(await within(dialog).findByText(`${issues[0]?.message} ${issues[1]?.message}`)).toBeTruthy();
    expect(within(dialog).getByText(`${issues[2]?.message} ${issues[3]?.message}`)).toBeTruthy();
    expect(within(dialog).getByText(issues[4]?.message ?? '')).toBeTruthy();
    for (const label of [/^Ngày kết nối/, /^Số lượng kết nối/, /^Kênh tiêu thụ/]) expect(within(dialog).getByLabelText(label).getAttribute('aria-invalid')).toBe('true');
  });

  it('says a quantity above what remains with the form’s own problems, before asking the backend', async () => {
    const invoke = installFakeApi({
      'alliance:get': () => ok(alliance),
      'supply:lookups': () =>
        ok({
          productGroups: [],
          units: [
            { code: 'tan', name: 'tấn', aliases: '', baseCode: null, perBase: 1 },
            { code: 'kg', name: 'kg', aliases: '', baseCode: 'tan', perBase: 1000 },
          ],
          channels: [{ code: 'sieu_thi', name: 'Siêu thị, doanh nghiệp phân phối' }],
        }),
      'programmes:list': () => ok([]),
    });
    render(
      <AppProviders queryClient={createQueryClient()} env="test">
        <ConnectDialog offer={offer} demand={demand} onClose={() => undefined} />
      </AppProviders>,
    );
    const dialog = await screen.findByRole('dialog', { name: 'Xác nhận kết nối' });
    const quantity = await within(dialog).findByLabelText(/^Số lượng kết nối/);
    // 45 tấn: more than the 40 the offer has left, within the 50 the demand still needs.
    fireEvent.change(quantity, { target: { value: '45' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Xác nhận kết nối' }));

    expect(await within(dialog).findByText('Nguồn cung còn 40 tấn chưa kết nối; không kết nối 45 tấn được. Hãy giảm số lượng, hoặc sửa số lượng của nguồn cung.')).toBeTruthy();
    expect(within(dialog).getByText('Chưa chọn kênh tiêu thụ.')).toBeTruthy();
    // In kg, each side in its own unit: 60.000 kg is 60 tấn, more than both have left.
    await choose(within(dialog).getByLabelText(/^Đơn vị tính/), 'tấn', 'kg');
    fireEvent.change(quantity, { target: { value: '60.000' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Xác nhận kết nối' }));
    expect(
      await within(dialog).findByText(
        'Nguồn cung còn 40 tấn chưa kết nối; không kết nối 60 tấn được. Hãy giảm số lượng, hoặc sửa số lượng của nguồn cung. Nhu cầu còn 50 tấn chưa kết nối; không kết nối 60 tấn được. Hãy giảm số lượng, hoặc sửa số lượng của nhu cầu.',
      ),
    ).toBeTruthy();
    expect(invoke.mock.calls.some(([channel]) => channel === 'connections:create')).toBe(false);
  });
});
