import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/core/demo/generate';
import { refreshNameKeys } from '../../src/core/nameRules';
import { RANKED_PAST_CAP, SEARCH_COUNT_CAP } from '../../src/core/services/organizations';
import { searchCloseness } from '../../src/shared/closeness';
import { organizationNameKey } from '../../src/shared/names';
import { foldText } from '../../src/shared/text';
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

/** The exact matches, sorted; those found with a typo forgiven are `nearFound`. */
async function found(query: string): Promise<string[]> {
  const page = await call(app, 'organizations:list', { query, page: 1, pageSize: 50 });
  expect(page.total).toBe(page.rows.length);
  return page.rows
    .filter((row) => !row.nearMatch)
    .map((row) => row.name)
    .sort();
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

  it('finds by the commune as the register shows it, with its type first', async () => {
    // The THT's name has no «xã»: «xã Vĩnh An» is the commune, not words of a name.
    expect(await found('xã vĩnh an')).toEqual(['HTX Nông nghiệp Vĩnh Bình', 'THT rau an toàn ấp Mỹ Hòa']);
    expect(await found('Xã Vĩnh An rau')).toEqual(['THT rau an toàn ấp Mỹ Hòa']);
    expect(await found('phường vĩnh an')).toEqual(['HTX Nông nghiệp Vĩnh Bình', 'THT rau an toàn ấp Mỹ Hòa']);
    // After another word it is a word of the name.
    expect(await found('hợp tác xã vĩnh')).toEqual(['HTX Nông nghiệp Vĩnh Bình', 'Hợp tác xã Dịch vụ Đồng Tâm']);
  });

  it('finds an organization by its old address, its commune or district typed as people say them, and says so', async () => {
    const sqlite = app.ctx.db.$client;
    const oldAddress = 'ấp Mỹ Hòa, xã Mỹ Hội Đông, H. Chợ Mới, tỉnh An Giang';
    const { id } = await call(app, 'organizations:create', { kind: 'htx', name: 'HTX Nông nghiệp Hòa Bình', communeCode: XA_VINH_AN, oldAddress });
    await call(app, 'organizations:create', { kind: 'htx', name: 'HTX Thủy sản Chợ Mới', communeCode: XA_VINH_BINH });
    const listed = async (query: string) =>
      (await call(app, 'organizations:list', { query, page: 1, pageSize: 50 })).rows.map((row) => [row.name, row.matchedOldAddress ?? null]);
    // The district's type typed first is read as the district's, however the address wrote it.
    expect(await listed('huyện Chợ Mới')).toEqual([
      ['HTX Thủy sản Chợ Mới', null],
      ['HTX Nông nghiệp Hòa Bình', oldAddress],
    ]);
    expect(await listed('xã Mỹ Hội Đông')).toEqual([['HTX Nông nghiệp Hòa Bình', oldAddress]]);
    expect(await listed('hoa binh my hoi')).toEqual([['HTX Nông nghiệp Hòa Bình', oldAddress]]);
    // Found by its name and today's commune: its old address is no reason shown.
    expect(await listed('hoa binh vinh an')).toEqual([['HTX Nông nghiệp Hòa Bình', null]]);

    // A file whose search texts were computed before they held the old address has them computed again at its next opening.
    sqlite.prepare(`UPDATE settings SET value = '"before old addresses"' WHERE key = 'name_rules'`).run();
    sqlite.prepare("UPDATE organizations SET search_text = 'htx hop tac xa nong nghiep hoa binh vinh an' WHERE id = ?").run(id);
    expect(await listed('my hoi dong')).toEqual([]);
    expect(refreshNameKeys(app.ctx)).toBe(1);
    expect(await listed('my hoi dong')).toEqual([['HTX Nông nghiệp Hòa Bình', oldAddress]]);
  });

  it('reads a word of one or two letters as the start of a word, a longer one anywhere', async () => {
    // "i" and "nh" are inside "vinh", "dich", but start no word.
    expect(await found('nh')).toEqual([]);
    expect(await found('i')).toEqual([]);
    expect(await found('inh')).toEqual(['HTX Nông nghiệp Vĩnh Bình', 'Hợp tác xã Dịch vụ Đồng Tâm', 'THT rau an toàn ấp Mỹ Hòa']);
    // Each word once: "vi" is not dropped for being inside "vinh", and still needs a word start.
    expect(await found('vinh vi')).toHaveLength(3);
    expect(await found('inh nh')).toEqual([]);
    expect(await found('t dv')).toEqual(['Hợp tác xã Dịch vụ Đồng Tâm']);
    expect(await found('an 16')).toEqual(['HTX Nông nghiệp Vĩnh Bình']);
  });

  it('finds words of one and two letters, as typed letter by letter', async () => {
    expect(await found('v')).toHaveLength(3);
    expect(await found('vi')).toHaveLength(3);
    expect(await found('my')).toEqual(['THT rau an toàn ấp Mỹ Hòa']);
    expect(await found('vinh b')).toEqual(['HTX Nông nghiệp Vĩnh Bình', 'Hợp tác xã Dịch vụ Đồng Tâm']);
    expect(await found('16')).toEqual(['HTX Nông nghiệp Vĩnh Bình']);
    // "HTX" is also found as "hợp tác xã" written out.
    expect(await found('ho')).toEqual(['HTX Nông nghiệp Vĩnh Bình', 'Hợp tác xã Dịch vụ Đồng Tâm', 'THT rau an toàn ấp Mỹ Hòa']);
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
    // The index holds only what is not in the trash, and follows a move there and back.
    await call(app, 'organizations:delete', { id: ids.vinhBinh as number });
    expect(sqlite.prepare("SELECT rowid FROM organizations_search WHERE organizations_search MATCH '\"nong\"'").pluck().all()).toEqual([]);
    await call(app, 'organizations:restore', { id: ids.vinhBinh as number });
    expect(await found('nong')).toEqual(['HTX Nông nghiệp Vĩnh Bình']);
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

describe('names as people write them', () => {
  it('finds a name by its other usual spelling, both ways', async () => {
    expect(await found('hợp tác xã nông nghiệp vĩnh bình')).toEqual(['HTX Nông nghiệp Vĩnh Bình']);
    expect(await found('htx dich vu dong tam')).toEqual(['Hợp tác xã Dịch vụ Đồng Tâm']);
    expect(await found('htx dv dong tam')).toEqual(['Hợp tác xã Dịch vụ Đồng Tâm']);
    expect(await found('to hop tac rau')).toEqual(['THT rau an toàn ấp Mỹ Hòa']);
    expect(await found('hop tac xa nn')).toEqual(['HTX Nông nghiệp Vĩnh Bình']);
    // A word being typed is found as a person types the long form.
    expect(await found('hop tac x')).toEqual(['HTX Nông nghiệp Vĩnh Bình', 'Hợp tác xã Dịch vụ Đồng Tâm']);
  });

  it('reads MT as môi trường, also in what was stored under the table before it said so', async () => {
    const { id } = await call(app, 'organizations:create', { kind: 'htx', name: 'HTX Dịch vụ Môi trường Đông Thái', communeCode: XA_VINH_AN });
    expect(await found('htx dv mt dong thai')).toEqual(['HTX Dịch vụ Môi trường Đông Thái']);
    expect(await found('hop tac xa mt')).toEqual(['HTX Dịch vụ Môi trường Đông Thái']);
    // A file whose search text and name keys were computed without MT has them computed again at
    // its next opening: the table's fingerprint it keeps is no longer the app's.
    const sqlite = app.ctx.db.$client;
    sqlite.prepare(`UPDATE settings SET value = '"before MT"' WHERE key = 'name_rules'`).run();
    sqlite.prepare("UPDATE organizations SET search_text = replace(search_text, ' mt', ''), name_key = 'a key of before' WHERE id = ?").run(id);
    expect(await found('htx mt dong thai')).toEqual([]);
    expect(refreshNameKeys(app.ctx)).toBe(1);
    expect(await found('htx mt dong thai')).toEqual(['HTX Dịch vụ Môi trường Đông Thái']);
    expect(sqlite.prepare('SELECT name_key FROM organizations WHERE id = ?').pluck().get(id)).toBe(organizationNameKey('HTX DV MT Đông Thái'));
  });

  it('finds a name with one slipped, missing, extra or swapped letter, after the exact matches', async () => {
    const near = async (query: string) => {
      const page = await call(app, 'organizations:list', { query, page: 1, pageSize: 50 });
      return page.rows.map((row) => [row.name, row.nearMatch === true] as const);
    };
    // slipped (vonh), missing (ngiep), extra (binhh), swapped (vnih)
    expect(await near('vonh nghiep')).toEqual([['HTX Nông nghiệp Vĩnh Bình', true]]);
    expect(await near('nong ngiep')).toEqual([['HTX Nông nghiệp Vĩnh Bình', true]]);
    expect(await near('binhh nghiep')).toEqual([['HTX Nông nghiệp Vĩnh Bình', true]]);
    expect(await near('vnih nghiep')).toEqual([['HTX Nông nghiệp Vĩnh Bình', true]]);
    // A name found as typed is no reason to think "dong" mistyped: "nong" is not offered.
    expect(await near('dong')).toEqual([['Hợp tác xã Dịch vụ Đồng Tâm', false]]);
    // The exact match first ("vinh" in its commune only), then the near one, whose name holds both
    // words ("dong" is one letter from "nong").
    expect(await near('dong vinh')).toEqual([['Hợp tác xã Dịch vụ Đồng Tâm', false], ['HTX Nông nghiệp Vĩnh Bình', true]]);
    // Words under four letters are never widened: "tam" does not find "tac".
    expect(await near('tma')).toEqual([]);
    // Two typos in one word are too many.
    expect(await near('vnoh binh')).toEqual([]);
    // The commune's last word is a whole word too: "binhh" reads as the "Bình" of Xã Vĩnh Bình.
    expect(await near('dong binhh')).toEqual([['Hợp tác xã Dịch vụ Đồng Tâm', true]]);
  });
});

describe('search at the scale where counting stops', () => {
  /** The rule of search.ts written plainly: every word, 1–2 letters at a word start, else anywhere. */
  function matches(searchText: string, query: string): boolean {
    const text = ` ${searchText}`;
    return [...new Set(foldText(query).split(' ').filter(Boolean))].every((word) =>
      Array.from(word).length < 3 ? text.includes(` ${word}`) : searchText.includes(word),
    );
  }

  // Seeds 1,500 organizations first: seconds on this shared machine, more than the default 5 s.
  it('gives the same rows and counts whichever plan it takes, and says when it stopped counting', async () => {
    seedDemo(app.ctx, { scale: 'province', provinceCode: AN_GIANG, years: 2, seed: 3, organizations: 1500 });
    const sqlite = app.ctx.db.$client;
    sqlite.prepare('UPDATE organizations SET deleted_at = ? WHERE id % 97 = 0').run('2026-01-01T00:00:00.000Z');
    const live = sqlite
      .prepare('SELECT id, name, name_folded AS nameFolded, search_text AS searchText FROM organizations WHERE deleted_at IS NULL')
      .all() as { id: number; name: string; nameFolded: string; searchText: string }[];
    live.sort((a, b) => (a.nameFolded < b.nameFolded ? -1 : a.nameFolded > b.nameFolded ? 1 : a.id - b.id));

    let capped = 0;
    let exact = 0;
    let reordered = 0;
    for (const query of ['h', 'ht', 'htx', 'htx t', 'htx th', 't', 'th', 'thu', 'v', 'vi', 'nong n', 'a', 'an', 'rau an t', '9', '91', 'q', 'qt', 'zz', 'x', 'h a']) {
      const expected = live.filter((row) => matches(row.searchText, query));
      // The default order: the closest names first among all matches, or past the cap among the
      // first `RANKED_PAST_CAP` by name; then the rest by name.
      const closeness = searchCloseness(query);
      const rankedCount = expected.length > SEARCH_COUNT_CAP ? RANKED_PAST_CAP : expected.length;
      const ranked = expected.slice(0, rankedCount).sort((a, b) => closeness(a.nameFolded) - closeness(b.nameFolded));
      const listed = [...ranked, ...expected.slice(rankedCount)];
      if (ranked.some((row, at) => row !== expected[at])) reordered++;
      const page = await call(app, 'organizations:list', { query, page: 2, pageSize: 20 });
      expect(page.rows.map((row) => row.id), query).toEqual(listed.slice(20, 40).map((row) => row.id));
      if (expected.length > SEARCH_COUNT_CAP) {
        expect(page, query).toMatchObject({ total: SEARCH_COUNT_CAP, totalCapped: true });
        // Across the end of the ranked rows: rows 91–120.
        const seam = await call(app, 'organizations:list', { query, page: 4, pageSize: 30 });
        expect(seam.rows.map((row) => row.id), query).toEqual(listed.slice(90, 120).map((row) => row.id));
        capped++;
      } else {
        expect(page.total, query).toBe(expected.length);
        expect(page.totalCapped, query).toBeUndefined();
        exact++;
      }
      // With a filter beside the search, and another order: still the same rule.
      const cooperatives = await call(app, 'organizations:list', { query, kinds: ['tht'], sort: { by: 'name', direction: 'desc' }, page: 1, pageSize: 10 });
      const expectedTht = expected.filter((row) => sqlite.prepare('SELECT kind FROM organizations WHERE id = ?').pluck().get(row.id) === 'tht');
      expect(cooperatives.rows.map((row) => row.id), query).toEqual(expectedTht.slice(-10).reverse().map((row) => row.id));
      expect(cooperatives.total, query).toBe(Math.min(expectedTht.length, SEARCH_COUNT_CAP));
    }
    // Both plans were exercised, and closeness changed the order of several.
    expect(capped).toBeGreaterThan(2);
    expect(reordered).toBeGreaterThan(1);
    expect(exact).toBeGreaterThan(2);
  }, 60_000);
});
