import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { agreementsTables } from '../../src/core/excel/reports/agreements';
import { demandsDueUnserved, supplyStatusSql } from '../../src/core/services/supply';
import { supplyDemands, supplyOffers } from '../../src/core/db/schema';
import type { InputOf } from '../../src/shared/contract';
import { supplyStatuses } from '../../src/shared/domain';
import { convertPrice, convertQuantity, productGroupOf, productSimilarity, supplyStatus } from '../../src/shared/supply';
import { AN_GIANG, call, callConfirming, callFailing, openTestApp, XA_VINH_AN, XA_VINH_BINH } from './support';

type TestApp = ReturnType<typeof openTestApp>;
let app: TestApp;
const ids = { riceA: 0, riceB: 0, eggs: 0, mango: 0, coopMart: 0, bakery: 0 };
let hanoiCommune = '';

function on(day: string): Date {
  return new Date(`${day}T05:00:00Z`);
}

async function organization(name: string, communeCode: string, kind: 'htx' | 'tht' = 'htx'): Promise<number> {
  return (await call(app, 'organizations:create', { kind, name, communeCode })).id;
}

function offer(overrides: Partial<InputOf<'offers:create'>> & { organizationId: number }): InputOf<'offers:create'> {
  return {
    product: 'Gạo ST25',
    productGroupCode: 'lua_gao',
    quantity: 80,
    unitCode: 'tan',
    availableFrom: '2026-06-01',
    availableUntil: '2026-07-31',
    priceMin: 18_000_000,
    communeCode: XA_VINH_AN,
    ...overrides,
  };
}

function demand(overrides: Partial<InputOf<'demands:create'>> = {}): InputOf<'demands:create'> {
  return {
    buyer: { kind: 'partner', id: ids.coopMart },
    product: 'Gạo thơm ST 25',
    productGroupCode: 'lua_gao',
    quantity: 50,
    unitCode: 'tan',
    neededFrom: '2026-06-15',
    neededUntil: '2026-06-30',
    deliveryProvinceCode: AN_GIANG,
    deliveryPlace: 'Kho Co.opmart Long Xuyên',
    requirements: [{ kindCode: 'vietgap' }],
    ...overrides,
  };
}

async function issuesOf(channel: string, input: unknown): Promise<Record<string, string>> {
  const error = await callFailing(app, channel, input);
  if (error.kind !== 'validation') throw new Error(`expected a validation error, got ${error.kind}: ${error.message}`);
  return Object.fromEntries(error.issues.map((issue) => [issue.path, issue.message]));
}

beforeEach(async () => {
  app = openTestApp(on('2026-05-20'));
  hanoiCommune = app.ctx.places.communesOf('01')[0]?.code ?? '';
  await call(app, 'alliance:save', { name: 'Liên minh Hợp tác xã tỉnh An Giang', provinceCode: AN_GIANG, chairName: 'Nguyễn Văn Bình' });
  ids.riceA = await organization('HTX Nông nghiệp Vĩnh Bình', XA_VINH_AN);
  ids.riceB = await organization('HTX Nông nghiệp Tây Bình', XA_VINH_BINH);
  ids.eggs = await organization('THT Chăn nuôi gà Vĩnh An', XA_VINH_AN, 'tht');
  ids.mango = await organization('HTX Xoài cát Phú Thạnh', XA_VINH_BINH);
  ids.coopMart = (await call(app, 'partners:create', { kind: 'enterprise', businessLine: 'supermarket', name: 'Saigon Co.op', provinceCode: '79' })).id;
  ids.bakery = (await call(app, 'partners:create', { kind: 'enterprise', name: 'Công ty Bánh kẹo Hà Nội', provinceCode: '01' })).id;
});
afterEach(() => app.close());

describe('the rules', () => {
  it('groups freely written products by the lookup keywords', async () => {
    const { productGroups } = await call(app, 'supply:lookups', undefined);
    const group = (product: string) => productGroupOf(product, productGroups);
    expect(['gạo ST25', 'Gạo thơm ST 25', 'lúa gạo', 'Lúa giống'].map(group)).toEqual(['lua_gao', 'lua_gao', 'lua_gao', 'lua_gao']);
    expect(group('Trứng gà ta')).toBe('chan_nuoi_trung');
    expect(group('Xoài cát Hòa Lộc')).toBe('trai_cay');
    expect(group('Dưa leo')).toBe('rau_cu_qua');
    expect(group('Dưa lưới')).toBe('trai_cay');
    expect(group('Cà chua')).toBe('rau_cu_qua');
    expect(group('Cá tra')).toBe('thuy_san');
    expect(group('Cà gai leo')).toBe('duoc_lieu');
    expect(group('Cà phê Robusta')).toBe('cay_cong_nghiep');
    expect(group('Đường thốt nốt')).toBe('dac_san_che_bien');
    expect(group('Bánh tráng gạo')).toBe('dac_san_che_bien');
    expect(group('Giỏ mây')).toBe('thu_cong_my_nghe');
    expect(group('Phân bón hữu cơ')).toBeNull();
  });

  it('converts only within one base, exactly', async () => {
    const { units } = await call(app, 'supply:lookups', undefined);
    const unit = (code: string) => units.find((candidate) => candidate.code === code) ?? { code, baseCode: null, perBase: 1 };
    expect(convertQuantity(30, unit('tan'), unit('kg'))).toBe(30_000);
    expect(convertQuantity(12_500, unit('kg'), unit('tan'))).toBe(12.5);
    expect(convertQuantity(0.7, unit('tan'), unit('ta'))).toBe(7);
    expect(convertQuantity(1, unit('kg'), unit('tan'))).toBe(0.001);
    expect(convertQuantity(5, unit('qua'), unit('tan'))).toBeNull();
    expect(convertQuantity(5, unit('lit'), unit('kg'))).toBeNull();
    // A price per unit the other way round: 48.000 đ a kilogram is 48.000.000 đ a tonne.
    expect(convertPrice(48_000, unit('kg'), unit('tan'))).toBe(48_000_000);
    expect(convertPrice(15_000_000, unit('tan'), unit('kg'))).toBe(15_000);
    expect(convertPrice(1_500_000, unit('ta'), unit('kg'))).toBe(15_000);
    expect(convertPrice(15_000, unit('kg'), unit('kg'))).toBe(15_000);
    expect(convertPrice(5_000, unit('qua'), unit('tan'))).toBeNull();
  });

  it('reads product names alike across spellings', () => {
    expect(productSimilarity('gạo ST25', 'Gạo thơm ST 25')).toBeGreaterThan(0.5);
    expect(productSimilarity('gạo ST25', 'gao st25')).toBe(1);
    expect(productSimilarity('gạo ST25', 'xoài cát')).toBe(0);
  });
});

