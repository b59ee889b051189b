/**
 * How the search index is cut into shards, and what the browser needs to search them as one.
 *
 * Pagefind indexes a whole site in one process whose memory grows with the catalog (6.3 GiB at
 * 50,000 papers) and has no incremental mode. So paper pages are indexed in shards by the day each
 * paper was first listed, each in a process of its own and cached on its own, and the search page
 * merges them. Not by publication date: a day's listing holds papers published months or years
 * before, and each such paper would re-index an old shard.
 *
 * A shard is a run of consecutive calendar months (the undated papers count as the oldest month),
 * packed oldest first: a shard takes the next month while it stays within the limit, and a newest
 * shard of less than half the limit joins the one before it. Boundaries are months, so adding papers
 * never moves a paper from one shard to another unless a boundary moves, which only a shard crossing
 * the limit makes happen; a new day's listing, whose papers are mostly new, changes the newest
 * shard and leaves the others to their cache. Shards are kept of like size on purpose: Pagefind
 * ranks by BM25 with each shard's own document counts, and a rare word weighs less in a small shard
 * than in a large one, so a tiny shard's papers would rank below their due.
 */
import { formatMonth } from '../site/format.ts';

/** Papers a shard holds before its period splits. ~0.7 GiB of Pagefind at ~130 KiB a page, ~8 s to index. */
export const SHARD_PAGE_LIMIT = 5000;

export const UNDATED_SHARD = 'undated';

export interface ShardInput {
  /** The page's path in the built site. */
  path: string;
  /** The day the paper was first listed, as a day number (0001-01-01 is 1), 0 when undated (search-record's firstListedDay). */
  day: number;
}

export interface PlannedShard<T extends ShardInput = ShardInput> {
  /** The shard's first month (`2024-07`, or `undated` for the oldest): also its folder name. */
  name: string;
  /** Its pages, sorted by path. */
  pages: T[];
}

/** The calendar date of a day number, as search-record's dateSortKey counts days. */
export function dayToDate(day: number): { year: number; month: number } {
  const date = new Date(0);
  date.setUTCFullYear(1, 0, day);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1 };
}

/** `2024-07`; `undated` sorts before every month as text, being the oldest. */
function monthOf(day: number): string {
  if (day <= 0) return UNDATED_SHARD;
  const { year, month } = dayToDate(day);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

const byPath = (a: ShardInput, b: ShardInput) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

/**
 * Cuts the pages into shards of at most `limit` pages each (a single month may hold more; the newest
 * shard up to half as many again), newest first. Deterministic: the same pages in any order give the
 * same shards.
 */
export function planShards<T extends ShardInput>(pages: readonly T[], limit: number = SHARD_PAGE_LIMIT): PlannedShard<T>[] {
  if (!(limit >= 1)) throw new Error(`search shard limit must be at least 1, not ${limit}`);
  const months = new Map<string, T[]>();
  for (const page of pages) {
    const month = monthOf(page.day);
    const members = months.get(month);
    if (members) members.push(page);
    else months.set(month, [page]);
  }
  // Digits sort before letters, so `undated` would sort last: it is put first by hand.
  const oldestFirst = [...months.keys()].sort((a, b) => Number(b === UNDATED_SHARD) - Number(a === UNDATED_SHARD) || (a < b ? -1 : a > b ? 1 : 0));
  const shards: PlannedShard<T>[] = [];
  for (const month of oldestFirst) {
    const members = months.get(month)!;
    const open = shards.at(-1);
    if (open && open.pages.length + members.length <= limit) open.pages.push(...members);
    else shards.push({ name: month, pages: [...members] });
  }
  const newest = shards.at(-1);
  if (shards.length > 1 && newest && newest.pages.length < limit / 2) {
    shards.pop();
    shards.at(-1)!.pages.push(...newest.pages);
  }
  for (const shard of shards) shard.pages.sort(byPath);
  return shards.reverse();
}

/**
 * The values of one sort key over a shard's pages in Pagefind's sorted order (ascending), as runs
 * of `[value, count]`. A result of a sorted search carries its position in that order as its score,
 * which this table turns back into the value, so results of several shards can be merged by value
 * without fetching their data.
 */
export type SortValueRuns = [value: number, count: number][];

export function sortValueRuns(values: readonly number[]): SortValueRuns {
  const runs: SortValueRuns = [];
  for (const value of [...values].sort((a, b) => a - b)) {
    const last = runs.at(-1);
    if (last && last[0] === value) last[1] += 1;
    else runs.push([value, 1]);
  }
  return runs;
}

/** Looks a position of a table's order up (by bisection: a shard has thousands of results); undefined past its end. */
export function valueAtPosition(runs: SortValueRuns): (position: number) => number | undefined {
  const ends: number[] = [];
  for (const [, count] of runs) ends.push((ends.at(-1) ?? 0) + count);
  return (position) => {
    let low = 0;
    let high = ends.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (ends[middle]! > position) high = middle;
      else low = middle + 1;
    }
    return position >= 0 ? runs[low]?.[0] : undefined;
  };
}

