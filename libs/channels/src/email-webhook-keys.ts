import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createPublicKey, KeyObject } from 'node:crypto';
import { Repository } from 'typeorm';
import { Channel } from './channel.entity';
import { EmailProvider } from './channel-kinds';
import { ChannelSecrets } from './channel-secrets';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** How long an answer is trusted: a channel changed in another api process is seen within this time; in this one at once. */
export const EMAIL_WEBHOOK_KEYS_TTL_MS = 5_000;
const MAX_ENTRIES = 10_000;

/** What an ESP's webhook request to an email channel is checked against (decrypted: never logged or returned). */
export interface EmailWebhookKeys {
  channelId: string;
  accountId: string;
  provider: EmailProvider;
  /** Mailgun HTTP webhook signing key. */
  mailgunSigningKey: string | null;
  /** SendGrid's verification key, parsed once. */
  sendgridKey: KeyObject | null;
  /** Postmark's basic auth. */
  basicAuth: { user: string; pass: string } | null;
  /** SES: the SNS topic accepted; null until the first subscription confirmation records one. */
  snsTopicArn: string | null;
}

/**
 * The public ESP webhook route's view of email channels: by id alone (the
 * URL names it, and the request must then prove itself with the channel's
 * own key before anything of the account is touched). ESP traffic comes in
 * bursts, so answers are cached for a few seconds, as the lead and trigger
 * routes cache theirs.
 */
@Injectable()
export class EmailWebhookKeyring {
  private readonly cache = new Map<string, { value: EmailWebhookKeys | null; expires: number }>();

  constructor(
    @InjectRepository(Channel) private readonly channels: Repository<Channel>,
    private readonly secrets: ChannelSecrets,
  ) {}

  /** The email channel's keys, or null when no email channel has this id (deleted, never existed, or not an id). */
  async keysOf(channelId: string): Promise<EmailWebhookKeys | null> {
    if (!UUID.test(channelId)) return null;
    const hit = this.cache.get(channelId);
    if (hit && hit.expires > Date.now()) return hit.value;
    const channel = await this.channels.findOneBy({ id: channelId, type: 'email' });
    const value = channel ? this.read(channel) : null;
    if (this.cache.size >= MAX_ENTRIES) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(channelId, { value, expires: Date.now() + EMAIL_WEBHOOK_KEYS_TTL_MS });
    return value;
  }

  /** The topic of the first SNS subscription confirmation becomes the channel's, if it had none. Answers whether this topic is now the channel's. */
  async adoptSnsTopic(channelId: string, topicArn: string): Promise<boolean> {
    await this.channels
      .createQueryBuilder()
      .update()
      .set({ sns_topic_arn: topicArn })
      .where('id = :channelId AND type = :type AND sns_topic_arn IS NULL', { channelId, type: 'email' })
      .execute();
    this.forget(channelId);
    const channel = await this.channels.findOneBy({ id: channelId, type: 'email' });
    return channel?.sns_topic_arn === topicArn;
  }

  /** A channel changed or was deleted in this process. */
  forget(channelId: string): void {
    this.cache.delete(channelId);
  }

  private read(channel: Channel): EmailWebhookKeys {
    let sendgridKey: KeyObject | null = null;
    if (channel.sendgrid_public_key) {
      try {
        sendgridKey = createPublicKey({ key: Buffer.from(channel.sendgrid_public_key, 'base64'), format: 'der', type: 'spki' });
      } catch {
        // Validated at save; an unreadable one verifies nothing.
      }
    }
    return {
      channelId: channel.id,
      accountId: channel.account_id,
      provider: channel.provider ?? 'smtp',
      mailgunSigningKey: this.secrets.webhookSigningKey(channel),
      sendgridKey,
      basicAuth: this.secrets.basicAuth(channel),
      snsTopicArn: channel.sns_topic_arn,
    };
  }
}
