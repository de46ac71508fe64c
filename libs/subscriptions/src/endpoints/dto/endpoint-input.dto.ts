import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsObject, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';
import { PAYLOAD_FORMATS as ALL_FORMATS } from '@hub/payload-formats';
import { PayloadFormat } from '../endpoint.entity';

export const PAYLOAD_FORMATS: PayloadFormat[] = [...ALL_FORMATS];

/** May be left out, but not sent as null (IsOptional would let null through). */
const Omittable = () => ValidateIf((_object, value) => value !== undefined);

/**
 * The body of `POST /api/endpoints`, and of PATCH (where an omitted field
 * keeps its value and null clears a nullable one). URLs, event types and
 * header names are checked beyond their shape in endpoint-rules.ts.
 */
export class EndpointInputDto {
  @ApiPropertyOptional({
    example: 'https://example.com/hooks',
    nullable: true,
    type: String,
    description: 'The common URL. May be empty or null when every subscribed event type has its own URL in event_urls. Absolute http(s), no credentials, ≤ 2048 characters, not a private address.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(2048)
  url?: string | null;

  @ApiPropertyOptional({ example: 'CRM sync', nullable: true, type: String })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string | null;

  @ApiPropertyOptional({
    example: ['contact.created', 'message.opened'],
    type: [String],
    description: 'Catalog event types or custom.<name>; empty or absent: every event',
  })
  @Omittable()
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  event_types?: string[];

  @ApiPropertyOptional({
    example: { 'message.bounced': 'https://example.com/bounces' },
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'A separate URL per event type (that type is subscribed even when event_types does not list it)',
  })
  @Omittable()
  @IsObject()
  event_urls?: Record<string, string>;

  @ApiPropertyOptional({ example: null, nullable: true, type: String, format: 'uuid', description: 'null: every channel of the account; set: only events of that channel' })
  @IsOptional()
  @IsUUID()
  channel_id?: string | null;

  @ApiPropertyOptional({
    example: null,
    nullable: true,
    type: String,
    writeOnly: true,
    description: 'Sent as `Authorization: Bearer <token>`. Write-only: stored encrypted; responses say has_bearer_token. null clears it.',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(4096)
  bearer_token?: string | null;

  @ApiPropertyOptional({
    example: { 'X-Env': 'prod' },
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'At most 20 custom headers, stored lower-cased. Refused: content-type, content-length, host, user-agent, authorization, x-webhook-signature and webhook-* (the hub sets them), and hop-by-hop or framing headers: connection, keep-alive, proxy-connection, transfer-encoding, te, trailer, upgrade, expect, content-encoding, proxy-authorization, proxy-authenticate, http2-settings.',
  })
  @Omittable()
  @IsObject()
  headers?: Record<string, string>;

  @ApiPropertyOptional({ example: 10000, nullable: true, type: Number, minimum: 1000, maximum: 30000, description: 'null: the hub default (WEBHOOK_TIMEOUT_MS)' })
  @IsOptional()
  @IsInt()
  @Min(1000)
  @Max(30000)
  timeout_ms?: number | null;

  @ApiPropertyOptional({ example: true })
  @Omittable()
  @IsBoolean()
  enabled?: boolean;

  @ApiPropertyOptional({ example: false, description: 'true: save without first sending a webhook.test to each new or changed URL' })
  @Omittable()
  @IsBoolean()
  skip_verification?: boolean;

  @ApiPropertyOptional({
    enum: PAYLOAD_FORMATS,
    example: 'standard',
    description:
      'The body shape the receiver gets (default standard): standard (the SPEC envelope), crm_model (CRM model events for contacts, statuses, sources), channel_event (channel-gateway events: WhatsApp messages.upsert/update/delete, connection.update, call; inbound email/SMS as messaging), flat_event (one flat object with a human event name), conversation (WhatsApp assistant style for message.received). An event the format cannot express is sent as standard; the webhook-format header always names the body\'s format. GET /api/event-types?format= shows each.',
  })
  @Omittable()
  @IsIn(PAYLOAD_FORMATS, { message: `payload_format must be one of ${PAYLOAD_FORMATS.join(', ')}` })
  payload_format?: PayloadFormat;
}

export class TestUnsavedEndpointDto {
  @ApiProperty({ example: 'https://example.com/hooks', description: 'Where to send the example event' })
  @IsString()
  @MaxLength(2048)
  url!: string;

  @ApiPropertyOptional({ example: 'webhook.test', description: 'A catalog type or custom.<name>; default webhook.test' })
  @Omittable()
  @IsString()
  @MaxLength(100)
  event_type?: string;

  @ApiPropertyOptional({ example: null, nullable: true, type: String, writeOnly: true })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(4096)
  bearer_token?: string | null;

  @ApiPropertyOptional({ example: { 'X-Env': 'staging' }, type: 'object', additionalProperties: { type: 'string' }, description: 'The same rules as an endpoint\'s headers' })
  @Omittable()
  @IsObject()
  headers?: Record<string, string>;

  @ApiPropertyOptional({ enum: PAYLOAD_FORMATS, example: 'flat_event', description: 'The body shape to send the example in (default standard); without event_type, the format\'s sample event is sent' })
  @Omittable()
  @IsIn(PAYLOAD_FORMATS, { message: `payload_format must be one of ${PAYLOAD_FORMATS.join(', ')}` })
  payload_format?: PayloadFormat;
}

export class TestSavedEndpointDto {
  @ApiPropertyOptional({ example: 'contact.created', description: 'A catalog type or custom.<name>; default webhook.test (for an endpoint in another payload format, that format\'s sample event)' })
  @Omittable()
  @IsString()
  @MaxLength(100)
  event_type?: string;
}
