import { UnauthorizedException, UnprocessableEntityException } from '@nestjs/common';
import type { EmailWebhookKeys } from '@hub/channels';
import { record, text } from '../normalise/email-event';
import { normalisePostmark } from '../normalise/postmark-events';
import { EmailEventReport, reportsOf } from '../webhook/email-event-reports';
import { PostmarkBasicAuth } from './postmark-basic-auth';

/** A Postmark webhook request: its basic auth must be the channel's (Postmark signs nothing), then its one record is read. */
export function readPostmarkWebhook(authorization: string | undefined, body: unknown, keys: EmailWebhookKeys): EmailEventReport[] {
  if (!keys.basicAuth) throw new UnauthorizedException('This channel has no basic auth for Postmark: set basic_auth on the channel and put user:pass@ in the webhook URL');
  if (!PostmarkBasicAuth.matches(authorization, keys.basicAuth)) throw new UnauthorizedException('Basic auth does not match the channel\'s');
  if (!text(record(body).RecordType)) {
    throw new UnprocessableEntityException({ message: 'RecordType is required (a Postmark webhook record)', details: [{ field: 'RecordType', message: 'is required' }] });
  }
  const event = normalisePostmark(body);
  return event ? reportsOf(keys, 'postmark', [event]) : [];
}
