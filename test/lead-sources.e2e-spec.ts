import { Account, Hub, startHub } from './harness';

// Distinct, greppable plaintexts: if any shows up in a response or a row, a secret leaked.
const VERIFY_TOKEN = 'verify-PLAINTEXT-3c9e1f';
const APP_SECRET = 'app-secret-PLAINTEXT-a71d';
const PAGE_TOKEN = 'page-token-PLAINTEXT-0b5e9d77c2';
const GOOGLE_KEY = 'google-key-PLAINTEXT-6f2a';
const ALL_SECRETS = [VERIFY_TOKEN, APP_SECRET, PAGE_TOKEN, GOOGLE_KEY];

const META = { provider: 'meta', name: 'Facebook page', page_id: '104857600123456', verify_token: VERIFY_TOKEN, app_secret: APP_SECRET, page_access_token: PAGE_TOKEN };
const GOOGLE = { provider: 'google', name: 'Google Ads forms', google_key: GOOGLE_KEY };

function fieldsOf(body: { details?: { field?: string }[] }): (string | undefined)[] {
  return (body.details ?? []).map((detail) => detail.field);
}

describe('lead sources (SPEC §4 Lead capture: /api/lead-sources)', () => {
  let hub: Hub;
  let a: Account;
  let b: Account;

  beforeAll(async () => {
    hub = await startHub();
    a = await hub.signup();
    b = await hub.signup();
  });
  afterAll(async () => {
    await hub.close();
  });

  const create = (account: Account, body: unknown) => hub.request('POST', '/api/lead-sources', { token: account.token, body });
  const rowText = async (id: string): Promise<string> =>
    (await hub.sql<{ json: string }>('SELECT row_to_json(s)::text AS json FROM lead_sources s WHERE id = $1', [id]))[0].json;

  it('creates a Meta source: secrets write-only (flags only) and not stored in plain text, the default mapping and the URL to paste into Meta', async () => {
    const res = await create(a, META);
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      provider: 'meta',
      name: 'Facebook page',
      page_id: '104857600123456',
      has_verify_token: true,
      has_app_secret: true,
      has_page_access_token: true,
      has_google_key: false,
      field_mapping: { email: 'email', phone_number: 'phone', full_name: 'full_name', first_name: 'first_name', last_name: 'last_name' },
      default_field_mapping: true,
      workflow_id: null,
      webhook_url: `${hub.config.publicUrl}/api/webhook/meta-lead-ads`,
      last_lead_at: null,
      last_error: null,
      last_error_at: null,
      created_at: expect.any(String),
      updated_at: expect.any(String),
    });
    for (const secret of ALL_SECRETS) expect(res.text).not.toContain(secret);
    const row = await rowText(res.body.id);
    for (const secret of ALL_SECRETS) expect(row).not.toContain(secret);
    const listed = await hub.request('GET', '/api/lead-sources', { token: a.token });
    expect(listed.body.map((s: { id: string }) => s.id)).toEqual([res.body.id]);
    for (const secret of ALL_SECRETS) expect(listed.text).not.toContain(secret);
  });

  it('creates a Google source with a mapping of its own and a workflow of the account', async () => {
    const workflow = await hub.request('POST', '/api/workflows', { token: a.token, body: { name: 'Lead nurture', steps: [{ type: 'wait', seconds: 60 }] } });
    const res = await create(a, { ...GOOGLE, field_mapping: { EMAIL: 'email', 'what_is_your_budget?': 'budget' }, workflow_id: workflow.body.id });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      provider: 'google',
      page_id: null,
      has_google_key: true,
      has_app_secret: false,
      field_mapping: { EMAIL: 'email', 'what_is_your_budget?': 'budget' },
      default_field_mapping: false,
      workflow_id: workflow.body.id,
      webhook_url: `${hub.config.publicUrl}/api/webhook/google-ads-lead`,
    });
    expect(res.text).not.toContain(GOOGLE_KEY);
  });

  it("refuses what a provider needs missing, the other provider's fields, bad mappings and other accounts' workflows with 400 naming each field", async () => {
    const missing = await create(a, { provider: 'meta', name: 'Half set up', page_id: '1' });
    expect(missing.status).toBe(400);
    expect(fieldsOf(missing.body)).toEqual(['verify_token', 'app_secret', 'page_access_token']);
    const mixed = await create(a, { ...GOOGLE, google_key: 'another-key-123', page_id: '42' });
    expect(mixed.status).toBe(400);
    expect(mixed.body.details).toEqual([{ field: 'page_id', message: 'page_id is not used by google lead sources' }]);
    const badMapping = await create(a, { ...GOOGLE, google_key: 'another-key-123', field_mapping: { EMAIL: 7 } });
    expect(badMapping.status).toBe(400);
    expect(fieldsOf(badMapping.body)).toEqual(['field_mapping']);
    expect(badMapping.body.message).toContain('field_mapping.EMAIL must be a field name');
    const badProvider = await create(a, { provider: 'linkedin', name: 'x' });
    expect(badProvider.status).toBe(400);
    expect(fieldsOf(badProvider.body)).toContain('provider');
    const otherWorkflow = await hub.request('POST', '/api/workflows', { token: b.token, body: { name: 'Theirs', steps: [] } });
    const foreign = await create(a, { ...GOOGLE, google_key: 'another-key-123', workflow_id: otherWorkflow.body.id });
    expect(foreign.status).toBe(400);
    expect(fieldsOf(foreign.body)).toEqual(['workflow_id']);
    const pageId = await create(a, { ...META, page_id: '12ab' });
    expect(pageId.status).toBe(400);
    expect(fieldsOf(pageId.body)).toEqual(['page_id']);
    expect(await hub.sql('SELECT id FROM lead_sources WHERE account_id = $1', [a.accountId])).toHaveLength(2);
  });

  it('gives one Google key to one source only (409 naming google_key), whatever the account', async () => {
    const taken = await create(b, { ...GOOGLE, name: 'Copycat' });
    expect(taken.status).toBe(409);
    expect(fieldsOf(taken.body)).toEqual(['google_key']);
  });

  it('updates: a secret sent replaces the stored one, omitted fields stay, null mapping restores the defaults, provider cannot change', async () => {
    const source = (await create(a, { ...META, name: 'To edit', field_mapping: { email: 'email' } })).body;
    const before = await hub.sql<{ secrets: { app_secret: string }; verify_token_hash: string }>('SELECT secrets, verify_token_hash FROM lead_sources WHERE id = $1', [source.id]);
    const patched = await hub.request('PATCH', `/api/lead-sources/${source.id}`, { token: a.token, body: { name: 'Edited', app_secret: 'new-app-secret-99', field_mapping: null } });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ name: 'Edited', page_id: META.page_id, has_app_secret: true, has_verify_token: true, default_field_mapping: true });
    const after = await hub.sql<{ secrets: { app_secret: string; page_access_token: string }; verify_token_hash: string }>('SELECT secrets, verify_token_hash FROM lead_sources WHERE id = $1', [source.id]);
    expect(after[0].secrets.app_secret).not.toBe(before[0].secrets.app_secret);
    expect(after[0].secrets.page_access_token).toEqual(expect.any(String));
    expect(after[0].verify_token_hash).toBe(before[0].verify_token_hash);
    const provider = await hub.request('PATCH', `/api/lead-sources/${source.id}`, { token: a.token, body: { provider: 'google' } });
    expect(provider.status).toBe(400);
    expect(fieldsOf(provider.body)).toEqual(['provider']);
    const foreignField = await hub.request('PATCH', `/api/lead-sources/${source.id}`, { token: a.token, body: { google_key: 'g-key-000000' } });
    expect(foreignField.status).toBe(400);
    expect(fieldsOf(foreignField.body)).toEqual(['google_key']);
    const nulled = await hub.request('PATCH', `/api/lead-sources/${source.id}`, { token: a.token, body: { app_secret: null } });
    expect(nulled.status).toBe(400);
    expect(new Set(fieldsOf(nulled.body))).toEqual(new Set(['app_secret']));
  });

  it("keeps accounts apart: another account's source is 404 to read, change and delete; delete works for its owner", async () => {
    const source = (await create(a, { ...GOOGLE, name: 'Private', google_key: 'private-key-000' })).body;
    for (const [method, body] of [['GET'], ['PATCH', { name: 'Hijacked' }], ['DELETE']] as const) {
      const res = await hub.request(method, `/api/lead-sources/${source.id}`, { token: b.token, body });
      expect(res.status).toBe(404);
    }
    expect((await hub.request('GET', '/api/lead-sources', { token: b.token })).body).toEqual([]);
    expect((await hub.request('DELETE', `/api/lead-sources/${source.id}`, { token: a.token })).status).toBe(204);
    expect((await hub.request('GET', `/api/lead-sources/${source.id}`, { token: a.token })).status).toBe(404);
  });
});
