import { describe, expect, it } from 'vitest';
import { abstractParagraphs, abstractToMdx, abstractTree } from '../../../src/lib/paper/mdx-body.ts';

describe('abstractParagraphs', () => {
  it('splits at blank lines, whatever the line ends, and collapses whitespace inside a paragraph', () => {
    expect(abstractParagraphs('one\ntwo\n\nthree\r\n\r\nfour\r\rfive')).toEqual(['one two', 'three', 'four', 'five']);
    expect(abstractParagraphs('  a\t b\u00A0\u00A0c  \n \t \n d ')).toEqual(['a b c', 'd']);
  });

  it('drops control characters and empty paragraphs', () => {
    expect(abstractParagraphs('a\u0000b\u0007c\n\n\n\n\u0001')).toEqual(['abc']);
    expect(abstractParagraphs('')).toEqual([]);
    expect(abstractParagraphs(' \n\n ')).toEqual([]);
  });

  it('turns a lone surrogate into U+FFFD', () => {
    expect(abstractParagraphs('a\uD800b')).toEqual(['a\uFFFDb']);
  });
});

describe('abstractTree', () => {
  it('is paragraphs of text and links only', () => {
    expect(abstractTree('See https://example.org/a_(b). Done.\n\nNext')).toEqual({
      type: 'root',
      children: [
        {
          type: 'paragraph',
          children: [
            { type: 'text', value: 'See ' },
            { type: 'link', url: 'https://example.org/a_(b)', children: [{ type: 'text', value: 'https://example.org/a_(b)' }] },
            { type: 'text', value: '. Done.' },
          ],
        },
        { type: 'paragraph', children: [{ type: 'text', value: 'Next' }] },
      ],
    });
  });

  it('links only http(s) URLs a browser can open, pointing where the browser would go', () => {
    const links = (text: string) =>
      abstractTree(text)
        .children.flatMap((p) => (p.type === 'paragraph' ? p.children : []))
        .flatMap((n) => (n.type === 'link' ? [n.url] : []));
    expect(links('mail me@example.org or a@b.import, ftp://x.org/f, //x.org/y, www.example.org')).toEqual([]);
    expect(links('bad http://b^ host')).toEqual([]);
    expect(links('ok HTTP://Example.org/x\\y and https://ex.org/\u00e9')).toEqual(['http://example.org/x/y', 'https://ex.org/%C3%A9']);
  });
});

describe('abstractToMdx', () => {
  it.each([
    ['import fs from "x"', '&#x69;mport fs from "x"\n'],
    ['export const a = 1', '&#x65;xport const a = 1\n'],
    ['important exports', 'important exports\n'],
    ['a {b} <c> *d* _e_', 'a \\{b} \\<c> \\*d\\* \\_e\\_\n'],
    ['1. x', '1\\. x\n'],
    ['&amp; &#123;', '\\&amp; \\&#123;\n'],
    ['see https://ex.org/a_(b)_c.', 'see [https://ex.org/a\\_(b)\\_c](https://ex.org/a_\\(b\\)_c).\n'],
    ['one\n\ntwo\nlines', 'one\n\ntwo lines\n'],
    ['', ''],
  ])('writes %j as %j', (text, mdx) => {
    expect(abstractToMdx(text)).toBe(mdx);
  });
});
