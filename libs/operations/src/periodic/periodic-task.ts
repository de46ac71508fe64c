import { Logger } from '@nestjs/common';

/**
 * Runs `task` every `intervalMs` on a plain timer (not a Bull job, so it keeps
 * running when Redis is flushed), never two passes at once; stop() waits for
 * the pass in flight. The work sweeper and the row purges are built on it.
 */
export class PeriodicTask {
  private readonly logger: Logger;
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    name: string,
    private readonly intervalMs: number,
    private readonly task: () => Promise<unknown>,
  ) {
    this.logger = new Logger(name);
  }

  start(): void {
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.task()
        .then(() => undefined)
        .catch((error: Error) => this.logger.warn(`Pass failed: ${error.message}`))
        .finally(() => (this.running = undefined));
    }, this.intervalMs);
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
