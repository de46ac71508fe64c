import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { hubMetricsText, isSupervised, joinClusterMetrics } from './cluster-metrics';

/**
 * Endpoints with series of their own in one process; deliveries to endpoints
 * past it are counted under endpoint_id="other". Each endpoint costs 4
 * outcome series and 10 latency series (8 buckets, sum, count).
 */
export const MAX_ENDPOINT_SERIES = 1000;
export const OTHER_ENDPOINTS = 'other';

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

  readonly endpointDeliveries = new Counter({
    name: 'webhook_hub_endpoint_deliveries_total',
    help: `Delivery attempts per endpoint by outcome (succeeded, retry, exhausted, gone); endpoints past the first ${MAX_ENDPOINT_SERIES} of a process count as endpoint_id="${OTHER_ENDPOINTS}"`,
    labelNames: ['endpoint_id', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly endpointAttemptLatency = new Histogram({
    name: 'webhook_hub_endpoint_attempt_duration_seconds',
    help: 'Outbound attempt latency per endpoint (fewer buckets than the hub-wide histogram: one set per endpoint)',
    labelNames: ['endpoint_id'] as const,
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  private readonly labelledEndpoints = new Set<string>();

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

  /** One delivery attempt's outcome and latency, hub-wide and for its endpoint. */
  recordAttempt(endpointId: string, outcome: string, seconds: number): void {
    this.deliveries.inc({ outcome });
    this.attemptLatency.observe(seconds);
    const label = this.endpointLabel(endpointId);
    this.endpointDeliveries.inc({ endpoint_id: label, outcome });
    this.endpointAttemptLatency.observe({ endpoint_id: label }, seconds);
  }

  /** The endpoint's own label while fewer than MAX_ENDPOINT_SERIES have one, else "other" (series live as long as the process). */
  private endpointLabel(endpointId: string): string {
    if (this.labelledEndpoints.has(endpointId)) return endpointId;
    if (this.labelledEndpoints.size >= MAX_ENDPOINT_SERIES) return OTHER_ENDPOINTS;
    this.labelledEndpoints.add(endpointId);
    return endpointId;
  }

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
