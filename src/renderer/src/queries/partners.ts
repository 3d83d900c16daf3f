/**
 * Server state of the partners (Đối tác). Every key is under `partners`, as is the events picker's
 * (queries/events.ts), so that a write to a partner refreshes each list that names partners.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InputOf } from '../../../shared/contract';
import { call } from '../api';

export const partnerKeys = {
  all: ['partners'] as const,
  list: (input: InputOf<'partners:list'>) => ['partners', 'list', input] as const,
  detail: (id: number) => ['partners', 'detail', id] as const,
  trash: (page: number, pageSize: number) => ['partners', 'trash', page, pageSize] as const,
  duplicates: (input: InputOf<'partners:checkDuplicates'>) => ['partners', 'duplicates', input] as const,
  ties: (id: number) => ['partners', 'ties', id] as const,
};

export function usePartnerList(input: InputOf<'partners:list'>) {
  return useQuery({
    queryKey: partnerKeys.list(input),
    queryFn: () => call('partners:list', input),
    // Keep the current page on screen while the next one (or the next search) loads.
    placeholderData: keepPreviousData,
  });
}

export function usePartner(id: number) {
  return useQuery({ queryKey: partnerKeys.detail(id), queryFn: () => call('partners:get', { id }) });
}

/** Its agreements under way and open demands, said before it goes to the trash; read afresh each time the page opens. */
export function usePartnerTies(id: number) {
  return useQuery({ queryKey: partnerKeys.ties(id), queryFn: () => call('partners:ties', { id }), staleTime: 0, refetchOnMount: 'always' });
}

export function usePartnerTrash(page: number, pageSize: number) {
  return useQuery({
    queryKey: partnerKeys.trash(page, pageSize),
    queryFn: () => call('partners:trash', { page, pageSize }),
    placeholderData: keepPreviousData,
  });
}

/** Possible duplicates of what is being typed; null asks nothing (not enough typed yet). */
export function usePartnerDuplicateCheck(input: InputOf<'partners:checkDuplicates'> | null) {
  return useQuery({
    queryKey: partnerKeys.duplicates(input ?? { name: '', provinceCode: '' }),
    queryFn: () => (input ? call('partners:checkDuplicates', input) : Promise.resolve([])),
    enabled: input !== null,
    placeholderData: keepPreviousData,
  });
}

/** A write to the partners: afterwards everything under `partners` is fetched again. */
function usePartnerMutation<C extends 'partners:create' | 'partners:update' | 'partners:restore'>(channel: C) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: InputOf<C>) => call(channel, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: partnerKeys.all }),
  });
}

export const useCreatePartner = () => usePartnerMutation('partners:create');
export const useUpdatePartner = () => usePartnerMutation('partners:update');
export const useRestorePartner = () => usePartnerMutation('partners:restore');

export function useDeletePartner() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: InputOf<'partners:delete'>) => call('partners:delete', input),
    // The deleted one's own page is being left; asking for it again would only answer "not found".
    onSuccess: (_, { id }) =>
      queryClient.invalidateQueries({
        queryKey: partnerKeys.all,
        predicate: ({ queryKey }) => !(queryKey[1] === 'detail' && queryKey[2] === id),
      }),
  });
}
