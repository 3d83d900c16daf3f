/** Long work in progress (imports, exports, reports): its progress, and cancelling it. */
import { z } from 'zod';
import type { AppError } from '../errors';
import { channel } from './define';

export const jobStates = ['running', 'done', 'failed', 'cancelled'] as const;
export type JobState = (typeof jobStates)[number];

export interface JobStatus {
  jobId: string;
  state: JobState;
  /** Units of work done out of `total` (rows, usually); total is null while not yet known. */
  done: number;
  total: number | null;
  /** The step under way, as an i18n key under `excel.phase`. */
  phase: string;
  /** Why it failed, when it did. */
  error: AppError | null;
}

const jobId = z.uuid({ error: 'Mã công việc không hợp lệ.' });

export const jobsContract = {
  'jobs:status': channel<JobStatus>()(z.object({ jobId })),
  'jobs:cancel': channel<null>()(z.object({ jobId })),
};
