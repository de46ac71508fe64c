import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { deleteInBatches, RowPurges } from '@hub/operations';

/** Often, so the table stays small: its Idempotency-Keys only matter for 24 h. */
const PURGE_EVERY_MS = 60 * 1000;

/** Registers the purge of trigger requests done more than 24 h ago (their Idempotency-Keys expire with them). */
@Injectable()
export class TriggerRequestRetention implements OnModuleInit {
  constructor(
    private readonly purges: RowPurges,
    private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.purges.register({ name: 'done trigger requests', everyMs: PURGE_EVERY_MS, purge: () => this.purge() });
  }

  purge(): Promise<number> {
    return deleteInBatches(this.dataSource, 'workflow_trigger_requests', `created_at < now() - interval '24 hours' AND status <> 'pending'`);
  }
}
