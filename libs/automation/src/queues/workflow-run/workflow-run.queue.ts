import { JobOptions, QueueOptions } from 'bull';
import { AppConfig } from '@hub/config';
import { RetrySchedule } from '@hub/operations';

/** Runs the current step of one workflow run. Job id = `<run id>:<step index>:<attempts of that step so far>`. */
export const WORKFLOW_RUN_QUEUE = 'workflow-run';

export interface WorkflowRunJob {
  runId: string;
}

export function workflowRunJobId(runId: string, step: number, attemptsSoFar: number): string {
  return `${runId}:${step}:${attemptsSoFar}`;
}

/**
 * The run row in PostgreSQL is the state: finished jobs are removed (freeing
 * their ids) and Bull never retries on its own; a retry or a wait is the run's
 * resume_at plus a delayed job, and the sweeper re-creates lost jobs.
 */
export const JOB_OPTIONS: JobOptions = { attempts: 1, removeOnComplete: true, removeOnFail: true };

/** Bull's lock outlives the longest step (an http_request of at most 30 s); the run's lease is the second guard. */
export const QUEUE_SETTINGS: QueueOptions['settings'] = { lockDuration: 35_000, stalledInterval: 5_000, maxStalledCount: 3 };

/** A step is tried this many times in all (http_request: the first attempt and 3 retries). */
export const MAX_STEP_ATTEMPTS = 4;

/**
 * Waits before a step's retries: the delivery schedule (WEBHOOK_RETRY_SCHEDULE)
 * from its second entry, its last entry once past its end, never under a
 * second. Stored trigger requests are retried on the same waits.
 */
export function stepRetrySchedule(config: AppConfig, maxAttempts = MAX_STEP_ATTEMPTS): RetrySchedule {
  const seconds = config.webhookRetryScheduleSeconds;
  const waits = seconds.length > 1 ? seconds.slice(1) : seconds.length === 1 ? seconds : [60];
  return { maxAttempts, delaysMs: waits.map((s) => s * 1000), minDelayMs: 1000 };
}
