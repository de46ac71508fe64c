import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Pool } from 'pg';
import { freePort } from '../support/free-port';
import { adminQuery, databaseUrl, TEMPLATE_DB } from '../test-database';

const ROOT = join(__dirname, '../..');

export interface ProcessResponse {
  status: number;
  text: string;
  body: any;
}

/**
 * The hub (api + worker, `apps/all-in-one`) as a child process from the
 * sources (ts-node, transpile only), so every byte it writes to stdout and
 * stderr (pino lines, Nest's, anything printed) is captured: what a log
 * collector would receive.
 */
export class HubProcess {
  readonly dbName = `hub_test_${randomBytes(6).toString('hex')}`;
  url = '';
  private child?: ChildProcess;
  private output = '';
  private pool?: Pool;

  constructor(private readonly env: Record<string, string>) {}

  /** Every line the process wrote so far. */
  get lines(): string[] {
    return this.output.split('\n').filter(Boolean);
  }

  async start(): Promise<void> {
    await adminQuery(`CREATE DATABASE ${this.dbName} TEMPLATE ${TEMPLATE_DB}`);
    const port = await freePort();
    this.url = `http://127.0.0.1:${port}`;
    this.pool = new Pool({ connectionString: databaseUrl(this.dbName), max: 2 });
    this.pool.on('error', () => undefined);
    this.child = spawn(process.execPath, ['-r', 'ts-node/register', '-r', 'tsconfig-paths/register', join(ROOT, 'apps/all-in-one/src/main.ts')], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        TS_NODE_TRANSPILE_ONLY: 'true',
        TS_NODE_PROJECT: join(ROOT, 'tsconfig.json'),
        NODE_ENV: 'test',
        PORT: String(port),
        DATABASE_URL: databaseUrl(this.dbName),
        REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
        REDIS_QUEUE_PREFIX: `test-${this.dbName}`,
        DB_MIGRATE: 'false',
        ...this.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    const until = Date.now() + 90_000;
    while (!/listening on/.test(this.output)) {
      if (this.child.exitCode !== null) throw new Error(`hub exited: ${this.output.slice(-2000)}`);
      if (Date.now() > until) throw new Error(`hub did not start: ${this.output.slice(-2000)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async request(method: string, path: string, options: { token?: string; body?: unknown; raw?: string; headers?: Record<string, string> } = {}): Promise<ProcessResponse> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let payload: string | undefined;
    if (options.raw !== undefined || options.body !== undefined) {
      payload = options.raw ?? JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    }
    const res = await fetch(this.url + path, { method, headers, body: payload, signal: AbortSignal.timeout(15_000) });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON
    }
    return { status: res.status, text, body };
  }

  async sql<T = any>(query: string, params: unknown[] = []): Promise<T[]> {
    return (await this.pool!.query(query, params)).rows as T[];
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (child && child.exitCode === null && child.signalCode === null) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        child.once('exit', () => (clearTimeout(timer), resolve()));
        child.kill('SIGTERM');
      });
    }
    await this.pool?.end();
    await adminQuery(`DROP DATABASE IF EXISTS ${this.dbName} WITH (FORCE)`);
  }
}
