/**
 * Server state of trade-promotion events and their participants, and the partners the
 * counterpart picker offers. Every write to an event invalidates everything under `events`: the
 * list's participant counts follow the participants.
 */
import { useMemo } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InputOf } from '../../../shared/contract';
import { call } from '../api';

export const eventKeys = {
  all: ['events'] as const,
  lookups: ['events', 'lookups'] as const,
  list: (input: InputOf<'events:list'>) => ['events', 'list', input] as const,
  detail: (id: number) => ['events', 'detail', id] as const,
  trash: (page: number, pageSize: number) => ['events', 'trash', page, pageSize] as const,
  ofCounterpart: (input: InputOf<'events:ofCounterpart'>) => ['events', 'of', input] as const,
  /** Under `partners`, so that a write to the partners refreshes what the picker offers. */
  partnerOptions: (search: string, pageSize: number) => ['partners', 'options', search, pageSize] as const,
};

/** Loại sự kiện and Vai trò as the office keeps them (Danh mục sự kiện), retired ones included. */
export function useEventLookups() {
  return useQuery({ queryKey: eventKeys.lookups, queryFn: () => call('events:lookups', undefined) });
}

/**
 * The names of kinds and roles by code, for showing a record's: retired ones still have theirs.
 * Until the lookups have come, '' — a person never reads a code such as `supply_demand_conference`;
 * once they have, every code has its name (rows are retired, never deleted).
 */
export function useEventNames() {
  const { data } = useEventLookups();
  return useMemo(() => {
    const kinds = new Map((data?.kinds ?? []).map((row) => [row.code, row.name]));
    const roles = new Map((data?.roles ?? []).map((row) => [row.code, row.name]));
    return { kind: (code: string) => kinds.get(code) ?? '', role: (code: string) => roles.get(code) ?? '' };
  }, [data]);
}

/**
 * What a picker offers: the rows in use, and the record's own (`current`) even when it is retired,
 * so that an old event shows and keeps its kind.
 */
export function lookupOptions(rows: readonly { code: string; name: string; retired: boolean }[] | undefined, current?: string | null) {
  return (rows ?? []).filter((row) => !row.retired || row.code === current).map((row) => ({ value: row.code, label: row.name }));
}

export function useEventList(input: InputOf<'events:list'>) {
  return useQuery({
    queryKey: eventKeys.list(input),
    queryFn: () => call('events:list', input),
    placeholderData: keepPreviousData,
  });
}

export function useEvent(id: number) {
  return useQuery({ queryKey: eventKeys.detail(id), queryFn: () => call('events:get', { id }) });
}

export function useEventTrash(page: number, pageSize: number) {
  return useQuery({
    queryKey: eventKeys.trash(page, pageSize),
    queryFn: () => call('events:trash', { page, pageSize }),
    placeholderData: keepPreviousData,
  });
}

export function useCounterpartEvents(input: InputOf<'events:ofCounterpart'>) {
  return useQuery({ queryKey: eventKeys.ofCounterpart(input), queryFn: () => call('events:ofCounterpart', input) });
}

/** Partners whose name matches what is typed, for CounterpartPicker. */
export function usePartnerOptions(search: string, pageSize: number) {
  return useQuery({
    queryKey: eventKeys.partnerOptions(search, pageSize),
    queryFn: () => call('partners:list', { search, page: 1, pageSize }),
    placeholderData: keepPreviousData,
  });
}

type EventWrite =
  | 'events:saveLookup'
  | 'events:create'
  | 'events:update'
  | 'events:restore'
  | 'events:addParticipants'
  | 'events:updateParticipant'
  | 'events:removeParticipant'
  | 'events:markAttendance'
  | 'events:resetEarlyAttendance';

function useEventMutation<C extends EventWrite>(channel: C) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: InputOf<C>) => call(channel, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: eventKeys.all }),
  });
}

export const useSaveEventLookup = () => useEventMutation('events:saveLookup');
export const useCreateEvent = () => useEventMutation('events:create');
export const useUpdateEvent = () => useEventMutation('events:update');
export const useRestoreEvent = () => useEventMutation('events:restore');
export const useAddParticipants = () => useEventMutation('events:addParticipants');
export const useUpdateParticipant = () => useEventMutation('events:updateParticipant');
export const useRemoveParticipant = () => useEventMutation('events:removeParticipant');
export const useMarkAttendance = () => useEventMutation('events:markAttendance');
export const useResetEarlyAttendance = () => useEventMutation('events:resetEarlyAttendance');

export function useDeleteEvent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: InputOf<'events:delete'>) => call('events:delete', input),
    // The deleted one's own page is being left; asking for it again would only answer "not found".
    onSuccess: (_, { id }) =>
      queryClient.invalidateQueries({
        queryKey: eventKeys.all,
        predicate: ({ queryKey }) => !(queryKey[1] === 'detail' && queryKey[2] === id),
      }),
  });
}

/** Reading a sign-in sheet changes nothing; it is asked once per paste, not cached. */
export function useMatchSignIn() {
  return useMutation({ mutationFn: (input: InputOf<'events:matchSignIn'>) => call('events:matchSignIn', input) });
}
