/**
 * The README is the front door and docs/ the floor plan: every relative link in them must reach a
 * file, every `#fragment` a heading of its target as GitHub slugs it, every guide must be one click
 * from the README, and the README must stay short enough to read in five minutes. External http(s)
 * links are not fetched (the tests run offline).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import GithubSlugger from 'github-slugger';
import type { Nodes, Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, test } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const README = join(ROOT, 'README.md');
const DOCS = join(ROOT, 'docs');
const README_MAX_WORDS = 1600;

const docs = readdirSync(DOCS)
  .filter((name) => name.endsWith('.md'))
  .sort()
  .map((name) => join(DOCS, name));
const files = [README, ...docs];

const trees = new Map<string, Root>();
function tree(file: string): Root {
  let parsed = trees.get(file);
  if (!parsed) {
    parsed = unified().use(remarkParse).parse(readFileSync(file, 'utf8'));
    trees.set(file, parsed);
  }
  return parsed;
}

/** A heading's text as GitHub slugs it: its words and inline code, without the markup. */
function plainText(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  return 'children' in node ? node.children.map((child) => plainText(child)).join('') : '';
}

/** The anchors GitHub gives a Markdown file's headings (repeated headings get -1, -2, …). */
function anchors(file: string): Set<string> {
  const slugger = new GithubSlugger();
  const found = new Set<string>();
  visit(tree(file), 'heading', (heading) => {
    found.add(slugger.slug(plainText(heading)));
  });
  return found;
}

/** Every link, image and link definition's URL in a file, with the line it is on. */
function links(file: string): { url: string; line: number }[] {
  const found: { url: string; line: number }[] = [];
  visit(tree(file), (node) => {
    if (node.type === 'link' || node.type === 'image' || node.type === 'definition') found.push({ url: node.url, line: node.position?.start.line ?? 0 });
  });
  return found;
}

/** What is wrong with one link, or undefined when it resolves (or is external, so not checked here). */
function problem(file: string, url: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) return /^(https?|mailto):/i.test(url) ? undefined : `a ${url.split(':')[0]}: link`;
  const [path = '', fragment] = url.split('#', 2);
  const target = path === '' ? file : join(dirname(file), decodeURIComponent(path));
  if (!existsSync(target)) return `${relative(ROOT, target)} does not exist`;
  if (fragment === undefined || !target.endsWith('.md')) return undefined;
  return anchors(target).has(decodeURIComponent(fragment)) ? undefined : `no heading of ${relative(ROOT, target)} has the anchor #${fragment}`;
}

describe('README and docs', () => {
  test('have links to check (the parser found them)', () => {
    expect(links(README).length).toBeGreaterThan(10);
    expect(anchors(join(DOCS, 'adding-listings.md'))).toContain('seeing-how-a-file-was-read---explain');
  });

  test.each(files.map((file) => [relative(ROOT, file), file]))('every relative link in %s resolves, fragments included', (_name, file) => {
    const broken = links(file).flatMap(({ url, line }) => {
      const why = problem(file, url);
      return why ? [`line ${line}: ${url}: ${why}`] : [];
    });
    expect(broken).toEqual([]);
  });

  test('every guide in docs/ is one click from the README', () => {
    const linked = new Set(links(README).flatMap(({ url }) => (/^[a-z]+:/i.test(url) ? [] : [join(ROOT, url.split('#')[0] ?? '')])));
    expect(docs.filter((doc) => !linked.has(doc)).map((doc) => relative(ROOT, doc))).toEqual([]);
  });

  test(`the README stays under ${README_MAX_WORDS} words`, () => {
    const words = readFileSync(README, 'utf8')
      .split(/\s+/)
      .filter((token) => /[\p{L}\p{N}]/u.test(token));
    expect(words.length).toBeLessThanOrEqual(README_MAX_WORDS);
  });
});

describe('the link check itself', () => {
  test('finds a missing file, a missing heading and a non-web scheme, and lets a good link pass', () => {
    expect(problem(README, 'docs/no-such-guide.md')).toBe('docs/no-such-guide.md does not exist');
    expect(problem(README, 'docs/search.md#no-such-heading')).toBe('no heading of docs/search.md has the anchor #no-such-heading');
    expect(problem(README, 'javascript:alert(1)')).toBe('a javascript: link');
    expect(problem(README, 'docs/search.md#shards')).toBeUndefined();
    expect(problem(README, 'https://example.org/#anything')).toBeUndefined();
  });
});
