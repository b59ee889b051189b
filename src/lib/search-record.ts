/**
 * What the search index knows about a paper: the Pagefind filters, sort keys and result metadata a
 * paper page declares. The page emits them (PaperSearchMeta) and the search page reads them back, so
 * both import the names from here.
 */

/** Filter keys; they double as the query parameters of the search page. */
export const FACETS = ['topic', 'year', 'listing', 'has-upvotes'] as const;
export type Facet = (typeof FACETS)[number];

/** The year filter of a paper without a date. */
export const UNDATED = 'Undated';

/** Values of the `has-upvotes` filter. Every paper gets one, so the two counts add up to the catalog. */
export const UPVOTED = { yes: 'yes', no: 'no' } as const;

/**
 * Sort keys. Pagefind leaves a page out of sorted results when it lacks the key, and sorts
 * numerically only when every value is a number, so every paper gets both, as plain integers.
 */
export const SORT_KEYS = { date: 'date', upvotes: 'upvotes' } as const;

export interface PaperSearchInput {
  title: string;
  /** ISO date, absent when the listing gave none. */
  published?: string | undefined;
  upvotes: number;
  topicNames: readonly string[];
  listingTitles: readonly string[];
  /** Base-prefixed URL of the paper's social card. */
  image: string;
}

export interface SearchRecord {
  meta: Record<string, string>;
  filters: Record<Facet, string[]>;
  sort: Record<keyof typeof SORT_KEYS, string>;
}

const unique = (values: readonly string[]) => [...new Set(values)].sort((a, b) => a.localeCompare(b, 'en'));

/** `2024-05-28` → `20240528`; 0 sorts undated papers after every dated one in "newest". */
export function dateSortKey(published: string | undefined): string {
  return published ? published.replaceAll('-', '') : '0';
}

export function paperSearchRecord(paper: PaperSearchInput): SearchRecord {
  const meta: Record<string, string> = { title: paper.title, image: paper.image, upvotes: String(paper.upvotes) };
  if (paper.published) meta['date'] = paper.published;
  return {
    meta,
    filters: {
      topic: unique(paper.topicNames),
      year: [paper.published ? paper.published.slice(0, 4) : UNDATED],
      listing: unique(paper.listingTitles),
      'has-upvotes': [paper.upvotes > 0 ? UPVOTED.yes : UPVOTED.no],
    },
    sort: { date: dateSortKey(paper.published), upvotes: String(paper.upvotes) },
  };
}
