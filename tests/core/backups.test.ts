import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openApp, type OpenAppOptions, type OpenedApp } from '../../src/core/app';
import { Backups } from '../../src/core/backup/backups';
import { copyAndCheck } from '../../src/core/backup/check';
import { backupsToRemove } from '../../src/core/backup/rotation';
import { stagedFile } from '../../src/core/files';
import { dispatch } from '../../src/core/handlers';
import { JobKind } from '../../src/core/jobs';
import type { BackupInfo, FileChunk } from '../../src/shared/contract';
import { AN_GIANG, call, callFailing, repoRoot, XA_VINH_AN, XA_VINH_BINH } from './support';
import { analyze, commitOf, previewOf, proposedMapping, settle, stage, undoOf } from './importWorkbooks';

type TestApp = OpenedApp & { setNow(date: Date): void };
let app: TestApp;
const opened: TestApp[] = [];
const folders: string[] = [];

/**
 * An app on a data file (a new one in a folder of its own unless given), with a clock the test
 * moves; closing it leaves its files, so a test can open the same file again.
 */
function openOffice(start: Date, databaseFile?: string, autoBackup?: OpenAppOptions['autoBackup']): TestApp {
  let now = start;
  if (databaseFile === undefined) {
    const folder = mkdtempSync(join(tmpdir(), 'htx-backup-'));
    folders.push(folder);
    databaseFile = join(folder, 'test.sqlite');
  }
  const office = openApp({ databaseFile, appRoot: repoRoot, appVersion: '0.0.0-test', clock: () => now, ...(autoBackup ? { autoBackup } : {}) });
  let closed = false;
  const tracked: TestApp = {
    ...office,
    setNow: (date) => (now = date),
    close: () => {
      if (!closed) office.close();
      closed = true;
    },
  };
  opened.push(tracked);
  return tracked;
}

/** A working morning in the office's own time. */
function at(day: string, time = '08:00'): Date {
  return new Date(`${day}T${time}:00`);
}

