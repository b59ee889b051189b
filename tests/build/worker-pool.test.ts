/** runInPool against a real worker thread: results in job order, and what a failed job reports. */
import { describe, expect, test } from 'vitest';
import { runInPool } from '../../src/build/worker-pool.ts';

const WORKER = new URL('../fixtures/workers/halve-even.ts', import.meta.url);

describe('runInPool', () => {
  test('returns every result in the order of the jobs, whichever worker ran them', async () => {
    const jobs = Array.from({ length: 40 }, (_, i) => 2 * (40 - i));
    const done: number[] = [];
    const results = await runInPool<number, number>(WORKER, jobs, String, { threads: 3, onProgress: (n) => done.push(n) });
    expect(results).toEqual(jobs.map((n) => n / 2));
    expect(done).toEqual(jobs.map((_, i) => i + 1));
  });

  test("a failed job names the job once, carries the job's own message, and keeps the worker's stack as the cause", async () => {
    const failure = await runInPool<number, number>(WORKER, [2, 4, 7, 8], (n) => `halving ${n}`, { threads: 2 }).catch((error: Error) => error);
    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).message).toBe('halving 7 failed: 7 is odd');
    expect(((failure as Error).cause as Error).stack).toMatch(/halve-even\.ts/);
  });

  test("without a description the job's message is the whole message", async () => {
    await expect(runInPool<number, number>(WORKER, [3], undefined)).rejects.toThrow(/^3 is odd$/);
  });
});
