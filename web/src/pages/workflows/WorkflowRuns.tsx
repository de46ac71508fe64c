import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { StepState, Workflow, WorkflowRun } from '../../api/types';
import { formatPreciseDate } from '../../ui/formatDate';
import { LoadMore } from '../../ui/LoadMore';
import { EmptyState, ErrorState, Loading, errorMessage } from '../../ui/PageStates';
import { useWorkflowRuns } from './useWorkflows';
import { STEP_LABELS } from './workflowFormModel';

const RUN_LOOK: Record<WorkflowRun['status'], { tone: string; label: string }> = {
  running: { tone: 'info', label: 'Running' },
  waiting: { tone: 'warn', label: 'Waiting' },
  completed: { tone: 'ok', label: 'Completed' },
  failed: { tone: 'danger', label: 'Failed' },
};

const STEP_LOOK: Record<StepState['status'], { tone: string; label: string }> = {
  pending: { tone: 'neutral', label: 'Pending' },
  running: { tone: 'info', label: 'Running' },
  completed: { tone: 'ok', label: 'Completed' },
  failed: { tone: 'danger', label: 'Failed' },
  skipped: { tone: 'neutral', label: 'Skipped' },
};

function Badge({ look }: { look: { tone: string; label: string } }) {
  return <span className={`badge badge-${look.tone}`}>{look.label}</span>;
}

/** Who the run is for, in the words a person knows them by. */
function runContact(run: WorkflowRun): string {
  const v = run.variables;
  const name = [v.first_name, v.last_name].filter((part) => typeof part === 'string' && part).join(' ');
  const reach = typeof v.email === 'string' && v.email ? v.email : typeof v.phone === 'string' && v.phone ? v.phone : null;
  return [name, reach].filter(Boolean).join(' · ') || run.contact_id;
}

/** What a step did, in a line: a message to open, an HTTP answer, when a wait ends, or its error. */
function StepResult({ step }: { step: StepState }) {
  if (step.error) return <span className="attempt-error break-all">{step.error}</span>;
  const output = step.output ?? {};
  const parts: ReactNode[] = [];
  if (typeof output.message_id === 'string')
    parts.push(
      <Link key="message" to={`/messages?message=${encodeURIComponent(output.message_id)}`}>
        Open message
      </Link>,
    );
  if (typeof output.status_code === 'number') parts.push(<span key="status">HTTP {output.status_code}</span>);
  if (typeof output.resume_at === 'string' && step.status === 'running')
    parts.push(<span key="resume">Until {formatPreciseDate(output.resume_at)}</span>);
  if (typeof output.resumed_at === 'string') parts.push(<span key="resumed">Resumed {formatPreciseDate(output.resumed_at)}</span>);
  if (typeof output.already_subscribed === 'boolean')
    parts.push(<span key="group">{output.already_subscribed ? 'Already a member' : 'Added to the group'}</span>);
  if (typeof output.fields === 'object' && output.fields !== null) {
    const { custom_fields: custom, ...names } = output.fields as Record<string, unknown>;
    const set = Object.entries({ ...names, ...((custom as Record<string, unknown> | undefined) ?? {}) }).map(
      ([key, value]) => `${key} = ${typeof value === 'string' ? value : JSON.stringify(value)}`,
    );
    parts.push(
      <span key="fields" className="break-all">
        {set.length > 0 ? `Set ${set.join(', ')}` : 'Nothing to change'}
      </span>,
    );
  }
  if (typeof output.reason === 'string') parts.push(<span key="reason">{output.reason}</span>);
  if (parts.length > 0) return <>{parts.reduce<ReactNode[]>((all, part, i) => (i ? [...all, ' · ', part] : [part]), [])}</>;
  const keys = Object.keys(output);
  if (keys.length === 0) return <span className="muted">—</span>;
  return <code className="break-all">{JSON.stringify(output)}</code>;
}

function RunCard({ run, workflow }: { run: WorkflowRun; workflow: Workflow }) {
  const headingId = `run-${run.id}`;
  return (
    <li className="card run-card" aria-labelledby={headingId}>
      <div className="details-header">
        <h4 id={headingId}>
          <Badge look={RUN_LOOK[run.status]} /> {runContact(run)}
        </h4>
        <Link className="button button-small" to={`/contacts?contact=${encodeURIComponent(run.contact_id)}`}>
          Open contact
        </Link>
      </div>
      <p className="muted run-times">
        Started {formatPreciseDate(run.started_at)}
        {run.completed_at && ` · finished ${formatPreciseDate(run.completed_at)}`}
        {run.status === 'waiting' && run.resume_at && ` · resumes ${formatPreciseDate(run.resume_at)}`}
      </p>
      {run.error && (
        <p className="form-error" role="note">
          {run.error}
        </p>
      )}
      <table className="table compact-table">
        <caption className="visually-hidden">Steps of this run</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Step</th>
            <th scope="col">Status</th>
            <th scope="col">Attempts</th>
            <th scope="col">Result</th>
            <th scope="col">Finished</th>
          </tr>
        </thead>
        <tbody>
          {run.steps.map((step) => (
            <tr key={step.index} className={step.index === run.current_step && run.status !== 'completed' ? 'is-selected' : undefined}>
              <td>{step.index + 1}</td>
              <th scope="row">{STEP_LABELS[step.type as keyof typeof STEP_LABELS] ?? step.type}</th>
              <td>
                <Badge look={STEP_LOOK[step.status]} />
              </td>
              <td>{step.attempts}</td>
              <td>
                <StepResult step={step} />
              </td>
              <td className="nowrap">{formatPreciseDate(step.finished_at)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <details>
        <summary>Variables ({Object.keys(run.variables).length})</summary>
        <p className="field-hint">
          What the placeholders of “{workflow.name}” saw for this contact: contact fields, custom fields and the trigger
          payload.
        </p>
        <pre className="code-block code-wrap" tabIndex={0} aria-label="Run variables">
          {JSON.stringify(run.variables, null, 2)}
        </pre>
      </details>
    </li>
  );
}

/** Every enrolment of the workflow, newest first, refreshing by itself. */
export function WorkflowRuns({ workflow }: { workflow: Workflow }) {
  const runs = useWorkflowRuns(workflow.id);
  const rows = runs.data?.pages.flatMap((page) => page.items) ?? [];

  if (runs.isPending) return <Loading label="Loading runs…" />;
  if (runs.isError && rows.length === 0)
    return <ErrorState title="Runs could not be loaded." error={runs.error} onRetry={() => void runs.refetch()} />;
  if (rows.length === 0)
    return (
      <EmptyState title="No runs yet.">
        A run starts each time the trigger URL enrols a contact{workflow.active ? '' : ' into an active workflow'}. Copy
        the URL above and call it (see <em>How to call it</em>); the run shows up here within seconds.
      </EmptyState>
    );
  return (
    <>
      <p className="muted">Newest first. This list refreshes by itself every few seconds.</p>
      <ol className="run-list">
        {rows.map((run) => (
          <RunCard key={run.id} run={run} workflow={workflow} />
        ))}
      </ol>
      <LoadMore
        count={rows.length}
        noun={['run', 'runs']}
        hasNextPage={runs.hasNextPage}
        fetchingNextPage={runs.isFetchingNextPage}
        onLoadMore={() => void runs.fetchNextPage()}
        error={runs.isFetchNextPageError ? runs.error : undefined}
      />
      {runs.isRefetchError && (
        <p className="form-error" role="alert">
          The runs could not be refreshed: {errorMessage(runs.error)}
        </p>
      )}
    </>
  );
}
