import { DataSource } from 'typeorm';
import { scratchDatabase } from '../../../../test/support/scratch-database';
import { leaseExpired, leaseIsFree, RELEASE_LEASE, takeLease } from './lease';

describe('lease fragments (PostgreSQL)', () => {
  let db: Awaited<ReturnType<typeof scratchDatabase>>;
  let ds: DataSource;
  const claim = async (id: number, seconds: number) =>
    ((await ds.query(`UPDATE items SET ${takeLease('$2')} WHERE id = $1 AND ${leaseIsFree()} RETURNING id`, [id, seconds])) as [unknown[], number])[1];

  beforeAll(async () => {
    db = await scratchDatabase();
    ds = db.dataSource;
    await ds.query('CREATE TABLE items (id int PRIMARY KEY, locked_until timestamptz)');
    await ds.query('INSERT INTO items (id) VALUES (1), (2), (3)');
  });
  afterAll(() => db.close());

  it('lets one claim take a free row, and no second claim while the lease runs', async () => {
    expect(await claim(1, 30)).toBe(1);
    expect(await claim(1, 30)).toBe(0);
  });

  it('frees a row whose lease ran out (its worker died), and one given back', async () => {
    await ds.query(`UPDATE items SET locked_until = now() - interval '1 second' WHERE id = 2`);
    expect(await ds.query(`SELECT id FROM items WHERE ${leaseExpired()} ORDER BY id`)).toEqual([{ id: 2 }]);
    expect(await claim(2, 30)).toBe(1);
    await ds.query(`UPDATE items SET ${RELEASE_LEASE} WHERE id = 1`);
    expect(await claim(1, 30)).toBe(1);
  });

  it('reads the column through a table alias', async () => {
    const rows = (await ds.query(`SELECT i.id FROM items i WHERE ${leaseIsFree('i')} ORDER BY i.id`)) as { id: number }[];
    expect(rows).toEqual([{ id: 3 }]);
  });
});
