import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openApp } from '../../src/core/app';
import { PAGE_SIZE } from '../../src/core/db/open';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { analyze, stage } from './importWorkbooks';
import { call, migrationsFolder, repoRoot } from './support';

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'htx-upgrade-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The migrations as a version before `tag` shipped them. */
function migrationsBefore(tag: string): string {
  const folder = join(dir, 'drizzle-old');
  cpSync(migrationsFolder, folder, { recursive: true });
  const journalFile = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
  journal.entries = journal.entries.slice(
    0,
    journal.entries.findIndex((entry) => entry.tag === tag),
  );
  writeFileSync(journalFile, JSON.stringify(journal));
  return folder;
}

describe('an agreement history written as sentences by an earlier version', () => {
  it('is read back into raw values with the migration that asks for it, and what does not read back stays as written', async () => {
    const file = join(dir, 'data.sqlite');
    // The tables as that version left them; its search index and counters are rebuilt on opening anyway.
    const old = new Database(file);
    migrate(drizzle({ client: old }), { migrationsFolder: migrationsBefore('0009_agreement_history_raw_values') });
    const at = '2026-03-05T08:00:00.000Z';
    old.exec(`
      INSERT INTO alliance (id, name, province_code, updated_at) VALUES (1, 'Liên minh Hợp tác xã tỉnh An Giang', '91', '${at}');
      INSERT INTO organizations (id, kind, name, province_code, commune_code, name_folded, search_text, created_at, updated_at)
        VALUES (7, 'htx', 'HTX Nông nghiệp Vĩnh Bình', '91', '31064', 'htx nong nghiep vinh binh', 'htx nong nghiep vinh binh', '${at}', '${at}');
      INSERT INTO partners (id, kind, name, province_code, name_folded, search_text, created_at, updated_at)
        VALUES (3, 'enterprise', 'Công ty CP Thực phẩm Hà Nội', '01', 'cong ty cp thuc pham ha noi', 'x', '${at}', '${at}');
      INSERT INTO events (id, kind, title, title_folded, starts_on, ends_on, search_text, created_at, updated_at)
        VALUES (4, 'supply_demand_conference', 'Hội nghị kết nối cung – cầu 2026', 'hoi nghi', '2026-03-05', '2026-03-05', 'x', '${at}', '${at}');
      INSERT INTO agreements (id, kind, number, title, title_folded, signed_on, event_id, created_at, updated_at)
        VALUES (1, 'mou', '01/2026/BBGN', 'Tiêu thụ lúa gạo', 'tieu thu lua gao', '2026-03-05', 4, '${at}', '${at}');
      INSERT INTO agreement_commitments (id, agreement_id, product, product_folded, quantity, unit) VALUES (1, 1, 'Lúa Đài Thơm 8', 'lua dai thom 8', 50, 'tấn');
    `);
    const audit = old.prepare("INSERT INTO audit_log (entity, entity_id, action, at, before, after) VALUES ('agreement', 1, ?, ?, ?, ?)");
    audit.run(
      'create',
      at,
      null,
      JSON.stringify({
        kind: 'Biên bản ghi nhớ',
        number: '01/2026/BBGN',
        signedOn: '2026-03-05',
        event: 'Hội nghị kết nối cung – cầu 2026',
        parties: 'HTX Nông nghiệp Vĩnh Bình (Bên bán); Công ty CP Thực phẩm Hà Nội (Bên mua); Liên minh Hợp tác xã tỉnh An Giang (Bên chứng kiến)',
        commitments: 'Lúa Đài Thơm 8: 1.250,5 tấn, 400.000.000\u00a0₫, từ 05/03/2026, hạn 30/06/2026; Gạo thơm: 800 kg',
      }),
    );
    audit.run('update', at, JSON.stringify({ delivery: null }), JSON.stringify({ delivery: '12/03/2026: 12,5 tấn Lúa Đài Thơm 8 (100.000.000\u00a0₫) — Giao tại kho' }));
    audit.run('update', at, JSON.stringify({ followUp: null }), JSON.stringify({ followUp: '06/03/2026: Gọi điện: đã nhận hồ sơ.' }));
    // A sentence no rule reads back: a product long gone from the commitments.
    audit.run('update', at, JSON.stringify({ delivery: '13/03/2026: 3 tấn Ngô' }), JSON.stringify({ delivery: null }));
    old.close();

    const app = openApp({ databaseFile: file, appRoot: repoRoot, appVersion: '0.0.0-test' });
    try {
      const { entries } = await call(app, 'records:history', { kind: 'agreement', id: 1 });
      const change = (index: number, field: string) => entries[index]?.changes.find((item) => item.field === field);
      // Newest first: the unreadable delivery, the note, the delivery, the creation.
      expect(change(0, 'delivery')).toEqual({ field: 'delivery', before: '13/03/2026: 3 tấn Ngô', after: null });
      expect(change(1, 'followUp')?.after).toEqual({ notedOn: '2026-03-06', text: 'Gọi điện: đã nhận hồ sơ.' });
      expect(change(2, 'delivery')?.after).toEqual({ deliveredOn: '2026-03-12', quantity: 12.5, unit: 'tấn', product: 'Lúa Đài Thơm 8', value: 100_000_000, note: 'Giao tại kho' });
      expect(change(3, 'kind')?.after).toBe('mou');
      expect(change(3, 'event')?.after).toEqual({ id: 4, title: 'Hội nghị kết nối cung – cầu 2026' });
      expect(change(3, 'parties')?.after).toEqual([
        { kind: 'organization', id: 7, name: 'HTX Nông nghiệp Vĩnh Bình', role: 'seller' },
        { kind: 'partner', id: 3, name: 'Công ty CP Thực phẩm Hà Nội', role: 'buyer' },
        { kind: 'alliance', id: null, name: 'Liên minh Hợp tác xã tỉnh An Giang', role: 'witness' },
      ]);
      expect(change(3, 'commitments')?.after).toEqual([
        { product: 'Lúa Đài Thơm 8', quantity: 1250.5, unit: 'tấn', value: 400_000_000, startsOn: '2026-03-05', dueOn: '2026-06-30' },
        { product: 'Gạo thơm', quantity: 800, unit: 'kg', value: null, startsOn: null, dueOn: null },
      ]);
    } finally {
      app.close();
    }
  });
});

