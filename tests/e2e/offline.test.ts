/**
 * The offline promise, in headless Chromium against the fixture build served Pages-style under
 * /papershelf/: after one online visit, visited pages and search over the whole catalog work with the
 * network off, unvisited pages show the offline page, and a new deployment replaces the cache
 * without ever serving an old page next to the new shell.
 */
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runtimeCacheName } from '../../src/lib/offline/cache-names.ts';
import { parseOfflineStatus } from '../../src/lib/offline/offline-status.ts';
import { offlineRoutes } from '../../src/lib/offline/routes.ts';
import { routes } from '../../src/lib/site/urls.ts';
import { PARTIAL_RESULTS_NOTICE } from '../../src/scripts/search-offline.ts';
import { launchChromium } from './browser.ts';
import { FIXTURE_BASE, FIXTURE_DIST } from './fixture-site.ts';
import { type StaticServer, serveDist } from './serve.ts';

const PAPERS_FOLDER = posix.dirname(routes.paper('slug'));
const papers = readdirSync(join(FIXTURE_DIST, PAPERS_FOLDER)).sort();
const [paperA, paperB, unvisited] = [papers[0], papers[1], papers[papers.length - 1]] as [string, string, string];

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser.close());

async function untilControlled(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (navigator.serviceWorker.controller) return;
    await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
  });
}

/** A fresh browser profile on the home page, once the service worker controls it. */
async function onControlledHome(home: string, body: (page: Page, context: BrowserContext) => Promise<void>): Promise<void> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(home);
    await untilControlled(page);
    await body(page, context);
  } finally {
    await context.close();
  }
}

/** Names of Cache Storage caches with the page URLs each holds (precache revision params and all). */
function cacheContents(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(async () => {
    const contents: Record<string, string[]> = {};
    for (const name of await caches.keys()) contents[name] = (await (await caches.open(name)).keys()).map((request) => request.url);
    return contents;
  });
}

/** A private copy of the fixture build, served Pages-style, that a test may change (redeploy, re-plan). */
function servedCopy(): { dist: () => string; url: (path: string) => string } {
  let dist = '';
  let server: StaticServer;
  beforeAll(async () => {
    dist = join(mkdtempSync(join(tmpdir(), 'papershelf-offline-')), 'dist');
    cpSync(FIXTURE_DIST, dist, { recursive: true });
    server = await serveDist(dist, FIXTURE_BASE);
  });
  afterAll(async () => {
    await server.close();
    rmSync(join(dist, '..'), { recursive: true, force: true });
  });
  return { dist: () => dist, url: (path) => `${server.url}${path}` };
}

/** The search page's notice that offline results may miss papers. */
const partialResultsNotice = (page: Page) => page.getByRole('status').filter({ hasText: PARTIAL_RESULTS_NOTICE });

function readStatus(dist: string) {
  const status = parseOfflineStatus(JSON.parse(readFileSync(join(dist, offlineRoutes.status()), 'utf8')));
  if (!status) throw new Error('offline.json is not a valid status');
  return status;
}

