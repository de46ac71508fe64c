import { useState } from 'react';
import type { ApiKey, CreatedApiKey } from '../../api/types';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { EmptyState, ErrorState, Loading, errorMessage } from '../../ui/PageStates';
import { PageHeader } from '../../ui/PageHeader';
import { ApiKeysTable } from './ApiKeysTable';
import { CreateApiKeyForm } from './CreateApiKeyForm';
import { NewKeyNotice } from './NewKeyNotice';
import { useApiKeys, useDeleteApiKey } from './useApiKeys';

export function ApiKeysPage() {
  const keys = useApiKeys();
  const deleteKey = useDeleteApiKey();
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const [toDelete, setToDelete] = useState<ApiKey | null>(null);

  const askDelete = (key: ApiKey) => {
    deleteKey.reset();
    setToDelete(key);
  };
  const confirmDelete = () => {
    if (!toDelete) return;
    deleteKey.mutate(toDelete.id, { onSuccess: () => setToDelete(null) });
  };

  let list;
  if (keys.isPending) list = <Loading label="Loading API keys…" />;
  else if (keys.isError)
    list = <ErrorState title="API keys could not be loaded." error={keys.error} onRetry={() => void keys.refetch()} />;
  else if (keys.data.length === 0)
    list = (
      <EmptyState title="No API keys yet.">
        Create one above to let your own systems call the hub with <code>Authorization: Bearer &lt;key&gt;</code>.
      </EmptyState>
    );
  else list = <ApiKeysTable keys={keys.data} onDelete={askDelete} />;

  return (
    <>
      <PageHeader title="API keys">
        Keys let your servers call the hub&apos;s API on behalf of this account. Treat them like passwords.
      </PageHeader>
      {created && <NewKeyNotice key={created.id} created={created} onDone={() => setCreated(null)} />}
      <CreateApiKeyForm onCreated={setCreated} />
      <h2 className="section-title">Your keys</h2>
      {list}
      {toDelete && (
        <ConfirmDialog
          title={`Delete key “${toDelete.name}”?`}
          confirmLabel="Delete key"
          busyLabel="Deleting…"
          busy={deleteKey.isPending}
          error={deleteKey.error ? `The key could not be deleted: ${errorMessage(deleteKey.error)}` : undefined}
          onConfirm={confirmDelete}
          onCancel={() => setToDelete(null)}
        >
          <p>
            Anything still using the key <code>{toDelete.prefix}…</code> will get 401 errors from now on. This cannot
            be undone.
          </p>
        </ConfirmDialog>
      )}
    </>
  );
}
