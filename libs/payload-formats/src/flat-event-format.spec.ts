import { renderPayload } from './payload-formats';
import type { FormatContext, FormatEvent } from './payload-format';

const at = new Date('2026-11-22T12:35:09.000Z');
const ev = (type: string, channel: string | null, data: Record<string, unknown>): FormatEvent => ({ id: 'evt_1', type, created_at: at, account_id: 'acc', channel, channel_id: channel ? 'ch' : null, data });
const mail: FormatContext = { channel: { name: 'Transactional', from_address: 'hello@shop.example.com', phone: null, from_number: null } };
const whatsapp: FormatContext = { channel: { name: 'Support', from_address: null, phone: '+5511987654321', from_number: null } };
const message = { message_id: 'm-1', provider_message_id: '<m-1@shop.example.com>', to: 'ann@example.com' };
const emailFields = { message_id: '<m-1@shop.example.com>', message_uid: 'm-1', sending_type: 'email', name: 'Transactional', from: 'hello@shop.example.com', to: 'ann@example.com' };

describe('flat_event format', () => {
  it.each([
    ['message.sent', 'email', message, mail, { event: 'message sent', ...emailFields }],
    ['message.bounced', 'email', { ...message, reason: '550 5.1.1 no such user' }, mail, { event: 'delivery bounce', ...emailFields, error_message: '550 5.1.1 no such user' }],
    ['message.opened', 'email', message, mail, { event: 'message open', ...emailFields }],
    ['message.clicked', 'email', { ...message, url: 'https://shop.example.com/sale' }, mail, { event: 'message clicked', ...emailFields, click_url: 'https://shop.example.com/sale' }],
    ['message.complained', 'email', message, mail, { event: 'complaint', ...emailFields }],
    ['message.sent', 'whatsapp', { message_id: 'w-1', provider_message_id: '3EB0', to: '+34612345678' }, whatsapp, { event: 'whatsapp template sent', template_name: null, message_id: '3EB0', sending_type: 'whatsapp', from_number: '+5511987654321', to_number: '+34612345678' }],
    ['message.delivered', 'whatsapp', { provider_message_id: '3EB0', to: '+34612345678' }, whatsapp, { event: 'whatsapp template delivered' }],
    ['message.failed', 'whatsapp', { provider_message_id: '3EB0', to: '+34612345678' }, whatsapp, { event: 'whatsapp template bounce' }],
    ['message.received', 'whatsapp', { from: '+34612345678', text: 'Hola' }, whatsapp, { event: 'whatsapp inbox message received', message: 'Hola', from_number: '+34612345678', to_number: '+5511987654321' }],
    ['group.subscribed', null, { email: 'ann@example.com', group_id: 'g1', group_name: 'Newsletter' }, {}, { event: 'mailing group subscribe', email: 'ann@example.com', group_id: 'g1', group_name: 'Newsletter', channel: 'email' }],
    ['group.unsubscribed', null, { email: 'ann@example.com', group_id: 'g1', group_name: 'Newsletter' }, {}, { event: 'mailing group unsubscribe' }],
    ['contact.created', null, { email: 'ann@example.com', phone: '+34612345678' }, {}, { event: 'contact adding', email: 'ann@example.com', phone: '+34612345678', groups_names: [], groups_ids: [] }],
  ])('%s (%s)', (type, channel, data, context, expected) => {
    const rendered = renderPayload('flat_event', ev(type, channel, data), context);
    expect(rendered.format).toBe('flat_event');
    expect(JSON.parse(rendered.body)).toMatchObject({ ...expected, timestamp: at.toISOString() });
  });

  it('falls back to standard for what it has no name for', () => {
    expect(renderPayload('flat_event', ev('workflow.enrolled', null, {})).format).toBe('standard');
    expect(renderPayload('flat_event', ev('message.delivered', 'email', message), mail).format).toBe('standard');
  });
});
