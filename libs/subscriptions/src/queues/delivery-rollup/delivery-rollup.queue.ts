import { JobOptions, QueueOptions } from 'bull';

/** Advances delivery_rollups (the stats charts' counts) to the last complete 5-minute bucket. */
export const ROLLUP_QUEUE = 'delivery-rollup';

/** The job carries nothing: the progress row says where to start. */
export type RollupJob = Record<string, never>;

/** One job per bucket boundary: the sweeper finding the mark behind twice before it ran adds nothing. */
export function rollupJobId(target: Date): string {
  return `rollup:${target.toISOString()}`;
}

/** The progress row is the state: Bull keeps nothing and never retries on its own; the sweeper asks again next pass. */
export const ROLLUP_JOB_OPTIONS: JobOptions = { attempts: 1, removeOnComplete: true, removeOnFail: true };

/** A first rollup of a busy week takes minutes: Bull's lock outlives a chunk, the progress row's lease the rest. */
export const ROLLUP_QUEUE_SETTINGS: QueueOptions['settings'] = { lockDuration: 120_000, stalledInterval: 30_000, maxStalledCount: 3 };

/** One pass at a time per worker (the lease makes it one across workers). */
export const ROLLUP_CONCURRENCY = 1;
