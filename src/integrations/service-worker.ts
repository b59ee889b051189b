/**
 * Generates `sw.js` at the very end of `astro build`, after Pagefind and the social cards have
 * written their files, so the precache manifest and the build id cover the finished site. Register
 * it last in astro.config.mjs.
 *
 * Steps: decide from the Pagefind bundle's size whether the whole search index is precached
 * (search-index-plan.ts), derive a build id from every output file, write `offline.json`, list the
 * precache with Workbox's getManifest, and bundle src/service-worker/sw.ts with that config baked in.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { build as esbuild } from 'esbuild';
import { getManifest } from 'workbox-build';
import { buildId } from '../lib/offline/build-id.ts';
import { offlineStatus } from '../lib/offline/offline-status.ts';
import { precacheUrl } from '../lib/offline/precache-url.ts';
import { offlineRoutes } from '../lib/offline/routes.ts';
import { type SearchIndexPlan, planSearchIndex } from '../lib/offline/search-index-plan.ts';
import { PAGEFIND_DIR } from '../lib/search-paths.ts';
import { routes } from '../lib/urls.ts';
import type { ServiceWorkerConfig } from '../service-worker/config.ts';

const SEARCH_DIR = `${PAGEFIND_DIR}/`;
/** Written by this integration, so not part of what the build id describes. */
const OWN_FILES = new Set([offlineRoutes.serviceWorker(), offlineRoutes.status()]);

/** Output files, relative and with forward slashes, sorted. */
function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

function hashOutput(outDir: string): string {
  const files = listFiles(outDir)
    .filter((path) => !OWN_FILES.has(path))
    .map((path) => ({ path, hash: createHash('sha1').update(readFileSync(join(outDir, path))).digest('hex') }));
  return buildId(files);
}

function planSearch(outDir: string): SearchIndexPlan {
  const bundle = join(outDir, PAGEFIND_DIR);
  return planSearchIndex(listFiles(bundle).map((path) => ({ path, bytes: statSync(join(bundle, path)).size })));
}

/** The page files of the app shell: what a reader needs offline before having visited anything. */
const SHELL_PAGES = [routes.home(), routes.search(), offlineRoutes.offline()].map((route) => `${route}index.html`);

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

export default function serviceWorkerIntegration(): AstroIntegration {
  let base = '/';
  let assetsDir = '_astro/';
  let root = '';
  return {
    name: 'papershelf:service-worker',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        assetsDir = `${config.build.assets}/`;
        root = fileURLToPath(config.root);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        for (const page of SHELL_PAGES) if (!existsSync(join(outDir, page))) logger.warn(`app shell page ${page} was not built: it will not work offline`);

        const plan = planSearch(outDir);
        const build = hashOutput(outDir);
        writeFileSync(join(outDir, offlineRoutes.status()), `${JSON.stringify(offlineStatus(build, plan), null, 2)}\n`);

        const precachedSearchFiles = new Set(plan.precache.map((path) => `${SEARCH_DIR}${path}`));
        const { manifestEntries, count, size, warnings } = await getManifest({
          globDirectory: outDir,
          globPatterns: [
            ...SHELL_PAGES,
            `${assetsDir}**/*.{css,js,woff2,svg}`,
            offlineRoutes.webManifest(),
            offlineRoutes.status(),
            offlineRoutes.icon('*'),
            `${SEARCH_DIR}**/*`,
          ],
          // Astro's assets and Pagefind's chunks carry a content hash in their names already.
          dontCacheBustURLsMatching: new RegExp(`^(?:${assetsDir}|${SEARCH_DIR}(?:index|fragment|filter)/)`),
          manifestTransforms: [
            (entries) => ({
              manifest: entries
                .filter(({ url }) => !url.startsWith(SEARCH_DIR) || precachedSearchFiles.has(url))
                .map((entry) => ({ ...entry, url: precacheUrl(entry.url, base) })),
            }),
          ],
        });
        for (const warning of warnings) logger.warn(warning);
        if (!manifestEntries) throw new Error('service worker: Workbox returned no precache manifest');

        const config: ServiceWorkerConfig = { build, precache: manifestEntries, assetsDir, searchDir: SEARCH_DIR };
        await esbuild({
          entryPoints: [join(root, 'src/service-worker/sw.ts')],
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
        const onDemand = plan.mode === 'on-use' ? `, chunks cached on use (${kib(plan.bytes)} > budget ${kib(plan.budget)})` : ` (${kib(plan.bytes)}, budget ${kib(plan.budget)})`;
        logger.info(`build ${build}: precaching ${count} files, ${kib(size)}; search index ${plan.mode}${onDemand}`);
      },
    },
  };
}
