import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Endpoint } from '../../api/types';
import { jsonResponse, renderApp, stubFetch } from '../../test/renderApp';

const me = { user: { id: 'u1', email: 'ops@example.com' }, account: { id: 'a1', name: 'Acme' }, via: 'user' };
const catalogTypes = ['webhook.test', 'contact.created', 'message.sent', 'message.bounced'];
/** flat_event expresses the message events only. */
const flatExamples = catalogTypes.map((type) => ({
  type,
  description: type,
  channels: [],
  schema: {},
  example: {},
  example_format: type.startsWith('message.') ? 'flat_event' : 'standard',
  example_body: {},
  format_sample: type === 'message.sent',
}));

const endpoint = (overrides: Partial<Endpoint>): Endpoint => ({
  id: 'e1',
  url: 'https://crm.example.com/hooks',
  description: 'CRM sync',
  event_types: ['contact.created', 'message.bounced'],
  event_urls: {},
  channel_id: null,
  has_bearer_token: false,
  headers: {},
  timeout_ms: null,
  enabled: true,
  disabled_reason: null,
  disabled_at: null,
  failing_since: null,
  failing_notified_at: null,
  disabled_notified_at: null,
  payload_format: 'standard',
  created_at: '2026-01-01T00:00:00.000Z',
  updated_at: '2026-01-01T00:00:00.000Z',
  ...overrides,
});

function stubApi(endpoints: Endpoint[]) {
  return stubFetch((url, init) => {
    if (url === '/api/auth/me') return jsonResponse(200, me);
    if (url === '/api/event-types') return jsonResponse(200, flatExamples);
    if (url === '/api/event-types?format=flat_event') return jsonResponse(200, flatExamples);
    if (url === '/api/channels') return jsonResponse(200, []);
    if (url === '/api/endpoints' && init.method === 'GET') return jsonResponse(200, endpoints);
    return undefined;
  });
}

const card = (name: string) => screen.getByRole('article', { name });

describe('EndpointCard payload format', () => {
  beforeEach(() => window.localStorage.setItem('webhook-hub.token', 'jwt-123'));

  it('names a format other than standard, and not standard itself', async () => {
    stubApi([endpoint({ id: 'e1', description: 'Flat', payload_format: 'flat_event' }), endpoint({ id: 'e2', description: 'Plain' })]);
    renderApp('/webhooks');
    await screen.findByRole('article', { name: 'Flat' });
    expect(within(card('Flat')).getByText('Payload format')).toBeInTheDocument();
    expect(within(card('Flat')).getByText('Flat marketing events (flat_event)')).toBeInTheDocument();
    expect(within(card('Plain')).queryByText('Payload format')).not.toBeInTheDocument();
  });

  it('starts the test send on an event the endpoint’s format expresses and says which format is sent', async () => {
    stubApi([endpoint({ payload_format: 'flat_event' })]);
    const { user } = renderApp('/webhooks');
    await user.click(await screen.findByRole('button', { name: 'Send test' }));
    const panel = screen.getByRole('region', { name: 'Test send' });
    expect(within(panel).getByText(/Sent in the endpoint’s payload format, Flat marketing events \(flat_event\)/)).toBeInTheDocument();
    await expect.poll(() => (within(panel).getByLabelText('Event to send') as HTMLSelectElement).value).toBe('message.bounced');
    // The format's sample type can be sent too, though the endpoint is not subscribed to it.
    expect(within(panel).getByRole('option', { name: 'message.sent' })).toBeInTheDocument();
  });
});
