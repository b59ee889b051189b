import { describe, expect, test } from 'vitest';
import { cacheFileName, cardKey, isCacheFile, type KeyedSpec, planCache } from '../../../src/lib/cards/card-cache.ts';
import type { Card } from '../../../src/lib/cards/card-specs.ts';

const site = { name: 'Papershelf', address: 'example.org' };
const card = (title: string, upvotes = 1): Card => ({ kind: 'paper', site, title, upvotes, topics: ['LLMs'] });

describe('cardKey', () => {
  test('depends on every input and on the renderer version, not on key order', () => {
    const key = cardKey(card('A'), 'v1');
    expect(key).toMatch(/^[0-9a-f]{32}$/);
    expect(cardKey({ upvotes: 1, topics: ['LLMs'], title: 'A', site, kind: 'paper' }, 'v1')).toBe(key);
    expect(cardKey(card('A', 2), 'v1')).not.toBe(key);
    expect(cardKey(card('B'), 'v1')).not.toBe(key);
    expect(cardKey({ ...card('A'), site: { ...site, address: 'other.org' } }, 'v1')).not.toBe(key);
    expect(cardKey(card('A'), 'v2')).not.toBe(key);
  });
});

describe('planCache', () => {
  const spec = (path: string, c: Card): KeyedSpec => ({ path, card: c, key: cardKey(c, 'v1') });
  const a = spec('og/papers/a.png', card('A'));
  const b = spec('og/papers/b.png', card('B'));
  const twin = spec('og/papers/twin.png', card('B'));

  test('cards in the cache are reused, the rest drawn once per key, and unused files pruned', () => {
    const gone = cardKey(card('Removed'), 'v1');
    const plan = planCache([a, b, twin], [cacheFileName(a.key), cacheFileName(gone), `${gone}.png.123.4.tmp`, 'README.md', '.gitkeep']);
    expect(plan.cached).toEqual([a]);
    expect(plan.render).toEqual([b]);
    expect(plan.duplicates).toEqual([twin]);
    expect(plan.stale).toEqual([cacheFileName(gone), `${gone}.png.123.4.tmp`]);
  });

  test('an empty cache draws everything and prunes nothing', () => {
    expect(planCache([a, b], [])).toEqual({ cached: [], render: [a, b], duplicates: [], stale: [] });
  });

  test('only files the cache wrote count as cache files', () => {
    expect(isCacheFile(cacheFileName(a.key))).toBe(true);
    expect(isCacheFile('package.json')).toBe(false);
    expect(isCacheFile(`${a.key}.svg`)).toBe(false);
  });
});
