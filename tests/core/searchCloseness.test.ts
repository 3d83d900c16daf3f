/**
 * What a person sees for what they type, on names like the national demo's: the names that read as
 * typed first, a typo forgiven only when it is the likely reason, and a count of what is listed.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NEAR_MATCH_LIMIT } from '../../src/core/services/organizations';
import { AN_GIANG, call, openTestApp } from './support';

type TestApp = ReturnType<typeof openTestApp>;
let app: TestApp;
/** Xã Óc Eo: search reads the commune too, and no query below has a word of its name. */
const XA_OC_EO = '30688';

const names = [
  'Liên hiệp HTX Thủy sản Đồng Tháp',
  'Liên hiệp HTX Cây ăn trái Đồng Tháp',
  'THT nuôi cá lồng ấp Đồng Tâm Tháp Mười',
  // Each one typed word away from "dong thap" ("cong", "long", "thai", "nong" and "than" as part of
  // "thanh"): what the typo pass listed when the exact matches were few.
  'HTX Chè Thành Công Tự Lạn',
  'HTX Cây ăn trái Thanh Long',
  'HTX Cây ăn trái Đồng Thái',
  'HTX Nông nghiệp Thân Cửu Nghĩa',
  'HTX Môi trường Phước Lộc Vĩnh Hòa Hưng',
  'HTX Môi trường Vĩnh Hòa Hưng',
  'HTX Nông nghiệp Vĩnh Hòa Mới',
  'HTX Chăn nuôi Vĩnh Hòa',
  'HTX Cây ăn trái Vĩnh Hoàng',
  'HTX Cây ăn trái Hòa Bình Vĩnh Lộc',
  'HTX Chè Vĩnh Hảo',
  'HTX Nông nghiệp Vĩnh Bình',
  'HTX Dịch vụ nông nghiệp Vĩnh Bình',
  'HTX Dịch vụ nông nghiệp Bình Minh Vĩnh Tường',
  'HTX Nông nghiệp Chợ Mới',
  'HTX Dịch vụ Môi trường Chợ Gạo',
  'HTX Cây ăn trái Phú Tân',
  'HTX Cây ăn trái Hưng Thịnh Tân Phú',
];
const ids = new Map<string, number>();

beforeEach(async () => {
  app = openTestApp();
  await call(app, 'alliance:save', { name: 'Liên minh Hợp tác xã tỉnh An Giang', provinceCode: AN_GIANG });
  for (const name of names) {
    const kind = name.startsWith('Liên hiệp') ? 'lhhtx' : name.startsWith('THT') ? 'tht' : 'htx';
    ids.set(name, (await call(app, 'organizations:create', { kind, name, communeCode: XA_OC_EO })).id);
  }
});
afterEach(() => app.close());

/** The first page as the register asks for it: names, "~" before those found with a typo forgiven, and the count. */
async function listed(query: string, pageSize = 50) {
  const page = await call(app, 'organizations:list', { query, page: 1, pageSize });
  return { names: page.rows.map((row) => `${row.nearMatch ? '~' : ''}${row.name}`), total: page.total, capped: page.totalCapped ?? false };
}

describe('the names that read as typed come first', () => {
  it('puts the exact name before names that only hold the words apart or inside other words, in the register and the picker', async () => {
    const expected = ['HTX Nông nghiệp Vĩnh Hòa Mới', 'HTX Môi trường Phước Lộc Vĩnh Hòa Hưng', 'HTX Môi trường Vĩnh Hòa Hưng'];
    expect(await listed('vinh hoa moi')).toEqual({ names: expected, total: 3, capped: false });
    // The participant picker asks the same list for 20 rows.
    expect(await listed('Vĩnh Hòa Mới', 20)).toEqual({ names: expected, total: 3, capped: false });
    // While the last word is being typed, it reads as the start of one.
    expect((await listed('vinh hoa m')).names).toEqual(expected);
  });

  it('reads whole words one after another first, then a word inside a longer one, then words apart', async () => {
    expect(await listed('vinh hoa')).toEqual({
      names: [
        'HTX Chăn nuôi Vĩnh Hòa',
        'HTX Môi trường Phước Lộc Vĩnh Hòa Hưng',
        'HTX Môi trường Vĩnh Hòa Hưng',
        'HTX Nông nghiệp Vĩnh Hòa Mới',
        'HTX Cây ăn trái Vĩnh Hoàng',
        'HTX Cây ăn trái Hòa Bình Vĩnh Lộc',
      ],
      total: 6,
      capped: false,
    });
    expect(await listed('phu tan')).toEqual({ names: ['HTX Cây ăn trái Phú Tân', 'HTX Cây ăn trái Hưng Thịnh Tân Phú'], total: 2, capped: false });
    expect(await listed('cho moi')).toEqual({ names: ['HTX Nông nghiệp Chợ Mới', 'HTX Dịch vụ Môi trường Chợ Gạo'], total: 2, capped: false });
  });

  it('reads short forms written out on both sides', async () => {
    expect(await listed('htx nn vinh binh')).toEqual({
      names: ['HTX Nông nghiệp Vĩnh Bình', 'HTX Dịch vụ nông nghiệp Vĩnh Bình', 'HTX Dịch vụ nông nghiệp Bình Minh Vĩnh Tường'],
      total: 3,
      capped: false,
    });
  });

  it('keeps an order a person chose', async () => {
    const page = await call(app, 'organizations:list', { query: 'vinh hoa moi', sort: { by: 'name', direction: 'desc' }, page: 1, pageSize: 50 });
    expect(page.rows.map((row) => row.name)).toEqual(['HTX Nông nghiệp Vĩnh Hòa Mới', 'HTX Môi trường Vĩnh Hòa Hưng', 'HTX Môi trường Phước Lộc Vĩnh Hòa Hưng']);
  });
});

