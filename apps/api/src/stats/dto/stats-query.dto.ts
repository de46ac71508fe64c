import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { STATS_RANGES, StatsRange } from '../stats-window';

const RANGES = Object.keys(STATS_RANGES) as StatsRange[];

export class StatsRangeQueryDto {
  @ApiPropertyOptional({ enum: RANGES, default: '24h', example: '24h', description: 'The last hour (5-minute bars), 24 hours (hourly) or 7 days (6-hourly)' })
  @IsOptional()
  @IsIn(RANGES)
  range: StatsRange = '24h';
}

export class DeliveryStatsQueryDto extends StatsRangeQueryDto {
  @ApiPropertyOptional({ format: 'uuid', example: '3f2a1b0c-9a4f-4e8f-a7c6-5d4e3f2a1b0c', description: 'Only this endpoint\'s attempts (404 when not the account\'s)' })
  @IsOptional()
  @IsUUID()
  endpoint_id?: string;
}

export class EndpointStatsQueryDto extends StatsRangeQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 250, example: 5, description: 'At most this many endpoints, lowest success rate first (default: all)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(250)
  limit?: number;
}
