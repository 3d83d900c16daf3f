/**
 * The core off the window's thread: the host's end (CoreHost) and the core's end (serveCore) over
 * a real worker thread, as `npm run web` runs them. The desktop app runs the same two ends over
 * Electron's utilityProcess.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MessageChannel } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dataDirOf } from '../../src/core/dataFiles';
import { CoreHost, type CoreProcess } from '../../src/core/remote/coreHost';
import { Peer, RemoteFailure } from '../../src/core/remote/peer';
import type { CoreOpenOptions, HostMethods } from '../../src/core/remote/protocol';
import { fileInsideFolder } from '../../src/main/dataFolder';
import type { Channel, InputOf, JobStatus, OutputOf } from '../../src/shared/contract';
import type { Result } from '../../src/shared/errors';
import { spawnCoreWorker } from '../../src/web/coreWorker';
import { AN_GIANG, repoRoot, XA_VINH_AN } from './support';

const CRASHED =
  'Phần xử lý dữ liệu của HTX Desk vừa dừng đột ngột và đang được khởi động lại. Thao tác vừa rồi có thể chưa được lưu: hãy kiểm tra lại rồi thử lại. Những gì đã lưu trước đó không bị ảnh hưởng.';

/**
 * Cores in real worker threads, counted, any of which the test can make die as a crash would: its
 * answers are lost and its thread ends. (This test runner passes no TypeScript loader on to a
 * worker, as tsx does for `npm run web`, so it is named.)
 */
function workers() {
  const started: { process: CoreProcess; crash(): void }[] = [];
  const spawn = (): CoreProcess => {
    const inner = spawnCoreWorker({ execArgv: ['--import', 'tsx'], log: () => undefined });
    let dead = false;
    const process: CoreProcess = {
      ...inner,
      link: { send: (message) => inner.link.send(message), onMessage: (receive) => inner.link.onMessage((message) => dead || receive(message)) },
    };
    started.push({
      process,
      crash: () => {
        dead = true;
        inner.kill();
      },
    });
    return process;
  };
  return { spawn, started, crashLatest: () => started.at(-1)?.crash() };
}

const refusingHost: HostMethods = { openPath: () => Promise.reject(new Error('not the desktop app')) };

