/**
 * The catalog as the pages see it. The collections are read and indexed once per build: every page
 * awaits the same promise. Related papers come worked out from ingest (`_related.json`).
 */
import { readFileSync } from 'node:fs';
import { type CollectionEntry, getCollection } from 'astro:content';
import { RELATED_JSON } from '../content-paths.ts';
import { paperCardLimit } from '../lib/cards/card-policy.ts';
import { type Catalog, buildCatalog, paperListings } from '../lib/catalog/catalog-index.ts';
import { htmlToPlainText, summarize } from '../lib/paper/plain-text.ts';
import { parseRelatedFile } from '../lib/related/related-file.ts';
import type { PaperSearchInput } from '../lib/search/search-record.ts';
import { SITE } from '../site.config.ts';

export type PaperEntry = CollectionEntry<'papers'>;
export type ListingEntry = CollectionEntry<'listings'>;
export type TopicEntry = CollectionEntry<'topics'>;
export type NoteEntry = CollectionEntry<'notes'>;
export type SiteCatalog = Catalog<PaperEntry, ListingEntry, TopicEntry, NoteEntry>;

export const SNIPPET_LENGTH = 220;

/** `derive` computed once per paper entry: the entries are the same objects on every page of a build. */
function perPaper<T>(derive: (paper: PaperEntry) => T): (paper: PaperEntry) => T {
  const memo = new WeakMap<PaperEntry, T>();
  return (paper) => {
    if (!memo.has(paper)) memo.set(paper, derive(paper));
    return memo.get(paper)!;
  };
}

/**
 * A paper's abstract as plain text (rendered once by the paper loader; never re-parsed here).
 * The paper's page, lists and feeds all ask for it.
 */
export const abstractText = perPaper((paper) => htmlToPlainText(paper.rendered?.html ?? ''));

/** The start of a paper's abstract that lists show under its title (on every list it is in). */
export const abstractSnippet = perPaper((paper) => summarize(abstractText(paper), SNIPPET_LENGTH));

/**
 * What the search index records about a paper. Paper pages emit it for Pagefind and the search page
 * counts it for its catalog-wide facet counts, so both must derive it the same way: here.
 */
export function paperSearchInput(paper: PaperEntry, catalog: SiteCatalog): PaperSearchInput {
  const { published, upvotes, organisation, topics, arxiv, authorNames, aiKeywords, code } = paper.data;
  return {
    published,
    upvotes,
    organisation: organisation?.name,
    arxiv,
    authorNames,
    keywords: aiKeywords,
    code: code !== undefined,
    topicNames: topics.flatMap((id) => catalog.topicNames.get(id) ?? []),
    listingTitles: paperListings(paper, catalog).map((listing) => listing.data.title),
  };
}

function readRelatedFile(): string {
  try {
    return readFileSync(RELATED_JSON, 'utf8');
  } catch (error) {
    throw new Error(`${RELATED_JSON} cannot be read (${(error as Error).message}): run \`npm run ingest\` to write it`);
  }
}

async function load(): Promise<SiteCatalog> {
  const [papers, listings, topics, notes] = await Promise.all([getCollection('papers'), getCollection('listings'), getCollection('topics'), getCollection('notes')]);
  const { related } = parseRelatedFile(readRelatedFile(), RELATED_JSON);
  return buildCatalog({ papers, listings, topics, notes, related, pageSize: SITE.pageSize, paperCards: paperCardLimit(SITE.paperCards) });
}

let catalog: Promise<SiteCatalog> | undefined;

export function getCatalog(): Promise<SiteCatalog> {
  catalog ??= load();
  return catalog;
}
