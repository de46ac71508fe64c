import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { ChannelType, MessageStatus, SendAccepted, SendMessageRequest } from '../../api/types';
import { LIVE_REFRESH_MS } from '../deliveries/useDeliveries';

export interface MessageFilters {
  channel_id: string;
  status: '' | MessageStatus;
  to: string;
}

export const MESSAGE_STATUSES: MessageStatus[] = ['queued', 'sent', 'delivered', 'opened', 'clicked', 'bounced', 'complained', 'failed'];
export const FILTER_KEYS = ['channel_id', 'status', 'to'] as const;

export function filtersFrom(params: URLSearchParams): MessageFilters {
  const status = params.get('status') ?? '';
  return {
    channel_id: params.get('channel_id') ?? '',
    status: (MESSAGE_STATUSES as string[]).includes(status) ? (status as MessageStatus) : '',
    to: params.get('to') ?? '',
  };
}

export function useMessages(filters: MessageFilters, live: boolean) {
  return useInfiniteQuery({
    queryKey: ['messages', filters],
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        api.GET('/api/messages', {
          params: {
            query: {
              channel_id: filters.channel_id || undefined,
              status: filters.status || undefined,
              to: filters.to.trim() || undefined,
              cursor: pageParam,
              limit: 50,
            },
          },
          signal,
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.next_cursor ?? undefined,
    placeholderData: keepPreviousData,
    refetchInterval: live ? LIVE_REFRESH_MS : false,
    staleTime: 0,
  });
}

export function useMessage(id: string) {
  return useQuery({
    queryKey: ['message', id],
    queryFn: ({ signal }) => unwrap(api.GET('/api/messages/{id}', { params: { path: { id } }, signal })),
    refetchInterval: LIVE_REFRESH_MS,
    staleTime: 0,
  });
}

export function useSendMessage() {
  const queryClient = useQueryClient();
  return useMutation<SendAccepted, Error, { type: ChannelType; body: SendMessageRequest }>({
    mutationFn: ({ type, body }) =>
      unwrap(
        type === 'email'
          ? api.POST('/api/email/send', { body })
          : type === 'whatsapp'
            ? api.POST('/api/whatsapp/send', { body })
            : api.POST('/api/sms/send', { body }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['messages'] }),
  });
}

/** A contact's conversation: every message to or from it, newest first, refreshed while shown. */
export function useConversation(contactId: string) {
  return useInfiniteQuery({
    queryKey: ['conversation', contactId],
    queryFn: ({ pageParam, signal }) =>
      unwrap(api.GET('/api/messages', { params: { query: { contact_id: contactId, cursor: pageParam, limit: 50 } }, signal })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.next_cursor ?? undefined,
    refetchInterval: LIVE_REFRESH_MS,
    staleTime: 0,
  });
}
