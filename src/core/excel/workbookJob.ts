/**
 * Every workbook the app writes for the person to download — a report, a list as shown, the rows
 * an import could not take — is written by a job into the staging area: the window follows its
 * progress, may cancel it, and then collects the file with 'reports:file'.
 */
import type { StagedReport } from '../../shared/contracts/reports';
import type { Context } from '../context';
import { discardStaged, stageFile } from '../files';
import { JobKind, type JobControl } from '../jobs';

export const WORKBOOK_JOB = new JobKind<StagedReport>('workbook');

export function startWorkbookJob(ctx: Context, fileName: string, write: (path: string, control: JobControl) => Promise<void>): { jobId: string } {
  const jobId = ctx.jobs.start(WORKBOOK_JOB, async (control): Promise<StagedReport> => {
    const staged = stageFile(ctx, fileName);
    try {
      await write(staged.path, control);
      control.throwIfCancelled();
    } catch (error) {
      // A cancelled or failed workbook is half written: nobody may download it.
      discardStaged(ctx, staged.fileId);
      throw error;
    }
    return { fileId: staged.fileId, fileName };
  });
  return { jobId };
}
