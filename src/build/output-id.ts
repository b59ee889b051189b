/**
 * The build id of a finished site (see src/lib/offline/build-id.ts), without reading every byte of
 * it: at 20,000 papers the output is 1.4 GiB, 0.9 GiB of it social cards, and hashing it all took
 * 17 s. Each file is named by the cheapest digest that still changes whenever its bytes do:
 *
 * - files whose names carry a hash of their content (Astro's assets, Pagefind's chunks): name and
 *   size, the same premise the precache relies on when it does not revision them;
 * - social cards still exactly as the card step copied them: their cache key (card-record.ts);
 * - everything else (pages, feeds, Pagefind's unhashed files, edited cards): SHA-1 of the bytes.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { takeCardRecord } from '../cards/card-record.ts';
import { type BuiltFile, buildId } from '../lib/offline/build-id.ts';
import { offlineRoutes } from '../lib/offline/routes.ts';
import { PAGEFIND_DIR } from '../lib/search/search-paths.ts';
import { ASSETS_DIR, listBuiltFiles } from './built-site.ts';

/** Output paths whose file names carry a hash of their content. */
export const CONTENT_HASHED_PATH = new RegExp(`^(?:${ASSETS_DIR}/|${PAGEFIND_DIR}/(?:[^/]+/)?(?:index|fragment|filter)/)`);

/** Written by the service-worker step, so not part of what the build id describes. */
const OWN_FILES = new Set([offlineRoutes.serviceWorker(), offlineRoutes.status()]);

export function outputDigests(outDir: string): BuiltFile[] {
  const cards = takeCardRecord(outDir);
  return listBuiltFiles(outDir)
    .filter((path) => !OWN_FILES.has(path))
    .map((path) => {
      const file = join(outDir, path);
      if (CONTENT_HASHED_PATH.test(path)) return { path, hash: `size:${statSync(file).size}` };
      const key = cards.get(path);
      if (key) return { path, hash: `card:${key}` };
      return { path, hash: `sha1:${createHash('sha1').update(readFileSync(file)).digest('hex')}` };
    });
}

/** Consumes the card record: call once per build, after every other step has written its files. */
export const outputBuildId = (outDir: string): string => buildId(outputDigests(outDir));
