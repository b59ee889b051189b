import { expect, test } from 'vitest';
import { floorPaperPage, paperFromFile } from '../../../scripts/bench/lib/floor-page.ts';
import { hugoPaper, hugoSiteFiles } from '../../../scripts/bench/lib/hugo-site.ts';
import { renderPaperFile } from '../../../src/lib/paper/paper-file.ts';
import { parse } from 'yaml';

const file = renderPaperFile({
  slug: 'attention-a-b',
  title: 'Attention <is> "all" you need: A & B',
  key: 'attention is all you need a b',
  abstract: 'We use {braces} and <tags> and *stars*.\n\nSecond paragraph.',
  upvotes: 12,
  authors: 3,
  published: '2024-05-02',
  topics: ['transformers'],
  sources: [{ listing: 'l', file: 'content/listings/l.txt', line: 3 }],
  generator: 'papershelf-ingest',
});
const paper = paperFromFile('attention-a-b', file);

test('a generated paper file reads back as the references need it', () => {
  expect(paper).toMatchObject({ slug: 'attention-a-b', title: 'Attention <is> "all" you need: A & B', upvotes: 12, authors: 3, published: '2024-05-02', topics: ['transformers'] });
});

test('the floor page shows the paper as text, with internal links under the base path', () => {
  const html = floorPaperPage(paper, '/papershelf/');
  expect(html).toContain('<h1>Attention &lt;is&gt; &quot;all&quot; you need: A &amp; B</h1>');
  expect(html).toContain('<p>We use {braces} and &lt;tags&gt; and *stars*.</p>\n<p>Second paragraph.</p>');
  expect(html).toContain('href="/papershelf/topics/transformers/"');
  expect(html).toContain('href="/papershelf/papers/attention-a-b/"');
  expect(html).not.toContain('<tags>');
});

test('the Hugo reference gets the same paper as Markdown with front matter, and a topics taxonomy', () => {
  const [, front, body] = hugoPaper(paper).split(/^---$/m);
  expect(parse(front!)).toEqual({ title: paper.title, upvotes: 12, topics: ['transformers'], date: '2024-05-02', authors: 3 });
  expect(body!.trim()).toBe(paper.body.trim());
  const site = hugoSiteFiles({ baseURL: 'https://example.github.io/papershelf/', pageSize: 50 });
  expect(parse(site['hugo.yaml']!)).toMatchObject({ baseURL: 'https://example.github.io/papershelf/', taxonomies: { topic: 'topics' }, paginate: 50 });
  expect(site['layouts/_default/single.html']).toContain('data-pagefind-body');
  expect(site['layouts/_default/list.html']).toContain('.Paginate');
});
