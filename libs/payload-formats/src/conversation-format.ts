import { FormatDefinition, str } from './payload-format';
import { phoneDigits } from './whatsapp-jid';

const MAX_TURNS = 10;

/**
 * WhatsApp-assistant style, for `message.received` on WhatsApp: the last
 * turns of the stored conversation with the sender (newest last, at most
 * ten) and summaries of it. Other events are not expressible.
 */
export const CONVERSATION_FORMAT: FormatDefinition = {
  name: 'conversation',
  needs: (event) => ({ conversation: event.type === 'message.received' && event.channel === 'whatsapp' }),
  render: (event, context) => {
    if (event.type !== 'message.received' || event.channel !== 'whatsapp') return null;
    const data = event.data;
    const received = {
      id: str(data.provider_message_id),
      direction: 'inbound' as const,
      text: str(data.text),
      at: new Date(str(data.received_at) ?? event.created_at.toISOString()),
      contentType: str(data.media_type) ?? str(data.content_type) ?? 'text',
      mediaUrl: str(data.media_url),
    };
    // The stored conversation may not hold the message being delivered yet: it is always the newest user turn.
    const stored = context.conversation ?? [];
    const others = stored.filter((turn) => !(received.id && turn.id === received.id));
    const turns = [...others, received].sort((a, b) => a.at.getTime() - b.at.getTime()).slice(-MAX_TURNS);
    const lastOf = (direction: 'inbound' | 'outbound') => [...turns].reverse().find((turn) => turn.direction === direction) ?? null;
    const user = lastOf('inbound');
    const bot = lastOf('outbound');
    return {
      last_messages: turns.map((turn) => ({
        type: turn.direction === 'inbound' ? 'user' : 'bot',
        content: turn.text ?? '',
        timestamp: turn.at.toISOString(),
        content_type: turn.contentType,
        ...(turn.mediaUrl ? { media_url: turn.mediaUrl } : {}),
      })),
      conversation_paragraph: turns.map((turn) => `${turn.direction === 'inbound' ? 'User' : 'Bot'}: ${turn.text ?? `[${turn.contentType}]`}`).join('\n'),
      phone_number: phoneDigits(data.from),
      recipient_name: str(data.push_name) ?? null,
      user_id: event.account_id,
      last_message_of_user: user?.text ?? null,
      last_message_of_bot: bot?.text ?? null,
      message_type: received.contentType,
      user_last_message_time: user?.at.toISOString() ?? null,
      bot_last_message_time: bot?.at.toISOString() ?? null,
      attachment_url: received.mediaUrl,
      note: null,
      note_automation: null,
      labels: [],
    };
  },
};
