import type { Delivery } from '../../api/types';
import { formatPreciseDate } from '../../ui/formatDate';
import { DeliveryStatusBadge, lastResult } from './DeliveryStatusBadge';
import { retryingLine } from './deliveryStatus';

interface DeliveriesTableProps {
  deliveries: Delivery[];
  endpointNames: Map<string, string>;
  onOpen: (delivery: Delivery) => void;
}

/** Deliveries, newest first; a row opens its detail. */
export function DeliveriesTable({ deliveries, endpointNames, onOpen }: DeliveriesTableProps) {
  return (
    <div className="card table-card">
      <table className="table table-clickable table-stack">
        <caption className="visually-hidden">Deliveries, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Created</th>
            <th scope="col">Event</th>
            <th scope="col">Endpoint and URL</th>
            <th scope="col">Status</th>
            <th scope="col">Attempts</th>
            <th scope="col">Last result</th>
          </tr>
        </thead>
        <tbody>
          {deliveries.map((delivery) => (
            <tr key={delivery.id} onClick={() => onOpen(delivery)}>
              <td className="nowrap" data-label="Created">{formatPreciseDate(delivery.created_at)}</td>
              <th scope="row" data-label="Event">
                <button
                  type="button"
                  className="link-button"
                  aria-label={`Open delivery of ${delivery.event_type} to ${delivery.url}`}
                  onClick={(event) => {
                    event.stopPropagation();
                    onOpen(delivery);
                  }}
                >
                  <code>{delivery.event_type}</code>
                </button>
              </th>
              <td data-label="Endpoint and URL">
                <span className="cell-title">{endpointNames.get(delivery.endpoint_id) ?? 'Endpoint'}</span>
                <span className="muted break-all cell-sub">{delivery.url}</span>
              </td>
              <td data-label="Status">
                <DeliveryStatusBadge delivery={delivery} />
                {retryingLine(delivery) ? (
                  <span className="muted cell-sub">{retryingLine(delivery)}</span>
                ) : (
                  delivery.status === 'pending' &&
                  delivery.next_attempt_at && <span className="muted cell-sub">Next try {formatPreciseDate(delivery.next_attempt_at)}</span>
                )}
              </td>
              <td data-label="Attempts">{delivery.attempt_count}</td>
              <td className="break-all" data-label="Last result">{lastResult(delivery)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