describe('offline', () => {
  let server: StaticServer;
  beforeAll(async () => {
    server = await serveDist(FIXTURE_DIST, FIXTURE_BASE);
  });
  afterAll(() => server.close());
  const url = (path: string) => `${server.url}${path}`;

  test('after one online visit: visited pages, search over the whole catalog, and the offline page for the rest', async () => {
    expect(readStatus(FIXTURE_DIST).search.mode).toBe('precached');
    await onControlledHome(url(routes.home()), async (page, context) => {
      // Chromium's own verdict on the manifest, its icons and the worker; browser contexts count as incognito.
      const devtools = await context.newCDPSession(page);
      expect((await devtools.send('Page.getAppManifest')).errors).toEqual([]);
      const { installabilityErrors } = await devtools.send('Page.getInstallabilityErrors');
      expect(installabilityErrors.filter(({ errorId }) => errorId !== 'in-incognito')).toEqual([]);

      await page.goto(url(routes.paper(paperA)));
      const titleA = await page.title();
      await page.goto(url(routes.paper(paperB)));
      const titleB = await page.title();
      // Fetched outside the browser, so the page stays unvisited as far as the service worker knows.
      const unvisitedHtml = await (await context.request.get(url(routes.paper(unvisited)))).text();

      await context.setOffline(true);
      expect(
        await page.evaluate(
          async (path) =>
            fetch(path).then(
              () => 'fetched',
              () => 'failed',
            ),
          `${FIXTURE_BASE}sitemap-index.xml`,
        ),
      ).toBe('failed');

      await page.goto(url(routes.paper(paperA)));
      await page.reload();
      expect(await page.title()).toBe(titleA);
      await expect.poll(() => page.locator('h1').first().innerText()).not.toBe('You are offline');

      await page.goto(url(routes.paper(paperB)));
      expect(await page.title()).toBe(titleB);

      await page.goto(url(routes.home()));
      expect(await page.locator('main a').count()).toBeGreaterThan(0);

      // Words from the title of a paper never opened: only the precached index can find it.
      const title = /<meta property="og:title" content="([^"]+)"/.exec(unvisitedHtml)?.[1] ?? '';
      const words = title
        .split(/\W+/)
        .sort((a, b) => b.length - a.length)
        .slice(0, 3);
      expect(words.join('').length).toBeGreaterThan(10);
      await page.goto(`${url(routes.search())}?q=${encodeURIComponent(words.join(' '))}`);
      await expect.poll(() => page.locator(`main a[href$="/${routes.paper(unvisited)}"]`).count(), { timeout: 15_000 }).toBeGreaterThan(0);
      // The whole index is on the device, so nothing is missing and the page does not say otherwise.
      expect(await partialResultsNotice(page).count()).toBe(0);

      await page.goto(url(routes.paper(unvisited)));
      await expect.poll(() => page.locator('h1').first().innerText()).toBe('You are offline');
      const saved = page.locator('#offline-pages');
      await expect.poll(() => saved.locator(`a[href$="/${routes.paper(paperA)}"]`).count()).toBe(1);
      expect(await saved.locator(`a[href$="/${routes.paper(paperB)}"]`).count()).toBe(1);
      expect(await saved.locator(`a[href$="/${routes.paper(unvisited)}"]`).count()).toBe(0);
      expect(await page.locator('#offline-search').innerText()).toContain('whole catalog');
    });
  });
});

describe('a new deployment', () => {
  const NEW_BUILD = '0123456789abcdef';
  const MARKER = '<p data-deployment="second">Second deployment</p>';
  const { dist: distDir, url } = servedCopy();

  /** What a redeploy changes for this test: one page's content, and the build id in sw.js and offline.json. */
  function deploySecondBuild(): string {
    const dist = distDir();
    const oldBuild = readStatus(dist).build;
    const paperFile = join(dist, routes.paper(paperA), 'index.html');
    writeFileSync(paperFile, readFileSync(paperFile, 'utf8').replace('</main>', `${MARKER}</main>`));
    for (const file of [offlineRoutes.serviceWorker(), offlineRoutes.status()]) {
      const text = readFileSync(join(dist, file), 'utf8');
      expect(text).toContain(oldBuild);
      writeFileSync(join(dist, file), text.replaceAll(oldBuild, NEW_BUILD));
    }
    return oldBuild;
  }

  test('replaces every cached page with its new version and never serves old and new together', async () => {
    await onControlledHome(url(routes.home()), async (page, context) => {
      await page.goto(url(routes.paper(paperA)));
      const oldBuild = deploySecondBuild();
      const scope = url('');

      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
      const notice = page.locator('.sw-update');
      await notice.waitFor({ state: 'visible', timeout: 30_000 });

      // The waiting worker already holds the new copy; the active one still serves the old build.
      const waiting = await cacheContents(page);
      expect(waiting[runtimeCacheName('pages', NEW_BUILD, scope)]).toEqual([url(routes.paper(paperA))]);
      await context.setOffline(true);
      await page.goto(url(routes.paper(paperA)));
      expect(await page.locator('[data-deployment]').count()).toBe(0);
      await context.setOffline(false);

      await notice.waitFor({ state: 'visible' });
      await Promise.all([page.waitForEvent('load'), notice.getByRole('button', { name: 'Reload' }).click()]);
      await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller?.state)).toBe('activated');

      const runtime = Object.keys(await cacheContents(page)).filter((name) => !name.startsWith('papershelf-precache-'));
      expect(runtime.some((name) => name.includes(oldBuild))).toBe(false);
      expect(runtime).toContain(runtimeCacheName('pages', NEW_BUILD, scope));

      await context.setOffline(true);
      await page.goto(url(routes.paper(paperA)));
      expect(await page.locator('[data-deployment="second"]').count()).toBe(1);
    });
  });
});