describe('offers', () => {
  it('keeps an offer with its unit, window, price and place, and lists the valid certificates of its product', async () => {
    const rice = await call(app, 'products:save', { organizationId: ids.riceA, name: 'Gạo ST25', productGroup: 'Lúa gạo', unit: 'tấn' });
    await call(app, 'certifications:save', { organizationId: ids.riceA, productId: rice.id, kindCode: 'vietgap', number: 'VG-01', issuedOn: '2025-01-10', expiresOn: '2028-01-09' });
    await call(app, 'certifications:save', { organizationId: ids.riceA, productId: rice.id, kindCode: 'globalgap', number: 'GG-01', issuedOn: '2022-01-10', expiresOn: '2025-01-09' });
    await call(app, 'certifications:save', { organizationId: ids.riceA, kindCode: 'ma_vung_trong', number: 'VT-91-01' });
    const created = await call(app, 'offers:create', offer({ organizationId: ids.riceA, productId: rice.id, priceMax: 19_500_000, packaging: 'Bao 25 kg' }));
    expect(created).toMatchObject({
      product: 'Gạo ST25',
      productGroupName: 'Lúa gạo',
      quantity: 80,
      unitName: 'tấn',
      remaining: 80,
      status: 'open',
      organization: { id: ids.riceA, name: 'HTX Nông nghiệp Vĩnh Bình', organizationKind: 'htx' },
      placeName: 'Xã Vĩnh An, Tỉnh An Giang',
    });
    const detail = await call(app, 'offers:get', { id: created.id });
    // The expired GlobalGAP is left out; the growing-area code of the organization counts.
    expect(detail.certificates.map((certificate) => certificate.kindName)).toEqual(['VietGAP', 'Mã số vùng trồng']);
    expect(detail.packaging).toBe('Bao 25 kg');
  });

  it('adds a product typed on the offer to the organization, when asked', async () => {
    await call(app, 'offers:create', offer({ organizationId: ids.mango, product: 'Xoài cát Hòa Lộc', productGroupCode: 'trai_cay', addToProducts: true, communeCode: XA_VINH_BINH }));
    const { products } = await call(app, 'products:list', { organizationId: ids.mango });
    expect(products.map((product) => [product.name, product.productGroup, product.unit])).toEqual([['Xoài cát Hòa Lộc', 'Trái cây', 'tấn']]);
  });

  it('gives the product it adds the lowest price the offer writes: the low end of a range, or the ceiling alone', async () => {
    const fruit = (product: string, prices: { priceMin: number | null; priceMax?: number | null }, addToProducts = true) =>
      offer({ organizationId: ids.mango, product, productGroupCode: 'trai_cay', unitCode: 'kg', communeCode: XA_VINH_BINH, addToProducts, ...prices });
    await call(app, 'offers:create', fruit('Xoài cát Hòa Lộc', { priceMin: 40_000, priceMax: 45_000 }));
    // «đến 15.000 ₫/kg»: the price of the dearest grade is the one the offer gives.
    await call(app, 'offers:create', fruit('Chanh không hạt', { priceMin: null, priceMax: 15_000 }));
    await call(app, 'offers:create', fruit('Bưởi da xanh', { priceMin: null }));
    // Asked when the offer is changed, the product takes its price the same way.
    const jackfruit = await call(app, 'offers:create', fruit('Mít Thái', { priceMin: null }, false));
    await call(app, 'offers:update', { id: jackfruit.id, ...fruit('Mít Thái', { priceMin: null, priceMax: 22_000 }) });
    const { products } = await call(app, 'products:list', { organizationId: ids.mango });
    expect(products.map((product) => [product.name, product.unit, product.price])).toEqual([
      ['Bưởi da xanh', 'kg', null],
      ['Chanh không hạt', 'kg', 15_000],
      ['Mít Thái', 'kg', 22_000],
      ['Xoài cát Hòa Lộc', 'kg', 40_000],
    ]);
  });

  it('asks before entering again an open offer of the same organization and product over the same days', async () => {
    const first = await call(app, 'offers:create', offer({ organizationId: ids.riceA }));
    const again = await callFailing(app, 'offers:create', offer({ organizationId: ids.riceA, product: 'gạo st25', availableFrom: '2026-07-01', availableUntil: null }));
    expect(again).toEqual({
      kind: 'conflict',
      message:
        'Có thể trùng với nguồn cung của HTX Nông nghiệp Vĩnh Bình đã ghi: Gạo ST25 (80 tấn, có hàng từ 01/06/2026 đến 31/07/2026). ' +
        'Nếu đúng là nguồn cung khác, hãy xác nhận để lưu.',
      existingId: first.id,
      similar: [{ id: first.id, name: 'Gạo ST25', detail: '80 tấn, có hàng từ 01/06/2026 đến 31/07/2026' }],
    });
    expect((await call(app, 'offers:list', { page: 1, pageSize: 25 })).total).toBe(1);
    // An id of no offer it may duplicate confirms nothing.
    expect(await callFailing(app, 'offers:create', offer({ organizationId: ids.riceA, confirmedSimilarIds: [first.id + 100] }))).toMatchObject({ kind: 'conflict', existingId: first.id });
    // Confirmed («Vẫn lưu»), it is saved; changed later in what does not make it the same, it is not asked about again.
    const confirmed = await call(app, 'offers:create', offer({ organizationId: ids.riceA, confirmedSimilarIds: [first.id] }));
    await call(app, 'offers:update', { id: confirmed.id, ...offer({ organizationId: ids.riceA, quantity: 20 }) });
    // A third, confirmed against the first alone: the second came since, and both are named.
    expect(await callFailing(app, 'offers:create', offer({ organizationId: ids.riceA, quantity: 5, confirmedSimilarIds: [first.id] }))).toEqual({
      kind: 'conflict',
      message:
        'Có thể trùng với 2 nguồn cung của HTX Nông nghiệp Vĩnh Bình đã ghi: Gạo ST25 (80 tấn, có hàng từ 01/06/2026 đến 31/07/2026) và Gạo ST25 (20 tấn, có hàng từ 01/06/2026 đến 31/07/2026). ' +
        'Nếu đúng là nguồn cung khác, hãy xác nhận để lưu.',
      existingId: first.id,
      similar: [
        { id: first.id, name: 'Gạo ST25', detail: '80 tấn, có hàng từ 01/06/2026 đến 31/07/2026' },
        { id: confirmed.id, name: 'Gạo ST25', detail: '20 tấn, có hàng từ 01/06/2026 đến 31/07/2026' },
      ],
    });
    // Another organization, another product, days that do not meet, or an offer withdrawn: nothing to ask.
    await call(app, 'offers:create', offer({ organizationId: ids.riceB }));
    await call(app, 'offers:create', offer({ organizationId: ids.riceA, product: 'Gạo Jasmine' }));
    const later = await call(app, 'offers:create', offer({ organizationId: ids.riceA, availableFrom: '2026-08-01', availableUntil: '2026-09-30' }));
    await call(app, 'offers:withdraw', { id: confirmed.id, withdrawnOn: '2026-05-20' });
    await call(app, 'offers:withdraw', { id: first.id, withdrawnOn: '2026-05-20' });
    // Moved onto the days of another open offer, it is asked about.
    const moved = await callFailing(app, 'offers:update', { id: later.id, ...offer({ organizationId: ids.riceB }) });
    expect(moved).toMatchObject({ kind: 'conflict', existingId: expect.any(Number) as number });
    expect(moved.message).toContain('của HTX Nông nghiệp Tây Bình');
  });

  it('refuses what does not hold, saying where', async () => {
    expect(await issuesOf('offers:create', offer({ organizationId: ids.riceA, availableUntil: '2026-05-01', priceMin: 20_000, priceMax: 10_000 }))).toEqual({
      availableUntil: 'Có hàng đến ngày không được trước ngày bắt đầu (01/06/2026).',
      priceMax: 'Giá đến không được thấp hơn Giá từ.',
    });
    expect(await issuesOf('offers:create', offer({ organizationId: ids.riceA, unitCode: 'bao_tai' }))).toEqual({
      unitCode: 'Đơn vị tính «bao_tai» không có trong danh mục; hãy chọn lại.',
    });
    const other = await call(app, 'products:save', { organizationId: ids.riceB, name: 'Gạo Jasmine' });
    expect(await issuesOf('offers:create', offer({ organizationId: ids.riceA, productId: other.id }))).toEqual({
      productId: 'Sản phẩm đã chọn không thuộc tổ chức này; hãy chọn lại.',
    });
  });

  it('says the same status in SQL as in the rules, day by day', async () => {
    const a = await call(app, 'offers:create', offer({ organizationId: ids.riceA, quantity: 50 }));
    const b = await call(app, 'offers:create', offer({ organizationId: ids.riceB, quantity: 30, communeCode: XA_VINH_BINH }));
    const c = await call(app, 'offers:create', offer({ organizationId: ids.eggs, product: 'Trứng gà', productGroupCode: 'chan_nuoi_trung', quantity: 10_000, unitCode: 'qua', availableUntil: null }));
    const wanted = await call(app, 'demands:create', demand({ requirements: [], quantity: 70 }));
    await call(app, 'connections:create', { offerId: a.id, demandId: wanted.id, quantity: 50, unitCode: 'tan', channelCode: 'sieu_thi', connectedOn: '2026-05-20' });
    await call(app, 'connections:create', { offerId: b.id, demandId: wanted.id, quantity: 10_000, unitCode: 'kg', channelCode: 'sieu_thi', connectedOn: '2026-05-20' });
    await call(app, 'offers:withdraw', { id: c.id, withdrawnOn: '2026-09-01' });
    for (const day of ['2026-05-20', '2026-07-31', '2026-08-01', '2026-09-01']) {
      app.setNow(on(day));
      const inSql = new Map(
        app.ctx.db
          .select({ id: supplyOffers.id, status: supplyStatusSql('offer', day) })
          .from(supplyOffers)
          .all()
          .map((row) => [row.id, row.status]),
      );
      const page = await call(app, 'offers:list', { pageSize: 50 });
      for (const row of page.rows) expect(inSql.get(row.id)).toBe(row.status);
      for (const status of supplyStatuses) {
        const filtered = await call(app, 'offers:list', { statuses: [status] });
        expect(filtered.rows.map((row) => row.id).sort()).toEqual(page.rows.filter((row) => row.status === status).map((row) => row.id).sort());
      }
    }
    app.setNow(on('2026-05-20'));
    const statuses = new Map((await call(app, 'offers:list', {})).rows.map((row) => [row.id, [row.status, row.remaining]]));
    expect(statuses.get(a.id)).toEqual(['fully_connected', 0]);
    // 10.000 kg of a 30-tấn offer: 20 tấn remain, in the offer's own unit.
    expect(statuses.get(b.id)).toEqual(['partly_connected', 20]);
    expect(statuses.get(c.id)).toEqual(['open', 10_000]);
    app.setNow(on('2026-08-01'));
    expect((await call(app, 'offers:get', { id: b.id })).status).toBe('expired');
    app.setNow(on('2026-09-01'));
    expect((await call(app, 'offers:get', { id: c.id })).status).toBe('withdrawn');
    expect(supplyStatus({ quantity: 1, connected: 0.9999999, until: null, withdrawnOn: null, partyEndedOn: null }, '2026-01-01')).toBe('fully_connected');
  });

  it('finds offers by product or organization without diacritics, by group and by programme', async () => {
    const programme = await call(app, 'programmes:create', { name: 'Kết nối cung – cầu 2026', startsOn: '2026-01-01' });
    await call(app, 'offers:create', offer({ organizationId: ids.riceA, programmeId: programme.id }));
    await call(app, 'offers:create', offer({ organizationId: ids.mango, product: 'Xoài cát', productGroupCode: 'trai_cay', communeCode: XA_VINH_BINH }));
    const names = async (input: InputOf<'offers:list'>) => (await call(app, 'offers:list', input)).rows.map((row) => row.product);
    expect(await names({ search: 'gao vinh binh' })).toEqual(['Gạo ST25']);
    expect(await names({ search: 'xoai' })).toEqual(['Xoài cát']);
    expect(await names({ search: 'phu thanh' })).toEqual(['Xoài cát']);
    // The seller's name written the other way, as the register finds it.
    expect(await names({ search: 'hop tac xa vinh binh gao' })).toEqual(['Gạo ST25']);
    expect(await names({ productGroupCode: 'trai_cay' })).toEqual(['Xoài cát']);
    expect(await names({ programmeId: programme.id })).toEqual(['Gạo ST25']);
    expect(await names({ organizationId: ids.mango })).toEqual(['Xoài cát']);
    expect(await names({ year: 2025 })).toEqual([]);
  });

  it('goes to the trash and back with its history, but not while connected', async () => {
    const created = await call(app, 'offers:create', offer({ organizationId: ids.riceA }));
    await call(app, 'offers:update', { ...offer({ organizationId: ids.riceA }), id: created.id, quantity: 90 });
    const wanted = await call(app, 'demands:create', demand({ requirements: [] }));
    const connection = await call(app, 'connections:create', { offerId: created.id, demandId: wanted.id, quantity: 10, unitCode: 'tan', channelCode: 'sieu_thi', connectedOn: '2026-05-20' });
    expect((await callFailing(app, 'offers:delete', { id: created.id })).message).toBe(
      'Nguồn cung này đã có 1 kết nối; hãy xóa các kết nối trước, hoặc ghi ngày rút nếu không còn hàng.',
    );
    // The 80 tấn written again as 80.000 kg: the connections count against it in tấn, which it keeps.
    expect(await issuesOf('offers:update', { ...offer({ organizationId: ids.riceA }), id: created.id, quantity: 80_000, unitCode: 'kg' })).toEqual({
      unitCode: 'Nguồn cung đã có 1 kết nối, trừ vào số lượng theo tấn; không đổi đơn vị tính được. Hãy giữ đơn vị tấn: 80.000 kg là 80 tấn.',
    });
    expect(await issuesOf('offers:update', { ...offer({ organizationId: ids.riceA }), id: created.id, quantity: 5 })).toEqual({
      quantity: 'Đã kết nối 10 tấn; số lượng không được nhỏ hơn.',
    });
    await call(app, 'connections:delete', { id: connection.id });
    await call(app, 'offers:delete', { id: created.id });
    expect((await call(app, 'offers:list', {})).total).toBe(0);
    expect((await call(app, 'offers:trash', {})).rows.map((row) => row.id)).toEqual([created.id]);
    await call(app, 'offers:restore', { id: created.id });
    const history = await call(app, 'records:history', { kind: 'offer', id: created.id });
    expect(history.entries.map((entry) => entry.action)).toEqual(['restore', 'delete', 'update', 'create']);
    // Raw values: the quantity with its unit's code (and its name then), never "80 tấn".
    expect(history.entries[2]?.changes).toEqual([
      { field: 'quantity', before: { quantity: 80, unitCode: 'tan', unit: 'tấn' }, after: { quantity: 90, unitCode: 'tan', unit: 'tấn' } },
    ]);
    expect(history.entries[3]?.changes).toEqual([
      { field: 'organizationId', before: null, after: ids.riceA },
      { field: 'product', before: null, after: 'Gạo ST25' },
      { field: 'productGroupCode', before: null, after: 'lua_gao' },
      { field: 'quantity', before: null, after: { quantity: 80, unitCode: 'tan', unit: 'tấn' } },
      { field: 'priceMin', before: null, after: 18_000_000 },
      { field: 'availableFrom', before: null, after: '2026-06-01' },
      { field: 'availableUntil', before: null, after: '2026-07-31' },
      { field: 'communeCode', before: null, after: XA_VINH_AN },
    ]);
    expect(history.names).toEqual({
      [`organizationId:${ids.riceA}`]: 'HTX Nông nghiệp Vĩnh Bình',
      'productGroupCode:lua_gao': 'Lúa gạo',
      [`communeCode:${XA_VINH_AN}`]: `${app.ctx.places.commune(XA_VINH_AN)?.fullName ?? ''}, ${app.ctx.places.province(AN_GIANG)?.fullName ?? ''}`,
    });
  });
});

