import { AppConfig, ConfigError } from '@hub/config';
import { ServiceUnreachableError } from '@hub/database';
import { exitGracefullyOnSignals, isSupervised, preflight } from '@hub/operations';
import { createHubApp } from './create-hub-app';
import { HubRoles } from './hub.module';

/** What a supervised process tells the supervisor once it takes work. */
export const READY_MESSAGE = { type: 'hub:ready' } as const;

/**
 * Shared entrypoint (after bootHub validated the config and started tracing): check services, migrate, boot, listen,
 * stop gracefully on SIGTERM/SIGINT. Known failures print one line.
 *
 * Under the supervisor (`npm start`) a worker opens no port: the api processes
 * own PORT, and /metrics there speaks for every process.
 */
export async function runHub(roles: HubRoles, config: AppConfig): Promise<void> {
  try {
    await preflight(config, (line) => process.stdout.write(`${line}\n`));
    const app = await createHubApp(config, roles);
    exitGracefullyOnSignals(app, config.shutdownTimeoutMs);
    if (roles.api || !isSupervised()) await app.listen({ port: config.port, host: '0.0.0.0' });
    else await app.init();
    if (isSupervised()) {
      process.send?.(READY_MESSAGE);
      return;
    }
    const what = roles.api && roles.worker ? 'api + worker' : roles.api ? 'api' : 'worker';
    process.stdout.write(`Webhook Hub ${what} listening on ${config.publicUrl} (port ${config.port})\n`);
  } catch (error) {
    if (error instanceof ConfigError || error instanceof ServiceUnreachableError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      process.stderr.write(`Port ${(error as { port?: number }).port ?? ''} is in use: stop what listens there or set PORT\n`);
      process.exit(1);
    }
    throw error;
  }
}
