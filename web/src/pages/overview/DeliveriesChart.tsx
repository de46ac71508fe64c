import { Link, useNavigate } from 'react-router';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { DeliveryStats, StatsRange } from '../../api/types';
import { EmptyState } from '../../ui/PageStates';
import { barLabel, deliveryLogLink, type DeliveryOutcome } from './statsLinks';
import { FigureLink } from './FigureLink';

/** Outcome colours, the same in every chart (and readable on white). */
export const OUTCOME_SERIES: { key: DeliveryOutcome; label: string; color: string }[] = [
  { key: 'succeeded', label: 'Succeeded', color: '#15803d' },
  { key: 'retrying', label: 'Retrying', color: '#d97706' },
  { key: 'failed', label: 'Failed', color: '#b91c1c' },
];

/** Delivery attempts per bar, stacked by outcome; a click on a bar opens the log of those attempts' deliveries. */
export function DeliveriesChart({ stats, range }: { stats: DeliveryStats; range: StatsRange }) {
  const navigate = useNavigate();
  const rows = stats.buckets.map((bucket) => ({ ...bucket, label: barLabel(bucket.start, range) }));
  const total = stats.totals.succeeded + stats.totals.failed + stats.totals.retrying;

  return (
    <>
      <ul className="figure-row" aria-label="Delivery attempts in the range">
        {OUTCOME_SERIES.map((series) => (
          <li key={series.key}>
            <FigureLink
              to={deliveryLogLink({ start: stats.since, end: stats.until, outcome: series.key })}
              value={stats.totals[series.key]}
              label={series.label}
              color={series.color}
            />
          </li>
        ))}
      </ul>
      {total === 0 ? (
        <EmptyState title="No delivery attempts in this range.">
          Bars appear as events go to your endpoints. Add an endpoint under <strong>Webhooks</strong> and publish an event.
        </EmptyState>
      ) : (
        <div className="chart" data-testid="deliveries-chart">
          <ResponsiveContainer width="100%" height={240}>
            <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: -16 }} accessibilityLayer>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="label" tick={{ fontSize: 12 }} interval="preserveStartEnd" minTickGap={16} />
              <YAxis allowDecimals={false} tick={{ fontSize: 12 }} />
              <Tooltip />
              <Legend />
              {OUTCOME_SERIES.map((series) => (
                <Bar
                  key={series.key}
                  dataKey={series.key}
                  name={series.label}
                  stackId="outcome"
                  fill={series.color}
                  cursor="pointer"
                  onClick={(_, index) => {
                    const bucket = stats.buckets[index];
                    if (bucket) void navigate(deliveryLogLink({ start: bucket.start, end: bucket.end, outcome: series.key }));
                  }}
                />
              ))}
            </BarChart>
          </ResponsiveContainer>
        </div>
      )}
      {total > 0 && (
        <details className="chart-table">
          <summary>Show as a table</summary>
          <div className="table-scroll">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">From</th>
                  {OUTCOME_SERIES.map((series) => (
                    <th key={series.key} scope="col">
                      {series.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.start}>
                    <th scope="row">{row.label}</th>
                    {OUTCOME_SERIES.map((series) => (
                      <td key={series.key}>
                        {row[series.key] === 0 ? (
                          '0'
                        ) : (
                          <Link to={deliveryLogLink({ start: row.start, end: row.end, outcome: series.key })}>{row[series.key]}</Link>
                        )}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      )}
    </>
  );
}
