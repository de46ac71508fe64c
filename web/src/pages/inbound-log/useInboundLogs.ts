import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { ReplayResult } from '../../api/types';
import { LIVE_REFRESH_MS } from '../deliveries/useDeliveries';
import { apiQuery, type InboundLogFilters } from './inboundLogFilters';

export const INBOUND_PAGE_SIZE = 50;

export function useInboundLogs(filters: InboundLogFilters, live: boolean) {
  return useInfiniteQuery({
    queryKey: ['inbound-logs', filters],
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        api.GET('/api/inbound-logs', {
          params: { query: { ...apiQuery(filters), cursor: pageParam, limit: INBOUND_PAGE_SIZE } },
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

/** One stored request; it never changes once logged. */
export function useInboundLog(id: string) {
  return useQuery({
    queryKey: ['inbound-log', id],
    queryFn: ({ signal }) => unwrap(api.GET('/api/inbound-logs/{id}', { params: { path: { id } }, signal })),
    staleTime: Infinity,
  });
}

export function useReplayInbound(id: string) {
  const queryClient = useQueryClient();
  return useMutation<ReplayResult, Error, void>({
    mutationFn: () => unwrap(api.POST('/api/inbound-logs/{id}/replay', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['inbound-logs'] }),
  });
}