describe('import mappings remembered by an earlier version', () => {
  it('forget the columns left out, so that a column the app reads since is proposed again, said to be new', async () => {
    const file = join(dir, 'data.sqlite');
    const old = new Database(file);
    migrate(drizzle({ client: old }), { migrationsFolder: migrationsBefore('0027_mapping_decisions') });
    old.exec(`INSERT INTO alliance (id, name, province_code, updated_at) VALUES (1, 'Liên minh Hợp tác xã tỉnh An Giang', '91', '2026-06-01T08:00:00.000Z')`);
    // That version kept every column left out as null: here the Tình trạng column it could not read.
    old
      .prepare("INSERT INTO import_mappings (kind, header_signature, mapping, updated_at) VALUES ('organizations', ?, ?, '2026-06-01T08:00:00.000Z')")
      .run('ten htx|dia chi|tinh trang', JSON.stringify({ 'ten htx': 'name', 'dia chi': null, 'tinh trang': null }));
    old.close();

    const app = openApp({ databaseFile: file, appRoot: repoRoot, appVersion: '0.0.0-test' });
    try {
      expect(app.ctx.db.$client.prepare('SELECT mapping FROM import_mappings').pluck().get()).toBe('{"ten htx":"name"}');
      const csv = ['Tên HTX;Địa chỉ;Tình trạng', 'HTX Dịch vụ Số 1;xã Vĩnh An, tỉnh An Giang;Đang hoạt động'].join('\n');
      const { analysis } = await analyze(app, stage(app, 'DS HTX.csv', csv));
      expect(analysis.rememberedMapping).toBe(true);
      expect(analysis.columns.map((column) => [column.letter, column.field, column.proposedAnew])).toEqual([
        ['A', 'name', false],
        ['B', 'address', true],
        ['C', 'status', true],
      ]);
    } finally {
      app.close();
    }
  });
});

