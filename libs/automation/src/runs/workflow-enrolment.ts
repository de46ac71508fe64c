import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AfterCommit } from '@hub/database';
import { EventPublisher } from '@hub/events';
import { WorkflowRunProducer } from '../queues/workflow-run/workflow-run.producer';
import { runEventData } from './run-events';

export interface EnrolledRun {
  id: string;
  workflow_id: string;
  workflow_name: string;
  status: 'running' | 'completed';
}

/**
 * Enrols a contact into one workflow of the account, for other modules (lead
 * sources name the workflow their leads go to): in the caller's transaction
 * it starts a run with the workflow's steps as they are now and publishes
 * workflow.enrolled (and workflow.completed for a workflow with no steps);
 * the run goes on its queue after the commit. An inactive or deleted
 * workflow enrols nobody (null).
 */
@Injectable()
export class WorkflowEnrolment {
  constructor(
    private readonly events: EventPublisher,
    private readonly afterCommit: AfterCommit,
    private readonly runs: WorkflowRunProducer,
  ) {}

  async enrol(tx: EntityManager, accountId: string, workflowId: string, contactId: string, variables: Record<string, unknown>): Promise<EnrolledRun | null> {
    const [run] = (await tx.query(
      `WITH enrolled AS (
         INSERT INTO workflow_runs (account_id, workflow_id, contact_id, status, steps, variables, started_at, completed_at)
         SELECT w.account_id, w.id, $3, CASE WHEN json_array_length(w.steps) = 0 THEN 'completed' ELSE 'running' END, w.steps, $4::jsonb, now(),
                CASE WHEN json_array_length(w.steps) = 0 THEN now() END
           FROM workflows w WHERE w.id = $2 AND w.account_id = $1 AND w.active
         RETURNING id, workflow_id, status, completed_at
       )
       SELECT e.id, e.workflow_id, e.status, e.completed_at, w.name AS workflow_name FROM enrolled e JOIN workflows w ON w.id = e.workflow_id`,
      [accountId, workflowId, contactId, JSON.stringify(variables)],
    )) as (EnrolledRun & { completed_at: Date | null })[];
    if (!run) return null;
    const data = runEventData({ id: run.id, workflow_id: run.workflow_id, contact_id: contactId, variables }, run.workflow_name);
    await this.events.publish(tx, { accountId, type: 'workflow.enrolled', data: { ...data } });
    if (run.status === 'completed') {
      await this.events.publish(tx, { accountId, type: 'workflow.completed', data: { ...data, status: 'completed', completed_at: new Date(run.completed_at as Date).toISOString() } });
    } else {
      await this.afterCommit.run(tx, () => this.runs.enqueue([{ id: run.id, current_step: 0, attempt_count: 0 }]));
    }
    return { id: run.id, workflow_id: run.workflow_id, workflow_name: run.workflow_name, status: run.status };
  }
}
