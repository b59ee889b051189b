/**
 * The whole catalog as JSON for other tools: every paper's metadata and URL, newest first. Topics
 * and listings are described once at the top and referred to by id from each paper, which keeps
 * the file small for large catalogs. Abstracts are on the paper pages (and in the RSS feed); each
 * paper carries its identifiers, author names and the links that lead to it.
 */
import type { APIRoute } from 'astro';
import { getCatalog } from '../data/catalog.ts';
import type { CatalogFile } from '../lib/catalog/catalog-file.ts';
import { arxivLinks, doiLink } from '../lib/identifiers/identifiers.ts';
import { absoluteUrl, routes } from '../lib/site/urls.ts';
import { SITE } from '../site.config.ts';

export const GET: APIRoute = async ({ site = new URL('http://localhost') }) => {
  const catalog = await getCatalog();
  const url = (path: string) => absoluteUrl(path, site);
  const body = {
    title: SITE.title,
    description: SITE.description,
    url: url(routes.home()),
    count: catalog.papers.length,
    topics: Object.fromEntries(catalog.topics.map((t) => [t.id, { name: t.data.name, url: url(routes.topic(t.id)) }])),
    listings: Object.fromEntries(catalog.listings.map((l) => [l.id, { title: l.data.title, url: url(routes.listing(l.id)), ...(l.data.captured && { captured: l.data.captured }) }])),
    papers: catalog.papers.map((paper) => {
      const { title, published, authors, authorNames, organisation, upvotes, comments, topics, sources, arxiv, doi, code, aiKeywords, projectPage, githubStars, withdrawn } = paper.data;
      return {
        slug: paper.id,
        url: url(routes.paper(paper.id)),
        title,
        published: published ?? null,
        authors: authors ?? null,
        authorNames: authorNames ?? null,
        organisation: organisation?.name ?? null,
        arxiv: arxiv ?? null,
        doi: doi ?? null,
        code: code ?? null,
        githubStars: githubStars ?? null,
        projectPage: projectPage ?? null,
        keywords: aiKeywords ?? null,
        withdrawn: withdrawn ?? null,
        links: { ...(arxiv && arxivLinks(arxiv)), ...(doi && { doi: doiLink(doi) }) },
        upvotes,
        comments: comments ?? null,
        topics,
        listings: [...new Set(sources.map((s) => s.listing))],
      };
    }),
  };
  // The steps after the build read this file (src/lib/catalog/catalog-file.ts): a field they need cannot go missing here unnoticed.
  return new Response(JSON.stringify(body satisfies CatalogFile), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
