import { expect, test } from 'vitest';
import { pageOf, pagePath, pageWindow } from '../../../src/lib/site/pagination.ts';

test('page 1 is the route itself, later pages a numbered folder below it', () => {
  expect(pagePath('archive/2024/', 1)).toBe('archive/2024/');
  expect(pagePath('archive/2024/', 3)).toBe('archive/2024/3/');
  expect(() => pagePath('archive/', 0)).toThrow(RangeError);
  expect(pageOf(0, 50)).toBe(1);
  expect(pageOf(49, 50)).toBe(1);
  expect(pageOf(50, 50)).toBe(2);
});

test('page windows keep the ends and neighbours and never hide a single page behind a gap', () => {
  expect(pageWindow(1, 1)).toEqual([1]);
  expect(pageWindow(1, 3)).toEqual([1, 2, 3]);
  expect(pageWindow(1, 10)).toEqual([1, 2, 'gap', 10]);
  expect(pageWindow(4, 10)).toEqual([1, 2, 3, 4, 5, 'gap', 10]);
  expect(pageWindow(6, 10)).toEqual([1, 'gap', 5, 6, 7, 'gap', 10]);
  expect(pageWindow(10, 10)).toEqual([1, 'gap', 9, 10]);
  expect(pageWindow(5, 9, 2)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
});
