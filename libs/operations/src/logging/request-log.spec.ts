import Fastify, { FastifyInstance } from 'fastify';
import pino from 'pino';
import { Writable } from 'node:stream';
import { randomUUID } from 'node:crypto';
import { installRequestLog, requestIdOf } from './request-log';

/** A real Fastify server on a loopback port, logging into an array. */
async function serverWithLog(): Promise<{ app: FastifyInstance; url: string; lines: Record<string, any>[] }> {
  const lines: Record<string, any>[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  const app = Fastify({ genReqId: (request) => requestIdOf(request.headers, randomUUID) });
  installRequestLog(app, pino({ level: 'info' }, sink), { skipRoutes: ['GET /health', 'POST /hooks/:id'], secretParams: ['token'] });
  app.get('/things/:id', async () => ({ ok: true }));
  app.get('/health', async () => ({ ok: true }));
  app.get('/lists/:listId/unsubscribe/:token', async () => ({ ok: true }));
  app.post('/hooks/:id', async () => ({ ok: true }));
  app.get('/broken', async () => {
    throw new Error('broken on purpose');
  });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, url, lines };
}

describe('installRequestLog', () => {
  let server: Awaited<ReturnType<typeof serverWithLog>>;
  beforeEach(async () => {
    server = await serverWithLog();
  });
  afterEach(() => server.app.close());

  it('writes one line per answered request: id, method, path without query, status, time; no headers', async () => {
    const res = await fetch(`${server.url}/things/7?token=secret-in-query`, { headers: { authorization: 'Bearer sk_live_secret', 'x-request-id': 'caller-id-1' } });
    expect(res.status).toBe(200);
    await new Promise((resolve) => setImmediate(resolve));
    expect(server.lines).toHaveLength(1);
    const [line] = server.lines;
    expect(line).toMatchObject({ level: 30, msg: 'request completed', req: { id: 'caller-id-1', method: 'GET', url: '/things/7' }, res: { statusCode: 200 } });
    expect(typeof line.responseTime).toBe('number');
    expect(JSON.stringify(line)).not.toContain('secret');
  });

  it('skips the listed routes and logs 5xx at error level with a generated id when the caller sent none or a long one', async () => {
    await fetch(`${server.url}/health`);
    await fetch(`${server.url}/hooks/abc`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
    await fetch(`${server.url}/broken`, { headers: { 'x-request-id': 'x'.repeat(101) } });
    await new Promise((resolve) => setImmediate(resolve));
    expect(server.lines).toHaveLength(1);
    expect(server.lines[0]).toMatchObject({ level: 50, msg: 'request errored', req: { method: 'GET', url: '/broken' }, res: { statusCode: 500 } });
    expect(server.lines[0].req.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('keeps capability tokens in the path out of the line, other path parameters in', async () => {
    const res = await fetch(`${server.url}/lists/42/unsubscribe/tok_secret_abc?x=1`);
    expect(res.status).toBe(200);
    await new Promise((resolve) => setImmediate(resolve));
    expect(server.lines[0].req.url).toBe('/lists/42/unsubscribe/:token');
    expect(JSON.stringify(server.lines)).not.toContain('tok_secret_abc');
  });
});
