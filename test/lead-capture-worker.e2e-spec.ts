import { createHmac } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { Account, Hub, startHub } from './harness';
import { seedEndpoint } from './support/endpoint-fixture';
import { FakeGraphApi } from './support/fake-graph-api';
import { eventually, Receiver } from './support/receiver';
import { ShortLeadRetriesModule } from './support/short-lead-retries.module';

const APP_SECRET = 'meta-app-secret-for-tests';
const PAGE_ID = '104857600123456';
const GOOGLE_KEY = 'google-key-for-worker-tests';

const sign = (raw: string) => `sha256=${createHmac('sha256', APP_SECRET).update(raw).digest('hex')}`;
const notification = (leadgenIds: string[]) =>
  `{"object":"page","entry":[{"id":"${PAGE_ID}","time":1764752040,"changes":[${leadgenIds
    .map((id) => `{"field":"leadgen","value":{"leadgen_id":"${id}","page_id":"${PAGE_ID}","form_id":"987654321098765","ad_id":"2385","adgroup_id":"2386","created_time":1764752040}}`)
    .join(',')}]}]}`;

/**
 * Lead capture end to end: leads stored by the public routes are captured by
 * the worker (Meta's fetched from a local fake Graph API), become contacts,
 * enrol into the source's workflow, and reach a subscribed endpoint as
 * lead.captured, verified with the standardwebhooks library as a receiver would.
 */
