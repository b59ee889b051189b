/**
 * The search page's one-line summary of what it shows. The page renders the empty-state line at
 * build time (so nothing moves when the script takes over) and the script every line after it, so
 * both must word it the same way.
 */
import { countOf, formatNumber } from '../site/format.ts';
import type { NewestShard } from './search-shards.ts';
import { type SearchState, hasFilters, isBlank } from './search-state.ts';

/** Results shown from the newest shard alone (search-pagefind.ts): the rest still loading, or failed to. */
export interface PartialSearch extends NewestShard {
  rest: 'loading' | 'unavailable';
}

const REST = { loading: 'Searching the rest of the archive…', unavailable: 'The rest of the archive could not be loaded.' } as const;

export function searchStatusText(state: SearchState, total: number, catalogSize: number, partial?: PartialSearch): string {
  if (isBlank(state)) return `Search ${countOf(catalogSize, 'paper')} by title, abstract, topic, listing or year.`;
  const words = state.query ? ` for “${state.query}”` : '';
  const filtered = hasFilters(state) ? ' with these filters' : '';
  if (partial) return `${total > 0 ? countOf(total, 'paper') : 'No papers'}${words}${filtered} among the ${formatNumber(partial.papers)} papers listed since ${partial.since}. ${REST[partial.rest]}`;
  if (total > 0) return `${countOf(total, 'paper')}${words}${filtered}.`;
  const hint = hasFilters(state) ? 'Try removing a filter.' : 'Try fewer or different words.';
  return `No papers${words}${filtered}. ${hint}`;
}
