import { useState } from 'react';
import { Link } from 'react-router';
import type { Lead, LeadSource, LeadStatus } from '../../api/types';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { formatDate } from '../../ui/formatDate';
import { EmptyState, ErrorState, Loading, errorMessage } from '../../ui/PageStates';
import { useRetryFailedLeads, useSourceLeads } from './useLeadSources';

const STATUS_LOOK: Record<LeadStatus, { tone: string; label: string }> = {
  captured: { tone: 'ok', label: 'Captured' },
  pending: { tone: 'warn', label: 'Pending' },
  failed: { tone: 'danger', label: 'Failed' },
};
/** The API returns at most this many leads; a full list may hide older failed ones. */
const RECENT_LIMIT = 50;

function Outcome({ lead }: { lead: Lead }) {
  const { tone, label } = STATUS_LOOK[lead.status];
  return (
    <>
      <span className="badges">
        <span className={`badge badge-${tone}`}>{label}</span>
        {lead.is_test && <span className="badge badge-info">Test</span>}
        {lead.repeats > 0 && (
          <span className="badge badge-info" title="The provider sent this lead again; it was captured once">
            Duplicate ×{lead.repeats}
          </span>
        )}
      </span>
      {lead.last_error && <span className="cell-sub field-error">{lead.last_error}</span>}
      {lead.status === 'pending' && lead.attempts > 0 && <span className="muted cell-sub">{lead.attempts} attempts so far</span>}
    </>
  );
}

function answers(lead: Lead): string {
  if (!lead.fields) return '—';
  return Object.entries(lead.fields)
    .map(([name, value]) => `${name}: ${value}`)
    .join(' · ');
}

/** The source's 50 latest leads with what became of each, and Retry failed leads. */
export function RecentLeads({ source }: { source: LeadSource }) {
  const leads = useSourceLeads(source.id);
  const retry = useRetryFailedLeads(source.id);
  const [confirming, setConfirming] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const failed = leads.data?.filter((lead) => lead.status === 'failed').length ?? 0;
  const maybeMore = (leads.data?.length ?? 0) >= RECENT_LIMIT;

  return (
    <section aria-labelledby="recent-leads-heading">
      <div className="section-bar">
        <h2 id="recent-leads-heading" className="section-title">
          Recent leads
        </h2>
        {failed > 0 && (
          <button
            type="button"
            className="button"
            onClick={() => {
              retry.reset();
              setNote(null);
              setConfirming(true);
            }}
          >
            Retry failed leads
          </button>
        )}
      </div>
      {note && (
        <p className="notice" role="status">
          {note}
        </p>
      )}
      {leads.isPending ? (
        <Loading label="Loading leads…" />
      ) : leads.isError ? (
        <ErrorState title="The leads could not be loaded." error={leads.error} onRetry={() => void leads.refetch()} />
      ) : leads.data.length === 0 ? (
        <EmptyState title="No leads yet.">Once the provider sends one, or you send a test lead, it shows here with what became of it.</EmptyState>
      ) : (
        <div className="card table-card">
          <table className="table">
            <caption className="visually-hidden">Recent leads of {source.name}</caption>
            <thead>
              <tr>
                <th scope="col">Received</th>
                <th scope="col">Lead</th>
                <th scope="col">Outcome</th>
                <th scope="col">Answers</th>
                <th scope="col">Contact</th>
              </tr>
            </thead>
            <tbody>
              {leads.data.map((lead) => (
                <tr key={lead.id}>
                  <td className="nowrap">{formatDate(lead.created_at)}</td>
                  <th scope="row">
                    <code className="break-all">{lead.lead_id}</code>
                    {lead.form_id && <span className="muted cell-sub">Form {lead.form_id}</span>}
                  </th>
                  <td>
                    <Outcome lead={lead} />
                  </td>
                  <td className="break-all">{answers(lead)}</td>
                  <td>
                    {lead.contact_id ? (
                      <Link to={`/contacts?contact=${encodeURIComponent(lead.contact_id)}`} aria-label={`Open the contact of lead ${lead.lead_id}`}>
                        Open contact
                      </Link>
                    ) : (
                      <span className="muted">—</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {confirming && (
        <ConfirmDialog
          title={`Retry ${failed} failed ${failed === 1 ? 'lead' : 'leads'}${maybeMore ? ' (and any older ones)' : ''}?`}
          confirmLabel="Retry failed leads"
          busyLabel="Retrying…"
          busy={retry.isPending}
          error={retry.error ? `The leads could not be retried: ${errorMessage(retry.error)}` : undefined}
          onConfirm={() =>
            retry.mutate(undefined, {
              onSuccess: ({ retried }) => {
                setConfirming(false);
                setNote(`${retried} failed ${retried === 1 ? 'lead' : 'leads'} put back in line: they show as pending until captured.`);
              },
            })
          }
          onCancel={() => setConfirming(false)}
        >
          <p>
            The hub fetches and captures {failed === 1 ? 'it' : 'them'} again from the start. Fix what made them fail first
            (an expired page access token, say), or they fail again.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
