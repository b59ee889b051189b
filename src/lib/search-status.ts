/**
 * The search page's one-line summary of what it shows. The page renders the empty-state line at
 * build time (so nothing moves when the script takes over) and the script every line after it, so
 * both must word it the same way.
 */
import { countOf } from './format.ts';
import { type SearchState, hasFilters, isBlank } from './search-state.ts';

export function searchStatusText(state: SearchState, total: number, catalogSize: number): string {
  if (isBlank(state)) return `Search ${countOf(catalogSize, 'paper')} by title, abstract, topic, listing or year.`;
  const words = state.query ? ` for “${state.query}”` : '';
  const filtered = hasFilters(state) ? ' with these filters' : '';
  if (total > 0) return `${countOf(total, 'paper')}${words}${filtered}.`;
  const hint = hasFilters(state) ? 'Try removing a filter.' : 'Try fewer or different words.';
  return `No papers${words}${filtered}. ${hint}`;
}
