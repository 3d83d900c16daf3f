import type { jobsContract } from '../../shared/contracts/jobs';
import type { HandlersFor } from '../handlerTypes';

export const jobsHandlers: HandlersFor<typeof jobsContract> = {
  'jobs:status': (ctx, { jobId }) => ctx.jobs.status(jobId),
  'jobs:cancel': (ctx, { jobId }) => {
    ctx.jobs.cancel(jobId);
    return null;
  },
};
