import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Delivery, DeliveryDetail, Endpoint } from '../../api/types';
import { jsonResponse, renderApp, stubFetch } from '../../test/renderApp';

const me = { user: { id: 'u1', email: 'ops@example.com' }, account: { id: 'a1', name: 'Acme' }, via: 'user' };

function delivery(id: string, overrides: Partial<Delivery> = {}): Delivery {
  return {
    id,
    event_id: `evt_${id}`,
    event_type: 'contact.created',
    endpoint_id: 'e1',
    url: 'https://crm.example.com/hooks',
    status: 'succeeded',
    attempt_count: 1,
    max_attempts: 8,
    next_attempt_at: null,
    last_status_code: 200,
    last_error: null,
    created_at: '2026-01-01T10:00:00.000Z',
    completed_at: '2026-01-01T10:00:01.000Z',
    ...overrides,
  };
}

const failed: DeliveryDetail = {
  ...delivery('d2', { event_type: 'message.bounced', status: 'failed', attempt_count: 1, last_status_code: 500, last_error: 'HTTP 500' }),
  event: { id: 'evt_d2', type: 'message.bounced', timestamp: '2026-01-01T10:00:00.000Z', channel: 'email', channel_id: null, data: { email: 'ada@example.com' } },
  attempts: [
    { n: 1, at: '2026-01-01T10:00:01.000Z', status_code: 500, duration_ms: 31, response_body: 'down for maintenance', error: 'HTTP 500', request_headers: { 'webhook-id': 'evt_d2' } },
  ],
};

