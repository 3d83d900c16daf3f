import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AN_GIANG, call, callFailing, openTestApp } from './support';

let app: ReturnType<typeof openTestApp>;
beforeEach(() => (app = openTestApp()));
afterEach(() => app.close());

describe('the alliance record', () => {
  it('is absent on first run, then saved and updated', async () => {
    expect(await call(app, 'alliance:get', undefined)).toBeNull();
    await call(app, 'alliance:save', { name: ' Liên minh  HTX tỉnh An Giang', provinceCode: AN_GIANG, chairName: 'Nguyễn Văn A' });
    expect(await call(app, 'alliance:get', undefined)).toEqual({
      name: 'Liên minh HTX tỉnh An Giang',
      provinceCode: AN_GIANG,
      address: '',
      chairName: 'Nguyễn Văn A',
      phone: '',
      email: '',
    });
    await call(app, 'alliance:save', { name: 'Liên minh Hợp tác xã tỉnh An Giang', provinceCode: AN_GIANG, email: 'lmhtx@angiang.gov.vn' });
    expect(await call(app, 'alliance:get', undefined)).toMatchObject({ name: 'Liên minh Hợp tác xã tỉnh An Giang', email: 'lmhtx@angiang.gov.vn', chairName: '' });
    const actions = app.ctx.db.$client.prepare("SELECT action FROM audit_log WHERE entity = 'alliance' ORDER BY id").pluck().all();
    expect(actions).toEqual(['create', 'update']);
  });

  it('refuses an unknown province and a malformed e-mail, keeping what was stored', async () => {
    await call(app, 'alliance:save', { name: 'Liên minh HTX tỉnh An Giang', provinceCode: AN_GIANG });
    const unknown = await callFailing(app, 'alliance:save', { name: 'X', provinceCode: '99' });
    expect(unknown).toMatchObject({ kind: 'validation', issues: [{ path: 'provinceCode', message: 'Tỉnh, thành phố không có trong danh sách 34 tỉnh, thành phố hiện hành.' }] });
    const email = await callFailing(app, 'alliance:save', { name: 'X', provinceCode: AN_GIANG, email: 'lmhtx@' });
    expect(email).toMatchObject({ kind: 'validation', issues: [{ path: 'email' }] });
    expect((await call(app, 'alliance:get', undefined))?.name).toBe('Liên minh HTX tỉnh An Giang');
  });
});

