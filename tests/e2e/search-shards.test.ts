/**
 * The fixture's search index is in shards (FIXTURE_SHARD_PAGES); here it is searched as readers
 * search it, through the search page's own loader in Chromium, beside one Pagefind index of the
 * same pages built in one piece the way the site was indexed before shards. For every query,
 * filter and sort: the same results, the same facet counts, and sorted results in the same order
 * of their sort values. Relevance order is not compared: each shard ranks with its own document
 * counts (search-quality.test.ts holds the ranking to its 37 cases).
 *
 * One difference is known and pinned: when no word of a shard starts with a query word, Pagefind
 * falls back to the longest word of that shard the query word starts with, per index. One index
 * falls back only when the whole catalog has no such word, so a sharded search can find a few more
 * papers than one index, never fewer ('WGAN': one paper in one index, two in shards).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PAGEFIND_CONFIG, searchRecords } from '../../src/build/search-index.ts';
import { SHARD_MANIFEST, type ShardManifest } from '../../src/lib/search/search-shards.ts';
import { launchChromium } from './browser.ts';
import { FIXTURE_BASE, FIXTURE_DIST } from './fixture-site.ts';
import { SEARCH_INDEX_PAGE, addSearchIndexLoader } from './search-index-loader.ts';
import { type StaticServer, serveDist } from './serve.ts';

interface Answer {
  count: number;
  /** Result URLs in order, each with the value of the sort key (or '' unsorted). */
  results: [url: string, value: string][];
  filters: Record<string, Record<string, number>>;
  /** Every filter the response counted, the shards' own among them. */
  counted: string[];
}

const ONE = mkdtempSync(join(tmpdir(), 'papershelf-one-index-'));
let sharded: StaticServer;
let whole: StaticServer;
let browser: Browser;
let shardedPage: Page;
let wholePage: Page;

/** One index of every paper page as the site built it before shards: Pagefind over the whole pages, each with its search record. */
async function buildOneIndex(): Promise<void> {
  try {
    const { index, errors } = await pagefind.createIndex(PAGEFIND_CONFIG);
    if (!index || errors.length > 0) throw new Error(`createIndex: ${errors.join('; ')}`);
    for (const [path, { element }] of searchRecords(FIXTURE_DIST)) {
      const html = readFileSync(join(FIXTURE_DIST, path), 'utf8').replace(' data-pagefind-body>', ` data-pagefind-body>${element}`);
      const added = await index.addHTMLFile({ sourcePath: path, content: html });
      if (added.errors.length > 0) throw new Error(`addHTMLFile ${path}: ${added.errors.join('; ')}`);
    }
    const written = await index.writeFiles({ outputPath: join(ONE, 'pagefind') });
    if (written.errors.length > 0) throw new Error(`writeFiles: ${written.errors.join('; ')}`);
  } finally {
    await pagefind.close();
  }
  writeFileSync(join(ONE, 'index.html'), '<!doctype html><html lang="en"><title>one index</title></html>');
}

beforeAll(async () => {
  mkdirSync(ONE, { recursive: true });
  await buildOneIndex();
  [sharded, whole, browser] = await Promise.all([serveDist(FIXTURE_DIST, FIXTURE_BASE), serveDist(ONE, FIXTURE_BASE), launchChromium()]);
  shardedPage = await browser.newPage(SEARCH_INDEX_PAGE);
  await shardedPage.goto(`${sharded.url}offline/`);
  await addSearchIndexLoader(shardedPage, FIXTURE_BASE);
  await shardedPage.evaluate(async (base) => {
    const w = window as unknown as {
      openSearchIndex(base: string, copy: string): Promise<unknown>;
      loadPagefind(role: string): Promise<unknown>;
      index: unknown;
      results: unknown;
    };
    w.index = await w.openSearchIndex(base, 'equivalence');
    w.results = await w.loadPagefind('results');
  }, FIXTURE_BASE);
  wholePage = await browser.newPage();
  await wholePage.goto(whole.url);
  // A string, because Vitest would rewrite an import() inside a function it compiles.
  await wholePage.evaluate(
    `import(${JSON.stringify(`${FIXTURE_BASE}pagefind/pagefind.js`)}).then(async (p) => { await p.options({ baseUrl: ${JSON.stringify(FIXTURE_BASE)} }); await p.init(); window.index = p; })`,
  );
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await Promise.all([sharded?.close(), whole?.close()]);
  rmSync(ONE, { recursive: true, force: true });
});

