import { InjectQueue, Process, Processor } from '@nestjs/bull';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bull';
import { DataSource } from 'typeorm';
import { AppConfig } from '@hub/config';
import { deleteOlderThan } from '@hub/database';
import { DELIVERY_ATTEMPT_RETENTION_QUEUE, PURGE_EVERY_MS, PURGE_JOB } from './delivery-attempt-retention.queue';

/**
 * Deletes delivery attempts older than LOG_RETENTION_DAYS, in batches so it
 * never holds long locks. The deliveries themselves (status, counts, last
 * error) stay: only the per-attempt request/response log goes.
 */
@Processor(DELIVERY_ATTEMPT_RETENTION_QUEUE)
export class DeliveryAttemptRetentionProcessor implements OnApplicationBootstrap {
  private readonly logger = new Logger('DeliveryAttemptRetention');

  constructor(
    @InjectQueue(DELIVERY_ATTEMPT_RETENTION_QUEUE) private readonly queue: Queue,
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
    const total = await deleteOlderThan(this.dataSource, 'delivery_attempts', days);
    if (total > 0) this.logger.log(`Purged ${total} delivery attempts older than ${days} days`);
    return total;
  }
}
