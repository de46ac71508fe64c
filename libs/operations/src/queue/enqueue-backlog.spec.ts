import { EnqueueBacklog } from './enqueue-backlog';

describe('EnqueueBacklog', () => {
  it('admits work up to its limit while earlier work is still waiting, and frees room as it finishes', async () => {
    const backlog = new EnqueueBacklog(10);
    let release!: () => void;
    const blocked = new Promise<void>((resolve) => (release = resolve));
    const added: number[] = [];
    const first = backlog.admit(6, async () => {
      await blocked;
      added.push(6);
    });
    const second = backlog.admit(4, async () => {
      await blocked;
      added.push(4);
    });
    expect(backlog.size).toBe(10);
    expect(await backlog.admit(1, async () => void added.push(1))).toBe(false);
    release();
    expect(await Promise.all([first, second])).toEqual([true, true]);
    expect(backlog.size).toBe(0);
    expect(await backlog.admit(1, async () => void added.push(1))).toBe(true);
    expect(added).toEqual([6, 4, 1]);
  });

  it('tells onFull once each time it fills, not once per refused call', async () => {
    const told: number[] = [];
    const backlog = new EnqueueBacklog(3, (waiting) => told.push(waiting));
    let release!: () => void;
    const blocked = new Promise<void>((resolve) => (release = resolve));
    const waiting = backlog.admit(3, () => blocked);
    expect(await backlog.admit(1, async () => undefined)).toBe(false);
    expect(await backlog.admit(1, async () => undefined)).toBe(false);
    expect(told).toEqual([3]);
    release();
    await waiting;
    expect(await backlog.admit(1, async () => undefined)).toBe(true);
    const again = backlog.admit(3, () => new Promise<void>(() => undefined));
    expect(await backlog.admit(1, async () => undefined)).toBe(false);
    expect(told).toEqual([3, 3]);
    void again;
  });

  it('frees the room of work that failed and passes the failure on', async () => {
    const backlog = new EnqueueBacklog(5);
    await expect(backlog.admit(5, () => Promise.reject(new Error('redis gone')))).rejects.toThrow('redis gone');
    expect(backlog.size).toBe(0);
  });
});
