import { Account, Hub, startHub } from './harness';

// Distinct, greppable plaintexts: if any shows up in a response or a row, a secret leaked.
const SMTP_PASS = 'smtp-pass-PLAINTEXT-b41c';
const MAILGUN_KEY = 'mailgun-key-PLAINTEXT-77e0';
const POSTMARK_PASS = 'postmark-pass-PLAINTEXT-9a2d';
const SMS_TOKEN = 'sms-token-PLAINTEXT-5f13';
const ALL_SECRETS = [SMTP_PASS, MAILGUN_KEY, POSTMARK_PASS, SMS_TOKEN];

const EMAIL_CHANNEL = {
  type: 'email',
  name: 'Transactional mail',
  from_address: 'hello@example.com',
  provider: 'mailgun',
  smtp: { host: 'smtp.mailgun.org', port: 587, user: 'postmaster@mg.example.com', pass: SMTP_PASS },
  webhook_signing_key: MAILGUN_KEY,
  basic_auth: { user: 'postmark', pass: POSTMARK_PASS },
};
const SMS_CHANNEL = { type: 'sms', name: 'Alerts', from_number: '+15555550123', provider_url: 'https://sms.example.com/api/send', auth_token: SMS_TOKEN };

function expectNoSecrets(text: string): void {
  for (const secret of ALL_SECRETS) expect(text).not.toContain(secret);
}

function fieldsOf(body: { details?: { field?: string }[] }): (string | undefined)[] {
  return (body.details ?? []).map((detail) => detail.field);
}

