import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseArxivCategory } from '../../../src/lib/identifiers/arxiv-category.ts';

describe('parseArxivCategory', () => {
  it('takes arXiv’s categories as its taxonomy spells them, archive alone or with a subject class', () => {
    for (const term of ['cs.LG', 'stat.ML', 'hep-th', 'quant-ph', 'astro-ph.CO', 'physics.data-an', 'cond-mat.stat-mech', 'q-bio.NC', 'eess.SP', 'math.GT']) {
      expect(parseArxivCategory(` ${term} `)).toBe(term);
    }
  });

  it('refuses what is not one: ACM and MSC classes, markup, several terms, empty text', () => {
    for (const term of ['I.2.6', '68T05', '<b>cs.LG</b>', 'cs.LG cs.AI', 'cs.LG; stat.ML', '', 'CS.LG', 'cs.', '.LG']) {
      expect(parseArxivCategory(term)).toBeNull();
    }
  });

  it('never lets a character through that BibTeX or HTML would read as markup', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const category = parseArxivCategory(text);
        expect(category === null || /^[A-Za-z.-]+$/.test(category)).toBe(true);
      }),
    );
  });
});
