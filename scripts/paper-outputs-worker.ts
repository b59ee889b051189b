/** A worker thread of ingest's paper outputs (see paper-outputs.ts). */
import { workerData } from 'node:worker_threads';
import { serveJobs } from '../src/build/worker-pool.ts';
import type { MergedPaper } from '../src/lib/paper/paper.ts';
import { paperOutputs, sourceFromWorkerData } from './paper-outputs.ts';

const source = sourceFromWorkerData(workerData);
serveJobs((papers: MergedPaper[]) => paperOutputs(papers, source));
