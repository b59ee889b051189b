import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { libraryHash } from '../build/source-digest.ts';
import { POOL_PAPERS_FROM, runInPool } from '../build/worker-pool.ts';
import { paperSchema } from '../lib/paper/paper.ts';
import { type PaperFileJob, type ReadPaperFile, readPaperFile } from './read-paper-file.ts';

const WORKER = new URL('./paper-file-worker.ts', import.meta.url);
/** Decides what is stored, so it is part of every entry's digest (the worker only runs it). */
const READER = new URL('./read-paper-file.ts', import.meta.url);

export interface PaperLoaderOptions {
  /** The folder of generated paper files, relative to the project. */
  base: string;
  /** Changed papers from which workers read them (default POOL_PAPERS_FROM; tests lower it). */
  poolFrom?: number;
}

/**
 * Loads the generated paper files. Each body is rendered to HTML once and kept in Astro's data store
 * with a digest of the file and of the code that rendered it (src/lib, the lockfile, this loader,
 * read-paper-file.ts and content.config.ts), so a rebuild re-renders only papers whose file changed,
 * or all of them after that code changed, and no paper becomes a compiled MDX module. Hand-written
 * notes stay real MDX in their own collection; a hand-written file left among the papers is skipped
 * with a warning, as ingest leaves it alone too.
 */
export function paperLoader(options: PaperLoaderOptions): Loader {
  return {
    name: 'papershelf-papers',
    schema: paperSchema,
    async load({ store, parseData, generateDigest, logger, config }) {
      // File paths, not URL paths: a project folder with a space or an accent is %-encoded in a URL.
      const dir = fileURLToPath(new URL(options.base, config.root));
      const root = fileURLToPath(config.root);
      const names = (existsSync(dir) ? readdirSync(dir) : []).filter((n) => n.endsWith('.mdx')).sort();
      // The schema's wiring counts too: paper pages are reused while their entries' digests stand.
      const codeFiles = [import.meta.url, READER, new URL('../content.config.ts', import.meta.url)].map((url) => fileURLToPath(url));
      const code = libraryHash(codeFiles).digest('base64url');
      const seen = new Set<string>();
      const changed: { id: string; filePath: string; text: string; digest: string }[] = [];
      for (const name of names) {
        const id = name.slice(0, -'.mdx'.length);
        const path = join(dir, name);
        // Synchronous: 20,000 awaited reads one after another leave the process mostly idle.
        const text = readFileSync(path, 'utf8');
        const digest = generateDigest(`${code}\0${text}`);
        // An unchanged file was checked when it was stored; parsing its front matter again is most of a warm load.
        if (store.get(id)?.digest === digest) seen.add(id);
        else changed.push({ id, filePath: relative(root, path), text, digest });
      }
      const jobs = changed.map(({ text, filePath }) => ({ text, path: filePath }));
      // readPaperFile's errors name the file, so the pool adds nothing to them.
      const read = jobs.length >= (options.poolFrom ?? POOL_PAPERS_FROM) ? await runInPool<PaperFileJob, ReadPaperFile | undefined>(WORKER, jobs, undefined) : jobs.map(readPaperFile);
      let rendered = 0;
      for (const [at, { id, filePath, digest }] of changed.entries()) {
        const file = read[at];
        if (!file) {
          logger.warn(`${filePath} was not written by ingest: skipped (hand-written notes belong in the notes folder)`);
          continue;
        }
        seen.add(id);
        const parsed = await parseData({ id, data: file.data as Record<string, unknown>, filePath });
        // No `body`: pages render the stored HTML, and Astro's build bundles the whole store as one
        // module, so the MDX source would be a third of what Vite parses (3.2 -> 2.4 GiB peak at 50,000).
        store.set({ id, data: parsed, filePath, digest, rendered: { html: file.html } });
        rendered += 1;
      }
      for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
      logger.info(`${seen.size} papers, ${rendered} rendered, ${seen.size - rendered} from cache`);
    },
  };
}
