import { createHmac } from 'node:crypto';
import { Account, Hub, startHub } from './harness';

const APP_SECRET = 'meta-app-secret-for-tests';
const VERIFY_TOKEN = 'verify-token-for-tests';
const PAGE_ID = '104857600123456';
const GOOGLE_KEY = 'google-key-for-tests';

const sign = (raw: string) => `sha256=${createHmac('sha256', APP_SECRET).update(raw).digest('hex')}`;

/** A Page notification as Meta writes it: non-ASCII escaped as \uXXXX, ids as strings. */
function notification(leadgenIds: string[], pageId = PAGE_ID): string {
  const changes = leadgenIds.map((id) => `{"field":"leadgen","value":{"leadgen_id":"${id}","page_id":"${pageId}","form_id":"987654321098765","ad_id":"2385","adgroup_id":"2386","created_time":1764752040,"note":"Mar\\u00eda"}}`);
  return `{"object":"page","entry":[{"id":"${pageId}","time":1764752040,"changes":[${changes.join(',')}]}]}`;
}

/** Google's body as Google sends it: int64 ids as JSON numbers (past 2^53 here). */
function googleBody(leadId: string, extra = ''): string {
  return `{"lead_id":"${leadId}","api_version":"1.0","form_id":9007199254740993123,"campaign_id":20000000002,"adgroup_id":30000000003,"creative_id":50000000004,"gcl_id":"gcl-1","google_key":"${GOOGLE_KEY}","is_test":true${extra},"user_column_data":[{"column_id":"FULL_NAME","column_name":"Full Name","string_value":"Ann Lee"},{"column_id":"EMAIL","string_value":"ann@example.com"},{"column_id":"what_is_your_budget?","string_value":"5000"}]}`;
}

