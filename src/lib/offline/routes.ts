/**
 * URLs of the offline machinery, relative to the site root like `routes` in ../urls.ts (use them with
 * `withBase`). Kept next to the service worker code because the worker, its build step and the pages
 * must agree on every one of them.
 */
export const offlineRoutes = {
  offline: () => 'offline/',
  serviceWorker: () => 'sw.js',
  webManifest: () => 'manifest.webmanifest',
  /** What this build caches for offline use (see OfflineStatus); precached with the app shell. */
  status: () => 'offline.json',
  icon: (file: string) => `icons/${file}`,
};
