/**
 * What each facet of the search page lists: its options with labels, counts and ticks, in an order
 * that suits the facet. Options that would give no results are left out unless ticked, so a reader
 * can always untick what they ticked.
 */
import { FACETS, type Facet, type SearchRecord, UNDATED, UPVOTED } from './search-record.ts';
import { type SearchVocabulary, tokenToValue, valueToToken } from './search-query.ts';
import type { SearchState } from './search-state.ts';

export interface FacetOption {
  token: string;
  label: string;
  count: number;
  checked: boolean;
}

export interface FacetGroup {
  facet: Facet;
  legend: string;
  options: FacetOption[];
}

const LEGENDS: Record<Facet, string> = { topic: 'Topic', year: 'Year', listing: 'Listing', 'has-upvotes': 'Upvotes' };
const UPVOTE_LABELS: Record<string, string> = { [UPVOTED.yes]: 'Has upvotes', [UPVOTED.no]: 'No upvotes' };

const byLabel = (a: FacetOption, b: FacetOption) => a.label.localeCompare(b.label, 'en');
const byCountThenLabel = (a: FacetOption, b: FacetOption) => b.count - a.count || byLabel(a, b);
/** Newest year first; papers without a date last. */
const byYear = (a: FacetOption, b: FacetOption) =>
  Number(a.token === UNDATED) - Number(b.token === UNDATED) || b.token.localeCompare(a.token);

function order(facet: Facet, vocabulary: SearchVocabulary): (a: FacetOption, b: FacetOption) => number {
  switch (facet) {
    case 'topic':
      return byCountThenLabel;
    case 'year':
      return byYear;
    case 'listing': {
      // The page lists listings newest first; keep that order.
      const position = new Map(vocabulary.listing?.map((term, index) => [term.token, index]));
      return (a, b) => (position.get(a.token) ?? Infinity) - (position.get(b.token) ?? Infinity) || byLabel(a, b);
    }
    case 'has-upvotes':
      return (a, b) => Number(a.token !== UPVOTED.yes) - Number(b.token !== UPVOTED.yes);
  }
}

export function facetGroups(counts: Record<Facet, Record<string, number>>, state: SearchState, vocabulary: SearchVocabulary): FacetGroup[] {
  return FACETS.map((facet) => {
    const options = new Map<string, FacetOption>();
    for (const [value, count] of Object.entries(counts[facet])) {
      const token = valueToToken(vocabulary, facet, value);
      options.set(token, { token, label: UPVOTE_LABELS[value] ?? value, count, checked: false });
    }
    for (const token of state.filters[facet]) {
      const option = options.get(token);
      if (option) option.checked = true;
      else {
        const value = tokenToValue(vocabulary, facet, token);
        options.set(token, { token, label: UPVOTE_LABELS[value] ?? value, count: 0, checked: true });
      }
    }
    const shown = [...options.values()].filter((option) => option.count > 0 || option.checked);
    return { facet, legend: LEGENDS[facet], options: shown.sort(order(facet, vocabulary)) };
  }).filter((group) => group.options.length > 0);
}

/**
 * Facet counts over whole records, as Pagefind would report them for the entire catalog. The search
 * page gets these from the build instead of `pagefind.filters()`: once that call has loaded every
 * filter chunk, every later search counts every filter value of every match, which is most of a
 * query's time on a large catalog.
 */
export function catalogFacetCounts(records: readonly Pick<SearchRecord, 'filters'>[]): Record<Facet, Record<string, number>> {
  const counts = Object.fromEntries(FACETS.map((facet) => [facet, {}])) as Record<Facet, Record<string, number>>;
  for (const record of records) {
    for (const facet of FACETS) {
      for (const value of record.filters[facet]) counts[facet][value] = (counts[facet][value] ?? 0) + 1;
    }
  }
  return counts;
}
