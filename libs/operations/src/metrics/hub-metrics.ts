import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** The hub's Prometheus metrics, one registry per process. */
@Injectable()
export class HubMetrics {
  readonly registry = new Registry();

  readonly inboundRequests = new Counter({
    name: 'webhook_hub_inbound_requests_total',
    help: 'Inbound requests by source and answer status',
    labelNames: ['source', 'status'] as const,
    registers: [this.registry],
  });

  readonly deliveries = new Counter({
    name: 'webhook_hub_deliveries_total',
    help: 'Delivery attempts by outcome',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  readonly attemptLatency = new Histogram({
    name: 'webhook_hub_attempt_duration_seconds',
    help: 'Outbound attempt latency',
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });

  readonly queueDepth = new Gauge({
    name: 'webhook_hub_queue_depth',
    help: 'Jobs waiting or delayed per queue',
    labelNames: ['queue', 'state'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }
}
