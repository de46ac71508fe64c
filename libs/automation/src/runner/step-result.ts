import { HttpException } from '@nestjs/common';
import { WorkflowStep } from '../steps/workflow-step';
import { WorkflowRun } from '../runs/workflow-run.entity';

/** What one attempt of a step came to. The runner records it and moves the run on. */
export type StepResult =
  | { kind: 'completed'; output: Record<string, unknown>; variables?: Record<string, unknown> }
  | { kind: 'skipped'; output: Record<string, unknown> }
  /** Worth another attempt (non-2xx, timeout, database hiccup): retried up to MAX_STEP_ATTEMPTS (queues/workflow-run) in all. */
  | { kind: 'retry'; error: string; output?: Record<string, unknown> }
  /** Will not get better by retrying (deleted group, unusable template): the run fails now. */
  | { kind: 'failed'; error: string; output?: Record<string, unknown> };

/** A step that cannot succeed, whatever the attempt. */
export class StepFailure extends Error {}

/** What a step executor is given: the claimed run, its workflow and the step at current_step. */
export interface StepContext<S extends WorkflowStep = WorkflowStep> {
  run: WorkflowRun;
  workflow: { id: string; name: string; secret_encrypted: string };
  step: S;
  /** Output stored when the step started (http_request keeps its event id there, stable across retries). */
  started: Record<string, unknown>;
}

/** A thrown error as a step result: client errors (4xx) and StepFailure end the run; anything else is retried. */
export function resultOfError(error: unknown): StepResult {
  if (error instanceof StepFailure) return { kind: 'failed', error: error.message };
  if (error instanceof HttpException && error.getStatus() < 500) {
    const response = error.getResponse();
    const message = typeof response === 'string' ? response : String((response as { message?: unknown }).message ?? error.message);
    return { kind: 'failed', error: message };
  }
  return { kind: 'retry', error: (error as Error)?.message ?? String(error) };
}
