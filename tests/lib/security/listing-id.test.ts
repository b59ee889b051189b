import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSafeListingId, listingId } from '../../../src/lib/security/listing-id.ts';

describe('listingId', () => {
  it('keeps the names people give listings', () => {
    for (const name of ['000_cc5b1bd4cf2371e1', 'daily-2025-12-31', 'Week.42', 'a']) expect(listingId(name)).toBe(name);
  });

  it('makes names a URL or a folder cannot carry safe, telling them apart by a hash', () => {
    expect(listingId('%2e%2e')).toMatch(/^2e-2e-[0-9a-f]{6}$/);
    expect(listingId('a?b#c')).toMatch(/^a-b-c-[0-9a-f]{6}$/);
    expect(listingId('my list')).toMatch(/^my-list-[0-9a-f]{6}$/);
    expect(listingId('café')).toMatch(/^cafe-[0-9a-f]{6}$/);
    expect(listingId('日本語')).toMatch(/^listing-[0-9a-f]{6}$/);
    for (const name of ['..', '.', '.hidden', 'trailing.', '__proto__', 'x'.repeat(101)]) expect(listingId(name)).not.toBe(name);
    expect(listingId('a b')).not.toBe(listingId('a_b'));
  });

  it('gives every name a safe id, the same each time, and different names different ids', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 40 }),
        fc.string({ unit: fc.constantFrom('a', 'Z', '0', '.', '%', '?', '#', ' ', '/', '\\', 'é', '日', '\uFFFE', '\u0000', '\uD800'), maxLength: 40 }),
        (a, b) => {
          for (const name of [a, b]) {
            const id = listingId(name);
            expect(isSafeListingId(id)).toBe(true);
            expect(listingId(name)).toBe(id);
            // Safe for a URL as it is: encoding changes nothing, and it never names the folder itself or its parent.
            expect(encodeURIComponent(id)).toBe(id);
            expect(['.', '..']).not.toContain(id);
          }
          if (a !== b) expect(listingId(a)).not.toBe(listingId(b));
        },
      ),
    );
  });
});
