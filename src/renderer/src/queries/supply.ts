/**
 * Server state of supply–demand connection. What remains of an offer or a demand, their status,
 * the suggestions, a programme's results and Cần chú ý all follow from the connections, and a
 * connection becoming an agreement changes the agreements too, so every write invalidates
 * everything under `supply`, and the agreements and attention with it.
 */
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { Channel, InputOf } from '../../../shared/contract';
import { call } from '../api';
import { agreementKeys } from './agreements';

export const supplyKeys = {
  all: ['supply'] as const,
  lookups: ['supply', 'lookups'] as const,
  lookupUse: ['supply', 'lookup-use'] as const,
  offers: (input: InputOf<'offers:list'>) => ['supply', 'offers', input] as const,
  offer: (id: number) => ['supply', 'offer', id] as const,
  demands: (input: InputOf<'demands:list'>) => ['supply', 'demands', input] as const,
  demand: (id: number) => ['supply', 'demand', id] as const,
  connections: (input: InputOf<'connections:list'>) => ['supply', 'connections', input] as const,
  suggestOffers: (demandId: number) => ['supply', 'suggest-offers', demandId] as const,
  suggestDemands: (offerId: number) => ['supply', 'suggest-demands', offerId] as const,
  programmes: (search: string) => ['supply', 'programmes', search] as const,
  programme: (id: number) => ['supply', 'programme', id] as const,
  results: (input: InputOf<'programmes:results'>) => ['supply', 'results', input] as const,
  trash: (channel: string, page: number, pageSize: number) => ['supply', 'trash', channel, page, pageSize] as const,
  ofAgreement: (agreementId: number) => ['supply', 'of-agreement', agreementId] as const,
  draft: (connectionId: number) => ['supply', 'draft', connectionId] as const,
};

/** The detail query of each kind of record, by the area of its channels. */
const detailKey: Partial<Record<string, string>> = { offers: 'offer', demands: 'demand', programmes: 'programme' };

/** Everything that follows from supply–demand records, but the page of one just deleted. */
function invalidateSupply(queryClient: QueryClient, deleted: { area: string; id: number } | null): Promise<unknown> {
  return Promise.all([
    queryClient.invalidateQueries({
      queryKey: supplyKeys.all,
      predicate: ({ queryKey }) => !(deleted !== null && queryKey[1] === detailKey[deleted.area] && queryKey[2] === deleted.id),
    }),
    queryClient.invalidateQueries({ queryKey: agreementKeys.all }),
    queryClient.invalidateQueries({ queryKey: ['attention'] }),
  ]);
}

export function useSupplyLookups() {
  return useQuery({ queryKey: supplyKeys.lookups, queryFn: () => call('supply:lookups', undefined) });
}

/** How many records use each lookup row: for Danh mục alone, it counts every offer, demand and connection. */
export function useSupplyLookupUse() {
  return useQuery({ queryKey: supplyKeys.lookupUse, queryFn: () => call('supply:lookupUse', undefined) });
}

export function useOfferList(input: InputOf<'offers:list'>) {
  return useQuery({ queryKey: supplyKeys.offers(input), queryFn: () => call('offers:list', input), placeholderData: keepPreviousData });
}

export function useOffer(id: number) {
  return useQuery({ queryKey: supplyKeys.offer(id), queryFn: () => call('offers:get', { id }) });
}

export function useDemandList(input: InputOf<'demands:list'>) {
  return useQuery({ queryKey: supplyKeys.demands(input), queryFn: () => call('demands:list', input), placeholderData: keepPreviousData });
}

export function useDemand(id: number) {
  return useQuery({ queryKey: supplyKeys.demand(id), queryFn: () => call('demands:get', { id }) });
}

export function useConnectionList(input: InputOf<'connections:list'>) {
  return useQuery({ queryKey: supplyKeys.connections(input), queryFn: () => call('connections:list', input), placeholderData: keepPreviousData });
}

export function useOfferSuggestions(demandId: number) {
  return useQuery({ queryKey: supplyKeys.suggestOffers(demandId), queryFn: () => call('demands:suggestOffers', { id: demandId }) });
}

export function useDemandSuggestions(offerId: number) {
  return useQuery({ queryKey: supplyKeys.suggestDemands(offerId), queryFn: () => call('offers:suggestDemands', { id: offerId }) });
}

