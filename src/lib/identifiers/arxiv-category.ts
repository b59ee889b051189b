/**
 * arXiv's subject categories as its API and BibTeX name them: an archive, with a subject class for
 * most (`cs.LG`, `astro-ph.CO`, `physics.data-an`, `cond-mat.stat-mech`), or an archive alone
 * (`hep-th`, `quant-ph`).
 */
export const ARXIV_CATEGORY_PATTERN = /^[a-z]+(?:-[a-z]+)?(?:\.[A-Za-z]+(?:-[A-Za-z]+)?)?$/;

/** The category as stored, or null when the text is not one (an ACM or MSC class, a stray word with markup). */
export function parseArxivCategory(text: string): string | null {
  const term = text.trim();
  return ARXIV_CATEGORY_PATTERN.test(term) ? term : null;
}
