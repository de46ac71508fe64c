import { Global, Module } from '@nestjs/common';
import { HealthController } from './health/health.controller';
import { RedisProbe } from './health/redis-probe';
import { HubMetrics } from './metrics/hub-metrics';
import { MetricsController } from './metrics/metrics.controller';

@Global()
@Module({
  controllers: [HealthController, MetricsController],
  providers: [HubMetrics, RedisProbe],
  exports: [HubMetrics, RedisProbe],
})
export class OperationsModule {}