describe('DeliveriesPage', () => {
  beforeEach(() => window.localStorage.setItem('webhook-hub.token', 'jwt-123'));

  it('lists deliveries, loads more with the cursor, filters by status, and opens one to retry it', async () => {
    let retried = false;
    const fetchMock = stubFetch((url, init) => {
      if (url === '/api/auth/me') return jsonResponse(200, me);
      if (url === '/api/event-types') return jsonResponse(200, []);
      if (url === '/api/endpoints') return jsonResponse(200, []);
      if (url === '/api/deliveries?limit=50') return jsonResponse(200, { items: [delivery('d1')], next_cursor: 'c2' });
      if (url === '/api/deliveries?cursor=c2&limit=50') return jsonResponse(200, { items: [failed], next_cursor: null });
      if (url === '/api/deliveries?status=failed&limit=50') return jsonResponse(200, { items: [failed], next_cursor: null });
      if (url === '/api/deliveries/d2') return jsonResponse(200, failed);
      if (url === '/api/deliveries/d2/retry' && init.method === 'POST') {
        retried = true;
        return jsonResponse(202, { ...delivery('d2'), status: 'pending' });
      }
      return undefined;
    });
    const { user, router } = renderApp('/deliveries');

    expect(await screen.findByRole('button', { name: /^Open delivery of contact\.created/ })).toBeInTheDocument();
    expect(screen.getByText('Showing the latest 1 delivery')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Load more' }));
    expect(await screen.findByText('Showing all 2 deliveries')).toBeInTheDocument();
    const failedRow = screen.getByRole('row', { name: /message\.bounced/ });
    expect(within(failedRow).getByText('Failed')).toBeInTheDocument();
    expect(within(failedRow).getByText('HTTP 500')).toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText('Status'), 'failed');
    expect(router.state.location.search).toBe('?status=failed');
    await screen.findByText('Showing all 1 delivery');
    expect(fetchMock.mock.calls.some(([url]) => url === '/api/deliveries?status=failed&limit=50')).toBe(true);

    await user.click(screen.getByRole('button', { name: /^Open delivery of message\.bounced/ }));
    expect(await screen.findByRole('heading', { name: /^Attempt 1/ })).toBeInTheDocument();
    expect(screen.getByLabelText('Response body of attempt 1')).toHaveTextContent('down for maintenance');
    expect(screen.getByLabelText('Event payload')).toHaveTextContent('ada@example.com');

    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('A new attempt is queued; it appears below within seconds.')).toBeInTheDocument();
    expect(retried).toBe(true);

    await user.click(screen.getByRole('button', { name: '← Back to deliveries' }));
    expect(router.state.location.search).toBe('?status=failed');
  });

  it('says what to do when there is nothing yet', async () => {
    stubFetch((url) => {
      if (url === '/api/auth/me') return jsonResponse(200, me);
      if (url === '/api/event-types' || url === '/api/endpoints') return jsonResponse(200, []);
      if (url.startsWith('/api/deliveries')) return jsonResponse(200, { items: [], next_cursor: null });
      return undefined;
    });
    renderApp('/deliveries');
    expect(await screen.findByText('No deliveries yet.')).toBeInTheDocument();
  });

  it('shows the API’s message when the log cannot be loaded', async () => {
    stubFetch((url) => {
      if (url === '/api/auth/me') return jsonResponse(200, me);
      if (url === '/api/event-types' || url === '/api/endpoints') return jsonResponse(200, []);
      if (url.startsWith('/api/deliveries'))
        return jsonResponse(400, { statusCode: 400, error: 'Bad Request', message: 'since must be an ISO-8601 date' });
      return undefined;
    });
    renderApp('/deliveries?since=2026-01-01T10:00');
    expect(await screen.findByRole('alert')).toHaveTextContent('since must be an ISO-8601 date');
  });

  it('shows retrying deliveries as such, retries the failing ones after counting them, and asks before re-sending a success', async () => {
    const endpoint = { id: 'e1', url: 'https://crm.example.com/bounced', description: 'CRM', event_types: [], event_urls: {}, enabled: true } as unknown as Endpoint;
    const retrying = delivery('d3', {
      url: 'https://crm.example.com/bounced', status: 'pending', attempt_count: 1, max_attempts: 8,
      next_attempt_at: '2026-01-01T10:10:00.000Z', last_status_code: 500,
    });
    const succeeded: DeliveryDetail = { ...delivery('d1'), event: null, attempts: [] };
    const posts: string[] = [];
    stubFetch((url, init) => {
      if (url === '/api/auth/me') return jsonResponse(200, me);
      if (url === '/api/event-types') return jsonResponse(200, []);
      if (url === '/api/endpoints') return jsonResponse(200, [endpoint]);
      if (url === '/api/deliveries?endpoint_id=e1&limit=50') return jsonResponse(200, { items: [retrying, delivery('d1')], next_cursor: null });
      if (url === '/api/deliveries/d1') return jsonResponse(200, succeeded);
      if (init.method === 'POST') {
        posts.push(url);
        const summary = { endpoint_enabled: true, destinations: [{ url: 'https://crm.example.com/bounced', count: 1 }] };
        if (url === '/api/endpoints/e1/retry-failing?dry_run=true') return jsonResponse(202, { retried: 1, dry_run: true, ...summary });
        if (url === '/api/endpoints/e1/retry-failing?dry_run=false') return jsonResponse(202, { retried: 1, dry_run: false, ...summary });
      }
      return undefined;
    });
    const { user } = renderApp('/deliveries?endpoint_id=e1');

    const row = await screen.findByRole('row', { name: /Retrying/ });
    expect(within(row).getByText(/^attempt 1 of 8 · next try at .+ · last answer HTTP 500$/)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Retry failing deliveries now' }));
    const dialog = await screen.findByRole('dialog', { name: 'Retry failing deliveries now?' });
    expect(dialog).toHaveTextContent('This sends 1 delivery to https://crm.example.com/bounced, each as a new attempt.');
    expect(posts).toEqual(['/api/endpoints/e1/retry-failing?dry_run=true']);
    await user.click(within(dialog).getByRole('button', { name: 'Send 1 now' }));
    expect(await screen.findByText(/^Sending 1 delivery now/)).toBeInTheDocument();
    expect(posts).toEqual(['/api/endpoints/e1/retry-failing?dry_run=true', '/api/endpoints/e1/retry-failing?dry_run=false']);

    await user.click(screen.getByRole('button', { name: /^Open delivery of contact\.created to https:\/\/crm\.example\.com\/hooks/ }));
    await user.click(await screen.findByRole('button', { name: 'Retry' }));
    const ask = await screen.findByRole('dialog', { name: 'Send this delivery again?' });
    expect(ask).toHaveTextContent('This delivery already succeeded; send it again to https://crm.example.com/hooks?');
    await user.click(within(ask).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(posts).toHaveLength(2);
  });
});
