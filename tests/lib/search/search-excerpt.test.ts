import fc from 'fast-check';
import { expect, test } from 'vitest';
import { type ExcerptSegment, excerptSegments, withoutTitle } from '../../../src/lib/search/search-excerpt.ts';

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

const textOf = (segments: readonly ExcerptSegment[]) => segments.map((segment) => segment.text).join('');

test('an excerpt that begins in the title starts at the abstract instead, marks kept', () => {
  const title = 'What can a Single Attention Layer Learn? A Study Through the Random Features Lens';
  const excerpt = excerptSegments('a Single <mark>Attention</mark> Layer Learn? A Study Through the Random Features Lens. <mark>Attention</mark> layers are central');
  expect(withoutTitle(excerpt, title)).toEqual([
    { text: 'Attention', mark: true },
    { text: ' layers are central', mark: false },
  ]);
  expect(textOf(withoutTitle(excerptSegments('Sparse Attention? We study sparsity.'), 'Sparse Attention?'))).toBe('We study sparsity.');
  expect(withoutTitle(excerptSegments('Kernel <mark>Methods</mark>'), 'Kernel Methods')).toEqual([]);
});

test('an excerpt that does not begin with the end of the title is left as it is', () => {
  const title = 'Scaling Laws for Neural Language Models';
  for (const excerpt of ['Models of language scale with compute.', 'odels. We study', 'Language Models are few-shot learners.', 'Models.Next']) {
    expect(withoutTitle(excerptSegments(excerpt), title), excerpt).toEqual(excerptSegments(excerpt));
  }
});

test('from any window of a page text that passes the end of the title, only the part inside the title goes', () => {
  // Titles and abstracts from separate vocabularies, so an abstract never repeats the title by chance.
  const words = (pool: string[]) => fc.array(fc.constantFrom(...pool), { minLength: 1, maxLength: 14 });
  const titleWords = words(['Sparse', 'Attention', 'Layer?', 'Networks', '(ASPER)', 'Learn', '&', '<b>', 'Feed-Forward', 'Lens!']);
  const abstractWords = words(['we', 'study', 'models', 'that', 'scale.', 'results', 'show', 'gains', '<img>', 'x&y']);
  fc.assert(
    fc.property(titleWords, abstractWords, fc.nat(), fc.nat(), fc.array(fc.boolean(), { maxLength: 40 }), (t, a, from, size, marks) => {
      const title = t.join(' ');
      const separator = /[?!.]$/.test(title) ? ' ' : '. ';
      const contentWords = `${title}${separator}${a.join(' ')}`.split(' ');
      const start = from % contentWords.length;
      // Pagefind's windows are 36 words, longer than any title: one that starts in the title passes its end.
      const end = Math.max(start + 1 + (size % contentWords.length), start < t.length ? t.length : 0);
      const window = contentWords.slice(start, end);
      const segments = window.map((word, i): ExcerptSegment => ({ text: i < window.length - 1 ? `${word} ` : word, mark: marks[i] ?? false }));
      const titleLength = t.length;
      const expected = start >= titleLength ? window.join(' ') : window.slice(titleLength - start).join(' ');
      expect(textOf(withoutTitle(segments, title))).toBe(expected);
    }),
    { numRuns: 3000 },
  );
});
