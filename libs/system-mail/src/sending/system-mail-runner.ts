import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SecretBox, returning } from '@hub/database';
import { afterFailedAttempt, leaseExpired, leaseIsFree, RetrySchedule, takeLease } from '@hub/operations';
import { SystemMailRow } from '../mails/system-mail.entity';
import { SystemMailProducer } from '../queues/system-mail/system-mail.producer';
import { SYSTEM_MAIL_LEASE_SECONDS, SYSTEM_MAIL_RETRY, SYSTEM_MAIL_RETRY_DELAYS_MS } from '../queues/system-mail/system-mail.queue';
import { SystemMailSendError, SystemSmtpTransport } from './system-smtp.transport';

const MAX_ERROR_LENGTH = 2000;


/**
 * Runs one try of one system mail: claim (a lease, in one conditional
 * UPDATE, so a duplicate job, the sweeper and a second worker cannot send it
 * twice at once), send through SYSTEM_SMTP_URL, record. Once the mail is
 * sent or has failed for good its body (which may hold a one-time link) is
 * erased.
 */
@Injectable()
export class SystemMailRunner {
  private readonly logger = new Logger('SystemMail');
  private readonly retries: RetrySchedule;

  constructor(
    private readonly dataSource: DataSource,
    private readonly transport: SystemSmtpTransport,
    private readonly secrets: SecretBox,
    private readonly producer: SystemMailProducer,
    @Optional() @Inject(SYSTEM_MAIL_RETRY_DELAYS_MS) delaysMs?: readonly number[],
  ) {
    this.retries = delaysMs ? { ...SYSTEM_MAIL_RETRY, delaysMs, jitter: 0 } : SYSTEM_MAIL_RETRY;
  }

  async run(mailId: string): Promise<void> {
    const mail = await this.claim(mailId);
    if (!mail) return; // sent already, leased by another worker, or gone
    try {
      if (!mail.body_encrypted) throw new SystemMailSendError('The mail has no body left to send', true);
      await this.transport.send({
        to: mail.to_address,
        subject: mail.subject,
        text: this.secrets.decrypt(mail.body_encrypted),
        html: mail.html_encrypted ? this.secrets.decrypt(mail.html_encrypted) : null,
        messageId: mail.message_id_header,
      });
    } catch (error) {
      await this.recordFailure(mail, error instanceof SystemMailSendError ? error : new SystemMailSendError((error as Error).message, false));
      return;
    }
    await this.dataSource.query(
      `UPDATE system_mails SET status = 'sent', sent_at = now(), body_encrypted = NULL, html_encrypted = NULL, error = NULL, locked_until = NULL, updated_at = now()
        WHERE id = $1 AND status = 'queued'`,
      [mail.id],
    );
  }

  /** Fails a mail whose last try never reported back (its worker died): no try is left. */
  async failAbandoned(mailId: string): Promise<void> {
    await this.fail(mailId, 'The worker stopped during the last try; no tries left', `AND attempt_count >= ${this.retries.maxAttempts} AND ${leaseExpired()}`);
  }

  private async claim(mailId: string): Promise<SystemMailRow | null> {
    const [mail] = returning<SystemMailRow>(
      await this.dataSource.query(
        `UPDATE system_mails SET attempt_count = attempt_count + 1, ${takeLease('$2')}, updated_at = now()
          WHERE id = $1 AND status = 'queued' AND attempt_count < $3 AND next_attempt_at <= now() + interval '1 second' AND ${leaseIsFree()}
          RETURNING *`,
        [mailId, SYSTEM_MAIL_LEASE_SECONDS, this.retries.maxAttempts],
      ),
    );
    return mail ?? null;
  }

  private async recordFailure(mail: SystemMailRow, error: SystemMailSendError): Promise<void> {
    const reason = error.message.slice(0, MAX_ERROR_LENGTH);
    const outcome = afterFailedAttempt(this.retries, mail.attempt_count, { permanent: error.permanent });
    if (outcome.kind === 'failed') {
      this.logger.warn(`System mail ${mail.id} (${mail.template}) failed after ${mail.attempt_count} tr${mail.attempt_count === 1 ? 'y' : 'ies'}: ${reason}`);
      await this.fail(mail.id, reason);
      return;
    }
    await this.dataSource.query(
      `UPDATE system_mails SET error = $2, locked_until = NULL, updated_at = now(), next_attempt_at = now() + make_interval(secs => $3::float / 1000)
        WHERE id = $1 AND status = 'queued'`,
      [mail.id, reason, outcome.delayMs],
    );
    await this.producer.enqueue([{ id: mail.id, attempt_count: mail.attempt_count, delayMs: outcome.delayMs }]);
  }

  private async fail(mailId: string, reason: string, condition = ''): Promise<void> {
    await this.dataSource.query(
      `UPDATE system_mails SET status = 'failed', error = $2, body_encrypted = NULL, html_encrypted = NULL, locked_until = NULL, updated_at = now()
        WHERE id = $1 AND status = 'queued' ${condition}`,
      [mailId, reason],
    );
  }
}
