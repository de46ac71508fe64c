import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ChannelStore } from '@hub/channels';
import { EventPublisher } from '@hub/events';
import { afterFailedAttempt, leaseExpired, leaseIsFree, RetrySchedule, takeLease } from '@hub/operations';
import { Message } from '../messages/message.entity';
import { publishMessageEvent, statusChange } from '../messages/message-events';
import { ChannelTransports } from '../transports/channel-transports';
import { SendError, SendReceipt } from '../transports/send-error';
import { MessageProducer } from '../queues/message-send/message-send.producer';
import { MAX_SEND_ATTEMPTS, MESSAGE_RETRY, MESSAGE_RETRY_DELAYS_MS, SEND_LEASE_SECONDS } from '../queues/message-send/message-send.queue';
import { returning } from '@hub/database';

const MAX_ERROR_LENGTH = 2000;


/**
 * Runs one try of one message: claim (lease), send through the channel's
 * transport, record. The claim is one conditional UPDATE, so a duplicate or
 * stalled job, the sweeper and a second worker can all ask for the same
 * message and only one sends. The outcome, its status history and its
 * message.sent / message.failed event commit in one transaction.
 */
@Injectable()
export class MessageSendRunner {
  private readonly logger = new Logger('MessageSendRunner');
  private readonly retries: RetrySchedule;

  constructor(
    private readonly dataSource: DataSource,
    private readonly transports: ChannelTransports,
    private readonly channels: ChannelStore,
    private readonly producer: MessageProducer,
    private readonly events: EventPublisher,
    @Optional() @Inject(MESSAGE_RETRY_DELAYS_MS) delaysMs?: readonly number[],
  ) {
    this.retries = delaysMs ? { ...MESSAGE_RETRY, delaysMs } : MESSAGE_RETRY;
  }

  async run(messageId: string): Promise<void> {
    const message = await this.claim(messageId);
    if (!message) return;
    let receipt: SendReceipt;
    try {
      const channel = await this.channels.find(message.account_id, message.channel_id);
      if (!channel) throw new SendError(`Channel ${message.channel_id} no longer exists`, true);
      receipt = await this.transports.send(channel, message);
    } catch (error) {
      await this.recordFailure(message, error instanceof SendError ? error : new SendError((error as Error).message, false));
      return;
    }
    await this.recordSent(message, receipt);
  }

  /** Fails a message whose last try never reported back (its worker died): no try is left. */
  async failAbandoned(messageId: string): Promise<void> {
    await this.fail(messageId, 'The worker stopped during the last try; no tries left', `AND attempt_count >= ${MAX_SEND_ATTEMPTS} AND ${leaseExpired()}`);
  }

  private async claim(messageId: string): Promise<Message | null> {
    const [message] = returning<Message>(
      await this.dataSource.query(
        `UPDATE messages SET attempt_count = attempt_count + 1, ${takeLease('$2')}, updated_at = now()
          WHERE id = $1 AND status = 'queued' AND attempt_count < $3 AND next_attempt_at <= now() + interval '1 second'
            AND ${leaseIsFree()}
          RETURNING *`,
        [messageId, SEND_LEASE_SECONDS, MAX_SEND_ATTEMPTS],
      ),
    );
    return message ?? null;
  }

  private async recordSent(message: Message, receipt: SendReceipt): Promise<void> {
    const at = new Date();
    await this.dataSource.transaction(async (tx) => {
      const [sent] = returning<Message>(
        await tx.query(
          `UPDATE messages SET status = 'sent', sent_at = $2, provider_message_id = COALESCE($3, provider_message_id), error = NULL,
              locked_until = NULL, updated_at = now(), status_history = status_history || $4::jsonb
            WHERE id = $1 AND status = 'queued' RETURNING *`,
          [message.id, at, receipt.providerMessageId, JSON.stringify([statusChange('sent', at)])],
        ),
      );
      if (sent) await publishMessageEvent(this.events, tx, 'message.sent', sent, at);
    });
  }

  private async recordFailure(message: Message, error: SendError): Promise<void> {
    const reason = error.message.slice(0, MAX_ERROR_LENGTH);
    const outcome = afterFailedAttempt(this.retries, message.attempt_count, { permanent: error.permanent });
    if (outcome.kind === 'failed') {
      this.logger.warn(`Message ${message.id} failed after ${message.attempt_count} tr${message.attempt_count === 1 ? 'y' : 'ies'}: ${reason}`);
      await this.fail(message.id, reason);
      return;
    }
    await this.dataSource.query(
      `UPDATE messages SET error = $2, locked_until = NULL, updated_at = now(), next_attempt_at = now() + make_interval(secs => $3::float / 1000)
        WHERE id = $1 AND status = 'queued'`,
      [message.id, reason, outcome.delayMs],
    );
    await this.producer.send([{ id: message.id, attempt_count: message.attempt_count, delayMs: outcome.delayMs }]);
  }

  private async fail(messageId: string, reason: string, condition = ''): Promise<void> {
    const at = new Date();
    await this.dataSource.transaction(async (tx) => {
      const [failed] = returning<Message>(
        await tx.query(
          `UPDATE messages SET status = 'failed', error = $2, locked_until = NULL, updated_at = now(), status_history = status_history || $3::jsonb
            WHERE id = $1 AND status = 'queued' ${condition} RETURNING *`,
          [messageId, reason, JSON.stringify([statusChange('failed', at, reason)])],
        ),
      );
      if (failed) await publishMessageEvent(this.events, tx, 'message.failed', failed, at, { error: reason });
    });
  }
}
