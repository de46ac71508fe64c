import { OUTCOMES, SOURCE_LABELS, hasFilters, sourceLabel, type InboundLogFilters } from './inboundLogFilters';

interface InboundLogFiltersFormProps {
  filters: InboundLogFilters;
  /** Sources seen in the rows on screen, offered next to the known ones. */
  seenSources: string[];
  onChange: (next: Partial<InboundLogFilters>) => void;
  onClear: () => void;
}

const OUTCOME_LABELS = { accepted: 'Accepted', duplicate: 'Duplicate', rejected: 'Rejected', error: 'Error' } as const;

/** Filters of the inbound log; each change applies at once (they live in the URL). */
export function InboundLogFiltersForm({ filters, seenSources, onChange, onClear }: InboundLogFiltersFormProps) {
  const sources = [...new Set([...Object.keys(SOURCE_LABELS), ...seenSources, ...(filters.source ? [filters.source] : [])])];
  return (
    <form className="card filters" role="search" aria-label="Filter inbound requests" onSubmit={(event) => event.preventDefault()}>
      <div className="field">
        <label htmlFor="inbound-source">Source</label>
        <select id="inbound-source" value={filters.source} onChange={(e) => onChange({ source: e.target.value })}>
          <option value="">All sources</option>
          {sources.map((source) => (
            <option key={source} value={source}>
              {sourceLabel(source)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="inbound-outcome">Outcome</label>
        <select
          id="inbound-outcome"
          value={filters.status}
          onChange={(e) => onChange({ status: e.target.value as InboundLogFilters['status'] })}
        >
          <option value="">Any outcome</option>
          {OUTCOMES.map((outcome) => (
            <option key={outcome} value={outcome}>
              {OUTCOME_LABELS[outcome]}
            </option>
          ))}
        </select>
      </div>
      <div className="field field-time">
        <label htmlFor="inbound-since">Since</label>
        <input id="inbound-since" type="datetime-local" value={filters.since} onChange={(e) => onChange({ since: e.target.value })} />
      </div>
      <div className="field field-time">
        <label htmlFor="inbound-until">Until</label>
        <input id="inbound-until" type="datetime-local" value={filters.until} onChange={(e) => onChange({ until: e.target.value })} />
      </div>
      <button type="button" className="button filters-clear" onClick={onClear} disabled={!hasFilters(filters)}>
        Clear filters
      </button>
    </form>
  );
}
