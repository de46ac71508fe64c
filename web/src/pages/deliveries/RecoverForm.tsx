import { useState } from 'react';
import type { Endpoint } from '../../api/types';
import { errorMessage } from '../../ui/PageStates';
import { endpointName } from '../webhooks/endpointState';
import { localToIso, toLocalInput } from './deliveryFilters';
import { useRecoverEndpoint } from './useDeliveries';

const DAY_MS = 24 * 60 * 60 * 1000;

/** "Recover failed since…": re-queue every failed delivery of one endpoint created since a time. */
export function RecoverForm({ endpoint }: { endpoint: Endpoint }) {
  const [since, setSince] = useState(() => toLocalInput(new Date(Date.now() - DAY_MS)));
  const recover = useRecoverEndpoint(endpoint.id);
  const iso = localToIso(since);

  return (
    <form
      className="card form-card"
      aria-label="Recover failed deliveries"
      onSubmit={(event) => {
        event.preventDefault();
        if (iso) recover.mutate(iso);
      }}
    >
      <h2>Recover failed deliveries</h2>
      <p className="field-hint">
        Fixed the receiver of “{endpointName(endpoint)}”? Send every delivery that failed since a time again, each as a new
        attempt.
      </p>
      <div className="inline-form">
        <div className="field">
          <label htmlFor="recover-since">Failed since</label>
          <input id="recover-since" type="datetime-local" value={since} onChange={(e) => setSince(e.target.value)} required />
        </div>
        <button type="submit" className="button button-primary" disabled={!iso || recover.isPending} aria-busy={recover.isPending}>
          {recover.isPending ? 'Recovering…' : 'Recover failed since…'}
        </button>
      </div>
      {recover.isSuccess && (
        <p className="notice" role="status">
          {recover.data === 0
            ? 'No failed deliveries since then: nothing to recover.'
            : `Re-queued ${recover.data} failed ${recover.data === 1 ? 'delivery' : 'deliveries'}.`}
        </p>
      )}
      {recover.error && (
        <p className="form-error" role="alert">
          Nothing was recovered: {errorMessage(recover.error)}
        </p>
      )}
    </form>
  );
}
