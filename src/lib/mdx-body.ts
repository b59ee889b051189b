import { LinkifyIt } from 'linkify-it';
import type { Paragraph, PhrasingContent, Root } from 'mdast';
import remarkMdx from 'remark-mdx';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';

const linkify = new LinkifyIt({}, { fuzzyLink: false, fuzzyEmail: false, fuzzyIP: false });

/**
 * remark-mdx escapes `{`, `<` and Markdown syntax, but not a paragraph that starts with `import` or
 * `export`, which MDX would run as an ES module. Escaping that first letter keeps it text.
 */
const ESM_AT_LINE_START = [
  { character: 'i', atBreak: true, after: 'mport\\b' },
  { character: 'e', atBreak: true, after: 'xport\\b' },
];

const serializer = unified().use(remarkMdx).use(remarkStringify, { unsafe: ESM_AT_LINE_START });

/** Splits text into paragraphs; line breaks inside a paragraph are just spaces. */
export function abstractParagraphs(text: string): string[] {
  return text
    .split(/\n[ \t]*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p !== '');
}

/** Text and link nodes for one paragraph: bare http(s) URLs become links showing the URL itself. */
function phrasing(paragraph: string): PhrasingContent[] {
  const nodes: PhrasingContent[] = [];
  let last = 0;
  for (const match of linkify.match(paragraph) ?? []) {
    if (match.index > last) nodes.push({ type: 'text', value: paragraph.slice(last, match.index) });
    nodes.push({ type: 'link', url: match.url, children: [{ type: 'text', value: match.text }] });
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
