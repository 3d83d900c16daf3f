/** Following a job the backend runs (an import, an export): its progress until it ends. */
import { useMutation, useQuery } from '@tanstack/react-query';
import { call } from '../api';

export const jobKeys = {
  status: (jobId: string) => ['jobs', jobId] as const,
};

/** Asks for the job's progress a few times a second while it runs, and stops once it has ended. */
export function useJobStatus(jobId: string | null) {
  return useQuery({
    queryKey: jobKeys.status(jobId ?? ''),
    queryFn: () => call('jobs:status', { jobId: jobId ?? '' }),
    enabled: jobId !== null,
    refetchInterval: (query) => (query.state.data?.state === 'running' || query.state.data === undefined ? 250 : false),
  });
}

export function useCancelJob() {
  return useMutation({ mutationFn: (jobId: string) => call('jobs:cancel', { jobId }) });
}
