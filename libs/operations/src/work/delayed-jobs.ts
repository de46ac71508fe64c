import type { Queue } from 'bull';

/**
 * Brings a delayed job (a retry waiting in Redis) forward, so work made due
 * again now (an admin's retry) runs now: adding a job with the same id would
 * be a no-op. Answers whether there was such a job; never throws (if Redis is
 * down, the sweeper enqueues the now-due row).
 */
export async function promoteDelayedJob(queue: Queue, jobId: string): Promise<boolean> {
  try {
    const job = await queue.getJob(jobId);
    if (!job || !(await job.isDelayed())) return false;
    await job.promote();
    return true;
  } catch {
    return false;
  }
}
