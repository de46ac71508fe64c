import type { EventType } from '../../api/types';

export function EventTypeDetails({ eventType, onClose }: { eventType: EventType; onClose: () => void }) {
  const headingId = `event-type-${eventType.type}-heading`;
  return (
    <section className="card details" aria-labelledby={headingId}>
      <div className="details-header">
        <h2 id={headingId}>
          <code>{eventType.type}</code>
        </h2>
        <button type="button" className="button button-ghost" onClick={onClose}>
          Close details
        </button>
      </div>
      <p>{eventType.description}</p>
      <div className="details-grid">
        <div>
          <h3 id={`${headingId}-schema`}>JSON schema</h3>
          <pre className="code-block" aria-labelledby={`${headingId}-schema`} tabIndex={0}>
            {JSON.stringify(eventType.schema, null, 2)}
          </pre>
        </div>
        <div>
          <h3 id={`${headingId}-example`}>Example payload</h3>
          <pre className="code-block" aria-labelledby={`${headingId}-example`} tabIndex={0}>
            {JSON.stringify(eventType.example, null, 2)}
          </pre>
        </div>
      </div>
    </section>
  );
}