export function useProgrammes(search = '') {
  return useQuery({ queryKey: supplyKeys.programmes(search), queryFn: () => call('programmes:list', { search }), placeholderData: keepPreviousData });
}

export function useProgramme(id: number) {
  return useQuery({ queryKey: supplyKeys.programme(id), queryFn: () => call('programmes:get', { id }) });
}

export function programmeResultsQuery(input: InputOf<'programmes:results'>) {
  return queryOptions({ queryKey: supplyKeys.results(input), queryFn: () => call('programmes:results', input), placeholderData: keepPreviousData });
}

export function useProgrammeResults(input: InputOf<'programmes:results'> | null) {
  return useQuery({ ...programmeResultsQuery(input ?? {}), enabled: input !== null });
}

export function useOfferTrash(page: number, pageSize: number) {
  return useQuery({ queryKey: supplyKeys.trash('offers', page, pageSize), queryFn: () => call('offers:trash', { page, pageSize }), placeholderData: keepPreviousData });
}

export function useDemandTrash(page: number, pageSize: number) {
  return useQuery({ queryKey: supplyKeys.trash('demands', page, pageSize), queryFn: () => call('demands:trash', { page, pageSize }), placeholderData: keepPreviousData });
}

export function useConnectionTrash(page: number, pageSize: number) {
  return useQuery({
    queryKey: supplyKeys.trash('connections', page, pageSize),
    queryFn: () => call('connections:trash', { page, pageSize }),
    placeholderData: keepPreviousData,
  });
}

export function useProgrammeTrash(page: number, pageSize: number) {
  return useQuery({
    queryKey: supplyKeys.trash('programmes', page, pageSize),
    queryFn: () => call('programmes:trash', { page, pageSize }),
    placeholderData: keepPreviousData,
  });
}

export function useConnectionsOfAgreement(agreementId: number) {
  return useQuery({ queryKey: supplyKeys.ofAgreement(agreementId), queryFn: () => call('connections:ofAgreement', { agreementId }) });
}

export function useAgreementDraft(connectionId: number | null) {
  return useQuery({
    queryKey: supplyKeys.draft(connectionId ?? 0),
    queryFn: () => call('connections:agreementDraft', { id: connectionId ?? 0 }),
    enabled: connectionId !== null,
    // A draft is made for the dialog being opened: never one left over from before.
    gcTime: 0,
  });
}

type SupplyWrite = Extract<
  Channel,
  | 'supply:saveProductGroup'
  | 'supply:deleteProductGroup'
  | 'supply:saveUnit'
  | 'supply:deleteUnit'
  | 'supply:saveChannel'
  | 'supply:deleteChannel'
  | 'offers:create'
  | 'offers:update'
  | 'offers:withdraw'
  | 'offers:delete'
  | 'offers:restore'
  | 'demands:create'
  | 'demands:update'
  | 'demands:withdraw'
  | 'demands:delete'
  | 'demands:restore'
  | 'connections:create'
  | 'connections:update'
  | 'connections:delete'
  | 'connections:restore'
  | 'connections:createAgreement'
  | 'programmes:create'
  | 'programmes:update'
  | 'programmes:delete'
  | 'programmes:restore'
  | 'programmes:addEvent'
  | 'programmes:removeEvent'
>;

/**
 * A write of supply–demand connection. A deleted record's own page is being left: asking for it
 * again would only answer "not found", so its detail query is left alone.
 */
export function useSupplyWrite<C extends SupplyWrite>(channel: C) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: InputOf<C>) => call(channel, input),
    onSuccess: (_, input) => {
      const [area = '', action] = channel.split(':');
      const id = typeof input === 'object' && 'id' in input && typeof input.id === 'number' ? input.id : null;
      return invalidateSupply(queryClient, action === 'delete' && id !== null ? { area, id } : null);
    },
  });
}

export const useRestoreOffer = () => useSupplyWrite('offers:restore');
export const useRestoreDemand = () => useSupplyWrite('demands:restore');
export const useRestoreConnection = () => useSupplyWrite('connections:restore');
export const useRestoreProgramme = () => useSupplyWrite('programmes:restore');
