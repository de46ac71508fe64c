import { trace } from '@opentelemetry/api';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { loadConfig } from '../libs/config/src';
import { activeTraceparent, isTracing, startTracing } from '../libs/tracing/src';

const run = promisify(execFile);
const ROOT = join(__dirname, '..');

/** What a fresh Node process reports after bootHub's first step and loading the whole app (test/support/tracing-probe.ts). */
async function probe(env: Record<string, string>): Promise<{ started: boolean; provider: string; sdkModules: string[] }> {
  // ts-node compiles the whole app in the child: ~20 s alone on this machine, minutes when it is busy.
  const { stdout } = await run(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'test/support/tracing-probe.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, JWT_SECRET: 'probe-jwt-secret-0123456789abcdef0123', APP_SECRET_KEY: 'probe-app-secret-0123456789abcdef0123', ...env },
    timeout: 180_000,
  }).catch((error: Error & { stderr?: string; killed?: boolean }) => {
    throw new Error(`the probe failed${error.killed ? ' (timed out)' : ''}: ${error.stderr ?? error.message}`);
  });
  return JSON.parse(stdout.trim().split('\n').at(-1) as string);
}

describe('tracing off and free when OTEL_EXPORTER_OTLP_ENDPOINT is unset', () => {
  it('registers no tracer provider and stamps nothing', () => {
    const config = loadConfig({ JWT_SECRET: 'off-jwt-secret-0123456789abcdef01234', APP_SECRET_KEY: 'off-app-secret-0123456789abcdef01234' });
    expect(config.otlpEndpoint).toBeNull();
    expect(startTracing(config, { roles: { api: true, worker: true } })).toBe(false);
    expect(isTracing()).toBe(false);
    // @opentelemetry/api's global provider is still its proxy over the no-op one: every span would be non-recording.
    expect((trace.getTracerProvider() as unknown as { getDelegate(): object }).getDelegate().constructor.name).toBe('NoopTracerProvider');
    expect(activeTraceparent()).toBeUndefined();
  });

  it('loads none of the SDK in a process that boots the whole app without the variable, and all of it with it', async () => {
    const off = await probe({});
    expect(off).toEqual({ started: false, provider: 'NoopTracerProvider', sdkModules: [] });
    // The same probe with the variable set (nothing listens there: spans are only buffered) sees the SDK: the check can fail.
    const on = await probe({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:9' });
    expect(on.started).toBe(true);
    expect(on.provider).toBe('NodeTracerProvider');
    expect(on.sdkModules).toEqual(expect.arrayContaining(['sdk-trace-node', 'exporter-trace-otlp-http', 'instrumentation-pg', 'instrumentation-ioredis']));
  }, 400_000);

  it('refuses a bad endpoint like any other variable', () => {
    expect(() => loadConfig({ JWT_SECRET: 'off-jwt-secret-0123456789abcdef01234', APP_SECRET_KEY: 'off-app-secret-0123456789abcdef01234', OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' })).toThrow(
      /^Invalid configuration: OTEL_EXPORTER_OTLP_ENDPOINT — OTEL_EXPORTER_OTLP_ENDPOINT must be an http\(s\) URL$/,
    );
  });
});
