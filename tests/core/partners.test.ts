import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InputOf } from '../../src/shared/contract';
import { ensureDerivedStructures } from '../../src/core/db/derived';
import { refreshNameKeys } from '../../src/core/nameRules';
import { nameRulesFingerprint, partnerNameKey } from '../../src/shared/names';
import { AN_GIANG, call, callFailing, openTestApp, XA_VINH_AN } from './support';

type TestApp = ReturnType<typeof openTestApp>;
let app: TestApp;

const HA_NOI = '01';
const HO_CHI_MINH = '79';
const CA_MAU = '96';

beforeEach(async () => {
  app = openTestApp();
  await call(app, 'alliance:save', { name: 'Liên minh Hợp tác xã tỉnh An Giang', provinceCode: AN_GIANG });
});
afterEach(() => app.close());

const thucPhamHaNoi: InputOf<'partners:create'> = {
  kind: 'enterprise',
  businessLine: 'processing',
  name: '  Công ty CP  Thực phẩm Hà Nội ',
  shortName: 'Hafoods',
  taxCode: '0101 234 567',
  provinceCode: HA_NOI,
  address: '25 Trần Hưng Đạo, phường Hoàn Kiếm',
  contactName: 'Nguyễn Văn Đức',
  contactRole: 'Trưởng phòng thu mua',
  phone: '024 3825 1234',
  email: 'thumua@hafoods.vn',
  buys: 'Gạo thơm, xoài cát Hòa Lộc',
  qualityRequirements: 'VietGAP; truy xuất nguồn gốc',
};

const saiGonCoop: InputOf<'partners:create'> = {
  kind: 'enterprise',
  businessLine: 'supermarket',
  name: 'Liên hiệp HTX Thương mại TP. Hồ Chí Minh (Saigon Co.op)',
  shortName: 'Saigon Co.op',
  taxCode: '0301175691',
  provinceCode: HO_CHI_MINH,
  contactName: 'Trần Thị Lan',
  buys: 'Rau an toàn, trứng gà',
};

const choBinhDien: InputOf<'partners:create'> = {
  kind: 'wholesale_market',
  name: 'Chợ đầu mối nông sản Bình Điền',
  provinceCode: HO_CHI_MINH,
  buys: 'Cá tra, lươn đồng',
};

const lienMinhCaMau: InputOf<'partners:create'> = {
  kind: 'alliance',
  name: 'Liên minh Hợp tác xã tỉnh Cà Mau',
  provinceCode: CA_MAU,
  contactName: 'Lê Minh Đạt',
};

async function listNames(input: Partial<InputOf<'partners:list'>> = {}): Promise<string[]> {
  const page = await call(app, 'partners:list', { page: 1, pageSize: 50, ...input });
  return page.rows.map((row) => row.name);
}

function auditRows(): { entity_id: number; action: string; before: string | null; after: string | null }[] {
  return app.ctx.db.$client
    .prepare("SELECT entity_id, action, before, after FROM audit_log WHERE entity = 'partner' ORDER BY id")
    .all() as { entity_id: number; action: string; before: string | null; after: string | null }[];
}

describe('partnerNameKey', () => {
  it('reads the legal forms of enterprises and their abbreviations as one', () => {
    for (const name of ['Công ty CP Thực phẩm Hà Nội', 'CTCP Thực phẩm Hà Nội', 'Công ty Cổ phần Thực phẩm Hà Nội', 'Cty CP. Thực Phẩm Hà Nội']) {
      expect(partnerNameKey(name)).toBe('thuc pham ha noi');
    }
    expect(partnerNameKey('Công ty TNHH MTV Xuất nhập khẩu Đồng Tâm')).toBe('xuat nhap khau dong tam');
    expect(partnerNameKey('Cty TNHH XNK Đồng Tâm')).toBe('xuat nhap khau dong tam');
    expect(partnerNameKey('DNTN Thương mại Phú Quý')).toBe('thuong mai phu quy');
    expect(partnerNameKey('DN TM Phú Quý')).toBe('thuong mai phu quy');
    expect(partnerNameKey('Liên minh HTX tỉnh Cà Mau')).toBe('lien minh hop tac xa tinh ca mau');
  });
});

