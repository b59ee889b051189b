/**
 * The search index is built in shards by the month papers were first listed, and a shard is taken from its cache only when the
 * indexed part of every one of its pages is byte-identical to the build it was made for: a stale
 * shard would hide new papers from search. Real Pagefind, on sites of a few small paper pages.
 */
import { existsSync, linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listBuiltFiles } from '../../src/build/built-site.ts';
import { buildSearchIndex, shardPagesFromEnv } from '../../src/build/search-index.ts';
import { PAGEFIND_DIR } from '../../src/lib/search/search-paths.ts';
import type { CatalogFile } from '../../src/lib/catalog/catalog-file.ts';
import { dateSortKey } from '../../src/lib/search/search-record.ts';
import { SHARD_MANIFEST, SHARD_PAGE_LIMIT, type ShardManifest } from '../../src/lib/search/search-shards.ts';

const ROOT = mkdtempSync(join(tmpdir(), 'papershelf-search-index-'));
afterAll(() => rmSync(ROOT, { recursive: true, force: true }));

interface Paper {
  title: string;
  text: string;
  published?: string;
  upvotes?: number;
  /** The capture date of the one dated listing it is in; without one, the shard goes by `published`. */
  listed?: string;
  /** Outside the indexed element, like a paper page's related papers. */
  aside?: string;
}

function page({ title, text, aside = '' }: Paper): string {
  return (
    `<!doctype html><html lang="en"><head><title>${title}</title></head><body><header>Papershelf</header>` +
    `<article class="paper" data-pagefind-body><h1>${title}</h1><p>${text}</p><article class="quote"><p>Nested.</p></article></article>` +
    `<aside>${aside}</aside></body></html>`
  );
}

/** The papers as the site's papers.json lists them, where the search records come from. */
function catalogFile(papers: Record<string, Paper>): CatalogFile {
  const dated = Object.values(papers).flatMap(({ listed }) => (listed ? [[listed, { title: `Daily, ${listed}`, captured: listed }] as const] : []));
  return {
    url: 'https://example.github.io/papershelf/',
    topics: { kernels: { name: 'Kernels' } },
    listings: { daily: { title: 'Daily, with a comma' }, ...Object.fromEntries(dated) },
    papers: Object.entries(papers).map(([slug, { published, upvotes = 0, listed }]) => ({
      slug,
      title: slug,
      published: published ?? null,
      authors: null,
      upvotes,
      organisation: null,
      arxiv: null,
      authorNames: null,
      topics: slug.startsWith('kernel') ? ['kernels'] : [],
      listings: listed ? ['daily', listed] : ['daily'],
    })),
  };
}

function site(name: string, papers: Record<string, Paper>, catalog = catalogFile(papers)): string {
  const dir = join(ROOT, name);
  for (const [slug, paper] of Object.entries(papers)) {
    mkdirSync(join(dir, 'papers', slug), { recursive: true });
    writeFileSync(join(dir, 'papers', slug, 'index.html'), page(paper));
  }
  writeFileSync(join(dir, 'index.html'), page({ title: 'Home', text: 'Not a paper: never indexed.' }));
  writeFileSync(join(dir, 'papers.json'), JSON.stringify(catalog));
  return dir;
}

const PAPERS: Record<string, Paper> = {
  'kernel-methods': { title: 'Kernel methods', text: 'Random features approximate a kernel.', published: '2019-05-01' },
  'undated-note': { title: 'An undated note', text: 'No date was listed.', upvotes: 3 },
  'sparse-attention': { title: 'Sparse attention', text: 'Attention over a sparse pattern of tokens.', published: '2024-03-02', upvotes: 12 },
  'weight-matrices': { title: 'Self-modifying weight matrices', text: 'A weight matrix that learns to modify itself.', published: '2024-11-20', upvotes: 3 },
  'late-paper': { title: 'A late paper', text: 'Listed in December.', published: '2024-12-30' },
};

/** Every file of a built index with its bytes, to compare two builds. */
const bundleOf = (dir: string) => Object.fromEntries(listBuiltFiles(join(dir, PAGEFIND_DIR)).map((file) => [file, readFileSync(join(dir, PAGEFIND_DIR, file))]));
const day = (iso: string) => Number(dateSortKey(iso));
const manifestOf = (dir: string) => JSON.parse(readFileSync(join(dir, PAGEFIND_DIR, SHARD_MANIFEST), 'utf8')) as ShardManifest;

