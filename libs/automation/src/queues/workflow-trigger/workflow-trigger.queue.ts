import { JobOptions, QueueOptions } from 'bull';
import { AppConfig } from '@hub/config';
import { RetrySchedule } from '@hub/operations';
import type { TracedJob } from '@hub/tracing';
import { stepRetrySchedule } from '../workflow-run/workflow-run.queue';

/**
 * Enrols stored trigger requests (contact upsert + runs): one, or the requests
 * stored together by one group commit. Job id = `<request id>:<attempts so far>`
 * (of the first, plus `+<count>` for several); retries are one per job.
 */
export const TRIGGER_REQUEST_QUEUE = 'workflow-trigger';

/** Tracing on, the job also carries the traceparent(s) of the requests it enrols (TracedJob). */
export interface TriggerRequestJob extends TracedJob {
  requestId?: string;
  requestIds?: string[];
}

export const MAX_REQUESTS_PER_JOB = 100;

/** The request row is the state (status, next_attempt_at): Bull keeps nothing and never retries on its own. */
export const JOB_OPTIONS: JobOptions = { attempts: 1, removeOnComplete: true, removeOnFail: true };

/** An enrolment is one transaction of a few statements; a killed worker's job is picked up again within ~40 s. */
export const QUEUE_SETTINGS: QueueOptions['settings'] = { lockDuration: 35_000, stalledInterval: 5_000, maxStalledCount: 3 };

/**
 * Processing a request failed this often (the database refusing, say): it is
 * marked failed and its inbound log row says why. Waits between tries are a
 * step's (WEBHOOK_RETRY_SCHEDULE from its second entry).
 */
export function triggerRetrySchedule(config: AppConfig): RetrySchedule {
  return stepRetrySchedule(config, 8);
}
