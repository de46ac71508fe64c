import { HttpException, HttpStatus, Injectable, NotFoundException, OnModuleInit, UnauthorizedException } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { EmailWebhookKeyring, EmailWebhookKeys } from '@hub/channels';
import { InboundAccounts, inboundState } from '@hub/inbound-log';
import { EmailEventIntake } from '../intake/email-event-intake';
import { readMailgunWebhook } from '../mailgun/mailgun-webhook';
import { readPostmarkWebhook } from '../postmark/postmark-webhook';
import { readSendgridWebhook } from '../sendgrid/sendgrid-webhook';
import { SesWebhookReader } from '../ses/ses-webhook';
import { SnsConfirmationIntake } from '../ses/sns-confirmation-intake';
import { EmailEventReport, EmailProviderName } from './email-event-reports';

type RawRequest = FastifyRequest & { rawBody?: Buffer };

export const EMAIL_PROVIDER_SOURCES: readonly EmailProviderName[] = ['mailgun', 'ses', 'sendgrid', 'postmark'];

/**
 * The ESP delivery webhooks (SPEC §4): find the email channel the URL names,
 * verify the request the provider's way with that channel's keys, store it
 * with the events it carries, answer. Unverifiable → 401, in the inbound log
 * with the reason, under the channel's account.
 */
@Injectable()
export class EmailWebhookService implements OnModuleInit {
  constructor(
    private readonly keyring: EmailWebhookKeyring,
    private readonly intake: EmailEventIntake,
    private readonly sesReader: SesWebhookReader,
    private readonly confirmations: SnsConfirmationIntake,
    private readonly accounts: InboundAccounts,
  ) {}

  onModuleInit(): void {
    for (const source of EMAIL_PROVIDER_SOURCES) {
      this.accounts.register(source, async ({ channelId }) => (channelId ? ((await this.keyring.keysOf(channelId))?.accountId ?? null) : null));
    }
  }

  async mailgun(channelId: string, request: RawRequest): Promise<{ stored: number }> {
    const keys = await this.channel('mailgun', channelId, request);
    return this.store(request, this.verified(request, () => readMailgunWebhook(request.body, keys)));
  }

  async sendgrid(channelId: string, request: RawRequest): Promise<{ stored: number }> {
    const keys = await this.channel('sendgrid', channelId, request);
    return this.store(request, this.verified(request, () => readSendgridWebhook(request.rawBody, request.body, request.headers, keys)));
  }

  async postmark(channelId: string, request: RawRequest): Promise<{ stored: number }> {
    const keys = await this.channel('postmark', channelId, request);
    return this.store(request, this.verified(request, () => readPostmarkWebhook(request.headers.authorization, request.body, keys)));
  }

  async ses(channelId: string, request: RawRequest): Promise<{ stored: number }> {
    const keys = await this.channel('ses', channelId, request);
    const state = inboundState(request);
    let read: Awaited<ReturnType<SesWebhookReader['read']>>;
    try {
      read = await this.sesReader.read(request.body, keys);
    } catch (error) {
      // A body that is not an SNS message (400) was never checked; only a 401 says the check failed.
      state.verification = error instanceof UnauthorizedException ? 'failed' : null;
      throw error;
    }
    state.verification = 'passed';
    if (read.kind === 'confirmation') {
      await this.confirmations.store(request, keys, read.message);
      return { stored: 0 };
    }
    return this.store(request, read.reports);
  }

  /**
   * The email channel the URL names, receiving this provider's webhooks. A
   * channel that does not exist answers 406 to Mailgun (the one answer besides
   * 200 that stops its retries) and 404 to the others.
   */
  private async channel(provider: EmailProviderName, channelId: string, request: FastifyRequest): Promise<EmailWebhookKeys> {
    const keys = await this.keyring.keysOf(channelId);
    if (!keys) {
      const message = `No email channel ${channelId}`;
      if (provider === 'mailgun') throw new HttpException({ message: `${message}; Mailgun stops retrying on this answer` }, HttpStatus.NOT_ACCEPTABLE);
      throw new NotFoundException(message);
    }
    inboundState(request).accountId = keys.accountId;
    if (keys.provider !== provider) {
      throw new NotFoundException(`Channel ${channelId} receives ${keys.provider === 'smtp' ? 'no provider' : keys.provider} webhooks, not ${provider}'s: use its webhook_url`);
    }
    return keys;
  }

  /** Runs a provider's reader, telling the log whether the request proved itself (readers refuse with 401 only for that). */
  private verified<T>(request: FastifyRequest, read: () => T): T {
    const state = inboundState(request);
    try {
      const result = read();
      state.verification = 'passed';
      return result;
    } catch (error) {
      state.verification = error instanceof UnauthorizedException ? 'failed' : 'passed';
      throw error;
    }
  }

  private async store(request: FastifyRequest, reports: EmailEventReport[]): Promise<{ stored: number }> {
    return { stored: await this.intake.store(request, reports) };
  }
}
