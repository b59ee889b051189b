/**
 * The search page in headless Chromium, on the fixture build served under /papershelf/ the way
 * GitHub Pages serves it: typing, facets and their counts, sorting, the URL as state (reload, Back),
 * incremental results, the `/` shortcut, the no-JavaScript fallback and hostile content.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page, Route } from 'playwright-core';
import { afterEach, beforeEach, expect, test } from 'vitest';
import type { CatalogFile } from '../../src/lib/catalog/catalog-file.ts';
import { dateSortKey, firstListedDay } from '../../src/lib/search/search-record.ts';
import { SHARD_MANIFEST, type ShardManifest, newestShard } from '../../src/lib/search/search-shards.ts';
import { routes } from '../../src/lib/site/urls.ts';
import { FIXTURE_BASE, FIXTURE_DIST } from './fixture-site.ts';
import { useSite } from './site-fixture.ts';

const TOPIC = { slug: 'in-context-learning', name: 'In-context learning' };

const site = useSite();
let context: BrowserContext;
let page: Page;
let problems: string[];

beforeEach(async () => {
  context = await site.browser.newContext();
  page = await context.newPage();
  problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()} ${message.location().url}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
});
afterEach(async () => {
  await context.close();
  expect(problems, 'console errors, warnings, page errors or dialogs').toEqual([]);
});

const searchUrl = (query = '') => site.url(`search/${query}`);

/** Waits until the page shows the results of exactly this URL state (`?q=…`), as search-page.ts records it. */
async function rendered(state: string): Promise<void> {
  await page.locator(`[data-search-page][data-rendered="${state.replaceAll('"', '\\"')}"]`).waitFor();
}

const status = () => page.locator('[data-search-status]').innerText();
const titles = () => page.locator('.search-result__title').allInnerTexts();
const countIn = (text: string) => Number(/^([\d,]+) papers?/.exec(text)?.[1]?.replaceAll(',', '') ?? NaN);

/**
 * Opens the filters (closed unless a link carries filters) and waits for this state's counts. The
 * `toggle` event that starts the counting is dispatched after the click returns, and until then the
 * page still marks the state as rendered: so it waits for that event first.
 */
async function openFilters(state: string): Promise<void> {
  const filters = page.locator('[data-search-filters]');
  if (!(await filters.evaluate((details: HTMLDetailsElement) => details.open))) {
    type Waiting = typeof globalThis & { filtersToggled?: Promise<void> };
    // Listening before the click, so the event cannot come first.
    await filters.evaluate((details: HTMLDetailsElement) => {
      (globalThis as Waiting).filtersToggled = new Promise<void>((resolve) => details.addEventListener('toggle', () => resolve(), { once: true }));
    });
    await filters.locator('summary').click();
    await page.evaluate(() => (globalThis as Waiting).filtersToggled);
  }
  await rendered(state);
}

async function facetOption(name: string) {
  const option = page.locator('.search-facet label').filter({ has: page.locator('.search-facet__label', { hasText: new RegExp(`^${name}$`) }) });
  return { box: option.locator('input'), count: Number(await option.locator('.search-facet__count').innerText()) };
}

/** Clicks "Show more" until every result is on the page. */
async function showAll(): Promise<void> {
  const more = page.locator('[data-search-more]');
  while (await more.isVisible()) {
    const before = await page.locator('.search-result').count();
    await more.click();
    await page.waitForFunction((n) => document.querySelectorAll('.search-result').length > n, before);
  }
}

test('typing a query shows the expected results and puts the query in the URL', async () => {
  await page.goto(searchUrl());
  await rendered('');
  expect(await status()).toMatch(/^Search [\d,]+ papers/);
  await page.getByLabel('Search papers by title, abstract or topic').pressSequentially('hypernet', { delay: 30 });
  await rendered('?q=hypernet');
  expect(new URL(page.url()).search).toBe('?q=hypernet');
  expect((await titles()).slice(0, 3)).toContain('A Brief Review of Hypernetworks in Deep Learning');
  expect(await page.locator('.search-result mark').first().innerText()).toMatch(/^hypernet/i);
  const link = page.getByRole('link', { name: 'A Brief Review of Hypernetworks in Deep Learning' });
  expect(await link.getAttribute('href')).toBe(`${FIXTURE_BASE}papers/a-brief-review-of-hypernetworks-in-deep-learning/`);
  expect(await page.title()).toMatch(/^hypernet – Search/);
});

