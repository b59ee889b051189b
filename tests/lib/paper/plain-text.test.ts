import fc from 'fast-check';
import { expect, test } from 'vitest';
import { decodeEntities, htmlToPlainText, summarize } from '../../../src/lib/paper/plain-text.ts';
import { abstractToMdx } from '../../../src/lib/paper/mdx-body.ts';
import { renderAbstract } from '../../../src/lib/paper/render-abstract.ts';

test('entities decode, unknown ones stay as written', () => {
  expect(decodeEntities('&#x3C;a&#x3E; &amp; &#123; &quot;q&quot; &bogus; &#xFFFFFFF;')).toBe('<a> & { "q" &bogus; &#xFFFFFFF;');
});

test('the rendered abstract comes back as the original text, paragraph by paragraph', () => {
  const text = 'Escaping {props.title} <script>alert("x")</script> & `code`\nimport fs from \'node:fs\'\n\nSee https://example.org/a_(b)?c=1&d=2 *not emphasis*.';
  expect(htmlToPlainText(renderAbstract(abstractToMdx(text)))).toBe(
    'Escaping {props.title} <script>alert("x")</script> & `code` import fs from \'node:fs\'\n\nSee https://example.org/a_(b)?c=1&d=2 *not emphasis*.',
  );
});

test('summaries cut at a word boundary with an ellipsis', () => {
  expect(summarize('Short enough.')).toBe('Short enough.');
  expect(summarize('one two three four five six', 15)).toBe('one two three…');
  expect(summarize('Supercalifragilistic', 10)).toBe('Supercali…');
  expect(summarize('word, word, word, word', 12)).toBe('word, word…');
});

test('a summary is the start of the text on one line, cut as the whole text on one line would be', () => {
  const onOneLine = (text: string, max: number) => {
    const flat = text.replace(/\s+/g, ' ').trim();
    if (flat.length <= max) return flat;
    const cut = flat.slice(0, max - 1);
    const space = cut.lastIndexOf(' ');
    return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, '')}…`;
  };
  const words = fc.array(fc.oneof(fc.constantFrom(' ', '\n', '\t', '\u00a0', '  ', ', ', '. ', ' — '), fc.string({ minLength: 1, maxLength: 12 })), { maxLength: 60 });
  fc.assert(
    fc.property(words, fc.integer({ min: 2, max: 200 }), (parts, max) => {
      const text = parts.join('');
      expect(summarize(text, max)).toBe(onOneLine(text, max));
    }),
    { numRuns: 2000 },
  );
});
