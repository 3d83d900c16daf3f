/**
 * The backend's data as TanStack Query hooks. Keys are defined here only, so that a write
 * invalidates exactly what it changed.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InputOf } from '../../shared/contract';
import { call } from './api';

export const queryKeys = {
  appInfo: ['app-info'] as const,
  alliance: ['alliance'] as const,
  provinces: ['places', 'provinces'] as const,
  communes: (provinceCode: string) => ['places', 'communes', provinceCode] as const,
  organizations: ['organizations'] as const,
  organizationList: (input: InputOf<'organizations:list'>) => ['organizations', 'list', input] as const,
  /** Under `organizations`, so that any write to the register refreshes them too. */
  organization: (id: number) => ['organizations', 'detail', id] as const,
  trash: (page: number, pageSize: number, id?: number) => ['organizations', 'trash', page, pageSize, id] as const,
  duplicates: (input: InputOf<'organizations:checkDuplicates'>) => ['organizations', 'duplicates', input] as const,
  lookups: ['lookups'] as const,
  oldAddress: (oldAddress: string) => ['places', 'old-address', oldAddress] as const,
};

/** Administrative units and the app's version do not change while it runs. */
const forever = { staleTime: Infinity, gcTime: Infinity };

export function useAppInfo() {
  return useQuery({ queryKey: queryKeys.appInfo, queryFn: () => call('app:info', undefined), ...forever });
}

export function useAlliance() {
  return useQuery({ queryKey: queryKeys.alliance, queryFn: () => call('alliance:get', undefined) });
}

export function useProvinces() {
  return useQuery({ queryKey: queryKeys.provinces, queryFn: () => call('places:provinces', undefined), ...forever });
}

export function useCommunes(provinceCode: string) {
  return useQuery({
    queryKey: queryKeys.communes(provinceCode),
    queryFn: () => call('places:communes', { provinceCode }),
    // No province yet (the alliance not read, a row that needs none): nothing to ask.
    enabled: provinceCode !== '',
    ...forever,
  });
}

export function useOrganizationList(input: InputOf<'organizations:list'>) {
  return useQuery({
    queryKey: queryKeys.organizationList(input),
    queryFn: () => call('organizations:list', input),
    // Keep the current page on screen while the next one (or the next search) loads.
    placeholderData: keepPreviousData,
  });
}

export function useLookups() {
  return useQuery({ queryKey: queryKeys.lookups, queryFn: () => call('lookups:get', undefined) });
}

export function useOrganization(id: number) {
  return useQuery({ queryKey: queryKeys.organization(id), queryFn: () => call('organizations:get', { id }) });
}

/** Thùng rác's organizations; with `id`, that one alone (`trashedOrganizationHref`); asked only while `enabled`. */
export function useTrash(page: number, pageSize: number, id?: number, enabled = true) {
  return useQuery({
    queryKey: queryKeys.trash(page, pageSize, id),
    queryFn: () => call('organizations:trash', { page, pageSize, id }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Possible duplicates of what is being typed; null asks nothing (not enough typed yet). */
export function useDuplicateCheck(input: InputOf<'organizations:checkDuplicates'> | null) {
  return useQuery({
    queryKey: queryKeys.duplicates(input ?? { name: '', communeCode: '' }),
    queryFn: () => (input ? call('organizations:checkDuplicates', input) : Promise.resolve([])),
    enabled: input !== null,
    placeholderData: keepPreviousData,
  });
}

/** The current commune of an address written before 1 July 2025; the mapping never changes. */
export function useOldAddressSuggestion(oldAddress: string) {
  return useQuery({
    queryKey: queryKeys.oldAddress(oldAddress),
    queryFn: () => call('places:suggestFromOldAddress', { oldAddress }),
    enabled: oldAddress !== '',
    ...forever,
  });
}

/** A write to the register: afterwards everything under `organizations` is fetched again. */
function useRegisterMutation<C extends Parameters<typeof call>[0]>(channel: C) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: InputOf<C>) => call(channel, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.organizations }),
  });
}

export const useUpdateOrganization = () => useRegisterMutation('organizations:update');
export function useDeleteOrganization() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: InputOf<'organizations:delete'>) => call('organizations:delete', input),
    // The deleted one's own page is being left; asking for it again would only answer "not found".
    onSuccess: (_, { id }) =>
      queryClient.invalidateQueries({
        queryKey: queryKeys.organizations,
        predicate: ({ queryKey }) => !(queryKey[1] === 'detail' && queryKey[2] === id),
      }),
  });
}
export const useRestoreOrganization = () => useRegisterMutation('organizations:restore');
export const useSetContacts = () => useRegisterMutation('contacts:set');
export const useAddUnionMember = () => useRegisterMutation('unions:addMember');
export const useEndUnionMembership = () => useRegisterMutation('unions:endMembership');
export const useRemoveUnionMember = () => useRegisterMutation('unions:removeMember');

export function useSaveAlliance() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: InputOf<'alliance:save'>) => call('alliance:save', input),
    onSuccess: (saved) => queryClient.setQueryData(queryKeys.alliance, saved),
  });
}

export function useCreateOrganization() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: InputOf<'organizations:create'>) => call('organizations:create', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.organizations }),
  });
}
