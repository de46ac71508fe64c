import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Hub } from '../harness';

const WORKER_MAIN = join(__dirname, '../../dist/apps/worker/src/main.js');

/**
 * A real worker process (the built `npm run start:worker`) against the test
 * hub's database and queue prefix, so a test can SIGKILL it mid-delivery.
 */
export class WorkerProcess {
  private child?: ChildProcess;
  output = '';

  constructor(
    private readonly hub: Hub,
    private readonly env: Record<string, string> = {},
  ) {}

  async start(): Promise<void> {
    if (!existsSync(WORKER_MAIN)) throw new Error(`${WORKER_MAIN} is missing: run \`npm run build:api\` before the resilience tests`);
    const config = this.hub.config;
    this.child = spawn(process.execPath, [WORKER_MAIN], {
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'test',
        PORT: '0',
        DATABASE_URL: config.databaseUrl,
        REDIS_URL: config.redisUrl,
        REDIS_QUEUE_PREFIX: config.redisQueuePrefix,
        DB_MIGRATE: 'false',
        JWT_SECRET: config.jwtSecret,
        APP_SECRET_KEY: config.appSecretKey,
        WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true',
        WEBHOOK_RETRY_SCHEDULE: config.webhookRetryScheduleSeconds.join(','),
        WEBHOOK_TIMEOUT_MS: String(config.webhookTimeoutMs),
        WEBHOOK_SWEEP_INTERVAL_MS: String(config.webhookSweepIntervalMs),
        LOG_LEVEL: 'warn',
        ...this.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    const until = Date.now() + 30000;
    while (!/listening on/.test(this.output)) {
      if (this.child.exitCode !== null) throw new Error(`worker exited: ${this.output}`);
      if (Date.now() > until) throw new Error(`worker did not start: ${this.output}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    return this.stop(signal).then(() => undefined);
  }

  /** Sends `signal` and resolves with how the process ended. */
  stop(signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    const child = this.child;
    if (!child) return Promise.resolve({ code: null, signal: null });
    if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
    return new Promise((resolve) => {
      child.once('exit', (code, exitSignal) => resolve({ code, signal: exitSignal }));
      child.kill(signal);
    });
  }
}
