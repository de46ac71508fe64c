import { JobOptions, QueueOptions } from 'bull';
import { RetrySchedule } from '@hub/operations';

/** Applies one stored node event: a contact and an inbound message, a status change, a deletion, a call, a connection change. */
export const WHATSAPP_EVENT_QUEUE = 'whatsapp-event';

export interface WhatsappEventJob {
  eventId: string;
}

/** `<event id>:<attempts so far>`: a repeat enqueue is a no-op, and a retry's job is not the failed job's. */
export function whatsappEventJobId(eventId: string, attemptsSoFar: number): string {
  return `${eventId}:${attemptsSoFar}`;
}

/** State lives in PostgreSQL: Bull keeps nothing and never retries on its own (the event's next_attempt_at does). */
export const WHATSAPP_EVENT_JOB_OPTIONS: JobOptions = { attempts: 1, removeOnComplete: true, removeOnFail: true };

/** Applying is a few statements in one transaction; the lease leaves ample room, and nobody else applies the event meanwhile. */
export const WHATSAPP_EVENT_LEASE_SECONDS = 30;

/** Bull's job lock outlives the lease; a killed worker's job is picked up again within ~45 s. */
export const WHATSAPP_EVENT_QUEUE_SETTINGS: QueueOptions['settings'] = { lockDuration: 40_000, stalledInterval: 5_000, maxStalledCount: 3 };

/** Events applied at once per worker process (each is PostgreSQL work only: no outside call to wait on). */
export const WHATSAPP_EVENT_CONCURRENCY = 8;

/** Only PostgreSQL can fail an event (a deadlock, an outage): retried briefly, then the event fails and its inbound log row says why. */
export const WHATSAPP_EVENT_RETRY: RetrySchedule = { maxAttempts: 5, delaysMs: [1_000, 5_000, 30_000, 120_000], jitter: 0.1 };
