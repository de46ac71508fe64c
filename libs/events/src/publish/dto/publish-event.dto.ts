import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsObject, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { PAYLOAD_FORMATS, PayloadFormat } from '@hub/payload-formats';

export class PublishEventDto {
  @ApiProperty({ example: 'custom.order_paid', description: 'A catalog type or `custom.<name>`' })
  @IsString()
  @MaxLength(100)
  @Matches(/^[a-z_]+(\.[a-z0-9_.-]+)+$/, { message: 'type must look like "contact.created" or "custom.order_paid"' })
  type!: string;

  @ApiPropertyOptional({ enum: ['email', 'whatsapp', 'sms'], example: 'email' })
  @IsOptional()
  @IsIn(['email', 'whatsapp', 'sms'])
  channel?: 'email' | 'whatsapp' | 'sms';

  @ApiPropertyOptional({ example: null, nullable: true, description: 'A channel of this account; its type fills `channel`' })
  @IsOptional()
  @IsUUID()
  channel_id?: string;

  @ApiProperty({ example: { order_id: 'A-1042', total: 49.9, currency: 'EUR' }, type: 'object', additionalProperties: true })
  @IsObject()
  data!: Record<string, unknown>;
}

export class PublishedEventDto {
  @ApiProperty({ example: 'evt_01JDB3ZQ6K4X2V7N9C8M5T1R0A' })
  id!: string;
}

export class EventTypeDto {
  @ApiProperty({ example: 'contact.created' })
  type!: string;
  @ApiProperty({ example: 'A contact was created.' })
  description!: string;
  @ApiProperty({ example: [], isArray: true, enum: ['email', 'whatsapp', 'sms'] })
  channels!: string[];
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'JSON Schema (draft-07) of `data`' })
  schema!: Record<string, unknown>;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'An example `data` object' })
  example!: Record<string, unknown>;
  @ApiProperty({ enum: PAYLOAD_FORMATS, example: 'standard', description: 'The format example_body is in: the one asked for, or `standard` when that one cannot express this type' })
  example_format!: PayloadFormat;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The whole body a receiver gets for the example, in example_format' })
  example_body!: Record<string, unknown>;
  @ApiProperty({ example: false, description: 'True on the one type a test send uses in this format when it names no event_type (webhook.test in standard)' })
  format_sample!: boolean;
}

export class EventTypesQueryDto {
  @ApiPropertyOptional({ enum: PAYLOAD_FORMATS, example: 'flat_event', description: 'Show example_body in this payload format (default standard)' })
  @IsOptional()
  @IsIn(PAYLOAD_FORMATS, { message: `format must be one of ${PAYLOAD_FORMATS.join(', ')}` })
  format?: PayloadFormat;
}
