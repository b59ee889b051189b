import { parse as parseYaml } from 'yaml';
import { z } from 'astro/zod';
import { splitFrontMatter } from '../paper/front-matter.ts';

/**
 * The topic taxonomy and the tagger that assigns topics to papers. Pure: the taxonomy arrives as
 * YAML text, papers as plain objects; reading files is the caller's job (scripts/topics-source.ts).
 *
 * Term syntax (both `terms` and `acronyms`):
 * - matched on word boundaries: a term never matches inside a longer word (`LoRA` is not found in
 *   `explorations`, `MoE` not in `Moebius`);
 * - a space or hyphen in a term matches any run of spaces and hyphens, or none (`fine-tuning`
 *   matches `fine tuning` and `finetuning`);
 * - a plural `s`/`es` is always accepted (`LLM` matches `LLMs`);
 * - a trailing `*` accepts any word ending (`quantiz*` matches `quantized` and `quantization`).
 * `terms` ignore case; `acronyms` are case-sensitive, which is what keeps `MoE` from matching `moe`.
 * `exclude` phrases (case-insensitive) are blanked out before the topic's terms are looked for, so
 * a term inside an excluded phrase does not count (e.g. `brain` inside `brain tumour`).
 */

const TOPIC_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const TERM = /^[\p{L}\p{N}][^*]*\*?$/u;

const termList = z.array(z.string().trim().regex(TERM, 'a term starts with a letter or digit and may only end in *')).min(1);

/** One topic's fields in content/topics.yaml; the entry's `id` (its slug) is handled by the loader. */
export const topicSchema = z.object({
  name: z.string().min(1),
  /** One sentence, shown on the topic pages. */
  description: z.string().min(1),
  /** Phrases, matched case-insensitively. */
  terms: termList,
  /** Acronyms and coined names, matched case-sensitively. */
  acronyms: termList.optional(),
  /** Phrases in which the terms above must not count. */
  exclude: termList.optional(),
  /** The id of a broader topic. */
  parent: z.string().optional(),
  /**
   * Abstract matches needed when the title has none (default `SCORING.minAbstractMatches`): raise it
   * for topics whose terms are often mentioned in passing.
   */
  minMentions: z.number().int().min(1).optional(),
});

const topicEntrySchema = topicSchema.extend({ id: z.string().regex(TOPIC_ID, 'an id is a lowercase slug, e.g. model-merging') });

export type Topic = z.infer<typeof topicEntrySchema>;

export class TaxonomyError extends Error {}

/**
 * Checks what no single entry can: ids are unique, parents exist and never form a cycle. Takes
 * entries already validated one by one (by `parseTaxonomy` or by the site's content collection).
 */
export function checkTaxonomy(topics: readonly Topic[]): void {
  const ids = new Set<string>();
  for (const topic of topics) {
    if (ids.has(topic.id)) throw new TaxonomyError(`topic "${topic.id}" is defined twice`);
    ids.add(topic.id);
  }
  const parentOf = new Map(topics.map((t) => [t.id, t.parent]));
  for (const topic of topics) {
    if (topic.parent === undefined) continue;
    if (!ids.has(topic.parent)) throw new TaxonomyError(`topic "${topic.id}" has an unknown parent "${topic.parent}"`);
    const seen = new Set([topic.id]);
    for (let up: string | undefined = topic.parent; up !== undefined; up = parentOf.get(up)) {
      if (seen.has(up)) throw new TaxonomyError(`topic "${topic.id}" is its own ancestor`);
      seen.add(up);
    }
  }
}

/** Parses and validates the taxonomy (the text of content/topics.yaml), keeping its order. */
export function parseTaxonomy(text: string): Topic[] {
  const data: unknown = parseYaml(text);
  if (!Array.isArray(data) || data.length === 0) throw new TaxonomyError('the taxonomy must be a non-empty YAML list of topics');
  const topics = data.map((entry, index) => {
    const result = topicEntrySchema.safeParse(entry);
    if (result.success) return result.data;
    const id = typeof entry === 'object' && entry !== null && 'id' in entry ? ` ("${String(entry.id)}")` : '';
    const problems = result.error.issues.map((issue) => `${issue.path.join('.') || 'entry'}: ${issue.message}`).join('; ');
    throw new TaxonomyError(`topic #${index + 1}${id}: ${problems}`);
  });
  checkTaxonomy(topics);
  return topics;
}

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const SEPARATOR = '[\\s\\-\\u2010-\\u2015]*';

