/**
 * RSS feed of the newest papers (not withdrawn ones), with full abstracts, topics as categories and author names. Each
 * item links to the paper's page; a paper with an arXiv id also carries its arXiv page as a related
 * link and its Hugging Face page as the place to comment.
 */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { type PaperEntry, abstractText, getCatalog } from '../data/catalog.ts';
import { arxivLinks } from '../lib/identifiers/identifiers.ts';
import { absoluteUrl, routes } from '../lib/site/urls.ts';
import { SITE } from '../site.config.ts';

/** Enough for a feed reader that polls daily to miss nothing on a busy day. */
const FEED_SIZE = 50;

/** XML text: escaped, since names and ids are input. */
const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function itemExtras({ arxiv, authorNames }: PaperEntry['data']): string {
  const related = arxiv ? `<atom:link rel="related" type="text/html" href="${xml(arxivLinks(arxiv).abs)}"/>` : '';
  return related + (authorNames ?? []).map((name) => `<dc:creator>${xml(name)}</dc:creator>`).join('');
}

export const GET: APIRoute = async ({ site = new URL('http://localhost') }) => {
  const catalog = await getCatalog();
  const url = (path: string) => absoluteUrl(path, site);
  return rss({
    title: SITE.title,
    description: `Newest papers in ${SITE.title}: ${SITE.description}`,
    site: url(routes.home()),
    xmlns: { atom: 'http://www.w3.org/2005/Atom', dc: 'http://purl.org/dc/elements/1.1/' },
    customData: `<language>${SITE.lang}</language><atom:link href="${url(routes.feed())}" rel="self" type="application/rss+xml"/>`,
    // A withdrawn paper keeps its page, marked, but a feed announces papers to read: it leaves.
    items: catalog.papers
      .filter((paper) => !paper.data.withdrawn)
      .slice(0, FEED_SIZE)
      .map((paper) => ({
        title: paper.data.title,
        link: url(routes.paper(paper.id)),
        description: abstractText(paper),
        ...(paper.data.published && { pubDate: new Date(`${paper.data.published}T00:00:00Z`) }),
        categories: paper.data.topics.flatMap((id) => catalog.topicNames.get(id) ?? []),
        ...(paper.data.arxiv && { commentsUrl: arxivLinks(paper.data.arxiv).huggingFace }),
        customData: itemExtras(paper.data),
      })),
  });
};
