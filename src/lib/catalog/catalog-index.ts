/**
 * Everything the pages need to know about the catalog, built once from the collections: orderings,
 * groupings, related papers and neighbours. Pure: the collections come in, plain structures go out
 * (src/data/catalog.ts does the loading).
 */
import { type YearGroup, groupByYear, monthIndex } from './archive.ts';
import { paperImage, papersWithOwnCard } from '../cards/card-policy.ts';
import { byTitle, compareNewestFirst, titleCollator } from './newest-first.ts';

export interface IndexablePaper {
  id: string;
  data: {
    title: string;
    published?: string | undefined;
    upvotes: number;
    topics: string[];
    sources: { listing: string; line: number }[];
  };
}

export interface IndexableListing {
  id: string;
  data: { title: string; captured?: string | undefined };
}

export interface IndexableTopic {
  id: string;
  data: { name: string };
}

export interface IndexableNote {
  id: string;
  filePath?: string | undefined;
}

export interface CatalogInput<P, L, T, N> {
  papers: readonly P[];
  listings: readonly L[];
  topics: readonly T[];
  notes: readonly N[];
  /** Each paper's related papers by slug, best first, as ingest worked them out (`_related.json`). */
  related: Readonly<Record<string, readonly string[]>>;
  /** Papers per page of paginated lists (to know where in a year's list each month begins). */
  pageSize: number;
  /** How many of the newest papers have a social card of their own (src/lib/cards/card-policy.ts). */
  paperCards: number;
}

/** A paper's neighbours: by publication date, or by title among undated papers. */
export interface Neighbours<P> {
  order: 'date' | 'title';
  /** Newer paper (by date) or previous title. */
  before?: P;
  /** Older paper (by date) or next title. */
  after?: P;
}

export interface CatalogStats {
  papers: number;
  /** Topics with at least one paper. */
  topics: number;
  listings: number;
  undated: number;
  /** Earliest and latest publication dates. */
  first?: string;
  last?: string;
}

export interface Catalog<P, L, T, N> {
  /** Newest first; undated papers last, by title. */
  papers: P[];
  bySlug: Map<string, P>;
  /** Every topic of the taxonomy (in its order) with its papers, newest first. */
  byTopic: Map<string, P[]>;
  /** Dated papers by publication year, newest year first. */
  years: YearGroup<P>[];
  /** `2024-05` → the page of 2024's archive list where May begins. */
  monthPages: Map<string, number>;
  /** Papers without a publication date, by title. */
  undated: P[];
  /** Each listing's papers in the order the listing had them. */
  byListing: Map<string, P[]>;
  /** Newest capture first; listings without a capture date last, by title. */
  listings: L[];
  topics: T[];
  topicNames: Map<string, string>;
  listingById: Map<string, L>;
  related: Map<string, P[]>;
  neighbours: Map<string, Neighbours<P>>;
  /** Editorial notes by the slug of their paper. */
  notes: Map<string, N>;
  /** Papers with a social card of their own. */
  ownCards: Set<string>;
  stats: CatalogStats;
}

/**
 * What a paper's page shows besides the paper itself. Gathered in one place so that the page renders
 * from it alone and its cache key (src/lib/cache/page-key.ts) covers everything the page depends on.
 */
export interface PaperContext<P, L, N> {
  note?: N;
  /** The listings the paper came from, in the order of its sources. */
  listings: L[];
  related: P[];
  neighbours?: Neighbours<P>;
  /** The page of its year's archive list where the paper's month begins; undefined if undated. */
  monthPage?: number;
  /** Names of every topic, for the paper's topics and those of its related papers. */
  topicNames: ReadonlyMap<string, string>;
  /** Root-relative path of the social card the page names: its own, or its topic's. */
  image: string;
}

/** A listing's papers in the order of their lines in its dump. */
function listingOrder<P extends IndexablePaper>(papers: readonly P[]): Map<string, P[]> {
  const lines = new Map<string, { paper: P; line: number }[]>();
  for (const paper of papers) {
    const first = new Map<string, number>();
    for (const { listing, line } of paper.data.sources) first.set(listing, Math.min(line, first.get(listing) ?? line));
    for (const [listing, line] of first) {
      const entries = lines.get(listing);
      if (entries) entries.push({ paper, line });
      else lines.set(listing, [{ paper, line }]);
    }
  }
  return new Map([...lines].map(([listing, entries]) => [listing, entries.sort((a, b) => a.line - b.line).map((e) => e.paper)]));
}

function neighbours<P extends IndexablePaper>(sequence: readonly P[], order: Neighbours<P>['order'], into: Map<string, Neighbours<P>>): void {
  sequence.forEach((paper, i) => {
    const entry: Neighbours<P> = { order };
    const before = sequence[i - 1];
    const after = sequence[i + 1];
    if (before) entry.before = before;
    if (after) entry.after = after;
    into.set(paper.id, entry);
  });
}

