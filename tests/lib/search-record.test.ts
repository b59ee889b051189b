import { expect, test } from 'vitest';
import { type PaperSearchInput, dateSortKey, paperSearchRecord } from '../../src/lib/search-record.ts';

const paper: PaperSearchInput = {
  title: 'LoRA: Low-Rank Adaptation',
  published: '2024-05-28',
  upvotes: 12,
  topicNames: ['Parameter-efficient fine-tuning', 'Large language models', 'Large language models'],
  listingTitles: ['Daily Papers, Oct 30 2025'],
  image: '/papershelf/og/papers/lora.png',
};

test('a dated, upvoted paper', () => {
  expect(paperSearchRecord(paper)).toEqual({
    meta: { title: 'LoRA: Low-Rank Adaptation', image: '/papershelf/og/papers/lora.png', upvotes: '12', date: '2024-05-28' },
    filters: {
      topic: ['Large language models', 'Parameter-efficient fine-tuning'],
      year: ['2024'],
      listing: ['Daily Papers, Oct 30 2025'],
      'has-upvotes': ['yes'],
    },
    sort: { date: '20240528', upvotes: '12' },
  });
});

test('an undated paper without upvotes still gets every filter and numeric sort keys', () => {
  const record = paperSearchRecord({ ...paper, published: undefined, upvotes: 0, topicNames: [] });
  expect(record.filters).toMatchObject({ topic: [], year: ['Undated'], 'has-upvotes': ['no'] });
  expect(record.sort).toEqual({ date: '0', upvotes: '0' });
  expect(record.meta).not.toHaveProperty('date');
});

test('date sort keys order like dates', () => {
  const keys = ['2023-12-31', '2024-01-02', undefined, '2024-01-10'].map(dateSortKey).map(Number);
  expect(keys).toEqual([20231231, 20240102, 0, 20240110]);
});
