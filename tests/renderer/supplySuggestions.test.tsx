/**
 * Gợi ý kết nối say, among their reasons, how the price asked stands against what the buyer pays,
 * both per the demand's unit; and, when a side gave no price, which one. A certificate required and
 * missing on the first day needed is said with that day, and with the last day of the one the
 * seller holds today when it runs out before.
 */
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { DemandSummary, OfferSummary, Suggestion, SuggestionReason } from '../../src/shared/contract';
import { AppProviders, createQueryClient } from '../../src/renderer/src/AppProviders';
import { OfferSuggestions } from '../../src/renderer/src/pages/supply/Suggestions';
import { installFakeApi, ok } from './fakeApi';

const common = {
  programmeId: null,
  programmeName: null,
  product: 'Gạo ST25',
  productGroupCode: 'lua_gao',
  productGroupName: 'Lúa gạo',
  quantity: 50,
  remaining: 50,
  unitCode: 'tan',
  unitName: 'tấn',
  connected: 0,
  priceMin: null,
  priceMax: null,
  status: 'open' as const,
  withdrawnOn: null,
};

/** The buyer pays at most 15.000 ₫ a tonne, as QA's demand says. */
const demand: DemandSummary = {
  ...common,
  id: 2,
  priceMax: 15_000,
  buyer: { kind: 'partner', id: 3, name: 'Saigon Co.op', organizationKind: null },
  neededFrom: '2026-06-15',
  neededUntil: '2026-06-30',
  deliveryProvinceCode: '89',
  deliveryProvinceName: 'Tỉnh An Giang',
  deliveryPlace: '',
};

function offer(id: number, name: string): OfferSummary {
  return {
    ...common,
    id,
    quantity: 80,
    remaining: 80,
    organization: { kind: 'organization', id: 10 + id, name, organizationKind: 'htx' },
    availableFrom: '2026-06-01',
    availableUntil: '2026-07-31',
    communeCode: '30280',
    placeName: 'Xã Vĩnh An, Tỉnh An Giang',
    provinceCode: '89',
  };
}

const price = (met: 'yes' | 'no' | 'unknown', offerMin: number | null, buyerMax: number | null): SuggestionReason => ({
  kind: 'price',
  met,
  offerMin,
  offerMax: null,
  buyerMin: null,
  buyerMax,
  unitName: 'tấn',
});

const suggestions: Suggestion<OfferSummary>[] = [
  { item: offer(1, 'HTX Vĩnh Bình'), score: 94, reasons: [price('yes', 14_000, 15_000)] },
  // 48.000 ₫ a kilogram, said per tonne as the demand is.
  { item: offer(2, 'HTX Tây Bình'), score: 82, reasons: [price('no', 48_000_000, 15_000)] },
  { item: offer(3, 'HTX Phú Thạnh'), score: 94, reasons: [price('unknown', null, 15_000)] },
  // OCOP 3 sao held until 10/01/2027, the mangoes needed from 01/03/2027; no VietGAP at all.
  {
    item: offer(4, 'HTX Xoài cát Hòa Lộc'),
    score: 60,
    reasons: [
      {
        kind: 'quality',
        met: 'no',
        none: false,
        on: '2027-03-01',
        held: [],
        missing: [
          { kindName: 'OCOP', minStars: 3, validUntil: '2027-01-10' },
          { kindName: 'VietGAP', minStars: null, validUntil: null },
        ],
      },
    ],
  },
];

describe('Gợi ý nguồn cung', () => {
  it('says how the price asked stands against the most the buyer pays', async () => {
    installFakeApi({ 'demands:suggestOffers': (input) => ok(input.id === demand.id ? suggestions : []) });
    render(
      <AppProviders queryClient={createQueryClient()} env="test">
        <OfferSuggestions demand={demand} />
      </AppProviders>,
    );
    const reasonsOf = async (organization: string) => {
      const card = await screen.findByRole('article', { name: `Gạo ST25 — ${organization}` });
      return within(card)
        .getAllByRole('listitem')
        .map((item) => item.textContent);
    };
    expect(await reasonsOf('HTX Vĩnh Bình')).toEqual(['Giá chào 14.000\u00a0₫/tấn, trong mức bên mua trả đến 15.000\u00a0₫/tấn']);
    expect(await reasonsOf('HTX Tây Bình')).toEqual(['Giá chào 48.000.000\u00a0₫/tấn, cao hơn mức bên mua trả đến 15.000\u00a0₫/tấn']);
    expect(await reasonsOf('HTX Phú Thạnh')).toEqual(['Chưa so được giá: nguồn cung chưa ghi giá']);
    expect(await reasonsOf('HTX Xoài cát Hòa Lộc')).toEqual([
      'Thiếu OCOP từ 3 sao, VietGAP còn hiệu lực ngày 01/03/2027 (ngày đầu cần hàng); OCOP đang có chỉ còn hiệu lực đến 10/01/2027',
    ]);
  });
});
