import { getQueueToken } from '@nestjs/bull';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import type { Queue } from 'bull';
import { Webhook } from 'standardwebhooks';
import { WORKFLOW_RUN_QUEUE, WorkflowRunner } from '../libs/automation/src';
import { findEventType } from '../libs/events/src';
import { Account, Hub, startHub } from './harness';
import { eventually, Receiver } from './support/receiver';
import { SmtpSink } from './support/smtp-sink';

/** The workflow runner in the worker (SPEC §4: steps run in the worker; §1: Redis only moves work). */
describe('workflow runner', () => {
  let hub: Hub;
  let a: Account;
  const receivers: Receiver[] = [];
  const receiver = async () => {
    const r = await new Receiver().start();
    receivers.push(r);
    return r;
  };

  beforeAll(async () => {
    hub = await startHub({ env: { WEBHOOK_RETRY_SCHEDULE: '0,1,1', WEBHOOK_SWEEP_INTERVAL_MS: '500' } });
    a = await hub.signup();
  });
  afterAll(async () => {
    await Promise.all(receivers.map((r) => r.stop()));
    await hub.close();
  });

  const createWorkflow = async (name: string, steps: unknown[]) => {
    const res = await hub.request('POST', '/api/workflows', { token: a.token, body: { name, steps } });
    if (res.status !== 201) throw new Error(`create workflow failed: ${res.status} ${res.text}`);
    return res.body as { id: string; signing_secret: string; trigger: { webhook_id: string } };
  };
  const trigger = async (webhookId: string, body: Record<string, unknown>) => {
    const res = await hub.request('POST', `/api/automation/webhook/${webhookId}`, { body });
    if (res.status !== 200) throw new Error(`trigger failed: ${res.status} ${res.text}`);
    return res.body;
  };
  const runsOf = async (workflowId: string) => {
    const res = await hub.request('GET', `/api/workflows/${workflowId}/runs`, { token: a.token });
    expect(res.status).toBe(200);
    return res.body.items as any[];
  };
  const runEnded = (workflowId: string) => eventually(async () => (await runsOf(workflowId)).find((run) => run.status === 'completed' || run.status === 'failed'));
  const eventsOfRun = (runId: string) => hub.sql("SELECT type, data FROM events WHERE type LIKE 'workflow.%' AND data->>'run_id' = $1 ORDER BY id", [runId]);

  it('runs update_contact → wait 1 s → signed http_request with rendered templates → add_to_group, recording every step', async () => {
    const group = (await hub.request('POST', '/api/groups', { token: a.token, body: { name: 'Onboarded' } })).body;
    const r = await receiver();
    const wf = await createWorkflow('Onboarding', [
      { type: 'update_contact', fields: { first_name: '{{ first_name | capitalize }}', custom_fields: { stage: 'welcomed-{{ plan }}' } } },
      { type: 'wait', seconds: 1 },
      { type: 'http_request', url: r.url('/crm'), body: { greeting: 'Hi {{ first_name }}', email: '{{ email }}', stage: '{{ stage }}', source: '{{ utm_source | default: "direct" }}', n: 3 }, headers: { 'X-Plan': '{{ plan }}' } },
      { type: 'add_to_group', group_id: group.id },
    ]);
    const triggeredAt = Date.now();
    await trigger(wf.trigger.webhook_id, { email: 'flow@example.com', first_name: 'ann', plan: 'pro' });

    // The worker enrolled the contact; update_contact ran, then the run waits.
    const waiting = await eventually(async () => (await runsOf(wf.id)).find((run) => run.status === 'waiting'));
    const [contact] = await hub.sql('SELECT * FROM contacts WHERE email = $1', ['flow@example.com']);
    expect(waiting.steps.map((s: { status: string }) => s.status)).toEqual(['completed', 'running', 'pending', 'pending']);
    expect(waiting.resume_at).toEqual(waiting.steps[1].output.resume_at);

    await r.waitFor(1);
    const [got] = r.received;
    expect(got.at - triggeredAt).toBeGreaterThanOrEqual(1000);
    const payload = new Webhook(wf.signing_secret).verify(got.body, got.headers);
    expect(payload).toEqual({ greeting: 'Hi Ann', email: 'flow@example.com', stage: 'welcomed-pro', source: 'direct', n: 3 });
    expect(got.path).toBe('/crm');
    expect(got.headers['x-plan']).toBe('pro');
    expect(got.headers['webhook-id']).toMatch(/^evt_[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(got.headers['content-type']).toBe('application/json');

    const run = await runEnded(wf.id);
    expect(run).toMatchObject({ status: 'completed', contact_id: contact.id, error: null, current_step: 3, resume_at: null });
    expect(run.steps.map((s: { type: string; status: string; attempts: number }) => [s.type, s.status, s.attempts])).toEqual([
      ['update_contact', 'completed', 1],
      ['wait', 'completed', 2],
      ['http_request', 'completed', 1],
      ['add_to_group', 'completed', 1],
    ]);
    const [, wait, http, add] = run.steps;
    expect(Date.parse(wait.finished_at) - Date.parse(wait.started_at)).toBeGreaterThanOrEqual(1000);
    expect(http.output).toMatchObject({ event_id: got.headers['webhook-id'], status_code: 200, response_body: 'ok', url: r.url('/crm') });
    expect(add.output).toEqual({ group_id: group.id, already_subscribed: false });
    expect(run.variables).toMatchObject({ email: 'flow@example.com', first_name: 'Ann', plan: 'pro', stage: 'welcomed-pro' });

    const [updated] = await hub.sql('SELECT first_name, custom_fields FROM contacts WHERE id = $1', [contact.id]);
    expect(updated).toEqual({ first_name: 'Ann', custom_fields: { plan: 'pro', stage: 'welcomed-pro' } });
    expect(await hub.sql('SELECT contact_id FROM group_members WHERE group_id = $1 AND unsubscribed_at IS NULL', [group.id])).toEqual([{ contact_id: contact.id }]);

    const types = (await hub.sql("SELECT type, data FROM events WHERE account_id = $1 AND (data->>'id' = $2 OR data->>'contact_id' = $2) ORDER BY id", [a.accountId, contact.id])).map((e) => e.type);
    expect(types).toEqual(['contact.created', 'workflow.enrolled', 'contact.updated', 'group.subscribed', 'workflow.completed']);
    const [subscribed] = await hub.sql("SELECT data FROM events WHERE type = 'group.subscribed' AND data->>'contact_id' = $1", [contact.id]);
    expect(subscribed.data).toMatchObject({ group_id: group.id, via: 'workflow' });
    const [completed] = await hub.sql("SELECT data FROM events WHERE type = 'workflow.completed' AND data->>'run_id' = $1", [run.id]);
    expect(completed.data).toEqual({
      workflow_id: wf.id,
      workflow_name: 'Onboarding',
      run_id: run.id,
      contact_id: contact.id,
      variables: run.variables,
      status: 'completed',
      completed_at: run.completed_at,
    });
  });

  it('sends an email over SMTP with rendered templates and the unsubscribe link, then an SMS, through messaging', async () => {
    const smtp = await new SmtpSink().start();
    const sms = await receiver();
    sms.respond = () => ({ status: 201, body: JSON.stringify({ sid: 'SM42' }), headers: { 'content-type': 'application/json' } });
    try {
      const channel = async (body: Record<string, unknown>) => (await hub.request('POST', '/api/channels', { token: a.token, body })).body.id as string;
      const emailChannel = await channel({ type: 'email', name: 'Mail', from_address: 'hello@shop.example.com', provider: 'smtp', smtp: { host: '127.0.0.1', port: smtp.port, secure: false } });
      const smsChannel = await channel({ type: 'sms', name: 'Texts', from_number: '+15555550123', provider_url: sms.url('/messages'), auth_token: 'sms-token' });
      const wf = await createWorkflow('Welcome mail', [
        { type: 'send_email', channel_id: emailChannel, subject: 'Welcome, {{ first_name }}!', body: '<p>Hi {{ first_name }}, plan {{ plan }}.</p><p><a href="{{ link_unsubscribe }}">Unsubscribe</a></p>' },
        { type: 'send_sms', channel_id: smsChannel, body: 'Hi {{ first_name }}, your plan is {{ plan | upcase }}' },
      ]);
      await trigger(wf.trigger.webhook_id, { email: 'mail@example.com', phone: '+14155550100', first_name: '<Zoe>', plan: 'pro' });

      await smtp.waitFor(1);
      const [mail] = smtp.mails;
      expect(mail.to).toEqual(['mail@example.com']);
      expect(mail.parsed.subject).toBe('Welcome, <Zoe>!');
      const html = String(mail.parsed.html);
      expect(html).toContain('<p>Hi &lt;Zoe&gt;, plan pro.</p>');
      const link = /href="([^"]+)"/.exec(html)?.[1];
      expect(link).toMatch(/^http:\/\/localhost:\d+\/u\/[A-Za-z0-9._~-]+$/);

      await sms.waitFor(1);
      expect(new URLSearchParams(sms.received[0].body).get('Body')).toBe('Hi <Zoe>, your plan is PRO');
      expect(new URLSearchParams(sms.received[0].body).get('To')).toBe('+14155550100');

      const run = await runEnded(wf.id);
      expect(run.status).toBe('completed');
      const messages = await hub.sql('SELECT id, channel, source, workflow_run_id FROM messages WHERE workflow_run_id = $1 ORDER BY created_at', [run.id]);
      expect(messages.map((m) => [m.channel, m.source])).toEqual([['email', 'workflow'], ['sms', 'workflow']]);
      expect(run.steps.map((step: { output: { message_id: string } }) => step.output.message_id)).toEqual(messages.map((m) => m.id));
      await eventually(async () => (await hub.sql("SELECT id FROM events WHERE type = 'message.sent' AND data->>'message_id' = ANY($1)", [messages.map((m) => m.id)])).length === 2);

      // A contact without a phone skips the SMS step; the run still completes.
      await trigger(wf.trigger.webhook_id, { email: 'nophone@example.com', first_name: 'Al' });
      await smtp.waitFor(2);
      const second = await eventually(async () => (await runsOf(wf.id)).find((r) => r.variables.email === 'nophone@example.com' && r.status === 'completed'));
      expect(second.steps[1]).toMatchObject({ status: 'skipped', output: { reason: 'The contact has no phone number' } });
      expect(sms.received).toHaveLength(1);
    } finally {
      await smtp.stop();
    }
  });

  it('retries a non-2xx http_request 3 times with the same webhook-id, then fails the step and the run', async () => {
    const r = await receiver();
    r.respond = (_req, n) => ({ status: 500, body: `down ${n}` });
    const after = await receiver();
    const wf = await createWorkflow('Flaky CRM', [
      { type: 'http_request', url: r.url() },
      { type: 'http_request', url: after.url() },
    ]);
    await trigger(wf.trigger.webhook_id, { email: 'flaky@example.com', plan: 'basic' });
    const run = await runEnded(wf.id);
    expect(r.received).toHaveLength(4);
    expect(new Set(r.received.map((x) => x.headers['webhook-id'])).size).toBe(1);
    expect(r.received[1].at - r.received[0].at).toBeGreaterThanOrEqual(900);
    // The default body: the run as workflow events describe it.
    expect(JSON.parse(r.received[0].body)).toEqual({ workflow_id: wf.id, workflow_name: 'Flaky CRM', run_id: run.id, contact_id: run.contact_id, variables: run.variables });
    expect(run).toMatchObject({ status: 'failed', error: 'Step 1 (http_request) failed: HTTP 500 (after 4 attempts)' });
    expect(run.steps[0]).toMatchObject({ status: 'failed', attempts: 4, error: 'HTTP 500 (after 4 attempts)', output: { status_code: 500, response_body: 'down 4' } });
    expect(run.steps[1]).toMatchObject({ status: 'pending', attempts: 0 });
    expect(after.received).toHaveLength(0);
    expect((await eventsOfRun(run.id)).map((e) => [e.type, e.data.status])).toEqual([
      ['workflow.enrolled', undefined],
      ['workflow.completed', 'failed'],
    ]);
  });

  it('fails the run when a step cannot succeed (its group was deleted), without retrying', async () => {
    const group = (await hub.request('POST', '/api/groups', { token: a.token, body: { name: 'Short-lived' } })).body;
    const wf = await createWorkflow('Dangling group', [{ type: 'add_to_group', group_id: group.id }]);
    await hub.request('DELETE', `/api/groups/${group.id}`, { token: a.token });
    await trigger(wf.trigger.webhook_id, { email: 'dangling@example.com' });
    const run = await runEnded(wf.id);
    expect(run).toMatchObject({ status: 'failed', error: `Step 1 (add_to_group) failed: Group ${group.id} not found` });
    expect(run.steps[0]).toMatchObject({ status: 'failed', attempts: 1 });
    expect(await hub.sql("SELECT id FROM events WHERE type = 'group.subscribed' AND data->>'group_id' = $1", [group.id])).toEqual([]);
  });

  it('never runs a step twice when the same run is asked for several times at once', async () => {
    const r = await receiver();
    r.respond = () => ({ status: 200, delayMs: 300 });
    const wf = await createWorkflow('Once', [{ type: 'wait', seconds: 3600 }, { type: 'http_request', url: r.url() }]);
    await trigger(wf.trigger.webhook_id, { email: 'once@example.com' });
    const waiting = await eventually(async () => (await runsOf(wf.id)).find((run) => run.status === 'waiting'));
    // Due at the http_request step with no job: three workers ask for it at once.
    await hub.sql("UPDATE workflow_runs SET status = 'running', current_step = 1, attempt_count = 0, resume_at = NULL WHERE id = $1", [waiting.id]);
    const runner = hub.app.get(WorkflowRunner);
    await Promise.all([runner.run(waiting.id), runner.run(waiting.id), runner.run(waiting.id)]);
    expect(r.received).toHaveLength(1);
    await runEnded(wf.id);
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(r.received).toHaveLength(1);
  });

  it('resumes a waiting run whose Bull job vanished: the PostgreSQL sweeper re-enqueues it', async () => {
    const r = await receiver();
    const wf = await createWorkflow('Survivor', [{ type: 'wait', seconds: 2 }, { type: 'http_request', url: r.url(), body: 'still here, {{ email }}' }]);
    await trigger(wf.trigger.webhook_id, { email: 'survivor@example.com' });
    const waiting = await eventually(async () => (await runsOf(wf.id)).find((run) => run.status === 'waiting'));
    const queue = hub.app.get<Queue>(getQueueToken(WORKFLOW_RUN_QUEUE));
    const job = await eventually(() => queue.getJob(`${waiting.id}:0:1`));
    expect(await job.getState()).toBe('delayed');
    await job.remove();
    expect(await queue.getJob(`${waiting.id}:0:1`)).toBeNull();

    await r.waitFor(1, 15000);
    expect(r.received[0].body).toBe('still here, survivor@example.com');
    const run = await runEnded(wf.id);
    expect(run.status).toBe('completed');
    // Not before the sweeper's grace after resume_at: it was the sweeper, not the deleted job.
    expect(r.received[0].at).toBeGreaterThanOrEqual(Date.parse(waiting.resume_at) + 4000);
  });

  it('resumes a run whose worker died mid-step once its lease runs out', async () => {
    const r = await receiver();
    const wf = await createWorkflow('Crash', [{ type: 'wait', seconds: 3600 }, { type: 'http_request', url: r.url() }]);
    await trigger(wf.trigger.webhook_id, { email: 'crash@example.com' });
    const waiting = await eventually(async () => (await runsOf(wf.id)).find((run) => run.status === 'waiting'));
    // What a worker killed right after claiming the next step leaves: a lease, and no job.
    await hub.sql(
      "UPDATE workflow_runs SET status = 'running', current_step = 1, attempt_count = 1, resume_at = NULL, locked_until = now() + interval '2 seconds', updated_at = now() - interval '1 minute' WHERE id = $1",
      [waiting.id],
    );
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(r.received).toHaveLength(0);
    await r.waitFor(1, 15000);
    const run = await runEnded(wf.id);
    expect(run.steps[1]).toMatchObject({ status: 'completed', attempts: 2 });
  });

  it('publishes workflow events exactly in the shape of the event catalog', async () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const events = await hub.sql<{ type: string; data: Record<string, unknown> }>("SELECT type, data FROM events WHERE type LIKE 'workflow.%' ORDER BY id");
    expect(new Set(events.map((e) => e.type))).toEqual(new Set(['workflow.enrolled', 'workflow.completed']));
    for (const { type, data } of events) {
      const schema = findEventType(type)!.schema as { properties: Record<string, unknown> };
      const validate = ajv.compile(schema);
      expect({ type, valid: validate(data), errors: validate.errors ?? null }).toEqual({ type, valid: true, errors: null });
      expect(Object.keys(data).sort()).toEqual(Object.keys(schema.properties).sort());
    }
  });
});