let dir: string;
let logged: string[];
const options = (file: string, desktop = false): CoreOpenOptions => ({ databaseFile: file, appRoot: repoRoot, appVersion: '0.0.0-test', desktop });
const log = (error: unknown) => logged.push(error instanceof Error ? error.message : String(error));

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'htx-core-host-'));
  logged = [];
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function call<C extends Channel>(core: CoreHost, channel: C, input: InputOf<C>): Promise<OutputOf<C>> {
  const result = await core.dispatch(channel, input);
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.message}`);
  return result.value as OutputOf<C>;
}

async function finished(core: CoreHost, jobId: string): Promise<void> {
  const status = await settled(core, jobId);
  if (status.state !== 'done') throw new Error(`job ${status.state}: ${status.error?.message ?? ''}`);
}

async function settled(core: CoreHost, jobId: string): Promise<JobStatus> {
  for (;;) {
    const status = await call(core, 'jobs:status', { jobId });
    if (status.state !== 'running') return status;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function upload(core: CoreHost, fileName: string, bytes: Buffer): Promise<string> {
  const { fileId } = await call(core, 'files:begin', { fileName });
  await call(core, 'files:append', { fileId, chunk: bytes.toString('base64') });
  return fileId;
}

/** A list of 5,000 new cooperatives, read and checked: its commit takes many steps. */
async function previewedList(core: CoreHost): Promise<string> {
  if ((await call(core, 'alliance:get', undefined)) === null) {
    await call(core, 'alliance:save', { name: 'Liên minh Hợp tác xã tỉnh An Giang', provinceCode: AN_GIANG });
  }
  const lines = ['Tên HTX,Địa chỉ,Mã số thuế'];
  for (let index = 0; index < 5000; index += 1) lines.push(`HTX Nông nghiệp số ${index},"xã Bình Hòa, huyện Châu Thành, tỉnh An Giang",${String(1_700_000_000 + index)}`);
  const analyzing = await call(core, 'imports:analyze', { fileId: await upload(core, 'danh sach.csv', Buffer.from(lines.join('\n'))), kind: 'organizations' });
  await finished(core, analyzing.jobId);
  const analysis = await call(core, 'imports:analysis', { jobId: analyzing.jobId });
  const mapping = analysis.columns.flatMap((column) => (column.field ? [{ column: column.index, field: column.field }] : []));
  const previewing = await call(core, 'imports:preview', { analysisJobId: analyzing.jobId, mapping });
  await finished(core, previewing.jobId);
  return previewing.jobId;
}

const organizationCount = async (core: CoreHost) => (await call(core, 'organizations:list', { page: 1, pageSize: 1 })).total;

describe('the core in a worker thread', () => {
  it('answers the contract as dispatch does, with its Vietnamese errors, and closes', async () => {
    const core = new CoreHost(workers().spawn, refusingHost, log);
    expect(await core.open(options(join(dir, 'a.sqlite')))).toEqual({ backupFile: null, readOnlyReason: null });
    await call(core, 'alliance:save', { name: 'Liên minh Hợp tác xã tỉnh An Giang', provinceCode: AN_GIANG });
    expect(await call(core, 'alliance:get', undefined)).toMatchObject({ name: 'Liên minh Hợp tác xã tỉnh An Giang', provinceCode: AN_GIANG });
    expect(await core.dispatch('alliance:save', { name: '', provinceCode: AN_GIANG })).toMatchObject({
      ok: false,
      error: { kind: 'validation', message: 'Tên Liên minh không được để trống.' },
    });
    expect(await core.dispatch('organizations:drop', {})).toEqual({
      ok: false,
      error: { kind: 'notFound', message: 'HTX Desk không có chức năng «organizations:drop».' },
    });
    await core.close('wait');
    expect(await core.dispatch('alliance:get', undefined)).toEqual({
      ok: false,
      error: { kind: 'internal', message: 'Chưa mở tệp dữ liệu nào. Hãy mở một tệp dữ liệu rồi thử lại.' },
    });
    // What was saved is in the file, for the next opening.
    const file = new Database(join(dir, 'a.sqlite'), { readonly: true });
    expect(file.prepare('SELECT name FROM alliance').pluck().all()).toEqual(['Liên minh Hợp tác xã tỉnh An Giang']);
    file.close();
  }, 60_000);

  it('fails the call a dying core owed with a Vietnamese message, and starts it again on the same file', async () => {
    const cores = workers();
    const core = new CoreHost(cores.spawn, refusingHost, log);
    await core.open(options(join(dir, 'a.sqlite')));
    await call(core, 'alliance:save', { name: 'Liên minh Hợp tác xã tỉnh An Giang', provinceCode: AN_GIANG });
    const previewJob = await previewedList(core);

    const owed = core.dispatch('alliance:get', undefined);
    cores.crashLatest();
    expect(await owed).toEqual({ ok: false, error: { kind: 'internal', message: CRASHED } });
    expect(logged).toEqual([expect.stringMatching(/^The core stopped \(the worker thread ended with code \d+\); it is started again/)]);

    // A new thread, the same file: what was saved is there; the jobs the dead one held are not, and that is said.
    expect(await call(core, 'alliance:get', undefined)).toMatchObject({ name: 'Liên minh Hợp tác xã tỉnh An Giang' });
    expect(cores.started).toHaveLength(2);
    expect(await core.dispatch('imports:commit', { previewJobId: previewJob, decisions: [], bulk: {} })).toEqual({
      ok: false,
      error: { kind: 'notFound', message: 'Không tìm thấy công việc này; có thể ứng dụng đã khởi động lại. Hãy làm lại từ đầu.' },
    });
    await core.close('cancel');
  }, 120_000);

  it('says so when the core dies while it opens the data file, and starts no other', async () => {
    const cores = workers();
    const core = new CoreHost(cores.spawn, refusingHost, log);
    const opening = core.open(options(join(dir, 'a.sqlite')));
    cores.crashLatest();
    await expect(opening).rejects.toThrow(
      /^Phần xử lý dữ liệu của HTX Desk dừng đột ngột khi đang mở tệp dữ liệu \(the worker thread ended with code \d+\)\. Hãy thử lại; nếu vẫn lỗi, hãy báo cho người quản trị\.$/,
    );
    expect(cores.started).toHaveLength(1);
    expect(logged).toEqual([]);
    expect(await core.dispatch('alliance:get', undefined)).toEqual({
      ok: false,
      error: { kind: 'internal', message: 'Chưa mở tệp dữ liệu nào. Hãy mở một tệp dữ liệu rồi thử lại.' },
    });
  }, 60_000);

  it('stops starting a core that dies over and over, and says so', async () => {
    const cores = workers();
    const core = new CoreHost(cores.spawn, refusingHost, log);
    await core.open(options(join(dir, 'a.sqlite')));
    for (let crash = 1; crash <= 4; crash += 1) {
      cores.crashLatest();
      // Each crash is seen (and a new core started, but for the last) before the next.
      await expect.poll(() => logged.length, { timeout: 30_000 }).toBe(crash);
    }
    expect(cores.started).toHaveLength(4);
    expect(logged.at(-1)).toMatch(/too often; it is not started again/);
    expect(await core.dispatch('alliance:get', undefined)).toEqual({
      ok: false,
      error: {
        kind: 'internal',
        message:
          'Phần xử lý dữ liệu của HTX Desk đã dừng đột ngột nhiều lần liền nên không được khởi động lại nữa. Hãy đóng rồi mở lại HTX Desk; nếu vẫn lỗi, hãy báo cho người quản trị.',
      },
    });
  }, 120_000);

  it('closes the data file only after its running import has finished, or cancelled it, as asked', async () => {
    const first = join(dir, 'a.sqlite');
    const second = join(dir, 'b.sqlite');
    const core = new CoreHost(workers().spawn, refusingHost, log);
    await core.open(options(first));

    // Cancelled: the commit stops, nothing of it stays.
    await call(core, 'imports:commit', { previewJobId: await previewedList(core), decisions: [], bulk: {} });
    expect(await core.runningJobs()).toBe(1);
    await core.close('cancel');
    await core.open(options(first));
    expect(await organizationCount(core)).toBe(0);
    expect((await call(core, 'imports:batches', { page: 1, pageSize: 10 })).total).toBe(0);

    // Waited for: the window still sees its progress meanwhile, and every row is written before the other file opens.
    const commit = await call(core, 'imports:commit', { previewJobId: await previewedList(core), decisions: [], bulk: {} });
    expect(await core.runningJobs()).toBe(1);
    const switching = core.reopen(options(second), 'wait');
    const progress = await call(core, 'jobs:status', { jobId: commit.jobId });
    expect(progress.state).toBe('running');
    await switching;
    expect(await organizationCount(core)).toBe(0);
    await core.reopen(options(first), 'wait');
    expect(await organizationCount(core)).toBe(5000);
    await core.close('cancel');
  }, 180_000);

  it('keeps the open file when another cannot be opened', async () => {
    const core = new CoreHost(workers().spawn, refusingHost, log);
    await core.open(options(join(dir, 'a.sqlite')));
    await call(core, 'alliance:save', { name: 'Liên minh Hợp tác xã tỉnh An Giang', provinceCode: AN_GIANG });
    // A data file written by a newer HTX Desk is refused as it is.
    const newer = join(dir, 'ban-moi.sqlite');
    const written = new Database(newer);
    written.exec('CREATE TABLE __drizzle_migrations (id INTEGER PRIMARY KEY, hash TEXT NOT NULL, created_at NUMERIC)');
    written.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run('x', 9_999_999_999_999);
    written.close();
    const before = readFileSync(newer);
    await expect(core.reopen(options(newer), 'wait')).rejects.toThrow(/do một phiên bản HTX Desk mới hơn ghi/);
    expect(await call(core, 'alliance:get', undefined)).toMatchObject({ name: 'Liên minh Hợp tác xã tỉnh An Giang' });
    expect(readFileSync(newer).equals(before)).toBe(true);
    await core.close('cancel');
  }, 120_000);

  it('asks the host to open an attachment, and the host opens only files of the data folder', async () => {
    const file = join(dir, 'a.sqlite');
    const folder = dataDirOf(file);
    const opened: string[] = [];
    let viewerFails = false;
    // As the desktop app's main process does it (src/main/index.ts), with a record for the system viewer.
    const desktopHost: HostMethods = {
      openPath: (path) => {
        const inside = fileInsideFolder(folder, path);
        if (!inside) return Promise.reject(new Error('HTX Desk chỉ mở các tệp nằm trong thư mục dữ liệu của tệp đang mở.'));
        if (viewerFails) return Promise.reject(new Error('Máy không mở được tệp này bằng phần mềm xem: no application is registered'));
        opened.push(inside);
        return Promise.resolve();
      },
    };
    const core = new CoreHost(workers().spawn, desktopHost, log);
    await core.open(options(file, true));
    await call(core, 'alliance:save', { name: 'Liên minh Hợp tác xã tỉnh An Giang', provinceCode: AN_GIANG });
    const organization = await call(core, 'organizations:create', { kind: 'htx', name: 'HTX Nông nghiệp Vĩnh Bình', communeCode: XA_VINH_AN });
    const agreement = await call(core, 'agreements:create', {
      kind: 'mou',
      title: 'Biên bản ghi nhớ tiêu thụ lúa gạo',
      draft: true,
      parties: [
        { kind: 'organization', id: organization.id, role: 'seller' },
        { kind: 'alliance', role: 'witness' },
      ],
      commitments: [],
    });
    const attachment = await call(core, 'agreements:addAttachment', {
      agreementId: agreement.id,
      fileId: await upload(core, 'Biên bản.pdf', Buffer.from('%PDF-1.4')),
    });
    expect(await call(core, 'agreements:openAttachment', { attachmentId: attachment.id })).toEqual({ opened: true });
    expect(opened).toEqual([join(folder, 'dinh-kem', String(agreement.id), 'Biên bản.pdf')]);

    // The viewer's own failure reaches the person as the host said it.
    viewerFails = true;
    expect(await core.dispatch('agreements:openAttachment', { attachmentId: attachment.id })).toEqual({
      ok: false,
      error: { kind: 'conflict', message: 'Máy không mở được tệp này bằng phần mềm xem: no application is registered' },
    });
    viewerFails = false;

    // A data file from elsewhere whose stored names lead out of the folder, or through a link out of it: nothing is opened.
    const outside = join(dir, 'ngoai.pdf');
    writeFileSync(outside, '%PDF-1.4 bí mật');
    mkdirSync(join(folder, 'dinh-kem', 'lien-ket'), { recursive: true });
    symlinkSync(outside, join(folder, 'dinh-kem', 'lien-ket', 'bien-ban.pdf'));
    const tamper = new Database(file);
    for (const storedName of ['dinh-kem/../../ngoai.pdf', 'dinh-kem/lien-ket/bien-ban.pdf']) {
      tamper.prepare('UPDATE agreement_attachments SET stored_name = ? WHERE id = ?').run(storedName, attachment.id);
      const result: Result<unknown> = await core.dispatch('agreements:openAttachment', { attachmentId: attachment.id });
      expect(result.ok, storedName).toBe(false);
    }
    tamper.close();
    expect(opened).toHaveLength(1);
    await core.close('cancel');
  }, 120_000);
});

describe('the peers of the protocol', () => {
  it('match each answer to its question, whatever the order, and carry failures as messages', async () => {
    const { port1, port2 } = new MessageChannel();
    const link = (port: typeof port1) => ({ send: (message: unknown) => port.postMessage(message), onMessage: (receive: (message: unknown) => void) => port.on('message', receive) });
    type Slow = { wait(ms: number, value: string): Promise<string>; fail(message: string): never };
    new Peer<Slow, Record<string, never>>(link(port1), {
      wait: (ms, value) => new Promise((resolve) => setTimeout(() => resolve(value), ms)),
      fail: (message) => {
        throw new Error(message);
      },
    });
    const asking = new Peer<Record<string, never>, Slow>(link(port2), {});
    const answers = await Promise.all([asking.ask('wait', 60, 'chậm'), asking.ask('wait', 0, 'nhanh'), asking.ask('wait', 30, 'vừa')]);
    expect(answers).toEqual(['chậm', 'nhanh', 'vừa']);
    await expect(asking.ask('fail', 'Không đọc được tệp.')).rejects.toEqual(new RemoteFailure('Không đọc được tệp.'));
    await expect((asking as unknown as Peer<never, { missing(): void }>).ask('missing')).rejects.toThrow('Unknown method: missing');
    const waiting = asking.ask('wait', 10_000, 'không bao giờ');
    asking.abandon(new Error('the other end is gone'));
    await expect(waiting).rejects.toThrow('the other end is gone');
    port1.close();
  });
});
