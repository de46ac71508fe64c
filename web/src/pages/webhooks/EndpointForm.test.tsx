import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Endpoint } from '../../api/types';
import { jsonResponse, renderApp, stubFetch, type SentInit } from '../../test/renderApp';

const me = { user: { id: 'u1', email: 'ops@example.com' }, account: { id: 'a1', name: 'Acme' }, via: 'user' };
const catalog = [
  { type: 'contact.created', description: 'A contact was created.', channels: [], schema: {}, example: {} },
  { type: 'message.bounced', description: 'A message bounced.', channels: ['email'], schema: {}, example: {} },
];
/**
 * The sample type each format marks in the stub. crm_model's is message.bounced, not the real API's
 * contact.updated, so a form that knew the real one without asking would show the wrong preview.
 */
const SAMPLES: Record<string, string> = { crm_model: 'message.bounced', flat_event: 'message.bounced' };

/** GET /api/event-types?format=: flat_event expresses message.bounced, not contact.created. */
function examplesIn(format: string) {
  return catalog.map((eventType) => {
    const flat = format === 'flat_event' && eventType.type === 'message.bounced';
    return {
      ...eventType,
      format_sample: SAMPLES[format] === eventType.type,
      example_format: flat ? 'flat_event' : 'standard',
      example_body: flat ? { event: 'delivery bounce', error_message: 'mailbox full' } : { id: 'evt_1', type: eventType.type, data: {} },
    };
  });
}
const GOOD = 'https://crm.example.com/hooks';
const BAD = 'https://crm.example.com/broken';

function testAnswer(url: string, eventType: string) {
  const ok = !url.includes('broken');
  return {
    ok,
    status: ok ? 200 : 500,
    duration_ms: 42,
    response_body: ok ? 'thanks' : 'Internal Server Error',
    error: ok ? null : 'HTTP 500',
    request: {
      url,
      headers: { 'content-type': 'application/json', 'webhook-id': 'evt_1', 'webhook-signature': 'v1,abc=' },
      body: `{"id":"evt_1","type":"${eventType}"}`,
    },
    secret: 'whsec_throwaway',
  };
}

const saved: Endpoint = {
  id: 'e1',
  url: GOOD,
  description: 'CRM sync',
  event_types: ['contact.created'],
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
};

type Handler = (url: string, init: SentInit) => Response | undefined;

/** The API behind the page; `extra` answers the save call. */
function stubApi(endpoints: Endpoint[], extra: Handler = () => undefined) {
  return stubFetch((url, init) => {
    if (url === '/api/auth/me') return jsonResponse(200, me);
    if (url === '/api/event-types') return jsonResponse(200, catalog);
    if (url.startsWith('/api/event-types?format=')) return jsonResponse(200, examplesIn(url.slice(url.indexOf('=') + 1)));
    if (url === '/api/channels') return jsonResponse(200, []);
    if (url === '/api/endpoints' && init.method === 'GET') return jsonResponse(200, endpoints);
    // The webhooks screen also loads each endpoint's health; none here.
    if (url.startsWith('/api/stats/endpoints?')) return jsonResponse(200, { range: '24h', interval_seconds: 3600, since: '2026-12-02T18:00:00.000Z', until: '2026-12-03T18:00:00.000Z', endpoints: [] });
    if (url === '/api/endpoints/test' && init.method === 'POST') {
      const body = JSON.parse(init.body ?? '{}') as { url: string; event_type: string };
      return jsonResponse(200, testAnswer(body.url, body.event_type));
    }
    return extra(url, init);
  });
}

const saveButton = () => screen.getByRole('button', { name: /^Save (endpoint|changes)$/ });

