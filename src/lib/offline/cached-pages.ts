/**
 * Turns what the service worker's caches hold into the offline page's list: one group per kind of
 * page, titles sorted, each page once, the offline page itself left out.
 */
import { routes, withBase } from '../site/urls.ts';
import { offlineRoutes } from './routes.ts';

export interface CachedPage {
  url: string;
  title: string;
}

export interface CachedPageGroup {
  heading: string;
  pages: CachedPage[];
}

/** The folder every paper page lives in, from the one definition of paper URLs. */
const PAPERS_FOLDER = routes.paper('-').slice(0, -'-/'.length);

/** Groups in display order; a page belongs to the first whose prefix its path has ('' matches all). */
const GROUPS: ReadonlyArray<{ heading: string; prefix: string }> = [
  { heading: 'Papers', prefix: PAPERS_FOLDER },
  { heading: 'Topics', prefix: routes.topics() },
  { heading: 'Listings', prefix: routes.listings() },
  { heading: 'Archive', prefix: routes.archive() },
  { heading: 'Other pages', prefix: '' },
];

/** Workbox keys precached pages as `…/?__WB_REVISION__=<hash>`; readers know them without it. */
export function pageUrlOfCacheKey(key: string): string {
  const url = new URL(key);
  url.searchParams.delete('__WB_REVISION__');
  url.hash = '';
  return url.href;
}

/** Whether a cache key is a page (the site's page URLs are folders) rather than an asset. */
export function isPageUrl(url: string): boolean {
  return new URL(url).pathname.endsWith('/');
}

export function groupCachedPages(pages: readonly CachedPage[], origin: string, base: string): CachedPageGroup[] {
  const root = new URL(withBase('', base), origin).href;
  const offline = new URL(withBase(offlineRoutes.offline(), base), origin).href;
  const byUrl = new Map<string, CachedPage>();
  for (const page of pages) if (page.url.startsWith(root) && page.url !== offline && !byUrl.has(page.url)) byUrl.set(page.url, page);
  const groups = GROUPS.map(({ heading }) => ({ heading, pages: [] as CachedPage[] }));
  for (const page of byUrl.values()) {
    const path = page.url.slice(root.length);
    groups[GROUPS.findIndex(({ prefix }) => path.startsWith(prefix))]?.pages.push(page);
  }
  const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
  for (const group of groups) group.pages.sort((a, b) => collator.compare(a.title, b.title) || (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  return groups.filter((group) => group.pages.length > 0);
}
