import { expect, test } from 'vitest';
import { KEYWORD_OPTIONS, catalogFacetCounts, facetGroups } from '../../../src/lib/search/search-facets.ts';
import type { SearchVocabulary } from '../../../src/lib/search/search-query.ts';
import { paperSearchRecord } from '../../../src/lib/search/search-record.ts';
import { parseSearchState } from '../../../src/lib/search/search-state.ts';

const vocabulary: SearchVocabulary = {
  topic: [
    { token: 'icl', value: 'In-context learning' },
    { token: 'peft', value: 'Parameter-efficient fine-tuning' },
    { token: 'rl', value: 'Reinforcement learning' },
  ],
  listing: [
    { token: 'newest', value: 'Daily Papers, Dec 9 2025' },
    { token: 'older', value: 'Daily Papers, Oct 30 2025' },
  ],
};

const counts = {
  topic: { 'In-context learning': 3, 'Parameter-efficient fine-tuning': 7, 'Reinforcement learning': 0, Unknown: 3 },
  year: { '2023': 2, Undated: 1, '2025': 4, '2024': 0 },
  listing: { 'Daily Papers, Oct 30 2025': 9, 'Daily Papers, Dec 9 2025': 1 },
  'has-upvotes': { no: 5, yes: 3 },
  keyword: { 'diffusion models': 2, yes: 4 },
  'has-code': { no: 6, yes: 2 },
};

test('orders each facet its own way and labels values for readers', () => {
  const groups = facetGroups(counts, parseSearchState(''), vocabulary);
  const view = Object.fromEntries(groups.map((g) => [g.legend, g.options.map((o) => `${o.token}=${o.label}:${o.count}`)]));
  expect(view).toEqual({
    Topic: ['peft=Parameter-efficient fine-tuning:7', 'icl=In-context learning:3', 'Unknown=Unknown:3'],
    Year: ['2025=2025:4', '2023=2023:2', 'Undated=Undated:1'],
    Listing: ['newest=Daily Papers, Dec 9 2025:1', 'older=Daily Papers, Oct 30 2025:9'],
    Upvotes: ['yes=Has upvotes:3', 'no=No upvotes:5'],
    // A keyword that happens to be "yes" is a keyword, not a yes/no label.
    'Keyword (by AI)': ['yes=yes:4', 'diffusion models=diffusion models:2'],
    Code: ['yes=Has code:2', 'no=No code:6'],
  });
});

test('ticks selected options and keeps them even when they no longer match', () => {
  const state = parseSearchState('?topic=rl&topic=peft&year=1999');
  const groups = facetGroups(counts, state, vocabulary);
  const topic = groups.find((g) => g.facet === 'topic')!.options;
  expect(topic.filter((o) => o.checked).map((o) => [o.token, o.count])).toEqual([
    ['peft', 7],
    ['rl', 0],
  ]);
  const year = groups.find((g) => g.facet === 'year')!.options;
  expect(year.at(-2)).toEqual({ token: '1999', label: '1999', count: 0, checked: true });
});

test('facets without options are left out', () => {
  const groups = facetGroups({ topic: {}, keyword: {}, year: { '2024': 1 }, listing: {}, 'has-upvotes': { yes: 0 }, 'has-code': {} }, parseSearchState(''), vocabulary);
  expect(groups.map((g) => g.facet)).toEqual(['year']);
});

test('catalog-wide counts add up each value over the records the paper pages emit', () => {
  const paper = { title: 'T', upvotes: 0, listingTitles: ['Daily Papers, Oct 30 2025'] };
  const records = [
    paperSearchRecord({ ...paper, published: '2024-05-01', upvotes: 3, topicNames: ['In-context learning', 'Reinforcement learning'] }),
    paperSearchRecord({ ...paper, published: '2024-12-31', topicNames: ['In-context learning'], listingTitles: ['Daily Papers, Oct 30 2025', 'Daily Papers, Dec 9 2025'] }),
    paperSearchRecord({ ...paper, topicNames: [] }),
  ];
  expect(catalogFacetCounts(records)).toEqual({
    topic: { 'In-context learning': 2, 'Reinforcement learning': 1 },
    year: { '2024': 2, Undated: 1 },
    listing: { 'Daily Papers, Oct 30 2025': 3, 'Daily Papers, Dec 9 2025': 1 },
    'has-upvotes': { yes: 1, no: 2 },
    keyword: {},
    'has-code': { no: 3 },
  });
  expect(catalogFacetCounts([])).toEqual({ topic: {}, keyword: {}, year: {}, listing: {}, 'has-upvotes': {}, 'has-code': {} });
});

test('keywords: any text counts (even "constructor" and "__proto__"), and only the commonest are listed, besides the ticked', () => {
  const base = { upvotes: 0, topicNames: [], listingTitles: [] };
  const many = Array.from({ length: KEYWORD_OPTIONS + 5 }, (_, i) => `kw${String(i).padStart(2, '0')}`);
  const records = [paperSearchRecord({ ...base, keywords: ['constructor', '__proto__', 'toString', ...many] }), paperSearchRecord({ ...base, keywords: ['constructor', '__proto__', 'toString'] })];
  const counts = catalogFacetCounts(records);
  expect(Object.keys(counts.keyword)).toHaveLength(KEYWORD_OPTIONS);
  expect(counts.keyword['constructor']).toBe(2);
  // biome-ignore lint/suspicious/noProto: `__proto__` is a keyword value here, read as data: that it is one is what the test proves.
  expect(counts.keyword['__proto__']).toBe(2);
  expect(counts.keyword['toString']).toBe(2);
  // It survives the trip through the page's data attribute.
  expect(JSON.parse(JSON.stringify(counts)).keyword).toMatchObject({ constructor: 2, __proto__: 2 });
  const ticked = 'kw24';
  const keyword = facetGroups({ ...counts, keyword: Object.fromEntries(many.map((k, i) => [k, 100 - i])) }, parseSearchState(`?keyword=${ticked}`), vocabulary).find((g) => g.facet === 'keyword')!;
  expect(keyword.options.map((o) => o.token)).toEqual([...many.slice(0, KEYWORD_OPTIONS), ticked]);
  expect(keyword.options.at(-1)!.checked).toBe(true);
});
