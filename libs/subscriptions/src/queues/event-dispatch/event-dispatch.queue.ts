import { JobOptions, QueueOptions } from 'bull';

/**
 * Fans a stored event out into deliveries: only for events stored without
 * their deliveries (the outbox path; normally the publishing statement fans
 * out). Job id = event id, so a repeat enqueue is a no-op.
 */
export const DISPATCH_QUEUE = 'event-dispatch';

export interface DispatchJob {
  eventId: string;
}

/** The events row is the state (dispatched_at): Bull keeps nothing and never retries on its own; the sweeper does. */
export const DISPATCH_JOB_OPTIONS: JobOptions = { attempts: 1, removeOnComplete: true, removeOnFail: true };

/** A fan-out is a few statements; the lock and stall check match webhook-delivery's, so a killed worker's job returns as soon. */
export const DISPATCH_QUEUE_SETTINGS: QueueOptions['settings'] = { lockDuration: 35_000, stalledInterval: 5_000, maxStalledCount: 3 };

/** Fan-out is a few queries per event; 8 at once keeps the pool busy without starving deliveries. */
export const DISPATCH_CONCURRENCY = 8;
