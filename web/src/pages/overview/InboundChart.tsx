import { Link, useNavigate } from 'react-router';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { InboundStats } from '../../api/types';
import { EmptyState } from '../../ui/PageStates';
import { sourceLabel } from '../inbound-log/inboundLogFilters';
import { inboundLogLink } from './statsLinks';

const OUTCOMES = [
  { key: 'accepted', label: 'Accepted', short: 'Accepted', color: '#15803d' },
  { key: 'duplicate', label: 'Duplicate', short: 'Duplicate', color: '#4f46e5' },
  { key: 'rejected', label: 'Rejected (4xx)', short: '4xx', color: '#d97706' },
  { key: 'error', label: 'Error (5xx)', short: '5xx', color: '#b91c1c' },
] as const;

/** Inbound requests per source, stacked by outcome; every count opens the inbound log filtered to it. */
export function InboundChart({ stats }: { stats: InboundStats }) {
  const navigate = useNavigate();
  const rows = stats.sources.map((source) => ({ ...source, label: sourceLabel(source.source) }));
  const total = rows.reduce((sum, row) => sum + row.total, 0);
  const link = (source: string, outcome?: string) => inboundLogLink({ source, outcome, since: stats.since, until: stats.until });

  if (total === 0) {
    return (
      <EmptyState title="No inbound requests in this range.">
        Requests to your trigger URLs, lead forms, email provider webhooks and the WhatsApp service appear here.
      </EmptyState>
    );
  }
  return (
    <>
      <div className="chart" data-testid="inbound-chart">
        <ResponsiveContainer width="100%" height={Math.max(160, rows.length * 30 + 60)}>
          <BarChart data={rows} layout="vertical" margin={{ top: 8, right: 16, bottom: 0, left: 8 }} accessibilityLayer>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" allowDecimals={false} tick={{ fontSize: 12 }} />
            <YAxis type="category" dataKey="label" width={130} tick={{ fontSize: 12 }} />
            <Tooltip />
            <Legend />
            {OUTCOMES.map((outcome) => (
              <Bar
                key={outcome.key}
                dataKey={outcome.key}
                name={outcome.label}
                stackId="outcome"
                fill={outcome.color}
                cursor="pointer"
                onClick={(_, index) => {
                  const row = rows[index];
                  if (row) void navigate(link(row.source, outcome.key));
                }}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <div className="table-scroll">
        <table className="table table-compact" aria-label="Inbound requests per source">
          <thead>
            <tr>
              <th scope="col">Source</th>
              {OUTCOMES.map((outcome) => (
                <th key={outcome.key} scope="col">
                  {outcome.short}
                </th>
              ))}
              <th scope="col">All</th>
            </tr>
          </thead>
          <tbody>
            {rows
              .filter((row) => row.total > 0)
              .map((row) => (
                <tr key={row.source}>
                  <th scope="row">{row.label}</th>
                  {OUTCOMES.map((outcome) => (
                    <td key={outcome.key}>{row[outcome.key] === 0 ? '0' : <Link to={link(row.source, outcome.key)}>{row[outcome.key]}</Link>}</td>
                  ))}
                  <td>
                    <Link to={link(row.source)}>{row.total}</Link>
                  </td>
                </tr>
              ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
