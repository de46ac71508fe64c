import { ADVISORY_LOCKS } from '@hub/database';
import { DataSource } from 'typeorm';
import { scratchDatabase } from '../../../../test/support/scratch-database';
import { deleteInBatches, RowPurges } from './row-purges';

describe('row purges (PostgreSQL)', () => {
  let db: Awaited<ReturnType<typeof scratchDatabase>>;
  let ds: DataSource;
  const count = async (table: string) => Number(((await ds.query(`SELECT count(*) AS n FROM ${table}`)) as { n: string }[])[0].n);

  beforeAll(async () => {
    db = await scratchDatabase();
    ds = db.dataSource;
  });
  afterAll(() => db.close());

  it('deletes every matching row, a batch at a time, and only those', async () => {
    await ds.query(`CREATE TABLE logs (id serial PRIMARY KEY, created_at timestamptz NOT NULL)`);
    await ds.query(`INSERT INTO logs (created_at) SELECT now() - interval '40 days' FROM generate_series(1, 12000)`);
    await ds.query(`INSERT INTO logs (created_at) VALUES (now() - interval '1 day'), (now())`);
    expect(await deleteInBatches(ds, 'logs', 'created_at < now() - make_interval(days => $1)', [30])).toBe(12000);
    expect(await count('logs')).toBe(2);
  });

  it('runs each registered purge when it is due, one worker at a time', async () => {
    const purges = new RowPurges(ds);
    const ran: string[] = [];
    purges.register({ name: 'often', everyMs: 1000, purge: async () => (ran.push('often'), 3) });
    purges.register({ name: 'hourly', everyMs: 3_600_000, purge: async () => (ran.push('hourly'), 0) });
    purges.register({ name: 'broken', everyMs: 1000, purge: () => Promise.reject(new Error('table gone')) });
    expect(await purges.purgeDue()).toEqual({ often: 3, hourly: 0 });
    expect(await purges.purgeDue()).toEqual({});
    expect(await purges.purgeDue(Date.now() + 2000)).toEqual({ often: 3 });
    expect(ran).toEqual(['often', 'hourly', 'often']);
    expect(() => purges.register({ name: 'often', everyMs: 1, purge: async () => 0 })).toThrow('Purge "often" is registered twice');

    const other = ds.createQueryRunner();
    await other.connect();
    await other.query('SELECT pg_advisory_lock($1)', [ADVISORY_LOCKS.rowPurge]);
    try {
      expect(await purges.purgeDue(Date.now() + 10_000_000)).toEqual({});
      expect(ran).toHaveLength(3);
    } finally {
      await other.query('SELECT pg_advisory_unlock($1)', [ADVISORY_LOCKS.rowPurge]);
      await other.release();
    }
  });
});
