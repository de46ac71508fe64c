import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';

export function useEventTypes() {
  return useQuery({
    queryKey: ['event-types'],
    queryFn: ({ signal }) => unwrap(api.GET('/api/event-types', { signal })),
    staleTime: 10 * 60_000,
  });
}
