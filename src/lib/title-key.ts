/**
 * The identity of a paper: its title with compatibility forms folded (NFKC), case folded, and every
 * run of punctuation or whitespace reduced to one space. Two listings that print the same paper with
 * different dashes, quotes, spacing or Unicode normalisation give the same key.
 *
 * Case folding is approximated by upper- then lower-casing, which maps `ß` to `ss` and a final `ς`
 * to `σ` like Unicode full case folding does. Combining marks belong to their letter (Devanagari and
 * other scripts write vowels with them). A title with no letters or digits at all (emoji only) keeps
 * its symbols, so it still has an identity; only a title of bare punctuation has an empty key.
 */
export function titleKey(title: string): string {
  const folded = title.normalize('NFKC').toUpperCase().toLowerCase().normalize('NFKC');
  const key = collapse(folded, /[^\p{L}\p{N}\p{M}]+/gu);
  return key !== '' ? key : collapse(folded, /[^\p{L}\p{N}\p{M}\p{S}]+/gu);
}

function collapse(text: string, separators: RegExp): string {
  return text.replace(separators, ' ').trim();
}
