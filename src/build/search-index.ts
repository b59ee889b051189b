/**
 * Builds the Pagefind search index of a finished site, in shards by the month each paper was first
 * listed (src/lib/search/search-shards.ts). Run after `astro build` has exited (scripts/finish-build.ts), so
 * Pagefind's memory never adds to Astro's. Only paper pages are indexed, each as its
 * `data-pagefind-body` element (indexed-page.ts) with the paper's search record (filters, sort keys,
 * meta), made from the built `papers.json` (src/lib/search/search-record.ts).
 *
 * Each shard is indexed by a Pagefind process of its own, one after another, so the peak is one
 * shard's, and is cached with a digest of what it was made from: a build takes every shard whose
 * pages' indexed parts are byte-identical from the cache and indexes only the others. The search
 * page reads `pagefind/shards.json` and merges the shards (src/scripts/search-pagefind.ts).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { PAGEFIND_DIR } from '../lib/search/search-paths.ts';
import { SORT_KEYS, firstListedDay, paperSearchRecord, searchInputOf, searchRecordElement } from '../lib/search/search-record.ts';
import { type PlannedShard, SHARD_MANIFEST, SHARD_PAGE_LIMIT, type ShardManifest, planShards, sortValueRuns } from '../lib/search/search-shards.ts';
import { routes } from '../lib/site/urls.ts';
import { SITE } from '../site.config.ts';
import { builtFileSizes, cacheDir, listBuiltFiles, readBuiltCatalog } from './built-site.ts';
import { linkOrCopy } from './hard-link.ts';
import { indexedDocument, type SortValues, sortValues } from './indexed-page.ts';
import { mapLimit } from './map-limit.ts';
import { hashSources } from './source-digest.ts';

/** `papers/`, derived from the one definition of paper URLs. */
const PAPER_PREFIX = routes.paper('*').slice(0, routes.paper('*').indexOf('*'));

/**
 * Parts of the paper body that are labels, not content: the byline (its date, author count and
 * upvotes run together into junk words such as "20235") and the small section labels
 * ("Abstract"). Filters and meta inside them still count. Result cards show date and upvotes from
 * the search record's meta.
 */
const NOT_CONTENT = ['.byline', '.eyebrow'];

/** How Pagefind is set up for the catalog; one language for all of it, so a stray lang attribute never splits the index. */
export const PAGEFIND_CONFIG = { forceLanguage: SITE.lang, excludeSelectors: NOT_CONTENT };

/** Every Pagefind response carries `errors`; an index built despite one would silently miss pages. */
function check<T extends { errors: string[] }>(step: string, response: T): T {
  if (response.errors.length > 0) throw new Error(`Pagefind ${step} failed:\n  ${response.errors.join('\n  ')}`);
  return response;
}

/** Pages Pagefind actually indexed, from the bundle it wrote. */
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

interface IndexedPage {
  /** Path in the site, `papers/<slug>/index.html`. */
  path: string;
  /** The day the paper was first listed, which decides its shard. */
  day: number;
  sorts: SortValues;
  /** Of the document Pagefind is given for it. */
  digest: string;
}

/** What the site's `papers.json` says of a paper page for its index: its search record element, and the day it was first listed. */
export interface PageRecord {
  element: string;
  listed: number;
}

/** Each paper page's record, by its path in the site, from the site's `papers.json`. */
export function searchRecords(site: string): Map<string, PageRecord> {
  const catalog = readBuiltCatalog(site, 'search index');
  return new Map(
    catalog.papers.map((paper) => [
      `${routes.paper(paper.slug)}index.html`,
      { element: searchRecordElement(paperSearchRecord(searchInputOf(paper, catalog))), listed: firstListedDay(paper, catalog) },
    ]),
  );
}

function recordOf(path: string, records: ReadonlyMap<string, PageRecord>): PageRecord {
  const record = records.get(path);
  if (record === undefined) throw new Error(`search index: ${path} is a paper page that papers.json does not list`);
  return record;
}