describe('typed targets of an earlier version', () => {
  it('add up over the period if they are a count, an amount or a quantity, and a share does not', async () => {
    const file = join(dir, 'data.sqlite');
    const old = new Database(file);
    migrate(drizzle({ client: old }), { migrationsFolder: migrationsBefore('0031_plan_targets_typed_cumulative') });
    const at = '2026-01-05T08:00:00.000Z';
    old.exec(`
      INSERT INTO alliance (id, name, province_code, updated_at) VALUES (1, 'Liên minh Hợp tác xã tỉnh An Giang', '91', '${at}');
      INSERT INTO plans (id, kind, title, title_folded, period_from, period_to, status, created_at, updated_at)
        VALUES (1, 'year', 'Kế hoạch năm 2026', 'ke hoach nam 2026', '2026-01-01', '2026-12-31', 'issued', '${at}', '${at}');
      INSERT INTO plan_targets (plan_id, position, title, comparison, value, unit, unit_label, measure, typed_actual) VALUES
        (1, 1, 'Bồi dưỡng, tập huấn 300 người', 'at_least', 300, 'count', 'người', NULL, 150),
        (1, 2, 'Tỷ lệ HTX có trang thông tin điện tử', 'at_least', 30, 'percent', '', NULL, 20),
        (1, 3, 'Thành lập mới 10 HTX', 'at_least', 10, 'count', 'HTX', '{"metric":"founded","kinds":["htx"],"sectorGroup":null,"effective":false,"goodOrFair":false,"linkedWithEnterprise":false,"valueChain":false,"highTech":false,"ocopMinStars":null,"eventKind":null,"agreementKind":null,"unitCode":null}', NULL);
    `);
    old.close();

    // Mid-June, 166 days of 365 gone: 150 of 300 trained is on the pace of 136; 20 % of 30 % is short now.
    const app = openApp({ databaseFile: file, appRoot: repoRoot, appVersion: '0.0.0-test', clock: () => new Date('2026-06-15T05:00:00Z') });
    try {
      expect(app.ctx.db.$client.prepare('SELECT typed_cumulative FROM plan_targets ORDER BY position').pluck().all()).toEqual([1, 0, 0]);
      const plan = await call(app, 'plans:get', { id: 1 });
      expect(plan.targets.map((target) => [target.cumulative, target.status])).toEqual([
        [true, 'on_track'],
        [false, 'at_risk'],
        [true, 'at_risk'],
      ]);
    } finally {
      app.close();
    }
  });
});

describe('money targets of an earlier version', () => {
  it('are amounts in đồng when they were left a count, and a share stays the person’s to settle', () => {
    const file = join(dir, 'data.sqlite');
    const old = new Database(file);
    migrate(drizzle({ client: old }), { migrationsFolder: migrationsBefore('0034_money_targets_in_dong') });
    const at = '2026-01-05T08:00:00.000Z';
    const measure = (metric: string) =>
      JSON.stringify({ metric, kinds: ['htx'], sectorGroup: null, effective: false, goodOrFair: false, linkedWithEnterprise: false, valueChain: false, highTech: false, ocopMinStars: null, eventKind: null, agreementKind: null, unitCode: null });
    old.exec(`
      INSERT INTO alliance (id, name, province_code, updated_at) VALUES (1, 'Liên minh Hợp tác xã tỉnh An Giang', '91', '${at}');
      INSERT INTO plans (id, kind, title, title_folded, period_from, period_to, status, created_at, updated_at)
        VALUES (1, 'year', 'Kế hoạch năm 2026', 'ke hoach nam 2026', '2026-01-01', '2026-12-31', 'issued', '${at}', '${at}');
    `);
    const target = old.prepare(`INSERT INTO plan_targets (plan_id, position, title, comparison, value, unit, unit_label, measure) VALUES (1, ?, ?, 'at_least', ?, ?, ?, ?)`);
    target.run(1, 'Tổng doanh thu 30 tỷ đồng', 30e9, 'count', 'HTX', measure('revenue'));
    target.run(2, 'Giá trị thỏa thuận ký kết', 5e9, 'count', '', measure('agreementValue'));
    target.run(3, 'Tỷ lệ doanh thu', 50, 'percent', '', measure('revenue'));
    target.run(4, 'Thành lập mới 10 HTX', 10, 'count', 'HTX', measure('founded'));
    old.close();

    const app = openApp({ databaseFile: file, appRoot: repoRoot, appVersion: '0.0.0-test' });
    try {
      expect(app.ctx.db.$client.prepare('SELECT unit, unit_label AS unitLabel FROM plan_targets ORDER BY position').all()).toEqual([
        { unit: 'money', unitLabel: '' },
        { unit: 'money', unitLabel: '' },
        { unit: 'percent', unitLabel: '' },
        { unit: 'count', unitLabel: 'HTX' },
      ]);
    } finally {
      app.close();
    }
  });
});

