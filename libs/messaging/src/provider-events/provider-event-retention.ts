import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '@hub/config';
import { deleteInBatches, RowPurges } from '@hub/operations';

const PURGE_EVERY_MS = 60 * 60 * 1000;

/**
 * Registers the purge of applied provider events older than
 * LOG_RETENTION_DAYS: ESP volume (every open and click) would otherwise grow
 * the table without end. What they did stays on the message (its status and
 * history); pending ones are never purged.
 */
@Injectable()
export class ProviderEventRetention implements OnModuleInit {
  constructor(
    private readonly purges: RowPurges,
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.purges.register({ name: 'provider events', everyMs: PURGE_EVERY_MS, purge: () => this.purgeOlderThan(this.config.logRetentionDays) });
  }

  purgeOlderThan(days: number): Promise<number> {
    return deleteInBatches(this.dataSource, 'message_provider_events', 'applied_at IS NOT NULL AND created_at < now() - make_interval(days => $1)', [days]);
  }
}
