import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { Delivery, RequeueSummary } from '../../api/types';
import { apiQuery, type DeliveryFilters } from './deliveryFilters';

export const DELIVERIES_PAGE_SIZE = 50;
/** The open list and detail refresh this often, so new attempts show up by themselves. */
export const LIVE_REFRESH_MS = 3_000;

export function useDeliveries(filters: DeliveryFilters) {
  return useInfiniteQuery({
    queryKey: ['deliveries', filters],
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        api.GET('/api/deliveries', {
          params: { query: { ...apiQuery(filters), cursor: pageParam, limit: DELIVERIES_PAGE_SIZE } },
          signal,
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.next_cursor ?? undefined,
    placeholderData: keepPreviousData,
    refetchInterval: LIVE_REFRESH_MS,
    staleTime: 0,
  });
}

export function useDelivery(id: string) {
  return useQuery({
    queryKey: ['delivery', id],
    queryFn: ({ signal }) => unwrap(api.GET('/api/deliveries/{id}', { params: { path: { id } }, signal })),
    refetchInterval: LIVE_REFRESH_MS,
    staleTime: 0,
  });
}

export function useRetryDelivery(id: string) {
  const queryClient = useQueryClient();
  return useMutation<Delivery, Error, void>({
    mutationFn: () => unwrap(api.POST('/api/deliveries/{id}/retry', { params: { path: { id } } })),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['delivery', id] }),
        queryClient.invalidateQueries({ queryKey: ['deliveries'] }),
      ]),
  });
}

/** The answer of a re-send of an endpoint's deliveries, with `count`: how many were (or, on a dry run, would be) sent. */
export type Resend = RequeueSummary & { count: number };

/** "Recover failed since…": `dryRun` counts first, so the admin sees how many go where before anything is sent. */
export function useRecoverEndpoint(endpointId: string) {
  const queryClient = useQueryClient();
  return useMutation<Resend, Error, { since: string; dryRun: boolean }>({
    mutationFn: async ({ since, dryRun }) => {
      const { recovered, ...summary } = await unwrap(
        api.POST('/api/endpoints/{id}/recover', { params: { path: { id: endpointId }, query: { dry_run: dryRun } }, body: { since } }),
      );
      return { ...summary, count: recovered };
    },
    onSuccess: (result) => (result.dry_run ? undefined : queryClient.invalidateQueries({ queryKey: ['deliveries'] })),
  });
}

/** "Retry failing deliveries now": every retrying and failed delivery of the endpoint; `dryRun` counts first. */
export function useRetryFailing(endpointId: string) {
  const queryClient = useQueryClient();
  return useMutation<Resend, Error, { dryRun: boolean }>({
    mutationFn: async ({ dryRun }) => {
      const { retried, ...summary } = await unwrap(
        api.POST('/api/endpoints/{id}/retry-failing', { params: { path: { id: endpointId }, query: { dry_run: dryRun } } }),
      );
      return { ...summary, count: retried };
    },
    onSuccess: (result) => (result.dry_run ? undefined : queryClient.invalidateQueries({ queryKey: ['deliveries'] })),
  });
}
