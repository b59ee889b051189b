import type { PrecacheEntry } from 'workbox-precaching';

/** What the service-worker step (src/build/service-worker.ts) bakes into `sw.js` for one build. */
export interface ServiceWorkerConfig {
  /** Build id (see src/lib/offline/build-id.ts); names the runtime caches. */
  build: string;
  /** App shell and, within budget, the search index: revisioned URLs under the base path. */
  precache: PrecacheEntry[];
  /** Folder of Astro's hashed CSS/JS/fonts/images, relative to the site root, e.g. `_astro/`. */
  assetsDir: string;
  /** Folder of the Pagefind bundle, relative to the site root, e.g. `pagefind/`. */
  searchDir: string;
}

/** The message a page posts to a waiting worker when the reader chooses to load the new version. */
export const SKIP_WAITING = 'SKIP_WAITING';
