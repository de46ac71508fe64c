import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { Channel } from '../../api/types';

/** How often the session panel asks again: a QR is replaced every ~20 s by the node, and a scan should show within a moment. */
export const SESSION_REFRESH_MS = 2_000;

/** One channel, read again every SESSION_REFRESH_MS while shown (the WhatsApp session changes under it). */
export function useLiveChannel(initial: Channel) {
  return useQuery({
    queryKey: ['channel', initial.id],
    queryFn: ({ signal }) => unwrap(api.GET('/api/channels/{id}', { params: { path: { id: initial.id } }, signal })) as Promise<Channel>,
    initialData: initial,
    refetchInterval: SESSION_REFRESH_MS,
    staleTime: 0,
  });
}
