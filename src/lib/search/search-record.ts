/**
 * What the search index knows about a paper: the Pagefind filters, sort keys and result metadata of
 * its page. The search index step makes each paper's record from the built `papers.json` and puts it
 * in the document Pagefind is given for the page (src/build/indexed-page.ts), so the 0.8 KB of
 * hidden attributes is not shipped in every paper page; the search page reads the values back, so
 * both import the names from here.
 *
 * Pagefind makes every meta value searchable (filters and sort keys are not), so meta holds only
 * what a result shows and what is fine to match: date, organisation, authors, arXiv id and upvotes. The social card URL is
 * left out on purpose: its path words (`papers`, `og`, `png`, the base) would match every paper, and
 * the search page derives it from the result URL when it needs it.
 */
import { toHtml } from 'hast-util-to-html';
import type { CatalogFile, CatalogFilePaper } from '../catalog/catalog-file.ts';
import { parseIsoDate } from '../listing/dates.ts';

/** Filter keys; they double as the query parameters of the search page. */
export const FACETS = ['topic', 'keyword', 'year', 'listing', 'has-upvotes', 'has-code'] as const;
export type Facet = (typeof FACETS)[number];

/** The year filter of a paper without a date. */
export const UNDATED = 'Undated';

/** Values of the `has-upvotes` filter. Every paper gets one, so the two counts add up to the catalog. */
export const UPVOTED = { yes: 'yes', no: 'no' } as const;

/** Values of the `has-code` filter (a code repository is known), one per paper as for upvotes. */
export const HAS_CODE = { yes: 'yes', no: 'no' } as const;

/**
 * Sort keys. Pagefind leaves a page out of sorted results when it lacks the key, and sorts
 * numerically only when every value is a number, so every paper gets both, as plain integers.
 * Pagefind compares them as 32-bit floats, exact only below 2^24: YYYYMMDD (20251017) is past
 * that and neighbouring days would tie, so dates are day numbers instead.
 */
export const SORT_KEYS = { date: 'date', upvotes: 'upvotes' } as const;

/**
 * The attribute a page holds one value of its search record in (`data-s-date`, `data-f-topic-0`):
 * Pagefind captures it from there, and the search index step reads sort keys back from it.
 */
export const recordAttribute = (kind: 'meta' | 'filter' | 'sort', key: string, nth?: number): string => `data-${kind[0]}-${key}${nth === undefined ? '' : `-${nth}`}`;

export interface PaperSearchInput {
  /** ISO date, absent when the listing gave none. */
  published?: string | undefined;
  upvotes: number;
  /** The lab or company a listing named instead of an author count. */
  organisation?: string | undefined;
  /** Searchable as written (`2405.18407`), so a reader who has the id finds the paper. */
  arxiv?: string | undefined;
  /** Searchable, without leading every excerpt as they would from the page body. */
  authorNames?: readonly string[] | undefined;
  topicNames: readonly string[];
  listingTitles: readonly string[];
  /** The Daily Papers API's AI keywords: a filter, not searchable words (they are the AI's, not the paper's). */
  keywords?: readonly string[] | undefined;
  /** Whether the paper links a code repository. */
  code?: boolean | undefined;
}

export interface SearchRecord {
  meta: Record<string, string>;
  filters: Record<Facet, string[]>;
  sort: Record<keyof typeof SORT_KEYS, string>;
}

const unique = (values: readonly string[]) => [...new Set(values)].sort((a, b) => a.localeCompare(b, 'en'));

const DAY_MS = 86_400_000;

function utcMidnight(year: number, month: number, day: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getTime();
}

const YEAR_ONE = utcMidnight(1, 1, 1);

/** The proleptic Gregorian day number (0001-01-01 is day 1); 0 sorts undated papers after every dated one in "newest". */
export function dateSortKey(published: string | undefined): string {
  if (!published) return '0';
  const { year, month, day } = parseIsoDate(published);
  return String(Math.round((utcMidnight(year, month, day) - YEAR_ONE) / DAY_MS) + 1);
}

