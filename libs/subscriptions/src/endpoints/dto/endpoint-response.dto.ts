import { ApiProperty } from '@nestjs/swagger';
import { PAYLOAD_FORMATS } from './endpoint-input.dto';
import { EndpointDisabledReason, PayloadFormat } from '../endpoint.entity';

const SECRET_EXAMPLE = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw6n3c0pQ7E1w=';

/** An endpoint as the API shows it: never account_id, never a secret or token (only has_bearer_token). */
export class EndpointResponse {
  @ApiProperty({ example: '2c4e6a8b-0d1f-4a3c-9e5b-7d9f1a3c5e7b' })
  id!: string;
  @ApiProperty({ example: 'https://example.com/hooks', nullable: true, type: String })
  url!: string | null;
  @ApiProperty({ example: 'CRM sync', nullable: true, type: String })
  description!: string | null;
  @ApiProperty({ example: ['contact.created', 'message.opened'], type: [String], description: 'Empty: every event' })
  event_types!: string[];
  @ApiProperty({ example: { 'message.bounced': 'https://example.com/bounces' }, type: 'object', additionalProperties: { type: 'string' } })
  event_urls!: Record<string, string>;
  @ApiProperty({ example: null, nullable: true, type: String, format: 'uuid' })
  channel_id!: string | null;
  @ApiProperty({ example: false, description: 'Whether a bearer token is stored (the token itself is write-only)' })
  has_bearer_token!: boolean;
  @ApiProperty({ example: { 'x-env': 'prod' }, type: 'object', additionalProperties: { type: 'string' } })
  headers!: Record<string, string>;
  @ApiProperty({ example: 10000, nullable: true, type: Number, description: 'null: the hub default' })
  timeout_ms!: number | null;
  @ApiProperty({ example: true })
  enabled!: boolean;
  @ApiProperty({ example: null, nullable: true, enum: ['gone', 'failing', 'manual'] })
  disabled_reason!: EndpointDisabledReason | null;
  @ApiProperty({ example: null, nullable: true, type: Date })
  disabled_at!: Date | null;
  @ApiProperty({ example: null, nullable: true, type: Date, description: 'Start of the current run of failed attempts' })
  failing_since!: Date | null;
  @ApiProperty({
    example: null,
    nullable: true,
    type: Date,
    description: "When the account's admins were emailed that this run of failures passed ENDPOINT_FAILING_ALERT_SECONDS (null again after a success)",
  })
  failing_notified_at!: Date | null;
  @ApiProperty({ example: null, nullable: true, type: Date, description: "When the account's admins were emailed that the hub disabled the endpoint (null again once enabled)" })
  disabled_notified_at!: Date | null;
  @ApiProperty({ enum: PAYLOAD_FORMATS, example: 'standard' })
  payload_format!: PayloadFormat;
  @ApiProperty({ example: '2026-11-24T10:00:00.000Z' })
  created_at!: Date;
  @ApiProperty({ example: '2026-11-24T10:00:00.000Z' })
  updated_at!: Date;
}

export class EndpointWithSecretResponse extends EndpointResponse {
  @ApiProperty({ example: SECRET_EXAMPLE, description: 'The signing secret (Standard Webhooks). Store it now.' })
  secret!: string;
}

export class RotatedEndpointResponse extends EndpointWithSecretResponse {
  @ApiProperty({ example: '2026-11-25T10:00:00.000Z', description: 'Until then the previous secret signs too (two signatures per request)' })
  previous_secret_expires_at!: Date;
}

export class EndpointSecretResponse {
  @ApiProperty({ example: SECRET_EXAMPLE })
  secret!: string;
}

export class SentRequestResponse {
  @ApiProperty({ example: 'https://example.com/hooks' })
  url!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'As sent, with credentials redacted',
    example: { 'content-type': 'application/json', 'user-agent': 'WebhookHub/0.1.0', 'webhook-id': 'evt_01JDQ7Z3K8M2N4P6R8T0V2X4Z6', authorization: '[redacted]' },
  })
  headers!: Record<string, string>;
  @ApiProperty({ example: '{"id":"evt_01JDQ7Z3K8M2N4P6R8T0V2X4Z6","type":"webhook.test","timestamp":"2026-11-24T10:00:00.000Z","account_id":"…","channel":null,"channel_id":null,"data":{"message":"…"}}' })
  body!: string;
}

export class TestSendResponse {
  @ApiProperty({ example: true, description: 'false on non-2xx, timeout, refused connection or blocked address' })
  ok!: boolean;
  @ApiProperty({ example: 200, nullable: true, type: Number, description: 'null when no response came back' })
  status!: number | null;
  @ApiProperty({ example: 87 })
  duration_ms!: number;
  @ApiProperty({ example: 'ok', nullable: true, type: String, description: 'First 64 KiB of the response body' })
  response_body!: string | null;
  @ApiProperty({ example: null, nullable: true, type: String })
  error!: string | null;
  @ApiProperty({ type: SentRequestResponse })
  request!: SentRequestResponse;
}

export class UnsavedTestSendResponse extends TestSendResponse {
  @ApiProperty({ example: SECRET_EXAMPLE, description: 'The throwaway secret this request was signed with' })
  secret!: string;
}

export class VerificationFailedBody {
  @ApiProperty({ example: 422 })
  statusCode!: number;
  @ApiProperty({ example: 'endpoint_verification_failed' })
  error!: string;
  @ApiProperty({ example: 'The webhook.test sent to https://example.com/hooks got HTTP 500; nothing was saved' })
  message!: string;
  @ApiProperty({ example: 'https://example.com/hooks' })
  url!: string;
  @ApiProperty({ example: 500, nullable: true, type: Number, description: 'null when no response came back (refused, timeout)' })
  status!: number | null;
}
