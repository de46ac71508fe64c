import { Injectable, OnModuleInit } from '@nestjs/common';
import { leaseExpired, leaseIsFree, WorkSweeper } from '@hub/operations';
import { MessageSendRunner } from '../../sending/message-send-runner';
import { DueMessage, MessageProducer } from './message-send.producer';
import { MAX_SEND_ATTEMPTS } from './message-send.queue';

/**
 * Registers with the sweeper: queued messages that are due and not leased
 * (their job lost), and those whose last try died with its worker, which
 * are failed (no try is left).
 */
@Injectable()
export class MessageSendSweep implements OnModuleInit {
  constructor(
    private readonly sweeper: WorkSweeper,
    private readonly producer: MessageProducer,
    private readonly runner: MessageSendRunner,
  ) {}

  onModuleInit(): void {
    this.sweeper.register<DueMessage>({
      name: 'messages',
      batch: 1000,
      due: async (tx, graceSeconds, limit) =>
        (await tx.query(
          `SELECT id, attempt_count FROM messages
            WHERE status = 'queued' AND attempt_count < $3 AND next_attempt_at < now() - make_interval(secs => $1) AND ${leaseIsFree()}
            ORDER BY next_attempt_at LIMIT $2`,
          [graceSeconds, limit, MAX_SEND_ATTEMPTS],
        )) as DueMessage[],
      enqueue: (due) => this.producer.send(due),
      abandoned: {
        find: async (tx, limit) => {
          const rows = (await tx.query(
            `SELECT id FROM messages WHERE status = 'queued' AND attempt_count >= $2 AND ${leaseExpired()} ORDER BY next_attempt_at LIMIT $1`,
            [limit, MAX_SEND_ATTEMPTS],
          )) as { id: string }[];
          return rows.map((row) => row.id);
        },
        fail: (id) => this.runner.failAbandoned(id),
      },
    });
  }
}
