/**
 * A saved web page (a browser's "Save Page As…", HTML only or complete) read for what it shows.
 * Where the site embedded its own data (an element's `data-props` holding `dailyPapers`), that is
 * the API's JSON and its reader takes it; otherwise the page's text, laid out line by line as a
 * browser's copy lays it out (hast-util-to-text implements innerText), goes to the text reader.
 * Either way every finding names a line of the HTML file itself.
 */
import type { Element, Nodes, Text } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { parseDailyPapersJson } from './parse-daily-papers-json.ts';
import { readTextListing } from './read-text-listing.ts';
import { normalizeLine } from './text.ts';
import { type ParsedListing, atLines, unreadListing } from './types.ts';

/** Deeper than any real page; innerText is worked out recursively, so a hostile page stops here. */
export const MAX_HTML_DEPTH = 256;

/** Private-use marks put before each text node's text, carrying its line through innerText. */
const OPEN = '\uE000';
const CLOSE = '\uE001';
const MARKS = /[\uE000\uE001]/g;

/** Each element and text node with its depth, iteratively: the walk itself never overflows. */
function* walk(root: Nodes): Generator<{ node: Nodes; depth: number }> {
  const stack: { node: Nodes; depth: number }[] = [{ node: root, depth: 0 }];
  while (stack.length > 0) {
    const next = stack.pop()!;
    yield next;
    if ('children' in next.node) for (let i = next.node.children.length - 1; i >= 0; i--) stack.push({ node: next.node.children[i] as Nodes, depth: next.depth + 1 });
  }
}

/** The site's own data for the listing, where the page embedded it, and the line it stands at. */
function embeddedData(element: Element): string | undefined {
  const props = element.properties['dataProps'];
  if (typeof props !== 'string' || !props.includes('"dailyPapers"')) return undefined;
  try {
    const value: unknown = JSON.parse(props);
    return typeof value === 'object' && value !== null && Array.isArray((value as { dailyPapers?: unknown }).dailyPapers) ? props : undefined;
  } catch {
    return undefined;
  }
}

const TOO_DEEP = `a page nested deeper than ${MAX_HTML_DEPTH} elements: not read`;

/**
 * A reading of the page's embedded data, each item at the line where the page shows its title (the
 * card an editor would look at), or at the data's own line where it shows none.
 */
function atTitleLines(parsed: ParsedListing, tree: Nodes, dataLine: number): ParsedListing {
  const shownAt = new Map<string, number>();
  for (const { node } of walk(tree)) if (node.type === 'text' && node.position) shownAt.set(normalizeLine(node.value), node.position.start.line);
  const itemLine = new Map(parsed.entries.map((e) => [e.item, shownAt.get(e.title) ?? dataLine]));
  for (const list of [parsed.entries, parsed.warnings, parsed.rejected]) for (const x of list) x.line = (x.item !== undefined ? itemLine.get(x.item) : undefined) ?? dataLine;
  parsed.roles = new Map([...parsed.roles].map(([, role]) => [dataLine, role]));
  return parsed;
}

export function readHtmlListing(file: string, html: string): ParsedListing {
  let tree: ReturnType<typeof fromHtml>;
  try {
    tree = fromHtml(html);
  } catch (error) {
    // The HTML parser is linear, but its conversion to a tree recurses per level of nesting.
    if (error instanceof RangeError) return unreadListing(file, TOO_DEEP);
    throw error;
  }
  let deepest = 0;
  for (const { node, depth } of walk(tree)) {
    deepest = Math.max(deepest, depth);
    if (node.type === 'element') {
      const data = embeddedData(node);
      if (data !== undefined) return atTitleLines(parseDailyPapersJson(file, data), tree, node.position?.start.line ?? 1);
    }
  }
  if (deepest > MAX_HTML_DEPTH) return unreadListing(file, TOO_DEEP);
  for (const { node } of walk(tree)) {
    if (node.type !== 'text' || node.value.trim() === '') continue;
    const text = node as Text;
    const lead = /^\s*/.exec(text.value)![0];
    text.value = `${lead}${OPEN}${text.position?.start.line ?? 1}${CLOSE}${text.value.slice(lead.length).replace(MARKS, '')}`;
  }
  const lines: number[] = [];
  let last = 1;
  const shown = toText(tree)
    .split('\n')
    .map((line) => {
      const mark = line.indexOf(OPEN);
      if (mark >= 0) last = Number(line.slice(mark + 1, line.indexOf(CLOSE, mark)));
      lines.push(last);
      return line.replace(/\uE000\d*\uE001/g, '');
    })
    .join('\n');
  return atLines(readTextListing(file, shown), (line) => lines[line - 1] ?? last);
}
