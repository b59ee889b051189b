/** RSS feed of the newest papers, with full abstracts and topics as categories. */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { abstractText, getCatalog } from '../data/catalog.ts';
import { absoluteUrl, routes } from '../lib/urls.ts';
import { SITE } from '../site.config.ts';

/** Enough for a feed reader that polls daily to miss nothing on a busy day. */
const FEED_SIZE = 50;

export const GET: APIRoute = async ({ site = new URL('http://localhost') }) => {
  const catalog = await getCatalog();
  const url = (path: string) => absoluteUrl(path, site);
  return rss({
    title: SITE.title,
    description: `Newest papers in ${SITE.title}: ${SITE.description}`,
    site: url(routes.home()),
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    customData: `<language>${SITE.lang}</language><atom:link href="${url(routes.feed())}" rel="self" type="application/rss+xml"/>`,
    items: catalog.papers.slice(0, FEED_SIZE).map((paper) => ({
      title: paper.data.title,
      link: url(routes.paper(paper.id)),
      description: abstractText(paper),
      ...(paper.data.published && { pubDate: new Date(`${paper.data.published}T00:00:00Z`) }),
      categories: paper.data.topics.flatMap((id) => catalog.topicNames.get(id) ?? []),
    })),
  });
};
