/**
 * The benchmark's floor: a paper page written with one template string, as the cheapest possible
 * generator of the same pages would. Nothing here is used by the site.
 */
import { parsePaperFile } from '../../../src/lib/paper/paper-file.ts';
import type { PaperData } from '../../../src/lib/paper/paper.ts';
import { routes, withBase } from '../../../src/lib/site/urls.ts';

export interface FloorPaper {
  slug: string;
  title: string;
  published?: string;
  upvotes: number;
  authors?: number;
  topics: readonly string[];
  /** The generated Markdown body (the abstract). */
  body: string;
}

/** A generated paper file (`content/papers/<slug>.mdx`) as the references need it. */
export function paperFromFile(slug: string, text: string): FloorPaper {
  const { data, body } = parsePaperFile(text);
  const front = data as Partial<PaperData>;
  const paper: FloorPaper = { slug, title: String(front.title ?? slug), upvotes: front.upvotes ?? 0, topics: front.topics ?? [], body };
  if (front.published) paper.published = front.published;
  if (front.authors) paper.authors = front.authors;
  return paper;
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);

/** Paragraphs of the Markdown body as HTML, Markdown escapes undone: enough for a floor. */
function paragraphs(body: string): string {
  return body
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((p) => `<p>${escapeHtml(p.replace(/\\([!-/:-@[-`{-~])/g, '$1'))}</p>`)
    .join('\n');
}

export function floorPaperPage(paper: FloorPaper, base: string): string {
  const url = (path: string) => escapeHtml(withBase(path, base));
  const topics = paper.topics.map((t) => `<li><a href="${url(routes.topic(t))}">${escapeHtml(t)}</a></li>`).join('');
  const facts = [paper.published ? `<time datetime="${paper.published}">${paper.published}</time>` : '', paper.authors ? `${paper.authors} authors` : '', `${paper.upvotes} upvotes`].filter(
    (f) => f !== '',
  );
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(paper.title)} · Papershelf</title>
<link rel="canonical" href="${url(routes.paper(paper.slug))}"></head>
<body><header><a href="${url(routes.home())}">Papershelf</a> <a href="${url(routes.search())}">Search</a></header>
<main><article><h1>${escapeHtml(paper.title)}</h1>
<p>${facts.join(' · ')}</p>
<ul>${topics}</ul>
${paragraphs(paper.body)}
</article></main></body></html>
`;
}