test('a topic filter narrows the results to exactly the count it showed', async () => {
  await page.goto(searchUrl('?q=learning'));
  await rendered('?q=learning');
  await openFilters('?q=learning');
  const everything = countIn(await status());
  const topicCounts = () =>
    page
      .locator('[data-facet="topic"] label')
      .evaluateAll((labels) => Object.fromEntries(labels.map((l) => [l.querySelector('.search-facet__label')?.textContent, l.querySelector('.search-facet__count')?.textContent])));
  const before = await topicCounts();
  const topic = await facetOption(TOPIC.name);
  expect(topic.count).toBeGreaterThan(1);
  expect(topic.count).toBeLessThan(everything);
  await topic.box.check();
  await rendered(`?q=learning&topic=${TOPIC.slug}`);
  expect(countIn(await status())).toBe(topic.count);
  await showAll();
  expect(await page.locator('.search-result').count()).toBe(topic.count);
  for (const topics of await page.locator('.search-result').evaluateAll((items) => items.map((item) => item.querySelector('.search-result__topics')?.textContent ?? ''))) {
    expect(topics).toContain(TOPIC.name);
  }
  expect(await (await facetOption(TOPIC.name)).box.isChecked()).toBe(true);
  // Values of one facet are OR-ed, so the other topics' counts still say what ticking them would add.
  expect(await topicCounts()).toEqual(before);
  // Other facets count within the ticked topic: their years add up to it.
  const years = await page.locator('[data-facet="year"] .search-facet__count').allInnerTexts();
  expect(years.map(Number).reduce((sum, n) => sum + n, 0)).toBe(topic.count);
});

test('results come before facet counts: no filter data is fetched until the filters are opened', async () => {
  const filterFetches: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('.pf_filter')) filterFetches.push(new URL(request.url()).pathname);
  });
  // An empty search shows the catalog-wide counts the build wrote into the page.
  await page.goto(searchUrl());
  await rendered('');
  await openFilters('');
  const upvoteCounts = await page.locator('[data-facet="has-upvotes"] .search-facet__count').allInnerTexts();
  expect(upvoteCounts.map((n) => Number(n.replaceAll(',', ''))).reduce((sum, n) => sum + n, 0)).toBe(countIn((await status()).replace(/^Search /, '')));
  await page.locator('[data-search-filters] summary').click();

  const box = page.getByLabel('Search papers by title, abstract or topic');
  await box.fill('learning');
  await rendered('?q=learning');
  expect(await page.locator('.search-result').count()).toBe(20);
  expect(filterFetches).toEqual([]);

  // Opening the filters counts within this query's results: the years partition them.
  await openFilters('?q=learning');
  expect(filterFetches.length).toBeGreaterThan(0);
  // Counting runs in a Pagefind worker of its own, never in front of the next query's results (the
  // newest shard alone, which answered first, and every shard being the other two).
  expect(page.workers().filter((worker) => worker.url().endsWith('/pagefind-worker.js'))).toHaveLength(3);
  expect(await page.locator('[data-search-facets]').getAttribute('aria-busy')).toBeNull();
  const years = await page.locator('[data-facet="year"] .search-facet__count').allInnerTexts();
  expect(years.map((n) => Number(n.replaceAll(',', ''))).reduce((sum, n) => sum + n, 0)).toBe(countIn(await status()));

  // With the filters open, a new query's counts follow its results.
  await box.fill('hypernetworks');
  await rendered('?q=hypernetworks');
  const narrower = await page.locator('[data-facet="year"] .search-facet__count').allInnerTexts();
  expect(narrower.map(Number).reduce((sum, n) => sum + n, 0)).toBe(countIn(await status()));
});

test('sorting by upvotes orders the results by upvotes', async () => {
  await page.goto(searchUrl('?q=reasoning'));
  await rendered('?q=reasoning');
  await page.getByLabel('Sort by').selectOption('upvotes');
  await rendered('?q=reasoning&sort=upvotes');
  await showAll();
  const upvotes = await page.locator('.search-result').evaluateAll((items) => items.map((item) => Number(item.querySelector('[data-upvotes]')?.getAttribute('data-upvotes') ?? 0)));
  expect(upvotes.length).toBe(countIn(await status()));
  expect(upvotes[0]).toBeGreaterThan(0);
  expect(upvotes).toEqual([...upvotes].sort((a, b) => b - a));
});