describe('lead capture routes (SPEC §4 Lead capture): verified, stored, answered', () => {
  let hub: Hub;
  let a: Account;
  let metaSourceId: string;
  let googleSourceId: string;

  const leadsOf = (sourceId: string) =>
    hub.sql<{ lead_id: string; status: string; form_id: string; campaign_id: string | null; is_test: boolean; fields: Record<string, string> | null; account_id: string }>(
      'SELECT lead_id, status, form_id, campaign_id, is_test, fields, account_id FROM leads WHERE lead_source_id = $1 ORDER BY created_at, lead_id',
      [sourceId],
    );
  const lastLog = async () => (await hub.sql("SELECT * FROM inbound_logs WHERE source IN ('meta', 'google') ORDER BY created_at DESC LIMIT 1"))[0];
  const postMeta = (raw: string, signature = sign(raw)) => hub.request('POST', '/api/webhook/meta-lead-ads', { raw, headers: { 'x-hub-signature-256': signature } });
  const postGoogle = (raw: string) => hub.request('POST', '/api/webhook/google-ads-lead', { raw });

  beforeAll(async () => {
    hub = await startHub({ roles: { api: true, worker: false } });
    a = await hub.signup();
    const meta = await hub.request('POST', '/api/lead-sources', {
      token: a.token,
      body: { provider: 'meta', name: 'Page', page_id: PAGE_ID, verify_token: VERIFY_TOKEN, app_secret: APP_SECRET, page_access_token: 'page-access-token-for-tests' },
    });
    metaSourceId = meta.body.id;
    googleSourceId = (await hub.request('POST', '/api/lead-sources', { token: a.token, body: { provider: 'google', name: 'Forms', google_key: GOOGLE_KEY } })).body.id;
  });
  afterAll(async () => {
    await hub.close();
  });

  describe('Meta', () => {
    it('answers the subscription handshake with the challenge exactly, as text/plain, for a known verify token only', async () => {
      const ok = await hub.request('GET', `/api/webhook/meta-lead-ads?hub.mode=subscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=1158201444`);
      expect(ok.status).toBe(200);
      expect(ok.headers.get('content-type')).toMatch(/^text\/plain/);
      expect(ok.text).toBe('1158201444');
      const wrong = await hub.request('GET', '/api/webhook/meta-lead-ads?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1');
      expect(wrong.status).toBe(403);
      expect(wrong.body).toMatchObject({ statusCode: 403, message: expect.stringContaining('hub.verify_token') });
      const mode = await hub.request('GET', `/api/webhook/meta-lead-ads?hub.mode=unsubscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=1`);
      expect(mode.status).toBe(403);
      expect(await lastLog()).toMatchObject({ source: 'meta', status_code: 403, verification: 'failed' });
      // The verify token is a secret: the log keeps the request without it.
      const logged = await hub.sql<{ url: string }>("SELECT url FROM inbound_logs WHERE source = 'meta'");
      expect(logged).toHaveLength(3);
      for (const { url } of logged) expect(url).not.toContain(VERIFY_TOKEN);
    });

    it('stores every leadgen change of a signed notification (raw bytes, escapes included) before answering 200', async () => {
      const res = await postMeta(notification(['1001', '1002']));
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ received: 2 });
      expect(await leadsOf(metaSourceId)).toEqual([
        { lead_id: '1001', status: 'pending', form_id: '987654321098765', campaign_id: null, is_test: false, fields: null, account_id: a.accountId },
        { lead_id: '1002', status: 'pending', form_id: '987654321098765', campaign_id: null, is_test: false, fields: null, account_id: a.accountId },
      ]);
      expect(await lastLog()).toMatchObject({ source: 'meta', status_code: 200, outcome: 'accepted', verification: 'passed', account_id: a.accountId, raw_body: notification(['1001', '1002']) });
    });

    it('stores a repeated leadgen_id once and logs the repeat as a duplicate', async () => {
      const res = await postMeta(notification(['1001']));
      expect(res.status).toBe(200);
      expect(await leadsOf(metaSourceId)).toHaveLength(2);
      expect(await lastLog()).toMatchObject({ outcome: 'duplicate' });
      expect(await hub.sql("SELECT lead_id, repeats FROM leads WHERE lead_source_id = $1 ORDER BY lead_id", [metaSourceId])).toEqual([
        { lead_id: '1001', repeats: 1 },
        { lead_id: '1002', repeats: 0 },
      ]);
    });

    it('takes a batch of 1,000 changes, each once', async () => {
      const ids = Array.from({ length: 1000 }, (_, i) => String(50_000 + i));
      const res = await postMeta(notification([...ids, ids[0]]));
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ received: 1000 });
      expect(await leadsOf(metaSourceId)).toHaveLength(1002);
    });

    it('refuses a wrong signature, a re-serialised body and an unknown page with 401, storing no lead', async () => {
      const raw = notification(['2001']);
      expect((await postMeta(raw, sign(raw).replace(/.$/, (c) => (c === '0' ? '1' : '0')))).status).toBe(401);
      expect((await postMeta(JSON.stringify(JSON.parse(raw)), sign(raw))).status).toBe(401);
      expect((await postMeta(raw, '')).status).toBe(401);
      const unknownPage = await postMeta(notification(['2002'], '999'));
      expect(unknownPage.status).toBe(401);
      expect(unknownPage.body.message).toBe('No Meta lead source has the page this notification names');
      expect(await hub.sql("SELECT id FROM leads WHERE lead_id IN ('2001', '2002')")).toEqual([]);
      expect(await lastLog()).toMatchObject({ status_code: 401, outcome: 'rejected', verification: 'failed' });
    });

    it('answers 422 naming the field for a notification that is not one, and 400 for malformed JSON', async () => {
      const missing = await postMeta('{"object":"page","entry":[{"id":"1","changes":[{"field":"leadgen","value":{"page_id":"1"}}]}]}');
      expect(missing.status).toBe(422);
      expect(missing.body.details).toEqual([{ field: 'entry[0].changes[0].value.leadgen_id', message: 'entry[0].changes[0].value.leadgen_id is required' }]);
      expect((await postMeta('{"object":')).status).toBe(400);
    });
  });

  describe('Google', () => {
    it("stores a lead with its answers and int64 ids exactly, marks Google's test data as test, and answers {}", async () => {
      const res = await postGoogle(googleBody('g-1'));
      expect(res.status).toBe(200);
      expect(res.body).toEqual({});
      expect(await leadsOf(googleSourceId)).toEqual([
        {
          lead_id: 'g-1',
          status: 'pending',
          form_id: '9007199254740993123',
          campaign_id: '20000000002',
          is_test: true,
          fields: { FULL_NAME: 'Ann Lee', EMAIL: 'ann@example.com', 'what_is_your_budget?': '5000' },
          account_id: a.accountId,
        },
      ]);
      expect(await lastLog()).toMatchObject({ source: 'google', status_code: 200, verification: 'passed', account_id: a.accountId });
    });

    it('answers a repeated lead_id 200 without storing it again', async () => {
      expect((await postGoogle(googleBody('g-1'))).status).toBe(200);
      expect(await leadsOf(googleSourceId)).toHaveLength(1);
      expect(await lastLog()).toMatchObject({ outcome: 'duplicate' });
    });

    it('accepts the key spelled Google_key', async () => {
      const res = await postGoogle(googleBody('g-2').replace('"google_key"', '"Google_key"'));
      expect(res.status).toBe(200);
      expect(await leadsOf(googleSourceId)).toHaveLength(2);
    });

    it('refuses a wrong or missing key with 401 and a lead without lead_id with 422, storing nothing', async () => {
      expect((await postGoogle(googleBody('g-3').replace(GOOGLE_KEY, 'guessed-key'))).status).toBe(401);
      expect((await postGoogle(googleBody('g-4').replace(`"google_key":"${GOOGLE_KEY}",`, ''))).status).toBe(401);
      const noLead = await postGoogle(googleBody('g-5').replace('"lead_id":"g-5",', ''));
      expect(noLead.status).toBe(422);
      expect(noLead.body.details).toEqual([{ field: 'lead_id', message: 'lead_id is required' }]);
      expect(await leadsOf(googleSourceId)).toHaveLength(2);
    });
  });
});