/**
 * Each pattern is compiled twice: with Unicode letter and digit classes, and with ASCII ones for
 * texts that are pure ASCII (most titles and abstracts), where the two mean exactly the same but the
 * ASCII regex, without the `u` flag and its Unicode lookbehind, runs about twice as fast.
 */
const SCRIPTS = {
  unicode: { wordChar: '[\\p{L}\\p{N}]', flags: 'gu' },
  ascii: { wordChar: '[A-Za-z0-9]', flags: 'g' },
} as const;
type Script = keyof typeof SCRIPTS;
const ASCII_ONLY = /^[\x00-\x7f]*$/;

function termPattern(term: string, script: Script): string {
  const open = term.endsWith('*');
  const words = (open ? term.slice(0, -1) : term).split(/[\s\-\u2010-\u2015]+/).filter(Boolean);
  return words.map(escapeRegex).join(SEPARATOR) + (open ? `${SCRIPTS[script].wordChar}*` : '(?:e?s)?');
}

/**
 * One regex finding any of `terms` as whole words; longest first so a phrase wins over its parts.
 * Case-insensitive terms are compiled lower-cased and run on a paper's text lower-cased once, rather
 * than lower-casing every paper again for each of the taxonomy's topics.
 */
function termsRegex(terms: readonly string[], caseSensitive: boolean, script: Script): RegExp {
  const { wordChar, flags } = SCRIPTS[script];
  const alternatives = [...terms]
    .map((term) => (caseSensitive ? term : term.toLowerCase()))
    .sort((a, b) => b.length - a.length || (a < b ? -1 : 1))
    .map((term) => termPattern(term, script));
  return new RegExp(`(?<!${wordChar})(?:${alternatives.join('|')})(?!${wordChar})`, flags);
}

interface TopicPatterns {
  terms: RegExp;
  acronyms?: RegExp;
  /** Exclusions, for the lower-cased text and (any case) for the original the acronyms search. */
  exclude?: { lower: RegExp; anyCase: RegExp };
}

interface CompiledTopic {
  topic: Topic;
  patterns: Record<Script, TopicPatterns>;
}

function patternsFor(topic: Topic, script: Script): TopicPatterns {
  const patterns: TopicPatterns = { terms: termsRegex(topic.terms, false, script) };
  if (topic.acronyms) patterns.acronyms = termsRegex(topic.acronyms, true, script);
  if (topic.exclude) {
    const lower = termsRegex(topic.exclude, false, script);
    patterns.exclude = { lower, anyCase: new RegExp(lower.source, `${SCRIPTS[script].flags}i`) };
  }
  return patterns;
}

const compile = (topic: Topic): CompiledTopic => ({ topic, patterns: { unicode: patternsFor(topic, 'unicode'), ascii: patternsFor(topic, 'ascii') } });

/** A title or abstract, lower-cased once for all topics. */
interface Text {
  original: string;
  lower: string;
  script: Script;
}

const textOf = (original: string): Text => ({ original, lower: original.toLowerCase(), script: ASCII_ONLY.test(original) ? 'ascii' : 'unicode' });
const count = (text: string, regex: RegExp) => text.match(regex)?.length ?? 0;
const blank = (phrase: string) => ' '.repeat(phrase.length);

function withoutExcluded(text: Text, exclude: TopicPatterns['exclude']): Text {
  if (!exclude || count(text.lower, exclude.lower) === 0) return text;
  return { ...text, original: text.original.replace(exclude.anyCase, blank), lower: text.lower.replace(exclude.lower, blank) };
}

function countMatches(text: Text, compiled: CompiledTopic): number {
  const patterns = compiled.patterns[text.script];
  const { original, lower } = withoutExcluded(text, patterns.exclude);
  return count(lower, patterns.terms) + (patterns.acronyms ? count(original, patterns.acronyms) : 0);
}

/** How the tagger weighs evidence. Exported so tests and the report can show the reasoning. */
export const SCORING = {
  /** A title match says far more about a paper than a passing mention in its abstract. */
  titleWeight: 4,
  /** Title matches beyond this many add nothing. */
  titleCap: 2,
  /** Abstract matches beyond this many add nothing: a long abstract is not a more relevant one. */
  abstractCap: 5,
  /** Without a title match, a topic needs this many abstract matches: one mention is in passing. */
  minAbstractMatches: 2,
  /** A topic must score at least this share of the paper's best topic. */
  relativeCut: 0.3,
  maxTopics: 4,
} as const;

