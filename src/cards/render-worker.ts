/**
 * A worker thread of the card pool: loads the fonts once, then draws each card it is sent and
 * writes the PNG to the cache (through a temporary name, so an interrupted build never leaves a
 * half-written card that a later build would take for a finished one).
 */
import { rename, writeFile } from 'node:fs/promises';
import { parentPort } from 'node:worker_threads';
import { createCardRenderer } from './render-card.ts';
import type { RenderJob, WorkerReply } from './render-pool.ts';

const port = parentPort!;
const renderer = await createCardRenderer();

async function render(job: RenderJob): Promise<WorkerReply> {
  try {
    const png = await renderer.png(job.card);
    const temporary = `${job.file}.${process.pid}.${job.id}.tmp`;
    await writeFile(temporary, png);
    await rename(temporary, job.file);
    return { id: job.id };
  } catch (error) {
    return { id: job.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
}

port.on('message', (job: RenderJob) => {
  void render(job).then((reply) => port.postMessage(reply));
});
port.postMessage({ ready: true });
