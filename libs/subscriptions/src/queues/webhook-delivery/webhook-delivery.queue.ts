import { JobOptions, QueueOptions } from 'bull';
import { AppConfig } from '@hub/config';
import { afterFailedAttempt, RetrySchedule, scheduleFromSeconds } from '@hub/operations';
import type { TracedJob } from '@hub/tracing';

/**
 * Sends one attempt of a delivery — or of several: the deliveries of events
 * stored together (a fan-out, a group commit) travel in one job, so Redis and
 * Bull work once for them. Job id = `<delivery id>:<attempts so far>` (of the
 * first, plus `+<count>` for several); retries are always one per job.
 */
export const DELIVERY_QUEUE = 'webhook-delivery';

/** Tracing on, the job also carries the traceparent(s) of where its deliveries were stored (TracedJob). */
export interface DeliveryJob extends TracedJob {
  deliveryId?: string;
  deliveryIds?: string[];
}

export const MAX_DELIVERIES_PER_JOB = 50;

/** The id of a delivery's own job, as workJobs (@hub/operations) names it. */
export function deliveryJobId(deliveryId: string, attemptsSoFar: number): string {
  return `${deliveryId}:${attemptsSoFar}`;
}

/**
 * The state lives in PostgreSQL, so Bull keeps nothing: finished jobs are
 * removed (freeing their ids) and Bull never retries on its own; the retry
 * schedule is the delivery row's next_attempt_at.
 */
export const JOB_OPTIONS: JobOptions = { attempts: 1, removeOnComplete: true, removeOnFail: true };

/**
 * A job's lock must outlive the longest attempt (30 s timeout), or Bull could
 * hand a running job to another worker (the delivery lease is the second
 * guard). A live worker renews it every lockDuration/2; a killed worker's job
 * is picked up again within lockDuration + stalledInterval (< 60 s).
 */
export const QUEUE_SETTINGS: QueueOptions['settings'] = { lockDuration: 35_000, stalledInterval: 5_000, maxStalledCount: 3 };

/**
 * Retries follow WEBHOOK_RETRY_SCHEDULE (seconds before each attempt), with
 * up to +10 % jitter so a recovering receiver is not hit by every retry at
 * once; a Retry-After on 429/503 is honoured when it asks for longer.
 */
export function deliveryRetrySchedule(config: AppConfig): RetrySchedule {
  return scheduleFromSeconds(config.webhookRetryScheduleSeconds, { jitter: 0.1 });
}

export type AttemptOutcome = { kind: 'succeeded' } | { kind: 'retry'; delayMs: number } | { kind: 'exhausted' } | { kind: 'gone' };

/** What follows attempt number `attempt` (1-based) given its HTTP result: 410 Gone is final. */
export function attemptOutcome(
  attempt: number,
  result: { ok: boolean; statusCode: number | null; retryAfterSeconds: number | null },
  schedule: RetrySchedule,
  random: () => number = Math.random,
): AttemptOutcome {
  if (result.ok) return { kind: 'succeeded' };
  const gone = result.statusCode === 410;
  const next = afterFailedAttempt(schedule, attempt, { permanent: gone, retryAfterSeconds: result.retryAfterSeconds }, random);
  if (next.kind === 'retry') return next;
  return { kind: gone ? 'gone' : 'exhausted' };
}
