/**
 * Long work (an import, an export, a report) runs as a job: the call that starts it answers at
 * once with a job id, the window asks for the job's progress and may cancel it, and the result is
 * collected when it is done. The work itself is async and yields between chunks, so the process
 * keeps answering the window while it runs.
 */
import { randomUUID } from 'node:crypto';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { JobStatus } from '../shared/contracts/jobs';
import { AppFailure, conflict, notFound, type AppError } from '../shared/errors';
import { busyFailure } from './longTransaction';

/**
 * A kind of job and the type of its result, so that collecting a result is typed by the kind it
 * was started as: `new JobKind<PreviewState>('imports:preview')`. `weigh` estimates the bytes a
 * result holds, for kinds whose results are large (an import's preview of every row).
 */
export class JobKind<T> {
  /** Type only: never set, it carries T. */
  declare readonly resultType?: T;
  constructor(
    readonly name: string,
    readonly weigh?: (result: T) => number,
  ) {}
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
  /** Settles when the work has ended, whichever way. */
  ended: Promise<void>;
  /** Estimated bytes of the result, once finished. */
  bytes: number;
}

/** Finished jobs are kept this long for their result to be collected. */
const KEEP_FINISHED_MS = 60 * 60 * 1000;
/**
 * Finished results kept together weigh at most this much: two previews of 100,000 rows. Older
 * ones go first; the one just finished always stays, whatever it weighs.
 */
const KEEP_FINISHED_BYTES = 256 * 1024 * 1024;
/** Ids of results let go, remembered (the latest thousand) to say so rather than "not found". */
const REMEMBER_EVICTED = 1000;

class Cancelled extends Error {}

/**
 * Work left running in the background on the data file (a checkpoint, a backup's copy): `done`
 * settles (never rejects) when it ends, and `waitInPlace` blocks until then, for a caller that
 * cannot await.
 */
export interface TrailingWork {
  done: Promise<void>;
  waitInPlace(): void;
}

/** Before the data file closes, running jobs are cancelled, or waited for. */
export type JobsOnClose = 'cancel' | 'wait';

export class Jobs {
  private readonly jobs = new Map<string, Job>();
  /** Set once the data file is closing: no job starts any more. */
  private closing = false;
  private readonly evicted = new Set<string>();
  /** Work left running in the background on the data file (`trail`). */
  private readonly trailing = new Set<TrailingWork>();

  constructor(
    private readonly log: (error: unknown) => void = console.error,
    /** Failures with a message a person can read (SQLite's, said in Vietnamese), besides AppFailure and busy. */
    private readonly explain: (error: unknown) => AppFailure | null = () => null,
  ) {}

  start<T>(kind: JobKind<T>, work: (control: JobControl) => Promise<T>): string {
    if (this.closing) throw conflict('Tệp dữ liệu đang được đóng, nên công việc này không được bắt đầu. Hãy làm lại sau khi tệp đã mở.');
    this.forgetOld();
    const jobId = randomUUID();
    const controller = new AbortController();
    const job: Job = {
      kind: kind.name,
      status: { jobId, state: 'running', done: 0, total: null, phase: 'starting', error: null },
      controller,
      result: undefined,
      finishedAt: null,
      ended: Promise.resolve(),
      bytes: 0,
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
    job.ended = nextTurn()
      .then(() => work(control))
      .then(
        (result) => {
          job.bytes = kind.weigh?.(result) ?? 0;
          this.finish(job, controller.signal.aborted ? 'cancelled' : 'done', null, result);
        },
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
    return jobId;
  }

  /** How many jobs are running now: a restore and closing the file wait for none. */
  running(): number {
    return [...this.jobs.values()].filter((job) => job.status.state === 'running').length;
  }

  /**
   * Before the data file closes: no job starts from now on, the running ones are cancelled (their
   * writes roll back) or left to finish, and this settles once every one has ended.
   */
  async settle(running: JobsOnClose): Promise<void> {
    this.closing = true;
    const jobs = [...this.jobs.values()].filter((job) => job.status.state === 'running');
    if (running === 'cancel') for (const job of jobs) job.controller.abort();
    await Promise.all(jobs.map((job) => job.ended));
    await this.trailed();
  }

  /**
   * Keeps `work` running in the background on the data file (the checkpoint a long write leaves,
   * a backup's copy), to be waited for before the file closes or is replaced under it.
   */
  trail(work: TrailingWork): void {
    this.trailing.add(work);
    const forget = () => this.trailing.delete(work);
    work.done.then(forget, forget);
  }

  /** Settles once the work finished jobs left running has ended. */
  async trailed(): Promise<void> {
    while (this.trailing.size > 0) await Promise.all([...this.trailing].map((work) => work.done));
  }

  /** `trailed` for a caller that cannot wait for a turn of the event loop (closing the app). */
  waitForTrailing(): void {
    for (const work of this.trailing) work.waitInPlace();
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
    job.result = state === 'done' ? result : undefined;
    if (state !== 'done') job.bytes = 0;
    job.finishedAt = Date.now();
    this.forgetOld(job);
  }

  private require(jobId: string): Job {
    const job = this.jobs.get(jobId);
    if (!job && this.evicted.has(jobId)) {
      throw notFound('Kết quả của công việc này đã được bỏ khỏi bộ nhớ (đã quá một giờ, hoặc để nhường chỗ cho công việc mới hơn); hãy làm lại bước này.');
    }
    if (!job) throw notFound('Không tìm thấy công việc này; có thể ứng dụng đã khởi động lại. Hãy làm lại từ đầu.');
    return job;
  }

  /**
   * Lets go of finished jobs older than an hour, then of the oldest finished results until those
   * kept weigh no more than KEEP_FINISHED_BYTES; `keep` (the job just finished) always stays.
   */
  private forgetOld(keep?: Job): void {
    const now = Date.now();
    for (const [jobId, job] of this.jobs) {
      if (job.finishedAt !== null && now - job.finishedAt > KEEP_FINISHED_MS) this.evict(jobId);
    }
    const heavy = [...this.jobs].filter(([, job]) => job.finishedAt !== null && job.bytes > 0 && job !== keep);
    let total = heavy.reduce((sum, [, job]) => sum + job.bytes, keep?.bytes ?? 0);
    heavy.sort(([, a], [, b]) => (a.finishedAt ?? 0) - (b.finishedAt ?? 0));
    for (const [jobId, job] of heavy) {
      if (total <= KEEP_FINISHED_BYTES) break;
      total -= job.bytes;
      this.evict(jobId);
    }
  }

  private evict(jobId: string): void {
    this.jobs.delete(jobId);
    this.evicted.add(jobId);
    if (this.evicted.size > REMEMBER_EVICTED) {
      const oldest = this.evicted.values().next();
      if (oldest.done !== true) this.evicted.delete(oldest.value);
    }
  }
}
