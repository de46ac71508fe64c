import { useState } from 'react';
import type { Endpoint } from '../../api/types';
import { errorMessage } from '../../ui/PageStates';
import { endpointName } from '../webhooks/endpointState';
import { localToIso, toLocalInput } from './deliveryFilters';
import { ResendDialog } from './ResendDialog';
import { useRecoverEndpoint, useRetryFailing, type Resend } from './useDeliveries';

const DAY_MS = 24 * 60 * 60 * 1000;
const plural = (n: number) => `${n} ${n === 1 ? 'delivery' : 'deliveries'}`;

/**
 * An endpoint's recovery actions, each counted first and confirmed:
 * "Retry failing deliveries now" (retrying and failed ones alike) and
 * "Recover failed since…" (failed ones created since a time).
 */
export function RecoverForm({ endpoint }: { endpoint: Endpoint }) {
  const [since, setSince] = useState(() => toLocalInput(new Date(Date.now() - DAY_MS)));
  const recover = useRecoverEndpoint(endpoint.id);
  const retryFailing = useRetryFailing(endpoint.id);
  const [asking, setAsking] = useState<{ action: 'recover' | 'retry-failing'; counted: Resend } | null>(null);
  const [sent, setSent] = useState<string | null>(null);
  const [nothing, setNothing] = useState<string | null>(null);
  const iso = localToIso(since);

  const counted = (action: 'recover' | 'retry-failing', result: Resend, none: string) => {
    setSent(null);
    if (result.count === 0) setNothing(none);
    else {
      setNothing(null);
      setAsking({ action, counted: result });
    }
  };
  const send = () => {
    const done = (result: Resend) => {
      setAsking(null);
      setSent(`Sending ${plural(result.count)} now; their new attempts appear below within seconds.`);
    };
    if (asking?.action === 'recover' && iso) recover.mutate({ since: iso, dryRun: false }, { onSuccess: done });
    if (asking?.action === 'retry-failing') retryFailing.mutate({ dryRun: false }, { onSuccess: done });
  };
  const countError = (recover.data?.dry_run !== false && recover.error) || (retryFailing.data?.dry_run !== false && retryFailing.error);

  return (
    <section className="card form-card" aria-labelledby="recover-heading">
      <h2 id="recover-heading">Recover deliveries of “{endpointName(endpoint)}”</h2>
      <p className="field-hint">Fixed the receiver? Send its failing deliveries again now instead of waiting for their next try.</p>
      <div className="inline-form">
        <button
          type="button"
          className="button button-primary"
          disabled={retryFailing.isPending}
          aria-busy={retryFailing.isPending}
          onClick={() =>
            retryFailing.mutate(
              { dryRun: true },
              { onSuccess: (r) => counted('retry-failing', r, 'No retrying or failed deliveries: nothing to send.') },
            )
          }
        >
          Retry failing deliveries now
        </button>
      </div>
      <form
        aria-label="Recover failed deliveries"
        onSubmit={(event) => {
          event.preventDefault();
          if (iso) recover.mutate({ since: iso, dryRun: true }, { onSuccess: (r) => counted('recover', r, 'No failed deliveries since then: nothing to recover.') });
        }}
      >
        <div className="inline-form">
          <div className="field">
            <label htmlFor="recover-since">Failed since</label>
            <input id="recover-since" type="datetime-local" value={since} onChange={(e) => setSince(e.target.value)} required />
          </div>
          <button type="submit" className="button" disabled={!iso || recover.isPending} aria-busy={recover.isPending}>
            Recover failed since…
          </button>
        </div>
      </form>
      {nothing && (
        <p className="notice" role="status">
          {nothing}
        </p>
      )}
      {sent && (
        <p className="notice" role="status">
          {sent}
        </p>
      )}
      {countError && !asking && (
        <p className="form-error" role="alert">
          The deliveries could not be counted: {errorMessage(countError)}
        </p>
      )}
      {asking && (
        <ResendDialog
          title={asking.action === 'recover' ? 'Recover failed deliveries?' : 'Retry failing deliveries now?'}
          counted={asking.counted}
          busy={recover.isPending || retryFailing.isPending}
          error={asking.action === 'recover' ? recover.error : retryFailing.error}
          onConfirm={send}
          onCancel={() => setAsking(null)}
        />
      )}
    </section>
  );
}
