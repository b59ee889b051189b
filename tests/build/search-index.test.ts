/**
 * The search index is taken from its cache only when every paper page is byte-identical to the
 * build it was made for: a stale index would hide new papers from search. Real Pagefind, on a site
 * of three small paper pages.
 */
import { linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listBuiltFiles } from '../../src/build/built-site.ts';
import { buildSearchIndex } from '../../src/build/search-index.ts';
import { PAGEFIND_DIR } from '../../src/lib/search-paths.ts';

const ROOT = mkdtempSync(join(tmpdir(), 'papershelf-search-index-'));
afterAll(() => rmSync(ROOT, { recursive: true, force: true }));

const page = (title: string, text: string) =>
  `<!doctype html><html lang="en"><head><title>${title}</title></head><body><header>Papershelf</header>` +
  `<article data-pagefind-body><h1>${title}</h1><p>${text}</p></article></body></html>`;

function site(name: string, papers: Record<string, [string, string]>): string {
  const dir = join(ROOT, name);
  for (const [slug, [title, text]] of Object.entries(papers)) {
    mkdirSync(join(dir, 'papers', slug), { recursive: true });
    writeFileSync(join(dir, 'papers', slug, 'index.html'), page(title, text));
  }
  writeFileSync(join(dir, 'index.html'), page('Home', 'Not a paper: never indexed.'));
  return dir;
}

const PAPERS: Record<string, [string, string]> = {
  'sparse-attention': ['Sparse attention', 'Attention over a sparse pattern of tokens.'],
  'weight-matrices': ['Self-modifying weight matrices', 'A weight matrix that learns to modify itself.'],
  'kernel-methods': ['Kernel methods', 'Random features approximate a kernel.'],
};

/** Every file of a built bundle with its bytes, to compare two bundles. */
const bundleOf = (dir: string) => Object.fromEntries(listBuiltFiles(join(dir, PAGEFIND_DIR)).map((file) => [file, readFileSync(join(dir, PAGEFIND_DIR, file))]));
const wordsIn = (dir: string) => readFileSync(join(dir, PAGEFIND_DIR, 'pagefind-entry.json'), 'utf8');

describe('buildSearchIndex', () => {
  const cache = join(ROOT, 'cache');

  it('indexes the paper pages, and only them, the first time', { timeout: 60_000 }, async () => {
    const result = await buildSearchIndex(site('first', PAPERS), cache);
    expect(result).toMatchObject({ indexed: 3, reused: false });
    expect(result.files).toBe(listBuiltFiles(join(ROOT, 'first', PAGEFIND_DIR)).length);
  });

  it('takes the same bundle from the cache when no paper page changed, and links rather than copies it', { timeout: 60_000 }, async () => {
    const again = site('again', PAPERS);
    writeFileSync(join(again, 'index.html'), page('Home', 'The home page changed; the index does not depend on it.'));
    const result = await buildSearchIndex(again, cache);
    expect(result).toMatchObject({ indexed: 3, reused: true });
    expect(bundleOf(again)).toEqual(bundleOf(join(ROOT, 'first')));
    expect(statSync(join(again, PAGEFIND_DIR, 'pagefind-entry.json')).nlink).toBeGreaterThan(1);
  });

  it('indexes again when a paper page changed, was added or went, and gives what a build without a cache gives', { timeout: 120_000 }, async () => {
    const variants: Record<string, Record<string, [string, string]>> = {
      edited: { ...PAPERS, 'kernel-methods': ['Kernel methods', 'Random features approximate a Gaussian kernel.'] },
      added: { ...PAPERS, 'new-paper': ['A new paper', 'Listed today.'] },
      removed: { 'sparse-attention': PAPERS['sparse-attention']!, 'weight-matrices': PAPERS['weight-matrices']! },
    };
    for (const [name, papers] of Object.entries(variants)) {
      const result = await buildSearchIndex(site(name, papers), cache);
      expect(result, name).toMatchObject({ indexed: Object.keys(papers).length, reused: false });
      const uncached = await buildSearchIndex(site(`${name}-uncached`, papers), join(ROOT, `cache-${name}`));
      expect(uncached.reused).toBe(false);
      expect(bundleOf(join(ROOT, name)), name).toEqual(bundleOf(join(ROOT, `${name}-uncached`)));
    }
    expect(wordsIn(join(ROOT, 'removed'))).not.toBe(wordsIn(join(ROOT, 'first')));
  });

  it('never trusts a cache without its key', { timeout: 60_000 }, async () => {
    await buildSearchIndex(site('keyed', PAPERS), cache);
    expect((await buildSearchIndex(site('keyed-again', PAPERS), cache)).reused).toBe(true);
    rmSync(join(cache, 'search-index', 'key'));
    expect((await buildSearchIndex(site('unkeyed', PAPERS), cache)).reused).toBe(false);
  });

  it('indexes an output whose bundle links into the cache without writing through the links', { timeout: 60_000 }, async () => {
    const dir = site('relinked', PAPERS);
    expect((await buildSearchIndex(dir, cache)).reused).toBe(true);
    const entry = join(dir, PAGEFIND_DIR, 'pagefind-entry.json');
    const held = join(ROOT, 'held-entry.json');
    linkSync(entry, held);
    const before = readFileSync(held, 'utf8');
    writeFileSync(join(dir, 'papers', 'kernel-methods', 'index.html'), page('Kernel methods', 'Edited after the first index.'));
    expect((await buildSearchIndex(dir, cache)).reused).toBe(false);
    expect(readFileSync(held, 'utf8')).toBe(before);
    expect(readFileSync(entry, 'utf8')).not.toBe(before);
  });
});
