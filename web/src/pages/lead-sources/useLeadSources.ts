import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { CreateLeadSourceRequest, LeadSource, RetriedLeads, TestLeadResult, UpdateLeadSourceRequest } from '../../api/types';
import { LIVE_REFRESH_MS } from '../deliveries/useDeliveries';

const sourcesKey = ['lead-sources'] as const;
const leadsKey = (id: string) => ['lead-source-leads', id] as const;

/** The sources; while `live` (the list is on screen) refreshed every few seconds, since last lead and last error change as leads arrive. */
export function useLeadSources(live = false) {
  return useQuery({
    queryKey: sourcesKey,
    queryFn: ({ signal }) => unwrap(api.GET('/api/lead-sources', { signal })),
    refetchInterval: live ? LIVE_REFRESH_MS : false,
  });
}

/**
 * The source's 50 most recent leads; refreshed while on screen, so a lead the
 * provider sends (Google's "Send test data", say) and each capture show by themselves.
 */
export function useSourceLeads(id: string) {
  return useQuery({
    queryKey: leadsKey(id),
    queryFn: ({ signal }) => unwrap(api.GET('/api/lead-sources/{id}/leads', { params: { path: { id } }, signal })),
    refetchInterval: LIVE_REFRESH_MS,
    staleTime: 0,
  });
}

/** Puts a saved source in the list's cache and refreshes the list. */
function useSourceSaved() {
  const queryClient = useQueryClient();
  return (source: LeadSource) => {
    queryClient.setQueryData<LeadSource[]>(sourcesKey, (list) =>
      list ? (list.some((s) => s.id === source.id) ? list.map((s) => (s.id === source.id ? source : s)) : [source, ...list]) : list,
    );
    return queryClient.invalidateQueries({ queryKey: sourcesKey });
  };
}

export function useCreateLeadSource() {
  const saved = useSourceSaved();
  return useMutation<LeadSource, Error, CreateLeadSourceRequest>({
    mutationFn: (body) => unwrap(api.POST('/api/lead-sources', { body })),
    onSuccess: saved,
  });
}

export function useUpdateLeadSource(id: string) {
  const saved = useSourceSaved();
  return useMutation<LeadSource, Error, UpdateLeadSourceRequest>({
    mutationFn: (body) => unwrap(api.PATCH('/api/lead-sources/{id}', { params: { path: { id } }, body })),
    onSuccess: saved,
  });
}

export function useDeleteLeadSource() {
  const queryClient = useQueryClient();
  return useMutation<void, Error, string>({
    mutationFn: (id) => unwrap(api.DELETE('/api/lead-sources/{id}', { params: { path: { id } } })),
    onSuccess: (_result, id) => {
      queryClient.setQueryData<LeadSource[]>(sourcesKey, (list) => list?.filter((s) => s.id !== id));
      queryClient.removeQueries({ queryKey: leadsKey(id) });
      return queryClient.invalidateQueries({ queryKey: sourcesKey });
    },
  });
}

/** A test lead changes the source (last lead, last error) and its leads: both are refreshed. */
function useLeadsChanged(id: string) {
  const queryClient = useQueryClient();
  return () => Promise.all([queryClient.invalidateQueries({ queryKey: leadsKey(id) }), queryClient.invalidateQueries({ queryKey: sourcesKey })]);
}

export function useSendTestLead(id: string) {
  const changed = useLeadsChanged(id);
  return useMutation<TestLeadResult, Error, void>({
    mutationFn: () => unwrap(api.POST('/api/lead-sources/{id}/test-lead', { params: { path: { id } } })),
    onSettled: changed,
  });
}

export function useRetryFailedLeads(id: string) {
  const changed = useLeadsChanged(id);
  return useMutation<RetriedLeads, Error, void>({
    mutationFn: () => unwrap(api.POST('/api/lead-sources/{id}/retry-failed', { params: { path: { id } } })),
    onSuccess: changed,
  });
}
