import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import type { Channel } from '../../api/types';

type Schemas = components['schemas'];
export type CreateChannelBody = Schemas['CreateEmailChannelDto'] | Schemas['CreateWhatsappChannelDto'] | Schemas['CreateSmsChannelDto'];
export type UpdateChannelBody = Schemas['UpdateEmailChannelDto'] | Schemas['UpdateWhatsappChannelDto'] | Schemas['UpdateSmsChannelDto'];

/** The list of channels is cached under ['channels'] (see useChannels); every change refreshes it. */
const channelsKey = ['channels'] as const;

function useChannelSaved() {
  const queryClient = useQueryClient();
  return (channel: Channel) => {
    queryClient.setQueryData<Channel[]>(channelsKey, (list) =>
      list ? (list.some((c) => c.id === channel.id) ? list.map((c) => (c.id === channel.id ? channel : c)) : [...list, channel]) : list,
    );
    return queryClient.invalidateQueries({ queryKey: channelsKey });
  };
}

export function useCreateChannel() {
  const saved = useChannelSaved();
  return useMutation<Channel, Error, CreateChannelBody>({
    mutationFn: (body) => unwrap(api.POST('/api/channels', { body })),
    onSuccess: saved,
  });
}

export function useUpdateChannel(id: string) {
  const saved = useChannelSaved();
  return useMutation<Channel, Error, UpdateChannelBody>({
    mutationFn: (body) => unwrap(api.PATCH('/api/channels/{id}', { params: { path: { id } }, body })),
    onSuccess: saved,
  });
}

export function useDeleteChannel() {
  const queryClient = useQueryClient();
  return useMutation<void, Error, string>({
    mutationFn: (id) => unwrap(api.DELETE('/api/channels/{id}', { params: { path: { id } } })),
    onSuccess: (_result, id) => {
      queryClient.setQueryData<Channel[]>(channelsKey, (list) => list?.filter((c) => c.id !== id));
      return queryClient.invalidateQueries({ queryKey: channelsKey });
    },
  });
}
