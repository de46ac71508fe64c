import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PageQueryDto } from '@hub/http';

export class InboundLogQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'automation' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  source?: string;

  @ApiPropertyOptional({ enum: ['accepted', 'duplicate', 'rejected', 'error'] })
  @IsOptional()
  @IsIn(['accepted', 'duplicate', 'rejected', 'error'])
  status?: 'accepted' | 'duplicate' | 'rejected' | 'error';

  @ApiPropertyOptional({ example: '2026-11-24T00:00:00Z' })
  @IsOptional()
  @IsISO8601()
  since?: string;

  @ApiPropertyOptional({ example: '2026-11-25T00:00:00Z', description: 'Received before (ISO-8601, exclusive): with since, one bar of the overview' })
  @IsOptional()
  @IsISO8601()
  until?: string;

  @ApiPropertyOptional({
    example: '/api/webhook/email/sendgrid/e1d2c3b4-a5f6-4789-8abc-def012345678',
    description: 'Only requests to this path (with any query string): e.g. one email channel\'s webhook_url path',
  })
  @IsOptional()
  @IsString()
  @Matches(/^\/[^?#\s]*$/, { message: 'path must be a URL path starting with /, without query string' })
  @MaxLength(500)
  path?: string;
}

export class InboundLogSummaryDto {
  @ApiProperty({ example: '9a4f3c2e-1b0d-4e8f-a7c6-5d4e3f2a1b0c' })
  id!: string;
  @ApiProperty({ example: 'automation' })
  source!: string;
  @ApiProperty({ example: 'POST' })
  method!: string;
  @ApiProperty({ example: '/api/automation/webhook/5b0c…' })
  url!: string;
  @ApiProperty({ example: 200 })
  status_code!: number;
  @ApiProperty({ enum: ['accepted', 'duplicate', 'rejected', 'error'], example: 'accepted' })
  outcome!: string;
  @ApiProperty({ enum: ['passed', 'failed', 'not_required'], nullable: true, example: 'passed' })
  verification!: string | null;
  @ApiProperty({ nullable: true, example: null, type: String })
  error!: string | null;
  @ApiProperty({ nullable: true, example: null, type: String })
  replay_of!: string | null;
  @ApiProperty({ example: '2026-11-24T10:00:00.000Z' })
  created_at!: Date;
}

export class InboundLogDetailDto extends InboundLogSummaryDto {
  @ApiProperty({ example: { 'content-type': 'application/json', authorization: '[redacted]' }, type: 'object', additionalProperties: { type: 'string' } })
  headers!: Record<string, string>;
  @ApiProperty({ nullable: true, example: 'application/json', type: String })
  content_type!: string | null;
  @ApiProperty({ nullable: true, example: '{"email":"ann@example.com"}', type: String, description: 'The body as text (NUL and bytes that are not UTF-8 show as U+FFFD; raw_body_base64 then has the exact bytes)' })
  raw_body!: string | null;
  @ApiProperty({ nullable: true, example: null, type: String, description: 'The exact bytes, base64, only when the body holds a NUL byte or is not UTF-8' })
  raw_body_base64!: string | null;
}

export class InboundLogPageDto {
  @ApiProperty({ type: [InboundLogSummaryDto] })
  items!: InboundLogSummaryDto[];
  @ApiProperty({ nullable: true, example: null, type: String })
  next_cursor!: string | null;
}

export class ReplayResultDto {
  @ApiProperty({ example: 200, description: 'What the route answered to the replayed request' })
  status_code!: number;
  @ApiProperty({ example: { success: true }, description: 'The route’s answer body' })
  body!: unknown;
  @ApiProperty({ nullable: true, example: '0c9e…', type: String, description: 'The new inbound log entry of the replay' })
  log_id!: string | null;
}
