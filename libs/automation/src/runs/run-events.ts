/** `data` of workflow.enrolled (and the common part of workflow.completed), as the event catalog describes it. */
export interface RunEventSubject {
  workflow_id: string;
  workflow_name: string;
  run_id: string;
  contact_id: string;
  variables: Record<string, unknown>;
}

export function runEventData(run: { id: string; workflow_id: string; contact_id: string; variables: Record<string, unknown> }, workflowName: string): RunEventSubject {
  return { workflow_id: run.workflow_id, workflow_name: workflowName, run_id: run.id, contact_id: run.contact_id, variables: run.variables };
}
