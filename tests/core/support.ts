import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openApp, type OpenedApp } from '../../src/core/app';
import { dispatch } from '../../src/core/handlers';
import type { Channel, InputOf, OutputOf } from '../../src/shared/contract';
import type { AppError } from '../../src/shared/errors';

export const repoRoot = resolve(import.meta.dirname, '../..');
export const migrationsFolder = resolve(repoRoot, 'drizzle');

/** The migrations the code ships, in order. */
export function journalEntries(): { when: number; tag: string }[] {
  const journal = JSON.parse(readFileSync(resolve(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
    entries: { when: number; tag: string }[];
  };
  return journal.entries;
}

/**
 * A fresh database with the real migrations and a clock the test can move. It is a file, as the
 * app's is: long writes (an import's commit) take a second connection to it.
 */
export function openTestApp(start = new Date('2026-11-23T08:00:00Z')): OpenedApp & { setNow(date: Date): void } {
  let now = start;
  const dir = mkdtempSync(join(tmpdir(), 'htx-test-'));
  const app = openApp({ databaseFile: join(dir, 'test.sqlite'), appRoot: repoRoot, appVersion: '0.0.0-test', clock: () => now });
  const close = () => {
    app.close();
    rmSync(dir, { recursive: true, force: true });
  };
  return { ...app, close, setNow: (date) => (now = date) };
}

/** Calls a channel through the real dispatcher, as the transports do; throws on failure. */
export async function call<C extends Channel>(app: OpenedApp, channel: C, input: InputOf<C>): Promise<OutputOf<C>> {
  const result = await dispatch(app.ctx, channel, input);
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.message}`);
  return result.value as OutputOf<C>;
}

/**
 * A save the person confirms is another record than those it may duplicate («Vẫn lưu»): sent, and
 * when refused as a possible duplicate, sent again naming the records the conflict listed.
 */
export async function callConfirming<C extends Channel>(app: OpenedApp, channel: C, input: InputOf<C> & { confirmedSimilarIds?: number[] }): Promise<OutputOf<C>> {
  const result = await dispatch(app.ctx, channel, input, { log: () => undefined });
  if (result.ok) return result.value as OutputOf<C>;
  if (result.error.kind !== 'conflict' || !result.error.similar) throw new Error(`${channel} failed: ${result.error.message}`);
  return call(app, channel, { ...input, confirmedSimilarIds: result.error.similar.map((record) => record.id) });
}

/** Calls a channel that must fail, and returns the error it failed with. */
export async function callFailing(app: OpenedApp, channel: string, input: unknown): Promise<AppError> {
  const result = await dispatch(app.ctx, channel, input, { log: () => undefined });
  if (result.ok) throw new Error(`${channel} should have failed`);
  return result.error;
}

export const AN_GIANG = '91';
export const XA_VINH_AN = '30604';
export const XA_VINH_BINH = '31064';
