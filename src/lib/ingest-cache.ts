/**
 * What ingest remembers between runs: the topics of each merged paper and the file written for each
 * paper. Tagging (40 topics of regular expressions over every title and abstract) and serialising
 * are nearly all of ingest's time, and adding one listing to a large catalog changes a few dozen
 * papers, so a run redoes only papers whose data changed. Everything else that decides the output
 * (the code, the taxonomy, the notes' topic corrections) is in `version`: when it changes the whole
 * cache is dropped.
 */
import type { IngestOptions } from './ingest.ts';
import { MemoCache, digestOf, savedEntries } from './memo-cache.ts';
import type { Paper } from './paper.ts';

type Tagger = NonNullable<IngestOptions['tagTopics']>;

export interface IngestCacheData {
  version: string;
  topics: Record<string, string[]>;
  files: Record<string, string>;
}

export function openIngestCache(saved: unknown, version: string) {
  const topics = new MemoCache(savedEntries<string[]>(saved, version, 'topics'));
  const files = new MemoCache(savedEntries<string>(saved, version, 'files'));
  return {
    tagTopics: (tag: Tagger): Tagger => (paper) => topics.get(digestOf(paper), () => tag(paper)),
    fileFor: (paper: Paper, render: (paper: Paper) => string): string => files.get(digestOf(paper), () => render(paper)),
    /** Papers taken from the cache and papers worked out, counted by their files. */
    get stats() {
      return { reused: files.hits, redone: files.misses };
    },
    get changed(): boolean {
      return topics.changed || files.changed;
    },
    data: (): IngestCacheData => ({ version, topics: topics.entries(), files: files.entries() }),
  };
}
