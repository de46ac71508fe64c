import { InjectQueue } from '@nestjs/bull';
import { Injectable, OnModuleInit } from '@nestjs/common';
import type { Queue } from 'bull';
import { QueueConsumers } from '@hub/operations';
import { DeliveryRollups } from '../../stats/delivery-rollups';
import { ROLLUP_CONCURRENCY, ROLLUP_QUEUE, RollupJob } from './delivery-rollup.queue';

/** The worker's consumer of `delivery-rollup`: each job is one pass of the rollup. */
@Injectable()
export class DeliveryRollupConsumer implements OnModuleInit {
  constructor(
    @InjectQueue(ROLLUP_QUEUE) private readonly queue: Queue<RollupJob>,
    private readonly consumers: QueueConsumers,
    private readonly rollups: DeliveryRollups,
  ) {}

  onModuleInit(): void {
    this.consumers.consume(this.queue, ROLLUP_CONCURRENCY, () => this.rollups.rollUp());
  }
}
