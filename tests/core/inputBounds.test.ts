/**
 * Bounded input at the contract: characters that are not text never reach the database, a search
 * takes any character, and lists of values are capped with a message — high enough for every
 * commune of the country.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AN_GIANG, call, callFailing, openTestApp, XA_VINH_AN } from './support';

let app: ReturnType<typeof openTestApp>;
beforeEach(async () => {
  app = openTestApp();
  await call(app, 'alliance:save', { name: 'Liên minh Hợp tác xã tỉnh An Giang', provinceCode: AN_GIANG });
});
afterEach(() => app.close());

describe('text', () => {
  it('loses NUL, ESC, direction overrides and other characters that are not text, and keeps line breaks only where lines are kept', async () => {
    const created = await call(app, 'organizations:create', {
      kind: 'htx',
      name: 'HTX\u0000 Nông\u001b[31m nghiệp \u202eVĩnh\u200b Bình\ufeff',
      shortName: 'VB\u0007\td\u0085',
      communeCode: XA_VINH_AN,
    });
    expect(created).toMatchObject({ name: 'HTX Nông[31m nghiệp Vĩnh Bình', shortName: 'VB d' });
    const stored = app.ctx.db.$client.prepare('SELECT name, short_name AS shortName FROM organizations WHERE id = ?').get(created.id);
    expect(stored).toEqual({ name: 'HTX Nông[31m nghiệp Vĩnh Bình', shortName: 'VB d' });

    const event = await call(app, 'events:create', {
      kind: 'seminar',
      title: 'Hội thảo\u202e chuỗi giá trị',
      startsOn: '2026-12-01',
      provinceCode: AN_GIANG,
      description: 'Dòng một\u0000\nDòng hai\u001b',
    });
    expect(event).toMatchObject({ title: 'Hội thảo chuỗi giá trị' });
    expect((await call(app, 'events:get', { id: event.id })).description).toBe('Dòng một\nDòng hai');
  });

  it('searches with a NUL, quotes and FTS syntax in the query as plain text', async () => {
    await call(app, 'organizations:create', { kind: 'htx', name: 'HTX Nông nghiệp Vĩnh Bình', communeCode: XA_VINH_AN });
    const queries = ['vinh\u0000 binh', 'vĩnh\u202e', '\ud800vinh', '\u0000', '"vinh', 'vinh*', 'NEAR(vinh', 'v\u0000'];
    const totals: number[] = [];
    for (const query of queries) totals.push((await call(app, 'organizations:list', { query })).total);
    expect(totals).toEqual([1, 1, 1, 1, 0, 0, 0, 1]);
    expect((await call(app, 'figures:grid', { year: 2026, query: 'binh\u0000' })).total).toBe(1);
    expect((await call(app, 'partners:list', { search: 'a\u0000' })).total).toBe(0);
    expect((await call(app, 'events:list', { search: '\u0000' })).total).toBe(0);
    expect((await call(app, 'agreements:list', { search: 'x\u0000' })).total).toBe(0);
  });
});

describe('lists of values', () => {
  it('takes every commune of the country as a filter, and refuses 33,000 codes with a message', async () => {
    await call(app, 'organizations:create', { kind: 'htx', name: 'HTX Nông nghiệp Vĩnh Bình', communeCode: XA_VINH_AN });
    const every = app.ctx.places.provinces.flatMap((province) => app.ctx.places.communesOf(province.code).map((commune) => commune.code));
    expect(every).toHaveLength(3321);
    expect((await call(app, 'organizations:list', { communeCodes: every })).total).toBe(1);
    const tooMany = Array.from({ length: 33_000 }, (_, index) => String(10_000 + index));
    expect(await callFailing(app, 'organizations:list', { communeCodes: tooMany })).toEqual({
      kind: 'validation',
      message: 'Chọn tối đa 5.000 xã, phường.',
      issues: [{ path: 'communeCodes', message: 'Chọn tối đa 5.000 xã, phường.' }],
    });
    expect((await callFailing(app, 'organizations:list', { statuses: Array.from({ length: 11 }, () => 'active') })).message).toBe('Chọn tối đa 10 trạng thái.');
    expect((await callFailing(app, 'organizations:list', { page: 1e15 })).message).toBe('Số trang lớn quá mức cho phép.');
    expect(
      (await callFailing(app, 'lifecycle:record', { kind: 'merger', date: '2026-01-01', predecessorIds: Array.from({ length: 101 }, (_, index) => index + 1) })).message,
    ).toBe('Chọn tối đa 100 tổ chức trước đó.');
  });
});
