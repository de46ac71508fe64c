import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { returning } from '@hub/database';
import { leaseIsFree, RELEASE_LEASE, takeLease } from '@hub/operations';
import { attemptRollupRowsSql, bucketOf, ROLLUP_BUCKET_SECONDS } from './delivery-rollup-sql';

/** How far back a first rollup starts, and how long rolled-up buckets are kept: the longest chart range (7 days) and a day's margin. */
export const ROLLUP_KEEP_DAYS = 8;
/** Buckets before the progress mark recomputed on each pass, so an attempt committed up to this late is still counted. */
const RECOUNT_SECONDS = 600;
/**
 * Attempts one statement rolls up: a first rollup of a busy week goes in steps
 * of a day, each its own transaction (fewer steps: each may read deliveries
 * whole for its join; 1.4 million attempts a day for a 10-million-attempt week).
 */
const CHUNK_SECONDS = 24 * 3600;
/** Memory for one step's join and grouping (a background job, one at a time): the day's rows sort in memory, not on disk. */
const STEP_WORK_MEM = '64MB';
/** The rollup's lease on its progress row, renewed after each chunk. */
const LEASE_SECONDS = 300;

/**
 * Advances delivery_rollups to the last complete 5-minute bucket: recounts
 * from a little before the progress mark (late commits) and moves the mark.
 * The progress row's lease makes it one pass at a time across workers; the
 * delivery-rollup queue runs it when the sweeper finds the mark behind.
 */
@Injectable()
export class DeliveryRollups {
  private readonly logger = new Logger('DeliveryRollups');

  constructor(private readonly dataSource: DataSource) {}

  /** One pass; answers the new mark (null when another worker holds the lease) and the rollup rows written. */
  async rollUp(): Promise<{ rolledUpTo: Date | null; rows: number }> {
    const [claim] = returning<{ rolled_up_to: Date | null; target: Date; first_from: Date }>(
      await this.dataSource.query(
        `UPDATE delivery_rollup_progress SET ${takeLease('$1')}
          WHERE id = 1 AND ${leaseIsFree()}
          RETURNING rolled_up_to, ${bucketOf('now()', ROLLUP_BUCKET_SECONDS)} AS target,
                    ${bucketOf(`now() - make_interval(days => ${ROLLUP_KEEP_DAYS})`, ROLLUP_BUCKET_SECONDS)} AS first_from`,
        [LEASE_SECONDS],
      ),
    );
    if (!claim) return { rolledUpTo: null, rows: 0 };
    const target = new Date(claim.target);
    let from = claim.rolled_up_to ? new Date(Math.max(new Date(claim.rolled_up_to).getTime() - RECOUNT_SECONDS * 1000, new Date(claim.first_from).getTime())) : new Date(claim.first_from);
    let rows = 0;
    try {
      while (from < target) {
        const to = new Date(Math.min(from.getTime() + CHUNK_SECONDS * 1000, target.getTime()));
        rows += await this.rollUpChunk(from, to);
        from = to;
      }
    } finally {
      await this.dataSource.query(`UPDATE delivery_rollup_progress SET ${RELEASE_LEASE} WHERE id = 1`);
    }
    if (rows > 0) this.logger.debug(`Rolled up delivery attempts to ${target.toISOString()} (${rows} rows)`);
    return { rolledUpTo: target, rows };
  }

  /** Replaces the buckets in [from, to) with a fresh count, and moves the mark to `to`, in one transaction. */
  private rollUpChunk(from: Date, to: Date): Promise<number> {
    return this.dataSource.transaction(async (tx) => {
      await tx.query(`SET LOCAL work_mem = '${STEP_WORK_MEM}'`);
      await tx.query('DELETE FROM delivery_rollups WHERE bucket_start >= $1 AND bucket_start < $2', [from, to]);
      const [{ inserted }] = (await tx.query(
        `WITH written AS (
           INSERT INTO delivery_rollups (endpoint_id, account_id, bucket_start, succeeded, failed, retrying, latency_counts, last_error, last_error_status, last_error_at)
           ${attemptRollupRowsSql({ from: '$1', to: '$2' })}
           RETURNING 1)
         SELECT count(*)::int AS inserted FROM written`,
        [from, to],
      )) as [{ inserted: number }];
      await tx.query(
        `UPDATE delivery_rollup_progress SET rolled_up_to = greatest(rolled_up_to, $1::timestamptz), ${takeLease('$2')} WHERE id = 1`,
        [to, LEASE_SECONDS],
      );
      return inserted;
    });
  }
}
