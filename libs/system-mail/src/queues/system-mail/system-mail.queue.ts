import { JobOptions, QueueOptions } from 'bull';
import { RetrySchedule } from '@hub/operations';

/** Sends one try of one system mail (the hub's own email, through SYSTEM_SMTP_URL). */
export const SYSTEM_MAIL_QUEUE = 'system-mail';

export interface SystemMailJob {
  mailId: string;
}

/** `<mail id>:<attempts so far>`: a repeat enqueue is a no-op, and a retry's job is not the failed job's. */
export function systemMailJobId(mailId: string, attemptsSoFar: number): string {
  return `${mailId}:${attemptsSoFar}`;
}

/** State lives in PostgreSQL: Bull keeps nothing and never retries on its own (the row's next_attempt_at does). */
export const SYSTEM_MAIL_JOB_OPTIONS: JobOptions = { attempts: 1, removeOnComplete: true, removeOnFail: true };

/** Longest one SMTP dialogue may take before the try counts as failed. */
export const SYSTEM_MAIL_SEND_TIMEOUT_MS = 30_000;

/** The lease outlives the send's timeout, so nobody else sends the mail meanwhile. */
export const SYSTEM_MAIL_LEASE_SECONDS = SYSTEM_MAIL_SEND_TIMEOUT_MS / 1000 + 15;

/** Bull's job lock outlives the longest send; a killed worker's job is picked up again within ~50 s. */
export const SYSTEM_MAIL_QUEUE_SETTINGS: QueueOptions['settings'] = { lockDuration: 45_000, stalledInterval: 5_000, maxStalledCount: 3 };

/** Concurrent sends per worker process (system mail is rare: signups, alerts). */
export const SYSTEM_MAIL_CONCURRENCY = 4;

/**
 * A confirmation link is worth little after an hour, an alert less; the
 * hub's own relay being down for a while is the usual failure. Six tries over
 * about 40 minutes; a 5xx reply (bad address, relay denied) ends at once.
 */
export const SYSTEM_MAIL_RETRY: RetrySchedule = { maxAttempts: 6, delaysMs: [5_000, 30_000, 120_000, 600_000, 1_800_000], jitter: 0.1 };

/** Optional provider replacing SYSTEM_MAIL_RETRY's delays (the e2e tests mount short ones). */
export const SYSTEM_MAIL_RETRY_DELAYS_MS = Symbol('SYSTEM_MAIL_RETRY_DELAYS_MS');
