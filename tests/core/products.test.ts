import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AN_GIANG, call, callFailing, openTestApp, XA_VINH_AN } from './support';

type TestApp = ReturnType<typeof openTestApp>;
let app: TestApp;
let vinhBinh: number;
let other: number;

beforeEach(async () => {
  app = openTestApp();
  await call(app, 'alliance:save', { name: 'Liên minh Hợp tác xã tỉnh An Giang', provinceCode: AN_GIANG });
  vinhBinh = (await call(app, 'organizations:create', { kind: 'htx', name: 'HTX Nông nghiệp Vĩnh Bình', communeCode: XA_VINH_AN })).id;
  other = (await call(app, 'organizations:create', { kind: 'htx', name: 'HTX Đường thốt nốt Nhơn Hưng', communeCode: XA_VINH_AN })).id;
});
afterEach(() => app.close());

const lemon = { name: 'Chanh không hạt', productGroup: 'Trái cây', unit: 'tấn', volume: 120.5, price: 15_000 };

describe('products', () => {
  it('adds, changes and lists products by name with their certifications', async () => {
    const created = await call(app, 'products:save', { organizationId: vinhBinh, ...lemon });
    expect(created).toEqual({
      id: created.id,
      organizationId: vinhBinh,
      ...lemon,
      volumePeriod: 'year',
      note: '',
      certifications: [],
    });
    const rice = await call(app, 'products:save', {
      organizationId: vinhBinh,
      name: 'Gạo thơm Đài Thơm 8',
      unit: 'tấn',
      volume: 800,
      volumePeriod: 'season',
    });
    const changed = await call(app, 'products:save', { id: created.id, organizationId: vinhBinh, ...lemon, price: 18_000 });
    expect(changed.price).toBe(18_000);

    const ocop = await call(app, 'certifications:save', {
      organizationId: vinhBinh,
      productId: created.id,
      kindCode: 'ocop',
      stars: 4,
      number: '123/QĐ-UBND',
      issuer: 'UBND tỉnh An Giang',
      issuedOn: '2024-05-10',
      expiresOn: '2027-05-10',
    });
    const area = await call(app, 'certifications:save', { organizationId: vinhBinh, kindCode: 'ma_vung_trong', number: 'VN-AGOR-0101' });

    const list = await call(app, 'products:list', { organizationId: vinhBinh });
    // "Chanh" sorts before "Gạo".
    expect(list.products.map((p) => [p.name, p.volumePeriod, p.certifications.map((c) => c.id)])).toEqual([
      ['Chanh không hạt', 'year', [ocop.id]],
      ['Gạo thơm Đài Thơm 8', 'season', []],
    ]);
    expect(list.products[1]?.id).toBe(rice.id);
    expect(list.generalCertifications).toEqual([
      {
        id: area.id,
        organizationId: vinhBinh,
        productId: null,
        kindCode: 'ma_vung_trong',
        kindName: 'Mã số vùng trồng',
        stars: null,
        number: 'VN-AGOR-0101',
        issuer: '',
        issuedOn: null,
        expiresOn: null,
      },
    ]);
    expect(list.products[0]?.certifications[0]).toMatchObject({ kindName: 'OCOP', stars: 4, expiresOn: '2027-05-10' });
  });

  it('keeps certifications when their product is deleted, and audits on the organization', async () => {
    const product = await call(app, 'products:save', { organizationId: vinhBinh, ...lemon });
    const cert = await call(app, 'certifications:save', { organizationId: vinhBinh, productId: product.id, kindCode: 'vietgap' });
    expect(await call(app, 'products:delete', { id: product.id })).toBeNull();
    const list = await call(app, 'products:list', { organizationId: vinhBinh });
    expect(list.products).toEqual([]);
    expect(list.generalCertifications.map((c) => [c.id, c.productId])).toEqual([[cert.id, null]]);

    const audit = app.ctx.db.$client
      .prepare("SELECT before, after FROM audit_log WHERE entity = 'organization' AND entity_id = ? AND action = 'update' ORDER BY id")
      .all(vinhBinh) as { before: string; after: string }[];
    expect(audit.map((row) => [Object.keys(JSON.parse(row.after) as object)[0], JSON.parse(row.before) as unknown])).toEqual([
      ['product', { product: null }],
      ['certification', { certification: null }],
      ['product', { product: { id: product.id, organizationId: vinhBinh, ...lemon, volumePeriod: 'year', note: '' } }],
    ]);
    expect(await callFailing(app, 'products:delete', { id: product.id })).toMatchObject({ kind: 'notFound' });
  });

  it.each([
    [{ name: ' ' }, 'name', 'Tên sản phẩm không được để trống.'],
    [{ volume: -1 }, 'volume', 'Sản lượng không được âm.'],
    [{ price: 1.5 }, 'price', 'Giá bán phải là số nguyên.'],
    [{ volumePeriod: 'month' }, 'volumePeriod', 'Sản lượng tính theo năm hoặc theo vụ.'],
    [{ unit: ' ' }, 'unit', 'Sản lượng cần có đơn vị tính (tấn, kg, …).'],
  ])('rejects a product with %j', async (fields, path, message) => {
    const error = await callFailing(app, 'products:save', { organizationId: vinhBinh, ...lemon, ...fields });
    expect(error.kind === 'validation' && error.issues).toEqual([{ path, message }]);
  });

  it('refuses to change another organization’s product', async () => {
    const product = await call(app, 'products:save', { organizationId: vinhBinh, ...lemon });
    expect(await callFailing(app, 'products:save', { id: product.id, organizationId: other, ...lemon })).toEqual({
      kind: 'notFound',
      message: 'Không tìm thấy sản phẩm này; có thể đã bị xóa hẳn. Hãy tải lại danh sách.',
    });
  });
});

