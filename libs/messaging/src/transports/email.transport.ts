import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool';
import { AppConfig } from '@hub/config';
import { type Channel, ChannelSecrets } from '@hub/channels';
import { BlockedDestinationError, DestinationGuard } from '@hub/subscriptions';
import { Message } from '../messages/message.entity';
import { looksLikeHtml } from '../templates/template-renderer';
import { UnsubscribeLinks } from '../unsubscribe/unsubscribe-links';
import { SendError, SendReceipt, withinTimeout } from './send-error';
import { providerIdFromSmtpReply } from './smtp-reply';
import { SEND_TIMEOUT_MS } from '../queues/message-send/message-send.queue';

type Pool = Transporter<SMTPPool.SentMessageInfo, SMTPPool.Options>;

/** How long a pool keeps the address it was checked with before the host name is resolved and checked again. */
const RECHECK_AFTER_MS = 60_000;

interface SmtpFailure {
  code?: string;
  command?: string;
  responseCode?: number;
  response?: string;
  message: string;
}

/** What is stored and shown when no SMTP session got as far as the message: the same words whatever answered (or did not). */
export const SMTP_UNREACHABLE = 'Could not send through the SMTP server: no answer, refused, timed out, or not an SMTP server at that host and port';
const SMTP_LOGIN_REFUSED = 'The SMTP server refused the login: check the channel\'s SMTP user and password';

/**
 * An SMTP failure in words. Replies about the message itself (to MAIL FROM,
 * RCPT TO or DATA, e.g. "550 no such user") are kept: they come from the
 * account's relay after a full session. Everything before that (connection
 * refused, timeout, a port that speaks another protocol, greeting or TLS
 * errors) is one sentence, so a send cannot be used to tell open ports from
 * closed ones or to read another service's banner. 5xx replies (unknown
 * user, relay denied, bad credentials) are not retried.
 */
function toSendError(error: unknown): SendError {
  if (error instanceof SendError) return error;
  const failure = error as SmtpFailure;
  const permanent = (failure.responseCode ?? 0) >= 500;
  if (failure.code === 'EAUTH') return new SendError(SMTP_LOGIN_REFUSED, permanent);
  if (failure.responseCode && (failure.code === 'EENVELOPE' || failure.code === 'EMESSAGE')) {
    const reply = (failure.response ?? failure.message).replace(/\s+/g, ' ').trim();
    return new SendError(`SMTP server answered ${reply.startsWith(String(failure.responseCode)) ? reply : `${failure.responseCode} ${reply}`}`, permanent);
  }
  return new SendError(SMTP_UNREACHABLE, false);
}

/**
 * Sends email over the channel's SMTP relay (every ESP offers one), behind the
 * same destination guard as webhooks (WEBHOOK_ALLOW_PRIVATE_NETWORKS). One
 * pooled transporter per channel, rebuilt when the channel changes (its updated_at).
 * Sets our Message-ID (stored on the message before the first try, so retries
 * keep it) and, when the recipient is a contact, one-click List-Unsubscribe.
 */
@Injectable()
export class EmailTransport implements OnModuleDestroy {
  private readonly pools = new Map<string, { version: number; address: string; checkedAt: number; transporter: Pool }>();
  private readonly logger = new Logger('EmailTransport');
  private readonly heloName: string;

  constructor(
    private readonly secrets: ChannelSecrets,
    private readonly links: UnsubscribeLinks,
    private readonly guard: DestinationGuard,
    config: AppConfig,
  ) {
    this.heloName = new URL(config.publicUrl).hostname;
  }

  async send(channel: Channel, message: Message): Promise<SendReceipt> {
    if (!channel.smtp || !channel.from_address) throw new SendError(`Email channel ${channel.id} has no SMTP settings or from address`, true);
    const headers: Record<string, string> = {};
    if (message.contact_id) {
      headers['List-Unsubscribe'] = `<${this.links.linkFor(message.account_id, message.contact_id)}>`;
      headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
    }
    const html = looksLikeHtml(message.body);
    try {
      const transporter = await this.transporterFor(channel);
      const info = await withinTimeout(
        transporter.sendMail({
          from: channel.from_address,
          to: message.to,
          subject: message.subject ?? '',
          ...(html ? { html: message.body } : { text: message.body }),
          messageId: message.message_id_header ?? undefined,
          headers,
          disableFileAccess: true,
          disableUrlAccess: true,
        }),
        SEND_TIMEOUT_MS,
        'SMTP send',
      );
      return { providerMessageId: providerIdFromSmtpReply(info.response) };
    } catch (error) {
      const failure = error as SmtpFailure;
      // The details stay in the debug log: nodemailer's messages carry no password.
      this.logger.debug(`SMTP send of message ${message.id} on channel ${channel.id} failed: ${failure.code ?? ''} ${failure.command ?? ''} ${failure.message}`);
      throw toSendError(error);
    }
  }

  /**
   * The channel's pool, connecting to the address the SSRF guard checked (the
   * host name is kept for TLS). The name is resolved again once a pool is a
   * minute old, and the pool rebuilt if the address changed.
   */
  private async transporterFor(channel: Channel): Promise<Pool> {
    const smtp = channel.smtp!;
    const version = channel.updated_at.getTime();
    const cached = this.pools.get(channel.id);
    if (cached && cached.version === version && Date.now() - cached.checkedAt < RECHECK_AFTER_MS) return cached.transporter;
    let address: string;
    try {
      address = await this.guard.checkedAddress(smtp.host);
    } catch (error) {
      if (error instanceof BlockedDestinationError) throw new SendError(`SMTP host refused: ${error.message}`, true);
      throw error;
    }
    if (cached && cached.version === version && cached.address === address) {
      cached.checkedAt = Date.now();
      return cached.transporter;
    }
    cached?.transporter.close();
    const pass = this.secrets.smtpPassword(channel);
    const transporter = createTransport({
      pool: true,
      maxConnections: 3,
      maxMessages: 100,
      host: address,
      // Certificates are checked against the name the account configured, not the address.
      servername: smtp.host,
      port: smtp.port,
      secure: smtp.secure,
      name: this.heloName,
      ...(smtp.user ? { auth: { user: smtp.user, pass: pass ?? '' } } : {}),
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
      logger: false,
    });
    this.pools.set(channel.id, { version, address, checkedAt: Date.now(), transporter });
    return transporter;
  }

  onModuleDestroy(): void {
    for (const { transporter } of this.pools.values()) transporter.close();
    this.pools.clear();
  }
}
