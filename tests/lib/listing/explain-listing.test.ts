import { describe, expect, it } from 'vitest';
import { explainListing } from '../../../src/lib/listing/explain-listing.ts';
import { parseListing } from '../../../src/lib/listing/index.ts';

const A = 'We study a thing in depth. It works well in practice, and we say why it does so.';

describe('explainListing', () => {
  it('gives every line its role, each entry its fields after its last line, and findings at their line', () => {
    const text = ['Daily Papers', 'Oct 30', 'Paper One', A, '• 4 authors', '·', 'May 28, 2024 7', 'Paper Two', A, 'Models'].join('\n');
    const shown = explainListing(parseListing('x.txt', text), text).split('\n');
    expect(shown[0]).toBe('x.txt: page dump, 1 entries, 1 rejected, 0 warnings; furniture dropped: header 1, navigation 1');
    // The layout first: the page's own, since one card is too few to learn one from.
    expect(shown.slice(1, 8).map((l) => l.replace(/ +/g, ' ').trim())).toEqual([
      "card layout: the page's own (2 cards are too few to learn one from):",
      'title in 2 of 2 cards, e.g. "Paper One"',
      'abstract in every card',
      'byline in 1 of 2 cards, e.g. "4 authors"',
      'separator in 1 of 2 cards, e.g. "·"',
      'date in 1 of 2 cards, e.g. "May 28, 2024 7"',
      'comments in 0 of 2 cards',
    ]);
    shown.splice(1, 8);
    expect(shown.slice(1, 8).map((l) => l.replace(/ +/g, ' ').trim())).toEqual([
      '1 furniture (header) Daily Papers',
      '2 header day Oct 30',
      '3 title Paper One',
      `4 abstract ${A}`,
      '5 metadata • 4 authors',
      '6 separator ·',
      '7 date May 28, 2024 7',
    ]);
    expect(shown[8]!.trim()).toBe(`=> entry "Paper One" | 4 authors | 2024-05-28, 7 upvotes | abstract of ${A.length} characters`);
    expect(shown.slice(9).join('\n')).toMatch(/8 +rejected +Paper Two\n +rejected: truncated entry/);
    expect(shown.at(-2)!.replace(/ +/g, ' ').trim()).toBe('10 furniture (navigation) Models');
  });
});