describe('EndpointForm (new endpoint)', () => {
  beforeEach(() => window.localStorage.setItem('webhook-hub.token', 'jwt-123'));

  it('keeps Save disabled after a failing Test, enables it after a passing one, and re-locks it when the URL changes', async () => {
    stubApi([]);
    const { user } = renderApp('/webhooks?edit=new');
    const common = await screen.findByLabelText('Common URL');

    expect(saveButton()).toBeDisabled();
    expect(screen.getByText('Enter a URL and test it first.')).toBeInTheDocument();

    await user.type(common, BAD);
    expect(saveButton()).toBeDisabled();
    expect(saveButton()).toHaveAccessibleDescription(`Test ${BAD} first.`);

    await user.click(screen.getByRole('button', { name: 'Test common URL' }));
    const failed = await screen.findByRole('region', { name: /Failed Test of webhook\.test/ });
    // The keyboard lands on the result, not back at the top of the page.
    expect(failed).toHaveFocus();
    expect(within(failed).getByText('HTTP 500 in 42 ms')).toBeInTheDocument();
    expect(within(failed).getByLabelText('Request sent')).toHaveTextContent(`POST ${BAD}`);
    expect(within(failed).getByLabelText('Request sent')).toHaveTextContent('webhook-signature: v1,abc=');
    expect(within(failed).getByLabelText('Response received')).toHaveTextContent('Internal Server Error');
    expect(saveButton()).toBeDisabled();
    // The hint names the real blocker and leads back to the result.
    expect(saveButton()).toHaveAccessibleDescription(`${BAD} answered HTTP 500. See the result`);
    await user.click(screen.getByRole('button', { name: 'Hide result' }));
    await user.click(screen.getByRole('button', { name: 'See the result' }));
    expect(await screen.findByRole('region', { name: /Failed Test of webhook\.test/ })).toHaveFocus();

    await user.clear(common);
    await user.type(common, GOOD);
    expect(saveButton()).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Test common URL' }));
    await screen.findByRole('region', { name: /Passed Test of webhook\.test/ });
    expect(saveButton()).toBeEnabled();
    expect(screen.getByText('Every new or changed URL has passed its test.')).toBeInTheDocument();

    await user.type(common, '/v2');
    expect(saveButton()).toBeDisabled();
    expect(saveButton()).toHaveAccessibleDescription(`Test ${GOOD}/v2 first.`);
  });

  it('subscribes an event when its own URL is typed, tests it with that event, and saves event_urls', async () => {
    let sent: unknown;
    const fetchMock = stubApi([], (url, init) => {
      if (url === '/api/endpoints' && init.method === 'POST') {
        sent = JSON.parse(init.body ?? '{}');
        return jsonResponse(201, { ...saved, url: null, event_types: ['message.bounced'], event_urls: { 'message.bounced': GOOD }, secret: 'whsec_new' });
      }
      return undefined;
    });
    const { user } = renderApp('/webhooks?edit=new');

    // Event types come grouped by domain, folded: open the message.* group.
    expect(screen.queryByLabelText('URL for message.bounced')).not.toBeInTheDocument();
    await user.click(await screen.findByRole('button', { name: /message\.\* events/ }));
    const own = await screen.findByLabelText('URL for message.bounced');
    await user.type(own, GOOD);
    expect(screen.getByLabelText('message.bounced')).toBeChecked();
    expect(saveButton()).toBeDisabled();

    await user.click(screen.getByRole('button', { name: 'Test message.bounced' }));
    await screen.findByRole('region', { name: /Passed Test of message\.bounced/ });
    const testCall = fetchMock.mock.calls.find(([url]) => url === '/api/endpoints/test');
    expect(JSON.parse(testCall?.[1].body ?? '{}')).toMatchObject({ url: GOOD, event_type: 'message.bounced' });
    expect(saveButton()).toBeEnabled();

    await user.click(saveButton());
    expect(await screen.findByLabelText('Signing secret')).toHaveValue('whsec_new');
    expect(sent).toEqual({
      url: null,
      description: null,
      event_types: ['message.bounced'],
      event_urls: { 'message.bounced': GOOD },
      channel_id: null,
      payload_format: 'standard',
      headers: {},
      timeout_ms: null,
    });
  });

  it('saves an endpoint whose receiver is not live yet only as disabled, untested, saying so', async () => {
    let sent: Record<string, unknown> = {};
    stubApi([], (url, init) => {
      if (url === '/api/endpoints' && init.method === 'POST') {
        sent = JSON.parse(init.body ?? '{}') as Record<string, unknown>;
        return jsonResponse(201, { ...saved, url: BAD, enabled: false, secret: 'whsec_new' });
      }
      return undefined;
    });
    const { user } = renderApp('/webhooks?edit=new');
    expect(screen.queryByRole('button', { name: 'Save as disabled' })).not.toBeInTheDocument();
    await user.type(await screen.findByLabelText('Common URL'), BAD);
    await user.click(screen.getByLabelText('Send every contact event'));
    const asDisabled = screen.getByRole('button', { name: 'Save as disabled' });
    expect(asDisabled).toHaveAccessibleDescription(/Receiver not live yet\? Save the endpoint turned off: nothing is sent to it until you test it and turn it on\./);
    await user.click(asDisabled);
    await waitFor(() => expect(sent).toHaveProperty('enabled'));
    expect(sent).toMatchObject({ url: BAD, enabled: false, skip_verification: true });
  });

  it('checks a whole domain of event types with its select-all, and counts what is checked', async () => {
    stubApi([]);
    const { user } = renderApp('/webhooks?edit=new');
    const all = await screen.findByLabelText('Send every message event');
    const messageTypes = catalog.filter((t) => t.type.startsWith('message.')).length;
    const header = all.closest('tr')!;
    expect(within(header).getByText(`0 of ${messageTypes} checked`)).toBeInTheDocument();
    await user.click(all);
    expect(within(header).getByText(`${messageTypes} of ${messageTypes} checked`)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /message\.\* events/ }));
    expect(screen.getByLabelText('message.bounced')).toBeChecked();
    await user.click(screen.getByLabelText('message.bounced'));
    expect(all).not.toBeChecked();
    expect(within(header).getByText(`0 of ${messageTypes} checked`)).toBeInTheDocument();
  });

  it('shows a 422 verification failure next to the URL and locks Save again', async () => {
    stubApi([], (url, init) =>
      url === '/api/endpoints' && init.method === 'POST'
        ? jsonResponse(422, {
            statusCode: 422,
            error: 'endpoint_verification_failed',
            message: `The webhook.test sent to ${GOOD} got HTTP 503; nothing was saved`,
            url: GOOD,
            status: 503,
          })
        : undefined,
    );
    const { user } = renderApp('/webhooks?edit=new');
    await user.type(await screen.findByLabelText('Common URL'), GOOD);
    await user.click(screen.getByLabelText('Send every event, including types added later'));
    await user.click(screen.getByRole('button', { name: 'Test common URL' }));
    await screen.findByRole('region', { name: /Passed/ });

    await user.click(saveButton());

    expect(await screen.findByRole('alert')).toHaveTextContent(`Fix the receiver, then test ${GOOD} again.`);
    expect(screen.getByLabelText('Common URL')).toHaveAccessibleDescription(
      `The webhook.test sent to ${GOOD} got HTTP 503; nothing was saved`,
    );
    expect(saveButton()).toBeDisabled();
  });

  it('puts 400 field details next to their inputs', async () => {
    stubApi([], (url, init) =>
      url === '/api/endpoints' && init.method === 'POST'
        ? jsonResponse(400, {
            statusCode: 400,
            error: 'Bad Request',
            message: 'url must not be a private address',
            details: [{ field: 'url', message: 'url must not be a private address' }],
          })
        : undefined,
    );
    const { user } = renderApp('/webhooks?edit=new');
    await user.type(await screen.findByLabelText('Common URL'), GOOD);
    await user.click(screen.getByLabelText('Send every event, including types added later'));
    await user.click(screen.getByRole('button', { name: 'Test common URL' }));
    await screen.findByRole('region', { name: /Passed/ });
    await user.click(saveButton());

    await waitFor(() => expect(screen.getByLabelText('Common URL')).toHaveAccessibleDescription('url must not be a private address'));
    expect(screen.getByRole('alert')).toHaveTextContent('Nothing was saved: fix the fields marked below.');
  });
});

