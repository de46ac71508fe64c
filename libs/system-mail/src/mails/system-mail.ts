import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { AppConfig } from '@hub/config';
import { AfterCommit, SecretBox } from '@hub/database';
import { SystemMailProducer } from '../queues/system-mail/system-mail.producer';
import { SystemMailRenderer } from '../templates/system-mail-renderer';
import { SystemMailTemplate } from '../templates/system-mail-templates';
import { SystemMailRow } from './system-mail.entity';

export interface SystemMailInput {
  to: string;
  template: SystemMailTemplate;
  variables: Record<string, string | number>;
  /**
   * At most `count` mails of this template to this address per `perMs`; past
   * it enqueue stores nothing and answers null. What keeps a public form
   * (signup) or a flapping alert from flooding one inbox.
   */
  limit?: { count: number; perMs: number };
}

/** Thrown by enqueue when SYSTEM_SMTP_URL is not set: callers check `configured` first. */
export class SystemMailNotConfiguredError extends Error {
  constructor() {
    super('System mail is off (SYSTEM_SMTP_URL is not set)');
  }
}

/**
 * The one way to send the hub's own email: renders the template now (a
 * missing variable fails the caller, not the worker), stores the mail queued
 * in the caller's transaction, and enqueues its send once that commits. So
 * the mail exists exactly when what caused it does, and a Redis that is away
 * delays it (the sweeper finds the row) but never loses it.
 */
@Injectable()
export class SystemMail {
  private readonly messageIdHost: string;

  constructor(
    private readonly renderer: SystemMailRenderer,
    private readonly secrets: SecretBox,
    private readonly producer: SystemMailProducer,
    private readonly afterCommit: AfterCommit,
    private readonly config: AppConfig,
  ) {
    this.messageIdHost = new URL(config.publicUrl).hostname;
  }

  /** Whether SYSTEM_SMTP_URL is set, i.e. whether enqueued mail can ever be sent. */
  get configured(): boolean {
    return this.config.systemSmtpUrl !== null;
  }

  /** The stored mail's id, or null when `limit` held it back. */
  async enqueue(tx: EntityManager, input: SystemMailInput): Promise<{ id: string } | null> {
    if (!this.configured) throw new SystemMailNotConfiguredError();
    if (input.limit && (await this.recentCount(tx, input.to, input.template, input.limit.perMs)) >= input.limit.count) return null;
    const { subject, text, html } = this.renderer.render(input.template, input.variables);
    const id = randomUUID();
    await tx.getRepository(SystemMailRow).insert({
      id,
      to_address: input.to,
      template: input.template,
      subject,
      body_encrypted: this.secrets.encrypt(text),
      html_encrypted: html === null ? null : this.secrets.encrypt(html),
      status: 'queued',
      message_id_header: `<${id}@${this.messageIdHost}>`,
      attempt_count: 0,
      next_attempt_at: new Date(),
    });
    await this.afterCommit.run(tx, () => this.producer.enqueue([{ id, attempt_count: 0 }]));
    return { id };
  }

  private async recentCount(tx: EntityManager, to: string, template: string, perMs: number): Promise<number> {
    const [row] = (await tx.query(
      `SELECT count(*)::int AS n FROM system_mails WHERE to_address = $1 AND template = $2 AND created_at > now() - make_interval(secs => $3::float / 1000)`,
      [to, template, perMs],
    )) as { n: number }[];
    return row.n;
  }
}
