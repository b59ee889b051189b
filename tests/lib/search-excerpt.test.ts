import { expect, test } from 'vitest';
import { excerptSegments } from '../../src/lib/search-excerpt.ts';

test('splits marks from plain text', () => {
  expect(excerptSegments('We propose <mark>LoRA</mark>, which freezes <mark>weights</mark>')).toEqual([
    { text: 'We propose ', mark: false },
    { text: 'LoRA', mark: true },
    { text: ', which freezes ', mark: false },
    { text: 'weights', mark: true },
  ]);
});

test('undoes only the escaping Pagefind applies, so markup in abstracts stays text', () => {
  const excerpt = '&lt;script&gt;alert("x")&lt;/script&gt; &amp;lt; <mark>&lt;img&gt;</mark>';
  expect(excerptSegments(excerpt)).toEqual([
    { text: '<script>alert("x")</script> &amp;lt; ', mark: false },
    { text: '<img>', mark: true },
  ]);
});

test('handles no marks, empty input and adjacent marks', () => {
  expect(excerptSegments('plain')).toEqual([{ text: 'plain', mark: false }]);
  expect(excerptSegments('')).toEqual([]);
  expect(excerptSegments('<mark>a</mark><mark>b</mark>')).toEqual([{ text: 'ab', mark: true }]);
});
