import { randomBytes } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';

export interface SimulatorOptions {
  /** The hub's base URL, e.g. http://127.0.0.1:3000. */
  hubUrl: string;
  /** WHATSAPP_NODE_SECRET: sent to the hub, and required from it. */
  secret: string;
  /** Port of the send API the hub calls (WHATSAPP_NODE_URL); 0 picks a free one. */
  port?: number;
  /** Wait before each status update of a message the hub sent (1 sent, 2 delivered, 3 read); null: never acknowledge. */
  ackDelayMs?: number | null;
  log?: (line: string) => void;
}

/** A message the hub asked the node to send. */
export interface SentByHub {
  sessionId: string;
  to: string;
  text: string;
  id: string;
}

/** What the hub answered the simulator (its requests to the hub). */
export interface HubAnswer {
  status: number;
  body: unknown;
}

/** A WhatsApp message id as WhatsApp Web makes them: 3EB0 and 16 hex digits. */
export function whatsappMessageId(): string {
  return `3EB0${randomBytes(8).toString('hex').toUpperCase()}`;
}

const jidOf = (phone: string) => `${phone.replace(/^\+/, '')}@s.whatsapp.net`;

/**
 * Plays the WhatsApp node service against a hub, speaking the contract in
 * docs/whatsapp-node-service.md and nothing else: it serves the send API the
 * hub calls (`POST /sessions/{id}/messages`, answered `{id}`, then
 * acknowledged 1 → 2 → 3 through `messages.update`), and reports sessions
 * (QR, connected, disconnected, start-up sync) and inbound messages to the
 * hub's routes with `X-Node-Secret`. No phone, no WhatsApp: the whole flow on
 * one machine (`npm run whatsapp:simulate`), and what the e2e tests drive.
 */
export class WhatsappNodeSimulator {
  readonly sent: SentByHub[] = [];
  private readonly acks: Promise<unknown>[] = [];
  private server?: Server;
  private readonly log: (line: string) => void;

  constructor(private readonly options: SimulatorOptions) {
    this.log = options.log ?? (() => undefined);
  }

  /** The base URL of the simulator's send API (give it to the hub as WHATSAPP_NODE_URL). */
  get url(): string {
    const address = this.server?.address() as AddressInfo | undefined;
    if (!address) throw new Error('The simulator is not started');
    return `http://127.0.0.1:${address.port}`;
  }

  /** Points the simulator at a hub started after it (the hub needs the simulator's URL first). */
  useHub(hubUrl: string): this {
    this.options.hubUrl = hubUrl;
    return this;
  }

  async start(): Promise<this> {
    this.server = createServer((request, response) => void this.serve(request, response));
    await new Promise<void>((resolve, reject) => {
      this.server?.once('error', reject);
      this.server?.listen(this.options.port ?? 0, '127.0.0.1', () => resolve());
    });
    return this;
  }

  async stop(): Promise<void> {
    await Promise.allSettled(this.acks);
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Every acknowledgement started so far has been answered by the hub. */
  async acknowledged(): Promise<void> {
    await Promise.allSettled(this.acks);
  }

  reportQr(sessionId: string, qr = `2@${randomBytes(24).toString('base64')},${randomBytes(32).toString('base64')}`): Promise<HubAnswer> {
    return this.post('/api/whatsapp/session/status', { session_id: sessionId, status: 'qr', qr });
  }

  reportConnected(sessionId: string, phone: string): Promise<HubAnswer> {
    return this.post('/api/whatsapp/session/status', { session_id: sessionId, status: 'connected', phone });
  }

  reportDisconnected(sessionId: string): Promise<HubAnswer> {
    return this.post('/api/whatsapp/session/status', { session_id: sessionId, status: 'disconnected' });
  }

  /** On start-up: every session this node runs; the hub disconnects the others. */
  sync(sessions: { session_id: string; status: 'connected' | 'disconnected' | 'qr'; phone?: string; qr?: string }[]): Promise<HubAnswer> {
    return this.post('/api/whatsapp/session/sync', { sessions });
  }

  sessionStatus(sessionId: string): Promise<HubAnswer> {
    return this.request('GET', `/api/whatsapp/session/status/${encodeURIComponent(sessionId)}`);
  }

  /** A contact writes to the session's phone (`messages.upsert`). Answers the id the message got, and the hub's answer. */
  async receive(sessionId: string, from: string, text: string, pushName = 'Simulated contact', id = whatsappMessageId()): Promise<{ id: string; answer: HubAnswer }> {
    const data = { key: { remoteJid: jidOf(from), fromMe: false, id }, message: { conversation: text }, messageTimestamp: String(Math.floor(Date.now() / 1000)), pushName };
    return { id, answer: await this.event('messages.upsert', sessionId, data) };
  }

  /** Any node event, as is (`call`, `messages.delete`, `connection.update`, …). */
  event(event: string, sessionId: string, data: unknown): Promise<HubAnswer> {
    return this.post('/api/whatsapp/node/webhook', { event, session_id: sessionId, data });
  }

  private async serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const answer = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    const match = /^\/sessions\/([^/]+)\/messages$/.exec(request.url ?? '');
    if (request.method !== 'POST' || !match) return answer(404, { error: 'Not found' });
    if (request.headers['x-node-secret'] !== this.options.secret) return answer(401, { error: 'X-Node-Secret is missing or wrong' });
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    let body: { to?: unknown; text?: unknown };
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { to?: unknown; text?: unknown };
    } catch {
      return answer(400, { error: 'The body is not JSON' });
    }
    if (typeof body.to !== 'string' || typeof body.text !== 'string') return answer(400, { error: 'to and text are required strings' });
    const sent: SentByHub = { sessionId: decodeURIComponent(match[1]), to: body.to, text: body.text, id: whatsappMessageId() };
    this.sent.push(sent);
    this.log(`hub → ${sent.to} on ${sent.sessionId}: ${sent.text} (id ${sent.id})`);
    answer(200, { id: sent.id });
    if (this.options.ackDelayMs !== null) this.acks.push(this.acknowledge(sent));
  }

  /** 1 sent, 2 delivered, 3 read, each after the delay, one after the other (as a phone reports them). */
  private async acknowledge(sent: SentByHub): Promise<void> {
    for (const status of [1, 2, 3]) {
      await new Promise((resolve) => setTimeout(resolve, this.options.ackDelayMs ?? 1000));
      const answer = await this.event('messages.update', sent.sessionId, { keyId: sent.id, fromMe: true, status, timestamp: Math.floor(Date.now() / 1000) });
      this.log(`status ${status} of ${sent.id} → hub answered ${answer.status}`);
    }
  }

  private post(path: string, body: unknown): Promise<HubAnswer> {
    return this.request('POST', path, body);
  }

  private async request(method: string, path: string, body?: unknown): Promise<HubAnswer> {
    const response = await fetch(this.options.hubUrl.replace(/\/+$/, '') + path, {
      method,
      headers: { 'x-node-secret': this.options.secret, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: kept as text
    }
    return { status: response.status, body: parsed };
  }
}
