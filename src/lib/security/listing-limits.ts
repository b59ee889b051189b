/**
 * The longest title and abstract a paper keeps, whatever listing format it came from. Past these
 * an entry is no paper's text but a pasted page, a runaway export or an attack, and every later
 * stage pays for it on every build: the abstract renderer's Markdown parser grows with the square
 * of a run of link brackets (~40,000 `![a](` took 27 s of `astro build`), and each feed, search
 * record and card carries the text. Cut there, with a warning at the entry, never a crash.
 */
import { type Finding, type RawEntry, excerpt } from '../listing/index.ts';

/** arXiv titles stay under 300 characters; three times that is no title any more. */
export const MAX_TITLE_LENGTH = 1_000;
/**
 * arXiv caps abstracts at 1,920 characters; a dump's abstract may run into a paper's comments, so
 * five times that. At this length the abstract renderer's worst case (every character a bracket
 * that might open a link) stays under a quarter of a second per paper.
 */
export const MAX_ABSTRACT_LENGTH = 10_000;

/** `text` cut to at most `max` UTF-16 units plus an ellipsis, never inside a surrogate pair. */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = /[\uD800-\uDBFF]/.test(text[max - 1] ?? '') ? max - 1 : max;
  return `${text.slice(0, end).trimEnd()}…`;
}

interface Reading {
  entries: RawEntry[];
  warnings: Finding[];
}

/**
 * A parsed listing whose titles and abstracts fit the limits, with a warning at each entry that was
 * cut. Returns a new reading: the one given may be a cached parse.
 */
export function limitListing<T extends Reading>(parsed: T): T {
  const warnings: Finding[] = [];
  const entries = parsed.entries.map((entry) => {
    if (entry.title.length <= MAX_TITLE_LENGTH && entry.abstract.length <= MAX_ABSTRACT_LENGTH) return entry;
    const at = entry.item === undefined ? { file: entry.file, line: entry.line } : { file: entry.file, line: entry.line, item: entry.item };
    const title = cutText(entry.title, MAX_TITLE_LENGTH);
    for (const [field, length, max] of [
      ['title', entry.title.length, MAX_TITLE_LENGTH],
      ['abstract', entry.abstract.length, MAX_ABSTRACT_LENGTH],
    ] as const) {
      if (length > max) warnings.push({ ...at, reason: `${field} of ${length.toLocaleString('en')} characters: cut to the first ${max.toLocaleString('en')}`, text: excerpt(title) });
    }
    return { ...entry, title, abstract: cutText(entry.abstract, MAX_ABSTRACT_LENGTH) };
  });
  return warnings.length === 0 ? parsed : { ...parsed, entries, warnings: [...parsed.warnings, ...warnings] };
}
