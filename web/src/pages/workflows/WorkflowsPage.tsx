import { useState } from 'react';
import { useSearchParams } from 'react-router';
import type { Workflow } from '../../api/types';
import { LoadMore } from '../../ui/LoadMore';
import { EmptyState, ErrorState, Loading } from '../../ui/PageStates';
import { PageHeader } from '../../ui/PageHeader';
import { useGroupOptions } from '../groups/useGroups';
import { useChannels } from '../webhooks/useEndpoints';
import { WorkflowDetail, type WorkflowTab } from './WorkflowDetail';
import { WorkflowForm } from './WorkflowForm';
import { WorkflowsTable } from './WorkflowsTable';
import { useWorkflows } from './useWorkflows';

export function WorkflowsPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const openId = searchParams.get('workflow');
  const tab: WorkflowTab = searchParams.get('tab') === 'runs' ? 'runs' : 'steps';
  const workflows = useWorkflows();
  const channels = useChannels();
  const groups = useGroupOptions();
  const [note, setNote] = useState<string | null>(null);

  const open = (id: string, nextTab: WorkflowTab = 'steps') => setSearchParams(nextTab === 'runs' ? { workflow: id, tab: 'runs' } : { workflow: id });
  const close = () => {
    setNote(null);
    setSearchParams({});
  };
  const reloadOptions = () => void Promise.all([channels.refetch(), groups.refetch()]);

  const header = (
    <PageHeader title="Workflows">
      A workflow runs steps for each contact its trigger URL receives: send an email, WhatsApp or SMS, wait, call a
      URL, update the contact, add it to a group.
    </PageHeader>
  );

  const all = workflows.data?.pages.flatMap((page) => page.items) ?? [];

  if (openId) {
    const failed = [channels, groups].find((query) => query.isError);
    if (failed)
      return (
        <>
          {header}
          <ErrorState title="Channels and groups could not be loaded." error={failed.error} onRetry={reloadOptions} />
        </>
      );
    if (!channels.data || !groups.data)
      return (
        <>
          {header}
          <Loading label="Loading the editor…" />
        </>
      );
    if (openId === 'new')
      return (
        <>
          {header}
          <button type="button" className="button button-small button-ghost back-button" onClick={close}>
            ← Back to workflows
          </button>
          <WorkflowForm
            channels={channels.data}
            groups={groups.data}
            seenKeys={[]}
            onReloadOptions={reloadOptions}
            onSaved={(created) => {
              setNote(`Workflow “${created.name}” created. Call its trigger URL to enrol a contact; each run shows under Runs.`);
              open(created.id);
            }}
            onCancel={close}
          />
        </>
      );
    return (
      <>
        {header}
        <WorkflowDetail
          key={openId}
          id={openId}
          tab={tab}
          onTab={(next) => open(openId, next)}
          allWorkflows={all}
          channels={channels.data}
          groups={groups.data}
          onReloadOptions={reloadOptions}
          note={note}
          onBack={close}
          onDeleted={(deleted: Workflow) => {
            setSearchParams({});
            setNote(`Workflow “${deleted.name}” deleted.`);
          }}
        />
      </>
    );
  }

  let body;
  if (workflows.isPending) body = <Loading label="Loading workflows…" />;
  else if (workflows.isError && all.length === 0)
    body = <ErrorState title="Workflows could not be loaded." error={workflows.error} onRetry={() => void workflows.refetch()} />;
  else if (all.length === 0)
    body = (
      <EmptyState title="No workflows yet.">
        Choose <strong>New workflow</strong>, add its steps and save: you get a trigger URL to call from your forms,
        Zapier or your own code.
      </EmptyState>
    );
  else
    body = (
      <>
        <WorkflowsTable workflows={all} onOpen={(workflow) => open(workflow.id)} />
        <LoadMore
          count={all.length}
          noun={['workflow', 'workflows']}
          hasNextPage={workflows.hasNextPage}
          fetchingNextPage={workflows.isFetchingNextPage}
          onLoadMore={() => void workflows.fetchNextPage()}
          error={workflows.isFetchNextPageError ? workflows.error : undefined}
        />
      </>
    );

  return (
    <>
      {header}
      {note && (
        <p className="notice" role="status">
          {note}
        </p>
      )}
      <div className="section-bar">
        <h2 className="section-title">Your workflows</h2>
        <button
          type="button"
          className="button button-primary"
          onClick={() => {
            setNote(null);
            setSearchParams({ workflow: 'new' });
          }}
        >
          New workflow
        </button>
      </div>
      {body}
    </>
  );
}