/**
 * A paper's related papers. Ingest writes them with the papers, so a paper they leave out or a slug
 * that is no paper means content/papers/ was changed by hand since: saying so beats a page that
 * silently lacks them.
 */
function relatedOf<P>(slug: string, related: Readonly<Record<string, readonly string[]>>, bySlug: ReadonlyMap<string, P>): P[] {
  const stale = 'content/papers/_related.json is out of date (run `npm run ingest`)';
  if (!Object.hasOwn(related, slug)) throw new Error(`${stale}: it has no entry for the paper "${slug}"`);
  return related[slug]!.map((other) => {
    const paper = bySlug.get(other);
    if (paper === undefined) throw new Error(`${stale}: "${slug}" is related to "${other}", which is not a paper`);
    return paper;
  });
}

/** Notes must belong to a paper: a misspelt file name would otherwise vanish without a trace. */
function checkNotes(notes: readonly IndexableNote[], bySlug: ReadonlyMap<string, unknown>): void {
  const orphans = notes.filter((note) => !bySlug.has(note.id));
  if (orphans.length === 0) return;
  const lines = orphans.map((note) => `  ${note.filePath ?? `${note.id}.mdx`}: no paper has the slug "${note.id}"`);
  throw new Error(`Editorial notes without a paper:\n${lines.join('\n')}\nA note's file name must be the slug of a paper in content/papers/ (its URL is /papers/<slug>/).`);
}

export function buildCatalog<P extends IndexablePaper, L extends IndexableListing, T extends IndexableTopic, N extends IndexableNote>(input: CatalogInput<P, L, T, N>): Catalog<P, L, T, N> {
  const papers = [...input.papers].sort(compareNewestFirst);
  const bySlug = new Map(papers.map((p) => [p.id, p]));
  checkNotes(input.notes, bySlug);

  const dated = papers.filter((p) => p.data.published !== undefined);
  const undated = papers.filter((p) => p.data.published === undefined).sort(byTitle);

  const byTopic = new Map<string, P[]>(input.topics.map((t) => [t.id, []]));
  for (const paper of papers) for (const topic of paper.data.topics) byTopic.get(topic)?.push(paper);

  const listings = [...input.listings].sort((a, b) => {
    const ca = a.data.captured;
    const cb = b.data.captured;
    if (ca !== cb) return ca === undefined ? 1 : cb === undefined ? -1 : ca < cb ? 1 : -1;
    return titleCollator.compare(a.data.title, b.data.title);
  });

  const related = new Map(papers.map((p) => [p.id, relatedOf(p.id, input.related, bySlug)]));

  const adjacent = new Map<string, Neighbours<P>>();
  neighbours(dated, 'date', adjacent);
  neighbours(undated, 'title', adjacent);

  const stats: CatalogStats = {
    papers: papers.length,
    topics: [...byTopic.values()].filter((list) => list.length > 0).length,
    listings: listings.length,
    undated: undated.length,
  };
  const last = dated[0]?.data.published;
  const first = dated.at(-1)?.data.published;
  if (first) stats.first = first;
  if (last) stats.last = last;

  const years = groupByYear(dated);
  const monthPages = new Map(years.flatMap((y) => monthIndex(y.papers, input.pageSize).map((m) => [m.key, m.page] as const)));

  return {
    papers: [...dated, ...undated],
    bySlug,
    byTopic,
    years,
    monthPages,
    undated,
    byListing: listingOrder(papers),
    listings,
    topics: [...input.topics],
    topicNames: new Map(input.topics.map((t) => [t.id, t.data.name])),
    listingById: new Map(input.listings.map((l) => [l.id, l])),
    related,
    neighbours: adjacent,
    notes: new Map(input.notes.map((n) => [n.id, n])),
    ownCards: papersWithOwnCard(papers, input.paperCards),
    stats,
  };
}

/** The listings a paper was captured in, once each, in the order of its sources. */
export function paperListings<P extends IndexablePaper, L>(paper: P, catalog: Pick<Catalog<P, L, unknown, unknown>, 'listingById'>): L[] {
  return [...new Set(paper.data.sources.map((s) => s.listing))].flatMap((id) => catalog.listingById.get(id) ?? []);
}

export function paperContext<P extends IndexablePaper, L, T, N>(paper: P, catalog: Catalog<P, L, T, N>): PaperContext<P, L, N> {
  const context: PaperContext<P, L, N> = {
    listings: paperListings(paper, catalog),
    related: catalog.related.get(paper.id) ?? [],
    topicNames: catalog.topicNames,
    image: paperImage(paper, catalog.ownCards, catalog.topicNames),
  };
  const note = catalog.notes.get(paper.id);
  const neighbours = catalog.neighbours.get(paper.id);
  const { published } = paper.data;
  if (note) context.note = note;
  if (neighbours) context.neighbours = neighbours;
  if (published) context.monthPage = catalog.monthPages.get(published.slice(0, 7)) ?? 1;
  return context;
}