/** The document Pagefind is given for a paper page. */
async function readDocument(site: string, path: string, records: ReadonlyMap<string, PageRecord>): Promise<string> {
  const { element } = recordOf(path, records);
  return indexedDocument(await readFile(join(site, path), 'utf8'), element);
}

async function readPaperPage(site: string, path: string, records: ReadonlyMap<string, PageRecord>): Promise<IndexedPage> {
  const document = await readDocument(site, path, records);
  return { path, day: recordOf(path, records).listed, sorts: sortValues(document), digest: createHash('sha1').update(document).digest('base64url') };
}

const CODE = [fileURLToPath(import.meta.url), fileURLToPath(new URL('./indexed-page.ts', import.meta.url)), fileURLToPath(new URL('../../package-lock.json', import.meta.url))];

/**
 * Everything a shard's bundle is made from: the documents Pagefind is given (paths and digests), and
 * `code`, the digest of the code that gives them and of Pagefind's version (the lockfile). Not the rest of `src/lib`: whatever of
 * it reaches the index reaches it through the pages.
 */
function shardKey(code: string, shard: PlannedShard<IndexedPage>): string {
  const hash = createHash('sha256').update(`${code}\0${shard.name}\0`);
  for (const page of shard.pages) hash.update(`${page.path}\0${page.digest}\0`);
  return hash.digest('base64url');
}

/** `from`'s files (those `keep` accepts) at the same paths under a new `to`, hard-linked where the file system allows. */
async function linkTree(from: string, to: string, keep: (file: string) => boolean = () => true): Promise<void> {
  rmSync(to, { recursive: true, force: true });
  const files = listBuiltFiles(from).filter(keep);
  for (const folder of new Set(files.map((file) => dirname(join(to, file))))) mkdirSync(folder, { recursive: true });
  await mapLimit(files, 64, (file) => linkOrCopy(join(from, file), join(to, file)));
}

/**
 * The cached bundle of each shard and the key it was built for. A key is written after its bundle
 * and removed before it is replaced, so a bundle torn by a killed build is never taken.
 */
function shardCache(root: string) {
  const folder = (name: string) => join(root, name);
  const keyFile = (name: string) => join(root, name, 'key');
  return {
    bundle: (name: string) => join(folder(name), 'bundle'),
    key: (name: string): string | undefined => (existsSync(keyFile(name)) ? readFileSync(keyFile(name), 'utf8') : undefined),
    /** Before a shard is indexed into its bundle. */
    invalidate: (name: string) => {
      rmSync(keyFile(name), { force: true });
      rmSync(folder(name), { recursive: true, force: true });
      mkdirSync(folder(name), { recursive: true });
    },
    commit: (name: string, key: string) => writeFileSync(keyFile(name), key),
    /** Shards no longer planned, so the cache does not grow with every split. */
    prune: (planned: readonly string[]) => {
      if (!existsSync(root)) return;
      for (const entry of readdirSync(root)) if (!planned.includes(entry)) rmSync(join(root, entry), { recursive: true, force: true });
    },
  };
}

/** Indexes one shard's pages into `bundle`, in a Pagefind process of its own that ends with it. */
async function indexShard(site: string, shard: PlannedShard<IndexedPage>, records: ReadonlyMap<string, PageRecord>, bundle: string): Promise<void> {
  try {
    const { index } = check('createIndex', await pagefind.createIndex(PAGEFIND_CONFIG));
    if (!index) throw new Error('Pagefind createIndex returned no index');
    // Read ahead, added in path order: the order pages are added in is the order of the bundle.
    const documents = shard.pages.map((page) => readDocument(site, page.path, records));
    for (const document of documents) document.catch(() => undefined);
    for (const [i, page] of shard.pages.entries()) {
      check(`addHTMLFile ${page.path}`, await index.addHTMLFile({ sourcePath: page.path, content: await documents[i]! }));
    }
    check('writeFiles', await index.writeFiles({ outputPath: bundle }));
  } finally {
    await pagefind.close();
  }
}

