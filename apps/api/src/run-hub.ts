import { ConfigError, loadConfig } from '@hub/config';
import { ServiceUnreachableError } from '@hub/database';
import { preflight } from '@hub/operations';
import { createHubApp } from './create-hub-app';
import { HubRoles } from './hub.module';

/** Shared entrypoint: validate config, check services, migrate, boot, listen. Known failures print one line. */
export async function runHub(roles: HubRoles): Promise<void> {
  try {
    const config = loadConfig();
    await preflight(config, (line) => process.stdout.write(`${line}\n`));
    const app = await createHubApp(config, roles);
    await app.listen({ port: config.port, host: '0.0.0.0' });
    const what = roles.api && roles.worker ? 'api + worker' : roles.api ? 'api' : 'worker';
    process.stdout.write(`Webhook Hub ${what} listening on ${config.publicUrl} (port ${config.port})\n`);
  } catch (error) {
    if (error instanceof ConfigError || error instanceof ServiceUnreachableError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}
