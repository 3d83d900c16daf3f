import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AN_GIANG, call, callFailing, openTestApp, XA_VINH_AN, XA_VINH_BINH } from './support';

type TestApp = ReturnType<typeof openTestApp>;
let app: TestApp;

beforeEach(async () => {
  app = openTestApp();
  await call(app, 'alliance:save', { name: 'Liên minh Hợp tác xã tỉnh An Giang', provinceCode: AN_GIANG });
});
afterEach(() => app.close());

const vinhBinh = {
  kind: 'htx' as const,
  name: '  HTX  Nông nghiệp Vĩnh Bình ',
  registrationNo: '1600123456',
  communeCode: XA_VINH_AN,
};

describe('creating an organization', () => {
  it('stores it cleaned, with its commune, and leaves an audit row', async () => {
    const created = await call(app, 'organizations:create', vinhBinh);
    expect(created).toMatchObject({
      kind: 'htx',
      name: 'HTX Nông nghiệp Vĩnh Bình',
      registrationNo: '1600123456',
      provinceCode: AN_GIANG,
      communeCode: XA_VINH_AN,
      communeName: 'Xã Vĩnh An',
      status: 'active',
      createdAt: '2026-11-23T08:00:00.000Z',
    });
    expect(await call(app, 'organizations:get', { id: created.id })).toEqual(created);
    const audit = app.ctx.db.$client.prepare('SELECT entity, entity_id, action, after FROM audit_log WHERE entity = ?').all('organization');
    expect(audit).toEqual([
      { entity: 'organization', entity_id: created.id, action: 'create', after: JSON.stringify(created) },
    ]);
  });

  it('refuses a registration number that is already taken, naming the holder', async () => {
    const first = await call(app, 'organizations:create', vinhBinh);
    const error = await callFailing(app, 'organizations:create', { ...vinhBinh, name: 'HTX Khác' });
    expect(error).toEqual({
      kind: 'conflict',
      message: 'Mã số HTX 1600123456 đã có: HTX Nông nghiệp Vĩnh Bình (xã Vĩnh An). Mở hồ sơ đó?',
      existingId: first.id,
    });
    expect((await call(app, 'organizations:list', { page: 1, pageSize: 50 })).total).toBe(1);
  });

  it.each([
    [{ ...vinhBinh, name: '   ' }, 'name', 'Tên tổ chức không được để trống.'],
    [{ ...vinhBinh, name: 'x'.repeat(301) }, 'name', 'Tên tổ chức dài quá 300 ký tự.'],
    [{ ...vinhBinh, communeCode: '' }, 'communeCode', 'Chưa chọn xã, phường.'],
    [{ ...vinhBinh, communeCode: '99999' }, 'communeCode', 'Xã, phường đã chọn không có trong danh sách 3.321 xã, phường hiện hành.'],
    [{ ...vinhBinh, communeCode: '00004' }, 'communeCode', 'Phường Ba Đình không thuộc Tỉnh An Giang.'],
    [{ ...vinhBinh, registrationNo: '16001' }, 'registrationNo', expect.stringContaining('gồm 10 chữ số') as unknown],
    [{ ...vinhBinh, kind: 'company' }, 'kind', 'Chưa chọn loại hình tổ chức.'],
  ])('rejects bad input with a Vietnamese message on the field (%#)', async (input, path, message) => {
    const error = await callFailing(app, 'organizations:create', input);
    expect(error.kind).toBe('validation');
    expect(error.kind === 'validation' && error.issues).toEqual([{ path, message }]);
    expect((await call(app, 'organizations:list', { page: 1, pageSize: 50 })).total).toBe(0);
  });

  it('says plainly when an organization does not exist', async () => {
    expect(await callFailing(app, 'organizations:get', { id: 42 })).toEqual({
      kind: 'notFound',
      message: 'Không tìm thấy tổ chức số 42; có thể hồ sơ đã bị xóa.',
    });
  });
});

describe('finding organizations', () => {
  beforeEach(async () => {
    await call(app, 'organizations:create', vinhBinh);
    await call(app, 'organizations:create', { kind: 'htx', name: 'Hợp tác xã Đường thốt nốt Nhơn Hưng', communeCode: XA_VINH_AN });
    await call(app, 'organizations:create', { kind: 'tht', name: 'Tổ hợp tác Rau sạch Vĩnh Bình', communeCode: XA_VINH_BINH });
    await call(app, 'organizations:create', { kind: 'lhhtx', name: 'Liên hiệp HTX Thoại Sơn', shortName: 'LH Thoại Sơn', communeCode: XA_VINH_AN });
  });

  const names = async (query: string, kind?: 'htx' | 'tht') =>
    (await call(app, 'organizations:list', { query, kind, page: 1, pageSize: 50 })).rows.map((row) => row.name);

  it('ignores case and diacritics, đ included', async () => {
    expect(await names('vinh binh')).toEqual(['HTX Nông nghiệp Vĩnh Bình', 'Tổ hợp tác Rau sạch Vĩnh Bình']);
    expect(await names('VĨNH BÌNH')).toEqual(['HTX Nông nghiệp Vĩnh Bình', 'Tổ hợp tác Rau sạch Vĩnh Bình']);
    expect(await names('duong thot not')).toEqual(['Hợp tác xã Đường thốt nốt Nhơn Hưng']);
  });

  it('matches words in any order, registration numbers, short names and communes', async () => {
    expect(await names('binh nong')).toEqual(['HTX Nông nghiệp Vĩnh Bình']);
    expect(await names('1600123')).toEqual(['HTX Nông nghiệp Vĩnh Bình']);
    expect(await names('lh thoai')).toEqual(['Liên hiệp HTX Thoại Sơn']);
    // Sorted by folded name: "hop tac xa …" comes before "htx …".
    expect(await names('vinh an')).toEqual(['Hợp tác xã Đường thốt nốt Nhơn Hưng', 'HTX Nông nghiệp Vĩnh Bình', 'Liên hiệp HTX Thoại Sơn']);
  });

  it('filters by kind, counts, pages, and treats LIKE wildcards as text', async () => {
    expect(await names('vinh binh', 'tht')).toEqual(['Tổ hợp tác Rau sạch Vĩnh Bình']);
    const page2 = await call(app, 'organizations:list', { page: 2, pageSize: 3 });
    expect(page2.total).toBe(4);
    expect(page2.rows.map((row) => row.name)).toEqual(['Tổ hợp tác Rau sạch Vĩnh Bình']);
    expect(await names('%')).toEqual([]);
    expect(await names('_')).toEqual([]);
  });
});
