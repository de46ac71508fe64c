import { TriggerRequestProducer } from '../libs/automation/src/queues/workflow-trigger/workflow-trigger.producer';
import { Account, Hub, startHub } from './harness';

/** Workflows API and the automation trigger webhook (SPEC §4 "Automation trigger webhook"). */
describe('automation: workflows and the trigger webhook', () => {
  let hub: Hub;
  let a: Account;
  // Long waits: these tests look at enrolment, not at the runner.
  const WAIT = [{ type: 'wait', seconds: 3600 }];

  beforeAll(async () => {
    // Private addresses refused, as in production (the runner suite allows them for its local receiver).
    hub = await startHub({ env: { WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'false', PUBLIC_URL: 'https://hub.example.com' } });
    a = await hub.signup();
  });
  afterAll(async () => {
    await hub.close();
  });

  const createWorkflow = async (body: Record<string, unknown>, account = a) => {
    const res = await hub.request('POST', '/api/workflows', { token: account.token, body: { steps: WAIT, ...body } });
    if (res.status !== 201) throw new Error(`create workflow failed: ${res.status} ${res.text}`);
    return res.body;
  };
  /** Waits until the worker has processed every stored trigger request (the route stores, the worker enrols). */
  const processed = async () => {
    for (let i = 0; i < 200; i++) {
      const [{ n }] = await hub.sql("SELECT count(*)::int AS n FROM workflow_trigger_requests WHERE status = 'pending'");
      if (n === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error('trigger requests still pending after 5 s');
  };
  const trigger = async (webhookId: string, body: unknown, headers: Record<string, string> = {}) => {
    const res = await hub.request('POST', `/api/automation/webhook/${webhookId}`, { body, headers });
    await processed();
    return res;
  };
  const runsOf = (workflowId: string) => hub.sql('SELECT * FROM workflow_runs WHERE workflow_id = $1 ORDER BY created_at', [workflowId]);
  const eventsOf = (account: Account, type: string) => hub.sql('SELECT data FROM events WHERE account_id = $1 AND type = $2 ORDER BY id', [account.accountId, type]);

  describe('/api/workflows', () => {
    it('creates a workflow with an unguessable trigger and its signing secret, and reads, lists, updates and deletes it', async () => {
      const created = await hub.request('POST', '/api/workflows', { token: a.token, body: { name: ' Welcome ', description: 'New sign-ups', steps: WAIT } });
      expect(created.status).toBe(201);
      const webhookId = created.body.trigger.webhook_id;
      expect(webhookId).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(created.body).toEqual({
        id: expect.any(String),
        name: 'Welcome',
        description: 'New sign-ups',
        active: true,
        steps: WAIT,
        trigger: { webhook_id: webhookId, webhook_url: `https://hub.example.com/api/automation/webhook/${webhookId}` },
        signing_secret: expect.stringMatching(/^whsec_[A-Za-z0-9+/]{43}=$/),
        created_at: expect.any(String),
        updated_at: expect.any(String),
      });
      const [row] = await hub.sql('SELECT secret_encrypted FROM workflows WHERE id = $1', [created.body.id]);
      expect(row.secret_encrypted).not.toContain(created.body.signing_secret.slice(6));
      const secret = await hub.request('GET', `/api/workflows/${created.body.id}/secret`, { token: a.token });
      expect(secret.body).toEqual({ signing_secret: created.body.signing_secret });

      const got = await hub.request('GET', `/api/workflows/${created.body.id}`, { token: a.token });
      expect(got.body).not.toHaveProperty('signing_secret');
      expect(got.body.trigger.webhook_id).toBe(webhookId);
      const list = await hub.request('GET', '/api/workflows?limit=1', { token: a.token });
      expect(list.body.items.map((w: { id: string }) => w.id)).toEqual([created.body.id]);

      const longer = await hub.request('PATCH', `/api/workflows/${created.body.id}`, { token: a.token, body: { steps: [{ type: 'wait', seconds: 5 }, { type: 'wait', seconds: 6 }] } });
      expect(longer.body.steps).toEqual([{ type: 'wait', seconds: 5 }, { type: 'wait', seconds: 6 }]);
      const patched = await hub.request('PATCH', `/api/workflows/${created.body.id}`, { token: a.token, body: { active: false, steps: [{ type: 'wait', seconds: 60 }] } });
      expect(patched.status).toBe(200);
      expect(patched.body).toMatchObject({ name: 'Welcome', active: false, trigger: { webhook_id: webhookId } });
      expect(patched.body.steps).toEqual([{ type: 'wait', seconds: 60 }]);
      expect((await hub.sql('SELECT steps FROM workflows WHERE id = $1', [created.body.id]))[0].steps).toEqual([{ type: 'wait', seconds: 60 }]);
      const badPatch = await hub.request('PATCH', `/api/workflows/${created.body.id}`, { token: a.token, body: { steps: [{ type: 'wait' }], name: null } });
      expect(badPatch.status).toBe(400);
      expect(new Set(badPatch.body.details.map((d: { field: string }) => d.field))).toEqual(new Set(['name']));
      const badSteps = await hub.request('PATCH', `/api/workflows/${created.body.id}`, { token: a.token, body: { steps: [{ type: 'wait' }] } });
      expect(badSteps.body.details.map((d: { field: string }) => d.field)).toEqual(['steps[0].seconds']);

      const other = await hub.signup();
      for (const [method, path] of [['GET', ''], ['PATCH', ''], ['DELETE', ''], ['POST', '/trigger/rotate'], ['GET', '/runs'], ['GET', '/secret']]) {
        const res = await hub.request(method, `/api/workflows/${created.body.id}${path}`, { token: other.token, body: method === 'PATCH' ? { name: 'x' } : undefined });
        expect([method, path, res.status]).toEqual([method, path, 404]);
      }
      expect((await hub.request('GET', '/api/workflows', { token: other.token })).body.items).toEqual([]);
      expect((await hub.request('GET', '/api/workflows')).status).toBe(401);

      expect((await hub.request('DELETE', `/api/workflows/${created.body.id}`, { token: a.token })).status).toBe(204);
      expect((await hub.request('GET', `/api/workflows/${created.body.id}`, { token: a.token })).status).toBe(404);
      expect((await trigger(webhookId, { email: 'gone@example.com' })).status).toBe(404);
    });

    it('answers 400 naming each bad field, including steps[i].field', async () => {
      const [group] = await hub.sql('INSERT INTO groups (account_id, name) VALUES ($1, $2) RETURNING id', [a.accountId, 'Leads']);
      const [sms] = await hub.sql("INSERT INTO channels (account_id, type, name) VALUES ($1, 'sms', 'SMS') RETURNING id", [a.accountId]);
      const res = await hub.request('POST', '/api/workflows', {
        token: a.token,
        body: {
          name: 'Bad',
          steps: [
            { type: 'wait', seconds: 0 },
            { type: 'send_email', channel_id: sms.id, subject: 'Hi', body: 'Hello {{ first_name | nope }}' },
            { type: 'send_email', channel_id: sms.id, subject: 'Hi', body: 'Hello' },
            { type: 'send_sms', channel_id: '00000000-0000-4000-8000-000000000000', body: 'x' },
            { type: 'add_to_group', group_id: group.id },
          ],
        },
      });
      expect(res.status).toBe(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toEqual(['steps[0].seconds', 'steps[1].body']);

      const refs = await hub.request('POST', '/api/workflows', {
        token: a.token,
        body: {
          name: 'Refs',
          steps: [
            { type: 'send_email', channel_id: sms.id, subject: 'Hi', body: 'Hello' },
            { type: 'send_sms', channel_id: '00000000-0000-4000-8000-000000000000', body: 'x' },
            { type: 'add_to_group', group_id: '00000000-0000-4000-8000-000000000001' },
            { type: 'http_request', url: 'http://127.0.0.1:9/hook' },
            { type: 'http_request', url: 'http://169.254.169.254/latest/meta-data' },
            { type: 'send_sms', channel_id: sms.id, body: 'ok' },
            { type: 'add_to_group', group_id: group.id },
          ],
        },
      });
      expect(refs.status).toBe(400);
      expect(refs.body.details).toEqual([
        { field: 'steps[0].channel_id', message: 'steps[0].channel_id is a sms channel; send_email needs a email channel' },
        { field: 'steps[1].channel_id', message: expect.stringMatching(/no channel .* in this account/) },
        { field: 'steps[2].group_id', message: expect.stringMatching(/no group .* in this account/) },
        { field: 'steps[3].url', message: expect.stringMatching(/^steps\[3\]\.url is not allowed: 127\.0\.0\.1 is a private, loopback/) },
        { field: 'steps[4].url', message: expect.stringMatching(/^steps\[4\]\.url is not allowed/) },
      ]);

      const other = await hub.signup();
      const foreign = await hub.request('POST', '/api/workflows', { token: other.token, body: { name: 'X', steps: [{ type: 'add_to_group', group_id: group.id }] } });
      expect(foreign.body.details).toEqual([{ field: 'steps[0].group_id', message: expect.stringMatching(/no group/) }]);

      const shape = await hub.request('POST', '/api/workflows', { token: a.token, body: { name: '', steps: 'wait', account_id: a.accountId, active: 'yes' } });
      expect(shape.status).toBe(400);
      expect(shape.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['account_id', 'active', 'name', 'steps']);
      expect(await hub.sql("SELECT name FROM workflows WHERE name IN ('Bad', 'Refs', 'X')")).toEqual([]);
    });

    it('documents the routes in Swagger', async () => {
      const doc = (await hub.request('GET', '/api/docs-json')).body;
      expect(doc.paths['/api/workflows'].post.tags).toEqual(['workflows']);
      expect(doc.paths['/api/workflows'].post.security).toEqual([{ bearer: [] }]);
      expect(doc.paths['/api/workflows/{id}/runs'].get.responses['200'].content['application/json'].schema.$ref).toBe('#/components/schemas/WorkflowRunPageDto');
      expect(doc.paths['/api/workflows/{id}/trigger/rotate'].post.responses['404']).toBeDefined();
      const hook = doc.paths['/api/automation/webhook/{webhookId}'].post;
      expect(hook.tags).toEqual(['automation']);
      expect(hook.security).toBeUndefined();
      expect(Object.keys(hook.requestBody.content)).toEqual(['application/json', 'application/x-www-form-urlencoded']);
      expect(Object.keys(hook.responses).sort()).toEqual(['200', '400', '404', '413', '415', '422', '503']);
      expect(doc.components.schemas.CreateWorkflowDto.properties.steps.items.oneOf).toHaveLength(7);
      expect(doc.components.schemas.HttpRequestStepDto.properties.url.example).toBe('https://crm.example.com/hooks/new-lead');
    });
  });

  describe('POST /api/automation/webhook/{webhook_id}', () => {
    it('stores the request and its log row before the answer; the worker upserts the contact and enrols it', async () => {
      const wf = await createWorkflow({ name: 'JSON' });
      const res = await trigger(wf.trigger.webhook_id, { email: 'Ann@Example.com', first_name: 'Ann', last_name: 'Lee', plan: 'pro', score: 7 });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ success: true, message: 'Webhook processed', workflows_triggered: 1, contacts_enrolled: 1 });
      const [stored] = await hub.sql('SELECT * FROM workflow_trigger_requests WHERE webhook_id = $1', [wf.trigger.webhook_id]);
      expect(stored).toMatchObject({ account_id: a.accountId, status: 'processed', attempt_count: 0, error: null, response: res.body });
      expect(stored.input).toMatchObject({ email: 'ann@example.com', first_name: 'Ann', custom_fields: { plan: 'pro', score: 7 } });

      const [contact] = await hub.sql('SELECT * FROM contacts WHERE account_id = $1 AND email = $2', [a.accountId, 'ann@example.com']);
      expect(contact).toMatchObject({ first_name: 'Ann', last_name: 'Lee', custom_fields: { plan: 'pro', score: 7 } });
      const [run] = await runsOf(wf.id);
      expect(run).toMatchObject({ contact_id: contact.id, account_id: a.accountId, steps: WAIT });
      expect(run.variables).toEqual({ email: 'ann@example.com', phone: null, first_name: 'Ann', last_name: 'Lee', plan: 'pro', score: 7, contact_id: contact.id });
      expect((await eventsOf(a, 'workflow.enrolled')).map((e) => e.data)).toContainEqual({
        workflow_id: wf.id,
        workflow_name: 'JSON',
        run_id: run.id,
        contact_id: contact.id,
        variables: run.variables,
      });
      expect((await eventsOf(a, 'contact.created')).map((e) => e.data.id)).toContain(contact.id);
      const [log] = await hub.sql("SELECT * FROM inbound_logs WHERE source = 'automation' AND url = $1", [`/api/automation/webhook/${wf.trigger.webhook_id}`]);
      expect(log).toMatchObject({ id: stored.inbound_log_id, account_id: a.accountId, status_code: 200, outcome: 'accepted', verification: 'not_required' });
      expect(JSON.parse(log.raw_body)).toMatchObject({ email: 'Ann@Example.com', plan: 'pro' });

      // The same person again: updated, not duplicated, and enrolled again.
      const again = await trigger(wf.trigger.webhook_id, { email: 'ann@example.com', plan: 'team' });
      expect(again.body.workflows_triggered).toBe(1);
      expect(await hub.sql('SELECT custom_fields FROM contacts WHERE account_id = $1 AND email = $2', [a.accountId, 'ann@example.com'])).toEqual([{ custom_fields: { plan: 'team', score: 7 } }]);
      expect(await runsOf(wf.id)).toHaveLength(2);
      expect((await eventsOf(a, 'contact.updated')).map((e) => e.data.changed)).toContainEqual(['custom_fields.plan']);
    });

    it('accepts a form body, with whatsapp as the phone', async () => {
      const wf = await createWorkflow({ name: 'Form' });
      const res = await hub.request('POST', `/api/automation/webhook/${wf.trigger.webhook_id}`, {
        raw: 'whatsapp=34612345678&first_name=Bo&city=M%C3%A1laga',
        contentType: 'application/x-www-form-urlencoded',
      });
      await processed();
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ success: true, message: 'Webhook processed', workflows_triggered: 1, contacts_enrolled: 1 });
      const [contact] = await hub.sql('SELECT * FROM contacts WHERE account_id = $1 AND phone = $2', [a.accountId, '+34612345678']);
      expect(contact).toMatchObject({ email: null, first_name: 'Bo', custom_fields: { city: 'Málaga' } });
      const [run] = await runsOf(wf.id);
      expect(run.variables).toMatchObject({ phone: '+34612345678', whatsapp: '34612345678', city: 'Málaga', first_name: 'Bo' });
    });

    it('answers every bad request with a JSON error, stores nothing but the log row', async () => {
      const wf = await createWorkflow({ name: 'Bad input' });
      const url = `/api/automation/webhook/${wf.trigger.webhook_id}`;
      const logsBefore = (await hub.sql("SELECT count(*)::int AS n FROM inbound_logs WHERE source = 'automation'"))[0].n;

      const none = await trigger(wf.trigger.webhook_id, { first_name: 'Nobody', plan: 'pro' });
      expect(none.status).toBe(422);
      expect(none.body).toEqual({ statusCode: 422, error: 'Unprocessable Entity', message: 'email, phone or whatsapp is required' });

      const email = await trigger(wf.trigger.webhook_id, { email: 'not-an-email' });
      expect(email.status).toBe(422);
      expect(email.body).toEqual({
        statusCode: 422,
        error: 'Unprocessable Entity',
        message: 'email "not-an-email" is not an email address',
        details: [{ field: 'email', message: 'email "not-an-email" is not an email address' }],
      });
      const phone = await trigger(wf.trigger.webhook_id, { phone: '12' });
      expect([phone.status, phone.body.details[0].field]).toEqual([422, 'phone']);
      const array = await trigger(wf.trigger.webhook_id, [{ email: 'a@example.com' }]);
      expect(array.status).toBe(422);
      const nul = await trigger(wf.trigger.webhook_id, { email: 'nul@example.com', note: 'a\u0000b' });
      expect([nul.status, nul.body.message]).toEqual([422, 'note must not contain the NUL character (\\u0000)']);

      const malformed = await hub.request('POST', url, { raw: '{"email": ' });
      expect(malformed.status).toBe(400);
      expect(malformed.body).toMatchObject({ statusCode: 400, error: 'Bad Request', message: expect.stringMatching(/^Malformed JSON body/) });
      const big = await hub.request('POST', url, { raw: JSON.stringify({ email: 'big@example.com', blob: 'x'.repeat(1024 * 1024) }) });
      expect(big.status).toBe(413);
      expect(big.body).toMatchObject({ statusCode: 413, error: 'Payload Too Large' });
      const xml = await hub.request('POST', url, { raw: '<email>a@example.com</email>', contentType: 'text/xml' });
      expect(xml.status).toBe(415);
      expect(xml.body).toMatchObject({ statusCode: 415, error: 'Unsupported Media Type' });
      const badKey = await trigger(wf.trigger.webhook_id, { email: 'key@example.com' }, { 'idempotency-key': 'k'.repeat(201) });
      expect(badKey.status).toBe(400);

      const unknown = await trigger('A'.repeat(43), { email: 'x@example.com' });
      expect(unknown.status).toBe(404);
      expect(unknown.body).toEqual({ statusCode: 404, error: 'Not Found', message: `No workflow trigger has webhook id ${'A'.repeat(43)}` });
      expect((await trigger('short', { email: 'x@example.com' })).status).toBe(404);

      expect(await runsOf(wf.id)).toEqual([]);
      expect(await hub.sql("SELECT id FROM contacts WHERE email IN ('big@example.com', 'key@example.com', 'x@example.com')")).toEqual([]);
      const logs = await hub.sql("SELECT status_code, outcome, account_id FROM inbound_logs WHERE source = 'automation' ORDER BY created_at OFFSET $1", [logsBefore]);
      expect(logs.map((l) => [l.status_code, l.outcome])).toEqual([
        [422, 'rejected'],
        [422, 'rejected'],
        [422, 'rejected'],
        [422, 'rejected'],
        [422, 'rejected'],
        [400, 'rejected'],
        [413, 'rejected'],
        [415, 'rejected'],
        [400, 'rejected'],
        [404, 'rejected'],
        [404, 'rejected'],
      ]);
      // Every rejection of a known webhook id carries its account, also those refused before the handler ran
      // (unparsed bodies, the request guard's NUL); unknown ids belong to nobody.
      expect(logs.map((l) => l.account_id === a.accountId)).toEqual([true, true, true, true, true, true, true, true, true, false, false]);
    });

    it('enrols into every active workflow sharing the webhook id, never an inactive one', async () => {
      const first = await createWorkflow({ name: 'Shared 1' });
      const second = await createWorkflow({ name: 'Shared 2', webhook_id: first.trigger.webhook_id, steps: [{ type: 'wait', seconds: 7200 }] });
      const paused = await createWorkflow({ name: 'Shared paused', webhook_id: first.trigger.webhook_id, active: false });
      expect(second.trigger).toEqual(first.trigger);
      const res = await trigger(first.trigger.webhook_id, { email: 'shared@example.com' });
      expect(res.body).toEqual({ success: true, message: 'Webhook processed', workflows_triggered: 2, contacts_enrolled: 1 });
      expect(await runsOf(first.id)).toHaveLength(1);
      expect((await runsOf(second.id))[0].steps).toEqual([{ type: 'wait', seconds: 7200 }]);
      expect(await runsOf(paused.id)).toEqual([]);

      // Deactivate both others: the id still answers, enrolling nobody (the contact is still upserted).
      await hub.request('PATCH', `/api/workflows/${first.id}`, { token: a.token, body: { active: false } });
      await hub.request('PATCH', `/api/workflows/${second.id}`, { token: a.token, body: { active: false } });
      const idle = await trigger(first.trigger.webhook_id, { email: 'idle@example.com' });
      expect(idle.body).toEqual({ success: true, message: 'Webhook processed', workflows_triggered: 0, contacts_enrolled: 0 });
      expect(await hub.sql('SELECT id FROM contacts WHERE email = $1', ['idle@example.com'])).toHaveLength(1);

      // Another account cannot bind itself to this id.
      const other = await hub.signup();
      const steal = await hub.request('POST', '/api/workflows', { token: other.token, body: { name: 'Steal', steps: WAIT, webhook_id: first.trigger.webhook_id } });
      expect(steal.status).toBe(400);
      expect(steal.body.details).toEqual([{ field: 'webhook_id', message: 'webhook_id is not the trigger of a workflow of this account' }]);
    });

    it('stores each of many concurrent requests with its own log row (they share a statement), and enrols each contact once', async () => {
      const wf = await createWorkflow({ name: 'Concurrent', steps: [] });
      const emails = Array.from({ length: 40 }, (_, i) => `many-${i}@example.com`);
      const answers = await Promise.all(emails.map((email) => hub.request('POST', `/api/automation/webhook/${wf.trigger.webhook_id}`, { body: { email, i: email } })));
      expect(answers.map((r) => r.status)).toEqual(Array(40).fill(200));
      await processed();
      const stored = await hub.sql<{ email: string; logged: string }>(
        `SELECT r.input->>'email' AS email, l.raw_body::jsonb->>'email' AS logged
           FROM workflow_trigger_requests r JOIN inbound_logs l ON l.id = r.inbound_log_id WHERE r.webhook_id = $1 ORDER BY 1`,
        [wf.trigger.webhook_id],
      );
      expect(stored).toEqual([...emails].sort().map((email) => ({ email, logged: email })));
      const runs = await runsOf(wf.id);
      expect(runs.map((run) => run.variables.email).sort()).toEqual([...emails].sort());
    });

    it('enrols a person sent several times at once (batched together) once per request, each run with its own payload, one contact', async () => {
      const wf = await createWorkflow({ name: 'Repeats', steps: [] });
      const bodies = [
        ...Array.from({ length: 4 }, (_, i) => ({ email: 'Repeat@Example.com', attempt: `r${i}` })),
        ...Array.from({ length: 6 }, (_, i) => ({ email: `single-${i}@example.com`, attempt: `s${i}` })),
      ];
      const answers = await Promise.all(bodies.map((body) => hub.request('POST', `/api/automation/webhook/${wf.trigger.webhook_id}`, { body })));
      expect(answers.map((r) => r.status)).toEqual(Array(10).fill(200));
      await processed();
      const contacts = await hub.sql('SELECT id FROM contacts WHERE account_id = $1 AND email = $2', [a.accountId, 'repeat@example.com']);
      expect(contacts).toHaveLength(1);
      const runs = await runsOf(wf.id);
      expect(runs).toHaveLength(10);
      const repeatRuns = runs.filter((run) => run.contact_id === contacts[0].id);
      expect(repeatRuns.map((run) => run.variables.attempt).sort()).toEqual(['r0', 'r1', 'r2', 'r3']);
      const enrolled = (await eventsOf(a, 'workflow.enrolled')).map((e) => e.data).filter((d) => d.workflow_id === wf.id);
      expect(enrolled.map((d) => d.run_id).sort()).toEqual(runs.map((run) => run.id).sort());
      for (const event of enrolled) expect(event.variables.attempt).toBe(runs.find((run) => run.id === event.run_id).variables.attempt);
    });

    it('applies the requests of a batch in the order they arrived, whichever job takes them', async () => {
      const wf = await createWorkflow({ name: 'Arrival order', steps: [] });
      const input = (firstName: string) => JSON.stringify({ email: 'order@example.com', phone: null, first_name: firstName, last_name: null, custom_fields: {}, payload: {} });
      // Stored as if the worker had been away: the older request says Old, the newer New; only the newer one's job runs,
      // and it takes the older one along in its batch.
      const [, newer] = await hub.sql(
        `INSERT INTO workflow_trigger_requests (id, webhook_id, account_id, input, response, created_at, next_attempt_at)
         VALUES (gen_random_uuid(), $1, $2, $3, '{}', now() - interval '2 seconds', now() - interval '1 second'),
                (gen_random_uuid(), $1, $2, $4, '{}', now() - interval '1 second', now() - interval '1 second')
         RETURNING id`,
        [wf.trigger.webhook_id, a.accountId, input('Old'), input('New')],
      );
      await hub.app.get(TriggerRequestProducer).enqueue([{ id: newer.id, attempt_count: 0 }]);
      await processed();
      const [contact] = await hub.sql('SELECT first_name FROM contacts WHERE account_id = $1 AND email = $2', [a.accountId, 'order@example.com']);
      expect(contact.first_name).toBe('New');
      expect(await runsOf(wf.id)).toHaveLength(2);
    });

    it('enrols the good requests of a batch when one cannot be enrolled, and marks that one failed with why', async () => {
      const wf = await createWorkflow({ name: 'Poison', steps: [] });
      // Stored past the route's checks (as if the rules had changed since): the worker cannot make a contact of it.
      const [poison] = await hub.sql(
        `INSERT INTO workflow_trigger_requests (id, webhook_id, account_id, input, response) VALUES (gen_random_uuid(), $1, $2, $3, '{}') RETURNING id`,
        [wf.trigger.webhook_id, a.accountId, JSON.stringify({ email: 'not-an-email', phone: null, first_name: null, last_name: null, custom_fields: {}, payload: {} })],
      );
      await hub.app.get(TriggerRequestProducer).enqueue([{ id: poison.id, attempt_count: 0 }]);
      const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => hub.request('POST', `/api/automation/webhook/${wf.trigger.webhook_id}`, { body: { email: `good-${i}@example.com` } })));
      expect(answers.map((r) => r.status)).toEqual(Array(12).fill(200));
      await processed();
      const states = await hub.sql('SELECT status, count(*)::int AS n FROM workflow_trigger_requests WHERE webhook_id = $1 GROUP BY status ORDER BY status', [wf.trigger.webhook_id]);
      expect(states).toEqual([
        { status: 'failed', n: 1 },
        { status: 'processed', n: 12 },
      ]);
      const [failed] = await hub.sql('SELECT error, attempt_count FROM workflow_trigger_requests WHERE id = $1', [poison.id]);
      expect(failed).toEqual({ error: 'email "not-an-email" is not an email address', attempt_count: 1 });
      expect(await runsOf(wf.id)).toHaveLength(12);
    });

    it('enrols into a workflow with no steps and completes the run at once (capture only)', async () => {
      const wf = await createWorkflow({ name: 'Capture only', steps: [] });
      expect(wf.steps).toEqual([]);
      const res = await trigger(wf.trigger.webhook_id, { email: 'capture@example.com', source: 'fair' });
      expect(res.body).toEqual({ success: true, message: 'Webhook processed', workflows_triggered: 1, contacts_enrolled: 1 });
      const [run] = await runsOf(wf.id);
      expect(run).toMatchObject({ status: 'completed', steps: [] });
      expect(run.completed_at).not.toBeNull();
      const completed = (await eventsOf(a, 'workflow.completed')).map((e) => e.data).filter((d) => d.run_id === run.id);
      expect(completed).toEqual([expect.objectContaining({ workflow_id: wf.id, status: 'completed', variables: expect.objectContaining({ source: 'fair' }) })]);
      expect((await eventsOf(a, 'workflow.enrolled')).map((e) => e.data.run_id)).toContain(run.id);
    });

    it('rotates the webhook id of every workflow sharing it; the old id answers 404', async () => {
      const one = await createWorkflow({ name: 'Rotate 1' });
      const two = await createWorkflow({ name: 'Rotate 2', webhook_id: one.trigger.webhook_id });
      const old = one.trigger.webhook_id;
      expect((await trigger(old, { email: 'rot@example.com' })).status).toBe(200);
      const rotated = await hub.request('POST', `/api/workflows/${two.id}/trigger/rotate`, { token: a.token });
      expect(rotated.status).toBe(200);
      const fresh = rotated.body.trigger.webhook_id;
      expect(fresh).not.toBe(old);
      expect(rotated.body.trigger.webhook_url).toBe(`https://hub.example.com/api/automation/webhook/${fresh}`);
      expect((await hub.request('GET', `/api/workflows/${one.id}`, { token: a.token })).body.trigger.webhook_id).toBe(fresh);
      const stale = await trigger(old, { email: 'rot@example.com' });
      expect(stale.status).toBe(404);
      const ok = await trigger(fresh, { email: 'rot@example.com' });
      expect(ok.body.workflows_triggered).toBe(2);
      expect(await runsOf(one.id)).toHaveLength(2);
    });

    it('enrols once per Idempotency-Key, also for concurrent repeats, and answers the first answer again', async () => {
      const wf = await createWorkflow({ name: 'Idempotent' });
      const send = (key: string, email = 'idem@example.com') => trigger(wf.trigger.webhook_id, { email, n: 1 }, { 'idempotency-key': key });
      const first = await send('order-1');
      const repeat = await send('order-1', 'someone-else@example.com');
      expect(first.body).toEqual({ success: true, message: 'Webhook processed', workflows_triggered: 1, contacts_enrolled: 1 });
      expect(repeat.status).toBe(200);
      expect(repeat.text).toBe(first.text);
      expect(repeat.headers.get('idempotent-replayed')).toBe('true');
      expect(first.headers.get('idempotent-replayed')).toBeNull();
      expect(await runsOf(wf.id)).toHaveLength(1);
      expect(await hub.sql('SELECT id FROM contacts WHERE email = $1', ['someone-else@example.com'])).toEqual([]);
      const logs = await hub.sql("SELECT outcome FROM inbound_logs WHERE source = 'automation' AND headers->>'idempotency-key' = 'order-1' ORDER BY created_at");
      expect(logs.map((l) => l.outcome)).toEqual(['accepted', 'duplicate']);

      const burst = await Promise.all(Array.from({ length: 6 }, () => send('order-2', 'burst@example.com')));
      expect(burst.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
      expect(burst.filter((r) => r.headers.get('idempotent-replayed') === 'true')).toHaveLength(5);
      expect(await runsOf(wf.id)).toHaveLength(2);

      // A different key enrols again; an expired key (older than 24 h) does too.
      expect((await send('order-3')).body.workflows_triggered).toBe(1);
      await hub.sql("UPDATE workflow_trigger_requests SET created_at = now() - interval '25 hours' WHERE idempotency_key = 'order-1'");
      const late = await send('order-1');
      expect(late.headers.get('idempotent-replayed')).toBeNull();
      expect(await runsOf(wf.id)).toHaveLength(4);
    });
  });
});
