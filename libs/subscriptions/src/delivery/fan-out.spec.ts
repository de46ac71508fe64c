import { fanOut, FanOutEndpoint } from './fan-out';

const endpoint = (id: string, over: Partial<FanOutEndpoint> = {}): FanOutEndpoint => ({
  id,
  url: `https://${id}.example.com/all`,
  event_types: [],
  event_urls: {},
  ...over,
});

describe('fanOut', () => {
  const created = { type: 'contact.created', data: {} };

  it('sends to the common URL of endpoints subscribed to all or to this type', () => {
    const targets = fanOut(created, [
      endpoint('all'),
      endpoint('listed', { event_types: ['contact.created'] }),
      endpoint('other', { event_types: ['message.sent'] }),
    ]);
    expect(targets).toEqual([
      { endpointId: 'all', url: 'https://all.example.com/all' },
      { endpointId: 'listed', url: 'https://listed.example.com/all' },
    ]);
  });

  it('prefers the per-event URL, even for a type missing from event_types', () => {
    const targets = fanOut({ type: 'message.bounced', data: {} }, [
      endpoint('a', { event_types: ['contact.created'], event_urls: { 'message.bounced': 'https://a.example.com/bounces' } }),
      endpoint('b', { url: null, event_urls: { 'contact.created': 'https://b.example.com/c' } }),
    ]);
    expect(targets).toEqual([{ endpointId: 'a', url: 'https://a.example.com/bounces' }]);
  });

  it('does not send an alert about an endpoint to that endpoint, nor fan out test events', () => {
    const alert = { type: 'endpoint.disabled', data: { endpoint_id: 'sick' } };
    expect(fanOut(alert, [endpoint('sick'), endpoint('ops')]).map((t) => t.endpointId)).toEqual(['ops']);
    expect(fanOut({ type: 'webhook.test', data: {} }, [endpoint('a')])).toEqual([]);
  });
});
