import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { EventType } from '../../api/types';

export function useEventTypes() {
  return useQuery({
    queryKey: ['event-types'],
    queryFn: ({ signal }) => api.get<EventType[]>('/api/event-types', { signal }),
    staleTime: 10 * 60_000,
  });
}
