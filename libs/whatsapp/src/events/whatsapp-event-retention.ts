import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '@hub/config';
import { deleteInBatches, RowPurges } from '@hub/operations';

/** Hourly, like the inbound log the events came with. */
const PURGE_EVERY_MS = 60 * 60 * 1000;

/**
 * Registers the purge of applied and failed node events older than
 * LOG_RETENTION_DAYS (their inbound log rows go then too). What they did
 * stays: the messages, contacts and events they made. A message repeated by
 * the node after that is still stored once (messages' own unique index).
 */
@Injectable()
export class WhatsappEventRetention implements OnModuleInit {
  constructor(
    private readonly purges: RowPurges,
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.purges.register({ name: 'whatsapp node events', everyMs: PURGE_EVERY_MS, purge: () => this.purgeOlderThan(this.config.logRetentionDays) });
  }

  purgeOlderThan(days: number): Promise<number> {
    return deleteInBatches(this.dataSource, 'whatsapp_events', "status <> 'pending' AND created_at < now() - make_interval(days => $1)", [days]);
  }
}
