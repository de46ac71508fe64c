import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '@hub/config';
import { deleteInBatches, RowPurges } from '@hub/operations';

/** Hourly, so attempts never pile up beyond LOG_RETENTION_DAYS by much. */
const PURGE_EVERY_MS = 60 * 60 * 1000;

/**
 * Registers the purge of delivery attempts older than LOG_RETENTION_DAYS.
 * The deliveries themselves (status, counts, last error) stay: only the
 * per-attempt request/response log goes.
 */
@Injectable()
export class DeliveryAttemptRetention implements OnModuleInit {
  constructor(
    private readonly purges: RowPurges,
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.purges.register({ name: 'delivery attempts', everyMs: PURGE_EVERY_MS, purge: () => this.purgeOlderThan(this.config.logRetentionDays) });
  }

  purgeOlderThan(days: number): Promise<number> {
    return deleteInBatches(this.dataSource, 'delivery_attempts', 'created_at < now() - make_interval(days => $1)', [days]);
  }
}
