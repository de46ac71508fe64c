import { JobOptions, QueueOptions } from 'bull';
import { RetrySchedule } from '@hub/operations';

/** Captures one stored lead: fetch (Meta), map, contact, enrolment, `lead.captured`. */
export const LEAD_CAPTURE_QUEUE = 'lead-capture';

export interface LeadCaptureJob {
  leadId: string;
}

/** `<lead id>:<attempts so far>`: a repeat enqueue is a no-op, and a retry's job is not the failed job's. */
export function leadCaptureJobId(leadId: string, attemptsSoFar: number): string {
  return `${leadId}:${attemptsSoFar}`;
}

/** State lives in PostgreSQL: Bull keeps nothing and never retries on its own (the lead's next_attempt_at does). */
export const LEAD_JOB_OPTIONS: JobOptions = { attempts: 1, removeOnComplete: true, removeOnFail: true };

/** The Graph API call's timeout (10 s) and the transaction, with room to spare: nobody else takes the lead meanwhile. */
export const LEAD_LEASE_SECONDS = 30;

/** Bull's job lock outlives the longest capture; a killed worker's job is picked up again within ~45 s. */
export const LEAD_QUEUE_SETTINGS: QueueOptions['settings'] = { lockDuration: 40_000, stalledInterval: 5_000, maxStalledCount: 3 };

/** Leads captured at once per worker process (most of a capture is waiting on the Graph API). */
export const LEAD_CAPTURE_CONCURRENCY = 8;

/**
 * A Graph API that fails (5xx, 429, unreachable) is retried for about a day,
 * as Meta keeps the lead; an error that will not heal (expired token, deleted
 * lead) ends at once, and the lead waits on its source until fixed.
 */
export const LEAD_RETRY: RetrySchedule = { maxAttempts: 10, delaysMs: [5_000, 30_000, 120_000, 600_000, 1_800_000, 3_600_000, 7_200_000, 14_400_000, 28_800_000], jitter: 0.1 };

/** Optional provider replacing LEAD_RETRY's delays (the e2e tests mount short ones). */
export const LEAD_RETRY_DELAYS_MS = Symbol('LEAD_RETRY_DELAYS_MS');