describe('demands and suggestions', () => {
  async function riceOffers() {
    const riceA = await call(app, 'products:save', { organizationId: ids.riceA, name: 'Gạo ST25' });
    await call(app, 'certifications:save', { organizationId: ids.riceA, productId: riceA.id, kindCode: 'vietgap', number: 'VG-01', issuedOn: '2025-01-10', expiresOn: '2028-01-09' });
    const riceB = await call(app, 'products:save', { organizationId: ids.riceB, name: 'Gạo thơm ST 25' });
    // Tây Bình's VietGAP ran out before the rice is needed.
    await call(app, 'certifications:save', { organizationId: ids.riceB, productId: riceB.id, kindCode: 'vietgap', number: 'VG-02', issuedOn: '2023-01-10', expiresOn: '2026-06-01' });
    const a = await call(app, 'offers:create', offer({ organizationId: ids.riceA, productId: riceA.id, quantity: 80 }));
    const b = await call(app, 'offers:create', offer({ organizationId: ids.riceB, productId: riceB.id, product: 'Gạo thơm ST 25', quantity: 100, communeCode: XA_VINH_BINH }));
    const far = await call(app, 'offers:create', offer({ organizationId: ids.mango, product: 'Gạo nếp', quantity: 60, communeCode: hanoiCommune }));
    const eggs = await call(app, 'offers:create', offer({ organizationId: ids.eggs, product: 'Trứng gà', productGroupCode: 'chan_nuoi_trung', quantity: 20_000, unitCode: 'qua' }));
    const late = await call(app, 'offers:create', offer({ organizationId: ids.riceB, product: 'Gạo ST25 vụ Thu Đông', availableFrom: '2026-10-01', availableUntil: '2026-11-30', communeCode: XA_VINH_BINH }));
    return { a, b, far, eggs, late };
  }

  it('puts the rice cooperative with a valid VietGAP first and says why', async () => {
    const offers = await riceOffers();
    const wanted = await call(app, 'demands:create', demand());
    expect(wanted).toMatchObject({ status: 'open', remaining: 50, buyer: { kind: 'partner', name: 'Saigon Co.op' }, deliveryProvinceName: 'Tỉnh An Giang' });
    const suggestions = await call(app, 'demands:suggestOffers', { id: wanted.id });
    // Eggs are another group; the autumn rice comes after the rice is needed.
    expect(suggestions.map((suggestion) => suggestion.item.id)).toEqual([offers.a.id, offers.b.id, offers.far.id]);
    const [first, second] = suggestions;
    expect(first?.reasons).toEqual([
      { kind: 'product', met: 'yes', groupName: 'Lúa gạo', similarity: 0.6, otherProduct: 'Gạo ST25' },
      { kind: 'period', met: 'yes', from: '2026-06-15', until: '2026-06-30', coverage: 1 },
      { kind: 'quality', met: 'yes', none: false, on: '2026-06-15', held: [{ kindName: 'VietGAP', stars: null, expiresOn: '2028-01-09' }], missing: [] },
      { kind: 'quantity', met: 'yes', available: 80, needed: 50, unitName: 'tấn' },
      { kind: 'place', met: 'yes', sameProvince: true, offerProvinceName: 'Tỉnh An Giang', deliveryProvinceName: 'Tỉnh An Giang' },
      // The buyer gave no price: nothing to compare, nothing taken off.
      { kind: 'price', met: 'unknown', offerMin: 18_000_000, offerMax: null, buyerMin: null, buyerMax: null, unitName: 'tấn' },
    ]);
    // Tây Bình's VietGAP, valid today, runs out on 01/06/2026, before the rice is needed: said with its last day.
    expect(second?.reasons[2]).toEqual({ kind: 'quality', met: 'no', none: false, on: '2026-06-15', held: [], missing: [{ kindName: 'VietGAP', minStars: null, validUntil: '2026-06-01' }] });
    expect(suggestions[2]?.reasons[4]).toEqual({ kind: 'place', met: 'no', sameProvince: false, offerProvinceName: 'Thành phố Hà Nội', deliveryProvinceName: 'Tỉnh An Giang' });
    expect(first?.score).toBeGreaterThan(second?.score ?? 100);

    // From the offer's side, the demand is found the same way.
    const fromOffer = await call(app, 'offers:suggestDemands', { id: offers.a.id });
    expect(fromOffer.map((suggestion) => [suggestion.item.id, suggestion.score])).toEqual([[wanted.id, first?.score]]);
    expect(await call(app, 'offers:suggestDemands', { id: offers.b.id })).toMatchObject([{ item: { id: wanted.id }, reasons: [{}, {}, { met: 'no' }, {}, {}, {}] }]);
  });

  it('compares the lowest asking price with the most the buyer pays, per the demand’s unit, and ranks a dearer offer lower', async () => {
    // The buyer pays at most 15.000 đ/kg, written per tonne.
    const wanted = await call(app, 'demands:create', demand({ requirements: [], priceMax: 15_000_000 }));
    // Grades of one rice at once: each confirmed another offer, not the same one entered twice.
    const rice = (overrides: Partial<InputOf<'offers:create'>>) =>
      callConfirming(app, 'offers:create', offer({ organizationId: ids.riceA, product: 'Gạo ST25', priceMin: null, ...overrides }));
    const dear = await rice({ quantity: 80_000, unitCode: 'kg', priceMin: 48_000 });
    const range = await rice({ priceMin: 14_500_000, priceMax: 16_000_000 });
    const littleAbove = await rice({ quantity: 80_000, unitCode: 'kg', priceMin: 15_750 });
    const dearestGrade = await rice({ priceMax: 17_000_000 });
    const unpriced = await rice({});
    const suggestions = await call(app, 'demands:suggestOffers', { id: wanted.id });
    // All alike but the price (94 = 15 + 15 × 0,6 + 20 + 25 + 15 + 10): 48.000 đ/kg is far above and
    // takes 12 points off; 5% above takes a quarter of them; a dearest grade alone, or no price, nothing.
    expect(suggestions.map((suggestion) => [suggestion.item.id, suggestion.score])).toEqual([
      [range.id, 94],
      [dearestGrade.id, 94],
      [unpriced.id, 94],
      [littleAbove.id, 91],
      [dear.id, 82],
    ]);
    const priceOf = (id: number) => suggestions.find((suggestion) => suggestion.item.id === id)?.reasons.find((reason) => reason.kind === 'price');
    const buyer = { buyerMin: null, buyerMax: 15_000_000, unitName: 'tấn' };
    expect(priceOf(dear.id)).toEqual({ kind: 'price', met: 'no', offerMin: 48_000_000, offerMax: null, ...buyer });
    expect(priceOf(range.id)).toEqual({ kind: 'price', met: 'yes', offerMin: 14_500_000, offerMax: 16_000_000, ...buyer });
    expect(priceOf(littleAbove.id)).toEqual({ kind: 'price', met: 'no', offerMin: 15_750_000, offerMax: null, ...buyer });
    expect(priceOf(dearestGrade.id)).toEqual({ kind: 'price', met: 'partly', offerMin: null, offerMax: 17_000_000, ...buyer });
    expect(priceOf(unpriced.id)).toEqual({ kind: 'price', met: 'unknown', offerMin: null, offerMax: null, ...buyer });

    // From the offer's side, judged the same way; a buyer's one price per kg is the most it pays.
    const fromDear = await call(app, 'offers:suggestDemands', { id: dear.id });
    expect(fromDear.map((suggestion) => [suggestion.item.id, suggestion.score])).toEqual([[wanted.id, 82]]);
    expect(fromDear[0]?.reasons.at(-1)).toEqual(priceOf(dear.id));
    // The same buyer's second demand of that rice, priced per kg: confirmed another.
    const inKg = await call(app, 'demands:create', demand({ quantity: 5_000, unitCode: 'kg', requirements: [], priceMin: 15_000, confirmedSimilarIds: [wanted.id] }));
    const fromRange = await call(app, 'offers:suggestDemands', { id: range.id });
    expect(fromRange.find((suggestion) => suggestion.item.id === inKg.id)?.reasons.at(-1)).toEqual({
      kind: 'price',
      met: 'yes',
      offerMin: 14_500,
      offerMax: 16_000,
      buyerMin: 15_000,
      buyerMax: null,
      unitName: 'kg',
    });
  });

  it('suggests in units that convert, and no longer what is fully connected', async () => {
    const offers = await riceOffers();
    const inKg = await call(app, 'demands:create', demand({ quantity: 5_000, unitCode: 'kg', requirements: [] }));
    const suggestions = await call(app, 'demands:suggestOffers', { id: inKg.id });
    expect(suggestions.find((suggestion) => suggestion.item.id === offers.a.id)?.reasons[3]).toEqual({ kind: 'quantity', met: 'yes', available: 80_000, needed: 5_000, unitName: 'kg' });
    await call(app, 'connections:create', { offerId: offers.a.id, demandId: inKg.id, quantity: 5, unitCode: 'tan', channelCode: 'cho_dau_moi', connectedOn: '2026-05-20' });
    expect((await call(app, 'demands:get', { id: inKg.id })).status).toBe('fully_connected');
    expect(await call(app, 'demands:suggestOffers', { id: inKg.id })).toEqual([]);
    expect((await call(app, 'offers:get', { id: offers.a.id })).remaining).toBe(75);
  });

  it('never suggests to a member that both sells and buys its own offer or demand, nor connects it with itself', async () => {
    const offers = await riceOffers();
    // HTX Vĩnh Bình (riceA) sells rice and buys it too, for a mill order it cannot fill alone.
    const own = await call(app, 'demands:create', demand({ buyer: { kind: 'organization', id: ids.riceA }, requirements: [] }));
    const suggested = (await call(app, 'demands:suggestOffers', { id: own.id })).map((suggestion) => suggestion.item.id);
    expect(suggested).not.toContain(offers.a.id);
    expect(suggested).toContain(offers.b.id);
    expect((await call(app, 'offers:suggestDemands', { id: offers.a.id })).map((suggestion) => suggestion.item.id)).not.toContain(own.id);
    expect((await call(app, 'offers:suggestDemands', { id: offers.b.id })).map((suggestion) => suggestion.item.id)).toContain(own.id);
    const refused = await callFailing(app, 'connections:create', { offerId: offers.a.id, demandId: own.id, quantity: 5, unitCode: 'tan', channelCode: 'cho_dau_moi', connectedOn: '2026-05-20' });
    expect(refused.message).toBe('Bên bán và bên mua là cùng một tổ chức; không kết nối nguồn cung với nhu cầu của chính tổ chức đó. Hãy chọn nhu cầu của bên mua khác.');
  });

  it('says what remains in the own unit of an offer or demand, to the kilogram of a tonne: nothing when less is left', async () => {
    const offers = await riceOffers();
    const wanted = await call(app, 'demands:create', demand({ requirements: [] }));
    const connect = (quantity: number) =>
      call(app, 'connections:create', { offerId: offers.a.id, demandId: wanted.id, quantity, unitCode: 'kg', channelCode: 'cho_dau_moi', connectedOn: '2026-05-20' });
    const listed = async (status: 'partly_connected' | 'fully_connected') => (await call(app, 'demands:list', { statuses: [status] })).rows.map((row) => row.id);
    // 49.998,5 kg of 50 tấn leave 1,5 kg: 0,002 tấn as the demand writes tonnes (to the kilogram).
    await connect(49_998.5);
    expect(await call(app, 'demands:get', { id: wanted.id })).toMatchObject({ connected: 49.9985, remaining: 0.002, status: 'partly_connected' });
    expect(await listed('partly_connected')).toEqual([wanted.id]);
    // Another 1,2 kg leave 0,3 kg, less than the least a tonne is written with: fully connected,
    // in SQL as in the rules, and no longer suggested or listed as still short.
    await connect(1.2);
    expect(await call(app, 'demands:get', { id: wanted.id })).toMatchObject({ connected: 49.9997, remaining: 0, status: 'fully_connected' });
    expect(await listed('fully_connected')).toEqual([wanted.id]);
    expect(await listed('partly_connected')).toEqual([]);
    expect(await call(app, 'demands:suggestOffers', { id: wanted.id })).toEqual([]);
    // The offer, in tấn too, has 80 − 49,9997 = 30,0003 tấn left: 30 tấn to the kilogram.
    expect(await call(app, 'offers:get', { id: offers.a.id })).toMatchObject({ remaining: 30, status: 'partly_connected' });
  });

  it('asks before entering again an open demand of the same buyer and product over the same days', async () => {
    const first = await call(app, 'demands:create', demand());
    expect(await callFailing(app, 'demands:create', demand({ neededFrom: '2026-06-20', neededUntil: '2026-07-10' }))).toEqual({
      kind: 'conflict',
      message:
        'Có thể trùng với nhu cầu của Saigon Co.op đã ghi: Gạo thơm ST 25 (50 tấn, cần từ 15/06/2026 đến 30/06/2026). ' +
        'Nếu đúng là nhu cầu khác, hãy xác nhận để lưu.',
      existingId: first.id,
      similar: [{ id: first.id, name: 'Gạo thơm ST 25', detail: '50 tấn, cần từ 15/06/2026 đến 30/06/2026' }],
    });
    await call(app, 'demands:create', demand({ confirmedSimilarIds: [first.id] }));
    await call(app, 'demands:create', demand({ buyer: { kind: 'partner', id: ids.bakery } }));
    await call(app, 'demands:create', demand({ neededFrom: '2026-07-01', neededUntil: null }));
    expect((await call(app, 'demands:list', { page: 1, pageSize: 25 })).total).toBe(4);
  });

  it('checks a demand: the buyer, the certificates asked for, the period', async () => {
    expect(
      await issuesOf('demands:create', demand({ neededUntil: '2026-06-01', requirements: [{ kindCode: 'vietgap', minStars: 3 }, { kindCode: 'vietgap' }] })),
    ).toEqual({
      neededUntil: 'Cần đến ngày không được trước ngày bắt đầu (15/06/2026).',
      'requirements.1.kindCode': 'Chứng nhận này đã có ở trên; mỗi loại chỉ ghi một lần.',
    });
    expect(await issuesOf('demands:create', demand({ requirements: [{ kindCode: 'vietgap', minStars: 3 }] }))).toEqual({
      'requirements.0.minStars': 'Chứng nhận VietGAP không xếp sao; hãy để trống số sao.',
    });
    const bought = await call(app, 'demands:create', demand({ buyer: { kind: 'organization', id: ids.mango }, requirements: [{ kindCode: 'ocop', minStars: 3 }] }));
    expect((await call(app, 'demands:get', { id: bought.id })).requirements).toEqual([{ kindCode: 'ocop', kindName: 'OCOP', minStars: 3 }]);
    expect((await call(app, 'demands:list', { buyer: { kind: 'organization', id: ids.mango } })).total).toBe(1);
    await call(app, 'demands:update', { ...demand({ requirements: [{ kindCode: 'vietgap' }] }), id: bought.id });
    const history = await call(app, 'records:history', { kind: 'demand', id: bought.id });
    expect(history.entries[0]?.changes).toEqual([
      { field: 'partnerId', before: null, after: ids.coopMart },
      { field: 'organizationId', before: ids.mango, after: null },
      { field: 'requirements', before: [{ kindCode: 'ocop', kindName: 'OCOP', minStars: 3 }], after: [{ kindCode: 'vietgap', kindName: 'VietGAP', minStars: null }] },
    ]);
    // Named from the whole history: the creation named its group and province too.
    expect(history.names).toEqual({
      [`partnerId:${ids.coopMart}`]: 'Saigon Co.op',
      [`organizationId:${ids.mango}`]: 'HTX Xoài cát Phú Thạnh',
      'productGroupCode:lua_gao': 'Lúa gạo',
      [`deliveryProvinceCode:${AN_GIANG}`]: 'Tỉnh An Giang',
    });
  });
});

