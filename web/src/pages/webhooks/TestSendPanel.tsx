import { useId, useState } from 'react';
import type { Endpoint } from '../../api/types';
import { errorMessage } from '../../ui/PageStates';
import { useEventTypeExamples } from '../event-types/useEventTypes';
import { defaultPreviewType, formatName, sampleType } from './payloadFormats';
import { TestResultPanel } from './TestResultPanel';
import { useTestSavedEndpoint } from './useEndpoints';

/** Event types a saved endpoint can be sent a test of: those it has a URL for (and its format's sample type, once known). */
function testableTypes(endpoint: Endpoint, sample: string | undefined): string[] {
  const types = new Set<string>();
  if (endpoint.url) {
    types.add('webhook.test');
    for (const type of endpoint.event_types) types.add(type);
    if (sample) types.add(sample);
  }
  for (const type of Object.keys(endpoint.event_urls)) types.add(type);
  return [...types];
}

/** Sends one signed example event to a saved endpoint now, with its secret, token and headers. */
export function TestSendPanel({ endpoint, onClose }: { endpoint: Endpoint; onClose: () => void }) {
  const selectId = useId();
  const format = endpoint.payload_format;
  const examples = useEventTypeExamples(format, format !== 'standard');
  const types = testableTypes(endpoint, sampleType(examples.data));
  // Standard expresses every type: start on webhook.test. Another format starts on a type it expresses.
  const suggested = format === 'standard' ? types[0] : defaultPreviewType(format, types, examples.data);
  const [picked, setEventType] = useState<string | null>(null);
  const eventType = picked ?? (suggested && types.includes(suggested) ? suggested : (types[0] ?? 'webhook.test'));
  const send = useTestSavedEndpoint(endpoint.id);
  const url = endpoint.event_urls[eventType] ?? endpoint.url ?? '';

  return (
    <section className="inline-panel" aria-label="Test send">
      <div className="details-header">
        <h4>Send a test event</h4>
        <button type="button" className="button button-small button-ghost" onClick={onClose}>
          Close
        </button>
      </div>
      <div className="inline-form">
        <div className="field">
          <label htmlFor={selectId}>Event to send</label>
          <select id={selectId} value={eventType} onChange={(event) => setEventType(event.target.value)}>
            {types.map((type) => (
              <option key={type} value={type}>
                {type}
              </option>
            ))}
          </select>
        </div>
        <button
          type="button"
          className="button button-primary"
          onClick={() => send.mutate(eventType)}
          disabled={send.isPending}
          aria-busy={send.isPending}
        >
          {send.isPending ? 'Sending…' : 'Send now'}
        </button>
      </div>
      {format !== 'standard' && (
        <p className="field-hint">
          Sent in the endpoint’s payload format, {formatName(format)}; an event it cannot express goes in the standard shape.
        </p>
      )}
      {send.error && (
        <p className="form-error" role="alert">
          The test could not be sent: {errorMessage(send.error)}
        </p>
      )}
      {send.data && (
        <TestResultPanel test={{ ok: send.data.ok, url: send.data.request.url || url, eventType: send.variables ?? eventType, result: send.data }} />
      )}
    </section>
  );
}
