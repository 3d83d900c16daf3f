/**
 * Nhập từ Excel over the contract: each long step starts a job and answers with its id; the
 * window follows it with 'jobs:status' and collects the result with the matching channel.
 */
import type { importsContract } from '../../shared/contracts/imports';
import type { Context } from '../context';
import {
  ANALYZE_JOB,
  COMMIT_JOB,
  PREVIEW_JOB,
  UNDO_JOB,
  analyze,
  awaitingPlaces,
  commit,
  failedRowsFileName,
  listBatches,
  preview,
  previewPage,
  undoBatch,
  undoCheck,
  writeFailedRows,
} from '../excel/import/pipeline';
import { startWorkbookJob } from '../excel/workbookJob';
import type { HandlersFor } from '../handlerTypes';

type PreviewState = Awaited<ReturnType<typeof preview>>;
type CommitState = Awaited<ReturnType<typeof commit>>;

/** The rows to write out: after a commit, those it did not write; after a preview, those with problems. */
function failedRowsOf(ctx: Context, jobId: string): { state: PreviewState; failures: CommitState['failures'] | null } {
  try {
    const committed = ctx.jobs.result(jobId, COMMIT_JOB);
    return { state: committed.preview, failures: committed.failures };
  } catch {
    return { state: ctx.jobs.result(jobId, PREVIEW_JOB), failures: null };
  }
}

export const importsHandlers: HandlersFor<typeof importsContract> = {
  'imports:analyze': (ctx, input) => ({ jobId: ctx.jobs.start(ANALYZE_JOB, (control) => analyze(ctx, input, control)) }),
  'imports:analysis': (ctx, { jobId }) => ctx.jobs.result(jobId, ANALYZE_JOB).analysis,
  'imports:preview': (ctx, input) => {
    const analysis = ctx.jobs.result(input.analysisJobId, ANALYZE_JOB);
    return { jobId: ctx.jobs.start(PREVIEW_JOB, (control) => preview(ctx, analysis, input, control)) };
  },
  'imports:previewResult': (ctx, { jobId, ...shown }) => previewPage(ctx, ctx.jobs.result(jobId, PREVIEW_JOB), shown),
  'imports:awaitingPlaces': (ctx, input) => awaitingPlaces(ctx, ctx.jobs.result(input.previewJobId, PREVIEW_JOB), input),
  'imports:commit': (ctx, input) => {
    const state = ctx.jobs.result(input.previewJobId, PREVIEW_JOB);
    return { jobId: ctx.jobs.start(COMMIT_JOB, (control) => commit(ctx, state, input, control)) };
  },
  'imports:commitResult': (ctx, { jobId }) => ctx.jobs.result(jobId, COMMIT_JOB).summary,
  'imports:failedRows': (ctx, { jobId }) => {
    const { state, failures } = failedRowsOf(ctx, jobId);
    return startWorkbookJob(ctx, failedRowsFileName(state), (path, control) => writeFailedRows(path, state, failures, control));
  },
  'imports:batches': (ctx, input) => listBatches(ctx, input),
  'imports:undoCheck': (ctx, { batchId }) => undoCheck(ctx, batchId),
  'imports:undo': (ctx, { batchId, mode }) => ({ jobId: ctx.jobs.start(UNDO_JOB, (control) => undoBatch(ctx, batchId, mode, control)) }),
  'imports:undoResult': (ctx, { jobId }) => ctx.jobs.result(jobId, UNDO_JOB),
};
