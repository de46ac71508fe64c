import type { LeadSource } from '../../api/types';
import { formatDate } from '../../ui/formatDate';
import { PROVIDER_LABELS } from './leadSourceFormModel';

interface LeadSourcesTableProps {
  sources: LeadSource[];
  onEdit: (source: LeadSource) => void;
  onDelete: (source: LeadSource) => void;
}

export function LeadSourcesTable({ sources, onEdit, onDelete }: LeadSourcesTableProps) {
  return (
    <div className="card table-card">
      <table className="table">
        <caption className="visually-hidden">Lead sources</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Provider</th>
            <th scope="col">Last lead received</th>
            <th scope="col">Problems</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {sources.map((source) => (
            <tr key={source.id}>
              <th scope="row">{source.name}</th>
              <td>
                <span className="badge">{PROVIDER_LABELS[source.provider]}</span>
                {source.page_id && <span className="muted cell-sub">Page {source.page_id}</span>}
              </td>
              <td className="nowrap">{source.last_lead_at ? formatDate(source.last_lead_at) : <span className="muted">Never</span>}</td>
              <td>
                {source.last_error ? (
                  <>
                    <span className="badge badge-danger">Last lead failed</span>
                    <span className="cell-sub field-error">{source.last_error}</span>
                    <span className="muted cell-sub">{formatDate(source.last_error_at)}</span>
                  </>
                ) : (
                  <span className="muted">None</span>
                )}
              </td>
              <td className="cell-actions">
                <button type="button" className="button button-small" aria-label={`Open ${source.name}`} onClick={() => onEdit(source)}>
                  Open
                </button>{' '}
                <button type="button" className="button button-small button-danger-ghost" aria-label={`Delete ${source.name}`} onClick={() => onDelete(source)}>
                  Delete
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