beforeEach(async () => {
  app = openOffice(at('2026-03-10'));
  await call(app, 'alliance:save', { name: 'Liên minh Hợp tác xã tỉnh An Giang', provinceCode: AN_GIANG });
});
afterEach(() => {
  for (const each of opened.splice(0)) each.close();
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

async function upload(target: TestApp, fileName: string, bytes: Buffer): Promise<string> {
  const { fileId } = await call(target, 'files:begin', { fileName });
  for (let offset = 0; offset < bytes.length || offset === 0; offset += 3 * 1024 * 1024) {
    await call(target, 'files:append', { fileId, chunk: bytes.subarray(offset, offset + 3 * 1024 * 1024).toString('base64') });
    if (bytes.length === 0) break;
  }
  return fileId;
}

/** Two cooperatives, a partner, an event and an agreement with a scan attached. */
async function officeData(target: TestApp) {
  const vinhBinh = await call(target, 'organizations:create', { kind: 'htx', name: 'HTX Nông nghiệp Vĩnh Bình', communeCode: XA_VINH_AN });
  const nhonHung = await call(target, 'organizations:create', { kind: 'htx', name: 'HTX Đường thốt nốt Nhơn Hưng', communeCode: XA_VINH_BINH });
  const hafoods = await call(target, 'partners:create', { kind: 'enterprise', name: 'Công ty CP Thực phẩm Hà Nội', provinceCode: '01' });
  const conference = await call(target, 'events:create', {
    kind: 'supply_demand_conference',
    title: 'Hội nghị kết nối cung – cầu nông sản An Giang 2026',
    startsOn: '2026-03-05',
    provinceCode: AN_GIANG,
  });
  const agreement = await call(target, 'agreements:create', {
    kind: 'mou',
    title: 'Biên bản ghi nhớ tiêu thụ lúa gạo vụ Đông Xuân',
    signedOn: '2026-03-05',
    eventId: conference.id,
    parties: [
      { kind: 'organization', id: vinhBinh.id, role: 'seller' },
      { kind: 'partner', id: hafoods.id, role: 'buyer' },
    ],
    commitments: [],
  });
  const scan = Buffer.alloc(200_000);
  for (let index = 0; index < scan.length; index += 1) scan[index] = (index * 7) % 251;
  const attachment = await call(target, 'agreements:addAttachment', { agreementId: agreement.id, fileId: await upload(target, 'Biên bản ký kết.pdf', scan) });
  return { vinhBinh, nhonHung, hafoods, conference, agreement, attachment, scan };
}

async function organizationNames(target: TestApp): Promise<string[]> {
  return (await call(target, 'organizations:list', { page: 1, pageSize: 50 })).rows.map((row) => row.name);
}

async function attachmentBytes(target: TestApp, attachmentId: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  for (let offset: number | null = 0; offset !== null; ) {
    const chunk: FileChunk = await call(target, 'agreements:readAttachment', { attachmentId, offset });
    parts.push(Buffer.from(chunk.chunk, 'base64'));
    offset = chunk.nextOffset;
  }
  return Buffer.concat(parts);
}

/** The files of the data folder, as paths inside it. */
function dataFiles(target: TestApp): string[] {
  if (!existsSync(target.ctx.dataDir)) return [];
  return (readdirSync(target.ctx.dataDir, { recursive: true, withFileTypes: true }) as { name: string; parentPath: string; isFile(): boolean }[])
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(target.ctx.dataDir.length + 1))
    .sort();
}

describe('a backup while the office works', () => {
  it('is copied while saves keep coming, as the data was committed when the copy began', { timeout: 60_000 }, async () => {
    // A file of some 30 MB, which takes the copy many steps.
    const folder = mkdtempSync(join(tmpdir(), 'htx-copy-'));
    folders.push(folder);
    const source = join(folder, 'source.sqlite');
    const writer = new Database(source);
    writer.pragma('journal_mode = WAL');
    writer.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL)');
    const add = writer.prepare('INSERT INTO notes (text) VALUES (?)');
    writer.transaction(() => {
      for (let index = 0; index < 250_000; index += 1) add.run(`Ghi chép số ${String(index)} của văn phòng Liên minh, đủ dài để chiếm chỗ`);
    })();
    const copying = { over: false };
    const copy = copyAndCheck(source, join(folder, 'copy.sqlite')).check.finally(() => (copying.over = true));
    // Saves come meanwhile, each a commit of its own, far more often than a person makes them:
    // without one reading of the file, each would start the copy over, and it would never end.
    let saved = 0;
    const started = performance.now();
    while (!copying.over && performance.now() - started < 20_000) {
      add.run('Một thay đổi trong lúc sao lưu');
      saved += 1;
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    expect(copying.over).toBe(true);
    const check = await copy;
    writer.close();
    expect(check.problem).toBeNull();
    const held = new Database(join(folder, 'copy.sqlite'), { readonly: true });
    const rows = held.prepare('SELECT count(*) FROM notes').pluck().get() as number;
    held.close();
    expect(rows).toBeGreaterThanOrEqual(250_000);
    expect(rows).toBeLessThanOrEqual(250_000 + saved);
  });
});

describe('a backup, restored', () => {
  it('brings back the same records and attached files, after keeping the data as it was', async () => {
    const { agreement, attachment, scan, nhonHung } = await officeData(app);
    const before = await organizationNames(app);
    const backup = await call(app, 'backups:create', undefined);
    expect(backup).toMatchObject({
      reason: 'manual',
      takenAt: at('2026-03-10').toISOString(),
      counts: { organizations: 2, partners: 1, events: 1, agreements: 1 },
      attachments: 1,
      sound: true,
    });
    expect(backup.id).toBe('2026-03-10_08-00-00_thu-cong');
    const folder = join(app.ctx.databaseFile, '..', 'test-sao-luu', backup.id);
    expect(readdirSync(folder).sort()).toEqual(['du-lieu.sqlite', 'tep', 'thong-tin.json']);

    // An hour of work, some of it regretted.
    app.setNow(at('2026-03-10', '09:00'));
    await call(app, 'organizations:delete', { id: nhonHung.id });
    await call(app, 'agreements:removeAttachment', { id: attachment.id });
    await call(app, 'organizations:create', { kind: 'htx', name: 'HTX Rau an toàn Bình Hòa', communeCode: XA_VINH_AN });
    const afterwards = await organizationNames(app);
    expect(afterwards).toEqual(['HTX Nông nghiệp Vĩnh Bình', 'HTX Rau an toàn Bình Hòa']);
    expect(dataFiles(app)).toEqual([]);

    const { restored, safetyCopy } = await call(app, 'backups:restore', { id: backup.id });
    expect(restored).toEqual(backup);
    expect(safetyCopy).toMatchObject({
      reason: 'beforeRestore',
      takenAt: at('2026-03-10', '09:00').toISOString(),
      counts: { organizations: 2, partners: 1, events: 1, agreements: 1 },
      attachments: 0,
      sound: true,
    });

    expect(await organizationNames(app)).toEqual(before);
    expect((await call(app, 'organizations:trash', {})).rows).toEqual([]);
    expect((await call(app, 'agreements:get', { id: agreement.id })).attachments.map((each) => each.fileName)).toEqual(['Biên bản ký kết.pdf']);
    expect((await attachmentBytes(app, attachment.id)).equals(scan)).toBe(true);
    expect(dataFiles(app)).toEqual([join('dinh-kem', String(agreement.id), 'Biên bản ký kết.pdf')]);
    expect(app.ctx.db.$client.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(app.ctx.db.$client.pragma('journal_mode', { simple: true })).toBe('wal');

    // The app goes on writing on the restored data, and the safety copy takes it back again.
    await call(app, 'organizations:create', { kind: 'htx', name: 'HTX Thủy sản Mỹ Hòa Hưng', communeCode: XA_VINH_BINH });
    expect(await organizationNames(app)).toHaveLength(3);
    await call(app, 'backups:restore', { id: safetyCopy.id });
    expect(await organizationNames(app)).toEqual(afterwards);
    expect(dataFiles(app)).toEqual([]);
  });

  it('is refused while a job runs, and when the backup is not there', async () => {
    const backup = await call(app, 'backups:create', undefined);
    let finish: () => void = () => undefined;
    const jobId = app.ctx.jobs.start(new JobKind<void>('test'), () => new Promise<void>((resolve) => (finish = resolve)));
    await new Promise((resolve) => setImmediate(resolve));
    expect(await callFailing(app, 'backups:restore', { id: backup.id })).toEqual({
      kind: 'conflict',
      message: 'Đang có một công việc chạy (nhập hoặc xuất Excel, báo cáo, sao lưu). Hãy đợi nó xong hoặc bấm Hủy, rồi khôi phục lại.',
    });
    finish();
    await settle(app, jobId);
    expect(await callFailing(app, 'backups:restore', { id: '2020-01-01_00-00-00_tu-dong' })).toMatchObject({ kind: 'notFound' });
    expect(await callFailing(app, 'backups:restore', { id: '../../etc' })).toMatchObject({ kind: 'validation' });
  });

  it('is refused when the copy has been damaged on the disk since', async () => {
    await officeData(app);
    const backup = await call(app, 'backups:create', undefined);
    damagePages(join(app.ctx.databaseFile, '..', 'test-sao-luu', backup.id, 'du-lieu.sqlite'));
    const refusal = await callFailing(app, 'backups:restore', { id: backup.id });
    expect(refusal.message).toBe('Bản sao lưu lúc 10/03/2026 08:00:00 đã bị hỏng trên ổ đĩa kể từ khi được tạo, nên không khôi phục được. Hãy chọn một bản khác.');
    expect(await organizationNames(app)).toHaveLength(2);
  });

  it('that turns out damaged once in place is refused, naming it, and the data in use stays writable', async () => {
    await officeData(app);
    const backup = await call(app, 'backups:create', undefined);
    app.setNow(at('2026-03-10', '09:00'));
    await call(app, 'organizations:create', { kind: 'htx', name: 'HTX Rau an toàn Bình Hòa', communeCode: XA_VINH_AN });
    const names = await organizationNames(app);
    // As a disk failing between the check and the opening would: SQLite meets damage opening the backup put in place.
    const opening = vi.spyOn(Backups.prototype, 'openDataFile').mockImplementationOnce(() => {
      throw Object.assign(new Error('database disk image is malformed'), { code: 'SQLITE_CORRUPT' });
    });
    try {
      expect((await callFailing(app, 'backups:restore', { id: backup.id })).message).toBe(
        'Bản sao lưu lúc 10/03/2026 08:00:00 không mở được vì dữ liệu trong đó bị hỏng, nên không khôi phục được; dữ liệu đang dùng vẫn giữ nguyên. Hãy chọn một bản khác.',
      );
    } finally {
      opening.mockRestore();
    }
    expect(app.ctx.access.mode).toBe('write');
    expect((await call(app, 'backups:status', undefined)).message).toBeNull();
    expect(await organizationNames(app)).toEqual(names);
    await call(app, 'organizations:create', { kind: 'htx', name: 'HTX Thủy sản Mỹ Hòa Hưng', communeCode: XA_VINH_BINH });
    expect(await organizationNames(app)).toHaveLength(4);
  });
});

describe('automatic backups', () => {
  it('follow changes, at most once per interval of the app clock', async () => {
    const runningApp = openOffice(at('2026-03-10'), undefined, { intervalMs: 15 * 60 * 1000, checkMs: 10 });
    const reasons = async () => (await call(runningApp, 'backups:list', undefined)).map((backup) => `${backup.takenAt} ${backup.reason}`);
    const pause = () => new Promise((resolve) => setTimeout(resolve, 150));

    await pause();
    expect(await reasons()).toEqual([]);
    await call(runningApp, 'alliance:save', { name: 'Liên minh Hợp tác xã tỉnh An Giang', provinceCode: AN_GIANG });
    await expect.poll(reasons).toEqual([`${at('2026-03-10').toISOString()} auto`]);

    runningApp.setNow(at('2026-03-10', '08:10'));
    await call(runningApp, 'organizations:create', { kind: 'htx', name: 'HTX Nông nghiệp Vĩnh Bình', communeCode: XA_VINH_AN });
    await pause();
    expect(await reasons()).toHaveLength(1);
    runningApp.setNow(at('2026-03-10', '08:16'));
    await expect.poll(reasons).toEqual([`${at('2026-03-10', '08:16').toISOString()} auto`, `${at('2026-03-10').toISOString()} auto`]);
    const [latest] = await call(runningApp, 'backups:list', undefined);
    expect(latest?.counts?.organizations).toBe(1);

    // Nothing changed since: no more backups, however long it waits.
    runningApp.setNow(at('2026-03-11', '08:00'));
    await pause();
    expect(await reasons()).toHaveLength(2);
    expect((await call(runningApp, 'backups:status', undefined)).autoBackupSeconds).toBe(900);
  });

  it('keep to the interval after the clock was put back, a backup "from the future" in the folder', async () => {
    const runningApp = openOffice(at('2026-03-10'), undefined, { intervalMs: 15 * 60 * 1000, checkMs: 10 });
    // Taken while the computer's clock was two days ahead; then the clock was put right.
    runningApp.setNow(at('2026-03-12'));
    await call(runningApp, 'backups:create', undefined);
    runningApp.setNow(at('2026-03-10'));
    const automatic = async () => (await call(runningApp, 'backups:list', undefined)).filter((backup) => backup.reason === 'auto').map((backup) => backup.takenAt);
    const pause = () => new Promise((resolve) => setTimeout(resolve, 150));

    await call(runningApp, 'alliance:save', { name: 'Liên minh Hợp tác xã tỉnh An Giang', provinceCode: AN_GIANG });
    await expect.poll(automatic).toEqual([at('2026-03-10').toISOString()]);
    runningApp.setNow(at('2026-03-10', '08:05'));
    await call(runningApp, 'organizations:create', { kind: 'htx', name: 'HTX Nông nghiệp Vĩnh Bình', communeCode: XA_VINH_AN });
    await pause();
    expect(await automatic()).toEqual([at('2026-03-10').toISOString()]);
    runningApp.setNow(at('2026-03-10', '08:16'));
    await expect.poll(automatic).toEqual([at('2026-03-10', '08:16').toISOString(), at('2026-03-10').toISOString()]);
  });

  it('are taken before an import is committed and before it is undone', async () => {
    await call(app, 'organizations:create', { kind: 'htx', name: 'HTX Nông nghiệp Vĩnh Bình', communeCode: XA_VINH_AN });
    const lines = ['Tên HTX,Địa chỉ', 'HTX Rau an toàn Bình Hòa,"xã Bình Hòa, huyện Châu Thành, tỉnh An Giang"'];
    const { jobId, analysis } = await analyze(app, stage(app, 'danh sach.csv', lines.join('\n')));
    const { jobId: previewJobId } = await previewOf(app, jobId, proposedMapping(analysis));
    app.setNow(at('2026-03-10', '09:00'));
    const { summary } = await commitOf(app, { previewJobId, decisions: [], bulk: {} });
    app.setNow(at('2026-03-10', '10:00'));
    expect((await undoOf(app, summary.batchId ?? 0)).error).toBeNull();
    const list = await call(app, 'backups:list', undefined);
    expect(list.map((backup) => [backup.id, backup.counts?.organizations])).toEqual([
      ['2026-03-10_10-00-00_truoc-hoan-tac', 2],
      ['2026-03-10_09-00-00_truoc-nhap-excel', 1],
    ]);
  });
});

describe('a backup dated on a day after today', () => {
  const ids = async (target: TestApp) => (await call(target, 'backups:list', undefined)).map((backup) => `${backup.id} ${backup.datedAhead}`);

  it('is listed after the others, marked, and never offered as the newest; it is restored only when chosen', async () => {
    await call(app, 'organizations:create', { kind: 'htx', name: 'HTX Nông nghiệp Vĩnh Bình', communeCode: XA_VINH_AN });
    // Made while the computer's clock was two days ahead; then the clock was put right.
    app.setNow(at('2026-03-12'));
    const ahead = await call(app, 'backups:create', undefined);
    app.setNow(at('2026-03-10', '09:00'));
    await call(app, 'organizations:create', { kind: 'htx', name: 'HTX Rau an toàn Bình Hòa', communeCode: XA_VINH_AN });
    const current = await call(app, 'backups:create', undefined);
    // Minutes ahead, as a clock a little fast makes: still today's, and the newest.
    app.setNow(at('2026-03-10', '10:00'));
    const fast = await call(app, 'backups:create', undefined);
    app.setNow(at('2026-03-10', '09:30'));

    expect(await ids(app)).toEqual([`${fast.id} false`, `${current.id} false`, `${ahead.id} true`]);
    expect(await call(app, 'backups:status', undefined)).toMatchObject({ latestSound: { id: fast.id, datedAhead: false }, backupsDatedAhead: 1 });

    // A person may still choose it, and gets its data back.
    const { restored } = await call(app, 'backups:restore', { id: ahead.id });
    expect(restored).toMatchObject({ id: ahead.id, datedAhead: true });
    expect(await organizationNames(app)).toEqual(['HTX Nông nghiệp Vĩnh Bình']);

    // Its day come, it is one backup among the others.
    app.setNow(at('2026-03-12', '09:00'));
    expect((await ids(app))[0]).toBe(`${ahead.id} false`);
    expect((await call(app, 'backups:status', undefined)).backupsDatedAhead).toBe(0);
  });

  it('is not offered to a damaged file, which is told that only such backups are there', async () => {
    await officeData(app);
    app.setNow(at('2027-01-05'));
    const ahead = await call(app, 'backups:create', undefined);
    const { databaseFile } = app.ctx;
    app.close();
    damagePages(databaseFile);

    const damaged = openOffice(at('2026-03-11'), databaseFile);
    expect(await call(damaged, 'backups:status', undefined)).toMatchObject({ access: 'damaged', latestSound: null, backupsDatedAhead: 1 });
    expect(await ids(damaged)).toEqual([`${ahead.id} true`]);
  });

  it('that comes in a file from a computer whose clock ran ahead is marked too', async () => {
    await officeData(app);
    app.setNow(at('2026-05-20'));
    const { jobId } = await call(app, 'backups:export', undefined);
    await settle(app, jobId);
    const { fileId } = await call(app, 'reports:file', { jobId });
    const bytes = readFileSync(stagedFile(app.ctx, fileId).path);

    const elsewhere = openOffice(at('2026-04-02'));
    const opening = await call(elsewhere, 'backups:openFile', { fileId: await upload(elsewhere, 'du-lieu.zip', bytes) });
    await settle(elsewhere, opening.jobId);
    const opened = await call(elsewhere, 'backups:openFileResult', { jobId: opening.jobId });
    expect(opened).toMatchObject({ reason: 'fromFile', takenAt: at('2026-05-20').toISOString(), datedAhead: true });
    const { safetyCopy } = await call(elsewhere, 'backups:restore', { id: opened.id });
    elsewhere.setNow(at('2026-04-03'));
    const next = await call(elsewhere, 'backups:create', undefined);
    expect(await ids(elsewhere)).toEqual([`${next.id} false`, `${safetyCopy.id} false`, `${opened.id} true`]);
    expect((await call(elsewhere, 'backups:status', undefined)).latestSound?.id).toBe(next.id);
  });
});

describe('the backup before a long write', () => {
  /** A preview of a one-row list, ready to commit. */
  async function previewOfOneRow(): Promise<string> {
    const lines = ['Tên HTX,Địa chỉ', 'HTX Rau an toàn Bình Hòa,"xã Bình Hòa, huyện Châu Thành, tỉnh An Giang"'];
    const { jobId, analysis } = await analyze(app, stage(app, 'danh sach.csv', lines.join('\n')));
    return (await previewOf(app, jobId, proposedMapping(analysis))).jobId;
  }

  /** From now on each backup is made, and then fails as a copy that did not pass its check. */
  function failTheBackupCheck(): void {
    const backups = app.ctx.backups;
    if (!backups) throw new Error('the office keeps backups');
    const take = backups.take.bind(backups);
    backups.take = (ctx, reason) => take(ctx, reason).then(() => Promise.reject(new Error('database disk image is malformed')));
  }

  it('is made while the import writes, and holds the register as it was before the import', async () => {
    await call(app, 'organizations:create', { kind: 'htx', name: 'HTX Nông nghiệp Vĩnh Bình', communeCode: XA_VINH_AN });
    const previewJobId = await previewOfOneRow();
    const backups = app.ctx.backups;
    if (!backups) throw new Error('the office keeps backups');
    // The copy begins only once the import has written its row, in its transaction not yet committed.
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    const take = backups.take.bind(backups);
    backups.take = (ctx, reason) => released.then(() => take(ctx, reason));
    const { jobId } = await call(app, 'imports:commit', { previewJobId, decisions: [], bulk: {} });
    for (;;) {
      const status = await call(app, 'jobs:status', { jobId });
      expect(status.state).toBe('running');
      if (status.phase === 'backingUp') break;
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    // Its work done, the import waits for its backup before it commits.
    expect((await call(app, 'organizations:list', { page: 1, pageSize: 10 })).total).toBe(1);
    release();
    expect((await settle(app, jobId)).state).toBe('done');
    expect((await call(app, 'organizations:list', { page: 1, pageSize: 10 })).total).toBe(2);
    const [backup] = await call(app, 'backups:list', undefined);
    expect([backup?.reason, backup?.sound, backup?.counts?.organizations]).toEqual(['beforeImport', true, 1]);
  });

  it('is checked while an import writes its rows, and the import commits nothing when the check fails', async () => {
    const previewJobId = await previewOfOneRow();
    failTheBackupCheck();
    const { jobId } = await call(app, 'imports:commit', { previewJobId, decisions: [], bulk: {} });
    const { state, error } = await settle(app, jobId);
    expect(state).toBe('failed');
    expect(error?.message).toMatch(/^Chưa nhập dữ liệu: không sao lưu được dữ liệu trước đó\. /);
    expect((await call(app, 'organizations:list', { page: 1, pageSize: 10 })).total).toBe(0);
    expect((await call(app, 'imports:batches', { page: 1, pageSize: 10 })).total).toBe(0);
  });

  it('is checked while the undo works, and the undo commits nothing when the check fails', async () => {
    const { summary } = await commitOf(app, { previewJobId: await previewOfOneRow(), decisions: [], bulk: {} });
    failTheBackupCheck();
    const { error } = await undoOf(app, summary.batchId ?? 0);
    expect(error?.message).toMatch(/^Chưa hoàn tác: không sao lưu được dữ liệu trước đó\. /);
    expect((await call(app, 'organizations:list', { page: 1, pageSize: 10 })).rows.map((row) => row.name)).toEqual(['HTX Rau an toàn Bình Hòa']);
    expect((await call(app, 'imports:batches', { page: 1, pageSize: 10 })).rows.map((batch) => batch.undoneAt)).toEqual([null]);
  });
});

describe('copies taken before a migration by earlier versions', () => {
  it('become backups, and are pruned under the same rule', async () => {
    const { databaseFile } = app.ctx;
    await call(app, 'organizations:create', { kind: 'htx', name: 'HTX Nông nghiệp Vĩnh Bình', communeCode: XA_VINH_AN });
    const january = `${databaseFile}.truoc-cap-nhat-2026-01-05T01-02-03-004Z.sqlite`;
    const longAgo = `${databaseFile}.truoc-cap-nhat-2024-06-01T01-00-00-000Z.sqlite`;
    app.ctx.db.$client.prepare('VACUUM INTO ?').run(january);
    app.ctx.db.$client.prepare('VACUUM INTO ?').run(longAgo);
    app.close();

    const reopened = openOffice(at('2026-03-10', '09:00'), databaseFile);
    // Adopted in the background, one backup at a time: done once the queue is.
    await reopened.ctx.backups?.exclusive(() => Promise.resolve());
    expect(existsSync(january)).toBe(false);
    expect(existsSync(longAgo)).toBe(false);
    expect((await call(reopened, 'backups:list', undefined)).map((backup) => [backup.takenAt, backup.reason, backup.counts?.organizations, backup.sound])).toEqual([
      ['2026-01-05T01:02:03.004Z', 'beforeMigration', 1, true],
    ]);
  });
});

describe('rotation, as the clock moves', () => {
  it('keeps the last five of today, one a day for thirty days and one a month for a year', { timeout: 120_000 }, async () => {
    const take = async (when: Date) => {
      app.setNow(when);
      await call(app, 'alliance:save', { name: `Liên minh HTX tỉnh An Giang ${when.toISOString()}`, provinceCode: AN_GIANG });
      return call(app, 'backups:create', undefined);
    };
    const ids = async () => (await call(app, 'backups:list', undefined)).map((backup) => backup.id);

    for (const time of ['08:00', '09:00', '10:00', '11:00', '12:00', '13:00', '14:00']) await take(at('2026-03-10', time));
    expect(await ids()).toEqual(['14-00', '13-00', '12-00', '11-00', '10-00'].map((time) => `2026-03-10_${time}-00_thu-cong`));

    // The next morning yesterday keeps its last backup only.
    await take(at('2026-03-11', '08:00'));
    expect(await ids()).toEqual(['2026-03-11_08-00-00_thu-cong', '2026-03-10_14-00-00_thu-cong']);

    // One a day through to May: April's days within thirty days stay, older days keep a month's newest.
    for (let day = 12; day <= 31; day += 1) await take(at(`2026-03-${String(day)}`, '17:00'));
    for (let day = 1; day <= 30; day += 1) await take(at(`2026-04-${String(day).padStart(2, '0')}`, '17:00'));
    await take(at('2026-05-05', '08:00'));
    const may = await ids();
    expect(may[0]).toBe('2026-05-05_08-00-00_thu-cong');
    // 5 April … 30 April: the thirty days before 5 May (from 5 April on).
    expect(may.slice(1, 27)).toEqual(Array.from({ length: 26 }, (_, index) => `2026-04-${String(30 - index).padStart(2, '0')}_17-00-00_thu-cong`));
    // March keeps its newest only.
    expect(may.slice(27)).toEqual(['2026-03-31_17-00-00_thu-cong']);

    // A year and more later, March is gone, and the months within the year stay.
    await take(at('2027-03-20', '08:00'));
    expect(await ids()).toEqual(['2027-03-20_08-00-00_thu-cong', '2026-05-05_08-00-00_thu-cong', '2026-04-30_17-00-00_thu-cong']);
    await take(at('2028-06-01', '08:00'));
    expect(await ids()).toEqual(['2028-06-01_08-00-00_thu-cong']);
  });
});

/** Overwrites the middle of every page but the first with a pattern, as a failing disk would. */
function damagePages(file: string): void {
  const bytes = readFileSync(file);
  const pageSize = bytes.readUInt16BE(16) === 1 ? 65536 : bytes.readUInt16BE(16);
  for (let page = 1; page * pageSize < bytes.length; page += 1) {
    for (let offset = 100; offset < 600; offset += 1) bytes[page * pageSize + offset] = (offset * 13) % 256;
  }
  writeFileSync(file, bytes);
}

describe('a damaged data file', () => {
  it('opens read-only, says so in Vietnamese, refuses writes and offers the latest sound backup to restore', async () => {
    await officeData(app);
    for (let index = 0; index < 300; index += 1) {
      await call(app, 'organizations:create', { kind: 'htx', name: `HTX Nông nghiệp số ${index}`, communeCode: XA_VINH_AN });
    }
    const backup = await call(app, 'backups:create', undefined);
    const { databaseFile } = app.ctx;
    app.close();
    damagePages(databaseFile);

    const damagedApp = openOffice(at('2026-03-11'), databaseFile);
    const damaged = damagedApp;
    expect(damaged.ctx.access.mode).toBe('damaged');
    const status = await call(damagedApp, 'backups:status', undefined);
    expect(status).toMatchObject({ access: 'damaged', latestSound: backup });
    expect(status.message).toContain('Tệp dữ liệu bị hỏng');

    const refusal = await callFailing(damagedApp, 'organizations:create', { kind: 'htx', name: 'HTX Mới', communeCode: XA_VINH_AN });
    expect(refusal.message).toContain('Tệp dữ liệu bị hỏng');
    const list = await dispatchResult(damagedApp, 'organizations:list', { page: 1, pageSize: 500 });
    if (!list.ok) expect(list.error.message).toContain('Tệp dữ liệu bị hỏng');
    expect((await callFailing(damagedApp, 'backups:create', undefined)).message).toContain('Tệp dữ liệu bị hỏng');

    const { restored, safetyCopy } = await call(damagedApp, 'backups:restore', { id: backup.id });
    expect(restored.id).toBe(backup.id);
    expect(safetyCopy).toMatchObject({ reason: 'beforeRestore', sound: false });
    expect(damaged.ctx.access.mode).toBe('write');
    expect((await call(damagedApp, 'backups:status', undefined)).access).toBe('write');
    expect((await call(damagedApp, 'organizations:list', { page: 1, pageSize: 10 })).total).toBe(302);
    await call(damagedApp, 'organizations:create', { kind: 'htx', name: 'HTX Mới', communeCode: XA_VINH_AN });
    // The damaged copy is kept (marked), but never offered as the one to restore.
    expect((await call(damagedApp, 'backups:status', undefined)).latestSound?.id).toBe(backup.id);
  });

  it('that is not a database at all is said in Vietnamese, never as SQLite says it', async () => {
    const backup = await call(app, 'backups:create', undefined);
    const { databaseFile } = app.ctx;
    app.close();
    writeFileSync(databaseFile, Buffer.alloc(8192, 0x41));
    rmSync(`${databaseFile}-wal`, { force: true });

    const brokenApp = openOffice(at('2026-03-11'), databaseFile);
    const broken = brokenApp;
    expect(broken.ctx.access.mode).toBe('damaged');
    const failure = await callFailing(brokenApp, 'alliance:get', undefined);
    expect(failure.message).toContain('Tệp dữ liệu bị hỏng');
    expect(failure.message).not.toMatch(/not a database|malformed/i);
    expect((await call(brokenApp, 'backups:status', undefined)).latestSound?.id).toBe(backup.id);
    await call(brokenApp, 'backups:restore', { id: backup.id });
    expect((await call(brokenApp, 'alliance:get', undefined))?.name).toBe('Liên minh Hợp tác xã tỉnh An Giang');
  });
});

function dispatchResult(target: TestApp, channel: 'organizations:list', input: { page: number; pageSize: number }) {
  return dispatch(target.ctx, channel, input, { log: () => undefined });
}

describe('the whole data as one file', () => {
  async function exportAll(source: TestApp): Promise<{ bytes: Buffer; fileName: string }> {
    const { jobId } = await call(source, 'backups:export', undefined);
    const status = await settle(source, jobId);
    expect(status.state).toBe('done');
    const { fileId, fileName } = await call(source, 'reports:file', { jobId });
    return { bytes: readFileSync(stagedFile(source.ctx, fileId).path), fileName };
  }

  async function openFile(target: TestApp, fileName: string, bytes: Buffer): Promise<{ info: BackupInfo | null; error: string | null }> {
    const { jobId } = await call(target, 'backups:openFile', { fileId: await upload(target, fileName, bytes) });
    const status = await settle(target, jobId);
    if (status.state !== 'done') return { info: null, error: status.error?.message ?? status.state };
    return { info: await call(target, 'backups:openFileResult', { jobId }), error: null };
  }

  it('moves the office to another computer: database and attached files, checked on arrival', async () => {
    const { agreement, attachment, scan } = await officeData(app);
    const names = await organizationNames(app);
    const { bytes, fileName } = await exportAll(app);
    expect(fileName).toBe('htx-desk-du-lieu-2026-03-10-0800.zip');
    const entries = unzipSync(new Uint8Array(bytes));
    expect(Object.keys(entries).sort()).toEqual(['du-lieu.sqlite', `tep/dinh-kem/${agreement.id}/Biên bản ký kết.pdf`, 'thong-tin.json']);

    const elsewhere = openOffice(at('2026-04-02'));
    const { info, error } = await openFile(elsewhere, fileName, bytes);
    expect(error).toBeNull();
    expect(info).toMatchObject({
      reason: 'fromFile',
      takenAt: at('2026-03-10').toISOString(),
      counts: { organizations: 2, partners: 1, events: 1, agreements: 1 },
      attachments: 1,
      sound: true,
    });
    await call(elsewhere, 'backups:restore', { id: info?.id ?? '' });
    expect(await organizationNames(elsewhere)).toEqual(names);
    expect((await attachmentBytes(elsewhere, attachment.id)).equals(scan)).toBe(true);
    expect((await call(elsewhere, 'alliance:get', undefined))?.name).toBe('Liên minh Hợp tác xã tỉnh An Giang');
  });

  it('lists an opened file only once it is restored: one looked at and declined leaves nothing behind', async () => {
    await officeData(app);
    const { bytes, fileName } = await exportAll(app);
    const elsewhere = openOffice(at('2026-04-02'));
    const backupsFolder = join(elsewhere.ctx.databaseFile, '..', 'test-sao-luu');
    const ids = async () => (await call(elsewhere, 'backups:list', undefined)).map((backup) => backup.id);
    for (const time of ['08:00', '09:00', '10:00', '11:00', '12:00']) {
      elsewhere.setNow(at('2026-04-02', time));
      await call(elsewhere, 'backups:create', undefined);
    }
    const todays = await ids();
    expect(todays).toHaveLength(5);

    // Looked at: waiting beside the backups, out of their list, and no backup of today rotated out for it.
    elsewhere.setNow(at('2026-04-02', '13:00'));
    const looked = (await openFile(elsewhere, fileName, bytes)).info;
    expect(looked).toMatchObject({ id: '2026-03-10_08-00-00_mo-tu-tep', reason: 'fromFile', counts: { organizations: 2 } });
    expect(existsSync(join(backupsFolder, looked?.id ?? ''))).toBe(true);
    expect(await ids()).toEqual(todays);
    // Declined: gone. A backup of the list is never removed that way.
    await call(elsewhere, 'backups:discardOpened', { id: looked?.id ?? '' });
    await call(elsewhere, 'backups:discardOpened', { id: todays[0] ?? '' });
    expect(existsSync(join(backupsFolder, looked?.id ?? ''))).toBe(false);
    expect(await ids()).toEqual(todays);

    // Left unanswered (the window closed while it asked): removed when the app starts again.
    const unanswered = (await openFile(elsewhere, fileName, bytes)).info;
    elsewhere.close();
    const again = openOffice(at('2026-04-02', '14:00'), elsewhere.ctx.databaseFile);
    expect(existsSync(join(backupsFolder, unanswered?.id ?? ''))).toBe(false);
    expect((await call(again, 'backups:list', undefined)).map((backup) => backup.id)).toEqual(todays);

    // Restored: one of the office's backups, the one that holds the data in use.
    const chosen = (await openFile(again, fileName, bytes)).info;
    const { restored } = await call(again, 'backups:restore', { id: chosen?.id ?? '' });
    expect(restored).toEqual(chosen);
    const listed = await call(again, 'backups:list', undefined);
    expect(listed.map((backup) => backup.reason)).toContain('fromFile');
    expect(listed.find((backup) => backup.reason === 'fromFile')).toEqual(chosen);
    await call(again, 'backups:discardOpened', { id: chosen?.id ?? '' });
    expect(await call(again, 'backups:list', undefined)).toEqual(listed);
  });

  it('takes a plain data file too', async () => {
    await officeData(app);
    const backup = await call(app, 'backups:create', undefined);
    const database = readFileSync(join(app.ctx.databaseFile, '..', 'test-sao-luu', backup.id, 'du-lieu.sqlite'));
    const elsewhere = openOffice(at('2026-04-02'));
    const { info } = await openFile(elsewhere, 'htx-desk.sqlite', database);
    expect(info).toMatchObject({ counts: { organizations: 2 }, attachments: 0, takenAt: at('2026-04-02').toISOString() });
  });

  it('refuses files that are not one, changed on the way, or reach outside their folder', async () => {
    const { agreement } = await officeData(app);
    const { bytes } = await exportAll(app);
    const elsewhere = openOffice(at('2026-04-02'));

    // One byte of the scan changed (it is stored, not compressed, so it is there to change).
    const tampered = Buffer.from(bytes);
    const scanAt = tampered.indexOf(Buffer.from([0, 7, 14, 21, 28, 35]));
    tampered[scanAt + 1000] = (tampered[scanAt + 1000] ?? 0) ^ 0xff;
    expect((await openFile(elsewhere, 'du-lieu.zip', tampered)).error).toBe(
      `Tệp «du-lieu.zip» bị hỏng: nội dung của «tep/dinh-kem/${agreement.id}/Biên bản ký kết.pdf» không còn như lúc xuất. Hãy xuất lại ở máy cũ rồi chép lại.`,
    );
    const entries = unzipSync(new Uint8Array(bytes));
    const escaping = Buffer.from(zipSync({ ...entries, '../../thoat.txt': strToU8('x') }));
    expect((await openFile(elsewhere, 'du-lieu.zip', escaping)).error).toBe(
      'Tệp «du-lieu.zip» không phải bản sao lưu của HTX Desk: trong đó có mục «../../thoat.txt» không đúng chỗ.',
    );
    expect(existsSync(join(elsewhere.ctx.databaseFile, '..', '..', 'thoat.txt'))).toBe(false);
    expect((await openFile(elsewhere, 'du-lieu.zip', bytes.subarray(0, Math.floor(bytes.length / 2)))).error).toBe(
      'Tệp «du-lieu.zip» bị hỏng hoặc chưa được chép hết, nên không đọc được. Hãy xuất lại ở máy cũ rồi chép lại.',
    );
    expect((await openFile(elsewhere, 'ghi-chu.txt', Buffer.from('chỉ là ghi chú'))).error).toBe(
      'Tệp «ghi-chu.txt» không phải bản sao lưu của HTX Desk. Hãy chọn tệp .zip do «Xuất toàn bộ dữ liệu» tạo ra, hoặc một tệp dữ liệu .sqlite.',
    );
    // A workbook is a zip too: it is told to be no backup, not that one of its parts is out of place.
    const workbook = Buffer.from(zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'xl/workbook.xml': strToU8('<workbook/>'), 'xl/theme/theme1.xml': strToU8('<theme/>') }));
    expect((await openFile(elsewhere, 'Danh sach HTX.xlsx', workbook)).error).toBe(
      'Tệp «Danh sach HTX.xlsx» không phải bản sao lưu của HTX Desk. Hãy chọn tệp .zip do «Xuất toàn bộ dữ liệu» tạo ra, hoặc một tệp dữ liệu .sqlite.',
    );
    const { 'du-lieu.sqlite': _database, ...withoutDatabase } = entries;
    expect((await openFile(elsewhere, 'du-lieu.zip', Buffer.from(zipSync(withoutDatabase)))).error).toContain('thiếu «du-lieu.sqlite»');
    // Nothing of it was kept.
    expect(await call(elsewhere, 'backups:list', undefined)).toEqual([]);
  });

  it('refuses a cut-off data file, naming it, and the data in use stays writable', async () => {
    await officeData(app);
    const backup = await call(app, 'backups:create', undefined);
    const database = readFileSync(join(app.ctx.databaseFile, '..', 'test-sao-luu', backup.id, 'du-lieu.sqlite'));
    // Its first 20 KB, as a copy stopped halfway leaves it.
    const { error } = await openFile(app, 'htx-desk-cu.sqlite', database.subarray(0, 20 * 1024));
    expect(error).toBe('Dữ liệu trong tệp «htx-desk-cu.sqlite» bị hỏng (SQLite kiểm tra thấy không toàn vẹn), nên không mở được.');
    expect(app.ctx.access.mode).toBe('write');
    expect(await call(app, 'backups:status', undefined)).toMatchObject({ access: 'write', message: null });
    await call(app, 'partners:create', { kind: 'enterprise', name: 'Công ty TNHH Gạo Vàng', provinceCode: AN_GIANG });
    expect((await call(app, 'partners:list', { page: 1, pageSize: 10 })).total).toBe(2);
    expect((await call(app, 'backups:list', undefined)).map((each) => each.id)).toEqual([backup.id]);
  });

  it('refuses a database of a newer HTX Desk', async () => {
    const backup = await call(app, 'backups:create', undefined);
    const database = join(app.ctx.databaseFile, '..', 'test-sao-luu', backup.id, 'du-lieu.sqlite');
    const newer = new Database(database);
    newer.prepare('UPDATE __drizzle_migrations SET created_at = created_at + 1000000 WHERE created_at = (SELECT MAX(created_at) FROM __drizzle_migrations)').run();
    newer.close();
    const elsewhere = openOffice(at('2026-04-02'));
    expect((await openFile(elsewhere, 'moi.sqlite', readFileSync(database))).error).toBe(
      'Tệp «moi.sqlite» do một phiên bản HTX Desk mới hơn tạo. Hãy cập nhật HTX Desk rồi mở lại tệp.',
    );
  });
});

describe('the rotation rule', () => {
  const now = at('2026-06-15', '10:00');
  const backup = (id: string, storedAt: Date, sound = true) => ({ id, takenAt: storedAt, storedAt, sound });

  it('never leaves the office without its newest sound backup, however old', () => {
    expect(backupsToRemove([backup('old', at('2024-01-01')), backup('older', at('2023-12-01'))], now)).toEqual(['older']);
  });

  it('gives a day or a month only to a sound backup, and keeps today’s unsound ones among today’s five', () => {
    const removed = backupsToRemove(
      [
        backup('today-damaged', at('2026-06-15', '09:00'), false),
        backup('yesterday-damaged', at('2026-06-14', '18:00'), false),
        backup('yesterday', at('2026-06-14', '08:00')),
        backup('march-damaged', at('2026-03-31', '08:00'), false),
        backup('march', at('2026-03-02', '08:00')),
      ],
      now,
    );
    expect(removed).toEqual(['yesterday-damaged', 'march-damaged']);
  });

  it('keeps what is stored "in the future", after the clock was put back', () => {
    expect(backupsToRemove([backup('later', at('2026-07-01')), backup('now', at('2026-06-15', '09:00'))], now)).toEqual([]);
  });

  it('keeps one whose data is dated ahead, however long ago it entered the folder', () => {
    const copied = { id: 'copied', takenAt: at('2026-07-01'), storedAt: at('2025-01-01'), sound: true };
    expect(backupsToRemove([copied, backup('now', at('2026-06-15', '09:00')), backup('older', at('2025-02-01'))], now)).toEqual(['older']);
  });

  it('counts one minutes ahead among today’s', () => {
    const today = ['06:00', '07:00', '08:00', '09:00'].map((time) => backup(time, at('2026-06-15', time)));
    expect(backupsToRemove([backup('10:30', at('2026-06-15', '10:30')), ...today, backup('05:00', at('2026-06-15', '05:00'))], now)).toEqual(['05:00']);
  });

  it('keeps the newest sound backup up to now besides one "from the future"', () => {
    expect(backupsToRemove([backup('later', at('2026-07-01')), backup('old', at('2024-01-01')), backup('older', at('2023-12-01'))], now)).toEqual(['older']);
  });
});