describe('lead capture: from the provider to a contact, a run and lead.captured', () => {
  let hub: Hub;
  let graph: FakeGraphApi;
  let receiver: Receiver;
  let a: Account;
  let secret: string;
  let metaSourceId: string;
  let workflowId: string;

  const leadRow = async (leadId: string) =>
    (await hub.sql<{ status: string; last_error: string | null; contact_id: string | null; attempt_count: number }>('SELECT status, last_error, contact_id, attempt_count FROM leads WHERE lead_id = $1', [leadId]))[0];
  const settled = (leadId: string) => eventually(async () => (await leadRow(leadId))?.status !== 'pending', 15_000);
  const capturedEvents = () =>
    receiver.received.map((r) => new Webhook(secret).verify(r.body, r.headers) as { type: string; data: Record<string, unknown> }).filter((e) => e.type === 'lead.captured');

  beforeAll(async () => {
    graph = await new FakeGraphApi().start();
    receiver = await new Receiver().start();
    hub = await startHub({ env: { META_GRAPH_URL: graph.url }, modules: [ShortLeadRetriesModule] });
    a = await hub.signup();
    secret = (await seedEndpoint(hub, a.accountId, { url: receiver.url(), event_types: ['lead.captured'] })).secret;
    const workflow = await hub.request('POST', '/api/workflows', { token: a.token, body: { name: 'Welcome leads', steps: [{ type: 'wait', seconds: 3600 }] } });
    workflowId = workflow.body.id;
    const meta = await hub.request('POST', '/api/lead-sources', {
      token: a.token,
      body: { provider: 'meta', name: 'Page', page_id: PAGE_ID, verify_token: 'verify-token-1', app_secret: APP_SECRET, page_access_token: graph.token, workflow_id: workflowId, field_mapping: { email: 'email', full_name: 'full_name', phone_number: 'phone', city: 'home_city' } },
    });
    metaSourceId = meta.body.id;
    await hub.request('POST', '/api/lead-sources', { token: a.token, body: { provider: 'google', name: 'Forms', google_key: GOOGLE_KEY } });
  });
  afterAll(async () => {
    await hub.close();
    await graph.stop();
    await receiver.stop();
  });

  it('fetches a Meta lead, maps it into a contact (custom fields included), enrols it and delivers lead.captured', async () => {
    graph.leads.set('7001', {
      form_id: '987654321098765',
      campaign_id: '23851234567890123',
      field_data: [
        { name: 'full_name', values: ['María González López'] },
        { name: 'email', values: ['maria@example.com'] },
        { name: 'city', values: ['Madrid'] },
        { name: 'budget', values: ['5000'] },
      ],
    });
    expect((await hub.request('POST', '/api/webhook/meta-lead-ads', { raw: notification(['7001']), headers: { 'x-hub-signature-256': sign(notification(['7001'])) } })).status).toBe(200);
    await settled('7001');
    const lead = await leadRow('7001');
    expect(lead.status).toBe('captured');
    const [contact] = await hub.sql<{ id: string; first_name: string; last_name: string; email: string; custom_fields: Record<string, string> }>(
      'SELECT id, first_name, last_name, email, custom_fields FROM contacts WHERE account_id = $1',
      [a.accountId],
    );
    expect(contact).toEqual({ id: lead.contact_id, first_name: 'María', last_name: 'González López', email: 'maria@example.com', custom_fields: { home_city: 'Madrid', budget: '5000' } });
    // Enrolled, and the run went on its queue: the worker reached its wait step.
    await eventually(async () => (await hub.sql<{ status: string }>('SELECT status FROM workflow_runs WHERE contact_id = $1', [contact.id]))[0]?.status === 'waiting', 10_000);
    expect(await hub.sql('SELECT workflow_id FROM workflow_runs WHERE contact_id = $1', [contact.id])).toEqual([{ workflow_id: workflowId }]);
    await eventually(async () => capturedEvents().length === 1, 10_000);
    expect(capturedEvents()[0].data).toEqual({
      provider: 'meta',
      lead_source_id: metaSourceId,
      lead_id: '7001',
      form_id: '987654321098765',
      campaign_id: '23851234567890123',
      contact_id: contact.id,
      is_test: false,
      fields: { full_name: 'María González López', email: 'maria@example.com', city: 'Madrid', budget: '5000' },
    });
    const source = await hub.request('GET', `/api/lead-sources/${metaSourceId}`, { token: a.token });
    expect(source.body).toMatchObject({ last_lead_at: expect.any(String), last_error: null });
  });

  it('retries a Graph API that answers 5xx, and captures once it heals', async () => {
    graph.leads.set('7002', { field_data: [{ name: 'email', values: ['retry@example.com'] }] });
    graph.script.set('7002', [503, 500]);
    const raw = notification(['7002']);
    await hub.request('POST', '/api/webhook/meta-lead-ads', { raw, headers: { 'x-hub-signature-256': sign(raw) } });
    await settled('7002');
    expect(await leadRow('7002')).toMatchObject({ status: 'captured', attempt_count: 3 });
    expect(graph.requests.filter((r) => r.leadgenId === '7002')).toHaveLength(3);
  });

  it('fails a lead whose token expired or which was deleted at once, showing why on the source and in the inbound log', async () => {
    graph.script.set('7003', ['expired-token']);
    const raw = notification(['7003', '7004']);
    await hub.request('POST', '/api/webhook/meta-lead-ads', { raw, headers: { 'x-hub-signature-256': sign(raw) } });
    await settled('7003');
    await settled('7004');
    expect(await leadRow('7003')).toMatchObject({ status: 'failed', attempt_count: 1, last_error: 'Graph API 400: Error validating access token: Session has expired.' });
    expect((await leadRow('7004')).last_error).toContain('does not exist');
    const source = await hub.request('GET', `/api/lead-sources/${metaSourceId}`, { token: a.token });
    expect(source.body.last_error).toEqual(expect.stringMatching(/^Graph API 400/));
    const [log] = await hub.sql<{ outcome: string; error: string }>("SELECT outcome, error FROM inbound_logs WHERE source = 'meta' ORDER BY created_at DESC LIMIT 1");
    expect(log.outcome).toBe('error');
    expect(log.error).toMatch(/^Lead 700[34]: Graph API 400/);
  });

  it('captures a Google test lead with its answers, once however often Google sends it', async () => {
    const body = `{"lead_id":"g-77","form_id":9007199254740993123,"campaign_id":20000000002,"google_key":"${GOOGLE_KEY}","is_test":true,"user_column_data":[{"column_id":"FULL_NAME","string_value":"Ann Lee"},{"column_id":"EMAIL","string_value":"ann@example.com"},{"column_id":"PHONE_NUMBER","string_value":"+34612345678"}]}`;
    for (let i = 0; i < 3; i++) expect((await hub.request('POST', '/api/webhook/google-ads-lead', { raw: body })).status).toBe(200);
    await settled('g-77');
    const contacts = await hub.sql<{ first_name: string; phone: string }>("SELECT first_name, phone FROM contacts WHERE email = 'ann@example.com'");
    expect(contacts).toEqual([{ first_name: 'Ann', phone: '+34612345678' }]);
    await eventually(async () => capturedEvents().some((e) => e.data.lead_id === 'g-77'), 10_000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const events = capturedEvents().filter((e) => e.data.lead_id === 'g-77');
    expect(events).toHaveLength(1);
    expect(events[0].data).toMatchObject({ provider: 'google', is_test: true, form_id: '9007199254740993123', campaign_id: '20000000002' });
    const sourceId = (await hub.sql<{ id: string }>("SELECT id FROM lead_sources WHERE provider = 'google'"))[0].id;
    const listed = await hub.request('GET', `/api/lead-sources/${sourceId}/leads`, { token: a.token });
    expect(listed.body.find((lead: { lead_id: string }) => lead.lead_id === 'g-77')).toMatchObject({ status: 'captured', is_test: true, repeats: 2 });
  });

  it("sends a test lead through each source's public route and shows the contact it made; lists the source's leads", async () => {
    const sources = (await hub.request('GET', '/api/lead-sources', { token: a.token })).body as { id: string; provider: string }[];
    for (const source of sources) {
      const res = await hub.request('POST', `/api/lead-sources/${source.id}/test-lead`, { token: a.token });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ route_status: 200, lead: { status: 'captured', is_test: true, contact_id: expect.any(String), lead_id: expect.stringMatching(/^test-/) } });
      const contact = await hub.request('GET', `/api/contacts/${res.body.lead.contact_id}`, { token: a.token });
      expect(contact.body).toMatchObject({ first_name: 'Test', last_name: 'Lead', email: expect.stringMatching(/^test-lead-[0-9a-f]+@example\.com$/) });
      const leads = await hub.request('GET', `/api/lead-sources/${source.id}/leads`, { token: a.token });
      expect(leads.body[0]).toMatchObject({ id: res.body.lead.id, status: 'captured', is_test: true });
    }
    // Signed like Meta signs: the route logged it as verified.
    const [log] = await hub.sql<{ verification: string }>("SELECT verification FROM inbound_logs WHERE source = 'meta' ORDER BY created_at DESC LIMIT 1");
    expect(log.verification).toBe('passed');
    // Another account cannot test, list or retry this source.
    const other = await hub.signup();
    for (const path of ['leads', 'test-lead', 'retry-failed']) {
      const res = await hub.request(path === 'leads' ? 'GET' : 'POST', `/api/lead-sources/${sources[0].id}/${path}`, { token: other.token });
      expect(res.status).toBe(404);
    }
  });

  it('captures failed leads again once the source is fixed', async () => {
    graph.leads.set('7003', { field_data: [{ name: 'email', values: ['fixed@example.com'] }] });
    const res = await hub.request('POST', `/api/lead-sources/${metaSourceId}/retry-failed`, { token: a.token });
    expect(res.status).toBe(200);
    expect(res.body.retried).toBeGreaterThanOrEqual(2);
    await settled('7003');
    expect(await leadRow('7003')).toMatchObject({ status: 'captured' });
  });

  it('fails a lead with neither email nor phone, naming the field mapping', async () => {
    graph.leads.set('7005', { field_data: [{ name: 'full_name', values: ['No Contact'] }] });
    const raw = notification(['7005']);
    await hub.request('POST', '/api/webhook/meta-lead-ads', { raw, headers: { 'x-hub-signature-256': sign(raw) } });
    await settled('7005');
    expect(await leadRow('7005')).toMatchObject({ status: 'failed', last_error: expect.stringContaining('neither an email nor a phone') });
  });
});
