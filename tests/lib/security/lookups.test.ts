/**
 * Lookups keyed by input (URL parameters, indexed values, entity names) find only what was put
 * there: a key such as "constructor" or "__proto__" is data, never Object.prototype (issue 33).
 */
import { describe, expect, it } from 'vitest';
import { decodeEntities } from '../../../src/lib/paper/plain-text.ts';
import { catalogFacetCounts, facetGroups } from '../../../src/lib/search/search-facets.ts';
import { FACETS, type Facet } from '../../../src/lib/search/search-record.ts';
import { sumFilterCounts } from '../../../src/lib/search/search-shards.ts';
import { parseSearchState } from '../../../src/lib/search/search-state.ts';

const PROTOTYPE_KEYS = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];

describe('lookups keyed by input', () => {
  it('the search page lists a ticked ?topic=constructor as a topic named so, with a string label', () => {
    for (const key of PROTOTYPE_KEYS) {
      const counts = Object.fromEntries(FACETS.map((facet) => [facet, {}])) as Record<Facet, Record<string, number>>;
      const groups = facetGroups(counts, parseSearchState(`?topic=${encodeURIComponent(key)}&has-upvotes=${encodeURIComponent(key)}`), {});
      const options = groups.flatMap((group) => group.options);
      expect(options.map((option) => [option.token, option.label, option.count, option.checked])).toEqual([
        [key, key, 0, true],
        [key, key, 0, true],
      ]);
    }
  });

  it('counts facet values named like Object.prototype members, over records and over shards', () => {
    const filters = Object.fromEntries(FACETS.map((facet) => [facet, [] as string[]])) as Record<Facet, string[]>;
    const records = PROTOTYPE_KEYS.map((key) => ({ filters: { ...filters, topic: [key] } }));
    const counts = catalogFacetCounts([...records, ...records]);
    for (const key of PROTOTYPE_KEYS) expect(Object.getOwnPropertyDescriptor(counts.topic, key)?.value).toBe(2);

    const shard = JSON.parse(`{"topic":{${PROTOTYPE_KEYS.map((key) => `"${key}":1`).join(',')}}}`) as Record<string, Record<string, number>>;
    const sum = sumFilterCounts([shard, shard]);
    for (const key of PROTOTYPE_KEYS) expect(Object.getOwnPropertyDescriptor(sum['topic'], key)?.value).toBe(2);
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });

  it('decodes only the entities it knows', () => {
    expect(decodeEntities('&constructor; &__proto__; &toString; &amp;')).toBe('&constructor; &__proto__; &toString; &');
  });
});
