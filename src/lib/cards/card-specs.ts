/**
 * What each social card shows, decided from the catalog: one card for each of the newest papers
 * (card-policy.ts), one per topic and one for the site. A card's inputs are plain data, so they
 * double as its cache key.
 */
import type { CatalogFilePaper } from '../catalog/catalog-file.ts';
import { countOf } from '../site/format.ts';
import { routes } from '../site/urls.ts';
import { papersWithOwnCard } from './card-policy.ts';

/** The site as every card names it. */
export interface CardSite {
  name: string;
  /** Where the site lives, as a reader would type it: `example.github.io/papershelf`. */
  address: string;
}

export interface PaperCard {
  kind: 'paper';
  site: CardSite;
  title: string;
  /** ISO date. */
  published?: string;
  upvotes: number;
  /** The organisation, or the number of authors. */
  byline?: string;
  /** Topic names, best first. */
  topics: string[];
}

export interface TopicCard {
  kind: 'topic';
  site: CardSite;
  name: string;
  description: string;
  papers: number;
}

export interface SiteCard {
  kind: 'site';
  site: CardSite;
  description: string;
}

export type Card = PaperCard | TopicCard | SiteCard;

/** A card and where it goes, relative to the site root (`routes.paperCard(slug)` and friends). */
export interface CardSpec {
  path: string;
  card: Card;
}

/** What a paper's card and its topics' counts are made of: its entry in the built `papers.json`. */
export type CatalogPaper = Pick<CatalogFilePaper, 'slug' | 'title' | 'published' | 'authors' | 'organisation' | 'upvotes' | 'topics'>;

export interface CatalogTopic {
  id: string;
  name: string;
  description: string;
}

export interface CardCatalog {
  papers: CatalogPaper[];
  topics: CatalogTopic[];
  site: CardSite & { description: string };
  /** How many of the newest papers have a card of their own. */
  paperCards: number;
}

/** `https://octo.github.io` + `/papershelf/` → `octo.github.io/papershelf`. */
export function siteAddress(site: string, base: string): string {
  const url = new URL(base, site);
  return `${url.host}${url.pathname}`.replace(/\/+$/, '');
}

function byline(paper: CatalogPaper): string | undefined {
  if (paper.organisation) return paper.organisation;
  if (paper.authors) return countOf(paper.authors, 'author');
  return undefined;
}

/** Every card of the catalog, in a fixed order: papers by slug, topics by id, then the site. */
export function cardSpecs(catalog: CardCatalog): CardSpec[] {
  const site: CardSite = { name: catalog.site.name, address: catalog.site.address };
  const topicName = new Map(catalog.topics.map((topic) => [topic.id, topic.name]));
  const papers = [...catalog.papers].sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  const counts = new Map<string, number>();
  for (const paper of papers) for (const id of new Set(paper.topics)) counts.set(id, (counts.get(id) ?? 0) + 1);
  const ownCards = papersWithOwnCard(
    papers.map(({ slug, title, published, upvotes }) => ({ id: slug, data: { title, published: published ?? undefined, upvotes } })),
    catalog.paperCards,
  );

  const paperCards = papers
    .filter(({ slug }) => ownCards.has(slug))
    .map((paper): CardSpec => {
      const card: PaperCard = {
        kind: 'paper',
        site,
        title: paper.title,
        upvotes: paper.upvotes,
        topics: paper.topics.map((id) => topicName.get(id) ?? id),
      };
      if (paper.published) card.published = paper.published;
      const by = byline(paper);
      if (by) card.byline = by;
      return { path: routes.paperCard(paper.slug), card };
    });
  const topicCards = [...catalog.topics]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map(
      (topic): CardSpec => ({
        path: routes.topicCard(topic.id),
        card: { kind: 'topic', site, name: topic.name, description: topic.description, papers: counts.get(topic.id) ?? 0 },
      }),
    );
  const siteCard: CardSpec = { path: routes.siteCard(), card: { kind: 'site', site, description: catalog.site.description } };
  return [...paperCards, ...topicCards, siteCard];
}
