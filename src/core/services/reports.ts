/**
 * Xuất Excel and Báo cáo: each export or report runs as a workbook job (`excel/workbookJob.ts`);
 * the window follows the job and then reads the file back with 'files:read'.
 */
import type { reportsContract } from '../../shared/contracts/reports';
import type { Context } from '../context';
import { reportCatalogue, prepareListExport, preparePlanResults, prepareReport, type PreparedReport } from '../excel/reports';
import { writeReport } from '../excel/write/writer';
import type { HandlersFor } from '../handlerTypes';
import { startWorkbookJob, WORKBOOK_JOB } from '../excel/workbookJob';

function startReport(ctx: Context, prepared: PreparedReport): { jobId: string } {
  return startWorkbookJob(ctx, prepared.fileName, (path, control) => writeReport(path, prepared.build(), control));
}

export const reportsHandlers: HandlersFor<typeof reportsContract> = {
  'reports:layouts': () => reportCatalogue(),
  'reports:run': (ctx, input) => startReport(ctx, prepareReport(ctx, input)),
  'reports:exportList': (ctx, input) => startReport(ctx, prepareListExport(ctx, input)),
  'reports:planResults': (ctx, { planId }) => startReport(ctx, preparePlanResults(ctx, planId)),
  'reports:file': (ctx, { jobId }) => ctx.jobs.result(jobId, WORKBOOK_JOB),
};
