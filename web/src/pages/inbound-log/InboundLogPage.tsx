import { useSearchParams } from 'react-router';
import type { InboundLog } from '../../api/types';
import { LoadMore } from '../../ui/LoadMore';
import { EmptyState, ErrorState, Loading, errorMessage } from '../../ui/PageStates';
import { PageHeader } from '../../ui/PageHeader';
import { InboundLogDetail } from './InboundLogDetail';
import { FILTER_KEYS, filtersFrom, hasFilters, type InboundLogFilters } from './inboundLogFilters';
import { InboundLogFiltersForm } from './InboundLogFiltersForm';
import { InboundLogTable } from './InboundLogTable';
import { useInboundLogs } from './useInboundLogs';

export function InboundLogPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = filtersFrom(searchParams);
  const openId = searchParams.get('log');
  const logs = useInboundLogs(filters, !openId);

  const setFilters = (next: Partial<InboundLogFilters>) => {
    const params = new URLSearchParams();
    const merged = { ...filters, ...next };
    for (const key of FILTER_KEYS) if (merged[key]) params.set(key, merged[key]);
    setSearchParams(params, { replace: true });
  };
  const hrefFor = (id: string) => {
    const params = new URLSearchParams(searchParams);
    params.set('log', id);
    return `?${params.toString()}`;
  };
  const open = (log: InboundLog) => {
    const params = new URLSearchParams(searchParams);
    params.set('log', log.id);
    setSearchParams(params);
  };
  const close = () => {
    const params = new URLSearchParams(searchParams);
    params.delete('log');
    setSearchParams(params);
  };

  const header = (
    <PageHeader title="Inbound log">
      Every request the hub received — automation triggers, lead forms, email provider and WhatsApp webhooks — stored
      before it was answered, with what the hub answered. Open one to see its payload, or replay it.
    </PageHeader>
  );

  if (openId)
    return (
      <>
        {header}
        <InboundLogDetail key={openId} id={openId} hrefFor={hrefFor} onBack={close} />
      </>
    );

  const rows = logs.data?.pages.flatMap((page) => page.items) ?? [];
  let body;
  if (logs.isPending) body = <Loading label="Loading inbound requests…" />;
  else if (logs.isError && !logs.isFetchNextPageError && rows.length === 0)
    body = <ErrorState title="The inbound log could not be loaded." error={logs.error} onRetry={() => void logs.refetch()} />;
  else if (rows.length === 0 && hasFilters(filters))
    body = (
      <EmptyState title="No requests match these filters.">
        Pick an earlier time, another source or outcome, or clear the filters.
      </EmptyState>
    );
  else if (rows.length === 0)
    body = (
      <EmptyState title="No inbound requests yet.">
        Requests appear here as soon as something calls the hub. Create a workflow under <strong>Workflows</strong> and
        POST to its trigger URL, or point an email provider at a channel’s webhook URL under <strong>Channels</strong>.
      </EmptyState>
    );
  else
    body = (
      <>
        <InboundLogTable logs={rows} onOpen={open} />
        <LoadMore
          count={rows.length}
          noun={['request', 'requests']}
          hasNextPage={logs.hasNextPage}
          fetchingNextPage={logs.isFetchingNextPage}
          onLoadMore={() => void logs.fetchNextPage()}
          error={logs.isFetchNextPageError ? logs.error : undefined}
        />
        {logs.isRefetchError && (
          <p className="form-error" role="alert">
            The list could not be refreshed: {errorMessage(logs.error)}
          </p>
        )}
      </>
    );

  return (
    <>
      {header}
      <InboundLogFiltersForm
        filters={filters}
        seenSources={[...new Set(rows.map((row) => row.source))]}
        onChange={setFilters}
        onClear={() => setSearchParams({}, { replace: true })}
      />
      {body}
    </>
  );
}
