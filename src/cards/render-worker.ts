/**
 * A worker thread of the card pool: loads the fonts once, then draws each card it is sent and
 * writes the PNG to the cache (through a temporary name, so an interrupted build never leaves a
 * half-written card that a later build would take for a finished one).
 */
import { rename, writeFile } from 'node:fs/promises';
import { threadId } from 'node:worker_threads';
import { serveJobs } from '../build/worker-pool.ts';
import type { RenderJob } from './render-pool.ts';
import { createCardRenderer } from './render-card.ts';

const renderer = await createCardRenderer();
let written = 0;

serveJobs(async (job: RenderJob): Promise<void> => {
  const png = await renderer.png(job.card);
  written += 1;
  const temporary = `${job.file}.${process.pid}.${threadId}.${written}.tmp`;
  await writeFile(temporary, png);
  await rename(temporary, job.file);
});
