/**
 * The search page's state as it lives in the URL (`?q=lora&topic=peft&sort=upvotes`), so results are
 * shareable and Back restores them. Parsing accepts anything; serialising is canonical (fixed
 * parameter order, sorted and de-duplicated values, defaults left out), so one state has one URL.
 */
import { FACETS, type Facet } from './search-record.ts';

export const SORT_ORDERS = ['relevance', 'newest', 'upvotes'] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];

export interface SearchState {
  query: string;
  /** Selected values per facet, as URL tokens (topic slugs, keywords, listing ids, years, yes/no). */
  filters: Record<Facet, string[]>;
  sort: SortOrder;
}

const QUERY_PARAM = 'q';
const SORT_PARAM = 'sort';

const isSortOrder = (value: string | null): value is SortOrder => SORT_ORDERS.some((order) => order === value);

function tokens(values: readonly string[]): string[] {
  return [...new Set(values.map((value) => value.trim()).filter(Boolean))].sort();
}

/** Words as typed, with runs of whitespace collapsed: `  low  rank ` → `low rank`. */
export function normaliseQuery(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export function emptySearchState(): SearchState {
  return { query: '', filters: { topic: [], keyword: [], year: [], listing: [], 'has-upvotes': [], 'has-code': [] }, sort: 'relevance' };
}

export function parseSearchState(search: string | URLSearchParams): SearchState {
  const params = new URLSearchParams(search);
  const state = emptySearchState();
  state.query = normaliseQuery(params.get(QUERY_PARAM) ?? '');
  for (const facet of FACETS) state.filters[facet] = tokens(params.getAll(facet));
  const sort = params.get(SORT_PARAM);
  if (isSortOrder(sort)) state.sort = sort;
  return state;
}

/** `?q=…&topic=…&sort=…`, or '' for the empty state. */
export function serialiseSearchState(state: SearchState): string {
  const params = new URLSearchParams();
  const query = normaliseQuery(state.query);
  if (query) params.set(QUERY_PARAM, query);
  for (const facet of FACETS) for (const token of tokens(state.filters[facet])) params.append(facet, token);
  if (state.sort !== 'relevance') params.set(SORT_PARAM, state.sort);
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function hasFilters(state: SearchState): boolean {
  return FACETS.some((facet) => state.filters[facet].length > 0);
}

/** Nothing to search for: no words and no filters. */
export function isBlank(state: SearchState): boolean {
  return state.query === '' && !hasFilters(state);
}

export function toggleFilter(state: SearchState, facet: Facet, token: string, selected: boolean): SearchState {
  const current = state.filters[facet].filter((value) => value !== token);
  return { ...state, filters: { ...state.filters, [facet]: tokens(selected ? [...current, token] : current) } };
}

export function clearFilters(state: SearchState): SearchState {
  return { ...emptySearchState(), query: state.query, sort: state.sort };
}