export interface TopicScore {
  id: string;
  score: number;
  titleMatches: number;
  abstractMatches: number;
}

export interface TaggablePaper {
  title: string;
  abstract: string;
}

export interface Tagger {
  /** Every topic with any evidence, best first (for reports and tuning). */
  score(paper: TaggablePaper): TopicScore[];
  /** The paper's 1–4 best topics (none when nothing qualifies), best first. */
  tag(paper: TaggablePaper): string[];
}

const byRank = (a: TopicScore, b: TopicScore) => b.score - a.score || b.titleMatches - a.titleMatches || b.abstractMatches - a.abstractMatches || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function createTagger(topics: readonly Topic[]): Tagger {
  const compiled = topics.map(compile);
  const minMentions = new Map(topics.map((t) => [t.id, t.minMentions ?? SCORING.minAbstractMatches]));
  const score = (paper: TaggablePaper): TopicScore[] => {
    const title = textOf(paper.title);
    const abstract = textOf(paper.abstract);
    return compiled
      .map((c) => {
        const titleMatches = countMatches(title, c);
        const abstractMatches = countMatches(abstract, c);
        const value = SCORING.titleWeight * Math.min(titleMatches, SCORING.titleCap) + Math.min(abstractMatches, SCORING.abstractCap);
        return { id: c.topic.id, score: value, titleMatches, abstractMatches };
      })
      .filter((s) => s.score > 0)
      .sort(byRank);
  };
  const tag = (paper: TaggablePaper): string[] => {
    const qualified = score(paper).filter((s) => s.titleMatches > 0 || s.abstractMatches >= minMentions.get(s.id)!);
    const best = qualified[0]?.score ?? 0;
    return qualified
      .filter((s) => s.score >= SCORING.relativeCut * best)
      .slice(0, SCORING.maxTopics)
      .map((s) => s.id);
  };
  return { score, tag };
}

export interface TopicNode {
  id: string;
  children: TopicNode[];
}

/** The taxonomy as a tree (for the topic index), keeping the file's order at every level. */
export function topicTree(topics: readonly { id: string; parent?: string | undefined }[]): TopicNode[] {
  const nodes = new Map(topics.map((t) => [t.id, { id: t.id, children: [] as TopicNode[] }]));
  const roots: TopicNode[] = [];
  for (const t of topics) {
    const parent = t.parent === undefined ? undefined : nodes.get(t.parent);
    (parent ? parent.children : roots).push(nodes.get(t.id)!);
  }
  return roots;
}

/** An editor's correction of one paper's topics (the `topics` field of its note's front matter). */
export const topicCorrectionSchema = z.object({
  add: z.array(z.string()).default([]),
  remove: z.array(z.string()).default([]),
});

export type TopicCorrection = z.infer<typeof topicCorrectionSchema>;

/** The topic correction in a note file's front matter, if it has one. */
export function parseNoteCorrection(noteText: string): TopicCorrection | undefined {
  const { data } = splitFrontMatter(noteText);
  if (typeof data !== 'object' || data === null || !('topics' in data) || data.topics == null) return undefined;
  const result = topicCorrectionSchema.safeParse(data.topics);
  if (!result.success) throw new TaxonomyError(`topics must be { add: [...], remove: [...] }: ${result.error.issues[0]?.message}`);
  const both = result.data.add.filter((id) => result.data.remove.includes(id));
  if (both.length > 0) throw new TaxonomyError(`topics both added and removed: ${both.join(', ')}`);
  return result.data;
}

/** Every topic id a correction names that the taxonomy lacks. */
export function unknownTopics(correction: TopicCorrection, topics: readonly Topic[]): string[] {
  const ids = new Set(topics.map((t) => t.id));
  return [...correction.add, ...correction.remove].filter((id) => !ids.has(id));
}

/**
 * The tagger's topics with an editor's correction applied: removed topics go, added ones are
 * appended (the editor's word wins over the tagger's limit of four).
 */
export function applyCorrection(tagged: readonly string[], correction: TopicCorrection | undefined): string[] {
  if (!correction) return [...tagged];
  const removed = new Set(correction.remove);
  const result = tagged.filter((id) => !removed.has(id));
  for (const id of correction.add) if (!result.includes(id)) result.push(id);
  return result;
}