describe('a typo forgiven', () => {
  it('lists only what holds the words when names read as typed, and counts only those', async () => {
    expect(await listed('dong thap')).toEqual({
      names: ['Liên hiệp HTX Cây ăn trái Đồng Tháp', 'Liên hiệp HTX Thủy sản Đồng Tháp', 'THT nuôi cá lồng ấp Đồng Tâm Tháp Mười'],
      total: 3,
      capped: false,
    });
    // "hao" is too short to forgive: Vĩnh Hảo is a place of its own, not a typo for Vĩnh Hòa.
    expect(await listed('vinh hao')).toEqual({ names: ['HTX Chè Vĩnh Hảo'], total: 1, capped: false });
  });

  it('finds the name with the typo forgiven, closest first', async () => {
    expect(await listed('dong thpa')).toEqual({
      names: ['~Liên hiệp HTX Cây ăn trái Đồng Tháp', '~Liên hiệp HTX Thủy sản Đồng Tháp', '~THT nuôi cá lồng ấp Đồng Tâm Tháp Mười'],
      total: 3,
      capped: false,
    });
    expect(await listed('htx nn vnih binh')).toEqual({
      names: ['~HTX Nông nghiệp Vĩnh Bình', '~HTX Dịch vụ nông nghiệp Vĩnh Bình', '~HTX Dịch vụ nông nghiệp Bình Minh Vĩnh Tường'],
      total: 3,
      capped: false,
    });
  });

  it('offers a name one typo away after the exact matches when it reads closer than they do', async () => {
    await call(app, 'organizations:delete', { id: ids.get('HTX Nông nghiệp Vĩnh Hòa Mới') ?? 0 });
    await call(app, 'organizations:create', { kind: 'htx', name: 'HTX Nông nghiệp Bình Hòa Mới', communeCode: XA_OC_EO });
    expect(await listed('vinh hoa moi')).toEqual({
      names: ['HTX Môi trường Phước Lộc Vĩnh Hòa Hưng', 'HTX Môi trường Vĩnh Hòa Hưng', '~HTX Nông nghiệp Bình Hòa Mới'],
      total: 3,
      capped: false,
    });
  });

  it('offers a bounded number, and counts what it lists', async () => {
    for (let hamlet = 1; hamlet <= NEAR_MATCH_LIMIT; hamlet++) {
      await call(app, 'organizations:create', { kind: 'tht', name: `THT rau an toàn ấp ${hamlet} Vĩnh Bình`, communeCode: XA_OC_EO });
    }
    const found = await listed('vnih binh');
    expect(found.total).toBe(NEAR_MATCH_LIMIT);
    expect(found.capped).toBe(false);
    expect(found.names).toHaveLength(NEAR_MATCH_LIMIT);
    // The two HTX read as "vinh binh" and sort first by name; the name with the words apart is left out.
    expect(found.names.slice(0, 2)).toEqual(['~HTX Dịch vụ nông nghiệp Vĩnh Bình', '~HTX Nông nghiệp Vĩnh Bình']);
    expect(found.names.every((name) => name.startsWith('~') && name.endsWith('Vĩnh Bình'))).toBe(true);
  });
});
