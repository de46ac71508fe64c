import { Link } from 'react-router';
import type { EmailChannel } from '../../api/types';
import { formatPreciseDate } from '../../ui/formatDate';
import { EmptyState, ErrorState, Loading } from '../../ui/PageStates';
import { OutcomeBadge, VerificationBadge } from '../inbound-log/InboundBadges';
import { PROVIDER_LABELS } from './channelFormModel';
import { RECENT_REQUESTS, useWebhookRequests } from './useWebhookRequests';

/** The newest requests to the channel's webhook URL: when, what the hub answered, and whether the provider proved itself. */
export function RecentWebhookRequests({ channel }: { channel: EmailChannel }) {
  const requests = useWebhookRequests(channel.webhook_url);
  const provider = PROVIDER_LABELS[channel.provider];

  return (
    <section aria-labelledby="webhook-requests-heading">
      <h2 id="webhook-requests-heading" className="section-title">
        Recent webhook requests
      </h2>
      {requests.isPending ? (
        <Loading label="Loading webhook requests…" />
      ) : requests.isError ? (
        <ErrorState title="The webhook requests could not be loaded." error={requests.error} onRetry={() => void requests.refetch()} />
      ) : requests.data.length === 0 ? (
        <EmptyState title="No webhook requests yet.">
          Once {provider} calls the webhook URL (its test button, or an email sent through this channel), each request shows here with
          whether its signature passed.
        </EmptyState>
      ) : (
        <div className="card table-card">
          <table className="table">
            <caption className="visually-hidden">
              The {RECENT_REQUESTS} newest requests to the webhook URL of {channel.name}
            </caption>
            <thead>
              <tr>
                <th scope="col">Received</th>
                <th scope="col">Outcome</th>
                <th scope="col">Verification</th>
                <th scope="col">Answer</th>
              </tr>
            </thead>
            <tbody>
              {requests.data.map((request) => (
                <tr key={request.id}>
                  <th scope="row" className="nowrap">
                    <Link to={`/inbound-logs?log=${encodeURIComponent(request.id)}`} aria-label={`Open the request received ${formatPreciseDate(request.created_at)}`}>
                      {formatPreciseDate(request.created_at)}
                    </Link>
                  </th>
                  <td>
                    <OutcomeBadge outcome={request.outcome} />
                  </td>
                  <td>
                    <VerificationBadge verification={request.verification} />
                    {request.error && <span className="cell-sub field-error break-all">{request.error}</span>}
                  </td>
                  <td className="nowrap">HTTP {request.status_code}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="field-hint">
        The {RECENT_REQUESTS} newest, refreshed by themselves. Open one to see its headers and body in the{' '}
        <Link to={`/inbound-logs?source=${channel.provider}`}>inbound log</Link>.
      </p>
    </section>
  );
}