describe('connections, agreements and results', () => {
  it('connects 30 tấn, becomes an agreement, and counts 12 tấn delivered apart from eggs in quả', async () => {
    const programme = await call(app, 'programmes:create', {
      name: 'Kết nối cung – cầu 2026',
      decisionNo: '15/CTr-LMHTX',
      startsOn: '2026-01-01',
      endsOn: '2026-12-31',
      members: [{ name: 'Nguyễn Văn Bình', role: 'Tổ trưởng', position: 'Chủ tịch Liên minh HTX tỉnh' }],
      channelCodes: ['sieu_thi', 'tmdt'],
    });
    const rice = await call(app, 'offers:create', offer({ organizationId: ids.riceA, programmeId: programme.id }));
    const eggs = await call(app, 'offers:create', offer({ organizationId: ids.eggs, product: 'Trứng gà', productGroupCode: 'chan_nuoi_trung', quantity: 20_000, unitCode: 'qua', programmeId: programme.id }));
    const riceWanted = await call(app, 'demands:create', demand({ requirements: [], programmeId: programme.id }));
    const eggsWanted = await call(app, 'demands:create', demand({ buyer: { kind: 'partner', id: ids.bakery }, product: 'Trứng gà', productGroupCode: 'chan_nuoi_trung', quantity: 8_000, unitCode: 'qua', requirements: [], deliveryProvinceCode: '01', programmeId: programme.id }));

    const inEggs = await callFailing(app, 'connections:create', { offerId: rice.id, demandId: riceWanted.id, quantity: 30, unitCode: 'qua', channelCode: 'sieu_thi', connectedOn: '2026-05-20' });
    expect(inEggs.kind === 'validation' && inEggs.issues).toEqual([
      {
        path: 'unitCode',
        message: 'Nguồn cung tính bằng tấn; quả không quy đổi chính xác sang tấn, nên chưa so được số lượng với phần nguồn cung còn lại. Hãy kết nối bằng tấn, hoặc sửa đơn vị của nguồn cung.',
      },
      {
        path: 'unitCode',
        message: 'Nhu cầu tính bằng tấn; quả không quy đổi chính xác sang tấn, nên chưa so được số lượng với phần nhu cầu còn lại. Hãy kết nối bằng tấn, hoặc sửa đơn vị của nhu cầu.',
      },
    ]);
    expect(await issuesOf('connections:create', { offerId: rice.id, demandId: riceWanted.id, quantity: 60, unitCode: 'tan', channelCode: 'sieu_thi', connectedOn: '2026-05-20' })).toEqual({
      quantity: 'Nhu cầu còn 50 tấn chưa kết nối; không kết nối 60 tấn được. Hãy giảm số lượng, hoặc sửa số lượng của nhu cầu.',
    });
    expect(await issuesOf('connections:create', { offerId: rice.id, demandId: riceWanted.id, quantity: 6, unitCode: 'tan', channelCode: 'sieu_thi', connectedOn: '2026-05-21' })).toEqual({
      connectedOn: 'Ngày kết nối không được sau hôm nay (20/05/2026).',
    });
    // In a programme, on one of its days: its results are read by them.
    expect(await issuesOf('connections:create', { offerId: rice.id, demandId: riceWanted.id, quantity: 6, unitCode: 'tan', channelCode: 'sieu_thi', connectedOn: '2025-12-15', programmeId: programme.id })).toEqual({
      connectedOn: 'Chương trình «Kết nối cung – cầu 2026» diễn ra từ ngày 01/01/2026 đến ngày 31/12/2026; ngày kết nối phải trong thời gian đó, hoặc chọn chương trình khác.',
    });

    const connected = await call(app, 'connections:create', {
      offerId: rice.id,
      demandId: riceWanted.id,
      quantity: 30,
      unitCode: 'tan',
      price: 18_500_000,
      channelCode: 'sieu_thi',
      connectedOn: '2026-05-20',
    });
    // The programme comes from the connection: it is asked for, not guessed from the offer.
    expect(connected).toMatchObject({ quantity: 30, unitName: 'tấn', value: 555_000_000, channelName: 'Siêu thị, doanh nghiệp phân phối', agreementId: null, delivered: null });
    await call(app, 'connections:update', { id: connected.id, quantity: 30, unitCode: 'tan', price: 18_500_000, channelCode: 'sieu_thi', connectedOn: '2026-05-20', programmeId: programme.id });
    await call(app, 'connections:create', { offerId: eggs.id, demandId: eggsWanted.id, quantity: 8_000, unitCode: 'qua', price: 3_000, channelCode: 'tmdt', connectedOn: '2026-05-20', programmeId: programme.id });
    expect((await call(app, 'demands:get', { id: riceWanted.id })).remaining).toBe(20);

    const draft = await call(app, 'connections:agreementDraft', { id: connected.id });
    expect(draft).toEqual({
      input: {
        kind: 'sales_contract',
        number: '',
        title: 'Hợp đồng tiêu thụ Gạo ST25: HTX Nông nghiệp Vĩnh Bình – Saigon Co.op',
        draft: false,
        signedOn: '2026-05-20',
        eventId: null,
        validFrom: '2026-05-20',
        validUntil: '2026-06-30',
        note: '',
        parties: [
          { kind: 'organization', id: ids.riceA, role: 'seller' },
          { kind: 'partner', id: ids.coopMart, role: 'buyer' },
        ],
        commitments: [{ product: 'Gạo ST25', quantity: 30, unit: 'tấn', value: 555_000_000, startsOn: '2026-06-15', dueOn: '2026-06-30' }],
      },
      partyNames: ['HTX Nông nghiệp Vĩnh Bình', 'Saigon Co.op'],
    });
    const wrongUnit = { ...draft.input, commitments: [{ ...draft.input.commitments[0], unit: 'quả' }] };
    expect(await issuesOf('connections:createAgreement', { connectionId: connected.id, agreement: wrongUnit })).toEqual({
      'agreement.commitments.0.unit': 'Cam kết thứ nhất là của kết nối (tính bằng tấn); đơn vị «quả» không quy đổi được sang đơn vị đó.',
    });
    const { agreement } = await call(app, 'connections:createAgreement', { connectionId: connected.id, agreement: draft.input });
    expect((await call(app, 'connections:createAgreement', { connectionId: connected.id, agreement: draft.input }).catch((error: unknown) => String(error)))).toContain('đã thành một thỏa thuận');
    const { commitments } = await call(app, 'agreements:get', { id: agreement.id });
    const connectionHistory = await call(app, 'records:history', { kind: 'connection', id: connected.id });
    expect(connectionHistory.entries.slice(0, 2).map((entry) => entry.changes)).toEqual([
      [{ field: 'agreementId', before: null, after: agreement.id }],
      [{ field: 'programmeId', before: null, after: programme.id }],
    ]);
    expect(connectionHistory.names).toMatchObject({
      [`agreementId:${agreement.id}`]: 'Hợp đồng tiêu thụ Gạo ST25: HTX Nông nghiệp Vĩnh Bình – Saigon Co.op',
      [`programmeId:${programme.id}`]: 'Kết nối cung – cầu 2026',
    });
    app.setNow(on('2026-06-20'));
    await call(app, 'agreements:addDelivery', { commitmentId: commitments[0]?.id ?? 0, deliveredOn: '2026-06-18', quantity: 12, value: 222_000_000 });
    expect((await call(app, 'connections:ofAgreement', { agreementId: agreement.id })).map((row) => [row.id, row.delivered])).toEqual([[connected.id, 12]]);

    const results = await call(app, 'programmes:results', { programmeId: programme.id, from: '2026-01-01', to: '2026-12-31' });
    expect(results).toMatchObject({
      connections: 2,
      connectedValue: 555_000_000 + 24_000_000,
      deliveredValue: 222_000_000,
      sellers: { htx: 1, tht: 1, other: 0, total: 2 },
      partners: 2,
      buyingMembers: 0,
      asOf: '2026-06-20',
    });
    expect(results.totals).toEqual([
      { unitCode: 'tan', unitName: 'tấn', connected: 30, delivered: 12 },
      { unitCode: 'qua', unitName: 'quả', connected: 8_000, delivered: 0 },
    ]);
    expect(results.byGroup.map((row) => [row.productGroupName, row.unitName, row.connected, row.delivered, row.connectedValue, row.deliveredValue])).toEqual([
      ['Lúa gạo', 'tấn', 30, 12, 555_000_000, 222_000_000],
      ['Chăn nuôi và trứng', 'quả', 8_000, 0, 24_000_000, 0],
    ]);
    expect(results.byChannel.map((row) => [row.channelName, row.connections, row.volumes.map((volume) => `${volume.connected}/${volume.delivered} ${volume.unitName}`)])).toEqual([
      ['Siêu thị, doanh nghiệp phân phối', 1, ['30/12 tấn']],
      ['Sàn thương mại điện tử', 1, ['8000/0 quả']],
    ]);
    expect(results.byCommune.map((row) => [row.communeName, row.organizations, row.connections])).toEqual([['Xã Vĩnh An', 2, 2]]);

    // Deliveries are counted from the agreement's page as they come; before the period they do not count.
    const spring = await call(app, 'programmes:results', { programmeId: programme.id, from: '2026-01-01', to: '2026-06-17' });
    expect(spring.totals).toEqual([
      { unitCode: 'tan', unitName: 'tấn', connected: 30, delivered: 0 },
      { unitCode: 'qua', unitName: 'quả', connected: 8_000, delivered: 0 },
    ]);
    // All connections, in a programme or not, for the overview.
    expect((await call(app, 'programmes:results', { from: '2026-01-01', to: '2026-12-31' })).totals).toEqual(results.totals);
  });

  it('refuses a connection with every problem found at once, each at its field, and says what it could not compare', async () => {
    const spring = await call(app, 'programmes:create', {
      name: 'Kết nối tiêu thụ lúa gạo vụ Đông Xuân 2026',
      decisionNo: '03/CTr-LMHTX',
      startsOn: '2026-01-01',
      endsOn: '2026-03-31',
      members: [],
      channelCodes: ['sieu_thi'],
    });
    const rice = await call(app, 'offers:create', offer({ organizationId: ids.riceA, quantity: 40 }));
    const wanted = await call(app, 'demands:create', demand({ requirements: [] }));
    await call(app, 'offers:withdraw', { id: rice.id, withdrawnOn: '2026-05-10' });
    const connection = { offerId: rice.id, demandId: wanted.id, quantity: 60, unitCode: 'tan', channelCode: 'kenh_da_xoa', connectedOn: '2026-05-15', programmeId: spring.id };

    const all = await callFailing(app, 'connections:create', connection);
    expect(all.kind === 'validation' && all.issues).toEqual([
      { path: 'connectedOn', message: 'Nguồn cung đã rút từ ngày 10/05/2026; không kết nối được sau ngày đó.' },
      { path: 'channelCode', message: 'Kênh tiêu thụ «kenh_da_xoa» không có trong danh mục; hãy chọn lại.' },
      {
        path: 'connectedOn',
        message: 'Chương trình «Kết nối tiêu thụ lúa gạo vụ Đông Xuân 2026» diễn ra từ ngày 01/01/2026 đến ngày 31/03/2026; ngày kết nối phải trong thời gian đó, hoặc chọn chương trình khác.',
      },
      { path: 'quantity', message: 'Nguồn cung còn 40 tấn chưa kết nối; không kết nối 60 tấn được. Hãy giảm số lượng, hoặc sửa số lượng của nguồn cung.' },
      { path: 'quantity', message: 'Nhu cầu còn 50 tấn chưa kết nối; không kết nối 60 tấn được. Hãy giảm số lượng, hoặc sửa số lượng của nhu cầu.' },
    ]);

    // In kg the quantity converts to both sides and is compared; in quả it converts to neither, and that is said instead.
    const inKg = await callFailing(app, 'connections:create', { ...connection, quantity: 45_000, unitCode: 'kg', channelCode: 'sieu_thi', connectedOn: '2026-05-21', programmeId: null });
    expect(inKg.kind === 'validation' && inKg.issues.map((issue) => `${issue.path}: ${issue.message}`)).toEqual([
      'connectedOn: Ngày kết nối không được sau hôm nay (20/05/2026).',
      'connectedOn: Nguồn cung đã rút từ ngày 10/05/2026; không kết nối được sau ngày đó.',
      'quantity: Nguồn cung còn 40 tấn chưa kết nối; không kết nối 45 tấn được. Hãy giảm số lượng, hoặc sửa số lượng của nguồn cung.',
    ]);
    const inEggs = await callFailing(app, 'connections:create', { ...connection, unitCode: 'qua', channelCode: 'sieu_thi', connectedOn: '2026-05-09', programmeId: null });
    expect(inEggs.kind === 'validation' && inEggs.issues.map((issue) => issue.path)).toEqual(['unitCode', 'unitCode']);
    expect((await call(app, 'demands:get', { id: wanted.id })).remaining).toBe(50);
  });

  it('withdraws an offer or a demand from no earlier than the last connection made with it, as a connection is refused after a withdrawal', async () => {
    const rice = await call(app, 'offers:create', offer({ organizationId: ids.riceA, availableFrom: '2026-05-01' }));
    const wanted = await call(app, 'demands:create', demand({ requirements: [], neededFrom: '2026-05-10' }));
    const connection = await call(app, 'connections:create', { offerId: rice.id, demandId: wanted.id, quantity: 10, unitCode: 'tan', channelCode: 'sieu_thi', connectedOn: '2026-05-15' });
    for (const [channel, id, what] of [
      ['offers:withdraw', rice.id, 'Nguồn cung'],
      ['demands:withdraw', wanted.id, 'Nhu cầu'],
    ] as const) {
      // Dated back to before the connection: the connection would be made after the withdrawal.
      expect(await issuesOf(channel, { id, withdrawnOn: '2026-05-14' })).toEqual({
        withdrawnOn: `${what} đã có kết nối ngày 15/05/2026; ngày rút không được trước ngày đó. Nếu kết nối đó không còn, hãy xóa kết nối trước.`,
      });
      // The day of the connection itself: the rest sold elsewhere that day.
      expect((await call(app, channel, { id, withdrawnOn: '2026-05-15' })).status).toBe('withdrawn');
      expect((await call(app, channel, { id, withdrawnOn: null })).status).toBe('partly_connected');
    }
    // A connection in the trash does not count.
    await call(app, 'connections:delete', { id: connection.id });
    expect((await call(app, 'offers:withdraw', { id: rice.id, withdrawnOn: '2026-05-12' })).withdrawnOn).toBe('2026-05-12');
  });

  it('values what was delivered as the agreements report does, and the periods add up', async () => {
    const programme = await call(app, 'programmes:create', { name: 'Kết nối cung – cầu 2026', startsOn: '2026-01-01', endsOn: '2026-12-31' });
    const rice = await call(app, 'offers:create', offer({ organizationId: ids.riceA, programmeId: programme.id }));
    const wanted = await call(app, 'demands:create', demand({ requirements: [], quantity: 30, programmeId: programme.id }));
    const connection = await call(app, 'connections:create', {
      offerId: rice.id,
      demandId: wanted.id,
      quantity: 30,
      unitCode: 'tan',
      price: 18_500_000,
      channelCode: 'sieu_thi',
      connectedOn: '2026-05-20',
      programmeId: programme.id,
    });
    // The parties signed for 600 million (20 million a tấn), not the 555 million the connection's price makes.
    const draft = await call(app, 'connections:agreementDraft', { id: connection.id });
    const [committed] = draft.input.commitments;
    const signed = { ...draft.input, commitments: committed ? [{ ...committed, value: 600_000_000 }] : [] };
    const { agreement } = await call(app, 'connections:createAgreement', { connectionId: connection.id, agreement: signed });
    const commitmentId = (await call(app, 'agreements:get', { id: agreement.id })).commitments[0]?.id ?? 0;
    app.setNow(on('2027-01-05'));
    await call(app, 'agreements:addDelivery', { commitmentId, deliveredOn: '2026-06-05', quantity: 12 });
    await call(app, 'agreements:addDelivery', { commitmentId, deliveredOn: '2026-07-10', quantity: 10, value: 210_000_000 });
    await call(app, 'agreements:addDelivery', { commitmentId, deliveredOn: '2026-08-10', quantity: 11 });

    const deliveredValue = async (from: string, to: string) => (await call(app, 'programmes:results', { programmeId: programme.id, from, to })).deliveredValue;
    const year = await deliveredValue('2026-01-01', '2026-12-31');
    // 33 of 30 tấn delivered: the whole 600 million, as Tỷ lệ thực hiện (100 %) says, whatever
    // the deliveries wrote (210 million on one). At the connection's price they would have read
    // 33 × 18,5 = 610,5 million.
    expect(year).toBe(600_000_000);
    const commitmentRows = agreementsTables(app.ctx, '2026-01-01', '2026-12-31').commitments?.rows;
    expect(Array.isArray(commitmentRows) && commitmentRows.map((row: Record<string, unknown>) => row.deliveredValue)).toEqual([year]);
    // The first half: 12 of 30 tấn of 600 million; the second half what the year adds to it.
    expect(await deliveredValue('2026-01-01', '2026-06-30')).toBe(240_000_000);
    expect(await deliveredValue('2026-07-01', '2026-12-31')).toBe(360_000_000);
  });

  it('keeps connections out of the results once in the trash, and restores them while enough remains', async () => {
    const rice = await call(app, 'offers:create', offer({ organizationId: ids.riceA, quantity: 40 }));
    const first = await call(app, 'demands:create', demand({ requirements: [], quantity: 40 }));
    const second = await call(app, 'demands:create', demand({ requirements: [], quantity: 40, buyer: { kind: 'partner', id: ids.bakery } }));
    const a = await call(app, 'connections:create', { offerId: rice.id, demandId: first.id, quantity: 30, unitCode: 'tan', channelCode: 'sieu_thi', connectedOn: '2026-05-20' });
    await call(app, 'connections:delete', { id: a.id });
    expect((await call(app, 'programmes:results', { from: '2026-01-01', to: '2026-12-31' })).connections).toBe(0);
    await call(app, 'connections:create', { offerId: rice.id, demandId: second.id, quantity: 20, unitCode: 'tan', channelCode: 'sieu_thi', connectedOn: '2026-05-20' });
    expect((await callFailing(app, 'connections:restore', { id: a.id })).message).toBe(
      'Phần còn lại của nguồn cung không đủ cho kết nối này (đã có kết nối khác sau khi xóa); không khôi phục được.',
    );
    expect((await call(app, 'connections:trash', {})).rows.map((row) => row.id)).toEqual([a.id]);
    const history = await call(app, 'records:history', { kind: 'connection', id: a.id });
    expect(history.entries.map((entry) => entry.action)).toEqual(['delete', 'create']);
    expect(history.entries[1]?.changes).toEqual([
      { field: 'offerId', before: null, after: rice.id },
      { field: 'demandId', before: null, after: first.id },
      { field: 'quantity', before: null, after: { quantity: 30, unitCode: 'tan', unit: 'tấn' } },
      { field: 'channelCode', before: null, after: 'sieu_thi' },
      { field: 'connectedOn', before: null, after: '2026-05-20' },
    ]);
    expect(history.names).toEqual({
      [`offerId:${rice.id}`]: 'Gạo ST25 — HTX Nông nghiệp Vĩnh Bình',
      [`demandId:${first.id}`]: 'Gạo thơm ST 25 — Saigon Co.op',
      'channelCode:sieu_thi': 'Siêu thị, doanh nghiệp phân phối',
    });
    expect((await call(app, 'connections:list', { counterpart: { kind: 'partner', id: ids.bakery } })).total).toBe(1);
    expect((await call(app, 'connections:list', { search: 'vinh binh' })).total).toBe(1);
  });
});