describe('creating a partner', () => {
  it('stores it cleaned, with its province, and leaves an audit row', async () => {
    const created = await call(app, 'partners:create', thucPhamHaNoi);
    expect(created).toEqual({
      id: created.id,
      kind: 'enterprise',
      businessLine: 'processing',
      name: 'Công ty CP Thực phẩm Hà Nội',
      shortName: 'Hafoods',
      taxCode: '0101234567',
      provinceCode: HA_NOI,
      provinceName: 'Thành phố Hà Nội',
      contactName: 'Nguyễn Văn Đức',
      phone: '024 3825 1234',
      buys: 'Gạo thơm, xoài cát Hòa Lộc',
    });
    expect(await call(app, 'partners:get', { id: created.id })).toEqual({
      ...created,
      address: '25 Trần Hưng Đạo, phường Hoàn Kiếm',
      contactRole: 'Trưởng phòng thu mua',
      email: 'thumua@hafoods.vn',
      website: '',
      qualityRequirements: 'VietGAP; truy xuất nguồn gốc',
      note: '',
      createdAt: '2026-11-23T08:00:00.000Z',
      updatedAt: '2026-11-23T08:00:00.000Z',
    });
    const audit = auditRows();
    expect(audit).toMatchObject([{ entity_id: created.id, action: 'create', before: null }]);
    expect(JSON.parse(audit[0]?.after ?? 'null')).toMatchObject({
      kind: 'enterprise',
      businessLine: 'processing',
      name: 'Công ty CP Thực phẩm Hà Nội',
      taxCode: '0101234567',
      provinceCode: HA_NOI,
    });
  });

  it('refuses a tax code another partner holds, naming it and its province', async () => {
    const first = await call(app, 'partners:create', thucPhamHaNoi);
    const error = await callFailing(app, 'partners:create', { ...choBinhDien, taxCode: '0101234567' });
    expect(error).toEqual({
      kind: 'conflict',
      message: 'Mã số thuế 0101234567 đã có: Công ty CP Thực phẩm Hà Nội (Hà Nội).',
      existingId: first.id,
    });
    expect((await call(app, 'partners:list', { page: 1, pageSize: 50 })).total).toBe(1);
  });

  it('asks before saving a second partner of nearly the same name in the same province', async () => {
    const first = await call(app, 'partners:create', thucPhamHaNoi);
    const similar = { kind: 'enterprise' as const, name: 'CTCP Thực phẩm Hà Nội', provinceCode: HA_NOI };
    expect(await callFailing(app, 'partners:create', similar)).toEqual({
      kind: 'conflict',
      message: 'Đã có đối tác tên gần giống ở Hà Nội: Công ty CP Thực phẩm Hà Nội. Nếu đúng là đối tác khác, hãy xác nhận để lưu.',
      existingId: first.id,
      similar: [{ id: first.id, name: 'Công ty CP Thực phẩm Hà Nội', detail: '25 Trần Hưng Đạo, phường Hoàn Kiếm, mã số thuế 0101234567' }],
    });
    expect(await call(app, 'partners:checkDuplicates', { name: 'CTCP Thực phẩm Hà Nội', provinceCode: HA_NOI })).toEqual([
      { id: first.id, name: 'Công ty CP Thực phẩm Hà Nội', detail: '25 Trần Hưng Đạo, phường Hoàn Kiếm, mã số thuế 0101234567', reason: 'sameName' },
    ]);
    // The same name in another province is another partner.
    await call(app, 'partners:create', { ...similar, provinceCode: HO_CHI_MINH });
    const confirmed = await call(app, 'partners:create', { ...similar, confirmedSimilarIds: [first.id] });
    expect(confirmed.name).toBe('CTCP Thực phẩm Hà Nội');
    expect((await call(app, 'partners:list', { page: 1, pageSize: 50 })).total).toBe(3);
  });

  it('takes a confirmation only for the partners of the name the person was shown, and tells them apart', async () => {
    const first = await call(app, 'partners:create', thucPhamHaNoi);
    const again = { kind: 'enterprise' as const, name: 'CTCP Thực phẩm Hà Nội', provinceCode: HA_NOI };
    // An id of another partner, or of none, confirms nothing.
    expect(await callFailing(app, 'partners:create', { ...again, confirmedSimilarIds: [first.id + 100] })).toMatchObject({ kind: 'conflict', existingId: first.id });
    const second = await call(app, 'partners:create', { ...again, confirmedSimilarIds: [first.id] });
    // A third of the name: the second was not seen when the first was confirmed.
    const third = { ...again, name: 'Công ty Cổ phần Thực phẩm Hà Nội' };
    expect(await callFailing(app, 'partners:create', { ...third, confirmedSimilarIds: [first.id] })).toEqual({
      kind: 'conflict',
      message: 'Đã có 2 đối tác tên gần giống ở Hà Nội: Công ty CP Thực phẩm Hà Nội và CTCP Thực phẩm Hà Nội. Nếu đúng là đối tác khác, hãy xác nhận để lưu.',
      existingId: first.id,
      similar: [
        { id: first.id, name: 'Công ty CP Thực phẩm Hà Nội', detail: '25 Trần Hưng Đạo, phường Hoàn Kiếm, mã số thuế 0101234567' },
        { id: second.id, name: 'CTCP Thực phẩm Hà Nội', detail: 'Hà Nội, chưa có mã số thuế' },
      ],
    });
    expect((await call(app, 'partners:create', { ...third, confirmedSimilarIds: [first.id, second.id] })).name).toBe('Công ty Cổ phần Thực phẩm Hà Nội');
  });

  it('finds a partner with the same tax code wherever it is', async () => {
    const first = await call(app, 'partners:create', thucPhamHaNoi);
    expect(
      await call(app, 'partners:checkDuplicates', { name: 'Công ty khác hẳn', provinceCode: CA_MAU, taxCode: '0101234567' }),
    ).toEqual([{ id: first.id, name: 'Công ty CP Thực phẩm Hà Nội', detail: '25 Trần Hưng Đạo, phường Hoàn Kiếm, mã số thuế 0101234567', reason: 'taxCode' }]);
    expect(
      await call(app, 'partners:checkDuplicates', { name: 'CTCP Thực phẩm Hà Nội', provinceCode: HA_NOI, taxCode: '0101234567', excludeId: first.id }),
    ).toEqual([]);
  });

  it.each([
    [{ ...choBinhDien, name: '  ' }, 'name', 'Tên đối tác không được để trống.'],
    [{ ...choBinhDien, kind: 'company' }, 'kind', 'Chưa chọn loại đối tác.'],
    [{ ...choBinhDien, provinceCode: '' }, 'provinceCode', 'Chưa chọn tỉnh, thành phố.'],
    [{ ...choBinhDien, provinceCode: '89' }, 'provinceCode', 'Tỉnh, thành phố đã chọn không có trong danh sách 34 tỉnh, thành phố hiện hành.'],
    [
      { ...choBinhDien, taxCode: '01012345' },
      'taxCode',
      'Mã số thuế gồm 10 chữ số, hoặc 10 chữ số, gạch ngang và 3 chữ số (ví dụ 0101234567).',
    ],
    // Copied from an Excel number cell that dropped the leading 0: refused, with the code to write.
    [
      { ...choBinhDien, taxCode: '310340517' },
      'taxCode',
      'Mã số thuế có 10 chữ số, «310340517» mới có 9 — nếu Excel đã bỏ số 0 ở đầu, hãy ghi 0310340517.',
    ],
    [{ ...choBinhDien, email: 'cho binh dien@' }, 'email', 'Thư điện tử không đúng dạng (ví dụ: lienminh@angiang.gov.vn).'],
    [{ ...choBinhDien, email: 'kd@binhdien.vn; ketoan@' }, 'email', 'Thư điện tử không đúng dạng (ví dụ: lienminh@angiang.gov.vn).'],
    [
      { ...choBinhDien, businessLine: 'export' },
      'businessLine',
      'Ngành kinh doanh chỉ ghi cho đối tác là doanh nghiệp; hãy bỏ trống hoặc đổi loại đối tác.',
    ],
  ])('rejects bad input with a Vietnamese message on the field (%#)', async (input, path, message) => {
    const error = await callFailing(app, 'partners:create', input);
    expect(error.kind).toBe('validation');
    expect(error.kind === 'validation' && error.issues).toEqual([{ path, message }]);
    expect((await call(app, 'partners:list', { page: 1, pageSize: 50 })).total).toBe(0);
  });

  it('takes several e-mail addresses set apart by semicolons, commas or slashes, as typed', async () => {
    const partner = await call(app, 'partners:create', { ...saiGonCoop, email: ' kinhdoanh@saigonco-op.com.vn;  ketoan@saigonco-op.com.vn , info@coopmart.vn / cskh@coopmart.vn ' });
    expect((await call(app, 'partners:get', { id: partner.id })).email).toBe('kinhdoanh@saigonco-op.com.vn; ketoan@saigonco-op.com.vn , info@coopmart.vn / cskh@coopmart.vn');
  });

  it('takes a branch tax code (10-3 digits) and a business line for an enterprise', async () => {
    const branch = await call(app, 'partners:create', { ...saiGonCoop, taxCode: '0301175691-012' });
    expect(branch).toMatchObject({ taxCode: '0301175691-012', businessLine: 'supermarket' });
  });

  it('says plainly when a partner does not exist', async () => {
    expect(await callFailing(app, 'partners:get', { id: 42 })).toEqual({
      kind: 'notFound',
      message: 'Không tìm thấy đối tác này; có thể đã bị xóa hẳn. Hãy tải lại danh sách.',
    });
  });
});

