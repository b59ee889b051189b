/**
 * What ingest remembers between runs: each merged paper's topics and file. Tagging (40 topics of
 * regular expressions over every title and abstract) and serialising are nearly all of ingest's
 * time, and adding one listing to a large catalog changes a few dozen papers, so a run works out
 * only papers whose data changed. Everything else that decides the output (the code, the taxonomy,
 * the notes' topic corrections) is in `version`: when it changes the whole cache is dropped.
 */
import { MemoCache, digestOf, savedEntries } from './memo-cache.ts';
import type { MergedPaper } from './paper.ts';

/** What ingest works out for a merged paper: its topics, and its file, which shows them. */
export interface PaperOutput {
  topics: string[];
  file: string;
}

/** Works out the output of every paper given, in order; given them all at once so it can share them out. */
export type WorkOut = (papers: MergedPaper[]) => PaperOutput[] | Promise<PaperOutput[]>;

export interface IngestCacheData {
  version: string;
  papers: Record<string, PaperOutput>;
}

export function openIngestCache(saved: unknown, version: string) {
  const outputs = new MemoCache(savedEntries<PaperOutput>(saved, version, 'papers'));
  return {
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
    get changed(): boolean {
      return outputs.changed;
    },
    data: (): IngestCacheData => ({ version, papers: outputs.entries() }),
  };
}
