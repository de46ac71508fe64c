import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool';
import { AppConfig } from '@hub/config';
import { Channel, ChannelSecrets } from '@hub/channels';
import { Message } from '../messages/message.entity';
import { looksLikeHtml } from '../templates/template-renderer';
import { UnsubscribeLinks } from '../unsubscribe/unsubscribe-links';
import { SendError, SendReceipt, withinTimeout } from './send-error';
import { providerIdFromSmtpReply } from './smtp-reply';
import { SEND_TIMEOUT_MS } from '../sending/message-send.queue';

type Pool = Transporter<SMTPPool.SentMessageInfo, SMTPPool.Options>;

interface SmtpFailure {
  code?: string;
  responseCode?: number;
  response?: string;
  message: string;
}

/** An SMTP failure in words; 5xx replies (unknown user, relay denied, bad credentials) are not retried. */
function toSendError(error: unknown): SendError {
  if (error instanceof SendError) return error;
  const failure = error as SmtpFailure;
  if (failure.responseCode) {
    const reply = (failure.response ?? failure.message).replace(/\s+/g, ' ').trim();
    return new SendError(`SMTP server answered ${reply.startsWith(String(failure.responseCode)) ? reply : `${failure.responseCode} ${reply}`}`, failure.responseCode >= 500);
  }
  return new SendError(failure.code ? `SMTP ${failure.code}: ${failure.message}` : `SMTP: ${failure.message}`, false);
}

/**
 * Sends email over the channel's SMTP relay (every ESP offers one). One pooled
 * transporter per channel, rebuilt when the channel changes (its updated_at).
 * Sets our Message-ID (stored on the message before the first try, so retries
 * keep it) and, when the recipient is a contact, one-click List-Unsubscribe.
 */
@Injectable()
export class EmailTransport implements OnModuleDestroy {
  private readonly pools = new Map<string, { version: number; transporter: Pool }>();
  private readonly heloName: string;

  constructor(
    private readonly secrets: ChannelSecrets,
    private readonly links: UnsubscribeLinks,
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
      const info = await withinTimeout(
        this.transporterFor(channel).sendMail({
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
      throw toSendError(error);
    }
  }

  private transporterFor(channel: Channel): Pool {
    const version = channel.updated_at.getTime();
    const cached = this.pools.get(channel.id);
    if (cached && cached.version === version) return cached.transporter;
    cached?.transporter.close();
    const smtp = channel.smtp!;
    const pass = this.secrets.smtpPassword(channel);
    const transporter = createTransport({
      pool: true,
      maxConnections: 3,
      maxMessages: 100,
      host: smtp.host,
      port: smtp.port,
      secure: smtp.secure,
      name: this.heloName,
      ...(smtp.user ? { auth: { user: smtp.user, pass: pass ?? '' } } : {}),
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
      logger: false,
    });
    this.pools.set(channel.id, { version, transporter });
    return transporter;
  }

  onModuleDestroy(): void {
    for (const { transporter } of this.pools.values()) transporter.close();
    this.pools.clear();
  }
}
