import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { JobStatus } from '../../src/shared/contract';
import { conflict } from '../../src/shared/errors';
import { stagedFile } from '../../src/core/files';
import { JobKind, Jobs } from '../../src/core/jobs';
import { call, callFailing, openTestApp } from './support';

let app: ReturnType<typeof openTestApp>;
afterEach(() => app.close());

async function until(jobId: string, state: (status: JobStatus) => boolean): Promise<JobStatus> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const status = await call(app, 'jobs:status', { jobId });
    if (state(status)) return status;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error('job did not reach the state');
}

describe('jobs', () => {
  it('reports progress, then its result', async () => {
    app = openTestApp();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const counting = new JobKind<{ counted: number }>('count');
    const jobId = app.ctx.jobs.start(counting, async (control) => {
      control.report(3, 10, 'reading');
      await gate;
      return { counted: 10 };
    });
    expect((await until(jobId, (status) => status.done === 3)).phase).toBe('reading');
    expect((await call(app, 'jobs:status', { jobId })).state).toBe('running');
    release();
    await until(jobId, (status) => status.state === 'done');
    expect(app.ctx.jobs.result(jobId, counting)).toEqual({ counted: 10 });
    expect(() => app.ctx.jobs.result(jobId, new JobKind<unknown>('another-kind'))).toThrow(/chưa xong/);
  });

  it('stops at the next check once cancelled', async () => {
    app = openTestApp();
    let chunks = 0;
    const endless = new JobKind<never>('endless');
    const jobId = app.ctx.jobs.start(endless, async (control) => {
      for (;;) {
        control.throwIfCancelled();
        chunks += 1;
        await new Promise((resolve) => setImmediate(resolve));
      }
    });
    await until(jobId, () => chunks > 3);
    await call(app, 'jobs:cancel', { jobId });
    const status = await until(jobId, (current) => current.state !== 'running');
    expect(status.state).toBe('cancelled');
    expect(() => app.ctx.jobs.result(jobId, endless)).toThrow();
  });

  it('passes on a failure the person can read, and hides unexpected ones', async () => {
    app = openTestApp();
    const failing = new JobKind<never>('fails');
    const readable = app.ctx.jobs.start(failing, () => Promise.reject(conflict('Tệp này đã được nhập.')));
    expect((await until(readable, (status) => status.state !== 'running')).error).toEqual({
      kind: 'conflict',
      message: 'Tệp này đã được nhập.',
    });
    const quiet = new Jobs(() => undefined);
    const hidden = quiet.start(failing, () => Promise.reject(new Error('SQLITE_CORRUPT at page 7')));
    await new Promise((resolve) => setTimeout(resolve, 20));
    const status = quiet.status(hidden);
    expect(status.state).toBe('failed');
    expect(status.error?.message).not.toMatch(/SQLITE/);
  });

  it('before the data file closes: waits for running jobs or cancels them, and starts no new one', async () => {
    app = openTestApp();
    const quiet = new Jobs(() => undefined);
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const gated = new JobKind<string>('gated');
    const waitedFor = quiet.start(gated, async () => {
      await gate;
      return 'xong';
    });
    const cancelled = quiet.start(gated, async (control) => {
      for (;;) {
        control.throwIfCancelled();
        await new Promise((resolve) => setImmediate(resolve));
      }
    });
    expect(quiet.running()).toBe(2);

    quiet.cancel(cancelled);
    let settled = false;
    const settling = quiet.settle('wait').then(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    // Waiting: the gated job is still running, so closing has not finished.
    expect([settled, quiet.status(waitedFor).state, quiet.status(cancelled).state]).toEqual([false, 'running', 'cancelled']);
    expect(() => quiet.start(gated, () => Promise.resolve('mới'))).toThrow(
      'Tệp dữ liệu đang được đóng, nên công việc này không được bắt đầu. Hãy làm lại sau khi tệp đã mở.',
    );
    release();
    await settling;
    expect([quiet.status(waitedFor).state, quiet.result(waitedFor, gated), quiet.running()]).toEqual(['done', 'xong', 0]);

    const other = new Jobs(() => undefined);
    const endless = other.start(gated, async (control) => {
      for (;;) {
        control.throwIfCancelled();
        await new Promise((resolve) => setImmediate(resolve));
      }
    });
    await other.settle('cancel');
    expect(other.status(endless).state).toBe('cancelled');
  });

  it('lets go of the oldest finished results past 256 MB, and of any after an hour, saying so', async () => {
    app = openTestApp();
    const megabytes = 1024 * 1024;
    const heavy = new JobKind<{ name: string; weight: number }>('heavy', (result) => result.weight);
    const jobs = new Jobs();
    const finished = async (name: string, weight: number): Promise<string> => {
      const jobId = jobs.start(heavy, () => Promise.resolve({ name, weight }));
      for (let attempt = 0; jobs.status(jobId).state === 'running' && attempt < 100; attempt += 1) await new Promise((resolve) => setTimeout(resolve, 1));
      return jobId;
    };
    const first = await finished('first', 100 * megabytes);
    const second = await finished('second', 100 * megabytes);
    expect(jobs.result(first, heavy).name).toBe('first');
    const third = await finished('third', 100 * megabytes);
    expect(() => jobs.result(first, heavy)).toThrow(
      'Kết quả của công việc này đã được bỏ khỏi bộ nhớ (đã quá một giờ, hoặc để nhường chỗ cho công việc mới hơn); hãy làm lại bước này.',
    );
    expect([jobs.result(second, heavy).name, jobs.result(third, heavy).name]).toEqual(['second', 'third']);
    // One result heavier than the whole allowance is still kept: it is the one being waited for.
    const huge = await finished('huge', 400 * megabytes);
    expect(jobs.result(huge, heavy).name).toBe('huge');
    expect(() => jobs.status(third)).toThrow(/đã được bỏ khỏi bộ nhớ/);

    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 61 * 60 * 1000 });
    try {
      await finished('light', 1);
      expect(() => jobs.result(huge, heavy)).toThrow(/đã được bỏ khỏi bộ nhớ/);
    } finally {
      vi.useRealTimers();
    }
  });

  it('does not know a job it never started', async () => {
    app = openTestApp();
    const error = await callFailing(app, 'jobs:status', { jobId: '00000000-0000-4000-8000-000000000000' });
    expect(error.kind).toBe('notFound');
  });
});

