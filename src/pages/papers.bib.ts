/** Every paper's BibTeX entry in one file, newest first: the same entries the paper pages show. */
import type { APIRoute } from 'astro';
import { getCatalog } from '../data/catalog.ts';
import { bibtexEntry, citableOf } from '../lib/citation/citation.ts';
import { absoluteUrl, routes } from '../lib/site/urls.ts';

export const GET: APIRoute = async ({ site = new URL('http://localhost') }) => {
  const catalog = await getCatalog();
  const entries = catalog.papers.map((paper) => bibtexEntry(citableOf(paper.data, absoluteUrl(routes.paper(paper.id), site))));
  return new Response(`${entries.join('\n\n')}\n`, { headers: { 'Content-Type': 'application/x-bibtex; charset=utf-8' } });
};
