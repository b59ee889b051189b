/**
 * The site's `papers.json` (src/pages/papers.json.ts) as the steps after `astro build` read it: the
 * search index makes each paper's search record from it and the card step each card, so both show
 * what the pages were built from, without parsing the paper files again.
 */
export interface CatalogFile {
  /** The home page's absolute URL: the site's origin and base path. */
  url: string;
  topics: Record<string, { name: string }>;
  listings: Record<string, { title: string; captured?: string }>;
  papers: CatalogFilePaper[];
}

export interface CatalogFilePaper {
  slug: string;
  title: string;
  published: string | null;
  /** The number of authors, when the listing gave one. */
  authors: number | null;
  authorNames: string[] | null;
  organisation: string | null;
  arxiv: string | null;
  /** The code repository's URL (optional here only for callers that describe no code). */
  code?: string | null;
  /** The Daily Papers API's AI keywords. */
  keywords?: string[] | null;
  upvotes: number;
  /** Topic ids, best first. */
  topics: string[];
  /** Listing ids, once each, in the order of the paper's sources. */
  listings: string[];
}
