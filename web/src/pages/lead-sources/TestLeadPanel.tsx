import { Link } from 'react-router';
import type { LeadSource, TestLeadResult } from '../../api/types';
import { errorMessage } from '../../ui/PageStates';
import { useSendTestLead } from './useLeadSources';

function Result({ result }: { result: TestLeadResult }) {
  const { lead, route_status: routeStatus } = result;
  const ok = lead.status === 'captured';
  const pending = lead.status === 'pending';
  return (
    <section className={`test-result ${ok ? 'test-result-ok' : pending ? '' : 'test-result-failed'}`} aria-label="Test lead result">
      <div className="test-result-header">
        <h3>
          <span className={`badge ${ok ? 'badge-ok' : pending ? 'badge-warn' : 'badge-danger'}`}>{ok ? 'Captured' : pending ? 'Pending' : 'Failed'}</span>{' '}
          Test lead <code>{lead.lead_id}</code>
        </h3>
      </div>
      {ok && (
        <p className="test-result-outcome">
          The route answered {routeStatus} and the lead became a contact.{' '}
          {lead.contact_id && <Link to={`/contacts?contact=${encodeURIComponent(lead.contact_id)}`}>Open the contact</Link>}
        </p>
      )}
      {pending && (
        <p className="test-result-outcome">
          The route answered {routeStatus}; the lead is stored but not captured yet. The worker may be busy or stopped:
          it shows under Recent leads once captured.
        </p>
      )}
      {lead.status === 'failed' && (
        <p className="test-result-outcome">
          The route answered {routeStatus}, but the lead could not be captured: {lead.last_error ?? 'no reason given'}
        </p>
      )}
      {lead.fields && (
        <p className="field-hint">
          Sample answers:{' '}
          {Object.entries(lead.fields)
            .map(([name, value]) => `${name} “${value}”`)
            .join(', ')}
        </p>
      )}
    </section>
  );
}

/** "Send a test lead": a signed sample through the public route, and what became of it. */
export function TestLeadPanel({ source }: { source: LeadSource }) {
  const send = useSendTestLead(source.id);
  return (
    <section className="card" aria-labelledby="test-lead-heading">
      <h3 id="test-lead-heading">Send a test lead</h3>
      <p className="field-hint">
        Sends a sample lead through the same public URL {source.provider === 'meta' ? 'Meta uses, signed with the app secret' : 'Google uses'},
        then waits a few seconds for it to become a contact. It is marked test, and enrols into the workflow like any lead.
      </p>
      <div className="panel-actions">
        <button type="button" className="button button-primary" onClick={() => send.mutate()} disabled={send.isPending} aria-busy={send.isPending}>
          {send.isPending ? 'Sending…' : 'Send a test lead'}
        </button>
      </div>
      {send.error && (
        <p className="form-error" role="alert">
          The test lead could not be sent: {errorMessage(send.error)}
        </p>
      )}
      {send.data && !send.isPending && <Result result={send.data} />}
    </section>
  );
}
