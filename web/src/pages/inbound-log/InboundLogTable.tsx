import type { InboundLog } from '../../api/types';
import { formatPreciseDate } from '../../ui/formatDate';
import { sourceLabel } from './inboundLogFilters';
import { OutcomeBadge, verificationLabel } from './InboundBadges';

/** Inbound requests, newest first; a row opens its detail. */
export function InboundLogTable({ logs, onOpen }: { logs: InboundLog[]; onOpen: (log: InboundLog) => void }) {
  return (
    <div className="card table-card">
      <table className="table table-clickable">
        <caption className="visually-hidden">Inbound requests, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Received</th>
            <th scope="col">Request</th>
            <th scope="col">Source</th>
            <th scope="col">Answer</th>
            <th scope="col">Outcome</th>
            <th scope="col">Verification</th>
          </tr>
        </thead>
        <tbody>
          {logs.map((log) => (
            <tr key={log.id} onClick={() => onOpen(log)}>
              <td className="nowrap">{formatPreciseDate(log.created_at)}</td>
              <th scope="row">
                <button
                  type="button"
                  className="link-button"
                  aria-label={`Open ${log.method} ${log.url} received ${formatPreciseDate(log.created_at)}`}
                  onClick={(event) => {
                    event.stopPropagation();
                    onOpen(log);
                  }}
                >
                  <code className="truncate" title={`${log.method} ${log.url}`}>
                    {log.method} {log.url}
                  </code>
                </button>
                {log.replay_of && <span className="muted cell-sub">Replay of an earlier request</span>}
                {log.error && <span className="attempt-error cell-sub">{log.error}</span>}
              </th>
              <td>{sourceLabel(log.source)}</td>
              <td className="nowrap">HTTP {log.status_code}</td>
              <td>
                <OutcomeBadge outcome={log.outcome} />
              </td>
              <td>{verificationLabel(log.verification)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
