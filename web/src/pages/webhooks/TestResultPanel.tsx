import { useEffect, useId, useRef } from 'react';
import type { TestSendResult } from '../../api/types';

export interface ShownTest {
  ok: boolean;
  url: string;
  eventType: string;
  result?: TestSendResult & { secret?: string };
  problem?: string;
}

function headerLines(headers: Record<string, string>): string {
  return Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}`)
    .join('\n');
}

function outcome(test: ShownTest): string {
  const { result } = test;
  if (!result) return test.problem ?? 'The test could not be sent.';
  const status = result.status === null ? 'No response' : `HTTP ${result.status}`;
  const parts = [`${status} in ${result.duration_ms} ms`];
  // "HTTP 500" as the error says no more than the status already does.
  if (result.error && result.error !== status) parts.push(result.error);
  return parts.join(' · ');
}

/** The result of one test send: passed or failed, and the exact request and response side by side. */
export function TestResultPanel({ test, onClose, takeFocus = false }: { test: ShownTest; onClose?: () => void; takeFocus?: boolean }) {
  const headingId = useId();
  const ref = useRef<HTMLElement>(null);
  const { result } = test;
  // The Test button is disabled while it runs, which drops keyboard focus to the page's top: land it on the result instead.
  useEffect(() => {
    if (takeFocus) ref.current?.focus();
  }, [takeFocus, test]);
  return (
    <section
      ref={ref}
      tabIndex={-1}
      className={`test-result ${test.ok ? 'test-result-ok' : 'test-result-failed'}`}
      aria-labelledby={headingId}
    >
      <div className="test-result-header">
        <h3 id={headingId}>
          <span className={`badge ${test.ok ? 'badge-ok' : 'badge-danger'}`}>{test.ok ? 'Passed' : 'Failed'}</span>{' '}
          Test of <code>{test.eventType}</code> to <span className="break-all">{test.url}</span>
        </h3>
        {onClose && (
          <button type="button" className="button button-small button-ghost" onClick={onClose}>
            Hide result
          </button>
        )}
      </div>
      <p className="test-result-outcome">{outcome(test)}</p>
      {result?.secret && (
        <p className="field-hint">
          Signed with a throwaway secret <code className="break-all">{result.secret}</code>; the endpoint gets its own
          secret when saved.
        </p>
      )}
      {result && (
        <div className="exchange">
          <div>
            <h4>Request</h4>
            <pre className="code-block code-wrap" tabIndex={0} aria-label="Request sent">
              {`POST ${result.request.url}\n${headerLines(result.request.headers)}\n\n${result.request.body}`}
            </pre>
          </div>
          <div>
            <h4>Response</h4>
            <pre className="code-block code-wrap" tabIndex={0} aria-label="Response received">
              {result.status === null
                ? `No response${result.error ? `: ${result.error}` : ''}`
                : `HTTP ${result.status}\n\n${result.response_body ?? ''}`}
            </pre>
          </div>
        </div>
      )}
    </section>
  );
}
