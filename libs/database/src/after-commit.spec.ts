import { DataSource } from 'typeorm';
import { scratchDatabase } from '../../../test/support/scratch-database';
import { AfterCommit } from './after-commit';

describe('AfterCommit (PostgreSQL)', () => {
  let db: Awaited<ReturnType<typeof scratchDatabase>>;
  let ds: DataSource;
  let afterCommit: AfterCommit;
  let ran: string[];
  const note = (name: string) => async () => void ran.push(name);
  // The hook starts the work without awaiting it: let it run.
  const settle = () => new Promise((resolve) => setImmediate(resolve));

  beforeAll(async () => {
    db = await scratchDatabase();
    ds = db.dataSource;
    afterCommit = new AfterCommit(ds);
    afterCommit.onModuleInit();
  });
  afterAll(() => db.close());
  beforeEach(() => (ran = []));

  it('runs work at once outside a transaction, and only after COMMIT inside one', async () => {
    await afterCommit.run(ds.manager, note('now'));
    await ds.transaction(async (tx) => {
      await afterCommit.run(tx, note('committed'));
      await settle();
      expect(ran).toEqual(['now']);
    });
    await settle();
    expect(ran).toEqual(['now', 'committed']);
  });

  it('drops the work of a transaction that rolls back', async () => {
    await expect(
      ds.transaction(async (tx) => {
        await afterCommit.run(tx, note('lost'));
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    await settle();
    expect(ran).toEqual([]);
  });

  it('keeps the work from before a rolled-back savepoint, drops the savepoint’s, and runs nothing at a savepoint release', async () => {
    await ds.transaction(async (tx) => {
      await afterCommit.run(tx, note('outer'));
      await tx
        .transaction(async (inner) => {
          await afterCommit.run(inner, note('in rolled-back savepoint'));
          throw new Error('savepoint rolled back');
        })
        .catch(() => undefined);
      await tx.transaction(async (inner) => afterCommit.run(inner, note('in released savepoint')));
      await settle();
      expect(ran).toEqual([]);
    });
    await settle();
    expect(ran).toEqual(['outer', 'in released savepoint']);
  });
});
