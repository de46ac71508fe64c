import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { HealthController } from './health/health.controller';
import { RedisProbe } from './health/redis-probe';
import { HubMetrics } from './metrics/hub-metrics';
import { MetricsController } from './metrics/metrics.controller';
import { QueueDrain } from './shutdown/queue-drain';

@Global()
@Module({
  imports: [DiscoveryModule],
  controllers: [HealthController, MetricsController],
  providers: [HubMetrics, RedisProbe, QueueDrain],
  exports: [HubMetrics, RedisProbe, QueueDrain],
})
export class OperationsModule {}
