/**
 * Search latency as a reader feels it: the built site served the way GitHub Pages serves it, its
 * search page opened in headless Chromium, queries typed into its search box, and the time from the
 * input event to the first paint of new results measured inside the page.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page, Request } from 'playwright-core';
import type { SearchResult, Skipped } from './lib/result.ts';
import { median, quantile } from './lib/stats.ts';
import { routes } from '../../src/lib/site/urls.ts';
import { launchChromium } from '../../tests/e2e/browser.ts';
import { serveDist } from '../../tests/e2e/serve.ts';

/** The catalog's own search box first, then any search field on the page. */
const INPUTS = ['main input[type="search"]', 'main input[type="text"]', '.pagefind-ui__search-input', 'input[type="search"]'];
const RESULT_TIMEOUT_MS = 15_000;
/** The biggest downloads up to the first results, kept in the result to show where the bytes go. */
const LARGEST_FETCHES = 12;

/**
 * Runs in the page (kept as plain JavaScript text: a transpiled function may reference helpers the
 * page does not have). Sets `window.benchResult` to the milliseconds from the next input event to
 * the frame that shows a different, non-empty set of visible paper links outside header, nav and
 * footer, with the wall-clock time of that frame, or null after the timeout.
 */
const WATCH_RESULTS = `(timeoutMs) => {
  const signature = () =>
    [...document.querySelectorAll('a[href]')]
      .filter((a) => /\\/papers\\/[^/]+\\/?$/.test(new URL(a.href).pathname) && !a.closest('header, nav, footer') && a.getClientRects().length > 0)
      .map((a) => a.getAttribute('href'))
      .join('\\n');
  const before = signature();
  window.benchResult = new Promise((resolve) => {
    let typedAt;
    let settled = false;
    const finish = (value) => {
      if (settled) return;
      settled = true;
      observer.disconnect();
      clearTimeout(timer);
      resolve(value);
    };
    const check = () => {
      const now = signature();
      if (typedAt === undefined || now === '' || now === before) return;
      const start = typedAt;
      requestAnimationFrame(() => {
        const now = performance.now();
        finish({ ms: now - start, paintedAt: performance.timeOrigin + now });
      });
    };
    document.addEventListener('input', () => { typedAt ??= performance.now(); }, { capture: true, once: true });
    const observer = new MutationObserver(check);
    observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    const timer = setTimeout(() => finish(null), timeoutMs);
  });
}`;

interface Fetched {
  path: string;
  bytes: number;
  /** Wall-clock milliseconds when its last byte arrived. */
  finishedAt: number;
}

/** Counts what the browser fetched, as Pages would send it: text gzipped, binary as is. */
class Traffic {
  bytes = 0;
  /** Every response so far. */
  readonly fetched: Fetched[] = [];
  private inFlight = 0;
  private lastActivity = Date.now();
  private pending: Promise<void>[] = [];

  constructor(page: Page) {
    page.on('request', () => {
      this.inFlight += 1;
      this.lastActivity = Date.now();
    });
    page.on('requestfailed', () => this.settle());
    page.on('requestfinished', (request) => {
      this.pending.push(this.count(request));
      this.settle();
    });
  }

  private settle(): void {
    this.inFlight -= 1;
    this.lastActivity = Date.now();
  }

  private async count(request: Request): Promise<void> {
    const response = await request.response();
    if (!response) return;
    const body = await response.body().catch(() => Buffer.alloc(0));
    const type = response.headers()['content-type'] ?? '';
    const bytes = /text|javascript|json|xml|svg|wasm/i.test(type) ? gzipSync(body).length : body.length;
    const { startTime, responseEnd } = request.timing();
    this.bytes += bytes;
    this.fetched.push({ path: new URL(request.url()).pathname, bytes, finishedAt: startTime + Math.max(responseEnd, 0) });
  }

  /** What had arrived by wall-clock time `at`. */
  before(at: number): Fetched[] {
    return this.fetched.filter((fetch) => fetch.finishedAt <= at);
  }

  /** Waits until nothing has been fetched for `quietMs`, then returns the bytes so far. */
  async idle(quietMs = 500, timeoutMs = 30_000): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline && (this.inFlight > 0 || Date.now() - this.lastActivity < quietMs)) {
      await new Promise((done) => setTimeout(done, 50));
    }
    await Promise.all(this.pending);
    return this.bytes;
  }
}

async function findInput(page: Page): Promise<string | undefined> {
  for (const selector of INPUTS) {
    const input = page.locator(selector).first();
    if ((await input.count()) > 0 && (await input.isVisible())) return selector;
  }
  return undefined;
}

export async function measureSearch(dist: string, base: string, queries: readonly string[]): Promise<SearchResult | Skipped> {
  if (!existsSync(join(dist, routes.search(), 'index.html'))) return { skipped: `the site has no ${routes.search()} page yet` };
  const server = await serveDist(dist, base);
  const browser = await launchChromium();
  try {
    // A service worker would precache in the background; this measures search alone.
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    const traffic = new Traffic(page);
    await page.goto(`${server.url}${routes.search()}`, { waitUntil: 'load' });
    const pageBytes = await traffic.idle();
    const input = await findInput(page);
    if (!input) return { skipped: `no visible search box on ${routes.search()} (tried ${INPUTS.join(', ')})` };
    const timings: SearchResult['queries'] = [];
    let firstQueryFetches: Fetched[] = [];
    let indexCompleteBytes = 0;
    for (const query of queries) {
      await page.evaluate(`(${WATCH_RESULTS})(${RESULT_TIMEOUT_MS})`);
      await page.locator(input).first().fill(query);
      const shown = (await page.evaluate('window.benchResult')) as { ms: number; paintedAt: number } | null;
      timings.push({ query, ms: shown?.ms ?? null });
      const bytes = await traffic.idle();
      if (timings.length === 1) {
        // A sharded index shows the newest shard's results first and fetches the others after them.
        firstQueryFetches = shown ? traffic.before(shown.paintedAt) : [...traffic.fetched];
        indexCompleteBytes = bytes;
      }
    }
    const firstQueryBytes = firstQueryFetches.reduce((sum, fetch) => sum + fetch.bytes, 0);
    const measured = timings.flatMap((t) => (t.ms === null ? [] : [t.ms]));
    if (measured.length === 0) return { skipped: `no query showed results on ${routes.search()} within ${RESULT_TIMEOUT_MS / 1000} s` };
    return {
      page: routes.search(),
      input,
      queries: timings,
      medianMs: median(measured),
      p95Ms: quantile(measured, 0.95),
      firstQueryBytes,
      pageBytes,
      indexCompleteBytes,
      laterQueriesBytes: traffic.bytes - indexCompleteBytes,
      largestFetches: firstQueryFetches
        .map(({ path, bytes }) => ({ path, bytes }))
        .sort((a, b) => b.bytes - a.bytes || (a.path < b.path ? -1 : 1))
        .slice(0, LARGEST_FETCHES),
    };
  } finally {
    await browser.close();
    await server.close();
  }
}
