/** A worker thread of ingest's related papers (see related-papers.ts): builds the model once, then serves ranges. */
import { workerData } from 'node:worker_threads';
import { serveJobs } from '../src/build/worker-pool.ts';
import { relatedMatches, relatedModel } from '../src/lib/related/related.ts';
import type { RelatedWork } from './related-papers.ts';

const work = workerData as RelatedWork;
const model = relatedModel(work.inputs, { count: work.count });
serveJobs(([from, to]: readonly [number, number]) => relatedMatches(model, from, to));
