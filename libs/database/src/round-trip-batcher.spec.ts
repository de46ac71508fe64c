import { RoundTripBatcher } from './round-trip-batcher';

describe('RoundTripBatcher', () => {
  it('runs the calls of one event-loop turn as one batch, answering each its own output', async () => {
    const batches: number[][] = [];
    const batcher = new RoundTripBatcher<number, number>(async (inputs) => {
      batches.push(inputs);
      return inputs.map((n) => n * 10);
    });
    const first = await Promise.all([1, 2, 3].map((n) => batcher.submit(n)));
    const later = await batcher.submit(4);
    expect(first).toEqual([10, 20, 30]);
    expect(later).toBe(40);
    expect(batches).toEqual([[1, 2, 3], [4]]);
  });

  it('never puts more than maxBatch inputs in one statement', async () => {
    const sizes: number[] = [];
    const batcher = new RoundTripBatcher<number, number>(async (inputs) => {
      sizes.push(inputs.length);
      return inputs;
    }, 4);
    const outputs = await Promise.all(Array.from({ length: 10 }, (_, i) => batcher.submit(i)));
    expect(outputs).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(sizes).toEqual([4, 4, 2]);
  });

  it('fails every call of a failed batch, and the next batch runs normally', async () => {
    let fail = true;
    const batcher = new RoundTripBatcher<string, string>(async (inputs) => {
      if (fail) throw new Error('connection lost');
      return inputs.map((s) => s.toUpperCase());
    });
    const results = await Promise.allSettled([batcher.submit('a'), batcher.submit('b')]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    fail = false;
    await expect(batcher.submit('c')).resolves.toBe('C');
  });

  it('with a linger, also batches calls that arrive a little apart', async () => {
    const batches: number[][] = [];
    const batcher = new RoundTripBatcher<number, number>(async (inputs) => {
      batches.push(inputs);
      return inputs;
    }, 100, 20);
    const first = batcher.submit(1);
    await new Promise((resolve) => setImmediate(resolve));
    const second = batcher.submit(2);
    expect(await Promise.all([first, second])).toEqual([1, 2]);
    expect(batches).toEqual([[1, 2]]);
  });
});
