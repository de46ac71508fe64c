import 'reflect-metadata';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '@hub/config';
import { ServiceUnreachableError } from '@hub/database';
import { preflight, serveClusterMetrics } from '@hub/operations';
import { Supervisor } from './supervisor';

// A heap budget makes V8 collect before a process grows past ~250 MB (it would otherwise keep garbage up to GiBs).
const CHILD_NODE_FLAGS = ['--max-old-space-size=256'];

const log = (line: string) => process.stdout.write(`${line}\n`);

/**
 * `npm start`: migrates once, then runs HUB_API_PROCESSES api processes
 * sharing PORT and HUB_WORKER_PROCESSES workers, restarts one that dies, and
 * stops them all gracefully on SIGTERM or Ctrl-C (a second one kills them).
 */
async function main(): Promise<void> {
  const config = loadConfig();
  await preflight(config, log);
  serveClusterMetrics();
  const supervisor = new Supervisor({
    processes: { api: config.hubApiProcesses, worker: config.hubWorkerProcesses },
    entry: { api: join(__dirname, '../../api/src/main.js'), worker: join(__dirname, '../../worker/src/main.js') },
    execArgv: CHILD_NODE_FLAGS,
    // Migrations ran above, once; the processes only check that PostgreSQL and Redis answer.
    env: { DB_MIGRATE: 'false' },
    shutdownTimeoutMs: config.shutdownTimeoutMs,
    log,
    onReady: () => {
      const api = config.hubApiProcesses > 0 ? ` on ${config.publicUrl} (port ${config.port})` : ' (no api process: HUB_API_PROCESSES=0)';
      log(`Webhook Hub listening${api}: ${config.hubApiProcesses} api process(es), ${config.hubWorkerProcesses} worker(s); supervisor pid ${process.pid}`);
    },
    onGiveUp: () => process.exit(1),
  });
  let signals = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    if (++signals > 1) {
      log(`${signal} again: killing every process now`);
      supervisor.killNow();
      process.exit(1);
    }
    log(`${signal}: stopping every process (up to ${config.shutdownTimeoutMs} ms)`);
    void supervisor.stop().then((clean) => process.exit(clean ? 0 : 1));
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  supervisor.start();
}

main().catch((error: Error) => {
  process.stderr.write(`${error instanceof ConfigError || error instanceof ServiceUnreachableError ? error.message : error.stack}\n`);
  process.exit(1);
});
