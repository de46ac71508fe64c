import { UnauthorizedException } from '@nestjs/common';
import type { EmailWebhookKeys } from '@hub/channels';
import { record, text } from '../normalise/email-event';
import { normaliseMailgun } from '../normalise/mailgun-events';
import { EmailEventReport, reportsOf } from '../webhook/email-event-reports';
import { MailgunSignature } from './mailgun-signature';

/** Legacy (form-field) webhooks name their event differently: the `event-data` shape they correspond to. */
function legacyEventData(body: Record<string, unknown>): Record<string, unknown> {
  const event = text(body.event);
  const failed = event === 'bounced' || event === 'dropped';
  return {
    event: failed ? 'failed' : event,
    severity: failed ? 'permanent' : undefined,
    recipient: body.recipient,
    timestamp: body.timestamp,
    url: body.url,
    reason: body.reason ?? body.error ?? body.description,
    message: { headers: { 'message-id': body['Message-Id'] ?? body['message-id'] } },
  };
}

/**
 * A Mailgun webhook request for this channel: verified (hex HMAC-SHA256 of
 * timestamp + token with the channel's signing key, timestamps up to a day
 * old, as retries keep the first try's), then read. The token is single-use:
 * it goes with the event as its once-token, so a second request carrying it
 * (a replay with another body) is ignored.
 */
export function readMailgunWebhook(body: unknown, keys: EmailWebhookKeys): EmailEventReport[] {
  const fields = MailgunSignature.fieldsOf(body);
  if (!fields) throw new UnauthorizedException('Mailgun signature missing: expected signature.timestamp, signature.token and signature.signature');
  if (!keys.mailgunSigningKey) throw new UnauthorizedException('This channel has no Mailgun webhook signing key: set webhook_signing_key on the channel');
  if (!MailgunSignature.verify(keys.mailgunSigningKey, fields)) {
    throw new UnauthorizedException('Mailgun signature does not match the channel\'s webhook signing key (or its timestamp is more than a day away)');
  }
  const root = record(body);
  const eventData = root['event-data'] !== undefined ? root['event-data'] : legacyEventData(root);
  const event = normaliseMailgun(eventData, fields.token);
  return event ? reportsOf(keys, 'mailgun', [event], fields.token) : [];
}
