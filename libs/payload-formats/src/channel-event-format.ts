import { FormatDefinition, str } from './payload-format';
import { whatsappJid } from './whatsapp-jid';

const STATUS_CODES: Record<string, number> = { 'message.sent': 1, 'message.delivered': 2, 'message.opened': 3 };

/** A time in whole epoch seconds as text, as Baileys' `messageTimestamp`. */
const epochSeconds = (iso: unknown, fallback: Date): string => String(Math.floor((typeof iso === 'string' ? Date.parse(iso) || fallback.getTime() : fallback.getTime()) / 1000));

/** The WhatsApp gateway event (name and data) for a hub event, or null. */
function whatsappEvent(type: string, data: Record<string, unknown>, at: Date): { event: string; data: unknown } | null {
  switch (type) {
    case 'message.received':
      return {
        event: 'messages.upsert',
        data: {
          key: { remoteJid: whatsappJid(data.from), fromMe: false, id: data.provider_message_id },
          message: { conversation: str(data.text) ?? '' },
          messageTimestamp: epochSeconds(data.received_at, at),
          pushName: str(data.push_name) ?? null,
        },
      };
    case 'message.sent':
      return {
        event: 'messages.upsert',
        data: {
          key: { remoteJid: whatsappJid(data.to), fromMe: true, id: data.provider_message_id },
          message: { conversation: str(data.text) ?? '' },
          messageTimestamp: epochSeconds(data.occurred_at, at),
          pushName: null,
        },
      };
    case 'message.delivered':
    case 'message.opened':
      return { event: 'messages.update', data: { keyId: data.provider_message_id, fromMe: true, status: STATUS_CODES[type] } };
    case 'message.deleted':
      return { event: 'messages.delete', data: { id: data.provider_message_id, fromMe: true, remoteJid: whatsappJid(data.to) } };
    case 'whatsapp.session.updated':
      return { event: 'connection.update', data: { state: data.status === 'connected' ? 'open' : 'close', ...(data.qr ? { qr: data.qr } : {}) } };
    case 'whatsapp.call':
      return { event: 'call', data: { id: data.call_id, from: whatsappJid(data.from), status: data.status } };
    default:
      return null;
  }
}

/** Inbound email and SMS as the gateway's `messaging` event. */
function messagingEvent(channel: string, data: Record<string, unknown>): unknown | null {
  if (channel === 'email') {
    return {
      email: {
        direction: 'inbound',
        mailbox: str(data.mailbox) ?? str(data.to) ?? null,
        from: { email: data.from, name: str(data.from_name) ?? null },
        to: Array.isArray(data.recipients) ? data.recipients : [data.to].filter(Boolean),
        subject: str(data.subject) ?? null,
        text: str(data.text) ?? null,
        html: str(data.html) ?? null,
        messageId: data.provider_message_id,
        receivedAt: data.received_at,
      },
    };
  }
  if (channel === 'sms') return { sms: { direction: 'inbound', from: data.from, body: str(data.text) ?? '', providerPayload: data.provider_payload ?? {} } };
  return null;
}

/**
 * Channel-gateway style: `{event, channel, channelId, data}`. WhatsApp
 * events take the gateway's names and shapes (messages.upsert / update /
 * delete, connection.update, call); inbound email and SMS become
 * `messaging`. Other events are not expressible.
 */
export const CHANNEL_EVENT_FORMAT: FormatDefinition = {
  name: 'channel_event',
  render: (event) => {
    const channel = event.channel ?? str(event.data.channel);
    const channelId = event.channel_id ?? str(event.data.channel_id);
    if (!channel || !channelId) return null;
    if (channel === 'whatsapp') {
      const mapped = whatsappEvent(event.type, event.data, event.created_at);
      return mapped ? { event: mapped.event, channel, channelId, data: mapped.data } : null;
    }
    if (event.type !== 'message.received') return null;
    const data = messagingEvent(channel, event.data);
    return data ? { event: 'messaging', channel, channelId, data } : null;
  },
};
