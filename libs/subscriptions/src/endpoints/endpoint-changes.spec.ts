import { enabledState, EndpointSettings, nextSettings, settingsProblems } from './endpoint-changes';
import { buildTestEvent } from './test-event';
import { renderPayload } from '@hub/payload-formats';

const current: EndpointSettings = {
  url: 'https://e.com/all',
  description: 'CRM',
  event_types: ['contact.created'],
  event_urls: { 'message.bounced': 'https://e.com/b' },
  channel_id: null,
  headers: { 'x-env': 'prod' },
  timeout_ms: 5000,
  payload_format: 'standard',
};

describe('nextSettings', () => {
  it('creates with defaults, de-duplicated types and lower-cased header names', () => {
    expect(nextSettings(null, { url: 'https://e.com/a', event_types: ['contact.created', 'contact.created'], headers: { 'X-Env': 'prod' } })).toEqual({
      url: 'https://e.com/a',
      description: null,
      event_types: ['contact.created'],
      event_urls: {},
      channel_id: null,
      headers: { 'x-env': 'prod' },
      timeout_ms: null,
      payload_format: 'standard',
    });
  });

  it('keeps omitted fields, clears nulled ones, treats "" as no common URL and replaces maps whole', () => {
    const next = nextSettings(current, { description: null, url: '', event_urls: { 'message.opened': 'https://e.com/o' }, timeout_ms: null });
    expect(next).toEqual({ ...current, description: null, url: null, event_urls: { 'message.opened': 'https://e.com/o' }, timeout_ms: null });
  });
});

describe('settingsProblems', () => {
  it('reports bad sent fields before checking destinations', () => {
    const input = { url: 'ftp://e.com/', headers: { Host: 'x' } };
    expect(settingsProblems(input, nextSettings(null, input)).map((p) => p.field)).toEqual(['url', 'headers.Host']);
  });

  it('checks destinations of the merged endpoint', () => {
    const input = { url: null };
    expect(settingsProblems(input, nextSettings(current, input)).map((p) => p.field)).toEqual(['event_types[0]']);
  });
});

describe('enabledState', () => {
  const now = new Date('2026-11-24T10:00:00.000Z');
  const on = { enabled: true, disabled_reason: null, disabled_at: null, failing_since: now, failing_notified_at: now, disabled_notified_at: null };
  const off = { enabled: false, disabled_reason: 'failing' as const, disabled_at: now, failing_since: now, failing_notified_at: now, disabled_notified_at: now };
  const afresh = { enabled: true, disabled_reason: null, disabled_at: null, failing_since: null, failing_notified_at: null, disabled_notified_at: null };

  it('on create: enabled unless told otherwise', () => {
    expect(enabledState(null, undefined, now)).toEqual(afresh);
    expect(enabledState(null, false, now)).toEqual({ enabled: false, disabled_reason: 'manual', disabled_at: now });
  });

  it('turning off records a manual disable; turning on clears the reason, the failing run and the notices sent', () => {
    expect(enabledState(on, false, now)).toEqual({ enabled: false, disabled_reason: 'manual', disabled_at: now });
    expect(enabledState(off, true, now)).toEqual(afresh);
  });

  it('changes nothing when the state stays', () => {
    expect(enabledState(on, true, now)).toEqual({});
    expect(enabledState(off, undefined, now)).toEqual({});
    expect(enabledState(off, false, now)).toEqual({});
  });
});

describe('buildTestEvent', () => {
  it('builds the standard envelope of webhook.test with real values and a fresh evt_<ULID> id', () => {
    const now = new Date('2026-11-24T10:00:00.000Z');
    const event = buildTestEvent({ accountId: 'acc', type: 'webhook.test', endpointId: 'ep', now });
    expect(event.id).toMatch(/^evt_[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(JSON.parse(renderPayload('standard', event).body)).toEqual({
      id: event.id,
      type: 'webhook.test',
      timestamp: '2026-11-24T10:00:00.000Z',
      account_id: 'acc',
      channel: null,
      channel_id: null,
      data: { message: 'This is a test event from Webhook Hub.', endpoint_id: 'ep', sent_at: '2026-11-24T10:00:00.000Z' },
    });
    expect(buildTestEvent({ accountId: 'acc', type: 'webhook.test', endpointId: 'ep', now }).id).not.toBe(event.id);
  });

  it('uses the catalog example for other types and the endpoint channel when scoped', () => {
    const body = JSON.parse(renderPayload('standard', buildTestEvent({ accountId: 'acc', type: 'message.opened', endpointId: null, channel: { id: 'ch', type: 'email' } })).body);
    expect(body).toMatchObject({ type: 'message.opened', channel: 'email', channel_id: 'ch' });
    expect(Object.keys(body.data).length).toBeGreaterThan(0);
  });
});