describe('a search index over the budget', () => {
  const { dist, url } = servedCopy();

  /**
   * What the service-worker step emits when the Pagefind bundle exceeds the budget: index chunks, fragments
   * and filters left out of the precache, and `on-use` in offline.json.
   */
  function planOverBudget(): void {
    const worker = join(dist(), offlineRoutes.serviceWorker());
    const source = readFileSync(worker, 'utf8');
    const onDemand = /\{url:"[^"]*\/pagefind\/[^"/]+\/(?:index|fragment|filter)\/[^"]*",revision:null\},?/g;
    expect(source.match(onDemand)?.length).toBeGreaterThan(100);
    // A trailing comma may remain where the last entry went; array literals allow it.
    writeFileSync(worker, source.replace(onDemand, ''));
    const status = readStatus(dist());
    writeFileSync(join(dist(), offlineRoutes.status()), JSON.stringify({ ...status, search: { ...status.search, mode: 'on-use' } }));
  }

  test('keeps the chunks a search used, so the same search works offline', async () => {
    planOverBudget();
    const search = `${url(routes.search())}?q=${encodeURIComponent('attention')}`;
    await onControlledHome(url(routes.home()), async (page, context) => {
      const results = page.locator(`main a[href*="/${PAPERS_FOLDER}/"]`);
      await page.goto(search);
      // Every result of the page, not just the first screenful that arrives before the rest.
      await page.locator('[data-search-page][data-rendered]').waitFor({ timeout: 15_000 });
      const online = await results.evaluateAll((links) => links.map((link) => link.getAttribute('href')));
      expect(online.length).toBeGreaterThan(5);

      const cached = Object.entries(await cacheContents(page)).filter(([name]) => name.startsWith('papershelf-search-'));
      expect(cached).toHaveLength(1);
      expect(cached[0]?.[1].some((key) => /\/pagefind\/[^/]+\/index\//.test(key))).toBe(true);

      await context.setOffline(true);
      await page.goto(search);
      await expect.poll(() => results.evaluateAll((links) => links.map((link) => link.getAttribute('href'))), { timeout: 15_000 }).toEqual(online);
    });
  });

  test('the search page says results may be partial while, and only while, the network is off', async () => {
    await onControlledHome(url(routes.home()), async (page, context) => {
      const notice = partialResultsNotice(page);
      await page.goto(url(routes.search()));
      await page.locator('[data-search-page][data-rendered]').waitFor();
      expect(await notice.count()).toBe(0);

      await context.setOffline(true);
      await notice.waitFor();
      await context.setOffline(false);
      await notice.waitFor({ state: 'detached' });

      // Opened with the network already off: the notice comes with the page, from the cached offline.json.
      await context.setOffline(true);
      await page.goto(`${url(routes.search())}?q=${encodeURIComponent('attention')}`);
      await notice.waitFor();
      expect(await notice.isVisible()).toBe(true);
    });
  });
});
