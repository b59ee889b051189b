/**
 * Loads the search index the build wrote next to the site: Pagefind shards by publication date
 * (src/lib/search/search-shards.ts), listed newest first in `pagefind/shards.json`, searched as one. The
 * first shard's copy of Pagefind is imported and the others are merged into it (`mergeIndex`), so
 * the script and its WebAssembly are fetched once. Its URL is only known at run time (it depends on
 * BASE and the bundle is not part of the Vite build), so it is imported dynamically and Vite is told
 * to leave the import alone.
 *
 * Merged searches sum facet counts exactly and rank by relevance across shards. A sorted search is
 * different: Pagefind scores a sorted result by its position in its own shard, which does not
 * compare across shards. So each shard is searched on its own (the filter each adds to its pages)
 * and the results are merged by the values the manifest lists for each position. That filter has a
 * price: an instance that holds a filter counts its values for every match of every search, which
 * doubled the time of a one-word search at 50,000 papers (150 → 300 ms for 16,000 matches). So
 * the instance for relevance leaves it out and hands sorted searches to a copy that has it.
 *
 * The newest shard can also be opened alone: every shard's metadata (Pagefind's list of its pages
 * and sort orders, ~11 bytes a page) is fetched before an index answers, 0.6 MB at 50,000 papers, so
 * the search page answers first from the newest shard and merges the rest after.
 */
import { PAGEFIND_DIR } from '../lib/search/search-paths.ts';
import type { PagefindRequest } from '../lib/search/search-query.ts';
import { type NewestShard, SHARD_FILTER, SHARD_MANIFEST, type ShardManifest, mergeSortedResults, newestShard, shardWeight, sumFilterCounts } from '../lib/search/search-shards.ts';

/** The parts of Pagefind's browser API the search page uses (pagefind_web_js/types). */
export interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

export interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PagefindResultData>;
}

export interface PagefindResults {
  results: PagefindResult[];
  unfilteredResultCount: number;
  filters: Record<string, Record<string, number>>;
  totalFilters: Record<string, Record<string, number>>;
}

type SearchOptions = PagefindRequest['options'];
/** Pagefind takes any filter, the shard filter among them. */
type ModuleSearchOptions = Omit<SearchOptions, 'filters'> & { filters?: Record<string, { any: string[] }> };