test('the URL carries the state: reload restores it and Back steps through it', async () => {
  await page.goto(searchUrl('?q=in-context'));
  await rendered('?q=in-context');
  await openFilters('?q=in-context');
  const unfiltered = await titles();
  await (await facetOption(TOPIC.name)).box.check();
  const filteredState = `?q=in-context&topic=${TOPIC.slug}`;
  await rendered(filteredState);
  await page.getByLabel('Sort by').selectOption('newest');
  const sortedState = `${filteredState}&sort=newest`;
  await rendered(sortedState);
  const sorted = await titles();

  await page.reload();
  await rendered(sortedState);
  expect(await page.getByLabel('Search papers by title, abstract or topic').inputValue()).toBe('in-context');
  expect(await page.getByLabel('Sort by').inputValue()).toBe('newest');
  expect(await (await facetOption(TOPIC.name)).box.isChecked()).toBe(true);
  expect(await titles()).toEqual(sorted);

  await page.goBack();
  await rendered(filteredState);
  expect(await page.getByLabel('Sort by').inputValue()).toBe('relevance');
  await page.goBack();
  await rendered('?q=in-context');
  expect(await (await facetOption(TOPIC.name)).box.isChecked()).toBe(false);
  expect(await titles()).toEqual(unfiltered);
  await page.goForward();
  await rendered(filteredState);

  // A shared link opens straight into the same results.
  const shared = await context.newPage();
  await shared.goto(searchUrl(sortedState));
  await shared.locator(`[data-rendered="${sortedState}"]`).waitFor();
  expect(await shared.locator('.search-result__title').allInnerTexts()).toEqual(sorted);
});

test('a burst of typing makes one history entry, and a filter-only link lists newest first', async () => {
  await page.goto(searchUrl());
  await rendered('');
  const box = page.getByLabel('Search papers by title, abstract or topic');
  await box.pressSequentially('grok', { delay: 300 });
  await rendered('?q=grok');
  await page.goBack();
  await rendered('');
  expect(await box.inputValue()).toBe('');

  await page.goto(searchUrl(`?topic=${TOPIC.slug}`));
  await rendered(`?topic=${TOPIC.slug}`);
  await showAll();
  const dates = await page.locator('.search-result time').evaluateAll((times) => times.map((t) => t.getAttribute('datetime') ?? ''));
  expect(dates.length).toBeGreaterThan(1);
  expect(dates).toEqual([...dates].sort().reverse());
});

test('results arrive a page at a time and "Show more" moves focus to the first new one', async () => {
  await page.goto(searchUrl('?q=neural'));
  await rendered('?q=neural');
  const total = countIn(await status());
  expect(total).toBeGreaterThan(40);
  expect(await page.locator('.search-result').count()).toBe(20);
  await page.getByRole('button', { name: /^Show 20 more/ }).click();
  await page.waitForFunction(() => document.querySelectorAll('.search-result').length === 40);
  expect(await page.evaluate(() => document.activeElement?.closest('.search-result') === document.querySelectorAll('.search-result')[20])).toBe(true);
});

test('"/" focuses the search box from a paper page, and the header form leads to results', async () => {
  await page.goto(site.url('papers/wasserstein-gan/'));
  await page.keyboard.press('/');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search');
  // Typing "/" inside a field types it instead of jumping.
  await page.keyboard.type('gan/');
  expect(await page.locator('#site-search').inputValue()).toBe('gan/');
  await page.locator('#site-search').fill('wasserstein');
  await page.keyboard.press('Enter');
  await rendered('?q=wasserstein');
  expect(await titles()).toContain('Wasserstein GAN');
  // On the search page the shortcut goes to the page's own box.
  await page.locator('h1').click();
  await page.keyboard.press('/');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-query');
});