describe('listing partners', () => {
  beforeEach(async () => {
    for (const partner of [thucPhamHaNoi, saiGonCoop, choBinhDien, lienMinhCaMau]) await call(app, 'partners:create', partner);
  });

  it('searches ignoring case and diacritics, đ read as d, over name, tax code, contact and what they buy', async () => {
    expect(await listNames({ search: 'cong ty thuc pham ha noi' })).toEqual(['Công ty CP Thực phẩm Hà Nội']);
    expect(await listNames({ search: 'CHỢ ĐẦU MỐI' })).toEqual(['Chợ đầu mối nông sản Bình Điền']);
    expect(await listNames({ search: 'dau moi' })).toEqual(['Chợ đầu mối nông sản Bình Điền']);
    expect(await listNames({ search: '0301175' })).toEqual(['Liên hiệp HTX Thương mại TP. Hồ Chí Minh (Saigon Co.op)']);
    expect(await listNames({ search: 'minh dat' })).toEqual(['Liên minh Hợp tác xã tỉnh Cà Mau']);
    expect(await listNames({ search: 'xoai' })).toEqual(['Công ty CP Thực phẩm Hà Nội']);
    expect(await listNames({ search: 'luon' })).toEqual(['Chợ đầu mối nông sản Bình Điền']);
    // Short words match the start of a word, as in the register: "d" finds "Đức", "đầu", "Đạt", not "Saigon".
    expect(await listNames({ search: 'd' })).toEqual([
      'Chợ đầu mối nông sản Bình Điền',
      'Công ty CP Thực phẩm Hà Nội',
      'Liên minh Hợp tác xã tỉnh Cà Mau',
    ]);
    expect(await listNames({ search: 'nothing like this' })).toEqual([]);
  });

  it('puts the names closest to what was typed first, as the register does, page after page', async () => {
    for (const name of ['Công ty Cổ phần Chế biến Nông sản Đại Phúc An Giang 35', 'Công ty Cổ phần Đầu tư Phú Gia 5', 'Công ty TNHH Phân phối Minh Phát 1', 'Công ty CP Đầu tư Hưng Phát Minh Châu']) {
      await call(app, 'partners:create', { kind: 'enterprise', name, provinceCode: AN_GIANG });
    }
    expect(await listNames({ search: 'cty cp phu gia' })).toEqual(['Công ty Cổ phần Đầu tư Phú Gia 5', 'Công ty Cổ phần Chế biến Nông sản Đại Phúc An Giang 35']);
    expect(await listNames({ search: 'minh phat' })).toEqual(['Công ty TNHH Phân phối Minh Phát 1', 'Công ty CP Đầu tư Hưng Phát Minh Châu']);
    expect((await call(app, 'partners:list', { search: 'minh phat', page: 2, pageSize: 1 })).rows.map((row) => row.name)).toEqual(['Công ty CP Đầu tư Hưng Phát Minh Châu']);
  });

  it('ranks every partner a search finds, not only the first thousand by name, each page keeping only its rows', async () => {
    // 1,100 names holding both words apart, all before the closest by name.
    for (let number = 1; number <= 1100; number++) {
      await call(app, 'partners:create', { kind: 'enterprise', name: `Công ty TNHH Phát Đạt Vĩnh Long ${String(number)}`, provinceCode: AN_GIANG });
    }
    await call(app, 'partners:create', { kind: 'enterprise', name: 'Công ty TNHH Vĩnh Phát', provinceCode: AN_GIANG });
    const page = await call(app, 'partners:list', { search: 'vinh phat', page: 1, pageSize: 3 });
    expect([page.total, page.rows.map((row) => row.name)]).toEqual([1101, ['Công ty TNHH Vĩnh Phát', 'Công ty TNHH Phát Đạt Vĩnh Long 1', 'Công ty TNHH Phát Đạt Vĩnh Long 10']]);
    // Past the thousandth row the list goes on in the same order: by closeness, then by name.
    const far = await call(app, 'partners:list', { search: 'vinh phat', page: 367, pageSize: 3 });
    expect(far.rows.map((row) => row.name)).toEqual(['Công ty TNHH Phát Đạt Vĩnh Long 997', 'Công ty TNHH Phát Đạt Vĩnh Long 998', 'Công ty TNHH Phát Đạt Vĩnh Long 999']);
  }, 60_000);

  it('finds a partner by its phone number, typed with or without spaces, dots or hyphens, however it was stored', async () => {
    await call(app, 'partners:create', { ...choBinhDien, name: 'Công ty TNHH Minh Phát', taxCode: '', phone: '0912.345.678' });
    await call(app, 'partners:create', { ...choBinhDien, name: 'Công ty TNHH Phú Gia', taxCode: '', phone: '+84 913 222 333' });
    for (const typed of ['0912345678', '0912 345 678', '0912.345.678', '0912-345-678', '345 678', '+84 912 345 678']) {
      expect(await listNames({ search: typed })).toEqual(['Công ty TNHH Minh Phát']);
    }
    expect(await listNames({ search: '0913222333' })).toEqual(['Công ty TNHH Phú Gia']);
    expect(await listNames({ search: '(024) 38251234' })).toEqual(['Công ty CP Thực phẩm Hà Nội']);
    // A tax code is still found as typed, its hyphen and all.
    await call(app, 'partners:create', { ...saiGonCoop, name: 'Co.opmart Cống Quỳnh', taxCode: '0301175691-012' });
    expect(await listNames({ search: '0301175691-012' })).toEqual(['Co.opmart Cống Quỳnh']);
  });

  it('finds each typed word in any field, a word of digits also in the phone: a name and part of the number together', async () => {
    const anGiang = { ...choBinhDien, kind: 'enterprise' as const, provinceCode: AN_GIANG, buys: '' };
    await call(app, 'partners:create', { ...anGiang, name: 'Công ty TNHH Nông sản An Giang', phone: '0296 3851 234' });
    await call(app, 'partners:create', { ...anGiang, name: 'Công ty TNHH Thương mại An Giang', phone: '0912 000 111' });
    await call(app, 'partners:create', { ...anGiang, name: 'Công ty TNHH Minh Phát', phone: '(0296) 3999 888' });
    for (const typed of ['nong san 0296', '0296 nông sản', 'Nông sản 3851 234', 'nông sản 0296-3851', 'san (0296)']) {
      expect(await listNames({ search: typed })).toEqual(['Công ty TNHH Nông sản An Giang']);
    }
    expect(await listNames({ search: '0296' })).toEqual(['Công ty TNHH Minh Phát', 'Công ty TNHH Nông sản An Giang']);
    // The province is a field too: Minh Phát is in An Giang though its name does not say so, after the name that does.
    expect(await listNames({ search: 'an giang 0296' })).toEqual(['Công ty TNHH Nông sản An Giang', 'Công ty TNHH Minh Phát']);
    // A contact's name and part of the phone, diacritics left out: Nguyễn Văn Đức, 024 3825 1234.
    expect(await listNames({ search: 'duc 3825' })).toEqual(['Công ty CP Thực phẩm Hà Nội']);
    // Every word must be found somewhere.
    expect(await listNames({ search: 'an giang 0777' })).toEqual([]);
  });

  it('finds a partner by its province and its address, diacritics left out, with part of its phone', async () => {
    const anGiang = { kind: 'enterprise' as const, provinceCode: AN_GIANG };
    await call(app, 'partners:create', { ...anGiang, name: 'Công ty TNHH Minh Phát', address: '12 Trần Hưng Đạo, phường Long Xuyên', phone: '0973 111 222' });
    await call(app, 'partners:create', { ...anGiang, name: 'Công ty TNHH Phú Gia', address: 'Ấp Hòa Long, xã Vĩnh Bình', phone: '0912 555 666' });
    // Neither name says An Giang: the province does.
    expect(await listNames({ search: 'an giang' })).toEqual(['Công ty TNHH Minh Phát', 'Công ty TNHH Phú Gia']);
    expect(await listNames({ search: 'AN GIANG 0973' })).toEqual(['Công ty TNHH Minh Phát']);
    // As the list shows the province: «Tỉnh An Giang».
    expect(await listNames({ search: 'tỉnh an giang' })).toEqual(['Công ty TNHH Minh Phát', 'Công ty TNHH Phú Gia']);
    expect(await listNames({ search: '0912 an giang' })).toEqual(['Công ty TNHH Phú Gia']);
    // A street and a ward of the address; Thực phẩm Hà Nội is on a Trần Hưng Đạo street too.
    expect(await listNames({ search: 'long xuyen' })).toEqual(['Công ty TNHH Minh Phát']);
    expect(await listNames({ search: 'tran hung dao' })).toEqual(['Công ty CP Thực phẩm Hà Nội', 'Công ty TNHH Minh Phát']);
    expect(await listNames({ search: 'hung dao an giang' })).toEqual(['Công ty TNHH Minh Phát']);
    expect(await listNames({ search: 'tran hung dao 024' })).toEqual(['Công ty CP Thực phẩm Hà Nội']);
    // The province's name is read as names are: «HCM» finds the market in Hồ Chí Minh whose name does not say so, after the name that does.
    expect(await listNames({ search: 'hcm' })).toEqual(['Liên hiệp HTX Thương mại TP. Hồ Chí Minh (Saigon Co.op)', 'Chợ đầu mối nông sản Bình Điền']);
  });

  it('computes again, once, the search text a file of an earlier version stored without province and address', async () => {
    const { id } = await call(app, 'partners:create', { kind: 'enterprise', name: 'Công ty TNHH Minh Phát', provinceCode: AN_GIANG, address: '12 Trần Hưng Đạo' });
    const sqlite = app.ctx.db.$client;
    const searchText = () => sqlite.prepare('SELECT search_text FROM partners WHERE id = ?').pluck().get(id);
    const computed = searchText();
    // As the earlier version left the file: the row's text without them, under the same abbreviations table.
    sqlite.prepare("UPDATE partners SET search_text = 'cong ty tnhh minh phat trach nhiem huu han' WHERE id = ?").run(id);
    sqlite.prepare("UPDATE settings SET value = ? WHERE key = 'name_rules'").run(JSON.stringify(nameRulesFingerprint));
    expect(await listNames({ search: 'an giang' })).toEqual([]);
    expect(refreshNameKeys(app.ctx)).toBe(1);
    expect(searchText()).toBe(computed);
    // The register's index, word list and counters read no partner: left whole, and still exact.
    expect(ensureDerivedStructures(sqlite, { rebuild: false })).toBe('none');
    expect(await listNames({ search: 'an giang tran hung dao' })).toEqual(['Công ty TNHH Minh Phát']);
    expect(refreshNameKeys(app.ctx)).toBeNull();
  });

  it('filters by kind and province, and counts what matches', async () => {
    expect(await listNames({ kind: 'enterprise' })).toEqual([
      'Công ty CP Thực phẩm Hà Nội',
      'Liên hiệp HTX Thương mại TP. Hồ Chí Minh (Saigon Co.op)',
    ]);
    expect(await listNames({ provinceCode: HO_CHI_MINH })).toEqual([
      'Chợ đầu mối nông sản Bình Điền',
      'Liên hiệp HTX Thương mại TP. Hồ Chí Minh (Saigon Co.op)',
    ]);
    const page = await call(app, 'partners:list', { kind: 'enterprise', provinceCode: HO_CHI_MINH, page: 1, pageSize: 50 });
    expect(page).toMatchObject({ total: 1, rows: [{ shortName: 'Saigon Co.op', provinceName: 'Thành phố Hồ Chí Minh' }] });
  });

  it('sorts on the server by name, kind, province and tax code, and pages', async () => {
    expect(await listNames({ sort: { by: 'name', direction: 'desc' } })).toEqual([
      'Liên minh Hợp tác xã tỉnh Cà Mau',
      'Liên hiệp HTX Thương mại TP. Hồ Chí Minh (Saigon Co.op)',
      'Công ty CP Thực phẩm Hà Nội',
      'Chợ đầu mối nông sản Bình Điền',
    ]);
    expect(await listNames({ sort: { by: 'kind', direction: 'asc' } })).toEqual([
      'Công ty CP Thực phẩm Hà Nội',
      'Liên hiệp HTX Thương mại TP. Hồ Chí Minh (Saigon Co.op)',
      'Chợ đầu mối nông sản Bình Điền',
      'Liên minh Hợp tác xã tỉnh Cà Mau',
    ]);
    // Cà Mau, Hà Nội, Hồ Chí Minh: Vietnamese order of the provinces' names.
    expect(await listNames({ sort: { by: 'province', direction: 'asc' } })).toEqual([
      'Liên minh Hợp tác xã tỉnh Cà Mau',
      'Công ty CP Thực phẩm Hà Nội',
      'Chợ đầu mối nông sản Bình Điền',
      'Liên hiệp HTX Thương mại TP. Hồ Chí Minh (Saigon Co.op)',
    ]);
    // Partners without a tax code last, whichever the direction.
    expect(await listNames({ sort: { by: 'taxCode', direction: 'desc' } })).toEqual([
      'Liên hiệp HTX Thương mại TP. Hồ Chí Minh (Saigon Co.op)',
      'Công ty CP Thực phẩm Hà Nội',
      'Chợ đầu mối nông sản Bình Điền',
      'Liên minh Hợp tác xã tỉnh Cà Mau',
    ]);
    const second = await call(app, 'partners:list', { page: 2, pageSize: 3 });
    expect(second.total).toBe(4);
    expect(second.rows.map((row) => row.name)).toEqual(['Liên minh Hợp tác xã tỉnh Cà Mau']);
  });

  it('puts names that fold alike in Vietnamese order, đ after d', async () => {
    await call(app, 'partners:create', { kind: 'logistics', name: 'Vận tải Đa Phúc', provinceCode: HA_NOI });
    await call(app, 'partners:create', { kind: 'logistics', name: 'Vận tải Da Phúc', provinceCode: HO_CHI_MINH });
    expect(await listNames({ kind: 'logistics' })).toEqual(['Vận tải Da Phúc', 'Vận tải Đa Phúc']);
  });
});

