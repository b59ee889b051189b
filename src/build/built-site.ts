/**
 * What the steps after `astro build` need to know about the site it wrote, from one place shared with
 * astro.config.mjs (which imports this file), so they never disagree with the build they finish.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { CatalogFile } from '../lib/catalog/catalog-file.ts';
import { offlineRoutes } from '../lib/offline/routes.ts';
import { routes } from '../lib/site/urls.ts';

/** Astro's folder for bundled CSS, JS, fonts and images (`build.assets`); every name in it carries a content hash. */
export const ASSETS_DIR = '_astro';

/** The output folder of `astro build` (PAPERSHELF_OUT), relative to the project root. */
export const outputDir = (env: NodeJS.ProcessEnv = process.env): string => env.PAPERSHELF_OUT ?? './dist';

/** Astro's cache folder (PAPERSHELF_CACHE); the search index keeps its own cache inside it. */
export const cacheDir = (env: NodeJS.ProcessEnv = process.env): string => env.PAPERSHELF_CACHE ?? './node_modules/.astro';

/** The output folder as an absolute path, for scripts run from the project root. */
export const builtSiteDir = (env: NodeJS.ProcessEnv = process.env): string => resolve(outputDir(env));

/**
 * The base path a built site was made for, read from its web manifest (whose scope is the home page
 * under the base), so a step run after the build cannot use another BASE than the pages have.
 */
export function builtBase(site: string): string {
  const { scope } = JSON.parse(readFileSync(join(site, offlineRoutes.webManifest()), 'utf8')) as { scope: string };
  return scope;
}

/** The built site's `papers.json`; `step` names who needs it when it is missing. */
export function readBuiltCatalog(site: string, step: string): CatalogFile {
  const file = join(site, routes.catalogJson());
  if (!existsSync(file)) throw new Error(`${step}: ${file} is missing; it is made from the papers of the built site (run astro build first)`);
  return JSON.parse(readFileSync(file, 'utf8')) as CatalogFile;
}

/** Files under `dir`, relative and with forward slashes, sorted. */
export function listBuiltFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/** Files under `dir` with their sizes in bytes (paths as listBuiltFiles gives them). */
export function builtFileSizes(dir: string): { path: string; bytes: number }[] {
  return listBuiltFiles(dir).map((path) => ({ path, bytes: statSync(join(dir, path)).size }));
}
