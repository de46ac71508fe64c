import { DataSource } from 'typeorm';
import { EventPublisher } from '../libs/events/src';
import { Hub, startHub } from './harness';
import { seedEndpoint } from './support/endpoint-fixture';

/**
 * The fan-out rule lives in SQL (the event and its deliveries are one
 * statement), so it is proven against PostgreSQL: publish through the real
 * EventPublisher and read which (endpoint, url) rows were stored.
 */
describe('fan-out (event → delivery rows, one statement)', () => {
  let hub: Hub;
  let accountId: string;
  let otherAccountId: string;
  let publisher: EventPublisher;
  let dataSource: DataSource;

  beforeAll(async () => {
    hub = await startHub({ roles: { api: true, worker: false } });
    accountId = (await hub.signup()).accountId;
    otherAccountId = (await hub.signup()).accountId;
    publisher = hub.app.get(EventPublisher);
    dataSource = hub.app.get(DataSource);
  });
  afterAll(() => hub.close());

  const channel = async (name: string) =>
    (await hub.sql<{ id: string }>(`INSERT INTO channels (account_id, type, name) VALUES ($1, 'email', $2) RETURNING id`, [accountId, name]))[0].id;

  async function publish(type: string, data: Record<string, unknown> = {}, channelId: string | null = null) {
    const event = await publisher.publish(dataSource.manager, { accountId, type, data, channel: channelId ? 'email' : null, channelId });
    const rows = await hub.sql<{ endpoint_id: string; url: string }>('SELECT endpoint_id, url FROM deliveries WHERE event_id = $1 ORDER BY url', [event.id]);
    const [stored] = await hub.sql<{ dispatched_at: Date | null }>('SELECT dispatched_at FROM events WHERE id = $1', [event.id]);
    return { event, rows, stored };
  }

  it('sends to the common URL of endpoints subscribed to every type or to this one, never another account’s', async () => {
    const all = await seedEndpoint(hub, accountId, { url: 'https://all.example.com/hook' });
    const listed = await seedEndpoint(hub, accountId, { url: 'https://listed.example.com/hook', event_types: ['custom.fan-a'] });
    await seedEndpoint(hub, accountId, { url: 'https://other.example.com/hook', event_types: ['message.sent'] });
    await seedEndpoint(hub, otherAccountId, { url: 'https://foreign.example.com/hook' });
    await hub.sql(`INSERT INTO endpoints (account_id, url, secret_encrypted, enabled) SELECT account_id, 'https://off.example.com/hook', secret_encrypted, false FROM endpoints WHERE id = $1`, [all.id]);

    const { rows, stored } = await publish('custom.fan-a');
    expect(rows).toEqual([
      { endpoint_id: all.id, url: 'https://all.example.com/hook' },
      { endpoint_id: listed.id, url: 'https://listed.example.com/hook' },
    ]);
    expect(stored.dispatched_at).not.toBeNull();
    await hub.sql('DELETE FROM endpoints WHERE account_id = $1', [accountId]);
  });

  it('prefers the per-event URL, even for a type missing from event_types; no common URL means only the listed types', async () => {
    const a = await seedEndpoint(hub, accountId, { url: 'https://a.example.com/all', event_types: ['contact.created'], event_urls: { 'custom.bounce': 'https://a.example.com/bounces' } });
    await seedEndpoint(hub, accountId, { url: null, event_urls: { 'contact.created': 'https://b.example.com/c' } });
    expect((await publish('custom.bounce')).rows).toEqual([{ endpoint_id: a.id, url: 'https://a.example.com/bounces' }]);
    expect((await publish('custom.unlisted')).rows).toEqual([]);
    await hub.sql('DELETE FROM endpoints WHERE account_id = $1', [accountId]);
  });

  it('adds a channel’s endpoints to the general ones for that channel’s events only', async () => {
    const email = await channel('Newsletter');
    const otherChannel = await channel('Receipts');
    const general = await seedEndpoint(hub, accountId, { url: 'https://general.example.com/h' });
    const scoped = await seedEndpoint(hub, accountId, { url: 'https://scoped.example.com/h', channel_id: email });
    await seedEndpoint(hub, accountId, { url: 'https://elsewhere.example.com/h', channel_id: otherChannel });
    expect((await publish('custom.scoped', {}, email)).rows.map((r) => r.endpoint_id)).toEqual([general.id, scoped.id]);
    expect((await publish('custom.scoped')).rows.map((r) => r.endpoint_id)).toEqual([general.id]);
    await hub.sql('DELETE FROM endpoints WHERE account_id = $1', [accountId]);
  });

  it('does not send an alert about an endpoint to that endpoint, nor fan out test events', async () => {
    const sick = await seedEndpoint(hub, accountId, { url: 'https://sick.example.com/h' });
    const ops = await seedEndpoint(hub, accountId, { url: 'https://ops.example.com/h' });
    for (const type of ['endpoint.disabled', 'delivery.exhausted']) {
      expect((await publish(type, { endpoint_id: sick.id })).rows.map((r) => r.endpoint_id)).toEqual([ops.id]);
    }
    expect((await publish('webhook.test')).rows).toEqual([]);
    await hub.sql('DELETE FROM endpoints WHERE account_id = $1', [accountId]);
  });

  it('stores an event with no subscriber as dispatched, with no deliveries', async () => {
    const { rows, stored } = await publish('custom.nobody');
    expect(rows).toEqual([]);
    expect(stored.dispatched_at).not.toBeNull();
  });
});