describe('changing a partner', () => {
  it('updates it, records before and after, and shows the change in its history', async () => {
    const created = await call(app, 'partners:create', thucPhamHaNoi);
    app.setNow(new Date('2026-11-24T09:30:00Z'));
    const updated = await call(app, 'partners:update', {
      ...thucPhamHaNoi,
      id: created.id,
      provinceCode: HO_CHI_MINH,
      phone: '028 3822 0000',
      businessLine: 'export',
    });
    expect(updated).toMatchObject({ provinceCode: HO_CHI_MINH, phone: '028 3822 0000', businessLine: 'export' });
    expect(auditRows().map((row) => row.action)).toEqual(['create', 'update']);

    const { entries: history, names } = await call(app, 'records:history', { kind: 'partner', id: created.id });
    expect(history[0]).toEqual({
      at: '2026-11-24T09:30:00.000Z',
      action: 'update',
      changes: [
        { field: 'businessLine', before: 'processing', after: 'export' },
        { field: 'provinceCode', before: thucPhamHaNoi.provinceCode, after: HO_CHI_MINH },
        { field: 'phone', before: '024 3825 1234', after: '028 3822 0000' },
      ],
    });
    expect(names).toEqual({ [`provinceCode:${thucPhamHaNoi.provinceCode}`]: 'Thành phố Hà Nội', [`provinceCode:${HO_CHI_MINH}`]: 'Thành phố Hồ Chí Minh' });
    expect(history[1]).toMatchObject({ action: 'create', at: '2026-11-23T08:00:00.000Z' });
    expect(history[1]?.changes).toContainEqual({ field: 'name', before: null, after: 'Công ty CP Thực phẩm Hà Nội' });
  });

  it('leaves no audit row for a save that changes nothing', async () => {
    const created = await call(app, 'partners:create', thucPhamHaNoi);
    await call(app, 'partners:update', { ...thucPhamHaNoi, id: created.id });
    expect(auditRows().map((row) => row.action)).toEqual(['create']);
  });

  it('refuses to change a partner into a non-enterprise that keeps a business line', async () => {
    const created = await call(app, 'partners:create', thucPhamHaNoi);
    const error = await callFailing(app, 'partners:update', { ...thucPhamHaNoi, id: created.id, kind: 'logistics' });
    expect(error.kind === 'validation' && error.issues.map((issue) => issue.path)).toEqual(['businessLine']);
    const moved = await call(app, 'partners:update', { ...thucPhamHaNoi, id: created.id, kind: 'logistics', businessLine: null });
    expect(moved).toMatchObject({ kind: 'logistics', businessLine: null });
  });

  it('refuses a tax code held by another partner on update too', async () => {
    const first = await call(app, 'partners:create', thucPhamHaNoi);
    const second = await call(app, 'partners:create', saiGonCoop);
    const error = await callFailing(app, 'partners:update', { ...saiGonCoop, id: second.id, taxCode: '0101234567' });
    expect(error).toMatchObject({ kind: 'conflict', existingId: first.id });
  });
});

