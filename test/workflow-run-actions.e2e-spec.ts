import { Account, Hub, startHub } from './harness';
import { eventually, Receiver } from './support/receiver';

/** A failing step the admin can act on (issue 20, item 8): its request and answer, its next try, retry now, cancel. */
describe('workflow runs: retry a failing step now, cancel a run', () => {
  let hub: Hub;
  let a: Account;
  let b: Account;
  const receivers: Receiver[] = [];
  const receiver = async (up: { now: boolean }) => {
    const r = await new Receiver().start();
    r.respond = () => (up.now ? { status: 200, body: 'ok' } : { status: 500, body: 'crm is down' });
    receivers.push(r);
    return r;
  };

  beforeAll(async () => {
    // A failed step's next try is ten minutes away: only the admin's retry brings it sooner.
    hub = await startHub({ env: { WEBHOOK_RETRY_SCHEDULE: '0,600' } });
    [a, b] = [await hub.signup(), await hub.signup()];
  });
  afterAll(async () => {
    await Promise.all(receivers.map((r) => r.stop()));
    await hub.close();
  });

  const createWorkflow = async (steps: unknown[]) => {
    const res = await hub.request('POST', '/api/workflows', { token: a.token, body: { name: `Flaky ${Math.random()}`, steps } });
    expect(res.status).toBe(201);
    return res.body as { id: string; steps: { body?: Record<string, unknown> }[]; trigger: { webhook_id: string } };
  };
  const trigger = async (webhookId: string, email: string) =>
    expect((await hub.request('POST', `/api/automation/webhook/${webhookId}`, { body: { email } })).status).toBe(200);
  const onlyRun = async (workflowId: string) => (await hub.request('GET', `/api/workflows/${workflowId}/runs`, { token: a.token })).body.items[0];
  const failingRun = (workflowId: string) =>
    eventually(async () => {
      const run = await onlyRun(workflowId);
      return run?.status === 'running' && run.resume_at && run.steps[0].output?.status_code === 500 ? run : null;
    });
  const act = (workflowId: string, runId: string, action: 'retry' | 'cancel', token = a.token) =>
    hub.request('POST', `/api/workflows/${workflowId}/runs/${runId}/${action}`, { token });

  it('shows the failing http_request’s request (body in the typed key order), answer and next try, and retries it now', async () => {
    const up = { now: false };
    const crm = await receiver(up);
    const after = await receiver({ now: true });
    const wf = await createWorkflow([
      { type: 'http_request', url: crm.url('/leads'), body: { zeta: '{{ email }}', alpha: 1, mid: { b: 1, a: 2 } } },
      { type: 'http_request', url: after.url('/after') },
    ]);
    expect(Object.keys(wf.steps[0].body!)).toEqual(['zeta', 'alpha', 'mid']);
    await trigger(wf.trigger.webhook_id, 'order@example.com');

    const run = await failingRun(wf.id);
    const typed = '{"zeta":"order@example.com","alpha":1,"mid":{"b":1,"a":2}}';
    expect(crm.received[0].body).toBe(typed);
    expect(run.steps[0]).toMatchObject({
      status: 'running',
      attempts: 1,
      error: 'HTTP 500',
      output: { status_code: 500, response_body: 'crm is down', request: { method: 'POST', url: crm.url('/leads'), body: typed } },
    });
    expect(run.steps[0].output.request.headers['webhook-id']).toBe(crm.received[0].headers['webhook-id']);
    expect(new Date(run.resume_at).getTime()).toBeGreaterThan(Date.now() + 500_000);

    up.now = true;
    const retried = await act(wf.id, run.id, 'retry');
    expect(retried.status).toBe(202);
    expect(new Date(retried.body.resume_at).getTime()).toBeLessThan(Date.now() + 5_000);
    const done = await eventually(async () => ((await onlyRun(wf.id)).status === 'completed' ? onlyRun(wf.id) : null));
    expect(done.steps.map((s: { status: string; attempts: number }) => [s.status, s.attempts])).toEqual([['completed', 2], ['completed', 1]]);
    expect(crm.received).toHaveLength(2);
    expect(crm.received[1].headers['webhook-id']).toBe(crm.received[0].headers['webhook-id']);
    expect(after.received).toHaveLength(1);

    const again = await act(wf.id, run.id, 'retry');
    expect(again.status).toBe(409);
    expect(again.body.message).toBe('a completed run has no failing step to retry');
  });

  it('cancels a failing run where it is, and retries a failed one with fresh attempts', async () => {
    const up = { now: false };
    const crm = await receiver(up);
    const wf = await createWorkflow([{ type: 'http_request', url: crm.url('/leads') }]);
    await trigger(wf.trigger.webhook_id, 'cancel@example.com');
    const run = await failingRun(wf.id);

    // Another account naming this run (or a run under another workflow) finds nothing.
    expect((await act(wf.id, run.id, 'cancel', b.token)).status).toBe(404);
    expect((await act(wf.id, run.id, 'retry', b.token)).status).toBe(404);
    expect((await act('5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d', run.id, 'cancel')).status).toBe(404);
    const cancelled = await act(wf.id, run.id, 'cancel');
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', error: 'Cancelled by an admin', resume_at: null });
    expect(cancelled.body.completed_at).toEqual(expect.any(String));
    expect((await act(wf.id, run.id, 'cancel')).status).toBe(409);
    expect((await act(wf.id, run.id, 'retry')).body.message).toBe('a cancelled run has no failing step to retry');
    expect(await hub.sql(`SELECT type FROM events WHERE type = 'workflow.completed' AND data->>'run_id' = $1`, [run.id])).toEqual([]);

    // A run whose step used up its attempts: retry gives the step a fresh set.
    await hub.sql(`UPDATE workflow_runs SET status = 'failed', error = 'Step 1 (http_request) failed: HTTP 500 (after 2 attempts)', resume_at = NULL, completed_at = now() WHERE id = $1`, [run.id]);
    up.now = true;
    const retried = await act(wf.id, run.id, 'retry');
    expect(retried.status).toBe(202);
    expect(retried.body).toMatchObject({ status: 'running', error: null, completed_at: null });
    const done = await eventually(async () => ((await onlyRun(wf.id)).status === 'completed' ? onlyRun(wf.id) : null));
    expect(done.steps[0]).toMatchObject({ status: 'completed', attempts: 1, output: { status_code: 200 } });
    expect(crm.received).toHaveLength(2);
  });

  it('refuses to touch a run while its step is in flight', async () => {
    const crm = await receiver({ now: false });
    const wf = await createWorkflow([{ type: 'http_request', url: crm.url('/leads') }]);
    await trigger(wf.trigger.webhook_id, 'leased@example.com');
    const run = await failingRun(wf.id);
    await hub.sql(`UPDATE workflow_runs SET locked_until = now() + interval '1 minute' WHERE id = $1`, [run.id]);
    for (const action of ['retry', 'cancel'] as const) {
      const res = await act(wf.id, run.id, action);
      expect(res.status).toBe(409);
      expect(res.body.message).toBe('the step is running right now');
    }
  });
});
