import { expect, test } from 'vitest';
import { parseSearchState } from '../../../src/lib/search/search-state.ts';
import { searchStatusText } from '../../../src/lib/search/search-status.ts';

test('the empty state invites a search over the whole catalog, whatever the sort', () => {
  expect(searchStatusText(parseSearchState(''), 0, 1525)).toBe('Search 1,525 papers by title, abstract, topic, listing or year.');
  expect(searchStatusText(parseSearchState('?sort=newest'), 0, 1)).toBe('Search 1 paper by title, abstract, topic, listing or year.');
});

test('results are counted with the words and whether filters apply', () => {
  expect(searchStatusText(parseSearchState('?q=lora'), 1, 525)).toBe('1 paper for “lora”.');
  expect(searchStatusText(parseSearchState('?q=low++rank&topic=peft'), 1200, 525)).toBe('1,200 papers for “low rank” with these filters.');
  expect(searchStatusText(parseSearchState('?year=2024'), 3, 525)).toBe('3 papers with these filters.');
});

test('no results suggest what to change', () => {
  expect(searchStatusText(parseSearchState('?q=zzz'), 0, 525)).toBe('No papers for “zzz”. Try fewer or different words.');
  expect(searchStatusText(parseSearchState('?q=zzz&year=2024'), 0, 525)).toBe('No papers for “zzz” with these filters. Try removing a filter.');
});

test('results of the newest shard alone say what they cover and whether the rest is coming', () => {
  const newest = { papers: 4312, since: 'May 2024' };
  expect(searchStatusText(parseSearchState('?q=lora'), 12, 50000, { ...newest, rest: 'loading' })).toBe(
    '12 papers for “lora” among the 4,312 papers listed since May 2024. Searching the rest of the archive…',
  );
  expect(searchStatusText(parseSearchState('?q=zzz'), 0, 50000, { ...newest, rest: 'loading' })).toBe(
    'No papers for “zzz” among the 4,312 papers listed since May 2024. Searching the rest of the archive…',
  );
  expect(searchStatusText(parseSearchState('?q=lora&sort=newest'), 1, 50000, { ...newest, rest: 'unavailable' })).toBe(
    '1 paper for “lora” among the 4,312 papers listed since May 2024. The rest of the archive could not be loaded.',
  );
});
