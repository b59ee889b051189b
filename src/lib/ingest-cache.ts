/**
 * What ingest remembers between runs: the topics of each merged paper and the file written for each
 * paper. Tagging (40 topics of regular expressions over every title and abstract) and serialising
 * are nearly all of ingest's time, and adding one listing to a large catalog changes a few dozen
 * papers, so a run redoes only papers whose data changed. Everything else that decides the output
 * (the code, the taxonomy, the notes' topic corrections) is in `version`: when it changes the whole
 * cache is dropped.
 */
import type { IngestOptions } from './ingest.ts';
import { MemoCache, digestOf } from './memo-cache.ts';
import type { Paper } from './paper.ts';

type Tagger = NonNullable<IngestOptions['tagTopics']>;

export interface IngestCacheData {
  version: string;
  topics: Record<string, string[]>;
  files: Record<string, string>;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The saved data if it belongs to this version; anything else (older version, damaged file) counts as empty. */
function usable(saved: unknown, version: string): IngestCacheData | undefined {
  if (!isRecord(saved) || saved.version !== version || !isRecord(saved.topics) || !isRecord(saved.files)) return undefined;
  return saved as unknown as IngestCacheData;
}

export function openIngestCache(saved: unknown, version: string) {
  const data = usable(saved, version);
  const topics = new MemoCache<string[]>(data?.topics);
  const files = new MemoCache<string>(data?.files);
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
