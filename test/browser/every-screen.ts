import { Account, Hub } from '../harness';
import { seedEndpoint } from '../support/endpoint-fixture';
import { eventually } from '../support/receiver';

/** Each screen of the sidebar: its heading and, where it has one, the action a new admin looks for first. */
export interface SidebarScreen {
  path: string;
  shot: string;
  heading: string;
  title?: string;
  action?: RegExp;
  /** Text the screen shows once the seeded account's records have loaded. */
  waitFor: string;
}

export const SIDEBAR_SCREENS: SidebarScreen[] = [
  { path: '/', shot: 'overview', heading: 'Welcome to Webhook Hub', title: 'Overview', waitFor: 'Where to go next' },
  { path: '/webhooks', shot: 'webhooks', heading: 'Webhooks', action: /^Add endpoint/, waitFor: 'http://127.0.0.1:9/orders' },
  { path: '/deliveries', shot: 'deliveries', heading: 'Delivery log', waitFor: 'custom.order_paid' },
  { path: '/event-types', shot: 'event-types', heading: 'Event catalog', waitFor: 'contact.created' },
  { path: '/workflows', shot: 'workflows', heading: 'Workflows', action: /^New workflow/, waitFor: 'Welcome series' },
  { path: '/lead-sources', shot: 'lead-sources', heading: 'Lead sources', action: /^Add /, waitFor: 'Facebook page' },
  { path: '/inbound-logs', shot: 'inbound-log', heading: 'Inbound log', waitFor: '/api/automation/webhook/' },
  { path: '/channels', shot: 'channels', heading: 'Channels', action: /^Add email channel/, waitFor: 'Transactional mail' },
  { path: '/messages', shot: 'messages', heading: 'Messages', waitFor: 'Messages' },
  { path: '/contacts', shot: 'contacts', heading: 'Contacts', action: /^New contact/, waitFor: 'maria.garcia.with.a.long.address@example.com' },
  { path: '/groups', shot: 'groups', heading: 'Groups', action: /^(New|Create|Add) group/, waitFor: 'Newsletter readers' },
  { path: '/api-keys', shot: 'api-keys', heading: 'API keys', action: /^Create (API )?key/, waitFor: 'Zapier integration' },
];

/** The ids of what `seedEveryScreen` made, to open their detail screens. */
export interface SeededScreens {
  contactId: string;
  groupId: string;
  leadSourceId: string;
  emailChannelId: string;
  smsChannelId: string;
  whatsappChannelId: string;
  workflowId: string;
  endpointId: string;
  deliveryId: string;
  inboundLogId: string;
}

/**
 * Gives the account something on every screen: a contact with a long address,
 * a group, an API key, a Meta lead source, email, SMS and WhatsApp channels,
 * a workflow enrolled once through its trigger URL, and an endpoint whose
 * receiver is unreachable with one delivery of a custom event.
 */
export async function seedEveryScreen(hub: Hub, account: Account): Promise<SeededScreens> {
  const api = async (method: string, path: string, body?: unknown) => {
    const res = await hub.request(method, path, { token: account.token, body });
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${res.text}`);
    return res.body;
  };

  const contact = await api('POST', '/api/contacts', { email: 'maria.garcia.with.a.long.address@example.com', first_name: 'Maria', last_name: 'Garcia', phone: '+34 612 34 56 78' });
  const group = await api('POST', '/api/groups', { name: 'Newsletter readers' });
  await api('POST', `/api/groups/${group.id}/members`, { email: contact.email });
  await api('POST', '/api/api-keys', { name: 'Zapier integration' });
  const leadSource = await api('POST', '/api/lead-sources', { provider: 'meta', name: 'Facebook page', page_id: '104857600123456', verify_token: 'verify-me-0123456789abcdef', app_secret: 'app-secret-0123456789abcdef', page_access_token: 'page-token-0123456789abcdef' });
  const email = await api('POST', '/api/channels', {
    type: 'email',
    name: 'Transactional mail',
    from_address: 'hello@example.com',
    provider: 'mailgun',
    smtp: { host: 'smtp.mailgun.org', port: 587, user: 'postmaster@mg.example.com', pass: 'smtp-pass' },
    webhook_signing_key: 'mailgun-key',
  });
  const sms = await api('POST', '/api/channels', { type: 'sms', name: 'Alerts by SMS', from_number: '+15555550123', provider_url: 'https://sms.example.com/api/send', auth_token: 'sms-token-0123456789' });
  const whatsapp = await api('POST', '/api/channels', { type: 'whatsapp', name: 'Shop WhatsApp' });
  const workflow = await api('POST', '/api/workflows', { name: 'Welcome series', steps: [{ type: 'wait', seconds: 3600 }] });
  const trigger = await fetch(hub.url + new URL(workflow.trigger.webhook_url).pathname, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'new.signup@example.com' }),
  });
  if (trigger.status >= 300) throw new Error(`trigger: ${trigger.status}`);
  const endpoint = await seedEndpoint(hub, account.accountId, { url: 'http://127.0.0.1:9/orders', event_types: ['custom.order_paid'] });
  await api('POST', '/api/events', { type: 'custom.order_paid', data: { order_id: 'A-1', total: 12.5 } });

  const delivery = await eventually(async () => (await api('GET', '/api/deliveries')).items?.[0] ?? null);
  const inboundLog = await eventually(async () => (await api('GET', '/api/inbound-logs')).items?.[0] ?? null);
  await eventually(async () => ((await api('GET', `/api/workflows/${workflow.id}/runs`)).items.length > 0 ? true : null));
  return {
    contactId: contact.id,
    groupId: group.id,
    leadSourceId: leadSource.id,
    emailChannelId: email.id,
    smsChannelId: sms.id,
    whatsappChannelId: whatsapp.id,
    workflowId: workflow.id,
    endpointId: endpoint.id,
    deliveryId: delivery.id,
    inboundLogId: inboundLog.id,
  };
}
