import { InjectQueue, Process, Processor } from '@nestjs/bull';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bull';
import { DataSource } from 'typeorm';
import { AppConfig } from '@hub/config';
import { deleteOlderThan } from '@hub/database';
import { INBOUND_LOG_RETENTION_QUEUE, PURGE_EVERY_MS, PURGE_JOB } from './inbound-log-retention.queue';

/** Deletes inbound log rows older than LOG_RETENTION_DAYS, in batches so it never holds long locks. */
@Processor(INBOUND_LOG_RETENTION_QUEUE)
export class InboundLogRetentionProcessor implements OnApplicationBootstrap {
  private readonly logger = new Logger('InboundLogRetention');

  constructor(
    @InjectQueue(INBOUND_LOG_RETENTION_QUEUE) private readonly queue: Queue,
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // Repeatable jobs live in Redis: re-registering at every boot restores them after a flush.
    await this.queue.add(PURGE_JOB, {}, { repeat: { every: PURGE_EVERY_MS }, removeOnComplete: true, removeOnFail: 100 });
  }

  @Process(PURGE_JOB)
  async purge(): Promise<number> {
    return this.purgeOlderThan(this.config.logRetentionDays);
  }

  async purgeOlderThan(days: number): Promise<number> {
    const total = await deleteOlderThan(this.dataSource, 'inbound_logs', days);
    if (total > 0) this.logger.log(`Purged ${total} inbound log entries older than ${days} days`);
    return total;
  }
}
