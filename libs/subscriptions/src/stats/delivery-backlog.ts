import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Backlog, WorkBacklogs } from '@hub/operations';

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

  /** Reads only pending rows (the due partial index), which stay few unless receivers are down. */
  async of(accountId: string): Promise<Backlog> {
    const [row] = (await this.dataSource.query(
      `SELECT count(*)::int AS pending, count(*) FILTER (WHERE next_attempt_at <= now())::int AS due,
              min(next_attempt_at) FILTER (WHERE next_attempt_at <= now()) AS oldest_due_at
         FROM deliveries WHERE status = 'pending' AND account_id = $1`,
      [accountId],
    )) as Backlog[];
    return { pending: row.pending, due: row.due, oldest_due_at: row.oldest_due_at ? new Date(row.oldest_due_at) : null };
  }
}
