import { JobOptions, QueueOptions } from 'bull';

/**
 * Applies stored provider events (ESP webhooks, WhatsApp statuses) in
 * batches. A job carries no ids: it means "events are waiting", and its
 * consumer takes whatever is pending, a batch at a time, until none is left.
 */
export const PROVIDER_EVENTS_QUEUE = 'provider-events';

export interface ProviderEventsJob {
  /** The time slice whose arrivals this job was signalled for (for logs). */
  slice: number;
}

/**
 * Arrivals within one slice share one job, which runs when the slice ends:
 * at ESP volume the api signals Redis about ten times a second, not once
 * per request, and each job finds a full batch waiting.
 */
export const PROVIDER_EVENTS_SLICE_MS = 100;

/** `apply:<slice>`: every request of a slice adds the same job, a no-op after the first. */
export function providerEventsJobId(slice: number): string {
  return `apply:${slice}`;
}

/** Events applied per transaction. */
export const PROVIDER_EVENTS_BATCH = 1000;

/** Jobs applied at once per worker process (the batches are disjoint: SKIP LOCKED). */
export const PROVIDER_EVENTS_CONCURRENCY = 2;

/** State lives in PostgreSQL (applied_at): Bull keeps nothing and never retries (the sweeper signals again). */
export const PROVIDER_EVENTS_JOB_OPTIONS: JobOptions = { attempts: 1, removeOnComplete: true, removeOnFail: true };

export const PROVIDER_EVENTS_QUEUE_SETTINGS: QueueOptions['settings'] = { lockDuration: 60_000, stalledInterval: 10_000, maxStalledCount: 3 };