describe('the lists', () => {
  it('leave out, and count without, the offers and demands of an organization or partner in the trash', async () => {
    await call(app, 'offers:create', offer({ organizationId: ids.riceA }));
    const mango = await call(app, 'offers:create', offer({ organizationId: ids.mango, product: 'Xoài cát', productGroupCode: 'trai_cay', communeCode: XA_VINH_BINH }));
    await call(app, 'demands:create', demand({ requirements: [] }));
    const mangoWanted = await call(app, 'demands:create', demand({ requirements: [], buyer: { kind: 'organization', id: ids.riceB }, product: 'Xoài', productGroupCode: 'trai_cay' }));
    await call(app, 'demands:create', demand({ requirements: [], buyer: { kind: 'partner', id: ids.bakery }, product: 'Trứng gà', productGroupCode: 'chan_nuoi_trung', quantity: 1000, unitCode: 'qua' }));
    await call(app, 'organizations:delete', { id: ids.riceA });
    await call(app, 'partners:delete', { id: ids.coopMart });

    const listed = async <C extends 'offers:list' | 'demands:list'>(channel: C, input: InputOf<C>) => {
      const page = await call(app, channel, input);
      return { total: page.total, products: page.rows.map((row) => row.product) };
    };
    expect(await listed('offers:list', {})).toEqual({ total: 1, products: ['Xoài cát'] });
    expect(await listed('offers:list', { search: 'gao' })).toEqual({ total: 0, products: [] });
    expect(await listed('offers:list', { productGroupCode: 'lua_gao' })).toEqual({ total: 0, products: [] });
    expect(await listed('demands:list', {})).toEqual({ total: 2, products: ['Trứng gà', 'Xoài'] });
    expect(await listed('demands:list', { search: 'co.op' })).toEqual({ total: 0, products: [] });
    expect(await listed('demands:list', { search: 'tay binh' })).toEqual({ total: 1, products: ['Xoài'] });

    // A connection is counted whatever is asked of it, with its sides or without.
    await call(app, 'connections:create', { offerId: mango.id, demandId: mangoWanted.id, quantity: 5, unitCode: 'tan', channelCode: 'sieu_thi', connectedOn: '2026-05-20' });
    const connections = async (input: InputOf<'connections:list'>) => {
      const page = await call(app, 'connections:list', input);
      return { total: page.total, rows: page.rows.length };
    };
    expect(await connections({})).toEqual({ total: 1, rows: 1 });
    expect(await connections({ productGroupCode: 'trai_cay' })).toEqual({ total: 1, rows: 1 });
    expect(await connections({ productGroupCode: 'lua_gao' })).toEqual({ total: 0, rows: 0 });
    expect(await connections({ year: 2025 })).toEqual({ total: 0, rows: 0 });
    expect(await connections({ search: 'phu thanh' })).toEqual({ total: 1, rows: 1 });
    // An organization's connections, as the seller or as the buyer.
    expect(await connections({ counterpart: { kind: 'organization', id: ids.mango } })).toEqual({ total: 1, rows: 1 });
    expect(await connections({ counterpart: { kind: 'organization', id: ids.riceB } })).toEqual({ total: 1, rows: 1 });
    expect(await connections({ counterpart: { kind: 'organization', id: ids.eggs } })).toEqual({ total: 0, rows: 0 });
    expect(await connections({ counterpart: { kind: 'partner', id: ids.bakery } })).toEqual({ total: 0, rows: 0 });
  });
});

