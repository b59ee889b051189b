/**
 * Draws cards on every core: one worker thread per core (each loads the fonts once), each fed one
 * card at a time so a slow card never leaves the other cores idle.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Card } from '../lib/cards/card-specs.ts';

export interface RenderJob {
  id: number;
  card: Card;
  /** Where the PNG goes. */
  file: string;
  /** Names the card in errors, e.g. its output path. */
  label: string;
}

export type WorkerReply = { ready: true } | { id: number; error?: string };

export interface PoolOptions {
  /** Worker threads; defaults to the number of cores. */
  threads?: number;
  onProgress?: (done: number, total: number) => void;
}

/** TypeScript run as is: Node 24 (the project's `node` package) strips the types itself. */
const WORKER = new URL('./render-worker.ts', import.meta.url);

export function renderInPool(jobs: Omit<RenderJob, 'id'>[], options: PoolOptions = {}): Promise<void> {
  if (jobs.length === 0) return Promise.resolve();
  const queue: RenderJob[] = jobs.map((job, id) => ({ ...job, id }));
  const threads = Math.max(1, Math.min(options.threads ?? availableParallelism(), jobs.length));
  const workers: Worker[] = [];
  let done = 0;
  let next = 0;

  return new Promise<void>((resolve, reject) => {
    let settled = false;
    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      for (const worker of workers) void worker.terminate();
      if (error) reject(error);
      else resolve();
    };
    const feed = (worker: Worker) => {
      if (next < queue.length) worker.postMessage(queue[next++]);
    };
    for (let i = 0; i < threads; i += 1) {
      const worker = new Worker(WORKER);
      workers.push(worker);
      worker.on('message', (reply: WorkerReply) => {
        if ('ready' in reply) return feed(worker);
        if (reply.error) return finish(new Error(`social card ${queue[reply.id]!.label} failed: ${reply.error}`));
        done += 1;
        options.onProgress?.(done, queue.length);
        if (done === queue.length) finish();
        else feed(worker);
      });
      worker.on('error', (error: Error) => finish(error));
      worker.on('exit', (code) => {
        if (done < queue.length) finish(new Error(`a social card worker stopped (exit code ${code}) before all cards were drawn`));
      });
    }
  });
}
