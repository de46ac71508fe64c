import { useId, useState } from 'react';
import type { CrmLookup } from '../../api/types';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { ErrorState, Loading, errorMessage } from '../../ui/PageStates';
import { useUnsavedChanges } from '../../ui/useUnsavedChanges';
import { useCreateLookup, useDeleteLookup, useLookups, useRenameLookup, type LookupKind } from './useContacts';

const WORDS: Record<LookupKind, { one: string; title: string; example: string; hint: string }> = {
  statuses: { one: 'status', title: 'Statuses', example: 'e.g. Qualified', hint: 'Where a contact stands: New, Qualified, Customer…' },
  sources: { one: 'source', title: 'Sources', example: 'e.g. Landing page', hint: 'Where a contact came from: Landing page, Meta ads, Referral…' },
};

function LookupRow({ kind, item, onDelete }: { kind: LookupKind; item: CrmLookup; onDelete: (item: CrmLookup) => void }) {
  const rename = useRenameLookup(kind);
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(item.name);
  const id = useId();
  const { one } = WORDS[kind];
  useUnsavedChanges({ dirty: editing && name.trim() !== item.name, what: `the new name of ${one} “${item.name}”` });

  if (editing)
    return (
      <li className="lookup-row">
        <form
          className="inline-form"
          aria-label={`Rename ${one} ${item.name}`}
          onSubmit={(event) => {
            event.preventDefault();
            if (!name.trim()) return;
            rename.mutate({ id: item.id, name: name.trim() }, { onSuccess: () => setEditing(false) });
          }}
        >
          <div className="field">
            <label htmlFor={id} className="visually-hidden">
              New name for {item.name}
            </label>
            <input id={id} type="text" value={name} onChange={(e) => setName(e.target.value)} autoFocus />
            {rename.error && <p className="field-error">{errorMessage(rename.error)}</p>}
          </div>
          <button type="submit" className="button button-small button-primary" disabled={rename.isPending || !name.trim()}>
            {rename.isPending ? 'Saving…' : 'Save'}
          </button>
          <button type="button" className="button button-small" onClick={() => setEditing(false)}>
            Cancel
          </button>
        </form>
      </li>
    );
  return (
    <li className="lookup-row">
      <span>{item.name}</span>
      <span className="lookup-actions">
        <button
          type="button"
          className="button button-small button-ghost"
          aria-label={`Rename ${one} ${item.name}`}
          onClick={() => {
            setName(item.name);
            rename.reset();
            setEditing(true);
          }}
        >
          Rename
        </button>
        <button type="button" className="button button-small button-danger-ghost" aria-label={`Delete ${one} ${item.name}`} onClick={() => onDelete(item)}>
          Delete
        </button>
      </span>
    </li>
  );
}

/** One list of names (statuses or sources): add, rename, delete. */
export function LookupList({ kind }: { kind: LookupKind }) {
  const items = useLookups(kind);
  const create = useCreateLookup(kind);
  const remove = useDeleteLookup(kind);
  const [name, setName] = useState('');
  const [toDelete, setToDelete] = useState<CrmLookup | null>(null);
  const words = WORDS[kind];
  const inputId = `new-${kind}`;
  useUnsavedChanges({ dirty: name.trim() !== '', what: `the new ${words.one}` });

  return (
    <section className="card" aria-labelledby={`${kind}-heading`}>
      <h3 id={`${kind}-heading`}>{words.title}</h3>
      <p className="field-hint">{words.hint}</p>
      {items.isPending ? (
        <Loading label={`Loading ${kind}…`} />
      ) : items.isError ? (
        <ErrorState title={`${words.title} could not be loaded.`} error={items.error} onRetry={() => void items.refetch()} />
      ) : items.data.length === 0 ? (
        <p className="muted">None yet: add the first below.</p>
      ) : (
        <ul className="lookup-list">
          {items.data.map((item) => (
            <LookupRow key={item.id} kind={kind} item={item} onDelete={(i) => { remove.reset(); setToDelete(i); }} />
          ))}
        </ul>
      )}
      <form
        className="inline-form"
        aria-label={`Add a ${words.one}`}
        onSubmit={(event) => {
          event.preventDefault();
          if (!name.trim()) return;
          create.mutate(name.trim(), { onSuccess: () => setName('') });
        }}
      >
        <div className="field">
          <label htmlFor={inputId}>New {words.one}</label>
          <input id={inputId} type="text" placeholder={words.example} value={name} onChange={(e) => setName(e.target.value)} />
          {create.error && <p className="field-error">{errorMessage(create.error)}</p>}
        </div>
        <button type="submit" className="button" disabled={create.isPending || !name.trim()} aria-busy={create.isPending}>
          {create.isPending ? 'Adding…' : `Add ${words.one}`}
        </button>
      </form>
      {toDelete && (
        <ConfirmDialog
          title={`Delete ${words.one} “${toDelete.name}”?`}
          confirmLabel={`Delete ${words.one}`}
          busyLabel="Deleting…"
          busy={remove.isPending}
          error={remove.error ? `It could not be deleted: ${errorMessage(remove.error)}` : undefined}
          onConfirm={() => remove.mutate(toDelete.id, { onSuccess: () => setToDelete(null) })}
          onCancel={() => setToDelete(null)}
        >
          <p>Contacts with this {words.one} keep everything else and have no {words.one} from then on.</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
