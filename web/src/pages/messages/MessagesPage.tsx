import { useState } from 'react';
import { useSearchParams } from 'react-router';
import type { Channel, Message } from '../../api/types';
import { formatPreciseDate } from '../../ui/formatDate';
import { LoadMore } from '../../ui/LoadMore';
import { EmptyState, ErrorState, Loading, errorMessage } from '../../ui/PageStates';
import { PageHeader } from '../../ui/PageHeader';
import { useChannels } from '../webhooks/useEndpoints';
import { MessageDetail } from './MessageDetail';
import { ConversationView } from './ConversationView';
import { MessageStatusBadge, sourceLabel, statusLabel } from './MessageStatusBadge';
import { SendTestForm } from './SendTestForm';
import { FILTER_KEYS, MESSAGE_STATUSES, filtersFrom, useMessages, type MessageFilters } from './useMessages';
import { useDebouncedValue } from '../contacts/useDebouncedValue';

function MessagesTable({ messages, channels, onOpen }: { messages: Message[]; channels: Map<string, Channel>; onOpen: (m: Message) => void }) {
  return (
    <div className="card table-card">
      <table className="table table-clickable">
        <caption className="visually-hidden">Messages, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Created</th>
            <th scope="col">To</th>
            <th scope="col">Subject</th>
            <th scope="col">Channel</th>
            <th scope="col">Status</th>
            <th scope="col">Sent by</th>
          </tr>
        </thead>
        <tbody>
          {messages.map((m) => (
            <tr key={m.id} onClick={() => onOpen(m)}>
              <td className="nowrap">{formatPreciseDate(m.created_at)}</td>
              <th scope="row" className="break-all">
                <button
                  type="button"
                  className="link-button"
                  aria-label={m.direction === 'inbound' ? `Open message from ${m.from ?? ''}` : `Open message to ${m.to}`}
                  onClick={(event) => {
                    event.stopPropagation();
                    onOpen(m);
                  }}
                >
                  {m.direction === 'inbound' ? `From ${m.from ?? ''}` : m.to}
                </button>
              </th>
              <td className="break-all">{m.subject ?? <span className="muted">—</span>}</td>
              <td>{channels.get(m.channel_id)?.name ?? m.channel}</td>
              <td>
                <MessageStatusBadge status={m.status} />
                {m.error && <span className="attempt-error cell-sub break-all">{m.error}</span>}
              </td>
              <td>{sourceLabel(m)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function MessagesPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const urlFilters = filtersFrom(searchParams);
  const openId = searchParams.get('message');
  const conversationWith = searchParams.get('contact');
  const [toInput, setToInput] = useState(urlFilters.to);
  const to = useDebouncedValue(toInput.trim(), 300);
  const filters: MessageFilters = { ...urlFilters, to };
  const messages = useMessages(filters, !openId);
  const channels = useChannels();
  const [sending, setSending] = useState(false);
  const channelMap = new Map((channels.data ?? []).map((c) => [c.id, c]));

  const setFilters = (next: Partial<MessageFilters>) => {
    const params = new URLSearchParams();
    const merged = { ...filters, ...next };
    for (const key of FILTER_KEYS) if (merged[key]) params.set(key, merged[key]);
    setSearchParams(params, { replace: true });
  };
  const hrefFor = (id: string) => {
    const params = new URLSearchParams(searchParams);
    params.set('message', id);
    return `?${params.toString()}`;
  };

  const header = (
    <PageHeader title="Messages">
      Every email, WhatsApp message and SMS the hub sent — from workflows or the Send API — with its status as the
      provider reports it, and the WhatsApp messages it received.
    </PageHeader>
  );

  if (conversationWith && !openId)
    return (
      <>
        {header}
        <ConversationView
          key={conversationWith}
          contactId={conversationWith}
          onOpen={(id) => setSearchParams(new URLSearchParams(hrefFor(id).slice(1)))}
          onBack={() => setSearchParams({})}
        />
      </>
    );

  if (openId)
    return (
      <>
        {header}
        <MessageDetail
          key={openId}
          id={openId}
          channels={channelMap}
          onBack={() => {
            const params = new URLSearchParams(searchParams);
            params.delete('message');
            setSearchParams(params);
          }}
        />
      </>
    );

  const rows = messages.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = Boolean(filters.channel_id || filters.status || filters.to);
  let body;
  if (messages.isPending) body = <Loading label="Loading messages…" />;
  else if (messages.isError && !messages.isFetchNextPageError && rows.length === 0)
    body = <ErrorState title="Messages could not be loaded." error={messages.error} onRetry={() => void messages.refetch()} />;
  else if (rows.length === 0 && filtered)
    body = <EmptyState title="No messages match these filters.">Pick another channel or status, or clear the filters.</EmptyState>;
  else if (rows.length === 0)
    body = (
      <EmptyState title="No messages yet.">
        Messages appear here when a workflow step or the Send API sends one. Try <strong>Send a test message</strong>{' '}
        above.
      </EmptyState>
    );
  else
    body = (
      <>
        <MessagesTable messages={rows} channels={channelMap} onOpen={(m) => setSearchParams(new URLSearchParams(hrefFor(m.id).slice(1)))} />
        <LoadMore
          count={rows.length}
          noun={['message', 'messages']}
          hasNextPage={messages.hasNextPage}
          fetchingNextPage={messages.isFetchingNextPage}
          onLoadMore={() => void messages.fetchNextPage()}
          error={messages.isFetchNextPageError ? messages.error : undefined}
        />
        {messages.isRefetchError && (
          <p className="form-error" role="alert">
            The list could not be refreshed: {errorMessage(messages.error)}
          </p>
        )}
      </>
    );

  return (
    <>
      {header}
      <section className="card" aria-labelledby="send-test-heading">
        <div className="details-header">
          <h2 id="send-test-heading">Send a test message</h2>
          <button type="button" className="button button-small" aria-expanded={sending} aria-controls="send-test-panel" onClick={() => setSending((open) => !open)}>
            {sending ? 'Close' : 'Write one'}
          </button>
        </div>
        {sending ? (
          <div id="send-test-panel">
            {channels.isError ? (
              <ErrorState title="Channels could not be loaded." error={channels.error} onRetry={() => void channels.refetch()} />
            ) : channels.data ? (
              <SendTestForm channels={channels.data} hrefFor={hrefFor} />
            ) : (
              <Loading label="Loading channels…" />
            )}
          </div>
        ) : (
          <p className="field-hint" id="send-test-panel">
            Check a channel end to end: send one message through it, then follow its status here.
          </p>
        )}
      </section>
      <form className="card filters" role="search" aria-label="Filter messages" onSubmit={(event) => event.preventDefault()}>
        <div className="field">
          <label htmlFor="messages-channel">Channel</label>
          <select id="messages-channel" value={filters.channel_id} onChange={(e) => setFilters({ channel_id: e.target.value })}>
            <option value="">All channels</option>
            {(channels.data ?? []).map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="messages-status">Status</label>
          <select id="messages-status" value={filters.status} onChange={(e) => setFilters({ status: e.target.value as MessageFilters['status'] })}>
            <option value="">Any status</option>
            {MESSAGE_STATUSES.map((status) => (
              <option key={status} value={status}>
                {statusLabel(status)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="messages-to">Recipient</label>
          <input
            id="messages-to"
            type="search"
            placeholder="Email or phone"
            value={toInput}
            onChange={(e) => setToInput(e.target.value)}
            onBlur={() => setFilters({ to: toInput.trim() })}
          />
        </div>
        <button
          type="button"
          className="button filters-clear"
          disabled={!filtered}
          onClick={() => {
            setToInput('');
            setSearchParams({}, { replace: true });
          }}
        >
          Clear filters
        </button>
      </form>
      {body}
    </>
  );
}
