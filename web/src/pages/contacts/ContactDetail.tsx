import { useState } from 'react';
import { Link } from 'react-router';
import type { Contact, CrmLookup } from '../../api/types';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { formatDate } from '../../ui/formatDate';
import { ErrorState, Loading, errorMessage } from '../../ui/PageStates';
import { ContactForm } from './ContactForm';
import { fullName } from './contactFormModel';
import { useContact, useDeleteContact } from './useContacts';

interface ContactDetailProps {
  id: string;
  statuses: CrmLookup[];
  sources: CrmLookup[];
  onBack: () => void;
  onDeleted: (contact: Contact) => void;
  onManageLookups: () => void;
}

/** One contact: what the hub knows, its messages, and the edit form. */
export function ContactDetail({ id, statuses, sources, onBack, onDeleted, onManageLookups }: ContactDetailProps) {
  const contact = useContact(id);
  const remove = useDeleteContact();
  const [saved, setSaved] = useState(false);
  const [confirming, setConfirming] = useState(false);

  const back = (
    <button type="button" className="button button-small button-ghost back-button" onClick={onBack}>
      ← Back to contacts
    </button>
  );
  if (contact.isPending)
    return (
      <>
        {back}
        <Loading label="Loading the contact…" />
      </>
    );
  if (contact.isError)
    return (
      <>
        {back}
        <ErrorState title="This contact could not be loaded." error={contact.error} onRetry={() => void contact.refetch()} />
      </>
    );

  const c = contact.data;
  const name = fullName(c) || c.email || c.phone || 'Contact';
  const reach = c.email ?? c.phone;
  return (
    <>
      {back}
      <section className="card" aria-labelledby="contact-heading">
        <div className="details-header">
          <h2 id="contact-heading">{name}</h2>
          <div className="endpoint-actions">
            <Link className="button button-small" to={`/messages?contact=${encodeURIComponent(c.id)}`}>
              Conversation
            </Link>
            {reach && (
              <Link className="button button-small" to={`/messages?to=${encodeURIComponent(reach)}`}>
                Messages to this contact
              </Link>
            )}
            <button
              type="button"
              className="button button-small button-danger-ghost"
              onClick={() => {
                remove.reset();
                setConfirming(true);
              }}
            >
              Delete contact
            </button>
          </div>
        </div>
        <dl className="facts">
          <dt>Created</dt>
          <dd>{formatDate(c.created_at)}</dd>
          <dt>Updated</dt>
          <dd>{formatDate(c.updated_at)}</dd>
          <dt>Subscriptions</dt>
          <dd>{c.unsubscribed_at ? `Unsubscribed from everything on ${formatDate(c.unsubscribed_at)}` : 'Subscribed'}</dd>
        </dl>
      </section>
      {saved && (
        <p className="notice" role="status">
          Changes saved.
        </p>
      )}
      <ContactForm
        key={c.id}
        contact={c}
        statuses={statuses}
        sources={sources}
        onSaved={() => setSaved(true)}
        onCancel={onBack}
        onManageLookups={onManageLookups}
      />
      {confirming && (
        <ConfirmDialog
          title={`Delete ${name}?`}
          confirmLabel="Delete contact"
          busyLabel="Deleting…"
          busy={remove.isPending}
          error={remove.error ? `The contact could not be deleted: ${errorMessage(remove.error)}` : undefined}
          onConfirm={() => remove.mutate(c.id, { onSuccess: () => onDeleted(c) })}
          onCancel={() => setConfirming(false)}
        >
          <p>The contact leaves every group too. A later trigger or lead with the same email or phone creates it again.</p>
        </ConfirmDialog>
      )}
    </>
  );
}
