/**
 * Which papers have a social card of their own, and which image every paper's page names instead.
 *
 * A paper's card is 15–25 KiB of PNG, more than its page, and GitHub Pages holds 1 GB: at 50,000
 * papers, one card each would be 1.1 GB on its own. Links are shared mostly while a paper is new,
 * so the newest papers (`SITE.paperCards`, `PAPERSHELF_PAPER_CARDS`) get their own card and an
 * older one shows the card of its first topic (the site's when none of its topics has a card),
 * which is still a 1200×630 image naming the site and the subject. The order is the catalog's
 * (newest first), so the site and the card step agree on the same papers.
 */
import { type DatedPaper, compareNewestFirst } from '../catalog/newest-first.ts';
import { routes } from '../site/urls.ts';

/** `PAPERSHELF_PAPER_CARDS`: a whole number of papers, or `all`; otherwise `fallback`. */
export function paperCardLimit(fallback: number, env: NodeJS.ProcessEnv = process.env): number {
  const value = env.PAPERSHELF_PAPER_CARDS;
  if (value === undefined || value === '') return fallback;
  if (value === 'all') return Number.POSITIVE_INFINITY;
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit < 0) throw new Error(`PAPERSHELF_PAPER_CARDS must be a whole number of papers or "all", not "${value}"`);
  return limit;
}

/** The ids of the `limit` newest papers (`compareNewestFirst`), whatever order they come in. */
export function papersWithOwnCard(papers: readonly DatedPaper[], limit: number): Set<string> {
  if (limit >= papers.length) return new Set(papers.map((paper) => paper.id));
  return new Set(
    [...papers]
      .sort(compareNewestFirst)
      .slice(0, limit)
      .map((paper) => paper.id),
  );
}

/** The root-relative path of the card a paper's page names as its `og:image`. */
export function paperImage(paper: { id: string; data: { topics: readonly string[] } }, ownCards: ReadonlySet<string>, topicsWithCards: Pick<ReadonlySet<string>, 'has'>): string {
  if (ownCards.has(paper.id)) return routes.paperCard(paper.id);
  const topic = paper.data.topics.find((id) => topicsWithCards.has(id));
  return topic ? routes.topicCard(topic) : routes.siteCard();
}
