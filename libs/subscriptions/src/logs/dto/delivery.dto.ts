import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQueryDto } from '@hub/http';

const STATUSES = ['pending', 'succeeded', 'failed'] as const;

export class DeliveryQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', example: '3f2a1b0c-9a4f-4e8f-a7c6-5d4e3f2a1b0c' })
  @IsOptional()
  @IsUUID()
  endpoint_id?: string;

  @ApiPropertyOptional({ example: 'contact.created' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  event_type?: string;

  @ApiPropertyOptional({ enum: STATUSES })
  @IsOptional()
  @IsIn(STATUSES)
  status?: (typeof STATUSES)[number];

  @ApiPropertyOptional({ example: '2026-11-24T00:00:00Z', description: 'Created at or after (ISO-8601)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  since?: string;

  @ApiPropertyOptional({ example: '2026-11-25T00:00:00Z', description: 'Created before (ISO-8601, exclusive)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  until?: string;
}

export class DeliveryItemDto {
  @ApiProperty({ example: '9a4f3c2e-1b0d-4e8f-a7c6-5d4e3f2a1b0c' })
  id!: string;
  @ApiProperty({ example: 'evt_01JD3Y7Q9K6V1M2N3P4R5S6T7U' })
  event_id!: string;
  @ApiProperty({ example: 'contact.created' })
  event_type!: string;
  @ApiProperty({ example: '3f2a1b0c-9a4f-4e8f-a7c6-5d4e3f2a1b0c' })
  endpoint_id!: string;
  @ApiProperty({ example: 'https://example.com/hooks' })
  url!: string;
  @ApiProperty({ enum: STATUSES, example: 'failed' })
  status!: string;
  @ApiProperty({ example: 3 })
  attempt_count!: number;
  @ApiProperty({ nullable: true, type: Date, example: null, description: 'When the next attempt is due; null unless pending' })
  next_attempt_at!: Date | null;
  @ApiProperty({ nullable: true, type: Number, example: 503 })
  last_status_code!: number | null;
  @ApiProperty({ nullable: true, type: String, example: 'HTTP 503' })
  last_error!: string | null;
  @ApiProperty({ example: '2026-11-24T10:00:00.000Z' })
  created_at!: Date;
  @ApiProperty({ nullable: true, type: Date, example: '2026-11-24T10:42:00.000Z' })
  completed_at!: Date | null;
}

export class DeliveryPageDto {
  @ApiProperty({ type: [DeliveryItemDto] })
  items!: DeliveryItemDto[];
  @ApiProperty({ nullable: true, example: null, type: String })
  next_cursor!: string | null;
}

export class DeliveryEventDto {
  @ApiProperty({ example: 'evt_01JD3Y7Q9K6V1M2N3P4R5S6T7U' })
  id!: string;
  @ApiProperty({ example: 'contact.created' })
  type!: string;
  @ApiProperty({ example: '2026-11-24T10:00:00.000Z' })
  timestamp!: Date;
  @ApiProperty({ nullable: true, type: String, example: 'email' })
  channel!: string | null;
  @ApiProperty({ nullable: true, type: String, example: null })
  channel_id!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, example: { contact_id: 'c_1', email: 'ann@example.com' } })
  data!: Record<string, unknown>;
}

export class DeliveryAttemptDto {
  @ApiProperty({ example: 1 })
  n!: number;
  @ApiProperty({ example: '2026-11-24T10:00:01.000Z' })
  at!: Date;
  @ApiProperty({ nullable: true, type: Number, example: 503, description: 'null when no response came (timeout, refused, blocked)' })
  status_code!: number | null;
  @ApiProperty({ example: 142 })
  duration_ms!: number;
  @ApiProperty({ nullable: true, type: String, example: 'Service Unavailable', description: 'First 64 KiB' })
  response_body!: string | null;
  @ApiProperty({ nullable: true, type: String, example: null })
  error!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, example: { 'webhook-id': 'evt_01JD3Y…', 'content-type': 'application/json' } })
  request_headers!: Record<string, string>;
}

export class DeliveryDetailDto extends DeliveryItemDto {
  @ApiProperty({ type: DeliveryEventDto, nullable: true, description: 'null once the event is no longer stored' })
  event!: DeliveryEventDto | null;
  @ApiProperty({ type: [DeliveryAttemptDto], description: 'Ordered by n' })
  attempts!: DeliveryAttemptDto[];
}

export class RecoverDto {
  @ApiProperty({ example: '2026-11-24T00:00:00Z', description: 'Re-queue failed deliveries created at or after this time (ISO-8601, not in the future)' })
  @IsISO8601({ strict: true })
  since!: string;
}

export class RecoveredDto {
  @ApiProperty({ example: 42, description: 'How many failed deliveries were re-queued' })
  recovered!: number;
}
