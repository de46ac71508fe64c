import { useState } from 'react';
import { EmptyState, ErrorState, Loading, errorMessage } from '../../ui/PageStates';
import { PageHeader } from '../../ui/PageHeader';
import { ContactsTable } from './ContactsTable';
import { useContacts } from './useContacts';
import { useDebouncedValue } from './useDebouncedValue';

export function ContactsPage() {
  const [input, setInput] = useState('');
  const search = useDebouncedValue(input.trim(), 300);
  const contacts = useContacts(search);
  const rows = contacts.data?.pages.flatMap((page) => page.items) ?? [];

  let body;
  if (contacts.isPending) body = <Loading label="Loading contacts…" />;
  else if (contacts.isError && !contacts.isFetchNextPageError)
    body = (
      <ErrorState title="Contacts could not be loaded." error={contacts.error} onRetry={() => void contacts.refetch()} />
    );
  else if (rows.length === 0 && search)
    body = (
      <EmptyState title={`No contacts match “${search}”.`}>
        Check the spelling, or search by another part of the name, email or phone number.
      </EmptyState>
    );
  else if (rows.length === 0)
    body = (
      <EmptyState title="No contacts yet.">
        Contacts appear here as soon as the hub receives them: from an automation trigger webhook, a Meta or
        Google lead form, an inbound message, or a call to the API with one of your API keys.
      </EmptyState>
    );
  else
    body = (
      <>
        <ContactsTable contacts={rows} />
        <div className="table-footer">
          <p className="muted" role="status">
            {contacts.hasNextPage
              ? `Showing the first ${rows.length} contacts`
              : `Showing all ${rows.length} ${rows.length === 1 ? 'contact' : 'contacts'}`}
          </p>
          {contacts.hasNextPage && (
            <button
              type="button"
              className="button"
              onClick={() => void contacts.fetchNextPage()}
              disabled={contacts.isFetchingNextPage}
              aria-busy={contacts.isFetchingNextPage}
            >
              {contacts.isFetchingNextPage ? 'Loading…' : 'Load more'}
            </button>
          )}
        </div>
        {contacts.isFetchNextPageError && (
          <p className="form-error" role="alert">
            More contacts could not be loaded: {errorMessage(contacts.error)}
          </p>
        )}
      </>
    );

  return (
    <>
      <PageHeader title="Contacts">The people the hub knows about. Search by name, email or phone number.</PageHeader>
      <form className="toolbar" role="search" onSubmit={(event) => event.preventDefault()}>
        <label htmlFor="contacts-search">Search contacts</label>
        <input
          id="contacts-search"
          type="search"
          placeholder="Name, email or phone"
          value={input}
          onChange={(event) => setInput(event.target.value)}
        />
        {contacts.isFetching && !contacts.isFetchingNextPage && !contacts.isPending && (
          <span className="muted" role="status">
            Searching…
          </span>
        )}
      </form>
      {body}
    </>
  );
}
