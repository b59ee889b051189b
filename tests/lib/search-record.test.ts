import { expect, test } from 'vitest';
import { type PaperSearchInput, dateSortKey, paperSearchRecord } from '../../src/lib/search-record.ts';

const paper: PaperSearchInput = {
  published: '2024-05-28',
  upvotes: 12,
  topicNames: ['Parameter-efficient fine-tuning', 'Large language models', 'Large language models'],
  listingTitles: ['Daily Papers, Oct 30 2025'],
};

test('a dated, upvoted paper', () => {
  expect(paperSearchRecord(paper)).toEqual({
    meta: { upvotes: '12', date: '2024-05-28' },
    filters: {
      topic: ['Large language models', 'Parameter-efficient fine-tuning'],
      year: ['2024'],
      listing: ['Daily Papers, Oct 30 2025'],
      'has-upvotes': ['yes'],
    },
    sort: { date: '739034', upvotes: '12' },
  });
});

test('the organisation is recorded when the listing named one', () => {
  expect(paperSearchRecord({ ...paper, organisation: 'Google DeepMind' }).meta['organisation']).toBe('Google DeepMind');
});

test('the arXiv id and the author names are recorded as searchable meta when known', () => {
  const record = paperSearchRecord({ ...paper, arxiv: '2405.18407', authorNames: ['Ada Lovelace', 'Charles Babbage'] });
  expect(record.meta).toMatchObject({ arxiv: '2405.18407', authors: 'Ada Lovelace, Charles Babbage' });
  expect(paperSearchRecord(paper).meta).not.toHaveProperty('authors');
});

test('an undated paper without upvotes still gets every filter and numeric sort keys', () => {
  const record = paperSearchRecord({ ...paper, published: undefined, upvotes: 0, topicNames: [] });
  expect(record.filters).toMatchObject({ topic: [], year: ['Undated'], 'has-upvotes': ['no'] });
  expect(record.sort).toEqual({ date: '0', upvotes: '0' });
  expect(record.meta).not.toHaveProperty('date');
  expect(record.meta).not.toHaveProperty('organisation');
});

test('date sort keys are day numbers: consecutive days differ by one, exactly representable as 32-bit floats', () => {
  expect(dateSortKey('0001-01-01')).toBe('1');
  expect(dateSortKey('1970-01-01')).toBe('719163');
  const keys = ['2023-12-31', '2024-01-01', '2024-02-28', '2024-02-29', '2024-03-01', '2025-10-16', '2025-10-17'].map(dateSortKey).map(Number);
  expect(keys.slice(1).map((key, i) => key - keys[i]!)).toEqual([1, 58, 1, 1, 594, 1]);
  for (const key of keys) expect(Math.fround(key)).toBe(key);
  expect(dateSortKey(undefined)).toBe('0');
});
