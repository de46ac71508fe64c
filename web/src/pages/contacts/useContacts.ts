import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';

export const CONTACTS_PAGE_SIZE = 50;

export function useContacts(search: string) {
  return useInfiniteQuery({
    queryKey: ['contacts', { search }],
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        api.GET('/api/contacts', {
          params: { query: { search: search || undefined, cursor: pageParam, limit: CONTACTS_PAGE_SIZE } },
          signal,
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.next_cursor ?? undefined,
    // Keep the current rows on screen while a new search loads.
    placeholderData: keepPreviousData,
  });
}
