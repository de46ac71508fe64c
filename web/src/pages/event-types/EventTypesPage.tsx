import { useSearchParams } from 'react-router';
import { EmptyState, ErrorState, Loading } from '../../ui/PageStates';
import { PageHeader } from '../../ui/PageHeader';
import { TextWithCode } from '../../ui/TextWithCode';
import { EventTypeDetails } from './EventTypeDetails';
import { useEventTypes } from './useEventTypes';

export function EventTypesPage() {
  const eventTypes = useEventTypes();
  // The open event type lives in the URL, so it can be linked to.
  const [searchParams, setSearchParams] = useSearchParams();
  const selectedType = searchParams.get('type');

  const select = (type: string | null) =>
    setSearchParams(type && type !== selectedType ? { type } : {}, { replace: true });

  const header = (
    <PageHeader title="Event catalog">
      The events the hub delivers to your endpoints. Choose one to see its JSON schema and an example payload below the list.
    </PageHeader>
  );

  if (eventTypes.isPending) {
    return (
      <>
        {header}
        <Loading label="Loading event types…" />
      </>
    );
  }
  if (eventTypes.isError) {
    return (
      <>
        {header}
        <ErrorState
          title="The event catalog could not be loaded."
          error={eventTypes.error}
          onRetry={() => void eventTypes.refetch()}
        />
      </>
    );
  }
  if (eventTypes.data.length === 0) {
    return (
      <>
        {header}
        <EmptyState title="No event types are available yet.">
          The catalog is filled by the hub itself. If it stays empty, check that the API finished starting
          and its migrations ran.
        </EmptyState>
      </>
    );
  }

  const selected = eventTypes.data.find((eventType) => eventType.type === selectedType);

  return (
    <>
      {header}
      <div className="card table-card">
        <table className="table table-clickable">
          <caption className="visually-hidden">Event types</caption>
          <thead>
            <tr>
              <th scope="col">Type</th>
              <th scope="col">Description</th>
              <th scope="col">Channels</th>
            </tr>
          </thead>
          <tbody>
            {eventTypes.data.map((eventType) => {
              const isSelected = eventType.type === selectedType;
              return (
                <tr
                  key={eventType.type}
                  className={isSelected ? 'is-selected' : undefined}
                  onClick={() => select(eventType.type)}
                >
                  <th scope="row">
                    <button
                      type="button"
                      className="link-button"
                      aria-expanded={isSelected}
                      onClick={(event) => {
                        event.stopPropagation();
                        select(eventType.type);
                      }}
                    >
                      <code>{eventType.type}</code>
                    </button>
                  </th>
                  <td>
                    <TextWithCode text={eventType.description} />
                  </td>
                  <td>
                    {eventType.channels.length === 0 ? (
                      <span className="muted">Not channel-specific</span>
                    ) : (
                      <ul className="badges" aria-label={`Channels of ${eventType.type}`}>
                        {eventType.channels.map((channel) => (
                          <li key={channel} className="badge">
                            {channel}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {selected && <EventTypeDetails eventType={selected} onClose={() => select(null)} />}
    </>
  );
}
