import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/core/demo/generate';
import { derivedStructures, rebuildDerivedStructures, verifyDerivedStructures } from '../../src/core/db/derived';
import { openDatabase } from '../../src/core/db/open';
import { AN_GIANG, call, journalEntries, migrationsFolder, openTestApp } from './support';

type TestApp = ReturnType<typeof openTestApp>;

describe('derived structures', () => {
  let app: TestApp;
  beforeEach(() => (app = openTestApp()));
  afterEach(() => app.close());

  it('are equal to the rows on the demo data; damage is found, named, and rebuilt away', async () => {
    seedDemo(app.ctx, { scale: 'province', provinceCode: AN_GIANG, years: 4, seed: 11, organizations: 250 });
    const sqlite = app.ctx.db.$client;
    expect(verifyDerivedStructures(sqlite)).toEqual([]);

    const [someone] = sqlite.prepare('SELECT id, search_text FROM organizations WHERE deleted_at IS NULL LIMIT 1').all() as { id: number; search_text: string }[];
    if (!someone) throw new Error('no demo organization');
    // Damage written behind the triggers' back, as a crash of an older version or a hand edit would.
    sqlite.prepare('UPDATE statistics_commune_counts SET live = live + 2 WHERE rowid = (SELECT min(rowid) FROM statistics_commune_counts)').run();
    sqlite.prepare('DELETE FROM statistics_figure_totals WHERE year = (SELECT max(year) FROM statistics_figure_totals)').run();
    sqlite
      .prepare("INSERT INTO organizations_search (organizations_search, rowid, search_text) VALUES ('delete', ?, '  ' || replace(?, ' ', '  ') || ' ')")
      .run(someone.id, someone.search_text);

    const found = verifyDerivedStructures(sqlite);
    expect(found.map((result) => result.name).sort()).toEqual(
      ['Chỉ mục tìm kiếm tổ chức', 'Số tổ chức theo xã, loại hình và lĩnh vực', 'Tổng hợp số liệu hằng năm theo loại hình'].sort(),
    );
    expect(found.find((result) => result.name.startsWith('Tổng hợp'))?.problems.length).toBeGreaterThan(0);

    rebuildDerivedStructures(sqlite);
    expect(verifyDerivedStructures(sqlite)).toEqual([]);
    // Search finds the organization again.
    const name = (sqlite.prepare('SELECT name FROM organizations WHERE id = ?').pluck().get(someone.id) as string).split(' ').slice(-2).join(' ');
    const page = await call(app, 'organizations:list', { query: name, page: 1, pageSize: 500, sort: { by: 'name', direction: 'asc' } });
    expect(page.rows.map((row) => row.id)).toContain(someone.id);
  });

  it('count the words of letters of any search text, whatever else it holds (quotes, backslashes, control characters), and take them away again', () => {
    seedDemo(app.ctx, { scale: 'province', provinceCode: AN_GIANG, years: 1, seed: 5, organizations: 20 });
    const sqlite = app.ctx.db.$client;
    const uses = (word: string) => (sqlite.prepare('SELECT coalesce(sum(uses), 0) FROM search_words WHERE word = ?').pluck().get(word) as number);
    const id = sqlite.prepare('SELECT min(id) FROM organizations WHERE deleted_at IS NULL').pluck().get() as number;
    // Written by hand, as a repair through the app's connection might: the triggers still count it word by word.
    const awkward = 'quoc "dan" c:\\kho\\luong tab\tthanh zzzword zzzword 12345 abc đườngx';
    sqlite.prepare('UPDATE organizations SET search_text = ? WHERE id = ?').run(awkward, id);
    expect(uses('zzzword')).toBe(2);
    // Letters of any script count as letters.
    expect(uses('đườngx')).toBe(1);
    // Not a word of letters alone, too short, or with digits: not words a typo is forgiven in.
    for (const word of ['"dan"', 'c:\\kho\\luong', 'tab\tthanh', 'abc', '12345']) expect(uses(word)).toBe(0);
    expect(verifyDerivedStructures(sqlite)).toEqual([]);

    rebuildDerivedStructures(sqlite);
    expect(uses('zzzword')).toBe(2);
    expect(verifyDerivedStructures(sqlite)).toEqual([]);

    sqlite.prepare("UPDATE organizations SET deleted_at = '2026-01-01' WHERE id = ?").run(id);
    expect(uses('zzzword')).toBe(0);
    expect(uses('đườngx')).toBe(0);
    expect(verifyDerivedStructures(sqlite)).toEqual([]);
  });

  it('hold every trigger, view and virtual table of the database, exactly as defined', () => {
    const sqlite = app.ctx.db.$client;
    const inDatabase = sqlite
      .prepare("SELECT name, sql FROM sqlite_master WHERE type IN ('trigger', 'view') OR sql LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name")
      .all();
    const defined = derivedStructures
      .flatMap((structure) => structure.objects)
      .map(({ name, sql }) => ({ name, sql }))
      .sort((a, b) => (a.name < b.name ? -1 : 1));
    expect(inDatabase).toEqual(defined);
    // The statistics triggers read the one rule of existence in a year.
    const figuresTrigger = defined.find((object) => object.name === 'statistics_figures_insert')?.sql ?? '';
    expect(figuresTrigger).toContain("o.founded_on <= printf('%04d-12-31', new.year)");
  });
});

