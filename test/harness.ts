import 'reflect-metadata';
import { Type } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { createHubApp } from '../apps/api/src/create-hub-app';
import { HubRoles } from '../apps/api/src/hub.module';
import { AppConfig, loadConfig } from '../libs/config/src';
import { adminQuery, databaseUrl, TEMPLATE_DB } from './test-database';

export interface HubResponse<T = any> {
  status: number;
  body: T;
  text: string;
  headers: Headers;
}

export interface RequestOptions {
  token?: string;
  body?: unknown;
  /** Sent as is (for malformed JSON, form bodies, exact bytes). */
  raw?: string | Buffer;
  contentType?: string;
  headers?: Record<string, string>;
}

export interface Account {
  token: string;
  accountId: string;
  email: string;
  password: string;
}

export interface Hub {
  url: string;
  app: NestFastifyApplication;
  config: AppConfig;
  dbName: string;
  request<T = any>(method: string, path: string, options?: RequestOptions): Promise<HubResponse<T>>;
  signup(): Promise<Account>;
  sql<T = any>(query: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

export interface StartOptions {
  env?: Record<string, string>;
  roles?: HubRoles;
  /** Probe modules mounted beside the real ones (e.g. an inbound route for the shared inbound mechanism). */
  modules?: Type[];
  /** How the hub reaches its fresh database (e.g. through a TcpGate that can cut it); the test's own sql() connects directly. */
  hubDatabaseUrl?: (directUrl: string) => string;
}

/**
 * Boots the real Nest app (api + worker by default) on a random port against a
 * fresh PostgreSQL database copied from the migrated template, and real Redis
 * (queues under a prefix of their own so suites running in parallel stay apart).
 */
export async function startHub(options: StartOptions = {}): Promise<Hub> {
  const dbName = `hub_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${dbName} TEMPLATE ${TEMPLATE_DB}`);
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    DATABASE_URL: options.hubDatabaseUrl ? options.hubDatabaseUrl(databaseUrl(dbName)) : databaseUrl(dbName),
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    REDIS_QUEUE_PREFIX: `test-${dbName}`,
    DB_MIGRATE: 'false',
    JWT_SECRET: 'test-jwt-secret-0123456789abcdef0123456789',
    APP_SECRET_KEY: 'test-app-secret-0123456789abcdef0123456789',
    ADMIN_EMAIL: `admin-${dbName}@example.com`,
    ADMIN_PASSWORD: 'admin-password-123',
    WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true',
    // Suites sign up many accounts from 127.0.0.1; test/auth-abuse sets the production-like limit.
    SIGNUP_LIMIT_PER_HOUR: '10000',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    ...options.env,
  });
  const app = await createHubApp(config, options.roles ?? { api: true, worker: true }, options.modules);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address() as { port: number };
  const url = `http://127.0.0.1:${address.port}`;
  const pool = new Pool({ connectionString: databaseUrl(dbName), max: 3 });
  // close() drops the database WITH (FORCE): a connection it ends is expected, not a crash of the run.
  pool.on('error', () => undefined);

  const request = async <T>(method: string, path: string, opts: RequestOptions = {}): Promise<HubResponse<T>> => {
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    let payload: string | Buffer | undefined;
    if (opts.raw !== undefined) {
      payload = opts.raw;
      headers['content-type'] = opts.contentType ?? 'application/json';
    } else if (opts.body !== undefined) {
      payload = JSON.stringify(opts.body);
      headers['content-type'] = opts.contentType ?? 'application/json';
    }
    const response = await fetch(url + path, { method, headers, body: payload });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON
    }
    return { status: response.status, body: body as T, text, headers: response.headers };
  };

  return {
    url,
    app,
    config,
    dbName,
    request,
    async signup() {
      const email = `user-${randomBytes(5).toString('hex')}@example.com`;
      const password = 'password-1234567';
      const res = await request<{ access_token: string; account_id: string }>('POST', '/api/auth/signup', {
        body: { email, password, account_name: `Account ${email}` },
      });
      if (res.status !== 201) throw new Error(`signup failed: ${res.status} ${res.text}`);
      return { token: res.body.access_token, accountId: res.body.account_id, email, password };
    },
    async sql<T>(query: string, params: unknown[] = []) {
      return (await pool.query(query, params)).rows as T[];
    },
    async close() {
      await app.close();
      await pool.end();
      await adminQuery(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    },
  };
}
