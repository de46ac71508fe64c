/** Processes one stored trigger request (contact upsert + enrolment). Job id = `<request id>:<attempts so far>`. */
export const TRIGGER_REQUEST_QUEUE = 'workflow-trigger';

export interface TriggerRequestJob {
  requestId: string;
}

export function triggerRequestJobId(requestId: string, attemptsSoFar: number): string {
  return `${requestId}:${attemptsSoFar}`;
}
