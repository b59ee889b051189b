/**
 * Tells the reader when offline results may miss papers: the build left a large index to be cached
 * as searches use it (offline.json says `on-use`) and the network is off, so only chunks earlier
 * searches downloaded can answer.
 */
import { type OfflineStatus, parseOfflineStatus, searchMayBePartial } from '../lib/offline/offline-status.ts';
import { offlineRoutes } from '../lib/offline/routes.ts';
import { withBase } from '../lib/site/urls.ts';

export const PARTIAL_RESULTS_NOTICE = "You're offline: results only cover the parts of the index earlier searches downloaded, so some papers may be missing.";

/** Without a service worker or with the network off and nothing cached, nothing is known to be missing. */
async function fetchOfflineStatus(): Promise<OfflineStatus | undefined> {
  try {
    const response = await fetch(withBase(offlineRoutes.status()));
    return response.ok ? parseOfflineStatus(await response.json()) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Keeps the notice in `region` (a live region that stays in the page, so screen readers announce
 * the notice when it appears) in step with the connection.
 */
export function watchPartialResults(region: HTMLElement): void {
  let status: OfflineStatus | undefined;
  const notice = document.createElement('p');
  notice.className = 'search-offline';
  notice.textContent = PARTIAL_RESULTS_NOTICE;
  const sync = () => {
    const partial = searchMayBePartial(status, navigator.onLine);
    if (partial && !notice.isConnected) region.append(notice);
    else if (!partial) notice.remove();
  };
  window.addEventListener('online', sync);
  window.addEventListener('offline', sync);
  void fetchOfflineStatus().then((fetched) => {
    status = fetched;
    sync();
  });
}
