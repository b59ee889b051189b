/**
 * Makes the pages that Astro's incremental build reuses (`experimental.incrementalBuild`) cost a
 * `stat` instead of a copy. Astro skips rendering a page whose key and code are unchanged when its
 * file is already in the output folder, and otherwise copies the file from its cache, one awaited
 * copy after another; since the output folder starts empty (clear-output.ts), every reused page was
 * a copy. This integration hard-links the cached pages into the empty output folder when the build
 * starts, before any page is generated, and removes the links of pages the build no longer has when
 * it ends.
 *
 * A page Astro renders again is written through its link, so the cache's copy changes with it, to
 * the same bytes Astro then writes to the cache itself. Nothing else writes built pages in place.
 *
 * The cache's layout is Astro's (a manifest `incremental-build.json` listing each path's output
 * file, copies under `dist/` in `cacheDir`). A manifest this code does not understand links nothing,
 * and Astro then copies as before: slower, never wrong.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { link, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { cannotLink } from '../build/hard-link.ts';
import { mapLimit } from '../build/map-limit.ts';
import { isRecord } from '../lib/cache/memo-cache.ts';

export interface CachedPage {
  /** The route's path as Astro generated it, e.g. `/papers/some-slug/`. */
  pathname: string;
  /** The page's file relative to the output folder (and to the cache's copies). */
  outputFile: string;
}

/** A path that stays inside the folder it is resolved against: no leading slash, scheme, backslash or `..`. */
const isInside = (file: string) => file !== '' && !/^\/|[:\\]/.test(file) && !file.split('/').includes('..');

/** The pages an incremental-build manifest records; none if it has another shape. */
export function cachedPages(manifest: unknown): CachedPage[] {
  if (!isRecord(manifest) || manifest.version !== 1 || !isRecord(manifest.routes)) return [];
  return Object.values(manifest.routes).flatMap((route) =>
    isRecord(route) && isRecord(route.paths)
      ? Object.entries(route.paths).flatMap(([pathname, path]) =>
          isRecord(path) && typeof path.outputFile === 'string' && isInside(path.outputFile) ? [{ pathname, outputFile: path.outputFile }] : [],
        )
      : [],
  );
}

function readManifest(cacheDir: URL): unknown {
  try {
    return JSON.parse(readFileSync(new URL('incremental-build.json', cacheDir), 'utf8'));
  } catch {
    return undefined;
  }
}

/** Links each cached page into the (empty) output folder; the pages that got a link. */
export async function linkCachedPages(cacheDir: URL, outDir: URL): Promise<CachedPage[]> {
  const copies = new URL('dist/', cacheDir);
  const linked = await mapLimit(cachedPages(readManifest(cacheDir)), 64, async (page) => {
    const from = fileURLToPath(new URL(page.outputFile, copies));
    const to = fileURLToPath(new URL(page.outputFile, outDir));
    // No folder is made for a copy that is missing: a page gone from the site must leave nothing behind.
    if (!existsSync(from)) return undefined;
    await mkdir(dirname(to), { recursive: true });
    try {
      await link(from, to);
      return page;
    } catch (error) {
      if (cannotLink(error)) return undefined;
      throw error;
    }
  });
  return linked.filter((page) => page !== undefined);
}

const routeKey = (pathname: string) => pathname.replace(/^\/+|\/+$/g, '');

/** Removes the links of pages that this build did not generate (a paper gone from the catalog). */
export function removeUngenerated(outDir: URL, linked: readonly CachedPage[], generated: readonly { pathname: string }[]): number {
  const built = new Set(generated.map((page) => routeKey(page.pathname)));
  const gone = linked.filter((page) => !built.has(routeKey(page.pathname)));
  for (const page of gone) rmSync(new URL(page.outputFile, outDir), { force: true });
  return gone.length;
}

export default function reuseCachedPages(): AstroIntegration {
  let enabled = false;
  let cacheDir: URL;
  let outDir: URL;
  let linked: CachedPage[] = [];
  return {
    name: 'papershelf-reuse-cached-pages',
    hooks: {
      'astro:config:done': ({ config }) => {
        enabled = config.experimental.incrementalBuild === true;
        cacheDir = config.cacheDir;
        outDir = config.outDir;
      },
      // Runs after clear-output has emptied the output folder, and before Astro generates a page.
      'astro:build:start': async ({ logger }) => {
        if (!enabled) return;
        linked = await linkCachedPages(cacheDir, outDir);
        if (linked.length > 0) logger.info(`${linked.length} pages linked from the incremental cache`);
      },
      'astro:build:done': ({ pages, logger }) => {
        const removed = removeUngenerated(outDir, linked, pages);
        if (removed > 0) logger.info(`${removed} pages no longer generated removed`);
      },
    },
  };
}
