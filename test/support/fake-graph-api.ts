import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';

export interface FakeLead {
  field_data: { name: string; values: string[] }[];
  form_id?: string;
  ad_id?: string;
  campaign_id?: string;
}

/** What the fake answers a lead with, in turn: `ok` (the lead), an HTTP error status, or `deleted` (Graph's 400 for a lead that is gone). */
export type GraphAnswer = 'ok' | 'deleted' | 'expired-token' | number;

/**
 * A local stand-in for Meta's Graph API speaking its protocol:
 * `GET /{leadgen_id}?fields=…&access_token=<page access token>`, answering the lead's `field_data` or Graph's
 * error bodies. META_GRAPH_URL points the hub at it.
 */
export class FakeGraphApi {
  readonly leads = new Map<string, FakeLead>();
  /** Answers to give a lead id before `ok`, consumed one per request (e.g. [503, 503] then the lead). */
  readonly script = new Map<string, GraphAnswer[]>();
  readonly requests: { leadgenId: string; token: string | null }[] = [];
  token = 'page-access-token-for-tests';
  private server!: Server;

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v21.0`;
  }

  async start(): Promise<this> {
    this.server = createServer((req: IncomingMessage, res: ServerResponse) => {
      const url = new URL(req.url ?? '/', 'http://graph');
      const leadgenId = decodeURIComponent(url.pathname.replace(/^\/v21\.0\//, ''));
      const token = url.searchParams.get('access_token');
      this.requests.push({ leadgenId, token });
      const send = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      const answer = this.script.get(leadgenId)?.shift() ?? 'ok';
      const lead = this.leads.get(leadgenId);
      if (token !== this.token || answer === 'expired-token') {
        return send(400, { error: { message: 'Error validating access token: Session has expired.', type: 'OAuthException', code: 190 } });
      }
      if (typeof answer === 'number') return send(answer, { error: { message: 'An unknown error has occurred.', type: 'OAuthException', code: 1, is_transient: true } });
      if (!lead || answer === 'deleted') {
        return send(400, { error: { message: `Unsupported get request. Object with ID '${leadgenId}' does not exist`, type: 'GraphMethodException', code: 100 } });
      }
      send(200, { id: leadgenId, created_time: '2026-12-03T09:14:00+0000', form_id: lead.form_id, ad_id: lead.ad_id, campaign_id: lead.campaign_id, field_data: lead.field_data });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
