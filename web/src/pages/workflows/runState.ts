import type { StepState, WorkflowRun } from '../../api/types';
import { formatPreciseDate } from '../../ui/formatDate';

/** What a run is doing as the admin reads it: a running run with a next try set is retrying its current step. */
export type RunPhase = WorkflowRun['status'] | 'retrying';

export function runPhase(run: Pick<WorkflowRun, 'status' | 'resume_at'>): RunPhase {
  return run.status === 'running' && run.resume_at ? 'retrying' : run.status;
}

/** What an admin can do to the run now: retry its failing step, cancel it. */
export function runActions(run: Pick<WorkflowRun, 'status' | 'resume_at'>): { retry: boolean; cancel: boolean } {
  const phase = runPhase(run);
  return { retry: phase === 'retrying' || phase === 'failed', cancel: phase === 'running' || phase === 'retrying' || phase === 'waiting' };
}

/** The request an http_request step sent on its latest attempt, as stored in its output. */
export interface SentStepRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

export function sentRequest(step: Pick<StepState, 'output'>): SentStepRequest | null {
  const request = step.output?.request;
  if (typeof request !== 'object' || request === null) return null;
  const r = request as Partial<SentStepRequest>;
  if (typeof r.url !== 'string' || typeof r.body !== 'string') return null;
  return { method: r.method ?? 'POST', url: r.url, headers: r.headers ?? {}, body: r.body };
}

/** "Step 2 (HTTP request) failed: HTTP 500 · next try (attempt 2) at …": a retrying run's state in one line. */
export function retryLine(run: Pick<WorkflowRun, 'status' | 'resume_at' | 'current_step' | 'steps'>, stepLabel: string): string | null {
  if (runPhase(run) !== 'retrying' || !run.resume_at) return null;
  const step = run.steps[run.current_step];
  const failed = `Step ${run.current_step + 1} (${stepLabel}) failed${step?.error ? `: ${step.error}` : ''}`;
  return `${failed} · next try (attempt ${(step?.attempts ?? 0) + 1}) at ${formatPreciseDate(run.resume_at)}`;
}
