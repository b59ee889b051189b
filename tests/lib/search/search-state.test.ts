import { describe, expect, test } from 'vitest';
import { clearFilters, emptySearchState, hasFilters, isBlank, parseSearchState, serialiseSearchState, toggleFilter } from '../../../src/lib/search/search-state.ts';

describe('parseSearchState', () => {
  test('reads query, repeated facet values and sort', () => {
    const state = parseSearchState('?q=lora&topic=peft&topic=in-context-learning&year=2024&sort=upvotes');
    expect(state).toEqual({
      query: 'lora',
      filters: { topic: ['in-context-learning', 'peft'], keyword: [], year: ['2024'], listing: [], 'has-upvotes': [], 'has-code': [] },
      sort: 'upvotes',
    });
  });

  test('decodes form encoding and collapses whitespace in the query', () => {
    expect(parseSearchState('q=++low-rank%20%20adaptation+&listing=Daily+Papers%2C+Oct+30').query).toBe('low-rank adaptation');
    expect(parseSearchState('listing=Daily+Papers%2C+Oct+30').filters.listing).toEqual(['Daily Papers, Oct 30']);
  });

  test('ignores unknown sorts, unknown parameters, empty and duplicate values', () => {
    const state = parseSearchState('sort=random&utm_source=x&topic=&topic=a&topic=a&q=');
    expect(state).toEqual({ ...emptySearchState(), filters: { ...emptySearchState().filters, topic: ['a'] } });
  });

  test('accepts URLSearchParams as well as strings', () => {
    expect(parseSearchState(new URLSearchParams({ q: 'rlhf', sort: 'newest' }))).toMatchObject({ query: 'rlhf', sort: 'newest' });
  });
});

describe('serialiseSearchState', () => {
  test('is canonical: fixed parameter order, sorted values, defaults left out', () => {
    const state = parseSearchState('sort=newest&year=2023&topic=b&q=diffusion&topic=a&has-upvotes=yes');
    expect(serialiseSearchState(state)).toBe('?q=diffusion&topic=a&topic=b&year=2023&has-upvotes=yes&sort=newest');
    expect(serialiseSearchState(emptySearchState())).toBe('');
    expect(serialiseSearchState({ ...emptySearchState(), query: '   ' })).toBe('');
  });

  test('round-trips through the URL, including awkward characters', () => {
    const urls = [
      '?q=%22chain+of+thought%22+%26+%3Cscript%3E&listing=Daily+Papers%2C+Oct+30+2025&sort=upvotes',
      '?q=caf%C3%A9+%2B+%C3%BC&topic=in-context-learning&year=Undated',
      '?year=2024&has-upvotes=no',
      '?keyword=%3Cscript%3E&keyword=diffusion+models&has-code=yes',
    ];
    for (const url of urls) expect(serialiseSearchState(parseSearchState(url))).toBe(url);
  });
});

describe('filter helpers', () => {
  test('toggleFilter adds and removes one value without touching the rest', () => {
    const base = parseSearchState('?q=lora&topic=b&sort=newest');
    const added = toggleFilter(base, 'topic', 'a', true);
    expect(added.filters.topic).toEqual(['a', 'b']);
    expect(toggleFilter(added, 'topic', 'b', false).filters.topic).toEqual(['a']);
    expect(toggleFilter(added, 'topic', 'a', true).filters.topic).toEqual(['a', 'b']);
    expect(base.filters.topic).toEqual(['b']);
    expect(added).toMatchObject({ query: 'lora', sort: 'newest' });
  });

  test('clearFilters keeps the words and the sort', () => {
    const cleared = clearFilters(parseSearchState('?q=lora&year=2024&listing=x&sort=upvotes'));
    expect(cleared).toEqual({ ...emptySearchState(), query: 'lora', sort: 'upvotes' });
    expect(hasFilters(cleared)).toBe(false);
  });

  test('a state is blank only without words and without filters', () => {
    expect(isBlank(parseSearchState('?sort=upvotes'))).toBe(true);
    expect(isBlank(parseSearchState('?q=x'))).toBe(false);
    expect(isBlank(parseSearchState('?year=2024'))).toBe(false);
  });
});
