/**
 * Generates `sw.js` for a finished site, after the search index (scripts/finish-build.ts), so the
 * precache manifest and the build id cover every file that will be deployed.
 *
 * Steps: decide from the Pagefind bundle's size whether the whole search index is precached
 * (search-index-plan.ts), derive a build id from every output file (output-id.ts), write
 * `offline.json`, list the precache with Workbox's getManifest, and bundle src/service-worker/sw.ts
 * with that config baked in.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as esbuild } from 'esbuild';
import { getManifest } from 'workbox-build';
import { offlineStatus } from '../lib/offline/offline-status.ts';
import { precacheUrl } from '../lib/offline/precache-url.ts';
import { offlineRoutes } from '../lib/offline/routes.ts';
import { type SearchIndexPlan, planSearchIndex } from '../lib/offline/search-index-plan.ts';
import { PAGEFIND_DIR } from '../lib/search/search-paths.ts';
import { routes } from '../lib/site/urls.ts';
import type { ServiceWorkerConfig } from '../service-worker/config.ts';
import { ASSETS_DIR, builtBase, builtFileSizes } from './built-site.ts';
import { CONTENT_HASHED_PATH, outputBuildId } from './output-id.ts';

const SEARCH_DIR = `${PAGEFIND_DIR}/`;
const ASSETS = `${ASSETS_DIR}/`;
const WORKER_SOURCE = fileURLToPath(new URL('../service-worker/sw.ts', import.meta.url));

function planSearch(outDir: string): SearchIndexPlan {
  return planSearchIndex(builtFileSizes(join(outDir, PAGEFIND_DIR)));
}

/** A path as a glob pattern that matches that path alone. */
const literalGlob = (path: string) => path.replace(/[*?[\]{}()!+@\\]/g, '\\$&');

/** The page files of the app shell: what a reader needs offline before having visited anything. */
const SHELL_PAGES = [routes.home(), routes.search(), offlineRoutes.offline()].map((route) => `${route}index.html`);

export interface ServiceWorkerResult {
  build: string;
  plan: SearchIndexPlan;
  /** Precached files and their total size. */
  count: number;
  size: number;
  warnings: string[];
}

/** Writes `offline.json` and `sw.js` into the site in `outDir`, for the base path its pages were built for. */
export async function buildServiceWorker(outDir: string): Promise<ServiceWorkerResult> {
  const base = builtBase(outDir);
  const warnings = SHELL_PAGES.filter((page) => !existsSync(join(outDir, page))).map((page) => `app shell page ${page} was not built: it will not work offline`);

  const plan = planSearch(outDir);
  const build = outputBuildId(outDir);
  writeFileSync(join(outDir, offlineRoutes.status()), `${JSON.stringify(offlineStatus(build, plan), null, 2)}\n`);

  const manifest = await getManifest({
    globDirectory: outDir,
    globPatterns: [
      ...SHELL_PAGES,
      `${ASSETS}**/*.{css,js,woff2,svg}`,
      offlineRoutes.webManifest(),
      offlineRoutes.status(),
      offlineRoutes.icon('*'),
      // The planned files by name: a glob of the whole bundle would have Workbox hash every index
      // chunk only to drop it (51,000 files, 1.5 s at 50,000 papers, where few are precached).
      ...plan.precache.map((path) => `${SEARCH_DIR}${literalGlob(path)}`),
    ],
    dontCacheBustURLsMatching: CONTENT_HASHED_PATH,
    manifestTransforms: [(entries) => ({ manifest: entries.map((entry) => ({ ...entry, url: precacheUrl(entry.url, base) })) })],
  });
  if (!manifest.manifestEntries) throw new Error('service worker: Workbox returned no precache manifest');

  const config: ServiceWorkerConfig = { build, precache: manifest.manifestEntries, assetsDir: ASSETS, searchDir: SEARCH_DIR };
  await esbuild({
    entryPoints: [WORKER_SOURCE],
    outfile: join(outDir, offlineRoutes.serviceWorker()),
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    define: { __PAPERSHELF_SW__: JSON.stringify(config), 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  });
  return { build, plan, count: manifest.count, size: manifest.size, warnings: [...warnings, ...manifest.warnings] };
}
