import type { DeliveryAttempt } from '../../api/types';
import { formatPreciseDate } from '../../ui/formatDate';

function headerLines(headers: Record<string, string>): string {
  const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}`);
  return lines.length > 0 ? lines.join('\n') : '(none recorded)';
}

function outcome(attempt: DeliveryAttempt): { ok: boolean; text: string } {
  const ok = attempt.status_code !== null && attempt.status_code >= 200 && attempt.status_code < 300;
  const status = attempt.status_code === null ? 'No response' : `HTTP ${attempt.status_code}`;
  return { ok, text: `${status} in ${attempt.duration_ms} ms` };
}

/** Every attempt of a delivery, in order: when, what came back, the request headers and the response body. */
export function AttemptList({ attempts }: { attempts: DeliveryAttempt[] }) {
  return (
    <ol className="attempts">
      {attempts.map((attempt) => {
        const { ok, text } = outcome(attempt);
        const headingId = `attempt-${attempt.n}`;
        return (
          <li key={attempt.n} className="attempt" aria-labelledby={headingId}>
            <h4 id={headingId} className="attempt-heading">
              <span>Attempt {attempt.n}</span>
              <span className={`badge ${ok ? 'badge-ok' : 'badge-danger'}`}>{text}</span>
              <span className="muted">{formatPreciseDate(attempt.at)}</span>
            </h4>
            {attempt.error && attempt.error !== `HTTP ${attempt.status_code}` && (
              <p className="attempt-error">Error: {attempt.error}</p>
            )}
            <div className="exchange">
              <div>
                <h5>Request headers</h5>
                <pre className="code-block code-wrap" tabIndex={0} aria-label={`Request headers of attempt ${attempt.n}`}>
                  {headerLines(attempt.request_headers)}
                </pre>
              </div>
              <div>
                <h5>Response body</h5>
                <pre className="code-block code-wrap" tabIndex={0} aria-label={`Response body of attempt ${attempt.n}`}>
                  {attempt.response_body === null || attempt.response_body === ''
                    ? '(empty)'
                    : attempt.response_body}
                </pre>
              </div>
            </div>
          </li>
        );
      })}
    </ol>
  );
}
