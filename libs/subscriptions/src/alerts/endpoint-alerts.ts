import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AccountAdmins } from '@hub/accounts';
import { AppConfig } from '@hub/config';
import { returning } from '@hub/database';
import { SystemMail, SystemMailTemplate } from '@hub/system-mail';
import type { Endpoint } from '../endpoints/endpoint.entity';
import { durationInWords, mailTime, urlWithoutQuery } from './alert-wording';

// A flapping endpoint (or many endpoints behind one dead host) must not flood an admin's inbox.
const MAILS_PER_ADDRESS_PER_HOUR = 20;
// Counting every retrying delivery of a busy endpoint would cost more than the number is worth past this.
const RETRYING_COUNT_CAP = 10_000;

const DISABLED_BECAUSE: Record<'gone' | 'failing', string> = {
  gone: 'its receiver answered 410 Gone, which tells the hub to stop sending',
  failing: 'every delivery attempt failed for 5 days',
};

export interface FailingStreak {
  since: Date;
  /** When the hub disables the endpoint if it keeps failing. */
  disablesAt: Date;
  /** The URL whose attempt just failed, and how. */
  url: string;
  lastError: string;
}

/**
 * Tells an account's admins, by system mail, that an endpoint is failing
 * (its streak passed ENDPOINT_FAILING_ALERT_SECONDS) and that the hub
 * disabled it. Called by the delivery engine inside the transaction that
 * records the failure, so the mail exists exactly when the state does: each
 * notice is recorded on the endpoint by a conditional UPDATE (the first
 * transaction to set it mails, any other finds it set), and the mails are
 * stored in that transaction. A success clears failing_notified_at with
 * failing_since; enabling the endpoint clears both.
 */
@Injectable()
export class EndpointAlerts {
  private readonly logger = new Logger('EndpointAlerts');

  constructor(
    private readonly mail: SystemMail,
    private readonly config: AppConfig,
  ) {}

  /** Seconds a streak must last before the failing notice is due; null when system mail is off (nothing is ever due). */
  get failingNoticeAfterSeconds(): number | null {
    return this.mail.configured ? this.config.endpointFailingAlertSeconds : null;
  }

  /** The streak passed the threshold (the failure's UPDATE, holding the endpoint's row lock, said so). */
  async failing(tx: EntityManager, endpoint: Endpoint, streak: FailingStreak): Promise<void> {
    if (!(await this.record(tx, endpoint.id, 'failing_notified_at', 'AND failing_since IS NOT NULL'))) return;
    const [{ n: retrying }] = (await tx.query(
      `SELECT count(*)::int AS n FROM (SELECT 1 FROM deliveries WHERE endpoint_id = $1 AND status = 'pending' AND attempt_count > 0 LIMIT $2) r`,
      [endpoint.id, RETRYING_COUNT_CAP],
    )) as { n: number }[];
    await this.send(tx, endpoint, 'endpoint-failing', {
      endpoint_url: urlWithoutQuery(streak.url),
      failing_since: mailTime(streak.since),
      failing_for: durationInWords(Date.now() - streak.since.getTime()),
      disables_at: mailTime(streak.disablesAt),
      last_error: streak.lastError,
      retrying_count: retrying >= RETRYING_COUNT_CAP ? `${RETRYING_COUNT_CAP.toLocaleString('en')} or more` : retrying,
    });
  }

  /** The delivery engine has just disabled the endpoint (its own conditional UPDATE won). */
  async disabled(tx: EntityManager, endpoint: Endpoint, disabled: { reason: 'gone' | 'failing'; at: Date; url: string; lastError: string }): Promise<void> {
    if (!this.mail.configured) return;
    if (!(await this.record(tx, endpoint.id, 'disabled_notified_at', 'AND NOT enabled'))) return;
    await this.send(tx, endpoint, 'endpoint-disabled', {
      endpoint_url: urlWithoutQuery(disabled.url),
      disabled_at: mailTime(disabled.at),
      reason: DISABLED_BECAUSE[disabled.reason],
      last_error: disabled.lastError,
    });
  }

  /** Marks the notice sent unless it already is: true for the one transaction that marks it. */
  private async record(tx: EntityManager, endpointId: string, column: 'failing_notified_at' | 'disabled_notified_at', condition: string): Promise<boolean> {
    const rows = returning<{ id: string }>(
      await tx.query(`UPDATE endpoints SET ${column} = now() WHERE id = $1 AND ${column} IS NULL ${condition} RETURNING id`, [endpointId]),
    );
    return rows.length === 1;
  }

  private async send(tx: EntityManager, endpoint: Endpoint, template: SystemMailTemplate, details: Record<string, string | number>): Promise<void> {
    const admins = await AccountAdmins.of(tx, endpoint.account_id);
    if (!admins) return;
    const base = this.config.publicUrl;
    const variables = {
      ...details,
      endpoint_name: endpoint.description || String(details.endpoint_url),
      account_name: admins.accountName,
      endpoint_link: `${base}/webhooks?edit=${encodeURIComponent(endpoint.id)}`,
      deliveries_link: `${base}/deliveries?endpoint_id=${encodeURIComponent(endpoint.id)}`,
      hub_url: base,
    };
    for (const to of admins.emails) {
      await this.mail.enqueue(tx, { to, template, variables, limit: { count: MAILS_PER_ADDRESS_PER_HOUR, perMs: 3_600_000 } });
    }
    this.logger.log(`Endpoint ${endpoint.id}: ${template} mail to ${admins.emails.length} admin(s)`);
  }
}
