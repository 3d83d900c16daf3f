import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AN_GIANG, call, openTestApp, XA_VINH_AN, XA_VINH_BINH } from './support';

type TestApp = ReturnType<typeof openTestApp>;
let app: TestApp;
const ids: Record<string, number> = {};

beforeEach(async () => {
  app = openTestApp();
  await call(app, 'alliance:save', { name: 'Liên minh Hợp tác xã tỉnh An Giang', provinceCode: AN_GIANG });
  for (const [key, input] of [
    ['vinhBinh', { kind: 'htx', name: 'HTX Nông nghiệp Vĩnh Bình', registrationNo: '1600123456', communeCode: XA_VINH_AN }],
    ['dongTam', { kind: 'htx', name: 'Hợp tác xã Dịch vụ Đồng Tâm', shortName: 'HTX DV Đồng Tâm', communeCode: XA_VINH_BINH }],
    ['rau', { kind: 'tht', name: 'THT rau an toàn ấp Mỹ Hòa', communeCode: XA_VINH_AN }],
  ] as const) {
    ids[key] = (await call(app, 'organizations:create', input)).id;
  }
});
afterEach(() => app.close());

async function found(query: string): Promise<string[]> {
  const page = await call(app, 'organizations:list', { query, page: 1, pageSize: 50 });
  expect(page.total).toBe(page.rows.length);
  return page.rows.map((row) => row.name).sort();
}

describe('search as you type', () => {
  it('ignores diacritics and case, and reads đ as d', async () => {
    expect(await found('ĐỒNG TÂM')).toEqual(['Hợp tác xã Dịch vụ Đồng Tâm']);
    expect(await found('dong tam')).toEqual(['Hợp tác xã Dịch vụ Đồng Tâm']);
    expect(await found('đồng')).toEqual(['Hợp tác xã Dịch vụ Đồng Tâm']);
  });

  it('needs every word, in any order, anywhere in name, short name, number or commune', async () => {
    expect(await found('binh vinh')).toEqual(['HTX Nông nghiệp Vĩnh Bình', 'Hợp tác xã Dịch vụ Đồng Tâm']);
    expect(await found('binh nong')).toEqual(['HTX Nông nghiệp Vĩnh Bình']);
    expect(await found('htx dv')).toEqual(['Hợp tác xã Dịch vụ Đồng Tâm']);
    expect(await found('1600123')).toEqual(['HTX Nông nghiệp Vĩnh Bình']);
    expect(await found('vinh an rau')).toEqual(['THT rau an toàn ấp Mỹ Hòa']);
    expect(await found('vinh tam xyz')).toEqual([]);
  });

  it('finds words of one and two letters, as typed letter by letter', async () => {
    expect(await found('v')).toHaveLength(3);
    expect(await found('vi')).toHaveLength(3);
    expect(await found('my')).toEqual(['THT rau an toàn ấp Mỹ Hòa']);
    expect(await found('vinh b')).toEqual(['HTX Nông nghiệp Vĩnh Bình', 'Hợp tác xã Dịch vụ Đồng Tâm']);
    expect(await found('16')).toEqual(['HTX Nông nghiệp Vĩnh Bình']);
    expect(await found('ho')).toEqual(['THT rau an toàn ấp Mỹ Hòa']);
  });

  it('reads search syntax and wildcards typed by a person as plain text', async () => {
    expect(await found('"vinh')).toEqual([]);
    expect(await found('nong OR tam')).toEqual([]);
    expect(await found('100%')).toEqual([]);
    expect(await found('a_')).toEqual([]);
    expect(await found('nông-nghiệp')).toEqual([]);
  });

  it('keeps the index in step when the search text changes or a row goes', async () => {
    const sqlite = app.ctx.db.$client;
    sqlite
      .prepare("UPDATE organizations SET name = 'HTX Phú Thịnh', search_text = 'htx phu thinh vinh binh' WHERE id = ?")
      .run(ids.dongTam);
    expect(await found('phu thinh')).toEqual(['HTX Phú Thịnh']);
    expect(await found('dong tam')).toEqual([]);

    sqlite.prepare('DELETE FROM organizations WHERE id = ?').run(ids.rau);
    expect(await found('rau an')).toEqual([]);
    // FTS5 compares the index with the organizations table and fails if they differ.
    expect(() => sqlite.prepare("INSERT INTO organizations_search (organizations_search) VALUES ('integrity-check')").run()).not.toThrow();
    const indexed = sqlite.prepare("SELECT rowid FROM organizations_search WHERE organizations_search MATCH '\"thinh\"'").pluck().all();
    expect(indexed).toEqual([ids.dongTam]);
  });

  it('leaves organizations in the trash out of the list', async () => {
    await call(app, 'organizations:delete', { id: ids.vinhBinh as number });
    expect(await found('vinh binh')).toEqual(['Hợp tác xã Dịch vụ Đồng Tâm']);
  });
});
