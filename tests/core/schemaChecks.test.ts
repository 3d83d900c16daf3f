import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openApp } from '../../src/core/app';
import { refreshAdminUnits } from '../../src/core/shippedData';
import { AN_GIANG, call, migrationsFolder, openTestApp, repoRoot, XA_VINH_AN, XA_VINH_BINH } from './support';

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'htx-checks-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The migrations as a version before the one tagged `…name` shipped them (numbers change at merges, names do not). */
function migrationsBefore(name: string): string {
  const folder = join(dir, `drizzle-before-${name}`);
  cpSync(migrationsFolder, folder, { recursive: true });
  const journalFile = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
  const index = journal.entries.findIndex((entry) => entry.tag.endsWith(name));
  expect(index).toBeGreaterThan(0);
  journal.entries = journal.entries.slice(0, index);
  writeFileSync(journalFile, JSON.stringify(journal));
  return folder;
}

const at = '2026-03-05T08:00:00.000Z';

/** Valid rows as the version with migrations 0000–0006 wrote them: every coded and dated column filled. */
const rowsOfAnOldVersion = `
  INSERT INTO alliance (id, name, province_code, updated_at) VALUES (1, 'Liên minh Hợp tác xã tỉnh An Giang', '91', '${at}');
  INSERT INTO organizations (id, kind, name, province_code, commune_code, founded_on, member_since, status, ended_on, name_folded, search_text, created_at, updated_at)
    VALUES (7, 'htx', 'HTX Nông nghiệp Vĩnh Bình', '91', '31064', '2019-06-05', '2020-01-01', 'dissolved', '2025-12-31', 'htx nong nghiep vinh binh', 'htx nong nghiep vinh binh', '${at}', '${at}'),
           (8, 'tht', 'Tổ hợp tác Đồng Tâm', '91', '30604', NULL, NULL, 'active', NULL, 'to hop tac dong tam', 'to hop tac dong tam', '${at}', '${at}');
  INSERT INTO yearly_figures (organization_id, year, members_official, classification, updated_at) VALUES (7, 2024, 12, 'good', '${at}');
  INSERT INTO lifecycle_events (id, kind, date, created_at) VALUES (1, 'dissolution', '2025-12-31', '${at}');
  INSERT INTO lifecycle_participants (event_id, organization_id, role) VALUES (1, 7, 'subject');
  INSERT INTO partners (id, kind, business_line, name, province_code, name_folded, search_text, created_at, updated_at)
    VALUES (3, 'enterprise', 'supermarket', 'Công ty CP Thực phẩm Hà Nội', '01', 'cong ty cp thuc pham ha noi', 'x', '${at}', '${at}');
  INSERT INTO events (id, kind, title, title_folded, starts_on, ends_on, search_text, created_at, updated_at)
    VALUES (4, 'thematic_conference', 'Hội nghị chuyên đề lúa gạo', 'hoi nghi chuyen de lua gao', '2026-03-05', '2026-03-06', 'x', '${at}', '${at}');
  INSERT INTO event_participants (event_id, organization_id, role, status) VALUES (4, 7, 'host', 'attended');
  INSERT INTO event_participants (event_id, partner_id, role, status) VALUES (4, 3, 'guest', 'invited');
  INSERT INTO agreements (id, kind, title, title_folded, signed_on, event_id, valid_from, valid_until, created_at, updated_at)
    VALUES (1, 'mou', 'Tiêu thụ lúa gạo', 'tieu thu lua gao', '2026-03-05', 4, '2026-03-05', '2026-12-31', '${at}', '${at}');
  INSERT INTO agreement_parties (agreement_id, kind, organization_id, role) VALUES (1, 'organization', 7, 'seller');
  INSERT INTO agreement_parties (agreement_id, kind, role) VALUES (1, 'alliance', 'witness');
  INSERT INTO agreement_commitments (id, agreement_id, product, product_folded, quantity, unit, starts_on, due_on) VALUES (1, 1, 'Lúa', 'lua', 50, 'tấn', '2026-03-05', '2026-06-30');
  INSERT INTO agreement_deliveries (commitment_id, delivered_on, quantity, created_at) VALUES (1, '2026-04-01', 10, '${at}');
  INSERT INTO agreement_notes (agreement_id, noted_on, text, created_at) VALUES (1, '2026-04-02', 'Gọi điện', '${at}');
  INSERT INTO import_batches (id, kind, file_name, created_at) VALUES (1, 'organizations', 'ds.xlsx', '${at}');
  INSERT INTO import_changes (batch_id, entity, entity_id, action) VALUES (1, 'organization', 8, 'create');
  INSERT INTO audit_log (entity, entity_id, action, at) VALUES ('event', 4, 'create', '${at}');
`;

