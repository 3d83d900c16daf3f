import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Backups } from '../../src/core/backup/backups';
import { openDatabase } from '../../src/core/db/open';
import { AppFailure } from '../../src/shared/errors';
import { databaseFailure } from '../../src/core/db/health';
import { dispatch } from '../../src/core/handlers';
import type { AppError } from '../../src/shared/errors';
import { AN_GIANG, call, journalEntries, migrationsFolder, openTestApp, XA_VINH_AN } from './support';

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'htx-db-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A copy of the real migrations with one more, as a later version of the app would ship. */
function migrationsWithOneMore(): string {
  const folder = join(dir, 'drizzle-next');
  cpSync(migrationsFolder, folder, { recursive: true });
  const journalFile = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: object[] };
  const last = journalEntries().at(-1);
  if (!last) throw new Error('no migrations');
  journal.entries.push({ idx: journal.entries.length, version: '6', when: last.when + 1000, tag: '9999_next', breakpoints: true });
  writeFileSync(journalFile, JSON.stringify(journal));
  writeFileSync(join(folder, '9999_next.sql'), 'CREATE TABLE `next_feature` (`id` integer PRIMARY KEY);');
  return folder;
}

describe('openDatabase', () => {
  it('reuses prepared statements, each returning rows as its caller asks', () => {
    const opened = openDatabase({ file: ':memory:', migrationsFolder });
    const client = opened.db.$client;
    const first = client.prepare('SELECT 1 AS one');
    expect(client.prepare('SELECT 1 AS one')).toBe(first);
    expect(first.raw().get()).toEqual([1]);
    expect(client.prepare('SELECT 1 AS one').get()).toEqual({ one: 1 });
    expect(client.prepare('SELECT 1 AS one').pluck().get()).toBe(1);
    expect(client.prepare('SELECT 1 AS one').get()).toEqual({ one: 1 });
    // While one is being iterated, the same SQL gets a statement of its own.
    const rows = client.prepare('SELECT 1 AS one').iterate();
    expect(rows.next().value).toEqual({ one: 1 });
    expect(client.prepare('SELECT 1 AS one').get()).toEqual({ one: 1 });
    rows.return?.();
    opened.close();
  });

  it('creates a new file with every migration, WAL and foreign keys on', () => {
    const file = join(dir, 'data.sqlite');
    const opened = openDatabase({ file, migrationsFolder });
    expect(opened.schemaVersion).toBe(journalEntries().length);
    expect(opened.backupFile).toBeNull();
    expect(opened.db.$client.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(opened.db.$client.pragma('foreign_keys', { simple: true })).toBe(1);
    const tables = opened.db.$client.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['alliance', 'organizations', 'audit_log']));
    opened.close();
  });

  it('checks every reference after pending migrations ran, and not at an opening that runs none', () => {
    const file = join(dir, 'data.sqlite');
    openDatabase({ file, migrationsFolder }).close();
    // A row pointing at no organization, as only a write with the keys off could leave one.
    const raw = new Database(file);
    raw.pragma('foreign_keys = OFF');
    raw.prepare("INSERT INTO yearly_figures (organization_id, year, updated_at) VALUES (999, 2025, '2026-01-01T00:00:00.000Z')").run();
    raw.close();

    // Nothing pending: nothing was rewritten with the keys off, so no row is read for them.
    const same = openDatabase({ file, migrationsFolder });
    expect(same.schemaVersion).toBe(journalEntries().length);
    same.close();

    // A migration ran with the keys off: the broken reference is found and the opening refused.
    let refusal: unknown;
    try {
      openDatabase({ file, migrationsFolder: migrationsWithOneMore() }).close();
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(AppFailure);
    expect((refusal as AppFailure).error.message).toContain('để lại 1 dòng tham chiếu tới dữ liệu không còn (bảng yearly_figures)');
  });

  it('backs the file up before running pending migrations, and the copy keeps the old schema', () => {
    const file = join(dir, 'data.sqlite');
    const first = openDatabase({ file, migrationsFolder });
    first.db.$client.prepare("INSERT INTO alliance (id, name, province_code, updated_at) VALUES (1, 'LM HTX tỉnh An Giang', '91', 'x')").run();
    first.close();

    const backups = new Backups({ databaseFile: file, dataDir: join(dir, 'data-tep'), migrationsFolder: migrationsWithOneMore(), appVersion: '2.0.0' });
    const next = backups.openDataFile(() => new Date(2026, 10, 23, 8, 2, 3));
    expect(next.backupFile).toBe(join(dir, 'data-sao-luu', '2026-11-23_08-02-03_truoc-cap-nhat', 'du-lieu.sqlite'));
    expect(next.schemaVersion).toBe(journalEntries().length + 1);
    expect(next.db.$client.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'next_feature'").pluck().get()).toBe(1);
    next.close();

    const backup = new Database(next.backupFile ?? '', { readonly: true });
    expect(backup.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'next_feature'").pluck().get()).toBe(0);
    expect(backup.prepare('SELECT name FROM alliance').pluck().get()).toBe('LM HTX tỉnh An Giang');
    backup.close();
    const [stored] = backups.list(new Date(2026, 10, 23, 8, 2, 3));
    expect(stored?.manifest).toMatchObject({ reason: 'beforeMigration', problem: null, lastMigration: journalEntries().at(-1)?.when, appVersion: '2.0.0' });
  });

  it('takes no copy when nothing is pending', () => {
    const file = join(dir, 'data.sqlite');
    openDatabase({ file, migrationsFolder }).close();
    const again = openDatabase({ file, migrationsFolder });
    expect(again.backupFile).toBeNull();
    again.close();
  });

  it('refuses a database written by a newer version, and leaves it untouched', () => {
    const file = join(dir, 'data.sqlite');
    openDatabase({ file, migrationsFolder: migrationsWithOneMore() }).close();
    const before = readFileSync(file);
    let failure: unknown;
    try {
      openDatabase({ file, migrationsFolder });
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(AppFailure);
    expect((failure as AppFailure).message).toBe(
      `Tệp dữ liệu ${file} do một phiên bản HTX Desk mới hơn ghi. Hãy cập nhật HTX Desk lên phiên bản mới nhất rồi mở lại; tệp không bị thay đổi.`,
    );
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(existsSync(`${file}-wal`) ? readFileSync(`${file}-wal`).length : 0).toBe(0);
  });

  it('opens read-only (for a file another app holds) only when no migration is pending, and writes nothing', () => {
    const file = join(dir, 'data.sqlite');
    openDatabase({ file, migrationsFolder }).close();
    const before = readFileSync(file);
    expect(() => openDatabase({ file, migrationsFolder: migrationsWithOneMore(), readOnly: true })).toThrow(
      `Tệp dữ liệu ${file} đang được một HTX Desk khác mở và cần cập nhật cấu trúc cho phiên bản này, nên chưa mở được ở đây. Hãy đóng HTX Desk kia rồi mở lại.`,
    );
    const reader = openDatabase({ file, migrationsFolder, readOnly: true });
    expect(reader.schemaVersion).toBe(journalEntries().length);
    expect(() => reader.db.$client.prepare("INSERT INTO settings (key, value) VALUES ('x', 'y')").run()).toThrow(/readonly/);
    reader.close();
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a newer database in rollback-journal mode without switching it to WAL', () => {
    const file = join(dir, 'data.sqlite');
    const newer = openDatabase({ file, migrationsFolder: migrationsWithOneMore() });
    newer.db.$client.pragma('journal_mode = DELETE');
    newer.close();
    const before = readFileSync(file);
    expect(() => openDatabase({ file, migrationsFolder })).toThrow(/mới hơn ghi.*tệp không bị thay đổi/);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(existsSync(`${file}-wal`)).toBe(false);
    const check = new Database(file, { readonly: true });
    expect(check.pragma('journal_mode', { simple: true })).toBe('delete');
    check.close();
  });
});

describe("SQLite's failures, as a person reads them", () => {
  it('says a full disk, a missing folder, a broken disk and a file that is not a database in Vietnamese', async () => {
    const app = openTestApp();
    try {
      await call(app, 'alliance:save', { name: 'Liên minh Hợp tác xã tỉnh An Giang', provinceCode: AN_GIANG });
      // The disk "fills up": SQLite may not grow the file past its size now.
      const pages = app.ctx.db.$client.pragma('page_count', { simple: true }) as number;
      app.ctx.db.$client.pragma(`max_page_count = ${pages}`);
      let failure: AppError | null = null;
      for (let index = 0; index < 500 && failure === null; index += 1) {
        const result = await dispatch(app.ctx, 'organizations:create', { kind: 'htx', name: `HTX Nông nghiệp số ${index} ${'x'.repeat(150)}`, communeCode: XA_VINH_AN }, { log: () => undefined });
        if (!result.ok) failure = result.error;
      }
      expect(failure).toEqual({
        kind: 'internal',
        message: 'Ổ đĩa đã đầy nên thay đổi này chưa được ghi; dữ liệu đã lưu không bị ảnh hưởng. Hãy giải phóng chỗ trống trên ổ đĩa rồi thử lại.',
      });
    } finally {
      app.close();
    }

    let cantOpen: unknown;
    try {
      new Database(dir);
    } catch (error) {
      cantOpen = error;
    }
    expect(databaseFailure(cantOpen, { mode: 'write' })?.message).toBe(
      'Không mở được tệp dữ liệu: tệp hoặc thư mục chứa nó đã bị di chuyển, đổi tên, xóa, hoặc không có quyền truy cập.',
    );
    expect(databaseFailure(new Database.SqliteError('disk I/O error', 'SQLITE_IOERR_WRITE'), { mode: 'write' })?.message).toMatch(/^Không đọc, ghi được tệp dữ liệu trên ổ đĩa/);
    const notADatabase = join(dir, 'ghi-chu.sqlite');
    writeFileSync(notADatabase, 'chỉ là ghi chú, không phải dữ liệu '.repeat(200));
    let notADb: unknown;
    try {
      new Database(notADatabase).prepare('SELECT 1 FROM sqlite_master').get();
    } catch (error) {
      notADb = error;
    }
    expect((notADb as Error).message).toBe('file is not a database');
    expect(databaseFailure(notADb, { mode: 'write' })?.message).toMatch(/^Tệp dữ liệu bị hỏng/);
    // A fault of the app itself stays "unexpected", its details in the log.
    expect(databaseFailure(new Database.SqliteError('no such table: x', 'SQLITE_ERROR'), { mode: 'write' })).toBeNull();
  });
});
