import { Link } from 'react-router';
import type { EndpointHealth } from '../../api/types';
import { formatDate } from '../../ui/formatDate';
import { deliveryLogLink, formatRate } from '../overview/statsLinks';
import { formatP95 } from './endpointHealth';
import { HealthSparkline } from './HealthSparkline';

/** An endpoint's last 24 hours: success rate with its sparkline, p95 latency and the last error, each opening the log behind it (the last error: the delivery whose attempt it was). */
export function EndpointHealthFacts({ health, since, until }: { health: EndpointHealth; since: string; until: string }) {
  const rate = formatRate(health.success_rate);
  return (
    <dl className="facts health-facts">
      <dt>Success, 24 h</dt>
      <dd className="health-rate">
        {health.attempts === 0 ? (
          <span className="muted">No attempts</span>
        ) : (
          <Link to={deliveryLogLink({ start: since, end: until, endpointId: health.endpoint_id })}>
            {rate} of {health.attempts.toLocaleString()} {health.attempts === 1 ? 'attempt' : 'attempts'}
          </Link>
        )}
        {health.attempts > 0 && <HealthSparkline series={health.series} label={`Success rate per hour over 24 hours, ${rate} overall`} />}
      </dd>
      <dt>p95 latency</dt>
      <dd>{formatP95(health)}</dd>
      <dt>Last error</dt>
      <dd>
        {health.last_error ? (
          <Link
            to={deliveryLogLink({ start: health.last_error.at, end: new Date(Date.parse(health.last_error.at) + 1).toISOString(), endpointId: health.endpoint_id })}
            className="break-all"
          >
            {health.last_error.message} · {formatDate(health.last_error.at)}
          </Link>
        ) : (
          <span className="muted">None in 24 hours</span>
        )}
      </dd>
    </dl>
  );
}