/** Pagefind's module (pagefind_web_js), as much of it as is used here. */
interface PagefindModule {
  options(options: { excerptLength?: number; baseUrl?: string; mergeFilter?: Record<string, string>; indexWeight?: number }): Promise<void>;
  init(): Promise<void>;
  mergeIndex(path: string, options?: { mergeFilter?: Record<string, string>; indexWeight?: number }): Promise<void>;
  search(term: string | null, options?: ModuleSearchOptions): Promise<PagefindResults | null>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

/** The catalog's index, whatever its shards: what the search page searches. */
export interface Pagefind {
  search(term: string | null, options?: SearchOptions): Promise<PagefindResults | null>;
  filters(): Promise<Record<string, Record<string, number>>>;
  /** Set when this is the newest of several shards opened alone: what its results cover. */
  partial?: NewestShard;
}

/** Every shard, or the newest alone. */
export type IndexScope = 'all' | 'newest';

export interface IndexOptions {
  scope?: IndexScope;
  /** Whether searches sorted by a key work across shards (see above); false for relevance only. */
  sortable?: boolean;
}

const isSorted = (options: SearchOptions | undefined): boolean => Object.keys(options?.sort ?? {}).length > 0;

const EMPTY: PagefindResults = { results: [], unfilteredResultCount: 0, filters: {}, totalFilters: {} };

/** Searches each shard alone with the same request and merges the sorted results as one index would order them. */
async function sortedSearch(pagefind: PagefindModule, shards: ShardManifest['shards'], weights: readonly number[], term: string | null, options: SearchOptions): Promise<PagefindResults> {
  const [[key, direction] = []] = Object.entries(options.sort ?? {});
  if (!key || !direction) throw new Error('sortedSearch needs a sort');
  const responses = await Promise.all(shards.map(async (shard) => (await pagefind.search(term, { ...options, filters: { ...options.filters, [SHARD_FILTER]: { any: [shard.name] } } })) ?? EMPTY));
  return {
    results: mergeSortedResults(
      shards.map((shard, i) => ({ results: responses[i]!.results, runs: shard.sorts[key] ?? [], weight: weights[i]! })),
      direction,
    ),
    unfilteredResultCount: responses.reduce((sum, response) => sum + response.unfilteredResultCount, 0),
    filters: sumFilterCounts(responses.map((response) => response.filters)),
    totalFilters: sumFilterCounts(responses.map((response) => response.totalFilters)),
  };
}

/**
 * Opens the sharded index under `base` (the site's base URL), its shards or the newest alone. `copy`
 * names a separate copy of Pagefind's module (see PagefindRole): a fragment makes a separate module
 * without a separate request.
 */
export async function openSearchIndex(base: string, copy = '', { scope = 'all', sortable = true }: IndexOptions = {}): Promise<Pagefind> {
  const root = `${base.replace(/\/?$/, '/')}${PAGEFIND_DIR}/`;
  // Revalidated, as Pagefind does its entry file: a manifest cached from before a deploy would name
  // shard folders that deploy removed (the service worker answers from its precache either way).
  const response = await fetch(`${root}${SHARD_MANIFEST}`, { cache: 'no-cache' });
  if (!response.ok) throw new Error(`${response.status} fetching ${root}${SHARD_MANIFEST}`);
  const manifest = (await response.json()) as ShardManifest;
  const [primary, ...older] = manifest.shards;
  if (!primary) throw new Error('the search index has no shards: the catalog has no papers');
  const partial = scope === 'newest' ? newestShard(manifest) : undefined;
  const others = scope === 'newest' ? [] : older;
  const pagefind = (await import(/* @vite-ignore */ `${root}${primary.name}/pagefind.js${copy ? `#${copy}` : ''}`)) as PagefindModule;
  const total = manifest.shards.reduce((sum, shard) => sum + shard.pages, 0);
  const weights = manifest.shards.map((shard) => shardWeight(shard.pages, total));
  // One shard alone sorts as Pagefind does; only a merged sort needs to tell the shards apart.
  const shardFilter = sortable && others.length > 0;
  const shardOptions = (name: string, indexWeight: number) => (shardFilter ? { mergeFilter: { [SHARD_FILTER]: name }, indexWeight } : { indexWeight });
  await pagefind.options({ excerptLength: 36, baseUrl: base, ...shardOptions(primary.name, weights[0]!) });
  await pagefind.init();
  await Promise.all(others.map((shard, i) => pagefind.mergeIndex(`${root}${shard.name}/`, shardOptions(shard.name, weights[i + 1]!))));
  return {
    search: (term, options = { filters: {} }) => {
      if (!isSorted(options) || others.length === 0) return pagefind.search(term, options);
      if (!shardFilter) throw new Error('openSearchIndex: this copy was opened for relevance only and cannot sort across shards');
      return sortedSearch(pagefind, manifest.shards, weights, term, options);
    },
    // Pagefind's merged filters() adds every shard's counts into the first shard's own cached
    // counts, so they grow with each call; the counts of a search over everything are fresh.
    filters: async () => {
      await pagefind.filters();
      return sumFilterCounts([(await pagefind.search(null, { filters: {} }))?.filters ?? {}]);
    },
    ...(partial ? { partial } : {}),
  };
}

/**
 * Which copy of Pagefind to load. The newest shard alone ('newest') answers until the whole index is
 * in, so the first results wait for one shard's metadata instead of every shard's. Then every shard
 * answers: by relevance from 'results', which hands a sorted search to 'sorted', a copy with the
 * shard filter that only a reader who sorts ever loads.
 *
 * Pagefind counts filter values only for the filter chunks an instance has loaded, and once all are
 * loaded (by `filters()`) it counts every value of every match on every search: about ten times the
 * search itself on a large catalog (the topic filter alone costs nearly as much as all of them).
 * Results of searches without filters therefore come from an instance that never loads a filter,
 * and facet counts and filtered results from another that loads them all ('counts'). Each is a
 * separate import of the bundle (its own module, so its own web worker): counting never queues in
 * front of the next keystroke's results. A fragment, unlike a query string, makes a separate module
 * without a separate request: the browser and the service worker's precache see the same URL, so a
 * copy costs no bytes and works offline.
 */
export type PagefindRole = 'newest' | 'results' | 'sorted' | 'counts';

const loading = new Map<PagefindRole, Promise<Pagefind>>();

async function load(role: PagefindRole): Promise<Pagefind> {
  const base = import.meta.env.BASE_URL;
  switch (role) {
    case 'newest':
      return openSearchIndex(base, 'newest', { scope: 'newest' });
    case 'results': {
      const relevance = await openSearchIndex(base, '', { sortable: false });
      return {
        ...relevance,
        search: async (term, options) => (isSorted(options) ? (await loadPagefind('sorted')).search(term, options) : relevance.search(term, options)),
      };
    }
    case 'sorted':
      return openSearchIndex(base, 'sorted');
    case 'counts': {
      const pagefind = await openSearchIndex(base, 'counts');
      await pagefind.filters();
      return pagefind;
    }
  }
}

export function loadPagefind(role: PagefindRole): Promise<Pagefind> {
  let pending = loading.get(role);
  if (!pending) {
    pending = load(role);
    loading.set(role, pending);
  }
  return pending;
}
