/** Draws cards on every core: one worker thread per core, each loading the fonts once. */
import type { Card } from '../lib/cards/card-specs.ts';
import { type PoolOptions, runInPool } from '../build/worker-pool.ts';

export interface RenderJob {
  card: Card;
  /** Where the PNG goes. */
  file: string;
  /** Names the card in errors, e.g. its output path. */
  label: string;
}

const WORKER = new URL('./render-worker.ts', import.meta.url);

export async function renderInPool(jobs: readonly RenderJob[], options: PoolOptions = {}): Promise<void> {
  await runInPool<RenderJob, void>(WORKER, jobs, (job) => `social card ${job.label}`, options);
}
