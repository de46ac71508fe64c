import { Link } from 'react-router';
import type { EndpointHealth, StatsRange } from '../../api/types';
import { EmptyState } from '../../ui/PageStates';
import { formatP95 } from '../webhooks/endpointHealth';
import { HealthSparkline } from '../webhooks/HealthSparkline';
import { deliveryLogLink, formatRate, RANGE_LABELS } from './statsLinks';

function stateOf(health: EndpointHealth): { label: string; tone: string } {
  if (!health.enabled) return { label: health.disabled_reason === 'manual' ? 'Disabled' : `Disabled: ${health.disabled_reason}`, tone: 'danger' };
  if (health.failing_since) return { label: 'Failing', tone: 'warn' };
  return { label: 'Enabled', tone: 'ok' };
}

/** The endpoints with the lowest success rate in the range, each opening its deliveries and its settings. */
export function WeakestEndpoints({ endpoints, range, since, until }: { endpoints: EndpointHealth[]; range: StatsRange; since: string; until: string }) {
  const attempted = endpoints.filter((health) => health.attempts > 0);
  if (attempted.length === 0) {
    return <EmptyState title="No endpoint had an attempt in this range." />;
  }
  return (
    <div className="table-scroll">
      <table className="table table-compact" aria-label="Endpoints with the lowest success rate">
        <thead>
          <tr>
            <th scope="col">Endpoint</th>
            <th scope="col">Success</th>
            <th scope="col">Trend</th>
            <th scope="col">p95</th>
            <th scope="col">Last error</th>
          </tr>
        </thead>
        <tbody>
          {attempted.map((health) => {
            const name = health.description || health.url || 'Endpoint';
            const state = stateOf(health);
            return (
              <tr key={health.endpoint_id}>
                <th scope="row">
                  <Link to={`/webhooks?edit=${encodeURIComponent(health.endpoint_id)}`} className="break-all">
                    {name}
                  </Link>{' '}
                  {state.tone !== 'ok' && <span className={`badge badge-${state.tone}`}>{state.label}</span>}
                </th>
                <td>
                  <Link to={deliveryLogLink({ start: since, end: until, endpointId: health.endpoint_id })}>{formatRate(health.success_rate)}</Link>
                  <span className="muted"> of {health.attempts.toLocaleString()}</span>
                </td>
                <td>
                  <HealthSparkline series={health.series} label={`${name}: success rate per bar, ${RANGE_LABELS[range].toLowerCase()}`} />
                </td>
                <td>{formatP95(health)}</td>
                <td className="break-all">{health.last_error ? health.last_error.message : <span className="muted">—</span>}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
