import { describe, expect, it } from 'vitest';
import type { Endpoint, EventType } from '../../api/types';
import { endpointFormSchema, formEventTypes, formFieldFor, formUrls, formValues, toEndpointInput, urlProblem } from './endpointFormModel';

const catalog = ['contact.created', 'message.bounced', 'message.opened'].map(
  (type): EventType => ({ type, description: type, channels: [], schema: {}, example: {}, example_format: 'standard', example_body: {}, format_sample: false }),
);

const endpoint = (overrides: Partial<Endpoint>): Endpoint => ({
  id: 'e1',
  url: 'https://crm.example.com/hooks',
  description: null,
  event_types: [],
  event_urls: {},
  channel_id: null,
  has_bearer_token: true,
  headers: { 'x-env': 'prod' },
  timeout_ms: 5000,
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

describe('endpoint form values', () => {
  it('round-trips an every-event endpoint with a per-event URL without narrowing what it gets', () => {
    const saved = endpoint({ event_urls: { 'message.bounced': 'https://crm.example.com/bounces' } });
    const values = formValues(catalog, saved);
    expect(values.every_event).toBe(true);
    expect(formUrls(values)).toEqual(['https://crm.example.com/hooks', 'https://crm.example.com/bounces']);
    expect(toEndpointInput(values, true)).toEqual({
      url: 'https://crm.example.com/hooks',
      description: null,
      event_types: [],
      event_urls: { 'message.bounced': 'https://crm.example.com/bounces' },
      channel_id: null,
      payload_format: 'standard',
      headers: { 'x-env': 'prod' },
      timeout_ms: 5000,
    });
  });

  it('keeps the endpoint’s payload format, and sends the one chosen', () => {
    const values = formValues(catalog, endpoint({ payload_format: 'crm_model' }));
    expect(values.payload_format).toBe('crm_model');
    expect(toEndpointInput({ ...values, payload_format: 'flat_event' }, true).payload_format).toBe('flat_event');
    expect(formValues(catalog).payload_format).toBe('standard');
    expect(endpointFormSchema.safeParse({ ...values, payload_format: 'xml' }).error?.issues.map((i) => i.path.join('.'))).toEqual(['payload_format']);
  });

  it('lists the types the endpoint would be sent: the checked ones, or every row', () => {
    const values = formValues(catalog, endpoint({ event_types: ['message.opened', 'contact.created'] }));
    expect(formEventTypes(values)).toEqual(['contact.created', 'message.opened']);
    expect(formEventTypes({ ...values, every_event: true })).toEqual(['contact.created', 'message.bounced', 'message.opened']);
  });

  it('keeps a custom event type the catalog does not list', () => {
    const values = formValues(catalog, endpoint({ event_types: ['custom.order_paid'] }));
    expect(values.events.at(-1)).toEqual({ type: 'custom.order_paid', subscribed: true, url: '' });
    expect(toEndpointInput(values, true).event_types).toEqual(['custom.order_paid']);
  });

  it('keeps the stored bearer token unless a new one is typed or removal is asked for', () => {
    const values = formValues(catalog, endpoint({}));
    expect(toEndpointInput(values, true)).not.toHaveProperty('bearer_token');
    expect(toEndpointInput({ ...values, bearer_token: ' s3cret ' }, true).bearer_token).toBe('s3cret');
    expect(toEndpointInput({ ...values, clear_bearer_token: true }, true).bearer_token).toBeNull();
  });

  it('asks for events or every event, and a URL for each checked event without the common one', () => {
    const empty = formValues(catalog);
    const noEvents = endpointFormSchema.safeParse({ ...empty, url: 'https://crm.example.com/hooks' });
    expect(noEvents.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['url', 'Check the events to send (or choose every event), and give them a URL'],
    ]);
    const events = empty.events.map((row, i) => (i === 1 ? { ...row, subscribed: true } : row));
    const noUrl = endpointFormSchema.safeParse({ ...empty, events });
    expect(noUrl.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['events.1.url', 'Give message.bounced a URL, or fill in the common URL'],
    ]);
    const everyWithoutCommon = endpointFormSchema.safeParse({ ...empty, every_event: true });
    expect(everyWithoutCommon.error?.issues.map((i) => i.message)).toEqual(['Sending every event needs a common URL']);
  });

  it('maps the API’s field names onto the form’s inputs', () => {
    const values = { ...formValues(catalog), headers: [{ name: 'X-Env', value: 'prod' }] };
    const sent = { event_types: ['message.opened'] };
    expect(formFieldFor('url', values, sent)).toBe('url');
    expect(formFieldFor('event_urls.message.bounced', values, sent)).toBe('events.1.url');
    expect(formFieldFor('event_types[0]', values, sent)).toBe('events.2.url');
    expect(formFieldFor('headers.x-env', values, sent)).toBe('headers.0.name');
    expect(formFieldFor('timeout_ms', values, sent)).toBe('timeout_seconds');
    expect(formFieldFor('payload_format', values, sent)).toBe('payload_format');
    expect(formFieldFor('secret', values, sent)).toBeNull();
  });
});

describe('urlProblem', () => {
  it.each([
    ['https://crm.example.com/hooks', null],
    ['', null],
    ['crm.example.com/hooks', 'Enter a full URL, starting with https:// or http://'],
    ['ftp://crm.example.com', 'Only http:// and https:// URLs can receive webhooks'],
    ['https://user:pw@crm.example.com', 'Leave credentials out of the URL: use the bearer token or a custom header'],
    [`https://example.com/${'a'.repeat(2048)}`, 'URLs are at most 2048 characters'],
  ])('%s → %s', (url, problem) => {
    expect(urlProblem(url)).toBe(problem);
  });
});
