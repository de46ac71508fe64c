import { EntityManager } from 'typeorm';
import type { Channel } from '@hub/channels';
import { EventPublisher } from '@hub/events';
import { SessionViewDto } from './dto/session-view.dto';

/** whatsapp.session.updated (libs/events whatsapp.events.ts) for a channel as it now is; `qr` only while there is one to scan. */
export function publishSessionUpdated(events: EventPublisher, tx: EntityManager, channel: Channel): Promise<unknown> {
  const status = channel.session_status ?? 'disconnected';
  return events.publish(tx, {
    accountId: channel.account_id,
    type: 'whatsapp.session.updated',
    channel: 'whatsapp',
    channelId: channel.id,
    data: {
      channel_id: channel.id,
      session_id: channel.session_id,
      status,
      phone: channel.phone,
      ...(status === 'qr' && channel.session_qr ? { qr: channel.session_qr } : {}),
    },
  });
}

export function toSessionView(channel: Channel): SessionViewDto {
  const status = channel.session_status ?? 'disconnected';
  return {
    session_id: channel.session_id ?? '',
    channel_id: channel.id,
    status,
    phone: channel.phone,
    qr: status === 'qr' ? channel.session_qr : null,
    last_seen_at: channel.session_seen_at ? new Date(channel.session_seen_at).toISOString() : null,
  };
}