describe('what the lists hide, the programme does not count nor suggestions offer', () => {
  it('counts in the programme only what its lists show: no offer or demand of a side in the trash', async () => {
    const programme = await call(app, 'programmes:create', { name: 'Kết nối cung – cầu 2026', startsOn: '2026-01-01', endsOn: '2026-12-31' });
    const inIt = { programmeId: programme.id };
    await call(app, 'offers:create', offer({ organizationId: ids.riceA, ...inIt }));
    await call(app, 'offers:create', offer({ organizationId: ids.riceB, communeCode: XA_VINH_BINH, ...inIt }));
    await call(app, 'demands:create', demand({ requirements: [], ...inIt }));
    const bakeryWanted = await call(app, 'demands:create', demand({ requirements: [], buyer: { kind: 'partner', id: ids.bakery }, ...inIt }));
    await call(app, 'demands:create', demand({ requirements: [], buyer: { kind: 'organization', id: ids.mango }, ...inIt }));
    const counts = async () => {
      const { offers, demands } = await call(app, 'programmes:get', { id: programme.id });
      const [listed] = (await call(app, 'programmes:list', {})).filter((one) => one.id === programme.id);
      const lists = { offers: (await call(app, 'offers:list', inIt)).total, demands: (await call(app, 'demands:list', inIt)).total };
      expect({ offers: listed?.offers, demands: listed?.demands }).toEqual(lists);
      return { offers, demands };
    };
    expect(await counts()).toEqual({ offers: 2, demands: 3 });

    await call(app, 'organizations:delete', { id: ids.riceA });
    await call(app, 'partners:delete', { id: ids.bakery });
    await call(app, 'organizations:delete', { id: ids.mango });
    expect(await counts()).toEqual({ offers: 1, demands: 1 });
    // Its page says why it is out of sight, and it suggests nothing meanwhile.
    expect((await call(app, 'demands:get', { id: bakeryWanted.id })).buyerInTrash).toBe(true);
    expect(await call(app, 'demands:suggestOffers', { id: bakeryWanted.id })).toEqual([]);

    await call(app, 'partners:restore', { id: ids.bakery });
    expect(await counts()).toEqual({ offers: 1, demands: 2 });
    expect((await call(app, 'demands:get', { id: bakeryWanted.id })).buyerInTrash).toBe(false);
    expect((await call(app, 'demands:suggestOffers', { id: bakeryWanted.id })).map((one) => one.item.organization.id)).toEqual([ids.riceB]);
  });

  it('closes the offers of a seller that ended as withdrawn from its end: status, lists, suggestions, connections', async () => {
    const rice = await call(app, 'offers:create', offer({ organizationId: ids.riceA }));
    const wanted = await call(app, 'demands:create', demand({ requirements: [] }));
    const statusOf = async () => {
      const detail = await call(app, 'offers:get', { id: rice.id });
      return { status: detail.status, sellerEndedOn: detail.sellerEndedOn, withdrawnOn: detail.withdrawnOn };
    };
    expect(await statusOf()).toEqual({ status: 'open', sellerEndedOn: null, withdrawnOn: null });
    await call(app, 'lifecycle:record', { kind: 'dissolution', date: '2026-05-18', decisionNo: '7/QĐ', subjectId: ids.riceA });

    // Nothing a person typed changes: the offer was not withdrawn by anyone, its seller ended.
    expect(await statusOf()).toEqual({ status: 'withdrawn', sellerEndedOn: '2026-05-18', withdrawnOn: null });
    const totals = async (statuses: InputOf<'offers:list'>['statuses']) => (await call(app, 'offers:list', { statuses })).total;
    expect({ open: await totals(['open', 'partly_connected']), withdrawn: await totals(['withdrawn']), all: await totals(undefined) }).toEqual({ open: 0, withdrawn: 1, all: 1 });
    const [rowStatus] = app.ctx.db.select({ status: supplyStatusSql('offer', '2026-05-20') }).from(supplyOffers).where(sql`${supplyOffers.id} = ${rice.id}`).all();
    expect(rowStatus?.status).toBe('withdrawn');
    expect(await call(app, 'demands:suggestOffers', { id: wanted.id })).toEqual([]);
    expect(await call(app, 'offers:suggestDemands', { id: rice.id })).toEqual([]);
    expect(await issuesOf('connections:create', { offerId: rice.id, demandId: wanted.id, quantity: 10, unitCode: 'tan', channelCode: 'sieu_thi', connectedOn: '2026-05-20' })).toEqual({
      connectedOn: 'Bên bán đã chấm dứt hoạt động từ ngày 18/05/2026; không kết nối được từ ngày đó.',
    });
  });

  it('closes at a seller’s end only what was still open that day: one expired before, or connected in full, keeps its status', async () => {
    const rice = (overrides: Partial<InputOf<'offers:create'>>) => call(app, 'offers:create', offer({ organizationId: ids.riceA, ...overrides }));
    const long = await rice({ product: 'Gạo 2024', availableFrom: '2024-01-01', availableUntil: '2024-03-31' });
    const dayBefore = await rice({ product: 'Gạo nếp', availableFrom: '2026-05-01', availableUntil: '2026-06-09' });
    const onTheDay = await rice({ product: 'Gạo tẻ', availableFrom: '2026-05-01', availableUntil: '2026-06-10' });
    const full = await rice({ product: 'Gạo lứt', quantity: 10, availableFrom: '2026-05-01', availableUntil: null });
    const open = await rice({ availableFrom: '2026-05-01' });
    const wanted = await call(app, 'demands:create', demand({ requirements: [], neededFrom: '2026-05-01' }));
    await call(app, 'connections:create', { offerId: full.id, demandId: wanted.id, quantity: 10, unitCode: 'tan', channelCode: 'sieu_thi', connectedOn: '2026-05-20' });
    app.setNow(on('2026-06-20'));
    await call(app, 'lifecycle:record', { kind: 'dissolution', date: '2026-06-10', decisionNo: '7/QĐ', subjectId: ids.riceA });

    for (const day of ['2026-06-20', '2026-08-01']) {
      app.setNow(on(day));
      const statuses = new Map((await call(app, 'offers:list', { pageSize: 50 })).rows.map((row) => [row.id, row.status]));
      expect([long, dayBefore, onTheDay, full, open].map((one) => statuses.get(one.id)), day).toEqual(['expired', 'expired', 'withdrawn', 'fully_connected', 'withdrawn']);
      const inSql = app.ctx.db.select({ id: supplyOffers.id, status: supplyStatusSql('offer', day) }).from(supplyOffers).all();
      for (const row of inSql) expect(row.status, `${day}, ${String(row.id)}`).toBe(statuses.get(row.id));
      expect((await call(app, 'offers:list', { statuses: ['expired'] })).rows.map((row) => row.id).sort()).toEqual([long.id, dayBefore.id].sort());
    }
    expect((await call(app, 'offers:get', { id: long.id })).status).toBe('expired');
    // The rule alone: withdrawn by hand comes first, as before; an end after the window leaves it expired.
    const facts = { quantity: 10, connected: 0, until: '2026-06-09', withdrawnOn: null, partyEndedOn: '2026-06-10' };
    expect(supplyStatus(facts, '2026-06-20')).toBe('expired');
    expect(supplyStatus({ ...facts, partyEndedOn: '2026-06-09' }, '2026-06-20')).toBe('withdrawn');
    expect(supplyStatus({ ...facts, withdrawnOn: '2026-06-01' }, '2026-06-20')).toBe('withdrawn');
    expect(supplyStatus({ ...facts, until: null }, '2026-06-09')).toBe('open');
  });

  it('closes the demands of a member buyer that ended as its offers, and refuses a new one from its end at the buyer', async () => {
    const rice = await call(app, 'offers:create', offer({ organizationId: ids.riceA }));
    const wanted = await call(app, 'demands:create', demand({ requirements: [], buyer: { kind: 'organization', id: ids.riceB } }));
    const fromPartner = await call(app, 'demands:create', demand({ requirements: [], neededFrom: '2026-06-01' }));
    await call(app, 'lifecycle:record', { kind: 'dissolution', date: '2026-05-18', decisionNo: '9/QĐ', subjectId: ids.riceB });

    // Anew from its end: refused at the buyer, with the day.
    const ended = { buyer: 'HTX Nông nghiệp Tây Bình đã chấm dứt hoạt động từ ngày 18/05/2026.' };
    expect(await issuesOf('demands:create', demand({ requirements: [], buyer: { kind: 'organization', id: ids.riceB }, product: 'Xoài' }))).toEqual(ended);
    // A need from before its end was its own: kept, and closed from the end like a withdrawal.
    await call(app, 'demands:create', demand({ requirements: [], buyer: { kind: 'organization', id: ids.riceB }, product: 'Xoài', neededFrom: '2026-05-01' }));
    const detail = await call(app, 'demands:get', { id: wanted.id });
    expect({ status: detail.status, buyerEndedOn: detail.buyerEndedOn, withdrawnOn: detail.withdrawnOn }).toEqual({ status: 'withdrawn', buyerEndedOn: '2026-05-18', withdrawnOn: null });
    expect((await call(app, 'demands:get', { id: fromPartner.id })).buyerEndedOn).toBeNull();
    const totals = async (statuses: InputOf<'demands:list'>['statuses']) => (await call(app, 'demands:list', { statuses })).total;
    expect({ open: await totals(['open', 'partly_connected']), withdrawn: await totals(['withdrawn']), all: await totals(undefined) }).toEqual({ open: 1, withdrawn: 2, all: 3 });
    const [rowStatus] = app.ctx.db.select({ status: supplyStatusSql('demand', '2026-05-20') }).from(supplyDemands).where(sql`${supplyDemands.id} = ${wanted.id}`).all();
    expect(rowStatus?.status).toBe('withdrawn');
    // Neither suggested to the offer nor suggesting; Cần chú ý no longer asks to serve it; no connection.
    expect((await call(app, 'offers:suggestDemands', { id: rice.id })).map((one) => one.item.id)).toEqual([fromPartner.id]);
    expect(await call(app, 'demands:suggestOffers', { id: wanted.id })).toEqual([]);
    expect(demandsDueUnserved(app.ctx, '2026-05-20', 30).map((one) => one.demandId)).toEqual([fromPartner.id]);
    expect(await issuesOf('connections:create', { offerId: rice.id, demandId: wanted.id, quantity: 10, unitCode: 'tan', channelCode: 'sieu_thi', connectedOn: '2026-05-20' })).toEqual({
      connectedOn: 'Bên mua đã chấm dứt hoạt động từ ngày 18/05/2026; không kết nối được từ ngày đó.',
    });
  });

  it('lets an offer and a demand stored from after their organization’s end (recorded later) be corrected and withdrawn, never moved onto the end', async () => {
    const rice = await call(app, 'offers:create', offer({ organizationId: ids.riceA }));
    const wanted = await call(app, 'demands:create', demand({ requirements: [], buyer: { kind: 'organization', id: ids.riceB } }));
    const other = await call(app, 'offers:create', offer({ organizationId: ids.mango, product: 'Xoài cát', productGroupCode: 'trai_cay', communeCode: XA_VINH_BINH }));
    // Both ended on 18/05, recorded on 20/05: after the offer (from 01/06) and the demand (from 15/06) were.
    await call(app, 'lifecycle:record', { kind: 'dissolution', date: '2026-05-18', decisionNo: '7/QĐ', subjectId: ids.riceA });
    await call(app, 'lifecycle:record', { kind: 'dissolution', date: '2026-05-18', decisionNo: '9/QĐ', subjectId: ids.riceB });

    // Its note corrected, the party and the first day as stored: saved, and still closed by the end.
    const corrected = await call(app, 'offers:update', { ...offer({ organizationId: ids.riceA, note: 'Giá đã gồm vận chuyển' }), id: rice.id });
    expect({ status: corrected.status, note: (await call(app, 'offers:get', { id: rice.id })).note }).toEqual({ status: 'withdrawn', note: 'Giá đã gồm vận chuyển' });
    const needed = { ...demand({ requirements: [], buyer: { kind: 'organization', id: ids.riceB }, quantity: 40 }), id: wanted.id };
    expect((await call(app, 'demands:update', needed)).quantity).toBe(40);
    // Withdrawn by a person all the same, from the day they say.
    expect((await call(app, 'offers:withdraw', { id: rice.id, withdrawnOn: '2026-05-20' })).withdrawnOn).toBe('2026-05-20');

    // Its first day moved, still from the end on: refused at that day, which says what may be kept.
    expect(await issuesOf('offers:update', { ...offer({ organizationId: ids.riceA, availableFrom: '2026-06-10' }), id: rice.id })).toEqual({
      availableFrom: 'HTX Nông nghiệp Vĩnh Bình đã chấm dứt hoạt động từ ngày 18/05/2026: không ghi được nguồn cung có hàng từ ngày đó trở đi. Hãy để ngày có hàng đã ghi (01/06/2026), hoặc một ngày trước 18/05/2026.',
    });
    expect(await issuesOf('demands:update', { ...needed, neededFrom: '2026-06-01' })).toEqual({
      neededFrom: 'HTX Nông nghiệp Tây Bình đã chấm dứt hoạt động từ ngày 18/05/2026: không ghi được nhu cầu cần hàng từ ngày đó trở đi. Hãy để ngày cần hàng đã ghi (15/06/2026), hoặc một ngày trước 18/05/2026.',
    });
    // Moved before the end: its own again, saved; and from there not back past the end.
    expect((await call(app, 'offers:update', { ...offer({ organizationId: ids.riceA, availableFrom: '2026-05-10' }), id: rice.id })).availableFrom).toBe('2026-05-10');
    expect(Object.keys(await issuesOf('offers:update', { ...offer({ organizationId: ids.riceA }), id: rice.id }))).toEqual(['availableFrom']);
    // Another offer moved onto the organization that ended: refused at the organization, as a new one is.
    expect(await issuesOf('offers:update', { ...offer({ organizationId: ids.riceA }), id: other.id })).toEqual({
      organizationId: 'HTX Nông nghiệp Vĩnh Bình đã chấm dứt hoạt động từ ngày 18/05/2026.',
    });
    const history = await call(app, 'records:history', { kind: 'offer', id: rice.id });
    expect(history.entries.filter((entry) => entry.action === 'update')).toHaveLength(3);
  });

  it('says on an offer’s page that its seller is in the trash, and suggests nothing for it meanwhile', async () => {
    const rice = await call(app, 'offers:create', offer({ organizationId: ids.riceA }));
    await call(app, 'demands:create', demand({ requirements: [] }));
    expect((await call(app, 'offers:get', { id: rice.id })).sellerInTrash).toBe(false);
    expect(await call(app, 'offers:suggestDemands', { id: rice.id })).toHaveLength(1);
    await call(app, 'organizations:delete', { id: ids.riceA });
    expect((await call(app, 'offers:get', { id: rice.id })).sellerInTrash).toBe(true);
    expect(await call(app, 'offers:suggestDemands', { id: rice.id })).toEqual([]);
    await call(app, 'organizations:restore', { id: ids.riceA });
    expect((await call(app, 'offers:get', { id: rice.id })).sellerInTrash).toBe(false);
  });

  it('connects nothing while the seller or the buyer is in the trash, as it suggests nothing then', async () => {
    const rice = await call(app, 'offers:create', offer({ organizationId: ids.riceA, availableFrom: '2026-05-01' }));
    const wanted = await call(app, 'demands:create', demand({ requirements: [], neededFrom: '2026-05-10' }));
    const connection = { offerId: rice.id, demandId: wanted.id, quantity: 10, unitCode: 'tan', channelCode: 'sieu_thi', connectedOn: '2026-05-20' };
    // A page opened before the buyer went to the trash still has its Kết nối button.
    await call(app, 'partners:delete', { id: ids.coopMart });
    expect((await callFailing(app, 'connections:create', connection)).message).toBe('Bên mua của nhu cầu này đang ở Thùng rác; hãy khôi phục trước khi kết nối.');
    await call(app, 'partners:restore', { id: ids.coopMart });
    await call(app, 'organizations:delete', { id: ids.riceA });
    expect((await callFailing(app, 'connections:create', connection)).message).toBe('Bên bán của nguồn cung này đang ở Thùng rác; hãy khôi phục tổ chức đó trước khi kết nối.');
    await call(app, 'organizations:restore', { id: ids.riceA });
    expect((await call(app, 'connections:create', connection)).quantity).toBe(10);
  });

  it('drafts the agreement of a connection with the commitment running from the connection’s day at the earliest', async () => {
    const rice = await call(app, 'offers:create', offer({ organizationId: ids.riceA, availableFrom: '2026-05-01' }));
    const wanted = await call(app, 'demands:create', demand({ requirements: [], neededFrom: '2026-05-10' }));
    const connection = await call(app, 'connections:create', { offerId: rice.id, demandId: wanted.id, quantity: 10, unitCode: 'tan', channelCode: 'sieu_thi', connectedOn: '2026-05-20' });
    const { input } = await call(app, 'connections:agreementDraft', { id: connection.id });
    expect({ validFrom: input.validFrom, commitment: input.commitments[0] && { startsOn: input.commitments[0].startsOn, dueOn: input.commitments[0].dueOn } }).toEqual({
      validFrom: '2026-05-20',
      commitment: { startsOn: '2026-05-20', dueOn: '2026-06-30' },
    });
  });

  it('drafts an old connection’s agreement signed on the connection’s day, so that it saves as filled', async () => {
    // Connected on 20/05/2026, due by 30/06/2026; the seller was dissolved on 15/07/2026 and the
    // agreement is drawn up on 07/12/2026. Signed today it would end before its signing and after
    // its seller: refused twice before anyone typed a thing.
    const rice = await call(app, 'offers:create', offer({ organizationId: ids.riceA }));
    const wanted = await call(app, 'demands:create', demand({ requirements: [] }));
    const connection = await call(app, 'connections:create', { offerId: rice.id, demandId: wanted.id, quantity: 10, unitCode: 'tan', channelCode: 'sieu_thi', connectedOn: '2026-05-20' });
    app.setNow(on('2026-07-20'));
    await call(app, 'lifecycle:record', { kind: 'dissolution', date: '2026-07-15', decisionNo: '5/QĐ', subjectId: ids.riceA });
    app.setNow(on('2026-12-07'));
    const { input } = await call(app, 'connections:agreementDraft', { id: connection.id });
    expect([input.signedOn, input.validFrom, input.validUntil]).toEqual(['2026-05-20', '2026-05-20', '2026-06-30']);
    const { agreement } = await call(app, 'connections:createAgreement', { connectionId: connection.id, agreement: input });
    expect(agreement).toMatchObject({ signedOn: '2026-05-20', validUntil: '2026-06-30', status: 'expired' });
  });
});

