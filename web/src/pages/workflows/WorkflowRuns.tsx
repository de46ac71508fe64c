import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { StepState, Workflow, WorkflowRun } from '../../api/types';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { formatPreciseDate } from '../../ui/formatDate';
import { LoadMore } from '../../ui/LoadMore';
import { EmptyState, ErrorState, Loading, errorMessage } from '../../ui/PageStates';
import { retryLine, runActions, runPhase, sentRequest, type RunPhase } from './runState';
import { useRunAction, useWorkflowRuns } from './useWorkflows';
import { STEP_LABELS } from './workflowFormModel';

const RUN_LOOK: Record<RunPhase, { tone: string; label: string }> = {
  running: { tone: 'info', label: 'Running' },
  retrying: { tone: 'danger', label: 'Retrying' },
  waiting: { tone: 'warn', label: 'Waiting' },
  completed: { tone: 'ok', label: 'Completed' },
  failed: { tone: 'danger', label: 'Failed' },
  cancelled: { tone: 'neutral', label: 'Cancelled' },
};

const STEP_LOOK: Record<StepState['status'], { tone: string; label: string }> = {
  pending: { tone: 'neutral', label: 'Pending' },
  running: { tone: 'info', label: 'Running' },
  completed: { tone: 'ok', label: 'Completed' },
  failed: { tone: 'danger', label: 'Failed' },
  skipped: { tone: 'neutral', label: 'Skipped' },
};

/** The step a retrying run waits to try again reads "Retrying", not "Running", while nothing runs. */
const retryingStep = (run: WorkflowRun, step: StepState) => runPhase(run) === 'retrying' && step.index === run.current_step;

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

const stepLabel = (type: string) => STEP_LABELS[type as keyof typeof STEP_LABELS] ?? type;

/** The failing http_request's latest attempt: the request as sent and the answer, side by side (as a Test shows them). */
function FailingExchange({ run }: { run: WorkflowRun }) {
  const step = run.steps[run.current_step];
  const request = step && sentRequest(step);
  if (!step || !request || (step.status !== 'running' && step.status !== 'failed') || !step.error) return null;
  const output = step.output ?? {};
  const headers = Object.entries(request.headers)
    .map(([name, value]) => `${name}: ${value}`)
    .join('\n');
  return (
    <div className="exchange" aria-label={`Latest attempt of step ${step.index + 1}`} role="group">
      <div>
        <h5>Request</h5>
        <pre className="code-block code-wrap" tabIndex={0} aria-label={`Request sent by step ${step.index + 1}`}>
          {`${request.method} ${request.url}\n${headers}\n\n${request.body}`}
        </pre>
      </div>
      <div>
        <h5>Response</h5>
        <pre className="code-block code-wrap" tabIndex={0} aria-label={`Response to step ${step.index + 1}`}>
          {typeof output.status_code === 'number'
            ? `HTTP ${output.status_code}\n\n${typeof output.response_body === 'string' ? output.response_body : ''}`
            : `No response: ${step.error}`}
        </pre>
      </div>
    </div>
  );
}

/** What Retry now does, in words: the request sent again to its URL, or the step run again. */
function retryWhat(run: WorkflowRun): ReactNode {
  const step = run.steps[run.current_step];
  const request = step && sentRequest(step);
  const label = `step ${run.current_step + 1} (${stepLabel(step?.type ?? '')})`;
  if (!request)
    return <p>The hub runs {label} again now, instead of at its next scheduled try. If it fails again, the retry schedule goes on.</p>;
  return (
    <p>
      The hub sends <code className="break-all">{`${request.method} ${request.url}`}</code> again now, with the same
      webhook-id, instead of at its next scheduled try. If it fails again, the retry schedule goes on.
    </p>
  );
}

/** Retry now and Cancel run, as the run's phase allows; each asks first and says what it does. */
function RunActionsBar({ run, workflow }: { run: WorkflowRun; workflow: Workflow }) {
  const allowed = runActions(run);
  const action = useRunAction(workflow.id, run.id);
  const [asking, setAsking] = useState<'retry' | 'cancel' | null>(null);
  if (!allowed.retry && !allowed.cancel) return null;
  const contact = runContact(run);
  const ask = (which: 'retry' | 'cancel') => {
    action.reset();
    setAsking(which);
  };
  return (
    <div className="inline-form run-actions">
      {allowed.retry && (
        <button
          type="button"
          className="button button-primary button-small"
          disabled={action.isPending}
          aria-busy={action.isPending && action.variables === 'retry'}
          aria-label={`Retry step ${run.current_step + 1} of the run for ${contact} now`}
          onClick={() => ask('retry')}
        >
          Retry now
        </button>
      )}
      {allowed.cancel && (
        <button
          type="button"
          className="button button-small"
          disabled={action.isPending}
          aria-label={`Cancel the run for ${contact}`}
          onClick={() => ask('cancel')}
        >
          Cancel run
        </button>
      )}
      {action.error && !asking && (
        <p className="form-error" role="alert">
          {errorMessage(action.error)}
        </p>
      )}
      {asking === 'retry' && (
        <ConfirmDialog
          title={`Retry step ${run.current_step + 1} now?`}
          confirmLabel="Retry now"
          busyLabel="Retrying…"
          busy={action.isPending}
          error={action.error ? `The step could not be retried: ${errorMessage(action.error)}` : undefined}
          onConfirm={() => action.mutate('retry', { onSuccess: () => setAsking(null) })}
          onCancel={() => setAsking(null)}
        >
          {retryWhat(run)}
        </ConfirmDialog>
      )}
      {asking === 'cancel' && (
        <ConfirmDialog
          title="Cancel this run?"
          confirmLabel="Cancel run"
          cancelLabel="Keep it running"
          busyLabel="Cancelling…"
          busy={action.isPending}
          error={action.error ? `The run could not be cancelled: ${errorMessage(action.error)}` : undefined}
          onConfirm={() => action.mutate('cancel', { onSuccess: () => setAsking(null) })}
          onCancel={() => setAsking(null)}
        >
          <p>
            The run for {contact} stops at step {run.current_step + 1}; its later steps do not run. It cannot be resumed.
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}

function RunCard({ run, workflow }: { run: WorkflowRun; workflow: Workflow }) {
  const headingId = `run-${run.id}`;
  const retrying = retryLine(run, stepLabel(run.steps[run.current_step]?.type ?? ''));
  return (
    <li className="card run-card" aria-labelledby={headingId}>
      <div className="details-header">
        <h4 id={headingId}>
          <Badge look={RUN_LOOK[runPhase(run)]} /> {runContact(run)}
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
      {retrying && <p className="notice">{retrying}</p>}
      {run.error && (
        <p className="form-error" role="note">
          {run.error}
        </p>
      )}
      <RunActionsBar run={run} workflow={workflow} />
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
              <th scope="row">{stepLabel(step.type)}</th>
              <td>
                <Badge look={retryingStep(run, step) ? RUN_LOOK.retrying : STEP_LOOK[step.status]} />
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
      <FailingExchange run={run} />
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
