import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { pageKey } from '../../../src/lib/cache/page-key.ts';

const entry = (collection: string, id: string, digest: string | undefined, data: object = {}) => ({ collection, id, digest, data, body: 'x' });

describe('pageKey', () => {
  test('counts a content entry by collection, id and digest, not by its (large) data', () => {
    const a = entry('papers', 'p1', 'd1', { title: 'A' });
    expect(pageKey({ paper: a })).toBe(pageKey({ paper: entry('papers', 'p1', 'd1', { title: 'changed, but the digest says not' }) }));
    expect(pageKey({ paper: a })).not.toBe(pageKey({ paper: entry('papers', 'p1', 'd2', { title: 'A' }) }));
    expect(pageKey({ paper: a })).not.toBe(pageKey({ paper: entry('papers', 'p2', 'd1', { title: 'A' }) }));
    expect(pageKey({ paper: a })).not.toBe(pageKey({ paper: entry('notes', 'p1', 'd1', { title: 'A' }) }));
  });

  test('sees a change in an entry nested in lists and objects (related papers, neighbours)', () => {
    const page = (digest: string) => ({
      related: [entry('papers', 'r1', 'x'), entry('papers', 'r2', digest)],
      neighbours: { order: 'date', before: entry('papers', 'n1', 'y') },
    });
    expect(pageKey(page('old'))).not.toBe(pageKey(page('new')));
    expect(pageKey(page('old'))).toBe(pageKey(page('old')));
  });

  test('reads Maps and Sets by their contents', () => {
    const names = (name: string) => new Map([['llm', name]]);
    expect(pageKey({ names: names('LLMs') })).toBe(pageKey({ names: names('LLMs') }));
    expect(pageKey({ names: names('LLMs') })).not.toBe(pageKey({ names: names('Language models') }));
    expect(pageKey(new Set(['a']))).not.toBe(pageKey(new Set(['b'])));
    expect(pageKey(new Map())).not.toBe(pageKey({}));
  });

  test('counts an entry of the file loader (no digest, no body) by its data', () => {
    const listing = (title: string) => ({ collection: 'listings', id: 'l1', data: { title } });
    expect(pageKey([listing('Daily')])).toBe(pageKey([listing('Daily')]));
    expect(pageKey([listing('Daily')])).not.toBe(pageKey([listing('Weekly')]));
  });

  test('refuses an entry with a body but no digest, and values it cannot see into', () => {
    expect(() => pageKey({ note: entry('notes', 'n', undefined) })).toThrow(/notes\/n has a body but no digest/);
    expect(() => pageKey({ render: () => 1 })).toThrow(TypeError);
    expect(() => pageKey({ n: 1n })).toThrow(TypeError);
  });

  test('equal plain values give equal keys; any change to one gives a different key', () => {
    const value = fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.array(fc.string())));
    fc.assert(
      fc.property(value, fc.string(), fc.string(), (page, field, extra) => {
        expect(pageKey(structuredClone(page))).toBe(pageKey(page));
        const changed = { ...page, [field]: [extra, Object.hasOwn(page, field) ? page[field] : null] };
        expect(pageKey(changed)).not.toBe(pageKey(page));
      }),
    );
  });
});
