import { Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiHeader, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ApiErrors } from '@hub/http';
import { InboundRoute } from '@hub/inbound-log';
import { MAILGUN_EXAMPLE, POSTMARK_EXAMPLE, SENDGRID_EXAMPLE, SNS_EXAMPLE } from './email-webhook.examples';
import { EmailWebhookService } from './email-webhook.service';

const CHANNEL = ApiParam({ name: 'channel_id', description: 'The email channel (its webhook_url names it)', example: 'e1d2c3b4-a5f6-4789-8abc-def012345678' });
const STORED = ApiOkResponse({ description: 'Stored (events already stored before are skipped)', schema: { type: 'object', properties: { stored: { type: 'integer', description: 'New events stored' } }, example: { stored: 1 } } });

@ApiTags('email delivery webhooks')
@Controller('api/webhook/email')
export class EmailWebhookController {
  constructor(private readonly webhooks: EmailWebhookService) {}

  @Post('mailgun/:channel_id')
  @HttpCode(200)
  @InboundRoute('mailgun')
  @CHANNEL
  @ApiOperation({
    summary: 'Mailgun webhooks: verified with the channel\'s webhook signing key, stored, applied in the worker',
    description:
      'Signature: hex HMAC-SHA256 of timestamp + token (the JSON body\'s `signature`, or legacy form fields). Timestamps up to a day old are accepted (retries keep the first one); each token is used once. 406 for a channel that does not exist: Mailgun stops retrying.',
  })
  @ApiConsumes('application/json', 'application/x-www-form-urlencoded')
  @ApiBody({ schema: { type: 'object', additionalProperties: true, example: MAILGUN_EXAMPLE } })
  @STORED
  @ApiErrors(400, 401, 404, 406, 413, 415, 503)
  mailgun(@Param('channel_id') channelId: string, @Req() request: FastifyRequest): Promise<{ stored: number }> {
    return this.webhooks.mailgun(channelId, request);
  }

  @Post('ses/:channel_id')
  @HttpCode(200)
  @InboundRoute('ses')
  @CHANNEL
  @ApiOperation({
    summary: 'Amazon SES events through SNS: the SNS message is verified (v1 or v2) with the certificate SNS names, then stored and applied in the worker',
    description:
      'SNS posts JSON as text/plain. The certificate is fetched only from https://sns.<region>.amazonaws.com[.cn]/….pem. TopicArn must be the channel\'s; a channel without one adopts the topic of its first SubscriptionConfirmation, which the worker confirms (GET SubscribeURL).',
  })
  @ApiConsumes('text/plain', 'application/json')
  @ApiHeader({ name: 'x-amz-sns-message-type', required: false, example: 'Notification' })
  @ApiBody({ schema: { type: 'object', additionalProperties: true, example: SNS_EXAMPLE } })
  @STORED
  @ApiErrors(400, 401, 404, 413, 415, 503)
  ses(@Param('channel_id') channelId: string, @Req() request: FastifyRequest): Promise<{ stored: number }> {
    return this.webhooks.ses(channelId, request);
  }

  @Post('sendgrid/:channel_id')
  @HttpCode(200)
  @InboundRoute('sendgrid')
  @CHANNEL
  @ApiOperation({
    summary: 'SendGrid Event Webhook: a batch of events, verified with the channel\'s verification key, stored, applied in the worker',
    description: 'Signature: ECDSA P-256 / SHA-256 over the timestamp header followed by the raw body. Events are deduplicated on sg_event_id; one unreadable event does not hold back the others.',
  })
  @ApiHeader({ name: 'x-twilio-email-event-webhook-signature', required: true, example: 'MEUCIQCtIHJeH93Y+qpYeWrySphQgpNGNr/U+UyUlBkecPfBBQIgaBjUQfgxDHN1rPQtA7ibNcE2KpCwO2VE5Yy4ry5QBBs=' })
  @ApiHeader({ name: 'x-twilio-email-event-webhook-timestamp', required: true, example: '1764763200' })
  @ApiBody({ schema: { type: 'array', items: { type: 'object', additionalProperties: true }, example: SENDGRID_EXAMPLE } })
  @STORED
  @ApiErrors(400, 401, 404, 413, 415, 422, 503)
  sendgrid(@Param('channel_id') channelId: string, @Req() request: FastifyRequest): Promise<{ stored: number }> {
    return this.webhooks.sendgrid(channelId, request);
  }

  @Post('postmark/:channel_id')
  @HttpCode(200)
  @InboundRoute('postmark')
  @CHANNEL
  @ApiOperation({
    summary: 'Postmark webhooks: HTTP basic auth must be the channel\'s (put user:pass@ in the URL given to Postmark); stored, applied in the worker',
  })
  @ApiBody({ schema: { type: 'object', additionalProperties: true, example: POSTMARK_EXAMPLE } })
  @STORED
  @ApiErrors(400, 401, 404, 413, 415, 422, 503)
  postmark(@Param('channel_id') channelId: string, @Req() request: FastifyRequest): Promise<{ stored: number }> {
    return this.webhooks.postmark(channelId, request);
  }
}
