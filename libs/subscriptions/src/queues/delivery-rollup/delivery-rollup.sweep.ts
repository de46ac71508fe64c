import { Injectable, OnModuleInit } from '@nestjs/common';
import { leaseIsFree, WorkSweeper } from '@hub/operations';
import { bucketOf, ROLLUP_BUCKET_SECONDS } from '../../stats/delivery-rollup-sql';
import { DeliveryRollupProducer } from './delivery-rollup.producer';

/**
 * Registers with the sweeper: the rollup is due when a 5-minute bucket has
 * closed (by more than the sweep's grace) since its progress mark, and no
 * worker holds its lease. So the rollup needs no timer of its own, and runs
 * again after a Redis flush like every other kind of work.
 */
@Injectable()
export class DeliveryRollupSweep implements OnModuleInit {
  constructor(
    private readonly sweeper: WorkSweeper,
    private readonly producer: DeliveryRollupProducer,
  ) {}

  onModuleInit(): void {
    this.sweeper.register<{ target: Date }>({
      name: 'delivery rollups',
      batch: 1,
      due: async (tx, graceSeconds) =>
        (await tx.query(
          `SELECT ${bucketOf('now() - make_interval(secs => $1)', ROLLUP_BUCKET_SECONDS)} AS target FROM delivery_rollup_progress
            WHERE id = 1 AND ${leaseIsFree()}
              AND (rolled_up_to IS NULL OR rolled_up_to < ${bucketOf('now() - make_interval(secs => $1)', ROLLUP_BUCKET_SECONDS)})`,
          [graceSeconds],
        )) as { target: Date }[],
      enqueue: async (due) => {
        for (const { target } of due) await this.producer.enqueue(new Date(target));
      },
    });
  }
}
