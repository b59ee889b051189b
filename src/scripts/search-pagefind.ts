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

let loading: Promise<Pagefind> | undefined;

export function loadPagefind(): Promise<Pagefind> {
  loading ??= (async () => {
    const pagefind = (await import(/* @vite-ignore */ withBase(PAGEFIND_BUNDLE))) as Pagefind;
    await pagefind.options({ excerptLength: 36, baseUrl: import.meta.env.BASE_URL });
    await pagefind.init();
    return pagefind;
  })();
  return loading;
}