export function paperSearchRecord(paper: PaperSearchInput): SearchRecord {
  // No `title`: Pagefind takes it from the page's one <h1>, which is the title.
  const meta: Record<string, string> = { upvotes: String(paper.upvotes) };
  if (paper.published) meta['date'] = paper.published;
  if (paper.organisation) meta['organisation'] = paper.organisation;
  if (paper.arxiv) meta['arxiv'] = paper.arxiv;
  if (paper.authorNames?.length) meta['authors'] = paper.authorNames.join(', ');
  return {
    meta,
    filters: {
      topic: unique(paper.topicNames),
      keyword: unique(paper.keywords ?? []),
      year: [paper.published ? paper.published.slice(0, 4) : UNDATED],
      listing: unique(paper.listingTitles),
      'has-upvotes': [paper.upvotes > 0 ? UPVOTED.yes : UPVOTED.no],
      'has-code': [paper.code ? HAS_CODE.yes : HAS_CODE.no],
    },
    sort: { date: dateSortKey(paper.published), upvotes: String(paper.upvotes) },
  };
}

/**
 * The record as the element Pagefind reads it from: every value in an attribute of its own, named
 * in capture lists (`topic[data-f-topic-0], …`). Values are read from attributes rather than written
 * as `key:value`, because Pagefind splits the inline form on commas and listing titles contain them.
 */
export function searchRecordElement(record: SearchRecord): string {
  const attributes: Record<string, string> = {};
  const capture = (kind: 'meta' | 'filter' | 'sort', key: string, value: string, nth?: number) => {
    const attribute = recordAttribute(kind, key, nth);
    attributes[attribute] = value;
    return `${key}[${attribute}]`;
  };
  const meta = Object.entries(record.meta).map(([key, value]) => capture('meta', key, value));
  const filters = Object.entries(record.filters).flatMap(([key, values]) => values.map((value, i) => capture('filter', key, value, i)));
  const sorts = Object.entries(record.sort).map(([key, value]) => capture('sort', key, value));
  return toHtml({
    type: 'element',
    tagName: 'div',
    properties: {
      hidden: true,
      'data-search-record': '',
      'data-pagefind-meta': meta.join(', '),
      ...(filters.length > 0 && { 'data-pagefind-filter': filters.join(', ') }),
      'data-pagefind-sort': sorts.join(', '),
      ...attributes,
    },
    children: [],
  });
}

/**
 * The day a paper of `papers.json` was first listed, as dateSortKey counts days: its earliest
 * listing's capture date, or failing that its publication date; 0 when neither is known. Search
 * shards are cut by it, so a new day's listing adds to the newest shard even where it lists papers
 * published long before (search-shards.ts).
 */
export function firstListedDay(paper: Pick<CatalogFilePaper, 'listings' | 'published'>, catalog: Pick<CatalogFile, 'listings'>): number {
  const [first] = paper.listings.flatMap((id) => catalog.listings[id]?.captured ?? []).sort();
  return Number(dateSortKey(first ?? paper.published ?? undefined));
}

/** What a search record reads of a paper of `papers.json`. */
type SearchedPaper = Pick<CatalogFilePaper, 'published' | 'upvotes' | 'organisation' | 'arxiv' | 'authorNames' | 'topics' | 'listings' | 'keywords' | 'code'>;

/** A paper of `papers.json` as its search record's input; topics and listings the file does not describe are left out, as on the page. */
export function searchInputOf(paper: SearchedPaper, catalog: Pick<CatalogFile, 'topics' | 'listings'>): PaperSearchInput {
  return {
    published: paper.published ?? undefined,
    upvotes: paper.upvotes,
    organisation: paper.organisation ?? undefined,
    arxiv: paper.arxiv ?? undefined,
    authorNames: paper.authorNames ?? undefined,
    topicNames: paper.topics.flatMap((id) => catalog.topics[id]?.name ?? []),
    listingTitles: paper.listings.flatMap((id) => catalog.listings[id]?.title ?? []),
    keywords: paper.keywords ?? undefined,
    code: Boolean(paper.code),
  };
}
