/** One topic's RSS feed: its newest papers with full abstracts, so a reader can follow one subject. */
import rss from '@astrojs/rss';
import type { APIRoute, GetStaticPaths } from 'astro';
import { type TopicEntry, abstractText, getCatalog } from '../../../data/catalog.ts';
import { absoluteUrl, routes } from '../../../lib/site/urls.ts';
import { SITE } from '../../../site.config.ts';

/** As many items as the site-wide feed: a reader polling daily misses nothing on a busy day. */
const FEED_SIZE = 50;

export const getStaticPaths = (async () => {
  const catalog = await getCatalog();
  return catalog.topics.map((topic) => ({ params: { slug: topic.id }, props: { topic } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ topic: TopicEntry }> = async ({ props: { topic }, site = new URL('http://localhost') }) => {
  const catalog = await getCatalog();
  const url = (path: string) => absoluteUrl(path, site);
  return rss({
    title: `${SITE.title}: ${topic.data.name}`,
    description: topic.data.description,
    site: url(routes.topic(topic.id)),
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    customData: `<language>${SITE.lang}</language><atom:link href="${url(routes.topicFeed(topic.id))}" rel="self" type="application/rss+xml"/>`,
    // Withdrawn papers leave the feeds, as they leave the site-wide one (src/pages/rss.xml.ts).
    items: (catalog.byTopic.get(topic.id) ?? [])
      .filter((paper) => !paper.data.withdrawn)
      .slice(0, FEED_SIZE)
      .map((paper) => ({
        title: paper.data.title,
        link: url(routes.paper(paper.id)),
        description: abstractText(paper),
        ...(paper.data.published && { pubDate: new Date(`${paper.data.published}T00:00:00Z`) }),
        categories: paper.data.topics.flatMap((id) => catalog.topicNames.get(id) ?? []),
      })),
  });
};
