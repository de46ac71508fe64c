import { workJobs, WorkJobShape } from './work-jobs';

describe('workJobs', () => {
  const shape: WorkJobShape<{ id?: string; ids?: string[] }> = { one: (id) => ({ id }), many: (ids) => ({ ids }), max: 2, options: { attempts: 1 } };

  it('gives a retry its own delayed job, and groups due items up to max per job', () => {
    const jobs = workJobs(
      [
        { id: 'a', attempt_count: 0 },
        { id: 'r', attempt_count: 3, delayMs: 1500.4 },
        { id: 'b', attempt_count: 0 },
        { id: 'c', attempt_count: 1 },
      ],
      shape,
    );
    expect(jobs).toEqual([
      { data: { id: 'r' }, opts: { attempts: 1, jobId: 'r:3', delay: 1500 } },
      { data: { ids: ['a', 'b'] }, opts: { attempts: 1, jobId: 'a:0+2', delay: 0 } },
      { data: { id: 'c' }, opts: { attempts: 1, jobId: 'c:1', delay: 0 } },
    ]);
  });

  it('makes nothing of nothing', () => {
    expect(workJobs([], shape)).toEqual([]);
  });
});