describe('a history written before entries kept their cause', () => {
  it('names the lifecycle event the app followed, and nothing for a person’s edit', async () => {
    const file = join(dir, 'data.sqlite');
    const old = new Database(file);
    migrate(drizzle({ client: old }), { migrationsFolder: migrationsBefore('0033_audit_cause') });
    const at = '2026-03-05T08:00:00.000Z';
    old.exec(`
      INSERT INTO alliance (id, name, province_code, updated_at) VALUES (1, 'Liên minh Hợp tác xã tỉnh An Giang', '91', '${at}');
      INSERT INTO organizations (id, kind, name, province_code, commune_code, name_folded, search_text, status, ended_on, founded_on, created_at, updated_at)
        VALUES (7, 'htx', 'HTX Nông nghiệp Vĩnh Bình', '91', '31064', 'htx nong nghiep vinh binh', 'htx nong nghiep vinh binh', 'active', NULL, '2019-04-03', '${at}', '${at}');
    `);
    const audit = old.prepare("INSERT INTO audit_log (entity, entity_id, action, at, before, after) VALUES ('organization', 7, ?, ?, ?, ?)");
    const dissolution = { eventId: 1, kind: 'dissolution', date: '2025-06-30', decisionNo: '9/QĐ', role: 'subject' };
    const founding = { eventId: 2, kind: 'founding', date: '2019-04-02', decisionNo: '', role: 'subject' };
    const rows: [string, object | null, object | null][] = [
      ['create', null, { kind: 'htx', name: 'HTX Nông nghiệp Vĩnh Bình', communeCode: '31064', status: 'active' }],
      // A founding recorded: the founding day it filled in reads as an edit, which an import also writes.
      ['update', { lifecycle: null }, { lifecycle: founding }],
      ['update', { foundedOn: null }, { foundedOn: '2019-04-02' }],
      // A dissolution recorded, then removed: the app set and unset the status and end date.
      ['update', { lifecycle: null }, { lifecycle: dissolution }],
      ['update', { status: 'active', endedOn: null }, { status: 'dissolved', endedOn: '2025-06-30' }],
      ['update', { lifecycle: dissolution }, { lifecycle: null }],
      ['update', { status: 'dissolved', endedOn: '2025-06-30' }, { status: 'active', endedOn: null }],
      // A person's edit keeps every field on both sides.
      ['update', { name: 'HTX Nông nghiệp Vĩnh Bình', status: 'active' }, { name: 'HTX NN Vĩnh Bình', status: 'active' }],
    ];
    for (const [action, before, after] of rows) audit.run(action, at, before && JSON.stringify(before), after && JSON.stringify(after));
    old.close();

    const app = openApp({ databaseFile: file, appRoot: repoRoot, appVersion: '0.0.0-test' });
    try {
      const history = await call(app, 'records:history', { kind: 'organization', id: 7 });
      expect(history.entries.map((entry) => entry.cause ?? null)).toEqual([
        null,
        { lifecycle: 'removed', kind: 'dissolution', date: '2025-06-30' },
        null,
        { lifecycle: 'recorded', kind: 'dissolution', date: '2025-06-30' },
        null,
        null,
        null,
        null,
      ]);
    } finally {
      app.close();
    }
  });
});

