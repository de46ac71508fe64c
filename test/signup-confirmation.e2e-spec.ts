import { Hub, HubResponse, startHub } from './harness';
import { eventually } from './support/receiver';
import { ShortSystemMailRetriesModule } from './support/short-system-mail-retries.module';
import { DataAnswer, ReceivedMail, SmtpSink } from './support/smtp-sink';

/**
 * Issue 14: with a system mailer (SYSTEM_SMTP_URL), signup answers the same
 * whether or not the email has an account; the mail tells its owner which.
 * A real SMTP server receives what the worker sends.
 */
describe('signup confirmed by email (SYSTEM_SMTP_URL set)', () => {
  let hub: Hub;
  let sink: SmtpSink;
  const password = 'long-password-1';

  beforeAll(async () => {
    sink = await new SmtpSink({ user: 'hub', pass: 'smtp-secret-pass' }).start();
    hub = await startHub({
      env: {
        SYSTEM_SMTP_URL: `smtp://hub:smtp-secret-pass@127.0.0.1:${sink.port}`,
        SYSTEM_MAIL_FROM: 'Hub Ops <ops@hub.example>',
        PUBLIC_URL: 'https://hub.example.com',
        WEBHOOK_SWEEP_INTERVAL_MS: '500',
      },
      modules: [ShortSystemMailRetriesModule],
    });
  });
  afterAll(async () => {
    await hub.close();
    await sink.stop();
  });

  const signup = (email: string, account_name = 'Acme') => hub.request('POST', '/api/auth/signup', { body: { email, password, account_name } });
  const mailsTo = (email: string) => sink.mails.filter((mail) => mail.to.includes(email));
  const waitForMailTo = (email: string, count = 1) => eventually(async () => mailsTo(email).length >= count && mailsTo(email), 20000, 50);
  const tokenIn = (mail: ReceivedMail) => /https:\/\/hub\.example\.com\/signup\/confirm#token=([A-Za-z0-9_-]{43})\n/.exec(mail.parsed.text ?? '')?.[1];
  const count = async (sql: string, params: unknown[] = []) => (await hub.sql<{ n: number }>(sql, params))[0].n;
  /** An account made the way a user makes one here: signup, the mailed link, confirm. */
  async function confirmedAccount(email: string): Promise<void> {
    const before = mailsTo(email).length;
    expect((await signup(email)).status).toBe(202);
    const mails = await waitForMailTo(email, before + 1);
    expect((await hub.request('POST', '/api/auth/signup/confirm', { body: { token: tokenIn(mails[before]) } })).status).toBe(201);
  }

  it('answers a new email and a taken one with the same status and body, and creates nothing yet', async () => {
    const existing = await hub.request('POST', '/api/auth/login', { body: { email: hub.config.adminEmail, password: 'admin-password-123' } });
    expect(existing.status).toBe(200);
    const accountsBefore = await count('SELECT count(*)::int AS n FROM accounts');

    const answers: { kind: 'new' | 'taken'; res: HubResponse }[] = [];
    for (let i = 0; i < 4; i++) {
      for (const kind of ['new', 'taken'] as const) {
        const res = await signup(kind === 'new' ? `same-answer-${i}@example.com` : hub.config.adminEmail!);
        answers.push({ kind, res });
      }
    }
    const [first] = answers;
    expect(first.res.status).toBe(202);
    expect(first.res.body).toEqual({ status: 'confirmation_sent', message: expect.stringContaining('Check your email') });
    for (const { res } of answers) {
      expect(res.status).toBe(first.res.status);
      expect(res.text).toBe(first.res.text);
      expect(res.headers.get('content-type')).toBe(first.res.headers.get('content-type'));
    }
    // Both paths also hash the password (argon2) before anything else, so neither is a quick tell; timings are
    // not asserted here (they belong in benchmarks), the code path is the same (libs/accounts/src/signup).

    expect(await count('SELECT count(*)::int AS n FROM accounts')).toBe(accountsBefore);
    expect(await count(`SELECT count(*)::int AS n FROM users WHERE email LIKE 'same-answer-%'`)).toBe(0);
  });

  it('mails a new email a one-time link that creates the account and signs in, kept only as a hash, its mail body erased once sent', async () => {
    const email = 'new-owner@example.com';
    expect((await signup(email, 'Owner Co')).status).toBe(202);
    const [mail] = await waitForMailTo(email);
    expect(mail.user).toBe('hub');
    expect(mail.parsed.from?.value[0]).toEqual({ address: 'ops@hub.example', name: 'Hub Ops' });
    expect(mail.parsed.subject).toBe('Confirm your email to create your Webhook Hub account');
    expect(mail.parsed.text).toContain('"Owner Co"');
    const token = tokenIn(mail)!;
    expect(token).toBeDefined();

    // At rest: the token only as a keyed hash, the mail's body gone once sent.
    const [request] = await hub.sql('SELECT * FROM signup_requests WHERE email = $1', [email]);
    expect(request.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(request)).not.toContain(token);
    const sent = await eventually(async () => {
      const [row] = await hub.sql('SELECT * FROM system_mails WHERE to_address = $1', [email]);
      return row?.status === 'sent' && row;
    });
    expect(sent).toMatchObject({ template: 'signup-confirm', body_encrypted: null, error: null, attempt_count: 1 });
    expect(SmtpSink.header(mail, 'Message-ID')).toBe(sent.message_id_header);

    const confirmed = await hub.request('POST', '/api/auth/signup/confirm', { body: { token } });
    expect(confirmed.status).toBe(201);
    expect(confirmed.body).toEqual({ access_token: expect.any(String), account_id: expect.any(String) });
    const me = await hub.request('GET', '/api/auth/me', { token: confirmed.body.access_token });
    expect(me.body).toMatchObject({ user: { email }, account: { id: confirmed.body.account_id, name: 'Owner Co' }, via: 'user' });
    const login = await hub.request('POST', '/api/auth/login', { body: { email, password } });
    expect(login.status).toBe(200);
    expect(login.body.account_id).toBe(confirmed.body.account_id);
    // The pending copy of the password hash goes once the user holds it.
    expect((await hub.sql('SELECT password_hash FROM signup_requests WHERE email = $1', [email]))[0].password_hash).toBeNull();

    const again = await hub.request('POST', '/api/auth/signup/confirm', { body: { token } });
    expect(again.status).toBe(422);
    expect(again.body).toMatchObject({ statusCode: 422, error: 'signup_link_used', message: expect.stringContaining('already used') });
    expect(await count('SELECT count(*)::int AS n FROM users WHERE email = $1', [email])).toBe(1);
  });

  it('mails a taken email an "already have an account" note and creates no second account', async () => {
    const email = 'has-an-account@example.com';
    await confirmedAccount(email);
    const before = { accounts: await count('SELECT count(*)::int AS n FROM accounts'), users: await count('SELECT count(*)::int AS n FROM users') };
    const mailsBefore = mailsTo(email).length;

    expect((await signup(email, 'Second account')).status).toBe(202);
    const mails = await waitForMailTo(email, mailsBefore + 1);
    const note = mails[mails.length - 1];
    expect(note.parsed.subject).toBe('You already have a Webhook Hub account');
    expect(note.parsed.text).toContain('https://hub.example.com/login');
    expect(note.parsed.text).not.toContain('#token=');
    // Only the request that made the account: the taken email left nothing to confirm.
    expect(await count('SELECT count(*)::int AS n FROM signup_requests WHERE email = $1', [email])).toBe(1);
    expect({ accounts: await count('SELECT count(*)::int AS n FROM accounts'), users: await count('SELECT count(*)::int AS n FROM users') }).toEqual(before);
  });

  it('refuses an expired link (422), an unknown one (404) and a malformed one (400), each saying so', async () => {
    const email = 'late-clicker@example.com';
    expect((await signup(email)).status).toBe(202);
    const token = tokenIn((await waitForMailTo(email))[0])!;
    await hub.sql(`UPDATE signup_requests SET expires_at = now() - interval '1 minute' WHERE email = $1`, [email]);

    const expired = await hub.request('POST', '/api/auth/signup/confirm', { body: { token } });
    expect(expired.status).toBe(422);
    expect(expired.body).toMatchObject({ error: 'signup_link_expired', message: expect.stringContaining('expired') });
    expect(await count('SELECT count(*)::int AS n FROM users WHERE email = $1', [email])).toBe(0);

    const unknown = await hub.request('POST', '/api/auth/signup/confirm', { body: { token: 'A'.repeat(43) } });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ error: 'signup_link_unknown', message: expect.stringContaining('not valid') });

    const malformed = await hub.request('POST', '/api/auth/signup/confirm', { body: { token: 'short' } });
    expect(malformed.status).toBe(400);
    expect(malformed.body.details).toEqual([{ field: 'token', message: 'token must be the 43-character code from the confirmation link' }]);
  });

  it('creates one account when two links of one email are followed, the later one told the address is taken', async () => {
    const email = 'twice@example.com';
    expect((await signup(email, 'First')).status).toBe(202);
    expect((await signup(email, 'Second')).status).toBe(202);
    const [a, b] = (await waitForMailTo(email, 2)).map(tokenIn);
    const answers = await Promise.all([a, b].map((token) => hub.request('POST', '/api/auth/signup/confirm', { body: { token } })));
    expect(answers.map((r) => r.status).sort()).toEqual([201, 422]);
    expect(answers.find((r) => r.status === 422)!.body.error).toBe('email_taken');
    expect(await count('SELECT count(*)::int AS n FROM users WHERE email = $1', [email])).toBe(1);
  });

  it('sends one address at most 3 signup mails an hour, still answering every signup the same', async () => {
    const email = 'flooded@example.com';
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await signup(email));
    expect(new Set(answers.map((r) => `${r.status} ${r.text}`)).size).toBe(1);
    await waitForMailTo(email, 3);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(mailsTo(email)).toHaveLength(3);
    expect(await count('SELECT count(*)::int AS n FROM system_mails WHERE to_address = $1', [email])).toBe(3);
  });

  it('retries a mail the SMTP server defers (4xx) and fails one it refuses (5xx), erasing its body', async () => {
    const deferred = 'deferred@example.com';
    const refused = 'refused@example.com';
    const nextAnswers: DataAnswer[] = [{ accept: false, code: 451, message: 'Try again later' }];
    sink.answer = () => nextAnswers.shift() ?? { accept: true };
    expect((await signup(deferred)).status).toBe(202);
    await waitForMailTo(deferred);
    // The SMTP server has the mail a moment before the worker records it sent.
    const retried = await eventually(async () => {
      const [row] = await hub.sql('SELECT status, attempt_count FROM system_mails WHERE to_address = $1', [deferred]);
      return row?.status !== 'queued' && row;
    });
    expect(retried).toEqual({ status: 'sent', attempt_count: 2 });

    nextAnswers.push({ accept: false, code: 550, message: 'No such user here' });
    expect((await signup(refused)).status).toBe(202);
    const failed = await eventually(async () => {
      const [row] = await hub.sql('SELECT * FROM system_mails WHERE to_address = $1', [refused]);
      return row?.status === 'failed' && row;
    });
    expect(failed).toMatchObject({ attempt_count: 1, body_encrypted: null, error: expect.stringContaining('550') });
    expect(failed.error).not.toContain('smtp-secret-pass');
    sink.answer = () => ({ accept: true });
  });
});

describe('signup without a system mailer (SYSTEM_SMTP_URL unset)', () => {
  let hub: Hub;
  beforeAll(async () => {
    hub = await startHub();
  });
  afterAll(async () => {
    await hub.close();
  });

  it('signs a new email in at once and stores no mail (README: this answer tells which emails have accounts)', async () => {
    const res = await hub.request('POST', '/api/auth/signup', { body: { email: 'direct@example.com', password: 'long-password-1', account_name: 'Direct' } });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ access_token: expect.any(String), account_id: expect.any(String) });
    expect(await hub.sql('SELECT * FROM system_mails')).toEqual([]);
    expect(await hub.sql('SELECT * FROM signup_requests')).toEqual([]);
    // There are no links to follow: the confirm route knows no token.
    const confirm = await hub.request('POST', '/api/auth/signup/confirm', { body: { token: 'B'.repeat(43) } });
    expect(confirm.status).toBe(404);
  });
});
