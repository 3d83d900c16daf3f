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