/** `pagefind/shards.json`: what the search page loads first. */
export interface ShardManifest {
  /** Newest first; the first is the primary, whose folder also holds Pagefind's script and WebAssembly. */
  shards: { name: string; pages: number; sorts: Record<string, SortValueRuns> }[];
}

export const SHARD_MANIFEST = 'shards.json';

/** What the newest shard alone covers: its papers, and the month from which it holds every paper listed (`May 2024`). */
export interface NewestShard {
  papers: number;
  since: string;
}

/**
 * The newest shard, when there are others to wait for: the search page answers from it first. A
 * catalog of one shard has none (the undated shard is only ever the oldest, so the newest is a month).
 */
export function newestShard(manifest: ShardManifest): NewestShard | undefined {
  const [newest, ...older] = manifest.shards;
  const month = newest?.name.match(/^(\d{4})-(\d{2})$/);
  if (!newest || older.length === 0 || !month) return undefined;
  return { papers: newest.pages, since: formatMonth(Number(month[1]), Number(month[2])) };
}

/** Pagefind's inverse document frequency of a word on `containing` of `pages` pages (pagefind_web's BM25). */
const idf = (pages: number, containing: number) => Math.log((pages - containing + 0.5) / (containing + 0.5) + 1);

/**
 * The weight (Pagefind's `indexWeight`) that makes a shard's scores those of one index of all
 * `total` pages for a word on one page of the shard: the words whose weight depends most on the
 * number of pages (an author's name, an arXiv id, an acronym) and whose ranking readers judge most
 * sharply. Common words are a little over-weighted in small shards, which the like size of shards
 * keeps small.
 */
export function shardWeight(pages: number, total: number): number {
  return pages > 0 && total > pages ? idf(total, 1) / idf(pages, 1) : 1;
}

export interface ShardResults<T extends { score: number }> {
  /** One shard's results of a sorted search, in Pagefind's order. */
  results: readonly T[];
  /** That shard's table for the key sorted by. */
  runs: SortValueRuns;
  /** The shard's weight, which Pagefind multiplied its scores by. */
  weight: number;
}

/**
 * One order from the sorted results of several shards, as one index would give it: by the sort
 * key's value, ties in shard order (newest first) and then in each shard's own. Pagefind scores a
 * sorted result by its position in the shard's sorted order (negated when ascending) times the
 * shard's weight.
 */
export function mergeSortedResults<T extends { score: number }>(shards: readonly ShardResults<T>[], direction: 'asc' | 'desc'): T[] {
  const sign = direction === 'desc' ? 1 : -1;
  const keyed = shards.flatMap(({ results, runs, weight }, shard) => {
    const valueAt = valueAtPosition(runs);
    return results.map((result, order) => {
      const value = valueAt(Math.round(Math.abs(result.score) / weight));
      if (value === undefined) throw new Error(`a sorted result's position ${result.score} is past its shard's ${runs.reduce((sum, [, count]) => sum + count, 0)} pages`);
      return { result, value, shard, order };
    });
  });
  keyed.sort((a, b) => sign * (b.value - a.value) || a.shard - b.shard || a.order - b.order);
  return keyed.map(({ result }) => result);
}

/** The filter each shard adds to all its pages (Pagefind's `mergeFilter`), so a search can ask one shard alone. */
export const SHARD_FILTER = 'shard';

export type FilterCountsOf = Record<string, Record<string, number>>;

/** Facet counts of disjoint shards added up, without the shard filter: one index's counts. */
export function sumFilterCounts(counts: readonly FilterCountsOf[]): FilterCountsOf {
  // Without prototypes: the keys are indexed values, and a value named "constructor" or "__proto__"
  // must be counted, not found on Object.prototype (or replace it).
  const sum: FilterCountsOf = Object.create(null) as FilterCountsOf;
  for (const shard of counts) {
    for (const [facet, values] of Object.entries(shard)) {
      if (facet === SHARD_FILTER) continue;
      sum[facet] ??= Object.create(null) as Record<string, number>;
      const into = sum[facet];
      for (const [value, count] of Object.entries(values)) into[value] = (into[value] ?? 0) + count;
    }
  }
  return sum;
}
