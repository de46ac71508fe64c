import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';

export const meQueryKey = ['auth', 'me'] as const;

export function useMe() {
  return useQuery({
    queryKey: meQueryKey,
    queryFn: ({ signal }) => unwrap(api.GET('/api/auth/me', { signal })),
    staleTime: 5 * 60_000,
  });
}
