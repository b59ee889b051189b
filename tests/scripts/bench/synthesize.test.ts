import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { searchQueries, seedPapers, synthesizeCatalog } from '../../../scripts/bench/lib/synthesize.ts';
import { ingestListings } from '../../../src/lib/merge/ingest.ts';
import { detectFormat } from '../../../src/lib/listing/index.ts';
import { slugFor } from '../../../src/lib/merge/slug.ts';
import { titleKey } from '../../../src/lib/merge/title-key.ts';

const LISTINGS = 'content/listings';
const seeds = seedPapers(
  readdirSync(LISTINGS)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ file: f, text: readFileSync(join(LISTINGS, f), 'utf8') })),
);
const N = 1000;
const catalog = synthesizeCatalog(seeds, { papers: N });
const ingested = ingestListings(catalog.listings);

describe('seed papers', () => {
  test('come from every default listing, once per title, with real abstracts', () => {
    expect(seeds.length).toBeGreaterThan(400);
    expect(new Set(seeds.map((s) => titleKey(s.title))).size).toBe(seeds.length);
    for (const seed of seeds) expect(seed.paragraphs.join('\n\n').length).toBeGreaterThan(300);
  });

  test('do not depend on the order of the listings', () => {
    const files = readdirSync(LISTINGS).filter((f) => f.endsWith('.txt'));
    const read = (f: string) => ({ file: f, text: readFileSync(join(LISTINGS, f), 'utf8') });
    expect(seedPapers([...files].reverse().map(read))).toEqual(seeds);
  });
});

describe('a synthetic catalog of 1000 papers', () => {
  test('is the same bytes for the same options, different for another seed', () => {
    expect(synthesizeCatalog(seeds, { papers: N })).toEqual(catalog);
    expect(synthesizeCatalog(seeds, { papers: N, seed: 2 }).listings[0]!.text).not.toBe(catalog.listings[0]!.text);
  });

  test('ingest reads every entry: exactly N papers, none rejected, repeats merged', () => {
    expect(ingested.report.rejected).toEqual([]);
    expect(ingested.report.warnings).toEqual([]);
    expect(ingested.report.papers).toBe(N);
    expect(ingested.report.entries).toBe(catalog.entries);
    expect(catalog.entries).toBeGreaterThan(N);
    const repeats = ingested.report.duplicates.reduce((sum, d) => sum + d.sources.length - 1, 0);
    expect(repeats).toBe(catalog.entries - N);
    expect(catalog.titles.length).toBe(N);
  });

  test('mixes all three formats, read as such: JSON papers with arXiv ids and author names', () => {
    const formats = catalog.listings.map((l) => (l.file.endsWith('.json') ? 'daily-papers-json' : detectFormat(l.text)));
    expect(new Set(formats)).toEqual(new Set(['page', 'bare', 'daily-papers-json']));
    expect(ingested.listings.map((l) => l.format)).toEqual(formats);
    const withIds = ingested.papers.filter((p) => p.arxiv);
    expect(withIds.length).toBeGreaterThan(0);
    expect(new Set(withIds.map((p) => p.arxiv)).size).toBe(withIds.length);
    for (const paper of withIds) expect(paper.authorNames).toHaveLength(paper.authors!);
    // Bare dumps glue page furniture to the first title, as copied from a browser.
    expect(catalog.listings.find((l) => detectFormat(l.text) === 'bare')!.text).toMatch(/\nSubscribe\p{Lu}/u);
  });

  test('looks like real listings: real abstracts, spread dates, heavy-tailed upvotes, authors and organisations', () => {
    const openings = new Set(seeds.map((s) => s.paragraphs[0]!.slice(0, 120)));
    const papers = ingested.papers;
    for (const paper of papers) expect(openings.has(paper.abstract.slice(0, 120))).toBe(true);
    const years = new Set(papers.flatMap((p) => (p.published ? [p.published.slice(0, 4)] : [])));
    expect(years.size).toBeGreaterThanOrEqual(3);
    expect(papers.filter((p) => !p.published).length).toBeGreaterThan(0);
    const votes = papers.map((p) => p.upvotes);
    expect(votes.filter((v) => v === 0).length).toBeGreaterThan(N * 0.2);
    expect(votes.filter((v) => v >= 100).length).toBeGreaterThan(N * 0.05);
    expect(papers.some((p) => p.organisation)).toBe(true);
    expect(papers.filter((p) => p.authors).length).toBeGreaterThan(N * 0.5);
    // Every seed's real title comes first; variants follow with research-style prefixes or suffixes.
    expect(papers.filter((p) => /^(Revisiting|Rethinking|Towards|Scaling) /.test(p.title)).length).toBeGreaterThan(0);
  });

  test('its extra listing adds exactly 20 new papers, captured after all others', () => {
    const more = ingestListings([...catalog.listings, catalog.extra]);
    expect(more.report.rejected).toEqual([]);
    expect(more.report.papers).toBe(N + 20);
    const captured = ingested.listings.flatMap((l) => (l.captured ? [l.captured] : []));
    expect(catalog.extra.sidecar!.captured! > captured.sort().at(-1)!).toBe(true);
    expect(catalog.extra.name > catalog.listings.at(-1)!.name).toBe(true);
  });
});

test('a catalog larger than the seeds has distinct titles and still parses whole', () => {
  const big = synthesizeCatalog(seeds, { papers: 2500, seed: 7 });
  const result = ingestListings(big.listings);
  expect(result.report.rejected).toEqual([]);
  expect(result.report.papers).toBe(2500);
});

test('papers that must be there (those with notes) are, even in a small catalog', () => {
  const wanted = seeds.at(-1)!;
  const small = synthesizeCatalog(seeds, { papers: 120, include: (seed) => seed === wanted });
  expect(ingestListings(small.listings).papers.map((p) => p.slug)).toContain(slugFor(titleKey(wanted.title)));
});

test('search queries are distinct words or phrases of catalog titles', () => {
  const queries = searchQueries(catalog.titles, 20);
  expect(queries).toHaveLength(20);
  expect(new Set(queries).size).toBe(20);
  for (const query of queries) {
    expect(query).toMatch(/^[a-z]{5,}( [a-z]+)?$/);
    expect(catalog.titles.some((t) => titleKey(t).includes(query))).toBe(true);
  }
  expect(queries.filter((q) => q.includes(' ')).length).toBeGreaterThan(0);
});

test('refuses an empty seed set or a non-positive size', () => {
  expect(() => synthesizeCatalog([], { papers: 10 })).toThrow(/no seed papers/);
  expect(() => synthesizeCatalog(seeds, { papers: 0 })).toThrow(/positive integer/);
});
