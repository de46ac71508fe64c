/**
 * Enrols stored trigger requests (contact upsert + runs): one, or the requests
 * stored together by one group commit. Job id = `<request id>:<attempts so far>`
 * (of the first, plus `+<count>` for several); retries are one per job.
 */
export const TRIGGER_REQUEST_QUEUE = 'workflow-trigger';

export interface TriggerRequestJob {
  requestId?: string;
  requestIds?: string[];
}

export const MAX_REQUESTS_PER_JOB = 100;
