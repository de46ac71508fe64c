import type { HubEvent } from '@hub/events';

/** The `standard` body a receiver gets (SPEC §3 "What a receiver gets"). */
export function standardEnvelope(event: Pick<HubEvent, 'id' | 'type' | 'created_at' | 'account_id' | 'channel' | 'channel_id' | 'data'>): string {
  return JSON.stringify({
    id: event.id,
    type: event.type,
    timestamp: event.created_at.toISOString(),
    account_id: event.account_id,
    channel: event.channel,
    channel_id: event.channel_id,
    data: event.data,
  });
}
