import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, openTestApp } from './support';

type TestApp = ReturnType<typeof openTestApp>;
let app: TestApp;

beforeEach(() => {
  app = openTestApp();
});
afterEach(() => app.close());

describe('lookups', () => {
  it('gives the lists the forms choose from, in their sort order', async () => {
    const lookups = await call(app, 'lookups:get', undefined);
    expect(lookups.sectors).toHaveLength(14);
    expect(lookups.sectors.slice(0, 2)).toEqual([
      { code: 'trong_trot', name: 'Trồng trọt', group: 'agriculture' },
      { code: 'chan_nuoi', name: 'Chăn nuôi', group: 'agriculture' },
    ]);
    expect(lookups.sectors.at(-1)).toEqual({ code: 'khac', name: 'Lĩnh vực khác', group: 'non_agriculture' });
    expect(lookups.sizeClasses.map((size) => size.name)).toEqual(['Siêu nhỏ', 'Nhỏ', 'Vừa', 'Lớn']);
    expect(lookups.certificationKinds.slice(0, 2)).toEqual([
      { code: 'ocop', name: 'OCOP', hasStars: true },
      { code: 'vietgap', name: 'VietGAP', hasStars: false },
    ]);
    expect(lookups.minimumMembers).toEqual({ htx: 5, lhhtx: 3, tht: 2, qtdnd: 5 });
  });

  it('follows edits of the tables and the setting', async () => {
    const sqlite = app.ctx.db.$client;
    sqlite.prepare("UPDATE sectors SET sort_order = 1 WHERE code = 'thuy_san'").run();
    sqlite.prepare("UPDATE settings SET value = ? WHERE key = 'minimum_members'").run('{"htx":7}');
    const lookups = await call(app, 'lookups:get', undefined);
    expect(lookups.sectors[0]).toEqual({ code: 'thuy_san', name: 'Thủy sản', group: 'agriculture' });
    // Kinds the setting leaves out get no minimum rather than a guessed one.
    expect(lookups.minimumMembers).toEqual({ htx: 7, lhhtx: 0, tht: 0, qtdnd: 0 });
    sqlite.prepare("UPDATE settings SET value = ? WHERE key = 'minimum_members'").run('"năm"');
    expect((await call(app, 'lookups:get', undefined)).minimumMembers).toEqual({ htx: 0, lhhtx: 0, tht: 0, qtdnd: 0 });
  });
});
