import { JobOptions, QueueOptions } from 'bull';
import { RetrySchedule } from '@hub/operations';

/** Sends one attempt of one message. */
export const MESSAGE_SEND_QUEUE = 'message-send';

export interface MessageSendJob {
  messageId: string;
}

/**
 * Job id: the message id for the first attempt, `<id>:<attempts so far>` for
 * retries. Deterministic, so a repeat enqueue (sweeper, duplicate) is a no-op;
 * distinct per attempt, because the job of the attempt that failed still holds
 * its id while it schedules the next one.
 */
export function messageSendJobId(messageId: string, attemptsSoFar: number): string {
  return attemptsSoFar === 0 ? messageId : `${messageId}:${attemptsSoFar}`;
}

/** State lives in PostgreSQL: Bull keeps nothing and never retries on its own (the row's next_attempt_at does). */
export const MESSAGE_JOB_OPTIONS: JobOptions = { attempts: 1, removeOnComplete: true, removeOnFail: true };

/** Longest a send may take (SMTP dialogue or provider request) before it counts as failed. */
export const SEND_TIMEOUT_MS = 30_000;

/** The lease outlives the send's timeout, so nobody else sends the message meanwhile. */
export const SEND_LEASE_SECONDS = SEND_TIMEOUT_MS / 1000 + 15;

/** Bull's job lock outlives the longest send; a killed worker's job is picked up again within ~50 s. */
export const MESSAGE_QUEUE_SETTINGS: QueueOptions['settings'] = { lockDuration: 45_000, stalledInterval: 5_000, maxStalledCount: 3 };

/** Concurrent sends per worker process. */
export const MESSAGE_SEND_CONCURRENCY = 8;

/** A message gets this many tries in all before it is failed. */
export const MAX_SEND_ATTEMPTS = 3;

/** Three tries, 5 s then 30 s apart; a permanent error (bad address, misconfigured channel) ends at once. */
export const MESSAGE_RETRY: RetrySchedule = { maxAttempts: MAX_SEND_ATTEMPTS, delaysMs: [5_000, 30_000] };

/**
 * Optional provider: delays (ms) before each retry, overriding MESSAGE_RETRY's
 * (the e2e tests mount a global module providing short ones).
 */
export const MESSAGE_RETRY_DELAYS_MS = Symbol('MESSAGE_RETRY_DELAYS_MS');
