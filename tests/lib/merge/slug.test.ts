import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_SLUG_LENGTH, isSafeSlug, keyHash, slugFor } from '../../../src/lib/merge/slug.ts';
import { titleKey } from '../../../src/lib/merge/title-key.ts';

const slugOfTitle = (title: string) => slugFor(titleKey(title));

describe('slugFor', () => {
  it('spells out a short ASCII title whole, with no suffix', () => {
    expect(slugOfTitle('Scalable Neural Network Kernels')).toBe('scalable-neural-network-kernels');
    expect(slugOfTitle('BT^2: Backward-compatible Training with Basis Transformation')).toBe('bt-2-backward-compatible-training-with-basis-transformation');
  });

  it('cuts a long title at a word boundary and adds the key hash', () => {
    const title = "Let's Make Block Coordinate Descent Converge Faster: Faster Greedy Rules, Message-Passing, Active-Set Complexity, and Superlinear Convergence";
    const slug = slugOfTitle(title);
    const hash = keyHash(titleKey(title));
    expect(slug).toBe(`let-s-make-block-coordinate-descent-converge-faster-faster-greedy-rules-${hash}`);
    expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
  });

  it('cuts inside a word only when a single word is longer than the limit', () => {
    const slug = slugOfTitle('a'.repeat(200));
    expect(slug).toBe(`${'a'.repeat(MAX_SLUG_LENGTH - 7)}-${keyHash('a'.repeat(200))}`);
  });

  it('adds a suffix only when the slug does not spell the key', () => {
    expect(slugOfTitle('Caf\u00e9 Models')).toMatch(/^cafe-models-[0-9a-f]{6}$/);
    expect(slugOfTitle('Cafe Models')).toBe('cafe-models');
  });

  it('gives CJK-only and emoji-only titles a readable stem and a suffix, never an empty slug', () => {
    expect(slugOfTitle('\u6DF1\u5EA6\u5B66\u4E60\u7684\u7406\u8BBA')).toMatch(/^paper-[0-9a-f]{6}$/);
    expect(slugOfTitle('\u{1F680}\u{1F680}')).toMatch(/^paper-[0-9a-f]{6}$/);
    expect(slugOfTitle('\u{1F984}')).toMatch(/^unicorn-[0-9a-f]{6}$/);
    expect(slugOfTitle('\u6DF1\u5EA6\u5B66\u4E60')).not.toBe(slugOfTitle('\u7406\u8BBA'));
  });

  it('depends on the key only, so every spelling of a paper gets one slug', () => {
    const spellings = ['Cats & Dogs: A Study', 'Cats + Dogs -- a study', 'CATS/DOGS. A STUDY'];
    expect(new Set(spellings.map(slugOfTitle))).toEqual(new Set(['cats-dogs-a-study']));
  });

  it('is always safe: lowercase ASCII words, at most 80 characters, no dot, no path separator', { timeout: 60_000 }, () => {
    const title = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 200 }),
      fc.string({ unit: 'binary', maxLength: 120 }),
      fc.string({ unit: fc.constantFrom(...'./\\-_ ..aZ9\u00e9\u6DF1'), maxLength: 120 }),
    );
    fc.assert(
      fc.property(title, (t) => {
        const key = titleKey(t);
        fc.pre(key !== '');
        const slug = slugFor(key);
        expect(isSafeSlug(slug), slug).toBe(true);
        expect(slug).not.toMatch(/^\.|[/\\]/);
      }),
      { numRuns: 1000 },
    );
  });

  it('gives different keys different slugs', { timeout: 60_000 }, () => {
    const key = fc
      .string({ unit: 'grapheme', maxLength: 120 })
      .map(titleKey)
      .filter((k) => k !== '');
    fc.assert(
      fc.property(key, key, (a, b) => {
        fc.pre(a !== b);
        expect(slugFor(a)).not.toBe(slugFor(b));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('isSafeSlug', () => {
  it.each(['', '.hidden', 'a/b', 'a\\b', '..', 'a--b', '-a', 'a-', 'A', 'caf\u00e9', 'x'.repeat(81)])('refuses %j', (slug) => {
    expect(isSafeSlug(slug)).toBe(false);
  });

  it('accepts what slugFor makes', () => {
    expect(isSafeSlug('scalable-neural-network-kernels')).toBe(true);
  });
});
