import { expect, test } from 'vitest';
import { groupByMonth, groupByYear, monthIndex, monthPath } from '../../../src/lib/catalog/archive.ts';

const paper = (id: string, published?: string) => ({ id, data: published ? { published } : {} });
const papers = [paper('a', '2025-02-03'), paper('b', '2025-02-01'), paper('c', '2025-01-30'), paper('d', '2024-12-31'), paper('undated')];

test('papers group into runs of months and years, undated ones left out', () => {
  expect(groupByMonth(papers).map((g) => [g.key, g.year, g.month, g.papers.map((p) => p.id)])).toEqual([
    ['2025-02', 2025, 2, ['a', 'b']],
    ['2025-01', 2025, 1, ['c']],
    ['2024-12', 2024, 12, ['d']],
  ]);
  expect(groupByYear(papers).map((g) => [g.year, g.papers.map((p) => p.id)])).toEqual([
    [2025, ['a', 'b', 'c']],
    [2024, ['d']],
  ]);
});

test('the month index says on which page of the year each month begins', () => {
  expect(monthIndex(papers.slice(0, 3), 2)).toEqual([
    { key: '2025-02', month: 2, count: 2, page: 1 },
    { key: '2025-01', month: 1, count: 1, page: 2 },
  ]);
  expect(monthIndex(papers.slice(0, 3), 1).map((m) => m.page)).toEqual([1, 3]);
});

test('a month links to its heading on the page where it begins', () => {
  expect(monthPath('2024-05', 1)).toBe('archive/2024/#2024-05');
  expect(monthPath('2024-05', 3)).toBe('archive/2024/3/#2024-05');
});
