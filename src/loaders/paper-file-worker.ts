/** A worker thread of the paper loader (see paper-loader.ts). */
import { serveJobs } from '../build/worker-pool.ts';
import { readPaperFile } from './read-paper-file.ts';

serveJobs(readPaperFile);
