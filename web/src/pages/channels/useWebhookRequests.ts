import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { LIVE_REFRESH_MS } from '../deliveries/useDeliveries';
import { webhookPath } from './webhookSetup';

/** How many of the newest requests the channel page lists; the inbound log has the rest. */
export const RECENT_REQUESTS = 10;

/**
 * The newest requests to the channel's webhook URL, from the inbound log;
 * refreshed while on screen, so a provider's test request shows by itself.
 */
export function useWebhookRequests(webhookUrl: string) {
  const path = webhookPath(webhookUrl);
  return useQuery({
    queryKey: ['inbound-logs', 'path', path],
    queryFn: ({ signal }) => unwrap(api.GET('/api/inbound-logs', { params: { query: { path, limit: RECENT_REQUESTS } }, signal })),
    select: (page) => page.items,
    refetchInterval: LIVE_REFRESH_MS,
    staleTime: 0,
  });
}
