/**
 * Loads the Pagefind bundle the build wrote next to the site. Its URL is only known at run time
 * (it depends on BASE and the bundle is not part of the Vite build), so it is imported dynamically
 * and Vite is told to leave the import alone.
 */
import { PAGEFIND_BUNDLE } from '../lib/search-paths.ts';
import type { PagefindRequest } from '../lib/search-query.ts';
import { withBase } from '../lib/urls.ts';

/** The parts of Pagefind's browser API the search page uses (pagefind_web_js/types). */
export interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

export interface PagefindResult {
  id: string;
  data(): Promise<PagefindResultData>;
}

export interface PagefindResults {
  results: PagefindResult[];
  unfilteredResultCount: number;
  filters: Record<string, Record<string, number>>;
  totalFilters: Record<string, Record<string, number>>;
}

export interface Pagefind {
  options(options: { excerptLength?: number; baseUrl?: string }): Promise<void>;
  init(): Promise<void>;
  preload(term: string, options?: PagefindRequest['options']): Promise<void>;
  search(term: string | null, options?: PagefindRequest['options']): Promise<PagefindResults | null>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

/**
 * Which copy of Pagefind to load. Pagefind counts filter values only for the filter chunks an
 * instance has loaded, and once all are loaded (by `filters()`) it counts every value of every match
 * on every search: about ten times the search itself on a large catalog (the topic filter alone
 * costs nearly as much as all of them). Results of searches without filters therefore come from an
 * instance that never loads a filter, and facet counts and filtered results from a second one that
 * loads them all. The second is a separate import of the bundle (its own module, so its own web
 * worker): counting never queues in front of the next keystroke's results. A fragment, unlike a
 * query string, makes a separate module without a separate request: the browser and the service
 * worker's precache see the same URL, so the copy costs no bytes and works offline.
 */
export type PagefindRole = 'results' | 'counts';

const loading = new Map<PagefindRole, Promise<Pagefind>>();

async function load(role: PagefindRole): Promise<Pagefind> {
  const url = withBase(PAGEFIND_BUNDLE) + (role === 'counts' ? '#counts' : '');
  const pagefind = (await import(/* @vite-ignore */ url)) as Pagefind;
  await pagefind.options({ excerptLength: 36, baseUrl: import.meta.env.BASE_URL });
  await pagefind.init();
  if (role === 'counts') await pagefind.filters();
  return pagefind;
}

export function loadPagefind(role: PagefindRole): Promise<Pagefind> {
  let pending = loading.get(role);
  if (!pending) {
    pending = load(role);
    loading.set(role, pending);
  }
  return pending;
}
