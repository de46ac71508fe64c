import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool';
import { AppConfig } from '@hub/config';
import { SYSTEM_MAIL_SEND_TIMEOUT_MS } from '../queues/system-mail/system-mail.queue';

export interface OutgoingSystemMail {
  to: string;
  subject: string;
  text: string;
  /** The HTML alternative (multipart/alternative with the text), when the template has one. */
  html: string | null;
  messageId: string;
}

/** A send that did not go out. `permanent`: a 5xx reply (unknown address, relay denied, bad login): retrying cannot help. */
export class SystemMailSendError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
  }
}

interface SmtpFailure {
  code?: string;
  responseCode?: number;
  response?: string;
  message: string;
}

/**
 * The hub's own SMTP relay (SYSTEM_SMTP_URL), one small pool per process.
 * The operator chose this host, not an account, so it is not behind the
 * destination guard that account channels pass (a relay on the hub's own
 * network is the usual setup). The URL carries the password: it goes to
 * nodemailer and nowhere else, and errors are described by their SMTP
 * code and reply, never by the URL.
 */
@Injectable()
export class SystemSmtpTransport implements OnModuleDestroy {
  private pool: Transporter<SMTPPool.SentMessageInfo, SMTPPool.Options> | null = null;
  private readonly heloName: string;

  constructor(private readonly config: AppConfig) {
    this.heloName = new URL(config.publicUrl).hostname;
  }

  async send(mail: OutgoingSystemMail): Promise<void> {
    const url = this.config.systemSmtpUrl;
    if (!url) throw new SystemMailSendError('System mail is off (SYSTEM_SMTP_URL is not set)', false);
    this.pool ??= createTransport({
      url,
      pool: true,
      maxConnections: 2,
      name: this.heloName,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
      logger: false,
    } as SMTPPool.Options);
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.pool.sendMail({
          from: this.config.systemMailFrom,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          ...(mail.html === null ? {} : { html: mail.html }),
          messageId: mail.messageId,
          disableFileAccess: true,
          disableUrlAccess: true,
        }),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new SystemMailSendError(`SMTP send timed out after ${SYSTEM_MAIL_SEND_TIMEOUT_MS} ms`, false)), SYSTEM_MAIL_SEND_TIMEOUT_MS);
        }),
      ]);
    } catch (error) {
      throw describe(error);
    } finally {
      clearTimeout(timer);
    }
  }

  onModuleDestroy(): void {
    this.pool?.close();
    this.pool = null;
  }
}

function describe(error: unknown): SystemMailSendError {
  if (error instanceof SystemMailSendError) return error;
  const failure = error as SmtpFailure;
  const permanent = (failure.responseCode ?? 0) >= 500;
  if (failure.code === 'EAUTH') return new SystemMailSendError('The system SMTP server refused the login (check the user and password in SYSTEM_SMTP_URL)', permanent);
  if (failure.responseCode) return new SystemMailSendError(`The system SMTP server answered ${(failure.response ?? failure.message).replace(/\s+/g, ' ').trim()}`, permanent);
  return new SystemMailSendError(`Could not reach the system SMTP server (${failure.code ?? 'error'}: ${failure.message.replace(/\s+/g, ' ').slice(0, 200)})`, false);
}
