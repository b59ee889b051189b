/**
 * `offline.json`: what a build caches for offline use, written by the service-worker step
 * and precached with the app shell, so pages can read it with the network off.
 *
 * The search page reads `search.mode`: with `on-use`, only index chunks earlier searches fetched are
 * cached, and offline results may be partial.
 */
import type { SearchIndexMode, SearchIndexPlan } from './search-index-plan.ts';

export interface OfflineStatus {
  /** Id of the build the service worker was generated for; it names the runtime caches. */
  build: string;
  search: { mode: SearchIndexMode; bytes: number; budget: number };
}

export function offlineStatus(build: string, plan: SearchIndexPlan): OfflineStatus {
  return { build, search: { mode: plan.mode, bytes: plan.bytes, budget: plan.budget } };
}

/** Validates a fetched `offline.json`; anything else (an HTML error page, an old format) is undefined. */
export function parseOfflineStatus(value: unknown): OfflineStatus | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { build, search } = value as Record<string, unknown>;
  if (typeof build !== 'string' || typeof search !== 'object' || search === null) return undefined;
  const { mode, bytes, budget } = search as Record<string, unknown>;
  if ((mode !== 'precached' && mode !== 'on-use') || typeof bytes !== 'number' || typeof budget !== 'number') return undefined;
  return { build, search: { mode, bytes, budget } };
}

/**
 * Whether search results shown now may miss papers: only offline, and only when the build left the
 * index to be cached on use. Without a status (no service worker yet) nothing is known to be missing.
 */
export function searchMayBePartial(status: OfflineStatus | undefined, online: boolean): boolean {
  return !online && status?.search.mode === 'on-use';
}