describe('an old address typed in the register form', () => {
  const suggest = (oldAddress: string) => call(app, 'places:suggestFromOldAddress', { oldAddress });
  const names = (match: { kind: string; candidates?: { fullName: string }[] }) => match.candidates?.map((commune) => commune.fullName);

  it('says why it asks when no old commune was divided, in the import’s words', async () => {
    await call(app, 'alliance:save', { name: 'Liên minh HTX tỉnh An Giang', provinceCode: AN_GIANG });
    // Old xã Vĩnh Trường was of huyện An Phú: not divided, but written beside a district that had none.
    const wrongDistrict = await suggest('ấp 2, xã Vĩnh Trường, huyện Châu Thành');
    expect(wrongDistrict.match.kind).toBe('ambiguous');
    expect(wrongDistrict.reason).toBe('Không có xã Vĩnh Trường trong huyện Châu Thành (cũ); xã Vĩnh Trường của huyện An Phú (cũ) nay thuộc xã Vĩnh Hậu.');
    // Two old xã Vĩnh Hòa, neither divided: each with where it went.
    const twoOfOneName = await suggest('xã Vĩnh Hòa');
    expect(names(twoOfOneName.match)).toEqual(['Xã Vĩnh Hòa', 'Xã Vĩnh Xương']);
    expect(twoOfOneName.reason).toBe(
      'Trước 01/07/2025 có 2 nơi mang tên này: xã Vĩnh Hòa của thị xã Tân Châu (cũ) nay thuộc xã Vĩnh Xương; xã Vĩnh Hòa của huyện U Minh Thượng (cũ) nay thuộc xã Vĩnh Hòa.',
    );
    // With its district, the one of that district.
    expect((await suggest('xã Vĩnh Hòa, thị xã Tân Châu')).match).toMatchObject({ kind: 'mapped', commune: { fullName: 'Xã Vĩnh Xương' } });
    // An old commune divided between two is said to be so by the form itself: no other reason.
    const divided = await suggest('xã Phú Hội, huyện An Phú');
    expect(names(divided.match)).toEqual(['Xã An Phú', 'Xã Nhơn Hội']);
    expect(divided.reason).toBeNull();
  });

  it('offers only communes of the alliance’s province, or of the one the address names, and says where an old commune went beyond it', async () => {
    await call(app, 'alliance:save', { name: 'Liên minh HTX tỉnh An Giang', provinceCode: AN_GIANG });
    // Old huyện Châu Thành of An Giang spanned today's provinces: its xã Tân Phú went to Đồng Tháp's Xã Tân Phú Trung.
    const tanPhu = await suggest('ấp Tân Phú, xã Tân Phú, huyện Châu Thành');
    expect(tanPhu).toEqual({
      match: { kind: 'unknown' },
      reason:
        'Theo danh mục đơn vị hành chính từ 01/07/2025, nơi này nay thuộc xã Tân Phú Trung (tỉnh Đồng Tháp), không thuộc tỉnh An Giang. Nếu tổ chức ở đó, hãy chọn tỉnh Đồng Tháp ở ô «Tỉnh, thành phố» rồi chọn xã, phường.',
    });
    // The district as a whole: where its communes went in An Giang, not Đồng Tháp's.
    const district = await suggest('Tân Phú Trung, Châu Thành');
    expect(names(district.match)).toEqual(['Xã An Châu', 'Xã Bình An', 'Xã Bình Hòa', 'Xã Cần Đăng', 'Xã Châu Thành', 'Xã Thạnh Lộc', 'Xã Vĩnh An', 'Xã Vĩnh Hanh']);
    // An address naming Đồng Tháp is read there, and its commune is of Đồng Tháp.
    expect((await suggest('xã Tân Phú Trung, huyện Châu Thành, tỉnh Đồng Tháp')).match).toMatchObject({
      kind: 'mapped',
      commune: { fullName: 'Xã Tân Phú Trung', provinceCode: '82' },
    });
  });

  it('names in its reason only the old communes that went into the province, whose communes alone it offers', async () => {
    await call(app, 'alliance:save', { name: 'Liên minh HTX tỉnh An Giang', provinceCode: AN_GIANG });
    // Old An Giang's only xã Tân Phú, of huyện Châu Thành, went to Đồng Tháp's xã Tân Phú Trung, which An Giang's form does not offer.
    const tanPhu = await suggest('ấp 1, xã Tân Phú, huyện An Phú');
    expect(names(tanPhu.match)).toEqual(['Xã An Phú', 'Xã Khánh Bình', 'Xã Nhơn Hội', 'Xã Phú Hữu', 'Xã Vĩnh Hậu']);
    expect(tanPhu.reason).toBe('Không có xã Tân Phú trong huyện An Phú (cũ).');
  });

  it('tells a divided old commune from its namesake of another district that was not', async () => {
    // Today's Phú Thọ took in old Hòa Bình, whose xã Cao Sơn of huyện Lương Sơn was divided and xã Cao Sơn of huyện Đà Bắc was not.
    await call(app, 'alliance:save', { name: 'Liên minh HTX tỉnh Phú Thọ', provinceCode: '25' });
    expect((await suggest('xã Cao Sơn, huyện Đà Bắc')).match).toMatchObject({ kind: 'mapped', commune: { fullName: 'Xã Cao Sơn' } });
    expect(await suggest('xã Cao Sơn, huyện Lương Sơn')).toMatchObject({ match: { kind: 'ambiguous' }, reason: null });
    expect((await suggest('xã Cao Sơn')).reason).toBe(
      'Trước 01/07/2025 có 2 nơi mang tên này: xã Cao Sơn của huyện Đà Bắc (cũ) nay thuộc xã Cao Sơn; xã Cao Sơn của huyện Lương Sơn (cũ) nay thuộc xã Lương Sơn hoặc xã Liên Sơn.',
    );
  });

  it('finds an old commune written with i where the catalogue writes y', async () => {
    await call(app, 'alliance:save', { name: 'Liên minh HTX tỉnh An Giang', provinceCode: AN_GIANG });
    // The catalogue's xã Ô Long Vỹ of huyện Châu Phú, now Xã Thạnh Mỹ Tây.
    expect(await suggest('Ấp Long Hòa, xã Ô Long Vĩ, H. Châu Phú')).toMatchObject({ match: { kind: 'mapped', commune: { fullName: 'Xã Thạnh Mỹ Tây' } }, reason: null });
  });
});
