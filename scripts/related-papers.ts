/**
 * Works out related papers for ingest (scripts/ingest.ts). Finding each paper's matches is
 * independent once the catalog's model is built, so from POOL_PAPERS_FROM papers the catalog is
 * split into ranges shared out to one worker thread per core (related-papers-worker.ts), each of
 * which builds the model itself. Both ways give the same matches.
 */
import { availableParallelism } from 'node:os';
import { POOL_PAPERS_FROM, runInPool } from '../src/build/worker-pool.ts';
import { type RelatedInput, type RelatedMatch, relatedMatches, relatedModel } from '../src/lib/related/related.ts';
import type { RelatedSource } from '../src/lib/related/related-file.ts';

/** Ranges per thread: enough that one slow range does not leave a core idle at the end. */
const RANGES_PER_THREAD = 4;
const WORKER = new URL('./related-papers-worker.ts', import.meta.url);

export interface RelatedWork {
  inputs: RelatedInput[];
  count: number;
}

export const relatedWork = (papers: readonly RelatedSource[], count: number): RelatedWork => ({
  inputs: papers.map((p) => ({ id: p.slug, title: p.title, abstract: p.abstract })),
  count,
});

/** Each paper's related slugs, best first, by slug. */
export async function workOutRelated(work: RelatedWork, options: { poolFrom?: number; threads?: number } = {}): Promise<Record<string, string[]>> {
  const n = work.inputs.length;
  let matches: [string, RelatedMatch[]][];
  if (n < (options.poolFrom ?? POOL_PAPERS_FROM)) {
    matches = relatedMatches(relatedModel(work.inputs, { count: work.count }));
  } else {
    const ranges = (options.threads ?? availableParallelism()) * RANGES_PER_THREAD;
    const size = Math.ceil(n / ranges);
    const jobs = Array.from({ length: Math.ceil(n / size) }, (_, i) => [i * size, Math.min(n, (i + 1) * size)] as const);
    const parts = await runInPool<readonly [number, number], [string, RelatedMatch[]][]>(WORKER, jobs, ([from, to]) => `related papers ${from}–${to}`, {
      workerData: work,
      ...(options.threads !== undefined && { threads: options.threads }),
    });
    matches = parts.flat();
  }
  return Object.fromEntries(matches.map(([slug, found]) => [slug, found.map((m) => m.id)]));
}
