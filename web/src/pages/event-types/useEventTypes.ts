import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { EventType } from '../../api/types';

export function useEventTypes() {
  return useQuery({
    queryKey: ['event-types'],
    queryFn: ({ signal }) => unwrap(api.GET('/api/event-types', { signal })),
    staleTime: 10 * 60_000,
  });
}

/** The catalog with each example as the whole body a receiver gets in `format` (cached per format). */
export function useEventTypeExamples(format: EventType['example_format'], enabled = true) {
  return useQuery({
    enabled,
    queryKey: ['event-types', { format }],
    queryFn: ({ signal }) => unwrap(api.GET('/api/event-types', { params: { query: { format } }, signal })),
    staleTime: 10 * 60_000,
  });
}
