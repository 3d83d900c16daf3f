/**
 * The desktop app's core process as electron-vite builds it (out/main/core.js), without Electron:
 * a Node process is given the `process.parentPort` Electron's utilityProcess gives, and the same
 * CoreHost as the main process talks to it. This catches what only the bundle can get wrong (a
 * module left out or bundled twice, the entry not starting) on machines that cannot run Electron.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CoreHost, type CoreProcess } from '../../src/core/remote/coreHost';

const repoRoot = resolve(import.meta.dirname, '../..');
const builtCore = join(repoRoot, 'out', 'main', 'core.js');

/**
 * Electron's ParentPort in a plain Node process: messages from the parent arrive as `{ data }`,
 * and wait until the core listens, as Electron's do.
 */
const parentPortShim = `
import { EventEmitter } from 'node:events';
const port = new EventEmitter();
const early = [];
process.on('message', (data) => (port.listenerCount('message') > 0 ? port.emit('message', { data }) : early.push(data)));
port.on('newListener', (event) => event === 'message' && setImmediate(() => early.splice(0).forEach((data) => port.emit('message', { data }))));
port.postMessage = (message) => process.send(message);
process.parentPort = port;
await import(${JSON.stringify(pathToFileURL(builtCore).href)});
`;

function spawnBuiltCore(): CoreProcess {
  const child = spawn(process.execPath, ['--input-type=module', '--eval', parentPortShim], {
    cwd: repoRoot,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    serialization: 'advanced',
  });
  return {
    link: { send: (message) => child.send(message as never), onMessage: (receive) => child.on('message', receive) },
    onExit: (listener) => child.once('exit', (code, signal) => listener(`the core process ended with ${signal ?? String(code)}`)),
    kill: () => void child.kill(),
  };
}

let dir: string;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'htx-desktop-core-'))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the desktop app's core process, as built", () => {
  it('opens the data file, answers the contract and closes it', async () => {
    const file = join(dir, 'htx-desk.sqlite');
    const core = new CoreHost(spawnBuiltCore, { openPath: () => Promise.reject(new Error('no attachment is opened here')) });
    expect(await core.open({ databaseFile: file, appRoot: repoRoot, appVersion: '0.0.0-test', desktop: true })).toEqual({ backupFile: null, readOnlyReason: null });
    expect(await core.dispatch('alliance:save', { name: 'Liên minh Hợp tác xã tỉnh An Giang', provinceCode: '91' })).toMatchObject({ ok: true });
    expect(await core.dispatch('organizations:create', { kind: 'htx', name: 'HTX Nông nghiệp Vĩnh Bình', communeCode: '30604' })).toMatchObject({
      ok: true,
      value: { name: 'HTX Nông nghiệp Vĩnh Bình' },
    });
    expect(await core.dispatch('organizations:list', { query: 'vinh binh' })).toMatchObject({ ok: true, value: { total: 1 } });
    expect(await core.runningJobs()).toBe(0);
    await core.close('wait');

    const database = new Database(file, { readonly: true });
    expect(database.prepare('SELECT name FROM organizations').pluck().all()).toEqual(['HTX Nông nghiệp Vĩnh Bình']);
    database.close();
  });
});
