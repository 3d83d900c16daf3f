/**
 * An offer's or a demand's page reached by a link while its party is out of Kết nối cung – cầu:
 * the seller or the buyer in the trash, or a member organization that has ended. The page says
 * why in place of the suggestions, and still offers the withdrawal the backend takes.
 */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { DemandDetail, OfferDetail } from '../../src/shared/contract';
import { AppProviders, createQueryClient } from '../../src/renderer/src/AppProviders';
import { SupplyRecordPage } from '../../src/renderer/src/pages/supply/SupplyRecordPage';
import { demandSide, offerSide } from '../../src/renderer/src/pages/supply/sides';
import { installFakeApi, ok } from './fakeApi';

const common = {
  id: 7,
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
  withdrawnOn: null,
  contactName: '',
  contactPhone: '',
  note: '',
  createdAt: '2026-05-01T03:00:00.000Z',
  updatedAt: '2026-05-01T03:00:00.000Z',
  connections: [],
};

const party = { kind: 'organization' as const, id: 4, name: 'HTX Nông nghiệp Tây Bình', organizationKind: 'htx' as const };

const offer: OfferDetail = {
  ...common,
  status: 'open',
  organization: party,
  availableFrom: '2026-06-01',
  availableUntil: null,
  communeCode: '30604',
  placeName: 'Xã Vĩnh An, Tỉnh An Giang',
  provinceCode: '91',
  productId: null,
  packaging: '',
  deliveryTerms: '',
  certificates: [],
  sellerEndedOn: null,
  sellerInTrash: true,
};

const demand: DemandDetail = {
  ...common,
  status: 'withdrawn',
  buyer: party,
  neededFrom: '2026-06-01',
  neededUntil: null,
  deliveryProvinceCode: '91',
  deliveryProvinceName: 'Tỉnh An Giang',
  deliveryPlace: '',
  requirements: [],
  qualityNote: '',
  buyerEndedOn: '2026-05-18',
  buyerInTrash: false,
};

function renderPage(page: React.ReactNode) {
  const invoke = installFakeApi({
    'offers:get': () => ok(offer),
    'demands:get': () => ok(demand),
    'demands:withdraw': () => ok({ ...demand, withdrawnOn: '2026-05-10' }),
    'records:history': () => ok({ entries: [], names: {} }),
  });
  render(
    <AppProviders queryClient={createQueryClient()} env="test">
      {page}
    </AppProviders>,
  );
  return invoke;
}

describe('an offer’s or a demand’s page out of Kết nối cung – cầu', () => {
  it('says of an offer that its seller is in the trash, offers no suggestions, and still offers the withdrawal', async () => {
    renderPage(<SupplyRecordPage spec={offerSide} id={7} />);
    expect(await screen.findByText('Bên bán đang ở Thùng rác: nguồn cung này tạm ẩn khỏi Kết nối cung – cầu.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Rút' })).toBeTruthy();
    expect(screen.queryByText(/Gợi ý/)).toBeNull();
  });

  it('says of a demand that its buyer has ended, with the day, and withdraws it on the day a person says', async () => {
    const invoke = renderPage(<SupplyRecordPage spec={demandSide} id={7} />);
    expect(await screen.findByText('Bên mua đã chấm dứt hoạt động từ 18/05/2026: nhu cầu này không còn được gợi ý.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Rút' }));
    const dialog = await screen.findByRole('dialog');
    const day = within(dialog).getByRole('textbox', { name: /Rút từ ngày/ });
    fireEvent.focus(day);
    fireEvent.input(day, { target: { value: '10/05/2026' } });
    fireEvent.blur(day);
    fireEvent.click(within(dialog).getByRole('button', { name: /Rút/ }));
    await waitFor(() => expect(invoke).toHaveBeenCalledWith('demands:withdraw', { id: 7, withdrawnOn: '2026-05-10' }));
  });
});