/** `copy` is the window property holding the index asked: 'results' is the search page's copy for searches without filters. */
function ask(page: Page, term: string | null, options: { filters?: object; sort?: Record<string, string> }, copy = 'index'): Promise<Answer> {
  return page.evaluate(
    async ({ term, options, copy }) => {
      type Result = { data(): Promise<{ url: string; meta: Record<string, string> }> };
      type Index = { search(t: string | null, o: object): Promise<{ results: Result[]; filters: Answer['filters'] }> };
      const index = (window as unknown as Record<string, Index>)[copy]!;
      const response = await index.search(term, { filters: {}, ...options });
      const key = Object.keys(options.sort ?? {})[0];
      const data = await Promise.all(response.results.map((result) => result.data()));
      // The sort keys are not result meta; their meta twins are (a date's day number is its ISO date).
      const value = (meta: Record<string, string>) => (key === 'date' ? (meta['date'] ?? '') : key === 'upvotes' ? (meta['upvotes'] ?? '') : '');
      const { shard: _, ...filters } = response.filters;
      return {
        count: response.results.length,
        results: data.map((d) => [d.url, value(d.meta)] as [string, string]),
        filters,
        counted: Object.keys(response.filters),
      };
    },
    { term, options, copy },
  );
}

const TERMS = [null, 'learning', 'diffusion models', 'attention', '"in-context learning"', 'transformer 2024'];
/** Query words some shard holds no extension of (see above). */
const FALLBACK_TERMS = ['WGAN', 'grokk'];
const OPTIONS: { filters?: object; sort?: Record<string, string> }[] = [
  {},
  { sort: { date: 'desc' } },
  { sort: { upvotes: 'desc' } },
  { sort: { date: 'asc' } },
  { filters: { year: { any: ['2024', '2023'] } } },
  { filters: { 'has-upvotes': { any: ['yes'] } }, sort: { date: 'desc' } },
  { filters: { topic: { any: ['In-context learning'] }, year: { any: ['2025'] } }, sort: { upvotes: 'desc' } },
];

describe('a sharded index searched as one', () => {
  test('the fixture really is in several shards', () => {
    const manifest = JSON.parse(readFileSync(join(FIXTURE_DIST, 'pagefind', SHARD_MANIFEST), 'utf8')) as ShardManifest;
    expect(manifest.shards.length).toBeGreaterThanOrEqual(3);
  });

  test('gives every catalog-wide facet count one index gives', async () => {
    const counts = (page: Page) =>
      page.evaluate(async () => {
        const { shard: _, ...filters } = await (window as unknown as { index: { filters(): Promise<Record<string, object>> } }).index.filters();
        return filters;
      });
    expect(await counts(shardedPage)).toEqual(await counts(wholePage));
  });

  describe.each(TERMS)('for %s', (term) => {
    test.each(OPTIONS)('with %j: the same results, counts and sorted order', async (options) => {
      const [mine, one] = await Promise.all([ask(shardedPage, term, options), ask(wholePage, term, options)]);
      expect(mine.count).toBe(one.count);
      expect(mine.results.map(([url]) => url).sort()).toEqual(one.results.map(([url]) => url).sort());
      expect(mine.filters).toEqual(one.filters);
      // Ties (the same day, the same upvotes) may come in another order; the values may not.
      if (options.sort) expect(mine.results.map(([, value]) => value)).toEqual(one.results.map(([, value]) => value));
      if (term === null && !options.filters) expect(mine.count).toBeGreaterThan(500);
    });
  });

  describe.each(TERMS)("through the search page's copy for searches without filters, for %s", (term) => {
    test.each(OPTIONS.filter((options) => !options.filters))('with %j: the same results and sorted order', async (options) => {
      const [mine, one] = await Promise.all([ask(shardedPage, term, options, 'results'), ask(wholePage, term, options)]);
      expect(mine.results.map(([url]) => url).sort()).toEqual(one.results.map(([url]) => url).sort());
      if (options.sort) expect(mine.results.map(([, value]) => value)).toEqual(one.results.map(([, value]) => value));
      // A copy that holds any filter counts it for every match: this one holds none, so counts none.
      else expect(mine.counted).toEqual([]);
    });
  });

  describe.each(FALLBACK_TERMS)('for %s, which some shard has no extension of', (term) => {
    test.each(OPTIONS)('with %j: every result one index gives, and at most a few more', async (options) => {
      const [mine, one] = await Promise.all([ask(shardedPage, term, options), ask(wholePage, term, options)]);
      const urls = new Set(mine.results.map(([url]) => url));
      for (const [url] of one.results) expect(urls).toContain(url);
      expect(mine.count - one.count).toBeLessThanOrEqual(2);
    });
  });
});
