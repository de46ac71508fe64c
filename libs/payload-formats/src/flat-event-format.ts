import { FormatContext, FormatDefinition, FormatEvent } from './payload-format';

type Flat = Record<string, unknown>;

const EMAIL_NAMES: Record<string, string> = {
  'message.sent': 'message sent',
  'message.bounced': 'delivery bounce',
  'message.opened': 'message open',
  'message.clicked': 'message clicked',
  'message.complained': 'complaint',
};

const WHATSAPP_NAMES: Record<string, string> = {
  'message.sent': 'whatsapp template sent',
  'message.delivered': 'whatsapp template delivered',
  'message.bounced': 'whatsapp template bounce',
  'message.failed': 'whatsapp template bounce',
};

/** What every email event carries: ids, sending type, the channel's name and from address, the recipient. */
function emailFields(data: Flat, context: FormatContext): Flat {
  return {
    message_id: data.provider_message_id ?? null,
    message_uid: data.message_id ?? null,
    sending_type: 'email',
    name: context.channel?.name ?? null,
    from: context.channel?.from_address ?? null,
    to: data.to ?? null,
  };
}

function render(event: FormatEvent, context: FormatContext): Flat | null {
  const data = event.data as Flat;
  const timestamp = event.created_at.toISOString();
  const channel = event.channel ?? (data.channel as string | undefined) ?? null;
  if (event.type.startsWith('message.') && channel === 'email' && EMAIL_NAMES[event.type]) {
    const flat: Flat = { event: EMAIL_NAMES[event.type], ...emailFields(data, context), timestamp };
    if (event.type === 'message.bounced') flat.error_message = data.reason ?? null;
    if (event.type === 'message.clicked') flat.click_url = data.url ?? null;
    return flat;
  }
  if (channel === 'whatsapp' && event.type === 'message.received') {
    return { event: 'whatsapp inbox message received', message: data.text ?? null, from_number: data.from ?? null, to_number: context.channel?.phone ?? null, timestamp };
  }
  if (channel === 'whatsapp' && WHATSAPP_NAMES[event.type]) {
    return {
      event: WHATSAPP_NAMES[event.type],
      template_name: data.template_name ?? null,
      message_id: data.provider_message_id ?? data.message_id ?? null,
      sending_type: 'whatsapp',
      from_number: context.channel?.phone ?? null,
      to_number: data.to ?? null,
      timestamp,
    };
  }
  if (event.type === 'group.subscribed' || event.type === 'group.unsubscribed') {
    return {
      event: event.type === 'group.subscribed' ? 'mailing group subscribe' : 'mailing group unsubscribe',
      email: data.email ?? null,
      group_id: data.group_id,
      group_name: data.group_name,
      channel: 'email',
      timestamp,
    };
  }
  if (event.type === 'contact.created') {
    const groups = Array.isArray(data.groups) ? (data.groups as { id: string; name: string }[]) : [];
    return { event: 'contact adding', email: data.email ?? null, phone: data.phone ?? null, groups_names: groups.map((g) => g.name), groups_ids: groups.map((g) => g.id), timestamp };
  }
  return null;
}

/**
 * Marketing-platform style: one flat object with a human event name
 * (`message sent`, `delivery bounce`, `whatsapp inbox message received`,
 * `mailing group subscribe`, `contact adding`…). Email and WhatsApp events
 * name the channel's sending identity, loaded as context.
 */
export const FLAT_EVENT_FORMAT: FormatDefinition = {
  name: 'flat_event',
  needs: (event) => ({ channel: event.type.startsWith('message.') }),
  render,
};
