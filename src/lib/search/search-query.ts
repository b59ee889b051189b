/**
 * Turns a search state into Pagefind requests and Pagefind's answers back into facet counts.
 *
 * Facets are disjunctive, as readers expect from a catalog: values of one facet are OR-ed
 * (2023 or 2024), facets are AND-ed (a topic and a year), and each facet's counts are computed with
 * every filter applied except its own, so a count always says how many results ticking that box
 * would add. That takes one extra search per facet that has a selection.
 */
import { FACETS, type Facet, SORT_KEYS } from './search-record.ts';
import type { SearchState } from './search-state.ts';

/** Per facet, the URL token and the indexed value of each term (topic slug → name, listing id → title). */
export type SearchVocabulary = Partial<Record<Facet, readonly { token: string; value: string }[]>>;

/** Pagefind's counts: facet → indexed value → number of results. */
export type FilterCounts = Record<string, Record<string, number>>;

export interface PagefindRequest {
  /** null runs a filter-only search. */
  term: string | null;
  options: {
    filters: Partial<Record<Facet, { any: string[] }>>;
    sort?: Partial<Record<keyof typeof SORT_KEYS, 'asc' | 'desc'>>;
  };
}

/** An arXiv id as readers paste it: `2405.18407`, `arXiv:2405.18407v2`, `1701.07875`. */
const ARXIV_ID_QUERY = /^\s*(?:arxiv:\s*)?(\d{4}\.\d{4,5})(?:v\d+)?\s*$/i;

/**
 * What Pagefind is asked for a query. An arXiv id becomes an exact phrase of the id without its
 * version: loosely matched, its two numbers also find every paper with a number that starts like
 * either of them, and with the index in shards those can rank above the paper itself.
 */
export function pagefindTerm(query: string): string | null {
  if (query === '') return null;
  const id = ARXIV_ID_QUERY.exec(query)?.[1];
  return id ? `"${id}"` : query;
}

/** Unknown tokens pass through, so `?topic=In-context learning` works as well as the slug. */
export function tokenToValue(vocabulary: SearchVocabulary, facet: Facet, token: string): string {
  return vocabulary[facet]?.find((term) => term.token === token)?.value ?? token;
}

export function valueToToken(vocabulary: SearchVocabulary, facet: Facet, value: string): string {
  return vocabulary[facet]?.find((term) => term.value === value)?.token ?? value;
}

/** The request for the results, or, with `except`, for the counts of that one facet. */
export function searchRequest(state: SearchState, vocabulary: SearchVocabulary, except?: Facet): PagefindRequest {
  const filters: PagefindRequest['options']['filters'] = {};
  for (const facet of FACETS) {
    const selected = state.filters[facet];
    if (facet !== except && selected.length > 0) {
      filters[facet] = { any: selected.map((token) => tokenToValue(vocabulary, facet, token)) };
    }
  }
  const term = pagefindTerm(state.query);
  const options: PagefindRequest['options'] = { filters };
  // Without words there is no relevance to rank by: a filter-only listing shows the newest first.
  if (state.sort === 'newest' || (state.sort === 'relevance' && term === null)) options.sort = { [SORT_KEYS.date]: 'desc' };
  if (state.sort === 'upvotes') options.sort = { [SORT_KEYS.upvotes]: 'desc' };
  return { term, options };
}

/** The facets whose counts need a search of their own (those with a selection). */
export function facetsNeedingOwnCounts(state: SearchState): Facet[] {
  return FACETS.filter((facet) => state.filters[facet].length > 0);
}

/** Counts of the main search, with each facet that has a selection taken from its own search. */
export function mergeFacetCounts(main: FilterCounts, own: Partial<Record<Facet, FilterCounts>>): Record<Facet, Record<string, number>> {
  const merged = {} as Record<Facet, Record<string, number>>;
  for (const facet of FACETS) merged[facet] = { ...(own[facet]?.[facet] ?? main[facet] ?? {}) };
  return merged;
}