describe('the trash', () => {
  it('moves a partner to the trash and back, with audit rows', async () => {
    const created = await call(app, 'partners:create', thucPhamHaNoi);
    app.setNow(new Date('2026-11-25T10:00:00Z'));
    expect(await call(app, 'partners:delete', { id: created.id })).toBeNull();
    expect((await call(app, 'partners:list', { page: 1, pageSize: 50 })).total).toBe(0);
    expect(await callFailing(app, 'partners:get', { id: created.id })).toMatchObject({ kind: 'notFound' });
    expect(await call(app, 'partners:trash', { page: 1, pageSize: 50 })).toEqual({
      total: 1,
      rows: [{ ...created, deletedAt: '2026-11-25T10:00:00.000Z' }],
    });

    const restored = await call(app, 'partners:restore', { id: created.id });
    expect(restored).toEqual(created);
    expect((await call(app, 'partners:trash', { page: 1, pageSize: 50 })).total).toBe(0);
    expect(await listNames()).toEqual(['Công ty CP Thực phẩm Hà Nội']);
    expect(auditRows().map((row) => row.action)).toEqual(['create', 'delete', 'restore']);
    expect((await call(app, 'records:history', { kind: 'partner', id: created.id })).entries.map((entry) => entry.action)).toEqual(['restore', 'delete', 'create']);
  });

  it('says what a partner still has under way before it goes, and keeps it for a restore', async () => {
    app.setNow(new Date('2026-05-10T05:00:00Z'));
    const buyer = await call(app, 'partners:create', thucPhamHaNoi);
    const other = await call(app, 'partners:create', saiGonCoop);
    const seller = await call(app, 'organizations:create', { kind: 'htx', name: 'HTX Nông nghiệp Vĩnh Bình', communeCode: XA_VINH_AN });
    const agreement = (title: string, overrides: Partial<InputOf<'agreements:create'>> = {}): InputOf<'agreements:create'> => ({
      kind: 'sales_contract',
      title,
      signedOn: '2026-01-05',
      validUntil: '2026-12-31',
      parties: [
        { kind: 'organization', id: seller.id, role: 'seller' },
        { kind: 'partner', id: buyer.id, role: 'buyer' },
      ],
      commitments: [{ product: 'Gạo thơm', quantity: 20, unit: 'tấn' }],
      ...overrides,
    });
    await call(app, 'agreements:create', agreement('Hợp đồng đã ký'));
    const delivering = await call(app, 'agreements:create', agreement('Hợp đồng đang giao'));
    const rice = (await call(app, 'agreements:get', { id: delivering.id })).commitments[0];
    await call(app, 'agreements:addDelivery', { commitmentId: rice?.id ?? 0, deliveredOn: '2026-04-01', quantity: 5 });
    // Not under way: a draft, one that ran out, one terminated, one of another partner.
    await call(app, 'agreements:create', agreement('Bản dự thảo', { draft: true, signedOn: null }));
    await call(app, 'agreements:create', agreement('Hợp đồng năm trước', { signedOn: '2025-01-05', validUntil: '2025-12-31' }));
    const ended = await call(app, 'agreements:create', agreement('Hợp đồng đã chấm dứt'));
    await call(app, 'agreements:terminate', { id: ended.id, terminatedOn: '2026-03-01', reason: 'Bên mua ngừng thu mua' });
    await call(app, 'agreements:create', agreement('Hợp đồng của đối tác khác', { parties: [{ kind: 'organization', id: seller.id, role: 'seller' }, { kind: 'partner', id: other.id, role: 'buyer' }] }));
    const demand = (buyerId: number) => ({
      buyer: { kind: 'partner' as const, id: buyerId },
      product: 'Gạo thơm ST 25',
      productGroupCode: 'lua_gao',
      quantity: 50,
      unitCode: 'tan',
      neededFrom: '2026-06-01',
      neededUntil: '2026-09-30',
      deliveryProvinceCode: AN_GIANG,
      requirements: [],
    });
    const open = await call(app, 'demands:create', demand(buyer.id));
    // A second demand of that rice, confirmed another, then withdrawn.
    const withdrawn = await call(app, 'demands:create', { ...demand(buyer.id), confirmedSimilarIds: [open.id] });
    await call(app, 'demands:withdraw', { id: withdrawn.id, withdrawnOn: '2026-05-01' });
    await call(app, 'demands:create', demand(other.id));

    expect(await call(app, 'partners:ties', { id: buyer.id })).toEqual({ agreementsInForce: 2, openDemands: 1 });
    expect(await call(app, 'partners:ties', { id: other.id })).toEqual({ agreementsInForce: 1, openDemands: 1 });

    // Allowed: its agreements stay listed, its demand leaves the supply lists until it is restored.
    await call(app, 'partners:delete', { id: buyer.id });
    expect((await call(app, 'agreements:list', { counterpart: { kind: 'partner', id: buyer.id }, page: 1, pageSize: 50 })).total).toBe(5);
    const demandIds = async () => (await call(app, 'demands:list', { page: 1, pageSize: 50 })).rows.map((row) => row.id);
    expect(await demandIds()).not.toContain(open.id);
    expect(await callFailing(app, 'partners:ties', { id: buyer.id })).toMatchObject({ kind: 'notFound' });
    await call(app, 'partners:restore', { id: buyer.id });
    expect(await demandIds()).toContain(open.id);
    expect(await call(app, 'partners:ties', { id: buyer.id })).toEqual({ agreementsInForce: 2, openDemands: 1 });
  });

  it('frees the tax code while in the trash, and refuses a restore once it is taken', async () => {
    const old = await call(app, 'partners:create', thucPhamHaNoi);
    await call(app, 'partners:delete', { id: old.id });
    const holder = await call(app, 'partners:create', { ...saiGonCoop, taxCode: '0101234567' });
    expect(await callFailing(app, 'partners:restore', { id: old.id })).toEqual({
      kind: 'conflict',
      message:
        'Không khôi phục được Công ty CP Thực phẩm Hà Nội: mã số thuế 0101234567 nay đã ghi cho Liên hiệp HTX Thương mại TP. Hồ Chí Minh (Saigon Co.op) (Hồ Chí Minh). ' +
        'Hãy sửa mã số thuế ở hồ sơ đang dùng nếu nhập nhầm, rồi khôi phục lại.',
      existingId: holder.id,
    });
    expect((await call(app, 'partners:trash', { page: 1, pageSize: 50 })).total).toBe(1);
  });

  it('says so when restoring a partner that is not in the trash', async () => {
    const created = await call(app, 'partners:create', choBinhDien);
    expect(await callFailing(app, 'partners:restore', { id: created.id })).toEqual({
      kind: 'notFound',
      message: `Đối tác «${choBinhDien.name}» không còn ở Thùng rác; có thể đã được khôi phục ở cửa sổ khác.`,
    });
  });
});
