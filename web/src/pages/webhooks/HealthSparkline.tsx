import { Line, LineChart, YAxis } from 'recharts';
import type { OutcomeBucket } from '../../api/types';
import { successRates } from './endpointHealth';

/** The success rate per bar as a small line (bars without attempts skipped); the figures beside it say it in words. */
export function HealthSparkline({ series, label }: { series: OutcomeBucket[]; label: string }) {
  return (
    <span className="sparkline" role="img" aria-label={label}>
      <LineChart width={120} height={32} data={successRates(series)} margin={{ top: 3, right: 2, bottom: 3, left: 2 }}>
        <YAxis hide domain={[0, 100]} />
        {/* Bars without attempts are skipped (connectNulls); the dots mark the bars that had some, so one lone bar still shows. */}
        <Line type="linear" dataKey="rate" stroke="#4f46e5" strokeWidth={1.5} dot={{ r: 1.5, strokeWidth: 0, fill: '#4f46e5' }} isAnimationActive={false} connectNulls />
      </LineChart>
    </span>
  );
}
