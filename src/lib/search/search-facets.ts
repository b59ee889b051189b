/**
 * What each facet of the search page lists: its options with labels, counts and ticks, in an order
 * that suits the facet. Options that would give no results are left out unless ticked, so a reader
 * can always untick what they ticked.
 */
import { FACETS, type Facet, HAS_CODE, type SearchRecord, UNDATED, UPVOTED } from './search-record.ts';
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

const LEGENDS: Record<Facet, string> = { topic: 'Topic', keyword: 'Keyword (by AI)', year: 'Year', listing: 'Listing', 'has-upvotes': 'Upvotes', 'has-code': 'Code' };
/** Labels of the yes/no facets' values; every other facet's values are their own labels (a keyword may well be "yes"). */
const VALUE_LABELS: ReadonlyMap<Facet, ReadonlyMap<string, string>> = new Map([
  [
    'has-upvotes',
    new Map([
      [UPVOTED.yes, 'Has upvotes'],
      [UPVOTED.no, 'No upvotes'],
    ]),
  ],
  [
    'has-code',
    new Map([
      [HAS_CODE.yes, 'Has code'],
      [HAS_CODE.no, 'No code'],
    ]),
  ],
]);
const labelOf = (facet: Facet, value: string) => VALUE_LABELS.get(facet)?.get(value) ?? value;

/**
 * Keywords a facet lists at most, the commonest, besides any ticked: Hugging Face gives each paper
 * about ten, so a catalog has thousands, and the paper pages link to each of a paper's anyway.
 */
export const KEYWORD_OPTIONS = 20;

const byLabel = (a: FacetOption, b: FacetOption) => a.label.localeCompare(b.label, 'en');
const byCountThenLabel = (a: FacetOption, b: FacetOption) => b.count - a.count || byLabel(a, b);
/** Newest year first; papers without a date last. */
const byYear = (a: FacetOption, b: FacetOption) => Number(a.token === UNDATED) - Number(b.token === UNDATED) || b.token.localeCompare(a.token);

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
    case 'keyword':
      return byCountThenLabel;
    case 'has-upvotes':
      return (a, b) => Number(a.token !== UPVOTED.yes) - Number(b.token !== UPVOTED.yes);
    case 'has-code':
      return (a, b) => Number(a.token !== HAS_CODE.yes) - Number(b.token !== HAS_CODE.yes);
  }
}

/** The KEYWORD_OPTIONS commonest of options sorted commonest first, and every ticked one, in that order. */
function commonest(options: FacetOption[]): FacetOption[] {
  let unticked = 0;
  return options.filter((option) => option.checked || ++unticked <= KEYWORD_OPTIONS);
}

export function facetGroups(counts: Record<Facet, Record<string, number>>, state: SearchState, vocabulary: SearchVocabulary): FacetGroup[] {
  return FACETS.map((facet) => {
    const options = new Map<string, FacetOption>();
    for (const [value, count] of Object.entries(counts[facet] ?? {})) {
      const token = valueToToken(vocabulary, facet, value);
      options.set(token, { token, label: labelOf(facet, value), count, checked: false });
    }
    for (const token of state.filters[facet]) {
      const option = options.get(token);
      if (option) option.checked = true;
      else {
        const value = tokenToValue(vocabulary, facet, token);
        options.set(token, { token, label: labelOf(facet, value), count: 0, checked: true });
      }
    }
    const shown = [...options.values()].filter((option) => option.count > 0 || option.checked).sort(order(facet, vocabulary));
    return { facet, legend: LEGENDS[facet], options: facet === 'keyword' ? commonest(shown) : shown };
  }).filter((group) => group.options.length > 0);
}

/**
 * Facet counts over whole records, as Pagefind would report them for the entire catalog. The search
 * page gets these from the build instead of `pagefind.filters()`: once that call has loaded every
 * filter chunk, every later search counts every filter value of every match, which is most of a
 * query's time on a large catalog.
 */
export function catalogFacetCounts(records: readonly Pick<SearchRecord, 'filters'>[]): Record<Facet, Record<string, number>> {
  // Without a prototype, so a keyword such as "constructor" or "__proto__" counts like any other.
  const counts = Object.fromEntries(FACETS.map((facet) => [facet, Object.create(null) as Record<string, number>])) as Record<Facet, Record<string, number>>;
  for (const record of records) {
    for (const facet of FACETS) {
      for (const value of record.filters[facet]) counts[facet][value] = (counts[facet][value] ?? 0) + 1;
    }
  }
  // The page carries these counts: only the keywords its facet can list.
  const keywords = Object.entries(counts.keyword).sort(([a, x], [b, y]) => y - x || a.localeCompare(b, 'en'));
  counts.keyword = Object.create(null) as Record<string, number>;
  for (const [keyword, count] of keywords.slice(0, KEYWORD_OPTIONS)) counts.keyword[keyword] = count;
  return counts;
}
