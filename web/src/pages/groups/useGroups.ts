import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { AddGroupMemberRequest, Group, GroupMember } from '../../api/types';

export const groupsKey = ['groups'] as const;
const GROUPS_PAGE_SIZE = 50;
const MEMBERS_PAGE_SIZE = 50;

export function useGroups() {
  return useInfiniteQuery({
    queryKey: [...groupsKey, 'list'],
    queryFn: ({ pageParam, signal }) =>
      unwrap(api.GET('/api/groups', { params: { query: { cursor: pageParam, limit: GROUPS_PAGE_SIZE } }, signal })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.next_cursor ?? undefined,
  });
}

/** Up to 200 groups, for a select (workflow steps). */
export function useGroupOptions() {
  return useQuery({
    queryKey: [...groupsKey, 'options'],
    queryFn: async ({ signal }) => (await unwrap(api.GET('/api/groups', { params: { query: { limit: 200 } }, signal }))).items,
  });
}

export function useGroup(id: string) {
  return useQuery({
    queryKey: ['group', id],
    queryFn: ({ signal }) => unwrap(api.GET('/api/groups/{id}', { params: { path: { id } }, signal })),
  });
}

export function useCreateGroup() {
  const queryClient = useQueryClient();
  return useMutation<Group, Error, { name: string; description: string | null }>({
    mutationFn: (body) => unwrap(api.POST('/api/groups', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: groupsKey }),
  });
}

export function useUpdateGroup(id: string) {
  const queryClient = useQueryClient();
  return useMutation<Group, Error, { name: string; description: string | null }>({
    mutationFn: (body) => unwrap(api.PATCH('/api/groups/{id}', { params: { path: { id } }, body })),
    onSuccess: (group) => {
      queryClient.setQueryData(['group', id], group);
      return queryClient.invalidateQueries({ queryKey: groupsKey });
    },
  });
}

export function useDeleteGroup() {
  const queryClient = useQueryClient();
  return useMutation<void, Error, string>({
    mutationFn: (id) => unwrap(api.DELETE('/api/groups/{id}', { params: { path: { id } } })),
    onSuccess: (_result, id) => {
      queryClient.removeQueries({ queryKey: ['group', id] });
      return queryClient.invalidateQueries({ queryKey: groupsKey });
    },
  });
}

export function useGroupMembers(id: string) {
  return useInfiniteQuery({
    queryKey: ['group-members', id],
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        api.GET('/api/groups/{id}/members', {
          params: { path: { id }, query: { cursor: pageParam, limit: MEMBERS_PAGE_SIZE } },
          signal,
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.next_cursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** After a member change: the member list, the group's count, and the list's counts. */
function useMembersChanged(id: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['group-members', id] }),
      queryClient.invalidateQueries({ queryKey: ['group', id] }),
      queryClient.invalidateQueries({ queryKey: groupsKey }),
    ]);
}

export function useAddGroupMember(id: string) {
  const changed = useMembersChanged(id);
  return useMutation<GroupMember, Error, AddGroupMemberRequest>({
    mutationFn: (body) => unwrap(api.POST('/api/groups/{id}/members', { params: { path: { id } }, body })),
    onSuccess: changed,
  });
}

export function useRemoveGroupMember(id: string) {
  const changed = useMembersChanged(id);
  return useMutation<void, Error, string>({
    mutationFn: (contactId) =>
      unwrap(api.DELETE('/api/groups/{id}/members/{contact_id}', { params: { path: { id, contact_id: contactId } } })),
    onSuccess: changed,
  });
}
