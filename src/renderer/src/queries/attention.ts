/**
 * Cần chú ý is read from agreements, events and certificates as of today; it is fetched afresh
 * each time it is shown, so it needs no invalidation of its own.
 */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { InputOf } from '../../../shared/contract';
import { attentionInput } from '../../../shared/contracts/attention';
import { call } from '../api';

export function attentionQuery(input: InputOf<'attention:list'>) {
  // Asked with every default written out: Tổng quan's summary and the page ask the same question,
  // so the page opened from Tổng quan shows its answer at once while it is fetched afresh. What
  // the contract refuses is asked as typed, for the core to say why.
  const parsed = attentionInput.safeParse(input);
  const asked = parsed.success ? parsed.data : input;
  return queryOptions({
    queryKey: ['attention', asked] as const,
    queryFn: () => call('attention:list', asked),
    placeholderData: keepPreviousData,
  });
}

export function useAttention(input: InputOf<'attention:list'>) {
  return useQuery(attentionQuery(input));
}
