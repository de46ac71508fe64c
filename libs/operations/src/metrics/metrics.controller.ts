import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Public } from '@hub/http';
import { HubMetrics } from './hub-metrics';

@ApiTags('operations')
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: HubMetrics) {}

  @Public()
  @Get()
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  @ApiOperation({ summary: 'Prometheus metrics: inbound requests, deliveries by outcome, attempt latency, queue depth' })
  @ApiProduces('text/plain')
  @ApiOkResponse({ schema: { type: 'string', example: 'webhook_hub_inbound_requests_total{source="automation",status="200"} 42' } })
  metricsText(): Promise<string> {
    return this.metrics.text();
  }
}