describe('EndpointForm (payload format)', () => {
  beforeEach(() => window.localStorage.setItem('webhook-hub.token', 'jwt-123'));

  it('previews the chosen format’s body, says when a type falls back to standard, and tests and saves in that format', async () => {
    let sent: unknown;
    const fetchMock = stubApi([], (url, init) => {
      if (url === '/api/endpoints' && init.method === 'POST') {
        sent = JSON.parse(init.body ?? '{}');
        return jsonResponse(201, { ...saved, payload_format: 'flat_event', secret: 'whsec_new' });
      }
      return undefined;
    });
    const { user } = renderApp('/webhooks?edit=new');
    await user.type(await screen.findByLabelText('Common URL'), GOOD);
    await user.click(screen.getByRole('button', { name: /contact\.\* events/ }));
    await user.click(screen.getByRole('button', { name: /message\.\* events/ }));
    await user.click(screen.getByLabelText('contact.created'));
    await user.click(screen.getByLabelText('message.bounced'));
    expect(await screen.findByLabelText('Example body of contact.created')).toHaveTextContent('"type": "contact.created"');

    await user.selectOptions(screen.getByLabelText('Payload format'), 'flat_event');
    expect(screen.getByLabelText('Payload format')).toHaveAccessibleDescription(/One flat object named in words.*arrive in the standard shape/);
    // contact.created comes first, but flat_event cannot express it: the preview starts on message.bounced.
    expect(await screen.findByLabelText('Example body of message.bounced')).toHaveTextContent('"event": "delivery bounce"');
    expect(screen.queryByText(/flat_event cannot express/)).not.toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText('Preview event'), 'contact.created');
    expect(screen.getByLabelText('Example body of contact.created')).toHaveTextContent('"type": "contact.created"');
    expect(screen.getByText(/flat_event cannot express/)).toHaveTextContent(
      'flat_event cannot express contact.created: it arrives in the standard shape, with webhook-format: standard.',
    );

    await user.selectOptions(screen.getByLabelText('Preview event'), 'message.bounced');
    await user.click(screen.getByRole('button', { name: 'Test common URL' }));
    await screen.findByRole('region', { name: /Passed Test of message\.bounced/ });
    const testCall = fetchMock.mock.calls.find(([url]) => url === '/api/endpoints/test');
    expect(JSON.parse(testCall?.[1].body ?? '{}')).toMatchObject({ url: GOOD, event_type: 'message.bounced', payload_format: 'flat_event' });

    await user.click(saveButton());
    await screen.findByLabelText('Signing secret');
    expect(sent).toMatchObject({ payload_format: 'flat_event', event_types: ['contact.created', 'message.bounced'] });
  });

  it('previews the format’s sample type when the endpoint has no type the format expresses', async () => {
    stubApi([]);
    const { user } = renderApp('/webhooks?edit=new');
    await user.type(await screen.findByLabelText('Filter events'), 'contact.cre');
    await user.click(await screen.findByLabelText('contact.created'));
    await user.selectOptions(screen.getByLabelText('Payload format'), 'crm_model');
    // The stub's crm_model expresses nothing: the preview is the sample type its catalog marks, in the standard shape.
    expect(await screen.findByLabelText('Example body of message.bounced')).toHaveTextContent('"type": "message.bounced"');
    expect(screen.getByLabelText('Preview event')).toHaveValue('message.bounced');
    expect(screen.getByText(/crm_model cannot express/)).toHaveTextContent('crm_model cannot express message.bounced');
  });
});