describe('lookups', () => {
  it('adds, renames and protects what is in use', async () => {
    const group = await call(app, 'supply:saveProductGroup', { name: 'Hoa, cây cảnh', keywords: 'hoa, cây cảnh;lan' });
    expect(group).toEqual({ code: 'hoa_cay_canh', name: 'Hoa, cây cảnh', keywords: 'hoa, cây cảnh, lan' });
    expect(await issuesOf('supply:saveProductGroup', { name: 'Trái cây' })).toEqual({ name: 'Đã có nhóm sản phẩm «Trái cây»; hãy đặt tên khác.' });
    expect((await call(app, 'supply:lookupUse', undefined)).productGroups[group.code]).toBeUndefined();
    await call(app, 'offers:create', offer({ organizationId: ids.riceA, product: 'Lan hồ điệp', productGroupCode: group.code, quantity: 200, unitCode: 'chiec' }));
    const wanted = await call(app, 'demands:create', demand({ requirements: [], product: 'Lan', productGroupCode: group.code, quantity: 50, unitCode: 'chiec' }));
    const [lan] = (await call(app, 'offers:list', { productGroupCode: group.code })).rows;
    await call(app, 'connections:create', { offerId: lan?.id ?? 0, demandId: wanted.id, quantity: 20, unitCode: 'chiec', channelCode: 'tmdt', connectedOn: '2026-05-20' });
    // What uses each row, counted apart from the lookups themselves.
    const use = await call(app, 'supply:lookupUse', undefined);
    expect([use.productGroups[group.code], use.units.chiec, use.channels.tmdt]).toEqual([2, 3, 1]);
    expect((await callFailing(app, 'supply:deleteProductGroup', { code: group.code })).message).toBe(
      'Nhóm «Hoa, cây cảnh» đang được dùng cho 2 nguồn cung, nhu cầu; không xóa được. Có thể đổi tên nhóm.',
    );
    expect(await issuesOf('supply:saveUnit', { code: 'chiec', name: 'chiếc', baseCode: 'hop', perBase: 10 })).toEqual({
      perBase: 'Đơn vị «chiếc» đã dùng cho 3 nguồn cung, nhu cầu, kết nối; không đổi cách quy đổi được (số lượng đã ghi sẽ sai).',
    });
    const gram = await call(app, 'supply:saveUnit', { name: 'gam', aliases: 'g', baseCode: 'tan', perBase: 1_000_000 });
    expect(gram).toMatchObject({ code: 'gam', baseCode: 'tan', perBase: 1_000_000 });
    expect(await issuesOf('supply:saveUnit', { name: 'gờ ram', aliases: 'g' })).toEqual({ aliases: 'Cách viết này đã thuộc đơn vị «gam»; một cách viết chỉ chỉ một đơn vị.' });
    expect(await issuesOf('supply:saveUnit', { name: 'bì', baseCode: 'kg', perBase: 50 })).toEqual({ baseCode: '«kg» tự nó quy đổi sang đơn vị khác; hãy chọn đơn vị gốc của nó.' });
    const channel = await call(app, 'supply:saveChannel', { name: 'Bếp ăn tập thể' });
    await call(app, 'supply:deleteChannel', { code: channel.code });
    expect((await call(app, 'supply:lookups', undefined)).channels.map((row) => row.code)).not.toContain(channel.code);
  });

  it('has the programme with its working group, channels and events, and its history', async () => {
    const event = await call(app, 'events:create', { kind: 'supply_demand_conference', title: 'Hội nghị kết nối cung – cầu 2026', startsOn: '2026-04-10', provinceCode: AN_GIANG });
    const created = await call(app, 'programmes:create', {
      name: 'Chương trình 503',
      decisionNo: '503/CTr-LMHTXVN',
      startsOn: '2021-08-04',
      members: [{ name: 'Nguyễn Chí Thuần', role: 'Tổ trưởng' }, { name: 'Trần Thị B', role: 'Thành viên', phone: '0290 3831 234' }],
      channelCodes: ['cho_truyen_thong', 'tmdt', 'tmdt'],
    });
    await call(app, 'programmes:addEvent', { programmeId: created.id, eventId: event.id });
    const detail = await call(app, 'programmes:get', { id: created.id });
    expect(detail).toMatchObject({
      name: 'Chương trình 503',
      channelCodes: ['cho_truyen_thong', 'tmdt'],
      events: [{ id: event.id, title: 'Hội nghị kết nối cung – cầu 2026' }],
      members: [
        { name: 'Nguyễn Chí Thuần', role: 'Tổ trưởng', position: '', phone: '' },
        { name: 'Trần Thị B', role: 'Thành viên', position: '', phone: '0290 3831 234' },
      ],
    });
    expect((await call(app, 'programmes:results', { programmeId: created.id, from: '2026-01-01', to: '2026-12-31' })).events).toBe(1);
    expect(await issuesOf('programmes:create', { name: 'X', startsOn: '2026-02-01', endsOn: '2026-01-01' })).toEqual({
      endsOn: 'Ngày kết thúc không được trước ngày bắt đầu (01/02/2026).',
    });
    // A start that is no day is said at the start alone, not quoted to the end.
    expect(Object.keys(await issuesOf('programmes:create', { name: 'X', startsOn: '2026-02-31', endsOn: '2026-01-01' }))).toEqual(['startsOn']);
    await call(app, 'programmes:delete', { id: created.id });
    expect(await call(app, 'programmes:list', {})).toEqual([]);
    expect((await call(app, 'programmes:trash', {})).rows.map((row) => row.name)).toEqual(['Chương trình 503']);
    await call(app, 'programmes:restore', { id: created.id });
    const history = await call(app, 'records:history', { kind: 'programme', id: created.id });
    expect(history.entries.map((entry) => entry.action)).toEqual(['restore', 'delete', 'update', 'create']);
    expect(history.entries[2]?.changes).toEqual([{ field: 'event', before: null, after: { id: event.id, title: 'Hội nghị kết nối cung – cầu 2026', startsOn: '2026-04-10' } }]);
    expect(history.entries[3]?.changes).toEqual([
      { field: 'name', before: null, after: 'Chương trình 503' },
      { field: 'decisionNo', before: null, after: '503/CTr-LMHTXVN' },
      { field: 'startsOn', before: null, after: '2021-08-04' },
      {
        field: 'members',
        before: null,
        after: [
          { name: 'Nguyễn Chí Thuần', role: 'Tổ trưởng', position: '', phone: '' },
          { name: 'Trần Thị B', role: 'Thành viên', position: '', phone: '0290 3831 234' },
        ],
      },
      { field: 'channelCodes', before: null, after: ['cho_truyen_thong', 'tmdt'] },
    ]);
    expect(history.names).toEqual({ 'channelCodes:cho_truyen_thong': 'Chợ truyền thống', 'channelCodes:tmdt': 'Sàn thương mại điện tử' });
    expect(app.ctx.db.all(sql`SELECT count(*) AS n FROM programme_members`)).toEqual([{ n: 2 }]);
  });
});

