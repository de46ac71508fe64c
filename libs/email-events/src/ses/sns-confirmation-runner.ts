import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { afterFailedAttempt, leaseIsFree, RetrySchedule, takeLease } from '@hub/operations';
import { SnsConfirmationProducer } from '../queues/sns-confirmation/sns-confirmation.producer';
import { SNS_CONFIRMATION_LEASE_SECONDS, SNS_CONFIRMATION_RETRY, SNS_CONFIRMATION_RETRY_DELAYS_MS } from '../queues/sns-confirmation/sns-confirmation.queue';
import { SnsCertificates } from './sns-certificates';
import { SnsConfirmation } from './sns-confirmation.entity';
import { returning } from '@hub/database';

const GET_TIMEOUT_MS = 10_000;


/**
 * One try of one SNS subscription confirmation: claim (lease), GET the
 * SubscribeURL (SNS's hosts only, no redirects), record. SNS answering 2xx
 * confirms it; a 4xx (expired or unknown token) ends it; a 5xx or no
 * answer is tried again on the schedule.
 */
@Injectable()
export class SnsConfirmationRunner {
  private readonly logger = new Logger('SnsConfirmationRunner');
  private readonly retries: RetrySchedule;

  constructor(
    private readonly dataSource: DataSource,
    private readonly certificates: SnsCertificates,
    private readonly producer: SnsConfirmationProducer,
    @Optional() @Inject(SNS_CONFIRMATION_RETRY_DELAYS_MS) delaysMs?: readonly number[],
  ) {
    this.retries = delaysMs ? { ...SNS_CONFIRMATION_RETRY, delaysMs } : SNS_CONFIRMATION_RETRY;
  }

  async run(id: string): Promise<void> {
    const [confirmation] = returning<SnsConfirmation>(
      await this.dataSource.query(
        `UPDATE sns_confirmations SET attempt_count = attempt_count + 1, ${takeLease('$2')}, updated_at = now()
          WHERE id = $1 AND status = 'pending' AND next_attempt_at <= now() + interval '1 second' AND ${leaseIsFree()}
          RETURNING *`,
        [id, SNS_CONFIRMATION_LEASE_SECONDS],
      ),
    );
    if (!confirmation) return;
    if (!this.certificates.allows(confirmation.subscribe_url, 'subscribe')) {
      await this.finish(confirmation, 'failed', 'SubscribeURL is not on an SNS host');
      return;
    }
    let status: number;
    try {
      const response = await fetch(confirmation.subscribe_url, { redirect: 'manual', signal: AbortSignal.timeout(GET_TIMEOUT_MS) });
      status = response.status;
      await response.body?.cancel();
    } catch (error) {
      await this.retryOrFail(confirmation, `SNS did not answer: ${(error as Error).message}`, false);
      return;
    }
    if (status >= 200 && status < 300) {
      await this.finish(confirmation, 'confirmed', null);
      this.logger.log(`SNS subscription of channel ${confirmation.channel_id} to ${confirmation.topic_arn} confirmed`);
      return;
    }
    await this.retryOrFail(confirmation, `SNS answered ${status}`, status >= 300 && status < 500);
  }

  private async retryOrFail(confirmation: SnsConfirmation, error: string, permanent: boolean): Promise<void> {
    const decision = afterFailedAttempt(this.retries, confirmation.attempt_count, { permanent });
    if (decision.kind === 'failed') {
      await this.finish(confirmation, 'failed', error);
      return;
    }
    await this.dataSource.query(
      `UPDATE sns_confirmations SET last_error = $2, locked_until = NULL, updated_at = now(), next_attempt_at = now() + make_interval(secs => $3::float / 1000)
        WHERE id = $1 AND status = 'pending'`,
      [confirmation.id, error, decision.delayMs],
    );
    await this.producer.enqueue([{ id: confirmation.id, attempt_count: confirmation.attempt_count, delayMs: decision.delayMs }]);
  }

  private async finish(confirmation: SnsConfirmation, status: 'confirmed' | 'failed', error: string | null): Promise<void> {
    if (status === 'failed') this.logger.warn(`SNS subscription of channel ${confirmation.channel_id} to ${confirmation.topic_arn} not confirmed: ${error}`);
    await this.dataSource.query(
      `UPDATE sns_confirmations SET status = $2, last_error = $3, locked_until = NULL, updated_at = now(), confirmed_at = CASE WHEN $2 = 'confirmed' THEN now() END
        WHERE id = $1 AND status = 'pending'`,
      [confirmation.id, status, error],
    );
  }
}