describe('an upgrade that rebuilds the register', () => {
  it('gives no new organization the id of one deleted for good before it, so none takes over another history, and keeps the planner its statistics', async () => {
    const file = join(dir, 'data.sqlite');
    const old = new Database(file);
    migrate(drizzle({ client: old }), { migrationsFolder: migrationsBefore('0028_code_checks_compared') });
    const at = '2026-06-01T08:00:00.000Z';
    old.exec(`INSERT INTO alliance (id, name, province_code, updated_at) VALUES (1, 'Liên minh Hợp tác xã tỉnh An Giang', '91', '${at}')`);
    const add = old.prepare(
      `INSERT INTO organizations (kind, name, province_code, commune_code, name_folded, search_text, created_at, updated_at) VALUES ('htx', ?, '91', '31064', ?, ?, '${at}', '${at}')`,
    );
    for (const name of ['HTX Vĩnh Bình', 'HTX Vĩnh An', 'HTX Nhơn Hưng']) add.run(name, name.toLowerCase(), name.toLowerCase());
    // The last one created by an import and taken away by its undo: gone from the register, not from the audit trail.
    old.prepare("INSERT INTO audit_log (entity, entity_id, action, at, before, after) VALUES ('organization', 3, 'create', ?, NULL, ?)").run(at, JSON.stringify({ name: 'HTX Nhơn Hưng' }));
    old.prepare("INSERT INTO audit_log (entity, entity_id, action, at, before, after) VALUES ('organization', 3, 'delete', ?, ?, NULL)").run(at, JSON.stringify({ name: 'HTX Nhơn Hưng' }));
    old.exec('DELETE FROM organizations WHERE id = 3');
    // The planner's statistics, as an ANALYZE left them.
    old.exec('ANALYZE');
    const statistics = old.prepare("SELECT idx, stat FROM sqlite_stat1 WHERE tbl = 'organizations' ORDER BY idx").all() as { idx: string; stat: string }[];
    expect(statistics.length).toBeGreaterThan(10);
    const definitionOf = (sqlite: Database.Database, name: string) => sqlite.prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?").pluck().get(name);
    const definitions = new Map(statistics.map(({ idx }) => [idx, definitionOf(old, idx)]));
    old.close();

    const app = openApp({ databaseFile: file, appRoot: repoRoot, appVersion: '0.0.0-test' });
    try {
      // The migration rebuilt the table from the rows left, ids 1 and 2.
      expect(app.ctx.db.$client.prepare("SELECT sql FROM sqlite_master WHERE name = 'organizations'").pluck().get()).toContain(`"kind" = 'htx' OR`);
      // Every index the later migrations left as it was keeps its figures; one they dropped or
      // changed (0035 put the name key first) waits for the next ANALYZE.
      const kept = statistics.filter(({ idx }) => definitionOf(app.ctx.db.$client, idx) === definitions.get(idx));
      expect(kept.length).toBeGreaterThan(8);
      expect(app.ctx.db.$client.prepare("SELECT idx, stat FROM sqlite_stat1 WHERE tbl = 'organizations' ORDER BY idx").all()).toEqual(kept);
      const created = await call(app, 'organizations:create', { kind: 'htx', name: 'HTX Dịch vụ Số 1', communeCode: '31064' });
      expect(created.id).toBe(4);
      const { entries } = await call(app, 'records:history', { kind: 'organization', id: created.id });
      expect(entries.map((entry) => entry.action)).toEqual(['create']);
    } finally {
      app.close();
    }
  });

  it('gives back the pages the rebuilt tables freed, keeping every row and the next id', async () => {
    const file = join(dir, 'data.sqlite');
    const old = new Database(file);
    old.pragma('journal_mode = WAL');
    migrate(drizzle({ client: old }), { migrationsFolder: migrationsBefore('0028_code_checks_compared') });
    const at = '2026-06-01T08:00:00.000Z';
    old.exec(`INSERT INTO alliance (id, name, province_code, updated_at) VALUES (1, 'Liên minh Hợp tác xã tỉnh An Giang', '91', '${at}')`);
    const add = old.prepare(
      `INSERT INTO organizations (kind, name, street, province_code, commune_code, name_folded, search_text, created_at, updated_at) VALUES ('htx', ?, ?, '91', '31064', ?, ?, '${at}', '${at}')`,
    );
    const figures = old.prepare(`INSERT INTO yearly_figures (organization_id, year, members_official, revenue, updated_at) VALUES (?, ?, 12, 1500000000, '${at}')`);
    // Twenty-five years of figures each: their table, rebuilt too, frees more than the search index takes again.
    old.transaction(() => {
      for (let number = 1; number <= 3000; number++) {
        const name = `HTX Nông nghiệp số ${number}`;
        const folded = `htx nong nghiep so ${number}`;
        const { lastInsertRowid } = add.run(name, `Ấp ${number}, xã Vĩnh Bình, huyện Châu Thành`, folded, folded);
        for (let year = 2001; year <= 2025; year++) figures.run(lastInsertRowid, year);
      }
    })();
    old.close();

    const app = openApp({ databaseFile: file, appRoot: repoRoot, appVersion: '0.0.0-test' });
    try {
      const sqlite = app.ctx.db.$client;
      // Rebuilt by the migration, then written again without the old tables' pages.
      expect(sqlite.prepare("SELECT sql FROM sqlite_master WHERE name = 'organizations'").pluck().get()).toContain(`"kind" = 'htx' OR`);
      expect(sqlite.pragma('freelist_count', { simple: true })).toBe(0);
      // And written over the old file, which holds no page past them.
      expect(statSync(file).size).toBeLessThanOrEqual((sqlite.pragma('page_count', { simple: true }) as number) * (sqlite.pragma('page_size', { simple: true }) as number));
      expect(sqlite.prepare('SELECT count(*) FROM organizations').pluck().get()).toBe(3000);
      expect(sqlite.prepare('SELECT count(*) FROM yearly_figures WHERE members_official = 12').pluck().get()).toBe(75_000);
      expect(sqlite.prepare('PRAGMA integrity_check').pluck().get()).toBe('ok');
      const created = await call(app, 'organizations:create', { kind: 'htx', name: 'HTX Dịch vụ Số 1', communeCode: '31064' });
      expect(created.id).toBe(3001);
      expect((await call(app, 'organizations:list', { query: 'nông nghiệp số 2999', pageSize: 5 })).rows.map((row) => row.name)).toEqual(['HTX Nông nghiệp số 2999']);
    } finally {
      app.close();
    }
  });
});

