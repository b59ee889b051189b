import { LinkifyIt, type Match } from 'linkify-it';
import type { Paragraph, PhrasingContent, Root } from 'mdast';
import remarkMdx from 'remark-mdx';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';

// Only explicit http(s) URLs: linkify's e-mail, `ftp:` and `//` guesses are mostly false positives in
// abstracts (`a@b.import`).
const linkify = new LinkifyIt({ fuzzyLink: false, fuzzyEmail: false, fuzzyIP: false }).add('mailto:', null).add('ftp:', null).add('//', null);

/**
 * remark-mdx escapes `{`, `<` and Markdown syntax, but not a paragraph that starts with `import` or
 * `export`, which MDX would run as an ES module. Escaping that first letter keeps it text.
 */
const ESM_AT_LINE_START = [
  { character: 'i', atBreak: true, after: 'mport\\b' },
  { character: 'e', atBreak: true, after: 'xport\\b' },
];

const serializer = unified().use(remarkMdx).use(remarkStringify, { unsafe: ESM_AT_LINE_START });

/**
 * The text an abstract shows, paragraph by paragraph: paragraphs are separated by blank lines (any
 * line end; a line of only whitespace is blank), every run of whitespace inside one is a single
 * space, and control characters, which no page can show, are dropped (a lone surrogate becomes
 * U+FFFD, as it would in the UTF-8 file). Empty paragraphs are left out.
 */
export function abstractParagraphs(text: string): string[] {
  return text
    .toWellFormed()
    .replace(/(?![\t\n\v\f\r])\p{Cc}/gu, '')
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p !== '');
}

/** The bare URLs of a paragraph, less what a browser could not open (`http://b^` has no valid host). */
function bareUrls(paragraph: string): Match[] {
  return (linkify.match(paragraph) ?? []).filter((match) => URL.canParse(match.url));
}

/** Text and link nodes for one paragraph: bare http(s) URLs become links showing the URL itself. */
function phrasing(paragraph: string): PhrasingContent[] {
  const nodes: PhrasingContent[] = [];
  let last = 0;
  for (const match of bareUrls(paragraph)) {
    if (match.index > last) nodes.push({ type: 'text', value: paragraph.slice(last, match.index) });
    // The link goes where a browser would take the text (`\` read as `/`, non-ASCII encoded).
    nodes.push({ type: 'link', url: new URL(match.url).href, children: [{ type: 'text', value: match.text }] });
    last = match.lastIndex;
  }
  if (last < paragraph.length) nodes.push({ type: 'text', value: paragraph.slice(last) });
  return nodes;
}

export function abstractTree(text: string): Root {
  const children: Paragraph[] = abstractParagraphs(text).map((p) => ({ type: 'paragraph', children: phrasing(p) }));
  return { type: 'root', children };
}

/**
 * The MDX body for an abstract. It is built as a syntax tree of text and link nodes and serialised by
 * remark with MDX's escaping rules, so MDX renders exactly the original text: no expression runs,
 * no tag becomes markup, no Markdown syntax changes what is shown.
 */
export function abstractToMdx(text: string): string {
  return serializer.stringify(abstractTree(text));
}