describe('buildSearchIndex', () => {
  const cache = join(ROOT, 'cache');
  const options = { cacheRoot: cache, shardPages: 3 };

  it('indexes the paper pages, and only them, in shards of months listed newest first', { timeout: 60_000 }, async () => {
    const result = await buildSearchIndex(site('first', PAPERS), options);
    // Oldest first, at most 3 a shard: undated, 2019-05 and 2024-03; then 2024-11 and 2024-12.
    expect(result).toMatchObject({ indexed: 5, shards: ['2024-11', 'undated'], reindexed: ['2024-11', 'undated'] });
    expect(result.files).toBe(listBuiltFiles(join(ROOT, 'first', PAGEFIND_DIR)).length);
    const manifest = manifestOf(join(ROOT, 'first'));
    expect(manifest.shards.map((shard) => [shard.name, shard.pages])).toEqual([
      ['2024-11', 2],
      ['undated', 3],
    ]);
    // Each shard's sort values in Pagefind's ascending order, as runs.
    expect(manifest.shards[0]!.sorts).toEqual({
      date: [
        [day('2024-11-20'), 1],
        [day('2024-12-30'), 1],
      ],
      upvotes: [
        [0, 1],
        [3, 1],
      ],
    });
    expect(manifest.shards[1]!.sorts).toEqual({
      date: [
        [0, 1],
        [day('2019-05-01'), 1],
        [day('2024-03-02'), 1],
      ],
      upvotes: [
        [0, 1],
        [3, 1],
        [12, 1],
      ],
    });
  });

  it('starts a shard past the limit, and keeps Pagefind’s script and WebAssembly in the primary shard only', { timeout: 60_000 }, async () => {
    const more = {
      ...PAPERS,
      january: { title: 'January', text: 'One.', published: '2025-01-10' },
      february: { title: 'February', text: 'Two.', published: '2025-02-10' },
      march: { title: 'March', text: 'Three.', published: '2025-03-10' },
    };
    const dir = site('split', more);
    const result = await buildSearchIndex(dir, { ...options, cacheRoot: join(ROOT, 'cache-split') });
    expect(result.shards).toEqual(['2025-02', '2024-11', 'undated']);
    const files = listBuiltFiles(join(dir, PAGEFIND_DIR));
    expect(files.filter((file) => /pagefind\.js$|pagefind-worker\.js$|\.pagefind$/.test(file)).every((file) => file.startsWith('2025-02/'))).toBe(true);
    expect(files).toContain('2025-02/pagefind.js');
    expect(files.some((file) => /-ui\.|highlight/.test(file))).toBe(false);
    for (const shard of result.shards) expect(files).toContain(`${shard}/pagefind-entry.json`);
  });

  it('takes every shard from the cache when no indexed part changed, and links rather than copies them', { timeout: 60_000 }, async () => {
    const again = site('again', Object.fromEntries(Object.entries(PAPERS).map(([slug, paper]) => [slug, { ...paper, aside: 'Related papers moved.' }])));
    writeFileSync(join(again, 'index.html'), page({ title: 'Home', text: 'The home page changed; the index does not depend on it.' }));
    const result = await buildSearchIndex(again, options);
    expect(result).toMatchObject({ indexed: 5, reindexed: [] });
    expect(bundleOf(again)).toEqual(bundleOf(join(ROOT, 'first')));
    expect(statSync(join(again, PAGEFIND_DIR, '2024-11', 'pagefind-entry.json')).nlink).toBeGreaterThan(1);
  });

  it('indexes again only the shard whose page changed, was added or went, and gives what a build without a cache gives', { timeout: 120_000 }, async () => {
    const { 'weight-matrices': _, ...withoutNovember } = PAPERS;
    const variants: Record<string, [Record<string, Paper>, string[], string[]]> = {
      edited: [{ ...PAPERS, 'kernel-methods': { ...PAPERS['kernel-methods']!, text: 'Random features approximate a Gaussian kernel.' } }, ['undated'], ['2024-11', 'undated']],
      added: [{ ...PAPERS, 'new-paper': { title: 'A new paper', text: 'Listed today.', published: '2024-12-31' } }, ['2024-11'], ['2024-11', 'undated']],
      // Published in 2019, first listed in December 2024: it joins the newest shard, not 2019's.
      resurfaced: [{ ...PAPERS, 'old-paper': { title: 'An old paper', text: 'Listed again.', published: '2019-06-01', listed: '2024-12-31' } }, ['2024-11'], ['2024-11', 'undated']],
      // The newest shard, down to one paper (under half the limit), joins the one before it.
      removed: [withoutNovember, ['undated'], ['undated']],
    };
    for (const [name, [papers, reindexed, shards]] of Object.entries(variants)) {
      await buildSearchIndex(site(`${name}-before`, PAPERS), options);
      const result = await buildSearchIndex(site(name, papers), options);
      expect(result.reindexed, name).toEqual(reindexed);
      expect(result.shards, name).toEqual(shards);
      const uncached = await buildSearchIndex(site(`${name}-uncached`, papers), { ...options, cacheRoot: join(ROOT, `cache-${name}`) });
      expect(uncached.reindexed).toEqual(uncached.shards);
      expect(bundleOf(join(ROOT, name)), name).toEqual(bundleOf(join(ROOT, `${name}-uncached`)));
    }
    // Shards no longer planned leave the cache.
    expect(existsSync(join(cache, 'search-index', 'shards', '2024-11'))).toBe(false);
  });

  it('takes each record from papers.json: a new upvote reindexes its shard; a paper page it lacks fails the build', { timeout: 60_000 }, async () => {
    await buildSearchIndex(site('records-before', PAPERS), options);
    const upvoted = catalogFile(PAPERS);
    upvoted.papers.find((paper) => paper.slug === 'late-paper')!.upvotes = 7;
    const result = await buildSearchIndex(site('records', PAPERS, upvoted), options);
    expect(result.reindexed).toEqual(['2024-11']);
    expect(manifestOf(join(ROOT, 'records')).shards[0]!.sorts['upvotes']).toEqual([
      [3, 1],
      [7, 1],
    ]);

    const unlisted = catalogFile(PAPERS);
    unlisted.papers = unlisted.papers.filter((paper) => paper.slug !== 'late-paper');
    await expect(buildSearchIndex(site('unlisted', PAPERS, unlisted), options)).rejects.toThrow('papers/late-paper/index.html is a paper page that papers.json does not list');
    const missing = site('no-catalog', PAPERS);
    rmSync(join(missing, 'papers.json'));
    await expect(buildSearchIndex(missing, options)).rejects.toThrow(/papers\.json is missing/);
  });

  it('never trusts a cached shard without its key', { timeout: 60_000 }, async () => {
    await buildSearchIndex(site('keyed', PAPERS), options);
    expect((await buildSearchIndex(site('keyed-again', PAPERS), options)).reindexed).toEqual([]);
    rmSync(join(cache, 'search-index', 'shards', 'undated', 'key'));
    expect((await buildSearchIndex(site('unkeyed', PAPERS), options)).reindexed).toEqual(['undated']);
  });

  it('indexes an output whose shards link into the cache without writing through the links', { timeout: 60_000 }, async () => {
    const dir = site('relinked', PAPERS);
    expect((await buildSearchIndex(dir, options)).reindexed).toEqual([]);
    const entry = join(dir, PAGEFIND_DIR, 'undated', 'pagefind-entry.json');
    const held = join(ROOT, 'held-entry.json');
    linkSync(entry, held);
    const before = readFileSync(held, 'utf8');
    writeFileSync(join(dir, 'papers', 'kernel-methods', 'index.html'), page({ ...PAPERS['kernel-methods']!, text: 'Edited after the first index.' }));
    expect((await buildSearchIndex(dir, options)).reindexed).toEqual(['undated']);
    expect(readFileSync(held, 'utf8')).toBe(before);
    expect(readFileSync(entry, 'utf8')).not.toBe(before);
  });
});

describe('shardPagesFromEnv', () => {
  it('defaults to the shard limit, takes a whole number, and refuses anything else', () => {
    expect(shardPagesFromEnv({})).toBe(SHARD_PAGE_LIMIT);
    expect(shardPagesFromEnv({ PAPERSHELF_SEARCH_SHARD_PAGES: '120' })).toBe(120);
    for (const bad of ['0', '-3', '2.5', 'many']) expect(() => shardPagesFromEnv({ PAPERSHELF_SEARCH_SHARD_PAGES: bad })).toThrow(/whole number/);
  });
});
