/**
 * Whether the whole Pagefind bundle is precached (search over the whole catalog works offline after
 * one visit) or only its small core is, with index chunks and fragments cached as searches use them.
 *
 * The budget is 3 MiB of bundle on disk. Pagefind's chunks are already compressed, so that is close
 * to what a reader downloads, in the background, once per deployment that changes the index, on top
 * of a ~0.4 MiB shell (mostly fonts). The default catalog (525 papers) needs about 1.0 MiB; the
 * budget covers roughly 1,500 papers before search falls back to caching on use.
 */
export const SEARCH_INDEX_BUDGET_BYTES = 3 * 1024 * 1024;

/** Bundle folders whose files are fetched per query (chunks of the index, result fragments, filters), in any shard's folder. */
const ON_DEMAND_FILE = /^(?:[^/]+\/)?(?:index|fragment|filter)\//;

export interface BundleFile {
  /** Path inside the Pagefind folder, with forward slashes, e.g. `2025/index/en_1a2b.pf_index`. */
  path: string;
  bytes: number;
}

export type SearchIndexMode = 'precached' | 'on-use';

export interface SearchIndexPlan {
  mode: SearchIndexMode;
  /** Size of the whole bundle. */
  bytes: number;
  budget: number;
  /** Bundle paths to precache, sorted. */
  precache: string[];
}

function isOnDemandBundleFile(path: string): boolean {
  return ON_DEMAND_FILE.test(path);
}

export function planSearchIndex(files: readonly BundleFile[], budget: number = SEARCH_INDEX_BUDGET_BYTES): SearchIndexPlan {
  const bytes = files.reduce((sum, file) => sum + file.bytes, 0);
  const mode: SearchIndexMode = bytes <= budget ? 'precached' : 'on-use';
  const precache = files
    .map((file) => file.path)
    .filter((path) => mode === 'precached' || !isOnDemandBundleFile(path))
    .sort();
  return { mode, bytes, budget, precache };
}
