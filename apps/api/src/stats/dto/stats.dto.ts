import { ApiProperty } from '@nestjs/swagger';
import { STATS_RANGES } from '../stats-window';

const RANGES = Object.keys(STATS_RANGES);

export class StatsWindowDto {
  @ApiProperty({ enum: RANGES, example: '24h' })
  range!: string;
  @ApiProperty({ example: 3600, description: 'Width of one bar' })
  interval_seconds!: number;
  @ApiProperty({ example: '2026-12-02T18:00:00.000Z', description: 'Start of the first bar' })
  since!: Date;
  @ApiProperty({ example: '2026-12-03T18:00:00.000Z', description: 'End of the last bar (exclusive); the last bar is the interval now is in' })
  until!: Date;
}

export class OutcomeCountsDto {
  @ApiProperty({ example: 1180, description: 'Attempts answered 2xx' })
  succeeded!: number;
  @ApiProperty({ example: 4, description: 'Failed attempts that were their delivery\'s last (the delivery is failed)' })
  failed!: number;
  @ApiProperty({ example: 37, description: 'Failed attempts after which another was made or is scheduled' })
  retrying!: number;
}

export class OutcomeBucketDto extends OutcomeCountsDto {
  @ApiProperty({ example: '2026-12-03T17:00:00.000Z' })
  start!: Date;
  @ApiProperty({ example: '2026-12-03T18:00:00.000Z' })
  end!: Date;
}

export class DeliveryStatsDto extends StatsWindowDto {
  @ApiProperty({ type: OutcomeCountsDto })
  totals!: OutcomeCountsDto;
  @ApiProperty({ type: [OutcomeBucketDto], description: 'Every bar of the range in order, zeros included' })
  buckets!: OutcomeBucketDto[];
}

export class InboundSourceStatsDto {
  @ApiProperty({ example: 'automation', description: 'automation (trigger webhook), meta, google, mailgun, ses, sendgrid, postmark, whatsapp' })
  source!: string;
  @ApiProperty({ example: 412 })
  accepted!: number;
  @ApiProperty({ example: 3 })
  duplicate!: number;
  @ApiProperty({ example: 9, description: 'Answered 4xx (bad signature, unreadable body, unknown id…)' })
  rejected!: number;
  @ApiProperty({ example: 0, description: 'Answered 5xx' })
  error!: number;
  @ApiProperty({ example: 424 })
  total!: number;
}

export class InboundStatsDto extends StatsWindowDto {
  @ApiProperty({ type: [InboundSourceStatsDto], description: 'Every source, zeros included' })
  sources!: InboundSourceStatsDto[];
}

export class QueueBacklogDto {
  @ApiProperty({ example: 'deliveries' })
  name!: string;
  @ApiProperty({ example: 42, description: 'Not done yet: due now or waiting for a retry (counted up to 10,000)' })
  pending!: number;
  @ApiProperty({ example: 5, description: 'Due now and not yet picked up (queue depth; counted up to 10,000)' })
  due!: number;
  @ApiProperty({ example: false, description: 'The counts stopped at 10,000: there are at least that many' })
  capped!: boolean;
  @ApiProperty({ nullable: true, type: Date, example: '2026-12-03T17:41:58.000Z', description: 'When the longest-waiting due job became due' })
  oldest_due_at!: Date | null;
  @ApiProperty({ nullable: true, type: Number, example: 12, description: 'Its age in seconds at the time of the answer' })
  oldest_age_seconds!: number | null;
}

export class QueueStatsDto {
  @ApiProperty({ type: [QueueBacklogDto] })
  queues!: QueueBacklogDto[];
}

export class LastErrorDto {
  @ApiProperty({ example: 'HTTP 503' })
  message!: string;
  @ApiProperty({ nullable: true, type: Number, example: 503 })
  status_code!: number | null;
  @ApiProperty({ example: '2026-12-03T17:38:12.000Z' })
  at!: Date;
}

export class EndpointHealthDto extends OutcomeCountsDto {
  @ApiProperty({ format: 'uuid', example: '3f2a1b0c-9a4f-4e8f-a7c6-5d4e3f2a1b0c' })
  endpoint_id!: string;
  @ApiProperty({ nullable: true, type: String, example: 'CRM sync' })
  description!: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'https://example.com/hooks' })
  url!: string | null;
  @ApiProperty({ example: true })
  enabled!: boolean;
  @ApiProperty({ enum: ['gone', 'failing', 'manual'], nullable: true, example: null, description: 'Why it is disabled: gone (answered 410), failing (every attempt failed for 5 days), manual' })
  disabled_reason!: string | null;
  @ApiProperty({ nullable: true, type: Date, example: null })
  disabled_at!: Date | null;
  @ApiProperty({ nullable: true, type: Date, example: '2026-12-03T16:02:00.000Z', description: 'Start of the current run of failed attempts; null after any success' })
  failing_since!: Date | null;
  @ApiProperty({ example: 1221 })
  attempts!: number;
  @ApiProperty({ nullable: true, type: Number, example: 0.966, description: 'succeeded / attempts in the range (0–1); null without attempts' })
  success_rate!: number | null;
  @ApiProperty({ nullable: true, type: Number, example: 300, description: '95th percentile attempt duration, as the upper bound of its histogram bucket (10, 25, 50, 75, 100, 150, 200, 300, 500 ms … 30 s)' })
  p95_latency_ms!: number | null;
  @ApiProperty({ type: LastErrorDto, nullable: true, description: 'The latest failed attempt in the range' })
  last_error!: LastErrorDto | null;
  @ApiProperty({ type: [OutcomeBucketDto], description: 'Attempts per bar of the range (the sparkline)' })
  series!: OutcomeBucketDto[];
}

export class EndpointStatsDto extends StatsWindowDto {
  @ApiProperty({ type: [EndpointHealthDto], description: 'Lowest success rate first; endpoints without attempts last' })
  endpoints!: EndpointHealthDto[];
}