test('without JavaScript the page says search needs it and links to topics and the archive', async () => {
  const noJs = await site.browser.newContext({ javaScriptEnabled: false });
  try {
    const plain = await noJs.newPage();
    await plain.goto(searchUrl('?q=lora'));
    expect(await plain.locator('main').innerText()).toMatch(/needs JavaScript/);
    expect(await plain.getByRole('link', { name: 'by topic' }).getAttribute('href')).toBe(`${FIXTURE_BASE}topics/`);
    expect(await plain.getByRole('link', { name: 'the archive' }).getAttribute('href')).toBe(`${FIXTURE_BASE}archive/`);
    expect(await plain.locator('[data-search-ui]').isVisible()).toBe(false);
  } finally {
    await noJs.close();
  }
});

/** What Chromium's layout-shift entries carry (not in TypeScript's DOM library). */
type LayoutShift = PerformanceEntry & { value: number; sources: { node: Node | null }[] };

/** Collects every layout shift of `visit`'s documents from their start; read them with `layoutShifts`. */
async function recordLayoutShifts(visit: Page): Promise<void> {
  await visit.addInitScript(() => {
    const shifts: string[] = [];
    Object.assign(window, { shifts });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as LayoutShift[]) {
        shifts.push(`${entry.value.toFixed(4)} ${entry.sources.map((source) => source.node?.nodeName).join(' ')}`);
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

const layoutShifts = (visit: Page) => visit.evaluate(() => (window as unknown as { shifts: string[] }).shifts);

test('results, filters and web fonts arrive without moving anything on screen, on a phone and a desktop', async () => {
  for (const viewport of [
    { width: 412, height: 823 },
    { width: 1350, height: 940 },
  ]) {
    for (const state of ['', '?q=attention', '?q=zzzzqqq&year=2024']) {
      const fresh = await site.browser.newContext({ viewport });
      try {
        const visit = await fresh.newPage();
        await recordLayoutShifts(visit);
        await visit.goto(searchUrl(state));
        await visit.locator(`[data-search-page][data-rendered="${state}"]`).waitFor();
        await visit.evaluate(() => document.fonts.ready);
        expect(await layoutShifts(visit), `${viewport.width}px ${state || 'empty'}`).toEqual([]);
      } finally {
        await fresh.close();
      }
    }
  }
});

test("an excerpt starts where the abstract does, not by repeating its result's title", async () => {
  await page.goto(searchUrl('?q=attention'));
  await rendered('?q=attention');
  const results = await page.locator('.search-result').evaluateAll((items) =>
    items.map((item) => ({
      title: item.querySelector('.search-result__title')?.textContent?.trim() ?? '',
      excerpt: item.querySelector('.search-result__excerpt')?.textContent ?? '',
    })),
  );
  expect(results.length).toBeGreaterThan(5);
  // Pagefind's text of a paper page begins with its title, and "attention" is in many titles.
  expect(results.filter(({ title }) => /attention/i.test(title)).length).toBeGreaterThan(2);
  for (const { title, excerpt } of results) {
    const lastWords = title.split(/\s+/).slice(-2).join(' ');
    expect(excerpt.startsWith(title), title).toBe(false);
    expect(excerpt.startsWith(`${lastWords}.`) || excerpt.startsWith(`${lastWords} `), title).toBe(false);
  }
});

const MANIFEST = JSON.parse(readFileSync(join(FIXTURE_DIST, 'pagefind', SHARD_MANIFEST), 'utf8')) as ShardManifest;
const [NEWEST, ...OLDER] = MANIFEST.shards;
const NEWEST_SINCE = newestShard(MANIFEST)?.since;
/** Requests for a shard's files other than the newest's (which also holds Pagefind's script and WebAssembly). */
const OLDER_SHARD = new RegExp(`/pagefind/(?:${OLDER.map((shard) => shard.name).join('|')})/`);

/** Paper paths of the newest shard: papers first listed in or after its first month. */
function newestShardPaths(): Set<string> {
  const catalog = JSON.parse(readFileSync(join(FIXTURE_DIST, 'papers.json'), 'utf8')) as CatalogFile;
  const since = Number(dateSortKey(`${NEWEST!.name}-01`));
  return new Set(catalog.papers.filter((paper) => firstListedDay(paper, catalog) >= since).map((paper) => `${FIXTURE_BASE}${routes.paper(paper.slug)}`));
}

test('with several shards the newest answers first, says so, and every shard follows', async () => {
  expect(OLDER.length, 'the fixture index is in several shards').toBeGreaterThan(0);
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(OLDER_SHARD, async (route: Route) => {
    await held;
    await route.continue();
  });
  await page.goto(searchUrl());
  await rendered('');
  await page.getByLabel('Search papers by title, abstract or topic').fill('learning');
  await page.getByText(`among the ${NEWEST!.pages} papers listed since ${NEWEST_SINCE}. Searching the rest of the archive…`).waitFor();
  const partial = countIn(await status());
  const newest = newestShardPaths();
  const hrefs = await page.locator('.search-result__title a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  expect(hrefs.length).toBeGreaterThan(0);
  expect(hrefs.filter((href) => !newest.has(href ?? ''))).toEqual([]);
  expect(await page.locator('[data-search-page]').getAttribute('data-rendered'), 'partial results are not the rendered state').toBeNull();

  release();
  await rendered('?q=learning');
  expect(await status()).toMatch(/^[\d,]+ papers for “learning”\.$/);
  expect(countIn(await status())).toBeGreaterThan(partial);
  // The first page may hold the newest shard's papers alone, ranked as one index would rank them: show every result.
  const total = countIn(await status());
  const shown = page.locator('.search-result');
  for (let count = await shown.count(); count < total; count = await shown.count()) {
    await page.locator('[data-search-more]').click();
    await expect.poll(() => shown.count()).toBeGreaterThan(count);
  }
  const all = await page.locator('.search-result__title a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  expect(all).toHaveLength(total);
  expect(
    all.some((href) => !newest.has(href ?? '')),
    'older papers among the results',
  ).toBe(true);
});

test("on a phone, the newest shard's results give way to every shard's without moving anything", async () => {
  const phone = await site.browser.newContext({ viewport: { width: 412, height: 823 } });
  try {
    const visit = await phone.newPage();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await visit.route(OLDER_SHARD, async (route: Route) => {
      await held;
      await route.continue();
    });
    await recordLayoutShifts(visit);
    await visit.goto(searchUrl('?q=attention'));
    await visit.getByText('Searching the rest of the archive…').waitFor();
    const status = visit.locator('[data-search-status]');
    const partialHeight = await status.evaluate((line) => line.getBoundingClientRect().height);
    release();
    await visit.locator('[data-search-page][data-rendered="?q=attention"]').waitFor();
    await visit.evaluate(() => document.fonts.ready);
    // Only a test if the complete line is shorter than the partial one, which wraps on a phone.
    expect(
      await status.evaluate((line) => {
        const range = document.createRange();
        range.selectNodeContents(line);
        return range.getBoundingClientRect().height;
      }),
    ).toBeLessThan(partialHeight);
    expect(await layoutShifts(visit)).toEqual([]);
  } finally {
    await phone.close();
  }
});

test("when the older shards cannot be loaded, the newest shard's results stay and the reader is told", async () => {
  await page.route(OLDER_SHARD, (route: Route) => route.abort());
  await page.goto(searchUrl('?q=learning'));
  await rendered('?q=learning');
  expect(await status()).toBe(`${countIn(await status())} papers for “learning” among the ${NEWEST!.pages} papers listed since ${NEWEST_SINCE}. The rest of the archive could not be loaded.`);
  expect(await page.locator('.search-result').count()).toBeGreaterThan(0);
  // Pagefind and the page report the failed fetches; nothing else may.
  problems = problems.filter((problem) => !/Failed to load|older shards could not be loaded|ERR_FAILED/.test(problem));
});

test('hostile titles and abstracts come out of the index as text', async () => {
  await page.goto(searchUrl('?q=onerror'));
  await rendered('?q=onerror');
  const result = page.locator('.search-result').filter({ hasText: 'Escaping' });
  expect(await result.locator('.search-result__title').innerText()).toBe('Escaping {props.title} <script>alert("x")</script> & `code`');
  expect(await result.locator('.search-result__excerpt').innerText()).toContain('<img src=x onerror=alert(1)>');
  expect(await result.locator('.search-result__excerpt mark').first().innerText()).toBe('onerror=alert(1)>');
  expect(await page.locator('.search-results__list img, .search-results__list script').count()).toBe(0);
});
