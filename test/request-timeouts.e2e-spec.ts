import { connect, Socket } from 'node:net';
import { Account, Hub, startHub } from './harness';
import { eventually, Receiver } from './support/receiver';

interface Outcome {
  /** Everything the hub wrote back. */
  answer: string;
  /** Milliseconds from connecting until the hub closed the connection. */
  closedAfterMs: number;
}

/**
 * Slow clients (HTTP_REQUEST_TIMEOUT_MS, HTTP_HEADERS_TIMEOUT_MS): a client
 * that sends its headers and then trickles the body, or never finishes its
 * headers, gets 408 and a closed connection within the bound; answers that
 * take the hub longer than the bound are not cut.
 */
describe('request and header timeouts', () => {
  const BOUND_MS = 1000;
  let hub: Hub;
  let a: Account;
  let receiver: Receiver;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    receiver = await new Receiver().start();
    hub = await startHub({ env: { HTTP_REQUEST_TIMEOUT_MS: String(BOUND_MS), HTTP_HEADERS_TIMEOUT_MS: String(BOUND_MS) } });
    a = await hub.signup();
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await hub.close();
    await receiver.stop();
  });

  /** Opens a raw connection, writes `head`, then `trickle` one byte every 100 ms until the hub closes the connection. */
  const slowClient = (head: string, trickle = ''): Promise<Outcome> =>
    new Promise((resolve, reject) => {
      const { port } = new URL(hub.url);
      const started = Date.now();
      const socket = connect(Number(port), '127.0.0.1');
      sockets.push(socket);
      let answer = '';
      let sent = 0;
      let timer: NodeJS.Timeout | undefined;
      socket.on('connect', () => {
        socket.write(head);
        timer = setInterval(() => {
          if (sent < trickle.length && !socket.destroyed) socket.write(trickle[sent++]);
        }, 100);
      });
      socket.on('data', (chunk) => (answer += chunk.toString('latin1')));
      socket.on('error', () => undefined);
      socket.on('close', () => {
        clearInterval(timer);
        resolve({ answer, closedAfterMs: Date.now() - started });
      });
      setTimeout(() => reject(new Error(`connection still open after 20 s; got ${JSON.stringify(answer)}`)), 20_000).unref();
    });

  it('closes a connection whose body trickles in with 408, within the bound', async () => {
    const body = JSON.stringify({ email: 'slow@example.com', note: 'x'.repeat(200) });
    const head = `POST /api/automation/webhook/Vq0v1rZbqSg5o9r3lX9Q8m2mF7bJx4kA1cW6yT0uH3E HTTP/1.1\r\nHost: hub\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`;
    const outcome = await slowClient(head, body);
    expect(outcome.answer).toMatch(/^HTTP\/1\.1 408 /);
    // The bound plus Node's check interval (1 s here; its default of 30 s would let the client hold on that much longer).
    expect(outcome.closedAfterMs).toBeLessThan(BOUND_MS + 5000);
  });

  it("answers a trigger call whose body never arrives in time 408 in the hub's error shape, and logs it as that under the webhook's account", async () => {
    const workflow = await hub.request('POST', '/api/workflows', { token: a.token, body: { name: 'Slow senders', steps: [{ type: 'wait', seconds: 3600 }] } });
    const body = JSON.stringify({ email: 'slow@example.com', note: 'x'.repeat(200) });
    const path = `/api/automation/webhook/${workflow.body.trigger.webhook_id}`;
    const outcome = await slowClient(`POST ${path} HTTP/1.1\r\nHost: hub\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`, body);
    const [head, json] = outcome.answer.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/);
    expect(JSON.parse(json)).toEqual({ statusCode: 408, error: 'Request Timeout', message: expect.stringContaining('HTTP_REQUEST_TIMEOUT_MS') });
    // Node answered the 408 itself and closed the connection; the request's own error (its body read cut off)
    // reaches the log a moment later, so the log is read until the row is there.
    const items = await eventually(async () => {
      const logs = await hub.request('GET', '/api/inbound-logs?source=automation', { token: a.token });
      return logs.body.items.length > 0 ? logs.body.items : undefined;
    }, 5_000);
    expect(items).toEqual([expect.objectContaining({ url: path, status_code: 408, outcome: 'rejected' })]);
    expect(await hub.sql('SELECT id FROM workflow_trigger_requests')).toEqual([]);
  });

  it('logs a body the client cut off as 400 naming that, not as a database outage', async () => {
    const { port } = new URL(hub.url);
    const socket = connect(Number(port), '127.0.0.1');
    sockets.push(socket);
    await new Promise<void>((resolve) => socket.on('connect', () => resolve()));
    socket.write('POST /api/automation/webhook/cut-off HTTP/1.1\r\nHost: hub\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{"email": "cut');
    await new Promise((resolve) => setTimeout(resolve, 200));
    socket.destroy();
    let rows: { status_code: number; error: string }[] = [];
    for (let i = 0; i < 50 && rows.length === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      rows = await hub.sql("SELECT status_code, error FROM inbound_logs WHERE url = '/api/automation/webhook/cut-off'");
    }
    expect(rows).toEqual([{ status_code: 400, error: expect.stringMatching(/^The connection closed before the request body was received in full/) }]);
  });

  it('closes a connection that never finishes its headers with 408', async () => {
    const outcome = await slowClient('GET /api/health HTTP/1.1\r\nHost: hub\r\nX-Slow: ', 'abcdefghijklmnopqrstuvwxyz'.repeat(4));
    expect(outcome.answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(outcome.closedAfterMs).toBeLessThan(BOUND_MS + 5000);
  });

  it('does not cut an answer that takes the hub longer than the bound', async () => {
    receiver.respond = () => ({ status: 200, body: 'ok', delayMs: BOUND_MS * 2 });
    const res = await hub.request('POST', '/api/endpoints/test', { token: a.token, body: { url: receiver.url(), event_type: 'contact.created' } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ok: true, status: 200 });
  });

  it('keeps an idle keep-alive connection usable past the bound', async () => {
    const { port } = new URL(hub.url);
    const socket = connect(Number(port), '127.0.0.1');
    sockets.push(socket);
    const answers: string[] = [];
    socket.on('data', (chunk) => answers.push(chunk.toString('latin1')));
    const request = 'GET /api/health HTTP/1.1\r\nHost: hub\r\n\r\n';
    await new Promise<void>((resolve) => socket.on('connect', () => resolve()));
    socket.write(request);
    await new Promise((resolve) => setTimeout(resolve, BOUND_MS * 2.5));
    socket.write(request);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(answers.join('').match(/HTTP\/1\.1 200 /g)).toHaveLength(2);
    expect(socket.destroyed).toBe(false);
  });
});
