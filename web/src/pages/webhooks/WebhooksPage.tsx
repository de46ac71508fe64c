import { useState } from 'react';
import { useSearchParams } from 'react-router';
import type { Endpoint, EndpointWithSecret } from '../../api/types';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { CopyField } from '../../ui/CopyField';
import { EmptyState, ErrorState, Loading, errorMessage } from '../../ui/PageStates';
import { PageHeader } from '../../ui/PageHeader';
import { useEventTypes } from '../event-types/useEventTypes';
import { EndpointCard } from './EndpointCard';
import { EndpointHealthFacts } from './EndpointHealthFacts';
import { useEndpointHealth } from '../overview/useStats';
import { EndpointForm, type SavedEndpoint } from './EndpointForm';
import { endpointName } from './endpointState';
import { useChannels, useDeleteEndpoint, useEndpoints } from './useEndpoints';

/** The one time a new endpoint's secret is on screen unasked. */
function NewSecretNotice({ created, onDone }: { created: EndpointWithSecret; onDone: () => void }) {
  return (
    <section className="card new-key" aria-labelledby="new-secret-heading">
      <h2 id="new-secret-heading">Endpoint “{endpointName(created)}” saved</h2>
      <p className="warning">
        <strong>Copy the signing secret now</strong> and give it to your receiver to check signatures. You can reveal
        it again later under <em>Secret</em>.
      </p>
      <CopyField label="Signing secret" value={created.secret} autoFocus />
      <button type="button" className="button" onClick={onDone}>
        Done
      </button>
    </section>
  );
}

export function WebhooksPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const editing = searchParams.get('edit');
  const endpoints = useEndpoints();
  const eventTypes = useEventTypes();
  const channels = useChannels();
  const deleteEndpoint = useDeleteEndpoint();
  // Health is extra: the screen works without it (loading or failed, cards just show no figures).
  const health = useEndpointHealth('24h');
  const healthOf = (id: string) => {
    const found = health.data?.endpoints.find((entry) => entry.endpoint_id === id);
    return found && health.data ? <EndpointHealthFacts health={found} since={health.data.since} until={health.data.until} /> : undefined;
  };
  const [created, setCreated] = useState<EndpointWithSecret | null>(null);
  const [savedNote, setSavedNote] = useState<string | null>(null);
  const [toDelete, setToDelete] = useState<Endpoint | null>(null);

  const openForm = (id: string) => {
    setCreated(null);
    setSavedNote(null);
    setSearchParams({ edit: id });
  };
  const closeForm = () => setSearchParams({});
  const onSaved = (saved: SavedEndpoint) => {
    if (saved.secret !== undefined) setCreated(saved.endpoint);
    else setSavedNote(`Changes to “${endpointName(saved.endpoint)}” saved.`);
    closeForm();
  };

  const header = (
    <PageHeader title="Webhooks">
      Endpoints are the URLs the hub sends events to, signed and retried. Pick the events, give each a URL or use one
      for all, and test every URL before you save.
    </PageHeader>
  );

  const queries = [endpoints, eventTypes, channels];
  const failed = queries.find((query) => query.isError);
  if (failed) {
    return (
      <>
        {header}
        <ErrorState
          title="The webhooks could not be loaded."
          error={failed.error}
          onRetry={() => queries.forEach((query) => query.isError && void query.refetch())}
        />
      </>
    );
  }
  if (!endpoints.data || !eventTypes.data || !channels.data) {
    return (
      <>
        {header}
        <Loading label="Loading endpoints…" />
      </>
    );
  }

  const channelNames = new Map(channels.data.map((channel) => [channel.id, channel.name]));

  if (editing) {
    const endpoint = editing === 'new' ? undefined : endpoints.data.find((e) => e.id === editing);
    return (
      <>
        {header}
        {editing !== 'new' && !endpoint ? (
          <ErrorState title="This endpoint no longer exists." error={new Error('It may have been deleted.')} onRetry={closeForm} />
        ) : (
          <>
            {endpoint && healthOf(endpoint.id) && (
              <section className="card" aria-label="Health over the last 24 hours">
                {healthOf(endpoint.id)}
              </section>
            )}
            <EndpointForm
              key={editing}
              catalog={eventTypes.data}
              channels={channels.data}
              endpoint={endpoint}
              onSaved={onSaved}
              onCancel={closeForm}
            />
          </>
        )}
      </>
    );
  }

  return (
    <>
      {header}
      {created && <NewSecretNotice key={created.id} created={created} onDone={() => setCreated(null)} />}
      {savedNote && (
        <p className="notice" role="status">
          {savedNote}
        </p>
      )}
      <div className="section-bar">
        <h2 className="section-title">Endpoints</h2>
        <button type="button" className="button button-primary" onClick={() => openForm('new')}>
          Add endpoint
        </button>
      </div>
      {endpoints.data.length === 0 ? (
        <EmptyState title="No endpoints yet.">
          Choose <strong>Add endpoint</strong> to subscribe a URL to events: contacts created, messages delivered, leads
          captured and more. You test each URL before saving, so you know it works.
        </EmptyState>
      ) : (
        endpoints.data.map((endpoint) => (
          <EndpointCard
            key={endpoint.id}
            endpoint={endpoint}
            channelNames={channelNames}
            health={healthOf(endpoint.id)}
            onEdit={(e) => openForm(e.id)}
            onDelete={(e) => {
              deleteEndpoint.reset();
              setToDelete(e);
            }}
          />
        ))
      )}
      {toDelete && (
        <ConfirmDialog
          title={`Delete endpoint “${endpointName(toDelete)}”?`}
          confirmLabel="Delete endpoint"
          busyLabel="Deleting…"
          busy={deleteEndpoint.isPending}
          error={deleteEndpoint.error ? `The endpoint could not be deleted: ${errorMessage(deleteEndpoint.error)}` : undefined}
          onConfirm={() => deleteEndpoint.mutate(toDelete.id, { onSuccess: () => setToDelete(null) })}
          onCancel={() => setToDelete(null)}
        >
          <p>No more events will be sent to its URLs, and its deliveries and their attempts are deleted with it. This cannot be undone.</p>
        </ConfirmDialog>
      )}
    </>
  );
}
