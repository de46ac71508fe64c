import { useEffect, useRef } from 'react';
import type { EventType } from '../../api/types';
import { TextWithCode } from '../../ui/TextWithCode';

/** One event type's schema and example; choosing a type brings it into view and moves focus to its heading. */
export function EventTypeDetails({ eventType, onClose }: { eventType: EventType; onClose: () => void }) {
  const headingId = `event-type-${eventType.type}-heading`;
  const section = useRef<HTMLElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    const reduced = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? true;
    section.current?.scrollIntoView?.({ block: 'start', behavior: reduced ? 'auto' : 'smooth' });
    heading.current?.focus({ preventScroll: true });
  }, [eventType.type]);

  return (
    <section ref={section} className="card details" aria-labelledby={headingId}>
      <div className="details-header">
        <h2 id={headingId} ref={heading} tabIndex={-1}>
          <code>{eventType.type}</code>
        </h2>
        <button type="button" className="button button-ghost" onClick={onClose}>
          Close details
        </button>
      </div>
      <p>
        <TextWithCode text={eventType.description} />
      </p>
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
