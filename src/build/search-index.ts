/**
 * Builds the Pagefind search index of a finished site. Run after `astro build` has exited
 * (scripts/finish-build.ts), so Pagefind's memory never adds to Astro's. Only paper pages are
 * indexed; within them Pagefind reads the `data-pagefind-body` element and the filter / sort / meta
 * attributes that PaperSearchMeta emits.
 */
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { PAGEFIND_DIR } from '../lib/search-paths.ts';
import { routes } from '../lib/urls.ts';
import { SITE } from '../site.config.ts';
import { builtFileSizes } from './built-site.ts';

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

/** Paper pages the build wrote (`papers/<slug>/index.html`), counted in the output itself. */
export function paperPagesIn(site: string): number {
  const folder = join(site, PAPER_PREFIX);
  if (!existsSync(folder)) return 0;
  return readdirSync(folder, { withFileTypes: true }).filter((entry) => entry.isDirectory() && existsSync(join(folder, entry.name, 'index.html'))).length;
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
}

/** Indexes every paper page of the site in `site` into `<site>/pagefind/`; fails unless every one was indexed. */
export async function buildSearchIndex(site: string): Promise<SearchIndexResult> {
  const built = paperPagesIn(site);
  const bundle = join(site, PAGEFIND_DIR);
  try {
    // One language for the whole catalog: a stray lang attribute must not split the index.
    const { index } = check('createIndex', await pagefind.createIndex({ forceLanguage: SITE.lang, excludeSelectors: NOT_CONTENT }));
    if (!index) throw new Error('Pagefind createIndex returned no index');
    check('addDirectory', await index.addDirectory({ path: site, glob: PAPER_GLOB }));
    check('writeFiles', await index.writeFiles({ outputPath: bundle }));
  } finally {
    await pagefind.close();
  }
  const indexed = indexedPages(bundle);
  if (indexed !== built) throw new Error(`Pagefind indexed ${indexed} pages but the build wrote ${built} paper pages`);
  removeUnusedFiles(bundle);
  const files = builtFileSizes(bundle);
  return { indexed, bytes: files.reduce((sum, file) => sum + file.bytes, 0), files: files.length };
}
