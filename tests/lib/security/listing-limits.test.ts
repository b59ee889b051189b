import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RawEntry } from '../../../src/lib/listing/index.ts';
import { MAX_ABSTRACT_LENGTH, MAX_TITLE_LENGTH, cutText, limitListing } from '../../../src/lib/security/listing-limits.ts';

const entry = (title: string, abstract: string, item?: number): RawEntry => ({ file: 'l.json', line: 3, title, abstract, ...(item === undefined ? {} : { item }) });

describe('limitListing', () => {
  it('cuts a title and an abstract past their limits, with a warning at the entry for each', () => {
    const parsed = { entries: [entry('T'.repeat(MAX_TITLE_LENGTH + 5), 'A'.repeat(MAX_ABSTRACT_LENGTH * 3), 7)], warnings: [] };
    const limited = limitListing(parsed);
    expect(limited.entries[0]!.title).toBe(`${'T'.repeat(MAX_TITLE_LENGTH)}…`);
    expect(limited.entries[0]!.abstract).toBe(`${'A'.repeat(MAX_ABSTRACT_LENGTH)}…`);
    expect(limited.warnings).toEqual([
      expect.objectContaining({ file: 'l.json', line: 3, item: 7, reason: `title of ${(MAX_TITLE_LENGTH + 5).toLocaleString('en')} characters: cut to the first 1,000` }),
      expect.objectContaining({ file: 'l.json', line: 3, item: 7, reason: `abstract of ${(MAX_ABSTRACT_LENGTH * 3).toLocaleString('en')} characters: cut to the first 10,000` }),
    ]);
    expect(parsed.entries[0]!.title).toHaveLength(MAX_TITLE_LENGTH + 5);
  });

  it('gives back a listing within the limits as it is', () => {
    const parsed = { entries: [entry('T'.repeat(MAX_TITLE_LENGTH), 'A'.repeat(MAX_ABSTRACT_LENGTH))], warnings: [] };
    expect(limitListing(parsed)).toBe(parsed);
  });
});

describe('cutText', () => {
  it('never splits a surrogate pair and never exceeds the limit plus the ellipsis', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ' ', 'é', '\u{1F600}', '\uD800', '\uDC00'), maxLength: 60 }), fc.integer({ min: 1, max: 40 }), (text, max) => {
        const cut = cutText(text, max);
        if (text.length <= max) expect(cut).toBe(text);
        else {
          expect(cut.length).toBeLessThanOrEqual(max + 1);
          expect(cut.endsWith('…')).toBe(true);
          expect(text.startsWith(cut.slice(0, -1))).toBe(true);
          // A pair the cut would have split is left out whole.
          if (/[\uD800-\uDBFF][\uDC00-\uDFFF]/.test(text.slice(max - 1, max + 1))) expect(cut.slice(0, -1).trimEnd()).toBe(text.slice(0, max - 1).trimEnd());
        }
      }),
    );
  });
});
