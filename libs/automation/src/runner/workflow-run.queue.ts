import { JobOptions, QueueOptions } from 'bull';

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
