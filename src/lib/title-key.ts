/**
 * The identity of a paper: its title with compatibility forms folded (NFKC), case folded, and every
 * run of punctuation or whitespace reduced to one space. Two listings that print the same paper with
 * different dashes, quotes or spacing give the same key.
 */
export function titleKey(title: string): string {
  return title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
