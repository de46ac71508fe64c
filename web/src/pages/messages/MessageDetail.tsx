import { Link } from 'react-router';
import type { Channel } from '../../api/types';
import { formatPreciseDate } from '../../ui/formatDate';
import { ErrorState, Loading } from '../../ui/PageStates';
import { MessageStatusBadge } from './MessageStatusBadge';
import { ProviderEventsTimeline } from './ProviderEventsTimeline';
import { useMessage } from './useMessages';

interface MessageDetailProps {
  id: string;
  channels: Map<string, Channel>;
  onBack: () => void;
}

/** One message: where it went, its status now and every status it had, what the provider reported, and what was sent. */
export function MessageDetail({ id, channels, onBack }: MessageDetailProps) {
  const message = useMessage(id);
  const back = (
    <button type="button" className="button button-small button-ghost back-button" onClick={onBack}>
      ← Back to messages
    </button>
  );
  if (message.isPending)
    return (
      <>
        {back}
        <Loading label="Loading the message…" />
      </>
    );
  if (message.isError)
    return (
      <>
        {back}
        <ErrorState title="This message could not be loaded." error={message.error} onRetry={() => void message.refetch()} />
      </>
    );

  const m = message.data;
  const channel = channels.get(m.channel_id);
  return (
    <>
      {back}
      <section className="card" aria-labelledby="message-heading">
        <h2 id="message-heading" className="break-all">
          {m.subject ??
            `${m.channel === 'sms' ? 'SMS' : m.channel === 'whatsapp' ? 'WhatsApp message' : 'Email'} ${m.direction === 'inbound' ? `from ${m.from ?? ''}` : `to ${m.to}`}`}{' '}
          <MessageStatusBadge status={m.status} />
        </h2>
        {m.error && (
          <p className="form-error" role="note">
            {m.error}
          </p>
        )}
        <dl className="facts">
          <dt>{m.direction === 'inbound' ? 'From' : 'To'}</dt>
          <dd>
            {m.contact_id ? <Link to={`/contacts?contact=${encodeURIComponent(m.contact_id)}`}>{m.direction === 'inbound' ? m.from : m.to}</Link> : m.direction === 'inbound' ? m.from : m.to}
            {m.contact_id && (
              <>
                {' · '}
                <Link to={`/messages?contact=${encodeURIComponent(m.contact_id)}`}>Conversation with this contact</Link>
              </>
            )}
          </dd>
          <dt>Channel</dt>
          <dd>{channel ? `${channel.name} (${m.channel})` : m.channel}</dd>
          <dt>Sent by</dt>
          <dd>{m.direction === 'inbound' ? 'Received from the contact' : m.source === 'node' ? 'Sent from the phone itself' : m.source === 'workflow' ? 'A workflow step' : 'The Send API'}</dd>
          <dt>Created</dt>
          <dd>{formatPreciseDate(m.created_at)}</dd>
          <dt>Sent</dt>
          <dd>{formatPreciseDate(m.sent_at)}</dd>
          <dt>Tries</dt>
          <dd>
            {m.attempt_count} of 3{m.next_attempt_at && ` · next ${formatPreciseDate(m.next_attempt_at)}`}
          </dd>
          {m.message_id_header && (
            <>
              <dt>Message-ID</dt>
              <dd className="break-all">
                <code>{m.message_id_header}</code>
              </dd>
            </>
          )}
          {m.provider_message_id && (
            <>
              <dt>Provider id</dt>
              <dd className="break-all">
                <code>{m.provider_message_id}</code>
              </dd>
            </>
          )}
        </dl>
      </section>
      <div className="details-grid">
        <section className="card" aria-labelledby="message-history-heading">
          <h3 id="message-history-heading">Status history</h3>
          {m.status_history.length === 0 ? (
            <p className="muted">No status change yet.</p>
          ) : (
            <ol className="timeline">
              {m.status_history.map((change, index) => (
                <li key={`${change.status}-${change.at}-${index}`}>
                  <MessageStatusBadge status={change.status} /> <span className="muted">{formatPreciseDate(change.at)}</span>
                  {change.detail && <span className="cell-sub break-all">{change.detail}</span>}
                </li>
              ))}
            </ol>
          )}
          <p className="field-hint">Refreshes by itself: deliveries, opens and bounces appear as the provider reports them.</p>
        </section>
        <ProviderEventsTimeline events={m.provider_events} />
      </div>
      <section className="card" aria-labelledby="message-body-heading">
        <h3 id="message-body-heading">Body as sent</h3>
        <pre className="code-block code-wrap" tabIndex={0} aria-label="Message body">
          {m.body}
        </pre>
      </section>
    </>
  );
}
