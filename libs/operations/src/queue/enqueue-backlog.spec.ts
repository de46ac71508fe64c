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

  it('frees the room of work that failed and passes the failure on', async () => {
    const backlog = new EnqueueBacklog(5);
    await expect(backlog.admit(5, () => Promise.reject(new Error('redis gone')))).rejects.toThrow('redis gone');
    expect(backlog.size).toBe(0);
  });
});
