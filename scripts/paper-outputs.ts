/**
 * Works out merged papers' topics and files for ingest (scripts/ingest.ts). Tagging is mostly
 * regular expressions on one thread, so from POOL_PAPERS_FROM papers (a first run, or any change to
 * the taxonomy, the notes' corrections or the code) the papers are shared out in batches to one
 * worker thread per core (paper-outputs-worker.ts). Both ways give the same outputs in the same order.
 */
import { POOL_PAPERS_FROM, runInPool } from '../src/build/worker-pool.ts';
import type { PaperOutput } from '../src/lib/cache/ingest-cache.ts';
import type { MergedPaper } from '../src/lib/paper/paper.ts';
import { renderPaperFile } from '../src/lib/paper/paper-file.ts';
import { type TopicRules, type TopicSource, taggerOf, topicSourceOf } from './topics-source.ts';

/** Papers per message: one each would make the messages, not the work, the cost. */
const BATCH = 100;
const WORKER = new URL('./paper-outputs-worker.ts', import.meta.url);

/** The outputs of `papers` under `source` (no topics without a taxonomy), on the calling thread. */
export function paperOutputs(papers: readonly MergedPaper[], source: TopicSource | undefined): PaperOutput[] {
  const tag = source && taggerOf(source);
  return papers.map((paper) => {
    const topics = tag?.(paper) ?? [];
    return { topics, file: renderPaperFile({ ...paper, topics }) };
  });
}

/** Rebuilds the source a worker thread was given as plain `TopicRules` (or none). */
export const sourceFromWorkerData = (data: unknown): TopicSource | undefined => (data ? topicSourceOf(data as TopicRules) : undefined);

export interface WorkOutOptions {
  /** Papers from which worker threads do the work (default POOL_PAPERS_FROM; tests lower it). */
  poolFrom?: number;
  onProgress?: (done: number, total: number) => void;
}

export async function workOutPapers(papers: MergedPaper[], source: TopicSource | undefined, options: WorkOutOptions = {}): Promise<PaperOutput[]> {
  if (papers.length < (options.poolFrom ?? POOL_PAPERS_FROM)) return paperOutputs(papers, source);
  const batches: MergedPaper[][] = [];
  for (let i = 0; i < papers.length; i += BATCH) batches.push(papers.slice(i, i + BATCH));
  const rules: TopicRules | undefined = source && { topics: source.topics, corrections: source.corrections };
  const { onProgress } = options;
  const results = await runInPool<MergedPaper[], PaperOutput[]>(WORKER, batches, (batch) => `papers ${batch[0]!.slug} … ${batch.at(-1)!.slug}`, {
    workerData: rules,
    ...(onProgress && { onProgress: (done: number) => onProgress(Math.min(done * BATCH, papers.length), papers.length) }),
  });
  return results.flat();
}
