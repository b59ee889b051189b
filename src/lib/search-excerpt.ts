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
const unescape = (text: string) => text.replaceAll('&lt;', '<').replaceAll('&gt;', '>');

export function excerptSegments(excerpt: string): ExcerptSegment[] {
  const segments: ExcerptSegment[] = [];
  const push = (text: string, mark: boolean) => {
    if (text === '') return;
    const last = segments.at(-1);
    if (last && last.mark === mark) last.text += unescape(text);
    else segments.push({ text: unescape(text), mark });
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
