/**
 * The MDX escaping proof: for arbitrary text, the generated MDX body, compiled by `@mdx-js/mdx` and
 * run, shows exactly the text's paragraphs (as `abstractParagraphs` defines them) and nothing else,
 * with every bare URL a link to that URL. The site's own renderer must show the same.
 *
 * `FUZZ_RUNS` sets the number of generated cases (`npm run fuzz` runs 100,000).
 */
import { evaluateSync } from '@mdx-js/mdx';
import fc from 'fast-check';
import type { Element, ElementContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { LinkifyIt } from 'linkify-it';
import { describe, expect, it } from 'vitest';
import { abstractParagraphs, abstractToMdx } from '../../../src/lib/paper/mdx-body.ts';
import { renderAbstract } from '../../../src/lib/paper/render-abstract.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);

/** What a reader must see: one entry per paragraph, and the links inside it. */
interface Shown {
  paragraphs: string[];
  links: { text: string; href: string }[];
}

// A minimal JSX runtime: MDX calls it to build its output, and it keeps a plain tree to inspect.
const Fragment = Symbol('Fragment');
interface JsxNode {
  type: string | symbol;
  props: Record<string, unknown>;
}
const jsx = (type: string | symbol, props: Record<string, unknown>): JsxNode => ({ type, props });

function childrenOf(node: JsxNode): unknown[] {
  const children = node.props['children'];
  return children === undefined ? [] : Array.isArray(children) ? children : [children];
}

function jsxText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (value === null || value === undefined || typeof value === 'boolean') return '';
  return childrenOf(value as JsxNode)
    .map(jsxText)
    .join('');
}

/** Walks MDX's output; any element but `p` and `a`, or text outside a paragraph, is a failure. */
function shownByMdx(mdx: string): Shown {
  const { default: Content } = evaluateSync(mdx, { Fragment, jsx, jsxs: jsx, development: false });
  const shown: Shown = { paragraphs: [], links: [] };
  const walk = (value: unknown, inParagraph: boolean): void => {
    if (typeof value === 'string' || typeof value === 'number') {
      if (!inParagraph && String(value).trim() !== '') throw new Error(`text outside a paragraph: ${JSON.stringify(value)}`);
      return;
    }
    if (value === null || value === undefined || typeof value === 'boolean') return;
    const node = value as JsxNode;
    if (node.type === 'p' && !inParagraph) shown.paragraphs.push(jsxText(node));
    else if (node.type === 'a' && inParagraph) shown.links.push({ text: jsxText(node), href: String(node.props['href']) });
    else if (node.type !== Fragment) throw new Error(`unexpected element <${String(node.type)}>`);
    for (const child of childrenOf(node)) walk(child, inParagraph || node.type === 'p');
  };
  walk(Content({}), false);
  return shown;
}

/** The same, for the HTML the site renders, read back with a real HTML parser. */
function shownByHtml(html: string): Shown {
  const shown: Shown = { paragraphs: [], links: [] };
  const walk = (node: ElementContent, inParagraph: boolean): void => {
    if (node.type === 'text') {
      if (!inParagraph && node.value.trim() !== '') throw new Error(`text outside a paragraph: ${JSON.stringify(node.value)}`);
      return;
    }
    if (node.type !== 'element') throw new Error(`unexpected ${node.type} node`);
    const element: Element = node;
    if (element.tagName === 'p' && !inParagraph) shown.paragraphs.push(toText(element, { whitespace: 'pre' }));
    else if (element.tagName === 'a' && inParagraph) {
      shown.links.push({ text: toText(element, { whitespace: 'pre' }), href: String(element.properties['href']) });
    } else throw new Error(`unexpected element <${element.tagName}>`);
    for (const child of element.children) walk(child, true);
  };
  for (const child of fromHtml(html, { fragment: true }).children) walk(child as ElementContent, false);
  return shown;
}

/** linkify-it knowing only the http(s) schemas: no e-mail, `ftp:` or `//` links. */
const linkify = new LinkifyIt({ fuzzyEmail: false }).add('mailto:', null).add('ftp:', null).add('//', null);

/**
 * The specification: the text's paragraphs, and a link for each bare URL in them: an http(s) URL as
 * linkify-it delimits it, if a browser can open it.
 */
