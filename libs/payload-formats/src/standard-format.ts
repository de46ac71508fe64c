import type { FormatDefinition } from './payload-format';

/** The SPEC envelope: `{id, type, timestamp, account_id, channel, channel_id, data}`. Expresses every event. */
export const STANDARD_FORMAT: FormatDefinition = {
  name: 'standard',
  render: (event) => ({
    id: event.id,
    type: event.type,
    timestamp: event.created_at.toISOString(),
    account_id: event.account_id,
    channel: event.channel,
    channel_id: event.channel_id,
    data: event.data,
  }),
};
