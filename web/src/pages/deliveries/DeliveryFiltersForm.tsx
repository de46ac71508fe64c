import type { Endpoint, EventType } from '../../api/types';
import { endpointName } from '../webhooks/endpointState';
import { hasFilters, type DeliveryFilters } from './deliveryFilters';

interface DeliveryFiltersFormProps {
  filters: DeliveryFilters;
  endpoints: Endpoint[];
  eventTypes: EventType[];
  onChange: (next: Partial<DeliveryFilters>) => void;
  onClear: () => void;
}

/** Filters of the delivery log; each change applies at once (they live in the URL). */
export function DeliveryFiltersForm({ filters, endpoints, eventTypes, onChange, onClear }: DeliveryFiltersFormProps) {
  const knownType = filters.event_type === '' || eventTypes.some((t) => t.type === filters.event_type);
  return (
    <form className="card filters" role="search" aria-label="Filter deliveries" onSubmit={(event) => event.preventDefault()}>
      <div className="field">
        <label htmlFor="filter-endpoint">Endpoint</label>
        <select id="filter-endpoint" value={filters.endpoint_id} onChange={(e) => onChange({ endpoint_id: e.target.value })}>
          <option value="">All endpoints</option>
          {endpoints.map((endpoint) => (
            <option key={endpoint.id} value={endpoint.id}>
              {endpointName(endpoint)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-event-type">Event type</label>
        <select id="filter-event-type" value={filters.event_type} onChange={(e) => onChange({ event_type: e.target.value })}>
          <option value="">All event types</option>
          {!knownType && <option value={filters.event_type}>{filters.event_type}</option>}
          {eventTypes.map((eventType) => (
            <option key={eventType.type} value={eventType.type}>
              {eventType.type}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-status">Status</label>
        <select
          id="filter-status"
          value={filters.status}
          onChange={(e) => onChange({ status: e.target.value as DeliveryFilters['status'] })}
        >
          <option value="">Any status</option>
          <option value="pending">Pending (not yet sent, or retrying)</option>
          <option value="retrying">Retrying (failed, will try again)</option>
          <option value="succeeded">Succeeded</option>
          <option value="failed">Failed</option>
        </select>
      </div>
      <div className="field field-time">
        <label htmlFor="filter-since">Since</label>
        <input id="filter-since" type="datetime-local" value={filters.since} onChange={(e) => onChange({ since: e.target.value })} />
      </div>
      <div className="field field-time">
        <label htmlFor="filter-until">Until</label>
        <input id="filter-until" type="datetime-local" value={filters.until} onChange={(e) => onChange({ until: e.target.value })} />
      </div>
      <button type="button" className="button filters-clear" onClick={onClear} disabled={!hasFilters(filters)}>
        Clear filters
      </button>
    </form>
  );
}