function expectedShown(text: string): Shown {
  const paragraphs = abstractParagraphs(text);
  const links = paragraphs.flatMap((p) => (linkify.match(p) ?? []).filter((m) => URL.canParse(m.url)).map((m) => ({ text: m.text, href: m.url })));
  return { paragraphs, links };
}

/**
 * Renderers may percent-encode characters of a link target (`[` as `%5B`, a stray `%` as `%25`);
 * what matters is the URL it resolves to, read with every valid escape decoded.
 */
function resolvedUrl(href: string): string {
  const url = new URL(href).href;
  const bytes: number[] = [];
  for (let i = 0; i < url.length; i++) {
    const percent = /^%[0-9A-Fa-f]{2}/.exec(url.slice(i, i + 3));
    if (percent) {
      bytes.push(Number.parseInt(url.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...new TextEncoder().encode(url[i]));
  }
  return new TextDecoder().decode(new Uint8Array(bytes));
}

function resolvedLinks(shown: Shown): Shown {
  return { ...shown, links: shown.links.map((link) => ({ text: link.text, href: resolvedUrl(link.href) })) };
}

function checkRendering(text: string): void {
  const mdx = abstractToMdx(text);
  const expected = resolvedLinks(expectedShown(text));
  expect(resolvedLinks(shownByMdx(mdx)), 'MDX compile').toEqual(expected);
  expect(resolvedLinks(shownByHtml(renderAbstract(mdx))), 'renderAbstract').toEqual(expected);
  for (const link of expected.links) expect(link.href).toBe(resolvedUrl(new URL(link.text).href));
}

const SYNTAX = [...'{}<>[]()*_#`$|~\\&!:-+=.\'"/;@^%?,'];
const FRAGMENTS = [
  'import ',
  'export ',
  'import {a} from "b"',
  'export const x = 1',
  '\n',
  '\n\n',
  '\r\n',
  '\r',
  '\t',
  ' ',
  '   ',
  '\u00A0',
  '<script>',
  '</p>',
  '<!-- ',
  ' -->',
  '{1+1}',
  '&amp;',
  '&#123;',
  '&copy',
  '![x](y)',
  '[a]: http://b',
  '```',
  '~~~',
  '***',
  '- ',
  '1. ',
  '> ',
  '# ',
  '| a | b |',
  '$$',
  '\\(',
  '<https://x.org>',
  'www.example.org',
  'https://example.org/',
  'http://a.b/c_(d)_e',
  'https://x.org/?q=1&r=[2]',
  'https://ex.org/a*b*',
  'mailto:a@b.c',
];
const unit = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...SYNTAX) },
  { weight: 3, arbitrary: fc.constantFrom(...FRAGMENTS) },
  { weight: 3, arbitrary: fc.constantFrom(...'abcxyzABZ0129') },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 3 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 2 }) },
);
const abstractText = fc.string({ unit, maxLength: 60 });

describe('abstractToMdx renders exactly the original text', () => {
  it.each([
    ['expressions', 'Escaping {props.title} and {1+1} and ${"{"}danger}'],
    ['tags and HTML', '<script>alert("x")</script> <img src=x onerror=alert(1)> <Foo /> </p> <!-- c -->'],
    ['ESM lines', 'import fs from "node:fs"\n\nexport const leaked = 1\n\nimport\n\nexport'],
    ['Markdown syntax', '# not a heading *not emphasis* _nor this_ [not](a link) `code` ~~no~~ > quote\n\n- item\n\n1. item'],
    ['character references', '&amp; &#123; &copy &lt;b&gt;'],
    ['math and tables', '$x^2$ | a | b |\n\n|---|---|'],
    ['URLs', 'see https://example.org/a_(b)?c=1&d=2. and (http://x.org/y_z) or <https://q.org> or //http://a.b/c_(d)'],
    ['backslashes', 'a\\b \\{ \\\\ \\'],
    ['whitespace', '  lead\ttab\r\nnext\u00A0nbsp  \n \n\n second  '],
    ['empty', ''],
  ])('%s', (_name, text) => checkRendering(text));

  it(
    `holds for ${RUNS} generated texts`,
    () => {
      fc.assert(fc.property(abstractText, checkRendering), { numRuns: RUNS });
    },
    60_000 + RUNS * 20,
  );
});