describe('files', () => {
  it('takes an upload in chunks and gives it back byte for byte', async () => {
    app = openTestApp();
    const bytes = Buffer.from(Array.from({ length: 5000 }, (_, index) => index % 251));
    const { fileId } = await call(app, 'files:begin', { fileName: '../../Danh sách HTX.xlsx' });
    await call(app, 'files:append', { fileId, chunk: bytes.subarray(0, 3000).toString('base64') });
    expect(await call(app, 'files:append', { fileId, chunk: bytes.subarray(3000).toString('base64') })).toEqual({ size: 5000 });

    const staged = stagedFile(app.ctx, fileId);
    // The name keeps its Vietnamese letters but loses the folders it tried to climb out with.
    expect(staged.fileName).toBe('Danh sách HTX.xlsx');
    expect(staged.path.startsWith(app.ctx.dataDir)).toBe(true);
    expect(readFileSync(staged.path).equals(bytes)).toBe(true);

    const chunk = await call(app, 'files:read', { fileId, offset: 4000 });
    expect(chunk).toMatchObject({ fileName: 'Danh sách HTX.xlsx', size: 5000, nextOffset: null });
    expect(Buffer.from(chunk.chunk, 'base64').equals(bytes.subarray(4000))).toBe(true);
  });

  it('refuses ids it did not make and data that is not base64', async () => {
    app = openTestApp();
    expect((await callFailing(app, 'files:read', { fileId: '../../etc/passwd', offset: 0 })).kind).toBe('validation');
    expect((await callFailing(app, 'files:read', { fileId: '00000000-0000-4000-8000-000000000000', offset: 0 })).kind).toBe(
      'notFound',
    );
    const { fileId } = await call(app, 'files:begin', { fileName: 'a.csv' });
    const error = await callFailing(app, 'files:append', { fileId, chunk: 'không phải base64!' });
    expect(error.message).toMatch(/bị hỏng/);
  });
});
