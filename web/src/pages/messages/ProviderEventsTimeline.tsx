import type { ProviderEvent } from '../../api/types';
import { formatPreciseDate } from '../../ui/formatDate';
import { KIND_LOOK, eventDetails, providerName } from './providerEvents';

function KindBadge({ kind }: { kind: ProviderEvent['kind'] }) {
  const { tone, label } = KIND_LOOK[kind];
  return <span className={`badge badge-${tone}`}>{label}</span>;
}

/** What the provider reported about the message, oldest first, as the API orders it. */
export function ProviderEventsTimeline({ events }: { events: ProviderEvent[] }) {
  return (
    <section className="card" aria-labelledby="provider-events-heading">
      <h3 id="provider-events-heading">Provider events</h3>
      {events.length === 0 ? (
        <p className="muted">No events from the provider yet.</p>
      ) : (
        <ol className="timeline" aria-label="Provider events, oldest first">
          {events.map((event) => (
            <li key={event.id}>
              <KindBadge kind={event.kind} /> <span className="muted">{formatPreciseDate(event.occurred_at)}</span>
              <span className="cell-sub">
                {providerName(event.provider)}
                {event.recipient && ` · ${event.recipient}`}
              </span>
              {eventDetails(event).map((line) => (
                <span key={line} className="cell-sub break-all">
                  {line}
                </span>
              ))}
            </li>
          ))}
        </ol>
      )}
      <p className="field-hint">When the provider says each happened. Email providers report through the channel’s delivery webhooks.</p>
    </section>
  );
}
