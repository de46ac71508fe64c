import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { HealthController } from './health/health.controller';
import { RedisProbe } from './health/redis-probe';
import { HubMetrics } from './metrics/hub-metrics';
import { MetricsController } from './metrics/metrics.controller';
import { QueueDrain } from './shutdown/queue-drain';
import { WorkBacklogs } from './work/work-backlogs';

@Global()
@Module({
  imports: [DiscoveryModule],
  controllers: [HealthController, MetricsController],
  providers: [HubMetrics, RedisProbe, QueueDrain, WorkBacklogs],
  exports: [HubMetrics, RedisProbe, QueueDrain, WorkBacklogs],
})
export class OperationsModule {}
