import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { StatsRange } from '../../api/types';

/** The overview refreshes by itself this often (the newest bar fills up as attempts are made). */
export const STATS_REFRESH_MS = 30_000;

export function useDeliveryStats(range: StatsRange) {
  return useQuery({
    queryKey: ['stats', 'deliveries', range],
    queryFn: ({ signal }) => unwrap(api.GET('/api/stats/deliveries', { params: { query: { range } }, signal })),
    placeholderData: keepPreviousData,
    refetchInterval: STATS_REFRESH_MS,
  });
}

export function useInboundStats(range: StatsRange) {
  return useQuery({
    queryKey: ['stats', 'inbound', range],
    queryFn: ({ signal }) => unwrap(api.GET('/api/stats/inbound', { params: { query: { range } }, signal })),
    placeholderData: keepPreviousData,
    refetchInterval: STATS_REFRESH_MS,
  });
}

export function useQueueStats() {
  return useQuery({
    queryKey: ['stats', 'queues'],
    queryFn: ({ signal }) => unwrap(api.GET('/api/stats/queues', { signal })),
    refetchInterval: STATS_REFRESH_MS,
  });
}

/** Every endpoint's health over the range, lowest success rate first (`limit`: only the first few). */
export function useEndpointHealth(range: StatsRange, limit?: number) {
  return useQuery({
    queryKey: ['stats', 'endpoints', range, limit ?? 'all'],
    queryFn: ({ signal }) => unwrap(api.GET('/api/stats/endpoints', { params: { query: { range, limit } }, signal })),
    placeholderData: keepPreviousData,
    refetchInterval: STATS_REFRESH_MS,
  });
}