describe('channels (SPEC §4 Channels)', () => {
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

  const create = (account: Account, body: unknown) => hub.request('POST', '/api/channels', { token: account.token, body });
  const rowText = async (id: string): Promise<string> =>
    (await hub.sql<{ json: string }>('SELECT row_to_json(c)::text AS json FROM channels c WHERE id = $1', [id]))[0].json;
  const storedSecrets = async (id: string): Promise<Record<string, string>> =>
    (await hub.sql<{ secrets: Record<string, string> }>('SELECT secrets FROM channels WHERE id = $1', [id]))[0].secrets;
  const countChannels = async (account: Account): Promise<number> =>
    (await hub.sql<{ n: number }>('SELECT count(*)::int AS n FROM channels WHERE account_id = $1', [account.accountId]))[0].n;

  describe('email', () => {
    let id: string;

    it('creates an email channel and answers 201 with flags in place of secrets', async () => {
      const res = await create(a, EMAIL_CHANNEL);
      expect(res.status).toBe(201);
      id = res.body.id;
      expect(res.body).toMatchObject({
        type: 'email',
        name: 'Transactional mail',
        from_address: 'hello@example.com',
        provider: 'mailgun',
        smtp: { host: 'smtp.mailgun.org', port: 587, secure: false, user: 'postmaster@mg.example.com', has_password: true },
        has_webhook_signing_key: true,
        basic_auth: { user: 'postmark', has_password: true },
        sns_topic_arn: null,
        webhook_url: `${hub.config.publicUrl.replace(/\/$/, '')}/api/webhook/email/mailgun/${id}`,
      });
      expect(res.body).not.toHaveProperty('account_id');
      expect(res.body).not.toHaveProperty('secrets');
      expectNoSecrets(res.text);
    });

    it('keeps the events module contract: type and account_id are columns', async () => {
      const rows = await hub.sql('SELECT type FROM channels WHERE id = $1 AND account_id = $2', [id, a.accountId]);
      expect(rows).toEqual([{ type: 'email' }]);
    });

    it('stores every secret encrypted: no plaintext anywhere in the row', async () => {
      const text = await rowText(id);
      expectNoSecrets(text);
      const secrets = await storedSecrets(id);
      expect(Object.keys(secrets).sort()).toEqual(['basic_auth_pass', 'smtp_pass', 'webhook_signing_key']);
      for (const value of Object.values(secrets)) expect(value).toMatch(/^v1\./);
    });

    it('never returns secrets from GET by id or the list', async () => {
      const one = await hub.request('GET', `/api/channels/${id}`, { token: a.token });
      expect(one.status).toBe(200);
      expect(one.body).toMatchObject({ id, has_webhook_signing_key: true, smtp: { has_password: true } });
      expectNoSecrets(one.text);
      const list = await hub.request('GET', '/api/channels', { token: a.token });
      expect(list.status).toBe(200);
      expect(list.body.map((c: { id: string }) => c.id)).toContain(id);
      expectNoSecrets(list.text);
      expect(list.text).not.toContain('account_id');
    });

    it('keeps secrets a PATCH omits', async () => {
      const before = await storedSecrets(id);
      const res = await hub.request('PATCH', `/api/channels/${id}`, { token: a.token, body: { name: 'Renamed', smtp: { port: 2525 } } });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ name: 'Renamed', smtp: { host: 'smtp.mailgun.org', port: 2525, has_password: true }, has_webhook_signing_key: true });
      expectNoSecrets(res.text);
      expect(await storedSecrets(id)).toEqual(before);
    });

    it('replaces secrets a PATCH sends, still encrypted and never echoed', async () => {
      const before = await storedSecrets(id);
      const newKey = 'mailgun-key-ROTATED-PLAINTEXT';
      const res = await hub.request('PATCH', `/api/channels/${id}`, { token: a.token, body: { webhook_signing_key: newKey } });
      expect(res.status).toBe(200);
      expect(res.body.has_webhook_signing_key).toBe(true);
      expect(res.text).not.toContain(newKey);
      const after = await storedSecrets(id);
      expect(after.webhook_signing_key).not.toBe(before.webhook_signing_key);
      expect(after.smtp_pass).toBe(before.smtp_pass);
      expect(await rowText(id)).not.toContain(newKey);
    });

    it('clears secrets a PATCH sends as null', async () => {
      const res = await hub.request('PATCH', `/api/channels/${id}`, { token: a.token, body: { webhook_signing_key: null, smtp: { pass: null } } });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ has_webhook_signing_key: false, smtp: { host: 'smtp.mailgun.org', has_password: false } });
      expect(Object.keys(await storedSecrets(id))).toEqual(['basic_auth_pass']);
      const cleared = await hub.request('PATCH', `/api/channels/${id}`, { token: a.token, body: { basic_auth: null } });
      expect(cleared.body.basic_auth).toBeNull();
      expect(await storedSecrets(id)).toEqual({});
    });

    it('moves webhook_url with the provider', async () => {
      const res = await hub.request('PATCH', `/api/channels/${id}`, { token: a.token, body: { provider: 'sendgrid' } });
      expect(res.status).toBe(200);
      expect(res.body.webhook_url).toMatch(new RegExp(`/api/webhook/email/sendgrid/${id}$`));
    });

    it('refuses to change type and names the field', async () => {
      const res = await hub.request('PATCH', `/api/channels/${id}`, { token: a.token, body: { type: 'sms' } });
      expect(res.status).toBe(400);
      expect(fieldsOf(res.body)).toEqual(['type']);
      expect((await hub.sql('SELECT type FROM channels WHERE id = $1', [id]))[0].type).toBe('email');
    });
  });

  describe('whatsapp', () => {
    it('creates a channel with an unguessable session id generated by the hub', async () => {
      const first = await create(a, { type: 'whatsapp', name: 'Support' });
      const second = await create(a, { type: 'whatsapp', name: 'Sales' });
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({ type: 'whatsapp', name: 'Support', session_status: 'disconnected', phone: null });
      expect(first.body.session_id).toMatch(/^wa_[A-Za-z0-9_-]{22}$/);
      expect(second.body.session_id).not.toBe(first.body.session_id);
      expect(first.body).not.toHaveProperty('webhook_url');
    });

    it('does not let an admin choose the session id', async () => {
      const res = await create(a, { type: 'whatsapp', name: 'Mine', session_id: 'wa_guessable' });
      expect(res.status).toBe(400);
      expect(fieldsOf(res.body)).toEqual(['session_id']);
    });
  });

  describe('sms', () => {
    let id: string;

    it('creates an sms channel with a write-only auth token stored encrypted', async () => {
      const res = await create(a, SMS_CHANNEL);
      expect(res.status).toBe(201);
      id = res.body.id;
      expect(res.body).toMatchObject({ type: 'sms', name: 'Alerts', from_number: '+15555550123', provider_url: 'https://sms.example.com/api/send', has_auth_token: true });
      expectNoSecrets(res.text);
      expectNoSecrets(await rowText(id));
      expect((await storedSecrets(id)).auth_token).toMatch(/^v1\./);
    });

    it('keeps, replaces and clears the auth token on PATCH', async () => {
      const before = await storedSecrets(id);
      const kept = await hub.request('PATCH', `/api/channels/${id}`, { token: a.token, body: { from_number: '+4915112345678' } });
      expect(kept.body).toMatchObject({ from_number: '+4915112345678', has_auth_token: true });
      expect(await storedSecrets(id)).toEqual(before);

      const replaced = await hub.request('PATCH', `/api/channels/${id}`, { token: a.token, body: { auth_token: 'sms-token-NEW-PLAINTEXT' } });
      expect(replaced.body.has_auth_token).toBe(true);
      expect(replaced.text).not.toContain('sms-token-NEW-PLAINTEXT');
      expect((await storedSecrets(id)).auth_token).not.toBe(before.auth_token);

      const cleared = await hub.request('PATCH', `/api/channels/${id}`, { token: a.token, body: { auth_token: null } });
      expect(cleared.body.has_auth_token).toBe(false);
      expect(await storedSecrets(id)).toEqual({});
    });

    it('filters the list by type', async () => {
      const res = await hub.request('GET', '/api/channels?type=sms', { token: a.token });
      expect(res.status).toBe(200);
      expect(res.body.length).toBeGreaterThan(0);
      expect(res.body.every((c: { type: string }) => c.type === 'sms')).toBe(true);
      const bad = await hub.request('GET', '/api/channels?type=fax', { token: a.token });
      expect(bad.status).toBe(400);
      expect(fieldsOf(bad.body)).toEqual(['type']);
    });
  });

  describe('another account', () => {
    let id: string;
    beforeAll(async () => {
      id = (await create(a, { type: 'whatsapp', name: 'Private' })).body.id;
    });

    it.each(['GET', 'PATCH', 'DELETE'])('gets 404 from %s by id', async (method) => {
      const res = await hub.request(method, `/api/channels/${id}`, { token: b.token, body: method === 'PATCH' ? { name: 'Hijacked' } : undefined });
      expect(res.status).toBe(404);
      expect(res.text).not.toContain('Private');
      // The channel exists and is untouched: the 404 is isolation, not a missing record.
      const mine = await hub.request('GET', `/api/channels/${id}`, { token: a.token });
      expect(mine.status).toBe(200);
      expect(mine.body.name).toBe('Private');
    });

    it('does not see the channel in its list, and the owner still has it unchanged', async () => {
      const theirs = await hub.request('GET', '/api/channels', { token: b.token });
      expect(theirs.body.map((c: { id: string }) => c.id)).not.toContain(id);
      const mine = await hub.request('GET', `/api/channels/${id}`, { token: a.token });
      expect(mine.body.name).toBe('Private');
    });
  });

  it('deletes a channel: 204, then 404', async () => {
    const { id } = (await create(a, { type: 'whatsapp', name: 'Temporary' })).body;
    expect((await hub.request('DELETE', `/api/channels/${id}`, { token: a.token })).status).toBe(204);
    expect((await hub.request('GET', `/api/channels/${id}`, { token: a.token })).status).toBe(404);
  });

  it('answers 404 for a malformed id', async () => {
    const res = await hub.request('GET', '/api/channels/not-a-uuid', { token: a.token });
    expect(res.status).toBe(404);
    expect(res.body.message).toBe('Channel not-a-uuid not found');
  });

  describe('bad input: 400 naming the field, nothing saved', () => {
    const cases: [string, unknown, string][] = [
      ['an unknown field', { ...SMS_CHANNEL, color: 'blue' }, 'color'],
      ["another type's field", { ...SMS_CHANNEL, smtp: { host: 'smtp.example.com', port: 587 } }, 'smtp'],
      ["another type's field on email", { ...EMAIL_CHANNEL, provider_url: 'https://sms.example.com' }, 'provider_url'],
      ['an invalid from_address', { ...EMAIL_CHANNEL, from_address: 'not-an-email' }, 'from_address'],
      ['an unknown provider', { ...EMAIL_CHANNEL, provider: 'mandrill' }, 'provider'],
      ['an unknown nested field', { ...EMAIL_CHANNEL, smtp: { ...EMAIL_CHANNEL.smtp, tls: true } }, 'smtp.tls'],
      ['a bad SMTP port', { ...EMAIL_CHANNEL, smtp: { ...EMAIL_CHANNEL.smtp, port: 70000 } }, 'smtp.port'],
      ['a garbage SendGrid key', { ...EMAIL_CHANNEL, sendgrid_public_key: 'not-a-key' }, 'sendgrid_public_key'],
      ['an invalid provider_url', { ...SMS_CHANNEL, provider_url: 'not a url' }, 'provider_url'],
      ['an ftp: provider_url', { ...SMS_CHANNEL, provider_url: 'ftp://sms.example.com/send' }, 'provider_url'],
      ['credentials in provider_url', { ...SMS_CHANNEL, provider_url: 'https://user:pw@sms.example.com/send' }, 'provider_url'],
      ['a non-E.164 from_number', { ...SMS_CHANNEL, from_number: '555-0123' }, 'from_number'],
      ['an unknown type', { type: 'fax', name: 'Fax' }, 'type'],
      ['no type', { name: 'Nothing' }, 'type'],
      ['a missing name', { type: 'whatsapp' }, 'name'],
      ['account_id', { type: 'whatsapp', name: 'X', account_id: '00000000-0000-4000-8000-000000000000' }, 'account_id'],
    ];

    it.each(cases)('POST with %s', async (_label, body, field) => {
      const before = await countChannels(a);
      const res = await create(a, body);
      expect(res.status).toBe(400);
      expect(res.body.statusCode).toBe(400);
      expect(fieldsOf(res.body)).toContain(field);
      expect(await countChannels(a)).toBe(before);
    });

    it('PATCH with bad fields changes nothing', async () => {
      const { id } = (await create(a, SMS_CHANNEL)).body;
      const before = await rowText(id);
      for (const [body, field] of [
        [{ provider_url: 'ftp://sms.example.com' }, 'provider_url'],
        [{ from_address: 'hello@example.com' }, 'from_address'],
        [{ name: null }, 'name'],
        [{ name: 'Ok', colour: 'red' }, 'colour'],
      ] as [unknown, string][]) {
        const res = await hub.request('PATCH', `/api/channels/${id}`, { token: a.token, body });
        expect(res.status).toBe(400);
        expect(fieldsOf(res.body)).toContain(field);
      }
      expect(await rowText(id)).toBe(before);
    });

    it('PATCH of basic auth on an email channel without it needs both user and pass', async () => {
      const { id } = (await create(a, { ...EMAIL_CHANNEL, basic_auth: undefined })).body;
      const res = await hub.request('PATCH', `/api/channels/${id}`, { token: a.token, body: { basic_auth: { user: 'postmark' } } });
      expect(res.status).toBe(400);
      expect(fieldsOf(res.body)).toEqual(['basic_auth.pass']);
    });
  });
});
