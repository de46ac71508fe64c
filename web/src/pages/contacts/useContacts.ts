import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Contact, CursorPage } from '../../api/types';

export const CONTACTS_PAGE_SIZE = 50;

export function useContacts(search: string) {
  return useInfiniteQuery({
    queryKey: ['contacts', { search }],
    queryFn: ({ pageParam, signal }) =>
      api.get<CursorPage<Contact>>('/api/contacts', {
        query: { search, cursor: pageParam, limit: CONTACTS_PAGE_SIZE },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.next_cursor ?? undefined,
    // Keep the current rows on screen while a new search loads.
    placeholderData: keepPreviousData,
  });
}
