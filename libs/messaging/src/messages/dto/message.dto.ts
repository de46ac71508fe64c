import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { MESSAGE_STATUSES } from '@hub/events';
import { PageQueryDto } from '@hub/http';
import { MessageDirection, MessageStatus } from '../message.entity';

const CHANNELS = ['email', 'whatsapp', 'sms'] as const;
const MESSAGE_DIRECTIONS = ['outbound', 'inbound'] as const;

export class MessageQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', example: 'e1d2c3b4-a5f6-4789-8abc-def012345678' })
  @IsOptional()
  @IsUUID()
  channel_id?: string;

  @ApiPropertyOptional({ format: 'uuid', example: '6f1c2a4e-8b3d-4f5a-9c7e-2d1b0a9f8e7d', description: 'The contact the messages were sent to or received from (its conversation)' })
  @IsOptional()
  @IsUUID()
  contact_id?: string;

  @ApiPropertyOptional({ enum: MESSAGE_DIRECTIONS, example: 'inbound' })
  @IsOptional()
  @IsIn(MESSAGE_DIRECTIONS)
  direction?: MessageDirection;

  @ApiPropertyOptional({ enum: MESSAGE_STATUSES, example: 'failed' })
  @IsOptional()
  @IsIn(MESSAGE_STATUSES)
  status?: MessageStatus;

  @ApiPropertyOptional({ example: 'maria.gonzalez@example.com', description: 'Recipient: an email (any case) or a phone number (normalised to E.164)' })
  @IsOptional()
  @IsString()
  @MaxLength(320)
  to?: string;
}

export class StatusChangeDto {
  @ApiProperty({ enum: MESSAGE_STATUSES, example: 'sent' })
  status!: string;
  @ApiProperty({ example: '2026-11-22T12:35:01.000Z' })
  at!: string;
  @ApiProperty({ nullable: true, type: String, example: null, description: 'Why, for failures (the error) and provider events' })
  detail!: string | null;
}

export class MessageSummaryDto {
  @ApiProperty({ example: '9a7b5c3d-1e2f-4a6b-8c0d-2e4f6a8b0c1d' })
  id!: string;
  @ApiProperty({ enum: CHANNELS, example: 'email' })
  channel!: string;
  @ApiProperty({ example: 'e1d2c3b4-a5f6-4789-8abc-def012345678' })
  channel_id!: string;
  @ApiProperty({ nullable: true, type: String, example: '6f1c2a4e-8b3d-4f5a-9c7e-2d1b0a9f8e7d', description: 'The recipient contact, when the recipient is one' })
  contact_id!: string | null;
  @ApiProperty({ enum: MESSAGE_DIRECTIONS, example: 'outbound', description: 'inbound: received on the channel (status `delivered`: it reached us)' })
  direction!: string;
  @ApiProperty({ example: 'maria.gonzalez@example.com', description: "Lower-cased email or E.164 phone; inbound: the channel's own number ('' until known)" })
  to!: string;
  @ApiProperty({ nullable: true, type: String, example: null, description: 'Inbound: the sender (E.164 phone)' })
  from!: string | null;
  @ApiProperty({ nullable: true, type: String, example: null, description: 'WhatsApp media kind (image, video, audio, document, sticker); the body is its caption' })
  media_type!: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'Your order A-1042 has shipped' })
  subject!: string | null;
  @ApiProperty({ example: 'Hi María, your order A-1042 has shipped.', description: 'The first 300 characters of the body (a conversation shows these; GET /api/messages/{id} has it whole)' })
  preview!: string;
  @ApiProperty({ enum: MESSAGE_STATUSES, example: 'sent' })
  status!: string;
  @ApiProperty({ nullable: true, type: String, example: null, description: 'Last send error (also while retries remain)' })
  error!: string | null;
  @ApiProperty({ nullable: true, type: String, example: '<9a7b5c3d-1e2f-4a6b-8c0d-2e4f6a8b0c1d@hub.example.com>', description: 'Email: the Message-ID header we set' })
  message_id_header!: string | null;
  @ApiProperty({ nullable: true, type: String, example: '0100018c7f3e5c0b-2a8f1d4e-9b7c-4a3e-8f6d-1c2b3a4d5e6f-000000', description: 'The ESP / WhatsApp node / SMS provider id, when reported' })
  provider_message_id!: string | null;
  @ApiProperty({ enum: ['api', 'workflow', 'node'], example: 'api', description: 'node: reported by the WhatsApp node service (received, or sent from the phone)' })
  source!: string;
  @ApiProperty({ nullable: true, type: String, example: null })
  workflow_run_id!: string | null;
  @ApiProperty({ example: 1, description: 'Send tries so far (at most 3)' })
  attempt_count!: number;
  @ApiProperty({ nullable: true, type: String, example: '2026-11-22T12:35:01.000Z' })
  sent_at!: string | null;
  @ApiProperty({ example: '2026-11-22T12:35:00.000Z' })
  created_at!: string;
  @ApiProperty({ example: '2026-11-22T12:35:01.000Z' })
  updated_at!: string;
}

export class ProviderEventDto {
  @ApiProperty({ example: '3c5e7a9b-1d2f-4a6b-8c0d-2e4f6a8b0c1d' })
  id!: string;
  @ApiProperty({ enum: ['sent', 'delivered', 'opened', 'clicked', 'bounced', 'complained', 'unsubscribed', 'failed', 'deferred', 'deleted'], example: 'delivered' })
  kind!: string;
  @ApiProperty({ example: 'mailgun', description: 'mailgun, ses, sendgrid, postmark, whatsapp_node' })
  provider!: string;
  @ApiProperty({ example: '2026-11-22T12:35:04.000Z', description: 'When the provider says it happened' })
  occurred_at!: string;
  @ApiProperty({ example: '2026-11-22T12:35:05.120Z', description: 'When the hub received it' })
  received_at!: string;
  @ApiProperty({ nullable: true, type: String, example: 'maria.gonzalez@example.com' })
  recipient!: string | null;
  @ApiProperty({ nullable: true, type: String, example: null, description: 'Bounce diagnostic, drop reason…' })
  reason!: string | null;
  @ApiProperty({ nullable: true, type: String, example: null, description: 'Clicked link' })
  url!: string | null;
  @ApiProperty({ nullable: true, enum: ['hard', 'soft'], example: null })
  bounce_type!: string | null;
}

export class MessageDto extends MessageSummaryDto {
  @ApiProperty({ example: 'Hi María, your order A-1042 has shipped.', description: 'The rendered body, as sent' })
  body!: string;
  @ApiProperty({ type: [StatusChangeDto], description: 'Every status the message has had, oldest first' })
  status_history!: StatusChangeDto[];
  @ApiProperty({ nullable: true, type: String, example: null, description: 'When the next try is due; null unless queued' })
  next_attempt_at!: string | null;
  @ApiProperty({ type: [ProviderEventDto], description: 'What the provider reported about the message (ESP webhooks, WhatsApp statuses), in the order it happened' })
  provider_events!: ProviderEventDto[];
}

export class MessagePageDto {
  @ApiProperty({ type: [MessageSummaryDto] })
  items!: MessageSummaryDto[];
  @ApiProperty({ nullable: true, type: String, example: null, description: 'Pass as `cursor` for the next (older) page' })
  next_cursor!: string | null;
}
