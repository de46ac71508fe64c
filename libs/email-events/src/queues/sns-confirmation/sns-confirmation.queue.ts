import { JobOptions, QueueOptions } from 'bull';
import { RetrySchedule } from '@hub/operations';

/** Confirms one SNS subscription (GET its SubscribeURL). */
export const SNS_CONFIRMATION_QUEUE = 'sns-confirmation';

export interface SnsConfirmationJob {
  confirmationId: string;
}

/** `<id>:<attempts so far>`: a repeat enqueue is a no-op, and a retry's job is not the failed job's. */
export function snsConfirmationJobId(id: string, attemptsSoFar: number): string {
  return `${id}:${attemptsSoFar}`;
}

export const SNS_CONFIRMATION_JOB_OPTIONS: JobOptions = { attempts: 1, removeOnComplete: true, removeOnFail: true };

/** The GET's timeout (10 s) with room to spare. */
export const SNS_CONFIRMATION_LEASE_SECONDS = 30;

export const SNS_CONFIRMATION_QUEUE_SETTINGS: QueueOptions['settings'] = { lockDuration: 40_000, stalledInterval: 5_000, maxStalledCount: 3 };

export const SNS_CONFIRMATION_CONCURRENCY = 2;

/** SNS keeps a confirmation's token valid for three days; an unreachable SNS is tried for about a day. */
export const SNS_CONFIRMATION_RETRY: RetrySchedule = { maxAttempts: 8, delaysMs: [5_000, 30_000, 120_000, 600_000, 1_800_000, 3_600_000, 14_400_000], jitter: 0.1 };

/** Optional provider replacing the retry delays (the e2e tests mount short ones). */
export const SNS_CONFIRMATION_RETRY_DELAYS_MS = Symbol('SNS_CONFIRMATION_RETRY_DELAYS_MS');
