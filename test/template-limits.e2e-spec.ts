import { TEMPLATE_LIMITS } from '../libs/messaging/src';
import { Account, Hub, startHub } from './harness';
import { eventually } from './support/receiver';

const NESTED_LOOPS = '{% for a in (1..1000) %}{% for b in (1..1000) %}{% for c in (1..1000) %}x{% endfor %}{% endfor %}{% endfor %}';
const BIG_LOOP = '{% for i in (1..120) %}{{ big }}{% endfor %}';
const BIG = 'y'.repeat(500 * 1024);
const STOPPED = new RegExp(
  `(rendering took longer than the limit of ${TEMPLATE_LIMITS.renderMs} ms|rendering allocated more than the limit of ${TEMPLATE_LIMITS.memoryUnits} characters or items)`,
);
const TOO_BIG = `the rendered output is larger than the limit of ${TEMPLATE_LIMITS.outputChars} characters`;

/**
 * Liquid rendering is bounded (TEMPLATE_LIMITS): a template that would stall
 * the process or build a huge body is refused, naming the limit, at the Send
 * API and in a workflow step reached through the public trigger URL.
 */
describe('template limits', () => {
  let hub: Hub;
  let a: Account;
  let channelId: string;

  beforeAll(async () => {
    hub = await startHub({ env: { WEBHOOK_SWEEP_INTERVAL_MS: '500' } });
    a = await hub.signup();
    const channel = await hub.request('POST', '/api/channels', {
      token: a.token,
      body: { type: 'email', name: 'Limits', from_address: 'hello@shop.example.com', provider: 'ses', smtp: { host: '127.0.0.1', port: 2525, secure: false } },
    });
    if (channel.status !== 201) throw new Error(`channel: ${channel.status} ${channel.text}`);
    channelId = channel.body.id;
  });
  afterAll(async () => {
    await hub.close();
  });

  const messages = async () => (await hub.sql('SELECT count(*)::int AS n FROM messages'))[0].n as number;

  describe('Send API', () => {
    const send = (body: Record<string, unknown>) =>
      hub.request('POST', '/api/email/send', { token: a.token, body: { channel_id: channelId, to: 'ana@example.com', subject: 'Hi', ...body } });

    it('refuses three nested 1..1000 loops with 400 naming the limit, and stores nothing', async () => {
      const before = await messages();
      const res = await send({ template: NESTED_LOOPS });
      expect(res.status).toBe(400);
      expect(res.body.details).toEqual([{ field: 'template', message: expect.stringMatching(STOPPED) }]);
      expect(await messages()).toBe(before);
    });

    it('refuses a 500 KB variable looped 120 times with 400 naming the output limit, and stores nothing', async () => {
      const before = await messages();
      const res = await send({ template: BIG_LOOP, variables: { big: BIG } });
      expect(res.status).toBe(400);
      expect(res.body.details).toEqual([{ field: 'template', message: `template could not be rendered: ${TOO_BIG}` }]);
      expect(await messages()).toBe(before);
    });

    it('counts the subject and the body together', async () => {
      const half = 'z'.repeat(TEMPLATE_LIMITS.outputChars / 2 + 1);
      const res = await send({ subject: '{{ half }}', template: '{{ half }}', variables: { half } });
      expect(res.status).toBe(400);
      expect(res.body.details[0]).toEqual({ field: 'subject', message: `subject could not be rendered: ${TOO_BIG}` });
    });

    it('still renders and queues an ordinary template', async () => {
      const res = await send({ template: 'Hi {{ name }}, {% for i in (1..3) %}{{ i }}{% endfor %}', variables: { name: 'Ana' } });
      expect(res.status).toBe(202);
      const [message] = await hub.sql('SELECT body FROM messages WHERE id = $1', [res.body.message_id]);
      expect(message.body).toBe('Hi Ana, 123');
    });
  });

  describe('workflow steps reached through the public trigger URL', () => {
    const createWorkflow = async (name: string, steps: unknown[]) => {
      const res = await hub.request('POST', '/api/workflows', { token: a.token, body: { name, steps } });
      if (res.status !== 201) throw new Error(`create workflow failed: ${res.status} ${res.text}`);
      return res.body as { id: string; trigger: { webhook_id: string } };
    };
    const failedRun = async (workflowId: string) =>
      eventually(async () => {
        const res = await hub.request('GET', `/api/workflows/${workflowId}/runs`, { token: a.token });
        return (res.body.items as { status: string }[]).find((run) => run.status === 'failed');
      });

    it('fails an http_request step whose body loops without end, with the limit stored on the run', async () => {
      const wf = await createWorkflow('Loops', [{ type: 'http_request', url: 'http://127.0.0.1:9/never', body: NESTED_LOOPS }]);
      const res = await hub.request('POST', `/api/automation/webhook/${wf.trigger.webhook_id}`, { body: { email: 'loop@example.com' } });
      expect(res.status).toBe(200);
      const run = await failedRun(wf.id);
      expect(run).toMatchObject({ status: 'failed', error: expect.stringMatching(new RegExp(`^Step 1 \\(http_request\\) failed: Template did not render: ${STOPPED.source}`)) });
    });

    it('fails a send_email step whose body would be 60 MB, with the output limit stored on the run and no message', async () => {
      const before = await messages();
      const wf = await createWorkflow('Big body', [{ type: 'send_email', channel_id: channelId, subject: 'Hi', body: BIG_LOOP.replace('big', 'note') }]);
      const res = await hub.request('POST', `/api/automation/webhook/${wf.trigger.webhook_id}`, { body: { email: 'big@example.com', note: BIG } });
      expect(res.status).toBe(200);
      const run = await failedRun(wf.id);
      expect(run).toMatchObject({ status: 'failed', error: `Step 1 (send_email) failed: Template did not render: ${TOO_BIG}` });
      expect(await messages()).toBe(before);
    });
  });
});
