import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Backlog, BACKLOG_COUNT_CAP, WorkBacklogs } from '@hub/operations';

/** Registers the account's pending deliveries as a backlog (queue depth and oldest due attempt) for the stats API. */
@Injectable()
export class DeliveryBacklog implements OnModuleInit {
  constructor(
    private readonly backlogs: WorkBacklogs,
    private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.backlogs.register({ name: 'deliveries', backlog: (accountId) => this.of(accountId) });
  }

  /**
   * Reads pending rows through the due partial index, each count stopping at
   * BACKLOG_COUNT_CAP (a receiver down for days leaves hundreds of thousands
   * pending: counting them all took seconds, measured with 250,000 in the
   * bench's stats phase), and the oldest due row as the first in due order.
   */
  async of(accountId: string): Promise<Backlog> {
    const [row] = (await this.dataSource.query(
      `SELECT (SELECT count(*) FROM (SELECT 1 FROM deliveries WHERE status = 'pending' AND account_id = $1 LIMIT $2) AS capped)::int AS pending,
              (SELECT count(*) FROM (SELECT 1 FROM deliveries WHERE status = 'pending' AND account_id = $1 AND next_attempt_at <= now() LIMIT $2) AS capped)::int AS due,
              (SELECT next_attempt_at FROM deliveries WHERE status = 'pending' AND account_id = $1 AND next_attempt_at <= now() ORDER BY next_attempt_at LIMIT 1) AS oldest_due_at`,
      [accountId, BACKLOG_COUNT_CAP],
    )) as { pending: number; due: number; oldest_due_at: Date | string | null }[];
    return { pending: row.pending, due: row.due, capped: row.pending >= BACKLOG_COUNT_CAP, oldest_due_at: row.oldest_due_at ? new Date(row.oldest_due_at) : null };
  }
}
