import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import type { CreateWorkflowRequest, UpdateWorkflowRequest, Workflow, WorkflowRun, WorkflowWithSecret } from '../../api/types';
import { LIVE_REFRESH_MS } from '../deliveries/useDeliveries';

/*
 * The generated step types carry the wrong `type` literals (see WorkflowStep in
 * api/types.ts), so bodies and answers cross that boundary here, and only here.
 */
type GeneratedCreate = components['schemas']['CreateWorkflowDto'];
type GeneratedUpdate = components['schemas']['UpdateWorkflowDto'];
const asWorkflow = <T,>(data: T) => data as unknown as Workflow;

export const workflowsKey = ['workflows'] as const;
const WORKFLOWS_PAGE_SIZE = 50;
const RUNS_PAGE_SIZE = 20;

export function useWorkflows() {
  return useInfiniteQuery({
    queryKey: workflowsKey,
    queryFn: async ({ pageParam, signal }) => {
      const page = await unwrap(api.GET('/api/workflows', { params: { query: { cursor: pageParam, limit: WORKFLOWS_PAGE_SIZE } }, signal }));
      return { ...page, items: page.items.map(asWorkflow) };
    },
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.next_cursor ?? undefined,
  });
}

export function useWorkflow(id: string) {
  return useQuery({
    queryKey: ['workflow', id],
    queryFn: async ({ signal }) => asWorkflow(await unwrap(api.GET('/api/workflows/{id}', { params: { path: { id } }, signal }))),
  });
}

export function useCreateWorkflow() {
  const queryClient = useQueryClient();
  return useMutation<WorkflowWithSecret, Error, CreateWorkflowRequest>({
    mutationFn: async (body) =>
      (await unwrap(api.POST('/api/workflows', { body: body as unknown as GeneratedCreate }))) as unknown as WorkflowWithSecret,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: workflowsKey }),
  });
}

/** Puts a changed workflow in the cache of its detail and refreshes the list. */
function useWorkflowChanged() {
  const queryClient = useQueryClient();
  return (workflow: Workflow) => {
    queryClient.setQueryData(['workflow', workflow.id], workflow);
    return queryClient.invalidateQueries({ queryKey: workflowsKey });
  };
}

export function useUpdateWorkflow(id: string) {
  const changed = useWorkflowChanged();
  return useMutation<Workflow, Error, UpdateWorkflowRequest>({
    mutationFn: async (body) =>
      asWorkflow(await unwrap(api.PATCH('/api/workflows/{id}', { params: { path: { id } }, body: body as unknown as GeneratedUpdate }))),
    onSuccess: changed,
  });
}

export function useDeleteWorkflow() {
  const queryClient = useQueryClient();
  return useMutation<void, Error, string>({
    mutationFn: (id) => unwrap(api.DELETE('/api/workflows/{id}', { params: { path: { id } } })),
    onSuccess: (_result, id) => {
      queryClient.removeQueries({ queryKey: ['workflow', id] });
      return queryClient.invalidateQueries({ queryKey: workflowsKey });
    },
  });
}

export function useRotateTrigger(id: string) {
  const changed = useWorkflowChanged();
  return useMutation<Workflow, Error, void>({
    mutationFn: async () => asWorkflow(await unwrap(api.POST('/api/workflows/{id}/trigger/rotate', { params: { path: { id } } }))),
    onSuccess: changed,
  });
}

export function useRevealWorkflowSecret(id: string) {
  return useMutation<string, Error, void>({
    mutationFn: async () => (await unwrap(api.GET('/api/workflows/{id}/secret', { params: { path: { id } } }))).signing_secret,
  });
}

/** The workflow's enrolments, newest first; refreshed while on screen so steps move on by themselves. */
export function useWorkflowRuns(id: string, live = true) {
  return useInfiniteQuery({
    queryKey: ['workflow-runs', id],
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        api.GET('/api/workflows/{id}/runs', {
          params: { path: { id }, query: { cursor: pageParam, limit: RUNS_PAGE_SIZE } },
          signal,
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.next_cursor ?? undefined,
    refetchInterval: live ? LIVE_REFRESH_MS : false,
    staleTime: 0,
  });
}

/** Retry a run's failing step now, or cancel the run; the list refreshes after either. */
export function useRunAction(workflowId: string, runId: string) {
  const queryClient = useQueryClient();
  return useMutation<WorkflowRun, Error, 'retry' | 'cancel'>({
    mutationFn: (action) =>
      unwrap(
        action === 'retry'
          ? api.POST('/api/workflows/{id}/runs/{runId}/retry', { params: { path: { id: workflowId, runId } } })
          : api.POST('/api/workflows/{id}/runs/{runId}/cancel', { params: { path: { id: workflowId, runId } } }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['workflow-runs', workflowId] }),
  });
}
