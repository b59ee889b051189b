/**
 * Builds the Pagefind search index of a finished site. Run after `astro build` has exited
 * (scripts/finish-build.ts), so Pagefind's memory never adds to Astro's. Only paper pages are
 * indexed; within them Pagefind reads the `data-pagefind-body` element and the filter / sort / meta
 * attributes that PaperSearchMeta emits.
 *
 * Pagefind has no incremental mode and takes 20-odd seconds at 20,000 papers, so the finished
 * bundle is kept in a cache with a digest of every paper page (and of the code and packages), and a
 * build whose paper pages are all byte-identical to the cached one's takes the bundle from there.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { PAGEFIND_DIR } from '../lib/search-paths.ts';
import { routes } from '../lib/urls.ts';
import { SITE } from '../site.config.ts';
import { builtFileSizes, cacheDir, listBuiltFiles } from './built-site.ts';
import { linkOrCopy } from './hard-link.ts';
import { mapLimit } from './map-limit.ts';
import { libraryHash } from './source-digest.ts';

/** `papers/*\/index.html` and `papers/`, derived from the one definition of paper URLs. */
const PAPER_GLOB = `${routes.paper('*')}index.html`;
const PAPER_PREFIX = routes.paper('*').slice(0, routes.paper('*').indexOf('*'));

/**
 * Parts of the paper body that are labels, not content: the byline (its date, author count and
 * upvotes run together into junk words such as "20235") and the small section labels
 * ("Abstract"). Filters and meta inside them still count. Result cards show date and upvotes from
 * the meta PaperSearchMeta records.
 */
const NOT_CONTENT = ['.byline', '.eyebrow'];

/** Every Pagefind response carries `errors`; an index built despite one would silently miss pages. */
function check<T extends { errors: string[] }>(step: string, response: T): T {
  if (response.errors.length > 0) throw new Error(`Pagefind ${step} failed:\n  ${response.errors.join('\n  ')}`);
  return response;
}

/** Pages Pagefind actually indexed (addDirectory's own count includes pages it then skipped). */
function indexedPages(bundle: string): number {
  const entry = JSON.parse(readFileSync(join(bundle, 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { page_count: number }>;
  };
  return Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
}

/** The paper pages the build wrote (`papers/<slug>/index.html`, relative to `site`), sorted. */
export function paperPageFiles(site: string): string[] {
  const folder = join(site, PAPER_PREFIX);
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(folder, entry.name, 'index.html')))
    .map((entry) => `${PAPER_PREFIX}${entry.name}/index.html`)
    .sort();
}

/** Everything the bundle is made from: this code, `src/lib` and the lockfile, and every paper page's path and bytes. */
async function bundleKey(site: string, pages: readonly string[]): Promise<string> {
  const digests = await mapLimit(pages, 64, async (page) => createHash('sha1').update(await readFile(join(site, page))).digest('base64url'));
  const hash = libraryHash([fileURLToPath(import.meta.url)]);
  pages.forEach((page, i) => hash.update(`${page}\0${digests[i]}\0`));
  return hash.digest('base64url');
}

/** `from`'s files at the same paths under a new `to`, hard-linked where the file system allows. */
async function linkTree(from: string, to: string): Promise<void> {
  rmSync(to, { recursive: true, force: true });
  const files = listBuiltFiles(from);
  for (const folder of new Set(files.map((file) => dirname(join(to, file))))) mkdirSync(folder, { recursive: true });
  await mapLimit(files, 64, (file) => linkOrCopy(join(from, file), join(to, file)));
}

/**
 * The cached bundle and the key it was built for. The key is written after the bundle and removed
 * before it is replaced, so a bundle torn by a killed build is never taken.
 */
function bundleCache(root: string) {
  const bundle = join(root, 'bundle');
  const keyFile = join(root, 'key');
  return {
    /** The key of the cached bundle, if there is one. */
    key: (): string | undefined => (existsSync(keyFile) ? readFileSync(keyFile, 'utf8') : undefined),
    restore: (to: string): Promise<void> => linkTree(bundle, to),
    async save(key: string, from: string): Promise<void> {
      rmSync(keyFile, { force: true });
      await linkTree(from, bundle);
      writeFileSync(keyFile, key);
    },
  };
}

async function runPagefind(site: string, bundle: string): Promise<void> {
  try {
    // One language for the whole catalog: a stray lang attribute must not split the index.
    const { index } = check('createIndex', await pagefind.createIndex({ forceLanguage: SITE.lang, excludeSelectors: NOT_CONTENT }));
    if (!index) throw new Error('Pagefind createIndex returned no index');
    check('addDirectory', await index.addDirectory({ path: site, glob: PAPER_GLOB }));
    check('writeFiles', await index.writeFiles({ outputPath: bundle }));
  } finally {
    await pagefind.close();
  }
}

/**
 * Pagefind always writes its ready-made UIs and highlighter; the search page has its own UI, so they
 * would only be deployed (and precached) for nothing.
 */
const UNUSED_BUNDLE_FILE = /^pagefind-(?:[a-z-]*ui|highlight)\.(?:js|css)$/;

function removeUnusedFiles(bundle: string): void {
  for (const name of readdirSync(bundle)) if (UNUSED_BUNDLE_FILE.test(name)) rmSync(join(bundle, name));
}

export interface SearchIndexResult {
  indexed: number;
  bytes: number;
  files: number;
  /** Whether the bundle came from the cache, every paper page being unchanged. */
  reused: boolean;
}

/**
 * Indexes every paper page of the site in `site` into `<site>/pagefind/`, or takes the bundle from
 * `<cacheRoot>/search-index/` when no paper page changed; fails unless every page was indexed.
 */
export async function buildSearchIndex(site: string, cacheRoot: string = cacheDir()): Promise<SearchIndexResult> {
  const pages = paperPageFiles(site);
  const bundle = join(site, PAGEFIND_DIR);
  const cache = bundleCache(join(cacheRoot, 'search-index'));
  const cached = cache.key();
  // Reading and hashing every paper page takes about a second at 20,000: with no cached bundle to
  // compare with, it runs while Pagefind does (and fails where it is awaited, not unhandled meanwhile).
  const key = bundleKey(site, pages);
  key.catch(() => undefined);
  // Written fresh, never over an old bundle: its files may be links into the cache.
  rmSync(bundle, { recursive: true, force: true });
  const reused = cached !== undefined && cached === (await key);
  if (reused) await cache.restore(bundle);
  else {
    await runPagefind(site, bundle);
    removeUnusedFiles(bundle);
  }
  const indexed = indexedPages(bundle);
  if (indexed !== pages.length) throw new Error(`Pagefind indexed ${indexed} pages but the build wrote ${pages.length} paper pages`);
  if (!reused) await cache.save(await key, bundle);
  const files = builtFileSizes(bundle);
  return { indexed, bytes: files.reduce((sum, file) => sum + file.bytes, 0), files: files.length, reused };
}
