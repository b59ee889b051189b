/**
 * The catalog as the pages see it. The collections are read and indexed once per build: every page
 * awaits the same promise, so related papers (the one expensive step) are computed once, not per page.
 */
import { type CollectionEntry, getCollection } from 'astro:content';
import { type Catalog, buildCatalog } from '../lib/catalog-index.ts';
import { htmlToPlainText } from '../lib/plain-text.ts';
import type { PaperSearchInput } from '../lib/search-record.ts';
import { SITE } from '../site.config.ts';

export type PaperEntry = CollectionEntry<'papers'>;
export type ListingEntry = CollectionEntry<'listings'>;
export type TopicEntry = CollectionEntry<'topics'>;
export type NoteEntry = CollectionEntry<'notes'>;
export type SiteCatalog = Catalog<PaperEntry, ListingEntry, TopicEntry, NoteEntry>;

const plainAbstracts = new WeakMap<PaperEntry, string>();

/**
 * A paper's abstract as plain text (rendered once by the paper loader; never re-parsed here). Kept
 * per entry: related papers, the paper's page, feeds and every list showing its snippet all ask.
 */
export function abstractText(paper: PaperEntry): string {
  let text = plainAbstracts.get(paper);
  if (text === undefined) plainAbstracts.set(paper, (text = htmlToPlainText(paper.rendered?.html ?? '')));
  return text;
}

/**
 * What the search index records about a paper. Paper pages emit it for Pagefind and the search page
 * counts it for its catalog-wide facet counts, so both must derive it the same way: here.
 */
export function paperSearchInput(paper: PaperEntry, catalog: SiteCatalog): PaperSearchInput {
  const { title, published, upvotes, organisation, topics, sources } = paper.data;
  return {
    title,
    published,
    upvotes,
    organisation: organisation?.name,
    topicNames: topics.flatMap((id) => catalog.topicNames.get(id) ?? []),
    listingTitles: [...new Set(sources.map((source) => source.listing))].flatMap((id) => catalog.listingById.get(id)?.data.title ?? []),
  };
}

async function load(): Promise<SiteCatalog> {
  const [papers, listings, topics, notes] = await Promise.all([
    getCollection('papers'),
    getCollection('listings'),
    getCollection('topics'),
    getCollection('notes'),
  ]);
  return buildCatalog({ papers, listings, topics, notes, abstractOf: abstractText, relatedCount: SITE.relatedCount, pageSize: SITE.pageSize });
}

let catalog: Promise<SiteCatalog> | undefined;

export function getCatalog(): Promise<SiteCatalog> {
  catalog ??= load();
  return catalog;
}
