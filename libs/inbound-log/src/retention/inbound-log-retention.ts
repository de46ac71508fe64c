import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '@hub/config';
import { deleteInBatches, RowPurges } from '@hub/operations';

/** Hourly, so a day's logs never pile up beyond LOG_RETENTION_DAYS by much. */
const PURGE_EVERY_MS = 60 * 60 * 1000;

/** Registers the purge of inbound log rows older than LOG_RETENTION_DAYS. */
@Injectable()
export class InboundLogRetention implements OnModuleInit {
  constructor(
    private readonly purges: RowPurges,
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.purges.register({ name: 'inbound log entries', everyMs: PURGE_EVERY_MS, purge: () => this.purgeOlderThan(this.config.logRetentionDays) });
  }

  purgeOlderThan(days: number): Promise<number> {
    return deleteInBatches(this.dataSource, 'inbound_logs', 'created_at < now() - make_interval(days => $1)', [days]);
  }
}
