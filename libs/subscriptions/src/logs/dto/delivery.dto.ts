import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsISO8601, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQueryDto } from '@hub/http';

/** What a delivery row stores. */
const STATUSES = ['pending', 'succeeded', 'failed'] as const;
/** What the log can be filtered by: the stored statuses, and `retrying` (pending after at least one failed attempt). */
export const STATUS_FILTERS = ['pending', 'retrying', 'succeeded', 'failed'] as const;

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

  @ApiPropertyOptional({
    enum: STATUS_FILTERS,
    example: 'retrying',
    description: '`retrying` = pending after at least one failed attempt (a subset of `pending`)',
  })
  @IsOptional()
  @IsIn(STATUS_FILTERS)
  status?: (typeof STATUS_FILTERS)[number];

  @ApiPropertyOptional({ example: '2026-11-24T00:00:00Z', description: 'Created at or after (ISO-8601)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  since?: string;

  @ApiPropertyOptional({ example: '2026-11-25T00:00:00Z', description: 'Created before (ISO-8601, exclusive)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  until?: string;

  @ApiPropertyOptional({ example: '2026-11-24T10:00:00Z', description: 'Only deliveries with an attempt made at or after this (ISO-8601): the overview\'s bars count attempts' })
  @IsOptional()
  @IsISO8601({ strict: true })
  attempted_since?: string;

  @ApiPropertyOptional({ example: '2026-11-24T11:00:00Z', description: 'Only deliveries with an attempt made before this (ISO-8601, exclusive)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  attempted_until?: string;
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
  @ApiProperty({ example: 8, description: 'Attempts a delivery gets in all (WEBHOOK_RETRY_SCHEDULE), so the log can say "attempt n of N"' })
  max_attempts!: number;
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

/** `?dry_run=true` counts what an action would re-send without sending anything. */
export class DryRunQueryDto {
  @ApiPropertyOptional({ example: true, description: 'Count only: nothing is re-queued' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  dry_run?: boolean;
}

export class RequeueDestinationDto {
  @ApiProperty({ example: 'https://example.com/hooks/bounced' })
  url!: string;
  @ApiProperty({ example: 12 })
  count!: number;
}

/** What a re-send of an endpoint's deliveries covers (or, with dry_run, would cover). */
export class RequeueSummaryDto {
  @ApiProperty({ example: false, description: 'true: only counted, nothing was sent' })
  dry_run!: boolean;
  @ApiProperty({ example: true, description: 'A disabled endpoint sends nothing: its re-queued deliveries fail again at once' })
  endpoint_enabled!: boolean;
  @ApiProperty({ type: [RequeueDestinationDto], description: 'Per URL the deliveries go to, most first' })
  destinations!: RequeueDestinationDto[];
}

export class RecoveredDto extends RequeueSummaryDto {
  @ApiProperty({ example: 42, description: 'How many failed deliveries were re-queued (with dry_run: would be)' })
  recovered!: number;
}

export class RetriedFailingDto extends RequeueSummaryDto {
  @ApiProperty({ example: 17, description: 'How many retrying and failed deliveries were made due now (with dry_run: would be)' })
  retried!: number;
}
