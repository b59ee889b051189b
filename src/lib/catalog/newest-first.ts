/**
 * The catalog's order of papers: newest first. Its own module because both the catalog index and the
 * card policy (which papers get a card of their own) sort by it, and the index uses the card policy.
 */

/** Titles compare as a reader expects: case and accents aside, numbers by value. */
export const titleCollator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** What the newest-first order reads of a paper. */
export interface DatedPaper {
  id: string;
  data: { title: string; published?: string | undefined; upvotes: number };
}

export function byTitle(a: DatedPaper, b: DatedPaper): number {
  return titleCollator.compare(a.data.title, b.data.title) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Newest first; on the same day the most upvoted first, then by title. Undated papers last. */
export function compareNewestFirst(a: DatedPaper, b: DatedPaper): number {
  const pa = a.data.published;
  const pb = b.data.published;
  if (pa !== pb) {
    if (pa === undefined) return 1;
    if (pb === undefined) return -1;
    return pa < pb ? 1 : -1;
  }
  return b.data.upvotes - a.data.upvotes || byTitle(a, b);
}