describe('certifications', () => {
  it.each([
    [{ kindCode: 'ocop' }, 'stars', 'Chứng nhận OCOP cần số sao (từ 1 đến 5).'],
    [{ kindCode: 'ocop', stars: 6 }, 'stars', 'Số sao OCOP từ 1 đến 5.'],
    [{ kindCode: 'vietgap', stars: 3 }, 'stars', 'Chứng nhận VietGAP không xếp sao; hãy để trống số sao.'],
    [{ kindCode: 'iso9001' }, 'kindCode', 'Loại chứng nhận «iso9001» không có trong danh mục.'],
    [{ kindCode: 'vietgap', issuedOn: '2025-01-10', expiresOn: '2024-12-31' }, 'expiresOn', 'Ngày hết hạn không được trước ngày cấp.'],
    [{ kindCode: 'vietgap', expiresOn: '2025-02-30' }, 'expiresOn', 'Ngày hết hạn không phải một ngày có thật (dạng ngày/tháng/năm).'],
  ])('rejects %j with a message on the field', async (fields, path, message) => {
    const error = await callFailing(app, 'certifications:save', { organizationId: vinhBinh, ...fields });
    expect(error.kind === 'validation' && error.issues).toEqual([{ path, message }]);
  });

  it('refuses a product of another organization', async () => {
    const product = await call(app, 'products:save', { organizationId: other, name: 'Đường thốt nốt' });
    const error = await callFailing(app, 'certifications:save', { organizationId: vinhBinh, productId: product.id, kindCode: 'vietgap' });
    expect(error.kind === 'validation' && error.issues).toEqual([{ path: 'productId', message: 'Sản phẩm đã chọn không thuộc tổ chức này.' }]);
  });

  it('changes and deletes a certification', async () => {
    const cert = await call(app, 'certifications:save', { organizationId: vinhBinh, kindCode: 'ocop', stars: 3 });
    const changed = await call(app, 'certifications:save', { id: cert.id, organizationId: vinhBinh, kindCode: 'ocop', stars: 4 });
    expect([changed.id, changed.stars]).toEqual([cert.id, 4]);
    expect(await call(app, 'certifications:delete', { id: cert.id })).toBeNull();
    expect((await call(app, 'products:list', { organizationId: vinhBinh })).generalCertifications).toEqual([]);
    expect(await callFailing(app, 'certifications:delete', { id: cert.id })).toEqual({
      kind: 'notFound',
      message: 'Không tìm thấy giấy chứng nhận này; có thể đã bị xóa hẳn. Hãy tải lại danh sách.',
    });
  });
});

describe('the history of a certificate', () => {
  it('keeps every field before and after an edit, with the name of the product certified', async () => {
    const lemonId = (await call(app, 'products:save', { organizationId: vinhBinh, ...lemon })).id;
    const saved = { organizationId: vinhBinh, productId: lemonId, kindCode: 'ocop', stars: 3, number: '125/QĐ-UBND', issuer: 'UBND tỉnh', issuedOn: '2023-12-20', expiresOn: '2026-12-20' };
    const { id } = await call(app, 'certifications:save', saved);
    await call(app, 'certifications:save', { id, ...saved, expiresOn: '2026-12-06' });
    const [edit] = (await call(app, 'records:history', { kind: 'organization', id: vinhBinh })).entries;
    const kept = { id, ...saved, kindName: 'OCOP', productName: 'Chanh không hạt' };
    expect(edit?.changes).toEqual([{ field: 'certification', before: kept, after: { ...kept, expiresOn: '2026-12-06' } }]);
  });
});

