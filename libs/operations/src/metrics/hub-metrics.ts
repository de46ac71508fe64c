import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { hubMetricsText, isSupervised, joinClusterMetrics } from './cluster-metrics';

export type QueueCounts = () => Promise<{ waiting?: number; delayed?: number; active?: number }>;

/**
 * The hub's Prometheus metrics, one registry per process; under the supervisor
 * /metrics sums every process's registry.
 */
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

  private readonly queues = new Map<string, QueueCounts>();

  readonly queueDepth = new Gauge({
    name: 'webhook_hub_queue_depth',
    help: 'Jobs per queue and state (waiting, delayed, active), read from Redis at scrape time',
    labelNames: ['queue', 'state'] as const,
    registers: [this.registry],
    // Every process reads the same Redis counts: summing them over processes would multiply them.
    aggregator: 'max',
    collect: async () => {
      for (const [name, counts] of this.queues) {
        const c = await counts().catch(() => null);
        if (!c) continue;
        for (const state of ['waiting', 'delayed', 'active'] as const) this.queueDepth.set({ queue: name, state }, c[state] ?? 0);
      }
    },
  });

  /** A queue module registers how to count its jobs (Bull's getJobCounts). */
  watchQueue(name: string, counts: QueueCounts): void {
    this.queues.set(name, counts);
  }

  constructor() {
    collectDefaultMetrics({ register: this.registry });
    joinClusterMetrics(this.registry);
  }

  /** The Prometheus text of this process, or of the whole hub when the supervisor runs it. */
  text(): Promise<string> {
    return isSupervised() ? hubMetricsText() : this.registry.metrics();
  }
}
