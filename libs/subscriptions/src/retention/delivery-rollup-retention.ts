import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { deleteInBatches, RowPurges } from '@hub/operations';
import { ROLLUP_KEEP_DAYS } from '../stats/delivery-rollups';

const PURGE_EVERY_MS = 60 * 60 * 1000;

/** Registers the purge of rollup buckets older than any chart shows (ROLLUP_KEEP_DAYS). */
@Injectable()
export class DeliveryRollupRetention implements OnModuleInit {
  constructor(
    private readonly purges: RowPurges,
    private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.purges.register({
      name: 'delivery rollups',
      everyMs: PURGE_EVERY_MS,
      purge: () => deleteInBatches(this.dataSource, 'delivery_rollups', 'bucket_start < now() - make_interval(days => $1)', [ROLLUP_KEEP_DAYS]),
    });
  }
}
