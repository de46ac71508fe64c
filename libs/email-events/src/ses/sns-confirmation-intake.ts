import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import { InboundLogService } from '@hub/inbound-log';
import { SnsConfirmationProducer } from '../queues/sns-confirmation/sns-confirmation.producer';
import type { SnsMessage } from './sns-message';

/** Stores a verified SubscriptionConfirmation with its inbound log row (one transaction) for the worker to confirm. */
@Injectable()
export class SnsConfirmationIntake {
  constructor(
    private readonly dataSource: DataSource,
    private readonly inbound: InboundLogService,
    private readonly producer: SnsConfirmationProducer,
  ) {}

  async store(request: FastifyRequest, target: { accountId: string; channelId: string }, message: SnsMessage): Promise<void> {
    const added = await this.dataSource.transaction(async (tx) => {
      const log = await this.inbound.record(request, 200, {}, tx);
      const rows = (await tx.query(
        `INSERT INTO sns_confirmations (account_id, channel_id, topic_arn, sns_message_id, subscribe_url, inbound_log_id)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (channel_id, sns_message_id) DO NOTHING RETURNING id`,
        [target.accountId, target.channelId, message.TopicArn, message.MessageId, message.SubscribeURL, log?.id ?? null],
      )) as { id: string }[];
      return rows.map((row) => row.id);
    });
    void this.producer.enqueue(added.map((id) => ({ id, attempt_count: 0 })));
  }
}
