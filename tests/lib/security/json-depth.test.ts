import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, tooDeepAt } from '../../../src/lib/security/json-depth.ts';

describe('tooDeepAt', () => {
  it('finds the bracket that opens one level too many, and nothing in a file nested less', () => {
    expect(tooDeepAt('[{"paper":{"authors":[{"name":"A"}]}}]')).toBeUndefined();
    expect(tooDeepAt('['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH))).toBeUndefined();
    expect(tooDeepAt('['.repeat(MAX_JSON_DEPTH + 1))).toBe(MAX_JSON_DEPTH);
    expect(tooDeepAt('[[[', 2)).toBe(2);
  });

  it('counts no bracket inside a string, escaped quotes included', () => {
    expect(tooDeepAt(`["${'['.repeat(500)}"]`)).toBeUndefined();
    expect(tooDeepAt(`["a\\"${'{'.repeat(500)}"]`)).toBeUndefined();
    expect(tooDeepAt('["\\\\", [[[', 2)).toBe(8);
  });

  it('agrees with the depth JSON.parse sees, for any JSON value', () => {
    const depth = (value: unknown): number => (typeof value === 'object' && value !== null ? 1 + Math.max(0, ...Object.values(value).map(depth)) : 0);
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 8 }), fc.integer({ min: 1, max: 8 }), (value, max) => {
        const text = JSON.stringify(value);
        expect(tooDeepAt(text, max) === undefined).toBe(depth(value) <= max);
      }),
    );
  });
});
