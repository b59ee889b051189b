import { expect, test } from 'vitest';
import { citationDate, countOf, formatDate, formatMonth, formatNumber, monthName } from '../../../src/lib/site/format.ts';

test('dates read the way the listings print them', () => {
  expect(formatDate('2024-09-08')).toBe('September 8, 2024');
  expect(formatDate('2024-09-08', { short: true })).toBe('Sep 8, 2024');
  expect(formatMonth(2025, 1)).toBe('January 2025');
  expect(citationDate('2024-09-08')).toBe('2024/09/08');
  expect(() => monthName(13)).toThrow(RangeError);
});

test('counts have thousands separators and the right plural', () => {
  expect(formatNumber(0)).toBe('0');
  expect(formatNumber(999)).toBe('999');
  expect(formatNumber(20000)).toBe('20,000');
  expect(formatNumber(1234567)).toBe('1,234,567');
  expect(countOf(1, 'author')).toBe('1 author');
  expect(countOf(3, 'author')).toBe('3 authors');
  expect(countOf(2, 'city', 'cities')).toBe('2 cities');
});
