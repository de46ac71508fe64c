import { Injectable, OnModuleInit } from '@nestjs/common';
import { leaseExpired, leaseIsFree, WorkSweeper } from '@hub/operations';
import { SystemMailRunner } from '../../sending/system-mail-runner';
import { DueSystemMail, SystemMailProducer } from './system-mail.producer';
import { SYSTEM_MAIL_RETRY } from './system-mail.queue';

/**
 * Registers with the sweeper: queued mails that are due and not leased
 * (their job lost, e.g. Redis was away when they were stored), and those
 * whose last try died with its worker, which are failed (no try is left).
 */
@Injectable()
export class SystemMailSweep implements OnModuleInit {
  constructor(
    private readonly sweeper: WorkSweeper,
    private readonly producer: SystemMailProducer,
    private readonly runner: SystemMailRunner,
  ) {}

  onModuleInit(): void {
    this.sweeper.register<DueSystemMail>({
      name: 'system mails',
      batch: 1000,
      due: async (tx, graceSeconds, limit) =>
        (await tx.query(
          `SELECT id, attempt_count FROM system_mails
            WHERE status = 'queued' AND attempt_count < $3 AND next_attempt_at < now() - make_interval(secs => $1) AND ${leaseIsFree()}
            ORDER BY next_attempt_at LIMIT $2`,
          [graceSeconds, limit, SYSTEM_MAIL_RETRY.maxAttempts],
        )) as DueSystemMail[],
      enqueue: (due) => this.producer.enqueue(due),
      abandoned: {
        find: async (tx, limit) => {
          const rows = (await tx.query(
            `SELECT id FROM system_mails WHERE status = 'queued' AND attempt_count >= $2 AND ${leaseExpired()} ORDER BY next_attempt_at LIMIT $1`,
            [limit, SYSTEM_MAIL_RETRY.maxAttempts],
          )) as { id: string }[];
          return rows.map((row) => row.id);
        },
        fail: (id) => this.runner.failAbandoned(id),
      },
    });
  }
}
