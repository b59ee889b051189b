/**
 * Names of the Cache Storage caches the service worker fills, shared by the worker (which creates
 * and cleans them up) and the offline page (which lists what they hold).
 *
 * Every name ends with the registration scope: all GitHub Pages project sites of one account share
 * an origin, hence one Cache Storage, and one site must never read or delete another's caches.
 * Runtime caches also carry the build id, so pages cached by one deployment are never served next
 * to the app shell of another; the precache needs no build id because Workbox keys each entry by
 * its revision and drops stale ones itself.
 */
export const RUNTIME_CACHE_KINDS = ['pages', 'search', 'assets'] as const;
export type RuntimeCacheKind = (typeof RUNTIME_CACHE_KINDS)[number];

const RUNTIME_CACHE = /^papershelf-(pages|search|assets)-([0-9a-f]+)-(.+)$/;

export function precacheName(scope: string): string {
  return `papershelf-precache-${scope}`;
}

export function runtimeCacheName(kind: RuntimeCacheKind, build: string, scope: string): string {
  if (!/^[0-9a-f]+$/.test(build)) throw new Error(`build id must be lowercase hex, got ${JSON.stringify(build)}`);
  return `papershelf-${kind}-${build}-${scope}`;
}

interface RuntimeCache {
  kind: RuntimeCacheKind;
  build: string;
}

function parseRuntimeCacheName(name: string, scope: string): RuntimeCache | undefined {
  const match = RUNTIME_CACHE.exec(name);
  if (!match || match[3] !== scope) return undefined;
  return { kind: match[1] as RuntimeCacheKind, build: match[2] as string };
}

/** Runtime caches of this site left by other builds: they go when a new worker activates. */
export function outdatedRuntimeCaches(names: readonly string[], build: string, scope: string): string[] {
  return names.filter((name) => {
    const cache = parseRuntimeCacheName(name, scope);
    return cache !== undefined && cache.build !== build;
  });
}

/** This site's page caches of other builds, whose pages a new worker fetches again. */
export function outdatedPageCaches(names: readonly string[], build: string, scope: string): string[] {
  return outdatedRuntimeCaches(names, build, scope).filter((name) => parseRuntimeCacheName(name, scope)?.kind === 'pages');
}
