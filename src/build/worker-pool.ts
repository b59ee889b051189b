/**
 * Runs jobs on worker threads, one per core by default, each worker fed one job at a time so a slow
 * job never leaves the other cores idle. Worker modules are TypeScript run as is: Node 24 (the
 * project's `node` package) strips the types itself.
 *
 * The protocol: a worker calls `serveJobs` once it has loaded what it needs, which announces it as
 * ready; it then gets `{ id, job }` messages and answers each with `{ id, result }` or `{ id, error }`.
 */
import { availableParallelism } from 'node:os';
import { Worker, parentPort } from 'node:worker_threads';

interface JobMessage<J> {
  id: number;
  job: J;
}

/** What a job threw, as plain data: an Error does not survive postMessage with its own class and fields. */
interface JobError {
  message: string;
  stack?: string | undefined;
}

type WorkerReply<R> = { ready: true } | { id: number; result: R } | { id: number; error: JobError };

/**
 * Papers from which per-paper work (the loader's rendering, ingest's tagging) is worth spreading
 * over worker threads: each worker takes a moment to load its modules, which a first build or a
 * change that redoes every paper repays, and a new listing's few dozen papers do not.
 */
export const POOL_PAPERS_FROM = 500;

export interface PoolOptions {
  /** Worker threads; defaults to the number of cores. */
  threads?: number;
  /** Given to every worker as `workerData` (structured-cloned): what all jobs share. */
  workerData?: unknown;
  onProgress?: (done: number, total: number) => void;
}

/**
 * The error a failed job rejects the pool with: the job's own message, named by `describe` (left out
 * where the job's errors already name what failed, so they read the same as when run in-process).
 * The worker's stack is kept as the cause, for whoever has to debug the job itself.
 */
function jobFailure({ message, stack }: JobError, what: string | undefined): Error {
  const cause = Object.assign(new Error(message), { stack });
  return new Error(what === undefined ? message : `${what} failed: ${message}`, { cause });
}

/**
 * The results of `jobs`, in their order. Fails on the first job that fails (see `jobFailure`) and
 * stops the workers either way.
 */
export function runInPool<J, R>(worker: URL, jobs: readonly J[], describe: ((job: J) => string) | undefined, options: PoolOptions = {}): Promise<R[]> {
  if (jobs.length === 0) return Promise.resolve([]);
  const results: R[] = new Array(jobs.length);
  const threads = Math.max(1, Math.min(options.threads ?? availableParallelism(), jobs.length));
  const workers: Worker[] = [];
  let done = 0;
  let next = 0;

  return new Promise<R[]>((resolve, reject) => {
    let settled = false;
    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      for (const w of workers) void w.terminate();
      if (error) reject(error);
      else resolve(results);
    };
    const feed = (w: Worker) => {
      if (next < jobs.length) {
        const message: JobMessage<J> = { id: next, job: jobs[next]! };
        next += 1;
        w.postMessage(message);
      }
    };
    for (let i = 0; i < threads; i += 1) {
      const w = new Worker(worker, { workerData: options.workerData });
      workers.push(w);
      w.on('message', (reply: WorkerReply<R>) => {
        if ('ready' in reply) return feed(w);
        if ('error' in reply) return finish(jobFailure(reply.error, describe?.(jobs[reply.id]!)));
        results[reply.id] = reply.result;
        done += 1;
        options.onProgress?.(done, jobs.length);
        if (done === jobs.length) finish();
        else feed(w);
      });
      w.on('error', (error: Error) => finish(error));
      w.on('exit', (code) => {
        if (done < jobs.length) finish(new Error(`a worker of ${worker.pathname} stopped (exit code ${code}) before all jobs were done`));
      });
    }
  });
}

/** Inside a worker module: answers the pool's jobs with `handle`. */
export function serveJobs<J, R>(handle: (job: J) => R | Promise<R>): void {
  const port = parentPort;
  if (!port) throw new Error('serveJobs runs inside a worker thread of runInPool');
  port.on('message', ({ id, job }: JobMessage<J>) => {
    void (async (): Promise<WorkerReply<R>> => {
      try {
        return { id, result: await handle(job) };
      } catch (error) {
        return { id, error: error instanceof Error ? { message: error.message, stack: error.stack } : { message: String(error) } };
      }
    })().then((reply) => port.postMessage(reply));
  });
  port.postMessage({ ready: true } satisfies WorkerReply<R>);
}