describe('a database written by an earlier version', { timeout: 60_000 }, () => {
  it('is brought up with its valid rows kept, under the new checks, with event kinds and roles as lookups and the administrative units as tables', async () => {
    const file = join(dir, 'data.sqlite');
    // The first version with events and agreements (the checkout d2a118f shipped migrations 0000–0006).
    const old = new Database(file);
    migrate(drizzle({ client: old }), { migrationsFolder: migrationsBefore('_hand_made_structures_dropped') });
    old.exec(rowsOfAnOldVersion);
    old.close();

    const app = openApp({ databaseFile: file, appRoot: repoRoot, appVersion: '0.0.0-test' });
    try {
      const sqlite = app.ctx.db.$client;
      expect(sqlite.prepare('SELECT id, kind, status, founded_on AS foundedOn, ended_on AS endedOn FROM organizations ORDER BY id').all()).toEqual([
        { id: 7, kind: 'htx', status: 'dissolved', foundedOn: '2019-06-05', endedOn: '2025-12-31' },
        { id: 8, kind: 'tht', status: 'active', foundedOn: null, endedOn: null },
      ]);
      expect(sqlite.prepare('SELECT count(*) FROM agreement_deliveries').pluck().get()).toBe(1);
      expect(sqlite.prepare('SELECT count(*) FROM agreement_notes').pluck().get()).toBe(1);
      // The event keeps its kind, and its participants their roles, now rows of the office's lookups.
      const event = await call(app, 'events:get', { id: 4 });
      expect(event.kind).toBe('thematic_conference');
      expect(event.participants.map((participant) => participant.role).sort()).toEqual(['guest', 'host']);
      const lookups = await call(app, 'events:lookups', undefined);
      expect(lookups.kinds.find((row) => row.code === 'thematic_conference')).toEqual({ code: 'thematic_conference', name: 'Hội nghị chuyên đề', retired: false, used: 1, online: false });
      // The online meeting, held in no province by a rule in code before, is marked so in its row.
      expect(lookups.kinds.filter((row) => row.online).map((row) => row.code)).toEqual(['online_meeting']);
      expect(lookups.roles.filter((row) => row.used > 0).map((row) => row.name)).toEqual(['Chủ trì', 'Khách mời']);
      // The checks hold for what was carried over: none is violated, and a bad row is now refused.
      expect(sqlite.prepare('PRAGMA integrity_check').pluck().get()).toBe('ok');
      expect(() => sqlite.prepare("UPDATE organizations SET founded_on = '05/06/2019' WHERE id = 7").run()).toThrow(/organizations_founded_on_date/);
      expect(sqlite.prepare('SELECT count(*) FROM provinces').pluck().get()).toBe(34);
      expect(sqlite.prepare('SELECT count(*) FROM communes').pluck().get()).toBe(3321);
    } finally {
      app.close();
    }
  });

  it('of the version just before these checks opens too', () => {
    const file = join(dir, 'data.sqlite');
    const old = new Database(file);
    migrate(drizzle({ client: old }), { migrationsFolder: migrationsBefore('_schema_checks_admin_units') });
    old.exec(rowsOfAnOldVersion);
    old.exec(`
      INSERT INTO programmes (id, name, name_folded, starts_on, ends_on, created_at, updated_at) VALUES (1, 'Chương trình 503', 'chuong trinh 503', '2021-01-01', NULL, '${at}', '${at}');
      INSERT INTO supply_offers (organization_id, product, product_folded, product_group_code, quantity, unit_code, available_from, available_until, commune_code, province_code, created_at, updated_at)
        VALUES (8, 'Gạo', 'gao', 'lua_gao', 5, 'tan', '2026-05-01', '2026-07-31', '30604', '91', '${at}', '${at}');
      INSERT INTO plans (id, kind, title, title_folded, issued_on, period_from, period_to, sector_group, status, created_at, updated_at)
        VALUES (1, 'year', 'Kế hoạch 2026', 'ke hoach 2026', '2026-01-10', '2026-01-01', '2026-12-31', 'agriculture', 'issued', '${at}', '${at}');
      INSERT INTO plan_targets (plan_id, position, title, comparison, value, unit) VALUES (1, 1, 'Thành lập mới', 'at_least', 3, 'count');
    `);
    old.close();
    const app = openApp({ databaseFile: file, appRoot: repoRoot, appVersion: '0.0.0-test' });
    try {
      const sqlite = app.ctx.db.$client;
      expect(sqlite.prepare('SELECT count(*) FROM supply_offers').pluck().get()).toBe(1);
      expect(sqlite.prepare('SELECT status FROM plans').pluck().get()).toBe('issued');
      expect(sqlite.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
    } finally {
      app.close();
    }
  });
});

describe('SQLite itself', () => {
  let app: ReturnType<typeof openTestApp>;
  beforeEach(() => (app = openTestApp()));
  afterEach(() => app.close());

  const organization = (columns: Record<string, string | null>) => {
    const row = { kind: 'htx', name: 'x', province_code: AN_GIANG, commune_code: XA_VINH_AN, name_folded: 'x', search_text: 'x', created_at: at, updated_at: at, ...columns };
    const names = Object.keys(row);
    return () => app.ctx.db.$client.prepare(`INSERT INTO organizations (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`).run(...Object.values(row));
  };

  it('refuses a code outside a closed list, written straight into a table', () => {
    expect(organization({ kind: 'hop_tac_xa' })).toThrow('CHECK constraint failed: organizations_kind_code');
    expect(organization({ status: 'closed' })).toThrow('CHECK constraint failed: organizations_status_code');
    const sqlite = app.ctx.db.$client;
    expect(() =>
      sqlite.prepare(`INSERT INTO partners (kind, name, province_code, name_folded, search_text, created_at, updated_at) VALUES ('bank', 'x', '01', 'x', 'x', ?, ?)`).run(at, at),
    ).toThrow('CHECK constraint failed: partners_kind_code');
    expect(() => sqlite.prepare(`INSERT INTO audit_log (entity, entity_id, action, at) VALUES ('event', 1, 'erase', ?)`).run(at)).toThrow('CHECK constraint failed: audit_log_action_code');
    // An event's kind is the office's lookup: any row of it, and only those.
    expect(() =>
      sqlite.prepare(`INSERT INTO events (kind, title, title_folded, starts_on, ends_on, search_text, created_at, updated_at) VALUES ('party', 'x', 'x', '2026-01-01', '2026-01-01', 'x', ?, ?)`).run(at, at),
    ).toThrow('FOREIGN KEY constraint failed');
  });

  it('refuses a date that is not an existing day written YYYY-MM-DD, and takes a good one or none', () => {
    expect(organization({ founded_on: '2025-02-30' })).toThrow('CHECK constraint failed: organizations_founded_on_date');
    expect(organization({ founded_on: '2025-13-01' })).toThrow('CHECK constraint failed: organizations_founded_on_date');
    expect(organization({ founded_on: '05/06/2019' })).toThrow('CHECK constraint failed: organizations_founded_on_date');
    expect(organization({ member_since: '2019-6-5' })).toThrow('CHECK constraint failed: organizations_member_since_date');
    expect(organization({ ended_on: '2024-02-29T00:00' })).toThrow('CHECK constraint failed: organizations_ended_on_date');
    expect(organization({ founded_on: '2024-02-29' })).not.toThrow();
    expect(organization({ founded_on: null })).not.toThrow();
    const sqlite = app.ctx.db.$client;
    expect(() =>
      sqlite
        .prepare(`INSERT INTO events (kind, title, title_folded, starts_on, starts_at, ends_on, search_text, created_at, updated_at) VALUES ('seminar', 'x', 'x', '2026-01-01', '25:00', '2026-01-01', 'x', ?, ?)`)
        .run(at, at),
    ).toThrow('CHECK constraint failed: events_starts_at_time');
  });
});

describe('the administrative units as tables', () => {
  it('hold the shipped units in Vietnamese order, and are filled again when the shipped file changes', () => {
    const app = openTestApp();
    try {
      const sqlite = app.ctx.db.$client;
      expect(sqlite.prepare('SELECT count(*) FROM communes').pluck().get()).toBe(3321);
      // Đ after D, not after Z as SQLite's byte order would have it.
      const names = sqlite.prepare("SELECT name FROM provinces ORDER BY sort_order").pluck().all() as string[];
      expect(names.slice(names.indexOf('Cà Mau'), names.indexOf('Hà Nội'))).toEqual(['Cà Mau', 'Cao Bằng', 'Cần Thơ', 'Đà Nẵng', 'Đắk Lắk', 'Điện Biên', 'Đồng Nai', 'Đồng Tháp', 'Gia Lai']);
      expect(refreshAdminUnits(app.ctx)).toBe(false);
      // A new version ships another file: its fingerprint differs from the one stored.
      sqlite.prepare("UPDATE settings SET value = '\"older\"' WHERE key = 'admin_units'").run();
      sqlite.prepare("UPDATE communes SET name = 'Cũ' WHERE code = ?").run(XA_VINH_BINH);
      expect(refreshAdminUnits(app.ctx)).toBe(true);
      expect(sqlite.prepare('SELECT name FROM communes WHERE code = ?').pluck().get(XA_VINH_BINH)).toBe('Vĩnh Bình');
    } finally {
      app.close();
    }
  });

  it('sort the register by commune in SQL, in Vietnamese order', async () => {
    const app = openTestApp();
    try {
      await call(app, 'alliance:save', { name: 'Liên minh Hợp tác xã tỉnh An Giang', provinceCode: AN_GIANG });
      const anGiang = await call(app, 'places:communes', { provinceCode: AN_GIANG });
      const pick = (name: string) => anGiang.find((commune) => commune.name === name)?.code ?? '';
      for (const [name, commune] of [
        ['HTX Một', 'Vĩnh Bình'],
        ['HTX Hai', 'Định Mỹ'],
        ['HTX Ba', 'Bình Mỹ'],
      ] as const) {
        await call(app, 'organizations:create', { kind: 'htx', name, communeCode: pick(commune) });
      }
      const page = await call(app, 'organizations:list', { sort: { by: 'commune', direction: 'asc' }, page: 1, pageSize: 10 });
      expect(page.rows.map((row) => row.communeName)).toEqual(['Xã Bình Mỹ', 'Xã Định Mỹ', 'Xã Vĩnh Bình']);
      const down = await call(app, 'organizations:list', { sort: { by: 'commune', direction: 'desc' }, page: 1, pageSize: 10 });
      expect(down.rows.map((row) => row.communeName)).toEqual(['Xã Vĩnh Bình', 'Xã Định Mỹ', 'Xã Bình Mỹ']);
    } finally {
      app.close();
    }
  });
});