describe('opening a database', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'htx-derived-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function seeded(file: string): void {
    const app = openTestApp();
    seedDemo(app.ctx, { scale: 'province', provinceCode: AN_GIANG, years: 3, seed: 3, organizations: 120 });
    app.ctx.db.$client.prepare('VACUUM INTO ?').run(file);
    app.close();
  }

  it('puts back a missing trigger and refills counters that no longer add up, and says so', () => {
    const file = join(dir, 'data.sqlite');
    seeded(file);
    const first = openDatabase({ file, migrationsFolder });
    expect(first.derived).toBe('none');
    first.db.$client.exec('DROP TRIGGER statistics_counts_insert');
    first.close();

    const second = openDatabase({ file, migrationsFolder });
    expect(second.derived).toBe('created');
    expect(verifyDerivedStructures(second.db.$client)).toEqual([]);
    second.db.$client.exec('UPDATE statistics_kind_sector_counts SET live = live + 1');
    second.close();

    const third = openDatabase({ file, migrationsFolder });
    expect(third.derived).toBe('rebuilt');
    expect(verifyDerivedStructures(third.db.$client)).toEqual([]);
    third.close();
  });

  it('lets a later migration rebuild the organizations table the way drizzle-kit does, and brings everything back', () => {
    const file = join(dir, 'data.sqlite');
    seeded(file);
    const before = openDatabase({ file, migrationsFolder });
    const sqlite = before.db.$client;
    const table = sqlite.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'organizations'").pluck().get() as string;
    const indexes = sqlite.prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'organizations' AND sql IS NOT NULL").pluck().all() as string[];
    const count = sqlite.prepare('SELECT count(*) FROM organizations WHERE deleted_at IS NULL').pluck().get();
    // What refers to organizations, which the rebuild's DROP TABLE must not take with it.
    const referring = "SELECT (SELECT count(*) FROM yearly_figures) AS figures, (SELECT count(*) FROM products) AS products, (SELECT count(*) FROM lifecycle_events) AS lifecycle";
    const referred = sqlite.prepare(referring).get() as { figures: number; products: number; lifecycle: number };
    expect(referred.figures).toBeGreaterThan(0);
    before.close();

    // What drizzle-kit generates to change a column of a table: a copy, the data, drop, rename.
    const folder = join(dir, 'drizzle-next');
    cpSync(migrationsFolder, folder, { recursive: true });
    const rebuild = [
      'PRAGMA foreign_keys=OFF',
      table.replace(/^CREATE TABLE [`"]?organizations[`"]?/, 'CREATE TABLE `__new_organizations`'),
      'INSERT INTO `__new_organizations` SELECT * FROM `organizations`',
      'DROP TABLE `organizations`',
      'ALTER TABLE `__new_organizations` RENAME TO `organizations`',
      'PRAGMA foreign_keys=ON',
      ...indexes,
    ].join(';\n--> statement-breakpoint\n');
    const last = journalEntries().at(-1);
    if (!last) throw new Error('no migrations');
    const journalFile = join(folder, 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: object[] };
    journal.entries.push({ idx: journal.entries.length, version: '6', when: last.when + 1000, tag: '9999_rebuild', breakpoints: true });
    writeFileSync(journalFile, JSON.stringify(journal));
    writeFileSync(join(folder, '9999_rebuild.sql'), rebuild);

    const after = openDatabase({ file, migrationsFolder: folder });
    expect(after.derived).toBe('created');
    expect(after.db.$client.prepare(referring).get()).toEqual(referred);
    expect(verifyDerivedStructures(after.db.$client)).toEqual([]);
    expect(after.db.$client.prepare('SELECT live FROM statistics_kind_sector_counts').pluck().all().reduce((a: number, b) => a + (b as number), 0)).toBe(count);
    // The triggers work on the rebuilt table.
    after.db.$client.exec("UPDATE organizations SET deleted_at = '2026-01-01' WHERE id = (SELECT min(id) FROM organizations WHERE deleted_at IS NULL)");
    expect(verifyDerivedStructures(after.db.$client)).toEqual([]);
    after.close();
  });
});
