import type { Workflow } from '../../api/types';
import { formatDate } from '../../ui/formatDate';
import { STEP_LABELS } from './workflowFormModel';

/** A workflow's steps in a few words: "Send email → Wait → HTTP request". */
function stepSummary(workflow: Workflow): string {
  const labels = workflow.steps.map((step) => STEP_LABELS[step.type]);
  return labels.length > 4 ? `${labels.slice(0, 4).join(' → ')} → …` : labels.join(' → ');
}

export function WorkflowsTable({ workflows, onOpen }: { workflows: Workflow[]; onOpen: (workflow: Workflow) => void }) {
  return (
    <div className="card table-card">
      <table className="table table-clickable">
        <caption className="visually-hidden">Workflows, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">State</th>
            <th scope="col">Steps</th>
            <th scope="col">Trigger URL</th>
            <th scope="col">Updated</th>
          </tr>
        </thead>
        <tbody>
          {workflows.map((workflow) => (
            <tr key={workflow.id} onClick={() => onOpen(workflow)}>
              <th scope="row">
                <button
                  type="button"
                  className="link-button"
                  onClick={(event) => {
                    event.stopPropagation();
                    onOpen(workflow);
                  }}
                >
                  {workflow.name}
                </button>
                {workflow.description && <span className="muted cell-sub">{workflow.description}</span>}
              </th>
              <td>
                <span className={`badge badge-${workflow.active ? 'ok' : 'neutral'}`}>{workflow.active ? 'Active' : 'Paused'}</span>
              </td>
              <td>
                <span className="cell-title">
                  {workflow.steps.length} {workflow.steps.length === 1 ? 'step' : 'steps'}
                </span>
                <span className="muted cell-sub">{stepSummary(workflow)}</span>
              </td>
              <td className="break-all">
                <code className="cell-sub">{workflow.trigger.webhook_url}</code>
              </td>
              <td className="nowrap">{formatDate(workflow.updated_at)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
