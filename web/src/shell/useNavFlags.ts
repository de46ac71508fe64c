import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { isFailing } from '../pages/webhooks/endpointHealth';
import { endpointsKey } from '../pages/webhooks/useEndpoints';

/** How often the navigation looks again for failing endpoints. */
const FLAG_REFRESH_MS = 60_000;

/**
 * What the navigation flags, by route path: "2 failing" on Webhooks when
 * endpoints are failing or were disabled by the hub. Shares the endpoint
 * list's cache, so the webhooks screen and the flag agree.
 */
export function useNavFlags(): Record<string, { short: string; long: string }> {
  const endpoints = useQuery({
    queryKey: endpointsKey,
    queryFn: ({ signal }) => unwrap(api.GET('/api/endpoints', { signal })),
    refetchInterval: FLAG_REFRESH_MS,
  });
  const failing = (endpoints.data ?? []).filter(isFailing).length;
  return failing > 0 ? { '/webhooks': { short: `${failing} failing`, long: `${failing} failing ${failing === 1 ? 'endpoint' : 'endpoints'}` } } : {};
}
