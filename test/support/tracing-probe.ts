/**
 * Run by test/tracing-off.e2e-spec.ts in a fresh Node process: bootHub's first
 * step (config, then startTracing), then the whole app's modules (what
 * run-hub loads), then one JSON line: whether tracing started, the global
 * tracer provider's class, and which OpenTelemetry SDK packages got loaded.
 */
import { trace } from '@opentelemetry/api';
import { loadConfig } from '@hub/config';
import { startTracing } from '@hub/tracing';

const started = startTracing(loadConfig(), { roles: { api: true, worker: true } });
// eslint-disable-next-line @typescript-eslint/no-require-imports
require('../../apps/api/src/run-hub');
const sdkModules = [
  ...new Set(
    Object.keys(require.cache)
      .map((path) => /node_modules\/@opentelemetry\/([^/]+)\//.exec(path)?.[1])
      .filter((name): name is string => name !== undefined && name !== 'api'),
  ),
].sort();
const provider = (trace.getTracerProvider() as unknown as { getDelegate(): object }).getDelegate().constructor.name;
process.stdout.write(`${JSON.stringify({ started, provider, sdkModules })}\n`);
process.exit(0);
