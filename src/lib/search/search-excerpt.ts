/**
 * Pagefind hands excerpts over as HTML: the page text with `<` and `>` escaped and matches wrapped in
 * `<mark>`. Abstracts are untrusted text (they may contain markup), so the search page never assigns
 * that string as HTML; it splits it into plain-text segments and builds the marks itself.
 */
export interface ExcerptSegment {
  text: string;
  mark: boolean;
}

const MARK = /<mark>([\s\S]*?)<\/mark>/g;

/** Undoes exactly Pagefind's escaping (it leaves `&` alone, so nothing else is encoded). */
const unescapePagefind = (text: string) => text.replaceAll('&lt;', '<').replaceAll('&gt;', '>');

export function excerptSegments(excerpt: string): ExcerptSegment[] {
  const segments: ExcerptSegment[] = [];
  const push = (text: string, mark: boolean) => {
    if (text === '') return;
    const last = segments.at(-1);
    if (last && last.mark === mark) last.text += unescapePagefind(text);
    else segments.push({ text: unescapePagefind(text), mark });
  };
  let at = 0;
  for (const match of excerpt.matchAll(MARK)) {
    push(excerpt.slice(at, match.index), false);
    push(match[1] ?? '', true);
    at = match.index + match[0].length;
  }
  push(excerpt.slice(at), false);
  return segments;
}

/** What Pagefind puts between a paper's title and its abstract in the page text: `. `, or only a space after `.`, `?` or `!`. */
const afterTitle = (title: string) => (/[.?!]$/.test(title) ? /^(?:\s+|$)/ : /^(?:\.(?:\s+|$)|$)/);
const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * The excerpt without the part that repeats the result's title. Pagefind indexes each paper's title
 * with its abstract, so title words find the paper, and an excerpt window that begins in the title
 * shows the end of it ("a Single Attention Layer Learn? A Study…") under the heading that already
 * says it. Drops the longest start of the excerpt that is a whole-word end of the title and is
 * followed by Pagefind's separator; anything else is left as it is.
 */
export function withoutTitle(segments: readonly ExcerptSegment[], title: string): ExcerptSegment[] {
  const text = segments.map((segment) => segment.text).join('');
  const separatorAt = afterTitle(title);
  let cut = 0;
  for (let length = Math.min(text.length, title.length); length > 0 && cut === 0; length -= 1) {
    const start = title.length - length;
    if (start > 0 && WORD_CHAR.test(title[start - 1]!)) continue;
    if (!title.endsWith(text.slice(0, length))) continue;
    const separator = separatorAt.exec(text.slice(length));
    if (separator) cut = length + separator[0].length;
  }
  const kept: ExcerptSegment[] = [];
  let at = 0;
  for (const segment of segments) {
    const from = Math.max(0, cut - at);
    at += segment.text.length;
    if (from < segment.text.length) kept.push({ text: segment.text.slice(from), mark: segment.mark });
  }
  return kept;
}
