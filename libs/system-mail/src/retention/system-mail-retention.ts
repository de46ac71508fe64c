import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '@hub/config';
import { deleteInBatches, RowPurges } from '@hub/operations';

const PURGE_EVERY_MS = 60 * 60 * 1000;

/** Registers the hourly purge of sent and failed system mails older than LOG_RETENTION_DAYS (their bodies went at once). */
@Injectable()
export class SystemMailRetention implements OnModuleInit {
  constructor(
    private readonly purges: RowPurges,
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.purges.register({ name: 'system mails', everyMs: PURGE_EVERY_MS, purge: () => this.purgeOlderThan(this.config.logRetentionDays) });
  }

  purgeOlderThan(days: number): Promise<number> {
    return deleteInBatches(this.dataSource, 'system_mails', `status <> 'queued' AND created_at < now() - make_interval(days => $1)`, [days]);
  }
}
