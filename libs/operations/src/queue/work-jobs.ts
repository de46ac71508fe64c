import type { JobOptions, Queue } from 'bull';
import { jobTraceFields, TracedItem, TracedJob } from '@hub/tracing';

/**
 * A unit of work PostgreSQL holds, to be put on a queue: its row id, attempts
 * so far, a delay for a retry, and (tracing on) the traceparent of where it was
 * stored, which its job carries.
 */
export interface QueuedWork extends TracedItem {
  id: string;
  attempt_count: number;
  delayMs?: number;
}

export interface WorkJobShape<T> {
  /** Job data for one item, and for several. */
  one: (id: string) => T;
  many: (ids: string[]) => T;
  /** Most items in one job. */
  max: number;
  options: JobOptions;
}

/**
 * Bull jobs for items stored together: a delayed item (a retry) gets a job of
 * its own with id `<id>:<attempts so far>` (so re-adding it is a no-op and it
 * can be found to promote), due items travel up to `max` per job (id of the
 * first plus `+<count>`), so Redis and Bull work once for all of them.
 */
export function workJobs<T>(items: QueuedWork[], shape: WorkJobShape<T>): { data: T & TracedJob; opts: JobOptions }[] {
  const single = (item: QueuedWork) => ({
    data: { ...shape.one(item.id), ...jobTraceFields([item]) },
    opts: { ...shape.options, jobId: `${item.id}:${item.attempt_count}`, delay: Math.max(0, Math.round(item.delayMs ?? 0)) },
  });
  const due = items.filter((item) => !item.delayMs);
  const jobs = items.filter((item) => item.delayMs).map(single);
  for (let i = 0; i < due.length; i += shape.max) {
    const chunk = due.slice(i, i + shape.max);
    const jobId = `${chunk[0].id}:${chunk[0].attempt_count}+${chunk.length}`;
    jobs.push(
      chunk.length === 1 ? single(chunk[0]) : { data: { ...shape.many(chunk.map((item) => item.id)), ...jobTraceFields(chunk) }, opts: { ...shape.options, jobId, delay: 0 } },
    );
  }
  return jobs;
}

/** Adds the jobs in one Redis round trip: one job with add() (addBulk wraps even one in MULTI/EXEC). */
export async function addJobs<T>(queue: Queue<T>, jobs: { data: T; opts: JobOptions }[]): Promise<void> {
  if (jobs.length === 0) return;
  await (jobs.length === 1 ? queue.add(jobs[0].data, jobs[0].opts) : queue.addBulk(jobs));
}