/**
 * Pagefind always writes its ready-made UIs and highlighter; the search page has its own UI, so they
 * would only be deployed (and precached) for nothing. Its script, worker and WebAssembly are the same
 * in every shard and loaded from the primary's folder only.
 */
const UNUSED_BUNDLE_FILE = /^pagefind-(?:[a-z-]*ui|highlight)\.(?:js|css)$/;
const PRIMARY_ONLY_FILE = /^(?:pagefind\.js|pagefind-worker\.js|wasm\.[a-z-]+\.pagefind)$/;

export interface SearchIndexResult {
  indexed: number;
  bytes: number;
  files: number;
  /** Shard names, newest first. */
  shards: string[];
  /** The shards indexed by this build; the others came from the cache. */
  reindexed: string[];
}

export interface SearchIndexOptions {
  cacheRoot?: string;
  /** Pages a shard holds before its period splits (SHARD_PAGE_LIMIT). */
  shardPages?: number;
}

/** The shard limit from PAPERSHELF_SEARCH_SHARD_PAGES, for a build that wants smaller shards (the e2e fixture). */
export function shardPagesFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const value = env.PAPERSHELF_SEARCH_SHARD_PAGES;
  if (value === undefined || value === '') return SHARD_PAGE_LIMIT;
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit < 1) throw new Error(`PAPERSHELF_SEARCH_SHARD_PAGES must be a whole number of pages, not ${JSON.stringify(value)}`);
  return limit;
}

/**
 * Indexes every paper page of the site in `site` into `<site>/pagefind/<shard>/` and writes
 * `<site>/pagefind/shards.json`, taking each shard whose pages did not change from
 * `<cacheRoot>/search-index/`; fails unless every page was indexed exactly once.
 */
export async function buildSearchIndex(site: string, options: SearchIndexOptions = {}): Promise<SearchIndexResult> {
  const cache = shardCache(join(options.cacheRoot ?? cacheDir(), 'search-index', 'shards'));
  const records = searchRecords(site);
  const pages = await mapLimit(paperPageFiles(site), 64, (path) => readPaperPage(site, path, records));
  const shards = planShards(pages, options.shardPages ?? SHARD_PAGE_LIMIT);
  const reindexed: string[] = [];
  const code = hashSources(createHash('sha256'), { files: CODE.filter((file) => existsSync(file)) }).digest('base64url');
  for (const shard of shards) {
    const key = shardKey(code, shard);
    if (cache.key(shard.name) === key) continue;
    cache.invalidate(shard.name);
    await indexShard(site, shard, records, cache.bundle(shard.name));
    const indexed = indexedPages(cache.bundle(shard.name));
    if (indexed !== shard.pages.length) throw new Error(`Pagefind indexed ${indexed} pages of shard ${shard.name}, which has ${shard.pages.length}`);
    cache.commit(shard.name, key);
    reindexed.push(shard.name);
  }
  cache.prune(shards.map((shard) => shard.name));

  // Written fresh, never over an old bundle: its files may be links into the cache.
  const out = join(site, PAGEFIND_DIR);
  rmSync(out, { recursive: true, force: true });
  for (const [i, shard] of shards.entries()) {
    await linkTree(cache.bundle(shard.name), join(out, shard.name), (file) => !UNUSED_BUNDLE_FILE.test(file) && (i === 0 || !PRIMARY_ONLY_FILE.test(file)));
  }
  const manifest: ShardManifest = {
    shards: shards.map((shard) => ({
      name: shard.name,
      pages: shard.pages.length,
      sorts: Object.fromEntries(Object.entries(SORT_KEYS).map(([key, name]) => [name, sortValueRuns(shard.pages.flatMap((page) => page.sorts[key as keyof typeof SORT_KEYS] ?? []))])),
    })),
  };
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, SHARD_MANIFEST), `${JSON.stringify(manifest)}\n`);
  const files = builtFileSizes(out);
  return {
    indexed: shards.reduce((sum, shard) => sum + shard.pages.length, 0),
    bytes: files.reduce((sum, file) => sum + file.bytes, 0),
    files: files.length,
    shards: shards.map((shard) => shard.name),
    reindexed,
  };
}
