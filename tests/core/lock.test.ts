import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openApp, type OpenedApp } from '../../src/core/app';
import { lockFileOf } from '../../src/core/db/lock';
import { stagedFile, stageFile } from '../../src/core/files';
import { formatDateTime } from '../../src/shared/format';
import { AN_GIANG, call, callFailing, repoRoot, XA_VINH_AN } from './support';

let folder: string;
let databaseFile: string;
const apps: OpenedApp[] = [];

function open(clock = () => new Date('2026-03-10T01:30:00Z')): OpenedApp {
  const app = openApp({ databaseFile, appRoot: repoRoot, appVersion: '0.0.0-test', clock });
  apps.push(app);
  return app;
}

function close(app: OpenedApp): void {
  apps.splice(apps.indexOf(app), 1);
  app.close();
}

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'htx-lock-'));
  databaseFile = join(folder, 'htx-desk.sqlite');
});
afterEach(() => {
  for (const app of apps.splice(0)) app.close();
  rmSync(folder, { recursive: true, force: true });
});

const since = new Date('2026-03-10T01:30:00Z');
const lockedMessage = (host: string) =>
  `Tệp dữ liệu này đang được mở bằng HTX Desk trên máy «${host}» từ ${formatDateTime(since.toISOString())}, ` +
  'nên ở đây chỉ xem được, không sửa được. Hãy làm việc trên máy đó, hoặc đóng HTX Desk ở đó rồi mở lại ở đây.';

describe('one app per data file', () => {
  it('opens a second app on the same file read-only, saying which computer has it and since when', async () => {
    const first = open();
    await call(first, 'alliance:save', { name: 'Liên minh Hợp tác xã tỉnh An Giang', provinceCode: AN_GIANG });
    const upload = stageFile(first.ctx, 'danh sach.csv');
    writeFileSync(upload.path, 'Tên HTX\nHTX Nông nghiệp Vĩnh Bình\n');
    expect(JSON.parse(readFileSync(lockFileOf(databaseFile), 'utf8'))).toMatchObject({ host: hostname(), pid: process.pid, since: since.toISOString() });

    const second = open(() => new Date('2026-03-10T02:00:00Z'));
    expect(second.ctx.access).toEqual({ mode: 'locked', holder: { host: hostname(), pid: process.pid, since: since.toISOString() } });
    expect(await call(second, 'backups:status', undefined)).toMatchObject({ access: 'locked', message: lockedMessage(hostname()) });
    // The first app's upload in progress is left alone.
    expect(stagedFile(first.ctx, upload.fileId).path).toBe(upload.path);
    expect(readFileSync(upload.path, 'utf8')).toContain('Vĩnh Bình');

    // It reads what the first one writes, and its own writes are refused at once, saying why.
    await call(first, 'organizations:create', { kind: 'htx', name: 'HTX Nông nghiệp Vĩnh Bình', communeCode: XA_VINH_AN });
    expect((await call(second, 'organizations:list', { page: 1, pageSize: 10 })).rows.map((row) => row.name)).toEqual(['HTX Nông nghiệp Vĩnh Bình']);
    const started = performance.now();
    const refusal = await callFailing(second, 'organizations:create', { kind: 'htx', name: 'HTX Rau an toàn Bình Hòa', communeCode: XA_VINH_AN });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(refusal).toEqual({ kind: 'conflict', message: `Thay đổi này chưa được ghi. ${lockedMessage(hostname())}` });
    expect((await callFailing(second, 'backups:create', undefined)).message).toBe(`Thay đổi này chưa được ghi. ${lockedMessage(hostname())}`);
    expect((await callFailing(second, 'backups:restore', { id: '2026-03-10_08-00-00_tu-dong' })).message).toBe(
      `Thay đổi này chưa được ghi. ${lockedMessage(hostname())}`,
    );
    expect((await call(first, 'organizations:list', { page: 1, pageSize: 10 })).total).toBe(1);

    // Once the first is closed the file is free: the next app opens it for writing.
    close(second);
    close(first);
    expect(existsSync(lockFileOf(databaseFile))).toBe(false);
    const third = open();
    expect(third.ctx.access).toEqual({ mode: 'write' });
    await call(third, 'organizations:create', { kind: 'htx', name: 'HTX Rau an toàn Bình Hòa', communeCode: XA_VINH_AN });
  });

  it('takes over the lock of an app that is gone from this computer', async () => {
    open().close();
    apps.splice(0);
    const gone = spawnSync(process.execPath, ['-e', 'process.exit(0)']).pid;
    writeFileSync(lockFileOf(databaseFile), JSON.stringify({ app: 'HTX Desk', host: hostname(), pid: gone, since: '2026-03-09T01:00:00.000Z' }));
    const app = open();
    expect(app.ctx.access).toEqual({ mode: 'write' });
    expect(JSON.parse(readFileSync(lockFileOf(databaseFile), 'utf8'))).toMatchObject({ pid: process.pid });
    await call(app, 'alliance:save', { name: 'Liên minh Hợp tác xã tỉnh An Giang', provinceCode: AN_GIANG });
  });

  it('leaves the lock of another computer to the person, and names that computer', async () => {
    open().close();
    apps.splice(0);
    writeFileSync(lockFileOf(databaseFile), JSON.stringify({ app: 'HTX Desk', host: 'MAY-KE-TOAN', pid: 4242, since: since.toISOString() }));
    const app = open();
    expect(app.ctx.access).toEqual({ mode: 'locked', holder: { host: 'MAY-KE-TOAN', pid: 4242, since: since.toISOString() } });
    expect((await call(app, 'backups:status', undefined)).message).toBe(lockedMessage('MAY-KE-TOAN'));
    app.close();
    apps.splice(0);
    // Not its lock to remove.
    expect(JSON.parse(readFileSync(lockFileOf(databaseFile), 'utf8'))).toMatchObject({ host: 'MAY-KE-TOAN' });
  });
});
