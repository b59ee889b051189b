/**
 * Whether a search result is the paper a catalog entry names. Titles are compared by their keys
 * (`titleKey`: case, punctuation and spacing folded) with a normalised Levenshtein similarity; a
 * result is taken only at or above MATCH_THRESHOLD, and only when the catalog's date for the paper
 * fits the result's versions. Two different results that both pass are ambiguous, never guessed.
 */
import { distance } from 'fastest-levenshtein';
import type { ArxivRecord } from './arxiv-atom.ts';
import { titleKey } from '../merge/title-key.ts';

/** 0.9 allows a few characters of difference in a typical title (a dropped subtitle word does not pass). */
export const MATCH_THRESHOLD = 0.9;

/**
 * How far a listing's date may lie from a result's versions and still be that paper: a daily page
 * lists a paper within days of a version, but a listing may be a late pick or carry a later revision.
 */
export const DATE_WINDOW_DAYS = { beforeFirstVersion: 7, afterLatestVersion: 365 };

export interface Candidate {
  id: string;
  title: string;
  similarity: number;
}

export type MatchDecision = { kind: 'match'; record: ArxivRecord; similarity: number } | { kind: 'ambiguous'; candidates: Candidate[] } | { kind: 'unmatched'; reason: string; best?: Candidate };

/** 1 for titles with the same key, falling towards 0 as their keys differ. */
export function titleSimilarity(a: string, b: string): number {
  const [x, y] = [titleKey(a), titleKey(b)];
  const longest = Math.max(x.length, y.length);
  return longest === 0 ? 0 : 1 - distance(x, y) / longest;
}

const DAY_MS = 86_400_000;
const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;

/** Whether a paper dated `published` can be the result: no earlier than its first version, not long after its latest. */
export function plausibleDate(published: string | undefined, record: ArxivRecord): boolean {
  if (!published) return true;
  const day = dayNumber(published);
  return day >= dayNumber(record.published) - DATE_WINDOW_DAYS.beforeFirstVersion && day <= dayNumber(record.updated) + DATE_WINDOW_DAYS.afterLatestVersion;
}

const candidateOf = (record: ArxivRecord, similarity: number): Candidate => ({ id: record.id, title: record.title, similarity: Math.round(similarity * 1000) / 1000 });

export function decideMatch(paper: { title: string; published?: string | undefined }, records: readonly ArxivRecord[]): MatchDecision {
  if (records.length === 0) return { kind: 'unmatched', reason: 'no result for the title' };
  const scored = records.map((record) => ({ record, similarity: titleSimilarity(paper.title, record.title) })).sort((a, b) => b.similarity - a.similarity || (a.record.id < b.record.id ? -1 : 1));
  const passing = scored.filter((s) => s.similarity >= MATCH_THRESHOLD);
  const plausible = passing.filter((s) => plausibleDate(paper.published, s.record));
  const best = candidateOf(scored[0]!.record, scored[0]!.similarity);
  if (passing.length === 0) return { kind: 'unmatched', reason: `no title within ${MATCH_THRESHOLD} similarity`, best };
  if (plausible.length === 0) return { kind: 'unmatched', reason: `the matching title's dates do not fit the paper's date ${paper.published}`, best };
  const ids = new Set(plausible.map((s) => s.record.id));
  if (ids.size > 1) return { kind: 'ambiguous', candidates: plausible.map((s) => candidateOf(s.record, s.similarity)) };
  return { kind: 'match', record: plausible[0]!.record, similarity: plausible[0]!.similarity };
}

/**
 * The search query for a title: its words as one phrase in the title field. Punctuation is left
 * out, since arXiv's query syntax gives it meaning (quotes, parentheses, colons, AND/OR/ANDNOT).
 */
export function titleQuery(title: string): string {
  const words = titleKey(title)
    .split(' ')
    .filter((w) => w !== '' && !/^(?:and|or|andnot)$/i.test(w))
    .map((w) => w.replace(/[+#*]/g, ''));
  return `ti:"${words.filter(Boolean).join(' ')}"`;
}
