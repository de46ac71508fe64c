import { Controller, Get, NotFoundException, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { isUUID } from 'class-validator';
import { AccountId } from '@hub/accounts';
import { ApiErrors } from '@hub/http';
import { InboundStats } from '@hub/inbound-log';
import { WorkBacklogs } from '@hub/operations';
import { DeliveryStats, EndpointHealth, OutcomeBucket, StatsWindow } from '@hub/subscriptions';
import { DeliveryStatsQueryDto, EndpointStatsQueryDto, StatsRangeQueryDto } from './dto/stats-query.dto';
import { DeliveryStatsDto, EndpointHealthDto, EndpointStatsDto, InboundStatsDto, OutcomeBucketDto, QueueStatsDto, StatsWindowDto } from './dto/stats.dto';
import { StatsRange, statsWindow } from './stats-window';

/**
 * The overview's figures, each from the lib that owns its tables: deliveries
 * and endpoint health (subscriptions), inbound requests (inbound-log), queue
 * depth (every durable-work kind, through operations' WorkBacklogs).
 */
@ApiTags('stats')
@ApiBearerAuth()
@Controller('api/stats')
export class StatsController {
  constructor(
    private readonly deliveries: DeliveryStats,
    private readonly inbound: InboundStats,
    private readonly backlogs: WorkBacklogs,
  ) {}

  @Get('deliveries')
  @ApiOperation({ summary: 'Delivery attempts per interval by outcome (succeeded, failed, retrying) over the last hour, 24 hours or 7 days' })
  @ApiOkResponse({ type: DeliveryStatsDto })
  @ApiErrors(400, 401, 404)
  async deliveryOutcomes(@AccountId() accountId: string, @Query() query: DeliveryStatsQueryDto): Promise<DeliveryStatsDto> {
    const window = statsWindow(query.range);
    if (query.endpoint_id) await this.deliveries.endpointHealth(accountId, { ...window, since: window.until }, query.endpoint_id); // 404 unless the account's
    const buckets = (await this.deliveries.outcomes(accountId, window, query.endpoint_id)).map((bucket) => withEnd(bucket, window));
    const totals = buckets.reduce(
      (sum, bucket) => ({ succeeded: sum.succeeded + bucket.succeeded, failed: sum.failed + bucket.failed, retrying: sum.retrying + bucket.retrying }),
      { succeeded: 0, failed: 0, retrying: 0 },
    );
    return { ...windowOf(query.range, window), totals, buckets };
  }

  @Get('inbound')
  @ApiOperation({ summary: 'Inbound requests per source (automation trigger, Meta, Google, each ESP, WhatsApp) and outcome over the range' })
  @ApiOkResponse({ type: InboundStatsDto })
  @ApiErrors(400, 401)
  async inboundBySource(@AccountId() accountId: string, @Query() query: StatsRangeQueryDto): Promise<InboundStatsDto> {
    const window = statsWindow(query.range);
    return { ...windowOf(query.range, window), sources: await this.inbound.bySource(accountId, window.since, window.until) };
  }

  @Get('queues')
  @ApiOperation({ summary: 'The account\'s waiting work per queue: depth (due now), pending in all, and the age of the oldest due job' })
  @ApiOkResponse({ type: QueueStatsDto })
  @ApiErrors(401)
  async queues(@AccountId() accountId: string): Promise<QueueStatsDto> {
    const now = Date.now();
    const backlogs = await this.backlogs.of(accountId);
    return {
      queues: backlogs.map((backlog) => ({
        ...backlog,
        oldest_age_seconds: backlog.oldest_due_at ? Math.max(0, Math.round((now - backlog.oldest_due_at.getTime()) / 1000)) : null,
      })),
    };
  }

  @Get('endpoints')
  @ApiOperation({ summary: 'Every endpoint\'s health over the range: success rate with its series (sparkline), p95 latency, last error, why and since when disabled' })
  @ApiOkResponse({ type: EndpointStatsDto })
  @ApiErrors(400, 401)
  async endpoints(@AccountId() accountId: string, @Query() query: EndpointStatsQueryDto): Promise<EndpointStatsDto> {
    const window = statsWindow(query.range);
    const endpoints = (await this.deliveries.endpointHealth(accountId, window)).sort(lowestSuccessFirst);
    return { ...windowOf(query.range, window), endpoints: endpoints.slice(0, query.limit ?? endpoints.length).map((health) => toHealthDto(health, window)) };
  }

  @Get('endpoints/:endpointId')
  @ApiOperation({ summary: 'One endpoint\'s health over the range (404 when not the account\'s)' })
  @ApiOkResponse({ type: EndpointHealthDto })
  @ApiErrors(400, 401, 404)
  async endpoint(@AccountId() accountId: string, @Param('endpointId') endpointId: string, @Query() query: StatsRangeQueryDto): Promise<EndpointHealthDto> {
    if (!isUUID(endpointId)) throw new NotFoundException('Endpoint not found');
    const window = statsWindow(query.range);
    const [health] = await this.deliveries.endpointHealth(accountId, window, endpointId);
    return toHealthDto(health, window);
  }
}

function windowOf(range: StatsRange, window: StatsWindow): StatsWindowDto {
  return { range, interval_seconds: window.intervalSeconds, since: window.since, until: window.until };
}

function withEnd(bucket: OutcomeBucket, window: StatsWindow): OutcomeBucketDto {
  return { ...bucket, end: new Date(bucket.start.getTime() + window.intervalSeconds * 1000) };
}

function toHealthDto(health: EndpointHealth, window: StatsWindow): EndpointHealthDto {
  return { ...health, series: health.series.map((bucket) => withEnd(bucket, window)) };
}

/** Lowest success rate first, then more attempts first (more evidence); endpoints with no attempts last. */
function lowestSuccessFirst(a: EndpointHealth, b: EndpointHealth): number {
  if (a.success_rate === null || b.success_rate === null) return a.success_rate === null ? (b.success_rate === null ? 0 : 1) : -1;
  return a.success_rate - b.success_rate || b.attempts - a.attempts;
}
