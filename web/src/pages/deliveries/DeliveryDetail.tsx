import { useState } from 'react';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { formatPreciseDate } from '../../ui/formatDate';
import { EmptyState, ErrorState, Loading, errorMessage } from '../../ui/PageStates';
import { AttemptList } from './AttemptList';
import { DeliveryStatusBadge, lastResult } from './DeliveryStatusBadge';
import { retryingLine } from './deliveryStatus';
import { useDelivery, useRetryDelivery } from './useDeliveries';

interface DeliveryDetailProps {
  id: string;
  endpointNames: Map<string, string>;
  onBack: () => void;
}

/** One delivery: its event, every attempt, and Retry. Refreshes while open. */
export function DeliveryDetail({ id, endpointNames, onBack }: DeliveryDetailProps) {
  const delivery = useDelivery(id);
  const retry = useRetryDelivery(id);
  // A delivery that already succeeded is sent again only once the admin says so: the receiver gets it twice.
  const [confirmResend, setConfirmResend] = useState(false);

  const back = (
    <button type="button" className="button button-small button-ghost back-button" onClick={onBack}>
      ← Back to deliveries
    </button>
  );
  if (delivery.isPending) {
    return (
      <>
        {back}
        <Loading label="Loading the delivery…" />
      </>
    );
  }
  if (delivery.isError) {
    return (
      <>
        {back}
        <ErrorState title="This delivery could not be loaded." error={delivery.error} onRetry={() => void delivery.refetch()} />
      </>
    );
  }

  const d = delivery.data;
  return (
    <>
      {back}
      <section className="card" aria-labelledby="delivery-heading">
        <div className="details-header">
          <h2 id="delivery-heading">
            Delivery of <code>{d.event_type}</code> <DeliveryStatusBadge delivery={d} />
          </h2>
          <button
            type="button"
            className="button button-primary"
            onClick={() => (d.status === 'succeeded' ? setConfirmResend(true) : retry.mutate())}
            disabled={retry.isPending}
            aria-busy={retry.isPending}
          >
            {retry.isPending ? 'Retrying…' : 'Retry'}
          </button>
        </div>
        {retryingLine(d) && <p className="notice">Retrying · {retryingLine(d)}</p>}
        {confirmResend && (
          <ConfirmDialog
            title="Send this delivery again?"
            confirmLabel="Send again"
            busyLabel="Sending…"
            busy={retry.isPending}
            error={retry.error ? `It could not be queued: ${errorMessage(retry.error)}` : undefined}
            onConfirm={() => retry.mutate(undefined, { onSuccess: () => setConfirmResend(false) })}
            onCancel={() => setConfirmResend(false)}
          >
            <p>
              This delivery already succeeded; send it again to <span className="break-all">{d.url}</span>? The receiver gets the
              same event (same <code>webhook-id</code>) a second time.
            </p>
          </ConfirmDialog>
        )}
        {retry.error && !confirmResend && (
          <p className="form-error" role="alert">
            The retry could not be queued: {errorMessage(retry.error)}
          </p>
        )}
        {retry.isSuccess && (
          <p className="notice" role="status">
            A new attempt is queued; it appears below within seconds.
          </p>
        )}
        <dl className="facts">
          <dt>Endpoint</dt>
          <dd>{endpointNames.get(d.endpoint_id) ?? d.endpoint_id}</dd>
          <dt>URL</dt>
          <dd className="break-all">{d.url}</dd>
          <dt>Created</dt>
          <dd>{formatPreciseDate(d.created_at)}</dd>
          <dt>{d.status === 'pending' ? 'Next attempt' : 'Completed'}</dt>
          <dd>{formatPreciseDate(d.status === 'pending' ? d.next_attempt_at : d.completed_at)}</dd>
          <dt>Attempts</dt>
          <dd>
            {d.attempt_count} · last result {lastResult(d)}
          </dd>
          <dt>Event id</dt>
          <dd>
            <code>{d.event_id}</code> (the <code>webhook-id</code> header, the same on every attempt)
          </dd>
        </dl>
      </section>

      <section className="card" aria-labelledby="delivery-attempts-heading">
        <h3 id="delivery-attempts-heading">Attempts</h3>
        {d.attempts.length === 0 ? (
          <EmptyState title="No attempt yet.">
            The first attempt is queued{d.next_attempt_at ? ` for ${formatPreciseDate(d.next_attempt_at)}` : ''}. This
            page refreshes by itself.
          </EmptyState>
        ) : (
          <AttemptList attempts={d.attempts} />
        )}
      </section>
      <section className="card" aria-labelledby="delivery-event-heading">
        <h3 id="delivery-event-heading">Event</h3>
        {d.event ? (
          <pre className="code-block" tabIndex={0} aria-label="Event payload">
            {JSON.stringify(d.event, null, 2)}
          </pre>
        ) : (
          <p className="muted">The event is no longer stored: it was purged after the retention period.</p>
        )}
      </section>
    </>
  );
}
