import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { Contact, CreateContactRequest, CrmLookup, UpdateContactRequest } from '../../api/types';

export const CONTACTS_PAGE_SIZE = 50;

export interface ContactFilters {
  search: string;
  status_id: string;
  source_id: string;
}

export function useContacts({ search, status_id, source_id }: ContactFilters) {
  return useInfiniteQuery({
    queryKey: ['contacts', { search, status_id, source_id }],
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        api.GET('/api/contacts', {
          params: {
            query: {
              search: search || undefined,
              status_id: status_id || undefined,
              source_id: source_id || undefined,
              cursor: pageParam,
              limit: CONTACTS_PAGE_SIZE,
            },
          },
          signal,
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.next_cursor ?? undefined,
    // Keep the current rows on screen while a new search loads.
    placeholderData: keepPreviousData,
  });
}

export function useContact(id: string) {
  return useQuery({
    queryKey: ['contact', id],
    queryFn: ({ signal }) => unwrap(api.GET('/api/contacts/{id}', { params: { path: { id } }, signal })),
  });
}

export function useCreateContact() {
  const queryClient = useQueryClient();
  return useMutation<Contact, Error, CreateContactRequest>({
    mutationFn: (body) => unwrap(api.POST('/api/contacts', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['contacts'] }),
  });
}

export function useUpdateContact(id: string) {
  const queryClient = useQueryClient();
  return useMutation<Contact, Error, UpdateContactRequest>({
    mutationFn: (body) => unwrap(api.PATCH('/api/contacts/{id}', { params: { path: { id } }, body })),
    onSuccess: (contact) => {
      queryClient.setQueryData(['contact', id], contact);
      return queryClient.invalidateQueries({ queryKey: ['contacts'] });
    },
  });
}

export function useDeleteContact() {
  const queryClient = useQueryClient();
  return useMutation<void, Error, string>({
    mutationFn: (id) => unwrap(api.DELETE('/api/contacts/{id}', { params: { path: { id } } })),
    onSuccess: (_result, id) => {
      queryClient.removeQueries({ queryKey: ['contact', id] });
      return queryClient.invalidateQueries({ queryKey: ['contacts'] });
    },
  });
}

/** Contact statuses and contact sources: two lists of names with the same routes. */
export type LookupKind = 'statuses' | 'sources';

export function useLookups(kind: LookupKind) {
  return useQuery({
    queryKey: ['contact-lookups', kind],
    queryFn: ({ signal }) =>
      unwrap(kind === 'statuses' ? api.GET('/api/contact-statuses', { signal }) : api.GET('/api/contact-sources', { signal })),
  });
}

function useLookupsChanged(kind: LookupKind) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ['contact-lookups', kind] });
}

export function useCreateLookup(kind: LookupKind) {
  const changed = useLookupsChanged(kind);
  return useMutation<CrmLookup, Error, string>({
    mutationFn: (name) =>
      unwrap(kind === 'statuses' ? api.POST('/api/contact-statuses', { body: { name } }) : api.POST('/api/contact-sources', { body: { name } })),
    onSuccess: changed,
  });
}

export function useRenameLookup(kind: LookupKind) {
  const changed = useLookupsChanged(kind);
  return useMutation<CrmLookup, Error, { id: string; name: string }>({
    mutationFn: ({ id, name }) =>
      unwrap(
        kind === 'statuses'
          ? api.PATCH('/api/contact-statuses/{id}', { params: { path: { id } }, body: { name } })
          : api.PATCH('/api/contact-sources/{id}', { params: { path: { id } }, body: { name } }),
      ),
    onSuccess: changed,
  });
}

export function useDeleteLookup(kind: LookupKind) {
  const changed = useLookupsChanged(kind);
  const queryClient = useQueryClient();
  return useMutation<void, Error, string>({
    mutationFn: (id) =>
      unwrap(
        kind === 'statuses'
          ? api.DELETE('/api/contact-statuses/{id}', { params: { path: { id } } })
          : api.DELETE('/api/contact-sources/{id}', { params: { path: { id } } }),
      ),
    // Contacts that had it now have none.
    onSuccess: () => Promise.all([changed(), queryClient.invalidateQueries({ queryKey: ['contacts'] }), queryClient.invalidateQueries({ queryKey: ['contact'] })]),
  });
}
