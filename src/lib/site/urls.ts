/**
 * Every internal URL of the site is built here, relative to the site root; `withBase` puts the
 * deployment sub-path (`BASE`) in front. Pages never concatenate URLs themselves.
 */
export const routes = {
  home: () => '',
  paper: (slug: string) => `papers/${slug}/`,
  topics: () => 'topics/',
  topic: (slug: string) => `topics/${slug}/`,
  topicFeed: (slug: string) => `topics/${slug}/rss.xml`,
  listings: () => 'listings/',
  listing: (id: string) => `listings/${id}/`,
  archive: () => 'archive/',
  archiveYear: (year: string) => `archive/${year}/`,
  search: () => 'search/',
  feed: () => 'rss.xml',
  catalogJson: () => 'papers.json',
  bibliography: () => 'papers.bib',
  sitemap: () => 'sitemap-index.xml',
  paperCard: (slug: string) => `og/papers/${slug}.png`,
  topicCard: (slug: string) => `og/topics/${slug}.png`,
  siteCard: () => 'og/site.png',
};

/** Prefixes a root-relative path with the base path, which always ends in exactly one slash. */
export function withBase(path: string, base: string = import.meta.env.BASE_URL): string {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  return `${prefix}${path.replace(/^\/+/, '')}`;
}

/** An absolute URL (for canonical links, feeds and social cards). */
export function absoluteUrl(path: string, site: URL | string, base: string = import.meta.env.BASE_URL): string {
  return new URL(withBase(path, base), site).href;
}
