/**
 * Loads the topic tagger for ingest and the topics report: the taxonomy from TOPICS_YAML and the
 * editors' corrections from the front matter of NOTES_DIR/<slug>.mdx, so a hand correction is
 * re-applied every time ingest re-tags the catalog.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { NOTES_DIR, TOPICS_YAML } from '../src/content-paths.ts';
import type { MergedPaper } from '../src/lib/paper/paper.ts';
import { type Tagger, type Topic, type TopicCorrection, TaxonomyError, applyCorrection, createTagger, parseNoteCorrection, parseTaxonomy, unknownTopics } from '../src/lib/topics/topics.ts';

/** What decides papers' topics. Plain data, so ingest can hand it to its worker threads. */
export interface TopicRules {
  topics: Topic[];
  /** Corrections by paper slug. */
  corrections: Map<string, TopicCorrection>;
}

export interface TopicSource extends TopicRules {
  tagger: Tagger;
}

export const topicSourceOf = ({ topics, corrections }: TopicRules): TopicSource => ({ topics, corrections, tagger: createTagger(topics) });

/** Assigns a merged paper its topics. */
export type TagTopics = (paper: MergedPaper) => string[];

function readCorrections(notesDir: string, topics: Topic[]): Map<string, TopicCorrection> {
  const corrections = new Map<string, TopicCorrection>();
  if (!existsSync(notesDir)) return corrections;
  for (const name of readdirSync(notesDir)
    .filter((f) => f.endsWith('.mdx'))
    .sort()) {
    const path = join(notesDir, name);
    let correction: TopicCorrection | undefined;
    try {
      correction = parseNoteCorrection(readFileSync(path, 'utf8'));
    } catch (error) {
      throw new TaxonomyError(`${path}: ${(error as Error).message}`);
    }
    if (!correction) continue;
    const unknown = unknownTopics(correction, topics);
    if (unknown.length > 0) throw new TaxonomyError(`${path}: unknown topic ${unknown.map((id) => `"${id}"`).join(', ')} (see ${TOPICS_YAML})`);
    corrections.set(basename(name, '.mdx'), correction);
  }
  return corrections;
}

export function loadTopicSource(topicsYaml: string = TOPICS_YAML, notesDir: string = NOTES_DIR): TopicSource | undefined {
  if (!existsSync(topicsYaml)) return undefined;
  let topics: Topic[];
  try {
    topics = parseTaxonomy(readFileSync(topicsYaml, 'utf8'));
  } catch (error) {
    throw new TaxonomyError(`${topicsYaml}: ${(error as Error).message}`);
  }
  return topicSourceOf({ topics, corrections: readCorrections(notesDir, topics) });
}

/** The tagger ingest calls for every paper: automatic topics, then the paper's note's correction. */
export function taggerOf(source: TopicSource): TagTopics {
  return (paper) => applyCorrection(source.tagger.tag(paper), source.corrections.get(paper.slug));
}

export function loadTagger(topicsYaml?: string, notesDir?: string): TagTopics | undefined {
  const source = loadTopicSource(topicsYaml, notesDir);
  return source && taggerOf(source);
}
