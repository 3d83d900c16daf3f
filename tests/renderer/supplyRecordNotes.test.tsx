/**
 * An offer's or a demand's page reached by a link while its party is out of Kết nối cung – cầu:
 * the seller or the buyer in the trash, or a member organization that has ended. The page says
 * why, in place of the withdrawal button and the suggestions.
 */
import { render, screen } from '@testing-library/react';
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
  installFakeApi({
    'offers:get': () => ok(offer),
    'demands:get': () => ok(demand),
    'records:history': () => ok({ entries: [], names: {} }),
  });
  render(
    <AppProviders queryClient={createQueryClient()} env="test">
      {page}
    </AppProviders>,
  );
}

describe('an offer’s or a demand’s page out of Kết nối cung – cầu', { timeout: 20_000 }, () => {
  it('says of an offer that its seller is in the trash, and offers neither withdrawal nor suggestions', async () => {
    renderPage(<SupplyRecordPage spec={offerSide} id={7} />);
    expect(await screen.findByText('Bên bán đang ở Thùng rác: nguồn cung này tạm ẩn khỏi Kết nối cung – cầu.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Rút/ })).toBeNull();
    expect(screen.queryByText(/Gợi ý/)).toBeNull();
  });

  it('says of a demand that its buyer has ended, with the day', async () => {
    renderPage(<SupplyRecordPage spec={demandSide} id={7} />);
    expect(await screen.findByText('Bên mua đã chấm dứt hoạt động từ 18/05/2026: nhu cầu này không còn được gợi ý.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Rút/ })).toBeNull();
  });
});
