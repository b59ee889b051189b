import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MemoCache, digestOf, savedEntries } from '../../../src/lib/cache/memo-cache.ts';

describe('digestOf', () => {
  it('is equal for equal values and differs when any field differs', () => {
    expect(digestOf({ a: 1, b: ['x'] })).toBe(digestOf({ a: 1, b: ['x'] }));
    expect(digestOf({ a: 1, b: ['x'] })).not.toBe(digestOf({ a: 1, b: ['y'] }));
    expect(digestOf({ a: 1 })).not.toBe(digestOf({ a: 1, b: undefined, c: 0 }));
  });
});

describe('MemoCache', () => {
  it('answers like the function itself, and computes each key at most once per run', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.integer()), fc.array(fc.string()), (saved, keys) => {
        const fn = (key: string) => key.length * 7;
        const previous = Object.fromEntries(Object.keys(saved).map((key) => [key, fn(key)]));
        const cache = new MemoCache<number>(previous);
        const computed: string[] = [];
        for (const key of keys) {
          expect(cache.get(key, () => (computed.push(key), fn(key)))).toBe(fn(key));
        }
        expect(new Set(computed).size).toBe(computed.length);
        expect(computed.every((key) => !Object.hasOwn(previous, key))).toBe(true);
        expect(cache.hits + cache.misses).toBe(keys.length);
        expect(Object.keys(cache.entries()).sort()).toEqual([...new Set(keys)].sort());
      }),
    );
  });

  it('keeps only the entries used in this run, in key order, and says whether saving would change anything', () => {
    const cache = new MemoCache<string>({ b: 'B', a: 'A', gone: 'G' });
    cache.get('b', () => 'never');
    cache.get('a', () => 'never');
    expect(cache.changed).toBe(true);
    expect(JSON.stringify(cache.entries())).toBe('{"a":"A","b":"B"}');

    const same = new MemoCache<string>({ a: 'A' });
    same.get('a', () => 'never');
    expect(same.changed).toBe(false);
    same.get('new', () => 'N');
    expect(same.changed).toBe(true);
  });

  it('does not take keys from the prototype chain for entries', () => {
    const cache = new MemoCache<string>({});
    expect(cache.get('toString', () => 'computed')).toBe('computed');
    expect(cache.get('__proto__', () => 'also computed')).toBe('also computed');
  });
});

describe('savedEntries', () => {
  it('gives the entries only to the code version that saved them, and nothing for anything damaged', () => {
    const saved = { version: 'v1', topics: { a: ['x'] } };
    expect(savedEntries(saved, 'v1', 'topics')).toEqual({ a: ['x'] });
    expect(savedEntries(saved, 'v2', 'topics')).toEqual({});
    expect(savedEntries(saved, 'v1', 'files')).toEqual({});
    for (const damaged of [null, 'text', [saved], { version: 'v1', topics: [] }, { version: 'v1', topics: null }]) {
      expect(savedEntries(damaged, 'v1', 'topics')).toEqual({});
    }
  });
});