describe('Cần chú ý', () => {
  it('lists offers opening within 14 days with no buyer, and demands needed soon still unserved', async () => {
    const soon = await call(app, 'offers:create', offer({ organizationId: ids.riceA, availableFrom: '2026-05-30' }));
    await call(app, 'offers:create', offer({ organizationId: ids.riceB, availableFrom: '2026-06-10', communeCode: XA_VINH_BINH }));
    const connected = await call(app, 'offers:create', offer({ organizationId: ids.mango, product: 'Gạo nếp', availableFrom: '2026-05-25', communeCode: XA_VINH_BINH }));
    const due = await call(app, 'demands:create', demand({ requirements: [], neededFrom: '2026-05-28', neededUntil: '2026-06-30' }));
    await call(app, 'demands:create', demand({ requirements: [], neededFrom: '2026-07-01', neededUntil: '2026-07-30' }));
    await call(app, 'connections:create', { offerId: connected.id, demandId: due.id, quantity: 20, unitCode: 'tan', channelCode: 'sieu_thi', connectedOn: '2026-05-20' });
    const list = await call(app, 'attention:list', {});
    expect(list.offersWithoutBuyer.map((row) => [row.offerId, row.organizationName, row.daysUntil])).toEqual([[soon.id, 'HTX Nông nghiệp Vĩnh Bình', 10]]);
    expect(list.unservedDemands.map((row) => [row.demandId, row.buyerName, row.remaining, row.unitName, row.daysUntil])).toEqual([[due.id, 'Saigon Co.op', 30, 'tấn', 8]]);
    app.setNow(on('2026-06-01'));
    expect((await call(app, 'attention:list', {})).offersWithoutBuyer.map((row) => row.daysUntil)).toEqual([9]);
    expect((await call(app, 'attention:list', {})).unservedDemands.map((row) => row.daysUntil)).toEqual([0]);
  });
});
