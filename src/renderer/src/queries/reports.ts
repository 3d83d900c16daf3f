/**
 * Báo cáo and Xuất Excel: the list of reports, and starting a report or an export. Starting one
 * changes no data, so nothing is invalidated; the job is then followed with queries/jobs.ts.
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import type { InputOf } from '../../../shared/contract';
import { call } from '../api';
import { downloadStaged } from '../files';

export const reportKeys = {
  layouts: ['reports', 'layouts'] as const,
};

export function useReportLayouts() {
  // The layouts ship with the app and do not change while it runs.
  return useQuery({ queryKey: reportKeys.layouts, queryFn: () => call('reports:layouts', undefined), staleTime: Infinity });
}

export function useRunReport() {
  return useMutation({ mutationFn: (input: InputOf<'reports:run'>) => call('reports:run', input) });
}

/** Starts exporting a list as it is shown. */
export function useExportList() {
  return useMutation({ mutationFn: (input: InputOf<'reports:exportList'>) => call('reports:exportList', input) });
}

/** Collects the workbook of a finished job and hands it to the browser as a download. */
export async function downloadReport(jobId: string): Promise<string> {
  const { fileId, fileName } = await call('reports:file', { jobId });
  await downloadStaged(fileId);
  return fileName;
}
