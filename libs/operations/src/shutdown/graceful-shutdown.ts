import { INestApplication } from '@nestjs/common';
import { Server } from 'node:http';
import { stopTracing } from '@hub/tracing';
import { HubLogger } from '../logging/hub-logger';
import { QueueDrain } from './queue-drain';

const SIGNALS = ['SIGTERM', 'SIGINT'] as const;

/**
 * SIGTERM or SIGINT (Ctrl-C): stop taking work — the HTTP listener closes and
 * waits for the requests in flight, every queue stops taking jobs and waits
 * for the ones running — then close Nest (Bull, PostgreSQL, Redis) and exit 0.
 *
 * Past `timeoutMs` the process exits 1 with whatever is still running: nothing
 * is lost, because a delivery's lease and a Bull job's lock expire and the
 * sweepers and Bull hand that work to a live process. A second signal while
 * stopping changes nothing (Ctrl-C reaches the supervisor and every child at
 * once, and the supervisor forwards SIGTERM too).
 */
/**
 * Stops listening and resolves once the requests in flight are answered. Node
 * closes the connections idle at close(), but one answering a request then
 * would stay open (keep-alive) until its client let go — for a minute — so
 * connections are closed as they fall idle.
 */
async function closeHttp(app: INestApplication): Promise<void> {
  const server = app.getHttpServer() as Server;
  const closeIdle = setInterval(() => server.closeIdleConnections(), 50);
  try {
    await app.getHttpAdapter().close();
  } finally {
    clearInterval(closeIdle);
  }
}

export function exitGracefullyOnSignals(app: INestApplication, timeoutMs: number): void {
  const logger = app.get(HubLogger);
  let stopping = false;
  const stop = async (signal: NodeJS.Signals): Promise<void> => {
    if (stopping) return;
    stopping = true;
    const started = Date.now();
    logger.log(`${signal}: finishing in-flight requests and jobs (up to ${timeoutMs} ms), then stopping`, 'Shutdown');
    const deadline = setTimeout(() => {
      logger.warn(`Still busy after ${timeoutMs} ms: exiting anyway; unfinished attempts and jobs are retried once their lease expires`, 'Shutdown');
      process.exit(1);
    }, timeoutMs);
    try {
      await Promise.all([closeHttp(app), app.get(QueueDrain, { strict: false }).drain()]);
      await app.close();
      // The spans of the last requests and jobs are still in the batch processor's buffer.
      await stopTracing();
    } catch (error) {
      logger.error(`Shutdown failed: ${(error as Error).message}`, 'Shutdown');
      process.exit(1);
    }
    clearTimeout(deadline);
    logger.log(`Stopped cleanly in ${Date.now() - started} ms`, 'Shutdown');
    process.exit(0);
  };
  for (const signal of SIGNALS) process.on(signal, (received) => void stop(received));
}
