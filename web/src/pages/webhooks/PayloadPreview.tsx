import { useId } from 'react';
import { errorMessage } from '../../ui/PageStates';
import type { PayloadPreviewState } from './usePayloadPreview';

/** The exact body a receiver gets for one of the endpoint's events in the chosen format, and whether it falls back to standard. */
export function PayloadPreview({ preview }: { preview: PayloadPreviewState }) {
  const headingId = useId();
  const selectId = useId();
  const { format, eventType, choices, examples, example } = preview;

  return (
    <section className="payload-preview" aria-labelledby={headingId}>
      <div className="payload-preview-header">
        <h4 id={headingId}>Example body</h4>
        <div className="field">
          <label htmlFor={selectId}>Preview event</label>
          <select id={selectId} value={eventType} onChange={(event) => preview.pick(event.target.value)}>
            {choices.map((type) => (
              <option key={type} value={type}>
                {type}
              </option>
            ))}
          </select>
        </div>
      </div>
      {examples.isPending && <p className="field-hint" role="status">Loading the example…</p>}
      {examples.isError && (
        <div className="form-error" role="alert">
          <p>The example could not be loaded: {errorMessage(examples.error)}</p>
          <button type="button" className="button button-small" onClick={() => void examples.refetch()}>
            Try again
          </button>
        </div>
      )}
      {examples.data && !example && <p className="field-hint">The catalog has no example of {eventType}.</p>}
      {example && example.example_format !== format && (
        <p className="warning">
          {format} cannot express <code>{eventType}</code>: it arrives in the standard shape, with{' '}
          <code>webhook-format: standard</code>.
        </p>
      )}
      {example && (
        <pre className="code-block code-wrap" tabIndex={0} aria-label={`Example body of ${eventType}`}>
          {JSON.stringify(example.example_body, null, 2)}
        </pre>
      )}
    </section>
  );
}
