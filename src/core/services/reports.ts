/**
 * Xuất Excel and Báo cáo: each export or report runs as a job that writes the workbook into the
 * staging area; the window follows the job and then reads the file back with 'files:read'.
 */
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type { reportsContract, StagedReport } from '../../shared/contracts/reports';
import type { Context } from '../context';
import { reportCatalogue, prepareListExport, prepareReport, type PreparedReport } from '../excel/reports';
import { writeReport } from '../excel/write/writer';
import { stageFile } from '../files';
import type { HandlersFor } from '../handlerTypes';
import { JobKind } from '../jobs';

/** The kind of job every report and export runs as; 'reports:file' collects only these. */
const REPORT_JOB = new JobKind<StagedReport>('report');

function startReport(ctx: Context, prepared: PreparedReport): { jobId: string } {
  const jobId = ctx.jobs.start(REPORT_JOB, async (control): Promise<StagedReport> => {
    const staged = stageFile(ctx, prepared.fileName);
    try {
      await writeReport(staged.path, prepared.build(), control);
      control.throwIfCancelled();
    } catch (error) {
      // A cancelled or failed workbook is half written: nobody may download it.
      rmSync(dirname(staged.path), { recursive: true, force: true });
      throw error;
    }
    return { fileId: staged.fileId, fileName: prepared.fileName };
  });
  return { jobId };
}

export const reportsHandlers: HandlersFor<typeof reportsContract> = {
  'reports:layouts': () => reportCatalogue(),
  'reports:run': (ctx, input) => startReport(ctx, prepareReport(ctx, input)),
  'reports:exportList': (ctx, input) => startReport(ctx, prepareListExport(ctx, input)),
  'reports:file': (ctx, { jobId }) => ctx.jobs.result(jobId, REPORT_JOB),
};
