import { Link } from 'react-router';
import type { QueueBacklog } from '../../api/types';
import { formatAge } from './statsLinks';

const QUEUE_LABELS: Record<string, { label: string; log: string }> = {
  deliveries: { label: 'Webhook deliveries', log: '/deliveries?status=pending' },
};

/** Each queue's depth (due now), what waits for a retry, and how long the oldest due job has waited. */
export function QueuesPanel({ queues }: { queues: QueueBacklog[] }) {
  return (
    <div className="table-scroll">
      <table className="table table-compact" aria-label="Queues">
        <thead>
          <tr>
            <th scope="col">Queue</th>
            <th scope="col">Due now</th>
            <th scope="col">Pending in all</th>
            <th scope="col">Oldest due waits</th>
          </tr>
        </thead>
        <tbody>
          {queues.map((queue) => {
            const known = QUEUE_LABELS[queue.name];
            return (
              <tr key={queue.name}>
                <th scope="row">{known ? <Link to={known.log}>{known.label}</Link> : queue.name}</th>
                <td>{queue.due.toLocaleString()}{queue.capped && queue.due >= queue.pending ? '+' : ''}</td>
                <td>{queue.pending.toLocaleString()}{queue.capped ? '+' : ''}</td>
                <td className={queue.oldest_age_seconds !== null && queue.oldest_age_seconds > 60 ? 'text-warning' : undefined}>
                  {formatAge(queue.oldest_age_seconds)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