describe('a file an earlier version made with 4 KiB pages', () => {
  it('is written again once with the larger pages, keeping every row, id and the search; a new file has them from the start', async () => {
    const file = join(dir, 'data.sqlite');
    const made = openApp({ databaseFile: file, appRoot: repoRoot, appVersion: '0.0.0-test' });
    try {
      expect(made.ctx.db.$client.pragma('page_size', { simple: true })).toBe(PAGE_SIZE);
      await call(made, 'alliance:save', { name: 'Liên minh Hợp tác xã tỉnh An Giang', provinceCode: '91' });
      for (const name of ['HTX Vĩnh Bình', 'HTX Nông nghiệp Đông Thạnh']) await call(made, 'organizations:create', { kind: 'htx', name, communeCode: '31064' });
    } finally {
      made.close();
    }
    // Its pages written back as an earlier version (SQLite's default) left them.
    const old = new Database(file);
    old.pragma('journal_mode = DELETE');
    old.pragma('page_size = 4096');
    old.exec('VACUUM');
    old.pragma('journal_mode = WAL');
    expect(old.pragma('page_size', { simple: true })).toBe(4096);
    old.close();

    const app = openApp({ databaseFile: file, appRoot: repoRoot, appVersion: '0.0.0-test' });
    try {
      const sqlite = app.ctx.db.$client;
      expect(sqlite.pragma('page_size', { simple: true })).toBe(PAGE_SIZE);
      expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(sqlite.prepare('PRAGMA integrity_check').pluck().get()).toBe('ok');
      expect((await call(app, 'organizations:list', { query: 'dong thanh', pageSize: 5 })).rows.map((row) => row.name)).toEqual(['HTX Nông nghiệp Đông Thạnh']);
      const created = await call(app, 'organizations:create', { kind: 'htx', name: 'HTX Dịch vụ Số 1', communeCode: '31064' });
      expect(created.id).toBe(3);
    } finally {
      app.close();
    }
  });

  it('opens as it is while another program reads the file, and is written again at the next opening', async () => {
    const file = join(dir, 'data.sqlite');
    openApp({ databaseFile: file, appRoot: repoRoot, appVersion: '0.0.0-test' }).close();
    const old = new Database(file);
    old.pragma('journal_mode = DELETE');
    old.pragma('page_size = 4096');
    old.exec('VACUUM');
    old.pragma('journal_mode = WAL');
    old.close();
    // A reader in the middle of its transaction, as a database browser left open beside the app.
    const reader = new Database(file, { readonly: true });
    reader.exec('BEGIN');
    reader.prepare('SELECT count(*) FROM organizations').get();
    try {
      const app = openApp({ databaseFile: file, appRoot: repoRoot, appVersion: '0.0.0-test' });
      try {
        expect(app.ctx.db.$client.pragma('page_size', { simple: true })).toBe(4096);
        expect(app.ctx.db.$client.pragma('journal_mode', { simple: true })).toBe('wal');
        await call(app, 'alliance:save', { name: 'Liên minh Hợp tác xã tỉnh An Giang', provinceCode: '91' });
        await call(app, 'organizations:create', { kind: 'htx', name: 'HTX Vĩnh Bình', communeCode: '31064' });
      } finally {
        app.close();
      }
    } finally {
      reader.close();
    }
    const app = openApp({ databaseFile: file, appRoot: repoRoot, appVersion: '0.0.0-test' });
    try {
      expect(app.ctx.db.$client.pragma('page_size', { simple: true })).toBe(PAGE_SIZE);
      expect((await call(app, 'organizations:list', { query: 'vinh binh', pageSize: 5 })).rows.map((row) => row.name)).toEqual(['HTX Vĩnh Bình']);
    } finally {
      app.close();
    }
  });
});
