/**
 * Server state of Nhập từ Excel: the steps' results (each collected once its job has ended), the
 * list of past imports, and undoing one. A commit or an undo changes the register, the figures,
 * partners or products, so those lists are refreshed after it.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { InputOf } from '../../../shared/contract';
import { call } from '../api';
import { queryKeys } from '../queries';
import { partnerKeys } from './partners';
import { registerKeys } from './register';

export const importKeys = {
  all: ['imports'] as const,
  analysis: (jobId: string) => ['imports', 'analysis', jobId] as const,
  preview: (input: InputOf<'imports:previewResult'>) => ['imports', 'preview', input] as const,
  waitingForPlaces: (input: InputOf<'imports:awaitingPlaces'>) => ['imports', 'waitingForPlaces', input] as const,
  summary: (jobId: string) => ['imports', 'summary', jobId] as const,
  batchesAll: ['imports', 'batches'] as const,
  batches: (page: number) => ['imports', 'batches', page] as const,
};

/** What an import may have changed (not the steps' own results, which stay as they were). */
function invalidateImported(queryClient: QueryClient) {
  return Promise.all(
    [importKeys.batchesAll, queryKeys.organizations, registerKeys.figures, registerKeys.products, registerKeys.statistics, partnerKeys.all].map((queryKey) =>
      queryClient.invalidateQueries({ queryKey }),
    ),
  );
}

export function useStartAnalysis() {
  return useMutation({ mutationFn: (input: InputOf<'imports:analyze'>) => call('imports:analyze', input) });
}

export function useAnalysis(jobId: string | null) {
  return useQuery({
    queryKey: importKeys.analysis(jobId ?? ''),
    queryFn: () => call('imports:analysis', { jobId: jobId ?? '' }),
    enabled: jobId !== null,
    staleTime: Infinity,
  });
}

export function useStartPreview() {
  return useMutation({ mutationFn: (input: InputOf<'imports:preview'>) => call('imports:preview', input) });
}

export function usePreview(input: InputOf<'imports:previewResult'> | null) {
  return useQuery({
    queryKey: importKeys.preview(input ?? { jobId: '' }),
    queryFn: () => call('imports:previewResult', input ?? { jobId: '' }),
    enabled: input !== null,
    placeholderData: keepPreviousData,
    staleTime: Infinity,
  });
}

/** The rows a commit with these choices would leave out, their commune still to choose: asked about before it starts. */
export function useAwaitingPlaces() {
  return useMutation({ mutationFn: (input: InputOf<'imports:awaitingPlaces'>) => call('imports:awaitingPlaces', input) });
}

/**
 * The same question while the person decides: how many rows still wait for a commune under the
 * choices as they stand. The answer is of the preview and the choices only, so it never goes stale.
 */
export function useWaitingForPlaces(input: InputOf<'imports:awaitingPlaces'>) {
  return useQuery({
    queryKey: importKeys.waitingForPlaces(input),
    queryFn: () => call('imports:awaitingPlaces', input),
    placeholderData: keepPreviousData,
    staleTime: Infinity,
  });
}

export function useStartCommit() {
  return useMutation({ mutationFn: (input: InputOf<'imports:commit'>) => call('imports:commit', input) });
}

/** The summary of a finished commit; the register has changed by then, so its lists are refreshed. */
export function useCommitSummary(jobId: string | null) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: importKeys.summary(jobId ?? ''),
    queryFn: async () => {
      const summary = await call('imports:commitResult', { jobId: jobId ?? '' });
      await invalidateImported(queryClient);
      return summary;
    },
    enabled: jobId !== null,
    staleTime: Infinity,
  });
}

export function useFailedRows() {
  return useMutation({ mutationFn: (jobId: string) => call('imports:failedRows', { jobId }) });
}

export function useImportBatches(page: number) {
  return useQuery({ queryKey: importKeys.batches(page), queryFn: () => call('imports:batches', { page, pageSize: 10 }), placeholderData: keepPreviousData });
}

/** What an undo would meet: the records of the import changed since. */
export function useUndoCheck() {
  return useMutation({ mutationFn: (batchId: number) => call('imports:undoCheck', { batchId }) });
}

export function useStartUndo() {
  return useMutation({ mutationFn: (input: InputOf<'imports:undo'>) => call('imports:undo', input) });
}

/** The batch as undone and what was kept, once its job has ended; the register has changed by then, so its lists are refreshed. */
export function useUndoResult() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (jobId: string) => {
      const result = await call('imports:undoResult', { jobId });
      await invalidateImported(queryClient);
      return result;
    },
  });
}
