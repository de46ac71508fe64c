import { useId, useState } from 'react';
import type { Endpoint } from '../../api/types';
import { errorMessage } from '../../ui/PageStates';
import { TestResultPanel } from './TestResultPanel';
import { useTestSavedEndpoint } from './useEndpoints';

/** Event types a saved endpoint can be sent a test of: those it has a URL for. */
function testableTypes(endpoint: Endpoint): string[] {
  const types = new Set<string>();
  if (endpoint.url) {
    types.add('webhook.test');
    for (const type of endpoint.event_types) types.add(type);
  }
  for (const type of Object.keys(endpoint.event_urls)) types.add(type);
  return [...types];
}

/** Sends one signed example event to a saved endpoint now, with its secret, token and headers. */
export function TestSendPanel({ endpoint, onClose }: { endpoint: Endpoint; onClose: () => void }) {
  const selectId = useId();
  const types = testableTypes(endpoint);
  const [eventType, setEventType] = useState(types[0] ?? 'webhook.test');
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
