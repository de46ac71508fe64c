import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type {
  Endpoint,
  EndpointInput,
  EndpointWithSecret,
  RotatedEndpoint,
  TestSendResult,
  TestUnsavedRequest,
} from '../../api/types';

export const endpointsKey = ['endpoints'] as const;

export function useEndpoints() {
  return useQuery({
    queryKey: endpointsKey,
    queryFn: ({ signal }) => unwrap(api.GET('/api/endpoints', { signal })),
  });
}

export function useChannels() {
  return useQuery({
    queryKey: ['channels'],
    queryFn: ({ signal }) => unwrap(api.GET('/api/channels', { params: { query: {} }, signal })),
    staleTime: 5 * 60_000,
  });
}

/** Replaces one endpoint in the cached list, then refetches it. */
function useEndpointChanged() {
  const queryClient = useQueryClient();
  return (endpoint: Endpoint) => {
    queryClient.setQueryData<Endpoint[]>(endpointsKey, (list) => list?.map((e) => (e.id === endpoint.id ? endpoint : e)));
    return queryClient.invalidateQueries({ queryKey: endpointsKey });
  };
}

export function useCreateEndpoint() {
  const queryClient = useQueryClient();
  return useMutation<EndpointWithSecret, Error, EndpointInput>({
    mutationFn: (body) => unwrap(api.POST('/api/endpoints', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: endpointsKey }),
  });
}

export function useUpdateEndpoint(id: string) {
  const changed = useEndpointChanged();
  return useMutation<Endpoint, Error, EndpointInput>({
    mutationFn: (body) => unwrap(api.PATCH('/api/endpoints/{id}', { params: { path: { id } }, body })),
    onSuccess: changed,
  });
}

export function useDeleteEndpoint() {
  const queryClient = useQueryClient();
  return useMutation<void, Error, string>({
    mutationFn: (id) => unwrap(api.DELETE('/api/endpoints/{id}', { params: { path: { id } } })),
    onSuccess: (_result, id) => {
      queryClient.setQueryData<Endpoint[]>(endpointsKey, (list) => list?.filter((e) => e.id !== id));
      return queryClient.invalidateQueries({ queryKey: endpointsKey });
    },
  });
}

export function useSetEndpointEnabled(id: string) {
  const changed = useEndpointChanged();
  return useMutation<Endpoint, Error, boolean>({
    mutationFn: (enabled) =>
      unwrap(
        enabled
          ? api.POST('/api/endpoints/{id}/enable', { params: { path: { id } } })
          : api.POST('/api/endpoints/{id}/disable', { params: { path: { id } } }),
      ),
    onSuccess: changed,
  });
}

export function useRevealSecret(id: string) {
  return useMutation<string, Error, void>({
    mutationFn: async () => (await unwrap(api.GET('/api/endpoints/{id}/secret', { params: { path: { id } } }))).secret,
  });
}

export function useRotateSecret(id: string) {
  const changed = useEndpointChanged();
  return useMutation<RotatedEndpoint, Error, void>({
    mutationFn: () => unwrap(api.POST('/api/endpoints/{id}/rotate-secret', { params: { path: { id } } })),
    onSuccess: (rotated) => changed(rotated),
  });
}

/** "Send a test now" to a saved endpoint, with its own secret, token and headers. */
export function useTestSavedEndpoint(id: string) {
  return useMutation<TestSendResult, Error, string>({
    mutationFn: (eventType) =>
      unwrap(api.POST('/api/endpoints/{id}/test', { params: { path: { id } }, body: { event_type: eventType } })),
  });
}

/** One test send to a URL that is not saved yet. */
export function testUrl(body: TestUnsavedRequest) {
  return unwrap(api.POST('/api/endpoints/test', { body }));
}
