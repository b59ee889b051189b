/**
 * Registers the service worker (production builds only; in dev it removes a worker a preview may
 * have left on the same origin, so dev pages are never served from a stale cache). When a new
 * deployment's worker is waiting, it offers the reader a reload (styled by RegisterServiceWorker.astro;
 * built here, so the markup of a notice most readers never see is not in every page's HTML).
 */
import { offlineRoutes } from '../lib/offline/routes.ts';
import { withBase } from '../lib/site/urls.ts';
import { SKIP_WAITING } from '../service-worker/config.ts';

const scope = withBase('');

/** A page loaded before the worker controlled it was not cached; ask the worker to fetch it. */
function cacheThisPageWhenControlled(): void {
  navigator.serviceWorker.addEventListener(
    'controllerchange',
    () => navigator.serviceWorker.controller?.postMessage({ type: 'CACHE_URLS', payload: { urlsToCache: [location.origin + location.pathname] } }),
    { once: true },
  );
}

function offerUpdate(worker: ServiceWorker): void {
  if (document.querySelector('.sw-update')) return;
  const notice = document.createElement('div');
  notice.className = 'sw-update';
  notice.setAttribute('role', 'status');
  const text = document.createElement('p');
  text.textContent = 'A new version of the catalog is ready.';
  const reload = document.createElement('button');
  reload.type = 'button';
  reload.textContent = 'Reload';
  reload.addEventListener('click', () => worker.postMessage({ type: SKIP_WAITING }));
  notice.append(text, reload);
  document.body.append(notice);
}

async function registerServiceWorker(): Promise<void> {
  // MODE, not DEV: DEV follows NODE_ENV, which test runners set to `test` even for `astro build`.
  if (import.meta.env.MODE === 'development') {
    await (await navigator.serviceWorker.getRegistration(scope))?.unregister();
    return;
  }
  const controlled = navigator.serviceWorker.controller !== null;
  // A new build taking over must not serve this tab's old page its assets: every tab reloads.
  if (controlled) navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), { once: true });
  else cacheThisPageWhenControlled();
  const registration = await navigator.serviceWorker.register(withBase(offlineRoutes.serviceWorker()), { scope });
  if (controlled && registration.waiting) offerUpdate(registration.waiting);
  registration.addEventListener('updatefound', () => {
    const worker = registration.installing;
    worker?.addEventListener('statechange', () => {
      // Without a controller this is the first install, not an update: nothing to reload.
      if (worker.state === 'installed' && navigator.serviceWorker.controller) offerUpdate(worker);
    });
  });
}

// After load, so installing (and precaching) never competes with the page itself.
if ('serviceWorker' in navigator) {
  if (document.readyState === 'complete') void registerServiceWorker();
  else window.addEventListener('load', () => void registerServiceWorker(), { once: true });
}
