/**
 * Server state of plans and targets. Every write under `plans` refreshes every plan query: a plan's
 * progress follows its targets. The actuals follow the whole register, so the plan's page and the
 * overview ask again whenever they are shown (they are not cached as other records are).
 */
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InputOf } from '../../../shared/contract';
import { call } from '../api';

export const planKeys = {
  all: ['plans'] as const,
  list: (input: InputOf<'plans:list'>) => ['plans', 'list', input] as const,
  detail: (id: number) => ['plans', 'detail', id] as const,
  trash: (page: number, pageSize: number) => ['plans', 'trash', page, pageSize] as const,
  inForce: ['plans', 'inForce'] as const,
  drill: (input: InputOf<'plans:drillDown'>) => ['plans', 'drill', input] as const,
  effective: ['plans', 'effective'] as const,
};

export function usePlanList(input: InputOf<'plans:list'>) {
  return useQuery({ queryKey: planKeys.list(input), queryFn: () => call('plans:list', input), placeholderData: keepPreviousData });
}

export function usePlan(id: number) {
  return useQuery({ queryKey: planKeys.detail(id), queryFn: () => call('plans:get', { id }), staleTime: 0, refetchOnMount: 'always' });
}

export function usePlanTrash(page: number, pageSize: number) {
  return useQuery({ queryKey: planKeys.trash(page, pageSize), queryFn: () => call('plans:trash', { page, pageSize }), placeholderData: keepPreviousData });
}

export const planInForceQuery = queryOptions({ queryKey: planKeys.inForce, queryFn: () => call('plans:inForce', undefined), staleTime: 0, refetchOnMount: 'always' });

export function usePlanInForce() {
  return useQuery(planInForceQuery);
}

export function useDrillDown(input: InputOf<'plans:drillDown'>, enabled: boolean) {
  return useQuery({ queryKey: planKeys.drill(input), queryFn: () => call('plans:drillDown', input), enabled, placeholderData: keepPreviousData });
}

export function useEffectiveDefinition() {
  return useQuery({ queryKey: planKeys.effective, queryFn: () => call('plans:effectiveDefinition', undefined) });
}

type PlanWrite =
  | 'plans:create'
  | 'plans:update'
  | 'plans:restore'
  | 'plans:copy'
  | 'plans:typeActual'
  | 'plans:setEffectiveDefinition'
  | 'plans:addAttachment'
  | 'plans:removeAttachment';

function usePlanMutation<C extends PlanWrite>(channel: C) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: InputOf<C>) => call(channel, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: planKeys.all }),
  });
}

export const useCreatePlan = () => usePlanMutation('plans:create');
export const useUpdatePlan = () => usePlanMutation('plans:update');
export const useRestorePlan = () => usePlanMutation('plans:restore');
export const useCopyPlan = () => usePlanMutation('plans:copy');
export const useTypeActual = () => usePlanMutation('plans:typeActual');
export const useSetEffectiveDefinition = () => usePlanMutation('plans:setEffectiveDefinition');
export const useAddPlanAttachment = () => usePlanMutation('plans:addAttachment');
export const useRemovePlanAttachment = () => usePlanMutation('plans:removeAttachment');

export function useDeletePlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: InputOf<'plans:delete'>) => call('plans:delete', input),
    // The deleted one's own page is being left; asking for it again would only answer "not found".
    onSuccess: (_, { id }) =>
      queryClient.invalidateQueries({ queryKey: planKeys.all, predicate: ({ queryKey }) => !(queryKey[1] === 'detail' && queryKey[2] === id) }),
  });
}
