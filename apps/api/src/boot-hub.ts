import { AppConfig, ConfigError, loadConfig } from '@hub/config';
import { startTracing } from '@hub/tracing';
import type { HubRoles } from './hub.module';

/**
 * Every entrypoint's first step: validate the configuration, start tracing
 * when OTEL_EXPORTER_OTLP_ENDPOINT is set, and only then load the app. The
 * OpenTelemetry instrumentations patch http, pg and ioredis as they are first
 * required, so nothing of Nest, TypeORM or Bull may load before startTracing:
 * this file imports only the config and the tracing entry, and requires
 * run-hub (which imports everything) afterwards.
 */
export function bootHub(roles: HubRoles): void {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  startTracing(config, { roles });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { runHub } = require('./run-hub') as typeof import('./run-hub');
  void runHub(roles, config);
}
