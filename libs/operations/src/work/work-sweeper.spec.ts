import { AppConfig } from '@hub/config';
import { ADVISORY_LOCKS } from '@hub/database';
import { DataSource } from 'typeorm';
import { scratchDatabase } from '../../../../test/support/scratch-database';
import { leaseIsFree } from './lease';
import { WorkSweeper } from './work-sweeper';

describe('WorkSweeper (PostgreSQL)', () => {
  let db: Awaited<ReturnType<typeof scratchDatabase>>;
  let ds: DataSource;
  let sweeper: WorkSweeper;
  const enqueued: Record<string, string[]> = { jobs: [], mails: [] };
  const failed: string[] = [];

  beforeAll(async () => {
    db = await scratchDatabase();
    ds = db.dataSource;
    await ds.query(`CREATE TABLE jobs (id text PRIMARY KEY, due_at timestamptz, locked_until timestamptz, tries int DEFAULT 0)`);
    await ds.query(`INSERT INTO jobs (id, due_at, locked_until, tries) VALUES
      ('old', now() - interval '1 minute', NULL, 0),            -- due, lost: re-enqueued
      ('fresh', now(), NULL, 0),                                 -- within the grace period: left to the normal path
      ('leased', now() - interval '1 minute', now() + interval '1 minute', 0),
      ('dead', now() - interval '1 minute', now() - interval '1 second', 3)`); // its worker died on the last try
    sweeper = new WorkSweeper(ds, { webhookSweepIntervalMs: 60_000 } as AppConfig);
    sweeper.register<string>({
      name: 'jobs',
      due: async (tx, grace, limit) =>
        ((await tx.query(`SELECT id FROM jobs WHERE tries < 3 AND due_at < now() - make_interval(secs => $1) AND ${leaseIsFree()} ORDER BY id LIMIT $2`, [grace, limit])) as { id: string }[]).map(
          (row) => row.id,
        ),
      enqueue: async (ids) => void enqueued.jobs.push(...ids),
      abandoned: {
        find: async (tx) => ((await tx.query(`SELECT id FROM jobs WHERE tries >= 3 AND locked_until < now()`)) as { id: string }[]).map((row) => row.id),
        fail: async (id) => void failed.push(id),
      },
    });
    sweeper.register<string>({ name: 'mails', due: async () => ['m1', 'm2'], enqueue: async (ids) => void enqueued.mails.push(...ids) });
  });
  afterAll(() => db.close());

  it('re-enqueues the due work of every registered kind and ends abandoned work', async () => {
    expect(await sweeper.sweep()).toEqual({ jobs: 1, 'jobs abandoned': 1, mails: 2 });
    expect(enqueued).toEqual({ jobs: ['old'], mails: ['m1', 'm2'] });
    expect(failed).toEqual(['dead']);
  });

  it('does nothing while another worker sweeps (holds the advisory lock)', async () => {
    const other = ds.createQueryRunner();
    await other.connect();
    await other.startTransaction();
    await other.query('SELECT pg_advisory_xact_lock($1)', [ADVISORY_LOCKS.workSweep]);
    try {
      expect(await sweeper.sweep()).toEqual({ jobs: 0, mails: 0 });
    } finally {
      await other.rollbackTransaction();
      await other.release();
    }
  });

  it('refuses a kind registered twice', () => {
    expect(() => sweeper.register({ name: 'mails', due: async () => [], enqueue: async () => undefined })).toThrow('Work kind "mails" is registered twice');
    expect(sweeper.registered).toEqual(['jobs', 'mails']);
  });
});
