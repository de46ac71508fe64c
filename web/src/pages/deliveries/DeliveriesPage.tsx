import { useSearchParams } from 'react-router';
import type { Delivery } from '../../api/types';
import { EmptyState, ErrorState, Loading, errorMessage } from '../../ui/PageStates';
import { PageHeader } from '../../ui/PageHeader';
import { formatPreciseDate } from '../../ui/formatDate';
import { useEventTypes } from '../event-types/useEventTypes';
import { endpointName } from '../webhooks/endpointState';
import { useEndpoints } from '../webhooks/useEndpoints';
import { DeliveriesTable } from './DeliveriesTable';
import { DeliveryDetail } from './DeliveryDetail';
import { DeliveryFiltersForm } from './DeliveryFiltersForm';
import { FILTER_KEYS, filtersFrom, hasFilters, type DeliveryFilters } from './deliveryFilters';
import { RecoverForm } from './RecoverForm';
import { useDeliveries } from './useDeliveries';

export function DeliveriesPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = filtersFrom(searchParams);
  const openId = searchParams.get('delivery');
  const endpoints = useEndpoints();
  const eventTypes = useEventTypes();
  const deliveries = useDeliveries(filters);

  const endpointNames = new Map((endpoints.data ?? []).map((endpoint) => [endpoint.id, endpointName(endpoint)]));
  const filteredEndpoint = endpoints.data?.find((endpoint) => endpoint.id === filters.endpoint_id);

  const setFilters = (next: Partial<DeliveryFilters>) => {
    const params = new URLSearchParams();
    const merged = { ...filters, ...next };
    for (const key of FILTER_KEYS) if (merged[key]) params.set(key, merged[key]);
    setSearchParams(params, { replace: true });
  };
  const open = (delivery: Delivery) => {
    const params = new URLSearchParams(searchParams);
    params.set('delivery', delivery.id);
    setSearchParams(params);
  };
  const close = () => {
    const params = new URLSearchParams(searchParams);
    params.delete('delivery');
    setSearchParams(params);
  };

  const header = (
    <PageHeader title="Delivery log">
      Every event sent to your endpoints, newest first, with each attempt. It refreshes by itself every few seconds.
    </PageHeader>
  );
  const attemptedWindow = (filters.attempted_since || filters.attempted_until) && (
    <p className="notice" role="status">
      Only deliveries with an attempt made {filters.attempted_since ? `from ${formatPreciseDate(filters.attempted_since)}` : ''}
      {filters.attempted_until ? ` until ${formatPreciseDate(filters.attempted_until)}` : ''} (from the overview).{' '}
      <button type="button" className="button button-small" onClick={() => setFilters({ attempted_since: '', attempted_until: '' })}>
        Any attempt time
      </button>
    </p>
  );

  if (openId) {
    return (
      <>
        {header}
        <DeliveryDetail key={openId} id={openId} endpointNames={endpointNames} onBack={close} />
      </>
    );
  }

  const rows = deliveries.data?.pages.flatMap((page) => page.items) ?? [];
  let body;
  if (deliveries.isPending) body = <Loading label="Loading deliveries…" />;
  else if (deliveries.isError && !deliveries.isFetchNextPageError && rows.length === 0)
    body = <ErrorState title="Deliveries could not be loaded." error={deliveries.error} onRetry={() => void deliveries.refetch()} />;
  else if (rows.length === 0 && hasFilters(filters))
    body = (
      <EmptyState title="No deliveries match these filters.">
        Widen the time range, pick another status or endpoint, or clear the filters.
      </EmptyState>
    );
  else if (rows.length === 0)
    body = (
      <EmptyState title="No deliveries yet.">
        Deliveries appear here as soon as an event goes to one of your endpoints. Add an endpoint under{' '}
        <strong>Webhooks</strong>, then publish an event or wait for one (a new contact, a message status, a lead).
      </EmptyState>
    );
  else
    body = (
      <>
        <DeliveriesTable deliveries={rows} endpointNames={endpointNames} onOpen={open} />
        <div className="table-footer">
          <p className="muted" role="status">
            {deliveries.hasNextPage
              ? `Showing the latest ${rows.length} ${rows.length === 1 ? 'delivery' : 'deliveries'}`
              : `Showing all ${rows.length} ${rows.length === 1 ? 'delivery' : 'deliveries'}`}
          </p>
          {deliveries.hasNextPage && (
            <button
              type="button"
              className="button"
              onClick={() => void deliveries.fetchNextPage()}
              disabled={deliveries.isFetchingNextPage}
              aria-busy={deliveries.isFetchingNextPage}
            >
              {deliveries.isFetchingNextPage ? 'Loading…' : 'Load more'}
            </button>
          )}
        </div>
        {deliveries.isError && (
          <p className="form-error" role="alert">
            {deliveries.isFetchNextPageError ? 'More deliveries could not be loaded' : 'The list could not be refreshed'}:{' '}
            {errorMessage(deliveries.error)}
          </p>
        )}
      </>
    );

  return (
    <>
      {header}
      <DeliveryFiltersForm
        filters={filters}
        endpoints={endpoints.data ?? []}
        eventTypes={eventTypes.data ?? []}
        onChange={setFilters}
        onClear={() => setSearchParams({}, { replace: true })}
      />
      {attemptedWindow}
      {filteredEndpoint && <RecoverForm key={filteredEndpoint.id} endpoint={filteredEndpoint} />}
      {body}
    </>
  );
}
