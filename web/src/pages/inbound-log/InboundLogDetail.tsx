import { useState } from 'react';
import { Link } from 'react-router';
import type { InboundLogDetail as Detail } from '../../api/types';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { formatPreciseDate } from '../../ui/formatDate';
import { ErrorState, Loading, errorMessage } from '../../ui/PageStates';
import { sourceLabel } from './inboundLogFilters';
import { OUTCOME_HINTS, OutcomeBadge, verificationLabel } from './InboundBadges';
import { answerText, payloadView } from './payloadView';
import { replayEffect } from './replayEffect';
import { useInboundLog, useReplayInbound } from './useInboundLogs';

interface InboundLogDetailProps {
  id: string;
  /** The link to another entry (a replay, or what this replays). */
  hrefFor: (id: string) => string;
  onBack: () => void;
}

const PAYLOAD_NOTES = {
  json: 'JSON, pretty-printed. The hub stores and verifies the exact bytes received.',
  form: 'Form fields, decoded one per line.',
  text: 'As received.',
  empty: '',
} as const;

function Headers({ headers }: { headers: Detail['headers'] }) {
  const entries = Object.entries(headers).sort(([a], [b]) => a.localeCompare(b));
  if (entries.length === 0) return <p className="muted">No headers were stored.</p>;
  return (
    <table className="table compact-table" aria-label="Request headers">
      <tbody>
        {entries.map(([name, value]) => (
          <tr key={name}>
            <th scope="row">
              <code>{name}</code>
            </th>
            <td className="break-all">
              {value === '[redacted]' ? <span className="badge">redacted</span> : <code>{value}</code>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** One stored inbound request: what came in, what the hub answered, and Replay. */
export function InboundLogDetail({ id, hrefFor, onBack }: InboundLogDetailProps) {
  const log = useInboundLog(id);
  const replay = useReplayInbound(id);
  const [confirming, setConfirming] = useState(false);

  const back = (
    <button type="button" className="button button-small button-ghost back-button" onClick={onBack}>
      ← Back to the inbound log
    </button>
  );
  if (log.isPending)
    return (
      <>
        {back}
        <Loading label="Loading the request…" />
      </>
    );
  if (log.isError)
    return (
      <>
        {back}
        <ErrorState title="This request could not be loaded." error={log.error} onRetry={() => void log.refetch()} />
      </>
    );

  const d = log.data;
  const payload = payloadView(d.raw_body, d.content_type);
  return (
    <>
      {back}
      <section className="card" aria-labelledby="inbound-heading">
        <div className="details-header">
          <h2 id="inbound-heading" className="break-all">
            <code>
              {d.method} {d.url}
            </code>{' '}
            <OutcomeBadge outcome={d.outcome} />
          </h2>
          <button
            type="button"
            className="button button-primary"
            onClick={() => setConfirming(true)}
            disabled={replay.isPending}
            aria-busy={replay.isPending}
            aria-describedby="replay-hint"
          >
            {replay.isPending ? 'Replaying…' : 'Replay'}
          </button>
        </div>
        {confirming && (
          <ConfirmDialog
            title="Replay this request?"
            confirmLabel="Replay"
            busyLabel="Replaying…"
            busy={false}
            onConfirm={() => {
              setConfirming(false);
              replay.mutate();
            }}
            onCancel={() => setConfirming(false)}
          >
            <p>
              The hub sends <code className="break-all">{d.method} {d.url}</code> through its route
              ({replayEffect(d.source).route}) once more, as if it had just arrived.
            </p>
            <p>{replayEffect(d.source).effect}</p>
            <p className="muted">It is verified and deduplicated like the first time, and logged as a new entry.</p>
          </ConfirmDialog>
        )}
        <p id="replay-hint" className="field-hint">
          Replay sends this exact request through its route again. It is verified and deduplicated like the first time,
          and logged as a new entry.
        </p>
        {replay.error && (
          <p className="form-error" role="alert">
            The request could not be replayed: {errorMessage(replay.error)}
          </p>
        )}
        {replay.data && (
          <section
            className={`test-result ${replay.data.status_code < 300 ? 'test-result-ok' : 'test-result-failed'}`}
            aria-label="Replay result"
          >
            <div className="test-result-header">
              <h3>
                Replayed: the route answered <span className="test-result-outcome">HTTP {replay.data.status_code}</span>
              </h3>
              {replay.data.log_id && (
                <Link className="button button-small" to={hrefFor(replay.data.log_id)}>
                  Open the new entry
                </Link>
              )}
            </div>
            <pre className="code-block code-wrap" tabIndex={0} aria-label="Replay answer body">
              {answerText(replay.data.body)}
            </pre>
          </section>
        )}
        <dl className="facts">
          <dt>Received</dt>
          <dd>{formatPreciseDate(d.created_at)}</dd>
          <dt>Source</dt>
          <dd>{sourceLabel(d.source)}</dd>
          <dt>Answer</dt>
          <dd>HTTP {d.status_code}</dd>
          <dt>Outcome</dt>
          <dd>
            <OutcomeBadge outcome={d.outcome} /> {OUTCOME_HINTS[d.outcome]}
          </dd>
          <dt>Verification</dt>
          <dd>{verificationLabel(d.verification)}</dd>
          {d.error && (
            <>
              <dt>Error</dt>
              <dd className="attempt-error break-all">{d.error}</dd>
            </>
          )}
          <dt>Content type</dt>
          <dd>{d.content_type ? <code>{d.content_type}</code> : '—'}</dd>
          {d.replay_of && (
            <>
              <dt>Replay of</dt>
              <dd>
                <Link to={hrefFor(d.replay_of)}>The original request</Link>
              </dd>
            </>
          )}
        </dl>
      </section>

      <div className="details-grid">
        <section className="card" aria-labelledby="inbound-payload-heading">
          <h3 id="inbound-payload-heading">Payload</h3>
          {payload.kind === 'empty' ? (
            <p className="muted">The request had no body.</p>
          ) : (
            <>
              <p className="field-hint">{PAYLOAD_NOTES[payload.kind]}</p>
              <pre className="code-block code-wrap" tabIndex={0} aria-label="Request payload">
                {payload.text}
              </pre>
            </>
          )}
        </section>
        <section className="card" aria-labelledby="inbound-headers-heading">
          <h3 id="inbound-headers-heading">Headers</h3>
          <p className="field-hint">Secrets (authorization, signatures, keys) are redacted before storage.</p>
          <Headers headers={d.headers} />
        </section>
      </div>
    </>
  );
}
