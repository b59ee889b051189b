import { describe, expect, test } from 'vitest';
import { type SearchVocabulary, facetsNeedingOwnCounts, mergeFacetCounts, pagefindTerm, searchRequest, tokenToValue, valueToToken } from '../../../src/lib/search/search-query.ts';
import { parseSearchState } from '../../../src/lib/search/search-state.ts';

const vocabulary: SearchVocabulary = {
  topic: [
    { token: 'in-context-learning', value: 'In-context learning' },
    { token: 'peft', value: 'Parameter-efficient fine-tuning' },
  ],
  listing: [{ token: '000_abc', value: 'Daily Papers, Oct 30 2025' }],
};

describe('vocabulary', () => {
  test('maps URL tokens to indexed values and back; unknown terms pass through', () => {
    expect(tokenToValue(vocabulary, 'topic', 'peft')).toBe('Parameter-efficient fine-tuning');
    expect(valueToToken(vocabulary, 'listing', 'Daily Papers, Oct 30 2025')).toBe('000_abc');
    expect(tokenToValue(vocabulary, 'topic', 'In-context learning')).toBe('In-context learning');
    expect(tokenToValue(vocabulary, 'year', '2024')).toBe('2024');
    expect(valueToToken(vocabulary, 'year', 'Undated')).toBe('Undated');
  });
});

describe('searchRequest', () => {
  test('ORs values within a facet and ANDs facets, using indexed values', () => {
    const state = parseSearchState('?q=lora&topic=peft&topic=in-context-learning&listing=000_abc&year=2024');
    expect(searchRequest(state, vocabulary)).toEqual({
      term: 'lora',
      options: {
        filters: {
          topic: { any: ['In-context learning', 'Parameter-efficient fine-tuning'] },
          year: { any: ['2024'] },
          listing: { any: ['Daily Papers, Oct 30 2025'] },
        },
      },
    });
  });

  test('leaves out the facet whose own counts it asks for', () => {
    const state = parseSearchState('?q=lora&topic=peft&year=2024');
    expect(searchRequest(state, vocabulary, 'topic').options.filters).toEqual({ year: { any: ['2024'] } });
    expect(facetsNeedingOwnCounts(state)).toEqual(['topic', 'year']);
  });

  test('maps sort orders to sort keys; relevance needs words', () => {
    expect(searchRequest(parseSearchState('?q=x'), vocabulary).options.sort).toBeUndefined();
    expect(searchRequest(parseSearchState('?q=x&sort=newest'), vocabulary).options.sort).toEqual({ date: 'desc' });
    expect(searchRequest(parseSearchState('?q=x&sort=upvotes'), vocabulary).options.sort).toEqual({ upvotes: 'desc' });
    const filterOnly = searchRequest(parseSearchState('?year=2024'), vocabulary);
    expect(filterOnly).toEqual({ term: null, options: { filters: { year: { any: ['2024'] } }, sort: { date: 'desc' } } });
  });
});

describe('mergeFacetCounts', () => {
  test('takes each selected facet from its own search and the rest from the main one', () => {
    const main = { topic: { A: 2, B: 0 }, year: { '2024': 2 }, listing: { L: 2 } };
    const own = { topic: { topic: { A: 2, B: 5 }, year: { '2024': 7 } } };
    expect(mergeFacetCounts(main, own)).toEqual({
      topic: { A: 2, B: 5 },
      year: { '2024': 2 },
      listing: { L: 2 },
      keyword: {},
      'has-upvotes': {},
      'has-code': {},
    });
  });
});

describe('pagefindTerm', () => {
  test('asks for an arXiv id as an exact phrase, without its version or prefix', () => {
    for (const query of ['1701.07875', 'arXiv:1701.07875', 'arxiv: 1701.07875v3', ' 1701.07875 ']) expect(pagefindTerm(query)).toBe('"1701.07875"');
    expect(pagefindTerm('2405.18407')).toBe('"2405.18407"');
  });

  test('leaves every other query as typed, and an empty one a filter-only search', () => {
    for (const query of ['WGAN', '1701', 'gpt-4 2023.1', '1701.07875 wasserstein']) expect(pagefindTerm(query)).toBe(query);
    expect(pagefindTerm('')).toBeNull();
  });
});
