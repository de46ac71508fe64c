import { changedUrls, destinationProblems, eventTypeProblems, eventUrlProblems, headerProblems, normaliseHeaders } from './endpoint-rules';

const fields = (problems: { field?: string }[]) => problems.map((p) => p.field);

describe('headerProblems', () => {
  it('accepts ordinary custom headers', () => {
    expect(headerProblems({ 'X-Env': 'prod', 'x-tenant_id': '42', 'X-Trace.Id': 'a b\tc' })).toEqual([]);
  });

  it.each(['Content-Type', 'content-length', 'Host', 'User-Agent', 'AUTHORIZATION', 'X-Webhook-Signature', 'webhook-id', 'Webhook-Signature', 'webhook-anything'])(
    'refuses the reserved header %s, naming it',
    (name) => {
      expect(fields(headerProblems({ [name]: 'x' }))).toEqual([`headers.${name}`]);
    },
  );

  it.each(['X Env', 'X-Env:', 'Bad\nName', '', 'é-header', '(x)'])('refuses the invalid header name %j', (name) => {
    expect(fields(headerProblems({ [name]: 'x' }))).toEqual([`headers.${name}`]);
  });

  it('refuses values with line breaks, non-strings and over-long values', () => {
    expect(fields(headerProblems({ 'X-A': 'a\r\nX-Injected: 1', 'X-B': 5, 'X-C': 'x'.repeat(2001) }))).toEqual(['headers.X-A', 'headers.X-B', 'headers.X-C']);
  });

  it('refuses the same name twice in different case', () => {
    expect(fields(headerProblems({ 'X-Env': 'a', 'x-env': 'b' }))).toEqual(['headers.x-env']);
  });

  it('allows 20 headers and refuses 21', () => {
    const make = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`x-h${i}`, 'v']));
    expect(headerProblems(make(20))).toEqual([]);
    expect(fields(headerProblems(make(21)))).toEqual(['headers']);
  });

  it('stores names lower-cased', () => {
    expect(normaliseHeaders({ 'X-Env': 'Prod' })).toEqual({ 'x-env': 'Prod' });
  });
});

describe('event types and URLs', () => {
  it('names the index of an unknown event type; accepts catalog and custom types', () => {
    expect(fields(eventTypeProblems(['contact.created', 'custom.order_paid', 'contact.exploded', 'Custom.X']))).toEqual(['event_types[2]', 'event_types[3]']);
  });

  it('names event_urls entries with an unknown type or a bad URL', () => {
    const problems = eventUrlProblems({
      'message.bounced': 'https://example.com/b',
      'nope.nothing': 'https://example.com/n',
      'message.opened': 'ftp://example.com/o',
      'message.clicked': 'https://user:pw@example.com/',
      'message.sent': 42,
    });
    expect(fields(problems)).toEqual(['event_urls.nope.nothing', 'event_urls.message.opened', 'event_urls.message.clicked', 'event_urls.message.sent']);
  });
});

describe('destinationProblems', () => {
  it('needs a common URL when no event has its own', () => {
    expect(fields(destinationProblems({ url: null, event_types: [], event_urls: {} }))).toEqual(['url']);
  });

  it('allows no common URL when every subscribed type has its own', () => {
    expect(destinationProblems({ url: null, event_types: ['message.bounced'], event_urls: { 'message.bounced': 'https://e.com/b' } })).toEqual([]);
    expect(destinationProblems({ url: null, event_types: [], event_urls: { 'message.bounced': 'https://e.com/b' } })).toEqual([]);
  });

  it('names a subscribed type that would have nowhere to go', () => {
    const problems = destinationProblems({ url: null, event_types: ['message.bounced', 'contact.created'], event_urls: { 'message.bounced': 'https://e.com/b' } });
    expect(fields(problems)).toEqual(['event_types[1]']);
  });
});

describe('changedUrls (what a save verifies)', () => {
  const before = { url: 'https://e.com/all', event_urls: { 'message.bounced': 'https://e.com/b' } };

  it('on create, every URL once', () => {
    expect(changedUrls(null, { url: 'https://e.com/a', event_urls: { 'message.bounced': 'https://e.com/a', 'message.opened': 'https://e.com/o' } })).toEqual([
      { field: 'url', url: 'https://e.com/a' },
      { field: 'event_urls.message.opened', url: 'https://e.com/o' },
    ]);
  });

  it('nothing when the URLs did not change', () => {
    expect(changedUrls(before, { ...before })).toEqual([]);
  });

  it('only the changed common URL', () => {
    expect(changedUrls(before, { ...before, url: 'https://e.com/new' })).toEqual([{ field: 'url', url: 'https://e.com/new' }]);
  });

  it('only the new event URL, not the kept ones', () => {
    const after = { url: before.url, event_urls: { ...before.event_urls, 'message.opened': 'https://e.com/o' } };
    expect(changedUrls(before, after)).toEqual([{ field: 'event_urls.message.opened', url: 'https://e.com/o' }]);
  });

  it('not a URL that moved from one field to another', () => {
    expect(changedUrls(before, { url: 'https://e.com/b', event_urls: {} })).toEqual([]);
  });

  it('nothing when a URL is removed', () => {
    expect(changedUrls(before, { url: before.url, event_urls: {} })).toEqual([]);
  });
});
