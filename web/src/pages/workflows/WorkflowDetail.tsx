import { useState } from 'react';
import type { Channel, Group, Workflow } from '../../api/types';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { ErrorState, Loading, errorMessage } from '../../ui/PageStates';
import { Tabs, tabPanelProps } from './Tabs';
import { TriggerPanel } from './TriggerPanel';
import { useDeleteWorkflow, useWorkflow, useWorkflowRuns } from './useWorkflows';
import { WorkflowForm } from './WorkflowForm';
import { WorkflowRuns } from './WorkflowRuns';

export type WorkflowTab = 'steps' | 'runs';

interface WorkflowDetailProps {
  id: string;
  tab: WorkflowTab;
  onTab: (tab: WorkflowTab) => void;
  /** Every workflow loaded, to tell which share this one's trigger. */
  allWorkflows: Workflow[];
  channels: Channel[];
  groups: Group[];
  onReloadOptions: () => void;
  /** Shown once at the top, e.g. after creating. */
  note: string | null;
  onBack: () => void;
  onDeleted: (workflow: Workflow) => void;
}

/** One workflow: its trigger URL, then its steps (editable) or its runs. */
export function WorkflowDetail({ id, tab, onTab, allWorkflows, channels, groups, onReloadOptions, note, onBack, onDeleted }: WorkflowDetailProps) {
  const workflow = useWorkflow(id);
  // The editor's placeholder list uses the keys of recent runs; the Runs tab refreshes them.
  const runs = useWorkflowRuns(id, tab === 'runs');
  const remove = useDeleteWorkflow();
  const [confirmDelete, setConfirmDelete] = useState(false);

  const back = (
    <button type="button" className="button button-small button-ghost back-button" onClick={onBack}>
      ← Back to workflows
    </button>
  );
  if (workflow.isPending)
    return (
      <>
        {back}
        <Loading label="Loading the workflow…" />
      </>
    );
  if (workflow.isError)
    return (
      <>
        {back}
        <ErrorState title="This workflow could not be loaded." error={workflow.error} onRetry={() => void workflow.refetch()} />
      </>
    );

  const w = workflow.data;
  const sharedWith = allWorkflows.filter((other) => other.id !== w.id && other.trigger.webhook_id === w.trigger.webhook_id);
  const seenKeys = [...new Set((runs.data?.pages ?? []).flatMap((page) => page.items.flatMap((run) => Object.keys(run.variables))))];

  return (
    <>
      {back}
      {note && (
        <p className="notice" role="status">
          {note}
        </p>
      )}
      <section className="card" aria-labelledby="workflow-heading">
        <div className="details-header">
          <h2 id="workflow-heading">
            {w.name} <span className={`badge badge-${w.active ? 'ok' : 'neutral'}`}>{w.active ? 'Active' : 'Paused'}</span>
          </h2>
          <button
            type="button"
            className="button button-small button-danger-ghost"
            onClick={() => {
              remove.reset();
              setConfirmDelete(true);
            }}
          >
            Delete workflow
          </button>
        </div>
        {w.description && <p className="muted">{w.description}</p>}
        <TriggerPanel workflow={w} sharedWith={sharedWith} />
      </section>

      <Tabs
        label="Workflow"
        idPrefix="workflow"
        tabs={[
          { id: 'steps', label: `Steps (${w.steps.length})` },
          { id: 'runs', label: 'Runs' },
        ]}
        selected={tab}
        onSelect={onTab}
      />
      {/* The editor stays mounted behind the Runs tab, so unsaved edits survive a look at the runs. */}
      <div {...tabPanelProps('workflow', 'steps', tab)} className="tab-panel">
        <WorkflowForm
          key={w.id}
          workflow={w}
          channels={channels}
          groups={groups}
          seenKeys={seenKeys}
          onReloadOptions={onReloadOptions}
          onSaved={() => undefined}
          onCancel={onBack}
        />
      </div>
      <div {...tabPanelProps('workflow', 'runs', tab)} className="tab-panel">
        {tab === 'runs' && <WorkflowRuns workflow={w} />}
      </div>

      {confirmDelete && (
        <ConfirmDialog
          title={`Delete workflow “${w.name}”?`}
          confirmLabel="Delete workflow"
          busyLabel="Deleting…"
          busy={remove.isPending}
          error={remove.error ? `The workflow could not be deleted: ${errorMessage(remove.error)}` : undefined}
          onConfirm={() => remove.mutate(w.id, { onSuccess: () => onDeleted(w) })}
          onCancel={() => setConfirmDelete(false)}
        >
          <p>
            Its runs are deleted with it{sharedWith.length === 0 ? ', and its trigger URL answers 404 from then on' : ''}. This
            cannot be undone.
          </p>
        </ConfirmDialog>
      )}
    </>
  );
}
