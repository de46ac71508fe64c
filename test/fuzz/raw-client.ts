import { Agent, request as httpRequest } from 'node:http';

export interface RawRequest {
  method: string;
  /** Sent byte for byte: `..`, `%zz` and `%00` reach the server as written (fetch would normalise them). */
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export interface RawResponse {
  status: number;
  text: string;
  body: any;
  headers: Record<string, string | string[] | undefined>;
}

/** A request that gets no answer within this is a hang, and a failure. */
export const REQUEST_TIMEOUT_MS = 10_000;

export class RequestTimeout extends Error {}

/**
 * Speaks HTTP/1.1 to the hub with node:http (no URL normalisation, any
 * content type, a body on any method) and gives up after REQUEST_TIMEOUT_MS.
 */
export class RawClient {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 4 });
  constructor(private readonly baseUrl: string) {}

  send(req: RawRequest, timeoutMs = REQUEST_TIMEOUT_MS): Promise<RawResponse> {
    const url = new URL(this.baseUrl);
    const headers: Record<string, string | number> = { ...req.headers };
    if (req.body !== undefined) headers['content-length'] = Buffer.byteLength(req.body);
    return new Promise((resolve, reject) => {
      const outgoing = httpRequest(
        { host: url.hostname, port: url.port, method: req.method, path: req.path, headers, agent: this.agent, insecureHTTPParser: false },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('error', reject);
          res.on('end', () => {
            clearTimeout(timer);
            const text = Buffer.concat(chunks).toString('utf8');
            let body: unknown = text;
            try {
              body = text ? JSON.parse(text) : undefined;
            } catch {
              // not JSON
            }
            resolve({ status: res.statusCode ?? 0, text, body, headers: res.headers });
          });
        },
      );
      const timer = setTimeout(() => {
        outgoing.destroy();
        reject(new RequestTimeout(`${req.method} ${req.path.slice(0, 200)}: no answer within ${timeoutMs} ms`));
      }, timeoutMs);
      outgoing.on('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      if (req.body !== undefined) outgoing.write(req.body);
      outgoing.end();
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
