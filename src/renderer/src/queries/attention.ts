/**
 * Cần chú ý is read from agreements, events and certificates as of today; it is fetched afresh
 * each time it is shown (no stale copy kept), so it needs no invalidation of its own.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { InputOf } from '../../../shared/contract';
import { call } from '../api';

export function useAttention(input: InputOf<'attention:list'>) {
  return useQuery({
    queryKey: ['attention', input] as const,
    queryFn: () => call('attention:list', input),
    placeholderData: keepPreviousData,
  });
}
