/// <reference lib="webworker" />
/**
 * The service worker, bundled into `sw.js` by src/build/service-worker.ts with one build's
 * config baked in.
 *
 * - App shell (home, search and offline pages, CSS/JS, fonts, icons, manifest, offline.json) and,
 *   within budget, the whole Pagefind bundle: precached, served cache-first by revision.
 * - Other pages: network first (3 s timeout), revalidated against the server so a fresh deployment
 *   is never masked by the HTTP cache; cached per build; offline, the cached copy, else the offline
 *   page.
 * - Pagefind chunks and Astro assets not precached: cache first, per build (names are hashed).
 *
 * Updates: a new worker does not skip waiting on its own. While it waits, the old one keeps serving
 * its own build to open tabs, so no tab ever sees pages of one deployment with the shell of another;
 * the page offers a reload (RegisterServiceWorker.astro), which posts SKIP_WAITING, and every open
 * tab reloads when the new worker takes over. While installing, the new worker fetches again every
 * page the reader had cached, so offline reading survives the update; on activation it deletes the
 * previous build's runtime caches. `clients.claim()` matters for the first install (nothing older
 * to mix with): it lets the very first visit's pages be cached without a reload.
 */
import { clientsClaim } from 'workbox-core';
import type { WorkboxPlugin } from 'workbox-core';
import { PrecacheController, PrecacheRoute } from 'workbox-precaching';
import { Route, Router } from 'workbox-routing';
import { CacheFirst, NetworkFirst } from 'workbox-strategies';
import { type RuntimeCacheKind, outdatedPageCaches, outdatedRuntimeCaches, precacheName, runtimeCacheName } from '../lib/offline/cache-names.ts';
import { offlineRoutes } from '../lib/offline/routes.ts';
import { SKIP_WAITING, type ServiceWorkerConfig } from './config.ts';

declare const self: ServiceWorkerGlobalScope;
declare const __PAPERSHELF_SW__: ServiceWorkerConfig;

const config = __PAPERSHELF_SW__;
const scope = self.registration.scope;
const cacheName = (kind: RuntimeCacheKind) => runtimeCacheName(kind, config.build, scope);
const NETWORK_TIMEOUT_SECONDS = 3;
const REFETCH_TIMEOUT_MS = 5_000;
const REFETCH_CONCURRENCY = 6;

const precache = new PrecacheController({ cacheName: precacheName(scope) });
precache.precache(config.precache);

const inScope = (url: URL) => url.href.startsWith(scope);
const under = (dir: string) => (url: URL) => url.href.startsWith(new URL(dir, scope).href);
const isSearchBundle = under(config.searchDir);
const isAsset = under(config.assetsDir);

/** Only complete, same-origin pages, never a redirect's final answer (it would be served for the wrong URL). */
const isCacheablePage = (response: Response) => response.status === 200 && response.type === 'basic' && !response.redirected;

/** Static hosting answers `page/?q=x` with `page/`: one page, one cache entry, whatever the query. */
const withoutQuery = (url: string | URL) => {
  const bare = new URL(url);
  bare.search = '';
  return bare;
};

const freshPages: WorkboxPlugin = {
  cacheKeyWillBeUsed: async ({ request }) => withoutQuery(request.url).href,
  // A navigation request cannot carry its own cache mode; a plain request for the same URL can.
  requestWillFetch: async ({ request }) => new Request(request.url, { cache: 'no-cache', credentials: 'same-origin' }),
  // Pages redirects `papers/x` to `papers/x/`; let the browser follow it so the address bar and cache key match.
  fetchDidSucceed: async ({ response }) => (response.redirected ? Response.redirect(response.url, 301) : response),
  cacheWillUpdate: async ({ response }) => (isCacheablePage(response) ? response : null),
};

const router = new Router();
// Also serves `search/?q=…` and Pagefind's `pagefind-entry.json?ts=<now>` from the precache.
router.registerRoute(new PrecacheRoute(precache, { urlManipulation: ({ url }) => [withoutQuery(url)] }));
router.registerRoute(
  new Route(
    ({ url, request }) => inScope(url) && (request.mode === 'navigate' || url.pathname.endsWith('/')),
    new NetworkFirst({ cacheName: cacheName('pages'), networkTimeoutSeconds: NETWORK_TIMEOUT_SECONDS, plugins: [freshPages] }),
  ),
);
router.registerRoute(new Route(({ url }) => isSearchBundle(url), new CacheFirst({ cacheName: cacheName('search') })));
router.registerRoute(new Route(({ url }) => isAsset(url), new CacheFirst({ cacheName: cacheName('assets') })));
router.setCatchHandler(async ({ request }) => {
  if (request.mode !== 'navigate' && request.destination !== 'document') return Response.error();
  return (await precache.matchPrecache(new URL(offlineRoutes.offline(), scope).href)) ?? Response.error();
});
router.addFetchListener();
// Lets a page that loaded before this worker controlled it ask for itself to be cached.
router.addCacheListener();

async function mapConcurrently<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  const worker = async () => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) await task(item);
  };
  await Promise.all(Array.from({ length: Math.min(limit, queue.length) }, worker));
}

/** Fetches this build's copy of every page older builds cached; pages that fail are dropped, never kept old. */
async function refetchPagesOfOtherBuilds(): Promise<void> {
  const current = await caches.open(cacheName('pages'));
  const urls = new Set<string>();
  for (const name of outdatedPageCaches(await caches.keys(), config.build, scope)) {
    for (const request of await (await caches.open(name)).keys()) urls.add(request.url);
  }
  const missing: string[] = [];
  for (const url of [...urls].sort()) if (!(await current.match(url))) missing.push(url);
  await mapConcurrently(missing, REFETCH_CONCURRENCY, async (url) => {
    try {
      const response = await fetch(url, { cache: 'no-cache', credentials: 'same-origin', signal: AbortSignal.timeout(REFETCH_TIMEOUT_MS) });
      if (isCacheablePage(response)) await current.put(url, response);
    } catch {
      // Offline or slow: the page is simply no longer available offline.
    }
  });
}

async function deleteCachesOfOtherBuilds(): Promise<void> {
  await Promise.all(outdatedRuntimeCaches(await caches.keys(), config.build, scope).map((name) => caches.delete(name)));
}

self.addEventListener('install', (event) => event.waitUntil(refetchPagesOfOtherBuilds()));
// Pages cached by the old worker while this one waited are fetched now, before their build's caches go.
self.addEventListener('activate', (event) => event.waitUntil(refetchPagesOfOtherBuilds().then(deleteCachesOfOtherBuilds)));
self.addEventListener('message', (event) => {
  if (event.data?.type === SKIP_WAITING) void self.skipWaiting();
});
clientsClaim();
