/**
 * Server state of agreements. Status and fulfilment of every agreement follow from its deliveries,
 * dates and termination, and lists, the agreement's page and the event and counterpart panels all
 * show them, so every write invalidates everything under `agreements`.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Channel, InputOf } from '../../../shared/contract';
import { call } from '../api';

export const agreementKeys = {
  all: ['agreements'] as const,
  list: (input: InputOf<'agreements:list'>) => ['agreements', 'list', input] as const,
  detail: (id: number) => ['agreements', 'detail', id] as const,
  ofEvent: (eventId: number) => ['agreements', 'of-event', eventId] as const,
  ofCounterpart: (input: InputOf<'agreements:ofCounterpart'>) => ['agreements', 'of-counterpart', input] as const,
  trash: (page: number, pageSize: number) => ['agreements', 'trash', page, pageSize] as const,
  numberUses: (input: InputOf<'agreements:checkNumber'>) => ['agreements', 'number-uses', input] as const,
};

export function useAgreementList(input: InputOf<'agreements:list'>) {
  return useQuery({
    queryKey: agreementKeys.list(input),
    queryFn: () => call('agreements:list', input),
    placeholderData: keepPreviousData,
  });
}

export function useAgreement(id: number) {
  return useQuery({ queryKey: agreementKeys.detail(id), queryFn: () => call('agreements:get', { id }) });
}

export function useAgreementTrash(page: number, pageSize: number) {
  return useQuery({
    queryKey: agreementKeys.trash(page, pageSize),
    queryFn: () => call('agreements:trash', { page, pageSize }),
    placeholderData: keepPreviousData,
  });
}

export function useEventAgreements(eventId: number) {
  return useQuery({ queryKey: agreementKeys.ofEvent(eventId), queryFn: () => call('agreements:ofEvent', { eventId }) });
}

export function useCounterpartAgreements(input: InputOf<'agreements:ofCounterpart'>) {
  return useQuery({ queryKey: agreementKeys.ofCounterpart(input), queryFn: () => call('agreements:ofCounterpart', input) });
}

/** Other agreements with the number being typed; nothing is asked while `input` is null. */
export function useAgreementNumberCheck(input: InputOf<'agreements:checkNumber'> | null) {
  return useQuery({
    queryKey: agreementKeys.numberUses(input ?? { number: '' }),
    queryFn: () => (input ? call('agreements:checkNumber', input) : Promise.resolve([])),
    enabled: input !== null,
    placeholderData: keepPreviousData,
  });
}

type AgreementWrite = Extract<
  Channel,
  | 'agreements:create'
  | 'agreements:update'
  | 'agreements:restore'
  | 'agreements:addDelivery'
  | 'agreements:updateDelivery'
  | 'agreements:removeDelivery'
  | 'agreements:terminate'
  | 'agreements:close'
  | 'agreements:reopen'
  | 'agreements:addNote'
  | 'agreements:removeNote'
  | 'agreements:addAttachment'
  | 'agreements:removeAttachment'
>;

function useAgreementMutation<C extends AgreementWrite>(channel: C) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: InputOf<C>) => call(channel, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: agreementKeys.all }),
  });
}

export const useCreateAgreement = () => useAgreementMutation('agreements:create');
export const useUpdateAgreement = () => useAgreementMutation('agreements:update');
export const useRestoreAgreement = () => useAgreementMutation('agreements:restore');
export const useAddDelivery = () => useAgreementMutation('agreements:addDelivery');
export const useUpdateDelivery = () => useAgreementMutation('agreements:updateDelivery');
export const useRemoveDelivery = () => useAgreementMutation('agreements:removeDelivery');
export const useTerminateAgreement = () => useAgreementMutation('agreements:terminate');
export const useCloseAgreement = () => useAgreementMutation('agreements:close');
export const useReopenAgreement = () => useAgreementMutation('agreements:reopen');
export const useAddAgreementNote = () => useAgreementMutation('agreements:addNote');
export const useRemoveAgreementNote = () => useAgreementMutation('agreements:removeNote');
export const useAddAttachment = () => useAgreementMutation('agreements:addAttachment');
export const useRemoveAttachment = () => useAgreementMutation('agreements:removeAttachment');

export function useDeleteAgreement() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: InputOf<'agreements:delete'>) => call('agreements:delete', input),
    // The deleted one's own page is being left; asking for it again would only answer "not found".
    onSuccess: (_, { id }) =>
      queryClient.invalidateQueries({
        queryKey: agreementKeys.all,
        predicate: ({ queryKey }) => !(queryKey[1] === 'detail' && queryKey[2] === id),
      }),
  });
}
