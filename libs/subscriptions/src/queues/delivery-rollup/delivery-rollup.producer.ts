import { InjectQueue } from '@nestjs/bull';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import type { Queue } from 'bull';
import { HubMetrics } from '@hub/operations';
import { ROLLUP_JOB_OPTIONS, ROLLUP_QUEUE, RollupJob, rollupJobId } from './delivery-rollup.queue';

/** Puts a rollup pass on Redis. Never throws: the sweeper asks again next pass. */
@Injectable()
export class DeliveryRollupProducer implements OnModuleInit {
  private readonly logger = new Logger('DeliveryRollupProducer');

  constructor(
    @InjectQueue(ROLLUP_QUEUE) private readonly queue: Queue<RollupJob>,
    private readonly metrics: HubMetrics,
  ) {}

  onModuleInit(): void {
    this.metrics.watchQueue(ROLLUP_QUEUE, () => this.queue.getJobCounts());
  }

  async enqueue(target: Date): Promise<void> {
    await this.queue
      .add({}, { ...ROLLUP_JOB_OPTIONS, jobId: rollupJobId(target) })
      .catch((error: Error) => this.logger.warn(`Enqueue of a delivery rollup failed; the sweeper will retry: ${error.message}`));
  }
}
