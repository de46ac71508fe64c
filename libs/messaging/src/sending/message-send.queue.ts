import { JobOptions, QueueOptions } from 'bull';

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
