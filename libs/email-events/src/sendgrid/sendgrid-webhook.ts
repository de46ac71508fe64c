import { UnauthorizedException, UnprocessableEntityException } from '@nestjs/common';
import type { EmailWebhookKeys } from '@hub/channels';
import { EmailEvent } from '../normalise/email-event';
import { normaliseSendgrid } from '../normalise/sendgrid-events';
import { EmailEventReport, reportsOf } from '../webhook/email-event-reports';
import { SENDGRID_SIGNATURE_HEADER, SENDGRID_TIMESTAMP_HEADER, SendgridSignature } from './sendgrid-signature';

const header = (headers: Record<string, string | string[] | undefined>, name: string) => {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/**
 * A SendGrid Event Webhook request: verified (ECDSA P-256 over the timestamp
 * header and the raw body, with the channel's verification key), then each
 * event of the array read. An event that cannot be read is skipped, not the
 * batch: the others are still stored.
 */
export function readSendgridWebhook(
  rawBody: Buffer | undefined,
  body: unknown,
  headers: Record<string, string | string[] | undefined>,
  keys: EmailWebhookKeys,
): EmailEventReport[] {
  if (!keys.sendgridKey) throw new UnauthorizedException('This channel has no SendGrid verification key: set sendgrid_public_key on the channel');
  const timestamp = header(headers, SENDGRID_TIMESTAMP_HEADER);
  const signature = header(headers, SENDGRID_SIGNATURE_HEADER);
  if (!timestamp || !signature) throw new UnauthorizedException(`SendGrid signature missing: expected the ${SENDGRID_SIGNATURE_HEADER} and ${SENDGRID_TIMESTAMP_HEADER} headers`);
  if (!rawBody || !SendgridSignature.verify(keys.sendgridKey, rawBody, timestamp, signature)) {
    throw new UnauthorizedException('SendGrid signature does not match the channel\'s verification key');
  }
  if (!Array.isArray(body)) {
    throw new UnprocessableEntityException({ message: 'body must be a JSON array of SendGrid events', details: [{ field: 'body', message: 'must be a JSON array' }] });
  }
  const events = body.map((item) => normaliseSendgrid(item)).filter((event): event is EmailEvent => event !== null);
  return reportsOf(keys, 'sendgrid', events);
}
