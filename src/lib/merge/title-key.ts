/**
 * Symbols that change what a word names when written right after it: `C`, `C++` and `C#` are three
 * languages, `LLaMA-Adapter+` is not `LLaMA-Adapter`, `A*` is a search algorithm. Spaced out
 * (`A + B`) they are punctuation like any other and fold away.
 */
const MEANINGFUL_SUFFIX = /(?<=[\p{L}\p{N}])[+#*]+(?![\p{L}\p{N}])/gu;
/** Private-use stand-ins (no title holds them) that keep those symbols through the folding of punctuation. */
const STAND_INS: Record<string, string> = { '+': '\uE001', '#': '\uE002', '*': '\uE003' };
const SYMBOL_OF = new Map(Object.entries(STAND_INS).map(([symbol, standIn]) => [standIn, symbol]));

/**
 * The identity of a paper: its title with compatibility forms folded (NFKC), case folded, invisible
 * format characters (zero-width spaces and joiners, soft hyphens, direction marks) dropped, and
 * every run of punctuation or whitespace reduced to one space, except the symbols of
 * MEANINGFUL_SUFFIX. Two listings that print the same paper with different dashes, quotes,
 * spacing, invisible characters or Unicode normalisation give the same key; `C` and `C++` do not.
 *
 * Case folding is approximated by upper- then lower-casing, which maps `ß` to `ss` and a final `ς`
 * to `σ` like Unicode full case folding does. Combining marks belong to their letter (Devanagari and
 * other scripts write vowels with them). A title with no letters or digits at all (emoji only) keeps
 * its symbols, so it still has an identity; only a title of bare punctuation has an empty key.
 */
export function titleKey(title: string): string {
  const folded = title
    .normalize('NFKC')
    .replace(/\p{Cf}/gu, '')
    .toUpperCase()
    .toLowerCase()
    .normalize('NFKC');
  const kept = folded.replace(MEANINGFUL_SUFFIX, (symbols) => [...symbols].map((s) => STAND_INS[s]).join(''));
  const key = collapse(kept, /[^\p{L}\p{N}\p{M}\uE001-\uE003]+/gu).replace(/[\uE001-\uE003]/gu, (s) => SYMBOL_OF.get(s)!);
  return key !== '' ? key : collapse(folded, /[^\p{L}\p{N}\p{M}\p{S}]+/gu);
}

function collapse(text: string, separators: RegExp): string {
  return text.replace(separators, ' ').trim();
}
