/**
 * Bad luck, on purpose: an import's commit and its undo run in a child process (crashChild.ts)
 * that is killed with SIGKILL at moments drawn with a fixed seed. Whatever the moment, the file
 * opens sound (SQLite's integrity check, the search index's own check) and the register is wholly
 * as it was before or wholly as after; no half-written backup is ever listed.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp } from '../../src/core/app';
import { AN_GIANG, call, repoRoot } from './support';

const ROWS = 2000;
const KILLS = 3;
let root: string;

/** A small, fixed-seed generator (mulberry32): the same moments on every run. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let value = Math.imul(state ^ (state >>> 15), 1 | state);
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

interface Run {
  /** Milliseconds from "started" to the end, when it ended by itself. */
  tookMs: number | null;
  output: string;
  killed: boolean;
}

/** Runs the child on the data file in `folder`; with `killAfterMs`, kills it that long after its long write started. */
function runChild(folder: string, args: string[], killAfterMs?: number): Promise<Run> {
  // tsx as a loader of this very process (not its command, which runs the script in a process of
  // its own that a kill would miss).
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/core/crashChild.ts', join(folder, 'htx-desk.sqlite'), ...args], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let startedAt: number | null = null;
  let endedAt: number | null = null;
  const read = (chunk: Buffer) => {
    output += chunk.toString();
    if (startedAt === null && /^started$/m.test(output)) {
      startedAt = performance.now();
      if (killAfterMs !== undefined) setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    }
    if (endedAt === null && /^done /m.test(output)) endedAt = performance.now();
  };
  child.stdout.on('data', read);
  child.stderr.on('data', read);
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (signal !== 'SIGKILL' && code !== 0) reject(new Error(`child exited with ${String(code)}:\n${output}`));
      const took = startedAt !== null && endedAt !== null ? endedAt - startedAt : null;
      resolve({ tookMs: signal === 'SIGKILL' ? null : took, output, killed: signal === 'SIGKILL' });
    });
  });
}

interface State {
  organizations: number;
  batches: number;
  undone: number;
}

/** Opens the file as the app would after the crash, checks it, and says what it holds. */
async function stateOf(folder: string): Promise<State> {
  const app = openApp({ databaseFile: join(folder, 'htx-desk.sqlite'), appRoot: repoRoot, appVersion: '0.0.0-test' });
  try {
    const client = app.ctx.db.$client;
    expect(app.ctx.access).toEqual({ mode: 'write' });
    expect(client.pragma('integrity_check', { simple: true })).toBe('ok');
    // The search index agrees with the rows, and the register's counter with their number.
    client.prepare("INSERT INTO organizations_search (organizations_search) VALUES ('integrity-check')").run();
    const organizations = client.prepare('SELECT count(*) FROM organizations').pluck().get() as number;
    expect((await call(app, 'organizations:list', { page: 1, pageSize: 1 })).total).toBe(organizations);
    // Every backup listed is whole and sound; a draft cut short is gone.
    for (const backup of await call(app, 'backups:list', undefined)) expect(backup.sound).toBe(true);
    return {
      organizations,
      batches: client.prepare('SELECT count(*) FROM import_batches').pluck().get() as number,
      undone: client.prepare('SELECT count(*) FROM import_batches WHERE undone_at IS NOT NULL').pluck().get() as number,
    };
  } finally {
    app.close();
  }
}

const before: State = { organizations: 0, batches: 0, undone: 0 };
const imported: State = { organizations: ROWS, batches: 1, undone: 0 };
const undone: State = { organizations: 0, batches: 1, undone: 1 };
let list: string;
let commitMs: number;
let undoMs: number;
let batchId: string;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'htx-crash-'));
  const lines = ['Tên HTX,Địa chỉ,Mã số thuế'];
  for (let index = 0; index < ROWS; index += 1) lines.push(`HTX Nông nghiệp số ${index},"xã Bình Hòa, huyện Châu Thành, tỉnh An Giang",${String(1_700_000_000 + index)}`);
  list = join(root, 'danh sach.csv');
  writeFileSync(list, lines.join('\n'));

  const app = openApp({ databaseFile: join(root, 'before', 'htx-desk.sqlite'), appRoot: repoRoot, appVersion: '0.0.0-test' });
  await call(app, 'alliance:save', { name: 'Liên minh Hợp tác xã tỉnh An Giang', provinceCode: AN_GIANG });
  app.close();

  // Once without a kill, to know how long each long write takes and to have the state after it.
  cpSync(join(root, 'before'), join(root, 'imported'), { recursive: true });
  const commit = await runChild(join(root, 'imported'), ['import', list]);
  commitMs = commit.tookMs ?? 0;
  batchId = /^done (\d+)$/m.exec(commit.output)?.[1] ?? '';
  cpSync(join(root, 'imported'), join(root, 'undone'), { recursive: true });
  undoMs = (await runChild(join(root, 'undone'), ['undo', batchId])).tookMs ?? 0;
}, 120_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('killed in the middle', () => {
  it('runs to the end when nobody kills it', async () => {
    expect(commitMs).toBeGreaterThan(0);
    expect(undoMs).toBeGreaterThan(0);
    expect(await stateOf(join(root, 'imported'))).toEqual(imported);
    expect(await stateOf(join(root, 'undone'))).toEqual(undone);
  });

  it('an import is there wholly or not at all, and the file is sound', { timeout: 240_000 }, async () => {
    const random = seeded(20260310);
    const seen: string[] = [];
    for (let trial = 0; trial < KILLS; trial += 1) {
      const folder = join(root, `import-${trial}`);
      cpSync(join(root, 'before'), folder, { recursive: true });
      // From the backup before the commit to its very end.
      const delay = Math.floor(random() * commitMs * 1.2);
      const run = await runChild(folder, ['import', list], delay);
      const state = await stateOf(folder);
      expect([before, imported]).toContainEqual(state);
      seen.push(`${run.killed ? 'killed' : 'finished'} at ${delay} ms: ${state.organizations === 0 ? 'before' : 'after'}`);
    }
    console.log(`import (commit ${Math.round(commitMs)} ms when not killed), ${KILLS} kills: ${seen.join('; ')}`);
  });

  it('so is its undo', { timeout: 240_000 }, async () => {
    const random = seeded(20260311);
    const seen: string[] = [];
    for (let trial = 0; trial < KILLS; trial += 1) {
      const folder = join(root, `undo-${trial}`);
      cpSync(join(root, 'imported'), folder, { recursive: true });
      const delay = Math.floor(random() * undoMs * 1.2);
      const run = await runChild(folder, ['undo', batchId], delay);
      const state = await stateOf(folder);
      expect([imported, undone]).toContainEqual(state);
      seen.push(`${run.killed ? 'killed' : 'finished'} at ${delay} ms: ${state.undone === 0 ? 'before' : 'after'}`);
    }
    console.log(`undo (${Math.round(undoMs)} ms when not killed), ${KILLS} kills: ${seen.join('; ')}`);
  });
});
