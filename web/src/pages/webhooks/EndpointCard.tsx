import { useId, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { Endpoint } from '../../api/types';
import { errorMessage } from '../../ui/PageStates';
import { endpointDestinations, endpointName, endpointState } from './endpointState';
import { OwnerNotice } from './OwnerNotice';
import { formatName } from './payloadFormats';
import { SecretPanel } from './SecretPanel';
import { TestSendPanel } from './TestSendPanel';
import { useSetEndpointEnabled } from './useEndpoints';

interface EndpointCardProps {
  endpoint: Endpoint;
  /** Channel names by id, for the scope. */
  channelNames: Map<string, string>;
  /** Its last 24 hours (success rate, sparkline, p95, last error), when loaded. */
  health?: ReactNode;
  onEdit: (endpoint: Endpoint) => void;
  onDelete: (endpoint: Endpoint) => void;
}

type Panel = 'test' | 'secret' | null;

function settingsSummary(endpoint: Endpoint): string {
  const parts = [endpoint.timeout_ms ? `Timeout ${endpoint.timeout_ms / 1000} s` : 'Default timeout'];
  parts.push(endpoint.has_bearer_token ? 'Bearer token set' : 'No bearer token');
  const headers = Object.keys(endpoint.headers).length;
  parts.push(headers === 0 ? 'No custom headers' : `${headers} custom ${headers === 1 ? 'header' : 'headers'}`);
  return parts.join(' · ');
}

/** One endpoint: where it sends, what, its state, and what can be done with it. */
export function EndpointCard({ endpoint, channelNames, health, onEdit, onDelete }: EndpointCardProps) {
  const headingId = useId();
  const [panel, setPanel] = useState<Panel>(null);
  const setEnabled = useSetEndpointEnabled(endpoint.id);
  const state = endpointState(endpoint);
  const name = endpointName(endpoint);
  const toggle = (next: Panel) => setPanel((current) => (current === next ? null : next));
  const eventTypes = [...new Set([...endpoint.event_types, ...Object.keys(endpoint.event_urls)])];

  return (
    <article className="card endpoint-card" aria-labelledby={headingId}>
      <header className="endpoint-card-header">
        <h3 id={headingId} className="break-all">
          {name}
        </h3>
        <span className={`badge badge-${state.tone}`}>{state.label}</span>
      </header>
      {state.explanation && <p className={state.tone === 'danger' ? 'form-error' : 'warning'}>{state.explanation}</p>}
      <OwnerNotice endpoint={endpoint} />
      {health}
      <dl className="facts">
        <dt>URLs</dt>
        <dd>
          <ul className="plain-list">
            {endpointDestinations(endpoint).map(({ label, url }) => (
              <li key={label}>
                <span className="muted">{label === 'Common URL' ? 'Common' : <code>{label}</code>}</span>{' '}
                <span className="break-all">{url}</span>
              </li>
            ))}
          </ul>
        </dd>
        <dt>Events</dt>
        <dd>
          {endpoint.event_types.length === 0 && endpoint.url ? (
            'Every event'
          ) : (
            <ul className="badges" aria-label="Subscribed events">
              {eventTypes.map((type) => (
                <li key={type} className="badge">
                  {type}
                </li>
              ))}
            </ul>
          )}
        </dd>
        <dt>Scope</dt>
        <dd>
          {endpoint.channel_id
            ? `Only channel ${channelNames.get(endpoint.channel_id) ?? endpoint.channel_id}`
            : 'General: every channel'}
        </dd>
        {endpoint.payload_format !== 'standard' && (
          <>
            <dt>Payload format</dt>
            <dd>{formatName(endpoint.payload_format)}</dd>
          </>
        )}
        <dt>Settings</dt>
        <dd>{settingsSummary(endpoint)}</dd>
      </dl>
      <div className="endpoint-actions" role="group" aria-label={`Actions for ${name}`}>
        <button type="button" className="button button-small" onClick={() => onEdit(endpoint)}>
          Edit
        </button>
        <button type="button" className="button button-small" aria-expanded={panel === 'test'} onClick={() => toggle('test')}>
          Send test
        </button>
        <button type="button" className="button button-small" aria-expanded={panel === 'secret'} onClick={() => toggle('secret')}>
          Secret
        </button>
        <button
          type="button"
          className="button button-small"
          onClick={() => setEnabled.mutate(!endpoint.enabled)}
          disabled={setEnabled.isPending}
          aria-busy={setEnabled.isPending}
        >
          {endpoint.enabled ? 'Disable' : 'Enable'}
        </button>
        <Link className="button button-small" to={`/deliveries?endpoint_id=${encodeURIComponent(endpoint.id)}`}>
          Deliveries
        </Link>
        <button type="button" className="button button-small button-danger-ghost" onClick={() => onDelete(endpoint)}>
          Delete
        </button>
      </div>
      {setEnabled.error && (
        <p className="form-error" role="alert">
          The endpoint could not be {endpoint.enabled ? 'disabled' : 'enabled'}: {errorMessage(setEnabled.error)}
        </p>
      )}
      {panel === 'test' && <TestSendPanel endpoint={endpoint} onClose={() => setPanel(null)} />}
      {panel === 'secret' && <SecretPanel endpoint={endpoint} onClose={() => setPanel(null)} />}
    </article>
  );
}
