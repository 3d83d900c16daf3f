/**
 * Server state of an organization's figures, products and lifecycle, the year grid and the
 * overview. Keys are defined here; organization keys come from queries.ts so that a lifecycle event
 * refreshes the profile's status badge too.
 */
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { FiguresGridRow, InputOf, YearlyFigures } from '../../../shared/contract';
import type { Page } from '../../../shared/domain';
import { call } from '../api';
import { queryKeys } from '../queries';

export const registerKeys = {
  lookups: ['lookups'] as const,
  figures: ['figures'] as const,
  figuresList: (organizationId: number) => ['figures', 'list', organizationId] as const,
  figuresGridAll: ['figures', 'grid'] as const,
  figuresGrid: (input: InputOf<'figures:grid'>) => ['figures', 'grid', input] as const,
  products: ['products'] as const,
  productList: (organizationId: number) => ['products', 'list', organizationId] as const,
  expiring: (input: InputOf<'certifications:expiring'>) => ['products', 'expiring', input] as const,
  lifecycle: ['lifecycle'] as const,
  lifecycleList: (organizationId: number) => ['lifecycle', 'list', organizationId] as const,
  statistics: ['statistics'] as const,
  statisticsYears: ['statistics', 'years'] as const,
  statisticsReportedYear: ['statistics', 'reportedYear'] as const,
  statisticsOverview: (year: number) => ['statistics', 'overview', year] as const,
};

function invalidateAll(queryClient: QueryClient, keys: readonly (readonly unknown[])[]) {
  return Promise.all(keys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}

export function useLookups() {
  return useQuery({ queryKey: registerKeys.lookups, queryFn: () => call('lookups:get', undefined), staleTime: 60_000 });
}

// ---- Số liệu hằng năm ----

export function useFiguresList(organizationId: number) {
  return useQuery({
    queryKey: registerKeys.figuresList(organizationId),
    queryFn: () => call('figures:list', { organizationId }),
  });
}

/** Saves a whole year from the profile's form. */
export function useSaveFigures() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: InputOf<'figures:save'>) => call('figures:save', input),
    onSuccess: () => invalidateAll(queryClient, [registerKeys.figures, registerKeys.statistics, queryKeys.organizations]),
  });
}

export function useDeleteFigures() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: InputOf<'figures:delete'>) => call('figures:delete', input),
    onSuccess: () => invalidateAll(queryClient, [registerKeys.figures, registerKeys.statistics, queryKeys.organizations]),
  });
}

export function useFiguresGrid(input: InputOf<'figures:grid'>) {
  return useQuery({
    queryKey: registerKeys.figuresGrid(input),
    queryFn: () => call('figures:grid', input),
    placeholderData: keepPreviousData,
  });
}

/**
 * Saves one cell of the year grid. The grid's own cached page is patched in place rather than
 * refetched, so that the row being typed in does not jump; everything else that shows figures is
 * invalidated.
 */
export function useSaveGridCell() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: InputOf<'figures:save'>) => call('figures:save', input),
    onSuccess: (saved: YearlyFigures) => {
      queryClient.setQueriesData<Page<FiguresGridRow>>({ queryKey: registerKeys.figuresGridAll }, (page) =>
        page
          ? {
              ...page,
              rows: page.rows.map((row) =>
                row.organizationId === saved.organizationId && (row.figures?.year ?? saved.year) === saved.year
                  ? { ...row, figures: saved }
                  : row,
              ),
            }
          : page,
      );
      void invalidateAll(queryClient, [
        ['figures', 'list', saved.organizationId],
        registerKeys.statistics,
        queryKeys.organizations,
      ]);
    },
  });
}

// ---- Sản phẩm, chứng nhận ----

export function useProducts(organizationId: number) {
  return useQuery({
    queryKey: registerKeys.productList(organizationId),
    queryFn: () => call('products:list', { organizationId }),
  });
}

function useProductsWrite<C extends 'products:save' | 'products:delete' | 'certifications:save' | 'certifications:delete'>(channel: C) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: InputOf<C>) => call(channel, input),
    onSuccess: () => invalidateAll(queryClient, [registerKeys.products, queryKeys.organizations]),
  });
}

export const useSaveProduct = () => useProductsWrite('products:save');
export const useDeleteProduct = () => useProductsWrite('products:delete');
export const useSaveCertification = () => useProductsWrite('certifications:save');
export const useDeleteCertification = () => useProductsWrite('certifications:delete');

export function expiringCertificationsQuery(input: InputOf<'certifications:expiring'>) {
  return queryOptions({ queryKey: registerKeys.expiring(input), queryFn: () => call('certifications:expiring', input) });
}

export function useExpiringCertifications(input: InputOf<'certifications:expiring'>) {
  return useQuery(expiringCertificationsQuery(input));
}

// ---- Quá trình hoạt động ----

export function useLifecycle(organizationId: number) {
  return useQuery({
    queryKey: registerKeys.lifecycleList(organizationId),
    queryFn: () => call('lifecycle:list', { organizationId }),
  });
}

/** An event changes statuses, creates organizations and moves who is counted in which year. */
const afterLifecycle = [
  registerKeys.lifecycle,
  queryKeys.organizations,
  registerKeys.figures,
  registerKeys.statistics,
  registerKeys.products,
] as const;

export function useRecordLifecycle() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: InputOf<'lifecycle:record'>) => call('lifecycle:record', input),
    onSuccess: () => invalidateAll(queryClient, afterLifecycle),
  });
}

export function useDeleteLifecycle() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: InputOf<'lifecycle:delete'>) => call('lifecycle:delete', input),
    onSuccess: () => invalidateAll(queryClient, afterLifecycle),
  });
}

/** Organizations to pick from in a searchable select: the first 50 matching what is typed. */
export function useOrganizationOptions(query: string) {
  const input = { query: query === '' ? undefined : query, page: 1, pageSize: 50 };
  return useQuery({
    queryKey: queryKeys.organizationList(input),
    queryFn: () => call('organizations:list', input),
    placeholderData: keepPreviousData,
  });
}

// ---- Tổng quan ----

export function useStatisticsYears() {
  return useQuery({ queryKey: registerKeys.statisticsYears, queryFn: () => call('statistics:years', undefined) });
}

/**
 * The year Tổng quan opens on: the newest whose figures are reported, and a newer one on its way.
 * The year's report opens on it too (`enabled` false where a report asks for no year).
 */
export function useReportedYear(enabled = true) {
  return useQuery({ queryKey: registerKeys.statisticsReportedYear, queryFn: () => call('statistics:reportedYear', undefined), enabled });
}

export function useStatisticsOverview(year: number | null) {
  return useQuery({
    queryKey: registerKeys.statisticsOverview(year ?? 0),
    queryFn: () => call('statistics:overview', { year: year ?? 0 }),
    enabled: year !== null,
    placeholderData: keepPreviousData,
  });
}
