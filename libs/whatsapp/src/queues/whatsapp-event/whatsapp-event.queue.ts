import { JobOptions, QueueOptions } from 'bull';
import { RetrySchedule } from '@hub/operations';

/** Applies one stored node event: a contact and an inbound message, a status change, a deletion, a call, a connection change. */
export const WHATSAPP_EVENT_QUEUE = 'whatsapp-event';

/** One event (a retry), or the events stored together (up to MAX_EVENTS_PER_JOB), applied one after the other in their order. */
export type WhatsappEventJob = { eventId: string; eventIds?: undefined } | { eventIds: string[]; eventId?: undefined };

/** Events stored together share a job (workJobs): Bull's work per job is paid once for them, not per event. */
export const MAX_EVENTS_PER_JOB = 50;

/** State lives in PostgreSQL: Bull keeps nothing and never retries on its own (the event's next_attempt_at does). */
export const WHATSAPP_EVENT_JOB_OPTIONS: JobOptions = { attempts: 1, removeOnComplete: true, removeOnFail: true };

/** Applying is a few statements in one transaction; the lease leaves ample room, and nobody else applies the event meanwhile. */
export const WHATSAPP_EVENT_LEASE_SECONDS = 30;

/** Bull's job lock outlives the lease; a killed worker's job is picked up again within ~45 s. */
export const WHATSAPP_EVENT_QUEUE_SETTINGS: QueueOptions['settings'] = { lockDuration: 40_000, stalledInterval: 5_000, maxStalledCount: 3 };

/**
 * Jobs applied at once per worker process. Applying is PostgreSQL work only
 * (no outside call to wait on), so more at once only competes with the
 * intake for the same cores (as the trigger queue keeps its concurrency low).
 * Measured on a busy 2-core machine, 64 connections: with 8 one-event jobs
 * the node webhook was answered at ~1/4 of the trigger route's rate in the
 * same run; with 2 jobs of up to 50 events, at about the same rate.
 */
export const WHATSAPP_EVENT_CONCURRENCY = 2;

/** Only PostgreSQL can fail an event (a deadlock, an outage): retried briefly, then the event fails and its inbound log row says why. */
export const WHATSAPP_EVENT_RETRY: RetrySchedule = { maxAttempts: 5, delaysMs: [1_000, 5_000, 30_000, 120_000], jitter: 0.1 };
