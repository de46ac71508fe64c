import { BadRequestException, Injectable, UnauthorizedException } from '@nestjs/common';
import { EmailWebhookKeyring, EmailWebhookKeys } from '@hub/channels';
import { normaliseSes } from '../normalise/ses-events';
import { EmailEventReport, reportsOf } from '../webhook/email-event-reports';
import { SnsCertificates } from './sns-certificates';
import { readSnsMessage, SnsMessage, SnsMessageError, verifySnsSignature } from './sns-message';

/** What an SNS request to an SES channel turned out to be. */
export type SesWebhook =
  | { kind: 'events'; reports: EmailEventReport[] }
  | { kind: 'confirmation'; message: SnsMessage }
  | { kind: 'other'; reports: [] };

/**
 * Amazon SES events as SNS delivers them: the SNS message is verified
 * (SignatureVersion 1 or 2, with the certificate SNS names, fetched only from
 * SNS's hosts), its topic checked against the channel's (a channel without
 * one adopts the topic of its first subscription confirmation), then the SES
 * notification inside read, one event per recipient.
 */
@Injectable()
export class SesWebhookReader {
  constructor(
    private readonly certificates: SnsCertificates,
    private readonly keyring: EmailWebhookKeyring,
  ) {}

  async read(body: unknown, keys: EmailWebhookKeys): Promise<SesWebhook> {
    const message = this.snsMessage(body);
    if (!this.certificates.allows(message.SigningCertURL, 'certificate')) {
      throw new UnauthorizedException('SigningCertURL is not an SNS certificate URL (https://sns.<region>.amazonaws.com/….pem)');
    }
    const certificate = await this.certificates.certificate(message.SigningCertURL);
    if (!certificate) throw new UnauthorizedException('The SNS signing certificate could not be fetched');
    if (!verifySnsSignature(message, certificate)) throw new UnauthorizedException('SNS signature does not match its signing certificate');
    await this.checkTopic(message, keys);
    if (message.Type === 'SubscriptionConfirmation') {
      if (!this.certificates.allows(message.SubscribeURL!, 'subscribe')) throw new UnauthorizedException('SubscribeURL is not an SNS URL');
      return { kind: 'confirmation', message };
    }
    if (message.Type !== 'Notification') return { kind: 'other', reports: [] };
    let notification: unknown;
    try {
      notification = JSON.parse(message.Message);
    } catch {
      // SES's own test notification ("Successfully validated SNS topic…") is text: logged, nothing to apply.
      return { kind: 'other', reports: [] };
    }
    return { kind: 'events', reports: reportsOf(keys, 'ses', normaliseSes(notification, message.MessageId)) };
  }

  private snsMessage(body: unknown): SnsMessage {
    let parsed = body;
    if (typeof body === 'string') {
      try {
        parsed = JSON.parse(body);
      } catch {
        throw new BadRequestException({ message: 'body is not JSON (SNS posts its message as JSON, with Content-Type text/plain)', details: [{ field: 'body', message: 'is not JSON' }] });
      }
    }
    try {
      return readSnsMessage(parsed);
    } catch (error) {
      if (!(error instanceof SnsMessageError)) throw error;
      throw new BadRequestException({ message: `Not an SNS message: ${error.message}`, details: [{ field: error.field, message: error.message }] });
    }
  }

  private async checkTopic(message: SnsMessage, keys: EmailWebhookKeys): Promise<void> {
    if (keys.snsTopicArn === message.TopicArn) return;
    if (keys.snsTopicArn === null && message.Type === 'SubscriptionConfirmation' && (await this.keyring.adoptSnsTopic(keys.channelId, message.TopicArn))) return;
    throw new UnauthorizedException(
      keys.snsTopicArn === null
        ? 'This channel has no SNS topic yet: it accepts the topic of its first subscription confirmation (or set sns_topic_arn)'
        : `TopicArn ${message.TopicArn} is not this channel's topic`,
    );
  }
}
