import type { IngestOptions } from '../src/lib/ingest.ts';

/** Loads the topic tagger for ingest. The taxonomy arrives with the topics work; until then, none. */
export function loadTagger(): IngestOptions['tagTopics'] {
  return undefined;
}
