import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { LoadMore } from '../../ui/LoadMore';
import { EmptyState, ErrorState, Loading } from '../../ui/PageStates';
import { PageHeader } from '../../ui/PageHeader';
import { ContactDetail } from './ContactDetail';
import { ContactForm } from './ContactForm';
import { ContactsTable } from './ContactsTable';
import { LookupList } from './LookupManager';
import { useContacts, useLookups } from './useContacts';
import { useDebouncedValue } from './useDebouncedValue';

export function ContactsPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const openId = searchParams.get('contact');
  const view = searchParams.get('view');
  const statusId = searchParams.get('status_id') ?? '';
  const sourceId = searchParams.get('source_id') ?? '';
  const [input, setInput] = useState('');
  const [note, setNote] = useState<string | null>(null);
  const search = useDebouncedValue(input.trim(), 300);
  const contacts = useContacts({ search, status_id: statusId, source_id: sourceId });
  const statuses = useLookups('statuses');
  const sources = useLookups('sources');
  const rows = contacts.data?.pages.flatMap((page) => page.items) ?? [];

  const go = (params: Record<string, string>) => setSearchParams(params);
  const backToList = () => {
    const params: Record<string, string> = {};
    if (statusId) params.status_id = statusId;
    if (sourceId) params.source_id = sourceId;
    go(params);
  };
  const setFilter = (key: 'status_id' | 'source_id', value: string) => {
    const params = new URLSearchParams(searchParams);
    if (value) params.set(key, value);
    else params.delete(key);
    setSearchParams(params, { replace: true });
  };

  const header = (
    <PageHeader title="Contacts">
      The people the hub knows about, from triggers, lead forms, inbound messages and the API. Open one to edit it.
    </PageHeader>
  );
  const back = (label: string) => (
    <button type="button" className="button button-small button-ghost back-button" onClick={() => { setNote(null); backToList(); }}>
      ← {label}
    </button>
  );
  const noteBanner = note && (
    <p className="notice" role="status">
      {note}
    </p>
  );

  if (view === 'lookups')
    return (
      <>
        {header}
        {back('Back to contacts')}
        <h2 className="section-title">Statuses and sources</h2>
        <p className="muted">Named lists to sort contacts by. Each contact has at most one status and one source.</p>
        <div className="details-grid">
          <LookupList kind="statuses" />
          <LookupList kind="sources" />
        </div>
      </>
    );

  if (openId) {
    if (statuses.isError || sources.isError)
      return (
        <>
          {header}
          <ErrorState
            title="Statuses and sources could not be loaded."
            error={statuses.error ?? sources.error}
            onRetry={() => void Promise.all([statuses.refetch(), sources.refetch()])}
          />
        </>
      );
    if (!statuses.data || !sources.data)
      return (
        <>
          {header}
          <Loading label="Loading…" />
        </>
      );
    return (
      <>
        {header}
        {openId === 'new' ? (
          <>
            {back('Back to contacts')}
            <ContactForm
              statuses={statuses.data}
              sources={sources.data}
              onSaved={(created) => {
                setNote('Contact created.');
                go({ contact: created.id });
              }}
              onCancel={backToList}
              onManageLookups={() => go({ view: 'lookups' })}
            />
          </>
        ) : (
          <>
            {noteBanner}
            <ContactDetail
              key={openId}
              id={openId}
              statuses={statuses.data}
              sources={sources.data}
              onBack={() => {
                setNote(null);
                backToList();
              }}
              onDeleted={() => {
                setNote('Contact deleted.');
                backToList();
              }}
              onManageLookups={() => go({ view: 'lookups' })}
            />
          </>
        )}
      </>
    );
  }

  const filtered = Boolean(search || statusId || sourceId);
  let body;
  if (contacts.isPending) body = <Loading label="Loading contacts…" />;
  else if (contacts.isError && !contacts.isFetchNextPageError)
    body = <ErrorState title="Contacts could not be loaded." error={contacts.error} onRetry={() => void contacts.refetch()} />;
  else if (rows.length === 0 && filtered)
    body = (
      <EmptyState title={search ? `No contacts match “${search}”.` : 'No contacts match these filters.'}>
        Check the spelling, search by another part of the name, email or phone number, or clear the filters.
      </EmptyState>
    );
  else if (rows.length === 0)
    body = (
      <EmptyState title="No contacts yet.">
        Contacts appear here as soon as the hub receives them: from an automation trigger webhook, a Meta or Google lead
        form, an inbound message, or the API. Or choose <strong>New contact</strong> to add one by hand.
      </EmptyState>
    );
  else
    body = (
      <>
        <ContactsTable contacts={rows} statuses={statuses.data ?? []} onOpen={(contact) => go({ contact: contact.id })} />
        <LoadMore
          count={rows.length}
          noun={['contact', 'contacts']}
          hasNextPage={contacts.hasNextPage}
          fetchingNextPage={contacts.isFetchingNextPage}
          onLoadMore={() => void contacts.fetchNextPage()}
          error={contacts.isFetchNextPageError ? contacts.error : undefined}
        />
      </>
    );

  return (
    <>
      {header}
      {noteBanner}
      <div className="section-bar">
        <h2 className="section-title">All contacts</h2>
        <div className="endpoint-actions">
          <button type="button" className="button" onClick={() => go({ view: 'lookups' })}>
            Statuses and sources
          </button>
          <button type="button" className="button button-primary" onClick={() => { setNote(null); go({ contact: 'new' }); }}>
            New contact
          </button>
        </div>
      </div>
      <form className="card filters" role="search" aria-label="Filter contacts" onSubmit={(event) => event.preventDefault()}>
        <div className="field field-search">
          <label htmlFor="contacts-search">Search contacts</label>
          <input id="contacts-search" type="search" placeholder="Name, email or phone" value={input} onChange={(event) => setInput(event.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="contacts-status">Status</label>
          <select id="contacts-status" value={statusId} onChange={(e) => setFilter('status_id', e.target.value)}>
            <option value="">Any status</option>
            {(statuses.data ?? []).map((status) => (
              <option key={status.id} value={status.id}>
                {status.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="contacts-source">Source</label>
          <select id="contacts-source" value={sourceId} onChange={(e) => setFilter('source_id', e.target.value)}>
            <option value="">Any source</option>
            {(sources.data ?? []).map((source) => (
              <option key={source.id} value={source.id}>
                {source.name}
              </option>
            ))}
          </select>
        </div>
        <p className="muted filters-status" role="status">
          {contacts.isFetching && !contacts.isFetchingNextPage && !contacts.isPending ? 'Searching…' : ''}
        </p>
      </form>
      {body}
    </>
  );
}
