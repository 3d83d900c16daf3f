import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Jobs } from '../../src/core/jobs';
import { inLongTransaction } from '../../src/core/longTransaction';
import { insertOrganization } from '../../src/core/services/organizations';
import { organizationInput } from '../../src/shared/contracts/organizations';
import { AN_GIANG, call, openTestApp, XA_VINH_AN } from './support';

let app: ReturnType<typeof openTestApp>;
let scratch: string;

beforeEach(async () => {
  app = openTestApp();
  scratch = mkdtempSync(join(tmpdir(), 'htx-long-'));
  await call(app, 'alliance:save', { name: 'Liên minh Hợp tác xã tỉnh An Giang', provinceCode: AN_GIANG });
});
afterEach(() => {
  app.close();
  rmSync(scratch, { recursive: true, force: true });
});

/** What the database file alone holds, without its write-ahead log: what a checkpoint has copied in. */
function organizationsInFileAlone(file: string): number {
  const copy = join(scratch, 'alone.sqlite');
  copyFileSync(file, copy);
  expect(existsSync(`${copy}-wal`)).toBe(false);
  const db = new Database(copy, { readonly: true });
  try {
    return db.prepare('SELECT count(*) FROM organizations').pluck().get() as number;
  } finally {
    db.close();
  }
}

/** Writes 300 cooperatives in a long transaction, as an import's commit does. */
async function writeInLongTransaction(): Promise<void> {
  await inLongTransaction(app.ctx, async ({ ctx }) => {
    for (let number = 1; number <= 300; number++) {
      const input = { kind: 'htx', name: `Hợp tác xã Nông nghiệp số ${number}`, registrationNo: String(1_600_000_000 + number), communeCode: XA_VINH_AN };
      insertOrganization(ctx, organizationInput.parse(input));
    }
    await Promise.resolve();
  });
}

describe('a long transaction', () => {
  it('leaves its checkpoint to a worker, and the rows reach the database file itself', async () => {
    await writeInLongTransaction();
    // Committed and seen by the app at once; in the file itself once the worker's checkpoint ends.
    expect(app.ctx.db.$client.prepare('SELECT count(*) FROM organizations').pluck().get()).toBe(300);
    await app.ctx.jobs.trailed();
    expect(organizationsInFileAlone(app.ctx.databaseFile)).toBe(300);
  });

  it('is checkpointed before the app lets go of the file, without a turn of the event loop', async () => {
    await writeInLongTransaction();
    // What closing the app does first: nothing touches the file once it returns.
    app.ctx.jobs.waitForTrailing();
    expect(organizationsInFileAlone(app.ctx.databaseFile)).toBe(300);
  });
});

describe('work a job leaves running', () => {
  it('is waited for before the file closes', async () => {
    const jobs = new Jobs();
    const order: string[] = [];
    const done = new Promise<void>((resolve) =>
      setTimeout(() => {
        order.push('checkpoint');
        resolve();
      }, 50),
    );
    jobs.trail({ done, waitInPlace: () => undefined });
    await jobs.settle('wait');
    order.push('closed');
    expect(order).toEqual(['checkpoint', 'closed']);
  });
});