describe('certifications running out', () => {
  beforeEach(async () => {
    const lemonId = (await call(app, 'products:save', { organizationId: vinhBinh, ...lemon })).id;
    await call(app, 'certifications:save', { organizationId: vinhBinh, productId: lemonId, kindCode: 'ocop', stars: 4, number: 'A', expiresOn: '2027-01-15' });
    await call(app, 'certifications:save', { organizationId: vinhBinh, kindCode: 'vietgap', number: 'B', expiresOn: '2026-12-01' });
    await call(app, 'certifications:save', { organizationId: vinhBinh, kindCode: 'globalgap', number: 'C', expiresOn: '2026-11-20' });
    await call(app, 'certifications:save', { organizationId: other, kindCode: 'attp', number: 'D', expiresOn: '2026-12-10' });
    await call(app, 'certifications:save', { organizationId: other, kindCode: 'huu_co', number: 'E', expiresOn: null });
  });

  const numbers = async (withinDays?: number) => (await call(app, 'certifications:expiring', { withinDays })).map((c) => [c.number, c.daysLeft]);

  it('lists those expiring within the days asked, and those run out and not renewed, nearest to today first, with days left from today', async () => {
    // Today is 23/11/2026: C ran out three days ago and stays listed until it is renewed.
    expect(await numbers()).toEqual([
      ['C', -3],
      ['B', 8],
      ['D', 17],
      ['A', 53],
    ]);
    expect(await numbers(10)).toEqual([
      ['C', -3],
      ['B', 8],
    ]);
    const vietGap = (await call(app, 'certifications:expiring', {})).find((c) => c.number === 'B');
    expect(vietGap).toEqual({
      certificationId: expect.any(Number) as unknown,
      organizationId: vinhBinh,
      organizationName: 'HTX Nông nghiệp Vĩnh Bình',
      productName: '',
      kindName: 'VietGAP',
      stars: null,
      number: 'B',
      expiresOn: '2026-12-01',
      daysLeft: 8,
    });
    const ocop = (await call(app, 'certifications:expiring', {})).at(-1);
    expect([ocop?.productName, ocop?.stars]).toEqual(['Chanh không hạt', 4]);
  });

  it('moves with the clock: one run out is kept for 12 months', async () => {
    app.setNow(new Date('2026-12-05T08:00:00Z'));
    // Nearest to today first, run out or not.
    expect(await numbers(30)).toEqual([
      ['B', -4],
      ['D', 5],
      ['C', -15],
    ]);
    app.setNow(new Date('2027-11-20T08:00:00Z'));
    expect((await numbers(0)).map(([n]) => n)).toEqual(['A', 'D', 'B', 'C']);
    app.setNow(new Date('2027-11-21T08:00:00Z'));
    expect((await numbers(0)).map(([n]) => n)).toEqual(['A', 'D', 'B']);
  });

  it('leaves out one renewed: a newer certificate of its kind for the same product, or for the organization', async () => {
    const lemonId = (await call(app, 'products:list', { organizationId: vinhBinh })).products[0]?.id ?? 0;
    const riceId = (await call(app, 'products:save', { organizationId: vinhBinh, name: 'Gạo ST25' })).id;
    // An OCOP certificate of another product, or one of another kind, renews nothing.
    await call(app, 'certifications:save', { organizationId: vinhBinh, productId: riceId, kindCode: 'ocop', stars: 4, number: 'A2', expiresOn: '2029-01-15' });
    await call(app, 'certifications:save', { organizationId: vinhBinh, kindCode: 'attp', number: 'C2', expiresOn: '2029-11-20' });
    expect((await numbers()).map(([n]) => n)).toEqual(['C', 'B', 'D', 'A']);
    // The lemons' OCOP renewed with more stars; GlobalGAP renewed with no expiry, issued after it.
    await call(app, 'certifications:save', { organizationId: vinhBinh, productId: lemonId, kindCode: 'ocop', stars: 5, number: 'A3', expiresOn: '2030-01-15' });
    await call(app, 'certifications:save', { organizationId: vinhBinh, kindCode: 'globalgap', number: 'C3', issuedOn: '2026-11-21', expiresOn: null });
    expect((await numbers()).map(([n]) => n)).toEqual(['B', 'D']);
    // An older one that ran out last December was renewed by B, and does not hide B.
    await call(app, 'certifications:save', { organizationId: vinhBinh, kindCode: 'vietgap', number: 'B0', expiresOn: '2025-12-24' });
    expect((await numbers()).map(([n]) => n)).toEqual(['B', 'D']);
  });

  it('leaves out organizations that have ended or are in the trash', async () => {
    await call(app, 'lifecycle:record', { kind: 'dissolution', date: '2026-10-01', subjectId: other });
    expect((await numbers()).map(([n]) => n)).toEqual(['C', 'B', 'A']);
    await call(app, 'organizations:delete', { id: vinhBinh });
    expect(await numbers()).toEqual([]);
  });
});
