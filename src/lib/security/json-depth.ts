/**
 * JSON parsers (jsonc-parser's tree, `getNodeValue`, `JSON.parse` revivers) recurse once per level
 * of nesting, so a 12 KB file of `[[[[…` overflows the call stack. A Daily Papers response nests
 * five levels (items, item, paper, authors, author); a file nested far deeper is not one, and is
 * read only up to where it gets too deep.
 */
export const MAX_JSON_DEPTH = 64;

/**
 * The offset of the first `[` or `{` that opens a level deeper than `max`, or undefined when the text
 * never nests that deep. One pass, no recursion: brackets inside strings do not count.
 */
export function tooDeepAt(source: string, max: number = MAX_JSON_DEPTH): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // a backslash escapes the next character, a quote included
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return i;
    } else if ((c === 0x5d || c === 0x7d) && depth > 0) depth--;
  }
  return undefined;
}
