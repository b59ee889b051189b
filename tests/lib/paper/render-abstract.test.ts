import { readFileSync } from 'node:fs';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { describe, expect, it } from 'vitest';
import { abstractParagraphs, abstractToMdx } from '../../../src/lib/paper/mdx-body.ts';
import { parseListing } from '../../../src/lib/listing/index.ts';
import { renderAbstract } from '../../../src/lib/paper/render-abstract.ts';

const elements = (html: string) => fromHtml(html, { fragment: true }).children.filter((n): n is Element => n.type === 'element');

describe('renderAbstract', () => {
  it('shows every hostile abstract of the fixture exactly as text', () => {
    const hostile = readFileSync(new URL('../../fixtures/listings/hostile-page.txt', import.meta.url), 'utf8');
    for (const entry of parseListing('hostile-page.txt', hostile).entries) {
      const paragraphs = elements(renderAbstract(abstractToMdx(entry.abstract)));
      expect(paragraphs.map((p) => p.tagName)).toEqual(abstractParagraphs(entry.abstract).map(() => 'p'));
      expect(paragraphs.map((p) => toText(p, { whitespace: 'pre' }))).toEqual(abstractParagraphs(entry.abstract));
    }
  });

  it('renders bare URLs as external links to the URL', () => {
    const [p] = elements(renderAbstract(abstractToMdx('Code at https://github.com/a/b_(c). Thanks.')));
    const link = p!.children.find((n): n is Element => n.type === 'element')!;
    expect(link.tagName).toBe('a');
    expect(link.properties).toEqual({ href: 'https://github.com/a/b_(c)', rel: ['nofollow', 'noopener'] });
    expect(toText(link)).toBe('https://github.com/a/b_(c)');
  });

  it.each([
    ['an expression', 'Sum {1 + 1}'],
    ['a component', 'A <Widget /> here'],
    ['an ESM line', 'import x from "y"'],
    ['an HTML tag', '<script>alert(1)</script>'],
  ])('refuses a tampered body with %s, naming the file', (_name, mdx) => {
    expect(() => renderAbstract(mdx, 'content/papers/x.mdx')).toThrow(/^content\/papers\/x\.mdx: generated abstracts must not contain MDX code/);
  });
});
