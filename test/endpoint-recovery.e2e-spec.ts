import { Account, Hub, startHub } from './harness';
import { seedEndpoint } from './support/endpoint-fixture';
import { eventually, Receiver } from './support/receiver';

interface Item {
  id: string;
  status: string;
  attempt_count: number;
  max_attempts: number;
  next_attempt_at: string | null;
  last_status_code: number | null;
}

/** A failing endpoint, recovered the way the admin app does it: find the retrying deliveries, count, then send them now. */
describe('retry an endpoint’s failing deliveries now (issue 20, item 2)', () => {
  let hub: Hub;
  let a: Account;
  let b: Account;
  let receiver: Receiver;
  let receiverUp = false;
  let endpointId: string;
  const publish = (type: string) => hub.request('POST', '/api/events', { token: a.token, body: { type, data: { n: 1 } } });
  const list = async (query: string, token = a.token): Promise<Item[]> => (await hub.request('GET', `/api/deliveries${query}`, { token })).body.items;
  const retryFailing = (query = '', token = a.token, id = endpointId) => hub.request('POST', `/api/endpoints/${id}/retry-failing${query}`, { token });

  beforeAll(async () => {
    // The second attempt waits ten minutes: a failed first attempt stays "retrying" for the whole test.
    hub = await startHub({ env: { WEBHOOK_RETRY_SCHEDULE: '0,600,600' } });
    [a, b] = [await hub.signup(), await hub.signup()];
    receiver = await new Receiver().start();
    receiver.respond = () => (receiverUp ? { status: 200, body: 'ok' } : { status: 500, body: 'bounced handler crashed' });
    endpointId = (await seedEndpoint(hub, a.accountId, { url: receiver.url('/bounced'), event_types: ['custom.order_paid'] })).id;
  });
  afterAll(async () => {
    await receiver.stop();
    await hub.close();
  });

  it('shows HTTP 500 deliveries as retrying, counts them and their failed peers, and sends them all now once asked', async () => {
    for (let i = 0; i < 3; i++) expect((await publish('custom.order_paid')).status).toBe(202);
    await receiver.waitFor(3);
    const retrying = await eventually(async () => {
      const items = await list(`?status=retrying&endpoint_id=${endpointId}`);
      // attempt_count counts from the claim; the answer is stored once the attempt is recorded.
      return items.length === 3 && items.every((d) => d.last_status_code !== null) ? items : null;
    });
    for (const d of retrying) {
      expect(d).toMatchObject({ status: 'pending', attempt_count: 1, max_attempts: 3, last_status_code: 500 });
      expect(new Date(d.next_attempt_at!).getTime()).toBeGreaterThan(Date.now() + 500_000);
    }
    expect(await list(`?status=failed&endpoint_id=${endpointId}`)).toEqual([]);
    // One delivery already gave up: it is retried with the others.
    await hub.sql(`UPDATE deliveries SET status = 'failed', completed_at = now() WHERE id = $1`, [retrying[0].id]);

    const counted = await retryFailing('?dry_run=true');
    expect(counted.status).toBe(202);
    expect(counted.body).toEqual({ retried: 3, dry_run: true, endpoint_enabled: true, destinations: [{ url: receiver.url('/bounced'), count: 3 }] });
    expect(receiver.received).toHaveLength(3);
    expect((await list(`?status=retrying&endpoint_id=${endpointId}`)).length).toBe(2);

    receiverUp = true;
    const sent = await retryFailing();
    expect(sent.status).toBe(202);
    expect(sent.body).toMatchObject({ retried: 3, dry_run: false });
    await receiver.waitFor(6);
    const after = await eventually(async () => {
      const items = await list(`?endpoint_id=${endpointId}`);
      return items.every((d) => d.status === 'succeeded') ? items : null;
    });
    expect(after.map((d) => d.attempt_count)).toEqual([2, 2, 2]);
    expect((await retryFailing('?dry_run=true')).body).toMatchObject({ retried: 0, destinations: [] });
  });

  it('refuses on a disabled endpoint (it would fail them again unsent), another account’s endpoint and a bad dry_run', async () => {
    const off = (await seedEndpoint(hub, a.accountId, { url: receiver.url('/off'), event_types: ['custom.off'] })).id;
    await hub.sql(`UPDATE endpoints SET enabled = false WHERE id = $1`, [off]);
    expect((await retryFailing('?dry_run=true', a.token, off)).body).toMatchObject({ retried: 0, endpoint_enabled: false });
    const refused = await retryFailing('', a.token, off);
    expect(refused.status).toBe(409);
    expect(refused.body.message).toMatch(/disabled/);
    expect((await retryFailing('?dry_run=true', b.token)).status).toBe(404);
    expect((await retryFailing('', a.token, 'not-a-uuid')).status).toBe(404);
    const bad = await retryFailing('?dry_run=yes');
    expect(bad.status).toBe(400);
    expect(bad.body.details).toEqual([expect.objectContaining({ field: 'dry_run' })]);
  });
});
