/**
 * Long work (an import, an export, a report) runs as a job: the call that starts it answers at
 * once with a job id, the window asks for the job's progress and may cancel it, and the result is
 * collected when it is done. The work itself is async and yields between chunks, so the process
 * keeps answering the window while it runs.
 */
import { randomUUID } from 'node:crypto';
import type { JobStatus } from '../shared/contracts/jobs';
import { AppFailure, notFound, type AppError } from '../shared/errors';
import { busyFailure } from './longTransaction';

/**
 * A kind of job and the type of its result, so that collecting a result is typed by the kind it
 * was started as: `new JobKind<PreviewState>('imports:preview')`.
 */
export class JobKind<T> {
  /** Type only: never set, it carries T. */
  declare readonly resultType?: T;
  constructor(readonly name: string) {}
}

/** What the work sees: where to report progress, and whether the person has cancelled it. */
export interface JobControl {
  /** `phase` names the step for the screen (an i18n key under `excel.phase`). */
  report(done: number, total: number | null, phase: string): void;
  /** Throws when the job was cancelled; call it between chunks. */
  throwIfCancelled(): void;
  readonly signal: AbortSignal;
}

interface Job {
  kind: string;
  status: JobStatus;
  controller: AbortController;
  result: unknown;
  finishedAt: number | null;
}

/** Finished jobs are kept this long for their result to be collected. */
const KEEP_FINISHED_MS = 60 * 60 * 1000;

class Cancelled extends Error {}

export class Jobs {
  private readonly jobs = new Map<string, Job>();

  constructor(
    private readonly log: (error: unknown) => void = console.error,
    /** Failures with a message a person can read (SQLite's, said in Vietnamese), besides AppFailure and busy. */
    private readonly explain: (error: unknown) => AppFailure | null = () => null,
  ) {}

  /** How many jobs are still running: a restore waits for none. */
  running(): number {
    let count = 0;
    for (const job of this.jobs.values()) if (job.status.state === 'running') count += 1;
    return count;
  }

  start<T>(kind: JobKind<T>, work: (control: JobControl) => Promise<T>): string {
    this.forgetOld();
    const jobId = randomUUID();
    const controller = new AbortController();
    const job: Job = {
      kind: kind.name,
      status: { jobId, state: 'running', done: 0, total: null, phase: 'starting', error: null },
      controller,
      result: undefined,
      finishedAt: null,
    };
    this.jobs.set(jobId, job);
    const control: JobControl = {
      report: (done, total, phase) => {
        job.status = { ...job.status, done, total, phase };
      },
      throwIfCancelled: () => {
        if (controller.signal.aborted) throw new Cancelled();
      },
      signal: controller.signal,
    };
    // Started on the next turn, so the caller has the id before any progress is made.
    setImmediate(() => {
      work(control).then(
        (result) => this.finish(job, controller.signal.aborted ? 'cancelled' : 'done', null, result),
        (error: unknown) => {
          if (error instanceof Cancelled || controller.signal.aborted) return this.finish(job, 'cancelled', null);
          const failure = error instanceof AppFailure ? error : (busyFailure(error) ?? this.explain(error));
          if (failure) return this.finish(job, 'failed', failure.error);
          this.log(error);
          this.finish(job, 'failed', {
            kind: 'internal',
            message: 'Công việc dừng vì một lỗi ngoài dự kiến; dữ liệu đã lưu không bị ảnh hưởng. Hãy thử lại.',
          });
        },
      );
    });
    return jobId;
  }

  status(jobId: string): JobStatus {
    return this.require(jobId).status;
  }

  cancel(jobId: string): void {
    this.require(jobId).controller.abort();
  }

  /** The result of a finished job of the given kind; fails plainly if it is not (yet) there. */
  result<T>(jobId: string, kind: JobKind<T>): T {
    const job = this.require(jobId);
    if (job.kind !== kind.name || job.status.state !== 'done') {
      throw notFound('Công việc này chưa xong hoặc đã bị hủy; hãy làm lại từ đầu.');
    }
    return job.result as T;
  }

  private finish(job: Job, state: 'done' | 'failed' | 'cancelled', error: AppError | null, result?: unknown): void {
    job.status = { ...job.status, state, error };
    job.result = result;
    job.finishedAt = Date.now();
  }

  private require(jobId: string): Job {
    const job = this.jobs.get(jobId);
    if (!job) throw notFound('Không tìm thấy công việc này; có thể ứng dụng đã khởi động lại. Hãy làm lại từ đầu.');
    return job;
  }

  private forgetOld(): void {
    const now = Date.now();
    for (const [jobId, job] of this.jobs) {
      if (job.finishedAt !== null && now - job.finishedAt > KEEP_FINISHED_MS) this.jobs.delete(jobId);
    }
  }
}
