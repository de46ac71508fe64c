import { useState } from 'react';
import { useSearchParams } from 'react-router';
import type { LeadProvider, LeadSource } from '../../api/types';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { PageHeader } from '../../ui/PageHeader';
import { EmptyState, ErrorState, Loading, errorMessage } from '../../ui/PageStates';
import { LeadSourceForm, type SavedLeadSource } from './LeadSourceForm';
import { LeadSourcesTable } from './LeadSourcesTable';
import { PROVIDER_LABELS } from './leadSourceFormModel';
import { RecentLeads } from './RecentLeads';
import { TestLeadPanel } from './TestLeadPanel';
import { useDeleteLeadSource, useLeadSources } from './useLeadSources';
import { WebhookSetupPanel } from './WebhookSetupPanel';

const PROVIDERS: LeadProvider[] = ['meta', 'google'];
const PROVIDER_HINTS: Record<LeadProvider, string> = {
  meta: 'Leads from the lead forms of a Facebook or Instagram page',
  google: 'Leads from a Google Ads lead form asset',
};

export function LeadSourcesPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const editing = searchParams.get('edit');
  const newProvider = searchParams.get('provider') as LeadProvider | null;
  const sources = useLeadSources(!editing);
  const deleteSource = useDeleteLeadSource();
  const [note, setNote] = useState<string | null>(null);
  /** The verify token or key just saved, shown once beside the webhook URL. */
  const [pasted, setPasted] = useState<SavedLeadSource['pasted']>({});
  const [toDelete, setToDelete] = useState<LeadSource | null>(null);

  const close = () => {
    setPasted({});
    setSearchParams({});
    // Back on the list: show what changed while the source was open (its last lead, its last error).
    void sources.refetch();
  };
  const onSaved = ({ source, created, pasted: justSaved }: SavedLeadSource) => {
    setPasted(justSaved);
    if (created) {
      setNote(`Source “${source.name}” created. Paste its webhook URL${justSaved.verify_token || justSaved.google_key ? ' and the value shown once' : ''} at ${source.provider === 'meta' ? 'Meta' : 'Google'}, as explained below.`);
      setSearchParams({ edit: source.id });
    } else {
      setNote(`Changes to “${source.name}” saved.`);
    }
  };

  const header = (
    <PageHeader title="Lead sources">
      A lead source receives the leads of a Meta (Facebook, Instagram) lead form or a Google Ads lead form. Each lead
      becomes a contact, can enrol into a workflow, and is sent to your webhooks as <code>lead.captured</code>.
    </PageHeader>
  );

  if (sources.isPending)
    return (
      <>
        {header}
        <Loading label="Loading lead sources…" />
      </>
    );
  if (sources.isError)
    return (
      <>
        {header}
        <ErrorState title="Lead sources could not be loaded." error={sources.error} onRetry={() => void sources.refetch()} />
      </>
    );

  const noteBanner = note && (
    <p className="notice" role="status">
      {note}
    </p>
  );

  if (editing) {
    const source = editing === 'new' ? undefined : sources.data.find((s) => s.id === editing);
    const provider = source?.provider ?? (newProvider && PROVIDERS.includes(newProvider) ? newProvider : null);
    return (
      <>
        {header}
        <button type="button" className="button button-small button-ghost back-button" onClick={() => { setNote(null); close(); }}>
          ← Back to lead sources
        </button>
        {noteBanner}
        {editing !== 'new' && !source ? (
          <ErrorState title="This lead source no longer exists." error={new Error('It may have been deleted.')} onRetry={close} />
        ) : provider === null ? (
          <ErrorState title="Choose where the leads come from." error={new Error('Go back and pick Meta or Google.')} onRetry={close} />
        ) : (
          <>
            {source && <WebhookSetupPanel source={source} pasted={pasted} />}
            <LeadSourceForm key={editing} provider={provider} source={source} onSaved={onSaved} onCancel={close} />
            {source && (
              <>
                <TestLeadPanel source={source} />
                <RecentLeads source={source} />
              </>
            )}
          </>
        )}
      </>
    );
  }

  return (
    <>
      {header}
      {noteBanner}
      <section className="card" aria-labelledby="add-source-heading">
        <h2 id="add-source-heading">Add a lead source</h2>
        <ul className="type-choices">
          {PROVIDERS.map((provider) => (
            <li key={provider}>
              <button
                type="button"
                className="button type-choice"
                onClick={() => {
                  setNote(null);
                  setSearchParams({ edit: 'new', provider });
                }}
              >
                <span className="type-choice-title">Add {PROVIDER_LABELS[provider]}</span>
                <span className="muted type-choice-hint">{PROVIDER_HINTS[provider]}</span>
              </button>
            </li>
          ))}
        </ul>
      </section>
      <h2 className="section-title">Your lead sources</h2>
      {sources.data.length === 0 ? (
        <EmptyState title="No lead sources yet.">
          Add one above, paste its webhook URL at Meta or Google, and every new lead becomes a contact here.
        </EmptyState>
      ) : (
        <LeadSourcesTable
          sources={sources.data}
          onEdit={(source) => {
            setNote(null);
            setPasted({});
            setSearchParams({ edit: source.id });
          }}
          onDelete={(source) => {
            deleteSource.reset();
            setToDelete(source);
          }}
        />
      )}
      {toDelete && (
        <ConfirmDialog
          title={`Delete lead source “${toDelete.name}”?`}
          confirmLabel="Delete source"
          busyLabel="Deleting…"
          busy={deleteSource.isPending}
          error={deleteSource.error ? `The source could not be deleted: ${errorMessage(deleteSource.error)}` : undefined}
          onConfirm={() =>
            deleteSource.mutate(toDelete.id, {
              onSuccess: () => {
                setNote(`Lead source “${toDelete.name}” deleted.`);
                setToDelete(null);
              },
            })
          }
          onCancel={() => setToDelete(null)}
        >
          <p>
            {toDelete.provider === 'meta' ? 'Meta’s' : 'Google’s'} requests for it are refused from now on, so new leads
            from its form are lost until you set up a source again. The contacts it made stay. This cannot be undone.
          </p>
        </ConfirmDialog>
      )}
    </>
  );
}