describe('EndpointForm (editing)', () => {
  beforeEach(() => window.localStorage.setItem('webhook-hub.token', 'jwt-123'));

  it('needs no new test for unchanged URLs, but does for a changed one', async () => {
    let patched: unknown;
    stubApi([saved], (url, init) => {
      if (url === '/api/endpoints/e1' && init.method === 'PATCH') {
        patched = JSON.parse(init.body ?? '{}');
        return jsonResponse(200, { ...saved, description: 'CRM sync v2' });
      }
      return undefined;
    });
    const { user } = renderApp('/webhooks?edit=e1');

    const description = await screen.findByLabelText('Description');
    expect(screen.getByLabelText('Common URL')).toHaveValue(GOOD);
    expect(screen.getByLabelText('contact.created')).toBeChecked();
    expect(saveButton()).toBeEnabled();

    await user.type(screen.getByLabelText('Common URL'), '/new');
    expect(saveButton()).toBeDisabled();
    await user.clear(screen.getByLabelText('Common URL'));
    await user.type(screen.getByLabelText('Common URL'), GOOD);
    expect(saveButton()).toBeEnabled();

    await user.clear(description);
    await user.type(description, 'CRM sync v2');
    await user.click(saveButton());

    expect(await screen.findByText('Changes to “CRM sync v2” saved.')).toBeInTheDocument();
    expect(patched).toMatchObject({ url: GOOD, description: 'CRM sync v2', event_types: ['contact.created'] });
    expect(patched).not.toHaveProperty('bearer_token');
  });
});
