/**
 * What ingest remembers between runs: each listing as parsed, and each merged paper's topics and
 * file. Tagging (40 topics of regular expressions over every title and abstract) and serialising
 * are most of a first run's time, parsing every listing again most of a later one's (6 s of 12 at
 * 50,000 papers), and adding one listing to a large catalog changes one listing and a few dozen
 * papers, so a run parses only listings whose file changed and works out only papers whose data
 * changed. Everything else that decides the output (the code, the taxonomy, the notes' topic
 * corrections) is in `version`: when it changes the whole cache is dropped.
 */
import { type ListingParser, type ListingReading, parseAnyListing } from '../merge/ingest.ts';
import { MemoCache, digestOf, savedEntries } from './memo-cache.ts';
import type { MergedPaper } from '../paper/paper.ts';

/** What ingest works out for a merged paper: its topics, and its file, which shows them. */
export interface PaperOutput {
  topics: string[];
  file: string;
}

/** Works out the output of every paper given, in order; given them all at once so it can share them out. */
export type WorkOut = (papers: MergedPaper[]) => PaperOutput[] | Promise<PaperOutput[]>;

export interface IngestCacheData {
  version: string;
  listings: Record<string, ListingReading>;
  papers: Record<string, PaperOutput>;
}

export function openIngestCache(saved: unknown, version: string) {
  const readings = new MemoCache(savedEntries<ListingReading>(saved, version, 'listings'));
  const outputs = new MemoCache(savedEntries<PaperOutput>(saved, version, 'papers'));
  return {
    /** `parseAnyListing`, from the cache for a file whose name and text were parsed before. */
    parse: ((file, text) =>
      readings.get(digestOf([file, text]), () => {
        const { roles: _roles, ...reading } = parseAnyListing(file, text);
        return reading;
      })) satisfies ListingParser,
    /** Each paper's output, in order: from the cache, or from one call of `workOut` for all the others. */
    async outputsFor(papers: readonly MergedPaper[], workOut: WorkOut): Promise<PaperOutput[]> {
      const keys = papers.map((paper) => digestOf(paper));
      const found = keys.map((key) => outputs.known(key));
      const missing = papers.filter((_, i) => found[i] === undefined);
      const worked = missing.length > 0 ? await workOut(missing) : [];
      if (worked.length !== missing.length) throw new Error(`ingest: ${worked.length} outputs for ${missing.length} papers`);
      let next = 0;
      return found.map((output, i) => output ?? outputs.remember(keys[i]!, worked[next++]!));
    },
    /** Papers taken from the cache and papers worked out. */
    get stats() {
      return { reused: outputs.hits, redone: outputs.misses };
    },
    /** Listings parsed and taken from the cache. */
    get listingStats() {
      return { reused: readings.hits, parsed: readings.misses };
    },
    get changed(): boolean {
      return readings.changed || outputs.changed;
    },
    data: (): IngestCacheData => ({ version, listings: readings.entries(), papers: outputs.entries() }),
  };
}
